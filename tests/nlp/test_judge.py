"""The event judge (sitroom/coder/judge.py): its probability is each event's confidence, it drops
the events under its decision threshold (and only those), it reads what the rules saw, and its
weights rebuild byte for byte."""
from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sitroom.extract import Extractor
from sitroom.coder.judge import DATA, EventJudge, load_judge

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2024, 11, 1)
TEXT = ("Police arrested 20 protesters in Minsk on Friday. "
        "The European Union condemned Belarus for the arrests. "
        "Critics said the minister's plan would attack the poor.")


@pytest.fixture(scope="module")
def judged() -> Extractor:
    return Extractor()


def test_shipped_weights_load() -> None:
    judge = load_judge()
    assert isinstance(judge, EventJudge)
    assert "bias" in judge.vocab and len(judge.weights) == len(judge.vocab)
    assert 0.0 < judge.suggested_min_confidence < 1.0
    assert judge.meta["tune_events"] > 100 and judge.meta["judged_events"] > 100


def _with_threshold(judged: Extractor, threshold: float) -> Extractor:
    """An extractor sharing the loaded models whose judge decides at `threshold`."""
    strict = Extractor(nlp=judged.nlp, kb=judged.kb, gazetteer=judged.gazetteer,
                       classifier=judged.classifier)
    strict.judge = replace(judged.judge, decision_threshold=threshold)
    return strict


def test_confidence_is_the_judges_probability_and_it_drops_what_it_rejects(
        judged: Extractor) -> None:
    rules = Extractor(nlp=judged.nlp, kb=judged.kb, gazetteer=judged.gazetteer,
                      classifier=judged.classifier, judged=False)
    scored = Extractor(nlp=judged.nlp, kb=judged.kb, gazetteer=judged.gazetteer,
                       classifier=judged.classifier, decide=False)
    a = scored.extract_text(TEXT, DAY).events
    b = rules.extract_text(TEXT, DAY).events
    assert [e.event_id for e in a] == [e.event_id for e in b] and a
    doc = judged.nlp(TEXT)
    cands = judged.candidates(doc, judged.extract_text(TEXT, DAY).article)
    probs = judged.judge.probabilities(judged.judge_features(doc, cands))
    assert [e.confidence for e in a] == [round(float(p), 3) for p in probs]
    assert all(0.0 < e.confidence < 1.0 for e in a)
    # the shipped decision keeps exactly the events at or over its threshold, in order
    threshold = judged.judge.decision_threshold
    assert 0.0 < threshold <= judged.judge.suggested_min_confidence
    assert judged.extract_text(TEXT, DAY).events == tuple(e for e in a if e.confidence >= threshold)
    # "the minister's plan would attack the poor", an idiom, is the least believed: a judge
    # deciding at 0.5 drops it and keeps the arrest and the condemnation
    idiom = next(e for e in a if e.type == "ASSAULT")
    assert idiom.confidence == min(e.confidence for e in a)
    kept = _with_threshold(judged, 0.5).extract_text(TEXT, DAY).events
    assert {e.type for e in kept} == {"COERCE", "ACCUSE"}


def test_explain_shows_what_the_judge_dropped(judged: Extractor) -> None:
    from sitroom.coder.explain import explain, render, text_article

    strict = _with_threshold(judged, 0.5)
    report = explain(strict, text_article(TEXT, DAY))
    events = [e for s in report["sentences"] for e in s["events"]]
    assert [e["type"] for e in events if e["dropped"]] == ["ASSAULT"]
    assert {e["type"] for e in events} == {"ASSAULT", "COERCE", "ACCUSE"}
    assert "(dropped: the judge rejects it)" in render(report)
    assert "dropped" not in render(explain(judged, text_article(TEXT, DAY)))


def test_a_dropped_event_leaves_no_claim_pointing_at_it(judged: Extractor) -> None:
    text = "Gunmen killed 12 soldiers in Kaduna on Friday, police said."
    scored = Extractor(nlp=judged.nlp, kb=judged.kb, gazetteer=judged.gazetteer,
                       classifier=judged.classifier, decide=False)
    assert any(c.event_id for c in scored.extract_text(text, DAY).claims)
    dropped_all = _with_threshold(judged, 0.999).extract_text(text, DAY)
    assert not dropped_all.events and dropped_all.claims
    assert all(c.event_id is None for c in dropped_all.claims)


def test_the_judge_reads_the_rules_view(judged: Extractor) -> None:
    """Its features name the type, the status, the trigger and the context cues."""
    article = judged.extract_text(TEXT, DAY).article
    doc = judged.nlp(TEXT)
    cands = judged.candidates(doc, article)
    feats = judged.judge_features(doc, cands)
    arrest = next(f for e, f in zip(cands.events, feats) if e.type == "COERCE")
    assert {"type=COERCE", "status=asserted", "root=arrest", "source=rule"} <= set(arrest)


def test_a_repeated_occasion_is_marked() -> None:
    from sitroom.coder.judge import context_features
    from sitroom.records import Actor, Event, Evidence

    def event(start: int, recipient: str | None) -> Event:
        return Event(event_id=str(start), article_id="a", origin="t", article_date=DAY,
                     type="COERCE", mode="arrest", status="asserted",
                     actor=Actor("police", "BLR", "COP"),
                     recipient=Actor("them", recipient) if recipient else None, date=DAY,
                     date_precision="day", location=None, evidence=Evidence("x", start, start + 1))

    first, again, other = event(0, "BLR"), event(500, "BLR"), event(900, "LTU")
    feats = context_features([first, again, other])
    assert feats[0] == []
    assert {"repeat_actor_type", "repeat_dyad"} <= set(feats[1])
    assert "repeat_actor_type" in feats[2] and "repeat_dyad" not in feats[2]


@pytest.mark.slow
def test_weights_rebuild_byte_for_byte(shared: Path) -> None:
    spec = importlib.util.spec_from_file_location("train_judge",
                                                  ROOT / "scripts" / "train_judge.py")
    assert spec and spec.loader
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    text = json.dumps(train.train().to_json(), indent=0, sort_keys=True) + "\n"
    assert text == DATA.read_text(encoding="utf-8")
