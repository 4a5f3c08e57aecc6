"""Inter-annotator agreement on the doubly annotated articles of the blind corpus.

    python scripts/corpus_agreement.py [--json]

For each article annotated in both tests/quality/corpus/gold/ and .../second/ (independently),
events of status other than `historical` are matched one-to-one, as `sitroom eval` matches
output to gold: actor country and type (a type in either side's alt_types agrees) and recipient
country (strict: equal; lenient: equal or one side has none). Reports event F1 (strict and
lenient), salient F1 (salient events of one side matched by salient events of the other), type
agreement, and claims F1 (same value within 1%). Agreement is about the annotations, never about
sitroom's output, so both splits are included.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "quality" / "corpus"


def _country(part: dict[str, Any] | None) -> str | None:
    return part.get("country") if part else None


def _types(event: dict[str, Any]) -> set[str]:
    return {event["type"], *(event.get("alt_types") or [])}


def _agree(a: dict[str, Any], b: dict[str, Any], strict: bool) -> bool:
    if _country(a["actor"]) != _country(b["actor"]) or not _types(a) & _types(b):
        return False
    ra, rb = _country(a.get("recipient")), _country(b.get("recipient"))
    return ra == rb or (not strict and (ra is None or rb is None))


def _matches(left: list[dict], right: list[dict], strict: bool) -> int:
    used: set[int] = set()
    hits = 0
    for a in left:
        j = next((j for j, b in enumerate(right) if j not in used and _agree(a, b, strict)), None)
        if j is not None:
            used.add(j)
            hits += 1
    return hits


def _f1(hits: int, n_left: int, n_right: int) -> float:
    return round(2 * hits / (n_left + n_right), 4) if n_left + n_right else 1.0


def _claim_hits(left: list[dict], right: list[dict]) -> int:
    used: set[int] = set()
    hits = 0
    for a in left:
        j = next((j for j, b in enumerate(right) if j not in used
                  and abs(b["value"] - a["value"]) <= 0.01 * abs(a["value"])), None)
        if j is not None:
            used.add(j)
            hits += 1
    return hits


def agreement(corpus: Path = CORPUS) -> dict[str, Any]:
    """The figures over every article annotated twice."""
    sums = {k: 0 for k in ("a", "b", "strict", "lenient", "sal_a", "sal_b", "sal_hits",
                           "claims_a", "claims_b", "claim_hits", "empty_both", "empty_one")}
    names = sorted(p.name for p in (corpus / "second").glob("*.json")
                   if (corpus / "gold" / p.name).is_file())
    for name in names:
        one = json.loads((corpus / "gold" / name).read_text(encoding="utf-8"))
        two = json.loads((corpus / "second" / name).read_text(encoding="utf-8"))
        ea = [e for e in one["events"] if e.get("status") != "historical"]
        eb = [e for e in two["events"] if e.get("status") != "historical"]
        sums["a"] += len(ea)
        sums["b"] += len(eb)
        sums["strict"] += _matches(ea, eb, True)
        sums["lenient"] += _matches(ea, eb, False)
        sa, sb = [e for e in ea if e.get("salient")], [e for e in eb if e.get("salient")]
        sums["sal_a"] += len(sa)
        sums["sal_b"] += len(sb)
        sums["sal_hits"] += _matches(sa, sb, False)
        sums["empty_both"] += not ea and not eb
        sums["empty_one"] += bool(ea) != bool(eb)
        ca, cb = one.get("claims", []), two.get("claims", [])
        sums["claims_a"] += len(ca)
        sums["claims_b"] += len(cb)
        sums["claim_hits"] += _claim_hits(ca, cb)
    return {"articles": len(names), "events_first": sums["a"], "events_second": sums["b"],
            "event_f1_strict": _f1(sums["strict"], sums["a"], sums["b"]),
            "event_f1_lenient": _f1(sums["lenient"], sums["a"], sums["b"]),
            "salient_f1": _f1(sums["sal_hits"], sums["sal_a"], sums["sal_b"]),
            "claims_f1": _f1(sums["claim_hits"], sums["claims_a"], sums["claims_b"]),
            "articles_no_event_both": sums["empty_both"],
            "articles_no_event_one_side": sums["empty_one"]}


def main(argv: list[str]) -> int:
    figures = agreement()
    if "--json" in argv:
        print(json.dumps(figures, indent=1))
    else:
        for key, value in figures.items():
            print(f"{key:<28}{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
