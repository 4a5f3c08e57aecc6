"""Claim groups in the store: which partitions (stories) are stale, and regrouping them so the
tables equal a full regroup's. The grouping itself is `sitroom.claims.groups`, over records."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyarrow as pa

from ..claims.groups import (ClaimGroup, assign_group_ids, claim_order, complete_groups,
                             latest_by_claimant, pending_groups)
from ..records import Claim
from .rows import claim_from_row
from .sql import insert

if TYPE_CHECKING:
    from .db import Store


def claims(store: Store) -> list[Claim]:
    """Every stored claim, in date order."""
    rows = store.query("SELECT * FROM claims ORDER BY coalesce(date, article_date), claim_id")
    return [claim_from_row(r) for r in rows]


def claim_partitions(store: Store) -> dict[str, str] | None:
    """article id -> story id, within which claims group (None before stories are built:
    then claims group across the whole store)."""
    rows = store.query("SELECT article_id, story_id FROM story_articles")
    return {r["article_id"]: r["story_id"] for r in rows} if rows else None


def claim_events(store: Store) -> dict[str, str]:
    """event id -> canonical event id, for the events claims are linked to (empty before
    stories are built): claims of different canonical events never group."""
    rows = store.query("SELECT m.event_id, m.canonical_id FROM event_mentions m "
                       "WHERE m.event_id IN (SELECT event_id FROM claims)")
    return {r["event_id"]: r["canonical_id"] for r in rows}


def _partition_sql(store: Store) -> str:
    """SQL for a claims row's partition (`c` joined to story_articles `s`), as in
    `sitroom.claims.groups.partition_key`: NULL (one partition) before stories are built."""
    row = store.con.execute("SELECT EXISTS (SELECT 1 FROM story_articles)").fetchone()
    return "coalesce(s.story_id, c.article_id)" if row and row[0] else "NULL::VARCHAR"


def stale_claim_partitions(store: Store) -> set[str | None] | None:
    """The partitions (story ids; None: the one partition before stories are built) whose
    stored claim groups are not what grouping the stored claims gives now: those with a
    claim not yet grouped, a claim that has left or joined since (its story changed), or a
    group whose count is off. None when the groups must all be redone (stored before
    migration 5). Reads only; `regroup_claims` regroups these."""
    legacy = store.con.execute(
        "SELECT EXISTS (SELECT 1 FROM claim_groups WHERE base_id IS NULL)").fetchone()
    if legacy and legacy[0]:
        return None
    key = _partition_sql(store)
    rows = store.con.execute(f"""
        WITH cur AS (
            SELECT c.group_id, {key} AS key FROM claims c
            LEFT JOIN story_articles s ON s.article_id = c.article_id),
        counts AS (SELECT group_id, count(*) AS n FROM claims
                   WHERE group_id IS NOT NULL GROUP BY group_id)
        SELECT DISTINCT cur.key AS now, g.partition_key AS was, g.group_id IS NOT NULL AS stored
        FROM cur LEFT JOIN claim_groups g ON g.group_id = cur.group_id
        WHERE g.group_id IS NULL OR cur.key IS DISTINCT FROM g.partition_key
        UNION
        SELECT g.partition_key, g.partition_key, true FROM claim_groups g
        LEFT JOIN counts USING (group_id) WHERE coalesce(counts.n, 0) <> g.n_claims
        """).fetchall()
    stale: set[str | None] = set()
    for now, was, stored in rows:
        stale.add(now)
        if stored:
            stale.add(was)
    return stale


def claim_groups(store: Store) -> list[Any] | None:
    """The stored claim groups (sitroom.claims.ClaimGroup, founding order, claims in their
    founding order), or None when they are not up to date with the stored claims and
    stories (`stale_claim_partitions`): an older store, or one whose stories changed
    without a regroup. `latest_by_claimant` is derived from the stored members."""
    if stale_claim_partitions(store) != set():
        return None
    members: dict[str, list[Claim]] = {}
    for row in store.query("SELECT * FROM claims WHERE group_id IS NOT NULL"):
        claim = claim_from_row(row)
        members.setdefault(claim.group_id or "", []).append(claim)
    groups = []
    for g in store.query("SELECT * FROM claim_groups"):
        claims = sorted(members.get(g["group_id"], []), key=claim_order)
        groups.append(ClaimGroup(g["group_id"], g["about"], g["unit"], tuple(claims),
                                 g["min"], g["max"], bool(g["contested"]),
                                 latest_by_claimant(claims), g["parent_group_id"]))
    groups.sort(key=lambda grp: claim_order(grp.claims[0]) if grp.claims else ())
    return groups


def listed_claim_groups(store: Store) -> tuple[list[Any], bool]:
    """The claim groups as `sitroom claims`, `/api/claims` and the claims export list them:
    the stored groups, contested first, then by size and id; with False. Where the stored
    groups are out of date (an older store, stories changed without a regroup) the claims are
    grouped now, the same way, without writing; with True."""
    groups = claim_groups(store)
    stale = groups is None
    if groups is None:
        from ..claims.groups import group_claims

        groups = group_claims(claims(store), story_of=claim_partitions(store),
                              event_of=claim_events(store))
    groups.sort(key=lambda g: (not g.contested, -len(g.claims), g.group_id))
    return groups, stale


def regroup_claims(store: Store, full: bool = False) -> list[Any]:
    """Bring the stored claim groups up to date after an ingest or a story update (run it
    after the stories are updated): only the partitions (stories) with a new claim or a
    changed membership (`stale_claim_partitions`) are grouped again, and groups elsewhere
    that share a description with them are renumbered where the founding order says so,
    so that the tables equal a full regroup's. `full=True` (or groups stored before
    migration 5) regroups every stored claim. Returns the groups (re)computed (all of them
    on a full regroup); sitroom.claims.ClaimGroup records. docs/claims.md, "In the store"."""
    stale = None if full else stale_claim_partitions(store)
    if stale is None or None in stale:
        return _regroup_all(store)
    if not stale:
        return []
    return _regroup_partitions(store, stale)


def _group_row(group: Any, pending: Any) -> dict[str, Any]:
    return {"group_id": group.group_id, "about": group.about, "unit": group.unit,
            "min": group.min, "max": group.max, "contested": group.contested,
            "parent_group_id": group.parent_group_id, "n_claims": len(group.claims),
            "partition_key": pending.partition, "base_id": pending.base_id,
            "alt_id": pending.alt_id, "founder_claim_id": pending.founder.claim_id}


def _regroup_all(store: Store) -> list[Any]:
    pending = pending_groups(claims(store), story_of=claim_partitions(store),
                             event_of=claim_events(store))
    ids = assign_group_ids((p.order, p.base_id, p.alt_id, id(p)) for p in pending)
    groups = complete_groups(pending, ids)
    rows = [_group_row(g, p) for g, p in zip(groups, pending)]
    members = [{"claim_id": c.claim_id, "group_id": g.group_id}
               for g in groups for c in g.claims]
    _write_groups(store, ["DELETE FROM claim_groups"], rows, members)
    return groups


def _regroup_partitions(store: Store, stale: set[str | None]) -> list[Any]:
    keys = sorted(k for k in stale if k is not None)
    rows = store.query(
        "SELECT c.*, coalesce(s.story_id, c.article_id) AS partition_key FROM claims c "
        "LEFT JOIN story_articles s ON s.article_id = c.article_id "
        "WHERE coalesce(s.story_id, c.article_id) IN (SELECT unnest(?))", [keys])
    story_of = {r["article_id"]: r["partition_key"] for r in rows}
    linked = sorted({r["event_id"] for r in rows if r.get("event_id")})
    event_of = {r["event_id"]: r["canonical_id"] for r in store.query(
        "SELECT event_id, canonical_id FROM event_mentions "
        "WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [linked])} if linked else {}
    pending = pending_groups([claim_from_row(r) for r in rows], story_of=story_of,
                             event_of=event_of)
    dropped = store.query("SELECT group_id, base_id FROM claim_groups "
                         "WHERE partition_key IN (SELECT unnest(?))", [keys])
    bases = sorted({p.base_id for p in pending} | {d["base_id"] for d in dropped})
    # groups of untouched partitions that share a description with a regrouped one: the
    # founding order across all of them decides who keeps the plain id
    others = store.query(
        "SELECT g.group_id, g.base_id, g.alt_id, c.article_date, c.article_id, "
        "c.evidence_start, c.claim_id FROM claim_groups g "
        "JOIN claims c ON c.claim_id = g.founder_claim_id "
        "WHERE g.base_id IN (SELECT unnest(?)) "
        "AND g.partition_key NOT IN (SELECT unnest(?))", [bases, keys])
    ids = assign_group_ids(
        [(p.order, p.base_id, p.alt_id, id(p)) for p in pending]
        + [((o["article_date"], o["article_id"], o["evidence_start"], o["claim_id"]),
            o["base_id"], o["alt_id"], o["group_id"]) for o in others])
    renamed = {o["group_id"]: ids[o["group_id"]] for o in others
               if ids[o["group_id"]] != o["group_id"]}
    groups = complete_groups(pending, ids)
    new_rows = [_group_row(g, p) for g, p in zip(groups, pending)]
    members = [{"claim_id": c.claim_id, "group_id": g.group_id}
               for g in groups for c in g.claims]
    deletes: list[Any] = [("DELETE FROM claim_groups WHERE partition_key IN "
                           "(SELECT unnest(?))", [keys])]
    if renamed:
        old = sorted(renamed)
        moved = store.query("SELECT * FROM claim_groups WHERE group_id IN (SELECT unnest(?))",
                           [old])
        for r in moved:
            r["group_id"] = renamed[r["group_id"]]
            r["parent_group_id"] = renamed.get(r["parent_group_id"], r["parent_group_id"])
        new_rows += moved
        members += [{"claim_id": r["claim_id"], "group_id": renamed[r["group_id"]]}
                    for r in store.query("SELECT claim_id, group_id FROM claims "
                                        "WHERE group_id IN (SELECT unnest(?))", [old])]
        deletes.append(("DELETE FROM claim_groups WHERE group_id IN (SELECT unnest(?))",
                        [old]))
    _write_groups(store, deletes, new_rows, members, renamed)
    return groups


def _write_groups(store: Store, deletes: list[Any], rows: list[dict[str, Any]],
                  members: list[dict[str, str]],
                  renamed: dict[str, str] | None = None) -> None:
    """In one transaction: the DELETEs (SQL, or (SQL, params)), the group rows, each
    member claim's group_id, and parent links to renamed groups."""
    with store.transaction("regrouping claims failed"):
        for sql in deletes:
            if isinstance(sql, tuple):
                store.con.execute(*sql)
            else:
                store.con.execute(sql)
        if renamed:
            links = pa.Table.from_pylist(  # noqa: F841  (DuckDB replacement scan)
                [{"old": k, "new": v} for k, v in renamed.items()])
            store.con.execute("UPDATE claim_groups SET parent_group_id = links.new "
                             "FROM links WHERE claim_groups.parent_group_id = links.old")
        insert(store.con, "claim_groups", rows)
        if members:
            grouping = pa.Table.from_pylist(members)  # noqa: F841  (DuckDB replacement scan)
            store.con.execute("UPDATE claims SET group_id = grouping.group_id FROM grouping "
                             "WHERE claims.claim_id = grouping.claim_id")
