"""Temporal expressions: detection spans and resolution against the article date (GUIDE.md)."""
from __future__ import annotations

from datetime import date

import pytest

from sitroom.nlp import dates
from sitroom.nlp.dates import DateResolution, find_date_expressions, resolve_date

FRI = date(2020, 1, 10)   # a Friday
THU = date(2019, 1, 24)   # a Thursday
MON = date(2019, 2, 11)   # a Monday
SAT = date(2024, 11, 2)   # a Saturday
D = date

# (expression, article date, expected date, precision, tense)
CASES = [
    # today / yesterday / night
    ("today", FRI, D(2020, 1, 10), "day", "present"),
    ("Today", THU, D(2019, 1, 24), "day", "present"),
    ("this morning", FRI, D(2020, 1, 10), "day", "present"),
    ("tonight", FRI, D(2020, 1, 10), "day", "present"),
    ("yesterday", FRI, D(2020, 1, 9), "day", "past"),
    ("Yesterday afternoon", D(2019, 9, 25), D(2019, 9, 24), "day", "past"),
    ("last night", D(2019, 1, 30), D(2019, 1, 29), "day", "past"),
    ("last night's", D(2019, 1, 30), D(2019, 1, 29), "day", "past"),
    ("overnight", D(2019, 1, 1), D(2018, 12, 31), "day", "past"),
    ("the day before yesterday", FRI, D(2020, 1, 8), "day", "past"),
    # weekdays: the most recent such day on or before D (D itself unless the text says "last")
    ("on Monday", THU, D(2019, 1, 21), "day", "past"),
    ("On Tuesday", FRI, D(2020, 1, 7), "day", "past"),
    ("on Friday", FRI, D(2020, 1, 10), "day", "present"),
    ("last Friday", FRI, D(2020, 1, 3), "day", "past"),
    ("this past Friday", FRI, D(2020, 1, 3), "day", "past"),
    ("Thursday", FRI, D(2020, 1, 9), "day", "past"),
    ("late on Wednesday", FRI, D(2020, 1, 8), "day", "past"),
    ("Late on Sunday", D(2019, 10, 8), D(2019, 10, 6), "day", "past"),
    ("late Tuesday", FRI, D(2020, 1, 7), "day", "past"),
    ("on Saturday evening", MON, D(2019, 2, 9), "day", "past"),
    ("This past Friday", MON, D(2019, 2, 8), "day", "past"),
    ("On last Thursday", FRI, D(2020, 1, 2), "day", "past"),
    ("last Tuesday", FRI, D(2020, 1, 7), "day", "past"),
    ("on Wednesday of this week", FRI, D(2020, 1, 8), "day", "past"),
    ("next Monday", FRI, D(2020, 1, 13), "day", "future"),
    ("this Sunday", FRI, D(2020, 1, 12), "day", "future"),
    ("Monday's", D(2024, 11, 1), D(2024, 10, 28), "day", "past"),
    # weeks
    ("last week", THU, D(2019, 1, 17), "week", "past"),
    ("this week", FRI, D(2020, 1, 10), "week", "present"),
    ("next week", FRI, D(2020, 1, 17), "week", "future"),
    ("earlier this week", FRI, D(2020, 1, 7), "week", "past"),
    ("later this week", D(2020, 1, 8), D(2020, 1, 10), "week", "future"),
    # months and years
    ("in March", FRI, D(2019, 3, 1), "month", "past"),
    ("In December", FRI, D(2019, 12, 1), "month", "past"),
    ("in January", FRI, D(2020, 1, 1), "month", "present"),
    ("last March", D(2019, 6, 1), D(2019, 3, 1), "month", "past"),
    ("last month", D(2020, 1, 10), D(2019, 12, 1), "month", "past"),
    ("next month", D(2019, 12, 10), D(2020, 1, 1), "month", "future"),
    ("earlier this month", D(2024, 11, 21), D(2024, 11, 10), "month", "past"),
    ("in late July", D(2019, 9, 25), D(2019, 7, 25), "month", "past"),
    ("mid-October", D(2019, 12, 1), D(2019, 10, 15), "month", "past"),
    ("mid October", D(2019, 12, 1), D(2019, 10, 15), "month", "past"),
    ("in early June", D(2019, 12, 1), D(2019, 6, 5), "month", "past"),
    ("by the end of January", D(2019, 12, 1), D(2019, 1, 25), "month", "past"),
    ("in 2015", FRI, D(2015, 1, 1), "year", "past"),
    ("In 2017", FRI, D(2017, 1, 1), "year", "past"),
    ("since 2015", FRI, D(2015, 1, 1), "year", "past"),
    ("in 2022", D(2019, 1, 28), D(2022, 1, 1), "year", "future"),
    ("last year", FRI, D(2019, 1, 1), "year", "past"),
    ("this year", FRI, D(2020, 1, 1), "year", "present"),
    ("late 2019", FRI, D(2019, 11, 1), "year", "past"),
    ("early 2008", FRI, D(2008, 2, 1), "year", "past"),
    ("March 2019", FRI, D(2019, 3, 1), "month", "past"),
    ("in the summer of 2019", FRI, D(2019, 7, 1), "month", "past"),
    # explicit calendar dates, including a different year than D
    ("on 12 March 2019", FRI, D(2019, 3, 12), "day", "past"),
    ("March 12", FRI, D(2019, 3, 12), "day", "past"),
    ("On November 27", FRI, D(2019, 11, 27), "day", "past"),
    ("the December 20", FRI, None, None, None),
    ("December 20", FRI, D(2019, 12, 20), "day", "past"),
    ("on January 12", FRI, D(2020, 1, 12), "day", "future"),
    ("On September 19, 2018", FRI, D(2018, 9, 19), "day", "past"),
    ("on March 20 last year", FRI, D(2019, 3, 20), "day", "past"),
    ("Jan. 5", FRI, D(2020, 1, 5), "day", "past"),
    ("Sept. 5", FRI, D(2019, 9, 5), "day", "past"),
    ("5th of January", FRI, D(2020, 1, 5), "day", "past"),
    ("the 11th of February", FRI, D(2019, 2, 11), "day", "past"),
    ("Tuesday, November 30", D(2004, 12, 2), D(2004, 11, 30), "day", "past"),
    ("2019-03-12", FRI, D(2019, 3, 12), "day", "past"),
    ("12/03/2019", FRI, D(2019, 3, 12), "day", "past"),
    ("February 30", FRI, None, None, None),
    # relative spans
    ("a few days ago", D(2024, 10, 25), D(2024, 10, 22), "week", "past"),
    ("just a few days ago", D(2024, 10, 25), None, None, None),
    ("two weeks ago", FRI, D(2019, 12, 27), "week", "past"),
    ("3 days ago", FRI, D(2020, 1, 7), "day", "past"),
    ("a year ago", FRI, D(2019, 1, 10), "year", "past"),
    ("in the past 24 hours", FRI, D(2020, 1, 10), "day", "past"),
    ("over the past week", FRI, D(2020, 1, 7), "week", "past"),
    ("recently", D(2024, 11, 1), D(2024, 10, 29), "week", "past"),
    ("in recent weeks", FRI, D(2019, 12, 26), "month", "past"),
    # future
    ("tomorrow", FRI, D(2020, 1, 11), "day", "future"),
    ("imminently", FRI, None, None, "future"),
    ("in the coming days", FRI, None, None, "future"),
    ("in the next few months", FRI, None, None, "future"),
    ("in the near future", FRI, None, None, "future"),
    # weekends, holidays, parts of periods, bare spans
    ("at the weekend", FRI, D(2020, 1, 4), "week", "past"),
    ("over the weekend", MON, D(2019, 2, 9), "week", "past"),
    ("last weekend", MON, D(2019, 2, 9), "week", "past"),
    ("late last week", THU, D(2019, 1, 17), "week", "past"),
    ("early last month", FRI, D(2019, 12, 1), "month", "past"),
    ("a fortnight ago", FRI, D(2019, 12, 27), "week", "past"),
    ("days ago", FRI, D(2020, 1, 7), "week", "past"),
    ("weeks ago", FRI, D(2019, 12, 20), "month", "past"),
    ("the past week", FRI, D(2020, 1, 7), "week", "past"),
    ("in the last 48 hours", FRI, D(2020, 1, 7), "week", "past"),
    ("on Christmas Day", FRI, D(2019, 12, 25), "day", "past"),
    ("New Year's Eve", FRI, D(2019, 12, 31), "day", "past"),
    ("early Thursday morning", FRI, D(2020, 1, 9), "day", "past"),
    ("late Wednesday night", FRI, D(2020, 1, 8), "day", "past"),
    # anaphoric, with no reference time given: from the article date
    ("earlier that day", FRI, D(2020, 1, 10), "day", "present"),
    ("a day earlier", FRI, D(2020, 1, 9), "day", "past"),
    ("the previous week", FRI, D(2020, 1, 3), "week", "past"),
    # decades: too coarse to date
    ("the 1990s", FRI, None, None, "past"),
    ("in the 1950s", FRI, None, None, "past"),
]


