"""The API's query parameters: limits, validation, and the EventFilter they make."""
from __future__ import annotations

from datetime import date

from ..ontology import PLOVER_TYPES
from ..store.filters import EventFilter
from .errors import BadRequest, Invalid

MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000
STATUSES = ("asserted", "future", "hypothetical", "negated")
INTERVALS = ("day", "week", "month")
CANONICAL_EVENTS_HELP = ("true: canonical events (one per real-world occurrence, with "
                         "num_mentions, num_articles, num_sources, first/last_reported) instead "
                         "of every report; 409 where stories have not been built")
MIN_CONFIDENCE_HELP = ("Only events whose confidence (the judge's probability that the event is "
                       "real and rightly coded, docs/judge.md) is at least this")
CANONICAL_COUNT_HELP = ("Count canonical events (default, where built; else every report, with "
                        "a note) or, with false, every report; true where none are built: 409")


def parse_day(value: str | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Invalid(f"query parameter '{name}': expected a date YYYY-MM-DD, "
                      f"got {value[:40]!r}") from None


def check_type(value: str | None) -> str | None:
    if not value:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise Invalid(f"query parameter 'type': unknown PLOVER type {value[:40]!r}; expected "
                      f"one of {', '.join(PLOVER_TYPES)}")
    return value.upper()


def event_filter(actor: str | None = None, recipient: str | None = None,
                 country: str | None = None, type: str | None = None,
                 quad: int | None = None, status: str | None = None,
                 since: str | None = None, until: str | None = None, q: str | None = None,
                 article_id: str | None = None, located: bool = False,
                 limit: int | None = None, offset: int = 0,
                 min_confidence: float | None = None) -> EventFilter:
    """The EventFilter of the API's event parameters, validated (ApiError where one is bad)."""
    day_since, day_until = parse_day(since, "since"), parse_day(until, "until")
    if day_since and day_until and day_since > day_until:
        raise BadRequest(f"'since' ({day_since}) is after 'until' ({day_until})")
    type = check_type(type)
    if status and status not in STATUSES:
        raise Invalid(f"query parameter 'status': expected one of {', '.join(STATUSES)}, "
                      f"got {status[:40]!r}")
    return EventFilter(actor=actor, recipient=recipient, country=country, type=type,
                       quad=quad, status=status, since=day_since, until=day_until, text=q,
                       article_id=article_id, located=located, limit=limit, offset=offset,
                       min_confidence=min_confidence)

