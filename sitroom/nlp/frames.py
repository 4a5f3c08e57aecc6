"""Event frames from the dependency parse: trigger, type, mode, actor, recipient, status, source.

A frame holds token indices only; `sitroom.extract` resolves them into records. The rules:
- a trigger is a verb, noun or adjective in the predicate lexicon whose requirements hold;
- the actor is the subject (inherited through conjunction, control and relative clauses), the
  agent of a passive, or a noun trigger's possessor / `by`-phrase / light verb's subject;
- the recipient is the direct object, a lexicon preposition's object, or for requests the subject
  of the requested clause;
- status comes from negation, modals, conditionals and intention verbs above the trigger;
- `said_by` is the subject of a reporting verb above the trigger, or the object of "according to".
"""
from __future__ import annotations

import re

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import POS_CLASS, Predicate, load_lexicon

LIGHT_VERBS = frozenset("""express voice hold have launch make conduct impose pay raise issue show
declare reach announce begin start stage join carry lodge file open seek offer extend
convey reiterate renew call order reimpose""".split())
DECISION_NOUNS = frozenset("""decision plan move order threat promise pledge offer vow intention
determination readiness willingness""".split())
"""Nouns whose infinitive is their owner's act to come: "Kenya's decision to withdraw"."""
FEELINGS = frozenset("""concern anger fear worry outrage frustration alarm anxiety unease
dismay""".split())
STATES = frozenset("""law emergency curfew occupation siege blockade ceasefire truce lockdown
closure""".split())
"""Standing states a "during" phrase names as a time ("during the curfew")."""
GIVING = frozenset({"give"})  # light only for its object: "gave his support to X"
GATHERINGS = frozenset({"rally", "gathering", "meeting", "event", "march"})
CAMPAIGNING = frozenset({"campaign", "election", "electoral", "re-election", "reelection",
                         "pre-election", "victory", "birthday"})
CONTROLLERS = frozenset("""urge ask force order tell allow encourage pressure press invite
persuade instruct direct provoke prompt push drive compel oblige lead cause enable help
require""".split())  # object control: "urged X to leave" = X leaves
REPORTING = frozenset("""say state report reveal note claim tell add announce warn emphasize
emphasise stress insist indicate confirm believe argue write explain assert allege suggest
highlight acknowledge admit disclose mention remark point""".split())
INTENT = frozenset("""expect plan intend prepare set aim hope want seek propose decide vow promise
pledge threaten agree schedule""".split())
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "going"})
ENABLING = frozenset({"enable", "empower", "authorize", "authorise", "permit"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "can", "should"})
ANNOUNCING = frozenset({"announce", "order", "promise", "pledge", "plan", "decide", "declare"})
DECLARING = REPORTING | ANNOUNCING | frozenset({"conclude", "demand", "reiterate", "repeat"})
NEGATING = frozenset({"fail", "refuse", "decline"})  # "failed to reach agreement": did not
ACCEPTING = frozenset({"accept", "agree", "approve", "endorse"})  # negated: a rejection
OWN_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})  # "X said they would ...": X
THREAT_PROTEST = frozenset({"boycott", "obstruct"})  # "will boycott", "would blockade": a threat
VOWS = frozenset({"vow", "swear", "pledge", "promise"})  # "vowed to retaliate": a threat
JOINT = frozenset({"joint", "combined", "bilateral", "trilateral", "multinational"})
EXERCISES = frozenset({"exercise", "drill", "game", "manoeuvre", "maneuver"})
PEACEKEEPING = frozenset({"peacekeeper", "peacekeeping", "peace-keeping", "peace-keeper"})
STATIVE = frozenset({"have", "be", "remain", "keep", "exist", "become", "stay"})
EMBEDDING = {"REQUEST", "REJECT", "AGREE", "THREATEN"}
MODE_FROM_INNER = {
    "RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet", "AID": "assist",
    "COOPERATE": "assist", "SUPPORT": "assist",
}
THREAT_MODE = {"ASSAULT": "violence", "SANCTION": "relations", "COERCE": "restrict"}
SUBJECTS = ("nsubj", "csubj")
PHRASE_SKIP = frozenset({"relcl", "acl", "advcl", "appos", "cc", "conj", "punct", "parataxis",
                         "ccomp", "xcomp", "advmod", "mark", "aux", "neg", "dep", "nummod",
                         "quantmod"})
RELATIVE = frozenset({"which", "who", "that", "whom"})
NAME_ENTS = frozenset({"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT",
                       "NORP", "LOC"})
NOT_PARTICIPANT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT",
                                  "ORDINAL"})
NOT_PARTICIPANT_WORDS = frozenset("""whom who what which whoever nobody none i me you we us
something anything everything nothing one this these those itself themselves""".split())
ABSTRACT_TARGETS = frozenset("""investigation decision policy plan statement report idea proposal
remark comment claim move deal inquiry impeachment process announcement bill law measure
approach strategy rhetoric agreement speech tweet article response handling record""".split())
CLAUSAL_TARGET = {("REQUEST", None), ("ACCUSE", "allege"), ("REJECT", None)}
FIRST_PERSON = frozenset({"i", "we"})
LEAD_TOKENS = 80  # the headline and lead: where the article's main attack is told
PARTITIVES = frozenset({"one", "some", "many", "most", "several", "all", "each", "both", "few",
                        "dozens", "hundreds", "thousands", "tens", "millions", "scores"})
ATTACK_NOUNS = frozenset("""attack bombing blast explosion killing assault shooting strike
murder abduction kidnapping crash violence assassination ambush raid massacre""".split())
WEAPON_NOUNS = frozenset("""bomb explosive device ied grenade mine rocket missile shell mortar
blast explosion""".split())
MESSAGE_NOUNS = frozenset("""statement letter message note declaration expression word words
gesture show sign signal communique communiqué""".split())
CONTAINER_NOUNS = frozenset("""launch start beginning resumption continuation round wave series
spate string campaign program programme escalation intensification expansion""".split())
CROWD_CONTROL = frozenset("""gas teargas tear-gas cannon canon bullet pellet spray grenade baton
truncheon stun""".split())  # "fired tear gas at them", "rubber bullets", "water cannon"
INSTRUMENT_NOUNS = WEAPON_NOUNS | CROWD_CONTROL | frozenset("""shot round salvo volley projectile
bullet gun rifle weapon weapons ammunition arrow stone rock bottle flare firework""".split())
HEAVY = frozenset({"shell", "mortar", "artillery", "rocket", "howitzer", "tank"})
THING_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "hood", "acy",
                  "relationship", "partnership", "membership", "ownership", "friendship",
                  "citizenship", "sponsorship")
ACTOR_ABSTRACTS = frozenset("""nation population coalition opposition administration delegation
organisation organization federation association institution commission faction authority
community majority minority presidency leadership government parliament department
establishment movement alliance resistance intelligence entity celebrity congregation generation
defence defense union mission militia station constituency position installation settlement
city municipality university witness division neighbourhood neighborhood vicinity fraternity
personality dignitary""".split())
THING_NOUNS = frozenset("""memorandum memoranda document treaty accord pact charter vote ballot
referendum program programme project right tie relation immunity blood money fund cash loan
budget ambition intention interest role part stake claim allegation charge question answer
response reply apology excuse reason evidence proof information data detail conclusion result
outcome finding ruling verdict rule law bill measure plan policy decision idea proposal remark
comment message letter statement report speech tweet article deal agreement stance
view demand request call offer warning threat attempt effort action act step error mistake
fear asset property""".split())
THING_PRONOUNS = frozenset({"that", "which", "what", "this", "something"})


@dataclass(frozen=True)
class Frame:
    """One event found in a sentence, as token indices into its Doc."""

    trigger: int
    lemma: str
    type: str
    mode: str | None
    status: str
    actor: int | None
    recipient: int | None
    said_by: int | None
    location_hint: int | None
    sent_start: int
    sent_end: int
    part: int = 0  # the n-th of the frames one trigger gives for coordinated parties


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the noun phrase headed by `head`, without clauses."""
    lo = hi = head.i
    stack = [head]
    while stack:
        tok = stack.pop()
        lo, hi = min(lo, tok.i), max(hi, tok.i)
        for child in tok.children:
            if child.dep_ in PHRASE_SKIP:
                continue
            if child.dep_ == "prep" and child.lower_ != "of":
                continue
            stack.append(child)
    return lo, hi + 1


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _to_infinitive(verb: Token) -> bool:
    """The verb is a "to" infinitive ("to withdraw")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _decided_act(verb: Token) -> bool:
    """The infinitive of a decision noun: "Kenya's decision to withdraw", its owner's act to
    come."""
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in DECISION_NOUNS and \
        _to_infinitive(verb)


def prep_object(token: Token, preps: frozenset[str]) -> Token | None:
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in preps:
            obj = _child(child, "pobj", "pcomp")
            if obj is not None:
                return obj
    return None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb, inherited through conjunction, control and relative clauses."""
    if depth > 6:
        return None
    subj = _child(verb, *SUBJECTS)
    if subj is None and _child(verb, "auxpass") is None:
        subj = _child(verb, "nsubjpass")
    if subj is not None:
        if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
            return _relative_antecedent(verb)
        return subj
    split = _split_subject(verb)
    if split is not None:
        return split
    head = verb.head
    if head == verb:
        return None
    if verb.dep_ == "xcomp" or _controlled_infinitive(verb):
        obj = _child(head, "dobj")
        if obj is not None and head.lemma_ in CONTROLLERS:
            return obj
        return _child(head, "nsubjpass") or subject_of(head, depth + 1)
    if _main_verb_as_acl(verb):
        return head  # "An official Syrian newspaper called Thursday on Arabs to unite"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        if head.lemma_.lower() in MESSAGE_NOUNS:  # "issued a statement demanding": the issuer
            return _sender(head) or head
        return head  # "soldiers firing at protesters", "missiles targeting troops"
    if _decided_act(verb):
        return _child(head, "poss") or party_modifier(head)  # "Israel's decision to expand"
    if verb.dep_ in ("conj", "advcl", "acomp") or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        return subject_of(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and (
            (head.head.pos_ in ("VERB", "AUX")
             and head.lower_ in ("by", "after", "before", "while", "without"))
            or _hosted_gerund(verb)):  # "are guilty of violating": the adjective's subject
        return subject_of(head.head, depth + 1)  # "X responded by throwing stones"
    if verb.dep_ == "relcl":
        return head
    return None


GERUND_HOSTS = frozenset({("to", "resort"), ("to", "turn"), ("to", "proceed"),
                          ("in", "engage"), ("in", "participate"), ("in", "succeed"),
                          ("in", "persist"), ("of", "guilty")})
"""A preposition and the verb or adjective it follows, whose gerund is the subject's own act:
"resorted to throwing stones", "engaged in looting", "are guilty of violating"."""


def _hosted_gerund(verb: Token) -> bool:
    """The gerund after a GERUND_HOSTS verb and preposition ("succeeded in killing")."""
    prep = verb.head
    return verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.head != prep and \
        (prep.lower_, prep.head.lemma_.lower()) in GERUND_HOSTS


OPENING_DEPS = frozenset({"prep", "advcl", "npadvmod", "advmod"})


def _split_subject(verb: Token) -> Token | None:
    """The subject a parse hung, as one more conjunct, on the list ending an opening phrase:
    "With the signing of a Memorandum of Understanding, the Sudanese government and SPLM/A
    have agreed ..." ("government" parsed as the Memorandum's conjunct), "After the failure of
    the Oslo Accords, Israel and the PLO resumed talks". The phrase that ends right before the
    verb (and its auxiliaries) and starts after the opening phrase's comma."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")
                                               for c in verb.children):
        return None
    doc, i = verb.doc, verb.i - 1
    while i >= verb.sent.start and doc[i].head.i == verb.i and \
            doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        i -= 1
    if i <= verb.sent.start or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    tok = doc[i]
    for _ in range(8):
        if tok.head.i == tok.i or tok.head.i > verb.i:
            return None
        if tok.dep_ in ("conj", "appos") and tok.head.i < tok.i and \
                tok.pos_ in ("NOUN", "PROPN") and \
                tok.left_edge.i > verb.sent.start and doc[tok.left_edge.i - 1].text == ",":
            cur = tok.head
            while cur.head.i != cur.i and cur.head.i != verb.i:
                cur = cur.head
            if cur.head.i == verb.i and cur.dep_ in OPENING_DEPS and cur.i < tok.i and \
                    cur.left_edge.i == verb.sent.start:
                return tok
            return None
        tok = tok.head
    return None


