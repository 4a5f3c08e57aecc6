"""Claim groups over hand-made Claim records mirroring the North Korean troops seeds."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from sitroom.claims import ClaimGroup, canonical_unit, group_claims, group_to_dict
from sitroom.claims.groups import updates
from sitroom.records import Actor, Claim, Evidence, stable_id

OCT25, NOV01, OCT31 = date(2024, 10, 25), date(2024, 11, 1), date(2024, 10, 31)
ALLIES = Actor("Western allies")
ZELENSKYY = Actor("Zelenskyy", country="UKR", entity="Volodymyr Zelenskyy")
US = Actor("The U.S.", country="USA")


def claim(article: str, day: date, about: str, unit: str, value: float, qualifier: str,
          claimant: Actor | None, start: int, when: date | None = None,
          role: str | None = None) -> Claim:
    """A claim with the role the pipeline gives its figure (ROLE_RULES): troops counted are
    `deployed` (as on the seeds), protesters a `crowd`, the killed or deaths `dead`, the
    wounded `injured`, refugees `displaced`; any other figure `other` unless `role` says."""
    words = about.lower()
    role = role or next((r for test, r in (
        (canonical_unit(unit) == "soldier", "deployed"), (unit.startswith("protester"), "crowd"),
        ("killed" in words or "death" in words, "dead"), ("wounded" in words, "injured"),
        (unit.startswith("refugee"), "displaced")) if test), "other")
    return Claim(claim_id=stable_id(article, start), article_id=article, origin=f"{article}.txt",
                 article_date=day, about=about, unit=unit, value=value, value_max=None,
                 qualifier=qualifier, claimant=claimant, date=when or day,
                 evidence=Evidence(about, start, start + len(about)), role=role)


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


@pytest.mark.parametrize(("first", "second", "contested"), [
    ((12000, "more than"), (3000, "approximately"), True),    # the example
    ((80, "at least"), (200, "more than"), False),            # both hold for 250
    ((1000, "exactly"), (1040, "exactly"), False),            # rounding
    ((1000, "exactly"), (1500, "exactly"), True),
    ((10000, "approximately"), (12000, "approximately"), False),
    ((3000, "approximately"), (10000, "approximately"), True),
    ((500, "up to"), (300, "exactly"), False),
    ((500, "less than"), (900, "more than"), True),
    ((3000, "exactly"), (12000, "projected"), False),         # a projection is no figure yet
])
def test_contested_means_incompatible_given_qualifiers(first: tuple[float, str],
                                                       second: tuple[float, str],
                                                       contested: bool) -> None:
    a = claim("c1", OCT25, "protesters in Hong Kong", "protester", first[0], first[1], US, 1)
    b = claim("c2", OCT25, "protesters in Hong Kong", "protester", second[0], second[1],
              ZELENSKYY, 1)
    (group,) = group_claims([a, b])
    assert group.contested is contested
    same_source = replace(b, claimant=US, date=NOV01, article_date=NOV01)
    (alone,) = group_claims([a, same_source])
    assert alone.contested is False      # one source revising: an update
    assert (list(updates(alone.claims)) == ["USA:u.s."]) is (first[0] != second[0]
                                                            and second[1] != "projected")


def test_a_rising_toll_is_not_a_contest_but_a_falling_one_is() -> None:
    police, army = Actor("police", sector="COP"), Actor("the army", sector="MIL")
    early = replace(claim("t1", OCT25, "people killed in the Kabul bombing", "person", 20, "exactly",
                          police, 5), role="dead")
    later = replace(claim("t2", NOV01, "people killed in the Kabul bombing", "person", 80, "exactly",
                          army, 5), role="dead")
    assert group_claims([early, later])[0].contested is False
    lower = replace(later, value=8)
    assert group_claims([early, lower])[0].contested is True
    same_day = replace(later, date=OCT25, article_date=OCT25)
    assert group_claims([early, same_day])[0].contested is True


def test_bare_figures_need_a_tie_and_one_sentence_never_tells_one_quantity_twice() -> None:
    """The issue's "seats, 2 to 338" and "euros 2.5 to 6 billion": bare figures of one unit in
    an article are not one quantity unless an event, a subject or place, or the figure itself
    ties them; two figures of one sentence are two quantities."""
    net = claim("n1", OCT25, "seats", "seat", 20, "exactly", Actor("preliminary reports"), 10)
    total = claim("n1", OCT25, "seats", "seat", 338, "exactly", None, 300)
    assert len(group_claims([net, total])) == 2
    tied = [replace(net, event_id="e1"), replace(total, event_id="e1")]
    assert len(group_claims(tied)) == 1                      # one event's figures
    again = replace(total, claim_id="n2x", article_id="n2", claimant=Actor("Reuters"))
    assert len(group_claims([total, again])) == 1            # the same figure, told again
    yes = claim("v1", OCT25, "Democrats supporting the resolution", "democrat", 231, "exactly",
                None, 50)
    no = claim("v1", OCT25, "Democrats opposed", "democrat", 2, "exactly", None, 50)
    assert len(group_claims([yes, no])) == 2                 # one sentence, two quantities


def test_one_value_twice_in_one_sentence_is_two_quantities() -> None:
    """"Likud got 11 or 12 seats, ... and Shas 10 or 11 seats": the same figure told twice in
    one sentence counts two things (two parties' seats), even for one event; a projection of
    the same sentence is still the quantity to come."""
    likud = claim("l1", OCT25, "seats", "seat", 11, "exactly", None, 10, role="seats")
    shas = replace(likud, claim_id="l1b")
    assert len(group_claims([likud, shas])) == 2
    assert len(group_claims([replace(likud, event_id="e1"), replace(shas, event_id="e1")])) == 2
    ahead = replace(shas, qualifier="projected", event_id="e1")
    assert len(group_claims([replace(likud, event_id="e1"), ahead])) == 1


def test_figures_of_unknown_role_need_the_same_figure_or_event_across_articles() -> None:
    """The judged "rockets into Israel, 2 to 10,000": figures of role `other` of one story are
    not tied by a shared place; the same figure told again, or one event, still ties them."""
    since = claim("k1", OCT25, "rockets into Northern Israel", "rocket", 10000, "approximately",
                  None, 10)
    night = claim("k2", OCT31, "rockets into Southern Israel", "rocket", 3, "exactly", None, 10)
    assert len(group_claims([since, night])) == 2
    again = replace(night, claim_id="k3", article_id="k3", value=10000)
    assert len(group_claims([since, again])) == 1
    one = [replace(since, event_id="e1"), replace(night, event_id="e2")]
    assert len(group_claims(one, event_of={"e1": "c1", "e2": "c1"})) == 1   # one canonical event


def test_a_running_total_is_not_an_event_s_toll() -> None:
    """The judged "policemen, 4 to 200": a toll over a period ("since the start of the war")
    and a toll told without one are two quantities, even tied by one event; two running
    totals of one story still group."""
    kirkuk = Actor("Lieutenant Colonel Yadkar Muhammad", country="IRQ")
    today = replace(claim("p1", OCT25, "policemen", "policeman", 4, "exactly", kirkuk, 10,
                          role="dead"), event_id="e1")
    since = replace(claim("p1", OCT25, "policemen", "policeman", 200, "approximately", None,
                          300, role="dead"), event_id="e1",
                    evidence=Evidence("Hundreds of policemen have been killed since the start "
                                      "of the war.", 300, 360))
    assert len(group_claims([today, since])) == 2
    told = "1,900 people have died since 2004."
    a = replace(claim("t1", OCT25, "people", "person", 1900, "exactly", None, 5, role="dead"),
                evidence=Evidence(told, 5, 40))
    b = replace(a, claim_id="t2", article_id="t2", article_date=OCT31)
    assert len(group_claims([a, b])) == 1


def test_a_place_named_after_of_is_still_the_place() -> None:
    """"34 people injured in the districts of Dhubri ..." and "six injured in the Tinsukia
    district" are tolls of different places."""
    here = claim("x1", OCT25, "people injured in the districts of Dhubri and Nagaon", "person",
                 34, "exactly", None, 10, role="injured")
    there = claim("x1", OCT25, "persons injured in the Tinsukia district", "person", 6,
                  "at least", Actor("police", country="IND"), 200, role="injured")
    there = replace(there, claim_id="x2", article_id="x2", event_id="e2")
    tied = {"e1": "c1", "e2": "c1"}                   # one canonical event ties them, else
    assert len(group_claims([replace(here, event_id="e1"), there], event_of=tied)) == 2
    elsewhere = replace(here, about="people injured in the districts of Tinsukia")
    assert len(group_claims([replace(elsewhere, event_id="e1"), there], event_of=tied)) == 1


def test_roles_and_events_keep_figures_about_different_things_apart() -> None:
    """One sentence, one official: "11 killed, 15 injured, 3,400 deployed" are three groups;
    two attacks of one article are two tolls; a claim without an event may join either side."""
    official = Actor("the army spokesman", country="BDI")
    base = claim("r1", OCT25, "Burundian soldiers", "soldier", 11, "exactly", official, 5)
    claims = [replace(base, role="dead", event_id="attack1"),
              replace(base, claim_id="r1b", value=15, role="injured", event_id="attack1"),
              replace(base, claim_id="r1c", value=3400, role="deployed", event_id="deploy1"),
              replace(base, claim_id="r1d", value=4, role="dead", event_id="attack2",
                      evidence=Evidence("x", 90, 91))]
    groups = group_claims(claims)
    assert sorted(sorted(c.value for c in g.claims) for g in groups) == [[4], [11], [15], [3400]]
    assert not any(g.contested for g in groups)
    other = replace(base, claim_id="r2", article_id="r2", value=30, role="dead",
                    claimant=Actor("rebels", country="BDI"), event_id="attack9")
    # across articles, events are compared by their canonical events (a store's)
    joined = group_claims([*claims, other])
    assert any(sorted(c.value for c in g.claims) == [11, 30] for g in joined)
    apart = group_claims([*claims, other],
                         event_of={"attack1": "c1", "attack2": "c2", "attack9": "c9"})
    assert not any(len(g.claims) > 1 for g in apart)


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
    killed = [claim("s1", NOV01, "people killed in the Kabul bombing", "person", 20, "exactly",
                    police, 5),
              claim("s2", OCT31, "people killed in the Kabul bombing", "person", 80, "exactly", army, 5),
              claim("s3", OCT25, "people killed in the Kabul bombing", "person", 18, "at least",
                    army, 5)]
    together = group_claims(killed)
    # no stories: one disputed figure (the toll told smaller later: no toll rising)
    assert len(together) == 1 and together[0].contested
    apart = group_claims(killed, story_of={"s1": "story-a", "s2": "story-b", "s3": "story-a"})
    assert sorted(sorted(c.value for c in g.claims) for g in apart) == [[18, 20], [80]]
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
