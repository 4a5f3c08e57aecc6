"""Figures that are no claim at all: JUNK_RULES, each with a reason and an example
(tests/claims/test_roles.py runs them); `junk_figure` names the rule that drops a figure."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..claims.groups import canonical_unit
from ..nlp.quantities import CURRENCIES, Quantity, casualty_anchor

_TABLE_MARK = re.compile(r"\||=|::|\b[a-z]+:[a-z0-9(]", re.IGNORECASE)
_PHONE_SPAN = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)\s?)?\d{1,5}(?:[\s.-]\d{2,5}){1,4}")
_YEARS = re.compile(r"(?:1[6-9]|20)\d\d\s*[-\u2013]\s*(?:(?:1[6-9]|20)\d\d|\d\d)")
_URLISH = re.compile(r"\S*(?:https?://|www\.|\.aspx|\.html?|\?\w+=)\S*")


def _spans(pattern: re.Pattern[str], text: str, a: int, b: int) -> list[str]:
    return [m.group(0) for m in pattern.finditer(text) if m.start() < b and a < m.end()]


def _table(doc: Doc, sent: Span, q: Quantity) -> bool:
    return len(_TABLE_MARK.findall(sent.text)) >= 3


def _phone(doc: Doc, sent: Span, q: Quantity) -> bool:
    a, b = q.start - sent.start_char, q.end - sent.start_char
    return any(sum(ch.isdigit() for ch in m) >= 7 and not _YEARS.fullmatch(m.strip())
               for m in _spans(_PHONE_SPAN, sent.text, a, b))


def _code(doc: Doc, sent: Span, q: Quantity) -> bool:
    a, b = q.start - sent.start_char, q.end - sent.start_char
    if _spans(_URLISH, sent.text, a, b):
        return True
    num = doc[q.num_i] if q.num_i >= 0 else None
    if num is None or num.i == sent.start:
        return False
    prev, nxt = doc[num.i - 1], doc[num.i + 1] if num.i + 1 < sent.end else None
    return prev.pos_ == "PROPN" and (prev.is_title or prev.is_upper) and bool(prev.whitespace_) \
        and q.head_i in (None, num.i) \
        and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN"))


_DENOMINATIONS = frozenset({"bill", "note", "banknote", "coin", "stamp"})
_DENOMINATION_MAX = 10_000
"""A currency amount before a bill, note or coin is its face value ("a $10 bill") up to this;
"the $700 billion bill" is legislation."""


_CURRENCY_WORDS = frozenset(CURRENCIES) | frozenset({"lei", "leu", "lev", "leva", "euros",
                                                      "dollars", "pounds", "rupees", "pesos",
                                                      "new", "-", "us$", "$", "€", "£", "¥"})
_DENOMINATIONS_OF = re.compile(r"\bdenominations?\s+of\b", re.IGNORECASE)


def _name_number(doc: Doc, sent: Span, q: Quantity) -> bool:
    if any(ch.isdigit() for ch in q.unit or ""):
        return True                                     # "the 777-200LR", "a 10-K filing"
    return _denomination(doc, sent, q)


def _denomination(doc: Doc, sent: Span, q: Quantity) -> bool:
    """A note's or coin's face value: a currency amount before a bill, note or coin ("a $10
    bill", "500-euro notes", "the five hundred Euro note"), or a currency in a list of
    denominations ("denominations of 1, 5, 10 ... and 500 new lei")."""
    num = doc[q.num_i] if q.num_i >= 0 else None
    if num is None or q.value >= _DENOMINATION_MAX:
        return False
    noun = doc[q.head_i] if q.head_i is not None else None
    if q.money and noun is not None and noun.lemma_.lower() in _DENOMINATIONS and \
            (not noun.lower_.endswith("s") or noun.lemma_.lower() != "bill"):
        return True                                     # "a $10 bill", "€500 notes"
    after = [t for t in doc[num.i + 1:min(num.i + 6, sent.end)]]
    currency = False
    for tok in after:
        if tok.lower_ in _CURRENCY_WORDS or tok.lemma_.lower() in CURRENCIES:
            currency = True
            continue
        if tok.lower_ in ("and", "or", ",") or tok.like_num:
            continue                                    # "500 and 1000 rupee notes"
        if currency and tok.lemma_.lower() in _DENOMINATIONS:
            return True                                 # "500-euro notes"
        break
    return (q.money or currency) and _DENOMINATIONS_OF.search(sent.text) is not None


_LABEL_NOUNS = frozenset("""area local decision resolution flight route highway interstate
section article chapter proposition prop measure amendment apollo room gate terminal platform
building camp unit ward district precinct block pier exit hangar sector zone category model
version type series episode channel studio bus train line road street avenue station grade
class lot cell hall bay berth runway act law order directive regulation rule form hurricane
typhoon storm""".split())
_MONTHS = frozenset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())


def _label(doc: Doc, sent: Span, q: Quantity) -> bool:
    """A number that names the thing before it: "Area 51", "Decision 137", "Flight 93",
    "Route 66", "Local 113": a capitalised word right before a plain number that the parser
    hangs on that word, or a capitalised label noun ("Local", "Area", "Decision"); or a
    capitalised or upper-case word before a number above one that modifies a singular noun
    ("the HR 6819 system", "Storm Area 51 event"): a count takes a plural."""
    num = doc[q.num_i] if q.num_i >= 0 else None
    if num is None or num.i == sent.start or q.money or q.value_max is not None \
            or not re.fullmatch(r"\d{1,5}[A-Za-z]?", num.text):
        return False
    prev = doc[num.i - 1]
    if not (prev.is_alpha and (prev.is_title or (prev.is_upper and len(prev) > 1)) and
            prev.whitespace_) or prev.lower_ in _MONTHS or prev.lower_ in CURRENCIES:
        return False
    if q.value > 1 and num.head.i > num.i and num.head.tag_ == "NN":
        return True                     # "the HR 6819 stellar system": one thing, named
    return prev.is_title and (prev.lower_ in _LABEL_NOUNS or (
        num.head.i == prev.i and num.dep_ in ("nummod", "compound", "appos", "npadvmod")))


_SPEC_UNITS = frozenset("""bit byte kilobyte megabyte gigabyte terabyte megapixel pixel hertz
megahertz gigahertz kb mb gb tb ghz mhz""".split())
_HYPHEN_SPEC_UNITS = frozenset("star door speed storey story cylinder lane hole inch".split())
_WEIGHTS = frozenset("lb lbs kg ton tonne pound kilogram".split())


def _spec(doc: Doc, sent: Span, q: Quantity) -> bool:
    """A technical measure or a property: "64-bit", "a 5-megapixel camera", "a five-star
    hotel", "a 12-inch screen", "the 1000 lb aerial bomb" (a weight before the thing it
    weighs, not "of" a stuff): it sizes a thing, it counts nothing."""
    unit = canonical_unit(q.unit or "")
    if unit in _SPEC_UNITS or (q.unit or "").lower() in _SPEC_UNITS:
        return True
    num = doc[q.num_i] if q.num_i >= 0 else None
    if num is None or num.i + 2 >= sent.end:
        return False
    nxt = doc[num.i + 1]
    if nxt.text == "-":
        nxt = doc[num.i + 2]
        if unit in _HYPHEN_SPEC_UNITS:
            return True
    after = doc[nxt.i + 1] if nxt.i + 1 < sent.end else None
    return nxt.lower_ in _WEIGHTS and after is not None and after.lower_ != "of" and \
        after.pos_ in ("NOUN", "PROPN", "ADJ")         # "the 1000 lb aerial bomb"


_INDEX = re.compile(r"\b(?:Dow|Nasdaq|NASDAQ|FTSE|Nikkei|DAX|CAC|Hang Seng|S&P|TSX|Sensex|"
                    r"ASX|KOSPI|Industrial Average|stock index|share index|index)\b")
_LEVEL_UNITS = frozenset({"mark", "level", "barrier", "threshold", "milestone", "point", "line"})


def _index_level(doc: Doc, sent: Span, q: Quantity) -> bool:
    """A stock index's level: "the Dow's 10,000 mark", "the Nikkei closed at 9,500": a
    figure that is no money and counts no one in a sentence naming an index."""
    if q.money or _INDEX.search(sent.text) is None:
        return False
    num = doc[q.num_i] if q.num_i >= 0 else None
    unit = canonical_unit(q.unit or "")
    return num is not None and casualty_anchor(num) is None and \
        (unit in _LEVEL_UNITS or q.head_i is None)


_AGE_MAX = 120
_AGED = re.compile(r"\b(?:aged|ages?|retir(?:e|es|ed|ing))\s+(?:(?:over|under|above|below|between|from|about|"
                   r"around|of|at|least|to|is|was|be)\s+)*$", re.IGNORECASE)


def _age(doc: Doc, sent: Span, q: Quantity) -> bool:
    num = doc[q.num_i] if q.num_i >= 0 else None
    if num is None or not 0 < q.value <= _AGE_MAX or q.value_max is not None:
        return False
    if _AGED.search(doc.text[sent.start_char:q.start]) and not q.money:
        return True                                     # "people aged over 50", "retire at 60"
    if num.i < sent.start + 2:
        return False
    before, name = doc[num.i - 1], doc[num.i - 2]
    after = doc[num.i + 1] if num.i + 1 < sent.end else None
    return before.text in (",", "(") and name.pos_ == "PROPN" and \
        (name.ent_type_ == "PERSON" or name.is_title) and \
        (after is None or after.text in (",", ";", ")", ".", "and"))


_SCORE_NOUNS = frozenset({"win", "victory", "loss", "defeat", "draw", "lead", "triumph",
                          "thrashing", "drubbing"})
_SCORE_UNITS = frozenset({"point", "goal", "run", "try", "wicket", "set", "game"})


def _score(doc: Doc, sent: Span, q: Quantity) -> bool:
    """A sports score: the figure counts a win or a defeat ("a 22 points to 10 win"), or
    answers a score ("12 points to 10")."""
    if canonical_unit(q.unit or "") in _SCORE_NOUNS:
        return True
    num = doc[q.num_i] if q.num_i >= 0 else None
    if num is None or num.i < sent.start + 2:
        return False
    to, unit = doc[num.i - 1], doc[num.i - 2]
    return to.lower_ == "to" and unit.lemma_.lower() in _SCORE_UNITS and \
        unit.i > sent.start and doc[unit.i - 1].like_num


def _letter_unit(doc: Doc, sent: Span, q: Quantity) -> bool:
    """The counted "noun" is one letter ("300 m", "the 10-K"): a measure or a form's name."""
    unit = (q.unit or "").strip()
    return not q.money and len(unit) == 1 and unit.isalpha()


