"""The frame rules: what keeps, drops, retypes or re-assigns a candidate trigger, stage by stage
(sentence, candidate, arguments, type, status). `frames.py` applies them in this order."""
from __future__ import annotations

from spacy.tokens import Token

from ..nlp.lexicon import Predicate
from .arguments import (_allied, _embedded_under_trigger, _noun_recipient, _owner, _stand_in,
                        _verb_args, actor_or_owner, blamed_party, thing_noun, valid_participant)
from .candidate import Candidate
from .candidates import _capitalised_name, _question_sentence, match_predicate
from .conditions import (_carried_act, _concession_allowed, _crowd_control, _dated_elsewhere,
                         _eventful, _force_on_party, _force_purpose, _peacekeepers, _promised,
                         _protest_purpose, _protested, _reported_demand, _ultimatum,
                         _vowed)
from .rules import rule
from .status import status_of
from .syntax import prep_object
from .words import (ACCEPTING, ANNOUNCING, ATTACK_MEANS, EXERCISES, FIRST_PERSON, HARM_VERBS,
                    HEAVY, JOINT, LEAD_TOKENS, MILITARY_NOUNS, NAME_ENTS, OPENINGS, PUBLISHED,
                    STOPPING_VERBS, THREAT_MODE, VIOLENT_VERBS, VOWS)

NO_ROW = Predicate(lemma="", pos="", type="", mode=None, preps=frozenset())
"""The candidate's row before a rule gives it one: the token matched no lexicon row."""


def _retype(c: Candidate, type_: str, mode: str | None, status: str | None = None) -> None:
    c.type, c.mode = type_, mode
    if status is not None:
        c.status = status


def _reject_row(c: Candidate) -> None:
    c.pred = Predicate(lemma=c.lemma, pos="VERB", type="REJECT", mode=None, preps=frozenset())


QUESTION = rule(
    "question", "A question asked is not an event told.", "linguistic: a direct question",
    "sentence", "veto", lambda sent: _question_sentence(sent),
    positive=("Is this man who wants to blow up the canon a menace?",),
    negative=("This man wants to blow up the canon.",))

REPORTED_DEMAND = rule(
    "reported-demand", "\"X said Y must return the helicopter\": X's demand on Y (REQUEST).",
    "PLOVER: REQUEST, coded on the required act", "candidate", "add",
    lambda token: _reported_demand(token) is not None,
    positive=("Russia said Ukraine must return the helicopter.",),
    negative=("Russia said Ukraine returned the helicopter.",))


# candidate: is the token a trigger at all?

NOT_ACCEPTED = rule(
    "not-accepted", "\"will not accept any more refugees\": a refusal, coded REJECT.",
    "PLOVER: REJECT refuses a demand or proposal", "candidate", "retype",
    lambda c: c.pred == NO_ROW and c.token.pos_ == "VERB" and c.lemma in ACCEPTING
    and status_of(c.token) == "negated", _reject_row,
    positive=("Hungary will not accept any more refugees from Serbia.",),
    negative=("Hungary will accept more refugees from Serbia.",))
VERB_AS_MODIFIER = rule(
    "verb-as-modifier", "A verb row's word used as an adjective (\"the disputed area\").",
    "linguistic: a participle modifying a noun tells no act", "candidate", "veto",
    lambda c: c.pred.pos == "VERB" and c.token.dep_ in ("amod", "acomp"),
    positive=("The police arrested the detained protesters.",),
    negative=("The police arrested the protesters.",))
PROTEST_PURPOSE = rule(
    "protest-purpose", "\"staged demonstrations to demand reforms\": the demand is the protest's.",
    "PLOVER: one PROTEST, its demand the content", "candidate", "veto",
    lambda c: c.pred.pos == "VERB" and (
        (c.pred.type == "REQUEST" and _protest_purpose(c.token))
        or (c.pred.lemma == "protest" and _protest_purpose(c.token, nouns_only=True))),
    positive=("Students staged demonstrations in Tehran to demand reforms.",),
    negative=("Students demanded reforms in Tehran.",))
AS_OPPOSED = rule(
    "as-opposed-to", "\"as opposed to\": in contrast with, not opposition.",
    "linguistic: a fixed phrase", "candidate", "veto",
    lambda c: c.token.lower_ == "opposed" and c.token.i > 0 and c.token.nbor(-1).lower_ == "as",
    positive=("The Kenyan army, as opposed to the police, attacked the protesters.",),
    negative=("The Kenyan army, as well as the police, attacked the protesters.",))
