"""Temporal expressions in text: the patterns that find them ("last Tuesday", "in March 2021")."""
from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
SEASONS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "fifteen": 15, "twenty": 20, "thirty": 30, "a couple of": 2, "couple of": 2,
         "a few": 3, "few": 3, "several": 4, "some": 3}
VAGUE_COUNTS = frozenset({"a few", "few", "several", "some", "a couple of", "couple of"})
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"

# Month names are matched case-sensitively (capitalised) so that "may" the verb and "a march"
# are not dates; everything else is case-insensitive through scoped (?i:...) groups.
_MONTH_FULL = (r"(?:January|February|March|April|May|June|July|August|September|October|"
               r"November|December)")
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
_MONTH_DOT = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR}\.)"          # safe on its own
_MONTH_ANY = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR}\.?)"        # only next to a day number
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d,.]\d)"
_WEEKDAY = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])"
_NUMW = (r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
         r"fifteen|twenty|thirty|a\s+few|a\s+couple\s+of|few|several|some)")
_UNIT = r"(?:hours?|days?|weeks?|fortnights?|months?|years?|decades?)"
_REL_YEAR = r"(?:\s+(?i:last|this|next)\s+year)"

_EXPLICIT = (
    rf"(?:{_YEAR}-[01]\d-[0-3]\d)"
    rf"|(?:{_DAY}(?:\s+(?i:of))?\s+{_MONTH_ANY}(?:,?\s+{_YEAR}|{_REL_YEAR})?)"
    rf"|(?:{_MONTH_ANY}\s+{_DAY}(?:,?\s+{_YEAR}|{_REL_YEAR})?)"
    rf"|(?:{_MONTH_DOT},?\s+{_YEAR})"
)
_PART = r"(?i:early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|" \
        r"the\s+start\s+of|start\s+of|the\s+middle\s+of|middle\s+of)"
_MODIFIED = (
    rf"(?:{_PART}[\s-]+(?:{_MONTH_DOT}(?:,?\s+{_YEAR}|{_REL_YEAR})?|{_YEAR}|(?i:the\s+)?"
    rf"(?:1[89]|20)\d0s))"
    rf"|(?:(?i:last|this|next|this\s+past)\s+{_MONTH_DOT})"
    rf"|(?:(?i:(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of)?)\s+{_YEAR})"
    rf"|(?:(?i:the\s+)?(?:1[89]|20)\d0s)"
)
_WEEKDAY_EXPR = (
    rf"(?:{_WEEKDAY},?\s+(?:(?i:the\s+))?(?:{_EXPLICIT}))"
    rf"|(?:(?:(?i:(?:late|early|later|earlier)(?:\s+on)?|last|this\s+past|this|next|past)\s+)?"
    rf"{_WEEKDAY}(?:\s+(?i:{PART_OF_DAY}))?(?:\s+(?i:of\s+(?:this|last|next)\s+week))?)"
)
_RELATIVE = r"(?i:" + "|".join([
    r"the\s+day\s+before\s+yesterday", r"the\s+day\s+after\s+tomorrow",
    rf"(?:yesterday|tomorrow)(?:\s+{PART_OF_DAY})?",
    r"(?:earlier|later)\s+today", r"today", r"tonight", r"overnight", r"last\s+night",
    rf"this\s+(?:morning|afternoon|evening)",
    r"(?:earlier|later)\s+(?:this|in\s+the)\s+(?:week|month|year)",
    r"(?:early|late)\s+(?:last|this|next)\s+(?:week|month|year)",
    r"(?:this\s+past|last|this|next)\s+(?:week(?:end)?|month|year|spring|summer|autumn|fall|"
    r"winter)",
    r"(?:at|over|on|during)\s+the\s+weekend",
    rf"(?:{_NUMW}\s+)?{_UNIT}\s+ago",
    rf"(?:(?:in|over|during|within)\s+)?the\s+(?:past|last)\s+(?:{_NUMW}\s+)?{_UNIT}(?!\s+of)",
    # anaphoric: relative to the narrative's reference time, not to the article date
    rf"(?:earlier|later)\s+(?:that|the\s+same)\s+(?:day|{PART_OF_DAY}|week)",
    r"(?:earlier|later)\s+in\s+the\s+day",
    rf"(?:that|the\s+same)\s+(?:day|{PART_OF_DAY})",
    rf"the\s+(?:next|following|previous|preceding)\s+(?:day|{PART_OF_DAY}|week)",
    r"the\s+(?:day|night|week)\s+(?:before|after)(?=\s*[,.;:)]|\s*$)",
    rf"(?:{_NUMW}\s+)?(?:hours?|days?|weeks?)\s+(?:later|earlier)",
    r"(?:new\s+year's|christmas)\s+(?:day|eve)",
    r"in\s+recent\s+(?:days|weeks|months|years)",
    rf"(?:in|over|within|during)\s+the\s+(?:coming|next|following)\s+(?:{_NUMW}\s+)?{_UNIT}",
    r"in\s+the\s+near\s+future", r"recently", r"imminently",
]) + r")(?![a-z])"
_NEEDS_PREP = (
    rf"(?:{_MONTH_DOT}(?:,?\s+{_YEAR}|{_REL_YEAR})?(?![\w-]))"
    rf"|(?:(?i:the\s+year\s+)?{_YEAR}(?![\w-]))"
)
_PREP = r"(?i:on|in|during|since|from|until|till|by|through|throughout|as\s+of|at)\s+"

