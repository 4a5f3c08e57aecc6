"""The store's counts and vocabularies, and the web page."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.responses import FileResponse

from ...ontology import PLOVER_TYPES, QUAD_CLASS
from ...store import articles as article_queries
from ...store import events as event_queries
from ..params import STATUSES
from ..service import Service
from ..shapes import iso

WEB = Path(__file__).resolve().parents[2] / "web"
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


def routes(service: Service) -> APIRouter:
    """The routes of meta, over the app's Service."""
    api = APIRouter()

    @api.get("/api/meta", summary="Store counts, date range, PLOVER types and quad classes")
    def meta() -> dict[str, Any]:
        rng = service.read(event_queries.date_range)
        reports, merged = service.story_state()
        counts = service.read(article_queries.table_counts)
        return {"articles": counts["articles"],
                "events": rng["events"], "located_events": rng["located"],
                "canonical_events": counts["canonical_events"],
                "stories_built": bool(merged) or not reports,
                "unmerged_reports": reports - merged,
                "claims": counts["claims"],
                "first_date": iso(rng["first"]), "last_date": iso(rng["last"]),
                "types": [{"type": t, "quad_class": QUAD_CLASS[t]} for t in PLOVER_TYPES],
                "quad_classes": QUAD_NAMES, "statuses": list(STATUSES)}

    @api.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "templates" / "index.html", media_type="text/html")

    return api
