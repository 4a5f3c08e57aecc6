"""Stage 5, parties: resolve a participant token into an Actor (antecedents, countries)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..actors import ActorKB
from ..ontology import QUAD_CLASS
from ..records import Actor, Article, Evidence
from .arguments import thing_noun
from .candidates import match_predicate, subject_of
from .frame import Frame
from .syntax import governing_verb, passive_voice, phrase_bounds, prep_object
from .words import (AFFILIATION_PREPS, ANAPHORIC, COLLECTIVE, COMMENTATORS, GROUP_PRONOUNS,
                    MILITARY_NOUNS, NEUTER_PRONOUNS, PARTY_PRONOUNS, PEOPLE_NOUNS,
                    PERSON_PRONOUNS, PERSON_SUFFIXES, QUOTE_MARKS, REPORTING)


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


def _quote_speakers(doc: Doc, token: Token) -> set[int]:
    """The people who speak the quotation `token` stands in ('X said: "... he fired ..."'):
    their "he" is someone else, or they would say "I". Token indices of the subjects of
    reporting verbs in the sentences that open and close the quotation."""
    text = doc.text
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    end = len(text) if end < 0 else end
    before = text[start:token.idx]
    if sum(before.count(q) for q in QUOTE_MARKS) % 2 == 0:
        return set()
    opened = start + max(before.rfind(q) for q in QUOTE_MARKS)
    after = [i for q in QUOTE_MARKS if (i := text.find(q, token.idx, end)) >= 0]
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
    if token.lower_ in PERSON_PRONOUNS | NEUTER_PRONOUNS:
        ante = _antecedent(doc, token)
        if ante is not None:
            return ante, 0.8
    if token.lower_ in GROUP_PRONOUNS | PERSON_PRONOUNS | NEUTER_PRONOUNS:
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
            NEUTER_PRONOUNS or (token.lower_ in GROUP_PRONOUNS and subj.tag_ not in ("NNS", "NNPS")
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


_DESCRIPTOR_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "PUNCT", "VERB"})
_DESCRIPTOR_MAX = 5


def _described_country(doc: Doc, span: Span, kb: ActorKB) -> str | None:
    """The country an earlier mention of the same name gives in the words that introduce it:
    "British supermarket chain Tesco", "UK-based retailer Tesco", "Denmark-based retailer
    Salling Group" for a later "Tesco" or "Salling", and "British supermarket chain Tesco" for
    a later "the chain" (where a firm or a person is from, told once; the later mention stands
    near other countries, of what it does)."""
    names = {t.text for t in span if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG", "")}
    noun = None  # "the chain" after "British supermarket chain Tesco": the noun it was told by
    if not names and 2 <= len(span) <= 3 and span[0].lower_ in ("the", "this") and \
            span.root.pos_ == "NOUN" and span.root.tag_ == "NN":
        noun = span.root.lower_
    if not names and noun is None:
        return None
    for ent in doc.ents:
        if ent.start >= span.start:
            break
        if ent.label_ not in ("PERSON", "ORG") or \
                (names and not names & {t.text for t in ent}):
            continue
        words: list[Token] = []
        for tok in reversed(doc[max(ent.sent.start, ent.start - _DESCRIPTOR_MAX):ent.start]):
            if tok.pos_ not in _DESCRIPTOR_TAGS or (tok.pos_ == "PUNCT" and tok.text != "-") \
                    or (tok.pos_ == "VERB" and tok.lower_ != "based"):
                break
            words.insert(0, tok)
        if noun is not None and noun not in {t.lower_ for t in words}:
            continue
        country = kb.country_cue(" ".join(t.text for t in words)) if words else None
        if country is not None:
            return country
    return None


NEAR_TOKENS = 6
"""How far from an unplaced actor a country named in its sentence still says where it is from:
its own phrase or the next one ("a police spokesman in Kenya", "Kenya's police said"). A country
further off belongs to another phrase, and the article's home country is the better guess. Chosen
on the tune split (2026-12-07: 3, 6, 12 and 20 tokens tried; 6 the smallest that kept its claim
link accuracy)."""


def nearest_country(doc: Doc, token: Token, kb: ActorKB, skip: tuple[Span, ...] = ()) -> str | None:
    """The country named closest to `token` in its sentence, within NEAR_TOKENS (outside the
    `skip` spans and outside what the actor at `token` acts on, the object of its own predicate:
    "Wen visits India", "his visit to Egypt", "X accused Pakistan's government")."""
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
            if distance > NEAR_TOKENS:
                continue  # "... before the Germany-Australia match": another phrase's country
            if best is None or distance < best[0]:
                best = (distance, country)
    return best[1] if best else None


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


def _people_country(doc: Doc, kb: ActorKB, peoples: list[tuple[str, ...]],
                    home: str | None) -> str | None:
    """The country of a people named in a phrase: the article's home country, else the one
    the article names most, else its only one; None for a people of several countries, none of
    them in the article."""
    named: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "ORG", "LOC"):  # "the Parliament of Iraq" too
            cue = kb.country_cue(ent.text)
            if cue is not None:
                named[cue] = named.get(cue, 0) + 1
    options = [c for c in peoples[0] if all(c in p for p in peoples)] or list(peoples[0])
    if home in options:
        return home
    if any(named.get(c) for c in options):  # the one the article is about
        return max(options, key=lambda c: named.get(c, 0))
    if len(options) == 1:  # "Tibetan monks"
        return options[0]
    return None


def resolve_participant(doc: Doc, token: Token | None, on: date, kb: ActorKB,
                        home: str | None = None, other: Token | None = None,
                        other_whole: bool = False, described: bool = False) -> Actor | None:
    """An Actor record for the participant headed by `token` (`other_whole`: no country cue
    is taken from anywhere in the other party's phrase, its conjuncts and clauses included;
    `described`: an unknown name takes the country an earlier mention introduces it with).

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
    from_intro = None  # where an earlier mention says the name is from ("British chain Tesco")
    if res.country is None and res.sector is None and res.entity is None:
        from_intro = _described_country(doc, span, kb) if described else None
        earlier = _fuller_mention(doc, span) if from_intro is None else None
        if earlier is not None:  # "al-Eryani" after "Minister of Information Moammar al-Eryani"
            alt = kb.resolve(earlier.text, on)
            if alt.sector is not None or alt.country is not None:
                res, token = alt, earlier.root
            anchor = earlier.root  # unknown there too: the cues around the fuller mention
    country = res.country or from_intro
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
            country = _people_country(doc, kb, peoples, home)
        if country is None and not peoples:
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


def _party_word(token: Token | None, kb: ActorKB, on: date) -> bool:
    """The word names a party on its own: a named person, group or place, a people noun, or a
    noun the actor KB gives a sector ("militants"); not "data", "a poll", "an interview"."""
    if token is None:
        return False
    if token.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or \
            token.lemma_.lower() in PEOPLE_NOUNS or token.lower_ in PARTY_PRONOUNS:
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


def resolve_speaker(doc: Doc, token: Token | None, on: date, kb: ActorKB,
                    home: str | None, described: bool = False) -> Actor | None:
    """A source of a report or claim: an unknown named source is taken to be of the article's
    country (sources are mostly local), unless it is a commentator; `described`: or of the
    country an earlier mention introduces it with ("British supermarket chain Tesco")."""
    actor = resolve_participant(doc, token, on, kb, home, described=described)
    if actor is None or actor.country is not None or actor.sector is not None \
            or actor.entity is not None or (actor.role or "") in COMMENTATORS:
        return actor  # known, typed (a vague group of states stays without a country), or expert
    return replace(actor, country=home, confidence=actor.confidence * 0.5) if home else actor