def split_subject_of(token: Token) -> bool:
    """`token` is a subject that `_split_subject` recovered (its conjuncts before it are the
    opening phrase's, not fellow subjects)."""
    if token.dep_ not in ("conj", "appos"):
        return False
    cur = token
    for _ in range(10):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.i > token.i:
            split = _split_subject(cur)
            return split is not None and split.i == token.i
    return False


def _main_verb_as_acl(verb: Token) -> bool:
    """A sentence's main verb that the parse took for a participle describing its subject (the
    sentence then has a noun as its root): "An official Syrian newspaper called Thursday on
    Arabs to unite" (not "a newspaper [that was] called ..."). Only in a full sentence, right
    after the root noun, with no passive mark, and with what a passive participle cannot have:
    a direct object, a clause, or the preposition its lexicon row needs with its object."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or head.dep_ != "ROOT" or \
            head.pos_ not in ("NOUN", "PROPN") or verb.i != head.i + 1 or \
            verb.sent[-1].text not in (".", "!"):
        return False
    if any(c.dep_ in ("auxpass", "agent", "nsubjpass") for c in verb.children):
        return False
    if any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return True
    pred = match_predicate(verb)
    return pred is not None and bool(pred.particles) and any(
        c.dep_ == "prep" and c.lower_ in pred.particles and _child(c, "pobj") is not None
        for c in verb.children)


def _controlled_infinitive(verb: Token) -> bool:
    """"provoke X to strengthen ...", parsed as a purpose clause: still X's act."""
    return verb.dep_ == "advcl" and verb.head.lemma_ in CONTROLLERS and \
        _child(verb.head, "dobj") is not None and _to_infinitive(verb)


def _relative_antecedent(verb: Token) -> Token:
    """What "which" stands for. "X's collaboration with Y, which includes acquiring shells":
    a clause saying what an act includes describes the act, even where the parser hangs it on
    the act's partner."""
    head = verb.head
    prep = head.head
    if verb.lemma_.lower() in ("include", "involve", "entail") and head.dep_ == "pobj" \
            and prep.dep_ == "prep" and prep.head.pos_ == "NOUN" \
            and (prep.head.lemma_.lower(), "NOUN") in load_lexicon():
        return prep.head
    return head


def _object_lemmas(token: Token) -> set[str]:
    lemmas = set()
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "compound", "attr", "oprd"):
            lemmas.add(child.lemma_.lower())
            if child.lemma_.lower() in EFFORT_NOUNS | PACTS:  # "ended mediation efforts",
                # "violated the ceasefire agreement"
                lemmas.update(c.lemma_.lower() for c in child.children if c.dep_ == "compound")
            if child.dep_ == "dobj":  # "a letter of intent", "a barrage of missiles"
                of = prep_object(child, frozenset({"of"}))
                if of is not None:
                    lemmas.add(of.lemma_.lower())
        elif child.dep_ == "prep" and child.lower_ == "of":
            obj = _child(child, "pobj")
            if obj is not None:
                lemmas.add(obj.lemma_.lower())
    return lemmas


def _is_light(noun: Token) -> bool:
    head = noun.head
    if _message_noun(noun) is not None:
        return True  # "sent a letter of support"
    if noun.dep_ in ("dobj", "attr") and head.lemma_.lower() in CARRIERS and (
            head.lemma_.lower() in LIGHT_VERBS or noun.lemma_.lower() not in FEELINGS):
        return True  # "launched an offensive", "tightened the blockade"; a feeling is
        # expressed, not carried on ("intensifying concern about the market")
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return True
    if noun.dep_ == "pobj" and head.lower_ == "of" and _held_span(head.head):
        return True  # "held three days of talks"
    if noun.dep_ == "pobj" and head.lower_ == "during" and noun.lemma_.lower() in STATES:
        return False  # "headed the government during martial law": a time, not an act
    return noun.dep_ == "pobj" and head.lower_ in ("in", "for", "during", "after")


