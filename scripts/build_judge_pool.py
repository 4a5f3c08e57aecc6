"""Draw Wikinews articles outside every annotated set and list the rules' events on them, for
analysts to judge (the extra training data of the event judge, scripts/train_judge.py).

    .venv/bin/python scripts/build_judge_pool.py N OUT.jsonl     # N articles, seeded

Each line: the article (id, date, title, text) and its events as `sitroom extract` gives them with
the judge switched off. Analysts add a verdict to each event (tests/quality/judged/README.md).
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


def main(argv: list[str]) -> int:
    n, out = int(argv[0]), Path(argv[1])
    corpus = {row["id"] for row in sample.draw()}
    skip = sample.excluded_ids() | corpus
    rows = [json.loads(line) for line in
            (sample.SHARED / "corpora" / "wikinews_en.jsonl").open(encoding="utf-8")]
    pool = [r for r in rows if r["id"] not in skip
            and sample.MIN_WORDS <= len(r["text"].split()) <= sample.MAX_WORDS]
    chosen = random.Random(SEED).sample(sorted(pool, key=lambda r: r["id"]), n)
    extractor = Extractor(judged=False)
    articles = [article_from_record(r, r["id"]) for r in chosen]
    with out.open("w", encoding="utf-8") as fh:
        for rec, result in zip(chosen, extractor.extract(articles)):
            events = [e.to_dict() for e in result.events]
            fh.write(json.dumps({"id": rec["id"], "date": rec["date"], "title": rec["title"],
                                 "text": result.article.text, "events": events}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
