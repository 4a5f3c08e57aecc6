"""Write docs/quality.md: every quality figure sitroom measures, with its floor and its target.

    .venv/bin/python scripts/gen_quality_docs.py          # measure and rewrite docs/quality.md
    .venv/bin/python scripts/gen_quality_docs.py --check  # exit 1 if docs/quality.md is stale

Suites (all read from ../shared; the script stops with a clear message where it is absent):
the development gold (`sitroom eval ../shared/gold/dev`), the PLOVER gold records, PETRARCH2's
unit-test suite, NGEC's actor-resolution cases and the event-location gold set. Floors are read
from the tests that enforce them, so the table cannot claim a floor the tests do not hold.
tests/quality/test_dev_gold.py and tests/test_peers.py compare their own measurements with the
table, so a coder change that moves a figure fails until this script is run again.
"""
from __future__ import annotations

import ast
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
QUALITY_MD = ROOT / "docs" / "quality.md"
sys.path.insert(0, str(ROOT))

Row = tuple[str, str, float, float | None, str]  # suite, figure, value, floor, target


def _constants(path: Path) -> dict[str, float]:
    """Module-level numeric constants of a test file (its floors), read without importing it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, float):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = node.value.value
    return out


def _bench(name: str, folder: str = "bench"):  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / folder / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DEV_TARGETS = {"salient_recall": "0.85", "recall": "0.75", "precision": "0.70",
               "date_accuracy": "0.85", "quantity_accuracy": "0.90", "claims_recall": "0.85"}


def dev_rows(extractor) -> list[Row]:  # type: ignore[no-untyped-def]
    from sitroom.eval import evaluate

    figures = evaluate(SHARED / "gold" / "dev", extractor=extractor).figures()
    floors = json.loads((ROOT / "tests" / "quality" / "dev_floors.json").read_text())
    return [("dev gold", name, figures[name], floors.get(name), DEV_TARGETS.get(name, ""))
            for name in ("salient_recall", "recall", "recall_strict", "precision",
                         "date_accuracy", "quantity_accuracy", "claims_recall")]


CORPUS_TARGETS = {"locked": {"salient_recall": "0.85", "recall": "0.65", "precision": "0.80",
                              "recipient_accuracy": "0.75", "claims_recall": "0.90",
                              "claim_link_accuracy": "0.85"}}
CORPUS_FIGURES = ("salient_recall", "recall", "recall_strict", "precision", "date_accuracy",
                  "recipient_accuracy", "claims_recall", "claim_link_accuracy",
                  "calibration_error")


def corpus_rows(extractor) -> list[Row]:  # type: ignore[no-untyped-def]
    """Both splits of the blind corpus (the locked one in aggregate only) and the agreement of
    its doubly annotated articles."""
    from sitroom.eval import evaluate

    corpus = ROOT / "tests" / "quality" / "corpus"
    floors = json.loads((ROOT / "tests" / "quality" / "corpus_floors.json").read_text())
    rows: list[Row] = []
    for split in ("tune", "locked"):
        figures = evaluate(corpus, extractor=extractor, split=split).figures()
        rows += [(f"corpus {split}", name, figures[name], floors[split].get(name),
                  CORPUS_TARGETS.get(split, {}).get(name, "")) for name in CORPUS_FIGURES]
    agreement = _bench("corpus_agreement", "scripts").agreement(corpus)
    rows += [("annotator agreement", name, agreement[name], None, "")
             for name in ("event_f1_strict", "event_f1_lenient", "salient_f1", "claims_f1")]
    return rows


def peer_rows(extractor) -> list[Row]:  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "bench"))
    import peers  # bench/peers.py: the peer suites' loaders and scorers

    from sitroom.extract import Extractor

    floors = _constants(ROOT / "tests" / "test_peers.py")
    gsr = peers.score_gsr(peers.load_plover_gsr(SHARED), extractor)
    coder = Extractor(nlp=extractor.nlp, kb=peers.petrarch_kb(SHARED),
                      gazetteer=extractor.gazetteer)
    records = peers.load_petrarch_records(SHARED)
    petr = peers.score_petrarch(records, coder)
    dictionary = peers.score_petrarch_dictionary(records, coder, SHARED)
    return [
        ("PLOVER gold records", "type_accuracy", gsr.type_acc, floors["GSR_TYPE_FLOOR"], "0.75"),
        ("PLOVER gold records", "actor_accuracy", gsr.actor_acc, floors["GSR_ACTOR_FLOOR"], ""),
        ("PLOVER gold records", "target_accuracy", gsr.target_acc, floors["GSR_TARGET_FLOOR"], ""),
        ("PETRARCH2 unit tests", "sitroom_code_src_tgt_root", dictionary.share,
         floors["PETR_DICT_FLOOR"], "0.70"),
        ("PETRARCH2 unit tests", "sitroom_code_src_tgt_exact_code", dictionary.exact_share,
         floors["PETR_DICT_EXACT_FLOOR"], ""),
        ("PETRARCH2 unit tests", "src_tgt_root_cameo", petr.share, floors["PETR_SHARE_FLOOR"],
         ""),
        ("PETRARCH2 unit tests", "src_tgt_root_cameo_or_weis", petr.either_share,
         floors["PETR_EITHER_FLOOR"], ""),
        ("PETRARCH2 unit tests", "root_cameo_or_weis", petr.root_either_share,
         floors["PETR_ROOT_EITHER_FLOOR"], ""),
        ("PETRARCH2 unit tests", "src_tgt_any_code", petr.dyad_share, floors["PETR_DYAD_FLOOR"],
         ""),
    ]


def actor_rows() -> list[Row]:
    floors = _constants(ROOT / "tests" / "actors" / "test_ngec.py")
    res = _bench("ngec_actors").score()
    return [("NGEC actor cases", "country_accuracy", res["country"], floors["COUNTRY_FLOOR"],
             "0.90"),
            ("NGEC actor cases", "sector_accuracy", res["sector"], floors["SECTOR_FLOOR"], "0.80")]


def place_rows(extractor) -> list[Row]:  # type: ignore[no-untyped-def]
    bench = _bench("event_location")
    floors = _constants(ROOT / "tests" / "places" / "test_locate.py")
    import spacy

    res = bench.evaluate(bench.load_records(bench.DATA, "RELABEL"), spacy.load(bench.MODEL),
                         extractor.gazetteer)
    return [("event locations (RELABEL)", "accuracy", res["accuracy"], floors["RELABEL_FLOOR"],
             "")]


def measure() -> list[Row]:
    from sitroom.extract import Extractor

    if not (SHARED / "gold").is_dir():
        sys.exit(f"gen_quality_docs: {SHARED / 'gold'} not found: the figures need ../shared")
    extractor = Extractor()
    steps: list[Callable[[], list[Row]]] = [lambda: dev_rows(extractor),
                                            lambda: corpus_rows(extractor),
                                            lambda: peer_rows(extractor), actor_rows,
                                            lambda: place_rows(extractor)]
    return [row for step in steps for row in step()]


HEADER = """# Quality figures