def shared_conjunct(verb: Token) -> Token | None:
    """The next coordinated verb whose complements a bare verb shares ("fired and landed a live
    round on a protester": "on a protester" is also where the fire went); None when `verb`
    has complements of its own."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "dative")
                                  and c.i > verb.i for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)


def _free_relative(clause: Token) -> bool:
    """A clause that is a noun phrase: "protest what they saw as complicity"."""
    return clause.dep_ == "ccomp" and clause.left_edge.lower_ in ("what", "whatever")


def _requirements_hold(token: Token, pred: Predicate) -> bool:
    if pred.objects == {"*"}:
        if _child(token, "dobj", "nsubjpass") is None:
            return False
    elif pred.objects and not (_object_lemmas(token) & pred.objects):
        return False
    shared = shared_conjunct(token)
    obj = _child(token, "dobj") or (_child(shared, "dobj") if shared is not None else None)
    tool_preps = list(obj.children) if obj is not None and \
        obj.lemma_.lower() in INSTRUMENT_NOUNS else []  # "fired shells at the village"
    if shared is not None:
        tool_preps += [c for c in shared.children if c.dep_ == "prep"]
    if pred.particles and any(c.dep_ == "prt" and c.lower_ not in pred.particles
                              for c in token.children):
        return False  # "called off the strike": not the "call on" row
    if pred.particles and not any(
        (c.dep_ in ("prep", "prt", "agent", "advmod") and c.lower_ in pred.particles
         and not _date_pp(c))
        or (c.dep_ in pred.particles and not _free_relative(c))
        or ("pcomp" in pred.particles and c.dep_ == "prep" and _child(c, "pcomp") is not None)
        for c in [*token.children, *tool_preps]
    ):
        return False  # "pcomp": a preposition taking a clause ("withdrew from using X")
    if pred.pobjects and not any(
        c.dep_ in ("prep", "agent") and any(o.dep_ == "pobj" and o.lemma_.lower() in pred.pobjects
                                            for o in c.children)
        for c in [*token.children, *(obj.children if obj is not None else ())]
    ):  # "described the bombing as a cowardly act": "as" may hang on the object
        return False
    if pred.intransitive and _child(token, "dobj", "ccomp", "xcomp") is not None:
        return False  # "demonstrated a lack of ...", "rallied support": not a protest
    if pred.modifiers and not any(c.dep_ in ("amod", "compound", "nmod") and
                                  c.lemma_.lower() in pred.modifiers for c in token.children):
        return False  # "military exercises", not "the exercise of power"
    if pred.subjects:
        subj = _child(token, "nsubj", "nsubjpass")
        if subj is None or subj.lemma_.lower() not in pred.subjects:
            return False
    if pred.lemma in CONTEST_VERBS and _contest(token):
        return False  # "Greece beat the United States 101-95 in the semifinals"
    if pred.type == "ASSAULT" and pred.objects and obj is not None and obj.pos_ == "NOUN" and \
            (inner := match_predicate(obj)) is not None and inner.mode == "cyber":
        return False  # "launched a cyber attack": the attack's own line (COERCE cyber) codes it
    if pred.type == "ASSAULT" and _sporting(token):
        return False  # "Hong Kong and Georgetown fought out the second semi final"
    if pred.type == "PROTEST" and pred.pos == "NOUN" and token.lemma_.lower() in GATHERINGS \
            and any(c.dep_ in ("amod", "compound") and c.lower_ in CAMPAIGNING
                    for c in token.children):
        return False  # "a re-election campaign rally": canvassing; but "election protests"
    if pred.lemma == "allow" and token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp") and \
            _child(token, *SUBJECTS) is None:
        return False  # "met X, thereby allowing Biden to gather ...": what the meeting allowed
    if pred.lemma == "offer" and pred.pos == "VERB" and obj is not None and \
            obj.lemma_.lower() in ("apology", "apologies", "condolence", "condolences"):
        return False  # "offered an apology": the apology is the act (CONCEDE), not a promise
    if pred.lemma == "ask" and _question(token):
        return False  # '"Why did Kenya not act?" the leader asked': a question, not a request
    if pred.mode == "release" and obj is not None and obj.lemma_.lower() in PUBLISHED:
        return False  # "released a statement, two photographs": published, not set free
    if pred.lemma == "oppose" and token.tag_ == "VBN" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return False  # "fixed rate mortgages as opposed to variable rate loans"
    if pred.lemma == "fight" and any(c.dep_ == "prep" and c.lower_ == "for"
                                     for c in token.children):
        return False  # "has been fighting for the right of exiles to return": a campaign
    if pred.lemma == "suggest" and _opinion(token):
        return False  # "suggested that the attack would not have been targeted": a view
    if pred.lemma == "storm" and _child(token, "dobj") is None and any(
            c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("out", "off", "back", "away")
            for c in token.children):
        return False  # "stormed out of the meeting", "stormed back to the psychiatrist"
    if token.pos_ == "VERB" and pred.type not in ("ASSAULT", "COERCE") and any(
            c.dep_ == "advmod" and c.lower_ in HABITUAL for c in token.children):
        return False  # "people will often ask me", "the firm usually offers": a habit
    if token.dep_ in ("csubj", "csubjpass") and _child(token, *SUBJECTS) is None:
        return False  # "Attacking those patriotic Americans does not provide a plan": an act
        # talked about, nobody's act
    if pred.type == "REJECT" and _no_comment(token):
        return False  # "declined to comment on the article"
    if pred.type == "AID" and pred.reverse and obj is not None and \
            obj.lemma_.lower() in PUBLISHED | {"correspondence", "call", "email", "e-mail"}:
        return False  # "after receiving a correspondence from X": a message, not aid
    return not (pred.light and not _is_light(token))


PUBLISHED = MESSAGE_NOUNS | frozenset("""photograph photo picture image video footage film tape
recording report details detail figure figures list data result results information document
documents transcript text album book song record name names version map study survey
findings poll estimate brochure brochures leaflet leaflets pamphlet pamphlets flyer flyers
advertisement advertisements ad ads poster posters booklet manifesto newsletter single
trailer game software edition""".split())
SPORTS = frozenset("""match semi semifinal semi-final quarterfinal quarter-final championship
tournament league olympics innings wicket playoff play-off derby rugby football soccer
basketball cricket tennis hockey volleyball handball marathon""".split())
"""Words only games use."""
CONTEST_WORDS = SPORTS | frozenset("""game final cup olympic race season title medal round vote
ballot election poll""".split())
"""Words of any contest, games and votes: they also name other things ("the final round of
talks"), so they count only for verbs that also tell who won."""
CONTEST_VERBS = frozenset({"beat"})
"""Verbs that also tell who won a game, a race or a vote."""
SCORE = re.compile(r"\b\d{1,3}\s?[-\u2013]\s?\d{1,3}\b")


def _sporting(token: Token) -> bool:
    """The fight is a game: a score or a word only games use, in the trigger's own clause (the
    attack on the Sri Lankan cricket team's bus names its victims, not a game). ("beat" is
    judged by `_contest`.)"""
    clause = [t for t in token.subtree] + [token.head] if token.dep_ == "conj" else \
        list(token.subtree)
    return token.lemma_.lower() in ("fight", "clash", "battle") and (
        bool(SCORE.search(token.sent.text)) or any(t.lemma_.lower() in SPORTS for t in clause))


def _contest(token: Token) -> bool:
    """The clause tells of a contest, not of violence: a score ("101-95"), a game or vote
    word in the sentence, or a state as the winner (states attack, they do not beat)."""
    sent = token.sent
    subj = subject_of(token)
    return bool(SCORE.search(sent.text)) or any(t.lemma_.lower() in CONTEST_WORDS for t in sent) \
        or (subj is not None and subj.ent_type_ == "GPE")


WH_WORDS = frozenset("whether if why how what who whom which when where".split())
SILENCE = frozenset("comment elaborate speculate".split())


def _no_comment(token: Token) -> bool:
    """"declined to comment", "refused to elaborate": no statement, not a rejection."""
    comp = _child(token, "xcomp")
    return comp is not None and comp.lemma_.lower() in SILENCE and _child(comp, "dobj") is None


HABITUAL = frozenset("often usually always sometimes generally typically normally habitually "
                     "customarily".split())
"""Adverbs of a habit ("people will often ask me"); abuse told as a practice ("soldiers
routinely beat detainees") stays an event."""


def _question_sentence(sent: Span) -> bool:
    """The sentence asks a question ("... a menace, or a messiah?", '"Is there any possibility
    ...?"'): what it names is put in doubt, not reported."""
    return sent.text.rstrip(" \t\n\"'\u201d\u2019)").endswith("?")


def _capitalised_name(token: Token) -> bool:
    """A capitalised verb inside a sentence, before another capitalised word, is part of a name
    ("search engine Ask Jeeves"), not an act."""
    if token.pos_ != "VERB" or not token.text[:1].isupper() or token.i == token.sent.start:
        return False
    prev, nxt = token.doc[token.i - 1], token.nbor(1) if token.i + 1 < len(token.doc) else None
    if prev.is_punct or prev.is_quote:
        return False  # after an opening quote or a colon a capital starts a sentence
    return nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN"


def _opinion(suggest: Token) -> bool:
    """"suggested that X was / would have ...": a view; a proposal asks for an act ("suggested
    that talks resume", "suggested that X should go", "suggested holding talks")."""
    comp = _child(suggest, "ccomp")
    if comp is None:
        return not any(c.dep_ in ("dobj", "xcomp", "dative", "prep", "advcl")
                       for c in suggest.children)  # 'suggested "': nothing proposed
    auxes = {c.lower_ for c in comp.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"should", "must", "shall"}:
        return False
    return comp.tag_ in ("VBD", "VBZ") or bool(auxes & {"would", "could", "might", "may", "will",
                                                          "was", "were", "is", "are", "has",
                                                          "had", "have"})


def _question(ask: Token) -> bool:
    """"asked" reports a question: its clause opens with a wh-word or "whether", or the quoted
    words before it end in "?" ('"Why?" he asked'), and nothing is asked for ("asked X to ...",
    "asked for")."""
    if _child(ask, "xcomp") is not None or any(
            c.dep_ == "prep" and c.lower_ == "for" for c in ask.children):
        return False
    comp = _child(ask, "ccomp")
    if comp is not None and comp.left_edge.lower_ in WH_WORDS:
        return True
    if any(c.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ in ("if", "whether")
                                                for m in c.children) for c in ask.children):
        return True  # "asked Obama if there were any differences"
    doc = ask.doc
    before = doc.text[max(0, ask.sent.start_char - 4):ask.idx].replace("\u201d", '"')
    return '?"' in before or '?]"' in before  # '... of life and death[?]" Senator Brown asked'



def _date_pp(prep: Token) -> bool:
    """A preposition whose object is a date or time ("on Tuesday"): says when, not to whom."""
    obj = _child(prep, "pobj")
    return prep.dep_ == "prep" and obj is not None and obj.ent_type_ in ("DATE", "TIME")


def match_predicate(token: Token) -> Predicate | None:
    """The first lexicon entry for this token whose requirements hold."""
    pos = POS_CLASS.get(token.pos_)
    if pos is None:
        return None
    lexicon = load_lexicon()
    lemma = token.lemma_.lower()
    keys = [(lemma, pos)]
    got_ready = pos == "VERB" and lemma == "prepare" and _child(token, "nsubj") is not None
    # "Chirac prepared to speak" got ready; "X is prepared to" is willing
    if pos == "VERB" and not got_ready:
        keys.append((lemma, "ADJ"))
    if pos == "ADJ" or (pos == "VERB" and not got_ready):
        keys.append((token.lower_, "ADJ"))
    if pos == "VERB" and token.dep_ == "acomp":
        keys = keys[1:] + keys[:1]  # "is opposed to": a participle as an adjective
    for key in keys:
        for pred in lexicon.get(key, ()):
            if _requirements_hold(token, pred):
                return pred
    return None


def governing_verb(token: Token) -> Token:
    """The verb whose clause contains `token` (the token itself for verbs)."""
    cur = token
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.head == cur:
            return cur
        cur = cur.head
    return cur


def status_of(trigger: Token) -> str:
    """asserted, negated, future or hypothetical, from the trigger's clause and its controllers."""
    verb = governing_verb(trigger)
    chain = [trigger, verb] if verb != trigger else [trigger]
    if verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        chain.append(verb.head)  # "will destroy and obliterate": both future
    cur = verb
    while (cur.dep_ in ("xcomp", "ccomp") or _controlled_infinitive(cur)
           or _hosted_gerund(cur)) and cur.head != cur and len(chain) < 6:
        if cur.dep_ == "ccomp" and cur.head.lemma_ not in INTENT:
            break
        cur = governing_verb(cur.head.head) if cur.dep_ == "pcomp" else cur.head
        # "are not guilty of killing": the adjective's verb, with its negation
        chain.append(cur)
    status = "asserted"
    for tok in chain:
        kids = list(tok.children)
        if any(c.dep_ == "neg" for c in kids) or (tok != trigger and tok != verb
                                                   and tok.lemma_ in NEGATING):
            return "negated"
        if tok.pos_ in ("VERB", "AUX") and any(  # "will quit neither post nor mission"
                c.dep_ == "dobj" and any(d.dep_ == "preconj" and d.lower_ == "neither"
                                         for d in c.children) for c in kids):
            return "negated"
        auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
        if _reported_would(tok, auxes, kids):
            auxes = (auxes - {"would"}) | {"will"}  # "X said they would meet": a promise
        if auxes & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ == "if" for c in kids):
            status = "hypothetical"
        elif auxes & FUTURE_AUX and status == "asserted":
            status = "future"
        if tok != trigger and tok.lemma_ in INTENT and status == "asserted":
            status = "future"
        if tok != trigger and tok.lemma_ in ENABLING and tok.pos_ == "VERB":
            status = "hypothetical"  # "new laws enable police to detain suspects": may, not did
    if verb.dep_ == "advcl" and any(c.lower_ == "if" for c in verb.children if c.dep_ == "mark"):
        status = "hypothetical"
    if status == "asserted" and _decided_act(verb):
        status = "future"  # "the decision to expand the offensive": decided, not yet done
    return status


def _reported_would(verb: Token, auxes: set[str], kids: list[Token]) -> bool:
    """"would" in a clause reported by a declaring verb is the reported "will" (sequence of
    tenses): "X said they would boycott the talks" is future, not hypothetical; "would have" is
    still a counterfactual."""
    if "would" not in auxes or "have" in auxes or verb.dep_ != "ccomp":
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in kids):
        return False
    return verb.head.lemma_ in DECLARING and verb.head.pos_ == "VERB"


def attribution_of(trigger: Token, sent: Span) -> Token | None:
    """The speaker the trigger's clause is attributed to, if any."""
    cur = governing_verb(trigger)
    for _ in range(6):
        if cur != trigger and cur.lemma_ in REPORTING and cur.pos_ == "VERB":
            return subject_of(cur)
        if cur.head == cur:
            break
        cur = cur.head
    for tok in sent:
        if tok.lower_ == "according" and tok.dep_ == "prep":
            to = _child(tok, "prep")
            obj = _child(to, "pobj") if to is not None else None
            if obj is not None and not (obj.i <= trigger.i < phrase_bounds(obj)[1]):
                return obj
    return None


QUOTES = frozenset({'"', "“", "”"})


def quote_speaker(trigger: Token, sent: Span) -> Token | None:
    """Who speaks a quotation holding the trigger: the subject of the sentence's main verb,
    outside the quotation marks ('X defended his decision, "... I will destroy ..."': X)."""
    marks = [t.i for t in sent if t.text in QUOTES]
    inside = sum(1 for i in marks if i < trigger.i) % 2 == 1
    if not inside:
        return None
    subj = subject_of(sent.root)
    if subj is None or subj.lower_ in FIRST_PERSON or subj.pos_ == "PRON" and \
            subj.lower_ not in ("he", "she", "they"):
        return None
    first = min(i for i in marks if i < trigger.i)
    return subj if subj.i < first else None


