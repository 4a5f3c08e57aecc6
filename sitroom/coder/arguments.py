"""Stage 2, arguments: the actor and recipient tokens of a trigger."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..nlp.lexicon import Predicate, load_lexicon
from .candidates import _sender, match_predicate, reduced_relative, split_subject_of, subject_of
from .rulings import unlawful_thing
from .syntax import (_child, _held_span, _message_noun, _raised_passive, _to_infinitive,
                     absolute_participle, governing_verb, headline_passive, party_modifier,
                     passive_voice, phrase_bounds, prep_object, shared_conjunct)
from .words import (ABSTRACT_TARGETS, ACCIDENT_NOUNS, ACTOR_ABSTRACTS, AGENT_PREPS, AGENT_VERBS,
                    ARMED_VICTIMS, ASPECT_VERBS, ATTACK_MEANS, ATTACK_NOUNS, CARRIERS,
                    CLAUSAL_TARGET,
                    CONTAINER_NOUNS, EFFORT_NOUNS, EMBEDDING, EVALUATIVE, FIRST_PERSON, GIVING,
                    HARM_VERBS, INDUSTRIAL_WORDS, INSTRUMENT_NOUNS, LIGHT_VERBS, MEANS_MODES,
                    MEANS_OR_BOMBER, MESSAGE_NOUNS, MOTION_VERBS, MUTUAL_TYPES, NAME_ENTS,
                    NOT_PARTICIPANT_ENTS, NOT_PARTICIPANT_WORDS, OWNER_PRONOUNS, PARTITIVES,
                    PARTY_PREPS, REACTIONS, RELATIVE, REPORTING, STOPPING_VERBS, SUBJECTS,
                    THING_NOUNS, THING_PRONOUNS, THING_SUFFIXES, VICTIM_VERBS, VIOLENCE_WORDS,
                    VIOLENT_VERBS, WEAPON_NOUNS)


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
    source = _source_of(noun, pred)
    if source is not None:
        return source
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


SOURCE_TYPES = frozenset({"ACCUSE", "REQUEST", "SUPPORT", "THREATEN", "AID", "AGREE", "REJECT"})
"""Acts a "from" phrase names the doer of ("criticism from its trading partners", "an offer
from MTA"); for force and deployments "from" is the place they come from."""


def _source_of(noun: Token, pred: Predicate) -> Token | None:
    """The doer a noun's phrase names without "by": "criticism from X" (a communicative act's
    source), "the refusal of X to bail out Y" (an act with its own infinitive: the "of" party
    does it, where "the arrest of X" is done to X)."""
    if pred.type in SOURCE_TYPES:
        source = prep_object(noun, frozenset({"from"}))
        if source is None and noun.dep_ == "dobj":
            source = prep_object(noun.head, frozenset({"from"}))  # "drew criticism from X"
        if source is not None and source.pos_ in ("NOUN", "PROPN") and not thing_noun(source):
            return source
    if any(c.dep_ in ("acl", "xcomp") and _to_infinitive(c) for c in noun.children):
        of = prep_object(noun, frozenset({"of"}))
        if of is not None and of.pos_ in ("NOUN", "PROPN") and not thing_noun(of):
            return of
    return None


def _allied(party: Token | None) -> bool:
    """Forces of several countries named together: "French and Egyptian warships"."""
    if party is None or party.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE") and any(
        d.dep_ == "conj" and d.ent_type_ in ("NORP", "GPE") for d in c.children)
        for c in party.children)


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


def _participle_patient(verb: Token) -> Token | None:
    """The one a bare participle was done to, read as a passive with no auxiliary of its own:
    raised from a passive above it, a headline's, an absolute "with X arrested", or the noun a
    reduced relative describes ("a man beheaded by militants")."""
    for find in (_raised_passive, headline_passive, absolute_participle, reduced_relative):
        patient = find(verb)
        if patient is not None:
            return patient
    return None


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
    if recipient is not None and pred.lemma in ("discuss", "negotiate", "debate") and \
            recipient.dep_ == "dobj":
        recipient = None  # "discussed his background, the pandemic and the economy": topics;
        # the party met is the "with" object
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
    if recipient is None and pred.unlawful:
        thing = unlawful_thing(verb)  # "ruled that the D.C. ban is unconstitutional"
        if thing is not None:  # the ban's owner: a law or act is no party
            recipient = _owner(thing) or actor_or_owner(thing)
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


def _stand_in(token: Token | None) -> Token | None:
    """Who a partitive stands for: "one of these groups, the SDF," -> the SDF; "some of the
    protesters" -> protesters."""
    if token is None or not (token.lower_ in PARTITIVES or token.like_num):
        return token
    return _child(token, "appos") or prep_object(token, frozenset({"of"})) or token


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
    causes = _attack_causes(trigger)
    if causes is None or any(_accidental(c) for c in causes):
        return None
    means = next((c for c in causes if c.lemma_.lower() in ATTACK_MEANS), None)
    if means is not None:
        if any(t.ent_type_ == "DATE" for t in means.subtree if t.i < means.i):
            return None  # "the 2005 bombings": another attack
        return means  # "a US drone strike": the coder names its party from the phrase
    return trigger if trigger.lemma_.lower() in VIOLENT_VERBS else None


def accidental_harm(trigger: Token) -> bool:
    """Harm told with no doer whose cause is an accident or disaster ("killed in a car
    crash", "a gas explosion killed ...")."""
    causes = _attack_causes(trigger)
    return causes is not None and any(_accidental(c) for c in causes)


def agentless_harm(trigger: Token) -> bool:
    """Violent harm told with no doer and no cause, in a sentence that tells of violence and of
    no accident: "four were killed and three injured amid clashes between rival clans",
    "two soldiers were killed in Kandahar" (the victims are armed forces). The annotation's
    convention (docs/annotation.md): an ASSAULT by an unknown actor. Harm with nothing to tell
    an attack from an accident ("three people were killed on Monday") stays uncoded."""
    if trigger.lemma_.lower() not in HARM_VERBS | VIOLENT_VERBS:
        return False
    if trigger.dep_ in ("pcomp", "acl", "pobj", "xcomp", "amod") or \
            any(c.dep_ == "auxpass" and c.lower_ == "being" for c in trigger.children):
        return False  # "the first report of a protester being shot": a mention, not a report
    causes = _attack_causes(trigger)
    if causes is None or any(_accidental(c) or c.lemma_.lower() in MEANS_OR_BOMBER
                             for c in causes):
        return False  # a named means is the implied attacker's ("the attack had killed 12")
    sent = trigger.sent
    lemmas = {t.lemma_.lower() for t in sent}
    if lemmas & ACCIDENT_NOUNS or any(_accidental(t) for t in sent if t.pos_ == "NOUN") or (
            lemmas & {"explosion", "blast"} and lemmas & INDUSTRIAL_WORDS):
        return False
    if lemmas & VIOLENCE_WORDS:
        return True
    victim = _child(trigger, "nsubjpass")
    return victim is not None and victim.lemma_.lower() in ARMED_VICTIMS


def _attack_causes(trigger: Token) -> list[Token] | None:
    """What caused the harm a verb tells when no doer is named; None when one is."""
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
    return _causes(trigger)


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
