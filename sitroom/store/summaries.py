"""Filter-free summaries of an event table, and the timeline and network they answer.

The API's timeline and network count a million events per request when nothing narrows them
(0.1-0.4 s each on two cores). These summaries are the same counts grouped once: events per
(date bucket, type) for the timeline and per (type, source, target) for the network, both a
few hundred to a few thousand rows. The API keeps them per version of the file
(`sitroom.api.service.Service.memo`: recomputed after every write) and answers from them
requests whose filters are type and quad class only; any other filter (actor, country, dates,
words, ...) reads the table as before (`events.type_buckets`, `events.network_edges`).
"""
from __future__ import annotations

from dataclasses import fields
from typing import Any

from ..ontology import QUAD_CLASS
from .events import ACTOR_SIDE, _table, type_buckets
from .filters import EventFilter
from .sql import Connection, fetch

SUMMARY_FILTERS = ("type", "quad")
"""The filters a summary answers (as a set of types kept); any other one reads the table."""


def summarised(where: EventFilter) -> bool:
    """Whether the filter narrows by type and quad class only (paging aside)."""
    return all(getattr(where, f.name) == f.default for f in fields(EventFilter)
               if f.name not in SUMMARY_FILTERS + ("limit", "offset"))


def kept_types(where: EventFilter) -> set[str] | None:
    """The types the filter keeps (None: every type), as its WHERE clause keeps them."""
    types = None
    if where.type:
        types = {where.type.upper()}
    if where.quad is not None:
        quad = {t for t, k in QUAD_CLASS.items() if k == where.quad}
        types = quad if types is None else types & quad
    return types


def timeline_summary(con: Connection, interval: str, table: str = "events"
                     ) -> list[dict[str, Any]]:
    """Events per (date bucket, type) over the whole table: `type_buckets` unfiltered."""
    return type_buckets(con, EventFilter(), interval, table)


def timeline_quads(summary: list[dict[str, Any]], where: EventFilter
                   ) -> list[tuple[Any, int, int, int, int, int]]:
    """`events.quad_buckets(where)` from the summary, for a filter that is `summarised`."""
    types = kept_types(where)
    buckets: dict[Any, list[Any]] = {}
    for r in summary:
        if types is None or r["type"] in types:
            b = buckets.get(r["bucket"])
            if b is None:
                b = buckets[r["bucket"]] = [r["bucket"], 0, 0, 0, 0, 0]
            b[1] += r["n"]
            b[1 + QUAD_CLASS.get(r["type"], 1)] += r["n"]
    return [tuple(b) for b in buckets.values()]  # the summary is in bucket order


def edge_summary(con: Connection, table: str = "events") -> list[dict[str, Any]]:
    """Events with both sides per (type, source, target, whether both sides are actors, whether
    both sides have text or a country): count, summed Goldstein and events scored."""
    strict = f"{ACTOR_SIDE.format(p='actor')} AND {ACTOR_SIDE.format(p='recipient')}"
    loose = ("(actor_text IS NOT NULL OR actor_country IS NOT NULL) AND "
             "(recipient_text IS NOT NULL OR recipient_country IS NOT NULL)")
    return fetch(con, f"SELECT type, coalesce(upper(actor_country), actor_text) AS source, "
                      f"coalesce(upper(recipient_country), recipient_text) AS target, "
                      f"coalesce({strict}, false) AS actors, coalesce({loose}, false) AS sides, "
                      f"count(*) AS count, sum(goldstein) AS goldstein, "
                      f"count(goldstein) AS scored FROM {_table(table)} "
                      f"WHERE ({strict}) OR ({loose}) GROUP BY ALL")


def network_rows(summary: list[dict[str, Any]], where: EventFilter, limit: int,
                 actors_only: bool = True) -> list[dict[str, Any]]:
    """`network_edges(where, limit, actors_only)` from the summary, for a filter that is
    `summarised`: the same edges, counts, mean Goldstein and order."""
    types = kept_types(where)
    flag = "actors" if actors_only else "sides"
    edges: dict[tuple[Any, Any], list[Any]] = {}
    for r in summary:
        if r[flag] and (types is None or r["type"] in types):
            e = edges.setdefault((r["source"], r["target"]), [0, 0.0, 0])
            e[0] += r["count"]
            e[1] += r["goldstein"] or 0.0
            e[2] += r["scored"]

    def nulls_last(value: Any) -> tuple[bool, Any]:
        return value is None, value or ""
    order = sorted(edges.items(), key=lambda kv: (-kv[1][0], nulls_last(kv[0][0]),
                                                  nulls_last(kv[0][1])))
    return [{"source": s, "target": t, "count": n, "mean_goldstein": g / k if k else None}
            for (s, t), (n, g, k) in order[:limit]]
