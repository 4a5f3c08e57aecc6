"""Stage 1, candidate frames: the lexicon row a token matches and whether its requirements hold."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from ..nlp.lexicon import POS_CLASS, Predicate, load_lexicon
from .rules import Rule, rule
from .rulings import found_unlawful
from .syntax import (_child, _date_pp, _free_relative, _is_light, _object_lemmas, _to_infinitive,
                     party_modifier, prep_object, shared_conjunct)
from .words import (APOLOGIES, CAMPAIGNING, CONTEST_VERBS, CONTEST_WORDS, CONTROLLERS,
                    DECISION_NOUNS, DONE_TO_TYPES, GATHERINGS, GERUND_HOSTS, HABITUAL,
                    INSTRUMENT_NOUNS, MESSAGE_NOUNS, OPENING_DEPS, PUBLISHED, RECEIVED_MESSAGES,
                    RELATIVE, SCORE, SILENCE, SPORTS, SUBJECTS, WH_WORDS)


def _decided_act(verb: Token) -> bool:
    """The infinitive of a decision noun: "Kenya's decision to withdraw", its owner's act to
    come."""
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in DECISION_NOUNS and \
        _to_infinitive(verb)


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


def _hosted_gerund(verb: Token) -> bool:
    """The gerund after a GERUND_HOSTS verb and preposition ("succeeded in killing")."""
    prep = verb.head
    return verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.head != prep and \
        (prep.lower_, prep.head.lemma_.lower()) in GERUND_HOSTS


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
            head.pos_ not in ("NOUN", "PROPN") or verb.sent[-1].text not in (".", "!"):
        return False
    if any(c.dep_ in ("auxpass", "agent", "nsubjpass") for c in verb.children):
        return False
    pred = match_predicate(verb)
    if verb.i != head.i + 1:
        # "A group of drivers protested in Guatire": a protest verb right after the root noun's
        # "of" phrase; a crowd is not "protested" (the verb takes no passive of people)
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return of is not None and of.i == head.i + 1 and of.right_edge.i + 1 == verb.i and \
            pred is not None and pred.type == "PROTEST" and _child(verb, "dobj") is None
    if any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return True
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


def _lexicon_requirements(token: Token, pred: Predicate, obj: Token | None,
                          shared: Token | None) -> bool:
    """The requirements the lexicon row itself states beyond its objects: particles,
    prepositions' objects, intransitivity, modifiers, subjects."""
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
    if pred.unlawful and not found_unlawful(token):
        return False  # "the court ruled that the ban is unconstitutional", not any ruling
    if pred.subjects:
        subj = _child(token, "nsubj", "nsubjpass")
        if subj is None or subj.lemma_.lower() not in pred.subjects:
            return False
    return True


def _check(token: Token, pred: Predicate) -> Check | None:
    """The row's own requirements hold: the check the requirement rules then run; else None."""
    if pred.objects == {"*"}:
        if _child(token, "dobj", "nsubjpass") is None:
            return None
    elif pred.objects and not (_object_lemmas(token) & pred.objects):
        return None
    shared = shared_conjunct(token)
    obj = _child(token, "dobj") or (_child(shared, "dobj") if shared is not None else None)
    if not _lexicon_requirements(token, pred, obj, shared):
        return None
    return Check(token, pred, obj)


def _requirements_hold(token: Token, pred: Predicate) -> bool:
    check = _check(token, pred)
    if check is None or any(r.when(check) for r in _rules_for(pred)):
        return False
    return not (pred.light and not _is_light(token))


def requirement_vetoes(token: Token) -> list[tuple[Predicate, str]]:
    """For `sitroom explain`: each lexicon row of the token whose own requirements hold but a
    requirement rule vetoes, with the rule's name (the hot path records nothing)."""
    lexicon = load_lexicon()
    out = []
    for key in _keys(token):
        for pred in lexicon.get(key, ()):
            check = _check(token, pred)
            hit = next((r for r in REQUIREMENT_RULES if r.when(check)), None) \
                if check is not None else None
            if hit is not None:
                out.append((pred, hit.name))
    return out


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


def _no_comment(token: Token) -> bool:
    """"declined to comment", "refused to elaborate": no statement, not a rejection."""
    comp = _child(token, "xcomp")
    return comp is not None and comp.lemma_.lower() in SILENCE and _child(comp, "dobj") is None


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


def _keys(token: Token) -> list[tuple[str, str]]:
    """The lexicon keys a token is looked up by, in order."""
    pos = POS_CLASS.get(token.pos_)
    if pos is None:
        return []
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
    return keys


