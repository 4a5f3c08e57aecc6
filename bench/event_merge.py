"""Event merging against hand-labelled article pairs (bench/data/event_pairs.jsonl).

For each pair: both Wikinews articles run through the real Extractor into a temporary store,
stories and canonical events are rebuilt, and we ask whether one canonical event of the pair's
type has mentions from both articles. "same" pairs should merge (recall); "different" pairs
should not (a merge is a false merge). Pairs are scored one at a time, so one pair cannot help
another; `--corpus-store` instead scores inside one store holding every pair's articles.

    .venv/bin/python bench/event_merge.py [--corpus ../shared/corpora/wikinews_en.jsonl]
"""
from __future__ import annotations

import argparse
import json
import pickle
import tempfile
import time
from pathlib import Path

from sitroom.extract import Extractor
from sitroom.ingest.records import article_from_record
from sitroom.store.db import Store

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "bench" / "data" / "event_pairs.jsonl"
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews_en.jsonl"


def merged(store: Store, a: str, b: str, type_: str) -> tuple[bool, bool]:
    """(both articles have an event of this type, one canonical event links them)."""
    rows = store.query(
        "SELECT e.article_id, m.canonical_id FROM events e JOIN event_mentions m USING "
        "(event_id) WHERE e.type = ? AND e.article_id IN (?, ?)", [type_, a, b])
    by_article: dict[str, set[str]] = {}
    for r in rows:
        by_article.setdefault(r["article_id"], set()).add(r["canonical_id"])
    both = a in by_article and b in by_article
    return both, both and bool(by_article[a] & by_article[b])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--corpus-store", action="store_true",
                        help="score every pair inside one store with all pairs' articles")
    parser.add_argument("--cache", type=Path,
                        help="pickle of the extractions: read if present, else written, so that "
                             "merging changes can be compared on identical extractor output")
    args = parser.parse_args()
    pairs = [json.loads(line) for line in args.pairs.open(encoding="utf-8") if line.strip()]
    wanted = {p[k] for p in pairs for k in ("a", "b")}
    records = {}
    with args.corpus.open(encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            if rec["id"] in wanted:
                records[rec["id"]] = rec
    started = time.perf_counter()
    extracted = {}
    if args.cache is not None and args.cache.exists():
        extracted = pickle.loads(args.cache.read_bytes())
    missing = sorted(wanted - set(extracted))
    if missing:
        extractor = Extractor()
        for x in extractor.extract(article_from_record(records[i], f"wikinews#{i}")
                                   for i in missing):
            extracted[x.article.origin.split("#", 1)[1]] = x
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps(extracted))
    tally = {"same": [0, 0, 0], "different": [0, 0, 0]}  # pairs, both typed, merged
    with tempfile.TemporaryDirectory() as tmp:
        shared_store = None
        if args.corpus_store:
            shared_store = Store(Path(tmp) / "all.duckdb")
            shared_store.add(list(extracted.values()))
            shared_store.rebuild_stories()
        for n, p in enumerate(pairs):
            if shared_store is not None:
                store = shared_store
            else:
                store = Store(Path(tmp) / f"{n}.duckdb")
                store.add([extracted[p["a"]], extracted[p["b"]]])
                store.rebuild_stories()
            a, b = extracted[p["a"]].article.id, extracted[p["b"]].article.id
            both, link = merged(store, a, b, p["type"])
            t = tally[p["label"]]
            t[0] += 1
            t[1] += both
            t[2] += link
            wrong = (p["label"] == "same") != link
            print(f"{'MISS ' if wrong and p['label'] == 'same' else 'FALSE' if wrong else 'ok   '}"
                  f" {p['label']:<9} {p['type']:<8} typed-in-both={both!s:<5} {p['event']}")
            if shared_store is None:
                store.close()
        if shared_store is not None:
            shared_store.close()
    same, diff = tally["same"], tally["different"]
    tp, fp = same[2], diff[2]
    print(f"\nsame pairs {same[0]} (type coded in both articles: {same[1]}), merged {tp}")
    print(f"different pairs {diff[0]} (type coded in both: {diff[1]}), falsely merged {fp}")
    print(f"recall {tp / max(same[0], 1):.2f} (of pairs the extractor coded in both: "
          f"{tp / max(same[1], 1):.2f})")
    print(f"precision {tp / max(tp + fp, 1):.2f}; false-merge rate on different pairs "
          f"{fp / max(diff[0], 1):.2f} (of coded in both: {fp / max(diff[1], 1):.2f})")
    print(f"{time.perf_counter() - started:.1f}s")


if __name__ == "__main__":
    main()
