"""The --min-confidence trade-off: figures on the dev gold and both corpus splits (locked in
aggregate only) at several cut-offs of the judge's probability, as a markdown table. Every
candidate the rules give is scored here (the judge's own decision is off), so the rows below its
decision threshold show what that decision drops.

    .venv/bin/python scripts/judge_tradeoff.py        # prints the table docs/judge.md shows
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitroom.eval import load_gold, tally_results  # noqa: E402
from sitroom.extract import Extractor  # noqa: E402

CUTS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)
SETS = {"dev gold": (ROOT.parent / "shared" / "gold" / "dev", None),
        "tune": (ROOT / "tests" / "quality" / "corpus", "tune"),
        "locked": (ROOT / "tests" / "quality" / "corpus", "locked")}


def main() -> int:
    extractor = Extractor(decide=False)
    print("| set | --min-confidence | salient recall | recall | precision | events |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, (folder, split) in SETS.items():
        pairs = load_gold(folder, split=split)
        results = list(extractor.extract(a for _, a in pairs))
        for cut in CUTS:
            f = tally_results(pairs, results, cut).figures()
            print(f"| {name} | {cut:.2f} | {f['salient_recall']:.3f} | {f['recall']:.3f} | "
                  f"{f['precision']:.3f} | {f['predicted_events']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
