"""Canonical events: event reports from many articles that describe one occurrence, merged.

Reports are blocked by (type, actor country or entity) and read in report order; a report joins
the open canonical event it is compatible with (`compatible`) whose reports corroborate it most
(same place or recipient; the latest on a tie), else opens one. Dates are
windows, not points: a report's window is intersected into its canonical event's, so a merged
event keeps a window every one of its reports agrees with (no chaining across weeks).
"""
from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

REPORT_BACK_DAYS = 10
"""An event dated on its article's day (the coder's default for news) happened up to this many
days before it: a retelling a week later still matches. Only for the DURABLE types."""
DURABLE = frozenset({"MOBILIZE", "RETREAT", "SANCTION", "AID", "COOPERATE", "COERCE"})
"""Types whose occurrence lasts (a deployment, a withdrawal, sanctions, a curfew) and is retold
days later without a date. The other types (an attack, a protest, a meeting, a statement) are
retold with a date ("on Friday"), so a report of one dated only by its article's day is taken to
have happened within DAY_SLACK days of it: two attacks a few days apart in one story stay two."""
DAY_SLACK = 2
WEEK_SLACK = 7
FUTURE_DAYS = 30
NEAR_KM = 150.0
UNTIED_DAYS = 1
"""Reports in different stories merge only with explicit, equal recipients and dates this close."""
HAPPENED = frozenset({"asserted", "negated"})
"""Statuses of reports that say the event took place: it cannot be later than the article."""
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})

_INSTITUTIONS = frozenset("""government ministry department forces army navy police military
administration house office council party troops officials authorities court parliament
congress senate commission agency union committee""".split())
"""Words that make a capitalised text an institution rather than a personal name."""

