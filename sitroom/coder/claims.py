"""Claims: every countable figure, who asserts it and when."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..actors import ActorKB
from ..claims.about import about_text
from ..claims.groups import canonical_unit
from ..nlp.dates import resolve_date
from ..nlp.quantities import Quantity
from ..ontology import QUAD_CLASS
from ..records import Actor, Article, Claim, Event, Evidence, stable_id
from .candidates import match_predicate, subject_of
from .casualties import _background_sentence
from .claim_junk import junk_figure
from .claim_roles import PLOVER_QUANTITY, ROLE_RULES, ClaimRule, claim_role  # noqa: F401 (ROLE_RULES re-exported)
from .dates import date_expressions
from .parties import resolve_speaker
from .status import according_to, attribution_of
from .syntax import _child, governing_verb, phrase_bounds
from .words import (ATTACK_NOUNS, FIGURE_SPEECH, QUOTES, REPORTING, SOURCE_NOUNS,
                    VIOLENCE_WORDS)


def _claim_date(speaker_verb: Token | None, article: Article) -> date:
    """When a claim was made: a date attached to its reporting verb, else the article date."""
    if speaker_verb is None:
        return article.date
    sent = speaker_verb.sent
    for text, _, _, span in date_expressions(sent):
        resolved = resolve_date(text, article.date)
        if span is not None and resolved is not None and resolved.date is not None \
                and resolved.date <= article.date and span.root.head == speaker_verb:
            return resolved.date
    return article.date


def _speech_verb(verb: Token) -> bool:
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_ in REPORTING or verb.lemma_ in FIGURE_SPEECH:
        return True
    pred = match_predicate(verb)
    return pred is not None and QUAD_CLASS.get(pred.type) in (1, 3)


def _behind_source(tok: Token | None) -> Token | None:
    """Who stands behind a source noun ("a report from the Mexican government", "data from the
    WHO", "numbers reported by The Associated Press", "figures of the Health Ministry"): that
    party; else the token itself."""
    if tok is None or tok.lemma_.lower() not in SOURCE_NOUNS and tok.lower_ not in SOURCE_NOUNS:
        return tok
    for child in tok.children:
        if child.dep_ == "poss" and child.pos_ in ("NOUN", "PROPN"):  # "the chain's release"
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            obj = _child(child, "pobj")
            if obj is not None and obj.pos_ in ("NOUN", "PROPN") and \
                    (child.lower_ != "of" or obj.pos_ == "PROPN" or obj.ent_type_):
                return obj
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "numbers reported by AP"
            agent = _child(child, "agent")
            obj = _child(agent, "pobj") if agent is not None else None
            if obj is not None:
                return obj
    return tok


def _speaker_of(verb: Token) -> Token | None:
    """Who speaks by a speech verb: its "by" agent where it is passive ("he was told by the
    minister", "as confirmed by the authorities"), else its subject; through a source noun."""
    agent = _child(verb, "agent")
    obj = _child(agent, "pobj") if agent is not None else None
    if obj is not None:  # an agent makes the verb passive, whatever its tag
        return _behind_source(obj)
    return _behind_source(subject_of(verb))


def _as_said(verb: Token) -> Token | None:
    """A speech clause set beside the figure's clause by "as" ("was traded for five prisoners,
    as confirmed by the authorities", "as the ministry said"): its speech verb."""
    return next((c for c in verb.children if c.dep_ == "advcl" and _speech_verb(c)
                 and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)), None)


def _sentence_source(anchor: Token, sent: Span) -> Token | None:
    """A source the whole sentence is given by, outside the figure's own phrase: "according to
    X", "(as) per X" (a source noun or a named party), or an inverted speech verb the parser
    read as a modifier (", reported officials")."""
    found = attribution_of(anchor, sent)
    if found is not None:
        return _behind_source(found)
    for tok in sent:
        if tok.lower_ == "per" and tok.dep_ == "prep" and (tok.i == sent.start or
                                                          tok.nbor(-1).lower_ in ("as", ",")):
            obj = _child(tok, "pobj")
            if obj is not None and (obj.lemma_.lower() in SOURCE_NOUNS or
                                    obj.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")):
                return _behind_source(obj)
        if tok.lemma_ in REPORTING and tok.dep_ == "amod" and tok.tag_ == "VBD" and \
                tok.i > sent.start and tok.nbor(-1).text == "," and tok.head.i == tok.i + 1 \
                and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head
    return None


def _bracketed_source(num: Token) -> Token | None:
    """The party of a source noun in brackets right after the figure (and its counted noun):
    "3,000 (police estimate)", "8,000 people (organiser's estimate)"."""
    doc, end = num.doc, num.sent.end
    j = num.i + 1
    while j < min(end, num.i + 4) and doc[j].text != "(":
        if doc[j].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return None
        j += 1
    if j >= end or doc[j].text != "(":
        return None
    for k in range(j + 1, min(end, j + 6)):
        if doc[k].text == ")":
            break
        if doc[k].lemma_.lower() in SOURCE_NOUNS or doc[k].lower_ in SOURCE_NOUNS:
            return next((t for t in reversed(doc[j + 1:k]) if t.pos_ in ("NOUN", "PROPN")),
                        None)
    return None


_QUOTE_REACH = 150
"""How many tokens a quotation may run on past the figure to the mark that closes it."""


def _closing_speaker(anchor: Token) -> Token | None:
    """The speaker named right after the quotation the figure stands in, where it runs on over
    sentences: '"... It cost taxpayers some CA$ 2 billion ..." said Harper.' (a quotation is
    told by the one who says it, however many sentences it spans)."""
    doc = anchor.doc
    i = anchor.i - 1
    marks = 0
    while i >= 0 and "\n" not in doc[i].text:
        marks += doc[i].text in QUOTES
        i -= 1
    if marks % 2 == 0:
        return None  # not inside a quotation of its paragraph
    close = next((j for j in range(anchor.i + 1, min(len(doc), anchor.i + _QUOTE_REACH))
                  if doc[j].text in QUOTES or "\n" in doc[j].text), None)
    if close is None or doc[close].text not in QUOTES:
        return None
    after = [t for t in doc[close + 1:min(len(doc), close + 8)] if not t.is_punct]
    verb = next((t for t in after if t.pos_ == "VERB" and t.lemma_ in REPORTING), None)
    if verb is None or any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i
                           for c in verb.children):
        return None  # "However, villagers claimed that ...", "Salon claims its source is ...":
        # a statement of its own, not the quotation's attribution
    subj = subject_of(verb)
    first = after[0] if after else None
    if subj is None or first is None or not (first == verb or subj.left_edge == first):
        return None  # '" said Harper', '" Harper said', '" the minister said': nothing between
    return subj


_BACK_PRONOUNS = frozenset({"that", "this", "these", "those"})


def _continued_source(sent: Span) -> Token | None:
    """The source of the sentence before, where that one told figures and this one opens by
    pointing back at them ("That showed a 93% increase from 88 deaths", "Out of these, 81 had
    lost their lives" after "According to the Coroners Service, there were 170 ..." or "the
    Team reported a total of 5667 cases"): its figures go on with the same report."""
    opener = next((t for t in sent[:3] if t.lower_ in _BACK_PRONOUNS and t.pos_ == "PRON"
                   and t.dep_ in ("nsubj", "nsubjpass", "pobj")), None)
    if opener is None or sent.start == 0:
        return None
    prev = sent.doc[sent.start - 1].sent
    if not any(t.like_num and t.ent_type_ not in ("DATE", "TIME") for t in prev):
        return None  # the sentence before told no figure: "This comes after ..." is the narrator's
    verb = next((t for t in prev if t.pos_ == "VERB" and t.lemma_ in REPORTING), None)
    if verb is not None:
        return _speaker_of(verb)
    found = according_to(prev)
    return _behind_source(found) if found is not None else None


def claimant_of(doc: Doc, anchor: Token, sent: Span, article: Article, kb: ActorKB,
                home: str | None, num: Token | None = None) -> tuple[Actor | None, Token | None]:
    """Who asserts the figure at `anchor` (`num`: its number): a source in brackets after it
    ("3,000 (police estimate)"), else the first speaker above it that names someone ("X
    said/estimated/condemned ... N", "N, as confirmed by X"), else the sentence's source
    ("according to X", "per X"); with the speech verb."""
    bracketed = _bracketed_source(num) if num is not None else None
    if bracketed is not None:
        speaker = resolve_speaker(doc, bracketed, article.date, kb, home, described=True)
        if speaker is not None and (speaker.country or speaker.sector):
            return speaker, None
    cur = governing_verb(anchor)
    for _ in range(8):
        for verb in (cur, _as_said(cur)):
            if verb is None or not _speech_verb(verb):
                continue
            subj = _speaker_of(verb)
            if subj is not None and phrase_bounds(subj)[0] <= anchor.i < phrase_bounds(subj)[1]:
                continue  # the figure inside its own source's phrase
            speaker = resolve_speaker(doc, subj, article.date, kb, home, described=True)
            # "with projections suggesting ...": no one; "Italian authorities": someone
            nobody = subj is not None and speaker is not None and subj.pos_ == "NOUN" and \
                not subj.ent_type_ and speaker.sector is None and speaker.role is None \
                and speaker.entity is None and \
                not any(c.ent_type_ in ("NORP", "GPE") for c in subj.children)
            if speaker is not None and (speaker.country or speaker.sector) and not nobody:
                return speaker, verb
        if cur.head == cur:
            break
        cur = cur.head
    source = _sentence_source(anchor, sent) or _closing_speaker(anchor) or \
        _continued_source(sent)
    actor = resolve_speaker(doc, source, article.date, kb, home, described=True)
    verb = source.nbor(-1) if source is not None and source.i > 0 else None
    if actor is not None and verb is not None and verb.dep_ == "amod" and verb.head == source \
            and verb.lemma_ in REPORTING and actor.start == verb.idx:  # ", reported officials"
        actor = replace(actor, text=actor.text[len(verb.text):].lstrip(), start=source.idx)
    return actor, None


def claims_in_sentence(doc: Doc, sent: Span, quantities: list[Quantity], article: Article,
                       kb: ActorKB, home: str | None) -> list[tuple[Claim, Quantity]]:
    """A Claim for every countable figure: what, how many, of what role, who says so, and
    when; each with its quantity (for `link_claims`)."""
    out = []
    for q in quantities:
        anchor = doc[q.head_i] if q.head_i is not None else (doc[q.num_i] if q.num_i >= 0 else None)
        if anchor is None or not q.unit or junk_figure(doc, sent, q) is not None:
            continue
        claimant, verb = claimant_of(doc, anchor, sent, article, kb, home,
                                     doc[q.num_i] if q.num_i >= 0 else None)
        text = sent.text.strip()
        lead = len(sent.text) - len(sent.text.lstrip())
        out.append((Claim(
            claim_id=stable_id(article.id, q.start, q.value), article_id=article.id,
            origin=article.origin, article_date=article.date, about=about_text(q, sent),
            unit=q.unit, value=q.value, value_max=q.value_max, qualifier=q.qualifier,
            claimant=claimant, date=_claim_date(verb, article),
            evidence=Evidence(text=text, start=sent.start_char + lead,
                              end=sent.start_char + lead + len(text)),
            counted=canonical_unit(q.unit), role=claim_role(doc, q)[0]), q))
    return out


def dedup_claims(claims: list[Claim], headline_end: int = 0) -> tuple[Claim, ...]:
    """A headline figure that the body repeats (same value, unit and claimant) counts once."""
    body = {(c.value, c.unit, c.claimant.country if c.claimant else None)
            for c in claims if c.evidence.start >= headline_end}
    return tuple(c for c in claims if c.evidence.start >= headline_end or
                 (c.value, c.unit, c.claimant.country if c.claimant else None) not in body)


LINK_RULES = (
    ClaimRule("link_event_toll", "a dead, injured, arrested or crowd figure that an event "
              "took as its quantity (in its sentence, or the article's toll given to its first "
              "attack) is that event's",
              "PLOVER: the toll or size of an event is its quantity; the claim that states it "
              "counts that event", "A car bomb killed 20 people in Baghdad.", "20", "event"),
    ClaimRule("link_in_evidence", "a figure inside an event's evidence clause is that event's "
              "(the smallest such clause)",
              "linguistic: the evidence is the clause of the event's trigger; a figure in it "
              "counts its participants or its object",
              "Police arrested 40 protesters in Cairo.", "40", "event"),
    ClaimRule("link_sentence_attack", "a dead, injured or missing figure in the sentence of a "
              "reported attack is that attack's toll",
              "PLOVER: a toll told beside an ASSAULT (its own clause, or a participle) counts "
              "that attack", "Gunmen stormed the hotel on Friday, and 12 guests died.", "12",
              "event"),
    ClaimRule("link_article_attack", "a dead, injured or missing figure told apart from any "
              "event goes to the article's first reported attack, unless its sentence is dated "
              "in the background",
              "PLOVER: as the article's toll goes to its first attack (casualties.py); a "
              "toll of an older episode stays apart",
              "Gunmen attacked a market in Kabul on Friday. Officials said 12 people died.",
              "12", "event"),
    ClaimRule("link_attack_again", "a toll told again of an attack already told ('were killed "
              "in the attack', 'in the initial shelling') that went to an attack with no named "
              "side (an agentless report, a headline's 'Gunman opens fire') goes to the "
              "article's first reported attack with a named side",
              "linguistic: a definite attack noun refers back to the attack the article told; "
              "the toll is that attack's, not a second one's",
              "Israeli tanks shelled a UN school in Gaza on Tuesday. Two people were killed in "
              "the initial shelling.", "Two", "event"),
    ClaimRule("link_none", "any other figure belongs to no event (background, a statistic, a "
              "price)", "linguistic: a figure outside every event's clause is context, not an "
              "event's count", "Police arrested the mayor of Springfield on Monday. The town has "
              "40,000 residents.", "40,000", "none"),
)
"""The link rules in the order they are tried."""

CLAIMANT_RULES = (
    ClaimRule("claimant_speech_verb", "the subject of the first speech verb above the figure: "
              "a reporting verb, a verbal event, or a verb that puts a figure on something "
              "('estimated', 'put', 'placed', 'declared', 'informed')",
              "GUIDE: the claimant is the attributed source; who says, estimates or values it",
              "Irish police placed the value of the stolen goods at 40,000 euros.", "40,000",
              "IRL"),
    ClaimRule("claimant_passive_agent", "a passive speech verb's 'by' agent ('were reported "
              "dead by Russian officials', 'he was told by the minister')",
              "linguistic: the agent of a passive speech verb is its speaker",
              "Thirty-six people were reported dead by Russian officials.", "Thirty-six", "RUS"),
    ClaimRule("claimant_as_said", "a speech clause set beside the figure's by 'as' ('traded for "
              "five prisoners, as confirmed by Italian authorities')",
              "linguistic: 'as X said/confirmed' attributes its main clause to X",
              "The journalist was traded for five Taliban prisoners, as confirmed by Italian "
              "authorities.", "five", "ITA"),
    ClaimRule("claimant_source_noun", "a source noun's party ('a report from the Mexican "
              "government said', 'according to data from the WHO', 'numbers reported by AP')",
              "GUIDE: the claimant is the party behind the report or the data, not the document",
              "A report from the Mexican government said eight people died in the attack.",
              "eight", "MEX"),
    ClaimRule("claimant_per", "'(as) per X' as 'according to X', where X is a source noun or a "
              "named party", "linguistic: 'per' attributes the sentence to its source",
              "Per numbers reported by The Associated Press, 415 thousand priests are subject to "
              "the requirement.", "415 thousand", "USA"),
    ClaimRule("claimant_inverted", "an inverted speech verb read as a modifier by the parser "
              "(', reported officials')", "linguistic: 'said/reported X' after the clause "
              "attributes it to X as 'X said' does",
              "On Saturday a gunman shot shoppers at a Walmart store in the U.S. border city of "
              "El Paso, Texas, with the death toll rising to 22 people on Monday, reported "
              "officials, with 25 others injured.", "22", "USA"),
    ClaimRule("claimant_introduced", "an unknown named claimant takes the country an earlier "
              "mention introduces it with ('UK-based retailer Tesco' ... 'Tesco said its Polish "
              "branch lost ...'), before the nearest country cue",
              "linguistic: where a firm or a person is from is told once, when it is "
              "introduced; the countries near a later mention are those of what it does",
              "UK-based retailer Tesco agreed to sell its stores in Poland. Tesco said its Polish "
              "branch had a 24 million pounds operating loss.", "24 million", "GBR"),
    ClaimRule("claimant_introduced_noun", "'the chain', 'the company' takes the country of "
              "the name an earlier mention introduced with that noun ('British supermarket "
              "chain Tesco'); a source noun's owner speaks ('the chain's press release')",
              "linguistic: a definite noun refers back to the party introduced by it; a "
              "release or a report is its owner's word",
              "British supermarket chain Tesco will leave Poland. The chain's press release "
              "reported a loss of 200 million pounds in Poland.", "200 million", "GBR"),
    ClaimRule("claimant_bracketed", "a source noun in brackets right after the figure: "
              "'3,000 (police estimate)', '8,000 people (organiser's estimate)'",
              "GUIDE: the claimant is the attributed source, however the text attributes it",
              "Between 3,000 (police estimate) and 8,000 people (organiser's estimate) marched "
              "in Giessen, Germany.", "3,000", "DEU"),
    ClaimRule("claimant_quotation", "a figure in a quotation that runs over sentences is told "
              "by the speaker named right after the closing mark ('\"... It cost taxpayers "
              "some CA$ 2 billion ...,\" said Harper')",
              "GUIDE: the claimant is the attributed source; a quotation is its speaker's, "
              "however many sentences it spans",
              "\"We got a registry that became a nightmare for hunters. It cost taxpayers some "
              "CA$ 2 billion and did nothing for safety,\" said Canadian Prime Minister Stephen "
              "Harper.", "2 billion", "CAN"),
    ClaimRule("claimant_continued", "a sentence that opens by pointing back at the figures of "
              "the one before ('That showed ...', 'Out of these, ...') goes on with that one's "
              "source", "linguistic: the pronoun ties its figures to the report just told",
              "The Canadian health ministry reported 5,667 cases this year. Out of these, 81 "
              "people had died.", "81", "CAN"),
)
"""Who asserts a figure (`claimant_of`), each rule with an example and the claimant's country
(tests/claims/test_roles.py runs them)."""


_NO_OWN_FIGURE = frozenset(t for t, quad in QUAD_CLASS.items() if quad in (1, 3))
"""Verbal events (PLOVER quad classes 1 and 3) whose clause reports a figure rather than counts
it ("the minister said 20 died", "AP called Nevada for 20 electoral votes"): the figure is the
toll's or the tally's, not the statement's."""


_TOLL_ROLES = frozenset({"dead", "injured", "missing", "casualties"})


def event_link(q: Quantity, role: str, events: list[Event], sentence_start: int = -1,
               sentence_end: int = -1, background: bool = True,
               violent: bool = False) -> tuple[str | None, str]:
    """(the event id `q` belongs to, or None; the link rule that decided)."""
    key = PLOVER_QUANTITY.get(role)
    if key is not None:
        tolls = [e for e in events if e.quantities.get(key) == q.value]
        here = [e for e in tolls if e.evidence.start <= q.start and q.end <= e.evidence.end]
        if here or tolls:
            return (here or tolls)[0].event_id, "link_event_toll"
    inside = [e for e in events if e.evidence.start <= q.start and q.end <= e.evidence.end
              and e.type not in _NO_OWN_FIGURE]
    if inside:
        best = min(inside, key=lambda e: (e.evidence.end - e.evidence.start, e.evidence.start))
        return best.event_id, "link_in_evidence"
    if role in _TOLL_ROLES:
        holder = next((e for e in events if e.type == "ASSAULT" and e.status == "asserted"
                       and e.evidence.start <= sentence_end and e.evidence.end >= sentence_start),
                      None)
        if holder is not None:
            return holder.event_id, "link_sentence_attack"
        first = next((e for e in events if e.type == "ASSAULT" and e.status == "asserted"
                      and (violent or e.actor.sector != "UNK")), None)  # an agentless report
        # ("four were killed amid clashes") holds the tolls of sentences that tell violence
        # (`violent`: "two were killed in a clash in Khiali"), not every toll of the article
        if first is not None and not background:
            return first.event_id, "link_article_attack"
    return None, "link_none"


_BACK_DETS = frozenset({"the", "that", "this"})


def _attack_told_again(span: Span) -> bool:
    """The sentence tells a toll of an attack already told, by a definite attack noun the
    casualty is in or from ("were killed in the attack", "died in the initial shelling")."""
    return any(t.pos_ == "NOUN" and (t.lemma_.lower() in ATTACK_NOUNS or
                                     t.lemma_.lower() in VIOLENCE_WORDS)
               and t.dep_ == "pobj" and t.head.lower_ in ("in", "during", "from")
               and any(c.dep_ == "det" and c.lower_ in _BACK_DETS for c in t.children)
               for t in span)


def _named_attack(event_id: str | None, events: list[Event]) -> str | None:
    """For a toll told again of an attack whose side the coder did not find (an agentless
    report, "six were killed in the attack"; a headline's "Gunman opens fire"), the article's
    first reported attack with a named side; else the event itself."""
    held = next((e for e in events if e.event_id == event_id), None)
    if held is None or held.type != "ASSAULT" or held.actor.country is not None:
        return event_id
    named = next((e for e in events if e.type == "ASSAULT" and e.status == "asserted"
                  and e.actor.country is not None), None)
    return named.event_id if named is not None else event_id


def link_claims(doc: Doc, claims: tuple[Claim, ...], figures: dict[str, Quantity],
                events: list[Event]) -> tuple[Claim, ...]:
    """Each claim with the event of its article it belongs to (`figures`: claim id -> its
    quantity), by LINK_RULES."""
    out = []
    for claim in claims:
        q = figures.get(claim.claim_id)
        span = doc.char_span(claim.evidence.start, claim.evidence.end, alignment_mode="expand")
        background = span is None or _background_sentence(span, claim.article_date)
        violent = span is not None and any(t.lemma_.lower() in VIOLENCE_WORDS for t in span)
        event_id = event_link(q, claim.role, events, claim.evidence.start,
                              claim.evidence.end, background, violent)[0] \
            if q is not None else None
        if event_id is not None and claim.role in _TOLL_ROLES and span is not None \
                and _attack_told_again(span):
            event_id = _named_attack(event_id, events)
        out.append(replace(claim, event_id=event_id) if event_id else claim)
    return tuple(out)
