"""The peer suites as tests: PLOVER gold records and PETRARCH2's unit tests, scored on the real
data in ../shared (skipped where it is absent). Floors equal the measured figures: raise them
when the coder improves, never lower them."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from sitroom.records import Actor

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import peers  # noqa: E402  (bench/peers.py: an evaluation harness, not shipped)

# measured on the coder as of this commit (bench/plover_gsr.py, bench/petrarch2.py)
GSR_TYPE_FLOOR = 0.772
GSR_ACTOR_FLOOR = 0.794
GSR_TARGET_FLOOR = 0.402
PETR_SHARE_FLOOR = 0.041          # (source, target, root), code read as CAMEO
PETR_ROOT_FLOOR = 0.055           # root only, CAMEO
PETR_EITHER_FLOOR = 0.272         # (source, target, root), CAMEO or WEIS reading
PETR_ROOT_EITHER_FLOOR = 0.372    # root only, CAMEO or WEIS reading
PETR_DYAD_FLOOR = 0.317           # (source, target) whatever the code
PETR_DICT_FLOOR = 0.782           # sitroom code with the suite's verb dictionary: (s, t, root)
PETR_DICT_EXACT_FLOOR = 0.782     # the same, exact code


@pytest.fixture(scope="module")
def extractor():
    from sitroom.extract import Extractor
    return Extractor()


def test_markup_and_spans() -> None:
    spans = peers.parse_markup("(SRC: Ethnic Albanians (LOC:in south Serbia)) (EVT: fought) "
                               "(SRC/TAR: Serbs) (APEC)")
    assert spans["SRC"] == ["Ethnic Albanians in south Serbia", "Serbs"]
    assert spans["TAR"] == ["Serbs"] and spans["LOC"] == ["in south Serbia"]
    assert peers.find_spans("Police  arrested them; police left.", "police arrested") == [(0, 16)]


def test_code_matching() -> None:
    assert peers.code_parts("ARNGOV") == ("ARN", "GOV")
    assert peers.code_parts("PSEREBHMS") == ("PSE", "REB")
    assert peers.code_parts("---GOV") == (None, "GOV")
    assert peers.code_parts("---") == (None, None)
    assert peers.code_parts('"INJURY TOLL"') is None
    assert peers.source_matches("ARNGOV", Actor("x", country="ARN", sector="GOV"))
    assert not peers.source_matches("ARNGOV", Actor("x", country="ARN"))
    assert peers.target_matches("---", None)
    assert peers.target_matches("---", Actor("crowds"))
    assert not peers.target_matches("GON", None)
    assert peers.accepted_roots("041") == {"04", "05"}    # CAMEO consult / WEIS praise
    assert peers.accepted_roots("223") == {"18", "19"}
    assert peers.accepted_roots("1717") == {"17"}
    assert peers.accepted_roots("904") == frozenset()


def test_petrarch_records(shared: Path) -> None:
    records = peers.load_petrarch_records(shared)
    assert len(records) == 284
    assert sum(len(r.expected) for r in records) == 359
    assert sum(r.noevents for r in records) == 19
    demo = records[0]
    assert demo.id == "DEMO-00" and demo.date == date(1995, 1, 1)
    assert demo.expected == (peers.PetrEvent("ARN", "GON", "064"),)
    assert demo.text.startswith("Arnor is about to restore full diplomatic ties with Gondor")


def test_plover_gsr_coder_floors(shared: Path, extractor) -> None:
    res = peers.score_gsr(peers.load_plover_gsr(shared), extractor)
    assert res.n == 322
    assert res.type_acc >= GSR_TYPE_FLOOR
    assert res.actor_acc >= GSR_ACTOR_FLOOR
    assert res.target_acc >= GSR_TARGET_FLOOR


def test_petrarch2_floors(shared: Path, extractor) -> None:
    from sitroom.extract import Extractor

    coder = Extractor(nlp=extractor.nlp, kb=peers.petrarch_kb(shared),
                      gazetteer=extractor.gazetteer)
    res = peers.score_petrarch(peers.load_petrarch_records(shared), coder)
    assert res.n_expected == 359
    assert res.share >= PETR_SHARE_FLOOR
    assert res.root_share >= PETR_ROOT_FLOOR
    assert res.either_share >= PETR_EITHER_FLOOR
    assert res.root_either_share >= PETR_ROOT_EITHER_FLOOR
    assert res.dyad_share >= PETR_DYAD_FLOOR
    # Of the 19 no-event records, COMMA-15/16 only test PETRARCH's refusal to code a misspelt,
    # unknown country ("Gxndor": sitroom codes the event with an unknown party) and TABDEBUG-19
    # ("government proposed to take up the issue with the World Bank") is an offer, AGREE in
    # PLOVER; sitroom codes all three.
    assert res.noevent_clean >= 16


def test_petrarch2_with_its_own_verb_dictionary(shared: Path, extractor) -> None:
    """`sitroom code` with PETR.Validate.verbs.txt: the issue's (source, target, root) target is
    0.70 of the expected events."""
    from sitroom.extract import Extractor

    coder = Extractor(nlp=extractor.nlp, kb=peers.petrarch_kb(shared),
                      gazetteer=extractor.gazetteer, classifier=extractor.classifier)
    res = peers.score_petrarch_dictionary(peers.load_petrarch_records(shared), coder, shared)
    assert res.n_expected == 359
    assert res.share >= PETR_DICT_FLOOR
    assert res.exact_share >= PETR_DICT_EXACT_FLOOR
    # "a senior official said" codes SAID [023] with no target: PETRARCH expects that in some
    # records (COMMA-10) and not in others (COMMA-15/16), so 6 no-event records get one
    assert res.noevent_clean >= 13
