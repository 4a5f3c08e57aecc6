"""Which events: the one filter type of the CLI, the API and the exports, and its WHERE clause."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import SitroomError
from ..ontology import PLOVER_TYPES, QUAD_CLASS

STATUSES = ("asserted", "future", "hypothetical", "negated")
MAX_WORDS = 12


class FilterError(SitroomError):
    """A filter value the CLI and the API both refuse, with the same message: `status` 422 for
    a bad value, 400 for values that contradict each other (the CLI exits 2 for both)."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


def search_words(text: str) -> list[str]:
    """The words a text search looks for: lower case, a plural's final s dropped ("troops"
    finds "troop" and "troops"), at most MAX_WORDS."""
    words = [w.lower() for w in re.findall(r"\w+", text)][:MAX_WORDS]
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in words]


def words_clause(columns: list[str], text: str) -> tuple[str, list[Any]]:
    """SQL true where every word of `text` starts a word of one of `columns` (any case, in any
    order): "North Korean troops" finds "troops from North Korean units"; a text of no words
    (punctuation only) matches itself literally. Each column is tried with a plain ILIKE first
    and the word-start regex only where that holds (20 times faster on a million events)."""
    words = search_words(text)
    if not words:
        like = contains_pattern(text)
        return "(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in columns) + ")", \
            [like] * len(columns)
    clauses, params = [], []
    for w in words:
        clauses.append("(" + " OR ".join(f"({c} ILIKE ? ESCAPE '\\' AND regexp_matches({c}, ?))"
                                         for c in columns) + ")")
        params += [contains_pattern(w), f"(?i)\\b{w}"] * len(columns)
    return "(" + " AND ".join(clauses) + ")", params


