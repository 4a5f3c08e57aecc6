"""From the n-gram hits in a phrase to one Resolution (the rules are listed in docs/actors.md)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .files import Office, Org
from .hits import Hit, PersonRef, Place, Resolution, Role
from .text import PUNCT, fold, is_capitalised, tokens

if TYPE_CHECKING:
    from .kb import ActorKB

LEAD = frozenset({"the", "a", "an", "some", "several", "two", "three", "many"})
# A country named after these is what the phrase is about, not whose it is ("an expert on Korea").
EXCLUDE = frozenset({"on", "about", "to", "against", "toward", "towards", "with", "into", "over",
                     "versus", "vs", "than", "for", "near", "outside", "between"})
CONJ = frozenset({"and", "or", "&", "plus"})
FUNCTION = frozenset({"of", "the", "a", "an", "in", "at", "from", "by", "'s", "its", "his", "her",
                      "their", "de", "al", "el", "bin", "ibn", "da", "del", "van", "von", "der",
                      "la", "le", "du", "di", "dos", "do", "based", "led", "backed", "s",
                      "current", "new", "top", "senior", "local", "national", "ruling", "some",
                      "several", "other", "two", "three", "many", "heavily", "armed", "largest",
                      "main", "own", "then", "acting", "interim", "state", "federal", "official"})
STRONG = frozenset({"office", "body", "group", "commentator", "bloc"})
ARMED = frozenset({"REB", "PRM", "CRM", "UAF"})
STATE_WORDS = frozenset({"government", "governments", "authorities", "authority", "administration",
                         "regime", "junta", "ruling junta", "cabinet", "presidency", "leadership"})
LEADER_WORDS = frozenset({"leader", "head", "head of state", "dictator", "strongman", "autocrat",
                          "chief"})
OFFICE_SYNONYMS = {"premier": ["prime minister"], "defense minister": ["defence minister"],
                   "defence secretary": ["defence minister", "defense secretary"],
                   "defense secretary": ["defence minister", "defense secretary"],
                   "foreign secretary": ["foreign minister"],
                   "chief secretary": ["chief cabinet secretary"],
                   "head of government": ["prime minister"]}
SECTOR_RANK = {"GOV": 0, "MIL": 1, "SPY": 2, "JUD": 3, "COP": 4, "LEG": 5}
# "Republican senators", "Democratic Representatives": members of the US Congress by party.
US_PARTY = frozenset({"democratic", "democrat", "democrats", "republican", "republicans", "gop"})
LEGISLATORS = frozenset({"senator", "senators", "representative", "representatives", "lawmaker",
                         "lawmakers", "congressman", "congressmen", "congresswoman",
                         "congresswomen", "legislator", "legislators", "members", "member",
                         "leader", "leaders", "leadership"})
# Organisations whose generic names ("Defense Department") another country's cue re-homes.
STATE_KINDS = frozenset({"government_body", "military", "police", "intelligence", "legislature",
                         "court"})
NON_STATE = frozenset({"UNO", "EUR", "IGO", "NGO", "IMG"})


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    hit: Hit | None
    word: str


def _choose(hits: list[Hit], toks: list[str], on: date | None) -> Hit | None:
    named = any(is_capitalised(t) for t in toks) if len(toks) > 1 else is_capitalised(toks[0])
    orgs = [h for h in hits if isinstance(h, Org)]
    if orgs and named and on is not None and len(orgs) > 1:
        live = [o for o in orgs if o.active(on)]
        if live:
            orgs = live
        else:  # the closest period: the first one before it started, the last one after it ended
            future = [o for o in orgs if o.start and on < o.start]
            orgs = sorted(future, key=lambda o: o.start) if len(future) == len(orgs) else \
                sorted(orgs, key=lambda o: o.end or date.max, reverse=True)
    for hit in hits:
        if isinstance(hit, (PersonRef, Org)) and not named:
            continue
        return orgs[0] if isinstance(hit, Org) else hit
    return None


def scan(kb: ActorKB, toks: list[str], on: date | None = None) -> list[Item]:
    """Longest-first n-gram matches, left to right; uncovered tokens become Items without a hit."""
    keys = [fold(t) for t in toks]
    out: list[Item] = []
    i, n = 0, len(toks)
    while i < n:
        found: tuple[int, Hit] | None = None
        for size in range(min(kb.maxlen, n - i), 0, -1):
            hits = kb.index.get(" ".join(keys[i:i + size]))
            if size == 1 and toks[i] in kb.exact:
                hits = kb.exact[toks[i]] + (hits or [])
            if hits:
                hit = _choose(hits, toks[i:i + size], on)
                if hit is not None:
                    found = (size, hit)
                    break
        if found is None and kb.stems and toks[i] not in PUNCT:
            for cut in range(len(keys[i]) - 1, 2, -1):
                stem = kb.stems.get(keys[i][:cut])
                if stem:
                    found = (1, stem[0])
                    break
        if found is None and kb.stems and keys[i] in kb.stems:
            found = (1, kb.stems[keys[i]][0])
        size = found[0] if found else 1
        out.append(Item(i, i + size, found[1] if found else None, " ".join(toks[i:i + size])))
        i += size
    return out


def person_resolution(kb: ActorKB, text: str, name: str, on: date, former: bool) -> Resolution:
    """A known person on a date: the office held then; after every term ELI (a former official);
    before any term the country of the first office with no sector (not yet in office)."""
    offices = kb.people[name]
    active = [o for o in offices if o.active(on)]
    if active and not former:
        best = min(active, key=lambda o: (SECTOR_RANK.get(o.sector or "", 9),
                                          -(o.start or date.min).toordinal()))
        return Resolution(text, best.country, best.sector, name, best.role, 0.95)
    past = [o for o in offices if o.end is not None and o.end <= on] or (offices if former else [])
    if past:
        last = max(past, key=lambda o: o.end or on)
        role = f"former {last.role}" if last.role else "former official"
        return Resolution(text, last.country, "ELI", name, role, 0.85)
    return Resolution(text, offices[0].country, None, name, None, 0.6)


def _holder(kb: ActorKB, country: str, word: str, on: date) -> Office | None:
    if word in LEADER_WORDS:
        names = [kb.leaders.get(country, ""), "president", "prime minister", "supreme leader",
                 "king"]
    else:
        names = [word, *OFFICE_SYNONYMS.get(word, [])]
    for role in names:
        if role and (office := kb.holder(country, role, on)) is not None:
            return office
    return None


def _named_places(items: list[Item]) -> list[Item]:
    """Drop a one-word region or city that is part of a name ("Nawaf Al-Sabah", "Puerto X");
    a longer place name after a name stays a cue ("... Alliance Northern Territory")."""
    out: list[Item] = []
    for i, it in enumerate(items):
        prev = items[i - 1] if i else None
        if isinstance(it.hit, Place) and it.hit.kind in ("region", "city") and prev is not None \
                and it.end - it.start == 1 \
                and prev.hit is None and is_capitalised(prev.word) and prev.word[:1].isalpha():
            out.append(Item(it.start, it.end, None, it.word))
            continue
        out.append(it)
    return out


def _kept(items: list[Item]) -> list[Item]:
    """Items before the first free conjunction, without what follows an excluding preposition."""
    kept: list[Item] = []
    excluded = False
    for it in items:
        if it.hit is None:
            w = fold(it.word)
            if w in CONJ and any(k.hit is not None for k in kept):
                break
            if w in (",", ";", "("):
                excluded = False
            elif w in EXCLUDE:
                excluded = True
                continue
        if not excluded:
            kept.append(it)
    return kept


def compose(kb: ActorKB, text: str, on: date) -> Resolution:
    """One Resolution for a phrase: a known person, else an organisation, else role words and
    country cues; never a guess (unknown names give country None and a low confidence)."""
    toks = tokens(text)
    while toks and fold(toks[0]) in LEAD:
        toks = toks[1:]
    if len(toks) > 1 and fold(toks[0]) == "official" and is_capitalised(toks[1]):
        toks = toks[1:]  # "official Beijing"
    items = scan(kb, toks, on)
    if len(items) > 2 and isinstance(items[0].hit, Role) and items[0].hit.word == "official" \
            and items[1].hit is None and fold(items[1].word) not in ("of", ",", "'s") \
            and any(it.hit is not None for it in items[2:]):
        items = items[1:]  # "official residence ... of the President": an adjective
    kept = _named_places(_kept(items))
    hits = [it for it in kept if it.hit is not None]
    roles = [it for it in hits if isinstance(it.hit, Role)]
    places = [it for it in hits if isinstance(it.hit, Place)]
    former = any(r.hit.kind == "former" for r in roles)  # type: ignore[union-attr]
    loose = [it for it in kept if it.hit is None and fold(it.word) not in FUNCTION
             and it.word not in PUNCT and fold(it.word) not in CONJ]
    caps = [it for it in loose if is_capitalised(it.word) and it.word[:1].isalpha()]
    unknown_name = len(caps) >= 2 or any(it.start > 0 for it in caps)
    of_pos = next((it.start for it in kept if it.hit is None and fold(it.word) == "of"), None)

    person = next((it for it in hits if isinstance(it.hit, PersonRef)), None)
    if person is not None:
        res = person_resolution(kb, text, person.hit.name, on, former)  # type: ignore[union-attr]
        if res.country is None and places:
            res = Resolution(text, places[0].hit.code, res.sector, res.entity, res.role,  # type: ignore[union-attr]
                             res.confidence)
        return res

    head = _head(roles, of_pos)
    country = places[0].hit.code if places else None  # type: ignore[union-attr]
    org_item = next((it for it in hits if isinstance(it.hit, Org)), None)
    if org_item is not None:
        return _org_resolution(text, org_item, roles, places, head, country, former,
                               unknown_name)
    return _role_resolution(kb, text, toks, kept, roles, places, loose, head, country, of_pos,
                            former, unknown_name, on)


def _org_resolution(text: str, org_item: Item, roles: list[Item], places: list[Item],
                    head: Role | None, country: str | None, former: bool,
                    unknown_name: bool) -> Resolution:
    """The Resolution of a phrase naming an organisation ("Chile's Defense Department")."""
    org: Org = org_item.hit  # type: ignore[assignment]
    sector, role = org.sector, None
    after = [r for r in roles if r.hit.kind in STRONG and r.start > org_item.start]  # type: ignore[union-attr]
    if after and org.sector not in ARMED and after[-1].hit.sector:  # type: ignore[union-attr]
        sector, role = after[-1].hit.sector, after[-1].hit.word  # type: ignore[union-attr]
    elif sector is None and head is not None:
        sector, role = head.sector, head.word
    code = org.code
    agent = next((r.hit for r in roles if r.hit.code), None)  # type: ignore[union-attr]
    if code and agent is not None:
        code, sector = code + agent.code, agent.sector or sector  # type: ignore[operator]
        role = agent.word
    if former:
        sector = "ELI"
    home, name = org.country or country, org.name
    cue = next((p for p in places if p.start < org_item.start and  # type: ignore[union-attr]
                p.hit.kind in ("country", "demonym", "seat")), None)  # type: ignore[union-attr]
    if cue is not None and org.kind in STATE_KINDS and org.country not in NON_STATE \
            and cue.hit.code != org.country and not code:  # type: ignore[union-attr]
        # "Chile's Defense Department": a generic name re-homed by the country before it
        home, name = cue.hit.code, None  # type: ignore[union-attr]
        if org.kind == "government_body" and not role and not former:
            sector = "GOV"
    return Resolution(text, home, sector, name, role,
                      0.75 if unknown_name else 0.9, code)


def _role_resolution(kb: ActorKB, text: str, toks: list[str], kept: list[Item],
                     roles: list[Item], places: list[Item], loose: list[Item],
                     head: Role | None, country: str | None, of_pos: int | None, former: bool,
                     unknown_name: bool, on: date) -> Resolution:
    """The Resolution of a phrase of role words and country cues ("Republican senators")."""
    place: Place | None = places[0].hit if places else None  # type: ignore[assignment]
    bare = not loose and not roles
    entity = None
    if head is None:
        if place is None:
            return Resolution(text, None, "ELI" if former else None, None, None,
                              0.3 if former else (0.1 if unknown_name else 0.0))
        sector = {"country": "GOV", "seat": "GOV", "disputed": "PRE", "city": "CVL"}.get(place.kind) \
            if bare else None
        if former:
            sector = "ELI"
        if sector == "GOV":
            entity = kb.country_names.get(place.code, place.name)
        conf = {"country": 0.9, "seat": 0.85, "demonym": 0.6}.get(place.kind, 0.5)
        return Resolution(text, place.code, sector, entity, None, conf if bare else round(conf - 0.2, 2))
    sector, role = head.sector, head.word
    if head.word in LEGISLATORS and country in (None, "USA") and any(
            fold(it.word) in US_PARTY and is_capitalised(it.word) for it in kept if it.hit is None):
        sector, country = "LEG", "USA"  # "Republican senators", "Democratic Representatives"
    if of_pos is not None and head.kind in ("office", "generic"):
        # "President of the Human Rights League": an office holder of a body has its sector
        body = [r.hit for r in roles if r.start > of_pos and r.hit.kind == "body"]  # type: ignore[union-attr]
        if body and body[-1].sector:
            sector = body[-1].sector
    if head.kind == "bloc":
        return Resolution(text, None, sector, " ".join(t for t in toks if t not in PUNCT),
                          role, 0.4)
    if former:
        sector = "ELI"
    conf = 0.8 if country else 0.5
    if head.kind == "commentator":
        conf = 0.3
    elif country and not former and not unknown_name:
        if head.word in STATE_WORDS and place is not None and place.kind in (
                "country", "demonym", "seat"):
            entity = kb.country_names.get(country)
        elif head.kind in ("office", "generic") and not head.word.endswith("s"):
            office = _holder(kb, country, head.word, on)
            if office is not None:
                entity, conf = office.name, 0.85
    elif unknown_name:
        conf = 0.5 if country is None else 0.6
    return Resolution(text, country, sector, entity, role, conf)


def _head(roles: list[Item], of_pos: int | None):  # -> Role | None
    """The role that types the phrase: the last strong role word (office, body, group,
    commentator, bloc) before "of", else the last one after it; else a modifier ("Muslim"), else
    a generic word ("leader")."""
    strong = [r for r in roles if r.hit.kind in STRONG]  # type: ignore[union-attr]
    if strong:
        before = [r for r in strong if of_pos is None or r.start < of_pos]
        return (before or strong)[-1].hit
    for kind in ("modifier", "generic"):
        found = [r for r in roles if r.hit.kind == kind and r.hit.sector]  # type: ignore[union-attr]
        if found:
            return found[-1].hit
    return None
