"""Stage 6, event: a frame's tokens become parties, and the frame an Event, unless an event rule
vetoes it. The event rules (re-assigning parties, vetoing) are declared here, in the order
`event_from_frame` applies them."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Token

from ..actors import ActorKB
from ..nlp.dates import DateResolution, latest_day
from ..nlp.quantities import Quantity, event_quantities
from ..ontology import cameo_root, goldstein
from ..places import Gazetteer
from ..records import Actor, Article, Event, Place, stable_id
from .arguments import accidental_harm
from .candidates import reduced_relative
from .dates import BACKGROUND_DAYS, event_date
from .event_checks import (_business_act, _place_modifier, _standing_position, _undated_past,
                           attack_owner, event_location, state_authority, unknown_attacker,
                           unnamed_attacker, unnamed_protesters)
from .frame import Frame
from .merge import _same_party
from .parties import (_evidence, _known, _party_word, _same_words, resolve_participant,
                      resolve_speaker)
from .rules import first, rule
from .syntax import _child, prep_object
from .words import ALLEGED_TYPES, ARMED, COOPERATIVE, POLITICAL


@dataclass
class Draft:
    """A frame on its way to an Event: the event rules' subject, which they change."""

    doc: Doc
    frame: Frame
    article: Article
    kb: ActorKB
    home: str | None
    gazetteer: Gazetteer | None
    headline: bool
    actor_tok: Token | None = None
    recipient_tok: Token | None = None
    actor: Actor | None = None
    recipient: Actor | None = None
    implied: Actor | None = None  # the implied actor an event rule found
    owner: Token | None = None  # the party named in an attack's own phrase
    said_by: Actor | None = None
    when: date | None = None  # the event's date, once known
    precision: str | None = None
    fired: list[str] = field(default_factory=list)

    @property
    def trigger(self) -> Token:
        """The frame's trigger token."""
        return self.doc[self.frame.trigger]

    def resolve(self, token: Token | None, other: Token | None, whole: bool = False
                ) -> Actor | None:
        """The Actor a token names, `other` being the other party's token."""
        return resolve_participant(self.doc, token, self.article.date, self.kb, self.home,
                                   other, other_whole=whole)


def _not_actor(d: Draft) -> None:
    d.actor_tok = None


def _owner_acts(d: Draft) -> bool:
    if d.actor_tok is not None or d.recipient is None:
        return False
    d.owner = attack_owner(d.doc, d.frame, d.kb, d.article.date, d.gazetteer)
    return d.owner is not None


def _owner_resolved(d: Draft) -> None:
    d.actor = d.resolve(d.owner, d.recipient_tok, whole=True)
    d.recipient = d.resolve(d.recipient_tok, d.owner)


PLACE_NOT_ACTOR = rule(
    "place-not-actor", "A town or region in the actor's place is where, not who.",
    "linguistic: a place modifier names no agent", "parties", "reassign",
    lambda d: d.actor_tok is not None and d.gazetteer is not None
    and _place_modifier(d.actor_tok, d.gazetteer, d.kb, d.article.date), _not_actor,
    positive=("The Mumbai attacks killed 166 people.",),
    negative=("A Taliban car bombing killed five people.",))
ATTACK_OWNER = rule(
    "attack-owner", "\"killed in a US drone strike\": the US, not a country near the victim.",
    "linguistic: the attack's own phrase names its owner", "parties", "reassign", _owner_acts,
    _owner_resolved, positive=("Five militants were killed in a US drone strike in Pakistan.",),
    negative=("Five militants were killed in a drone strike near the Afghan border.",))


def _implied(find: Callable[[Draft], Actor | None]) -> Callable[[Draft], bool]:
    """A rule test: no actor token and no actor, and `find` gives an implied one (kept for
    the rule's action)."""
    def when(d: Draft) -> bool:
        if d.actor is not None or d.actor_tok is not None:
            return False
        d.implied = find(d)
        return d.implied is not None
    return when


def _implied_acts(d: Draft) -> None:
    d.actor = d.implied


