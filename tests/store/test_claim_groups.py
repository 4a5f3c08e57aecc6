"""Stored claim groups: an incremental regroup (only the stories new claims or changed
memberships touch) equals a full one; the stored groups read back equal the recomputed ones.
Real DuckDB files and the real story pass; hand-made claims (no spaCy) where the case needs
exact control, the real Extractor on the seed-format Wikinews folder for the rest."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from sitroom.cli import cli
from sitroom.claims import group_claims, group_to_dict
from sitroom.claims.listing import families_first
from sitroom.extract import Extractor
from sitroom.ingest import read_paths
from sitroom.records import Actor, Article, Claim, Evidence, Extraction, stable_id
from sitroom.store.db import Store
from sitroom.store.migrations import MIGRATIONS
from sitroom.store.rows import claim_row

QUAKE = ("A powerful earthquake struck southern Peru on Tuesday, collapsing houses in several "
         "Andean villages. Rescue teams from Lima searched the rubble for survivors while the "
         "government declared a state of emergency in the region. Aftershocks continued through "
         "the night and frightened residents slept outdoors.")
FLOOD = ("Heavy monsoon rains flooded low-lying districts of Dhaka, submerging roads and "
         "stranding commuters. Bangladesh's water board warned that river levels would keep "
         "rising, and aid agencies distributed drinking water and rice to families sheltering "
         "in schools.")
VOTE = ("Norwegian voters went to the polls in a parliamentary election dominated by debate "
        "over oil revenue and pensions. Turnout was reported higher than four years ago, and "
        "the opposition leader promised to lower fuel taxes if his coalition wins a majority.")
POLICE = Actor("police", country="PER")
RED_CROSS = Actor("the Red Cross")


def _claim(article: Article, about: str, unit: str, value: float, who: Actor | None,
           start: int, qualifier: str = "approximately", role: str = "other") -> Claim:
    return Claim(claim_id=stable_id(article.id, start), article_id=article.id,
                 origin=article.origin, article_date=article.date, about=about, unit=unit,
                 value=value, value_max=None, qualifier=qualifier, claimant=who,
                 date=article.date, evidence=Evidence(about, start, start + len(about)),
                 role=role)


def _article(key: str, day: date, text: str) -> Article:
    return Article(id=key, date=day, title=text.split(".")[0], text=text, source=None,
                   origin=f"{key}.txt")


def _state(store: Store) -> tuple[list[tuple], list[tuple]]:
    """What a regroup writes: every claim_groups row and every claim's group."""
    return (store.con.execute("SELECT * FROM claim_groups ORDER BY ALL").fetchall(),
            store.con.execute("SELECT claim_id, group_id FROM claims ORDER BY ALL").fetchall())


def _recomputed(store: Store) -> list:
    return group_claims(store.claims(), story_of=store.claim_partitions(),
                        event_of=store.claim_events())


