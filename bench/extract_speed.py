"""Throughput of `sitroom extract` against bare spaCy, on the same texts, in the same run.

    .venv/bin/python bench/extract_speed.py [--rounds 3] [--verbs FILE]

Texts: the two seeds and the 200 seed-format Wikinews articles in ../shared (issue 3 asks for at
least 0.7x the throughput of bare `nlp.pipe` with the same model). Both jobs run in this one
process, alternating, after a warm-up; the figure is the best round of each (least disturbed by
other work on the machine). Bare spaCy = `spacy.load(model).pipe(texts)`; sitroom = reading the
files, sitroom's pipeline (paragraph boundaries) and the whole Extractor (events, claims,
actors, places, dates), i.e. what `sitroom extract` does minus printing JSON. With `--verbs`,
`sitroom code` with that PETRARCH verb dictionary is timed in the same rounds too.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from corpus import PATHS, read_corpus  # bench/corpus.py: also puts the repo on sys.path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--verbs", type=Path, help="also time `sitroom code` with this dictionary")
    args = parser.parse_args()
    import spacy

    from sitroom.extract import Extractor
    from sitroom.ingest import read_paths
    from sitroom.nlp.pipeline import MODEL

    articles = read_corpus()
    if articles is None:
        return 2
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(MODEL)
    extractor = Extractor()
    list(bare.pipe(texts[:10]))
    list(extractor.extract(articles[:10]))
    verbs = None
    if args.verbs:
        from sitroom.verbs.dictionary import load_verb_dictionary
        verbs = load_verb_dictionary(args.verbs)
    best_bare = best_ours = best_code = float("inf")
    events = coded = 0
    for r in range(args.rounds):
        t0 = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=64):
            pass
        t_bare = time.perf_counter() - t0
        t0 = time.perf_counter()
        arts = [a for a in read_paths(PATHS) if hasattr(a, "text")]
        events = sum(len(x.events) for x in extractor.extract(arts))
        t_ours = time.perf_counter() - t0
        best_bare, best_ours = min(best_bare, t_bare), min(best_ours, t_ours)
        line = (f"round {r + 1}: bare spaCy {t_bare:.1f} s, sitroom extract {t_ours:.1f} s, "
                f"ratio {t_bare / t_ours:.2f}")
        if verbs is not None:
            t0 = time.perf_counter()
            arts = [a for a in read_paths(PATHS) if hasattr(a, "text")]
            coded = sum(len(x[1]) for x in extractor.code(arts, verbs) if isinstance(x, tuple))
            t_code = time.perf_counter() - t0
            best_code = min(best_code, t_code)
            line += f"; sitroom code {t_code:.1f} s, ratio {t_bare / t_code:.2f}"
        print(line)
    print(f"{len(texts)} articles, {words:,} words, {events} events")
    print(f"bare spaCy nlp.pipe : {len(texts) / best_bare:7.1f} articles/s "
          f"({words / best_bare:,.0f} words/s)")
    print(f"sitroom extract     : {len(texts) / best_ours:7.1f} articles/s "
          f"({words / best_ours:,.0f} words/s)")
    print(f"throughput ratio (sitroom / bare spaCy, best rounds): {best_bare / best_ours:.2f} "
          f"(target >= 0.70)")
    if verbs is not None:
        print(f"sitroom code        : {len(texts) / best_code:7.1f} articles/s, {coded} coded "
              f"events; ratio to bare spaCy {best_bare / best_code:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