@pytest.mark.parametrize(("expression", "today", "expected", "precision", "tense"), CASES,
                         ids=[c[0] for c in CASES])
def test_resolve(expression: str, today: date, expected: date | None, precision: str | None,
                 tense: str | None) -> None:
    got = resolve_date(expression, today)
    if tense is None:
        assert got is None
    else:
        assert got == DateResolution(expected, precision, tense)  # type: ignore[arg-type]


def test_prefer_future_resolves_forwards() -> None:
    """Planned events: "anticipated to begin in January" written in December (gold e2)."""
    assert resolve_date("in January", D(2019, 12, 21), prefer="future") == \
        DateResolution(D(2020, 1, 1), "month", "future")
    assert resolve_date("in January", D(2019, 12, 21)).date == D(2019, 1, 1)
    # the weekday named on its own day is the article day when the sentence is about the future
    assert resolve_date("on Monday", MON, prefer="future") == DateResolution(MON, "day", "present")


def test_anaphoric_expressions_count_from_the_reference_time() -> None:
    """"Earlier that day" after "On January 2, ..." is January 2, not the article date."""
    jan2 = DateResolution(D(2020, 1, 2), "day", "past")
    cases = [("Earlier that day", D(2020, 1, 2), "day"), ("later that night", D(2020, 1, 2), "day"),
             ("the next morning", D(2020, 1, 3), "day"), ("two days later", D(2020, 1, 4), "day"),
             ("the previous day", D(2020, 1, 1), "day"), ("on the same day", D(2020, 1, 2), "day"),
             ("the following week", D(2020, 1, 9), "week"), ("hours later", D(2020, 1, 2), "day")]
    for text, expected, precision in cases:
        got = resolve_date(text, FRI, anchor=jan2)
        assert got is not None and (got.date, got.precision) == (expected, precision), text
    # a week-precise reference keeps its precision; a non-anaphoric expression ignores it
    week = DateResolution(D(2020, 1, 3), "week", "past")
    assert resolve_date("that day", FRI, anchor=week) == DateResolution(D(2020, 1, 3), "week", "past")
    assert resolve_date("yesterday", FRI, anchor=jan2).date == D(2020, 1, 9)
    assert dates.is_anaphoric("Earlier that day") and not dates.is_anaphoric("yesterday")