FORCE_PURPOSE = rule(
    "force-purpose", "\"fired tear gas to disperse the crowd\": the force used is the event.",
    "PLOVER: one act of force, its purpose not a second act", "candidate", "veto",
    lambda c: c.pred.type == "COERCE" and _force_purpose(c.token),
    positive=("Police fired tear gas to disperse the crowd in Nairobi.",),
    negative=("Police dispersed the crowd in Nairobi.",))
NOT_A_CONCESSION = rule(
    "allowed-not-conceded", "\"the constitution allows re-election\": a standing state.",
    "PLOVER: CONCEDE eases a restriction on a party", "candidate", "veto",
    lambda c: c.pred.type == "CONCEDE" and c.lemma in ("allow", "permit")
    and not _concession_allowed(c.token),
    positive=("The constitution of Kenya allows President Kenyatta to seek re-election.",),
    negative=("Egypt allowed the opposition to hold rallies in Cairo.",))
PART_OF_NAME = rule(
    "part-of-name", "The word is part of a name: the Democratic Rally.",
    "linguistic: a named entity", "candidate", "veto",
    lambda c: c.token.ent_type_ in NAME_ENTS or _capitalised_name(c.token),
    positive=("The Organisation of Islamic Cooperation met in Jeddah.",),
    negative=("Saudi Arabia and Iran agreed to closer cooperation in Jeddah.",))
EMBEDDED = rule(
    "embedded-under-trigger", "An act embedded under another trigger is coded there.",
    "linguistic: one event per clause chain", "candidate", "veto",
    lambda c: _embedded_under_trigger(c.token) is not None,
    positive=("Kenya urged Uganda to withdraw its troops from the border.",),
    negative=("Uganda withdrew its troops from the border.",))
ACT_STOPPED = rule(
    "act-stopped", "\"called off the strike\": the act is stopped, not done.",
    "PLOVER: an act halted is not the act", "candidate", "veto",
    lambda c: c.pred.pos == "NOUN" and c.pred.type != "RETREAT"
    and c.token.dep_ in ("nsubj", "nsubjpass", "dobj")
    and (c.token.head.lemma_.lower() in STOPPING_VERBS | {"postpone", "cease"}
         or any(k.dep_ == "prt" and k.lower_ == "off" for k in c.token.head.children)),
    positive=("Kenya's military offensive suspended",),
    negative=("The unions began a strike in Lagos.",))


def _restated(c: Candidate) -> bool:
    token, pred = c.token, c.pred
    if pred.pos != "NOUN" or token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = match_predicate(token.head)
    return (head or pred).type == pred.type and token.head.i != token.i and head is not None


RESTATED_BY_VERB = rule(
    "restated-by-verb", "\"the bombing killed five\": one event, coded on the verb.",
    "PLOVER: one event per act", "candidate", "veto", _restated,
    positive=("A bombing killed five soldiers in Kabul.",),
    negative=("The bombing prompted protests in Kabul.",))


# arguments: who acts, on whom


def _place_attacker(c: Candidate) -> bool:
    return c.pred.type == "ASSAULT" and c.actor is not None \
        and c.actor.dep_ in ("compound", "nmod") and c.actor.ent_type_ in ("GPE", "LOC", "FAC")


def _blamed(c: Candidate) -> None:
    c.actor = valid_participant(_stand_in(blamed_party(c.sent))) or c.actor


PLACE_NOT_ATTACKER = rule(
    "place-not-attacker", "\"a Kabul car bombing\": the place says where; the party blamed did it.",
    "linguistic: a place modifier names no agent", "arguments", "reassign", _place_attacker,
    _blamed, positive=("A Kabul car bombing killed five people.",),
    negative=("A Taliban car bombing killed five people.",))
PUBLISHED_ATTACK = rule(
    "published-attack", "\"brochures attacking his rivals\": words, not force.",
    "PLOVER: ASSAULT is force", "arguments", "veto",
    lambda c: c.pred.type == "ASSAULT" and c.actor is not None
    and c.actor.lemma_.lower() in PUBLISHED,
    positive=("He printed brochures attacking his political rivals in Lagos.",),
    negative=("Supporters of the governor attacked his political rivals in Lagos.",))
