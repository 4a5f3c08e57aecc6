"""Doc -> records: the one place where spaCy types meet sitroom's records."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .actors import ActorKB, load_kb
from .errors import ExtractionError
from .ingest.common import article_id
from .nlp.dates import (DateResolution, find_date_expressions, latest_day, reference_times,
                        resolve_date)
from .claims.about import about_text
from .nlp.frames import (REPORTING, Frame, absolute_participle, attribution_of, prep_object,
                         coordinated, find_frames, governing_verb, headline_passive,
                         match_predicate, passive_voice, phrase_bounds, reduced_relative,
                         status_of, subject_of, thing_noun, unnamed_attack)
from .nlp.quantities import (Quantity, additional, event_quantities, find_quantities,
                              one_person, sentence_casualties)
from .nlp.pipeline import load_pipeline
from .judge import context_features, event_features, load_judge
from .propose import proposed_frames
from .nlp.typeclf import TypeClassifier, TypePrediction
from .ontology import QUAD_CLASS, cameo_root, goldstein
from .places import Gazetteer, load_gazetteer, locate_span
from .records import (Actor, Article, Claim, CodedEvent, Event, Evidence, Extraction, Place,
                      stable_id)
from .nlp.verbcodes import CodedFrame, coded_frames
from .verbs.dictionary import VerbDictionary

MILITARY_NOUNS = frozenset({"troop", "soldier", "force", "army", "fighter", "unit",
                            "serviceman", "personnel"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
THING_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
COLLECTIVE = frozenset("""group team delegation coalition alliance panel committee council gang band
crowd family couple pair trio""".split())  # "a group of leaders said they ...": the group
MAX_EVIDENCE_CHARS = 400


@dataclass
class ArticleContext:
    """What the extractor remembers while reading one article (for coreference)."""

    article: Article
    doc: Doc
    people: list[Span] = field(default_factory=list)


def _antecedent(doc: Doc, token: Token) -> Span | None:
    """The most recent named entity before `token` that a pronoun can refer to."""
    labels = ("PERSON",) if token.lower_ in PERSON_PRONOUNS else ("GPE", "ORG", "NORP")
    best = subject = None
    window = token.sent.start
    for _ in range(2):  # this sentence and the one before: where a subject stays in focus
        if window > 0:
            window = doc[window - 1].sent.start
    speakers = _quote_speakers(doc, token) if labels == ("PERSON",) else set()
    for ent in doc.ents:
        if ent.start >= token.i:
            break
        if ent.label_ in labels and ent.root.i not in speakers:
            best = ent
            if ent.start >= window and _is_subject(ent):
                subject = ent
    if labels == ("PERSON",):  # a known person's surname the tagger missed as a subject
        names = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
        for tok in doc[window:token.i]:
            if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and tok.text in names and \
                    not tok.ent_type_ and (subject is None or tok.i > subject.start):
                subject = doc[tok.i:tok.i + 1]
    return subject or best  # a pronoun takes up the subject in focus before a mere mention


QUOTES = '"\u201c\u201d'


def _quote_speakers(doc: Doc, token: Token) -> set[int]:
    """The people who speak the quotation `token` stands in ('X said: "... he fired ..."'):
    their "he" is someone else, or they would say "I". Token indices of the subjects of
    reporting verbs in the sentences that open and close the quotation."""
    text = doc.text
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    end = len(text) if end < 0 else end
    before = text[start:token.idx]
    if sum(before.count(q) for q in QUOTES) % 2 == 0:
        return set()
    opened = start + max(before.rfind(q) for q in QUOTES)
    after = [i for q in QUOTES if (i := text.find(q, token.idx, end)) >= 0]
    closed = min(after) if after else end - 1
    sents = {s for i in (opened, closed)
             if (span := doc.char_span(i, i + 1, alignment_mode="expand")) is not None
             for s in [span[0].sent]}
    return {subj.i for sent in sents for verb in sent
            if verb.lemma_ in REPORTING and verb.pos_ == "VERB"
            and (subj := subject_of(verb)) is not None}


def _is_subject(ent: Span) -> bool:
    tok = ent.root
    while tok.dep_ in ("compound", "appos", "conj") and tok.head != tok:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def _mention(doc: Doc, token: Token) -> tuple[Span, float]:
    """The span that names the participant at `token`, following pronouns to their antecedent."""
    if token.lower_ in PERSON_PRONOUNS | THING_PRONOUNS:
        ante = _antecedent(doc, token)
        if ante is not None:
            return ante, 0.8
    if token.lower_ in GROUP_PRONOUNS | PERSON_PRONOUNS | THING_PRONOUNS:
        speaker = _reporting_subject(token)
        if speaker is not None:  # "Fijian rebels said they will release ...": the speakers
            return doc[slice(*phrase_bounds(speaker))], 0.8
    if token.lower_ in ("they", "them"):
        group = _plural_antecedent(doc, token)
        if group is not None:  # "police fired tear gas at them": the protesters named before
            return doc[slice(*phrase_bounds(group))], 0.7
    start, end = phrase_bounds(token)
    span = doc[start:end]
    if token.dep_ == "poss" and token.tag_ == "POS":
        span = doc[start:end]
    return span, 1.0


def _plural_antecedent(doc: Doc, token: Token) -> Token | None:
    """The closest plural noun subject before "they/them" in its sentence or the one before,
    other than the subject of the pronoun's own clause (who cannot be "them")."""
    own = subject_of(governing_verb(token)) if token.lower_ == "them" else None
    start = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else 0
    for tok in reversed(doc[start:token.i]):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ in ("NNS", "NNPS") \
                and not thing_noun(tok) and (own is None or tok.i != own.i):
            return tok
    return None


def _reporting_subject(token: Token) -> Token | None:
    """The subject of the reporting verb whose reported clause has `token` (a plural pronoun)
    as its own subject or possessor: "X said [they/their forces] ..." -> X."""
    if token.dep_ not in ("nsubj", "nsubjpass", "poss"):
        return None
    cur = governing_verb(token)
    if cur.pos_ not in ("VERB", "AUX") or cur.dep_ != "ccomp" or cur.head.lemma_ not in REPORTING:
        return None
    subj = subject_of(cur.head)
    if subj is None or subj.i == token.i or subj.lower_ in GROUP_PRONOUNS | PERSON_PRONOUNS | \
            THING_PRONOUNS or (token.lower_ in GROUP_PRONOUNS and subj.tag_ not in ("NNS", "NNPS")
                               and not subj.ent_type_ and subj.lemma_.lower() not in COLLECTIVE):
        return None
    return subj


def _fuller_mention(doc: Doc, span: Span) -> Span | None:
    """An earlier, fuller mention of the person named by `span` (a surname alone), with its
    title: "Minister of Information Moammar al-Eryani" for "al-Eryani"; "Chinese Premier Wen
    Jiabao" for "Wen" (a family name written first), "Iranian airline Mahan Air" for "Mahan" (an
    organisation's first word). A name with no earlier mention that stands in a titled phrase
    of its own, as a pronoun's antecedent does ("White House spokeswoman Dana Perino"), gives
    that phrase."""
    names = [e for e in span.ents if e.label_ == "PERSON"]
    if names and (len(names) != 1 or len(span) > len(names[0]) + 2):
        return None
    if not names and not (len(span) <= 2 and all(t.pos_ == "PROPN" for t in span)):
        return None
    last = _surname(names[0] if names else span)
    words = [t.text for t in span if t.tag_ != "POS"]
    first_name = None  # an earlier "Wen Jiabao" for "Wen": family names written first
    for ent in doc.ents:
        if ent.start >= span.start:
            break
        if ent.label_ in ("ORG", "FAC", "PRODUCT") and len(ent) > len(words) and \
                [t.text for t in ent[:len(words)]] == words:
            full = doc[slice(*phrase_bounds(ent.root))]  # "Mahan" after "Mahan Air"
            if len(full) > len(span):
                return full
        if ent.label_ != "PERSON":
            continue
        if _surname(ent) == last:
            head = ent.root
            if head.dep_ == "pobj" and head.head.lower_ == "of" and \
                    head.head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head.head  # "Minister of [Information Moammar al-Eryani]"
            full = doc[slice(*phrase_bounds(head))]
            if len(full) > len(span):
                return full
        elif first_name is None and len(words) == 1 and len(ent) >= 2 and ent[0].text == last:
            full = doc[slice(*phrase_bounds(ent.root))]
            if len(full) > len(span) and not any(t.dep_ in ("cc", "conj") for t in full):
                first_name = full
    if first_name is not None:
        return first_name
    own = doc[slice(*phrase_bounds(span.root))]
    if own.start <= span.start and own.end >= span.end and len(own) > len(span) and \
            not any(t.dep_ in ("cc", "conj") for t in own):
        return own
    return None