def test_reference_times_follow_the_narrative() -> None:
    sentences = [(["On Tuesday"], True),            # sets Tuesday
                 ([], False),                        # carries it
                 (["Earlier that day"], True),       # still Tuesday (anaphoric)
                 (["by 2025"], False),               # a future date leaves it alone
                 (["In 2017"], True),                # background resets it
                 ([], False),
                 (["last week"], False)]
    refs = dates.reference_times(sentences, FRI)
    tue = D(2020, 1, 7)
    assert [(b.date if b else None, a.date if a else None) for b, a in refs] == [
        (None, tue), (tue, tue), (tue, tue), (tue, tue), (tue, None), (None, None),
        (None, D(2020, 1, 3))]
    within = dates.reference_times(sentences[:2] + [([], True)], FRI, across_paragraphs=False)
    assert within[2][0] is None


def test_a_reference_week_is_recent_by_its_last_day() -> None:
    """"A week earlier" than January 2 (from December 26, to January 1) may be within 14 days
    of January 10: it carries, as latest_day judges an event's date; "three weeks ago" (to
    December 25) is background even at its last day and resets the reference time."""
    week = dates.reference_times([(["On January 2"], True), (["A week earlier"], False),
                                  ([], False)], FRI)
    assert [(a.date, a.precision) if a else None for _, a in week] == [
        (D(2020, 1, 2), "day"), (D(2019, 12, 26), "week"), (D(2019, 12, 26), "week")]
    old = dates.reference_times([(["On January 2"], True), (["three weeks ago"], False),
                                 ([], False)], FRI)
    assert [a for _, a in old][1:] == [None, None]
    assert dates.latest_day(D(2019, 12, 26), "week") == D(2020, 1, 1)
    assert dates.latest_day(D(2019, 12, 1), "month") == D(2019, 12, 31)
    assert dates.latest_day(D(2019, 1, 1), "year") == D(2019, 12, 31)


