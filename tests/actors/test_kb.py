"""The actor knowledge base on the seeds' actors and the language of real news."""
from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from sitroom.actors import ActorKB, Resolution, load_kb, resolve_lines
from sitroom.actors.files import DATA
from sitroom.errors import InputError, KnowledgeBaseError

ON = date(2024, 10, 25)
needs_people = pytest.mark.skipif(not (DATA / "people.csv").exists(),
                                  reason="data/people.csv not written yet")
needs_orgs = pytest.mark.skipif(not (DATA / "organizations.csv").exists(),
                                reason="data/organizations.csv not written yet")


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return load_kb()


def cs(res: Resolution) -> tuple[str | None, str | None]:
    return res.country, res.sector


@pytest.mark.parametrize("text,country,sector", [
    ("North Korean troops", "PRK", "MIL"), ("North Korean soldiers", "PRK", "MIL"),
    ("Russian forces", "RUS", "MIL"), ("The U.S.", "USA", "GOV"), ("Pyongyang", "PRK", "GOV"),
    ("Beijing", "CHN", "GOV"), ("official Beijing", "CHN", "GOV"), ("the Kremlin", "RUS", "GOV"),
    ("Japan", "JPN", "GOV"), ("Japan and South Korea", "JPN", "GOV"),
    ("Iranian protesters", "IRN", "CVL"), ("police", None, "COP"), ("the Coast Guard", None, "COP"),
    ("Defence Secretary Delfin Lorenzana", None, "GOV"),
    ("Regional Governor Mujiv Hataman", None, "GOV"),
    ("the United States House of Representatives", "USA", "LEG"),
    ("Russia's ambassador to Poland", "RUS", "GOV"), ("Russia’s ambassador to Poland", "RUS", "GOV"),
    ("Canadian Ambassador to the United Nations", "CAN", "GOV"),
    ("Shanghai police", "CHN", "COP"), ("Kyiv police", "UKR", "COP"),
    ("Chile's Defense Ministry", "CHL", "GOV"), ("Mexican authorities", "MEX", "GOV"),
    ("Burkina Faso’s ruling junta", "BFA", "GOV"), ("two Chinese warplanes", "CHN", "MIL"),
    ("Ukrainian farmers", "UKR", "AGR"), ("a disgraced former minister", None, "ELI"),
    ("Abkhazia", "GEO", "PRE"), ("Chinese leader", "CHN", "GOV"),
    ("the head of the People's Republic of China", "CHN", "GOV"),
    ("the Chief Secretary of the Cabinet of Ministers of Japan", "JPN", "GOV"),
    ("President of the Chadian Human Rights League", "TCD", "SOC"),
])
def test_phrases(kb: ActorKB, text: str, country: str | None, sector: str | None) -> None:
    assert cs(kb.resolve(text, ON)) == (country, sector)


def test_states_are_named_by_country(kb: ActorKB) -> None:
    assert kb.resolve("Ukraine", ON).entity == "Ukraine"
    assert kb.resolve("Moscow", ON).entity == "Russia"
    assert kb.resolve("the Russian government", ON).entity == "Russia"


def test_vague_groups_and_unknowns_are_not_guessed(kb: ActorKB) -> None:
    allies = kb.resolve("Western allies", ON)
    assert allies.country is None and allies.sector == "GOV" and allies.entity == "Western allies"
    assert allies.confidence < 0.5
    expert = kb.resolve("Andrii Lankov, an expert on North Korea", ON)
    assert expert.country is None and expert.sector is None and expert.role == "expert"
    nobody = kb.resolve("Joseph Monka", ON)
    assert (nobody.country, nobody.sector, nobody.entity) == (None, None, None)
    assert nobody.confidence < 0.3


def test_us_is_not_the_pronoun(kb: ActorKB) -> None:
    assert kb.resolve("us", ON).country is None
    assert kb.resolve("US", ON).country == "USA"
    assert kb.resolve("US officials", ON).country == "USA"


def test_country_cue_and_sector_for_role(kb: ActorKB) -> None:
    assert kb.country_cue("Ukrainian President") == "UKR"
    assert kb.country_cue("in the Kremlin") == "RUS"
    assert kb.country_cue("a man") is None
    assert kb.sector_for_role("troops") == "MIL"
    assert kb.sector_for_role("Policemen") == "COP"
    assert kb.sector_for_role("analysts") is None


