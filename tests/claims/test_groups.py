"""Claim groups over hand-made Claim records mirroring the North Korean troops seeds."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from sitroom.claims import CONTESTED_FACTOR, ClaimGroup, canonical_unit, group_claims, group_to_dict
from sitroom.records import Actor, Claim, Evidence, stable_id

OCT25, NOV01, OCT31 = date(2024, 10, 25), date(2024, 11, 1), date(2024, 10, 31)
ALLIES = Actor("Western allies")
ZELENSKYY = Actor("Zelenskyy", country="UKR", entity="Volodymyr Zelenskyy")
US = Actor("The U.S.", country="USA")


def claim(article: str, day: date, about: str, unit: str, value: float, qualifier: str,
          claimant: Actor | None, start: int, when: date | None = None) -> Claim:
    return Claim(claim_id=stable_id(article, start), article_id=article, origin=f"{article}.txt",
                 article_date=day, about=about, unit=unit, value=value, value_max=None,
                 qualifier=qualifier, claimant=claimant, date=when or day,
                 evidence=Evidence(about, start, start + len(about)))


def seed_claims() -> list[Claim]:
    return [
        claim("a001", OCT25, "North Korean troops sent to support Russia on the front lines",
              "troop", 12000, "more than", ALLIES, 900),
        claim("a000", NOV01, "North Korean troops in training camps in Russia", "troop", 3000,
              "approximately", ZELENSKYY, 520, OCT31),
        claim("a000", NOV01, "North Korean troops in Russia (projected future number)", "troops",
              12000, "projected", ZELENSKYY, 640, OCT31),
        claim("a000", NOV01, "artillery shells acquired by Russia from North Korea", "shell",
              3_500_000, "approximately", ZELENSKYY, 1500, OCT31),
        claim("a000", NOV01, "North Korean soldiers currently in Russia", "soldier", 10000,
              "approximately", US, 2500, OCT31),
        claim("a000", NOV01, "North Korean soldiers stationed near the Ukrainian border",
              "soldier", 8000, "approximately", US, 2600, OCT31),
    ]


def by_value(groups: list[ClaimGroup]) -> dict[float, ClaimGroup]:
    return {c.value: g for g in groups for c in g.claims if c.qualifier != "projected"}


def test_troops_group_is_contested_and_holds_all_troop_figures() -> None:
    groups = group_claims(seed_claims())
    troops = by_value(groups)[10000]
    assert sorted((c.value, c.qualifier) for c in troops.claims) == [
        (3000, "approximately"), (10000, "approximately"), (12000, "more than"),
        (12000, "projected")]
    assert troops.unit == "soldier"
    assert troops.contested is True
    assert (troops.min, troops.max) == (3000, 12000)
    assert set(troops.latest_by_claimant) == {"Volodymyr Zelenskyy", "USA:u.s.",
                                              "?:western allies"}
    assert troops.latest_by_claimant["Volodymyr Zelenskyy"].value == 3000  # not the projection
    assert troops.parent_group_id is None


def test_border_figure_is_a_linked_sub_quantity() -> None:
    groups = group_claims(seed_claims())
    border = by_value(groups)[8000]
    troops = by_value(groups)[10000]
    assert border is not troops
    assert [c.value for c in border.claims] == [8000]
    assert border.parent_group_id == troops.group_id
    assert border.contested is False


def test_shells_are_their_own_group() -> None:
    groups = group_claims(seed_claims())
    shells = by_value(groups)[3_500_000]
    assert [c.value for c in shells.claims] == [3_500_000]
    assert shells.unit == "shell" and shells.parent_group_id is None
    assert len(groups) == 3


def test_claims_carry_their_group_id() -> None:
    for group in group_claims(seed_claims()):
        assert all(c.group_id == group.group_id for c in group.claims)


def test_deterministic_and_order_independent() -> None:
    claims = seed_claims()
    first = [group_to_dict(g) for g in group_claims(claims)]
    second = [group_to_dict(g) for g in group_claims(reversed(claims))]
    assert first == second
    assert [g["group_id"] for g in first] == [g.group_id for g in group_claims(claims)]
    ids = [g["group_id"] for g in first]
    assert len(set(ids)) == len(ids)


def test_group_id_is_stable_across_runs_and_new_later_claims() -> None:
    before = {g.about: g.group_id for g in group_claims(seed_claims())}
    later = claim("a002", date(2024, 11, 20), "North Korean troops in Kursk, Russia", "troops",
                  11000, "approximately", Actor("Pentagon", country="USA"), 10)
    after = group_claims([*seed_claims(), later])
    assert {g.about: g.group_id for g in after if g.about in before} == before
    assert by_value(after)[11000].group_id == by_value(after)[10000].group_id


def test_one_claimant_updating_is_not_contested() -> None:
    claims = [claim("b1", date(2024, 10, 1), "North Korean troops in Russia", "troop", 3000,
                    "exactly", US, 1),
              claim("b2", date(2024, 11, 1), "North Korean troops in Russia", "troop", 10000,
                    "exactly", US, 1)]
    (group,) = group_claims(claims)
    assert group.contested is False
    assert group.latest_by_claimant["USA:u.s."].value == 10000


def test_contested_factor_threshold() -> None:
    base = claim("c1", OCT25, "protesters in Hong Kong", "protester", 1000, "exactly", US, 1)
    close = replace(claim("c2", OCT25, "protesters in Hong Kong", "protester",
                          1000 * CONTESTED_FACTOR, "exactly", ZELENSKYY, 1))
    far = replace(close, claim_id="c3x", article_id="c3", value=1000 * CONTESTED_FACTOR + 1)
    assert group_claims([base, close])[0].contested is False
    assert group_claims([base, far])[0].contested is True


def test_different_places_kinds_and_units_do_not_merge() -> None:
    claims = [
        claim("d1", OCT25, "killed in last week's Kabul car bombing", "person", 5, "exactly",
              None, 10),
        claim("d1", OCT25, "wounded in last week's Kabul car bombing", "person", 110, "exactly",
              None, 40),
        claim("d1", OCT25, "deaths in the Maidan Shahr attack (Taliban claim)", "person", 190,
              "exactly", Actor("Taliban", country="AFG"), 300),
        claim("d1", OCT25, "deaths in the Maidan Shahr attack (provincial governor)", "people",
              12, "exactly", Actor("Abdurrahman Mangal", country="AFG"), 200),
        claim("d2", OCT31, "Syrian refugees in Turkey", "refugee", 2_000_000, "approximately",
              Actor("CNN"), 5),
        claim("d3", OCT31, "Syrian refugees in Lebanon", "refugees", 1_000_000, "approximately",
              None, 5),
    ]
    groups = group_claims(claims)
    values = sorted(sorted(c.value for c in g.claims) for g in groups)
    assert values == [[5], [12, 190], [110], [1_000_000], [2_000_000]]
    maidan = next(g for g in groups if len(g.claims) == 2)
    assert maidan.contested is True


def test_group_to_dict_is_json() -> None:
    groups = group_claims(seed_claims())
    data = group_to_dict(groups[0])
    assert {"group_id", "about", "unit", "min", "max", "contested", "claims"} <= set(data)
    assert data["claims"][0]["kind"] == "claim"
    assert data["claims"][0]["group_id"] == data["group_id"]
    json.dumps([group_to_dict(g) for g in groups])


@pytest.mark.parametrize(("unit", "expected"), [
    ("troops", "soldier"), ("troop", "soldier"), ("Soldiers", "soldier"), ("people", "person"),
    ("shells", "shell"), ("USD", "USD"), ("cubic meter", "cubic meter"), ("votes", "vote"),
])
def test_canonical_unit(unit: str, expected: str) -> None:
    assert canonical_unit(unit) == expected


def test_empty() -> None:
    assert group_claims([]) == []


def test_groups_stay_inside_their_story() -> None:
    police, army = Actor("police", sector="COP"), Actor("the army", sector="MIL")
    killed = [claim("s1", OCT25, "people killed in the bombing", "person", 20, "exactly",
                    police, 5),
              claim("s2", NOV01, "people killed in the bombing", "person", 80, "exactly", army, 5),
              claim("s3", OCT31, "people killed in the bombing", "person", 25, "at least",
                    army, 5)]
    together = group_claims(killed)
    assert len(together) == 1 and together[0].contested     # no stories: one disputed figure
    apart = group_claims(killed, story_of={"s1": "story-a", "s2": "story-b", "s3": "story-a"})
    assert sorted(sorted(c.value for c in g.claims) for g in apart) == [[20, 25], [80]]
    assert not any(g.contested for g in apart)
    assert len({g.group_id for g in apart}) == 2            # same description, distinct ids
    # an article the mapping does not know is a story of its own
    alone = group_claims(killed, story_of={"s1": "story-a"})
    assert len(alone) == 3 and len({g.group_id for g in alone}) == 3


def test_seed_groups_unchanged_when_both_articles_share_a_story() -> None:
    claims = seed_claims()
    plain = group_claims(claims)
    in_story = group_claims(claims, story_of={"a000": "st", "a001": "st"})
    assert [(g.group_id, g.parent_group_id, len(g.claims)) for g in plain] == \
        [(g.group_id, g.parent_group_id, len(g.claims)) for g in in_story]
