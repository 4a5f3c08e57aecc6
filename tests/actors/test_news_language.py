"""Resolver rules for the language of news: legislators by party, committees, re-homed generic
bodies, offices of named bodies, universities, companies, media, churches, armed groups."""
from __future__ import annotations

from datetime import date

import pytest

from sitroom.actors import ActorKB, load_kb

ON = date(2024, 10, 25)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return load_kb()


@pytest.mark.parametrize("text,country,sector", [
    # legislators by US party, committees of legislatures
    ("Democratic Representatives", "USA", "LEG"), ("Republican senators", "USA", "LEG"),
    ("GOP lawmakers", "USA", "LEG"), ("Members of the House Judiciary Committee", None, "LEG"),
    ("the Senate Foreign Relations Committee", "USA", "LEG"),
    ("a parliamentary committee", None, "LEG"), ("the House Intelligence Committee", None, "LEG"),
    ("the Coast Guard", None, "COP"),
    # a body named by its generic name, homed by the country before it
    ("Colombia's Defense Department", "COL", "GOV"), ("the Defense Department", "USA", "MIL"),
    # an office of a named body takes the body's sector and country
    ("the speaker of the Verkhovna Rada", "UKR", "LEG"),
    ("chairman of the Lok Sabha", "IND", "LEG"),
    # "official" as an adjective before a noun, not the role word
    ("official residence of the Prime Minister of Japan", "JPN", "GOV"),
    ("official sources", None, "GOV"),
    # universities, companies, media, religious bodies, NGOs, armed groups, crime
    ("Stanford University", "USA", "EDU"), ("Tsinghua University researchers", "CHN", "EDU"),
    ("Microsoft", "USA", "BUS"), ("Huawei", "CHN", "BUS"), ("Gazprom", "RUS", "BUS"),
    ("NHK", "JPN", "JRN"), ("the Russian Orthodox Church", "RUS", "REL"),
    ("the International Rescue Committee", "NGO", "SOC"),
    ("the Sinaloa Cartel", "MEX", "CRM"), ("CJNG", "MEX", "CRM"), ("Proud Boys", "USA", "UAF"),
    ("the Black Sea Fleet", "RUS", "MIL"), ("UPDF soldiers", "UGA", "MIL"),
    ("Inter-Services Intelligence", "PAK", "SPY"), ("the SBU", "UKR", "SPY"),
    ("the Institutional Revolutionary Party", "MEX", "PTY"),
    # places: a town in the news alone is its people; regions after a name stay cues
    ("Bakhmut", "UKR", "CVL"), ("Goma", "COD", "CVL"), ("Republika Srpska", "BIH", None),
    ("Bombay High Court", "IND", "JUD"),
    ("Aboriginal Legal Service Western Australia", "AUS", None),
])
def test_news_phrases(kb: ActorKB, text: str, country: str | None, sector: str | None) -> None:
    res = kb.resolve(text, ON)
    assert (res.country, res.sector) == (country, sector), res


def test_rehomed_body_has_no_foreign_entity(kb: ActorKB) -> None:
    res = kb.resolve("Chile's Defense Department", ON)
    assert res.entity is None


def test_chief_cabinet_secretary_on_the_date(kb: ActorKB) -> None:
    text = "the Chief Secretary of the Cabinet of Ministers of Japan"
    assert kb.resolve(text, date(2023, 6, 1)).entity == "Hirokazu Matsuno"
    res = kb.resolve(text, ON)
    assert (res.country, res.sector) == ("JPN", "GOV") and res.entity is not None


@pytest.mark.parametrize("name,on,country,sector", [
    ("Vladimir Putin", date(1999, 1, 1), "RUS", "SPY"),        # FSB director
    ("Marco Rubio", date(2020, 1, 1), "USA", "LEG"),           # senator
    ("Marco Rubio", date(2025, 3, 1), "USA", "GOV"),           # secretary of state
    ("Scott Morrison", date(2023, 1, 1), "AUS", "LEG"),        # back-bench MP after office
    ("Albin Kurti", date(2020, 12, 1), "KOS", "PTY"),          # opposition between terms
    ("Jüri Ratas", date(2022, 1, 1), "EST", "LEG"),            # speaker
    ("Bobi Wine", date(2019, 1, 1), "UGA", "LEG"),
    ("Uhuru Kenyatta", date(2024, 1, 1), "KEN", "ELI"),
    ("William Ruto", date(2020, 1, 1), "KEN", "GOV"),
    ("Tokayev", date(2024, 1, 1), "KAZ", "GOV"),
    ("Sheikh Nawaf al-Ahmad", date(2022, 1, 1), "KWT", "GOV"),
])
def test_people_by_date(kb: ActorKB, name: str, on: date, country: str, sector: str) -> None:
    res = kb.resolve(name, on)
    assert (res.country, res.sector) == (country, sector), res