def test_an_earlier_group_in_another_story_renames_and_relinks(tmp_path: Path) -> None:
    quake = _article("quake", date(2024, 11, 5), QUAKE)
    whole = _claim(quake, "people killed in Peru", "people", 20, POLICE, 10)
    part = _claim(quake, "people killed in Lima", "people", 8, POLICE, 50)
    other = _claim(quake, "people injured in Peru", "people", 100, POLICE, 90)
    flood = _article("flood", date(2024, 11, 1), FLOOD)  # earlier, same words, another story
    early = _claim(flood, "people killed in Peru", "people", 3, RED_CROSS, 10)
    with Store(tmp_path / "s.duckdb") as store:
        store.add([Extraction(quake, claims=(whole, part, other))])
        store.update_stories()
        assert len(store.regroup_claims()) == 3
        before = {r["claim_id"]: r["group_id"] for r in store.query("SELECT * FROM claims")}
        assert store.stale_claim_partitions() == set()
        store.add([Extraction(flood, claims=(early,))])
        store.update_stories()
        stories = store.claim_partitions() or {}
        assert stories["quake"] != stories["flood"]
        assert store.stale_claim_partitions() == {stories["flood"]}
        (regrouped,) = store.regroup_claims()  # the flood story only
        after = {r["claim_id"]: r["group_id"] for r in store.query("SELECT * FROM claims")}
        # the flood's group founded earlier with the same description: it takes the plain id,
        # the quake's whole gets the alternative one, and its sub-quantity's link follows
        assert regrouped.group_id == before[whole.claim_id]
        assert after[whole.claim_id] not in (before[whole.claim_id], after[early.claim_id])
        assert after[part.claim_id] == before[part.claim_id]
        assert after[other.claim_id] == before[other.claim_id]
        parent = store.query("SELECT parent_group_id FROM claim_groups WHERE group_id = ?",
                             [after[part.claim_id]])[0]["parent_group_id"]
        assert parent == after[whole.claim_id]
        assert store.stale_claim_partitions() == set()
        incremental = _state(store)
        assert store.claim_groups() == _recomputed(store)
        assert len(store.regroup_claims(full=True)) == 4
        assert _state(store) == incremental
        # and when the flood leaves: the quake's whole gets its plain id back
        store.con.execute("DELETE FROM claims WHERE article_id = 'flood'")
        assert store.stale_claim_partitions() == {stories["flood"]}
        assert store.regroup_claims() == []  # nothing left to group there
        assert store.query("SELECT group_id FROM claims WHERE claim_id = ?",
                           [whole.claim_id])[0]["group_id"] == before[whole.claim_id]
        incremental = _state(store)
        store.regroup_claims(full=True)
        assert _state(store) == incremental


def test_a_changed_story_membership_regroups_both_stories(tmp_path: Path) -> None:
    days = [date(2024, 11, d) for d in (1, 2, 3)]
    arts = [_article(k, d, t) for k, d, t in zip(("quake", "flood", "vote"), days,
                                                  (QUAKE, FLOOD, VOTE))]
    # a toll told smaller later by another source (a toll rising is no dispute)
    claims = {a.id: (_claim(a, "people killed in Peru", "people", v, who, 5, role="dead"),)
              for a, v, who in zip(arts, (45, 20, 90), (POLICE, RED_CROSS, None))}
    with Store(tmp_path / "s.duckdb") as store:
        store.add([Extraction(a, claims=claims[a.id]) for a in arts])
        store.update_stories()
        store.regroup_claims()
        stories = store.claim_partitions() or {}
        assert len(set(stories.values())) == 3
        assert len(store.claim_groups() or []) == 3  # one story each: no dispute
        # the flood article joins the quake's story (as a story update can decide)
        store.con.execute("UPDATE story_articles SET story_id = ? WHERE article_id = 'flood'",
                          [stories["quake"]])
        assert store.stale_claim_partitions() == {stories["quake"], stories["flood"]}
        assert store.claim_groups() is None  # stale: not what the stored claims give now
        (joined,) = store.regroup_claims()
        assert (joined.min, joined.max, joined.contested) == (20, 45, True)
        incremental = _state(store)
        assert store.claim_groups() == _recomputed(store)
        store.regroup_claims(full=True)
        assert _state(store) == incremental


def test_groups_stored_before_migration_5_are_all_redone(tmp_path: Path) -> None:
    quake = _article("quake", date(2024, 11, 5), QUAKE)
    with Store(tmp_path / "s.duckdb") as store:
        store.add([Extraction(quake, claims=(_claim(quake, "people killed", "people", 20,
                                                    POLICE, 5),))])
        store.update_stories()
        store.regroup_claims()
        full = _state(store)
        store.con.execute("UPDATE claim_groups SET base_id = NULL, partition_key = NULL")
        assert store.stale_claim_partitions() is None and store.claim_groups() is None
        assert len(store.regroup_claims()) == 1
        assert _state(store) == full


