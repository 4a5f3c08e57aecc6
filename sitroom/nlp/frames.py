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

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import POS_CLASS, Predicate, load_lexicon

LIGHT_VERBS = frozenset("""express voice hold have launch make conduct impose pay raise issue show
declare reach announce begin start stage join carry lodge file open seek offer extend
convey reiterate renew call""".split())
REPORTING = frozenset("""say state report reveal note claim tell add announce warn emphasize
emphasise stress insist indicate confirm believe argue write explain assert allege suggest
highlight acknowledge admit disclose mention remark point""".split())
INTENT = frozenset("""expect plan intend prepare set aim hope want seek propose decide vow promise
pledge threaten agree schedule""".split())
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "going"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "can"})
ANNOUNCING = frozenset({"announce", "order", "promise", "pledge", "plan", "decide", "declare"})
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
approach strategy rhetoric agreement speech tweet article""".split())
CLAUSAL_TARGET = {("REQUEST", None), ("ACCUSE", "allege"), ("REJECT", None)}


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


def _prep_object(token: Token, preps: frozenset[str]) -> Token | None:
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
            return verb.head
        return subj
    head = verb.head
    if head is verb:
        return None
    if verb.dep_ == "xcomp":
        obj = _child(head, "dobj")
        if obj is not None and head.lemma_ in ("urge", "ask", "force", "order", "tell", "allow"):
            return obj
        return _child(head, "nsubjpass") or subject_of(head, depth + 1)
    if verb.dep_ in ("conj", "advcl", "acomp") or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        return subject_of(head, depth + 1)
    if verb.dep_ == "relcl":
        return head
    return None


def _object_lemmas(token: Token) -> set[str]:
    lemmas = set()
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "compound", "attr", "oprd"):
            lemmas.add(child.lemma_.lower())
        elif child.dep_ == "prep" and child.lower_ == "of":
            obj = _child(child, "pobj")
            if obj is not None:
                lemmas.add(obj.lemma_.lower())
    return lemmas


def _is_light(noun: Token) -> bool:
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.lemma_.lower() in LIGHT_VERBS:
        return True
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return True
    return noun.dep_ == "pobj" and head.lower_ in ("in", "for", "during", "after")


def _requirements_hold(token: Token, pred: Predicate) -> bool:
    if pred.objects == {"*"}:
        if _child(token, "dobj", "nsubjpass") is None:
            return False
    elif pred.objects and not (_object_lemmas(token) & pred.objects):
        return False
    if pred.particles and not any(
        (c.dep_ in ("prep", "prt", "agent") and c.lower_ in pred.particles)
        or c.dep_ in pred.particles for c in token.children
    ):
        return False
    if pred.subjects:
        subj = _child(token, "nsubj", "nsubjpass")
        if subj is None or subj.lemma_.lower() not in pred.subjects:
            return False
    return not (pred.light and not _is_light(token))


def match_predicate(token: Token) -> Predicate | None:
    """The first lexicon entry for this token whose requirements hold."""
    pos = POS_CLASS.get(token.pos_)
    if pos is None:
        return None
    lexicon = load_lexicon()
    lemma = token.lemma_.lower()
    keys = [(lemma, pos)]
    if pos == "VERB":
        keys.append((lemma, "ADJ"))
    if pos in ("VERB", "ADJ"):
        keys.append((token.lower_, "ADJ"))
    for key in keys:
        for pred in lexicon.get(key, ()):
            if _requirements_hold(token, pred):
                return pred
    return None


def governing_verb(token: Token) -> Token:
    """The verb whose clause contains `token` (the token itself for verbs)."""
    cur = token
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def status_of(trigger: Token) -> str:
    """asserted, negated, future or hypothetical, from the trigger's clause and its controllers."""
    verb = governing_verb(trigger)
    chain = [trigger, verb] if verb is not trigger else [trigger]
    cur = verb
    while cur.dep_ in ("xcomp", "ccomp") and cur.head is not cur and len(chain) < 6:
        if cur.dep_ == "ccomp" and cur.head.lemma_ not in INTENT:
            break
        cur = cur.head
        chain.append(cur)
    status = "asserted"
    for tok in chain:
        kids = list(tok.children)
        if any(c.dep_ == "neg" for c in kids):
            return "negated"
        auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
        if auxes & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ == "if" for c in kids):
            status = "hypothetical"
        elif auxes & FUTURE_AUX and status == "asserted":
            status = "future"
        if tok is not trigger and tok.lemma_ in INTENT and status == "asserted":
            status = "future"
    if verb.dep_ == "advcl" and any(c.lower_ == "if" for c in verb.children if c.dep_ == "mark"):
        status = "hypothetical"
    return status