THING_ACTOR = rule(
    "thing-actor-owner", "\"the Turkish statement called for ...\": the statement's owner acts.",
    "linguistic: a message speaks for its sender", "arguments", "reassign",
    lambda c: c.actor is not None and c.actor.pos_ == "NOUN" and thing_noun(c.actor),
    lambda c: setattr(c, "actor", _owner(c.actor)),
    positive=("The Turkish statement called for an end to the fighting in Syria.",),
    negative=("The Turkish government called for an end to the fighting in Syria.",))


def _aimed_at(c: Candidate) -> None:
    preps = c.pred.preps
    c.recipient = prep_object(c.token, preps) or prep_object(c.instrument, preps)


def _owners_of_thing(c: Candidate) -> None:
    preps = c.pred.preps - {"of"}
    c.recipient = actor_or_owner(c.recipient) or actor_or_owner(
        prep_object(c.token, preps) or prep_object(c.recipient, preps))


INSTRUMENT_TARGET = rule(
    "instrument-target", "\"fired shells at Seoul\": Seoul, not the shells, is the recipient.",
    "linguistic: a weapon is the means", "arguments", "reassign",
    lambda c: c.instrument is not None, _aimed_at,
    positive=("North Korea fired shells at Seoul.",),
    negative=("North Korea shelled Seoul.",))
THING_RECIPIENT = rule(
    "thing-recipient-owner", "\"demanded an explanation from Russia\": Russia.",
    "linguistic: a thing's owner is the party", "arguments", "reassign",
    lambda c: c.recipient is not None and thing_noun(c.recipient), _owners_of_thing,
    positive=("Britain demanded an explanation from Russia.",),
    negative=("Britain demanded an apology from Russia.",))


def _first_person(c: Candidate) -> bool:
    return c.pred.pos == "VERB" and c.actor is not None and c.actor.lower_ in FIRST_PERSON \
        and c.speaker is not None and status_of(c.token) in ("future", "hypothetical")


def _speaker_acts(c: Candidate) -> None:
    c.first_person, c.actor = True, c.speaker


FIRST_PERSON_SPEAKER = rule(
    "first-person-speaker", "\"'We will respond,' the minister said\": the minister.",
    "linguistic: a promise or threat in the first person", "arguments", "reassign",
    _first_person, _speaker_acts,
    positive=("\"We will destroy their bases,\" the defence minister said.",),
    negative=("The defence minister said they destroyed the bases.",))


def _blamable(c: Candidate) -> bool:
    """An asserted attack with no agent, near the lead or the party blamed, not on it."""
    p, sent = c.perpetrator, c.sent
    return c.actor is None and c.pred.type == "ASSAULT" and p is not None \
        and status_of(c.token) == "asserted" \
        and (sent.start <= p.i < sent.end or sent.start < LEAD_TOKENS) \
        and (c.recipient is None or c.recipient.i != p.i)


DATED_ELSEWHERE = rule(
    "dated-elsewhere", "\"last week's bombing\": another attack than the one the article blames.",
    "linguistic: an attack noun with its own date", "arguments", "block",
    lambda c: _blamable(c) and _dated_elsewhere(c.token),
    positive=("Kenyan police blamed al-Shabaab for the attack. Fans left the stadium after "
              "last week's bombing.",),
    negative=("Kenyan police blamed al-Shabaab for the attack. Fans left the stadium after "
              "the bombing.",))
PERPETRATOR = rule(
    "blamed-perpetrator", "The lead attack with no named agent: whom the article blames.",
    "linguistic: the article names its attacker once", "arguments", "reassign",
    lambda c: _blamable(c) and not _dated_elsewhere(c.token),
    lambda c: setattr(c, "actor", c.perpetrator),
    positive=("A bomb killed five soldiers in Kabul. The Taliban claimed responsibility.",),
    negative=("A bomb killed five soldiers in Kabul.",))
NOT_ITS_OWN_RECIPIENT = rule(
    "not-its-own-recipient", "The actor's token is not its recipient too.",
    "linguistic: a misparse", "arguments", "reassign",
    lambda c: c.actor is not None and c.recipient is not None and c.actor.i == c.recipient.i,
    lambda c: setattr(c, "recipient", None),
    positive=("There have been clashes between Turkey and the PKK in recent weeks.",),
    negative=("Turkey clashed with the PKK in recent weeks.",))


