"""Importing PETRARCH's validation dictionaries (fictional actors) from ../shared."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitroom.actors import ActorKB, load_petrarch


@pytest.fixture(scope="module")
def pk(shared: Path) -> ActorKB:
    root = shared / "gold" / "peers" / "petrarch2"
    return load_petrarch(root / "PETR.Validate.actors.txt", root / "PETR.Validate.agents.txt")


@pytest.mark.parametrize("text,on,code,country,sector", [
    ("Hamas", None, "PSEREBHMS", "PSE", "REB"),
    ("Israeli troops", None, "ISRMIL", "ISR", "MIL"),
    ("French president", None, "FRAGOV", "FRA", "GOV"),
    ("Egyptian foreign minister", None, "EGYGOVFRM", "EGY", "GOV"),
    ("Interpol", None, "IGOCOPITP", "IGO", "COP"),
    ("Argentine", None, "ARG", "ARG", None),           # ARGENTIN: a stem entry
    ("Smeagol", date(1994, 1, 1), "HOB", "HOB", None),  # [HOB < 950601]
    ("Gollum", date(1997, 1, 1), "HOBGOV", "HOB", "GOV"),
    ("Gollum", date(2005, 1, 1), "HOBREB", "HOB", "REB"),
    ("Sam Gamgee", date(2010, 1, 10), "ORCHOB", "ORC", None),  # listed first: overrides HOBMIL
    ("Sam Gamgee", date(2011, 1, 1), "HOBMIL", "HOB", "MIL"),
    ("Sam Gamgee", date(2014, 1, 1), "HOBELI", "HOB", "ELI"),
    ("the Pyongyang government", None, "PRKGOV", "PRK", "GOV"),
])
def test_petrarch_actors(pk: ActorKB, text: str, on: date | None, code: str,
                         country: str, sector: str | None) -> None:
    res = pk.resolve(text, on)
    assert (res.code, res.country, res.sector) == (code, country, sector)


def test_petrarch_discards_and_unknowns(pk: ActorKB) -> None:
    assert pk.resolve("Boromir", None).code is None  # [---]
    assert pk.resolve("Joseph Monka", None).code is None
