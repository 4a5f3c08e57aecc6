"""Speed of finding date expressions, against spaCy's tokenizer on the same sentences.

    .venv/bin/python bench/date_speed.py [--rounds 3]

Sentences: those of the two seeds and the 200 seed-format Wikinews articles in ../shared (split
on sentence-final punctuation). Both jobs run in this one process, alternating; the figure is
the best round of each. `find_date_expressions` runs on every sentence the coder reads, so it
should stay a small fraction of a sentence's cost: the tokenizer alone (no tagger, no parser)
is the baseline, the cheapest thing spaCy does to a sentence. Was a timed test (under 1 ms a
sentence), which can flake on a loaded machine.
"""
from __future__ import annotations

import argparse
import re
import time

from corpus import read_corpus  # bench/corpus.py: also puts the repo on sys.path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    import spacy

    from sitroom.nlp.dates import find_date_expressions
    from sitroom.nlp.pipeline import MODEL

    articles = read_corpus()
    if articles is None:
        return 2
    texts = [a.text for a in articles]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]
    tokenizer = spacy.load(MODEL).tokenizer
    best_dates = best_tok = float("inf")
    found = 0
    for r in range(args.rounds):
        t0 = time.perf_counter()
        found = sum(len(find_date_expressions(s)) for s in sentences)
        t_dates = time.perf_counter() - t0
        t0 = time.perf_counter()
        for s in sentences:
            tokenizer(s)
        t_tok = time.perf_counter() - t0
        best_dates, best_tok = min(best_dates, t_dates), min(best_tok, t_tok)
        print(f"round {r + 1}: date expressions {t_dates:.2f} s, tokenizer {t_tok:.2f} s")
    n = len(sentences)
    print(f"{n} sentences, {found} date expressions")
    print(f"find_date_expressions: {best_dates / n * 1e6:7.1f} us/sentence")
    print(f"spaCy tokenizer      : {best_tok / n * 1e6:7.1f} us/sentence")
    print(f"ratio (date expressions / tokenizer, best rounds): {best_dates / best_tok:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
