"""Draw Wikinews articles outside every annotated set and list the rules' events on them, for
analysts to judge (the extra training data of the event judge, scripts/train_judge.py).

    .venv/bin/python scripts/build_judge_pool.py N OUT.jsonl     # N articles, seeded
    .venv/bin/python scripts/build_judge_pool.py N OUT.jsonl --seed S --proposals
    .venv/bin/python scripts/build_judge_pool.py N OUT.jsonl --seed S --judged

Each line: the article (id, date, title, text) and its events as `sitroom extract` gives them with
the judge switched off. Analysts add a verdict to each event (tests/quality/judged/README.md).
Articles already judged in tests/quality/judged/ or tests/quality/sample/ are never drawn again.
`--proposals`: the broad proposals too (sitroom/coder/propose.py), each marked `"proposed": true`.
`--judged`: the events as users get them (judge on), for a fresh evaluation sample.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import build_corpus_sample as sample  # noqa: E402

from sitroom.extract import Extractor  # noqa: E402
from sitroom.ingest.records import article_from_record  # noqa: E402

SEED = 20261208


def already_judged() -> set[str]:
    """The articles of every earlier pool and evaluation sample."""
    paths = [*(ROOT / "tests" / "quality" / "judged").glob("*.jsonl"),
             *(ROOT / "tests" / "quality" / "sample").glob("*.jsonl")]
    return {json.loads(line).get("article") for p in paths  # claim-group verdicts name none
            for line in p.open(encoding="utf-8") if line.strip()} - {None}


def _option(argv: list[str], name: str, default: int) -> int:
    return int(argv[argv.index(name) + 1]) if name in argv else default


def main(argv: list[str]) -> int:
    n, out = int(argv[0]), Path(argv[1])
    seed = _option(argv, "--seed", SEED)
    first = sample.draw()
    corpus = {row["id"] for row in first + sample.wave_two(first)}  # both waves
    skip = sample.excluded_ids() | corpus | (already_judged() if seed != SEED else set())
    pool = [r for r in sample.records() if r["id"] not in skip
            and sample.MIN_WORDS <= len(r["text"].split()) <= sample.MAX_WORDS]
    chosen = random.Random(seed).sample(sorted(pool, key=lambda r: r["id"]), n)
    extractor = Extractor(judged="--judged" in argv)
    extractor.propose = "--proposals" in argv
    articles = [article_from_record(r, r["id"]) for r in chosen]
    with out.open("w", encoding="utf-8") as fh:
        for rec, article in zip(chosen, articles):
            doc = extractor.nlp(article.text)
            proposed = extractor.candidates(doc, article).proposed if extractor.propose \
                else frozenset()  # only proposals are marked: no second coding pass without
            events = [{**e.to_dict(), **({"proposed": True} if e.event_id in proposed else {})}
                      for e in extractor.from_doc(doc, article).events]
            fh.write(json.dumps({"id": rec["id"], "date": rec["date"], "title": rec["title"],
                                 "text": article.text, "events": events}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
