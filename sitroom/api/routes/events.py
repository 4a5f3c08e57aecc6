"""Events and canonical events: the filtered list, one event, a canonical event's reports."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from ...store import events as event_queries
from ..errors import Invalid, NotBuilt, NotFound
from ..params import (CANONICAL_EVENTS_HELP, MAX_LIMIT, MAX_OFFSET, MIN_CONFIDENCE_HELP,
                      event_filter)
from ..service import NOT_BUILT, Service
from ..shapes import api_canonical, api_event, api_mention


def routes(service: Service) -> APIRouter:
    """The routes of events, over the app's Service."""
    api = APIRouter()

    @api.get("/api/events", summary="Events, filtered and paginated")
    def events(actor: str | None = Query(None, max_length=200,
                                         description="Actor country code or text"),
               recipient: str | None = Query(None, max_length=200),
               country: str | None = Query(None, max_length=8,
                                           description="Country code on either side"),
               type: str | None = Query(None, max_length=20, description="PLOVER type"),
               quad: int | None = Query(None, ge=1, le=4, description="PLOVER quad class"),
               status: str | None = Query(None, max_length=20),
               since: str | None = Query(None, description="First date, YYYY-MM-DD"),
               until: str | None = Query(None, description="Last date, YYYY-MM-DD"),
               q: str | None = Query(None, max_length=200,
                                     description="Text in evidence, actor or recipient"),
               article_id: str | None = Query(None, max_length=64),
               located: bool = Query(False, description="Only events with lat/lon"),
               min_confidence: float | None = Query(None, ge=0, le=1,
                                                    description=MIN_CONFIDENCE_HELP),
               order: str = Query("asc", pattern="^(asc|desc)$"),
               limit: int = Query(100, ge=1, le=MAX_LIMIT),
               offset: int = Query(0, ge=0, le=MAX_OFFSET),
               canonical: bool = Query(False, description=CANONICAL_EVENTS_HELP)
               ) -> dict[str, Any]:
        where = event_filter(actor, recipient, country, type, quad, status, since, until, q,
                             article_id, located, limit, offset, min_confidence)
        table, info = service.counting(True) if canonical else ("events", {"counting": "reports"})
        total = service.read(event_queries.count_events, where, table)
        rows = service.read(event_queries.event_rows, where, table, order == "desc")
        shape = api_canonical if canonical else api_event
        return {"total": total, "limit": limit, "offset": offset, **info,
                "events": [shape(r) for r in rows]}

    @api.get("/api/events/{event_id}", summary="One event")
    def event(event_id: str) -> dict[str, Any]:
        row = service.read(event_queries.event_by_id, event_id)
        if row is None:
            raise NotFound(f"no event with id {event_id[:80]!r}")
        out = api_event(row)
        out["canonical_id"] = service.read(event_queries.canonical_id_of, event_id)
        return out

    @api.get("/api/events/{event_id}/mentions",
             summary="Expand a canonical event into its reports (mentions)")
    def mentions(event_id: str) -> dict[str, Any]:
        if len(event_id) > 200:
            raise Invalid("event_id must be at most 200 characters")
        canonical_id = service.read(event_queries.canonical_id_of, event_id)
        if canonical_id is None:
            if service.read(event_queries.event_by_id, event_id) is None:
                raise NotFound(f"no event with id {event_id[:80]!r}")
            reports, merged = service.story_state()
            if not merged:
                raise NotBuilt(NOT_BUILT)
            raise NotBuilt(f"event {event_id[:80]!r} is not merged into a canonical event yet "
                           "(stories are rebuilt after every ingest)")
        row = service.read(event_queries.canonical_by_id, canonical_id)
        if row is None:
            raise NotBuilt(f"canonical event {canonical_id!r} is missing: rebuild stories")
        reports = service.read(event_queries.report_rows, canonical_id)
        return {"canonical_id": canonical_id, "event_id": event_id,
                "event": api_canonical(row), "total": len(reports),
                "mentions": [api_mention(r) for r in reports]}

    return api
