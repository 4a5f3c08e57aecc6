"""Temporal expressions: find them in a sentence and resolve them against the article date.

Pure functions, regex-based, cheap enough to run on every sentence. Conventions (D = article
date; see docs/claims.md and ../shared/gold/dev/GUIDE.md):

- "today"/"tonight"/"this morning" -> D (day); "yesterday"/"last night"/"overnight" -> D-1 (day).
- a weekday -> the most recent such day on or before D (D itself when the article is dated on
  that weekday, unless the text says "last"; GUIDE.md); with ``prefer="future"``
  the next such day on or after D. "last <weekday>" skips D-1 (that would be "yesterday"),
  "this <weekday>" is that day of D's Monday-to-Sunday week, "next <weekday>" is after D.
- "last week" -> D-7 (week); "this week" -> D (week); "next week" -> D+7 (week, future).
- a month or a year -> its first day (month / year); a month without a year -> the most recent
  such month (D's own month counts); with ``prefer="future"`` the next one (D's month counts).
  A day of a month without a year -> the most recent such day, unless it falls within the
  next 7 days (a schedule: "on March 20" written on March 18).
- early / mid / late <month> -> the 5th / 15th / 25th (month); early / mid / late <year> ->
  1 Feb / 1 Jul / 1 Nov (year); a season -> the first day of its middle month (month).
- "earlier this week/month/year" -> halfway between the start of the period and D-1
  (week / month / year precision); "later this ..." -> halfway between D+1 and the period's end.
- "N days ago" -> D-N (day); "N weeks ago" -> D-7N (week); "a few days ago" -> D-3 (week);
  "several days ago" -> D-4 (week); "a few weeks ago" -> D-21 (month); "N months ago" -> D-30N
  (month); "N years ago" -> D-365N (year).
- "in the past 24 hours" -> D (day); "in the past few days / week" -> D-3 (week); "in the past
  month / few weeks" / "in recent weeks" -> D-15 (month); longer spans -> date None (ongoing).
- "recently" / "in recent days" -> D-3 (week).
- "tomorrow" -> D+1 (day, future); "imminently", "in the coming days", "soon" and the like
  -> future with no date.
- decades ("the 1990s") -> no date (too coarse for the precision scale), tense from D.
- "(at/over) the weekend", "last weekend" -> the Saturday before D (week); "late last week" ->
  as "last week"; "Christmas Day", "New Year's Eve" -> that day (most recent, as a month day).
- anaphoric expressions count from the narrative's reference time R (``anchor``; else D):
  "that day", "earlier/later that day", "the same day" -> R; "the next/following day/morning",
  "a day later" -> R+1; "the previous day", "the day before" -> R-1; "N days later/earlier" ->
  R+-N; "the following/previous week" -> R+-7 (week). The precision is never finer than R's.
  `reference_times` follows R through an article.

Explicit calendar dates are parsed by the normaliser here; dateparser (always with
``languages=['en']``) is only a fallback for calendar-looking strings the normaliser misses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable, Literal, Sequence

from .date_expressions import (DATE_RE, MONTHS, PART_OF_DAY, SEASONS, SMALL, VAGUE_COUNTS,
                               WEEKDAYS, _NUMW, find_date_expressions)

Precision = Literal["day", "week", "month", "year"]
Tense = Literal["past", "present", "future"]


@dataclass(frozen=True)
class DateResolution:
    """What a temporal expression means relative to the article date."""

    date: date | None
    precision: Precision | None
    tense: Tense


def _tense(d: date, today: date, precision: str) -> Tense:
    if precision == "year":
        key, ref = d.year, today.year
    elif precision == "month":
        key, ref = (d.year, d.month), (today.year, today.month)
    else:
        key, ref = d, today  # type: ignore[assignment]
    if key < ref:  # type: ignore[operator]
        return "past"
    return "present" if key == ref else "future"


def _res(d: date, precision: Precision, today: date, tense: Tense | None = None) -> DateResolution:
    return DateResolution(d, precision, tense or _tense(d, today, precision))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_year(month: int, today: date, prefer: str) -> int:
    """The year of a month named without one: the most recent (or next) such month."""
    if prefer == "future":
        return today.year if month >= today.month else today.year + 1
    return today.year if month <= today.month else today.year - 1


def _day_year(month: int, day: int, today: date, prefer: str) -> int:
    this = _safe_date(today.year, month, day) or date(today.year, month, 28)
    if prefer == "future":
        return today.year if this >= today else today.year + 1
    if this <= today or (this - today).days <= 7:
        return today.year
    return today.year - 1


def _num(word: str) -> int:
    word = re.sub(r"\s+", " ", word)
    return int(word) if word.isdigit() else SMALL.get(word, 1)


def _weekday(name: str, mod: str, today: date, prefer: str) -> DateResolution:
    wd = WEEKDAYS[name]
    if mod == "next":
        delta = (wd - today.weekday()) % 7 or 7
        return _res(today + timedelta(days=delta), "day", today, "future")
    if mod == "this":
        d = today - timedelta(days=today.weekday()) + timedelta(days=wd)
        return _res(d, "day", today)
    if prefer == "future" and mod not in ("last", "this past", "past"):
        delta = (wd - today.weekday()) % 7
        return _res(today + timedelta(days=delta), "day", today)
    back = (today.weekday() - wd) % 7
    if back == 0 and mod in ("last", "this past", "past"):
        back = 7  # "last Friday" written on a Friday: a week ago
    if mod == "last" and back == 1:
        back = 8
    return _res(today - timedelta(days=back), "day", today, None if back == 0 else "past")


_PREFIX = re.compile(r"^(?:on|in|during|since|from|until|till|by|through|throughout|as of|at|"
                     r"the(?= \d))\s+")
_Handler = Callable[[re.Match[str], date, str], "DateResolution | None"]
_RULES: list[tuple[re.Pattern[str], _Handler]] = []


def _rule(pattern: str) -> Callable[[_Handler], _Handler]:
    def register(fn: _Handler) -> _Handler:
        _RULES.append((re.compile(f"(?:{pattern})$"), fn))
        return fn
    return register


_M = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?P<year>1[6-9]\d\d|20\d\d)"
_RY = r"(?P<rel>last|this|next) year"
_W = "(?P<wd>" + "|".join(WEEKDAYS) + ")"


def _year_of(m: re.Match[str], today: date) -> int | None:
    if m.groupdict().get("year"):
        return int(m["year"])
    rel = m.groupdict().get("rel")
    if rel:
        return today.year + {"last": -1, "this": 0, "next": 1}[rel]
    return None


@_rule(rf"{_Y}-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)")
def _iso(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    d = _safe_date(int(m["year"]), int(m["mm"]), int(m["dd"]))
    return _res(d, "day", today) if d else None


@_rule(rf"(?:{_W},? (?:the )?)?{_M} {_D}(?:,? {_Y}| {_RY})?")
@_rule(rf"(?:{_W},? (?:the )?)?{_D}(?: of)? {_M}(?:,? {_Y}| {_RY})?")
def _day_month(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    month, day = MONTHS[m["month"]], int(m["day"])
    year = _year_of(m, today) or _day_year(month, day, today, prefer)
    d = _safe_date(year, month, day)
    return _res(d, "day", today) if d else None


@_rule(rf"(?:(?P<mod>last|this|next|this past) )?{_M}(?:,? {_Y}| {_RY})?")
def _month(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    month = MONTHS[m["month"]]
    year = _year_of(m, today)
    if year is None:
        mod = m["mod"]
        if mod in ("last", "this past"):
            year = today.year if month < today.month else today.year - 1
        elif mod == "next":
            year = today.year if month > today.month else today.year + 1
        elif mod == "this":
            year = today.year
        else:
            year = _month_year(month, today, prefer)
    return _res(date(year, month, 1), "month", today)


_PARTS = {"early": "early", "beginning of": "early", "start of": "early", "mid": "mid",
          "middle of": "mid", "late": "late", "end of": "late"}
_PART_RE = r"(?:the )?(?P<part>early|mid|late|end of|beginning of|start of|middle of)[ -]"


@_rule(rf"{_PART_RE}{_M}(?:,? {_Y}| {_RY})?")
def _part_month(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    month = MONTHS[m["month"]]
    year = _year_of(m, today) or _month_year(month, today, prefer)
    day = {"early": 5, "mid": 15, "late": 25}[_PARTS[m["part"]]]
    return _res(date(year, month, day), "month", today)


@_rule(rf"{_PART_RE}{_Y}")
def _part_year(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    month = {"early": 2, "mid": 7, "late": 11}[_PARTS[m["part"]]]
    return _res(date(int(m["year"]), month, 1), "year", today)


@_rule(rf"(?:the year )?{_Y}")
def _year(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    return _res(date(int(m["year"]), 1, 1), "year", today)


@_rule(r"(?:(?:the )?(?:early|mid|late|end of|beginning of|start of|middle of)[ -])?"
       r"(?:the )?(?P<decade>(?:1[89]|20)\d)0s")
def _decade(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    start = int(m["decade"]) * 10
    tense: Tense = "past" if start + 9 < today.year else (
        "future" if start > today.year else "present")
    return DateResolution(None, None, tense)


@_rule(r"(?:the )?(?P<season>spring|summer|autumn|fall|winter)(?: of)? " + _Y)
def _season_year(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    return _res(date(int(m["year"]), SEASONS[m["season"]], 1), "month", today)


@_rule(rf"(?:(?P<mod>late|early|later|earlier)(?: on)?|(?P<rel>last|this past|this|next|past) )?"
       rf" ?{_W}(?: (?:morning|afternoon|evening|night))?(?: of (?P<wk>this|last|next) week)?")
def _weekday_rule(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    rel = m["rel"] or ""
    if m["wk"] == "this":
        rel = "this"
    elif m["wk"] == "last":
        monday = today - timedelta(days=today.weekday() + 7)
        return _res(monday + timedelta(days=WEEKDAYS[m["wd"]]), "day", today, "past")
    elif m["wk"] == "next":
        monday = today - timedelta(days=today.weekday() - 7)
        return _res(monday + timedelta(days=WEEKDAYS[m["wd"]]), "day", today, "future")
    return _weekday(m["wd"], rel, today, prefer)


def _fixed(days: int, precision: Precision, tense: Tense | None = None) -> _Handler:
    return lambda m, today, prefer: _res(today + timedelta(days=days), precision, today, tense)


for _pattern, _handler in [
    (r"the day before yesterday", _fixed(-2, "day", "past")),
    (r"the day after tomorrow", _fixed(2, "day", "future")),
    (r"yesterday(?: (?:morning|afternoon|evening|night))?|last night|overnight",
     _fixed(-1, "day", "past")),
    (r"tomorrow(?: (?:morning|afternoon|evening|night))?", _fixed(1, "day", "future")),
    (r"today|tonight|this (?:morning|afternoon|evening)", _fixed(0, "day", "present")),
    (r"earlier today", _fixed(0, "day", "past")),
    (r"later today", _fixed(0, "day", "future")),
    (r"last week|this past week", _fixed(-7, "week", "past")),
    (r"this week|this weekend", _fixed(0, "week", "present")),
    (r"next week|next weekend", _fixed(7, "week", "future")),
    (r"recently|(?:in )?recent days", _fixed(-3, "week", "past")),
    (r"(?:in )?recent weeks", _fixed(-15, "month", "past")),
]:
    _RULES.append((re.compile(f"(?:{_pattern})$"), _handler))


@_rule(r"(?:early|late) (?P<rest>(?:last|this|next) (?:week|month|year))")
def _part_of_period(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    return _resolve(m["rest"], today, prefer, None)


@_rule(r"(?:over )?the weekend|last weekend|this past weekend")
def _weekend(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    """The weekend just past (its Saturday; the coming one for planned events)."""
    if prefer == "future" and not m.group(0).startswith(("last", "this past")):
        return _res(today + timedelta(days=(5 - today.weekday()) % 7), "week", today, "future")
    back = (today.weekday() - 5) % 7 or 7
    return _res(today - timedelta(days=back), "week", today, "past")


_HOLIDAYS = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
             "christmas eve": (12, 24)}


@_rule(r"(?P<name>new year's (?:day|eve)|christmas (?:day|eve))")
def _holiday(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    month, day = _HOLIDAYS[m["name"]]
    return _res(date(_day_year(month, day, today, prefer), month, day), "day", today)


@_rule(r"(?P<rel>last|this|next) (?P<unit>month|year)")
def _rel_period(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    step = {"last": -1, "this": 0, "next": 1}[m["rel"]]
    if m["unit"] == "year":
        return _res(date(today.year + step, 1, 1), "year", today)
    index = today.year * 12 + today.month - 1 + step
    return _res(date(index // 12, index % 12 + 1, 1), "month", today)


@_rule(r"(?P<rel>last|this past|this|next) (?P<season>spring|summer|autumn|fall|winter)")
def _rel_season(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    month = SEASONS[m["season"]]
    this = date(today.year, month, 1)
    if m["rel"] in ("last", "this past"):
        year = today.year if this < today - timedelta(days=45) else today.year - 1
    elif m["rel"] == "next":
        year = today.year if this > today + timedelta(days=45) else today.year + 1
    else:
        year = today.year
    return _res(date(year, month, 1), "month", today)


def _period(unit: str, today: date) -> tuple[date, date, Precision]:
    if unit == "week":
        start = today - timedelta(days=today.weekday())
        return start, start + timedelta(days=6), "week"
    if unit == "month":
        start = today.replace(day=1)
        nxt = date(today.year + today.month // 12, today.month % 12 + 1, 1)
        return start, nxt - timedelta(days=1), "month"
    return date(today.year, 1, 1), date(today.year, 12, 31), "year"


@_rule(r"(?P<when>earlier|later) (?:this|in the) (?P<unit>week|month|year)")
def _earlier_later(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    start, end, precision = _period(m["unit"], today)
    if m["when"] == "earlier":
        last = max(start, today - timedelta(days=1))
        return _res(start + (last - start) / 2, precision, today, "past")
    first = min(end, today + timedelta(days=1))
    return _res(first + (end - first) / 2, precision, today, "future")


@_rule(rf"(?:(?P<n>{_NUMW.replace(chr(92) + 's+', ' ')}) )?"
       r"(?P<unit>hour|day|week|fortnight|month|year|decade)s? ago")
def _ago(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    word = m["n"] or "a few"   # "days ago", "weeks ago": a few
    n, vague = _num(word), word in VAGUE_COUNTS
    unit = m["unit"]
    if unit == "fortnight":
        unit, n = "week", 2 * n
    if unit == "hour":
        return _res(today, "day", today, "past")
    if unit == "day":
        return _res(today - timedelta(days=n), "week" if vague or n > 7 else "day", today, "past")
    if unit == "week":
        if vague:
            return _res(today - timedelta(days=7 * n), "month", today, "past")
        return _res(today - timedelta(days=7 * n), "week", today, "past")
    if unit == "month":
        return _res(today - timedelta(days=30 * n), "month", today, "past")
    if unit == "year":
        return _res(today - timedelta(days=365 * n), "year", today, "past")
    return DateResolution(None, None, "past")


@_rule(rf"(?:(?:in|over|during|within) )?the (?:past|last) (?:(?P<n>{_NUMW.replace(chr(92) + 's+', ' ')}) )?"
       r"(?P<unit>hour|day|week|fortnight|month|year|decade)s?")
def _in_the_past(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    n = _num(m["n"]) if m["n"] else 1
    days = {"hour": n / 24, "day": n, "week": 7 * n, "fortnight": 14 * n, "month": 30 * n,
            "year": 365 * n, "decade": 3650 * n}[m["unit"]]
    if days <= 1:
        return _res(today, "day", today, "past")
    if days <= 7:
        return _res(today - timedelta(days=3), "week", today, "past")
    if days <= 31:
        return _res(today - timedelta(days=15), "month", today, "past")
    return DateResolution(None, None, "past")


@_rule(r"(?:(?:(?:in|over|within|during) )?the (?:coming|next|following)(?: \S+)*"
       r" (?:hours|days|weeks|months|years|decades?|hour|day|week|month|year)|(?:in )?the near "
       r"future|imminently|soon|shortly|(?:in )?recent (?P<recent>months|years))")
def _vague(m: re.Match[str], today: date, prefer: str) -> DateResolution | None:
    return DateResolution(None, None, "past" if m["recent"] else "future")


def _normalise(expression: str) -> str:
    text = re.sub(r"\s+", " ", expression.strip().lower().replace("’", "'"))
    text = re.sub(r"'s$", "", text).rstrip(".,;:")
    text = re.sub(r"\bmid- ?", "mid-", text)
    previous = None
    while previous != text:
        previous, text = text, _PREFIX.sub("", text)
    return text


_PARTS_OF_DAY = "(?:day|morning|afternoon|evening|night)"
_N = _NUMW.replace(chr(92) + "s+", " ")
_ANAPHORA: list[tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[int, Precision]]]] = [
    (re.compile(rf"(?:(?:earlier|later) )?(?:that|the same) {_PARTS_OF_DAY}$"
                r"|(?:earlier|later) in the day$"), lambda m: (0, "day")),
    (re.compile(r"(?:earlier|later) (?:that|the same) week$"), lambda m: (0, "week")),
    (re.compile(rf"the (?:next|following) {_PARTS_OF_DAY}$|the day after$"),
     lambda m: (1, "day")),
    (re.compile(rf"the (?:previous|preceding) {_PARTS_OF_DAY}$|the (?:day|night) before$"),
     lambda m: (-1, "day")),
    (re.compile(r"the (?:next|following) week$"), lambda m: (7, "week")),
    (re.compile(r"the (?:previous|preceding) week$|the week before$"), lambda m: (-7, "week")),
    (re.compile(rf"(?:(?P<n>{_N}) )?(?P<unit>hour|day|week)s? (?P<dir>later|earlier)$"),
     lambda m: ((0 if m["unit"] == "hour" else _num(m["n"] or "a few") * (
         7 if m["unit"] == "week" else 1)) * (1 if m["dir"] == "later" else -1),
                "day" if m["unit"] == "hour" or (m["unit"] == "day" and (m["n"] or "a few")
                                                  not in VAGUE_COUNTS) else "week")),
]
_COARSER = {"day": 0, "week": 1, "month": 2, "year": 3}


def _anaphoric(text: str, article_date: date,
               anchor: DateResolution | None) -> DateResolution | None:
    """"that day", "the next morning", "two days later": relative to the narrative's reference
    time (`anchor`: the last date the text set), else to the article date."""
    for pattern, offset in _ANAPHORA:
        m = pattern.match(text)
        if m:
            days, precision = offset(m)
            base, base_precision = article_date, "day"
            if anchor is not None and anchor.date is not None and anchor.precision is not None:
                base, base_precision = anchor.date, anchor.precision
            if _COARSER[base_precision] > _COARSER[precision]:
                precision = base_precision  # type: ignore[assignment]
            return _res(base + timedelta(days=days), precision, article_date)
    return None


def is_anaphoric(expression: str) -> bool:
    """True for expressions that are relative to the narrative ("that day", "a day later")."""
    text = _normalise(expression)
    return any(pattern.match(text) for pattern, _ in _ANAPHORA)


@lru_cache(maxsize=4096)
def _resolve(text: str, article_date: date, prefer: str,
             anchor: DateResolution | None = None) -> DateResolution | None:
    found = _anaphoric(text, article_date, anchor)
    if found is not None:
        return found
    for pattern, handler in _RULES:
        m = pattern.match(text)
        if m:
            result = handler(m, article_date, prefer)
            if result is not None:
                return result
    return _dateparser_fallback(text, article_date, prefer)


_CALENDARISH = re.compile(r"^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$|^\d{1,2}(?:st|nd|rd|th)? \w+,? \d{4}$")


def _dateparser_fallback(text: str, article_date: date, prefer: str) -> DateResolution | None:
    """Explicit calendar strings the normaliser does not know (e.g. "12/03/2019")."""
    if not _CALENDARISH.match(text):
        return None
    import dateparser  # lazy: ~0.1 s import, rarely needed

    parsed = dateparser.parse(text, languages=["en"], settings={
        "RELATIVE_BASE": datetime(article_date.year, article_date.month, article_date.day),
        "PREFER_DATES_FROM": "future" if prefer == "future" else "past",
        "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY", "STRICT_PARSING": True,
    })
    if parsed is None:
        return None
    return _res(parsed.date(), "day", article_date)


def resolve_date(expression: str, article_date: date,
                 prefer: Literal["past", "future"] = "past",
                 anchor: DateResolution | None = None) -> DateResolution | None:
    """Resolve a temporal expression against the article date D, or None if not understood.

    `prefer="future"` (for sentences about planned or expected events) resolves weekdays and
    months named without a year forwards instead of backwards. `anchor` is the narrative's
    reference time (the last date the text set): anaphoric expressions ("earlier that day",
    "the next morning", "two days later") count from it, else from D.
    """
    text = _normalise(expression)
    if not text:
        return None
    return _resolve(text, article_date, prefer, anchor if is_anaphoric(expression) else None)


def latest_day(when: date, precision: str | None) -> date:
    """The last day a date of this precision can mean: "last month" (December) may be the 31st,
    so an event told of it on January 1 is not known to be background (older than 14 days,
    extract.BACKGROUND_DAYS). The event's own date and the narrative's reference time are
    judged by this day; a date describing a participant and a toll's sentence by the first
    (extract.event_date, extract._background_sentence)."""
    if precision == "week":
        return when + timedelta(days=6)
    if precision == "month":
        return (when.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if precision == "year":
        return when.replace(month=12, day=31)
    return when


def reference_times(sentences: Sequence[tuple[Sequence[str], bool]], article_date: date,
                    background_days: int = 14, across_paragraphs: bool = True
                    ) -> list[tuple[DateResolution | None, DateResolution | None]]:
    """The narrative's reference time before and after each sentence.

    `sentences` are (the sentence's temporal expressions that date its clauses, in order;
    whether it starts a paragraph), in reading order (the caller leaves out expressions that
    only describe a noun: "his January 2 remarks"). The first expression of a sentence that
    resolves moves the reference time: a past or present day or week whose last day
    (`latest_day`) is within `background_days` of D becomes it ("On Tuesday, ...";
    "Earlier that day, ..." counts from the previous reference); an older date, a month or a
    year resets it to None (background); future and undated expressions leave it alone.
    Unless `across_paragraphs`, a new paragraph starts with no reference time.
    """
    out: list[tuple[DateResolution | None, DateResolution | None]] = []
    ref: DateResolution | None = None
    for expressions, new_paragraph in sentences:
        if new_paragraph and not across_paragraphs:
            ref = None
        before = ref
        for expression in expressions:
            got = resolve_date(expression, article_date, anchor=ref)
            if got is None or got.date is None or got.date > article_date:
                continue
            recent = (article_date - latest_day(got.date, got.precision)).days <= background_days
            ref = got if recent and got.precision in ("day", "week") else None
            break
        out.append((before, ref))
    return out