def match_predicate(token: Token) -> Predicate | None:
    """The first lexicon entry for this token whose requirements hold."""
    lexicon = load_lexicon()
    for key in _keys(token):
        for pred in lexicon.get(key, ()):
            if _requirements_hold(token, pred):
                return pred
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


@dataclass(frozen=True)
class Check:
    """A lexicon row tried on a token whose own requirements hold: the requirement rules'
    subject (`obj`: the token's direct object, or that of the verb it shares complements with)."""

    token: Token
    pred: Predicate
    obj: Token | None


def _obj_lemma(check: Check, words: frozenset[str]) -> bool:
    return check.obj is not None and check.obj.lemma_.lower() in words


def _cyber(c: Check) -> bool:
    if c.pred.type != "ASSAULT" or not c.pred.objects or c.obj is None or c.obj.pos_ != "NOUN":
        return False
    inner = match_predicate(c.obj)
    return inner is not None and inner.mode == "cyber"


def _has_child(token: Token, deps: tuple[str, ...],
               words: frozenset[str] | tuple[str, ...]) -> bool:
    return any(c.dep_ in deps and c.lower_ in words for c in token.children)


REQUIREMENT_RULES = (
    rule("contest", "A contest won or lost is not an assault.",
         "PLOVER: ASSAULT is force; a score or a race is sport", "candidate", "veto",
         lambda c: c.pred.lemma in CONTEST_VERBS and _contest(c.token),
         positive=("Greece beat the United States 101-95 in the semifinals.",),
         negative=("Rebels beat the villagers with sticks.",)),
    rule("cyber-by-its-noun", "\"launched a cyber attack\" is coded on the attack noun's own row.",
         "PLOVER: a cyber attack is COERCE cyber, not ASSAULT", "candidate", "veto", _cyber,
         positive=("Russia launched a cyber attack on Estonia.",),
         negative=("Russia launched an attack on Estonia.",)),
    rule("sporting", "Fighting in sport is not an assault.",
         "PLOVER: ASSAULT is force between parties, not a match", "candidate", "veto",
         lambda c: c.pred.type == "ASSAULT" and _sporting(c.token),
         positive=("Hong Kong and Georgetown fought out the second semi final.",),
         negative=("Rebels fought government troops in the north.",)),
    rule("campaign-rally", "A campaign rally is canvassing, not a protest.",
         "PLOVER: PROTEST is dissent; an election rally is not", "candidate", "veto",
         lambda c: c.pred.type == "PROTEST" and c.pred.pos == "NOUN"
         and c.token.lemma_.lower() in GATHERINGS
         and _has_child(c.token, ("amod", "compound"), CAMPAIGNING),
         positive=("Thousands attended a re-election campaign rally for the president.",),
         negative=("Thousands attended a rally against the president.",)),
    rule("allowing-gerund", "\"thereby allowing X\": what a meeting allowed, not a concession.",
         "linguistic: a subjectless gerund of result", "candidate", "veto",
         lambda c: c.pred.lemma == "allow" and c.token.tag_ == "VBG"
         and c.token.dep_ in ("advcl", "xcomp") and _child(c.token, *SUBJECTS) is None,
         positive=("Putin met Xi, thereby allowing Biden to gather his allies.",),
         negative=("Putin met Xi and allowed Biden to gather his allies.",)),
    rule("offered-apology", "\"offered an apology\": the apology is the act, not a promise.",
         "PLOVER: an apology is CONCEDE apologize", "candidate", "veto",
         lambda c: c.pred.lemma == "offer" and c.pred.pos == "VERB"
         and _obj_lemma(c, APOLOGIES),
         positive=("The minister offered an apology to Japan.",),
         negative=("The minister offered aid to Japan.",)),
    rule("asked-question", "'\"Why?\" the leader asked': a question, not a request.",
         "PLOVER: REQUEST asks for an act, not an answer", "candidate", "veto",
         lambda c: c.pred.lemma == "ask" and _question(c.token),
         positive=('"Why did Kenya not act?" the Ugandan leader asked.',),
         negative=("Uganda asked Kenya to withdraw its troops.",)),
    rule("released-publication", "\"released a statement\": published, not set free.",
         "PLOVER: RETREAT release frees people", "candidate", "veto",
         lambda c: c.pred.mode == "release" and _obj_lemma(c, PUBLISHED),
         positive=("The army released a statement on Monday.",),
         negative=("The army released ten prisoners on Monday.",)),
    rule("opposed-as-mark", "\"X as opposed to Y\": a contrast, not a rejection.",
         "linguistic: a fixed phrase", "candidate", "veto",
         lambda c: c.pred.lemma == "oppose" and c.token.tag_ == "VBN"
         and _has_child(c.token, ("mark",), ("as",)),
         positive=("Kenyan banks now offer fixed rate loans as opposed to variable rate loans.",),
         negative=("Kenyan banks opposed the new rules on loans.",)),
    rule("fighting-for", "\"fighting for the right of exiles\": a campaign, not combat.",
         "PLOVER: ASSAULT is force", "candidate", "veto",
         lambda c: c.pred.lemma == "fight" and _has_child(c.token, ("prep",), ("for",)),
         positive=("The group has been fighting for the right of exiles to return.",),
         negative=("Rebels have been fighting government troops in the north.",)),
    rule("suggested-view", "\"suggested that the attack would not ...\": a view, not a proposal.",
         "PLOVER: a proposal asks for an act", "candidate", "veto",
         lambda c: c.pred.lemma == "suggest" and _opinion(c.token),
         positive=("Officials suggested that the attack would not have been targeted.",),
         negative=("The Kenyan president suggested that talks should resume in Geneva.",)),
    rule("stormed-out", "\"stormed out of the meeting\": left angrily, not an assault.",
         "linguistic: a phrasal verb of motion", "candidate", "veto",
         lambda c: c.pred.lemma == "storm" and _child(c.token, "dobj") is None
         and _has_child(c.token, ("prt", "advmod", "prep"), ("out", "off", "back", "away")),
         positive=("The delegates stormed out of the meeting in Geneva.",),
         negative=("Police stormed the building in Geneva.",)),
    rule("habitual", "\"people will often ask me\": a habit, not an event.",
         "PLOVER: events are dated acts", "candidate", "veto",
         lambda c: c.token.pos_ == "VERB" and c.pred.type not in ("ASSAULT", "COERCE")
         and _has_child(c.token, ("advmod",), HABITUAL),
         positive=("The firm usually offers loans to Kenya.",),
         negative=("The firm offered loans to Kenya.",)),
    rule("clausal-subject", "\"Attacking those Americans does not provide a plan\": nobody's act.",
         "linguistic: an act talked about as a subject", "candidate", "veto",
         lambda c: c.token.dep_ in ("csubj", "csubjpass") and _child(c.token, *SUBJECTS) is None,
         positive=("Attacking those patriotic Americans does not provide a plan.",),
         negative=("Militants attacked those patriotic Americans in Kabul.",)),
    rule("no-comment", "\"declined to comment\": no rejection of anything.",
         "PLOVER: REJECT refuses a demand or proposal", "candidate", "veto",
         lambda c: c.pred.type == "REJECT" and _no_comment(c.token),
         positive=("The ministry declined to comment on the article.",),
         negative=("The ministry declined to sign the agreement.",)),
    rule("message-received", "\"after receiving a correspondence from X\": a message, not aid.",
         "PLOVER: AID is material help", "candidate", "veto",
         lambda c: c.pred.type == "AID" and c.pred.reverse
         and _obj_lemma(c, PUBLISHED | RECEIVED_MESSAGES),
         positive=("He resigned after receiving a letter from the ministry.",),
         negative=("Kenya received aid from Japan.",)),
)
"""Requirements beyond the lexicon row: a row whose own requirements hold is still not a
trigger when one of these holds (the first that holds is the one `sitroom explain` names)."""

