"""Claim groups with their claims: the stored grouping, in the CLI's order and shape."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from ...claims import group_to_dict
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


def families_first(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Groups in the stored grouping's order (`sitroom claims`': contested first), each followed
    by its sub-groups (depth first), so that a page shows a whole above its parts."""
    shown = {g["group_id"] for g in groups}
    children: dict[str, list[dict[str, Any]]] = {}
    for g in groups:
        if g["parent_group_id"] in shown:
            children.setdefault(g["parent_group_id"], []).append(g)
    out: list[dict[str, Any]] = []

    def visit(g: dict[str, Any], depth: int) -> None:
        g["depth"] = depth
        out.append(g)
        for kid in children.get(g["group_id"], []) if depth < 4 else []:
            visit(kid, depth + 1)
    for g in groups:
        if g["parent_group_id"] not in shown:
            visit(g, 0)
    seen = {g["group_id"] for g in out}  # a cycle of parents: shown at the top level
    out += [g for g in groups if g["group_id"] not in seen]
    return out


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
        where = f.where()
        if where.claim_where()[0]:  # the filters that apply to claims keep a group's claims
            kept = {r["claim_id"] for r in service.read(article_queries.claim_rows_by_group,
                                                         None, where)}
            groups = [{**g, "claims": cs, "claims_count": len(cs)} for g in groups
                      for cs in [[c for c in g["claims"] if c["claim_id"] in kept]] if cs]
        if about:
            needle = about.lower()
            groups = [g for g in groups if needle in (g["about"] or "").lower()
                      or any(needle in (c["about"] or "").lower() for c in g["claims"])]
        if contested is not None:
            groups = [g for g in groups if g["contested"] == contested]
        groups = families_first(groups)
        if format != "json":
            claims = ({**c, "group_id": g["group_id"]} for g in groups for c in g["claims"])
            return rows_download("claims", format, claims, CLAIM_COLUMNS)
        return {"total": len(groups), "contested_total": sum(g["contested"] for g in groups),
                "limit": limit, "offset": offset, "filters": f.given(),
                "groups": groups[offset:offset + limit]}

    return api