def _message_noun(noun: Token) -> Token | None:
    """The message noun this event noun is the content of ("a letter of support", "statements
    of condemnation"), or None."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in MESSAGE_NOUNS:
        return prep.head
    return None


def _sender(message: Token) -> Token | None:
    """Who sends a message: the subject of the verb it is the object of ("X sent a letter"), or
    the source of a message that is the subject ("statements came from X")."""
    verb = message.head
    if message.dep_ in ("dobj", "attr") and verb.pos_ in ("VERB", "AUX"):
        return subject_of(verb)
    if message.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
        return prep_object(verb, frozenset({"from", "by"}))
    return None


ASPECT_VERBS = frozenset("""continue resume maintain keep intensify escalate step expand
prolong speed accelerate hasten complete finish widen broaden tighten enforce""".split())
"""Verbs that carry on their object's act: "X continued their hunger strike" is X's strike."""
CARRYING_ON = ASPECT_VERBS - {"maintain", "keep"}  # "maintained [that] an inquiry is ...": said
CARRIERS = LIGHT_VERBS | CARRYING_ON | GIVING
"""Verbs whose object noun is their subject's act: launched an attack, tightened the blockade,
gave support."""
STOPPING_VERBS = frozenset("end halt stop suspend abandon cancel drop quit".split())
EFFORT_NOUNS = frozenset("""effort efforts mission bid drive initiative attempt""".split())


def _noun_actor(noun: Token, pred: Predicate) -> Token | None:
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in EFFORT_NOUNS and \
            _child(noun, "poss") is None:  # "X launched a mediation effort": X
        effort = noun.head
        owner = _child(effort, "poss")
        if owner is not None and owner.pos_ != "PRON":
            return owner
        if effort.dep_ in ("dobj", "attr") and effort.head.pos_ == "VERB" and \
                effort.head.lemma_.lower() not in STOPPING_VERBS:
            return subject_of(effort.head)
        return None
    poss = _child(noun, "poss")
    light_subject = subject_of(noun.head) if noun.dep_ in ("dobj", "attr") and \
        noun.head.lemma_.lower() in LIGHT_VERBS | ASPECT_VERBS | GIVING and \
        not passive_voice(noun.head) else None  # "X was being given assistance": not X's
    if poss is not None:
        if poss.pos_ == "PRON" and light_subject is not None:
            return light_subject  # "X expressed his gratitude": X, not a guess at "his"
        return poss
    by = prep_object(noun, frozenset({"by"}))
    if by is not None:
        return by
    for rel in (c for c in noun.children if c.dep_ == "acl"):
        doer = prep_object(rel, frozenset({"by"}))
        if doer is not None and rel.lemma_.lower() in AGENT_VERBS | LIGHT_VERBS | {"call"} \
                and _child(rel, "dobj", "oprd", "attr", "xcomp", "ccomp") is None:
            return doer  # "a demonstration organised by students": the students'
    for rel in (c for c in noun.children if c.dep_ == "relcl"):
        doer = _child(rel, "nsubj")
        if doer is not None and doer.lower_ not in RELATIVE and \
                rel.lemma_.lower() in AGENT_VERBS | LIGHT_VERBS:
            return doer  # "the attacks that Soleimani took part in": Soleimani
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _held_span(noun.head.head):
        return subject_of(noun.head.head.head)  # "launched ten days of war games"
    party = party_modifier(noun)
    if party is not None:
        return party
    between = prep_object(noun, frozenset({"between", "among"}))
    if between is not None and _child(between, "conj") is not None:
        return between  # "cooperation between X and Y"
    troops = prep_object(noun, frozenset({"of"})) if pred.type == "MOBILIZE" else None
    if troops is not None or pred.type == "MOBILIZE" and light_subject is None:
        return troops  # "the deployment of troops"; but "X ordered a heightened alert": X
    if light_subject is not None:
        return light_subject
    if noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in LIGHT_VERBS:
        return prep_object(noun.head, frozenset({"by"}))  # "demands were made by X"
    message = _message_noun(noun)
    if message is not None:
        return _sender(message)
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        holder = noun.head.head
        if holder.pos_ in ("NOUN", "PROPN") and holder.lemma_.lower() not in CONTAINER_NOUNS:
            owner = _child(holder, "poss")
            if owner is not None and owner.pos_ != "PRON":
                # "Chile's part in the talks"; but "China's anger over the rapprochement" is not
                # China's rapprochement
                return owner if noun.head.lower_ in AGENT_PREPS else None
            if owner is None:
                return None  # "articles of impeachment", "concern over the attack": not the
                # subject's own act; but "its role in the talks" is
        verb = governing_verb(noun)
        if _child(verb, "auxpass", "nsubjpass") is not None:
            return prep_object(verb, frozenset({"by"}))  # "X was killed in the airstrike"
        if noun.head.lower_ == "for" and noun.head.head.i == verb.i and \
                verb.lemma_.lower() in MOTION_VERBS and pred.type in MUTUAL_TYPES | {"PROTEST"}:
            return subject_of(verb)  # "negotiators return to Geneva for talks": their talks
        return subject_of(verb) if _own_act(noun.head, verb) else None
    return None


AGENT_VERBS = frozenset("""take carry conduct perpetrate commit mount lead orchestrate plan
mastermind direct organise organize stage""".split())
MUTUAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
MOTION_VERBS = frozenset("""come arrive return travel fly go head gather meet convene assemble
sit reconvene leave depart converge flock march""".split())  # "X arrived in Y for talks": X's talks
AGENT_PREPS = frozenset({"in", "with", "into", "through", "during", "via", "within", "at"})
VICTIM_VERBS = frozenset("""die perish survive escape flee suffer lose succumb disappear vanish
hide shelter""".split())
EVALUATIVE = frozenset("""call describe label term brand characterize characterise consider deem
condemn criticize criticise denounce blame cite refer compare justify defend""".split())


PACTS = frozenset({"agreement", "accord", "deal", "pact"})
DURATIONS = frozenset({"hour", "day", "week", "month", "year", "night", "round"})


def _allied(party: Token | None) -> bool:
    """Forces of several countries named together: "French and Egyptian warships"."""
    if party is None or party.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE") and any(
        d.dep_ == "conj" and d.ent_type_ in ("NORP", "GPE") for d in c.children)
        for c in party.children)


def _held_span(holder: Token) -> bool:
    """A stretch of time that a light verb's subject holds ("launched ten days of games")."""
    return holder.lemma_.lower() in DURATIONS and holder.dep_ in ("dobj", "attr", "npadvmod") and \
        holder.head.lemma_.lower() in LIGHT_VERBS | CARRYING_ON


def _own_act(prep: Token, verb: Token) -> bool:
    """The verb's subject did the act named in its prepositional phrase ("took part in the
    talks", "responded with an attack"); not when the phrase is what the verb speaks of or
    reacts to ("pointed to the attack", "blamed X for the attack", "spoke out against it"), when
    the subject suffered it ("died in the attack"), or when the clause is a participle or
    adverbial hanging off a reporting or evaluative verb ("X called its actions defensive,
    pointing to the attack"): the matrix subject is not the act's agent."""
    if prep.lower_ not in AGENT_PREPS or verb.lemma_.lower() in VICTIM_VERBS:
        return False
    if verb.dep_ in ("advcl", "acl", "xcomp", "conj") and _child(verb, *SUBJECTS) is None:
        head = verb.head.lemma_.lower()
        if head in REPORTING or head in EVALUATIVE or verb.lemma_.lower() in REPORTING \
                or verb.lemma_.lower() in EVALUATIVE:
            return False
    return verb.lemma_.lower() not in EVALUATIVE


def _raised_passive(verb: Token) -> Token | None:
    """The patient a participle takes from a passive verb above it: "13 sailors have been
    reported killed", "were arrested and later released", a headline's "Spanish councillor
    shot and killed": the sailors were killed."""
    head = verb.head
    if verb.tag_ != "VBN" or verb.dep_ not in ("xcomp", "oprd", "conj") or head == verb \
            or _child(verb, *SUBJECTS, "nsubjpass", "aux", "auxpass") is not None:
        return None
    return _child(head, "nsubjpass") or (headline_passive(head) if verb.dep_ == "conj" else None)


PATIENT_VERBS = frozenset("""arrest detain kill injure wound shoot stab kidnap abduct jail
imprison sentence expel deport execute release free capture behead torture""".split())


