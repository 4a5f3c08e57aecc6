"""The actor knowledge base: a noun phrase from the news -> (country, PLOVER sector, entity, role).

Loaded once from the CSVs in `data/` (countries, roles, and the people and organisations files when
present) plus any user files; every name, alias, demonym, capital and role word becomes a key in
one dict of folded n-grams (see `text.py`). `resolve` scans a phrase's n-grams longest-first and
composes what it found (see `compose.py` and docs/actors.md).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from .compose import compose, person_resolution, scan
from .files import DATA, Office, Org, read_any, read_orgs, read_people, read_rows, split
from .hits import Hit, PersonRef, Place, Resolution, Role
from .text import fold, is_acronym, is_capitalised, key, tokens


_RANK = {PersonRef: 0, Org: 1, Place: 2, Role: 3}
_NO_PLURAL = ("s", "sh", "ch", "ese", "x", "z")


class ActorKB:
    """Countries, role words, people and organisations, indexed for phrase resolution."""

    def __init__(self) -> None:
        self.index: dict[str, list[Hit]] = {}
        self.exact: dict[str, list[Hit]] = {}     # short all-capitals acronyms, case-sensitive
        self.stems: dict[str, list[Hit]] = {}     # PETRARCH stems ("ARGENTIN" -> Argentina...)
        self.maxlen = 1
        self.people: dict[str, list[Office]] = {}
        self.holders: dict[tuple[str, str], list[Office]] = {}
        self.country_names: dict[str, str] = {}
        self.leaders: dict[str, str] = {}
        self.roles: dict[str, Role] = {}
        self.peoples: dict[str, tuple[str, ...]] = {}  # "kurdish" -> (IRQ, TUR, SYR, IRN)
        self.acronyms = True   # short all-capitals aliases match case-sensitively

    # ---- building -------------------------------------------------------------------------
    def add(self, alias: str, hit: Hit, stem: bool = False) -> None:
        toks = tokens(alias)
        if not toks:
            return
        if self.acronyms and len(toks) == 1 and is_acronym(toks[0]):
            bucket = self.exact.setdefault(toks[0], [])
        elif stem and len(toks) == 1:
            bucket = self.stems.setdefault(fold(toks[0]), [])
        else:
            bucket = self.index.setdefault(" ".join(fold(t) for t in toks), [])
        if hit not in bucket:
            bucket.append(hit)
            bucket.sort(key=lambda h: _RANK[type(h)])
        self.maxlen = max(self.maxlen, len(toks))

    def add_countries(self, path: Path) -> None:
        _, rows = read_rows(path, "countries")
        for _, row in rows:
            code, kind, name = row["code"], row["kind"], row["name"]
            if kind == "state":
                self.country_names.setdefault(code, name)
                if row.get("leader"):
                    self.leaders[code] = row["leader"].lower()
            place_kind = {"state": "country", "dependency": "region", "region": "country",
                          "disputed": "disputed"}.get(kind, "region")
            for alias in [name, *split(row.get("aliases"))]:
                self.add(alias, Place(place_kind, code, name))
            if kind != "state":
                continue
            for dem in split(row.get("demonyms")):
                self.add(dem, Place("demonym", code, name))
                if not dem.lower().endswith(_NO_PLURAL) and not dem.lower().endswith("man"):
                    self.add(dem + "s", Place("demonym", code, name))
            for col, pk in (("seats", "seat"), ("regions", "region"), ("cities", "city")):
                for alias in split(row.get(col)):
                    self.add(alias, Place(pk, code, name))
        self.country_names.setdefault("ATA", "Antarctica")

    def add_roles(self, path: Path) -> None:
        _, rows = read_rows(path, "roles")
        for _, row in rows:
            role = Role(row["word"].lower(), row.get("sector") or None, row["kind"])
            self.roles[key(role.word)] = role
            self.add(role.word, role)

    def add_peoples(self, path: Path) -> None:
        """Peoples without a state of their own ("Kurdish", "Tamil", "Basque"), each with the
        countries they mostly live in (most populous first). Not country cues: only an actor
        phrase that names one is homed by it (see `people_countries`)."""
        _, rows = read_rows(path, "peoples")
        for _, row in rows:
            self.peoples[key(row["word"])] = tuple(split(row["countries"]))

    def add_person(self, office: Office, aliases: Sequence[str]) -> None:
        offices = self.people.setdefault(office.name, [])
        offices.append(office)
        offices.sort(key=lambda o: o.start or date.min)
        if office.country and office.role:
            self.holders.setdefault((office.country, office.role), []).append(office)
        for alias in [office.name, *aliases]:
            self.add(alias, PersonRef(office.name))

    def add_org(self, org: Org, aliases: Sequence[str]) -> None:
        for alias in [org.name, *aliases]:
            self.add(alias, org)

    def add_file(self, path: str | Path) -> None:
        """A people or organizations file (told by its format line or header)."""
        kind, entries = read_any(Path(path))
        for entry, aliases in entries:
            (self.add_person if kind == "people" else self.add_org)(entry, aliases)

    # ---- queries ---------------------------------------------------------------------------
    def resolve(self, text: str, on: date | None = None) -> Resolution:
        """Resolve a noun phrase as written in news ("Russian forces", "the British prime
        minister", "Beijing") on a date (default today)."""
        return compose(self, text, on or date.today())

    def country_cue(self, text: str) -> str | None:
        """The first country, demonym, capital, region or city named in a phrase."""
        for item in scan(self, tokens(text)):
            hit = item.hit
            if isinstance(hit, Place):
                return hit.code
        return None

    def people_countries(self, word: str) -> tuple[str, ...]:
        """The countries a people lives in, for a word naming it ("Kurdish"); () if unknown."""
        return self.peoples.get(key(word), ())

    def sector_for_role(self, word: str) -> str | None:
        """The PLOVER sector of a role word ("troops" -> MIL), None when unknown or untyped."""
        role = self.roles.get(key(word))
        return role.sector if role else None

    def lookup_person(self, name: str, on: date | None) -> Resolution | None:
        """A known person by name or alias, with the office held on `on` (default today)."""
        hits = self.index.get(key(name), []) + self.exact.get(name.strip(), [])
        ref = next((h for h in hits if isinstance(h, PersonRef)), None)
        if ref is None:
            return None
        return person_resolution(self, name, ref.name, on or date.today(), former=False)

    def holder(self, country: str, role: str, on: date) -> Office | None:
        """Who held `role` in `country` on `on` (latest start wins when terms overlap)."""
        offices = [o for o in self.holders.get((country, role), ()) if o.active(on)]
        return max(offices, key=lambda o: o.start or date.min) if offices else None


def _default_paths() -> list[Path]:
    return [p for p in (DATA / "people.csv", DATA / "organizations.csv") if p.exists()]


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> ActorKB:
    kb = ActorKB()
    kb.add_countries(DATA / "countries.csv")
    kb.add_roles(DATA / "roles.csv")
    if (DATA / "peoples.csv").exists():
        kb.add_peoples(DATA / "peoples.csv")
    people = DATA / "people.csv"
    if people.exists():
        for office, aliases in read_people(people):
            kb.add_person(office, aliases)
    orgs = DATA / "organizations.csv"
    if orgs.exists():
        for org, aliases in read_orgs(orgs):
            kb.add_org(org, aliases)
    for path in extra:
        kb.add_file(path)
    return kb


def load_kb(extra: Sequence[str | Path] = ()) -> ActorKB:
    """The default knowledge base plus user files in the people/organizations formats (cached
    per tuple of paths: call again freely)."""
    return _load(tuple(str(Path(p)) for p in extra))