def _surname(span: Span) -> str:
    words = [t.text for t in span if t.tag_ != "POS"]
    return words[-1] if words else ""


def _generic(span: Span) -> bool:
    """A role phrase with no name in it ("police", "the army"), which needs a country cue."""
    return not any(t.pos_ == "PROPN" or (t.is_title and t.i != t.sent.start) or t.ent_type_
                   for t in span)


ANAPHORIC = frozenset({"these", "those", "the", "such"})


def _antecedent_country(doc: Doc, span: Span, kb: ActorKB, on: date,
                        window: int = 300) -> str | None:
    """The country of the last earlier mention of the same kind of actor ("North Korean
    soldiers" ... "these troops")."""
    head = span.root.lemma_.lower()
    kin = {head} | (MILITARY_NOUNS if head in MILITARY_NOUNS else set())
    latest = None
    for tok in reversed(doc[max(0, span.start - window):span.start]):
        if tok.lemma_.lower() in kin and tok.pos_ in ("NOUN", "PROPN"):  # "the House" too
            name = tok.head if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" else tok
            text = doc[slice(*phrase_bounds(name))].text  # "President Bush", not "President"
            country = kb.country_cue(text) or (
                kb.resolve(text, on).country or kb.resolve(doc[tok.i:name.i + 1].text, on).country
                if name.pos_ == "PROPN" else None)
            if not country:
                continue
            if span.root.tag_ in ("NNS", "NNPS") or _is_subject(doc[tok.i:tok.i + 1]):
                return country
            latest = latest or country
    # "the president" is the president the story follows, the last one who acted (a subject),
    # not one named since as an object ("President Bush travels ... to encourage Palestinian
    # President Mahmoud Abbas ...; the president visits Kuwait")
    return latest


def _named(span: Span) -> bool:
    """The phrase names a person or organisation (that the knowledge base does not know)."""
    return any(t.ent_type_ in ("PERSON", "ORG") for t in span)


def nearest_country(doc: Doc, token: Token, kb: ActorKB, skip: tuple[Span, ...] = ()) -> str | None:
    """The country named closest to `token` in its sentence (outside the `skip` spans and outside
    what the actor at `token` acts on, the object of its own predicate: "Wen visits India", "his
    visit to Egypt", "X accused Pakistan's government")."""
    subj = token
    while subj.dep_ in ("conj", "compound", "appos") and subj.head != subj:
        subj = subj.head
    pred = None
    if subj.dep_ in ("nsubj", "nsubjpass", "poss", "csubj"):
        pred = subj.head
    elif subj.dep_ == "pobj" and subj.head.dep_ == "agent":
        pred = subj.head.head  # "was boycotted by X": the thing boycotted is not X's
    if pred is not None:
        topic_preps = ("to", "about", "on", "against", "into", "toward", "towards", "over", "with",
                       "regarding", "concerning")
        topic = []
        for child in pred.children:
            if child.i == subj.i or (child.i == subj.head.i and subj.dep_ == "pobj"):
                continue
            if child.dep_ == "prep" and child.lower_ in topic_preps:
                child = next((c for c in child.children if c.dep_ == "pobj"), child)
            elif not (child.dep_ in ("dobj", "dative") or
                      (child.dep_ == "nsubjpass" and subj.dep_ == "pobj")):
                continue
            if child.pos_ not in ("NOUN", "PROPN", "NUM", "SYM"):
                continue  # the thing itself, not what is said of it
            topic.append(doc[slice(*phrase_bounds(child))])
            for prep in child.children:  # "promised £100m to Iraq", "aid for Gaza"
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and prep.dep_ == "prep" and \
                        prep.lower_ in (*topic_preps, "for"):
                    topic.append(doc[slice(*phrase_bounds(obj))])
        skip = (*skip, *topic)
    best: tuple[int, str] | None = None
    for ent in token.sent.ents:
        if ent.label_ not in ("GPE", "NORP") or any(
                ent.start >= s.start and ent.end <= s.end for s in skip):
            continue
        country = kb.country_cue(ent.text)
        if country is not None:
            distance = min(abs(ent.start - token.i), abs(ent.end - 1 - token.i))
            if best is None or distance < best[0]:
                best = (distance, country)
    return best[1] if best else None


AFFILIATION_PREPS = frozenset({"for", "of", "from", "with", "at"})


def _affiliation_country(doc: Doc, token: Token, kb: ActorKB, on: date) -> str | None:
    """The country of the body a person speaks for or belongs to, named in the phrase or its
    apposition: "Ahmed al-Assadi, a spokesman for the PMF" -> the PMF's country; "Mahan's
    director" -> the country of Mahan (by its fuller mention, "Iranian airline Mahan Air")."""
    heads = [token] + [c for c in token.children if c.dep_ == "appos"]
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "poss" and prep.ent_type_ in ("ORG", "FAC", "PRODUCT", "PERSON") and \
                    prep.i < token.i:
                obj = prep
                text = doc[slice(*phrase_bounds(obj))].text
                fuller = _fuller_mention(doc, doc[obj.i:obj.i + 1])
                country = kb.country_cue(text) or kb.resolve(text, on).country or (
                    kb.resolve(fuller.text, on).country if fuller is not None else None)
                if country is not None:
                    return country
                continue
            if prep.dep_ != "prep" or prep.lower_ not in AFFILIATION_PREPS:
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None or not obj.ent_type_ in ("ORG", "GPE", "NORP"):
                continue
            text = doc[slice(*phrase_bounds(obj))].text
            country = kb.country_cue(text) or kb.resolve(text, on).country
            if country is not None:  # "the Australian Democrats": Australia
                return country
    return None


def _reported_clause(token: Token) -> Token | None:
    """The verb of the clause that the speaker at `token` reports: "France condemned ..., the
    minister said" and "the minister said France condemned ..." -> condemned; "..., according
    to officials" -> the verb the attribution hangs on."""
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
        verb = governing_verb(token.head.head.head)
        return verb if verb.pos_ in ("VERB", "AUX") else None
    if token.dep_ != "nsubj" or token.head.lemma_ not in REPORTING:
        return None
    said = token.head
    clause = next((c for c in said.children if c.dep_ in ("ccomp", "parataxis")
                   and c.pos_ in ("VERB", "AUX")), None)
    if clause is None and said.dep_ in ("ccomp", "parataxis") and said.head.pos_ in ("VERB", "AUX"):
        clause = said.head  # "France condemned it, the minister said" parsed the other way round
    return clause


def _reported_doer(doc: Doc, clause: Token, kb: ActorKB,
                   on: date) -> tuple[str | None, Span | None]:
    """Who does the reported act, if the clause tells an act (its active subject or passive "by"
    phrase), and that doer's country when it is a state or government and the act one that a
    state announces of itself: a statement, a demand, cooperation ("France condemned ...",
    "Turkey threatened ..."), not an attack or an arrest, which the party that suffers it
    reports as often (the doer's phrase is still returned: the caller keeps it as a cue)."""
    pred = match_predicate(clause)
    passive = passive_voice(clause)
    doer = prep_object(clause, frozenset({"by"})) if passive else subject_of(clause)
    if doer is None or (pred is None and not passive):
        return None, None  # "said Israel's offensive was part of a plan": no one acts
    phrase = doc[doer.left_edge.i:doer.right_edge.i + 1]
    if pred is None or passive or QUAD_CLASS.get(pred.type) == 4:
        return None, phrase  # a doer, but no side for its speaker
    res = kb.resolve(doc[slice(*phrase_bounds(doer))].text, on)
    return (res.country if res.sector == "GOV" else None), phrase


