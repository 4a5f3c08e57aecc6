"""The `sitroom_events` spaCy component codes what the Extractor codes, on a plain spacy.load."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from sitroom.extract import Extractor
from sitroom.ingest import articles_only, read_paths
from sitroom.nlp.pipeline import MODEL, load_pipeline
from sitroom.records import Article

CORPUS = "corpora/wikinews-seedformat"
DAY = date(2020, 1, 8)


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.load(MODEL)
    nlp.add_pipe("sitroom_events")
    return nlp


@pytest.fixture(scope="module")
def articles(shared: Path) -> list[Article]:
    found = list(articles_only(read_paths([str(shared / CORPUS)])))
    assert len(found) == 200
    return found


def _doc_for(nlp: Language, article: Article) -> Any:
    doc = nlp.make_doc(article.text)
    doc._.article_date = article.date.isoformat()
    return doc


def _without_origin(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in e.items() if k != "origin"} for e in events]


def test_factory_adds_paragraph_boundaries_once(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("sitroom_paragraphs") == names.index("parser") - 1
    assert names[-1] == "sitroom_events"
    assert names.index("sitroom_lemma_fixes") == names.index("lemmatizer") + 1
    again = load_pipeline()
    assert "sitroom_events" not in again.pipe_names  # the cached sitroom pipeline is untouched


def test_staged_protest_codes_as_the_extractor_does(nlp: Language) -> None:
    """The model lemmatises "staged" as "stag"; the component fixes it as sitroom's pipeline
    does, so "staged a protest" is a PROTEST on a plain spacy.load too."""
    text = "Thousands of Kenyan teachers staged a protest in Nairobi on Monday."
    doc = nlp(_doc_for(nlp, Article(id="t", date=DAY, title="", text=text, source=None,
                                    origin="<doc>")))
    expected = Extractor().extract_text(text, DAY, origin="<doc>")
    assert [e["type"] for e in doc._.events] == [e.type for e in expected.events]
    assert "PROTEST" in [e["type"] for e in doc._.events]


def test_same_events_as_the_extractor_on_200_articles(nlp: Language,
                                                     articles: list[Article]) -> None:
    extractor = Extractor()
    results = list(extractor.extract(articles))
    expected = {x.article.id: [e.to_dict() for e in x.events] for x in results}
    expected_claims = {x.article.id: [c.to_dict() for c in x.claims] for x in results}
    got = {}
    for article, doc in zip(articles, nlp.pipe(_doc_for(nlp, a) for a in articles)):
        assert all(isinstance(e, dict) for e in doc._.events)
        assert _without_origin(doc._.claims) == _without_origin(expected_claims[article.id])
        got[article.id] = doc._.events
    total = sum(len(v) for v in expected.values())
    assert total > 100, total
    same = sum(_without_origin(got[k]) == _without_origin(v) for k, v in expected.items())
    assert same == len(articles), f"{same}/{len(articles)} articles code the same events"


def test_dates_from_doc_context_config_and_survive_two_processes(
        nlp: Language, articles: list[Article]) -> None:
    few = articles[:4]
    one = [d._.events for d in nlp.pipe(_doc_for(nlp, a) for a in few)]
    two = [d._.events for d in nlp.pipe((_doc_for(nlp, a) for a in few), n_process=2)]
    assert two == one and any(one)
    contexts = [(a.text, {"date": a.date.isoformat(), "origin": a.origin}) for a in few]
    by_context = [d._.events for d, _ in nlp.pipe(contexts, as_tuples=True, n_process=2)]
    assert by_context == [[{**e, "origin": a.origin} for e in evs] for a, evs in zip(few, one)]

    text = "Police arrested 20 protesters in Minsk."
    fixed = spacy.load(MODEL)
    fixed.add_pipe("sitroom_events", config={"date": "2020-08-10"})
    assert {e["article_date"] for e in fixed(text)._.events} == {"2020-08-10"}
