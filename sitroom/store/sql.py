"""Running SQL on a DuckDB connection or cursor: rows as dicts, one value, Arrow inserts."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa

Connection = duckdb.DuckDBPyConnection
"""A connection, or a cursor of one (`con.cursor()`: the same type, for parallel reads)."""


def fetch(con: Connection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Rows of a parameterised query as dicts."""
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def scalar(con: Connection, sql: str, params: Sequence[Any] = ()) -> Any:
    """The first column of the first row of a query (None when it returns no row)."""
    row = con.execute(sql, list(params)).fetchone()
    return row[0] if row else None


def insert(con: Connection, table: str, rows: list[dict[str, Any]] | pa.Table,
           or_ignore: bool = False) -> None:
    """Insert rows (dicts or an Arrow table) into `table` by column name."""
    if not len(rows):
        return
    arrow = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(rows)  # noqa: F841
    ignore = " OR IGNORE" if or_ignore else ""
    con.execute(f"INSERT{ignore} INTO {table} BY NAME SELECT * FROM arrow")
