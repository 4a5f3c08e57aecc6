"""Claim groups: the same figure-about-the-same-thing across articles, claimants and dates.

Pure functions over `sitroom.records.Claim`. Conventions (docs/claims.md):

- Two claims are about the same quantity when they count the same thing (`counted`, else the
  unit: troops = soldiers) in the same role (`role`: dead, injured, crowd, deployed, money,
  ...; for `other`, the kind the `about` says), for the same event or story, and their `about`
  texts agree: the words before the counted noun ("North Korean") overlap or one side has
  none, and the named places after it ("in Russia") overlap or one side has none. Same event:
  two claims linked to different events of one article, or to different canonical events
  (`event_of`, in a store), are about different things. And something must tie a claim to the
  group (`_tied`): the same event, a shared subject or place, or the same figure again; two
  different figures of one sentence never share a group (`_same_sentence`).
- A sub-quantity ("around 8,000 stationed near the Ukrainian border" beside "approximately
  10,000 in Russia") is a claim from the same article and claimant, same unit, role and
  subject, with a smaller value and a different place: it gets its own group whose
  `parent_group_id` points at the group of the larger figure.
- `contested`: the latest figures (projections left out) of at least two claimants (the
  article's voice is one, each attributed source another) cannot both hold given their
  qualifiers (`compatible`: "more than 12,000" and "about 3,000" conflict, "at least 80" and
  "more than 200" do not). A toll (dead, injured, ...) told larger later is the toll rising,
  not a conflict. One claimant changing its figure over time is an update (`updates`).
- `min`/`max` are over the group's non-projected values (value_max included); a group with only
  projections uses those.
- `group_id` = stable hash of the founding claim's normalised about + unit + role (founding =
  earliest by article date, then article id, evidence offset, claim id), plus the founding
  claim's id when an earlier group has the same description. Groups come out in that order.
- In a store, groups stay inside one story (`story_of`): the same words about unrelated events
  ("20 people were killed") are different figures, not a dispute.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..nlp.numbers import VAGUE
from ..records import Claim, stable_id
from .parts import another_set, told_as_part

CONTESTED_FACTOR = 1.5
"""Kept for callers: no longer the contest test (see `compatible`)."""
EXACT_SLACK = 0.05
"""A bare figure in the news is rounded: "3,000" holds for 2,850..3,150."""
APPROX_SLACK = 0.25
""""About 3,000" holds for 2,400..3,750: an estimate a quarter off is still that estimate."""
_EDGES = frozenset({"border", "borders", "frontier", "boundary"})
"""Place nouns after a country's name that put the figure outside the country ("40,000 troops on
the Lebanese border") where the country alone puts it inside ("10,000 in southern Lebanon")."""
SAME_FIGURE_MIN = 10
"""A figure told again ties two bare claims only from this size up: "two issues", "three
people" recur by chance in one story (measured on the Wikinews store: most impure groups of
equal values were such small counts)."""
RISING_ROLES = frozenset({"dead", "injured", "casualties", "arrested", "displaced", "held"})
"""Counts that only grow as a story goes on: a later, larger toll by another source is the toll
rising, not a dispute."""

PERIOD_TOTAL = re.compile(
    r"\bsince (?:the )?(?:start|beginning|outbreak|onset)\b|\bsince (?:(?:early|late|mid-?) )?"
    r"(?:1[89]|20)\d\d\b|\b(?:in|over|during|for) the (?:past|last|previous) (?:\w+ )?"
    r"(?:days|weeks|months|years|decades?)\b|\bso far (?:this|in) (?:year|month|week|"
    r"(?:1[89]|20)\d\d)\b|\bthis year\b|"
    r"\bin recent (?:days|weeks|months|years)\b", re.IGNORECASE)
"""A toll over a period ("hundreds of policemen have been killed since the start of the war",
"in the past six months 298 have been killed"): a running total, not one attack's toll."""
OTHER_ATTACK = re.compile(
    r"\b(?:(?:another|other|separate|earlier|previous|similar)|"
    r"(?:comes?|came|coming|follows?|followed) (?:(?:just|only|days|weeks|hours|a "
    r"day|a week) )*(?:after )?(?:a|an|the|two|three|four|five|several|\d+)) "
    r"(?:(?:\w+ ){0,2})(?:attacks?|bombings?|blasts?|explosions?|incidents?|raids?|shootings?|"
    r"strikes?|ambush(?:es)?|clash(?:es)?|assaults?)\b", re.IGNORECASE)
