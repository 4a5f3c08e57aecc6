"""Claim groups with their claims: the stored grouping, in the CLI's order and shape."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from ...claims import group_to_dict
from ..params import MAX_LIMIT, MAX_OFFSET
from ..service import Service
from ..shapes import api_claim_group, link_subgroups


def routes(service: Service) -> APIRouter:
    """The routes of claims, over the app's Service."""
    api = APIRouter()

    @api.get("/api/claims", summary="Claim groups with their claims; contested groups first")
    def claims(about: str | None = Query(None, max_length=200),
               contested: bool | None = None,
               limit: int = Query(50, ge=1, le=MAX_LIMIT),
               offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
        groups = [api_claim_group(group_to_dict(g)) for g in service.claim_groups()]
        link_subgroups(groups, groups)
        if about:
            needle = about.lower()
            groups = [g for g in groups if needle in (g["about"] or "").lower()
                      or any(needle in (c["about"] or "").lower() for c in g["claims"])]
        if contested is not None:
            groups = [g for g in groups if g["contested"] == contested]
        return {"total": len(groups), "limit": limit, "offset": offset,
                "groups": groups[offset:offset + limit]}

    return api
