"""Rows into the API's JSON shapes: events, canonical events, mentions, claims, claim groups."""
from __future__ import annotations

from datetime import date
from typing import Any

from ..ontology import QUAD_CLASS
from ..store.rows import event_dict

CONTESTED_RATIO = 1.5
CLAIM_EXTRAS = ("role", "counted", "event_id")
"""Claim fields passed on where the store has them (issue 17: a claim's role in its group)."""
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


def claimant_key(claim: dict[str, Any]) -> str:
    c = claim.get("claimant") or {}
    return (c.get("entity") or c.get("country") or (c.get("text") or "").lower()
            or "(unattributed)")


def claim_group(group_id: str, claims: list[dict[str, Any]]) -> dict[str, Any]:
    """A claim group: its claims, value range and whether claimants disagree by > 1.5x."""
    values = [c["value"] for c in claims if c["value"] is not None]
    highs = [c["value_max"] if c["value_max"] is not None else c["value"]
             for c in claims if c["value"] is not None]
    low = min(values) if values else None
    high = max(highs) if highs else None
    by_claimant: dict[str, list[float]] = {}
    for c in claims:
        if c["value"] is not None:
            by_claimant.setdefault(claimant_key(c), []).append(c["value"])
    contested = False
    ratio = None
    if len(by_claimant) > 1:
        reps = [sum(v) / len(v) for v in by_claimant.values()]
        lo, hi = min(reps), max(reps)
        if lo > 0:
            ratio = hi / lo
            contested = ratio > CONTESTED_RATIO
        else:
            contested = hi > 0 and lo <= 0
    first = claims[0]
    return {"group_id": group_id, "about": first["about"], "unit": first["unit"],
            "claims_count": len(claims), "claimants": sorted(by_claimant),
            "min": low, "max": high, "ratio": round(ratio, 3) if ratio else None,
            "contested": contested, "claims": claims}


def link_subgroups(groups: list[dict[str, Any]], stored: list[dict[str, Any]]) -> None:
    """Give each group its `parent` (the whole it is a sub-quantity of, from claim_groups'
    parent_group_id) and `subgroups` (ids of its sub-quantities), and a stored group the
    `contested` flag its grouping gave it (sitroom.claims, as `sitroom claims` prints), in
    place."""
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
        own = known.get(group["group_id"])
        if own is not None and own.get("contested") is not None:
            group["contested"] = bool(own["contested"])  # as grouped: what `sitroom claims` says


def claim_out(row: dict[str, Any]) -> dict[str, Any]:
    claimant = None
    if row.get("claimant_text") is not None or row.get("claimant_country") is not None:
        claimant = {"text": row["claimant_text"], "country": row["claimant_country"],
                    "entity": row["claimant_entity"]}
    out = {"kind": "claim", "claim_id": row["claim_id"], "article_id": row["article_id"],
            "origin": row["origin"], "article_date": iso(row["article_date"]),
            "about": row["about"], "unit": row["unit"], "value": row["value"],
            "value_max": row["value_max"], "qualifier": row["qualifier"], "claimant": claimant,
            "date": iso(row["date"]), "group_id": row["group_id"],
            "evidence": {"text": row["evidence_text"], "start": row["evidence_start"],
                         "end": row["evidence_end"]}}
    out.update({k: row[k] for k in CLAIM_EXTRAS if k in row})
    return out