def _bare_after_article(doc: Doc, sent: Span, q: Quantity) -> bool:
    """ "shrink the 787", "the fuselage of the 787": a number of three or more digits after
    "the" with no noun of its own, and no casualty word or "of" after it, that the article
    also writes after a name ("the Boeing 787"), names that thing."""
    num = doc[q.num_i] if q.num_i >= 0 else None
    if num is None or q.head_i is not None or num.i == sent.start or q.money \
            or doc[num.i - 1].lower_ != "the" or not re.fullmatch(r"\d{3,}", num.text):
        return False
    nxt = doc[num.i + 1] if num.i + 1 < sent.end else None
    if nxt is not None and (nxt.lower_ in ("of", "who", "people", "others") or nxt.like_num
                            or nxt.pos_ in ("NOUN", "PROPN")):
        return False
    named = re.search(rf"\b[A-Z][\w&-]* {re.escape(num.text)}\b", doc.text)
    return named is not None and casualty_anchor(num) is None


@dataclass(frozen=True)
class JunkRule:
    """A named reason a figure is no claim (tests/claims/test_roles.py runs the examples)."""

    name: str
    doc: str
    reason: str
    example: str
    figure: str
    test: Callable[[Doc, Span, Quantity], bool]


JUNK_RULES = (
    JunkRule("junk_table", "a sentence that is a table or markup (three or more of '|', '=', "
             "'::', 'key:value') holds no claims",
             "linguistic: a market table or a chart's markup lists numbers without a claim",
             "CAC 40-c = 368,77 | CAC 40-p = 9,04 | DAX-c = 5,120 | DAX-p = 12 points",
             "5,120", _table),
    JunkRule("junk_phone", "a figure inside a phone number (seven or more digits in groups)",
             "linguistic: a phone number is an address, not a count",
             "For information, call the hotline at (800) 767-8697 between 9 a.m. and 5 p.m.",
             "800", _phone),
    JunkRule("junk_code", "a figure in a web address, or a bare number after a name with no "
             "counted noun of its own ('Bell 206', 'S&P 500', 'CAC 40')",
             "linguistic: a model, index or route number names a thing; it counts nothing",
             "The S&P 500 fell 12 points as the CAC 40 rose.", "500",
             _code),
    JunkRule("junk_name_number", "a counted 'noun' holding a digit ('the 777-200LR', 'a "
             "10-K'), or a currency amount before a bill, note or coin ('a $10 bill', "
             "'500-euro notes'), or in a list of denominations",
             "linguistic: a code of digits and letters names a model or a form; a note's "
             "face value names the note; neither counts anything",
             "Boeing unveiled the 777-200LR, and the 787 will follow.", "777",
             _name_number),
    JunkRule("junk_label", "a plain number right after a capitalised word it names ('Area "
             "51', 'Decision 137', 'Flight 93', 'Route 66', 'Local 113 members')",
             "linguistic: a number that follows a capitalised word and hangs on it, or "
             "follows a label noun, is part of a name; a count comes before what it counts",
             "Other events sought to capitalize on the notoriety of the Storm Area 51 event.",
             "51", _label),
    JunkRule("junk_spec", "a technical measure or property: a counted noun of bits, bytes, "
             "pixels or hertz ('64-bit'), or hyphened to a star, door, inch ('a five-star "
             "hotel')", "linguistic: '64-bit' sizes a processor; it counts nothing",
             "The computer contains 2,560 64-bit Opteron processors from AMD.", "64", _spec),
    JunkRule("junk_index_level", "a figure that is no money and counts no one, on a mark or "
             "level or with no noun, in a sentence naming a stock index ('the Dow's 10,000 "
             "mark')", "linguistic: an index level is a number of points, not a count",
             "The Dow Jones Industrial Average fell below the 10,000 mark on Tuesday.",
             "10,000", _index_level),
    JunkRule("junk_age", "a number set off by commas or brackets right after a person's name "
             "('Michael Peebles, 34;', 'Marie-Jeanne Ion (32)'), or after 'aged' or 'retire "
             "at' ('people aged over 50', 'continue to retire at 60')",
             "linguistic: a number in apposition to a name is the person's age, not a count "
             "(GUIDE: ages are no claims)",
             "The captors threaten to kill the three: Marie-Jeanne Ion (32), Sorin Dumitru "
             "Miscoci (30) and Ovidiu Ohanesian (37).", "30", _age),
    JunkRule("junk_score", "a sports score: a figure counting a win or defeat ('a 22 points to "
             "10 win'), or the answer of a score ('12 points to 10')",
             "linguistic: a score is a match result, not a count of anything",
             "They won the grade ladder with a 22 points to 10 win over Maroochydore.", "10",
             _score),
    JunkRule("junk_letter_unit", "a figure whose counted noun is a single letter ('300 m', "
             "'the 10-K')", "linguistic: one letter after a number is a measure (metres) or "
             "part of a name, not a thing counted",
             "Birds nesting within 300 m of clearings breed less.", "300", _letter_unit),
    JunkRule("junk_bare_article", "a number of three or more digits after 'the' with no noun, "
             "casualty word or 'of' of its own, that the article also writes after a name "
             "('the Boeing 787 ... shrink the 787')",
             "linguistic: 'the 787' names a model or a thing; a count after 'the' says what it "
             "counts ('the 176 on board were killed' does)",
             "Boeing ordered 50 engines for the Boeing 787. You can't simply shrink the 787 and "
             "expect the same benefits.", "787", _bare_after_article),
)
"""Figures that never become claims, in the order they are tried."""


def junk_figure(doc: Doc, sent: Span, q: Quantity) -> str | None:
    """The JUNK_RULES rule that says the figure `q` is no claim, or None."""
    return next((r.name for r in JUNK_RULES if r.test(doc, sent, q)), None)
