"""Incremental story updates (`Store.update_stories`) equal a full rebuild: real DuckDB files,
the real Extractor, Wikinews articles ingested in batches."""
from __future__ import annotations

import itertools
import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitroom.cli import cli
from sitroom.extract import Extractor
from sitroom.ingest import read_paths
from sitroom.ingest.records import article_from_record
from sitroom.records import Article
from sitroom.store.db import Store

TABLES = ("stories", "story_articles", "canonical_events", "event_mentions", "story_features",
          "story_bands", "event_blocks")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _tables(store: Store) -> dict[str, list[tuple]]:
    return {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}


def _corpus(shared: Path, start: int, n: int) -> list[Article]:
    path = shared / "corpora" / "wikinews_en.jsonl"
    with path.open(encoding="utf-8") as handle:
        return [article_from_record(json.loads(line), f"wikinews#{start + k}")
                for k, line in enumerate(itertools.islice(handle, start, start + n))]


def test_batches_then_update_equal_a_full_rebuild(shared: Path, extractor: Extractor,
                                                  tmp_path: Path) -> None:
    arts = _corpus(shared, 2000, 200)
    # copies that change near-duplicate groups: a wire copy of a stored article, and an older
    # copy (dated before its original) that becomes the root of that article's group
    first, later = arts[10], arts[150]
    copy = replace(first, id="copy-later", date=first.date + timedelta(days=3),
                   text="LONDON (Reuters) - " + first.text)
    older = replace(later, id="copy-older", date=later.date - timedelta(days=40),
                    text=later.text.rsplit(" ", 8)[0])
    batches = [arts[:120], arts[120:170], arts[170:] + [copy, older]]
    with Store(tmp_path / "s.duckdb") as store:
        runs = []
        for batch in batches:
            assert store.add(list(extractor.extract(batch))) == len(batch)
            runs.append(store.update_stories())
            assert runs[-1].incremental and runs[-1].articles == len(batch)
        assert runs[1].replayed < 170  # an appended batch replays the last days, not the store
        incremental = _tables(store)
        dup = dict(store.con.execute(
            "SELECT article_id, duplicate_of FROM story_articles "
            "WHERE article_id IN (?, ?, ?, ?)", [first.id, copy.id, later.id, older.id]).fetchall())
        assert dup == {first.id: None, copy.id: first.id, later.id: older.id, older.id: None}
        # ingesting the same articles again changes nothing
        assert store.add(list(extractor.extract(arts[:30]))) == 0
        assert store.update_stories().articles == 0
        assert _tables(store) == incremental
        full = store.rebuild_stories()
        assert not full.incremental and full.articles == 202
        rebuilt = _tables(store)
    assert len(incremental["canonical_events"]) > 100 and len(incremental["stories"]) > 100
    for table in TABLES:
        assert incremental[table] == rebuilt[table], table


def test_seeds_ingested_one_by_one_give_one_deployment(shared: Path, extractor: Extractor,
                                                       tmp_path: Path) -> None:
    seeds = sorted((shared / "seeds").iterdir())
    assert len(seeds) == 2
    with Store(tmp_path / "s.duckdb") as store:
        for seed in reversed(seeds):  # the later article first: the update must reorder
            store.add(list(extractor.extract(read_paths([str(seed)]))))
            store.update_stories()
        incremental = _tables(store)
        mobilize = [c for c in store.canonical_events(actor="PRK", type="MOBILIZE")
                    if c["num_articles"] == 2]
        assert len(mobilize) == 1
        event = mobilize[0]
        assert event["num_mentions"] == 2
        assert {m["article_date"] for m in event["mentions"]} == {"2024-10-25", "2024-11-01"}
        store.rebuild_stories()
        assert _tables(store) == incremental


def test_cli_ingest_updates_and_stories_full_rebuilds(shared: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.duckdb")
    runner = CliRunner()
    for seed in sorted((shared / "seeds").iterdir()):
        assert runner.invoke(cli, ["ingest", str(seed), "--db", db]).exit_code == 0
    with Store(db) as store:
        before = _tables(store)
    again = runner.invoke(cli, ["ingest", str(shared / "seeds"), "--db", db])
    assert again.exit_code == 0
    result = runner.invoke(cli, ["stories", "--full", "--db", db])
    assert result.exit_code == 0 and "2 articles (full)" in result.output
    with Store(db) as store:
        assert _tables(store) == before
        assert len(before["story_articles"]) == 2
