"""Numbers written in words or digits, with their qualifiers ("at least 20", "dozens")."""
from __future__ import annotations

import re
from functools import lru_cache

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_SUFFIX = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "b": 1_000_000_000,
           "bn": 1_000_000_000, "tn": 1_000_000_000_000}
# Vague plurals: conventional values, always qualified "approximately".
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
         "billions": 2_000_000_000, "tens of thousands": 20_000, "hundreds of thousands": 200_000,
         "tens of millions": 20_000_000, "hundreds of millions": 200_000_000}
_FEW = {"a few": 3, "few": 3, "several": 3, "a couple of": 2, "a couple": 2, "a handful of": 5}

_WORD = ("(?:" + "|".join(sorted([*_UNITS, *_TENS, *_SCALES, "dozen"], key=len, reverse=True))
         + ")")
_WORDNUM = (rf"(?:(?:a|an|half\s+a|one\s+and\s+a\s+half)[\s-]+)?{_WORD}"
            rf"(?:(?:[\s-]+|\s+and\s+|-and-a-half|\s+and\s+a\s+half){_WORD}|-and-a-half"
            rf"|\s+and\s+a\s+half)*(?![\w-])")
_DIGITS = (r"[$€£¥]?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
           r"(?:(?:\s+|-)(?:hundred|thousand|million|billion|trillion)(?![\w-])|"
           r"(?:mn|mln|bn|tn|k|m|b)(?![\w-]))?(?![A-Za-z\d])")
_VAGUE = (r"(?:(?:a\s+few|several|a\s+couple\s+of|a\s+handful\s+of)\s+(?:hundred|thousand|"
          r"million|billion|dozen)(?![\w-])|(?:tens|hundreds)\s+of\s+(?:thousands|millions)"
          r"|dozens|scores|hundreds|thousands|millions|billions)(?![\w-])")
_ONE = rf"(?:{_DIGITS}|{_VAGUE}|{_WORDNUM})"
_RANGE = (rf"(?:between\s+{_ONE}\s+and\s+{_ONE}|{_DIGITS}\s*(?:-|–|—)\s*{_DIGITS}"
          rf"|{_ONE}\s+to\s+{_ONE}|{_DIGITS}-to-{_DIGITS})")
NUMBER_RE = re.compile(rf"(?<![\w.,-])(?:{_RANGE}|{_ONE})", re.IGNORECASE)
_FULL_RE = re.compile(rf"(?:{_RANGE}|{_ONE})$", re.IGNORECASE)
_RANGE_SPLIT = re.compile(r"^between\s+(.+?)\s+and\s+(.+)$|^(.+?)\s*(?:-to-|\s+to\s+|-|–|—)\s*(.+)$",
                          re.IGNORECASE)

_QUALIFIER_WORDS = [
    ("no fewer than", "at least"), ("no less than", "at least"), ("at least", "at least"),
    ("a minimum of", "at least"),
    ("no more than", "up to"), ("at most", "up to"), ("up to", "up to"), ("as many as", "up to"),
    ("as much as", "up to"), ("a maximum of", "up to"),
    ("more than", "more than"), ("well over", "more than"), ("just over", "more than"),
    ("upwards of", "more than"), ("in excess of", "more than"), ("over", "more than"),
    ("fewer than", "less than"), ("less than", "less than"), ("just under", "less than"),
    ("under", "less than"),
    ("an estimated", "approximately"), ("estimated", "approximately"),
    ("approximately", "approximately"), ("approx.", "approximately"), ("around", "approximately"),
    ("about", "approximately"), ("roughly", "approximately"), ("nearly", "approximately"),
    ("almost", "approximately"), ("close to", "approximately"), ("some", "approximately"),
    ("circa", "approximately"), ("exactly", "exactly"), ("precisely", "exactly"),
    ("a total of", "exactly"), ("only", "exactly"),
]
_QUAL_PREFIX = re.compile(
    r"(?:^|(?<=\s))(?P<q>" + "|".join(re.escape(w) for w, _ in _QUALIFIER_WORDS) + r")\s+$",
    re.IGNORECASE)
_QUAL_MAP = dict(_QUALIFIER_WORDS)


def split_qualifier(text: str) -> tuple[str | None, str]:
    """("some", "16,000") from "some 16,000": a leading qualifier phrase and the rest."""
    low = text.strip()
    for word, qual in _QUALIFIER_WORDS:
        if low.lower().startswith(word + " "):
            return qual, low[len(word) + 1:].strip()
    return None, low


def _parse_words(text: str) -> float | None:
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t]
    total, current, seen = 0.0, 0.0, False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in ("a", "an"):
            if i + 1 < len(tokens) and tokens[i + 1] == "half":
                current += 0.5
                i += 2
                seen = True
                continue
            current = current or 1.0
        elif tok == "half":
            current = 0.5
            if i + 1 < len(tokens) and tokens[i + 1] in ("a", "an"):
                i += 1
        elif tok == "and":
            pass
        elif tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0.0
        else:
            return None
        seen = True
        i += 1
    return total + current if seen else None


def _parse_digits(text: str) -> float | None:
    m = re.fullmatch(r"[$€£¥]?\s?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:(?:\s+|-)?([a-z]+))?",
                     text.strip().lower())
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    scale = m.group(2)
    if scale:
        factor = _SCALES.get(scale) or _SUFFIX.get(scale)
        if factor is None:
            return None
        value *= factor
    return value


def _parse_one(text: str) -> tuple[float, bool] | None:
    """(value, vague) for one number phrase."""
    low = re.sub(r"\s+", " ", text.strip().lower())
    if low in VAGUE:
        return float(VAGUE[low]), True
    for few, n in _FEW.items():
        if low.startswith(few + " "):
            rest = low[len(few) + 1:]
            scale = _SCALES.get(rest) or (12 if rest == "dozen" else None)
            return (float(n * scale), True) if scale else None
    value = _parse_digits(low) if re.search(r"\d", low) else _parse_words(low)
    return (value, False) if value is not None else None


def _trailing_scale(text: str) -> float:
    m = re.search(r"(hundred|thousand|million|billion|trillion|mn|mln|bn|tn|k|m|b)\s*$",
                  text.strip().lower())
    if not m:
        return 1.0
    return float(_SCALES.get(m.group(1)) or _SUFFIX[m.group(1)])


@lru_cache(maxsize=8192)
def parse_number_ext(text: str) -> tuple[float, float | None, bool] | None:
    """(value, value_max, vague) for a number phrase; qualifiers in front are ignored."""
    _, rest = split_qualifier(text)
    rest = rest.strip()
    if not _FULL_RE.match(rest):
        return None
    single = _parse_one(rest)
    if single is not None:
        return single[0], None, single[1]
    m = _RANGE_SPLIT.match(rest)
    if m:
        lo_text, hi_text = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        lo, hi = _parse_one(lo_text), _parse_one(hi_text)
        if lo and hi:
            lo_v, hi_v = lo[0], hi[0]
            # "3 to 5 million", "two to three thousand": the high end's scale applies to a
            # low end that has none
            scale = _trailing_scale(hi_text)
            if scale > 1 and _trailing_scale(lo_text) == 1 and lo_v * scale <= hi_v:
                lo_v *= scale
            return lo_v, hi_v, True
    return None


def parse_number(text: str) -> tuple[float, float | None] | None:
    """(value, value_max) for "3,000", "3.5 million", "twenty-five", "dozens", "5-10", ...

    value_max is set only for ranges; vague numbers take the conventional values in VAGUE.
    """
    parsed = parse_number_ext(text)
    return None if parsed is None else (parsed[0], parsed[1])
