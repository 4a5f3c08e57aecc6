"""What a figure counts (Claim.role): named role rules over the words around it, and the
ClaimRule record that role, link and claimant rules share (tests/claims/test_roles.py runs their
examples). Split from claims.py, which finds the claims, their claimants and their events."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..claims.groups import canonical_unit
from ..nlp.quantities import CASUALTY, Quantity, casualty_anchor


# --- what a figure is of the thing it counts (Claim.role), and the event it belongs to ---

@dataclass(frozen=True)
class ClaimRule:
    """A named decision about a claim: the role it gives (or the event link it makes), why, and
    an example sentence with the figure it fires on (tests/claims/test_roles.py runs them)."""

    name: str
    doc: str
    reason: str
    example: str
    figure: str
    gives: str


_SEATS = frozenset({"seat"})
_VOTES = frozenset({"vote", "ballot", "voter", "vote cast", "delegate", "elector"})
_VOTE_WORDS = frozenset({"vote", "elect", "ballot", "poll", "cast"})
_HELD_WORDS = frozenset({"hostage", "captive", "kidnap", "abduct", "hold", "held", "seize",
                         "imprison"})
_HELD_NOUNS = frozenset({"kidnapping", "abduction", "kidnap", "hostage-taking"})
"""Nouns of a taking that govern a figure through "of" ("the kidnapping of two soldiers")."""
_HELD_UNITS = frozenset({"hostage", "captive", "prisoner", "detainee", "abductee"})
_MISSING_WORDS = frozenset({"missing", "unaccounted"})
_DISPLACED_WORDS = frozenset({"displace", "displaced", "evacuate", "evacuated", "flee",
                              "homeless", "uproot", "relocate"})
_DISPLACED_UNITS = frozenset({"refugee", "evacuee", "asylum seeker", "migrant"})
_CROWD_UNITS = frozenset({"protester", "protestor", "demonstrator", "marcher", "rioter",
                          "participant", "crowd", "striker", "picketer", "mourner",
                          "spectator", "attendee", "supporter", "pilgrim"})
_CROWD_WORDS = frozenset({"protest", "rally", "march", "demonstrate", "demonstration", "gather",
                          "attend", "turn", "join", "riot", "strike", "crowd", "throng",
                          "vigil", "sit-in", "picket", "block", "watch", "mob", "flock"})
_DEPLOY_WORDS = frozenset({"deploy", "send", "dispatch", "station", "mobilize", "mobilise",
                           "post", "commit", "redeploy", "reinforce", "airlift", "withdraw",
                           "pull", "base"})
_FORCE_UNITS = frozenset({"soldier", "police", "policeman", "officer", "peacekeeper", "marine",
                          "troop", "personnel", "reservist", "paratrooper", "guard"})
_CASUALTIES = frozenset({"casualty"})
PLOVER_QUANTITY = {"dead": "dead", "injured": "injured", "arrested": "arrested", "crowd": "size",
                   "deployed": "size"}
"""The PLOVER quantity of an event that states a figure of each role (the event's own toll)."""


def _lemmas_above(anchor: Token, steps: int = 3) -> list[str]:
    """The figure's own word, its children's and the words governing it, up to its clause's verb
    and `steps` heads above, lowercased lemmas ("3,400 troops were deployed": troop, deploy)."""
    out = [anchor.lemma_.lower(), anchor.lower_]
    out += [c.lemma_.lower() for c in anchor.children if c.dep_ in ("amod", "acl", "relcl",
                                                                    "compound", "prep")]
    cur = anchor
    for _ in range(steps):
        if cur.head == cur:
            break
        cur = cur.head
        out += [cur.lemma_.lower(), cur.lower_]
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass", "xcomp"):
            break
    return out


def _near(anchor: Token, words: frozenset[str], span: int = 3) -> bool:
    """One of `words` within `span` tokens after the figure's noun ("200 missing", "15,000
    displaced") in its sentence."""
    doc = anchor.doc
    return any(doc[j].lemma_.lower() in words or doc[j].lower_ in words
               for j in range(anchor.i + 1, min(anchor.i + 1 + span, anchor.sent.end)))


_CASUALTY_NOUNS = {"killing": "dead", "death": "dead", "murder": "dead", "massacre": "dead",
                   "injury": "injured", "wounding": "injured", "arrest": "arrested"}
"""Nouns of a casualty that govern a figure through "of" ("the killing of 11 soldiers") or
that it suffers ("15 others sustained serious injuries")."""
_SUFFER_VERBS = frozenset({"sustain", "suffer", "receive"})


def _casualty_noun(anchor: Token) -> str | None:
    if anchor.dep_ == "nummod":  # "15 others": the noun the number counts
        anchor = anchor.head
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in \
            _CASUALTY_NOUNS:
        return _CASUALTY_NOUNS[head.head.lemma_.lower()]
    if anchor.dep_ == "nsubj" and head.lemma_.lower() in _SUFFER_VERBS:  # "15 sustained injuries"
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.lemma_.lower() in _CASUALTY_NOUNS:
            return _CASUALTY_NOUNS[obj.lemma_.lower()]
    return None


_SKIP_AFTER = frozenset({"people", "others", "more", "persons", "been", "reportedly",
                         "also", "later", "seriously", "critically", "slightly", "badly",
                         "fatally", "mortally", "were", "are", "was", "is", "have", "had", "has"})
_ASIDE_MAX = 6


def _own_predicate(num: Token, anchor: Token) -> tuple[str, Token] | None:
    """(dead/injured/arrested, the word) when the words right after the figure (its counted
    noun, a short comma-set aside such as ", possibly over 350,") are its own casualty
    predicate: "500 injured and 250 arrested", "over 220, possibly over 350, were injured"."""
    doc, sent = num.doc, num.sent
    j = max(num.i, anchor.i) + 1
    starts = [j]
    if j < sent.end and doc[j].text == ",":       # an aside: ", possibly over 350,"
        starts = [j + 1]
        close = next((k for k in range(j + 1, min(j + 2 + _ASIDE_MAX, sent.end))
                      if doc[k].text == ","), None)
        if close is not None and not any(t.pos_ == "VERB" for t in doc[j + 1:close]):
            starts.append(close + 1)
    for start in starts:
        for k in range(start, min(start + 4, sent.end)):
            tok = doc[k]
            role = CASUALTY.get(tok.lemma_.lower()) or CASUALTY.get(tok.lower_)
            if role and tok.pos_ in ("VERB", "ADJ", "AUX") and tok.tag_ in ("VBN", "VBD", "JJ"):
                return role, tok
            if tok.lower_ not in _SKIP_AFTER and tok.pos_ != "ADV":
                break
    return None


_TOLL_WORDS = {"dead": "dead", "kill": "dead", "killed": "dead", "fatality": "dead",
               "death": "dead", "injured": "injured", "injure": "injured", "wounded": "injured",
               "wound": "injured", "hurt": "injured"}
"""Words for the dead and the injured as a set of people ("among the dead", "those wounded",
"the injured included ...")."""


def _toll_set(word: Token) -> str | None:
    """dead/injured when `word` names the dead or injured, or is "those" qualified so ("those
    wounded", "those killed")."""
    found = _TOLL_WORDS.get(word.lemma_.lower()) or _TOLL_WORDS.get(word.lower_)
    if found is None and word.lower_ in ("those", "people", "ones"):
        found = next((_TOLL_WORDS.get(c.lemma_.lower()) or _TOLL_WORDS.get(c.lower_)
                      for c in word.children if c.dep_ in ("acl", "amod", "relcl")
                      and (c.lemma_.lower() in _TOLL_WORDS or c.lower_ in _TOLL_WORDS)), None)
    return found


def _casualty_phrase(anchor: Token) -> str | None:
    """A figure told dead or injured by an idiom, not a casualty verb: "eight soldiers lost
    their lives", "eight soldiers were among the dead", "three were among those wounded", "the
    dead included eight soldiers"."""
    if anchor.dep_ == "nummod":
        anchor = anchor.head
    verb = anchor.head
    if anchor.dep_ in ("nsubj", "nsubjpass"):
        if verb.lemma_.lower() == "lose" and any(
                c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in verb.children):
            return "dead"
        for prep in (c for c in [*verb.children, *anchor.children]
                     if c.dep_ == "prep" and c.lower_ == "among"):
            found = next((_toll_set(o) for o in prep.children if o.dep_ == "pobj"), None)
            if found:
                return found
    if anchor.dep_ == "dobj" and verb.lemma_.lower() == "include":
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return _toll_set(subj)
    return None


def _taken(anchor: Token) -> bool:
    """ "the kidnapping of two Israeli soldiers": a taking noun governs the figure by "of"."""
    if anchor.dep_ == "nummod":
        anchor = anchor.head
    head = anchor.head
    return anchor.dep_ == "pobj" and head.lower_ == "of" and \
        head.head.lemma_.lower() in _HELD_NOUNS


ROLE_RULES = (
    ClaimRule("role_money", "a currency amount is money",
              "linguistic: an amount in a currency counts money, whatever it pays for",
              "The bank lent Greece 3 billion euros.", "3 billion", "money"),
    ClaimRule("role_seats", "figures counting seats are seats",
              "linguistic: seats won or held are an election result, not votes or people",
              "The party won 120 seats in parliament.", "120", "seats"),
    ClaimRule("role_votes", "figures counting votes or voters, or governed by a vote, are votes",
              "linguistic: a tally of a vote; apart from seats and from crowds",
              "The motion passed with 310 votes.", "310", "votes"),
    ClaimRule("role_own_predicate", "a casualty participle or adjective right after the figure "
              "(its noun or a short comma-set aside between) is its own: '500 injured and 250 "
              "arrested', 'over 220, possibly over 350, were injured'",
              "linguistic: a figure's own predicate says what it counts, before any casualty "
              "word it is coordinated under ('128 killed and over 220 ... were injured' read "
              "220 as dead)",
              "At least 128 people have been killed and over 220, possibly over 350, were "
              "injured.", "220", "injured"),
    ClaimRule("role_casualty", "a casualty word governing the figure gives dead, injured or "
              "arrested (the event quantities' casualty words)",
              "PLOVER: dead, injured and arrested are an event's quantities",
              "The bomb killed 20 people and wounded 45 others.", "45", "injured"),
    ClaimRule("role_casualty_noun", "a casualty noun governing the figure ('the killing of 11 "
              "soldiers') or one it suffers ('15 others sustained injuries') gives dead, injured "
              "or arrested", "PLOVER: dead, injured and arrested are an event's quantities, "
              "told with a noun as with a verb",
              "The raid led to the killing of 11 soldiers, while 15 others sustained serious "
              "injuries.", "15", "injured"),
    ClaimRule("role_casualty_phrase", "an idiom of death or injury ('lost their lives', "
              "'were among the dead', 'among those wounded', 'the dead included N') gives dead "
              "or injured, before any count of troops or police",
              "PLOVER: dead and injured are an event's quantities, whatever the words; soldiers "
              "who lost their lives are dead, not deployed",
              "Eight Pakistani soldiers lost their lives in the clash, and three policemen were "
              "among those wounded.", "three", "injured"),
    ClaimRule("role_casualties", "figures counting casualties (dead and injured together)",
              "PLOVER: a casualty count mixes the dead and the injured; neither alone",
              "The army suffered 300 casualties.", "300", "casualties"),
    ClaimRule("role_held", "hostages, captives and prisoners held or seized, or any figure "
              "governed by a kidnapping ('the kidnapping of two soldiers'), are held",
              "PLOVER: people held by a party (ASSAULT abduct, COERCE seize) are neither arrested "
              "by a state nor missing", "The gunmen took 30 hostages.", "30", "held"),
    ClaimRule("role_missing", "figures said to be missing are missing",
              "linguistic: the missing are not yet dead; a toll apart",
              "Another 12 people are missing after the flood.", "12", "missing"),
    ClaimRule("role_displaced", "refugees, evacuees and the displaced or fled are displaced",
              "linguistic: people forced from home are a figure of their own",
              "The fighting has displaced 15,000 people.", "15,000", "displaced"),
    ClaimRule("role_crowd", "protesters, demonstrators, or people who protest, rally, march or "
              "gather are a crowd", "PLOVER: a protest's size is its crowd",
              "Some 10,000 people marched through the capital.", "10,000", "crowd"),
    ClaimRule("role_deployed", "troops, police and peacekeepers counted (a force is counted "
              "where it is sent, stationed or massed), or people sent or deployed, are deployed",
              "PLOVER: MOBILIZE counts the forces moved; a count of troops is their deployment",
              "Russia has deployed 3,400 troops to the border.", "3,400", "deployed"),
)
"""The role rules in the order they are tried; no rule: `other`."""


def claim_role(doc: Doc, q: Quantity) -> tuple[str, str | None]:
    """(role, the rule that gave it) for the figure `q` (CLAIM_ROLES; `other` when no rule
    says more)."""
    num = doc[q.num_i] if q.num_i >= 0 else None
    anchor = doc[q.head_i] if q.head_i is not None else num
    unit = canonical_unit(q.unit or "")
    if q.money:
        return "money", "role_money"
    if anchor is None or num is None:
        return "other", None
    lemmas = _lemmas_above(anchor)
    if unit in _SEATS:
        return "seats", "role_seats"
    if unit in _VOTES or (unit == "person" and "vote" in lemmas):
        return "votes", "role_votes"
    own = _own_predicate(num, anchor)
    if own is not None:
        return own[0], "role_own_predicate"
    found = casualty_anchor(num) or (casualty_anchor(anchor) if anchor != num else None)
    if found:
        return found[0], "role_casualty"
    casualty = _casualty_noun(anchor)
    if casualty is not None:
        return casualty, "role_casualty_noun"
    phrase = _casualty_phrase(anchor)
    if phrase is not None:
        return phrase, "role_casualty_phrase"
    if unit in _CASUALTIES:
        return "casualties", "role_casualties"
    if unit in _HELD_UNITS or (unit == "person" and _HELD_WORDS & set(lemmas)) or \
            _taken(anchor):
        return "held", "role_held"
    if _MISSING_WORDS & set(lemmas) or _near(anchor, _MISSING_WORDS):
        return "missing", "role_missing"
    if unit in _DISPLACED_UNITS or _DISPLACED_WORDS & set(lemmas) or \
            _near(anchor, frozenset({"displaced", "homeless"})):
        return "displaced", "role_displaced"
    if unit in _CROWD_UNITS or (unit == "person" and _CROWD_WORDS & set(lemmas)):
        return "crowd", "role_crowd"
    if (unit in _FORCE_UNITS and not unit == "officer") or \
            (unit in ("person", "officer") and _DEPLOY_WORDS & set(lemmas)):
        return "deployed", "role_deployed"
    return "other", None
