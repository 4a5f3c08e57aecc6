"""The API's query parameters: limits, the event filter every view shares, and formats."""
from __future__ import annotations

from typing import Any

from fastapi import Query

from ..store.filters import STATUSES, EventFilter, FilterError, parse_filter
from .errors import BadRequest, Invalid

MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000
INTERVALS = ("day", "week", "month")
FORMATS = ("json", "csv", "jsonl")
FORMAT_HELP = ("json (a page), or csv / jsonl: every row the filters keep, in date order, as "
               "a download (limit and offset are for pages only)")
CANONICAL_EVENTS_HELP = ("true: canonical events (one per real-world occurrence, with "
                         "num_mentions, num_articles, num_sources, first/last_reported) instead "
                         "of every report; 409 where stories have not been built")
MIN_CONFIDENCE_HELP = ("Only events whose confidence (the judge's probability that the event is "
                       "real and rightly coded, docs/judge.md) is at least this")
CANONICAL_COUNT_HELP = ("Count canonical events (default, where built; else every report, with "
                        "a note) or, with false, every report; true where none are built: 409")
PLACE_HELP = ("Where the event happens: the place's country code, or part of its name "
              "(events with no place resolved do not match)")
Q_HELP = ("Words in the evidence, actor or recipient text, in any order, each at the start of "
          "a word, any case ('North Korean troops')")

__all__ = ["STATUSES", "Filters", "event_filter"]


class Filters:
    """The filter parameters every view shares (actor, recipient, country, type, quad, status,
    source, place, since, until, min_confidence, q) as given, from a FastAPI dependency
    (`query`); the EventFilter they make is `where()`."""

    def __init__(self, **raw: Any) -> None:
        self.raw = raw

    @classmethod
    def query(cls,
              actor: str | None = Query(None, max_length=200,
                                        description="Actor country code or text"),
              recipient: str | None = Query(None, max_length=200,
                                            description="Recipient country code or text"),
              country: str | None = Query(None, max_length=8,
                                          description="Country code on either side"),
              type: str | None = Query(None, max_length=20, description="PLOVER type"),
              quad: int | None = Query(None, ge=1, le=4, description="PLOVER quad class"),
              status: str | None = Query(None, max_length=20, description=", ".join(STATUSES)),
              source: str | None = Query(None, max_length=200,
                                         description="Part of the article's publisher"),
              place: str | None = Query(None, max_length=200, description=PLACE_HELP),
              since: str | None = Query(None, description="First date, YYYY-MM-DD"),
              until: str | None = Query(None, description="Last date, YYYY-MM-DD"),
              min_confidence: float | None = Query(None, ge=0, le=1,
                                                   description=MIN_CONFIDENCE_HELP),
              q: str | None = Query(None, max_length=200, description=Q_HELP)) -> Filters:
        return cls(actor=actor, recipient=recipient, country=country, type=type, quad=quad,
                   status=status, source=source, place=place, since=since, until=until,
                   min_confidence=min_confidence, q=q)

    def where(self, **more: Any) -> EventFilter:
        """The EventFilter of these parameters (and `more` fields), validated."""
        return event_filter(**self.raw, **more)

    def without(self, *names: str) -> Filters:
        """These filters but `names`."""
        return Filters(**{k: v for k, v in self.raw.items() if k not in names})

    def given(self) -> dict[str, Any]:
        """The parameters given, by name (for echoing back)."""
        return {k: v for k, v in self.raw.items() if v not in (None, "")}


def event_filter(q: str | None = None, **fields: Any) -> EventFilter:
    """The EventFilter of the API's event parameters, validated (ApiError where one is bad:
    the message the CLI prints for the same value)."""
    try:
        return parse_filter(text=q, **fields)
    except FilterError as err:
        raise (BadRequest if err.status == 400 else Invalid)(
            f"query parameter {err}" if err.status != 400 else str(err)) from None


def check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> str:
    if fmt not in allowed:
        raise Invalid(f"query parameter 'format': expected one of {', '.join(allowed)}, "
                      f"got {fmt[:20]!r}")
    return fmt