def headline_passive(verb: Token) -> Token | None:
    """The patient of a headline's bare participle ("Protesters arrested in Hong Kong",
    "Opposition leader detained in Minsk"): a transitive act with no object and no auxiliary
    whose subject suffered it."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBN", "VBD") or \
            verb.lemma_.lower() not in PATIENT_VERBS or \
            _child(verb, "dobj", "dative", "aux", "auxpass", "ccomp", "xcomp", "prt") is not None:
        return None
    subj = _child(verb, "nsubj")
    return subj if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None


def absolute_participle(verb: Token) -> Token | None:
    """"with one lecturer arrested", "without anyone detained": a bare past participle after
    "with" is passive; the one it was done to (its parsed subject, or the noun it hangs on)."""
    if verb.tag_ != "VBN" or _child(verb, "aux", "auxpass") is not None:
        return None
    if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ in ("with", "without"):
        return _child(verb, "nsubj")
    if verb.dep_ == "acl" and verb.head.dep_ == "pobj" and \
            verb.head.head.lower_ in ("with", "without"):
        return verb.head
    return None


def reduced_relative(verb: Token) -> Token | None:
    """The noun a past participle describes, done to it by the one its "by" phrase names: "a
    man beheaded by militants", "a judge threatened by the cartel". Not a participle
    with its own object or subject (an active reading), nor one with no agent ("a newspaper
    called Thursday on Arabs to unite" is a misparsed active verb)."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or head == verb or \
            head.pos_ not in ("NOUN", "PROPN", "PRON") or \
            _child(verb, *SUBJECTS, "nsubjpass", "aux", "auxpass", "dobj", "dative") is not None \
            or prep_object(verb, frozenset({"by"})) is None:
        return None
    pred = match_predicate(verb)
    if pred is None or pred.type not in DONE_TO_TYPES:
        return None  # "bills proposed by", "figures released by", "militias backed by Iran"
    return head


DONE_TO_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN"})
"""Acts a reduced relative tells done to a party ("a soldier kidnapped by militants"); other
types there mostly tell how a thing came about ("figures released by", "a reception hosted
by", "two bills proposed by") or a standing tie ("groups backed by Pakistan")."""


def _participle_patient(verb: Token) -> Token | None:
    """The one a bare participle was done to, read as a passive with no auxiliary of its own:
    raised from a passive above it, a headline's, an absolute "with X arrested", or the noun a
    reduced relative describes ("a man beheaded by militants")."""
    for find in (_raised_passive, headline_passive, absolute_participle, reduced_relative):
        patient = find(verb)
        if patient is not None:
            return patient
    return None


def passive_voice(verb: Token) -> bool:
    """The verb is in the passive: it has a passive subject or a passive auxiliary."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _verb_args(verb: Token, pred: Predicate, sent: Span) -> tuple[Token | None, Token | None]:
    patient = _participle_patient(verb)
    if patient is not None:  # "reported killed", "Protesters arrested in ...", "with X arrested"
        return prep_object(verb, frozenset({"by"})), patient
    passive = passive_voice(verb)
    if pred.pos == "ADJ" or (passive and verb.lemma_.lower() == "oppose" and prep_object(
            verb, frozenset({"by"})) is None and prep_object(verb, frozenset({"to"}))):
        # "X is opposed to the plan": X's stance (parsed as a passive), as an adjective's
        actor = _child(verb, "nsubj", "nsubjpass") or subject_of(verb)
        return actor, prep_object(verb, pred.preps | ({"by"} if pred.pos == "ADJ" else {"to"}))
    if passive:
        actor = prep_object(verb, frozenset({"by"}))
        patient = _child(verb, "nsubjpass")
        if patient is not None and patient.lower_ in RELATIVE and verb.dep_ == "relcl":
            patient = verb.head
        return actor, patient
    actor = subject_of(verb)
    if pred.reverse:
        obj = _child(verb, "dobj")
        source = prep_object(verb, pred.preps) or (
            prep_object(obj, pred.preps) if obj is not None else None)
        return source, actor
    recipient = None
    if not pred.objects or pred.objects == {"*"}:
        recipient = _child(verb, "dobj", "dative")
        if recipient is None and _child(verb, "prep", "ccomp", "xcomp") is None:
            later = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"),
                         None)  # "will destroy and obliterate X": X for both
            recipient = _child(later, "dobj") if later is not None else None
            if recipient is not None and recipient.lemma_.lower() in INSTRUMENT_NOUNS:
                recipient = None  # "fired and landed a live round on X": X, not the round
    if recipient is not None and pred.preps and recipient.dep_ == "dobj" and \
            recipient.pos_ == "NOUN" and not recipient.ent_type_:
        party = prep_object(verb, pred.preps)  # "extradited the suspect to France", "exported
        if party is not None and party.ent_type_ in ("GPE", "NORP"):  # rice to Bangladesh":
            recipient = party  # the country the goods or people go to
    if recipient is None and pred.preps:
        recipient = prep_object(verb, pred.preps)
        if recipient is not None and recipient.head.i == verb.sent.start and \
                actor is not None and any(t.text == "," for t in verb.doc[recipient.i:actor.i]):
            recipient = None  # an opening "With the signing of X, Y agreed": when, not with whom
        obj = _child(verb, "dobj")
        if recipient is None and obj is not None:
            recipient = prep_object(obj, pred.preps)  # "restore ties with X"
        shared = shared_conjunct(verb)
        if recipient is None and shared is not None:
            recipient = prep_object(shared, pred.preps)  # "fired and landed a round on X"
    if recipient is None and pred.objects and pred.objects != {"*"}:
        recipient = _indirect_object(verb, pred)
    if recipient is not None and recipient.pos_ == "NOUN" and pred.type == "ACCUSE":
        inner = match_predicate(recipient)
        if inner is not None and inner.type in ("ASSAULT", "COERCE", "PROTEST"):
            by = prep_object(recipient, frozenset({"by"}))
            recipient = by or recipient  # "condemned an attack by X": X is the one accused
    if recipient is not None and pred.type in REACTIONS and thing_noun(recipient):
        recipient = _party_of_act(recipient) or recipient
    if recipient is None and (pred.type, pred.mode) in CLAUSAL_TARGET:
        comp = _child(verb, "ccomp", "xcomp")
        if comp is not None:
            recipient = _child(comp, "nsubj", "nsubjpass")
    return actor, recipient


def _indirect_object(verb: Token, pred: Predicate) -> Token | None:
    """The party a required object is given to, named before it: "granted the rebels an
    amnesty" (a dative), "handed the former mayor a ten-year sentence" (parsed as a second
    direct object, before the one the lexicon line asks for)."""
    dative = _child(verb, "dative")
    if dative is not None and dative.pos_ in ("NOUN", "PROPN", "PRON"):
        return dative
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objs) == 2 and objs[1].lemma_.lower() in pred.objects and \
            objs[0].lemma_.lower() not in pred.objects and \
            objs[0].pos_ in ("NOUN", "PROPN", "PRON"):
        return objs[0]
    return None


REACTIONS = frozenset({"SUPPORT", "ACCUSE", "REJECT"})
"""Types whose object may be an act rather than a party ("welcomed the resumption of ties with
Iran"): the party is then the one the act names."""
PARTY_PREPS = frozenset({"with", "between", "by"})


def _party_of_act(act: Token) -> Token | None:
    """The named party of an act noun: "the resumption of diplomatic ties with Iran" -> Iran,
    "a resumption of ties between Egypt and Iran" -> Egypt (its conjuncts follow), within two
    "of" links of the act. None when the act has a possessor ("Russia's collaboration with
    North Korea"): the doer is the party, as for any possessed object; not "their resumption of
    ties with X", where the possessor is the actor itself."""
    if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in act.children):
        return None
    for noun in [act] + [g for c in act.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"]:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in PARTY_PREPS:
                obj = _child(prep, "pobj")
                if obj is not None and obj.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
                    return obj
    return None


def _noun_recipient(noun: Token, pred: Predicate) -> Token | None:
    preps = pred.preps - {"of"} if pred.type == "MOBILIZE" else pred.preps
    target = prep_object(noun, preps)
    if target is None and noun.dep_ in ("dobj", "attr") and \
            noun.head.lemma_.lower() in LIGHT_VERBS | GIVING:
        target = prep_object(noun.head, preps)  # "gave a warm welcome to X"
    return target


def _embedded_under_trigger(token: Token) -> Token | None:
    """The trigger this one is the content of ("called for an investigation", "refused to
    withdraw"): coded as that trigger's mode, not as an event of its own."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for":
        head = head.head
    elif token.dep_ in ("dobj", "attr") and token.pos_ == "NOUN" and head.dep_ in ("xcomp", "ccomp") \
            and head.lemma_.lower() in CARRIERS:
        return _embedded_under_trigger(head)  # "pressed X to launch an investigation"
    elif token.dep_ == "conj" and token.pos_ == "VERB" and head.pos_ == "VERB" and \
            head.i < token.i and _complement(head):
        return _embedded_under_trigger(head)  # "called on Arabs to unite and mobilize"
    elif not _complement(token):
        return None
    if head == token:
        return None
    pred = match_predicate(head)
    return head if pred is not None and pred.type in EMBEDDING else None


def _complement(verb: Token) -> bool:
    """A clause completing its head: a complement, or an infinitive the parse took for an
    adverbial ("called Thursday on Arabs to unite")."""
    return verb.dep_ in ("xcomp", "ccomp") or verb.dep_ == "advcl" and _to_infinitive(verb) \
        and not any(c.dep_ == "mark" for c in verb.children)


def _location_hint(trigger: Token, pred: Predicate) -> Token | None:
    """Where troops are sent or stand ("to Russia", "in Russia"): a place, not a recipient."""
    if pred.type == "MOBILIZE":
        return prep_object(trigger, frozenset({"to", "into", "in", "inside", "near"}))
    return None


def frames_in_sentence(sent: Span, perpetrator: Token | None = None) -> Iterator[Frame]:
    """Every event frame whose trigger lies in this sentence; `perpetrator` is who the article
    blames for attacks whose agent goes unnamed."""
    if _question_sentence(sent):
        return  # "Is this man who wants to blow up the canon a menace?": asked, not told
    for token in sent:
        demand = _reported_demand(token)
        if demand is not None:
            yield demand
            continue
        pred = match_predicate(token)
        if pred is None and token.pos_ == "VERB" and token.lemma_.lower() in ACCEPTING \
                and status_of(token) == "negated":
            pred = Predicate(lemma=token.lemma_.lower(), pos="VERB", type="REJECT", mode=None,
                             preps=frozenset())  # "will not accept any more refugees"
        if pred is None or (pred.pos == "VERB" and token.dep_ in ("amod", "acomp")):
            continue
        if pred.pos == "VERB" and ((pred.type == "REQUEST" and _protest_purpose(token)) or (
                pred.lemma == "protest" and _protest_purpose(token, nouns_only=True))):
            continue  # "staged demonstrations to demand reforms": the protest, with its demand;
            # "started a hunger strike to protest X": the strike is the protest
        if token.lower_ == "opposed" and token.i > 0 and token.nbor(-1).lower_ == "as":
            continue  # "as opposed to": in contrast with
        if pred.type == "COERCE" and _force_purpose(token):
            continue  # "fired tear gas to disperse the crowd": the force is the event
        if pred.type == "CONCEDE" and token.lemma_.lower() in ("allow", "permit") \
                and not _concession_allowed(token):
            continue
        if token.ent_type_ in NAME_ENTS or _capitalised_name(token):
            continue  # part of a name: the Democratic Rally, the Organisation of Islamic
            # Cooperation
        if _embedded_under_trigger(token) is not None:
            continue
        if pred.pos == "NOUN" and pred.type != "RETREAT" and \
                token.dep_ in ("nsubj", "nsubjpass", "dobj") and \
                (token.head.lemma_.lower() in STOPPING_VERBS | {"postpone", "cease"} or any(
                    c.dep_ == "prt" and c.lower_ == "off" for c in token.head.children)):
            continue  # "Pakistan's military offensive suspended", "called off the strike":
            # the act is stopped; the stop is coded on its own verb where the lexicon has it
        if pred.pos == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and \
                (match_predicate(token.head) or pred).type == pred.type and token.head.i != token.i \
                and match_predicate(token.head) is not None:
            continue  # "the bombing killed five": one event, coded on the verb
        if pred.pos == "NOUN":
            actor, recipient = _noun_actor(token, pred), _noun_recipient(token, pred)
        else:
            actor, recipient = _verb_args(token, pred, sent)
        abstract_target = recipient is not None and recipient.lemma_.lower() in ABSTRACT_TARGETS
        actor, recipient = _stand_in(actor), _stand_in(recipient)
        actor = _event_agent(actor, token)
        if pred.type == "ASSAULT" and actor is not None and actor.dep_ in ("compound", "nmod") \
                and actor.ent_type_ in ("GPE", "LOC", "FAC"):
            actor = valid_participant(_stand_in(blamed_party(sent))) or actor
            # "a Kabul car bombing killed five, another attack ascribed to the Taliban": the
            # place says where; the party the sentence blames did it
        if pred.type == "ASSAULT" and actor is not None and actor.lemma_.lower() in PUBLISHED:
            continue  # "brochures attacking his political rivals": words, not force
        if actor is not None and actor.pos_ == "NOUN" and thing_noun(actor):
            actor = _owner(actor)  # "the Turkish statement called for ...": Turkey
        recipient = _event_agent(recipient, token) or recipient
        instrument = recipient if recipient is not None and \
            recipient.lemma_.lower() in INSTRUMENT_NOUNS else None
        if instrument is not None:  # "fired shells at Seoul": Seoul
            recipient = prep_object(token, pred.preps) or prep_object(instrument, pred.preps)
        elif recipient is not None and thing_noun(recipient):
            preps = pred.preps - {"of"}
            recipient = actor_or_owner(recipient) or actor_or_owner(
                prep_object(token, preps) or prep_object(recipient, preps))
            # "demanded an explanation from Russia": Russia
        speaker = attribution_of(token, sent)
        if speaker is None or speaker.lower_ in FIRST_PERSON:
            speaker = quote_speaker(token, sent) or speaker
        first_person = pred.pos == "VERB" and actor is not None and \
            actor.lower_ in FIRST_PERSON and speaker is not None and \
            status_of(token) in ("future", "hypothetical")  # a promise or a threat
        if first_person:
            actor = speaker  # "'We will respond,' the minister said": the minister
        actor, recipient = valid_participant(actor), valid_participant(recipient)
        if actor is None and pred.type == "ASSAULT" and perpetrator is not None \
                and status_of(token) == "asserted" and not _dated_elsewhere(token) \
                and (sent.start <= perpetrator.i < sent.end or sent.start < LEAD_TOKENS) \
                and (recipient is None or recipient.i != perpetrator.i):
            actor = perpetrator  # the lead attack with no named agent: whom the article blames
        blamed = perpetrator is not None and actor == perpetrator
        if actor is not None and recipient is not None and actor.i == recipient.i:
            recipient = None
        mode, type_ = pred.mode, pred.type
        if type_ == "ASSAULT" and mode is None and pred.pos == "VERB":
            mode = means_mode(token)  # "killed in a car bombing": explosives
        if type_ == "ASSAULT" and _crowd_control(token, instrument):
            mode = "crowd-control"  # tear gas, water cannon, rubber bullets: not firearms
        elif type_ == "ASSAULT" and mode == "firearms" and instrument is not None and \
                {instrument.lemma_.lower(), *(c.lower_ for c in instrument.children)} & HEAVY:
            mode = "heavy-weapons"  # "fired mortar rounds at the village"
        partner = _noun_recipient(token, pred) if token.lemma_.lower() in EXERCISES else None
        if type_ == "MOBILIZE" and pred.pos == "NOUN" and (partner is not None or any(
                c.dep_ == "amod" and c.lower_ in JOINT for c in token.children)
                or (token.lemma_.lower() in EXERCISES and _allied(actor))):
            type_, mode = "COOPERATE", None  # joint exercises or patrols (plover.json)
            recipient = recipient or partner
        if type_ == "MOBILIZE" and _peacekeepers(token):
            type_, mode = "AID", None  # peacekeepers sent or arriving: protection (CAMEO 074)
        if type_ == "ASSAULT" and abstract_target and (pred.pos == "VERB" or pred.lemma in (
                "attack", "assault")):  # "stepped up its attack on the government's response"
            type_, mode = "ACCUSE", "disapprove"  # "attacked the investigation": words, not force
        inner = _child(token, "xcomp", "ccomp")
        if inner is None and pred.type == "REQUEST":
            inner = prep_object(token, frozenset({"for"}))
        inner_pred = match_predicate(inner) if inner is not None else None
        if pred.pos == "ADJ" and token.lower_ == "prepared" and not _eventful(inner, inner_pred):
            continue  # keep "prepared to lift the ban" (an offer); not "prepared to address
            # the nation" (nothing offered)
        if pred.type in EMBEDDING and inner_pred is not None:
            if type_ == "AGREE" and (token.lemma_.lower() in VOWS or pred.pos == "ADJ") \
                    and inner_pred.type in THREAT_MODE and \
                    (inner_pred.type != "ASSAULT" or _force_on_party(inner)):
                type_ = "THREATEN"  # "pledged to fight on", "ready to fight": force offered
            mode = THREAT_MODE.get(inner_pred.type) if type_ == "THREATEN" else \
                MODE_FROM_INNER.get(inner_pred.type, mode)
            if recipient is None and inner is not None:
                recipient = _child(inner, "dobj") or prep_object(inner, inner_pred.preps)
        elif type_ == "AGREE" and inner is not None and (
                token.lemma_.lower() in VOWS or pred.pos == "ADJ"):
            act = _carried_act(inner)
            if act is not None and act.type in THREAT_MODE:
                type_, mode = "THREATEN", THREAT_MODE[act.type]  # "ready to impose martial law"
        if type_ == "CONCEDE" and recipient is None and inner_pred is not None \
                and inner is not None and inner_pred.pos != "NOUN":
            recipient = _verb_args(inner, inner_pred, sent)[1]  # admitted hitting X: toward X
        if type_ == "PROTEST" and recipient is None and pred.pos == "NOUN" and token.dep_ == "dobj":
            recipient = _protested(token.head)  # "began a hunger strike to protest X's ...": X
        recipient = actor_or_owner(recipient)
        status = status_of(token)
        if status == "negated" and type_ in ("AGREE", "CONCEDE", "REJECT") and \
                token.lemma_.lower() in ACCEPTING | {"agreement", "deal"}:
            type_, mode, status = "REJECT", None, "asserted"  # "did not accept the terms"
        own_act = pred.pos == "VERB" or (token.dep_ == "dobj" and token.head.lemma_.lower()
                                         in LIGHT_VERBS | CARRYING_ON)  # "would tighten a blockade"
        own_word = own_act and status == "future" and speaker is not None and \
            actor is not None and actor.lower_ in OWN_PRONOUNS and not first_person
        threat_mode = THREAT_MODE.get(type_) or (
            "restrict" if type_ == "PROTEST" and mode in THREAT_PROTEST else None)
        if own_word:
            actor = speaker  # "X said they would boycott the talks": X
        if status == "future" and _ultimatum(token):  # "will withdraw unless X": a threat
            type_, mode, status = "THREATEN", threat_mode, "asserted"
        elif (first_person or own_word) and status == "future" and threat_mode is not None:
            type_, mode, status = "THREATEN", threat_mode, "asserted"  # "they would boycott"
        elif _vowed(token) and status in ("asserted", "future") and threat_mode is not None:
            type_, mode, status = "THREATEN", threat_mode, "asserted"  # "have sworn to fight"
        if status == "future" and type_ in ("CONSULT", "SUPPORT", "COOPERATE", "AID"):
            type_, mode, status = "AGREE", None, "asserted"  # PLOVER: a promise to cooperate
        elif status == "future" and (mode in ("release", "access") or token.lemma_.lower() in
                                     OPENINGS) and type_ in ("RETREAT", "CONCEDE") and \
                _promised(token):
            type_, mode, status = "AGREE", "yield", "asserted"  # "said it would release them"
        elif type_ == "RETREAT" and token.dep_ != "relcl" and (status == "future" or (
                pred.pos == "NOUN" and token.head.lemma_ in ANNOUNCING)):
            type_, status = "CONCEDE", "asserted"  # announced, not yet implemented
        pairs = [(actor, recipient)]
        if recipient is not None:  # "met with the IMF, then with Trump": one event each
            pairs += [(actor, other) for other in coordinated(recipient)
                      if actor is None or other.i != actor.i]
        mutual = actor is not None and recipient is None and (
            (actor.dep_ == "pobj" and actor.head.lower_ in ("between", "among"))
            or type_ in MUTUAL_TYPES)
        if mutual and coordinated(actor):
            # "cooperation between Russia and the DPRK", "Turkey and Libya agreed": each
            # toward the other
            others = coordinated(actor)
            pairs = [(actor, other) for other in others] + \
                ([(others[0], actor)] if len(others) == 1 else [])  # two: both ways
        elif actor is not None and not blamed and (pred.pos == "NOUN" or actor.dep_ in SUBJECTS
                                                   or split_subject_of(actor)):
            taken = {t.i for _, t in pairs if t is not None}
            whoms = [whom for _, whom in pairs]  # "A and B welcomed ties between C and D": 4
            pairs += [(other, whom) for other in coordinated(actor) if other.i not in taken
                      for whom in whoms]
        for part, (who, whom) in enumerate(pairs):
            yield Frame(trigger=token.i, lemma=token.lemma_.lower(), type=type_, mode=mode,
                        status=status, actor=who.i if who is not None else None,
                        recipient=whom.i if whom is not None else None,
                        said_by=speaker.i if speaker is not None and speaker != who else None,
                        location_hint=_hint_index(token, pred),
                        sent_start=sent.start, sent_end=sent.end, part=part)


MUST = frozenset({"must", "should"})


def _reported_demand(token: Token) -> Frame | None:
    """"X said Y must return the helicopter", "X declared that Y must drop barriers": a demand
    (REQUEST) by the speaker on Y, coded on the required act."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ != "ccomp" or not any(
            c.dep_ == "aux" and c.lower_ in MUST for c in token.children):
        return None
    if any(c.dep_ == "aux" and c.lower_ == "have" for c in token.children):
        return None  # "plaintiffs should have considered ...": a reproach about the past
    if any(c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in ("whether", "if"))
           for c in token.children):
        return None  # "must not": a prohibition, left to the act's own frame; "whether ...
        # should be approved": an open question
    speech = token.head
    if speech.lemma_ not in DECLARING or speech.pos_ != "VERB":
        return None
    speaker = valid_participant(_stand_in(subject_of(speech)))
    target = _child(token, "nsubj", "nsubjpass")
    if target is not None and target.lower_ in RELATIVE:
        return None
    target = valid_participant(_stand_in(target))
    if speaker is None or target is None or target.lower_ in OWN_PRONOUNS \
            or target.lower_ in ("you", "everyone", "everybody") or thing_noun(target) \
            or target.i == speaker.i:
        return None  # "we must", "it must": not a demand on another party
    inner = match_predicate(token)
    mode = MODE_FROM_INNER.get(inner.type) if inner is not None else None
    sent = token.sent
    return Frame(trigger=token.i, lemma=token.lemma_.lower(), type="REQUEST", mode=mode,
                 status="negated" if any(c.dep_ == "neg" for c in speech.children) else "asserted",
                 actor=speaker.i, recipient=target.i, said_by=None, location_hint=None,
                 sent_start=sent.start, sent_end=sent.end)