def contains_pattern(value: str) -> str:
    """An ILIKE pattern (with ESCAPE '\\') matching `value` literally anywhere."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class EventFilter:
    """Events (reports or canonical events) to read; a field left empty matches every event.

    `actor`/`recipient` match a country code or, literally, part of the text or entity;
    `country` a country code on either side; `text` words in the evidence, actor or recipient
    (each at a word's start, in any order: `words_clause`); `source` part of the article's
    publisher; `place` where the event happens (the place's country code, or part of its
    name); `since`/`until` bound the event date (else the article date); `min_confidence`
    keeps events the judge believes at least that much (docs/judge.md). `story` and
    `min_sources` apply to canonical events only. `limit`/`offset` page the result in date
    order. `parse_filter` makes one from raw values, checked as the CLI and the API check them."""

    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    type: str | None = None
    quad: int | None = None
    status: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None
    article_id: str | None = None
    source: str | None = None
    located: bool = False
    place: str | None = None
    story: str | None = None
    min_sources: int | None = None
    min_confidence: float | None = None
    limit: int | None = None
    offset: int = 0

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (empty when nothing is filtered) and its bound parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        for clause, values in self._clauses():
            clauses.append(clause)
            params += values
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    def _clauses(self) -> list[tuple[str, list[Any]]]:
        out = [_party(prefix, value) for prefix, value in
               (("actor", self.actor), ("recipient", self.recipient)) if value]
        if self.country:
            out.append(("(upper(actor_country) = upper(?) OR upper(recipient_country) = upper(?))",
                        [self.country, self.country]))
        if self.type:
            out.append(("type = upper(?)", [self.type]))
        if self.quad is not None:
            out.append(("type IN (SELECT unnest(?::VARCHAR[]))",
                        [[t for t, k in QUAD_CLASS.items() if k == self.quad]]))
        simple = (("status = ?", self.status), ("coalesce(date, article_date) >= ?", self.since),
                  ("coalesce(date, article_date) <= ?", self.until),
                  ("article_id = ?", self.article_id), ("story_id = ?", self.story),
                  ("num_sources >= ?", self.min_sources),
                  ("confidence >= ?", self.min_confidence))
        out += [(clause, [value]) for clause, value in simple if value]
        if self.text:
            out.append(words_clause(["evidence_text", "actor_text", "recipient_text"],
                                    self.text))
        if self.source:
            out.append(("article_id IN (SELECT id FROM articles WHERE source ILIKE ? "
                        "ESCAPE '\\')", [contains_pattern(self.source)]))
        if self.place:
            out.append(("(upper(location_country) = upper(?) OR location_name ILIKE ? "
                        "ESCAPE '\\')", [self.place, contains_pattern(self.place)]))
        if self.located:
            out.append(("lat IS NOT NULL AND lon IS NOT NULL", []))
        return out

    def claim_where(self) -> tuple[str, list[Any]]:
        """The WHERE clause over the claims table of the fields that apply to claims: `actor`
        (the claimant), `country` (the claimant's country), `since`/`until` (the claim's date,
        else the article's), `text` (words in what it is about, its evidence or its claimant)
        and `source`; the event-only fields (recipient, type, quad, status, place, confidence)
        do not narrow claims."""
        clauses: list[tuple[str, list[Any]]] = []
        if self.actor:
            clauses.append(_party("claimant", self.actor))
        if self.country:
            clauses.append(("upper(claimant_country) = upper(?)", [self.country]))
        simple = (("coalesce(date, article_date) >= ?", self.since),
                  ("coalesce(date, article_date) <= ?", self.until))
        clauses += [(clause, [value]) for clause, value in simple if value]
        if self.text:
            clauses.append(words_clause(["about", "evidence_text", "claimant_text"], self.text))
        if self.source:
            clauses.append(("article_id IN (SELECT id FROM articles WHERE source ILIKE ? "
                            "ESCAPE '\\')", [contains_pattern(self.source)]))
        if not clauses:
            return "", []
        return ("WHERE " + " AND ".join(c for c, _ in clauses),
                [v for _, values in clauses for v in values])

    def page(self) -> tuple[str, list[Any]]:
        """` LIMIT ? OFFSET ?` and its parameters, or nothing when there is no limit."""
        if self.limit is None:
            return "", []
        return " LIMIT ? OFFSET ?", [self.limit, self.offset]


def _party(prefix: str, value: str) -> tuple[str, list[Any]]:
    like = contains_pattern(value)
    return (f"(upper({prefix}_country) = upper(?) OR {prefix}_text ILIKE ? ESCAPE '\\' "
            f"OR {prefix}_entity ILIKE ? ESCAPE '\\')", [value, like, like])


def parse_day(value: str | date | None, name: str) -> date | None:
    """A date parameter (YYYY-MM-DD), or None when empty; FilterError when it is not one."""
    if value is None or value == "" or isinstance(value, date):
        return value or None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FilterError(f"'{name}': expected a date YYYY-MM-DD, got {value[:40]!r}") from None


def check_type(value: str | None) -> str | None:
    """A PLOVER type in upper case, or None when empty; FilterError when it is not one."""
    if not value:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise FilterError(f"'type': unknown PLOVER type {value[:40]!r}; expected one of "
                          f"{', '.join(PLOVER_TYPES)}")
    return value.upper()


def parse_filter(*, since: str | date | None = None, until: str | date | None = None,
                 type: str | None = None, status: str | None = None, quad: int | None = None,
                 min_confidence: float | None = None, **fields: Any) -> EventFilter:
    """The EventFilter of raw values from the command line or a query string, checked the same
    way for both (FilterError: the CLI's usage error, the API's 422 or 400)."""
    day_since, day_until = parse_day(since, "since"), parse_day(until, "until")
    if day_since and day_until and day_since > day_until:
        raise FilterError(f"'since' ({day_since}) is after 'until' ({day_until})", status=400)
    if status and status not in STATUSES:
        raise FilterError(f"'status': expected one of {', '.join(STATUSES)}, "
                          f"got {status[:40]!r}")
    if quad is not None and quad not in (1, 2, 3, 4):
        raise FilterError(f"'quad': expected 1, 2, 3 or 4, got {quad}")
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise FilterError(f"'min_confidence': expected 0 to 1, got {min_confidence}")
    clean = {k: (v or None) if isinstance(v, str) else v for k, v in fields.items()}
    return EventFilter(since=day_since, until=day_until, type=check_type(type),
                       status=status or None, quad=quad, min_confidence=min_confidence, **clean)
