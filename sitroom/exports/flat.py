"""Flat tables, one row per event: CSV and Parquet with the same columns and types."""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any, NamedTuple

from ..ontology import QUAD_CLASS
from ..store.db import Store
from ..store.exports import arrow_table, stream

QUANTITY_KEYS = ("dead", "injured", "arrested", "size")
_QUANTITY_DOC = {"dead": "people killed", "injured": "people injured",
                 "arrested": "people arrested", "size": "crowd size"}


class Column(NamedTuple):
    """A flat-export column: name, DuckDB type, SQL over events `e` / articles `a`, meaning."""

    name: str
    type: str
    sql: str
    doc: str


def _quad_sql() -> str:
    cases = " ".join(f"WHEN '{t}' THEN {q}" for t, q in QUAD_CLASS.items())
    return f"CASE e.type {cases} END"


def _actor(prefix: str, what: str, sector: bool = True) -> list[Column]:
    cols = [Column(f"{prefix}_text", "VARCHAR", f"e.{prefix}_text", f"{what}: the span as written"),
            Column(f"{prefix}_country", "VARCHAR", f"e.{prefix}_country",
                   f"{what}: ISO 3166 alpha-3 (or non-state) code")]
    if sector:
        cols.append(Column(f"{prefix}_sector", "VARCHAR", f"e.{prefix}_sector",
                           f"{what}: PLOVER sector code (GOV, MIL, COP, ...)"))
    cols.append(Column(f"{prefix}_entity", "VARCHAR", f"e.{prefix}_entity",
                       f"{what}: the resolved named entity"))
    return cols


COLUMNS: tuple[Column, ...] = (
    Column("event_id", "VARCHAR", "e.event_id", "stable event id"),
    Column("article_id", "VARCHAR", "e.article_id", "stable article id (story id)"),
    Column("origin", "VARCHAR", "e.origin", "input the article came from (file, file#line)"),
    Column("url", "VARCHAR", "a.url", "article URL where the input gave one"),
    Column("source", "VARCHAR", "a.source", "publisher where the input gave one"),
    Column("article_date", "DATE", "e.article_date", "publication date"),
    Column("date", "DATE", "e.date", "event date; empty for future/hypothetical events"),
    Column("date_precision", "VARCHAR", "e.date_precision", "day, week, month or year"),
    Column("type", "VARCHAR", "e.type", "PLOVER event type"),
    Column("mode", "VARCHAR", "e.mode", "PLOVER mode"),
    Column("status", "VARCHAR", "e.status", "asserted, future, hypothetical or negated"),
    Column("quad_class", "BIGINT", _quad_sql(),
           "PLOVER quad: 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict"),
    *_actor("actor", "actor"),
    *_actor("recipient", "recipient"),
    *_actor("said_by", "source of the report", sector=False),
    Column("location_name", "VARCHAR", "e.location_name", "place name"),
    Column("location_country", "VARCHAR", "e.location_country", "place country, alpha-3"),
    Column("location_admin1", "VARCHAR", "e.location_admin1", "first-level region"),
    Column("lat", "DOUBLE", "e.lat", "latitude, WGS84"),
    Column("lon", "DOUBLE", "e.lon", "longitude, WGS84"),
    *(Column(key, "BIGINT", f"round(TRY_CAST(json_extract(e.quantities, '$.{key}') AS DOUBLE))",
             f"{_QUANTITY_DOC[key]} (from quantities, rounded to a whole number)")
      for key in QUANTITY_KEYS),
    Column("quantities", "VARCHAR", "e.quantities", "all quantities as a JSON object"),
    Column("cameo_root", "BIGINT", "CAST(e.cameo_root AS INTEGER)",
           "CAMEO root code as a number 1-20 (the contract's \"03\" is 3)"),
    Column("goldstein", "DOUBLE", "e.goldstein", "Goldstein scale value of the CAMEO root"),
    Column("evidence_text", "VARCHAR", "e.evidence_text", "the sentence the event was read from"),
    Column("evidence_start", "BIGINT", "e.evidence_start",
           "character offset of the evidence in the article text"),
    Column("evidence_end", "BIGINT", "e.evidence_end", "end offset (exclusive)"),
    Column("confidence", "DOUBLE", "e.confidence", "coder confidence 0-1"),
)
"""The flat export's columns, in order (docs/exports.md is written from this)."""

DUCKDB_TYPES: dict[str, str] = {c.name: c.type for c in COLUMNS}
"""Column types for `read_csv(..., types=...)`: exact even for columns empty in every row."""


def select_sql(columns: Iterable[Column]) -> str:
    """The SELECT list of a table of columns, each cast to its type."""
    return ", ".join(f"CAST({c.sql} AS {c.type}) AS {c.name}" for c in columns)


def csv_rows(handle: IO[str], columns: Iterable[Column], rows: Iterable[dict[str, Any]],
             header: bool = True) -> int:
    """Rows (dicts in column order) as RFC 4180 CSV, after a header line of the column names;
    returns the rows written."""
    writer = csv.writer(handle, lineterminator="\n")
    if header:
        writer.writerow([c.name for c in columns])
    n = 0
    for row in rows:
        writer.writerow(row.values())
        n += 1
    return n


def _select() -> str:
    return select_sql(COLUMNS)


def write_csv(store: Store, handle: IO[str], header: bool = True, **filters: Any) -> int:
    """Write the flat table as RFC 4180 CSV (UTF-8, header line); returns the rows written."""
    return csv_rows(handle, COLUMNS, stream(store, _select(), **filters), header)


def write_parquet(store: Store, path: str, **filters: Any) -> int:
    """Write the flat table as Parquet with typed columns; returns the rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = arrow_table(store, _select(), **filters)
    fields = [table.schema.field(c.name).with_metadata({"description": c.doc}) for c in COLUMNS]
    pq.write_table(table.cast(pa.schema(fields)), path)
    return table.num_rows