def _protest_purpose(token: Token, nouns_only: bool = False) -> bool:
    """A demand that is a protest's purpose ("staged demonstrations to demand reforms",
    "demonstrated in Kirkuk calling for independence") is the protest's content. `nouns_only`:
    the protest is the head verb's object ("started a hunger strike to protest X"), not the
    verb itself ("rallied to protest X", whose purpose names what is protested)."""
    if token.dep_ not in ("advcl", "xcomp") or token.head == token:
        return False
    head = token.head
    for cand in ((_child(head, "dobj"),) if nouns_only else (head, _child(head, "dobj"))):
        if cand is None or cand.i == token.i:
            continue
        pred = match_predicate(cand)
        if pred is not None and pred.type == "PROTEST":
            return True
    return False


def _carried_act(verb: Token) -> Predicate | None:
    """The act a light verb's object names ("to impose martial law", "to launch an
    offensive")."""
    obj = _child(verb, "dobj")
    if obj is None or verb.lemma_.lower() not in CARRIERS:
        return None
    return match_predicate(obj)


def _eventful(inner: Token | None, inner_pred: Predicate | None) -> bool:
    """A complement that is an event: its verb, or the noun it takes, is in the lexicon."""
    if inner is None:
        return False
    obj = _child(inner, "dobj")
    return inner_pred is not None or (obj is not None and match_predicate(obj) is not None)