"""A toll told of another attack than the one the article reports ("51 were killed in another
bombing", "a separate blast killed 15", "this attack comes after a bombing on Tuesday killed
51", "the shooting followed four deadly mass shootings"); not "the second blast" of twin
bombs."""


def told_elsewhere(sentence: str) -> bool:
    """The sentence tells a period (PERIOD_TOTAL) or another attack (OTHER_ATTACK): a toll in
    it is a running total or another attack's, not the toll the article reports."""
    return bool(PERIOD_TOTAL.search(sentence) or OTHER_ATTACK.search(sentence))


UNIT_SYNONYMS = {
    "troop": "soldier", "soldier": "soldier", "serviceman": "soldier", "servicemen": "soldier",
    "servicemember": "soldier", "trooper": "soldier",
    "people": "person", "person": "person", "persons": "person", "individual": "person",
    "shell": "shell", "vote": "vote", "ballot": "vote",
}
_KINDS = {"kill": "dead", "dead": "dead", "death": "dead", "bodi": "dead", "body": "dead",
          "fatal": "dead", "toll": "dead", "wound": "injured", "injur": "injured",
          "hurt": "injured", "arres": "arrested", "detai": "arrested", "favou": "for",
          "favor": "for", "again": "against", "oppos": "against"}
_STOP = frozenset("""a an the of in into near at on to from by for with and or its their his her
currently now who that which were are is was be been being number future projected estimated
estimate approximately around about some more than over least up under nearly almost total
there this these those per""".split())
_LOCATIVE = frozenset("in near at on inside along across into to within outside around "
                      "throughout".split())
