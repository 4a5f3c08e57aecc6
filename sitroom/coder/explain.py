"""`sitroom explain`: why the coder coded a text as it did. Per sentence, the candidate frames
(trigger, lexicon row, actor and recipient tokens), every named rule that fired, retyped or
vetoed, the parties chosen and the resulting events."""
from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Doc, Span

from ..ingest.common import article_id
from ..nlp.lexicon import Predicate
from ..records import Actor, Article, Event, Extraction
from .candidates import match_predicate, requirement_vetoes
from .extractor import Extractor
from .frame import Frame
from .frames import Trace, find_frames
from .rules import RULES


def text_article(text: str, on: date) -> Article:
    """A bare text as an article dated `on` (as the Python API's `sitroom.extract` takes it)."""
    return Article(id=article_id(on, text), date=on, title="", text=text, source=None,
                   origin="<text>")


def traced(extractor: Extractor, article: Article) -> tuple[Doc, Extraction, Trace]:
    """Code an article with the trace on: its Doc, its extraction (with the events the judge
    drops, which `dropped` tells apart) and the rules that fired, with the requirement rules that
    kept any token from being a trigger."""
    doc = extractor.nlp(article.text)
    trace: Trace = []
    result = extractor.from_doc(doc, article, trace, decide=False)
    trace += [(tok.i, name) for tok in doc for _, name in requirement_vetoes(tok)]
    return doc, result, trace


def _row(pred: Predicate | None) -> str:
    """A lexicon row as the explanation shows it: lemma, POS, type, mode, its line."""
    if pred is None:
        return "(no lexicon row: made by a rule)"
    where = f"predicates.tsv:{pred.line}" if pred.line else "(made by a rule)"
    return f"{pred.lemma} {pred.pos} -> {pred.type} {pred.mode or '-'} [{where}]"


def _token(doc: Doc, i: int | None) -> dict[str, Any] | None:
    return None if i is None else {"i": i, "text": doc[i].text, "dep": doc[i].dep_}


def _frame(doc: Doc, frame: Frame) -> dict[str, Any]:
    trigger = doc[frame.trigger]
    return {"trigger": _token(doc, frame.trigger), "row": _row(match_predicate(trigger)),
            "type": frame.type, "mode": frame.mode, "status": frame.status,
            "actor": _token(doc, frame.actor), "recipient": _token(doc, frame.recipient),
            "said_by": _token(doc, frame.said_by), "rules": list(frame.rules)}


def _party(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"text": actor.text, "country": actor.country, "sector": actor.sector,
            "entity": actor.entity, "role": actor.role, "confidence": actor.confidence}


def _event(event: Event, gone: bool) -> dict[str, Any]:
    return {"type": event.type, "mode": event.mode, "status": event.status,
            "actor": _party(event.actor), "recipient": _party(event.recipient),
            "said_by": _party(event.said_by),
            "date": event.date.isoformat() if event.date else None,
            "rules": list(event.rules), "event_id": event.event_id,
            "confidence": event.confidence, "dropped": gone}


def _fired(doc: Doc, sent: Span, trace: Trace) -> list[dict[str, Any]]:
    out = []
    for i, name in trace:
        if sent.start <= i < sent.end:
            rule = RULES[name]
            out.append({"rule": name, "trigger": doc[i].text, "i": i, "stage": rule.stage,
                        "action": rule.action, "doc": rule.doc})
    return out


def explain(extractor: Extractor, article: Article) -> dict[str, Any]:
    """The explanation of an article as a JSON-able dict (`sitroom explain --format json`)."""
    doc, result, trace = traced(extractor, article)
    frames = find_frames(doc)
    sentences = []
    for sent in doc.sents:
        events = [e for e in result.events
                  if sent.start_char <= e.evidence.start < sent.end_char]
        sentences.append({
            "text": sent.text.strip(), "start": sent.start_char,
            "frames": [_frame(doc, f) for f in frames if sent.start <= f.trigger < sent.end],
            "rules": _fired(doc, sent, trace),
            "events": [_event(e, extractor.decide and extractor.rejects(e)) for e in events]})
    return {"origin": article.origin, "date": article.date.isoformat(), "sentences": sentences}


def _who(party: dict[str, Any] | None) -> str:
    if party is None:
        return "-"
    known = ", ".join(f"{k}={party[k]}" for k in ("country", "sector", "entity", "role")
                      if party[k])
    return f"{party['text']!r} ({known or 'unresolved'}; confidence {party['confidence']})"


def _tok(token: dict[str, Any] | None) -> str:
    return "-" if token is None else f"{token['text']!r}@{token['i']} ({token['dep']})"


def render(report: dict[str, Any]) -> str:
    """The explanation as text (`sitroom explain`)."""
    lines = [f"{report['origin']}, dated {report['date']}"]
    for k, sent in enumerate(report["sentences"], start=1):
        lines += ["", f"[{k}] {sent['text']}"]
        for f in sent["frames"]:
            lines.append(f"  frame {_tok(f['trigger'])}: {f['type']} {f['mode'] or '-'} "
                         f"{f['status']}  row {f['row']}")
            lines.append(f"    actor {_tok(f['actor'])}  recipient {_tok(f['recipient'])}"
                         f"  said by {_tok(f['said_by'])}")
        for r in sent["rules"]:
            lines.append(f"  rule {r['rule']} ({r['stage']}, {r['action']}) on "
                         f"{r['trigger']!r}: {r['doc']}")
        for e in sent["events"]:
            lines.append(f"  event {e['type']} {e['mode'] or '-'} {e['status']}"
                         f"  date {e['date'] or '-'}  judge {e['confidence']:.2f}"
                         + ("  (dropped: the judge rejects it)" if e["dropped"] else ""))
            lines.append(f"    actor {_who(e['actor'])}")
            lines.append(f"    recipient {_who(e['recipient'])}")
            if e["said_by"]:
                lines.append(f"    said by {_who(e['said_by'])}")
            if e["rules"]:
                lines.append(f"    rules {', '.join(e['rules'])}")
        if not sent["frames"] and not sent["rules"] and not sent["events"]:
            lines.append("  (no candidate triggers)")
    return "\n".join(lines) + "\n"
