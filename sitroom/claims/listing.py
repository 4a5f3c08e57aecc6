"""Which claim groups a list shows, and in what order: the one selection of `/api/claims` and
`sitroom claims`, over groups in their JSON shape (`group_to_dict`)."""
from __future__ import annotations

from typing import Any


def families_first(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Groups in the stored grouping's order (contested first), each followed by its sub-groups
    (depth first, `depth` set on each), so that a page shows a whole above its parts."""
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


def select_groups(groups: list[dict[str, Any]], kept: set[str] | None = None,
                  about: str | None = None, contested: bool | None = None
                  ) -> list[dict[str, Any]]:
    """The groups a list shows, families first: with `kept` (the ids of the claims the event
    filters keep, `sitroom.store.articles.kept_claim_ids`) each group's claims narrowed to
    those (`claims_count` with them; its range, flags and claimants stay the whole group's) and
    groups left with none dropped; `about` a part of what the group or one of its claims is
    about (any case); `contested` the groups whose claimants disagree (or, False, do not)."""
    if kept is not None:
        groups = [{**g, "claims": cs, "claims_count": len(cs)} for g in groups
                  for cs in [[c for c in g["claims"] if c["claim_id"] in kept]] if cs]
    if about:
        needle = about.lower()
        groups = [g for g in groups if needle in (g["about"] or "").lower()
                  or any(needle in (c["about"] or "").lower() for c in g["claims"])]
    if contested is not None:
        groups = [g for g in groups if g["contested"] == contested]
    return families_first(groups)