def resolve_participant(doc: Doc, token: Token | None, on: date, kb: ActorKB,
                        home: str | None = None, other: Token | None = None,
                        other_whole: bool = False) -> Actor | None:
    """An Actor record for the participant headed by `token` (`other_whole`: no country cue
    is taken from anywhere in the other party's phrase, its conjuncts and clauses included).

    A generic role phrase ("police", "the government") takes the nearest country named in its
    sentence, else the article's home country, with a lower confidence. A role word that reports
    a clause ("France condemned Russia's invasion, the minister said") speaks for the state or
    government doing the reported act, and takes no country from the rest of that clause: what
    the act is done to is not the speaker's. For an attack or an arrest the doer gives no side by
    itself, but its words stay an ordinary nearest-country cue.
    """
    if token is None:
        return None
    span, weight = _mention(doc, token)
    text = span.text.strip()
    if text.endswith("'s") or text.endswith("’s"):
        text = text[:-2]
    if not text:
        return None
    res = kb.resolve(text, on)
    if res.country is None and res.sector is None:
        appos = next((c for c in token.children if c.dep_ == "appos"), None)
        if appos is not None:
            alt = kb.resolve(doc[slice(*phrase_bounds(appos))].text, on)
            if alt.sector is not None:
                res = alt
    # where to look for country cues: the named mention, not a pronoun standing for it
    anchor = token if span.start <= token.i < span.end else span.root
    if anchor != token and token.lower_ in PERSON_PRONOUNS and anchor.dep_ == "compound" \
            and anchor.head.pos_ == "NOUN" and kb.sector_for_role(anchor.head.text) is None:
        return None  # a name that only qualifies a thing is no person: "the Tsuen Wan district"
    if res.country is None and res.sector is None and res.entity is None:
        earlier = _fuller_mention(doc, span)
        if earlier is not None:  # "al-Eryani" after "Minister of Information Moammar al-Eryani"
            alt = kb.resolve(earlier.text, on)
            if alt.sector is not None or alt.country is not None:
                res, token = alt, earlier.root
            anchor = earlier.root  # unknown there too: the cues around the fuller mention
    country = res.country
    if country is None and res.sector is not None and span[0].lower_ in ANAPHORIC:
        country = _antecedent_country(doc, span, kb, on)  # "these troops": those named before
    # a people without a state of its own named in the phrase ("Kurdish and Sunni MPs")
    peoples = [] if country is not None or res.entity is not None else \
        [c for t in span if t.ent_type_ != "PERSON" for c in [kb.people_countries(t.text)] if c]
    if country is None and res.entity is None and (peoples or
            (res.sector is not None and (_generic(span) or _named(span)))
            or (res.role is None and _named(span))):
        # a role phrase or an unknown local name: whom it speaks for ("a spokesman for the PMF"),
        # else the people it names (homed where the article is), else the nearest country cue
        # outside the other party and what the actor acts on (a country accused, visited or met
        # is not the speaker's: "X blamed both Israel and the United States"), else the article's
        country = _affiliation_country(doc, anchor, kb, on)
        if country is None and peoples:
            named: dict[str, int] = {}
            for ent in doc.ents:
                if ent.label_ in ("GPE", "NORP", "ORG", "LOC"):  # "the Parliament of Iraq" too
                    cue = kb.country_cue(ent.text)
                    if cue is not None:
                        named[cue] = named.get(cue, 0) + 1
            options = [c for c in peoples[0] if all(c in p for p in peoples)] or list(peoples[0])
            if home in options:
                country = home
            elif any(named.get(c) for c in options):  # the one the article is about
                country = max(options, key=lambda c: named.get(c, 0))
            elif len(options) == 1:  # "Tibetan monks"
                country = options[0]
            # else unknown: a people of several countries, none of them in the article
        elif country is None:
            skip = (span,) if other is None else (span, doc[slice(*phrase_bounds(other))])
            if other is not None and other_whole:
                skip += (doc[other.left_edge.i:other.right_edge.i + 1],)
            clause = _reported_clause(anchor)
            if clause is not None:
                country, doer = _reported_doer(doc, clause, kb, on)
                lo, hi = clause.left_edge.i, clause.right_edge.i + 1
                parts = [(lo, doer.start), (doer.end, hi)] if doer is not None else [(lo, hi)]
                skip += tuple(doc[a:b] for a, b in parts if a < b)
            country = country or nearest_country(doc, anchor, kb, skip) or home
        weight *= 0.7 if res.sector is not None or peoples else 0.5
    return Actor(text=text, country=country, sector=res.sector, entity=res.entity,
                 role=res.role, confidence=res.confidence * weight,
                 start=span.start_char, end=span.start_char + len(text))


def _known(actor: Actor | None) -> Actor | None:
    """The actor if it is named or typed (a country or a sector), else None."""
    return actor if actor is not None and (actor.country or actor.sector) else None


def _evidence(doc: Doc, frame: Frame) -> Evidence:
    sent = doc[frame.sent_start:frame.sent_end]
    span: Span = sent
    if len(sent.text) > MAX_EVIDENCE_CHARS:
        trigger = doc[frame.trigger]
        root = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        lo = min(t.i for t in root.subtree)
        hi = max(t.i for t in root.subtree) + 1
        span = doc[lo:hi]
    text = span.text.rstrip()
    lead = len(text) - len(text.lstrip())
    return Evidence(text=text.strip(), start=span.start_char + lead,
                    end=span.start_char + len(text))


PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "appos", "conj", "attr", "relcl",
                              "acl", "poss", "dative"})


def _attachment(span: Span, trigger: Token, verb: Token) -> int | None:
    """Steps from the expression up to the trigger or its clause's verb; None if it belongs to
    another clause (it meets a different verb first)."""
    cur = span.root
    for steps in range(6):
        if cur in (trigger, verb):
            return steps
        if cur.head in (trigger, verb):
            return steps + 1
        if (cur.pos_ in ("VERB", "AUX") and cur.i != span.root.i) or cur.head == cur \
                or cur.dep_ in PARTICIPANT_DEPS:
            return None  # another clause, or a date inside a participant's description
        cur = cur.head
    return None


def _in_description(span: Span, trigger: Token) -> bool:
    """The expression sits in a relative or participle clause that describes a noun and does
    not hold the trigger ("rebels who entered two years ago", "nationals suspected of ... in
    1988")."""
    cur = span.root
    for _ in range(8):
        if cur.head == cur:
            return False
        if cur.i != span.root.i and cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("relcl", "acl") \
                and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return not cur.left_edge.i <= trigger.i <= cur.right_edge.i
        cur = cur.head
    return False


PAST_AUX = frozenset({"had", "was", "were", "did", "'d"})
PROMISE_AUX = frozenset({"will", "shall", "'ll", "wo"})
PRESENT_AUX = frozenset({"has", "have", "'s", "'ve", "is", "are", "am", "will", "would", "shall",
                         "can", "could", "may", "might", "must", "should", "'ll"})


def _past_tense(trigger: Token) -> bool:
    """The trigger's clause is told in the simple or perfect past ("met", "was signed", "had
    met"), not the present perfect or present ("has called", "says")."""
    verb = governing_verb(trigger)
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & PRESENT_AUX:
        return False
    return bool(aux & PAST_AUX) or verb.tag_ == "VBD"


def event_date(doc: Doc, frame: Frame, article: Article,
               reference: DateResolution | None = None,
               headline: bool = False) -> tuple[date | None, str | None]:
    """The event's date from the temporal expression attached to its trigger (else the closest
    one in its sentence); else, for a happened event told in the past tense (or in the
    headline), the narrative's reference time (`reference`: "On Tuesday, X met Y. The deal was
    signed by ..."); else the article date for reported-as-new events; None for what has not
    happened yet. A happened event cannot be dated after its article."""
    sent = doc[frame.sent_start:frame.sent_end]
    trigger = doc[frame.trigger]
    verb = governing_verb(trigger)
    happened = frame.status in ("asserted", "negated")
    prefer = "past" if happened or frame.status == "hypothetical" else "future"
    if {c.lower_ for c in verb.children if c.dep_ == "aux"} & PROMISE_AUX:
        prefer = "future"  # "X will evacuate in mid-August": a promise (AGREE) dated by its act
    best = None
    own_future = False  # the trigger's clause has its own date, after the article's
    complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
                   and c.i > trigger.i] if trigger.pos_ == "VERB" else []
    for start, end in find_date_expressions(sent.text):
        a, b = sent.start_char + start, sent.start_char + end
        span = doc.char_span(a, b, alignment_mode="expand")
        resolved = resolve_date(sent.text[start:end], article.date, prefer=prefer,
                                anchor=reference)
        if span is None or resolved is None or resolved.date is None:
            continue
        steps = _attachment(span, trigger, verb)
        if _since_now(sent.text[start:end], span, verb):
            continue  # "have killed eight leaders since last July": up to now, not last July
        if any(inner.left_edge.i <= span.root.i <= inner.right_edge.i for inner in complements):
            continue  # "agreed to lift embargoes in late February": the lifting's date
        if happened and resolved.date > article.date:
            own_future = own_future or steps is not None
            continue
        # an old date describing a participant ("rebels who entered two years ago"). Its
        # first day, not latest_day: a description that may be old ("whose party won the
        # elections in March", "earlier this year") does not date the event
        if steps is None and (article.date - resolved.date).days > BACKGROUND_DAYS \
                and _in_description(span, trigger):
            continue
        key = (0, steps) if steps is not None else (1, min(abs(a - trigger.idx), abs(b - trigger.idx)))
        if best is None or key < best[0]:
            best = (key, resolved)
    if best is not None and not (own_future and best[0][0] == 1):
        return best[1].date, best[1].precision  # not another clause's date for a promise
    if happened and reference is not None and reference.date is not None \
            and reference.date <= article.date and (headline or _past_tense(trigger)):
        return reference.date, reference.precision
    if happened:
        return article.date, "day"
    return None, None


