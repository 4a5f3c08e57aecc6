"""The filter-free summaries the API answers the timeline and network from agree with the
queries they stand for, for every filter they answer and both event tables."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from sitroom.ontology import QUAD_CLASS
from sitroom.records import Actor, Article, Event, Evidence, Extraction
from sitroom.store import events as event_queries
from sitroom.store import articles, summaries
from sitroom.store.db import Store
from sitroom.store.filters import EventFilter

TYPES = ["ACCUSE", "ASSAULT", "AGREE", "AID", "PROTEST", "CONSULT"]
SIDES = [Actor("Zelenskyy", "UKR", "GOV", "Volodymyr Zelenskyy"), Actor("Russia", "rus", "GOV", None),
         Actor("the pipeline", None, None, None), Actor("Hamas", None, None, "Hamas"),
         Actor("farmers", None, "AGR", None), None]


def _extraction(n: int) -> Extraction:
    day = date(2023, 1, 1) + timedelta(days=n * 9)
    article = Article(id=f"a{n}", date=day, title=f"t{n}", text=f"text {n}", source=None,
                      origin=f"{n}.txt")
    events = tuple(
        Event(event_id=f"e{n}-{i}", article_id=article.id, origin=article.origin,
              article_date=day, type=TYPES[(n + i) % len(TYPES)], mode=None, status="asserted",
              actor=SIDES[(n + 2 * i) % 5] or Actor("x", None, None, None),
              recipient=SIDES[(n * 3 + i) % len(SIDES)],
              date=None if (n + i) % 4 == 0 else day - timedelta(days=i), date_precision="day",
              location=None, quantities={}, evidence=Evidence(f"text {n}", 0, 6))
        for i in range(n % 4 + 1))
    return Extraction(article=article, events=events)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path: Path = tmp_path_factory.mktemp("summaries") / "s.duckdb"
    with Store(path) as s:
        s.add([_extraction(n) for n in range(60)])
        s.rebuild_stories()
    return Store(path, read_only=True)


FILTERS = [EventFilter(), EventFilter(type="ASSAULT"), EventFilter(quad=4),
           EventFilter(quad=1, type="AGREE"), EventFilter(quad=1, type="ASSAULT"),
           EventFilter(type="REJECT"), EventFilter(limit=5, offset=3)]


def _quads_by_type(rows: list[dict]) -> list[tuple]:
    """`type_buckets` rows summed per bucket in Python, as the timeline counted them before
    `quad_buckets` did it in SQL."""
    buckets: dict = {}
    for r in rows:
        b = buckets.setdefault(r["bucket"], [r["bucket"], 0, 0, 0, 0, 0])
        b[1] += r["n"]
        b[1 + QUAD_CLASS.get(r["type"], 1)] += r["n"]
    return [tuple(b) for b in buckets.values()]


@pytest.mark.parametrize("table", ["events", "canonical_events"])
@pytest.mark.parametrize("interval", ["day", "week", "month"])
@pytest.mark.parametrize("where", FILTERS + [EventFilter(country="UKR"),
                                             EventFilter(actor="Hamas", quad=3)])
def test_quad_buckets_sum_type_buckets(store: Store, table: str, interval: str,
                                       where: EventFilter) -> None:
    got = event_queries.quad_buckets(store.con, where, interval, table)
    want = _quads_by_type(event_queries.type_buckets(store.con, where, interval, table))
    assert got == want
    assert got or summaries.kept_types(where) in ({"REJECT"}, set())
    assert sum(q for r in got for q in r[2:]) == sum(r[1] for r in got)


@pytest.mark.parametrize("table", ["events", "canonical_events"])
@pytest.mark.parametrize("interval", ["day", "week", "month"])
@pytest.mark.parametrize("where", FILTERS)
def test_timeline_summary_agrees(store: Store, table: str, interval: str,
                                 where: EventFilter) -> None:
    assert summaries.summarised(where)
    summary = summaries.timeline_summary(store.con, interval, table)
    got = summaries.timeline_quads(summary, where)
    want = event_queries.quad_buckets(store.con, where, interval, table)
    assert got == want


@pytest.mark.parametrize("table", ["events", "canonical_events"])
@pytest.mark.parametrize("actors_only", [True, False])
@pytest.mark.parametrize("limit", [1, 3, 500])
@pytest.mark.parametrize("where", FILTERS)
def test_network_summary_agrees(store: Store, table: str, actors_only: bool, limit: int,
                                where: EventFilter) -> None:
    got = summaries.network_rows(summaries.edge_summary(store.con, table), where, limit,
                                 actors_only)
    want = event_queries.network_edges(store.con, where, limit, table, actors_only)
    assert want or summaries.kept_types(where) in ({"REJECT"}, set())  # none of those
    assert [(r["source"], r["target"], r["count"]) for r in got] == \
        [(r["source"], r["target"], r["count"]) for r in want]
    for g, w in zip(got, want):
        assert (g["mean_goldstein"] is None) == (w["mean_goldstein"] is None)
        assert g["mean_goldstein"] == pytest.approx(w["mean_goldstein"])


@pytest.mark.parametrize("where", [EventFilter(country="UKR"), EventFilter(text="text"),
                                   EventFilter(since=date(2023, 3, 1)), EventFilter(actor="x"),
                                   EventFilter(min_confidence=0.5), EventFilter(source="s")])
def test_other_filters_read_the_table(where: EventFilter) -> None:
    assert not summaries.summarised(where)


@pytest.mark.parametrize("title, untitled", [(None, True), ("", True), ("  ", True),
                                             (" Talks ", False)])
def test_article_list_flags_what_has_no_title(tmp_path: Path, title: str | None,
                                              untitled: bool) -> None:
    """A stored empty or blank title shows the first line, as no title does, and says so."""
    article = Article(id="t", date=date(2024, 5, 1), title=title,
                      text="\n  First line here\nsecond line", source=None, origin="t.txt")
    with Store(tmp_path / "t.duckdb") as s:
        s.add([Extraction(article=article, events=())])
        assert s.query("SELECT title FROM articles")[0]["title"] == title
        total, rows = articles.article_page(s.con, None, 10, 0)
    assert total == 1 and rows[0]["untitled"] is untitled
    assert rows[0]["title"] == ("Talks" if title == " Talks " else "First line here")


@pytest.mark.parametrize("text, where", [
    (None, EventFilter(country="UKR")), ("text", EventFilter()), ("text 1", EventFilter()),
    (None, EventFilter(since=date(2023, 3, 1), until=date(2023, 9, 1))),
    ("nothing-like-this", EventFilter()), (None, EventFilter(type="REJECT", actor="Hamas"))])
@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_filtered_article_pages_and_totals(store: Store, text: str | None, where: EventFilter,
                                           sort: str) -> None:
    """A filtered list counts and pages in one pass (count(*) OVER ()); its total and pages,
    past the end too, are those of the whole list, which is the articles the filter keeps."""
    total, whole = articles.article_page(store.con, text, 1000, 0, where, sort)
    kept = {r["article_id"] for r in event_queries.event_rows(store.con, where)} \
        if not text and not where.since else None
    if kept is not None:
        assert {r["id"] for r in whole} == kept
    none = text == "nothing-like-this" or where.type == "REJECT"  # no REJECT in this store
    assert total == len(whole) and (total > 0) == (not none)
    assert [r["date"] for r in whole] == sorted((r["date"] for r in whole),
                                                reverse=sort == "newest")
    for limit, offset in [(5, 0), (3, 4), (5, max(0, total - 2)), (5, total), (5, total + 7)]:
        assert articles.article_page(store.con, text, limit, offset, where, sort) == \
            (total, whole[offset:offset + limit])
