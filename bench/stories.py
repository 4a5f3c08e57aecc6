"""Seconds per 1,000 articles for `Store.rebuild_stories()` (near-duplicates, stories, canonical
events, write), on a store of N articles.

Either an ingested store (`--db`, copied first so the original is left alone):

    .venv/bin/sitroom ingest ../shared/corpora/wikinews_en.jsonl --db /tmp/w.duckdb
    .venv/bin/python bench/stories.py --db /tmp/w.duckdb

or, without an ingested store, the first N articles of a JSONL corpus stored without running the
extractor (no events: this times the text stages, which dominate):

    .venv/bin/python bench/stories.py --corpus ../shared/corpora/wikinews_en.jsonl -n 3000

Then (`--add 50`, with --corpus) the cost of adding the next 50 corpus articles (a daily batch,
dated after the store's) to that store: `Store.update_stories()` against a full rebuild of the
same store, in the same run.
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from sitroom.ingest.records import article_from_record
from sitroom.records import Extraction
from sitroom.store.db import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews_en.jsonl"


def corpus_batch(corpus: Path, n: int, skip: int = 0) -> list[Extraction]:
    """Corpus articles skip..skip+n as extractions without events or claims."""
    batch = []
    with corpus.open(encoding="utf-8") as handle:
        for k, line in enumerate(handle):
            if k < skip:
                continue
            if len(batch) >= n:
                break
            rec = json.loads(line)
            batch.append(Extraction(article_from_record(rec, f"{corpus.name}#{rec['id']}")))
    return batch


def corpus_store(path: Path, corpus: Path, n: int) -> None:
    """A store of the corpus's first n articles, without events or claims."""
    with Store(path) as store:
        store.add(corpus_batch(corpus, n))


def add_and_update(path: Path, corpus: Path, n: int, add: int) -> None:
    """Add corpus articles n..n+add to the (rebuilt) store; time update_stories, then a full
    rebuild of the same store."""
    with Store(path) as store:
        store.add(corpus_batch(corpus, add, skip=n))
        cpu, wall = time.process_time(), time.perf_counter()
        inc = store.update_stories()
        inc_cpu, inc_wall = time.process_time() - cpu, time.perf_counter() - wall
        cpu, wall = time.process_time(), time.perf_counter()
        full = store.rebuild_stories()
        full_cpu, full_wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"add {inc.articles} articles to {full.articles - inc.articles}: "
          f"update_stories CPU {inc_cpu:.2f}s wall {inc_wall:.2f}s "
          f"({inc.replayed} articles replayed, {inc.stories} stories rewritten); "
          f"full rebuild CPU {full_cpu:.2f}s wall {full_wall:.2f}s; "
          f"CPU ratio {full_cpu / max(inc_cpu, 1e-9):.1f}x")
    print("update stages (wall): " + ", ".join(f"{name} {sec:.2f}s" for name, sec in inc.stages))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an ingested store (copied, not modified)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("-n", type=int, default=3000, help="articles from --corpus (no --db)")
    parser.add_argument("--repeat", type=int, default=2, help="rebuilds; the fastest counts")
    parser.add_argument("--add", type=int, default=50,
                        help="then add this many more corpus articles and time update_stories "
                             "against a full rebuild (0: skip; not with --db)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.duckdb"
        if args.db is not None:
            shutil.copy(args.db, path)
            wal = Path(str(args.db) + ".wal")
            if wal.exists():
                shutil.copy(wal, Path(str(path) + ".wal"))
        else:
            corpus_store(path, args.corpus, args.n)
        runs, cpu = [], []
        with Store(path) as store:
            for _ in range(max(args.repeat, 1)):
                started = time.process_time()
                runs.append(store.rebuild_stories())
                cpu.append(time.process_time() - started)
        if args.add and args.db is None:
            add_and_update(path, args.corpus, args.n, args.add)
    best = min(runs, key=lambda r: r.seconds)
    per_k = best.seconds / max(best.articles, 1) * 1000
    print(f"rebuild_stories: {best.articles} articles, {best.events} events -> "
          f"{best.stories} stories, {best.canonical_events} canonical events, "
          f"{best.duplicates} duplicates")
    print(f"{best.seconds:.2f}s ({per_k:.2f}s per 1,000 articles; runs: "
          f"{', '.join(f'{r.seconds:.2f}' for r in runs)})")
    print(f"CPU {min(cpu):.2f}s ({min(cpu) / max(best.articles, 1) * 1000:.2f}s per 1,000 "
          "articles; less noisy than wall time on a shared machine)")
    print("stages (wall): " + ", ".join(f"{name} {sec:.2f}s"
                                        for name, sec in getattr(best, "stages", ())))


if __name__ == "__main__":
    main()