def _since_now(text: str, span: Span, verb: Token) -> bool:
    """A "since" date of a present-perfect clause starts a period that lasts until now."""
    first = text.split(None, 1)[0].lower() if text.strip() else ""
    since = first == "since" or (span.start > 0 and span.doc[span.start - 1].lower_ == "since")
    return since and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve")
                         for c in verb.children)


NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})


def _clause_dates(sent: Span) -> list[str]:
    """The sentence's temporal expressions that date a clause, not those that only describe a
    noun ("repeating his January 2 remarks", "the December 20 signing")."""
    out = []
    for start, end in find_date_expressions(sent.text):
        span = sent.doc.char_span(sent.start_char + start, sent.start_char + end,
                                  alignment_mode="expand")
        if span is None or (span.root.dep_ in NOUN_MODIFIER_DEPS
                            and span.root.head.pos_ in ("NOUN", "PROPN")
                            and span.root.head.i >= span.end):
            continue
        out.append(sent.text[start:end])
    return out


def narrative_times(doc: Doc, headline_end: int, on: date) -> dict[int, DateResolution | None]:
    """The narrative's reference time at each sentence (keyed by its first token): the last
    recent day or week the body set before it (see dates.reference_times). Headline sentences
    take the lead's: the first one the first body paragraph sets ("Trump announces withdrawal"
    over "Late on Sunday, Trump announced ...")."""
    sents = list(doc.sents)
    body = [s for s in sents if s.start_char >= headline_end]
    flags, prev_end = [], None
    text = doc.text  # built anew (joined from every token) at each access
    for sent in body:
        gap = text[prev_end:sent.start_char] if prev_end is not None else "\n"
        flags.append("\n" in gap)
        prev_end = sent.end_char
    refs = reference_times([(_clause_dates(s), f) for s, f in zip(body, flags)], on,
                           BACKGROUND_DAYS)
    out: dict[int, DateResolution | None] = {s.start: r[0] for s, r in zip(body, refs)}
    lead = None
    for i, (_, after) in enumerate(refs):
        if i > 0 and flags[i]:
            break  # only the first paragraph
        if after is not None:
            lead = after
            break
    for sent in sents:
        if sent.start_char < headline_end:
            out[sent.start] = lead
    return out


def _confidence(actor: Actor | None, recipient: Actor | None) -> float:
    score = 0.45
    if actor is not None and actor.country:
        score += 0.3 * actor.confidence
    if recipient is not None and recipient.country:
        score += 0.15 * recipient.confidence
    return min(score, 0.95)


def home_country(doc: Doc, kb: ActorKB) -> str | None:
    """The country the article is mostly about: most named in its first 200 tokens, a mention
    in the first sentence (the headline or lead) counting three times."""
    counts: dict[str, int] = {}
    limit = min(len(doc), 200)
    first_end = next(iter(doc.sents)).end if len(doc) else 0
    for ent in doc.ents:
        if ent.start >= limit:
            break
        if ent.label_ in ("GPE", "NORP") or (ent.label_ == "ORG" and len(ent) <= 3):
            country = kb.country_cue(ent.text)  # an ORG here: "the United States" mis-tagged
            if country:
                counts[country] = counts.get(country, 0) + (3 if ent.start < first_end else 1)
    return max(counts, key=lambda c: counts[c]) if counts else None


def event_location(doc: Doc, frame: Frame, gazetteer: Gazetteer,
                   context: list[str]) -> Place | None:
    """The place tied to the trigger in its own sentence (a MOBILIZE destination first)."""
    sent = doc[frame.sent_start:frame.sent_end]
    if frame.location_hint is not None:
        hint = doc[frame.location_hint]
        for ent in sent.ents:
            if ent.start <= hint.i < ent.end or (ent.label_ in ("GPE", "LOC")
                                                 and hint.left_edge.i <= ent.start
                                                 and ent.end <= hint.right_edge.i + 1):
                place = gazetteer.resolve(ent.text, context)
                if place is not None:
                    return place
    found = locate_span(sent, frame.trigger, gazetteer, context)
    if found is None:
        return None
    span, place = found
    if QUAD_CLASS.get(frame.type) in (1, 3) and not _where_said(span, doc[frame.trigger]):
        return None  # a verbal act happens where it is said, not where its topic is
    return place


def _where_said(span: Span, trigger: Token) -> bool:
    """True when `span` is the object of in/at attached to the trigger's own clause."""
    prep = span.root.head
    verb = governing_verb(trigger)
    return prep.dep_ == "prep" and prep.lower_ in ("in", "at", "during") and \
        prep.head in (trigger, verb)


def _place_modifier(token: Token, gazetteer: Gazetteer, kb: ActorKB, on: date) -> bool:
    """A city named as a modifier ("a Kabul car bombing") says where, not who; so does one the
    tagger reads as an organisation ("the Mumbai attacks") that the actor KB knows as no
    group ("a Hamas attack": Hamas did it)."""
    if token.dep_ != "compound" or token.ent_type_ not in ("GPE", "LOC", "FAC", "ORG"):
        return False
    kinds = {c.kind for c in gazetteer.lookup(token.text)}
    if not kinds or "country" in kinds:
        return False
    if token.ent_type_ != "ORG":
        return True
    known = kb.resolve(token.text, on)
    return known.entity is None and known.sector is None


def event_from_frame(doc: Doc, frame: Frame, article: Article, kb: ActorKB,
                     home: str | None = None, gazetteer: Gazetteer | None = None,
                     quantities: list[Quantity] | None = None,
                     reference: DateResolution | None = None,
                     headline: bool = False) -> Event | None:
    """Resolve one frame into an Event, or None when it has no actor. `reference` is the
    narrative's reference time at the frame's sentence; `headline`: the frame is in the title."""
    actor_tok = doc[frame.actor] if frame.actor is not None else None
    recipient_tok = doc[frame.recipient] if frame.recipient is not None else None
    if actor_tok is not None and gazetteer is not None and \
            _place_modifier(actor_tok, gazetteer, kb, article.date):
        actor_tok = None
    actor = resolve_participant(doc, actor_tok, article.date, kb, home, recipient_tok,
                                other_whole=True)  # the accused's country is not the actor's
    recipient = resolve_participant(doc, recipient_tok, article.date, kb, home, actor_tok)
    owner = attack_owner(doc, frame, kb, article.date, gazetteer) \
        if actor_tok is None and recipient is not None else None
    if owner is not None:  # "killed in a US drone strike": the US, not a country near the victim
        actor = resolve_participant(doc, owner, article.date, kb, home, recipient_tok,
                                    other_whole=True)
        recipient = resolve_participant(doc, recipient_tok, article.date, kb, home, owner)
    if actor is None and actor_tok is None:
        actor = unnamed_attacker(doc, frame, recipient) or state_authority(
            doc, frame, recipient, home, gazetteer) or unnamed_protesters(
            doc, frame, home, gazetteer)
    if _known(actor) is None:
        return None  # nobody we can name or type: not an event an analyst can use
    if reduced_relative(doc[frame.trigger]) is not None and \
            not _party_word(recipient_tok, kb, article.date):
        return None  # "the town's water supplies cut off by rebels": a thing, not a party
    if recipient is not None and _same_words(actor.text, recipient.text):
        recipient = None  # "the Deputy Speaker Ian Causley asked him": "him" is someone else
    if _business_act(frame.type, actor, recipient):
        return None  # "Rolls-Royce will supply engines", "Telstra will offer a rebate": trade
    if recipient is not None and actor.entity and actor.entity == recipient.entity:
        return None  # a party acting on itself is a misreading of the sentence
    if not headline and _standing_position(doc[frame.trigger]):
        return None  # "Most Kurds support the new constitution": a stance held, not an act
    if _undated_past(doc[frame.trigger]):
        return None  # "the police have used force against protesters before": background
    said_by = resolve_speaker(
        doc, doc[frame.said_by] if frame.said_by is not None else None, article.date, kb, home)
    if said_by is not None and _same_party(said_by, actor):
        said_by = None
    evidence = _evidence(doc, frame)
    root = cameo_root(frame.type, frame.mode, frame.lemma)
    when, precision = event_date(doc, frame, article, reference, headline)
    if when is not None and (article.date - latest_day(when, precision)).days > BACKGROUND_DAYS:
        return None  # background ("in August 2018"), not news of this article
    context = [c for c in (home, actor.country, recipient.country if recipient else None) if c]
    location = event_location(doc, frame, gazetteer, context) if gazetteer else None
    actor = local_crowd(actor, location)
    return Event(
        event_id=stable_id(article.id, doc[frame.trigger].idx, frame.type,
                           *((frame.part,) if frame.part else ())),
        article_id=article.id, origin=article.origin, article_date=article.date,
        type=frame.type, mode=frame.mode, status=frame.status, actor=actor, recipient=recipient,
        date=when, date_precision=precision,
        location=location, said_by=said_by, cameo_root=root,
        quantities=event_quantities(doc[frame.sent_start:frame.sent_end], doc[frame.trigger],
                                    quantities or []),
        goldstein=goldstein(root), evidence=evidence,
        confidence=_confidence(actor, recipient),
    )


