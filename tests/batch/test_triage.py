"""Sentence triage: cheap decisions, exact offsets, the same events on kept sentences."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitroom.extract import Extractor
from sitroom.ingest import read_paths
from sitroom.nlp.triage import Triage, extract_triaged, sentence_spans


def test_sentences_split_cheaply_but_respect_abbreviations() -> None:
    text = ('Mr. Smith met U.S. officials on Nov. 30 in Kyiv. "We agreed," he said.\n'
            'Next line. (Then this.)')
    parts = [text[a:b] for a, b in sentence_spans(text)]
    assert parts == ["Mr. Smith met U.S. officials on Nov. 30 in Kyiv.", '"We agreed," he said.',
                     "Next line.", "(Then this.)"]


def test_keeps_event_words_with_their_required_words() -> None:
    triage = Triage()
    assert triage.keep_sentence("The two leaders met in Geneva.")          # irregular form
    assert triage.keep_sentence("Rebels fought government forces.")
    assert triage.keep_sentence("Russia sent troops to the border.")       # send + troop
    assert not triage.keep_sentence("She sent a letter to her mother.")    # send, no object word
    assert not triage.keep_sentence("The weather was mild and the harvest good.")


def test_mask_keeps_length_lead_and_line_breaks() -> None:
    text = ("Leaders meet in Paris\n\nThe summit opened on Monday. It rained all day. "
            "The hotel was full. Police arrested ten protesters.")
    masked = Triage(lead=2).mask(text)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    assert "The summit opened on Monday." in masked            # lead
    assert "It rained" not in masked and "The hotel" not in masked
    assert masked.endswith("Police arrested ten protesters.")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_offsets_are_the_articles_and_kept_events_match(shared: Path,
                                                        extractor: Extractor) -> None:
    articles = [a for a in read_paths([str(shared / "seeds")])]
    articles += [a for a in read_paths([str(shared / "corpora" / "wikinews_en.jsonl")])][:20]
    full = {e.event_id: e for r in extractor.extract(articles) for e in r.events}
    triaged = list(extract_triaged(extractor, articles, Triage()))
    events = {e.event_id: e for r in triaged for e in r.events}
    for result in triaged:
        for event in result.events:
            ev = event.evidence
            assert result.article.text[ev.start:ev.end] == ev.text
            assert result.article.text[event.actor.start:event.actor.end] == event.actor.text
    identical = sum(1 for k, e in full.items() if events.get(k) == e)
    assert identical >= 0.85 * len(full), (identical, len(full))


def test_extract_text_agrees_on_a_simple_article(extractor: Extractor) -> None:
    text = ("Ukraine accuses Russia of shelling Kharkiv\n\nThe weather was cold. "
            "Ukraine's foreign minister accused Russia of shelling Kharkiv on Monday. "
            "Markets were calm. Shops opened late.")
    from sitroom.nlp.triage import extract_text_triaged

    full = extractor.extract_text(text, date(2024, 3, 4))
    fast = extract_text_triaged(extractor, text, date(2024, 3, 4))
    assert full.events and fast.events == full.events
