"""CPU seconds of the claim regroup step after adding a batch of articles to a store: the
incremental `Store.regroup_claims()` (only the stories the batch touches) against a full regroup
of the same store (`regroup_claims(full=True)`: what every ingest did before), in the same run,
each from its own copy of the same file; both must leave identical tables.

The store: the first N articles of the Wikinews JSONL, ingested with the real extractor (claims
need it; a few minutes on 2 cores), e.g.

    head -n 3000 ../shared/corpora/wikinews_en.jsonl > /tmp/w3000.jsonl
    .venv/bin/sitroom ingest /tmp/w3000.jsonl --db /tmp/w3000.duckdb
    .venv/bin/python bench/claims_regroup.py --db /tmp/w3000.duckdb -n 3000 --add 50

`--db` is copied, never modified; without it the store is built first (slow). The added batch
is corpus articles N..N+ADD (dated after the store's), extracted, stored and its stories updated
before the timed step; with `--add-from DIR` it is the first ADD articles read from DIR instead
(for a store of the whole corpus, e.g. the 275 annotated articles of tests/quality/corpus,
which the JSONL does not hold):

    .venv/bin/sitroom ingest ../shared/corpora/wikinews_en.jsonl --db /tmp/wn.duckdb
    .venv/bin/python bench/claims_regroup.py --db /tmp/wn.duckdb \
        --add-from tests/quality/corpus/articles --add 50
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from sitroom.ingest.records import article_from_record
from sitroom.records import Article
from sitroom.store.db import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews_en.jsonl"


def corpus_articles(corpus: Path, n: int, skip: int = 0) -> list[Article]:
    """Corpus articles skip..skip+n."""
    out = []
    with corpus.open(encoding="utf-8") as handle:
        for k, line in enumerate(handle):
            if k < skip:
                continue
            if len(out) >= n:
                break
            out.append(article_from_record(json.loads(line), f"{corpus.name}#{k}"))
    return out


def copy_db(src: Path, dst: Path) -> None:
    shutil.copy(src, dst)
    wal = Path(str(src) + ".wal")
    if wal.exists():
        shutil.copy(wal, Path(str(dst) + ".wal"))


def build(path: Path, corpus: Path, n: int) -> None:
    """Ingest the corpus's first n articles as `sitroom ingest` does."""
    from sitroom.batch import run_ingest

    with Store(path) as store:
        run_ingest(corpus_articles(corpus, n), store)
        store.update_stories()
        store.regroup_claims()


def added_articles(args: argparse.Namespace) -> list[Article]:
    """The batch to add: corpus articles N..N+ADD, or the first ADD articles of --add-from."""
    if args.add_from is None:
        return corpus_articles(args.corpus, args.add, skip=args.n)
    from sitroom.ingest import read_paths

    found = [a for a in read_paths([str(args.add_from)]) if isinstance(a, Article)]
    return sorted(found, key=lambda a: a.origin)[:args.add]


def state(path: Path) -> tuple[list[tuple], list[tuple]]:
    with Store(path, read_only=True) as store:
        return (store.con.execute("SELECT * FROM claim_groups ORDER BY ALL").fetchall(),
                store.con.execute("SELECT claim_id, group_id FROM claims ORDER BY ALL")
                .fetchall())


def timed(path: Path, full: bool) -> tuple[float, float, int]:
    """CPU and wall seconds of one regroup on the file at `path`, and the groups it computed."""
    with Store(path) as store:
        cpu, wall = time.process_time(), time.perf_counter()
        groups = store.regroup_claims(full=full)
        return time.process_time() - cpu, time.perf_counter() - wall, len(groups)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an ingested store of the first N articles")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("-n", type=int, default=3000, help="articles in the store")
    parser.add_argument("--add", type=int, default=50, help="articles added, then regrouped")
    parser.add_argument("--add-from", type=Path,
                        help="read the added articles from this folder (default: the corpus)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs each; the fastest counts")
    args = parser.parse_args()
    from sitroom.extract import Extractor

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.duckdb"
        if args.db is not None:
            copy_db(args.db, base)
        else:
            build(base, args.corpus, args.n)
        with Store(base) as store:
            store.update_stories()
            store.regroup_claims(full=True)  # grouped by this code (the file may be older)
            before = (store.count("articles"), store.count("claims"),
                      store.count("claim_groups"))
            batch = [x for x in Extractor().extract(added_articles(args))
                     if not isinstance(x, Exception)]
            store.add(batch)
            store.update_stories()
            stale = store.stale_claim_partitions()
            stories = len({s for s in (store.claim_partitions() or {}).values()})
            added = sum(len(x.claims) for x in batch)
        runs: dict[bool, list[tuple[float, float, int]]] = {False: [], True: []}
        states = {}
        for k in range(max(args.repeat, 1)):
            for full in (False, True):
                path = Path(tmp) / f"run{k}{full}.duckdb"
                copy_db(base, path)
                runs[full].append(timed(path, full))
                states[full] = state(path)
                path.unlink()
        assert states[False] == states[True], "incremental regroup differs from a full one"
    inc, full = min(runs[False]), min(runs[True])
    print(f"store: {before[0]} articles, {before[1]} claims, {before[2]} claim groups, "
          f"{stories} stories; added {len(batch)} articles with {added} claims, "
          f"{len(stale or ())} stories to regroup")
    print(f"full regroup (before): CPU {full[0]:.3f}s wall {full[1]:.3f}s, {full[2]} groups "
          f"(runs CPU: {', '.join(f'{r[0]:.3f}' for r in runs[True])})")
    print(f"incremental (after):   CPU {inc[0]:.3f}s wall {inc[1]:.3f}s, {inc[2]} groups "
          f"(runs CPU: {', '.join(f'{r[0]:.3f}' for r in runs[False])})")
    print(f"CPU ratio {full[0] / max(inc[0], 1e-9):.1f}x; tables identical")


if __name__ == "__main__":
    main()