CROWD_SECTORS = frozenset({"CVL", "LAB", "EDU", "AGR"})


def local_crowd(actor: Actor, location: Place | None) -> Actor:
    """An unnamed crowd with no country of its own ("protesters", "rioters", "a group of
    drivers") is of the country where it acts (docs/annotation.md), as ACLED codes
    "Protesters (Country)"."""
    if actor.country is not None or actor.entity is not None or \
            actor.sector not in CROWD_SECTORS or location is None or location.country is None:
        return actor
    return replace(actor, country=location.country)


PEOPLE_NOUNS = frozenset("""woman girl boy child defendant suspect accused group faction
peacekeeper prisoner member resident worker victim hostage migrant refugee villager
passenger family""".split())
"""People the actor KB gives no sector of their own, but parties all the same."""
OWN_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "eer", "man", "ee", "ese")


def _party_word(token: Token | None, kb: ActorKB, on: date) -> bool:
    """The word names a party on its own: a named person, group or place, a people noun, or a
    noun the actor KB gives a sector ("militants"); not "data", "a poll", "an interview"."""
    if token is None:
        return False
    if token.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or \
            token.lemma_.lower() in PEOPLE_NOUNS or token.lower_ in OWN_PRONOUNS:
        return True
    if thing_noun(token):
        return False
    if token.pos_ == "NOUN" and token.lemma_.lower().endswith(PERSON_SUFFIXES):
        return True  # "an engineer", "a translator", "the activist"
    known = kb.resolve(token.text, on)
    return known.sector is not None or known.entity is not None


def _same_words(actor: str, recipient: str) -> bool:
    """The recipient's words are the actor's own, or end them ("Speaker Ian Causley" -> "Ian
    Causley"): a pronoun or a repeated noun resolved back to the actor, not a second party."""
    a, r = actor.lower().split(), recipient.lower().split()
    return bool(r) and a[-len(r):] == r


COMPANY = re.compile(r"\b(?:Co|Corp|Inc|Ltd|LLC|plc|PLC)\b\.?|\b(?:Company|Corporation|"
                     r"Holdings|company|companies|firm|giant|provider|maker|manufacturer|"
                     r"airline|carrier|retailer|insurer|conglomerate|telecom)\b")
TRADE_TYPES = frozenset({"AID", "AGREE", "CONSULT", "COOPERATE"})
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "REB", "UAF"})


def _business_act(kind: str, actor: Actor, recipient: Actor | None) -> bool:
    """A company supplying, funding, offering or negotiating with customers or other companies:
    trade, not a political act. A company's act toward a state or armed party stays an event."""
    if kind not in TRADE_TYPES:
        return False
    if actor.sector != "BUS" and (actor.sector in STATE_SECTORS or not COMPANY.search(actor.text)):
        return False
    return recipient is None or recipient.sector not in STATE_SECTORS


STANCE_VERBS = frozenset("""support oppose back favour favor acknowledge recognise recognize
endorse""".split())
"""Verbs whose simple present tells a position held ("The Green Party supports electoral
reform"); "rejects the allegations" is news reporting's present for a denial, and stays."""


def _standing_position(trigger: Token) -> bool:
    """A stance verb in the simple present, in the narrative's own words: "The Green Party
    supports electoral reform", "Turkey acknowledges that Armenians were killed". A lead or
    headline ("Egypt supports truce plan"), a quotation ("We support the plan") or a report
    ("X said it supports ...") is a statement of the day and stays."""
    if trigger.pos_ != "VERB" or trigger.tag_ not in ("VBZ", "VBP") or \
            trigger.lemma_.lower() not in STANCE_VERBS or trigger.sent.start == 0:
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in trigger.children) or \
            trigger.dep_ in ("ccomp", "xcomp"):
        return False
    subj = subject_of(trigger)
    if subj is not None and subj.lower_ in ("i", "we"):
        return False
    before = trigger.doc.text[trigger.sent.start_char:trigger.idx]
    quotes = sum(before.count(q) for q in '"\u201c\u201d')
    return quotes % 2 == 0


def _undated_past(trigger: Token) -> bool:
    """The clause tells of some earlier time, not of news: "have used force before", "had
    previously met"."""
    verb = governing_verb(trigger)
    return any(c.dep_ == "advmod" and c.lower_ in UNDATED_PAST and not any(c.children)
               for c in verb.children)


UNDATED_PAST = frozenset({"before", "previously", "originally", "formerly", "once"})
"""Adverbs that put a clause at some earlier, undated time ("who originally opposed the war")."""


UNNAMED_ATTACKER = "[unidentified attackers]"
"""The actor of an attack whose attacker goes unnamed; brackets mark an implied actor, as in the
annotation guide (country unknown, sector UAF: unidentified armed force)."""


def unnamed_attacker(doc: Doc, frame: Frame, recipient: Actor | None) -> Actor | None:
    """The implied actor of a reported attack with no named attacker and a named victim: "a
    roadside bomb killed three soldiers", "two policemen were shot dead". None for accidents,
    for harm with no cause given, and for what has not happened."""
    if frame.type != "ASSAULT" or frame.status != "asserted" or recipient is None:
        return None
    if unnamed_attack(doc[frame.trigger]) is None:
        return None
    return Actor(text=UNNAMED_ATTACKER, country=None, sector="UAF", confidence=0.3)


def attack_owner(doc: Doc, frame: Frame, kb: ActorKB, on: date,
                 gazetteer: Gazetteer | None) -> Token | None:
    """The party named in the own phrase of an attack whose attacker the parse left unnamed: a
    country, people or organisation the knowledge base knows among the capitalised words before
    the attack noun ("US Predator attacks killed ...", "killed in a US drone strike"). A town
    there says where ("a Kabul car bombing"), not who."""
    if frame.type != "ASSAULT" or frame.status != "asserted":
        return None
    means = unnamed_attack(doc[frame.trigger])
    if means is None or means.i == frame.trigger:
        return None
    level = [means]
    for _ in range(3):
        below = [c for tok in level for c in tok.children
                 if c.i < means.i and c.dep_ in ("amod", "compound", "nmod")]
        for tok in below:
            if not tok.text[:1].isupper() or tok.i == tok.sent.start or \
                    tok.ent_type_ in ("PERSON", "DATE", "TIME"):
                continue
            if gazetteer is not None and (kinds := {c.kind for c in gazetteer.lookup(tok.text)}) \
                    and "country" not in kinds:
                continue
            res = kb.resolve(tok.text, on)
            if res.country is not None or res.entity is not None:
                return tok
        level = below
    return None


AUTHORITIES = "[authorities]"
COURTS = "[courts]"
PROTESTERS = "[protesters]"
OCCURRING = frozenset({"erupt", "break", "begin", "start", "continue", "spread", "escalate",
                       "resume", "rage", "intensify", "flare", "grip", "hit", "paralyse",
                       "paralyze", "sweep", "rock", "engulf"})