ACCIDENTAL = rule(
    "accidental", "\"killed in a car crash\": an accident or disaster, no implied attacker.",
    "PLOVER: ASSAULT is deliberate force", "parties", "block",
    lambda d: d.actor is None and d.actor_tok is None and d.recipient is not None
    and d.frame.type == "ASSAULT" and d.frame.status == "asserted"
    and accidental_harm(d.trigger),
    positive=("Three Kenyan soldiers were killed in a car crash near Garissa.",),
    negative=("Three Kenyan soldiers were killed in a roadside bombing near Garissa.",))
IMPLIED_ATTACKER = rule(
    "implied-attacker", "\"a roadside bomb killed three soldiers\": [unidentified attackers].",
    "PLOVER: ASSAULT needs an actor; UAF when unnamed", "parties", "reassign",
    _implied(lambda d: unnamed_attacker(d.doc, d.frame, d.recipient)), _implied_acts,
    positive=("A roadside bomb killed three Afghan soldiers in Helmand.",),
    negative=("The Taliban killed three Afghan soldiers in Helmand.",))
UNKNOWN_ATTACKER = rule(
    "unknown-attacker", "\"four were killed amid clashes\": violence, no doer named: [unknown].",
    "PLOVER: ASSAULT by an unknown actor (docs/annotation.md: agentless violence)",
    "parties", "reassign", _implied(lambda d: unknown_attacker(d.doc, d.frame)), _implied_acts,
    positive=("Four were killed and three injured amid clashes between rival clans in Jonglei.",
              "Two soldiers were killed in Kandahar on Monday."),
    negative=("Four people were killed in a bus crash in Jonglei.",
              "Three people were killed in Jonglei on Monday."))
IMPLIED_AUTHORITY = rule(
    "implied-authority", "\"X was arrested in Lebanon\": [authorities] of Lebanon.",
    "PLOVER: only a state arrests or sentences", "parties", "reassign",
    _implied(lambda d: state_authority(d.doc, d.frame, d.recipient, d.home, d.gazetteer)),
    _implied_acts,
    positive=("The Syrian activist was arrested in Beirut on Monday.",),
    negative=("Lebanese police arrested the Syrian activist in Beirut on Monday.",))
IMPLIED_PROTESTERS = rule(
    "implied-protesters", "\"Protests erupted in San Salvador\": [protesters] of El Salvador.",
    "PLOVER: PROTEST by unnamed civilians (as ACLED codes them)", "parties", "reassign",
    _implied(lambda d: unnamed_protesters(d.doc, d.frame, d.home, d.gazetteer)),
    _implied_acts, positive=("Protests erupted in San Salvador on Monday.",
                             "Thousands joined a protest against the new tax in Nairobi."),
    negative=("Students protested against the government in San Salvador on Monday.",
              "Thousands joined the talks on the new tax in Nairobi."))
NO_ACTOR = rule(
    "no-actor", "Nobody we can name or type: not an event an analyst can use.",
    "PLOVER: an event has an actor", "event", "veto", lambda d: _known(d.actor) is None,
    positive=("Something attacked the village.",),
    negative=("Rebels attacked the village on Monday.",))
THING_CUT_OFF = rule(
    "thing-done-to", "\"the town's water supplies cut off by rebels\": a thing, not a party.",
    "PLOVER: events are between parties", "event", "veto",
    lambda d: reduced_relative(d.trigger) is not None
    and not _party_word(d.recipient_tok, d.kb, d.article.date),
    positive=("The buildings destroyed by Syrian rebels in Homs were rebuilt.",),
    negative=("A Turkish engineer kidnapped by Taliban fighters was freed in Kandahar.",))
FIGHT_VERBS = frozenset(("fight", "combat", "battle", "tackle"))
FIGHT_PREPS = frozenset(("against", "with"))
FIGHT_A_PROBLEM = rule(
    "fight-a-problem", "\"determined to fight poverty\": a campaign against an ill, not force.",
    "PLOVER: ASSAULT is force against a party", "event", "veto",
    lambda d: d.frame.type == "ASSAULT" and d.trigger.lemma_.lower() in FIGHT_VERBS
    and (target := _child(d.trigger, "dobj") or prep_object(d.trigger, FIGHT_PREPS)) is not None
    and target.pos_ == "NOUN"
    and not _party_word(target, d.kb, d.article.date),
    positive=("The Kenyan president vowed to fight corruption in Nairobi on Monday.",
              "The Kenyan government fought against drug trafficking in Mombasa on Monday."),
    negative=("Kenyan troops fought al-Shabaab militants in Lamu on Monday.",
              "Protesters fought the police in Nairobi on Monday."))