def attribution_of(trigger: Token, sent: Span) -> Token | None:
    """The speaker the trigger's clause is attributed to, if any."""
    cur = governing_verb(trigger)
    for _ in range(6):
        if cur is not trigger and cur.lemma_ in REPORTING and cur.pos_ == "VERB":
            return subject_of(cur)
        if cur.head is cur:
            break
        cur = cur.head
    for tok in sent:
        if tok.lower_ == "according" and tok.dep_ == "prep":
            to = _child(tok, "prep")
            obj = _child(to, "pobj") if to is not None else None
            if obj is not None and not (obj.i <= trigger.i < phrase_bounds(obj)[1]):
                return obj
    return None


def _noun_actor(noun: Token, pred: Predicate) -> Token | None:
    poss = _child(noun, "poss")
    if poss is not None:
        return poss
    by = _prep_object(noun, frozenset({"by"}))
    if by is not None:
        return by
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return child
    if pred.type == "MOBILIZE":
        return _prep_object(noun, frozenset({"of"}))
    if noun.dep_ in ("dobj", "attr") and noun.head.lemma_.lower() in LIGHT_VERBS:
        return subject_of(noun.head)
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        return subject_of(governing_verb(noun))
    return None


def _verb_args(verb: Token, pred: Predicate, sent: Span) -> tuple[Token | None, Token | None]:
    passive = _child(verb, "nsubjpass") is not None or _child(verb, "auxpass") is not None
    if pred.pos == "ADJ":
        actor = _child(verb, "nsubj", "nsubjpass") or subject_of(verb)
        return actor, _prep_object(verb, pred.preps | {"by"})
    if passive:
        actor = _prep_object(verb, frozenset({"by"}))
        patient = _child(verb, "nsubjpass")
        if patient is not None and patient.lower_ in RELATIVE and verb.dep_ == "relcl":
            patient = verb.head
        return actor, patient
    actor = subject_of(verb)
    if pred.reverse:
        obj = _child(verb, "dobj")
        source = _prep_object(verb, pred.preps) or (
            _prep_object(obj, pred.preps) if obj is not None else None)
        return source, actor
    recipient = None
    if not pred.objects or pred.objects == {"*"}:
        recipient = _child(verb, "dobj", "dative")
    if recipient is None and pred.preps:
        recipient = _prep_object(verb, pred.preps)
        obj = _child(verb, "dobj")
        if recipient is None and obj is not None:
            recipient = _prep_object(obj, pred.preps)  # "restore ties with X"
    if recipient is not None and recipient.pos_ == "NOUN" and pred.type == "ACCUSE":
        inner = match_predicate(recipient)
        if inner is not None and inner.type in ("ASSAULT", "COERCE", "PROTEST"):
            by = _prep_object(recipient, frozenset({"by"}))
            recipient = by or recipient  # "condemned an attack by X": X is the one accused
    if recipient is None and (pred.type, pred.mode) in CLAUSAL_TARGET:
        comp = _child(verb, "ccomp", "xcomp")
        if comp is not None:
            recipient = _child(comp, "nsubj", "nsubjpass")
    return actor, recipient


def _noun_recipient(noun: Token, pred: Predicate) -> Token | None:
    preps = pred.preps - {"of"} if pred.type == "MOBILIZE" else pred.preps
    target = _prep_object(noun, preps)
    if target is None and noun.dep_ in ("dobj", "attr") and noun.head.lemma_.lower() in LIGHT_VERBS:
        target = _prep_object(noun.head, preps)
    return target


