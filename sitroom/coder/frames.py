"""Stages 1-4 for one sentence: candidate frames, arguments, status and the frame rules."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..nlp.lexicon import Predicate
from .arguments import (_allied, _embedded_under_trigger, _event_agent, _hint_index, _noun_actor,
                        _noun_recipient, _owner, _stand_in, _verb_args, actor_or_owner,
                        blamed_party, coordinated, means_mode, thing_noun, valid_participant)
from .candidates import _capitalised_name, _question_sentence, match_predicate, split_subject_of
from .conditions import (_carried_act, _concession_allowed, _crowd_control, _dated_elsewhere,
                         _eventful, _force_on_party, _force_purpose, _peacekeepers, _promised,
                         _protest_purpose, _protested, _reported_demand, _ultimatum, _vowed)
from .frame import Frame
from .status import attribution_of, quote_speaker, status_of
from .syntax import _child, prep_object
from .words import (ABSTRACT_TARGETS, ACCEPTING, ANNOUNCING, CARRYING_ON, EMBEDDING, EXERCISES,
                    FIRST_PERSON, HEAVY, INSTRUMENT_NOUNS, JOINT, LEAD_TOKENS, LIGHT_VERBS,
                    MODE_FROM_INNER, MUTUAL_TYPES, NAME_ENTS, OPENINGS, OWN_PRONOUNS, PUBLISHED,
                    STOPPING_VERBS, SUBJECTS, THREAT_MODE, THREAT_PROTEST, VOWS)


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


def find_frames(doc: Doc) -> list[Frame]:
    """All frames in a parsed document, in text order."""
    perpetrator = blamed_party(doc)
    return [frame for sent in doc.sents for frame in frames_in_sentence(sent, perpetrator)]
