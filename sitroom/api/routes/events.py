"""Events and canonical events: the filtered list, one event, a canonical event's reports."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from ...store import events as event_queries
from ..errors import Invalid, NotBuilt, NotFound
from ..downloads import event_download, geojson_download
from ..params import (CANONICAL_EVENTS_HELP, FORMAT_HELP, FORMATS, MAX_LIMIT, MAX_OFFSET, Filters,
                      check_format)
from ..service import NOT_BUILT, Service, json_bytes
from ..shapes import api_canonical, api_event, api_mention


def routes(service: Service) -> APIRouter:
    """The routes of events, over the app's Service."""
    api = APIRouter()

    @api.get("/api/events", summary="Events, filtered and paginated; or every one as a download",
             response_model=None)
    def events(f: Filters = Depends(Filters.query),
               article_id: str | None = Query(None, max_length=64),
               located: bool = Query(False, description="Only events with lat/lon"),
               order: str = Query("asc", pattern="^(asc|desc)$"),
               limit: int = Query(100, ge=1, le=MAX_LIMIT),
               offset: int = Query(0, ge=0, le=MAX_OFFSET),
               canonical: bool = Query(False, description=CANONICAL_EVENTS_HELP),
               format: str = Query("json", description=FORMAT_HELP + "; geojson: the located "
                                   "events as a FeatureCollection")) -> Any:
        check_format(format, FORMATS + ("geojson",))
        table, info = service.counting(True) if canonical else ("events", {"counting": "reports"})
        shape = api_canonical if canonical else api_event
        if format in ("csv", "jsonl"):
            return event_download(service, f.where(article_id=article_id, located=located),
                                  table, format)
        if format == "geojson":
            rows = service.read(event_queries.event_rows,
                                f.where(article_id=article_id, located=True), table)
            return geojson_download("located-events", (shape(r) for r in rows))
        where = f.where(article_id=article_id, located=located, limit=limit, offset=offset)
        total, events = service.event_page_json(where, table, order == "desc", shape)
        head = json_bytes({"total": total, "limit": limit, "offset": offset, **info})
        return Response(head[:-1] + b',"events":[' + b",".join(events) + b"]}",
                        media_type="application/json")

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