DATE_RE = re.compile(
    rf"(?<![\w-])(?:(?:{_PREP})?(?:{_WEEKDAY_EXPR}|{_EXPLICIT}|{_MODIFIED}|{_RELATIVE})"
    rf"|{_PREP}(?:{_NEEDS_PREP}))"
)
# Every expression above contains one of these anchors. The full pattern is only tried, anchored
# with .match(), at the start of the anchor's word and of the few words before it: an order of
# magnitude cheaper than letting the pattern scan every position of the sentence.
_ANCHORS = ("day", "night", "christmas", "new year", "fortnight", "tomorrow", "overnight", "week", "month", "year", "decade", "hour",
            "ago", "recent", "immin", "soon", "shortly", "future", "morning", "afternoon",
            "evening", "spring", "summer", "autumn", "fall", "winter", "jan", "feb", "mar", "apr",
            "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_CENTURIES = ("16", "17", "18", "19", "20")


def _anchors(text: str) -> list[int]:
    """Positions of anchor keywords and of four-digit years (str.find: far faster than re)."""
    lowered = text.lower()
    found = []
    for word in _ANCHORS:
        i = lowered.find(word)
        while i != -1:
            found.append(i)
            i = lowered.find(word, i + 1)
    for prefix in _CENTURIES:
        i = text.find(prefix)
        while i != -1:
            if text[i + 2:i + 4].isdigit() and (i == 0 or not text[i - 1].isdigit()):
                found.append(i)
            i = text.find(prefix, i + 1)
    found.sort()
    return found


_BEFORE_WORDS, _BEFORE_CHARS = 5, 48  # longest prefix before an anchor ("at the beginning of")


def _word_starts(text: str, pos: int, floor: int) -> list[int]:
    """Start of the word holding `pos` and of up to _BEFORE_WORDS words before it, leftmost first."""
    starts = []
    i = pos
    for _ in range(_BEFORE_WORDS + 1):
        while i > floor and not text[i - 1].isspace():
            i -= 1
        j = i
        while j < pos and not text[j].isalnum():
            j += 1
        starts.append(j)
        while i > floor and text[i - 1].isspace():
            i -= 1
        if i <= floor:
            break
    return starts[::-1]


def find_date_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans of the temporal expressions in `text` (leftmost-longest, no overlaps)."""
    spans: list[tuple[int, int]] = []
    last_end = 0
    for a_start in _anchors(text):
        if a_start < last_end:
            continue
        for start in _word_starts(text, a_start, max(last_end, a_start - _BEFORE_CHARS)):
            m = DATE_RE.match(text, start)
            if m is not None and m.end() > a_start:
                spans.append(m.span())
                last_end = m.end()
                break
    return spans