"""Verbs that tell a protest happening: "protests erupted", "a general strike began"."""
STATE_ACTS = {("COERCE", "arrest"): "COP", ("SANCTION", "convict"): "JUD"}
"""Acts only a state does, told in the passive with no agent: who did them ("was arrested":
the police; "was sentenced to ten years": a court)."""
"""The implied actor of an arrest with no named arrester."""


def _place_country(doc: Doc, frame: Frame, home: str | None,
                   gazetteer: Gazetteer | None) -> str | None:
    """The country where the frame's act happened, else the article's home country."""
    place = event_location(doc, frame, gazetteer, [home] if home else []) if gazetteer else None
    return place.country if place is not None and place.country else home


def state_authority(doc: Doc, frame: Frame, recipient: Actor | None, home: str | None,
                    gazetteer: Gazetteer | None) -> Actor | None:
    """The implied actor of an act only a state does, told with no agent (`STATE_ACTS`): "X was
    arrested in Lebanon" (its police), "X was sentenced to ten years" (its courts), of the
    country where it happened, else of the article's home country. Not for a participle
    raised from a passive ("were beaten and arrested"): in the 30 of 5,804 Wikinews articles
    with one (and the 202 seed ones) that gave two events, both wrong (a misparse of "and
    currently imprisoned, Jean-Juste"; "not known if any have been injured or arrested")."""
    trigger = doc[frame.trigger]
    sector = STATE_ACTS.get((frame.type, frame.mode or ""))
    if sector is None or frame.status != "asserted" or \
            recipient is None or trigger.pos_ != "VERB" or \
            not (any(c.dep_ == "auxpass" for c in trigger.children)
                 or headline_passive(trigger) is not None
                 or absolute_participle(trigger) is not None) or \
            any(c.dep_ == "agent" for c in trigger.children):
        return None
    country = _place_country(doc, frame, home, gazetteer)
    if country is None:
        return None
    return Actor(text=AUTHORITIES if sector == "COP" else COURTS, country=country, sector=sector,
                 confidence=0.3)


def unnamed_protesters(doc: Doc, frame: Frame, home: str | None,
                       gazetteer: Gazetteer | None) -> Actor | None:
    """The implied actor of a protest told with no protester named ("Protests erupted in San
    Salvador", "a general strike began on Monday"): protesters of the country where it
    happened, else of the article's home country, as ACLED codes "Protesters (Country)"."""
    trigger = doc[frame.trigger]
    if frame.type != "PROTEST" or frame.status != "asserted" or trigger.pos_ != "NOUN" or \
            trigger.dep_ not in ("nsubj", "nsubjpass") or \
            trigger.head.lemma_.lower() not in OCCURRING:
        return None  # "amid protests", "after last week's protests": a mention, not the news
    country = _place_country(doc, frame, home, gazetteer)
    if country is None:
        return None
    return Actor(text=PROTESTERS, country=country, sector="CVL", confidence=0.3)


BACKGROUND_DAYS = 14
"""Events dated this many days before their article are background (annotation guide)."""
POLITICAL = frozenset({"GOV", "MIL", "LEG", "JUD", "PTY", "SPY", "COP"})
ALLEGED_TYPES = frozenset({"MOBILIZE", "AID", "ASSAULT", "COERCE", "THREATEN", "SANCTION",
                           "SUPPORT", "COOPERATE"})


COOPERATIVE = frozenset({"AID", "SUPPORT", "COOPERATE"})
ARMED = frozenset({"REB", "PRM", "MIL", "UAF", "IMG"})


def allegation(event: Event) -> Event | None:
    """A political actor reporting another party's hostile act also accuses it (PLOVER ACCUSE
    allege): "Blinken noted that these troops have been trained by Russian forces"."""
    src = event.said_by  # a group of states ("Western allies") alleges too, without a country
    if (src is None or (src.country is None and src.entity is None and src.role is None)
            or src.sector not in POLITICAL
            or event.status != "asserted" or event.type not in ALLEGED_TYPES
            or event.actor.country in (None, src.country)):
        return None
    if event.type in COOPERATIVE and (event.recipient is None
                                      or event.recipient.sector not in ARMED):
        return None  # helping armed groups or forces is alleged; restoring ties is not
    root = cameo_root("ACCUSE", "allege")
    return replace(event, event_id=stable_id(event.event_id, "allege"), type="ACCUSE",
                   mode="allege", actor=src, recipient=event.actor, said_by=None,
                   cameo_root=root, goldstein=goldstein(root), location=None, quantities={})


def _same_party(a: Actor, b: Actor) -> bool:
    if a.entity and a.entity == b.entity:
        return True
    return a.text.lower() in b.text.lower() or b.text.lower() in a.text.lower()


