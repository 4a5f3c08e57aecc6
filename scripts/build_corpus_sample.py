"""Draw the blind-annotation corpus from the shared Wikinews JSONL (issue 21). Rebuild:

    python scripts/build_corpus_sample.py            # writes tests/quality/corpus/{articles,split.tsv}
    python scripts/build_corpus_sample.py --wave 2   # adds the second wave (2026-12-08)

Seeded and deterministic. Articles among the 200 seed-format files, the dev gold, or the analyst's
judged sample (../shared/gold/judged/sample_ids.txt) are never drawn. The split is fixed by a hash
of the article id alone (not by anything read from an annotation): sha256(id) mod 5 in {0, 1} is
`locked`, the rest `tune`. The locked split is scored in aggregate only; nobody reads its errors.

Wave 2 (fifth session) adds 60 articles drawn the same way with its own seed, none of them in
wave 1 or in any analysts' judged pool or evaluation sample (tests/quality/judged, sample): more
locked articles for the same hash split. Rebuilding wave 1 alone keeps wave 2's rows.
"""
from __future__ import annotations

import csv
import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

SEED = 20261207
ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "tests" / "quality" / "corpus"
# (stratum, how many): clean 2019-2021 pages of every kind; lossy 2004-2018 politics and economy
QUOTAS = {("clean", "any"): 100,
          ("lossy", "Politics_and_conflicts", "2004-2006"): 45,
          ("lossy", "Politics_and_conflicts", "2007-2008"): 40,
          ("lossy", "Politics_and_conflicts", "2009-2018"): 30,
          ("lossy", "Economy_and_business", "2004-2006"): 25,
          ("lossy", "Economy_and_business", "2007-2018"): 35}
MIN_WORDS, MAX_WORDS = 40, 900
WAVE2_SEED = 20261218
WAVE2_QUOTAS = {("clean", "any"): 24,
                ("lossy", "Politics_and_conflicts", "2004-2006"): 10,
                ("lossy", "Politics_and_conflicts", "2007-2008"): 8,
                ("lossy", "Politics_and_conflicts", "2009-2018"): 6,
                ("lossy", "Economy_and_business", "2004-2006"): 5,
                ("lossy", "Economy_and_business", "2007-2018"): 7}


def split_of(article_id: str) -> str:
    """`locked` or `tune`, from the id alone."""
    return "locked" if int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 5 < 2 else "tune"


def stratum(row: dict) -> tuple:
    if row["text_quality"] == "clean":
        return ("clean", "any")
    year = int(row["date"][:4])
    if row["category"] == "Politics_and_conflicts":
        span = "2004-2006" if year <= 2006 else "2007-2008" if year <= 2008 else "2009-2018"
    else:
        span = "2004-2006" if year <= 2006 else "2007-2018"
    return ("lossy", row["category"], span)


def excluded_ids() -> set[str]:
    manifest = SHARED / "corpora" / "wikinews-seedformat" / "MANIFEST.tsv"
    ids = {r["id"] for r in csv.DictReader(manifest.open(encoding="utf-8"), delimiter="\t")}
    judged = SHARED / "gold" / "judged" / "sample_ids.txt"
    ids |= {line.strip() for line in judged.open(encoding="utf-8") if line.strip()}
    return ids


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


JUDGED_AT_WAVE2 = [*(f"judged/batch{i}.jsonl" for i in range(16)),
                   *(f"sample/{n}.jsonl" for n in ("fresh100", "fresh100_s3_a", "fresh100_s3_b",
                                                   "fresh100_s4_a", "fresh100_s4_b",
                                                   "claims_judged", "claims_judged_before"))]
"""The pools and samples there were when wave 2 was drawn (fixed, so the draw is too)."""


def judged_ids() -> set[str]:
    """Articles of the analysts' judged pools and evaluation samples (read by the team)."""
    paths = [ROOT / "tests" / "quality" / name for name in JUDGED_AT_WAVE2]
    return {json.loads(line).get("article") for p in paths
            for line in p.open(encoding="utf-8") if line.strip()} - {None}


@lru_cache(maxsize=1)
def records() -> tuple[dict, ...]:
    """The shared Wikinews records, read once per run (both waves draw from them)."""
    return tuple(json.loads(line) for line in
                 (SHARED / "corpora" / "wikinews_en.jsonl").open(encoding="utf-8"))


def draw(seed: int = SEED, quotas: dict | None = None, skip: set[str] = frozenset()) -> list[dict]:
    """The sample: the same records, in the same order, on every run."""
    rows = records()
    skip = excluded_ids() | set(skip)
    # dev gold Wikinews files are seed-format files, so the manifest already covers them
    pools: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        words = len(row["text"].split())
        if row["id"] in skip or not MIN_WORDS <= words <= MAX_WORDS:
            continue
        pools[stratum(row)].append(row)
    rng = random.Random(seed)
    chosen = []
    for key, n in (quotas or QUOTAS).items():
        pool = sorted(pools[key], key=lambda r: r["id"])
        chosen += rng.sample(pool, n)
    chosen.sort(key=lambda r: (r["date"], r["id"]))
    return chosen


def wave_two(first: list[dict]) -> list[dict]:
    """The second wave: its own seed, none of wave 1 or of the judged pools and samples."""
    return draw(WAVE2_SEED, WAVE2_QUOTAS, {r["id"] for r in first} | judged_ids())


def file_name(row: dict) -> str:
    """The article's file name in articles/."""
    return f"{row['date']}_{slug(row['title'])}.txt"


def main() -> int:
    if not SHARED.is_dir():
        print(f"error: {SHARED} not found", file=sys.stderr)
        return 1
    first = draw()
    listed: set[str] = set()  # without --wave, wave 2 keeps the rows split.tsv already has
    if "--wave" not in sys.argv and (OUT / "split.tsv").is_file():
        with (OUT / "split.tsv").open(encoding="utf-8", newline="") as fh:
            listed = {r["id"] for r in csv.DictReader(fh, delimiter="\t")}
    chosen = first + [r for r in wave_two(first) if "--wave" in sys.argv or r["id"] in listed]
    (OUT / "articles").mkdir(parents=True, exist_ok=True)
    with (OUT / "split.tsv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        out.writerow(["file", "id", "split", "date", "text_quality", "category", "words", "url"])
        for row in chosen:
            name = file_name(row)
            body = f" date {row['date']}\n{row['title']}\n\n{row['text']}\n"
            (OUT / "articles" / name).write_text(body, encoding="utf-8")
            out.writerow([name, row["id"], split_of(row["id"]), row["date"], row["text_quality"],
                          row["category"] or "", len(row["text"].split()), row["url"]])
    counts = defaultdict(int)
    for row in chosen:
        counts[split_of(row["id"])] += 1
    print(f"{len(chosen)} articles: {dict(counts)} -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