SAME_WORDS = rule(
    "recipient-is-actor", "\"the Speaker Ian Causley asked him\": \"him\" is someone else.",
    "linguistic: a pronoun resolved back to the actor", "event", "reassign",
    lambda d: d.recipient is not None and _same_words(d.actor.text, d.recipient.text),
    lambda d: setattr(d, "recipient", None),
    positive=("The Deputy Speaker Ian Causley asked him to leave the chamber.",),
    negative=("The Deputy Speaker Ian Causley asked the minister to leave the chamber.",))
BUSINESS = rule(
    "business-act", "\"Rolls-Royce will supply engines\": trade, not a political act.",
    "PLOVER: events are political; trade is not", "event", "veto",
    lambda d: _business_act(d.frame.type, d.actor, d.recipient),
    positive=("The Kenya Power Company made an offer to buy Ugandan power plants.",),
    negative=("The Kenyan government made an offer to buy Ugandan power plants.",))
SELF = rule(
    "acting-on-itself", "A party acting on itself is a misreading of the sentence.",
    "linguistic: a misparse", "event", "veto",
    lambda d: d.recipient is not None and bool(d.actor.entity)
    and d.actor.entity == d.recipient.entity,
    positive=("The Kenyan government criticised the government of Kenya.",),
    negative=("The Kenyan government criticised the government of Uganda.",))
STANDING = rule(
    "standing-position", "\"Most Kurds support the new constitution\": a stance, not an act.",
    "PLOVER: events are dated acts", "event", "veto",
    lambda d: not d.headline and _standing_position(d.trigger),
    positive=("Kenya held talks. The Green Party supports electoral reform in Kenya.",),
    negative=("Kenya held talks. The Green Party supported electoral reform in Kenya.",))
UNDATED = rule(
    "undated-past", "\"the police have used force against protesters before\": background.",
    "PLOVER: events are news of the article", "event", "veto",
    lambda d: _undated_past(d.trigger),
    positive=("Police in Kenya have attacked protesters before.",
              "The Kenyan opposition has accused the government of fraud on several occasions."),
    negative=("Police in Kenya attacked protesters on Monday.",
              "Kenyan police have arrested over 500 protesters in Nairobi since January."))
SPEAKER_IS_ACTOR = rule(
    "speaker-is-actor", "The source is the actor itself: no separate source.",
    "linguistic: a party reporting its own act", "event", "reassign",
    lambda d: d.said_by is not None and _same_party(d.said_by, d.actor),
    lambda d: setattr(d, "said_by", None),
    positive=("Kenya said it attacked Somali militants on Monday.",),
    negative=("Uganda said Kenya attacked Somali militants on Monday.",))
BACKGROUND = rule(
    "background-date", "Dated more than 14 days before the article: background, not news.",
    "PLOVER: events are news of the article (annotation guide)", "event", "veto",
    lambda d: d.when is not None and (
        d.article.date - latest_day(d.when, d.precision)).days > BACKGROUND_DAYS,
    positive=("Kenya attacked Somalia in August 2018.",),
    negative=("Kenya attacked Somalia on Monday.",))
ALLEGATION = rule(
    "allegation", "A political actor reporting another's hostile act also accuses it.",
    "PLOVER: ACCUSE allege", "event", "add", lambda event: allegation(event) is not None,
    positive=("The US Secretary of State said Russian forces attacked Ukrainian troops.",),
    negative=("Russian forces attacked Ukrainian troops in Donetsk.",))


def _parties(d: Draft) -> None:
    """The actor and recipient, and the rules that re-assign them."""
    frame, doc = d.frame, d.doc
    d.actor_tok = doc[frame.actor] if frame.actor is not None else None
    d.recipient_tok = doc[frame.recipient] if frame.recipient is not None else None
    PLACE_NOT_ACTOR.fires(d, d.fired)
    d.actor = d.resolve(d.actor_tok, d.recipient_tok, whole=True)  # the accused's country is
    d.recipient = d.resolve(d.recipient_tok, d.actor_tok)  # not the actor's
    ATTACK_OWNER.fires(d, d.fired)
    first(d, d.fired, ACCIDENTAL, IMPLIED_ATTACKER, UNKNOWN_ATTACKER, IMPLIED_AUTHORITY,
          IMPLIED_PROTESTERS)


