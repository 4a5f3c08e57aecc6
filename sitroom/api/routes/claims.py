"""Claim groups with their claims."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from ...store import articles as article_queries
from ..params import MAX_LIMIT, MAX_OFFSET
from ..service import Service
from ..shapes import claim_group, claim_out, link_subgroups


def routes(service: Service) -> APIRouter:
    """The routes of claims, over the app's Service."""
    api = APIRouter()

    @api.get("/api/claims", summary="Claim groups with their claims; contested groups first")
    def claims(about: str | None = Query(None, max_length=200),
               contested: bool | None = None,
               limit: int = Query(50, ge=1, le=MAX_LIMIT),
               offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
        rows = service.read(article_queries.claim_rows_by_group, about)
        grouped: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            grouped.setdefault(r["gkey"], []).append(claim_out(r))
        groups = [claim_group(k, v) for k, v in grouped.items()]
        link_subgroups(groups, service.read(article_queries.claim_group_links))
        if contested is not None:
            groups = [g for g in groups if g["contested"] == contested]
        groups.sort(key=lambda g: (not g["contested"], -g["claims_count"], g["group_id"]))
        return {"total": len(groups), "limit": limit, "offset": offset,
                "groups": groups[offset:offset + limit]}

    return api
