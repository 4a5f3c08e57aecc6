"""Check annotation files of the blind corpus against the gold format (../shared/gold/dev/README.md).

    python scripts/check_annotations.py [DIR ...]     # default: tests/quality/corpus/{gold,second}

Prints one line per problem (file, event or claim id, what is wrong); exit 1 if any.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "quality" / "corpus"
PLOVER = ROOT.parent / "shared" / "ontology" / "plover.json"
SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "REB", "PRM", "PTY", "ELI", "CVL", "SOC",
           "JRN", "BUS", "EDU", "REL", "UAF", "UNK", "IGO", "NGO", "MED", "LAB", "AGR", "REF",
           "HLH", "CRM", "OPP", "PRE", "ENV"}
NONSTATE = {"IGO", "UNO", "EUR", "NGO", "IMG", "AFR", "ASA", "MEA", "NMR", "SAM", "WSB", "EEU"}
STATUS = {"asserted", "future", "hypothetical", "negated", "historical"}
QUALIFIERS = {"approximately", "at least", "more than", "up to", "exactly", "projected",
              "fewer than", "at most"}
PRECISION = {"day", "week", "month", "year"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _party(where: str, part, problems: list[str], required: bool) -> None:
    if part is None:
        if required:
            problems.append(f"{where}: missing")
        return
    if not isinstance(part, dict) or "text" not in part or "country" not in part:
        problems.append(f"{where}: needs text and country")
        return
    country = part.get("country")
    if country is not None and not (re.fullmatch(r"[A-Z]{3}", country)):
        problems.append(f"{where}: country {country!r} is not ISO alpha-3 or a PLOVER code")
    sector = part.get("sector")
    if sector is not None and sector not in SECTORS:
        problems.append(f"{where}: sector {sector!r} unknown")


def check_file(path: Path, text: str, types: dict) -> list[str]:
    problems: list[str] = []
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"{path.name}: not JSON: {exc}"]
    if gold.get("file") != path.name[:-5]:
        problems.append(f"{path.name}: 'file' should be {path.name[:-5]!r}")
    for event in gold.get("events", []):
        where = f"{path.name} {event.get('id')}"
        kind = event.get("type")
        if kind not in types:
            problems.append(f"{where}: type {kind!r} not in plover.json")
        else:
            mode = event.get("mode")
            if mode is not None and mode not in types[kind].get("modes", {}):
                problems.append(f"{where}: mode {mode!r} not a {kind} mode")
        for alt in event.get("alt_types") or []:
            if alt not in types:
                problems.append(f"{where}: alt type {alt!r} unknown")
        _party(f"{where} actor", event.get("actor"), problems, True)
        _party(f"{where} recipient", event.get("recipient"), problems, False)
        if event.get("status") not in STATUS:
            problems.append(f"{where}: status {event.get('status')!r}")
        if event.get("date") is not None and not DATE.match(str(event["date"])):
            problems.append(f"{where}: date {event.get('date')!r}")
        if event.get("date") and event.get("date_precision") not in PRECISION:
            problems.append(f"{where}: date_precision {event.get('date_precision')!r}")
        if not isinstance(event.get("salient"), bool):
            problems.append(f"{where}: salient must be true or false")
        if event.get("evidence") not in text:
            problems.append(f"{where}: evidence is not an exact substring of the article")
    for claim in gold.get("claims", []):
        where = f"{path.name} {claim.get('id')}"
        if not isinstance(claim.get("value"), (int, float)):
            problems.append(f"{where}: value must be a number")
        if claim.get("qualifier") not in QUALIFIERS:
            problems.append(f"{where}: qualifier {claim.get('qualifier')!r}")
        if claim.get("evidence") not in text:
            problems.append(f"{where}: evidence is not an exact substring of the article")
        if claim.get("claimant") is not None:
            _party(f"{where} claimant", claim["claimant"], problems, False)
    return problems


def main(argv: list[str]) -> int:
    types = json.loads(PLOVER.read_text(encoding="utf-8"))["event_types"]
    dirs = [Path(a) for a in argv] or [CORPUS / "gold", CORPUS / "second"]
    problems: list[str] = []
    count = 0
    for folder in dirs:
        for path in sorted(folder.glob("*.json")):
            article = CORPUS / "articles" / path.name[:-5]
            if not article.is_file():
                problems.append(f"{path.name}: no article {article.name}")
                continue
            count += 1
            problems += check_file(path, article.read_text(encoding="utf-8"), types)
    print("\n".join(problems) if problems else f"{count} annotation files OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
