"""Parquet parts into the store: the tables' Arrow schemas, and loading parts written by Dask
tasks in one transaction, each article once."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from .migrations import MIGRATIONS
from .steps import mark_pending

if TYPE_CHECKING:
    from .db import Store

TABLES = ("articles", "events", "claims")


@lru_cache(maxsize=1)
def table_schemas() -> dict[str, pa.Schema]:
    """Arrow schemas of the store's tables, from the migrations themselves (always in sync)."""
    con = duckdb.connect()
    for sql in MIGRATIONS:
        con.execute(sql)
    out = {t: con.sql(f"SELECT * FROM {t} LIMIT 0").to_arrow_table().schema for t in TABLES}
    con.close()
    out["articles"] = out["articles"].remove(out["articles"].get_field_index("ingested_at"))
    return out


def load_parts(store: Store, parts: str | Path) -> tuple[int, int, int]:
    """Load every Parquet part into the store in one transaction, skipping known article ids.

    Returns (articles, events, claims) added. Events and claims come in only with their article,
    each id once, so loading the same parts twice adds nothing.
    """
    root = Path(parts)
    if not any((root / "articles").glob("*.parquet")):
        return 0, 0, 0
    glob = {t: str(root / t / "*.parquet").replace("'", "''") for t in TABLES}
    con = store.con
    with store.transaction(f"loading Parquet parts from {root} failed, rolled back"):
        con.execute(f"""CREATE OR REPLACE TEMP TABLE _new_ids AS
            SELECT DISTINCT id FROM read_parquet('{glob['articles']}')
            WHERE id NOT IN (SELECT id FROM articles)""")
        added = []
        for table, key, ref in (("articles", "id", "id"), ("events", "event_id", "article_id"),
                                ("claims", "claim_id", "article_id")):
            before = store.count(table)
            con.execute(f"""INSERT INTO {table} BY NAME
                SELECT * FROM read_parquet('{glob[table]}')
                WHERE {ref} IN (SELECT id FROM _new_ids)
                QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY {key}) = 1""")
            added.append(store.count(table) - before)
        con.execute("DROP TABLE _new_ids")
        if added[0]:
            mark_pending(con)  # stories and claim groups are owed (store/steps.py)
    return added[0], added[1], added[2]
