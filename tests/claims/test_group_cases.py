"""Contests the Wikinews store flagged wrongly (issue 17, sample seed 18), through the real
pipeline: the sentences' claims are grouped as `sitroom extract` groups them."""
from __future__ import annotations

from datetime import date

import pytest

from sitroom.claims import group_claims
from sitroom.extract import Extractor

ON = date(2019, 8, 8)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _groups(extractor: Extractor, text: str) -> dict[float, tuple[str, bool]]:
    """Each figure's group id and contested flag."""
    return {c.value: (g.group_id, g.contested)
            for g in group_claims(extractor.extract_text(text, ON).claims) for c in g.claims}


def test_troops_on_a_border_are_not_troops_inside_the_country(extractor: Extractor) -> None:
    text = ("Israel has massed 40,000 troops on the Lebanese border, military sources said. "
            "The IDF says it currently has approximately 10,000 troops on the ground in southern "
            "Lebanon.")
    groups = _groups(extractor, text)
    assert groups[40_000][0] != groups[10_000][0]
    assert not groups[40_000][1] and not groups[10_000][1]


def test_a_toll_of_earlier_shootings_does_not_contest_the_attack_s(extractor: Extractor) -> None:
    text = ("A gunman shot shoppers at a Walmart store in El Paso, Texas, killing 22 people, "
            "officials said. According to data from the Gun Violence Archive, the shooting "
            "followed four deadly mass shootings in the United States that week, including one "
            "in California at a garlic festival in Gilroy, killing three.")
    groups = _groups(extractor, text)
    assert groups[22][0] != groups[3][0]
    assert not groups[22][1]


def _parts(extractor: Extractor, text: str) -> dict[float, tuple[str, str | None, bool]]:
    """Each figure's group id, parent group id and contested flag."""
    return {c.value: (g.group_id, g.parent_group_id, g.contested)
            for g in group_claims(extractor.extract_text(text, ON).claims) for c in g.claims}


@pytest.mark.parametrize(("text", "part", "whole"), [
    ("The United States announced today that an airstrike against a house in Yusufiyah, Iraq "
     "on Tuesday completed its mission, killing insurgent commander Abu Usama al-Tunisi and two "
     "others. The tip was confirmed by a local Iraqi arrested near the site of the house just "
     "before the bombing, which killed three.", 2, 3),
    ("On Saturday morning, a gunman shot shoppers at a Walmart store in El Paso, Texas, with "
     "the death toll rising to 22 people on Monday, reported officials, with 25 others injured. "
     "According to Mexican President Andres Manuel Lopez Obrador, six Mexican nationals were "
     "killed in the attack, and seven more were injured.", 7, 25),
    ("Saddam Hussein has admitted before the court on Wednesday that he had ordered the trial "
     "of Shia Muslims, 148 of which were ultimately executed. One document, apparently "
     "originating with the Iraqi secret service, said that close to fifty of the accused had "
     "died during interrogation.", 50, 148),
])
def test_a_part_of_a_toll_is_a_linked_sub_quantity_not_a_contest(
        extractor: Extractor, text: str, part: float, whole: float) -> None:
    """Judged store seed 18: the three false contests were a part against its whole."""
    groups = _parts(extractor, text)
    assert groups[part][0] != groups[whole][0]
    assert groups[part][1] == groups[whole][0]
    assert not groups[part][2] and not groups[whole][2]


def test_a_real_dispute_with_more_stays_contested(extractor: Extractor) -> None:
    """"killed twelve and injured twelve more" tells no part: 190 against 12 is a dispute."""
    text = ("A suicide bomber attacked the army base in Paktia on Monday. Taliban spokesperson "
            "Zabiullah Mujahid claimed 190 were dead. Abdurrahman Mangal, spokesperson for the "
            "provincial governor, said the attack had killed twelve and injured twelve more.")
    dead = [g for g in group_claims(extractor.extract_text(text, ON).claims)
            if {c.value for c in g.claims} == {190, 12}]
    assert len(dead) == 1 and dead[0].contested