def _party_key(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.entity or (f"{actor.country}/{actor.sector}" if actor.country else actor.text.lower())


def dedup(events: Iterable[Event], headline_end: int = 0) -> tuple[Event, ...]:
    """One event per (type, actor, recipient, status) in an article: repeated mentions count once.

    A body mention is kept over the headline's, which usually restates it, and a mention that
    names its actor over one whose actor is implied ("[protesters]").
    """
    best: dict[tuple[Any, ...], Event] = {}
    for ev in events:
        key = (ev.type, _party_key(ev.actor), _party_key(ev.recipient), ev.status,
               ev.date.isocalendar()[:2] if ev.date else None,  # last week's attack is another
               ev.mode if ev.type in ("ASSAULT", "COERCE") else None)  # a shot and tear gas,
        # a dispersal and arrests, are two acts
        old = best.get(key)
        if old is None or (old.evidence.start < headline_end <= ev.evidence.start) or \
                (_implied(old.actor) and not _implied(ev.actor)):
            best[key] = ev
    named = [e for e in best.values() if not _implied(e.actor)]
    best = {k: e for k, e in best.items() if not _implied(e.actor) or not any(
        (n.type, n.actor.country, n.status) == (e.type, e.actor.country, e.status) and
        (e.recipient is None or _party_key(n.recipient) == _party_key(e.recipient))
        for n in named)}
    # an implied actor ("[protesters]") goes when the article names one of that country doing
    # the same (to the same party, if the implied one has one)
    moded = {k[:-1] for k in best if k[-1] is not None}
    best = {k: e for k, e in best.items() if k[-1] is not None or k[:-1] not in moded}
    # an attack told once with its means and once without is one attack
    # in one sentence, "the airstrike" and "the airstrike that killed X" are one event: the
    # mention without a recipient goes when the same act with a recipient is there
    targeted = {(e.type, _party_key(e.actor), e.status, e.evidence.start)
                for e in best.values() if e.recipient is not None}
    # and "Dozens died in the attack, conducted by X" restates X's attack on the base that day
    attacks = {(e.type, _party_key(e.actor), e.status, e.date) for e in best.values()
               if e.recipient is not None and e.type == "ASSAULT" and e.date is not None}
    kept = [e for e in best.values() if e.recipient is not None or (
            (e.type, _party_key(e.actor), e.status, e.evidence.start) not in targeted
            and (e.type, _party_key(e.actor), e.status, e.date) not in attacks)]
    # "killed 11 peacekeepers and injured 15 others": the others are victims of the same act
    named = {(e.type, _party_key(e.actor), e.status, e.evidence.start) for e in kept
             if e.recipient is not None and not _others(e.recipient)}
    kept = [e for e in kept if e.recipient is None or not _others(e.recipient) or
            (e.type, _party_key(e.actor), e.status, e.evidence.start) not in named]
    return tuple(sorted(kept, key=lambda e: (e.evidence.start, e.event_id)))


def _implied(party: Actor) -> bool:
    """An actor the text does not name but implies ("[authorities]", "[protesters]")."""
    return party.text.startswith("[")


def _others(party: Actor) -> bool:
    """"others", "15 others", "other civilians": more victims of an act told with its main ones."""
    words = party.text.lower().split()
    return party.country is None and party.entity is None and bool(words) and (
        words[-1] == "others" or "other" in words[:3])


def _claim_date(doc: Doc, speaker_verb: Token | None, article: Article) -> date:
    """When a claim was made: a date attached to its reporting verb, else the article date."""
    if speaker_verb is None:
        return article.date
    sent = speaker_verb.sent
    for start, end in find_date_expressions(sent.text):
        span = doc.char_span(sent.start_char + start, sent.start_char + end,
                             alignment_mode="expand")
        resolved = resolve_date(sent.text[start:end], article.date)
        if span is not None and resolved is not None and resolved.date is not None \
                and resolved.date <= article.date and span.root.head == speaker_verb:
            return resolved.date
    return article.date


COMMENTATORS = frozenset({"expert", "analyst", "specialist", "observer", "commentator",
                          "scholar", "researcher", "academic", "professor"})


def _speech_verb(verb: Token) -> bool:
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_ in REPORTING or verb.lemma_ in ("estimate", "describe", "put"):
        return True
    pred = match_predicate(verb)
    return pred is not None and QUAD_CLASS.get(pred.type) in (1, 3)


def claimant_of(doc: Doc, anchor: Token, sent: Span, article: Article, kb: ActorKB,
                home: str | None) -> tuple[Actor | None, Token | None]:
    """Who asserts the figure at `anchor`: the first speaker above it that names someone
    ("X said/estimated/condemned ... N"), else "according to X"; with the speech verb."""
    cur = governing_verb(anchor)
    for _ in range(8):
        if _speech_verb(cur):
            subj = subject_of(cur)
            speaker = resolve_speaker(doc, subj, article.date, kb, home)
            nobody = subj is not None and speaker is not None and subj.pos_ == "NOUN" and \
                not subj.ent_type_ and speaker.sector is None and speaker.role is None \
                and speaker.entity is None  # "with projections suggesting ...": no one
            if speaker is not None and (speaker.country or speaker.sector) and not nobody:
                return speaker, cur
        if cur.head == cur:
            break
        cur = cur.head
    speaker_tok = attribution_of(anchor, sent)
    return resolve_speaker(doc, speaker_tok, article.date, kb, home), None


def resolve_speaker(doc: Doc, token: Token | None, on: date, kb: ActorKB,
                    home: str | None) -> Actor | None:
    """A source of a report or claim: an unknown named source is taken to be of the article's
    country (sources are mostly local), unless it is a commentator."""
    actor = resolve_participant(doc, token, on, kb, home)
    if actor is None or actor.country is not None or actor.sector is not None \
            or actor.entity is not None or (actor.role or "") in COMMENTATORS:
        return actor  # known, typed (a vague group of states stays without a country), or expert
    return replace(actor, country=home, confidence=actor.confidence * 0.5) if home else actor


def claims_in_sentence(doc: Doc, sent: Span, quantities: list[Quantity], article: Article,
                       kb: ActorKB, home: str | None) -> list[Claim]:
    """A Claim for every countable figure: what, how many, who says so, and when."""
    out = []
    for q in quantities:
        anchor = doc[q.head_i] if q.head_i is not None else (doc[q.num_i] if q.num_i >= 0 else None)
        if anchor is None or not q.unit:
            continue
        claimant, verb = claimant_of(doc, anchor, sent, article, kb, home)
        text = sent.text.strip()
        lead = len(sent.text) - len(sent.text.lstrip())
        out.append(Claim(
            claim_id=stable_id(article.id, q.start, q.value), article_id=article.id,
            origin=article.origin, article_date=article.date, about=about_text(q, sent),
            unit=q.unit, value=q.value, value_max=q.value_max, qualifier=q.qualifier,
            claimant=claimant, date=_claim_date(doc, verb, article),
            evidence=Evidence(text=text, start=sent.start_char + lead,
                              end=sent.start_char + lead + len(text))))
    return out


def _sentence_of(doc: Doc, event: Event) -> Span | None:
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    return span[0].sent if span is not None and len(span) else None


def _background_sentence(sent: Span, on: date) -> bool:
    """The sentence is dated more than BACKGROUND_DAYS before the article ("an assault in
    Ghazni in August 2018, with 150 killed"). By the date's first day, not latest_day: a toll
    over a period that began earlier ("Eight soldiers have died this month", "so far in
    2006") counts more than the attack."""
    for expression in _clause_dates(sent):
        got = resolve_date(expression, on)
        if got is not None and got.date is not None and (on - got.date).days > BACKGROUND_DAYS:
            return True
    return False


def _toll_holder(event: Event) -> bool:
    """An event an article's toll can belong to: a reported attack or riot."""
    return event.status == "asserted" and (
        event.type == "ASSAULT" or (event.type == "PROTEST" and event.mode == "riot"))


def _at_one_person(doc: Doc, event: Event) -> bool:
    """An attack on one unnamed person ("police landed a live round on a protester"): a toll
    of many is not its own unless told as adding to it ("12 other people also died")."""
    victim = event.recipient
    if event.type != "ASSAULT" or victim is None or victim.start is None or victim.end is None:
        return False
    span = doc.char_span(victim.start, victim.end, alignment_mode="expand")
    return span is not None and one_person(span)


def with_article_casualties(doc: Doc, events: list[Event],
                            quantities: dict[int, list[Quantity]]) -> list[Event]:
    """Tolls stated apart from the attack ("At least 20 were killed") go to the article's
    first attack or riot (every event of its type coded from its sentence), for the roles it
    has no figure for; the first statement of a toll wins. Figures of an attack on another
    date, of another kind of event ("71 were arrested") or of a sentence dated in the
    background stay out. "Five other civilians also died" in the attack's own paragraph adds
    to the toll stated before. Where the first attack is on one person, only such added
    figures are its own; the rest go to the first attack or riot on more people."""
    holders = [i for i, e in enumerate(events) if _toll_holder(e)]
    if not holders:
        return events
    if not _at_one_person(doc, events[holders[0]]):
        return _give_tolls(doc, events, holders[0], quantities, added=None)
    out = _give_tolls(doc, events, holders[0], quantities, added=True)
    crowd = next((i for i in holders if not _at_one_person(doc, events[i])), None)
    return out if crowd is None else _give_tolls(doc, out, crowd, quantities, added=False)


def _give_tolls(doc: Doc, events: list[Event], main: int, quantities: dict[int, list[Quantity]],
                added: bool | None) -> list[Event]:
    """with_article_casualties for one event; `added` keeps only the figures told as adding
    to a toll (True) or only the others (False)."""
    head = events[main]
    main_sent = _sentence_of(doc, head)
    if main_sent is None:
        return events
    own = {_sentence_of(doc, e) for e in events
           if e.type == "ASSAULT" and e.quantities and e.date != head.date}
    own = {sent.start for sent in own if sent is not None} | {main_sent.start}
    held = {(s.start, role) for e in events if (s := _sentence_of(doc, e)) is not None
            for role in e.quantities if e.type != head.type}  # the arrest's own "71 arrested"
    tolls: dict[str, float] = {}
    more: dict[str, float] = {}
    text = doc.text  # built anew (joined from every token) at each access
    for start, found in sorted(quantities.items()):
        sent = doc[start].sent
        if start in own or _background_sentence(sent, head.article_date):
            continue
        stated = sentence_casualties(sent, found)
        extra = sentence_casualties(sent, [q for q in found if additional(q, text)])
        same_paragraph = start > main_sent.start and \
            "\n" not in text[main_sent.end_char:sent.start_char]
        for role, value in stated.items():
            if (start, role) in held or (added is not None and added != (extra.get(role) == value)):
                continue
            if same_paragraph and extra.get(role) == value and role in head.quantities:
                more[role] = more.get(role, 0.0) + value
            else:
                tolls.setdefault(role, value)
    out = list(events)
    for i, event in enumerate(events):
        sent = _sentence_of(doc, event)
        if event.type != head.type or sent is None or sent.start != main_sent.start:
            continue
        plus = {k: v for k, v in tolls.items() if k not in event.quantities}
        plus.update({k: event.quantities[k] + v for k, v in more.items()
                     if k in event.quantities})
        if plus:
            out[i] = replace(event, quantities={**event.quantities, **plus})
    return out


def dedup_claims(claims: list[Claim], headline_end: int = 0) -> tuple[Claim, ...]:
    """A headline figure that the body repeats (same value, unit and claimant) counts once."""
    body = {(c.value, c.unit, c.claimant.country if c.claimant else None)
            for c in claims if c.evidence.start >= headline_end}
    return tuple(c for c in claims if c.evidence.start >= headline_end or
                 (c.value, c.unit, c.claimant.country if c.claimant else None) not in body)


def _party(doc: Doc, token: Token, on: date, kb: ActorKB, home: str | None,
           other: Token | None = None) -> list[Actor]:
    """The resolvable actors a participant names: itself and its conjuncts."""
    found = [_known(resolve_participant(doc, t, on, kb, home, other))
             for t in (token, *coordinated(token))]
    return [a for a in found if a is not None]


def _first_party(doc: Doc, candidates: tuple[int, ...], on: date, kb: ActorKB,
                 home: str | None, verb: Token) -> list[Actor]:
    """The first candidate that names a party in its own words, else the first that resolves
    at all: a bare role word waits ("sent troops to Russia": Russia)."""
    fallback: list[Actor] = []
    for i in candidates:
        party = _party(doc, doc[i], on, kb, home, verb)
        if not party:
            continue
        own = kb.resolve(party[0].text, on)
        if own.country or own.entity:
            return party
        fallback = fallback or party
    return fallback


def coded_event(doc: Doc, frame: CodedFrame, article: Article, kb: ActorKB,
                home: str | None) -> list[CodedEvent]:
    """The events of one dictionary-coded verb: each source toward each party of the first
    target candidate that resolves to an actor, or toward nobody (a compound's members toward
    each other); a `[a:b]` code also gives the target's act toward the source."""
    on = article.date
    verb = doc[frame.verb]
    sources = [a for i in frame.sources for a in (
        [_known(resolve_participant(doc, doc[i], on, kb, home))] if frame.compound
        else _party(doc, doc[i], on, kb, home)) if a is not None]
    if frame.compound:
        pairs = [(a, b) for k, a in enumerate(sources) for j, b in enumerate(sources) if k != j]
    else:
        if frame.listed:
            targets = [a for i in frame.targets
                       for a in [_known(resolve_participant(doc, doc[i], on, kb, home, verb))]
                       if a is not None]
        else:
            targets = _first_party(doc, frame.targets, on, kb, home, verb)
        pairs = [(a, b) for a in sources for b in (targets or [None])]
    sent = doc[frame.sent_start:frame.sent_end]
    evidence = Evidence(sent.text, sent.start_char, sent.end_char)
    status = status_of(verb)  # what the dictionary does not say: was it done, or only talked of
    said_by = resolve_speaker(doc, attribution_of(verb, sent), on, kb, home)
    out = []
    for k, (source, target) in enumerate(pairs):
        if target is not None and (target.text, target.start) == (source.text, source.start):
            continue
        directions = [(frame.code, source, target)]
        if frame.reverse and target is not None and not frame.compound:
            directions.append((frame.reverse, target, source))
        for j, (code, who, whom) in enumerate(directions):
            if code is None:
                continue
            out.append(CodedEvent(
                event_id=stable_id(article.id, verb.idx, code, k, j),
                article_id=article.id, origin=article.origin, article_date=on,
                code=code, source=who, target=whom, verb=verb.text,
                pattern=frame.pattern, line=frame.line, evidence=evidence, status=status,
                said_by=None if said_by is None or _same_party(said_by, who) else said_by))
    return out


def coded_events(doc: Doc, article: Article, kb: ActorKB,
                 verbs: VerbDictionary) -> tuple[CodedEvent, ...]:
    """Every event a PETRARCH/TABARI verb dictionary codes in a parsed article."""
    home = home_country(doc, kb)
    return tuple(e for frame in coded_frames(doc, verbs)
                 for e in coded_event(doc, frame, article, kb, home))


@dataclass(frozen=True)
class Candidates:
    """One article's events before judgement: which came from broad proposals, and where its
    headline ends (both read by the judge), with the article's claims."""

    events: list[Event]
    claims: tuple[Claim, ...]
    proposed: frozenset[str]
    headline_end: int


class Extractor:
    """Holds the spaCy pipeline and knowledge bases, loaded once; turns articles into records."""

    def __init__(self, nlp: Language | None = None, kb: ActorKB | None = None,
                 gazetteer: Gazetteer | None = None,
                 classifier: TypeClassifier | None = None, judged: bool = True) -> None:
        self.nlp = nlp or load_pipeline()
        self.kb = kb or load_kb()
        self.gazetteer = gazetteer or load_gazetteer()
        self.classifier = classifier or TypeClassifier.load()
        self.judge = load_judge() if judged else None
        self.propose = self.judge is not None and self.judge.meta.get("proposals", False)

    def from_doc(self, doc: Doc, article: Article) -> Extraction:
        """Events (and claims) for one parsed article."""
        cands = self.candidates(doc, article)
        return Extraction(article=article, events=tuple(self._second_opinion(doc, cands)),
                          claims=cands.claims)

    def candidates(self, doc: Doc, article: Article) -> Candidates:
        """The rules' events (and the broad proposals, where the judge takes them) before
        judgement, with the article's claims."""
        events = []
        claims: list[Claim] = []
        home = home_country(doc, self.kb)
        quantities: dict[int, list[Quantity]] = {}
        unit: str | None = None
        for sent in doc.sents:
            found = find_quantities(sent, prev_unit=unit)
            if found:
                quantities[sent.start] = found
                unit = found[-1].unit or unit
                claims.extend(claims_in_sentence(doc, sent, found, article, self.kb, home))
        headline_end = len(article.title) if article.title and \
            article.text.startswith(article.title) else 0
        times = narrative_times(doc, headline_end, article.date)
        frames = find_frames(doc)
        proposals = proposed_frames(doc, self.classifier, {f.trigger for f in frames}) \
            if self.propose else []
        proposed: set[str] = set()
        for frame, is_proposal in [*((f, False) for f in frames), *((f, True) for f in proposals)]:
            event = event_from_frame(doc, frame, article, self.kb, home, self.gazetteer,
                                     quantities.get(frame.sent_start),
                                     times.get(frame.sent_start),
                                     doc[frame.sent_start].idx < headline_end)
            if event is not None:
                events.append(event)
                if is_proposal:
                    proposed.add(event.event_id)
                alleged = allegation(event)
                if alleged is not None:
                    events.append(alleged)
        events = with_article_casualties(doc, list(dedup(events, headline_end)), quantities)
        return Candidates(events, dedup_claims(claims, headline_end), frozenset(proposed),
                          headline_end)

    def judge_features(self, doc: Doc, cands: Candidates) -> list[list[str]]:
        """What the judge reads of each candidate event."""
        beliefs = self._type_beliefs(doc, cands.events)
        return [event_features(doc, e, p, cands.headline_end, len(cands.events),
                               e.event_id in cands.proposed) + context
                for e, p, context in zip(cands.events, beliefs, context_features(cands.events))]

    def _type_beliefs(self, doc: Doc, events: list[Event]) -> list[TypePrediction]:
        spans = [doc.char_span(e.evidence.start, e.evidence.end, alignment_mode="expand")
                 for e in events]
        return self.classifier.predict([s if s is not None else e.evidence.text
                                        for s, e in zip(spans, events)], threshold=0)

    def _second_opinion(self, doc: Doc, cands: Candidates) -> list[Event]:
        """The learned judge's verdict: each event's confidence is its probability of being a
        real event of the article's time, rightly typed, with the right actor country. Without a
        judge, the type classifier's belief in the type is blended into confidence."""
        events = cands.events
        if not events:
            return events
        if self.judge is None:
            return [replace(e, confidence=round(0.7 * e.confidence + 0.3 * p.prob(e.type), 3))
                    for e, p in zip(events, self._type_beliefs(doc, events))]
        probs = self.judge.probabilities(self.judge_features(doc, cands))
        return [replace(e, confidence=round(float(p), 3)) for e, p in zip(events, probs)]

    def extract(self, articles: Iterable[Article],
                batch_size: int = 32) -> Iterator[Extraction | ExtractionError]:
        """Stream extractions for a stream of articles (one spaCy pass, batched).

        A failure on one article is yielded as an ExtractionError naming it; the stream goes on.
        """
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            try:
                yield self.from_doc(doc, article)
            except Exception as exc:  # noqa: BLE001  (a coder bug must not stop a batch)
                yield ExtractionError(f"{article.origin}: extraction failed: {exc!r}")

    def code(self, articles: Iterable[Article], verbs: VerbDictionary,
             batch_size: int = 32) -> Iterator[tuple[Article, tuple[CodedEvent, ...]] |
                                                ExtractionError]:
        """Stream each article's events as a PETRARCH/TABARI verb dictionary codes them (the
        actors from this extractor's knowledge base); a failure is yielded, naming the article."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            try:
                yield article, coded_events(doc, article, self.kb, verbs)
            except Exception as exc:  # noqa: BLE001  (a coder bug must not stop a batch)
                yield ExtractionError(f"{article.origin}: coding failed: {exc!r}")

    def extract_text(self, text: str, on: date, origin: str = "<text>") -> Extraction:
        """Extract from one text dated `on` (the Python API's entry point)."""
        article = Article(id=article_id(on, text), date=on, title="", text=text, source=None,
                          origin=origin)
        return self.from_doc(self.nlp(text), article)
