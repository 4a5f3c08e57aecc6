"""The claims export: one row per claim with its group, role, event and claimant (CSV, Parquet
or JSON lines; the same columns in each). Groups are the stored grouping that `sitroom claims`
and `/api/claims` list (ingest keeps it current)."""
from __future__ import annotations

import json
from datetime import date
from typing import IO, Any

from ..store.db import Store
from ..store.exports import claim_rows
from .flat import Column, csv_rows, select_sql


# each column's SQL is over claims `c`, claim_groups `g`, events `e`, event_mentions `m` and
# articles `a`
COLUMNS: tuple[Column, ...] = (
    Column("claim_id", "VARCHAR", "c.claim_id", "stable claim id"),
    Column("article_id", "VARCHAR", "c.article_id", "stable article id"),
    Column("article_date", "DATE", "c.article_date", "publication date"),
    Column("date", "DATE", "c.date", "when the claim was made"),
    Column("url", "VARCHAR", "a.url", "article URL where the input gave one"),
    Column("group_id", "VARCHAR", "c.group_id", "the claim group: claims about one quantity"),
    Column("parent_group_id", "VARCHAR", "g.parent_group_id",
           "the group this group is a sub-quantity of, if any"),
    Column("contested", "BOOLEAN", "g.contested",
           "the group's claimants give figures that cannot all hold"),
    Column("group_about", "VARCHAR", "g.about", "what the group counts, as its first claim says"),
    Column("role", "VARCHAR", "coalesce(c.role, 'other')",
           "dead, injured, arrested, missing, displaced, crowd, deployed, held, casualties, "
           "money, votes, seats or other"),
    Column("counted", "VARCHAR", "coalesce(c.counted, c.unit)",
           "the thing counted, normalised (soldier, person, USD)"),
    Column("about", "VARCHAR", "c.about", "what this claim counts, with its place"),
    Column("unit", "VARCHAR", "c.unit", "the unit as written, lemmatised"),
    Column("value", "DOUBLE", "c.value", "the figure (a range's low end)"),
    Column("value_max", "DOUBLE", "c.value_max", "a range's high end"),
    Column("qualifier", "VARCHAR", "c.qualifier",
           "approximately, at least, more than, up to, less than, exactly or projected"),
    Column("claimant_text", "VARCHAR", "c.claimant_text",
           "who says so, as written; empty for the article's own voice"),
    Column("claimant_country", "VARCHAR", "c.claimant_country", "the claimant's country, alpha-3"),
    Column("claimant_entity", "VARCHAR", "c.claimant_entity", "the claimant, resolved"),
    Column("event_id", "VARCHAR", "c.event_id", "the event of the article the figure belongs to"),
    Column("event_type", "VARCHAR", "e.type", "that event's PLOVER type"),
    Column("canonical_event_id", "VARCHAR", "m.canonical_id",
           "that event's canonical event (the occurrence across reports)"),
    Column("evidence_text", "VARCHAR", "c.evidence_text", "the sentence the figure was read from"),
)
"""The claims export's columns, in order (docs/exports.md lists them)."""


def _select() -> str:
    return select_sql(COLUMNS)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def write_csv(store: Store, handle: IO[str], header: bool = True) -> int:
    """The claims table as CSV (UTF-8, header line); returns the rows written."""
    return csv_rows(handle, COLUMNS, claim_rows(store, _select()), header)


def write_jsonl(store: Store, handle: IO[str]) -> int:
    """The claims table as JSON lines, one object per claim with the CSV's columns."""
    n = 0
    for row in claim_rows(store, _select()):
        handle.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False)
                     + "\n")
        n += 1
    return n


def write_parquet(store: Store, path: str) -> int:
    """The claims table as Parquet with typed, described columns; returns the rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"VARCHAR": pa.string(), "DATE": pa.date32(), "DOUBLE": pa.float64(),
             "BOOLEAN": pa.bool_()}
    schema = pa.schema([pa.field(c.name, types[c.type], metadata={"description": c.doc})
                        for c in COLUMNS])
    table = pa.Table.from_pylist(list(claim_rows(store, _select())), schema=schema)
    pq.write_table(table, path)
    return table.num_rows
