"""Which events: the one filter type of the CLI, the API and the exports, and its WHERE clause."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..ontology import QUAD_CLASS


def contains_pattern(value: str) -> str:
    """An ILIKE pattern (with ESCAPE '\\') matching `value` literally anywhere."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class EventFilter:
    """Events (reports or canonical events) to read; a field left empty matches every event.

    `actor`/`recipient` match a country code or, literally, part of the text or entity; `country`
    a country code on either side; `text` part of the evidence, actor or recipient text;
    `since`/`until` bound the event date (else the article date); `min_confidence` keeps events
    the judge believes at least that much (docs/judge.md). `story` and `min_sources`
    apply to canonical events only. `limit`/`offset` page the result in date order."""

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
    located: bool = False
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
            like = contains_pattern(self.text)
            out.append(("(evidence_text ILIKE ? ESCAPE '\\' OR actor_text ILIKE ? ESCAPE '\\' "
                        "OR recipient_text ILIKE ? ESCAPE '\\')", [like, like, like]))
        if self.located:
            out.append(("lat IS NOT NULL AND lon IS NOT NULL", []))
        return out

    def page(self) -> tuple[str, list[Any]]:
        """` LIMIT ? OFFSET ?` and its parameters, or nothing when there is no limit."""
        if self.limit is None:
            return "", []
        return " LIMIT ? OFFSET ?", [self.limit, self.offset]


def _party(prefix: str, value: str) -> tuple[str, list[Any]]:
    like = contains_pattern(value)
    return (f"(upper({prefix}_country) = upper(?) OR {prefix}_text ILIKE ? ESCAPE '\\' "
            f"OR {prefix}_entity ILIKE ? ESCAPE '\\')", [value, like, like])