def test_a_store_before_migration_7_reads_old_claims_and_regroups_them(tmp_path: Path) -> None:
    """Claims stored before `counted`, `role` and `event_id` read as role "other" with no event;
    their groups (by the old grouping) are marked legacy, and the next regroup redoes them."""
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER)")
    for sql in MIGRATIONS[:6]:
        con.execute(sql)
    con.execute("INSERT INTO schema_version VALUES (6)")
    quake = _article("quake", date(2024, 11, 5), QUAKE)
    old = {k: v for k, v in claim_row(_claim(quake, "people killed", "people", 20, POLICE, 5))
           .items() if k not in ("counted", "role", "event_id")}
    con.execute("INSERT INTO articles BY NAME SELECT * FROM (SELECT ? AS id, ? AS date, "
                "? AS text, ? AS origin)", [quake.id, quake.date, quake.text, quake.origin])
    con.execute(f"INSERT INTO claims ({', '.join(old)}) VALUES ({', '.join('?' * len(old))})",
                list(old.values()))
    con.execute("INSERT INTO claim_groups (group_id, n_claims, base_id) VALUES ('g', 1, 'b')")
    con.execute("UPDATE claims SET group_id = 'g'")
    con.close()
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS) >= 7
        (claim,) = store.claims()
        assert (claim.role, claim.counted, claim.event_id) == ("other", "", None)
        assert store.stale_claim_partitions() is None and store.claim_groups() is None
        (group,) = store.regroup_claims()
        assert store.claim_groups() == [group] and group.unit == "person"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_batches_regrouped_incrementally_equal_a_full_regroup(shared: Path, extractor: Extractor,
                                                              tmp_path: Path) -> None:
    folder = shared / "corpora" / "wikinews-seedformat"
    articles = list(read_paths([str(folder)]))
    assert len(articles) >= 200
    # interleaved, not by date: later batches found groups earlier than stored ones
    batches = [articles[0::3], articles[1::3], articles[2::3]]
    with Store(tmp_path / "s.duckdb") as store:
        regrouped = []
        for batch in batches:
            assert store.add(list(extractor.extract(batch))) == len(batch)
            store.update_stories()
            regrouped.append(len(store.regroup_claims()))
            assert store.stale_claim_partitions() == set()
        incremental = _state(store)
        stored = store.claim_groups()
        assert stored == _recomputed(store)
        assert store.regroup_claims() == []  # up to date: nothing to do
        full = store.regroup_claims(full=True)
        assert _state(store) == incremental
    groups, claims = incremental
    assert len(groups) == len(full) > 100 and len(claims) > 200
    assert all(gid is not None for _, gid in claims)
    assert regrouped[2] < len(full)  # the last batch regrouped its stories, not the store
    assert any(row[6] is not None for row in groups)  # sub-quantity links compared too
    assert [group_to_dict(g) for g in stored] == [group_to_dict(g) for g in full]