# type: what kind of event


def _heavy(c: Candidate) -> bool:
    tool = c.instrument
    return c.type == "ASSAULT" and c.mode == "firearms" and tool is not None and bool(
        {tool.lemma_.lower(), *(k.lower_ for k in tool.children)} & HEAVY)


CROWD_CONTROL = rule(
    "crowd-control", "Tear gas, water cannon, rubber bullets: crowd control, not firearms.",
    "PLOVER: ASSAULT mode crowd-control", "type", "retype",
    lambda c: c.type == "ASSAULT" and _crowd_control(c.token, c.instrument),
    lambda c: setattr(c, "mode", "crowd-control"),
    positive=("Police fired tear gas at protesters in Nairobi.",),
    negative=("Police fired live rounds at protesters in Nairobi.",))
HEAVY_WEAPONS = rule(
    "heavy-weapons", "\"fired mortar rounds at the village\": heavy weapons.",
    "PLOVER: ASSAULT mode heavy-weapons", "type", "retype", _heavy,
    lambda c: setattr(c, "mode", "heavy-weapons"),
    positive=("Syrian rebels fired mortar shells at government troops.",),
    negative=("Syrian rebels fired rifles at government troops.",))


def _partner(c: Candidate) -> Token | None:
    return _noun_recipient(c.token, c.pred) if c.lemma in EXERCISES else None


def _joint(c: Candidate) -> bool:
    return c.type == "MOBILIZE" and c.pred.pos == "NOUN" and (
        _partner(c) is not None
        or any(k.dep_ == "amod" and k.lower_ in JOINT for k in c.token.children)
        or (c.lemma in EXERCISES and _allied(c.actor)))


def _cooperate(c: Candidate) -> None:
    _retype(c, "COOPERATE", None)
    c.recipient = c.recipient or _partner(c)


JOINT_EXERCISE = rule(
    "joint-exercise", "Joint exercises or patrols are cooperation, not mobilisation.",
    "PLOVER: COOPERATE (plover.json: joint military exercises)", "type", "retype", _joint,
    _cooperate, positive=("China and Russia held joint military exercises.",),
    negative=("China held military exercises near Taiwan.",))
PEACEKEEPERS = rule(
    "peacekeepers", "Peacekeepers sent or arriving: protection, coded AID.",
    "PLOVER: AID (CAMEO 074, peacekeeping)", "type", "retype",
    lambda c: c.type == "MOBILIZE" and _peacekeepers(c.token),
    lambda c: _retype(c, "AID", None),
    positive=("The UN deployed peacekeepers to Mali.",),
    negative=("France deployed troops to Mali.",))
ABSTRACT_TARGET = rule(
    "abstract-target", "\"attacked the investigation\": words, not force.",
    "PLOVER: ACCUSE disapprove", "type", "retype",
    lambda c: c.type == "ASSAULT" and c.abstract_target and (
        c.pred.pos == "VERB" or c.pred.lemma in ("attack", "assault")),
    lambda c: _retype(c, "ACCUSE", "disapprove"),
    positive=("The senator attacked the investigation of the FBI.",),
    negative=("Gunmen attacked the offices of the FBI.",))
FORCE_WORDS = HARM_VERBS | VIOLENT_VERBS | ATTACK_MEANS | MILITARY_NOUNS


def _reason(prep: Token) -> bool:
    """A "for", "over" or "as" phrase giving a reason or a description, not a place or a time
    ("over its record", not "over the border" or "for two hours")."""
    obj = next((ch for ch in prep.children if ch.dep_ == "pobj"), None)
    return prep.lower_ in ("for", "over", "as") and obj is not None and \
        obj.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME") and \
        obj.lemma_.lower() not in ("border", "frontier", "area", "region", "night", "hour")


def _verbal_attack(c: Candidate) -> bool:
    """An attack with a reason ("attacked Labour over its record", "attacked the ruling as a
    political strategy"), or by a named person on a named party, with no force, weapon, harm
    or armed force told anywhere else in the sentence."""
    token = c.token
    if c.type != "ASSAULT" or c.pred.pos != "VERB" or token.lemma_.lower() not in (
            "attack", "assail") or c.instrument is not None:
        return False
    preps = [ch for ch in token.children if ch.dep_ == "prep"]
    if c.recipient is not None:
        preps += [ch for ch in c.recipient.children if ch.dep_ == "prep"]
    if any(p.lower_ == "with" for p in preps) or any(
            t.i != token.i and t.lemma_.lower() in FORCE_WORDS for t in c.sent):
        return False
    named = c.actor is not None and c.actor.ent_type_ == "PERSON" and c.recipient is not None \
        and c.recipient.ent_type_ in ("PERSON", "ORG", "NORP")
    return named or any(_reason(p) for p in preps)