_COUNTRIES = Path(__file__).resolve().parents[1] / "actors" / "data" / "countries.csv"


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Lower-cased names of the states in the actor knowledge base (a country as an entity)."""
    with _COUNTRIES.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return frozenset(r["name"].lower() for r in csv.DictReader(lines) if r.get("name"))


@dataclass(frozen=True)
class Party:
    """An actor or recipient as merging sees it."""

    country: str | None
    sector: str | None
    entity: str | None
    text: str

    @property
    def key(self) -> str:
        return self.country or (self.entity or self.text).lower()

    @property
    def person(self) -> bool:
        """Names someone or something more specific than a state."""
        return self.entity is not None and self.entity.lower() not in country_names()

    @property
    def name_words(self) -> frozenset[str]:
        """The words of the name this party goes by: its entity when it is more than a state,
        else its text when that is a proper name the resolver did not link ("Micheline
        Calmy-Rey": two or more words, each capitalised); empty when neither."""
        if self.person:
            return frozenset(self.entity.lower().split())  # type: ignore[union-attr]
        if self.entity is None:
            words = self.text.split()
            lower = {w.lower() for w in words}
            if len(words) >= 2 and all(w[:1].isupper() for w in words) \
                    and not lower & _INSTITUTIONS:
                return frozenset(lower)
        return frozenset()


def party(row: dict[str, Any], prefix: str) -> Party | None:
    """The actor or recipient columns of an events row."""
    text, country = row.get(f"{prefix}_text"), row.get(f"{prefix}_country")
    if text is None and country is None:
        return None
    return Party(country, row.get(f"{prefix}_sector"), row.get(f"{prefix}_entity"), text or "")


def same_party(a: Party, b: Party) -> bool:
    """One party in two reports: same country (or name), compatible sector, no clash of names."""
    if a.country is None and b.country is None and a.entity is None and b.entity is None:
        return _words_overlap(a.text, b.text)  # "the (planned) dismantling of 21 settlements"
    if a.key != b.key:
        return False
    if a.person and b.person and a.entity != b.entity:
        return False
    na, nb = a.name_words, b.name_words
    if na and nb and not na & nb:  # two named people or bodies who share no name
        return False
    if a.sector is None or b.sector is None or a.sector == b.sector:
        return True
    # "North Korea" (the state, GOV) and "North Korean troops" (MIL) are one actor
    return {a.sector, b.sector} <= STATE_SECTORS and not (a.person and b.person)


def _words_overlap(x: str, y: str) -> bool:
    wx = {w for w in x.lower().split() if len(w) > 3}
    wy = {w for w in y.lower().split() if len(w) > 3}
    return bool(wx and wy) and len(wx & wy) / len(wx | wy) >= 0.5


def date_window(row: dict[str, Any]) -> tuple[date, date]:
    """The days an event report allows (see REPORT_BACK_DAYS and the slack constants)."""
    day, precision, published = row.get("date"), row.get("date_precision"), row["article_date"]
    if day is None:
        return published, published + timedelta(days=FUTURE_DAYS)
    if precision in (None, "day"):
        if day == published:
            back = REPORT_BACK_DAYS if row.get("type") in DURABLE else DAY_SLACK
            return day - timedelta(days=back), day
        slack = DAY_SLACK
    elif precision == "week":
        slack = WEEK_SLACK
    elif precision == "month":
        slack = 31
    else:
        slack = 366
    lo, hi = day - timedelta(days=slack), day + timedelta(days=slack)
    if row.get("status") in HAPPENED and day <= published:
        hi = min(hi, published)  # it happened by the day it was reported ("this week": by today)
    return lo, hi


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def same_place(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Locations that can be one place: either unknown, or same country and near or nested."""
    if a.get("location_name") is None or b.get("location_name") is None:
        return True
    if a["location_country"] != b["location_country"]:
        return False
    names = {a["location_name"].lower(), b["location_name"].lower()}
    if len(names) == 1 or names & country_names():
        return True  # the same name, or one of them is just the country
    if a.get("location_admin1") and a.get("location_admin1") in (b["location_name"],
                                                                 b.get("location_admin1")):
        return True
    if None not in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return km((a["lat"], a["lon"]), (b["lat"], b["lon"])) <= NEAR_KM
    return False


@dataclass
class Canonical:
    """One occurrence and every report of it."""

    mentions: list[dict[str, Any]] = field(default_factory=list)
    window: tuple[date, date] = (date.min, date.max)
    stories: set[str] = field(default_factory=set)

    @property
    def first(self) -> dict[str, Any]:
        return self.mentions[0]


def compatible(c: Canonical, row: dict[str, Any], window: tuple[date, date]) -> bool:
    """Can this report be one more report of `c`? (type and actor key are equal by blocking)"""
    lo, hi = max(c.window[0], window[0]), min(c.window[1], window[1])
    if lo > hi:
        return False
    same_story = row.get("story_id") is not None and row["story_id"] in c.stories
    for m in c.mentions:
        if m["status"] != row["status"] or (m["mode"] and row["mode"] and m["mode"] != row["mode"]):
            return False
        if not same_party(m["_actor"], row["_actor"]) or not same_place(m, row):
            return False
        r1, r2 = m["_recipient"], row["_recipient"]
        if r1 is not None and r2 is not None:
            # in one story an unresolved text ("the jail", "the outer wall of the prison") is
            # not a known recipient: it cannot clash, as a missing one cannot
            if not same_party(r1, r2) and (not same_story or (_known(r1) and _known(r2))):
                return False
        elif not same_story and (r1 is not None or r2 is not None):
            return False
        if not _days_agree(m, row):
            return False
    if not same_story:
        # no shared story: only reports that date it explicitly alike and name the recipient
        return row["_recipient"] is not None and _explicit(row) and all(
            _explicit(m) and abs((m["date"] - row["date"]).days) <= UNTIED_DAYS
            for m in c.mentions)
    return True


def _known(p: Party) -> bool:
    """A recipient the resolver placed (a country or a linked entity), not just a phrase."""
    return p.country is not None or p.entity is not None


def _day_kind(row: dict[str, Any]) -> str | None:
    """"explicit" for a day the text gives, "article" for a report dated only by its article's
    day (the coder's default), None for a coarser or missing date."""
    if row.get("date") is None or row.get("date_precision") not in (None, "day"):
        return None
    return "article" if row["date"] == row["article_date"] else "explicit"


def _days_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """For a point-in-time type (not DURABLE), two reports' days compared as points, which
    overlapping windows alone do not do (each side's slack added up to four days):
    - two explicit days: at most UNTIED_DAYS apart (the 12th and the 16th are two bombings);
    - an explicit day and a report dated by its article: the day is one the article's report
      allows (DAY_SLACK days before its article, not after): a visit on the 13th is not the visit
      an article of the 16th reports undated;
    - two reports dated by articles more than UNTIED_DAYS apart, so agreeing only on the edge of
      both windows: they must also name the same place or the same recipient."""
    if a["type"] in DURABLE:
        return True
    ka, kb = _day_kind(a), _day_kind(b)
    if ka == kb == "explicit":
        return abs((a["date"] - b["date"]).days) <= UNTIED_DAYS
    if {ka, kb} == {"explicit", "article"}:
        e, p = (a, b) if ka == "explicit" else (b, a)
        return p["article_date"] - timedelta(days=DAY_SLACK) <= e["date"] <= p["article_date"]
    if ka == kb == "article" and abs((a["date"] - b["date"]).days) > UNTIED_DAYS:
        return _corroborated(a, b)
    return True


def _corroborated(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Both reports name a place and it is one place, or both name the recipient and agree."""
    if a.get("location_name") is not None and b.get("location_name") is not None \
            and same_place(a, b):
        return True
    r1, r2 = a["_recipient"], b["_recipient"]
    return r1 is not None and r2 is not None and same_party(r1, r2)


def _explicit(row: dict[str, Any]) -> bool:
    return row.get("date") is not None and row["date"] != row["article_date"]


def _order(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["article_date"], row["article_id"], row.get("evidence_start") or 0,
            row["event_id"])


def _best(open_: list[Canonical], row: dict[str, Any],
          window: tuple[date, date]) -> Canonical | None:
    """The compatible open event whose reports corroborate this one most (name its recipient
    or place), the latest of those on a tie: a recipient left unresolved ("the enemies of God")
    may fit two events, and should join the one whose reports say it too."""
    best, score = None, -1
    for c in reversed(open_):
        if compatible(c, row, window):
            s = sum(_corroborated(m, row) for m in c.mentions)
            if s > score:
                best, score = c, s
    return best


def merge_events(rows: Iterable[dict[str, Any]]) -> list[Canonical]:
    """Group event rows (events-table columns plus `story_id`) into canonical events."""
    blocks: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        row = dict(row, _actor=party(row, "actor"), _recipient=party(row, "recipient"))
        if row["_actor"] is None:
            row["_actor"] = Party(None, None, None, "")
        blocks.setdefault((row["type"], row["_actor"].key), []).append(row)
    out: list[Canonical] = []
    for key in sorted(blocks):
        open_: list[Canonical] = []
        for row in sorted(blocks[key], key=_order):
            window = date_window(row)
            home = _best(open_, row, window)
            if home is None:
                home = Canonical(window=window)
                open_.append(home)
                out.append(home)
            else:
                home.window = (max(home.window[0], window[0]), min(home.window[1], window[1]))
            home.mentions.append(row)
            if row.get("story_id") is not None:
                home.stories.add(row["story_id"])
    return out


EVENT_FIELDS = ("event_id", "article_id", "origin", "article_date", "type", "mode", "status",
                "actor_text", "actor_country", "actor_sector", "actor_entity", "recipient_text",
                "recipient_country", "recipient_sector", "recipient_entity", "date",
                "date_precision", "location_name", "location_country", "location_admin1", "lat",
                "lon", "quantities", "said_by_text", "said_by_country", "said_by_entity",
                "cameo_root", "goldstein", "evidence_text", "evidence_start", "evidence_end",
                "confidence")
_RECIPIENT = ("recipient_text", "recipient_country", "recipient_sector", "recipient_entity")
_LOCATION = ("location_name", "location_country", "location_admin1", "lat", "lon")


def canonical_row(c: Canonical, sources: dict[str, str]) -> dict[str, Any]:
    """The canonical_events row: the first report's fields, gaps filled from later reports, the
    most precise explicit date, the largest figure per quantity, and the counts."""
    first = c.first
    row = {k: first.get(k) for k in EVENT_FIELDS}
    if first["_recipient"] is None:
        donor = next((m for m in c.mentions if m["_recipient"] is not None), None)
        if donor is not None:
            row.update({k: donor[k] for k in _RECIPIENT})
    if first.get("location_name") is None:
        donor = next((m for m in c.mentions if m.get("location_name") is not None), None)
        if donor is not None:
            row.update({k: donor[k] for k in _LOCATION})
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    explicit = [m for m in c.mentions if m.get("date") is not None
                and m["date"] != m["article_date"]]
    if explicit:
        best = min(explicit, key=lambda m: (rank.get(m["date_precision"], 4), _order(m)))
        row["date"], row["date_precision"] = best["date"], best["date_precision"]
    quantities: dict[str, float] = {}
    for m in c.mentions:
        for k, v in json.loads(m.get("quantities") or "{}").items():
            quantities[k] = max(v, quantities.get(k, v))
    row["quantities"] = json.dumps(quantities, sort_keys=True)
    row["confidence"] = max(m["confidence"] or 0 for m in c.mentions)
    articles = {m["article_id"] for m in c.mentions}
    reported = [m["article_date"] for m in c.mentions]
    row.update(story_id=first.get("story_id"), num_mentions=len(articles),
               num_articles=len(articles),
               num_sources=len({sources.get(a, a) for a in articles}),
               first_reported=min(reported), last_reported=max(reported))
    return row


def mention_rows(c: Canonical) -> list[dict[str, Any]]:
    """event_mentions rows: one per report; `repeat` marks a second report from one article."""
    seen: set[str] = set()
    out = []
    for m in c.mentions:
        out.append({"event_id": m["event_id"], "canonical_id": c.first["event_id"],
                    "article_id": m["article_id"], "repeat": m["article_id"] in seen})
        seen.add(m["article_id"])
    return out


def sources_of(articles: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Article id -> source key: the outlet, else the input it came from (origin), else itself."""
    return {a["id"]: (f"source:{a['source']}" if a.get("source") else
                      f"origin:{(a.get('origin') or a['id'])}") for a in articles}