_ROW_GUARDS: dict[str, Callable[[Predicate], bool]] = {
    "contest": lambda p: p.lemma in CONTEST_VERBS,
    "cyber-by-its-noun": lambda p: p.type == "ASSAULT" and bool(p.objects),
    "sporting": lambda p: p.type == "ASSAULT",
    "campaign-rally": lambda p: p.type == "PROTEST" and p.pos == "NOUN",
    "allowing-gerund": lambda p: p.lemma == "allow",
    "offered-apology": lambda p: p.lemma == "offer" and p.pos == "VERB",
    "asked-question": lambda p: p.lemma == "ask",
    "released-publication": lambda p: p.mode == "release",
    "opposed-as-mark": lambda p: p.lemma == "oppose",
    "fighting-for": lambda p: p.lemma == "fight",
    "suggested-view": lambda p: p.lemma == "suggest",
    "stormed-out": lambda p: p.lemma == "storm",
    "habitual": lambda p: p.type not in ("ASSAULT", "COERCE"),
    "no-comment": lambda p: p.type == "REJECT",
    "message-received": lambda p: p.type == "AID" and p.reverse,
}
"""What a requirement rule needs of the lexicon row alone (each rule's own test repeats it):
`_rules_for` tries on a row only the rules that can fire on it, found once per row."""


@lru_cache(maxsize=None)
def _rules_for(pred: Predicate) -> tuple[Rule, ...]:
    """The requirement rules that can veto this lexicon row."""
    return tuple(r for r in REQUIREMENT_RULES if _ROW_GUARDS.get(r.name, bool)(pred))