def _force_purpose(token: Token) -> bool:
    """The act is what force was used for ("opened fire to disperse the crowd"), or a
    precaution ("more officers to prevent violent protests"): not an act of its own."""
    head = token.head
    if token.dep_ != "advcl" or head == token or not _to_infinitive(token):
        return False
    if token.lemma_.lower() == "prevent":
        return True
    tool = _child(head, "dobj")
    if tool is not None and tool.lemma_.lower() in INSTRUMENT_NOUNS:
        return True  # "used tear gas to disperse them": the tear gas is the act
    pred = match_predicate(head)
    return pred is not None and pred.type == "ASSAULT"


def _protested(verb: Token) -> Token | None:
    """What a verb's "to protest X" purpose names ("started a strike to protest X")."""
    purpose = next((c for c in verb.children if c.dep_ in ("advcl", "xcomp")
                    and c.lemma_.lower() == "protest"), None)
    if purpose is None:
        return None
    return _child(purpose, "dobj") or prep_object(purpose, frozenset({"against"}))


def _peacekeepers(trigger: Token) -> bool:
    """The forces moved are peacekeepers ("NATO peacekeeping troops arrived", "deployed UN
    peacekeepers", "the deployment of peacekeepers")."""
    for force in (c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "prep")):
        if force.dep_ == "prep":
            force = _child(force, "pobj") if force.lower_ == "of" else None
        if force is not None and (force.lemma_.lower() in PEACEKEEPING or any(
                c.lemma_.lower() in PEACEKEEPING for c in force.children
                if c.dep_ in ("amod", "compound", "nmod"))):
            return True
    return False


def _vowed(trigger: Token) -> bool:
    """The act is what its subject vowed or swore to do ("vowed to retaliate", "have sworn to
    fight"): a warning of force, not force used."""
    return trigger.pos_ == "VERB" and trigger.dep_ in ("xcomp", "advcl") and \
        trigger.head.lemma_.lower() in VOWS and _force_on_party(trigger) and \
        _to_infinitive(trigger)


PROMISING = frozenset({"say", "tell", "promise", "pledge", "assure", "vow", "offer", "signal"})
OPENINGS = frozenset({"allow", "permit", "release", "free"})


def _promised(trigger: Token) -> bool:
    """A release or an opening its giver says it will make ("Iran said it would release the
    sailors", "said it would allow inspectors back"): an offer (PLOVER AGREE; CAMEO 0354 and
    0355, intent to release or to allow involvement). Withdrawals, ceasefires and ended strikes
    said to come stay CONCEDE, as plover.json words it ("declaring (not implementing)"), and so
    does a release announced or decided ("announced that the prisoners would be freed")."""
    clause = governing_verb(trigger)
    for _ in range(4):
        if clause.lemma_.lower() in ANNOUNCING:
            return False  # "said: I have decided to resign": a decision, not an offer
        if clause.dep_ not in ("xcomp", "conj", "acomp") or clause.head == clause:
            break
        clause = clause.head
    said = clause.head.lemma_.lower()
    if clause.dep_ != "ccomp" or said not in PROMISING:
        return False
    subj = _child(clause, "nsubj", "nsubjpass")  # "Russia said Ukrainian troops would leave":
    return said not in ("say", "tell") or (  # not Russia's offer
        subj is not None and subj.lower_ in OWN_PRONOUNS)


def _force_on_party(act: Token) -> bool:
    """The act is aimed at a party or at nobody named ("to fight on", "to retaliate against
    Israel"), not at an ill ("to fight corruption", "to combat terrorism"): only then is a vow
    of it a threat."""
    target = _child(act, "dobj") or prep_object(act, frozenset({"against"}))
    return target is None or not thing_noun(target)


def _ultimatum(trigger: Token) -> bool:
    """A future act made conditional with "unless": "will withdraw its force unless ..."."""
    verb = governing_verb(trigger)
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                          for m in c.children) for c in verb.children)


def _concession_allowed(token: Token) -> bool:
    """"allowed X to hold rallies" eases a restriction on X; "the constitution allows re-election",
    "has allowed Hong Kong to have its own legislature" (a standing state), "will not allow Iran
    to ..." (a refusal) do not."""
    if status_of(token) not in ("asserted", "future"):
        return False
    subj = subject_of(token)
    if subj is None or (subj.pos_ == "NOUN" and thing_noun(subj)):
        return False
    party = _child(token, "dobj")
    inner = _child(token, "xcomp", "ccomp")
    if party is None and inner is not None:
        party = _child(inner, "nsubj", "nsubjpass")
    if party is None or thing_noun(party):
        return False
    return inner is None or inner.lemma_.lower() not in STATIVE


def coordinated(token: Token) -> list[Token]:
    """The other parties coordinated with a participant: its conjuncts ("Japan and South
    Korea"), those of its apposition ("head X, Pope Francis, and a spokesperson"), and the
    objects of a repeated preposition ("with the IMF, then with Trump")."""
    if token.tag_ in ("NNS", "NNPS") and _child(token, "nummod") is not None:
        return []  # "two lawmakers, X and Y": the same party, its members named
    found = list(token.conjuncts)
    if split_subject_of(token):  # "With the signing of a Memorandum, X and Y agreed": not the
        found = [c for c in found if c.i > token.i]  # Memorandum
    if token.tag_ not in ("NNS", "NNPS"):  # "lawmakers, X and Y": the same party, named
        for appos in (c for c in token.children if c.dep_ == "appos"):
            found += appos.conjuncts
    prep = token.head
    if token.dep_ == "pobj" and prep.dep_ == "prep":
        found += [o for p in prep.head.children if p.dep_ == "prep" and p.i > prep.i
                  and p.lower_ == prep.lower_ for o in p.children if o.dep_ == "pobj"]
    out = []
    for other in found:
        other = valid_participant(_stand_in(other))
        if other is not None and other.pos_ in ("NOUN", "PROPN") and not thing_noun(other) \
                and len(other.text) > 1 \
                and other.i != token.i and all(o.i != other.i for o in out):
            out.append(other)
    return out


def _dated_elsewhere(trigger: Token) -> bool:
    """An attack noun with its own date ("the December 31 attack", "last week's bombing") is
    another attack than the article's main one."""
    mods = [c for c in trigger.children
            if c.dep_ in ("compound", "nmod", "npadvmod", "amod", "poss", "nummod")]
    mods += [g for c in mods if c.dep_ == "compound" for g in c.children
             if g.dep_ in ("nummod", "amod", "compound")]  # "the 2008 Mumbai attacks"
    return trigger.pos_ == "NOUN" and any(c.ent_type_ in ("DATE", "TIME") for c in mods)


def _crowd_control(trigger: Token, instrument: Token | None) -> bool:
    """The weapon used is a crowd-control one: "fired tear gas", "dispersed them with water
    cannon", "rubber bullets"."""
    tools = [instrument] if instrument is not None else []
    used = prep_object(trigger, frozenset({"with", "using"}))
    if used is not None:
        tools.append(used)
    for tool in tools:
        words = {tool.lemma_.lower()} | {c.lower_ for c in tool.children
                                          if c.dep_ in ("compound", "amod")}
        if tool.lemma_.lower() in CROWD_CONTROL - {"bullet", "grenade", "pellet"} or \
                words & {"tear", "rubber", "plastic", "water", "pepper", "stun"}:
            return True
    return False


def _stand_in(token: Token | None) -> Token | None:
    """Who a partitive stands for: "one of these groups, the SDF," -> the SDF; "some of the
    protesters" -> protesters."""
    if token is None or not (token.lower_ in PARTITIVES or token.like_num):
        return token
    return _child(token, "appos") or prep_object(token, frozenset({"of"})) or token


PARTY_ENTS = frozenset({"NORP", "GPE", "ORG"})


def party_modifier(noun: Token) -> Token | None:
    """A named party among the words before a noun, directly or through the nouns modifying it:
    "Israeli air strikes" (Israeli), "recent US Predator attacks" and "a US drone strike" (US),
    "a Saudi-led coalition airstrike" (Saudi): whose act or weapon the noun names."""
    level = [noun]
    for _ in range(3):
        below = []
        for tok in level:
            for child in tok.children:
                if child.i > noun.i or not (child.dep_ in ("amod", "compound", "nmod") or (
                        child.dep_ == "npadvmod" and tok.lemma_ == "lead" and tok.tag_ == "VBN")):
                    continue
                if child.ent_type_ in PARTY_ENTS:
                    return child
                below.append(child)
        level = below
    return None


def _event_agent(token: Token | None, trigger: Token) -> Token | None:
    """A participant that is itself an event or a weapon stands for its agent: "Russia's
    collaboration, which includes acquiring shells" -> Russia; "a car bomb killed ..." -> None
    (no agent named)."""
    if token is None or token.pos_ != "NOUN" or token.i == trigger.i:
        return token
    lemma = token.lemma_.lower()
    if lemma not in WEAPON_NOUNS and (lemma, "NOUN") not in load_lexicon():
        return token
    agent = _child(token, "poss") or prep_object(token, frozenset({"by"}))
    if agent is None:
        agent = party_modifier(token)
    if agent is None and lemma in WEAPON_NOUNS and token.dep_ == "dobj" and \
            token.head.i != trigger.i:
        agent = subject_of(token.head)  # "Iran launched missiles targeting US troops"
    return agent


