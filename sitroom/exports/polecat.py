"""POLECAT/PLOVER records: one JSON object per event, in the PLOVER manual's record layout.

Field names follow the PLOVER data-interchange record (id, date, event, mode, context, actor,
recipient, event_loc, event_text, quad_code, text_info, cite_info, size_info, coder, ...);
sitroom adds `story_id`, `status`, `said_by`, `cameo_root` and `goldstein`.
"""
from __future__ import annotations

import json
from typing import IO, Any

from ..version import __version__
from ..ontology import QUAD_CLASS
from ..store.db import Store, event_dict
from ..store.exports import stream

CODER = f"sitroom {__version__}"
AUX_MODE = {"future": "future", "hypothetical": "hypothetical", "negated": "negation"}
"""PLOVER's auxiliary modes for an event's status ("asserted" has none)."""
SIZE_KEYS = ("dead", "injured", "arrested")


def _entity(actor: dict[str, Any] | None) -> list[dict[str, Any]]:
    if actor is None:
        return []
    return [{"code": actor["country"], "sector": actor.get("sector"), "other_sector_codes": [],
             "entity_text": actor["text"], "identifier_text": actor["entity"]}]


def _place(loc: dict[str, Any] | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    return {"extracted_place": loc["name"], "resolved_place": loc["name"],
            "province": loc["admin1"], "country_code": loc["country"], "lat": loc["lat"],
            "lon": loc["lon"]}


def polecat_record(row: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER/POLECAT-shaped record for an events row joined with its article."""
    ev = event_dict(row)
    quantities = ev["quantities"]
    mode = [m for m in (ev["mode"], AUX_MODE.get(ev["status"])) if m]
    return {
        "id": ev["event_id"], "date": ev["date"] or ev["article_date"],
        "event": [ev["type"]], "mode": mode, "context": [],
        "actor": _entity(ev["actor"]), "recipient": _entity(ev["recipient"]),
        "event_loc": _place(ev["location"]), "event_text": [ev["evidence"]["text"]],
        "quad_code": QUAD_CLASS.get(ev["type"]),
        "text_info": {"story_id": ev["article_id"], "start": ev["evidence"]["start"],
                      "end": ev["evidence"]["end"]},
        "cite_info": {"citation": ev["origin"], "url": row["a_url"], "title": row["a_title"],
                      "publication": row["a_source"], "language": "en", "coder": CODER},
        "size_info": {k: quantities.get(k) for k in SIZE_KEYS},
        "has_event": True, "coder": CODER,
        "coded_date": row["a_ingested_at"].date().isoformat() if row["a_ingested_at"] else None,
        "story_id": ev["article_id"], "status": ev["status"], "said_by": ev["said_by"],
        "cameo_root": ev["cameo_root"], "goldstein": ev["goldstein"],
    }


def write_polecat(store: Store, handle: IO[str], **filters: Any) -> int:
    """Write one POLECAT-shaped JSON object per line; returns the rows written."""
    n = 0
    cols = "e.*, a.url AS a_url, a.title AS a_title, a.source AS a_source, " \
           "a.ingested_at AS a_ingested_at"
    for row in stream(store, cols, **filters):
        handle.write(json.dumps(polecat_record(row), ensure_ascii=False) + "\n")
        n += 1
    return n
