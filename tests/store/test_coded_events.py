"""Events coded with a user's verb dictionary in the store (migration 6): a real DuckDB file,
the real Extractor, PETRARCH2's verb dictionary and a small one of our own."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import duckdb
import jsonschema
import pyarrow as pa
import pytest

from sitroom.extract import Extractor
from sitroom.ingest import read_paths
from sitroom.store.db import DictionaryFile, Store, article_row, claim_row, event_row
from sitroom.store.migrations import MIGRATIONS
from sitroom.verbs.dictionary import load_verb_dictionary

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "contract.schema.json").read_text())
LATER = ("counted", "role", "event_id")
"""Claims columns added after migration 6 (migration 7)."""
OLD_TABLES = ["articles", "events", "claims", "claim_groups", "stories", "story_articles",
              "canonical_events", "event_mentions", "story_features", "story_bands",
              "event_blocks"]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture()
def mine(tmp_path: Path) -> Path:
    verbs = tmp_path / "my.verbs.txt"
    verbs.write_text("--- CONDEMN [122] ---\nCONDEMN\n\n--- SEND [---] ---\nSEND {SENT}\n"
                     "- * TROOPS [150]\n")
    return verbs


def _coded(extractor: Extractor, shared: Path, verbs: Path) -> list:
    results = list(extractor.code(read_paths([str(shared / "seeds")]),
                                  load_verb_dictionary(verbs)))
    assert len(results) == 2 and all(isinstance(r, tuple) for r in results)
    return results


def test_coded_events_are_stored_once_and_replaced_on_recoding(
        tmp_path: Path, shared: Path, extractor: Extractor, mine: Path) -> None:
    results = _coded(extractor, shared, mine)
    dictionary = DictionaryFile.of(mine)
    printed = sorted((e.to_dict() for _, events in results for e in events),
                     key=lambda d: d["event_id"])
    assert {d["code"] for d in printed} == {"122", "150"}
    with Store(tmp_path / "s.duckdb") as store:
        assert store.add_coded(results, dictionary) == len(printed)
        assert store.add_coded(results + results, dictionary) == len(printed)  # the same again
        assert store.count("coded_events") == len(printed)
        assert store.count("coded_articles") == 2 and store.count("verb_dictionaries") == 1
        assert store.count("articles") == 0  # not ingested: ingest still extracts them
        (listed,) = store.verb_dictionaries()
        assert (listed["name"], listed["sha256"], listed["events"]) == \
            ("my.verbs.txt", dictionary.sha256, len(printed))
        stored = store.coded_events(dictionary.sha256)
        validator = jsonschema.Draft202012Validator(SCHEMA)
        for row in stored:
            validator.validate(row)
        assert sorted(stored, key=lambda d: d["event_id"]) == printed
        assert [r["code"] for r in store.coded_events(dictionary.sha256, code="12")] == ["122"]
        # re-coding an article that now gives nothing replaces its events with nothing
        article, events = next((a, e) for a, e in results if any(x.code == "150" for x in e))
        assert store.add_coded([(article, ())], dictionary) == 0
        assert {r["code"] for r in store.coded_events(dictionary.sha256)} == {"122"}
        assert store.count("coded_articles") == 2


def test_a_second_dictionary_is_kept_apart(tmp_path: Path, shared: Path, extractor: Extractor,
                                           mine: Path) -> None:
    petrarch = shared / "gold" / "peers" / "petrarch2" / "PETR.Validate.verbs.txt"
    ours, theirs = DictionaryFile.of(mine), DictionaryFile.of(petrarch)
    with Store(tmp_path / "s.duckdb") as store:
        n_ours = store.add_coded(_coded(extractor, shared, mine), ours)
        n_theirs = store.add_coded(_coded(extractor, shared, petrarch), theirs)
        assert n_theirs > n_ours > 0
        assert store.add_coded(_coded(extractor, shared, mine), ours) == n_ours
        assert store.count("coded_events") == n_ours + n_theirs
        assert {d["name"]: d["events"] for d in store.verb_dictionaries()} == \
            {"my.verbs.txt": n_ours, "PETR.Validate.verbs.txt": n_theirs}
        assert [d["name"] for d in store.verb_dictionaries(theirs.sha256[:8])] == \
            ["PETR.Validate.verbs.txt"]
        assert len(store.coded_events(theirs.sha256)) == n_theirs
        # an edited dictionary is another dictionary: the first one's codes stay
        edited = mine.with_name("edited.verbs.txt")
        edited.write_text(mine.read_text().replace("[122]", "[121]"))
        store.add_coded(_coded(extractor, shared, edited), DictionaryFile.of(edited))
        assert {r["code"] for r in store.coded_events(ours.sha256)} == {"122", "150"}
        assert {r["code"] for r in store.coded_events(DictionaryFile.of(edited).sha256)} == \
            {"121", "150"}


def _old_store(path: Path, extractor: Extractor, shared: Path) -> None:
    """A store as sitroom wrote it before migration 6: the first five migrations, then an
    ingest's articles, events and claims and its stories and claim groups."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER)")
    for sql in MIGRATIONS[:5]:
        con.execute(sql)
    con.execute("INSERT INTO schema_version VALUES (5)")
    con.close()
    with Store(path, read_only=True) as store:
        assert store.schema_version() == 5
    # rows written the way Store.add writes them, by an older sitroom
    results = list(extractor.extract(read_paths([str(shared / "seeds")])))
    con = duckdb.connect(str(path))
    for table, rows in (("articles", [article_row(x.article) for x in results]),
                        ("events", [event_row(e) for x in results for e in x.events]),
                        ("claims", [{k: v for k, v in claim_row(c).items() if k not in LATER}
                                    for x in results for c in x.claims])):
        arrow = pa.Table.from_pylist(rows)  # noqa: F841  (DuckDB replacement scan)
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM arrow")
    con.close()


def _tables(store: Store) -> dict[str, list]:
    """The old tables' rows, in their old columns (migration 7 adds claims columns)."""
    later = ", ".join(f"'{c}'" for c in LATER)
    return {t: sorted(map(str, store.con.execute(
        f"SELECT COLUMNS(lambda c: c NOT IN ({later})) FROM {t}").fetchall())) for t in OLD_TABLES}


def test_a_store_made_before_migration_6_upgrades_without_losing_rows(
        tmp_path: Path, shared: Path, extractor: Extractor, mine: Path) -> None:
    path = tmp_path / "old.duckdb"
    _old_store(path, extractor, shared)
    with Store(path, read_only=True) as store:  # read-only: not migrated, nothing coded
        assert store.verb_dictionaries() == [] and store.coded_events("0" * 64) == []
        before = _tables(store)
        assert len(before["articles"]) == 2 and len(before["events"]) > 10
    with Store(path) as store:  # opened to write: migrated
        assert store.schema_version() == len(MIGRATIONS) >= 6
        assert _tables(store) == before
        store.update_stories()
        store.regroup_claims()
        grouped = _tables(store)
        assert grouped["stories"] and grouped["claim_groups"]
        n = store.add_coded(_coded(extractor, shared, mine), DictionaryFile.of(mine))
        assert n > 0 and store.count("coded_events") == n
        assert _tables(store) == grouped  # coding touches none of the old tables
