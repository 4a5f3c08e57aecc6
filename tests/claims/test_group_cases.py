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
