"""Numbers in sentences: parse them, find what they count, attach PLOVER quantities to events.

Conventions (docs/claims.md):

- Vague numbers get a conventional value and the qualifier "approximately": dozens 24, scores
  40, hundreds 200, thousands 2,000, tens of thousands 20,000, hundreds of thousands 200,000,
  millions 2,000,000; "a few"/"several" 3 (x the scale: "several hundred" 300), "a couple of" 2,
  "a handful of" 5.
- Ranges ("between 5 and 10", "5-10", "5 to 10") give value = low, value_max = high, qualifier
  "approximately".
- Qualifiers: around/about/approximately/some/nearly/almost/roughly/estimated/close to/or so
  -> approximately; over/more than/upwards of/in excess of/exceeded/topped -> more than;
  at least/no fewer than/or more -> at least; up to/as many as/at most -> up to; less than/fewer
  than/under -> less than; could rise to/projected/expected to reach/may reach -> projected;
  bare -> exactly.
- Units are the lowercased lemma of the counted noun, with synonyms folded (troop/soldier/
  serviceman -> "soldier"; people/person/individual -> "person"); money is marked (`money=True`)
  with an ISO currency code as unit ("USD", "EUR", ...).
- Not quantities: dates, times, durations, years, ages, percentages, ordinals, distances, phone
  numbers, numbers inside names ("Resolution 1441", "G7"), partitive "one of", and small
  definite references ("the two countries").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .count_cues import people_label, people_unit, tally_sides, year_counts_people
from .dates import find_date_expressions
from .numbers import (NUMBER_RE, VAGUE, _QUAL_MAP, _QUAL_PREFIX, parse_number, parse_number_ext,
                      split_qualifier)


@dataclass(frozen=True)
class Quantity:
    """A figure in a sentence and what it counts. start/end: character offsets in the Doc."""

    value: float
    value_max: float | None
    qualifier: str
    unit: str | None
    object_text: str
    start: int
    end: int
    head_i: int | None          # the counted noun's token index; None when elided or implicit
    money: bool = False
    num_i: int = -1             # the number's own head token (for attaching to events)


UNIT_SYNONYMS = {
    "troop": "soldier", "troops": "soldier", "serviceman": "soldier", "servicemen": "soldier",
    "servicemember": "soldier", "trooper": "soldier", "soldier": "soldier",
    "people": "person", "persons": "person", "individual": "person", "person": "person",
    "shell": "shell", "round": "shell", "vote": "vote", "ballot": "vote",
}
CURRENCIES = {"dollar": "USD", "$": "USD", "usd": "USD", "euro": "EUR", "€": "EUR", "eur": "EUR",
              "pound": "GBP", "£": "GBP", "sterling": "GBP", "yen": "JPY", "¥": "JPY",
              "yuan": "CNY", "renminbi": "CNY", "ruble": "RUB", "rouble": "RUB", "rupee": "INR",
              "franc": "CHF", "shekel": "ILS", "lira": "TRY", "riyal": "SAR", "dirham": "AED"}
NOT_CLAIM_UNITS = frozenset("""second minute hour day night week weekend month year decade
century time fold km kilometre kilometer mile metre meter foot feet inch yard degree point
percent percentage cent page km/h mph knot round-trip year-old age minute-long""".split())
MEASURES = frozenset("meter metre tonne ton barrel litre liter gallon kilogram kg cubic".split())
CASUALTY = {"kill": "dead", "die": "dead", "dead": "dead", "death": "dead", "fatality": "dead",
            "body": "dead", "murder": "dead", "execute": "dead", "slay": "dead", "toll": "dead",
            "wound": "injured", "injure": "injured", "injured": "injured", "hurt": "injured",
            "injury": "injured", "wounded": "injured",
            "arrest": "arrested", "detain": "arrested", "apprehend": "arrested",
            "arrested": "arrested", "detained": "arrested", "arrests": "arrested",
            "detention": "arrested", "capture": "arrested", "jail": "arrested"}
_LABEL_WORDS = frozenset("""no no. number resolution article section chapter page flight route
gate level phase grade class category paragraph clause item bus channel line room apollo
highway road interstate rule code""".split())
_REFERENCE_DETS = frozenset("the these those both its their his her our my your this that".split())
_NAMED = frozenset({"ORG", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "FAC", "PERSON", "GPE", "NORP",
                    "LOC", "LANGUAGE"})
_NOT_COUNT_ENTS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL"})
_PROJECTED = re.compile(
    r"(?:\b(?:could|may|might|will|would|to|expected to|set to|likely to|projected to|"
    r"forecast to|predicted to)\s+(?:\w+\s+){0,2}(?:rise|reach|climb|grow|increase|swell|top|"
    r"hit|soar|jump)s?\s+(?:to\s+)?|\bprojected\s+(?:at\s+|to\s+be\s+)?|\bprojections?\s+of\s+)$",
    re.IGNORECASE)
_EXCEEDED = re.compile(r"\b(?:exceed(?:ed|s|ing)?|topped|surpassed|top(?:s|ping)?)\s+$",
                       re.IGNORECASE)
_ESTIMATED = re.compile(r"\b(?:estimated?|put|reckoned)\b(?:\s+[a-z]+){0,3}\s+(?:is|was|are|were|at|"
                        r"to\s+be)\s+$", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|ages?|age of|aged between|ages? (?:from|between|of))\s+$",
                         re.IGNORECASE)
_AGE_AFTER = re.compile(r"^(?:-|\s)?(?:year|yr)s?(?:-|\s)old|^\s*years?\s+of\s+age", re.IGNORECASE)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|percent|per\s+cent|percentage)", re.IGNORECASE)
_PHONE = re.compile(r"\d[\d\s().-]{7,}\d")


def _unit_of(noun: Token) -> str:
    lemma = noun.lemma_.lower()
    if noun.lower_ in ("people", "persons"):
        return "person"
    if lemma in CURRENCIES:
        return CURRENCIES[lemma]
    if noun.tag_ == "NNPS" and lemma.endswith("s"):
        lemma = lemma[:-1]
    unit = UNIT_SYNONYMS.get(lemma, lemma)
    if unit in MEASURES or unit in ("meter", "metre"):
        cubic = next((c.lower_ for c in noun.lefts if c.lower_ in ("cubic", "square")), None)
        return f"{cubic} {unit}" if cubic else unit
    return unit


def _object_text(noun: Token, skip: set[int]) -> str:
    """The counted noun with its left modifiers (and "of X" for measures): "artillery shells"."""
    sent_start = noun.sent.start
    lo = noun.i
    for child in noun.lefts:
        if child.i in skip or child.dep_ in ("det", "predet", "nummod", "quantmod", "poss",
                                              "punct", "cc", "advmod"):
            continue
        lo = min(lo, min(t.i for t in child.subtree))
    lo = max(lo, sent_start, max((i + 1 for i in skip if i < noun.i), default=sent_start))
    while lo < noun.i and (lo in skip or noun.doc[lo].dep_ in ("det", "punct", "quantmod")):
        lo += 1
    hi = noun.i + 1
    if noun.lemma_.lower() in MEASURES or noun.lemma_.lower() in ("meter", "metre"):
        of = next((c for c in noun.rights if c.lower_ == "of"), None)
        if of is not None:
            hi = max(t.i for t in of.subtree) + 1
    return noun.doc[lo:hi].text


def _counted_noun(tokens: list[Token]) -> Token | None:
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside or t.head == t), tokens[-1])
    for tok in [head, *tokens]:
        for child in tok.children:
            if child.lower_ == "of" and child.dep_ == "prep":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.i not in inside and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    if head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos") and \
            head.head.pos_ in ("NOUN", "PROPN") and head.head.i not in inside and \
            head.head.i > head.i:
        return head.head
    nxt = tokens[-1].i + 1
    if nxt < tokens[-1].sent.end:
        after = tokens[-1].doc[nxt]
        if after.pos_ in ("NOUN", "PROPN") and after.tag_ in ("NNS", "NNPS", "NN") and \
                after.dep_ in ("compound", "nsubj", "dobj", "pobj", "nsubjpass", "conj", "attr"):
            return after if after.tag_ != "NN" or after.lemma_ in CURRENCIES else None
    return None


def _role_word(tok: Token) -> str | None:
    return CASUALTY.get(tok.lemma_.lower()) or CASUALTY.get(tok.lower_)


def casualty_anchor(tok: Token) -> tuple[str, Token] | None:
    """(dead/injured/arrested, the word saying so) when `tok` (a number or counted noun) is
    governed by a casualty word: "20 people were killed", "killed five", "190 were dead",
    "death tolls exceeded 100", "30 wounded"."""
    ahead = _subjectless_casualty(tok)
    if ahead is not None:
        return ahead
    cur: Token | None = tok
    for _ in range(4):
        if cur is None:
            break
        cands = [cur] + [c for c in cur.children if c.dep_ in (
            "amod", "acl", "relcl", "acomp", "attr", "nsubj", "nsubjpass") and c.i != tok.i]
        for cand in cands:
            role = _role_word(cand)
            if role is None and cand.dep_ in ("nsubj", "nsubjpass"):
                role = next((_role_word(c) for c in cand.children if c.dep_ == "compound"
                             and _role_word(c)), None)
            if role and cand.i != tok.i:
                return role, cand
        if cur.head == cur:
            break
        if cur.dep_ == "conj":
            if _own_state(cur):
                return None  # "115 dead and over 30,000 displaced": not more dead
            if cur.pos_ == "VERB":
                return None  # "killed 1,300 and destroyed 21,000 homes": the destroying's
                # figure, not more dead (a casualty verb would have answered above)
            cur = cur.head
            continue
        cur = cur.head if cur.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj", "nummod",
                                       "prep", "appos", "npadvmod", "acomp", "compound",
                                       "amod", "oprd", "dep", "quantmod") else None
    # the parser often misattaches "190 were dead" / "12 killed": read the next few words
    doc = tok.doc
    for j in range(tok.i + 1, min(tok.i + 4, tok.sent.end)):
        nxt = doc[j]
        role = _role_word(nxt)
        if role:
            return role, nxt
        if nxt.pos_ not in ("AUX", "ADV", "PART") and nxt.lower_ not in ("people", "others",
                                                                          "more", "been"):
            break
    return None


def _own_state(tok: Token) -> bool:
    """A conjoined figure followed by a state of its own that is no casualty word ("and over
    30,000 forcibly displaced", "and 200 missing")."""
    doc = tok.doc
    for j in range(tok.i + 1, min(tok.i + 4, tok.sent.end)):
        nxt = doc[j]
        if nxt.pos_ == "ADV" or nxt.lower_ in ("people", "others", "more", "civilians"):
            continue
        return (nxt.tag_ == "VBN" or nxt.pos_ == "ADJ" or nxt.lower_ == "missing") and \
            _role_word(nxt) is None
    return False


def _subjectless_casualty(tok: Token) -> tuple[str, Token] | None:
    """A casualty predicate just ahead of the figure that has no subject of its own, which the
    parser failed to give it: "...; around twenty more, including a colleague, were injured"."""
    doc = tok.doc
    if tok.dep_ in ("dobj", "pobj", "attr", "oprd", "nsubj", "nsubjpass") or \
            (tok.dep_ == "nummod" and tok.head.dep_ in ("dobj", "pobj", "attr", "nsubj",
                                                         "nsubjpass")):
        return None  # the parser placed it: trust that
    for j in range(tok.i + 1, min(tok.i + 14, tok.sent.end)):
        nxt = doc[j]
        if nxt.text in (";", ":") or nxt.like_num:
            return None
        role = _role_word(nxt)
        if role and nxt.pos_ in ("VERB", "ADJ") and nxt.tag_ != "VBG" and nxt.dep_ != "conj":
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children):
                return None
            return role, nxt
        if nxt.pos_ == "VERB" and nxt.tag_ != "VBG":
            return None  # another predicate comes first
    return None


