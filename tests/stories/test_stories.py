"""Stories and canonical events on a real DuckDB file with the real Extractor."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from sitroom.errors import StoreError
from sitroom.extract import Extractor
from sitroom.ingest import read_paths
from sitroom.ingest.records import article_from_record
from sitroom.records import Article
from sitroom.stories import near_duplicates, shingles
from sitroom.stories.text import is_near_duplicate
from sitroom.store.db import Store
from sitroom.store.migrations import MIGRATIONS


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _wikinews(shared: Path, ids: set[str]) -> dict[str, dict]:
    out = {}
    with (shared / "corpora" / "wikinews_en.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            if rec["id"] in ids:
                out[rec["id"]] = rec
    return out


def test_migration_3_creates_the_story_tables(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        assert store.schema_version() == len(MIGRATIONS) >= 3
        names = {r["table_name"] for r in store.query(
            "SELECT table_name FROM information_schema.tables")}
        assert {"stories", "story_articles", "canonical_events", "event_mentions"} <= names


def test_seed_troop_deployment_is_one_canonical_event(shared: Path, extractor: Extractor,
                                                      tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(StoreError, match="not been built"):
            store.add(list(extractor.extract(read_paths([str(shared / "seeds")]))))
            store.canonical_events()
        stats = store.rebuild_stories()
        assert stats.articles == 2 and stats.stories == 1 and stats.canonical_events < stats.events
        mobilize = [c for c in store.canonical_events(actor="PRK", type="MOBILIZE")
                    if c["num_articles"] == 2]
        assert len(mobilize) == 1
        event = mobilize[0]
        assert event["num_mentions"] == 2 and event["num_sources"] == 2
        assert (event["first_reported"], event["last_reported"]) == ("2024-10-25", "2024-11-01")
        dates = {m["article_date"] for m in event["mentions"] if not m["repeat"]}
        assert dates == {"2024-10-25", "2024-11-01"}
        assert any(m["said_by"] and m["said_by"]["text"] == "Western allies"
                   for m in event["mentions"])
        for m in event["mentions"]:
            text = store.query("SELECT text FROM articles WHERE id = ?", [m["article_id"]])[0]
            assert text["text"][m["evidence"]["start"]:m["evidence"]["end"]] == \
                m["evidence"]["text"]
        # every report is a mention of exactly one canonical event; rebuilding is idempotent
        assert store.query("SELECT count(*) AS n FROM event_mentions")[0]["n"] == stats.events
        again = store.rebuild_stories()
        assert again.canonical_events == stats.canonical_events
        ids = {c["event_id"] for c in store.canonical_events(mentions=False)}
        assert event["event_id"] in ids


def test_wire_copy_is_a_near_duplicate_and_a_rewrite_is_not(shared: Path) -> None:
    recs = _wikinews(shared, {"wn-tosca-politics-ID27044", "wn-tosca-politics-ID47819",
                              "wn-tosca-politics-ID47896"})
    base = recs["wn-tosca-politics-ID27044"]["text"]
    words = base.split()
    edited = "BAGHDAD (Reuters) - " + " ".join(words[:40] + ["reportedly"] + words[41:-15])
    dup, jac, _ = is_near_duplicate(shingles(base), shingles(edited))
    assert dup and jac > 0.6
    rewrite = (recs["wn-tosca-politics-ID47819"]["text"], recs["wn-tosca-politics-ID47896"]["text"])
    assert not is_near_duplicate(shingles(rewrite[0]), shingles(rewrite[1]))[0]
    pairs = near_duplicates([("x", base), ("y", edited), ("a", rewrite[0]), ("b", rewrite[1])])
    assert [(p.a, p.b) for p in pairs] == [("x", "y")]


def test_same_event_pair_merges_and_counts_once_per_article(shared: Path, extractor: Extractor,
                                                            tmp_path: Path) -> None:
    recs = _wikinews(shared, {"wn-tosca-politics-ID9853", "wn-tosca-politics-ID9959"})
    arts = [article_from_record(r, f"wikinews#{i}") for i, r in recs.items()]
    with Store(tmp_path / "s.duckdb") as store:
        store.add(list(extractor.extract(arts)))
        store.rebuild_stories()
        protests = [c for c in store.canonical_events(type="PROTEST") if c["num_articles"] == 2]
        assert protests, "the Gaza Independence Day rallies reported twice are one event"
        assert protests[0]["num_sources"] == 1  # both Wikinews (en): one outlet


def test_different_countries_same_day_do_not_merge(extractor: Extractor, tmp_path: Path) -> None:
    day = date(2024, 3, 5)
    texts = ["Israeli troops attacked a refugee camp in Gaza on Tuesday, killing 12 people.",
             "Russian forces attacked the city of Kharkiv on Tuesday, killing 12 people."]
    arts = [Article(id=f"t{i}", date=day, title="", text=t, source=f"outlet{i}", origin=f"{i}")
            for i, t in enumerate(texts)]
    with Store(tmp_path / "s.duckdb") as store:
        store.add(list(extractor.extract(arts)))
        store.rebuild_stories()
        assert all(c["num_articles"] == 1 for c in store.canonical_events())


def _row(n: int, type_: str, actor: str, country: str, day: date, **extra: object) -> dict:
    row = {"event_id": f"e{n}", "article_id": f"a{n}", "article_date": day, "type": type_,
           "mode": None, "status": "asserted", "actor_text": actor, "actor_country": country,
           "actor_sector": None, "actor_entity": None, "recipient_text": None,
           "recipient_country": None, "date": day, "date_precision": "day",
           "location_name": None, "story_id": "s1", "evidence_start": 0}
    row.update(extra)
    return row


def test_undated_attacks_days_apart_stay_two_but_a_deployment_merges() -> None:
    from sitroom.stories import merge_events

    first, later = date(2006, 6, 30), date(2006, 7, 3)
    attacks = merge_events([_row(1, "ASSAULT", "Israel", "ISR", first),
                            _row(2, "ASSAULT", "Israel", "ISR", later)])
    assert len(attacks) == 2  # an attack is retold with its date; undated it is a new one
    moves = merge_events([_row(1, "MOBILIZE", "North Korea", "PRK", date(2024, 10, 25)),
                          _row(2, "MOBILIZE", "North Korean troops", "PRK", date(2024, 11, 1))])
    assert len(moves) == 1  # a deployment is retold a week later without a date


def test_unlinked_names_that_differ_do_not_merge() -> None:
    from sitroom.stories import merge_events

    day = date(2007, 7, 11)
    visits = merge_events([_row(1, "CONSULT", "Ebenezer Sekyi-Hughes", "GHA", day),
                           _row(2, "CONSULT", "Micheline Calmy-Rey", "GHA", day),
                           _row(3, "CONSULT", "Calmy-Rey", "GHA", day)])
    assert sorted(len(c.mentions) for c in visits) == [1, 2]


def test_bulk_shingles_and_minhash_equal_the_one_text_versions() -> None:
    import numpy as np

    from sitroom.stories.text import minhash, minhash_many, shingle_array, shingle_arrays

    texts = [["a", "b", "c", "d", "e", "f"], [], ["x"], ["a", "b", "c", "d", "e", "f", "g"]]
    arrays = shingle_arrays(texts)
    assert [len(a) for a in arrays] == [2, 0, 1, 3]
    assert all((a == shingle_array(t)).all() for a, t in zip(arrays, texts))
    assert set(arrays[0].tolist()) <= set(arrays[3].tolist())
    full = [a for a in arrays if len(a)]
    assert all((row == minhash(a)).all() for row, a in zip(minhash_many(full, chunk=2), full))
    assert minhash_many(full).dtype == np.uint32


def _merge(*rows: dict) -> list[list[str]]:
    from sitroom.stories import merge_events

    return sorted(sorted(m["event_id"] for m in c.mentions) for c in merge_events(rows))


def test_explicit_days_apart_stay_two_for_point_in_time_types() -> None:
    def bombing(n: int, day: date) -> dict:  # each article dates its bombing explicitly
        return _row(n, "ASSAULT", "militants", "IRN", day + timedelta(days=1), date=day)

    assert _merge(bombing(1, date(2005, 6, 12)), bombing(2, date(2005, 6, 16))) == [["e1"], ["e2"]]
    # four days apart used to merge (each explicit day +-2); one day apart still merges
    assert _merge(bombing(1, date(2005, 6, 12)), bombing(2, date(2005, 6, 13))) == [["e1", "e2"]]
    # a deployment (durable) retold with days three apart is still one
    moves = [_row(n, "MOBILIZE", "North Korea", "PRK", d + timedelta(days=1), date=d)
             for n, d in ((1, date(2024, 10, 24)), (2, date(2024, 10, 27)))]
    assert _merge(*moves) == [["e1", "e2"]]


def test_explicit_day_against_an_article_dated_report_is_a_point() -> None:
    # Bush visits Dubai on the 13th (article of the 14th); an article of the 16th reports "his
    # visit" with no date and no recipient: the 13th is not within the 2 days before the 16th
    dubai = _row(1, "CONSULT", "Mr. Bush", "USA", date(2008, 1, 14), date=date(2008, 1, 13),
                 recipient_text="Dubai", recipient_country="ARE")
    later = _row(2, "CONSULT", "Mr. Bush", "USA", date(2008, 1, 16))
    assert _merge(dubai, later) == [["e1"], ["e2"]]
    # China refused on the 21st (explicit), retold undated in an article of the 23rd: one event
    refused = _row(1, "REJECT", "China", "CHN", date(2007, 11, 22), date=date(2007, 11, 21))
    retold = _row(2, "REJECT", "China", "CHN", date(2007, 11, 23))
    assert _merge(refused, retold) == [["e1", "e2"]]


def test_a_week_date_that_happened_ends_on_its_article_day() -> None:
    from sitroom.stories.events import date_window

    monday = date(2008, 9, 22)
    week = _row(1, "ASSAULT", "local troops", "PAK", monday, date_precision="week")
    assert date_window(week) == (monday - timedelta(days=7), monday)
    planned = dict(week, status="planned")
    assert date_window(planned)[1] == monday + timedelta(days=7)
    # "fired on this week" (article of the 22nd) is not the firing an article of the 25th reports
    later = _row(2, "ASSAULT", "Pakistani troops", "PAK", date(2008, 9, 25),
                 recipient_text="helicopters", recipient_country="USA")
    assert _merge(week, later) == [["e1"], ["e2"]]


def test_article_dated_reports_two_days_apart_need_a_shared_place_or_recipient() -> None:
    def protest(n: int, day: date, **extra: object) -> dict:
        return _row(n, "PROTEST", "protesters", "KGZ", day, **extra)

    bare = [protest(1, date(2005, 3, 22)), protest(2, date(2005, 3, 24))]
    assert _merge(*bare) == [["e1"], ["e2"]]
    gaza = {"location_name": "Gaza Strip", "location_country": "PSE", "lat": 31.42, "lon": 34.36}
    placed = [protest(1, date(2005, 5, 12), **gaza), protest(2, date(2005, 5, 14), **gaza)]
    assert _merge(*placed) == [["e1", "e2"]]
    # a day apart needs nothing more
    assert _merge(protest(1, date(2005, 3, 22)), protest(2, date(2005, 3, 23))) == [["e1", "e2"]]


def test_recipients_known_must_agree_and_unresolved_texts_do_not_clash() -> None:
    day = date(2008, 1, 15)
    saudi = _row(1, "CONSULT", "Mr. Bush", "USA", day, recipient_text="Saudi Arabia",
                 recipient_country="SAU")
    egypt = _row(2, "CONSULT", "Mr. Bush", "USA", day, recipient_text="Egypt",
                 recipient_country="EGY")
    assert _merge(saudi, egypt) == [["e1"], ["e2"]]
    # one story: "the jail" and "the outer wall of the Jericho prison compound" are phrases the
    # resolver did not place, so they are not two known recipients
    day = date(2006, 3, 14)
    jail = _row(1, "ASSAULT", "Israeli troops", "ISR", day, recipient_text="the jail")
    wall = _row(2, "ASSAULT", "Israeli soldiers", "ISR", day,
                recipient_text="the outer wall of the Jericho prison compound")
    assert _merge(jail, wall) == [["e1", "e2"]]
    # in different stories they stay two (only explicit, equal recipients merge across stories)
    assert _merge(jail, dict(wall, story_id="s2")) == [["e1"], ["e2"]]


def test_a_report_joins_the_event_that_names_its_recipient() -> None:
    day = date(2007, 5, 3)
    denied = _row(1, "ASSAULT", "al-Masri", "IRQ", date(2007, 5, 1),
                  recipient_text="the enemies of God")
    killed = _row(2, "ASSAULT", "Iraqi forces", "IRQ", day, date=date(2007, 5, 2),
                  recipient_text="Abu Omar al-Baghdadi", recipient_country="IMG",
                  recipient_entity="Abu Bakr al-Baghdadi")
    retold = _row(3, "ASSAULT", "al-Masri", "IRQ", day, date=date(2007, 5, 1),
                  recipient_text="the enemies of God")
    # the retelling fits both open events; it joins the one whose report says its recipient
    assert _merge(denied, killed, retold) == [["e1", "e3"], ["e2"]]