def test_cli_claims_reads_the_stored_groups(shared: Path, extractor: Extractor,
                                            tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    folder = shared / "corpora" / "wikinews-seedformat"
    few = sorted(folder.iterdir())[40:46]
    runner = CliRunner()
    for paths in ([str(shared / "seeds")], [str(p) for p in few]):
        result = runner.invoke(cli, ["ingest", *paths, "--db", str(db), "--workers", "1"])
        assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        recomputed = _recomputed(store)
        stored = store.claim_groups()
    assert stored == recomputed and len(stored) > 5
    recomputed.sort(key=lambda g: (not g.contested, -len(g.claims), g.group_id))
    # in that order, each whole followed by its sub-quantities (as /api/claims lists them)
    expected = [json.loads(json.dumps({k: v for k, v in g.items() if k != "depth"},
                                      ensure_ascii=False, default=str))
                for g in families_first([group_to_dict(g) for g in recomputed])]
    out = runner.invoke(cli, ["claims", "--db", str(db), "--format", "jsonl"])
    assert out.exit_code == 0 and "note:" not in out.stderr
    assert [json.loads(line) for line in out.stdout.splitlines()] == expected
    table = runner.invoke(cli, ["claims", "--db", str(db)]).stdout
    # an older store (groups without partitions): the same output, grouped on the fly
    with Store(db) as store:
        store.con.execute("UPDATE claim_groups SET base_id = NULL")
    old = runner.invoke(cli, ["claims", "--db", str(db), "--format", "jsonl"])
    assert old.exit_code == 0 and "not up to date" in old.stderr
    assert [json.loads(line) for line in old.stdout.splitlines()] == expected
    assert runner.invoke(cli, ["claims", "--db", str(db)]).stdout == table
    # `sitroom stories` stores them again
    assert runner.invoke(cli, ["stories", "--db", str(db)]).exit_code == 0
    again = runner.invoke(cli, ["claims", "--db", str(db), "--format", "jsonl"])
    assert "note:" not in again.stderr
    assert [json.loads(line) for line in again.stdout.splitlines()] == expected
    with Store(db, read_only=True) as store:
        assert store.claim_groups() == _recomputed(store)


ON = date(2008, 6, 22)
KHIALI = ("Thirteen people were killed and over a hundred injured in armed clashes between rival "
          "political factions in Pakistan on Thursday, according to Online. Two were killed in a "
          "clash in Khiali in the Punjabi district of Gujranwala.")
SLAMS = ("Reporter Kevin Pang ate five free Grand Slams on Tuesday at Denny's diners. Denny's "
         "planned to make about 100 Grand Slams an hour, spokeswoman Cori Rice said.")
OWN_VOICE = ("Four policemen are dead after a roadside explosion in Kirkuk, Iraq, according to "
             "Lieutenant Colonel Yadkar Muhammad. Hundreds of policemen have been killed since "
             "the start of the war in Iraq.")
VAGUE_TOLL = ("A bomb exploded in a market in Kandahar on Sunday. At least 80 people have died in "
              "the bombing, witnesses said. Dozens of people were killed in the bombing, a police "
              "official told reporters.")


def _stored_groups(extractor: Extractor, tmp_path: Path, text: str) -> list:
    """The groups of one article through the real pipeline and a real DuckDB store."""
    with Store(tmp_path / "one.duckdb") as store:
        store.add([extractor.extract_text(text, ON)])
        store.update_stories()
        store.regroup_claims()
        return store.claim_groups() or []


def test_a_part_count_is_a_sub_quantity_not_a_rival(extractor: Extractor, tmp_path: Path) -> None:
    """Issue 17's (a): "two killed in Khiali" beside the 13 killed in the clashes, by another
    voice, is a part of that toll (its own group, linked), not a second figure for it."""
    groups = _stored_groups(extractor, tmp_path, KHIALI)
    by_value = {c.value: g for g in groups for c in g.claims}
    assert by_value[2].parent_group_id == by_value[13].group_id
    assert len(by_value[13].claims) == 1 and not any(g.contested for g in groups)


def test_one_article_does_not_contest_itself(extractor: Extractor, tmp_path: Path) -> None:
    """Issue 17's (c): different counts of one article sharing a name ("Grand Slams") are
    different quantities; the article's own voice against a source it quotes is no contest."""
    slams = _stored_groups(extractor, tmp_path, SLAMS)
    assert sorted(len(g.claims) for g in slams) == [1, 1] and not any(g.contested for g in slams)
    (tmp_path / "one.duckdb").unlink()
    police = _stored_groups(extractor, tmp_path, OWN_VOICE)
    assert not any(g.contested for g in police)


def test_a_vague_plural_is_a_floor(extractor: Extractor, tmp_path: Path) -> None:
    """"Dozens" killed and "at least 80" died can both hold: no contest."""
    groups = _stored_groups(extractor, tmp_path, VAGUE_TOLL)
    assert not any(g.contested for g in groups)
    assert any({24, 80} <= {c.value for c in g.claims} for g in groups)