def _vetoed(d: Draft) -> bool:
    """Whether an event rule drops the draft (after settling its parties)."""
    if NO_ACTOR.fires(d, d.fired) or THING_CUT_OFF.fires(d, d.fired) or \
            FIGHT_A_PROBLEM.fires(d, d.fired):
        return True
    SAME_WORDS.fires(d, d.fired)
    return any(r.fires(d, d.fired) for r in (BUSINESS, SELF, STANDING, UNDATED))


def _confidence(actor: Actor | None, recipient: Actor | None) -> float:
    score = 0.45
    if actor is not None and actor.country:
        score += 0.3 * actor.confidence
    if recipient is not None and recipient.country:
        score += 0.15 * recipient.confidence
    return min(score, 0.95)


def _event(d: Draft, quantities: list[Quantity] | None) -> Event:
    doc, frame, article, actor, recipient = d.doc, d.frame, d.article, d.actor, d.recipient
    assert actor is not None
    root = cameo_root(frame.type, frame.mode, frame.lemma)
    context = [c for c in (d.home, actor.country, recipient.country if recipient else None) if c]
    location = event_location(doc, frame, d.gazetteer, context) if d.gazetteer else None
    actor = local_crowd(actor, location)
    return Event(
        event_id=stable_id(article.id, d.trigger.idx, frame.type,
                           *((frame.part,) if frame.part else ())),
        article_id=article.id, origin=article.origin, article_date=article.date,
        type=frame.type, mode=frame.mode, status=frame.status, actor=actor, recipient=recipient,
        date=d.when, date_precision=d.precision,
        location=location, said_by=d.said_by, cameo_root=root,
        quantities=event_quantities(doc[frame.sent_start:frame.sent_end], d.trigger,
                                    quantities or []),
        goldstein=goldstein(root), evidence=_evidence(doc, frame),
        confidence=_confidence(actor, recipient), rules=frame.rules + tuple(d.fired))


def event_from_frame(doc: Doc, frame: Frame, article: Article, kb: ActorKB,
                     home: str | None = None, gazetteer: Gazetteer | None = None,
                     quantities: list[Quantity] | None = None,
                     reference: DateResolution | None = None,
                     headline: bool = False, trace: list[tuple[int, str]] | None = None
                     ) -> Event | None:
    """Resolve one frame into an Event, or None when an event rule vetoes it. `reference` is the
    narrative's reference time at the frame's sentence; `headline`: the frame is in the title;
    `trace` collects the event rules that fired."""
    d = Draft(doc, frame, article, kb, home, gazetteer, headline)
    event = _drafted(d, quantities, reference)
    if trace is not None:
        trace.extend((frame.trigger, name) for name in d.fired)
    return event


def _drafted(d: Draft, quantities: list[Quantity] | None,
             reference: DateResolution | None) -> Event | None:
    _parties(d)
    if _vetoed(d):
        return None
    d.said_by = resolve_speaker(
        d.doc, d.doc[d.frame.said_by] if d.frame.said_by is not None else None,
        d.article.date, d.kb, d.home)
    SPEAKER_IS_ACTOR.fires(d, d.fired)
    d.when, d.precision = event_date(d.doc, d.frame, d.article, reference, d.headline)
    if BACKGROUND.fires(d, d.fired):
        return None
    return _event(d, quantities)


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
                   cameo_root=root, goldstein=goldstein(root), location=None, quantities={},
                   rules=(*event.rules, ALLEGATION.name))


CROWD_SECTORS = frozenset({"CVL", "LAB", "EDU", "AGR"})


def local_crowd(actor: Actor, location: Place | None) -> Actor:
    """An unnamed crowd with no country of its own ("protesters", "rioters", "a group of
    drivers") is of the country where it acts (docs/annotation.md), as ACLED codes
    "Protesters (Country)"."""
    if actor.country is not None or actor.entity is not None or \
            actor.sector not in CROWD_SECTORS or location is None or location.country is None:
        return actor
    return replace(actor, country=location.country)