_ORIGIN = frozenset({"from"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_MONEY_WORDS = frozenset("""money cash sum amount total figure fund funds dollar dollars euro
euros pound pounds usd eur gbp us worth apiece each""".split())


def _purpose(claim: Claim, words: list[tuple[str, int]]) -> frozenset[str]:
    """What a sum of money is for, as its about says ("a $300 donation", "a $300 fine": two
    sums, though one value): the about's words before its first preposition."""
    if claim.role != "money":
        return frozenset()
    out = set()
    for w, _ in words:
        low = w.lower()
        if low in _LOCATIVE or low in _ORIGIN or low in ("by", "with", "of", "for"):
            break
        if low not in _STOP and low not in _MONEY_WORDS and not w.isupper():
            out.add(_stem(w))
    return frozenset(out)


def canonical_unit(unit: str) -> str:
    """The grouping unit: lowercased, singular, synonyms folded ("troops" -> "soldier")."""
    u = unit.strip()
    if u.isupper():               # currency codes
        return u
    u = u.lower()
    if u in UNIT_SYNONYMS:
        return UNIT_SYNONYMS[u]
    single = re.sub(r"(?<=[^s])s$", "", u)
    return UNIT_SYNONYMS.get(single, single)


def _stem(word: str) -> str:
    w = word.lower().strip(".'’-")
    w = re.sub(r"['’]s$", "", w)
    return w[:5] if len(w) > 5 else re.sub(r"(?<=[^s])s$", "", w)


@dataclass(frozen=True)
class _Features:
    unit: str
    kind: str | None
    subject: frozenset[str]
    places: frozenset[str]
    key: str
    event: tuple[str, str] | None = None
    """(article id, event id) of the claim's event, or None."""
    canonical: str | None = None
    """The canonical event of that event (in a store), or None."""
    named: frozenset[str] = frozenset()
    """The named part of the subject ("North Korean", "from North Korea"): what ties two
    descriptions, where "new", "other" or "female" do not."""
    purpose: frozenset[str] = frozenset()
    """What a sum of money is ("donation", "fine", "maternity payment"): stems of its about
    before any preposition, generic words of money left out; empty for other roles."""


def _features(claim: Claim, event_of: Mapping[str, str] | None = None) -> _Features:
    unit = canonical_unit(claim.counted or claim.unit)
    words = [(m.group(0), m.start()) for m in _WORD.finditer(claim.about)]
    unit_stems = {_stem(w) for w, u in UNIT_SYNONYMS.items() if u == unit} | {_stem(unit)}
    head = next((i for i, (w, _) in enumerate(words) if _stem(w) in unit_stems), None)
    kind = claim.role if claim.role != "other" else \
        next((_KINDS[_stem(w)] for w, _ in words if _stem(w) in _KINDS), None)
    before = words[:head] if head is not None else []
    after = words[head + 1:] if head is not None else words
    subject = {_stem(w) for w, _ in before if w.lower() not in _STOP}
    named = {_stem(w) for w, _ in before if w[0].isupper() and w.lower() not in _STOP}
    places = set()
    prep = "in" if head is None else ""
    for i, (w, pos) in enumerate(after):
        low = w.lower()
        if low == "of" and prep in _LOCATIVE:
            continue                   # "in the districts of Dhubri": still the place
        if low in _LOCATIVE or low in _ORIGIN or low in ("by", "with", "of", "for"):
            prep = low
        elif w[0].isupper() and pos > 0 and low not in _STOP and _stem(w) not in _KINDS:
            if prep in _LOCATIVE:      # "on the Lebanese border" is not "in Lebanon"
                edge = i + 1 < len(after) and after[i + 1][0].lower() in _EDGES
                places.add(_stem(w) + (" border" if edge else ""))
            elif prep in _ORIGIN:      # "troops from North Korea" = "North Korean troops"
                subject.add(_stem(w))
                named.add(_stem(w))
    rest = sorted(_stem(w) for w, _ in after if w.lower() not in _STOP)
    key = " ".join([*sorted(subject), unit, *rest])
    event = (claim.article_id, claim.event_id) if claim.event_id else None
    canonical = event_of.get(claim.event_id) if event_of and claim.event_id else None
    return _Features(unit, kind, frozenset(subject), frozenset(places), key, event, canonical,
                     frozenset(named), _purpose(claim, words))


def _other_event(a: _Features, b: _Features) -> bool:
    """The two claims count for different events: two events of one article, or two canonical
    events (a claim without an event, or across articles without canonical events, may join)."""
    if a.event is None or b.event is None:
        return False
    if a.event[0] == b.event[0]:
        return a.event != b.event
    return a.canonical is not None and b.canonical is not None and a.canonical != b.canonical


def _compatible(a: _Features, b: _Features) -> bool:
    if a.unit != b.unit or a.kind != b.kind:
        return False
    if a.subject and b.subject and not (a.subject & b.subject):
        return False
    if a.purpose and b.purpose and not (a.purpose & b.purpose):
        return False                    # "a $300 donation", "a $300 fine"
    return not (a.places and b.places and not (a.places & b.places))


def claimant_key(claim: Claim) -> str:
    """Who says it: the resolved entity, else country and name, else "narrator"."""
    c = claim.claimant
    if c is None:
        return "narrator"
    if c.entity:
        return c.entity
    name = re.sub(r"^the\s+", "", c.text.strip().lower())
    return f"{c.country or '?'}:{name}"


def _order(claim: Claim) -> tuple[Any, ...]:
    return (claim.article_date, claim.article_id, claim.evidence.start, claim.claim_id)


def _when(claim: Claim) -> tuple[date, date, int]:
    return (claim.date or claim.article_date, claim.article_date, claim.evidence.start)


@dataclass(frozen=True)
class ClaimGroup:
    """Claims about one thing; `parent_group_id` links a sub-quantity to its whole."""

    group_id: str
    about: str
    unit: str
    claims: tuple[Claim, ...]
    min: float
    max: float
    contested: bool
    latest_by_claimant: dict[str, Claim] = field(default_factory=dict, hash=False)
    parent_group_id: str | None = None


@dataclass
class _Draft:
    features: _Features
    members: list[tuple[Claim, _Features]]
    subject: set[str]
    places: set[str]
    purpose: set[str] = field(default_factory=set)

    def accepts(self, claim: Claim, f: _Features) -> bool:
        union = _Features(self.features.unit, self.features.kind, frozenset(self.subject),
                          frozenset(self.places), "", purpose=frozenset(self.purpose))
        return _compatible(union, f) and not any(_other_event(m, f) for _, m in self.members) \
            and not any(_same_sentence(claim, c) or _same_voice(claim, c)
                        or _other_toll(claim, c) for c, _ in self.members) \
            and any(_tied((claim, f), m) for m in self.members)

    def add(self, claim: Claim, f: _Features) -> None:
        self.members.append((claim, f))
        self.subject |= f.subject
        self.places |= f.places
        self.purpose |= f.purpose


def _same_sentence(a: Claim, b: Claim) -> bool:
    """Two figures of one sentence ("231 Democrats supported it and two opposed", "28 million,
    against 32 million last time", "Likud got 11 or 12 seats ... and Shas 10 or 11 seats"): a
    sentence does not tell one quantity twice, with two values or with one value twice (a
    range is one claim; a projection is the same quantity to come)."""
    return a.article_id == b.article_id and a.evidence.start == b.evidence.start and \
        a.claim_id != b.claim_id and "projected" not in (a.qualifier, b.qualifier)


_PERIOD_ROLES = frozenset({"dead", "injured", "missing", "casualties", "arrested",
                           "displaced", "held"})


def _other_toll(a: Claim, b: Claim) -> bool:
    """A toll told over a period or of another attack (`told_elsewhere`: "hundreds of
    policemen have been killed since the start of the war", "this attack comes after a bombing
    on Tuesday killed 51") and a toll told without either ("four policemen are dead after a
    roadside explosion", "a bombing has killed 15") count different things, even linked to one
    event: a running total, or another attack's toll, is not the reported attack's."""
    return a.role in _PERIOD_ROLES and b.role in _PERIOD_ROLES and \
        told_elsewhere(a.evidence.text) != told_elsewhere(b.evidence.text)


def _same_voice(a: Claim, b: Claim) -> bool:
    """Two different figures of one claimant in one article ("12 Grand Slams" and "5 Grand
    Slams" of the article's own voice; "7 killed" today and "298 killed in six months"): one
    voice does not tell one quantity with two values in one article (a projection is the
    quantity to come; a part has its own group)."""
    return a.article_id == b.article_id and claimant_key(a) == claimant_key(b) and \
        (a.value, a.value_max) != (b.value, b.value_max) and \
        "projected" not in (a.qualifier, b.qualifier)


def _unknown_figures(a: Claim, b: Claim) -> bool:
    """Two different figures of role `other`: a shared name or place ("Grand Slams", "U.S.
    states", "rockets into Israel") does not make them one quantity; an article counts
    different things of that name ("ate five Grand Slams", "makes 100 Grand Slams an hour"),
    and so do articles of one story ("nearly 10,000 rockets fired into Northern Israel since
    2000", "three Qassam rockets fired into Southern Israel Sunday night"). Only the same
    event, or the same figure told again, ties them."""
    return "other" in (a.role, b.role) and (a.value, a.value_max) != (b.value, b.value_max)


def _tied(a: tuple[Claim, _Features], b: tuple[Claim, _Features]) -> bool:
    """Something says the two claims count the same thing, beyond the unit and role: the same
    event (the same event of one article, or the same canonical event), a named subject or a
    place their descriptions share ("North Korean", "in Russia"; not "new" or "other"; and not
    between two different figures of role `other`), or the same figure told again (not a
    vague plural's reading: "millions of dollars" twice names no one sum); none of these ties
    a figure its about calls another set ("two other PETA members"). A
    bare "20 people" or "2.5 billion euros" with none of these is not known to count what
    another figure of that unit does."""
    (ca, fa), (cb, fb) = a, b
    if fa.event is not None and (fa.event == fb.event or (
            fa.canonical is not None and fa.canonical == fb.canonical)):
        return True
    if another_set(ca, cb):
        return False                    # "two other PETA members" are not the two before
    if (fa.named & fb.named or fa.places & fb.places) and not _unknown_figures(ca, cb):
        return True
    return (ca.value, ca.value_max) == (cb.value, cb.value_max) and \
        ca.value >= SAME_FIGURE_MIN and not (vague(ca) or vague(cb))


def _is_part(part: tuple[Claim, _Features], whole: tuple[Claim, _Features]) -> bool:
    """A sub-quantity: a smaller figure of the same thing in the same article, told for a
    place of its own. By the same claimant, any other place ("around 8,000 near the border" of
    "10,000 in Russia"); by another claimant (a part-count: "two were killed in Khiali" of the
    13 killed in the clashes), a place the whole does not name, for the same event."""
    (pc, pf), (wc, wf) = part, whole
    if not (pc.article_id == wc.article_id and pf.unit == wf.unit and pf.kind == wf.kind
            and pc.value < wc.value and pc.qualifier != "projected"
            and wc.qualifier != "projected"
            and not (pf.subject and wf.subject and not pf.subject & wf.subject)):
        return False
    if told_as_part(pc, wc):
        return True                     # "al-Tunisi and two others" of "killed three"
    if claimant_key(pc) == claimant_key(wc):
        return pf.places != wf.places
    return bool(pf.places) and not pf.places & wf.places and pf.event == wf.event


def bounds(claim: Claim) -> tuple[float, float]:
    """The values a claim allows, given its qualifier: a vague plural from its reading up to
    VAGUE_SPAN times it, a bare figure within EXACT_SLACK, an estimate within APPROX_SLACK,
    "more than"/"at least" upwards, "up to"/"less than" below."""
    low, high = claim.value, claim.value_max or claim.value
    q = claim.qualifier
    if vague(claim):
        return low, high * VAGUE_SPAN
    if q in ("approximately", "projected"):
        return low / (1 + APPROX_SLACK), high * (1 + APPROX_SLACK)
    if q in ("more than", "at least"):
        return low * (1 - EXACT_SLACK), float("inf")
    if q in ("up to", "less than"):
        return 0.0, high * (1 + EXACT_SLACK)
    return low * (1 - EXACT_SLACK), high * (1 + EXACT_SLACK)


VAGUE_SPAN = 5
""""Hundreds" (read as 200) holds for 200..1,000, "dozens" (24) for 24..120, "thousands" for
2,000..10,000: a vague plural is a floor, not an estimate of its reading."""


def vague(claim: Claim) -> bool:
    """The figure is a vague plural ("hundreds", "dozens of"): its value is VAGUE's reading
    of a word its sentence holds."""
    text = claim.evidence.text.lower()
    return claim.value_max is None and any(
        n == claim.value and re.search(rf"\b{word}\b", text) for word, n in VAGUE.items())


def compatible(a: Claim, b: Claim) -> bool:
    """Whether two claims about one quantity can both hold: their `bounds` overlap, or the
    quantity only rises (RISING_ROLES) and the later claim is the larger."""
    (alo, ahi), (blo, bhi) = bounds(a), bounds(b)
    if alo <= bhi and blo <= ahi:
        return True
    if a.role in RISING_ROLES:
        first, then = sorted((a, b), key=_when)
        if first.date != then.date and bounds(then)[0] > bounds(first)[1]:
            return True
    return False


def may_contest(a: Claim, b: Claim) -> bool:
    """Whether two claims of different claimants can be a dispute at all (CONTEST_RULES):
    a figure of a known role (`contest_known_role`), and not the article's own voice against a
    source it quotes in that article (`contest_own_voice`)."""
    return contest_rule(a, b) is None


def contest_rule(a: Claim, b: Claim) -> str | None:
    """The CONTEST_RULES rule that says `a` and `b` are no dispute, or None."""
    if a.role == "other" or b.role == "other":
        return "contest_known_role"
    if a.article_id == b.article_id and "narrator" in (claimant_key(a), claimant_key(b)):
        return "contest_own_voice"
    return None


CONTEST_RULES = {
    "contest_known_role": "a figure whose role is `other` (no rule says what it is of: "
                          "jobs, cars, Grand Slams, justices) contests nothing: two such figures "
                          "are not known to be one quantity",
    "contest_own_voice": "in one article, the article's own voice and a source it quotes do not "
                         "contest: the article tells a part, an older toll or a running total "
                         "beside the source's figure (\"Two were killed in Khiali\" beside "
                         "\"13 killed, according to Online\"); two quoted sources, or two "
                         "articles, may",
}
"""Why two claims of different claimants with incompatible figures are still no contest."""


def updates(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    """Claimants who revised their own figure: claimant -> their non-projected claims with a
    changed value, in date order (an update, never a contest)."""
    by: dict[str, list[Claim]] = {}
    for c in sorted((c for c in claims if c.qualifier != "projected"), key=_when):
        seq = by.setdefault(claimant_key(c), [])
        if not seq or (seq[-1].value, seq[-1].value_max) != (c.value, c.value_max):
            seq.append(c)
    return {k: v for k, v in sorted(by.items()) if len(v) > 1}


def _summary(members: list[Claim]) -> tuple[float, float, bool, dict[str, Claim]]:
    firm = [c for c in members if c.qualifier != "projected"] or members
    low = min(c.value for c in firm)
    high = max(max(c.value, c.value_max or c.value) for c in firm)
    latest: dict[str, Claim] = {}
    for c in sorted(firm, key=_when):
        latest[claimant_key(c)] = c
    said = [c for c in latest.values() if c.value > 0 and c.qualifier != "projected"]
    contested = any(may_contest(a, b) and not compatible(a, b)
                    for i, a in enumerate(said) for b in said[i + 1:])
    return low, high, contested, dict(sorted(latest.items()))


def _drafts(claims: list[Claim], event_of: Mapping[str, str] | None = None) -> list[_Draft]:
    """Group one partition's claims (sorted by `_order`) into drafts, wholes first."""
    items = [(c, _features(c, event_of)) for c in claims]
    # wholes first, so that a part never founds the group its whole then joins
    parts = {id(c) for c, f in items if any(_is_part((c, f), w) for w in items)}
    drafts: list[_Draft] = []
    for claim, f in [x for x in items if id(x[0]) not in parts] + \
            [x for x in items if id(x[0]) in parts]:
        fits = [d for d in drafts if d.accepts(claim, f) and not any(
            _is_part((claim, f), m) for m in d.members)]
        # a sum joins the group of its own purpose before a group of bare "money"
        target = next((d for d in fits if f.purpose & d.purpose), fits[0] if fits else None)
        if target is None:
            drafts.append(_Draft(f, [(claim, f)], set(f.subject), set(f.places),
                                 set(f.purpose)))
        else:
            target.add(claim, f)
    for d in drafts:
        d.members.sort(key=lambda m: _order(m[0]))
    return drafts


def _parent(draft: _Draft, others: list[_Draft]) -> _Draft | None:
    """The draft whose claims every claim of `draft` is a part of (a sub-quantity's whole)."""
    return next((o for o in others if o is not draft and all(
        any(_is_part(m, w) for w in o.members) for m in draft.members)), None)


def partition_key(article_id: str, story_of: Mapping[str, str] | None) -> str | None:
    """The partition a claim of this article groups in: its story (an article missing from
    `story_of` is a story of its own), or None (one partition) without `story_of`."""
    return story_of.get(article_id, article_id) if story_of is not None else None


Order = tuple[date, str, int, str]
"""A claim's founding order: article date, article id, evidence start, claim id."""


def claim_order(claim: Claim) -> Order:
    """The order claims found groups in (earliest first) and are listed in within a group."""
    return _order(claim)  # type: ignore[return-value]


@dataclass
class PendingGroup:
    """A group of one partition before its id is known (see `assign_group_ids`)."""

    draft: _Draft
    partition: str | None
    base_id: str
    """The plain id: a hash of the group's description (unit, kind, normalised about)."""
    alt_id: str
    """The id when an earlier group has the same description: the founder's id hashed in."""
    parent: PendingGroup | None = None

    @property
    def founder(self) -> Claim:
        return self.draft.members[0][0]

    @property
    def order(self) -> Order:
        return claim_order(self.founder)


def pending_groups(claims: Iterable[Claim], story_of: Mapping[str, str] | None = None,
                   event_of: Mapping[str, str] | None = None) -> list[PendingGroup]:
    """Group claims partition by partition (see `group_claims`), in founding order, ids not yet
    assigned. A partition's groups depend on its claims (and their events' canonical events,
    `event_of`) only."""
    partitions: dict[str | None, list[Claim]] = {}
    for claim in sorted(claims, key=_order):
        partitions.setdefault(partition_key(claim.article_id, story_of), []).append(claim)
    pending: list[PendingGroup] = []
    for key, members in partitions.items():
        local = _drafts(members, event_of)
        made = {}
        for d in local:
            f = d.features
            made[id(d)] = PendingGroup(
                d, key, stable_id("claimgroup", f.unit, f.kind, f.key),
                stable_id("claimgroup", f.unit, f.kind, f.key, d.members[0][0].claim_id))
        for d in local:
            parent = _parent(d, local)
            made[id(d)].parent = made[id(parent)] if parent is not None else None
        pending += made.values()
    pending.sort(key=lambda p: p.order)
    return pending


def assign_group_ids(candidates: Iterable[tuple[Order, str, str, Any]]) -> dict[Any, str]:
    """Ids for groups given as (founding order, base_id, alt_id, token), by token: in founding
    order, a group takes its plain `base_id` unless an earlier group already has it (the same
    description in another story, or a sub-quantity kept apart), then its `alt_id`. Over a
    whole store's groups this is `group_claims`' numbering; over every group sharing some
    base ids, it renumbers just those."""
    ids: dict[Any, str] = {}
    taken: set[str] = set()
    for _, base, alt, token in sorted(candidates, key=lambda c: c[0]):
        gid = alt if base in taken else base
        ids[token] = gid
        taken.add(gid)
    return ids


def complete_groups(pending: Iterable[PendingGroup], ids: Mapping[int, str]) -> list[ClaimGroup]:
    """ClaimGroups for pending groups, with ids by `id(pending group)` (parents included)."""
    groups = []
    for p in pending:
        gid = ids[id(p)]
        members = [replace(c, group_id=gid) for c, _ in p.draft.members]
        low, high, contested, latest = _summary(members)
        groups.append(ClaimGroup(gid, p.founder.about, p.draft.features.unit, tuple(members),
                                 low, high, contested, latest,
                                 ids[id(p.parent)] if p.parent is not None else None))
    return groups


def latest_by_claimant(claims: Iterable[Claim]) -> dict[str, Claim]:
    """Each claimant's latest non-projected claim (all claims when all are projections), as
    in `ClaimGroup.latest_by_claimant`."""
    return _summary(list(claims))[3]


def group_claims(claims: Iterable[Claim], story_of: Mapping[str, str] | None = None,
                 event_of: Mapping[str, str] | None = None) -> list[ClaimGroup]:
    """Group claims about the same thing; claims come back with `group_id` set.

    `story_of` (article id -> story id, `Store.claim_partitions`) keeps groups inside one
    story: "20 people were killed" in two unrelated articles is not one figure in dispute. An
    article missing from it is a story of its own. Without it, all claims may group together
    (a handful of related articles, as in `sitroom extract`). `event_of` (event id -> canonical
    event id, `Store.claim_events`) keeps claims of different canonical events apart."""
    pending = pending_groups(claims, story_of, event_of)
    ids = assign_group_ids((p.order, p.base_id, p.alt_id, id(p)) for p in pending)
    return complete_groups(pending, ids)


def group_to_dict(group: ClaimGroup) -> dict[str, Any]:
    """The JSON shape of a group (claims in their `Claim.to_dict()` shape): the one shape of
    `sitroom claims --format jsonl` and `/api/claims`."""
    founder = group.claims[0] if group.claims else None
    return {"group_id": group.group_id, "about": group.about, "unit": group.unit,
            "counted": founder.counted or group.unit if founder else group.unit,
            "role": founder.role if founder else "other",
            "event_id": next((c.event_id for c in group.claims if c.event_id), None),
            "min": group.min, "max": group.max, "contested": group.contested,
            "claims_count": len(group.claims),
            "claimants": sorted({claimant_key(c) for c in group.claims}),
            "parent_group_id": group.parent_group_id,
            "latest_by_claimant": {k: c.claim_id for k, c in group.latest_by_claimant.items()},
            "updates": {k: [c.claim_id for c in v] for k, v in updates(group.claims).items()},
            "claims": [c.to_dict() for c in group.claims]}