def _casualty_role(tok: Token) -> str | None:
    found = casualty_anchor(tok)
    return found[0] if found else None


def _qualifier(sent_text: str, a: int, b: int, vague: bool, ranged: bool) -> tuple[str, int]:
    """The qualifier for the number at [a, b) of the sentence text and the new start offset."""
    before, after = sent_text[:a], sent_text[b:]
    m = _QUAL_PREFIX.search(before[-30:])
    if _PROJECTED.search(before[-60:]):
        return "projected", a
    if m:
        qual = _QUAL_MAP[m.group("q").lower()]
        if m.group("q").lower() == "some" and re.search(r"\bof\s*$", sent_text[b:b + 5]):
            qual = "exactly"
        return qual, a - len(before[-30:]) + m.start("q")
    if re.match(r"^\s*(?:\w+\s+)?or\s+more\b|^\+", after):
        return "at least", a
    if re.match(r"^\s*(?:\w+\s+)?or\s+so\b", after):
        return "approximately", a
    if _EXCEEDED.search(before[-20:]):
        return "more than", a
    if _ESTIMATED.search(before[-40:]):     # "the estimated cost is 2.5 billion euros"
        return "approximately", a
    if vague or ranged:
        return "approximately", a
    return "exactly", a


def _excluded(sent: Span, tokens: list[Token], text: str, a: int, b: int, count: bool,
              dates: list[tuple[int, int]]) -> bool:
    """Not a count: in a date, an entity that counts nothing, an age, ... (`count`: a cue says
    it counts; spaCy's DATE and the year test then do not exclude it)."""
    st = sent.text
    if not count and any(x < b and a < y for x, y in dates):
        return True  # a year counting people is no date: "attended by 2000 people"
    if not count and any(t.ent_type_ in _NOT_COUNT_ENTS for t in tokens
                         if t.like_num or t.pos_ == "NUM"):
        return True
    if any(t.ent_type_ in _NAMED for t in tokens):
        return True
    if _PERCENT_AFTER.match(st[b:]) or _AGE_AFTER.match(st[b:]) or _AGE_BEFORE.search(st[:a]):
        return True
    if _PHONE.fullmatch(text) or re.fullmatch(r"\d{3}-\d{4}", text) or re.match(r"^[:/]\d|^\.\d", st[b:]) or re.search(r"[:/#]$", st[:a]):
        return True
    first = tokens[0]
    prev = sent.doc[first.i - 1] if first.i > sent.start else None
    if prev is not None and (prev.lower_ in _LABEL_WORDS or
                             (prev.is_title and prev.pos_ == "PROPN" and not prev.whitespace_)):
        return True
    if prev is not None and prev.pos_ == "PROPN" and prev.is_title and \
            re.fullmatch(r"\d+-\d+", text):
        return True  # a model number: "Boeing 737-800"
    if not count and re.fullmatch(r"(?:1[6-9]|20)\d\d", text) and prev is not None and \
            prev.lower_ in ("in", "since", "until", "by", "of", "from", "the", "during"):
        return True
    # an age in apposition: "the princess, 67, announced"
    if prev is not None and prev.text == "," and re.fullmatch(r"\d{1,3}", text) and \
            re.match(r"^\s*[,.)]", st[b:]) and first.i - 2 >= sent.start and \
            sent.doc[first.i - 2].pos_ in ("PROPN", "NOUN"):
        return True
    return False