@needs_people
@pytest.mark.parametrize("text,country,entity", [
    ("Ukrainian President Volodymyr Zelenskyy", "UKR", "Volodymyr Zelenskyy"),
    ("Chinese leader Xi Jinping", "CHN", "Xi Jinping"),
    ("Russian dictator Vladimir Putin", "RUS", "Vladimir Putin"),
    ("Kim Jong-un", "PRK", "Kim Jong-un"),
    ("U.S. Secretary of State Antony Blinken", "USA", "Antony Blinken"),
    ("Yoshimasa Hayashi", "JPN", "Yoshimasa Hayashi"),
])
def test_seed_people(kb: ActorKB, text: str, country: str, entity: str) -> None:
    res = kb.resolve(text, ON)
    assert (res.country, res.sector) == (country, "GOV")
    assert res.entity is not None and res.entity.split()[-1] == entity.split()[-1]


@needs_people
def test_head_of_state_by_date(kb: ActorKB) -> None:
    assert kb.resolve("the head of the People's Republic of China", ON).entity == "Xi Jinping"
    may = kb.resolve("the British prime minister", date(2019, 7, 20))
    johnson = kb.resolve("the British prime minister", date(2019, 7, 25))
    assert may.entity == "Theresa May" and johnson.entity == "Boris Johnson"
    assert cs(may) == cs(johnson) == ("GBR", "GOV")


@needs_people
def test_former_officials(kb: ActorKB) -> None:
    assert cs(kb.resolve("Theresa May", date(2023, 1, 1))) == ("GBR", "ELI")
    assert cs(kb.resolve("former president Barack Obama", date(2012, 1, 1))) == ("USA", "ELI")
    person = kb.lookup_person("Boris Johnson", date(2020, 1, 1))
    assert person is not None and person.role == "prime minister"
    assert kb.lookup_person("Joseph Monka", ON) is None


@needs_orgs
def test_organisations(kb: ActorKB) -> None:
    assert cs(kb.resolve("Hamas militants", ON)) == ("PSE", "REB")
    assert cs(kb.resolve("the Taliban", date(2020, 1, 1))) == ("AFG", "REB")
    assert cs(kb.resolve("the Taliban", date(2022, 1, 1))) == ("AFG", "GOV")
    assert kb.resolve("Houthi rebels", ON).country == "YEM"


def test_user_file(tmp_path: Path) -> None:
    people = tmp_path / "mine.csv"
    people.write_text("# sitroom-actors people format 1\n"
                      "name,aliases,country,sector,role,start,end\n"
                      "Zorba Quill,Quill,GRC,GOV,mayor,2020-01-01,2022-01-01\n", encoding="utf-8")
    orgs = tmp_path / "orgs.csv"
    orgs.write_text("name,aliases,country,sector,kind,start,end\n"
                    "Blue Lantern Brigade,BLB,COL,REB,armed_group,,\n", encoding="utf-8")
    kb = load_kb(extra=[people, orgs])
    assert load_kb(extra=[str(people), str(orgs)]) is kb  # cached per tuple of paths
    res = kb.resolve("Mayor Zorba Quill", date(2021, 5, 1))
    assert (res.country, res.sector, res.entity, res.role) == ("GRC", "GOV", "Zorba Quill", "mayor")
    assert cs(kb.resolve("Quill", date(2023, 1, 1))) == ("GRC", "ELI")
    assert cs(kb.resolve("BLB fighters", ON)) == ("COL", "REB")
    assert load_kb().resolve("Zorba Quill", ON).country is None  # the default KB is untouched


def test_bad_user_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("# sitroom-actors people format 1\nname,aliases,country,sector,role,start,end\n"
                   "X Y,,GRC,GOV,mayor,2020-13-01,\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="line 3"):
        load_kb(extra=[bad])
    odd = tmp_path / "odd.csv"
    odd.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="not a people or organizations file"):
        load_kb(extra=[odd])


def test_resolve_lines(kb: ActorKB) -> None:
    out = list(resolve_lines(["Russian forces\n", "\n", "Beijing\t2020-01-02\n", "police"],
                             kb, date(2024, 1, 1)))
    assert [o["text"] for o in out] == ["Russian forces", "Beijing", "police"]
    assert out[0] == {"text": "Russian forces", "country": "RUS", "sector": "MIL", "entity": None,
                      "role": "forces", "confidence": out[0]["confidence"]}
    assert set(out[1]) == {"text", "country", "sector", "entity", "role", "confidence"}
    with pytest.raises(InputError, match="line 2"):
        list(resolve_lines(["Beijing", "Moscow\t2020-02-31"], kb, None))


def test_speed() -> None:
    from sitroom.actors.kb import _load
    _load.cache_clear()
    start = time.perf_counter()
    kb = load_kb()
    assert time.perf_counter() - start < 2.0
    phrases = ["Ukrainian President Volodymyr Zelenskyy", "North Korean troops", "the Kremlin",
               "Andrii Lankov, an expert on North Korea", "the British prime minister"] * 200
    start = time.perf_counter()
    for p in phrases:
        kb.resolve(p, ON)
    assert (time.perf_counter() - start) / len(phrases) < 0.001