ACCIDENT_NOUNS = frozenset("""accident crash collision earthquake quake flood flooding fire blaze
storm avalanche landslide mudslide stampede derailment typhoon hurricane cyclone tornado tsunami
eruption outbreak epidemic heatwave drowning lightning disease illness""".split())
"""Causes of death that are no attack ("killed in a car crash", "killed by lightning")."""
INDUSTRIAL_WORDS = frozenset("""gas boiler chemical factory plant pipeline tanker coal fireworks
industrial mine controlled""".split())
"""What makes an explosion an accident: "a gas explosion", "a coal mine blast"."""
VIOLENT_VERBS = frozenset("""shoot stab behead assassinate ambush bomb gun massacre execute lynch
torture shell""".split())
"""Verbs that name an attack on their own: "two policemen were shot dead"."""
HARM_VERBS = frozenset({"kill", "injure", "wound", "hurt", "maim"})
ATTACK_MEANS = ATTACK_NOUNS - {"crash"} | WEAPON_NOUNS | frozenset(
    """airstrike gunfire shelling bombardment landmine minefield""".split())


CAUSE_PREPS = frozenset({"by", "in", "during", "with", "amid"})
"""Prepositions whose object tells what harm came from: "killed amid revenge killings"."""


def _participle_clause(verb: Token) -> bool:
    """A present participle adjunct with no subject of its own ("..., killing 12 people"): its
    doer is the subject of the clause it hangs on."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB" and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)


def _causes(trigger: Token) -> list[Token]:
    """What a harm verb names as its cause: its active subject ("a roadside bomb killed ..."), its
    passive agent ("killed by an explosive device") or what it happened in ("killed in a car
    bombing")."""
    causes = [c for c in trigger.children if c.dep_ == "nsubj"]
    if not causes and _participle_clause(trigger):
        causes = [c for c in trigger.head.children if c.dep_ == "nsubj"]  # "a car bomb
        # exploded near a market, killing 12": the bomb
    heads = [trigger] + [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"
                         and c.lemma_.lower() in HARM_VERBS]  # "killed and 30 wounded in a
    for head in heads:  # bombing": the phrase hangs on the last verb and tells of both
        for prep in head.children:
            if prep.dep_ in ("agent", "prep") and prep.lower_ in CAUSE_PREPS:
                causes += [o for o in prep.children if o.dep_ == "pobj"]
    for clause in trigger.children:  # "killed when a car bomb exploded", "... when their
        if clause.dep_ == "advcl" and any(  # convoy came under rocket fire"
                m.dep_ in ("advmod", "mark") and m.lower_ in ("when", "as", "after")
                for m in clause.children):
            causes += [c for c in clause.children if c.dep_ == "nsubj"]
            causes += [c for c in clause.children  # "when their convoy hit a roadside bomb"
                       if c.dep_ == "dobj" and c.lemma_.lower() in ATTACK_MEANS]
            causes += [m for p in clause.children if p.dep_ == "prep" and p.lower_ == "under"
                       for o in p.children if o.dep_ == "pobj"
                       for m in [o, *o.children] if m.lemma_.lower() in ATTACK_MEANS]
    if not causes and trigger.dep_ == "conj" and trigger.head.pos_ == "VERB" and \
            trigger.head.i < trigger.i:
        return _causes(trigger.head)  # "a bombing killed one and wounded two": the bombing
    return causes


MEANS_MODES = (
    ("suicide-attack", frozenset({"suicide"})),
    ("drone", frozenset({"drone", "uav"})),
    ("aerial", frozenset({"airstrike", "air", "bombardment", "warplane", "jet"})),
    ("heavy-weapons", HEAVY | frozenset({"shelling"})),
    ("explosives", frozenset("""bomb bombing explosive device ied grenade mine landmine minefield
blast explosion""".split())),
    ("firearms", frozenset({"gunfire", "gun", "rifle", "shooting", "shoot", "gunman"})),
)
"""The ASSAULT mode that the means of an attack names, most specific first."""
MEANS_OR_BOMBER = ATTACK_MEANS | {"bomber"}  # "a suicide bomber killed 12" names its means


def means_mode(trigger: Token) -> str | None:
    """The ASSAULT mode given by how harm was done: "killed in a suicide car bombing"
    (suicide-attack), "killed by an improvised explosive device" (explosives)."""
    for cause in _causes(trigger):
        if _accidental(cause) or cause.lemma_.lower() not in MEANS_OR_BOMBER:
            continue
        words = {cause.lemma_.lower()} | {c.lemma_.lower() for c in cause.children
                                         if c.dep_ in ("compound", "amod", "nmod")}
        if cause.lemma_.lower() == "bomber":
            words.add("bomb")  # "a suicide bomber killed 12"
        for mode, cues in MEANS_MODES:
            if words & cues:
                return mode
    return None


def _accidental(cause: Token) -> bool:
    lemma = cause.lemma_.lower()
    mods = {w for c in cause.children if c.dep_ in ("compound", "amod", "nmod")
            for w in (c.lemma_.lower(), c.lower_)}
    return lemma in ACCIDENT_NOUNS or bool(mods & ACCIDENT_NOUNS) or (
        lemma in ("explosion", "blast") and bool(mods & INDUSTRIAL_WORDS))


def unnamed_attack(trigger: Token) -> Token | None:
    """The means of an attack whose attacker goes unnamed: "a roadside bombing killed one
    soldier" (the bombing), "were killed in a suicide car bombing" (the bombing), "two
    policemen were shot dead" (the verb itself). None for accidents and disasters ("killed in
    a car crash", "a gas explosion killed ...") and for harm with no cause given ("three people
    were killed"), which may be either."""
    if trigger.pos_ != "VERB":
        return None
    clause = trigger
    while clause.dep_ == "conj" and clause.head.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        clause = clause.head  # "a bombing killed one and wounded two"
    passive = passive_voice(clause) or \
        headline_passive(clause) is not None  # "Yemeni journalist shot dead in Aden"
    subject = _child(clause, "nsubj") or (_child(clause.head, "nsubj")
                                          if _participle_clause(clause) else None)
    if not passive and (subject is None or subject.lemma_.lower() not in ATTACK_MEANS):
        return None  # a named or implied doer ("we bombed", "murdering civilians")
    if passive and _child(clause, "agent") is not None and not any(
            o.lemma_.lower() in ATTACK_MEANS for a in clause.children if a.dep_ == "agent"
            for o in a.children):
        return None  # "killed by soldiers": a named attacker
    causes = _causes(trigger)
    if any(_accidental(c) for c in causes):
        return None
    means = next((c for c in causes if c.lemma_.lower() in ATTACK_MEANS), None)
    if means is not None:
        if any(t.ent_type_ == "DATE" for t in means.subtree if t.i < means.i):
            return None  # "the 2005 bombings": another attack
        return means  # "a US drone strike": the coder names its party from the phrase
    return trigger if trigger.lemma_.lower() in VIOLENT_VERBS else None


def valid_participant(token: Token | None) -> Token | None:
    """None for heads that cannot be actors: numbers, dates, wh-words, first/second person."""
    if token is None or token.like_num or token.ent_type_ in NOT_PARTICIPANT_ENTS:
        return None
    if token.lower_ in NOT_PARTICIPANT_WORDS and token.pos_ != "PROPN" and token.text != "US":
        return None  # but "US" is a country, not "us"
    return token


def thing_noun(token: Token) -> bool:
    """The head names a thing, not an actor: an event noun ("the attack"), an abstract noun
    ("an explanation", "the military rapprochement"), a document or message ("the memoranda of
    understanding"), an instrument ("tear gas"), or a pronoun for a thing ("that", "which")."""
    if token.pos_ in ("PRON", "DET", "SCONJ"):
        return token.lower_ in THING_PRONOUNS
    if token.pos_ != "NOUN" or token.ent_type_ in NAME_ENTS:
        return False
    lemma = token.lemma_.lower()
    if lemma in ACTOR_ABSTRACTS or token.lower_ in ACTOR_ABSTRACTS:
        return False
    return lemma in THING_NOUNS or lemma in ABSTRACT_TARGETS or lemma in MESSAGE_NOUNS \
        or lemma in ATTACK_NOUNS or lemma in INSTRUMENT_NOUNS \
        or (lemma, "NOUN") in load_lexicon() or lemma.endswith(THING_SUFFIXES)


OWNER_PRONOUNS = frozenset({"its", "his", "her"})


def _owner(thing: Token, depth: int = 0) -> Token | None:
    """The actor a thing belongs to: its possessor ("the regime's ambitions"), a national or
    named modifier ("Iranian involvement"), or a named "of" object ("the involvement of Iran")."""
    poss = _child(thing, "poss")
    if poss is not None and (poss.pos_ != "PRON" or poss.lower_ in OWNER_PRONOUNS):
        return poss
    for child in thing.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return child
    of = prep_object(thing, frozenset({"of"}))
    if of is not None and thing_noun(of) and of.pos_ == "NOUN" and depth < 2:
        return _owner(of, depth + 1)  # "the legality of the minister's appointment"
    if of is not None and not thing_noun(of) and (of.pos_ == "PROPN" or any(
            t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
            for t in of.doc[slice(*phrase_bounds(of))])):
        return of  # "the deployment of North Korean troops": the troops
    return None


def actor_or_owner(token: Token | None) -> Token | None:
    """A recipient must be an actor: a thing stands for its owner when one is named, else it
    is no recipient ("demanded an explanation from Russia": no recipient from "explanation")."""
    if token is None or not thing_noun(token):
        return token
    return _owner(token) if token.pos_ == "NOUN" else None


def _hint_index(token: Token, pred: Predicate) -> int | None:
    hint = _location_hint(token, pred)
    return hint.i if hint is not None else None


def find_frames(doc: Doc) -> list[Frame]:
    """All frames in a parsed document, in text order."""
    perpetrator = blamed_party(doc)
    return [frame for sent in doc.sents for frame in frames_in_sentence(sent, perpetrator)]


def blamed_party(doc: Doc) -> Token | None:
    """The party the article holds responsible for an attack: "attributed the bombing to X",
    "an attack ascribed to X", "blamed X for the attack", "X claimed responsibility",
    "X are the suspected perpetrators"."""
    for tok in doc:
        lemma = tok.lemma_.lower()
        found = None
        if tok.pos_ == "VERB" and lemma in ("attribute", "ascribe"):
            obj = _child(tok, "dobj", "nsubjpass") or (tok.head if tok.dep_ == "acl" else None)
            if obj is not None and obj.lemma_.lower() in ATTACK_NOUNS:
                found = prep_object(tok, frozenset({"to"}))
        elif tok.pos_ == "VERB" and lemma == "blame":
            cause = prep_object(tok, frozenset({"for"}))
            if cause is not None and cause.lemma_.lower() in ATTACK_NOUNS:
                found = _child(tok, "dobj")
        elif tok.pos_ == "VERB" and lemma == "claim" and any(
                c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in tok.children) \
                and not any(c.dep_ == "neg" for c in tok.children):
            found = subject_of(tok)
        elif lemma == "perpetrator" and tok.dep_ == "attr":
            found = _child(tok.head, "nsubj")
        found = valid_participant(_stand_in(found))
        if found is not None and found.pos_ in ("NOUN", "PROPN") and found.lower_ not in \
                FIRST_PERSON:
            return found
    return None