VERBAL_ATTACK = rule(
    "verbal-attack", "\"Obama attacked McCain over taxes\": words, not force.",
    "PLOVER: ACCUSE disapprove (criticism)", "type", "retype", _verbal_attack,
    lambda c: _retype(c, "ACCUSE", "disapprove"),
    positive=("Obama attacked McCain over his record on taxes.",
              "Mason attacked the Labour Party for its record on crime."),
    negative=("Gunmen attacked a police station over the border.",
              "Rebels attacked the army in Kivu, killing four soldiers."))
PREPARED_NOTHING = rule(
    "prepared-no-offer", "\"prepared to address the nation\": nothing offered.",
    "PLOVER: AGREE offers an act", "type", "veto",
    lambda c: c.pred.pos == "ADJ" and c.token.lower_ == "prepared"
    and not _eventful(c.inner, c.inner_pred),
    positive=("The president is prepared to address the nation.",),
    negative=("Israel is prepared to lift the ban on Gaza.",))


def _vowed_force(c: Candidate) -> bool:
    inner = c.inner_pred
    return c.type == "AGREE" and (c.lemma in VOWS or c.pred.pos == "ADJ") \
        and inner is not None and inner.type in THREAT_MODE \
        and (inner.type != "ASSAULT" or _force_on_party(c.inner))


def _ready_to_impose(c: Candidate) -> bool:
    if c.type != "AGREE" or c.inner is None or not (c.lemma in VOWS or c.pred.pos == "ADJ"):
        return False
    act = _carried_act(c.inner)
    return act is not None and act.type in THREAT_MODE


VOWED_FORCE = rule(
    "vowed-force", "\"pledged to fight on\", \"ready to fight\": force offered is a threat.",
    "PLOVER: THREATEN", "type", "retype", _vowed_force, lambda c: setattr(c, "type", "THREATEN"),
    positive=("The rebels pledged to fight on against the government.",),
    negative=("The rebels pledged to join peace talks with the government.",))
READY_TO_IMPOSE = rule(
    "ready-to-impose", "\"ready to impose martial law\": a threat of the carried act.",
    "PLOVER: THREATEN", "type", "retype", _ready_to_impose,
    lambda c: _retype(c, "THREATEN", THREAT_MODE[_carried_act(c.inner).type]),
    positive=("The Thai army is ready to impose martial law in Bangkok.",),
    negative=("The Thai army imposed martial law in Bangkok.",))
def _conceded_to(c: Candidate) -> Token | None:
    """Toward whom a concession goes: the party allowed to act ("allowed Biden to visit
    Beijing": Biden), else the object of the admitted act ("admitted shooting down the jet")."""
    assert c.inner is not None and c.inner_pred is not None
    if any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in c.inner.children):
        allowed = next((ch for ch in c.inner.children if ch.dep_ == "nsubj"), None)
        if allowed is not None:
            return allowed
    return _verb_args(c.inner, c.inner_pred, c.sent)[1]


CONCESSION_TOWARD = rule(
    "concession-toward", "\"admitted hitting X\": the concession is toward X.",
    "linguistic: the admitted act's object, or the party allowed to act", "type", "reassign",
    lambda c: c.type == "CONCEDE" and c.recipient is None and c.inner_pred is not None
    and c.inner is not None and c.inner_pred.pos != "NOUN",
    lambda c: setattr(c, "recipient", _conceded_to(c)),
    positive=("Iran admitted that its military had shot down a Ukrainian passenger jet.",
              "China allowed Biden to visit Beijing."),
    negative=("Iran admitted responsibility for the downing of a Ukrainian passenger jet.",))