def _embedded_under_trigger(token: Token) -> Token | None:
    """The trigger this one is the content of ("called for an investigation", "refused to
    withdraw"): coded as that trigger's mode, not as an event of its own."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for":
        head = head.head
    elif token.dep_ not in ("xcomp", "ccomp"):
        return None
    if head is token:
        return None
    pred = match_predicate(head)
    return head if pred is not None and pred.type in EMBEDDING else None


def _location_hint(trigger: Token, pred: Predicate) -> Token | None:
    """Where troops are sent or stand ("to Russia", "in Russia"): a place, not a recipient."""
    if pred.type == "MOBILIZE":
        return _prep_object(trigger, frozenset({"to", "into", "in", "inside", "near"}))
    return None


def frames_in_sentence(sent: Span) -> Iterator[Frame]:
    """Every event frame whose trigger lies in this sentence."""
    for token in sent:
        pred = match_predicate(token)
        if pred is None or (pred.pos == "VERB" and token.dep_ in ("amod", "acomp")):
            continue
        if token.ent_type_ in NAME_ENTS:
            continue  # part of a name: the Democratic Rally, the Organisation of Islamic Cooperation
        if _embedded_under_trigger(token) is not None:
            continue
        if pred.pos == "NOUN":
            actor, recipient = _noun_actor(token, pred), _noun_recipient(token, pred)
        else:
            actor, recipient = _verb_args(token, pred, sent)
        actor, recipient = valid_participant(actor), valid_participant(recipient)
        if actor is not None and recipient is not None and actor.i == recipient.i:
            recipient = None
        mode, type_ = pred.mode, pred.type
        if type_ == "ASSAULT" and pred.pos == "VERB" and recipient is not None \
                and recipient.lemma_.lower() in ABSTRACT_TARGETS:
            type_, mode = "ACCUSE", "disapprove"  # "attacked the investigation": words, not force
        inner = _child(token, "xcomp", "ccomp")
        if inner is None and pred.type == "REQUEST":
            inner = _prep_object(token, frozenset({"for"}))
        inner_pred = match_predicate(inner) if inner is not None else None
        if pred.type in EMBEDDING and inner_pred is not None:
            mode = THREAT_MODE.get(inner_pred.type) if type_ == "THREATEN" else \
                MODE_FROM_INNER.get(inner_pred.type, mode)
            if recipient is None and inner is not None:
                recipient = _child(inner, "dobj") or _prep_object(inner, inner_pred.preps)
        if type_ == "CONCEDE" and recipient is None and inner_pred is not None \
                and inner is not None and inner_pred.pos != "NOUN":
            recipient = _verb_args(inner, inner_pred, sent)[1]  # admitted hitting X: toward X
        status = status_of(token)
        if status == "future" and type_ in ("CONSULT", "SUPPORT", "COOPERATE", "AID"):
            type_, mode, status = "AGREE", None, "asserted"  # PLOVER: a promise to cooperate
        elif type_ == "RETREAT" and (status == "future" or (
                pred.pos == "NOUN" and token.head.lemma_ in ANNOUNCING)):
            type_, status = "CONCEDE", "asserted"  # announced, not yet implemented
        speaker = attribution_of(token, sent)
        yield Frame(trigger=token.i, lemma=token.lemma_.lower(), type=type_, mode=mode,
                    status=status, actor=actor.i if actor is not None else None,
                    recipient=recipient.i if recipient is not None else None,
                    said_by=speaker.i if speaker is not None and speaker is not actor else None,
                    location_hint=_hint_index(token, pred),
                    sent_start=sent.start, sent_end=sent.end)


def valid_participant(token: Token | None) -> Token | None:
    """None for heads that cannot be actors: numbers, dates, wh-words, first/second person."""
    if token is None or token.like_num or token.ent_type_ in NOT_PARTICIPANT_ENTS:
        return None
    return None if token.lower_ in NOT_PARTICIPANT_WORDS else token


def _hint_index(token: Token, pred: Predicate) -> int | None:
    hint = _location_hint(token, pred)
    return hint.i if hint is not None else None


def find_frames(doc: Doc) -> list[Frame]:
    """All frames in a parsed document, in text order."""
    return [frame for sent in doc.sents for frame in frames_in_sentence(sent)]
