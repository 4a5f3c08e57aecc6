"""Pages by row id (sitroom.store.paging) give the rows, order and totals that sorting in SQL
gives (`events.event_rows`), for both event tables, both directions and assorted filters, on a
real DuckDB file with dates that tie (events of one day are ordered by id)."""
from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from sitroom.store import events as event_queries
from sitroom.store import paging
from sitroom.store.db import Store
from sitroom.store.filters import EventFilter
from tests.store.test_summaries import store  # noqa: F401 - the same 60-article store

FILTERS = [EventFilter(), EventFilter(text="text"), EventFilter(quad=1),
           EventFilter(country="UKR"), EventFilter(actor="the pipeline"),
           EventFilter(since=date(2023, 3, 1), until=date(2023, 9, 1)),
           EventFilter(type="REJECT")]


@pytest.mark.parametrize("table", ["events", "canonical_events"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("where", FILTERS)
def test_pages_by_row_id_agree_with_sql(store: Store, table: str, descending: bool,
                                        where: EventFilter) -> None:
    order = paging.DateOrder.of(store.con, table, descending)
    ids = order.sort(paging.matching_rowids(store.con, where, table))
    sql_where, params = where.where()
    total = store.con.execute(f"SELECT count(*) FROM {table} {sql_where}", params).fetchone()[0]
    assert len(ids) == total
    for limit, offset in [(5, 0), (7, 20), (500, 0), (5, 10_000)]:
        paged = EventFilter(**{**where.__dict__, "limit": limit, "offset": offset})
        want = event_queries.event_rows(store.con, paged, table, descending)
        got = paging.rows_by_rowid(store.con, ids[offset:offset + limit], table, descending)
        assert got == want
    whole = event_queries.event_rows(store.con, where, table, descending)
    assert [r["event_id"] for r in paging.rows_by_rowid(store.con, ids, table, descending)] \
        == [r["event_id"] for r in whole]


def test_date_order_places_every_row(store: Store) -> None:
    order = paging.DateOrder.of(store.con)
    assert sorted(order.order.tolist()) == list(range(store.count("events")))
    assert np.array_equal(order.place[order.order], np.arange(len(order.order)))


@pytest.mark.parametrize("table", ["events", "canonical_events"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("share", [0, 10**9])  # always sorted by place, always marked in a mask
def test_sorting_and_masking_give_the_sql_order(store: Store, table: str, descending: bool,
                                                share: int,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paging, "MASK_SHARE", share)
    order = paging.DateOrder.of(store.con, table, descending)
    for where in FILTERS + [EventFilter(status="asserted"), EventFilter(text="zzz-none")]:
        ids = order.sort(paging.matching_rowids(store.con, where, table))
        want = event_queries.event_rows(store.con, where, table, descending)
        assert [r["event_id"] for r in paging.rows_by_rowid(store.con, ids, table, descending)] \
            == [r["event_id"] for r in want]