Generated by `.venv/bin/python scripts/gen_quality_docs.py` (or `make docs`) from the data
in `../shared`; do not edit by hand. *Floor* is what the test suite refuses to go below (floors
only go up); *target* is what the issues ask for. What each figure means:

- **dev gold**: `sitroom eval ../shared/gold/dev` (hand annotations of the two seed articles and
  10 Wikinews articles; `../shared/gold/dev/README.md`). Recall and precision match events at
  (actor country, type, recipient country); *strict* also needs the mode. Salient recall counts
  the events the annotators marked salient. Date and quantity accuracy are over matched events
  that carry a date or quantities in the gold. Claims recall: gold claims found with the right
  value and claimant country.
- **corpus tune / locked**: `sitroom eval tests/quality/corpus --split tune|locked`, the 275
  Wikinews articles annotated blind (docs/annotation.md): 168 to tune on, 107 locked (scored in
  aggregate only; nobody reads their errors). Recipient accuracy: matched events whose recipient
  country is the gold's (both none counts). Claim link accuracy: claims found whose event link
  is right (none where the gold links none; else an output report of the gold event), over
  those whose gold event the coder found. Calibration error: the expected calibration error of
  `confidence` (the judge's probability, docs/judge.md) over ten bins.
- **annotator agreement**: `scripts/corpus_agreement.py`, 30 articles annotated twice, blind to
  each other: event F1 at (actor country, type, recipient country), strict and lenient as
  `sitroom eval` matches; salient events; claims by value.
- **PLOVER gold records**: 322 sentences coded in PLOVER v0.5 (types mapped to current PLOVER);
  the coder's main event per sentence (`bench/peers.py`).
- **PETRARCH2 unit tests**: 359 expected events with fictional actors loaded from PETRARCH2's
  own dictionaries. `sitroom_code_*`: `sitroom code` with the suite's own verb dictionary
  (docs/dictionaries.md), the way a PETRARCH user brings their dictionaries; the other rows are
  the PLOVER coder, whose CAMEO roots meet codes that are mostly WEIS, so both readings show.
- **NGEC actor cases**: NGEC's actor-resolution tests (`bench/ngec_actors.py`).
- **event locations**: sentences with an event trigger and gold location spans
  (`bench/event_location.py`), the adjudicated RELABEL slice.

"""


def render(rows: list[Row]) -> str:
    lines = ["| suite | figure | measured | floor | target |", "|---|---|---:|---:|---:|"]
    for suite, name, value, floor, target in rows:
        floor_s = "" if floor is None else f"{floor:.3f}"
        lines.append(f"| {suite} | {name} | {value:.3f} | {floor_s} | {target} |")
    return HEADER + "\n".join(lines) + "\n"


def documented(path: Path = QUALITY_MD) -> dict[tuple[str, str], float]:
    """(suite, figure) -> the measured value the committed table shows."""
    out = {}
    for m in re.finditer(r"^\| ([^|]+) \| ([^|]+) \| ([0-9.]+) \|", path.read_text("utf-8"),
                         flags=re.M):
        out[(m.group(1).strip(), m.group(2).strip())] = float(m.group(3))
    return out


def main(argv: list[str]) -> int:
    text = render(measure())
    if "--check" in argv:
        if QUALITY_MD.exists() and QUALITY_MD.read_text(encoding="utf-8") == text:
            return 0
        print("docs/quality.md is out of date: run .venv/bin/python scripts/gen_quality_docs.py",
              file=sys.stderr)
        return 1
    QUALITY_MD.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