def _is_reference(sent: Span, tokens: list[Token], value: float, noun: Token | None,
                  qual_given: bool) -> bool:
    """Small numbers that refer rather than count: "the two countries", "one of them"."""
    if qual_given or value >= 10:
        return False
    first = tokens[0]
    prev = sent.doc[first.i - 1] if first.i > sent.start else None
    if prev is not None and prev.lower_ in _REFERENCE_DETS:
        return True
    if value == 1 and tokens[-1].lower_ in ("one", "1", "a", "an"):
        nxt = sent.doc[tokens[-1].i + 1] if tokens[-1].i + 1 < sent.end else None
        if nxt is None or nxt.lower_ in ("of", "another", "way", "day", "thing", "side", "time"):
            return True
        return noun is None or _casualty_role(noun) is None
    return False


def _counts_people(tokens: list[Token], head: Token) -> bool:
    """A number with no noun that counts people: a casualty word governs it ("190 were dead"),
    "who" opens its relative clause ("the 2.8 million who voted"), or a count cue says so."""
    return _casualty_role(head) is not None or people_unit(tokens) or any(
        c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children)
        for t in tokens for c in t.children)


def find_quantities(sent: Span, prev_unit: str | None = None,
                    prev_object: str | None = None) -> list[Quantity]:
    """The countable figures in a sentence (a Span of a parsed Doc), left to right.

    A figure whose noun is elided ("with around 8,000 stationed near the border") takes the unit
    of the previous quantity in the sentence, else `prev_unit` (e.g. from the previous sentence).
    """
    text = sent.text
    if not re.search(r"\d|(?i:one|two|three|four|five|six|seven|eight|nine|ten|twelve|teen|"
                     r"ty\b|ty-|hundred|thousand|million|billion|dozen|score)", text):
        return []
    doc = sent.doc
    dates = find_date_expressions(text)
    found: list[Quantity] = []
    last_unit, last_object = prev_unit, prev_object or ""
    for m in NUMBER_RE.finditer(text):
        num_text = m.group(0).lstrip()  # " 100,000" after a colon: the number only
        a, b = m.end() - len(num_text), m.end()
        parsed = parse_number_ext(num_text)
        if parsed is None:
            continue
        value, value_max, vague = parsed
        ranged = value_max is not None
        span = doc.char_span(sent.start_char + a, sent.start_char + b, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        tokens = list(span)
        tally = tally_sides(num_text, value, value_max, text)
        counts = bool(tally) or year_counts_people(
            tokens, num_text, bool(found) and found[-1].unit == "person")
        if _excluded(sent, tokens, num_text, a, b, counts, dates):
            continue
        if tally:
            at = sent.start_char + a
            found.extend(Quantity(float(part), None, "exactly", "vote", "votes", at + x, at + y,
                                  None, num_i=tokens[0].i) for part, x, y in tally)
            continue
        if ranged and value_max is not None and value_max < value:
            continue
        label = people_label(tokens)
        noun = None if label else _counted_noun(tokens)
        money = bool(re.match(r"[$€£¥]", num_text)) or any(t.ent_type_ == "MONEY" for t in tokens)
        unit: str | None
        if noun is not None and noun.lower_ in ("others", "more"):
            noun = None
        if noun is not None and noun.tag_ == "NNP" and not vague and noun.is_title:
            continue  # a name with a number in it: "the Lost 52 Project"
        if noun is not None:
            unit = _unit_of(noun)
            obj = _object_text(noun, {t.i for t in tokens})
            if unit in CURRENCIES.values():
                money = True
        else:
            unit, obj = None, ""
        if money and (unit is None or unit not in CURRENCIES.values()):
            symbol = num_text.strip()[0]
            unit = CURRENCIES.get(symbol, unit or "money")
            obj = obj or "money"
        if unit in NOT_CLAIM_UNITS:
            continue
        qual, q_start = _qualifier(text, a, b, vague, ranged)
        if _is_reference(sent, tokens, value, noun, q_start != a):
            continue
        head = next((t for t in tokens if t.head.i not in {x.i for x in tokens} or t.head == t),
                    tokens[-1])
        if unit is None:
            if label or _counts_people(tokens, head):
                unit, obj = "person", "people"
            elif last_unit is not None:
                unit, obj = last_unit, last_object
            elif re.fullmatch(r"(?:1[6-9]|20)\d\d", num_text):
                continue  # a bare year-like number with nothing counted
        found.append(Quantity(value, value_max, qual, unit, obj, sent.start_char + q_start,
                              sent.start_char + b, noun.i if noun is not None else None,
                              money=money, num_i=head.i))
        if unit is not None and not money:
            last_unit, last_object = unit, obj
    return found


SIZE_UNITS = frozenset("""person soldier protester demonstrator marcher rioter supporter worker
student civilian police policeman officer refugee migrant fighter militant rebel troop sailor
marine crowd participant resident activist voter member""".split())


_BOUNDARY = frozenset({"advcl", "relcl", "ccomp", "acl", "parataxis", "xcomp", "csubj"})


def _clause(tok: Token) -> Token:
    """The head of the event clause holding `tok`; coordinated verbs share one clause."""
    while True:
        # a participle adjunct is part of the event: "killed five, wounding 30 others"
        while (tok.dep_ not in _BOUNDARY or (tok.dep_ == "advcl" and tok.tag_ == "VBG")) and \
                tok.head != tok and not (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")):
            tok = tok.head
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and tok.head != tok:
            tok = tok.head
            continue
        return tok


def _linked(trigger: Token, tok: Token) -> bool:
    """`tok` belongs to the trigger's clause (not a reported, relative or adverbial clause)."""
    return tok.sent == trigger.sent and _clause(tok) == _clause(trigger)


def event_quantities(sent: Span, trigger: Token,
                     quantities: list[Quantity] | None = None) -> dict[str, float]:
    """PLOVER quantities (dead, injured, arrested, size) for the event triggered at `trigger`.

    Lower bounds count as the number ("at least 20" -> 20). Figures governed by one casualty
    word are summed ("the deaths are fourteen civilians, five soldiers and one coast guard" ->
    20); figures on different words are alternatives and the largest wins. Projections,
    "less than" figures and money are ignored.
    """
    qs = quantities if quantities is not None else find_quantities(sent)
    return _tally(sent, qs, lambda word: _linked(trigger, word))


def sentence_casualties(sent: Span, quantities: list[Quantity]) -> dict[str, float]:
    """Dead/injured/arrested figures stated in a sentence, whatever event they belong to
    ("At least 20 were killed"): the extractor gives them to the article's main event."""
    return {k: v for k, v in _tally(sent, quantities, lambda word: True, implicit=False).items()
            if k != "size"}


def additional(q: Quantity, doc_text: str) -> bool:
    """A figure on top of one stated before: "five other civilians", "twenty more", "another
    three"."""
    return bool(re.match(r"\s*(?:other|more|additional|further)\b", doc_text[q.end:q.end + 12],
                         re.IGNORECASE) or
                re.search(r"\banother\s+$", doc_text[max(0, q.start - 9):q.start], re.IGNORECASE))


def _each(doc_tok: Token, value: float) -> float:
    """"two each from the Coast Guard and the National Police": 2 x the parties named."""
    nxt = doc_tok.nbor(1) if doc_tok.i + 1 < doc_tok.sent.end else None
    if nxt is None or nxt.lower_ != "each":
        return value
    prep = next((c for c in doc_tok.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if pobj is None:
        return value
    parties = 1 + sum(1 for t in pobj.subtree if t.dep_ == "conj" and t.head.i != doc_tok.i)
    return value * parties


def _elliptic_member(doc_tok: Token, anchor_word: Token) -> bool:
    """A figure with no noun or casualty word of its own that continues the enumeration of
    `anchor_word` ("90 civilians were wounded, as were seventeen from the army, and two each
    from the police"): it hangs, through no other content verb, from the casualty clause."""
    cur = doc_tok
    for _ in range(4):
        if cur == anchor_word or cur == anchor_word.head:
            return True
        head = cur.head
        if head == cur:
            return False
        if head.pos_ == "VERB" and head != anchor_word and head != anchor_word.head:
            # only the reporting verb above the casualty clause may be passed ("claimed ...")
            return any(c == anchor_word or c == anchor_word.head for c in head.children)
        cur = head
    return False


VICTIM_ROLES = {"kill": "dead", "murder": "dead", "assassinate": "dead", "execute": "dead",
                "slay": "dead", "behead": "dead", "wound": "injured", "injure": "injured",
                "shoot": "injured", "stab": "injured", "hurt": "injured", "beat": "injured",
                "hit": "injured", "land": "injured",
                "arrest": "arrested", "detain": "arrested", "apprehend": "arrested"}
PERSON_WORDS = frozenset("""man woman boy girl child teenager protester demonstrator student
journalist photojournalist reporter cameraman soldier officer policeman policewoman general
commander leader official politician minister civilian worker resident activist worker guard
driver priest pilot judge mayor governor lawmaker senator diplomat ambassador member
photographer teacher doctor nurse victim fighter militant rebel suspect person""".split())


def one_person(victim: Span) -> bool:
    """"a protester", "one man", a headline's "protester": a single unnamed person (a toll
    of many is not theirs)."""
    root = victim.root
    bare = not any(c.dep_ in ("det", "poss") for c in root.children)
    return bool(len(victim)) and (victim[0].lower_ in ("a", "an", "one") or bare) and \
        _singular_person(root) and root.ent_type_ != "PERSON"


def _singular_person(tok: Token) -> bool:
    if any(c.dep_ == "nummod" or c.like_num for c in tok.children):
        return False
    if tok.ent_type_ == "PERSON" or tok.lower_ in ("him", "her", "he", "she"):
        return True
    return tok.tag_ == "NN" and tok.lemma_.lower() in PERSON_WORDS and tok.lower_ not in (
        "one",)


def _implicit_victims(sent: Span, linked: Callable[[Token], bool],
                      taken: set[int]) -> dict[tuple[str, int], float]:
    """Single victims named without a number: "the strike that killed General X" (1 dead),
    "a protester was shot" (1 injured), "police arrested a teacher and a driver" (2)."""
    out: dict[tuple[str, int], float] = {}
    for tok in sent:
        role = VICTIM_ROLES.get(tok.lemma_.lower())
        if role is None or tok.pos_ != "VERB" or tok.i in taken or not linked(tok):
            continue
        if tok.lemma_.lower() == "shoot" and any(c.lower_ == "dead" for c in tok.children):
            role = "dead"
        if tok.lemma_.lower() == "land":  # "landed a live round on a protester"
            victims = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"
                       for g in c.children if g.dep_ == "pobj"
                       and g.ent_type_ not in ("DATE", "TIME")]
        else:
            victims = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if tok.dep_ == "acl" and tok.tag_ == "VBN" or (
                tok.dep_ == "acl" and any(c.dep_ == "auxpass" for c in tok.children)):
            victims.append(tok.head)  # "a protester being shot", "the general killed in"
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        count = 0
        for victim in victims:
            people = [victim] + [c for c in victim.subtree if c.dep_ == "conj"
                                 and c.head.i in {victim.i} | {x.i for x in victim.subtree}]
            if all(_singular_person(p) for p in people):
                count += len(people)
            else:
                count = 0
                break
        if count:
            out[(role, tok.i)] = float(count)
    return out


def _tally(sent: Span, qs: list[Quantity], linked: Callable[[Token], bool],
           implicit: bool = True) -> dict[str, float]:
    doc = sent.doc
    groups: dict[tuple[str, int], list[float]] = {}
    last: tuple[str, Token] | None = None
    for q in qs:
        if q.money or q.qualifier in ("projected", "less than"):
            continue
        anchor = doc[q.head_i] if q.head_i is not None else doc[q.num_i]
        found = casualty_anchor(anchor) or (casualty_anchor(doc[q.num_i]) if q.num_i >= 0
                                            else None)
        bare = found is None and q.head_i is None and q.num_i >= 0  # a figure with no noun
        if bare and _own_state(doc[q.num_i]):
            continue  # "and 3 missing": neither more dead nor a crowd
        if bare and last is not None and _elliptic_member(doc[q.num_i], last[1]):
            found = last
        if not linked(found[1] if found else anchor):
            continue
        value = _each(doc[q.num_i], q.value) if q.num_i >= 0 else q.value
        if found is not None:
            groups.setdefault((found[0], found[1].i), []).append(value)
            last = found
        elif q.unit in SIZE_UNITS:
            groups.setdefault(("size", anchor.i), []).append(value)
    if implicit:
        taken = {i for _, i in groups}
        for key, value in _implicit_victims(sent, linked, taken).items():
            groups[key] = [value]
    out: dict[str, float] = {}
    for (role, _), items in groups.items():
        # several figures on one casualty word are an enumeration: "killed 5 soldiers and 3
        # civilians"; figures on different words are alternatives: the largest wins
        total = float(sum(items)) if role != "size" else max(items)
        out[role] = max(out.get(role, 0.0), total)
    return out