PROTESTED = rule(
    "protested-target", "\"began a hunger strike to protest X's ...\": X.",
    "linguistic: the purpose names what is protested", "type", "reassign",
    lambda c: c.type == "PROTEST" and c.recipient is None and c.pred.pos == "NOUN"
    and c.token.dep_ == "dobj", lambda c: setattr(c, "recipient", _protested(c.token.head)),
    positive=("Palestinian prisoners began a hunger strike to protest Israel's detention policy.",),
    negative=("A hunger strike by Palestinian prisoners against Israel's detention policy "
              "entered its second week.",))


# status: done, negated, future; promises and threats

NOT_ACCEPTED_REJECT = rule(
    "refused-acceptance", "\"did not accept the terms\": a rejection, told as done.",
    "PLOVER: REJECT", "status", "retype",
    lambda c: c.status == "negated" and c.type in ("AGREE", "CONCEDE", "REJECT")
    and c.lemma in ACCEPTING | {"agreement", "deal"},
    lambda c: _retype(c, "REJECT", None, "asserted"),
    positive=("Iran did not accept the terms of the deal.",),
    negative=("Iran accepted the terms of the deal.",))
OWN_WORD = rule(
    "own-word-speaker", "\"X said they would boycott the talks\": X.",
    "linguistic: a pronoun in a report is its speaker", "status", "reassign",
    lambda c: c.own_word, lambda c: setattr(c, "actor", c.speaker),
    positive=("The Kenyan opposition said they would boycott the talks with Uganda.",),
    negative=("The Kenyan opposition said the government would boycott the talks with Uganda.",))


def _threat(c: Candidate) -> None:
    _retype(c, "THREATEN", c.threat_mode, "asserted")


ULTIMATUM = rule(
    "ultimatum", "\"will withdraw unless X\": a threat.",
    "PLOVER: THREATEN (an ultimatum)", "status", "retype",
    lambda c: c.status == "future" and _ultimatum(c.token), _threat,
    positive=("Russia will withdraw its forces unless Ukraine agrees to talks.",),
    negative=("Russia will withdraw its forces from Kherson.",))
FUTURE_THREAT = rule(
    "future-threat", "\"they would boycott the talks\": said of one's own coming act, a threat.",
    "PLOVER: THREATEN", "status", "retype",
    lambda c: (c.first_person or c.own_word) and c.status == "future"
    and c.threat_mode is not None, _threat,
    positive=("The Kenyan opposition said they would boycott the talks with Uganda.",),
    negative=("The Kenyan opposition boycotted the talks with Uganda.",))
VOWED = rule(
    "vowed", "\"have sworn to fight\": a warning of force, not force used.",
    "PLOVER: THREATEN", "status", "retype",
    lambda c: _vowed(c.token) and c.status in ("asserted", "future")
    and c.threat_mode is not None, _threat,
    positive=("The rebels vowed to attack government troops.",),
    negative=("The rebels attacked government troops.",))
PROMISED_COOPERATION = rule(
    "promised-cooperation", "A promise to meet, support or cooperate is an agreement.",
    "PLOVER: AGREE (a promise to cooperate)", "status", "retype",
    lambda c: c.status == "future" and c.type in ("CONSULT", "SUPPORT", "COOPERATE", "AID"),
    lambda c: _retype(c, "AGREE", None, "asserted"),
    positive=("Japan will send aid to Haiti.",),
    negative=("Japan sent aid to Haiti.",))
PROMISED_RELEASE = rule(
    "promised-release", "\"said it would release them\": an offer.",
    "PLOVER: AGREE yield (CAMEO 0354, 0355)", "status", "retype",
    lambda c: c.status == "future" and (c.mode in ("release", "access") or c.lemma in OPENINGS)
    and c.type in ("RETREAT", "CONCEDE") and _promised(c.token),
    lambda c: _retype(c, "AGREE", "yield", "asserted"),
    positive=("Iran said it would release the British sailors.",),
    negative=("Iran released the British sailors.",))
RETREAT_ANNOUNCED = rule(
    "retreat-announced", "A withdrawal announced, not yet carried out, is a concession.",
    "PLOVER: CONCEDE (declaring, not implementing)", "status", "retype",
    lambda c: c.type == "RETREAT" and c.token.dep_ != "relcl" and (
        c.status == "future" or (c.pred.pos == "NOUN" and c.token.head.lemma_ in ANNOUNCING)),
    lambda c: _retype(c, "CONCEDE", c.mode, "asserted"),
    positive=("Russia will withdraw its troops from Georgia.",),
    negative=("Russia withdrew its troops from Georgia.",))

