"""The DuckDB store: a real file, migrations, idempotent batches, all-or-nothing writes."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from sitroom.errors import StoreError
from sitroom.records import Actor, Article, Event, Evidence, Extraction
from sitroom.store.db import Store
from sitroom.store.migrations import MIGRATIONS


def _extraction(text: str, n_events: int = 1) -> Extraction:
    article = Article(id=f"id-{text}", date=date(2024, 11, 1), title="", text=text,
                      source=None, origin=f"{text}.txt")
    events = tuple(
        Event(event_id=f"ev-{text}-{i}", article_id=article.id, origin=article.origin,
              article_date=article.date, type="ACCUSE", mode="disapprove", status="asserted",
              actor=Actor("Zelenskyy", "UKR", "GOV", "Volodymyr Zelenskyy"),
              recipient=Actor("Russia", "RUS", "GOV", None), date=article.date,
              date_precision="day", location=None, quantities={"dead": 3},
              evidence=Evidence(text, 0, len(text)))
        for i in range(n_events))
    return Extraction(article=article, events=events)


def test_migrates_a_new_file_and_reopens(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        assert store.schema_version() == len(MIGRATIONS)
    with Store(db) as store:
        assert store.schema_version() == len(MIGRATIONS)


def test_add_is_idempotent_and_round_trips(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        assert store.add([_extraction("a", 2), _extraction("b")]) == 2
        assert store.add([_extraction("a", 2), _extraction("c")]) == 1
        assert store.add([_extraction("c"), _extraction("c")]) == 0
        assert store.count("articles") == 3 and store.count("events") == 4
    with Store(db, read_only=True) as store:
        events = store.events(actor="UKR", type="accuse")
        assert len(events) == 4
        first = events[0]
        assert first["actor"] == {"text": "Zelenskyy", "country": "UKR", "sector": "GOV",
                                  "entity": "Volodymyr Zelenskyy"}
        assert first["quantities"] == {"dead": 3}
        assert first["date"] == "2024-11-01"
        assert store.events(recipient="zelensky") == []
        assert len(store.events(actor="zelensky", since=date(2024, 11, 1))) == 4
        assert store.events(until=date(2024, 10, 31)) == []


def test_failed_batch_leaves_nothing_half_written(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.add([_extraction("a")])
        good = _extraction("b")
        clash = _extraction("c")
        # an event id that already exists violates the primary key: the whole batch rolls back
        bad_event = Event(**{**clash.events[0].__dict__, "event_id": "ev-a-0"})
        with pytest.raises(StoreError, match="rolled back"):
            store.add([good, Extraction(article=clash.article, events=(bad_event,))])
        assert store.count("articles") == 1 and store.count("events") == 1
        assert store.add([good]) == 1


def test_unopenable_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "not-a-db.duckdb"
    path.write_text("this is not a database")
    with pytest.raises(StoreError, match="cannot open database"):
        Store(path)


def test_parameters_are_bound_not_formatted(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.add([_extraction("a")])
        assert store.events(actor="'; DROP TABLE events; --") == []
        assert store.count("events") == 1
    assert duckdb.connect(str(tmp_path / "s.duckdb")).execute(
        "select count(*) from events").fetchone() == (1,)
