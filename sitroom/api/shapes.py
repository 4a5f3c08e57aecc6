"""Rows into the API's JSON shapes: events, canonical events, mentions, claims, claim groups."""
from __future__ import annotations

from datetime import date
from typing import Any

from ..ontology import QUAD_CLASS
from ..store.rows import claim_from_row, event_dict

CANONICAL_FIELDS = ("story_id", "num_mentions", "num_articles", "num_sources", "first_reported",
                    "last_reported")


def api_event(row: dict[str, Any]) -> dict[str, Any]:
    out = event_dict(row)
    out["quad_class"] = QUAD_CLASS.get(out["type"])
    return out



def api_canonical(row: dict[str, Any]) -> dict[str, Any]:
    """A canonical_events row: the event's fields plus its story and report counts."""
    out = api_event(row)
    out["canonical"] = True
    out.update({k: iso(row[k]) for k in CANONICAL_FIELDS})
    return out


def api_mention(row: dict[str, Any]) -> dict[str, Any]:
    """One report of a canonical event: where it was read and what it said."""
    ev = event_dict(row)
    return {"event_id": ev["event_id"], "article_id": ev["article_id"], "origin": ev["origin"],
            "title": row["title"], "source": row["source"], "article_date": ev["article_date"],
            "date": ev["date"], "repeat": row["repeat"], "type": ev["type"],
            "status": ev["status"], "actor": ev["actor"], "recipient": ev["recipient"],
            "said_by": ev["said_by"], "evidence": ev["evidence"]}


def iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def api_claim_group(group: dict[str, Any]) -> dict[str, Any]:
    """A claim group as `sitroom claims --format jsonl` prints it (`group_to_dict`), plus
    `ratio` (largest over smallest latest figure of its claimants, for the page)."""
    latest = {c["claim_id"]: c["value"] for c in group["claims"]}
    values = [latest[i] for i in group["latest_by_claimant"].values() if latest.get(i)]
    ratio = round(max(values) / min(values), 3) if len(values) > 1 else None
    return {**group, "ratio": ratio}


def link_subgroups(groups: list[dict[str, Any]], stored: list[dict[str, Any]]) -> None:
    """Give each group its `parent` (the whole it is a sub-quantity of, from claim_groups'
    parent_group_id) and `subgroups` (ids of its sub-quantities), in place."""
    known = {g["group_id"]: g for g in stored}
    children: dict[str, list[str]] = {}
    for g in stored:
        if g["parent_group_id"] and g["parent_group_id"] != g["group_id"]:
            children.setdefault(g["parent_group_id"], []).append(g["group_id"])
    for group in groups:
        parent_id = (known.get(group["group_id"]) or {}).get("parent_group_id")
        parent = known.get(parent_id) if parent_id and parent_id != group["group_id"] else None
        group["parent_group_id"] = parent["group_id"] if parent else None
        group["parent"] = ({"group_id": parent["group_id"], "about": parent["about"],
                            "unit": parent["unit"], "min": parent["min"],
                            "max": parent["max"]} if parent else None)
        group["subgroups"] = sorted(children.get(group["group_id"], []))


def claim_out(row: dict[str, Any]) -> dict[str, Any]:
    """A claims row in the contract's claim shape (`Claim.to_dict`)."""
    return claim_from_row(row).to_dict()