def spans(text: str) -> list[str]:
    return [text[a:b] for a, b in find_date_expressions(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("On Saturday, Thailand's party withdrew.", ["On Saturday"]),
    ("A car bomb was on Monday rammed into a base.", ["on Monday"]),
    ("On last Thursday, the delegations had met on March 20 last year.",
     ["On last Thursday", "on March 20 last year"]),
    ("In 2017, a memorandum was signed in late July and mid-October.",
     ["In 2017", "in late July", "mid-October"]),
    ("Twin bombings yesterday struck the Jolo Cathedral.", ["yesterday"]),
    ("Late on Sunday, Trump announced the withdrawal.", ["Late on Sunday"]),
    ("they are expected to join combat imminently, in the coming days", ["imminently",
                                                                          "in the coming days"]),
    ("just a few days ago, the head of China expressed his gratitude", ["a few days ago"]),
    ("Sixty-six people or more were injured yesterday", ["yesterday"]),
    ("Last week a Kabul car bombing killed five and wounded 110.", ["Last week"]),
    ("the 5th of January, Jan. 5, and 12 March 2019", ["5th of January", "Jan. 5",
                                                       "12 March 2019"]),
    ("In the past 24 hours, earlier this month and this week", ["In the past 24 hours",
                                                                "earlier this month", "this week"]),
    ("during the 1990s and late 2019", ["during the 1990s", "late 2019"]),
    ("Earlier that day, the firm signed a deal; two days later it was cancelled.",
     ["Earlier that day", "two days later"]),
    ("The envoy had arrived the day before.", ["the day before"]),
    ("Clashes broke out over the weekend and on Christmas Day.", ["over the weekend",
                                                                  "on Christmas Day"]),
])
def test_find(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "The minister may resign.",                        # "may" the verb
    "March organisers said 2,015 people came.",         # "March" at sentence start, a number
    "Protests are held on Mondays.",                    # habitual plural
    "He was born in a holiday camp with 2015 others.",  # bare four-digit number
    "A day of rage and a week of talks.",               # durations, not dates
    "They met the day before the vote.",                # "the day before" + an event: not alone
    "",
])
def test_find_nothing(text: str) -> None:
    assert spans(text) == []


def test_every_found_expression_resolves() -> None:
    text = ("On Tuesday, November 30, officials said that since 2015, and in the last week, "
            "two weeks ago, this past weekend, by early 2008 and in the middle of December "
            "things changed; talks resume next week or within the next few weeks.")
    found = spans(text)
    assert len(found) == 9
    assert all(resolve_date(s, FRI) is not None for s in found)


def test_dateparser_only_with_english(monkeypatch: pytest.MonkeyPatch) -> None:
    import dateparser

    calls = []
    real = dateparser.parse

    def spy(text: str, *args: object, **kwargs: object) -> object:
        calls.append(kwargs.get("languages"))
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dateparser, "parse", spy)
    dates._resolve.cache_clear()
    assert resolve_date("3/12/2018", FRI).date == D(2018, 12, 3)
    assert resolve_date("yesterday", FRI).date == D(2020, 1, 9)   # no dateparser call
    assert calls == [["en"]]


# Speed is a printed bench figure, not a timed test (a wall-clock assertion can flake on a
# loaded machine): `bench/date_speed.py` prints find_date_expressions' microseconds a sentence
# against spaCy's tokenizer on the same sentences (about 40 us, 0.8x the tokenizer).
