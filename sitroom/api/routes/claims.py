"""Claim groups with their claims: the stored grouping, in the CLI's order and shape."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from ...claims import group_to_dict
from ...claims.listing import select_groups
from ...store import articles as article_queries
from ..downloads import rows_download
from ..params import FORMAT_HELP, MAX_LIMIT, MAX_OFFSET, Filters, check_format
from ..service import Service
from ..shapes import api_claim_group, link_subgroups

CLAIM_COLUMNS = ["group_id", "claim_id", "about", "unit", "qualifier", "value", "value_max",
                 "date", "article_date", "claimant_text", "claimant_country", "claimant_entity",
                 "role", "counted", "event_id", "article_id", "origin", "evidence_text",
                 "evidence_start", "evidence_end"]
"""The columns of a claims CSV download, one row per claim (role, counted and event_id are
empty where the store does not give them)."""


def routes(service: Service) -> APIRouter:
    """The routes of claims, over the app's Service."""
    api = APIRouter()

    @api.get("/api/claims", response_model=None,
             summary="Claim groups with their claims; contested groups first, each whole "
                     "followed by its sub-quantities")
    def claims(f: Filters = Depends(Filters.query),
               about: str | None = Query(None, max_length=200),
               contested: bool | None = None,
               limit: int = Query(50, ge=1, le=MAX_LIMIT),
               offset: int = Query(0, ge=0, le=MAX_OFFSET),
               format: str = Query("json", description=FORMAT_HELP + "; one row per claim")
               ) -> Any:
        check_format(format)
        # the stored grouping, as `sitroom claims` gives it (one grouping everywhere)
        groups = [api_claim_group(group_to_dict(g)) for g in service.claim_groups()]
        link_subgroups(groups, groups)
        kept = service.read(article_queries.kept_claim_ids, f.where())
        groups = select_groups(groups, kept, about, contested)
        if format != "json":
            claims = ({**c, "group_id": g["group_id"]} for g in groups for c in g["claims"])
            return rows_download("claims", format, claims, CLAIM_COLUMNS)
        return {"total": len(groups), "contested_total": sum(g["contested"] for g in groups),
                "limit": limit, "offset": offset, "filters": f.given(),
                "groups": groups[offset:offset + limit]}

    return api
