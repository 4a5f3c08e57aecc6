"""Word lists the coder's rules test tokens against (lemmas, lower-case words).

Each plain list is a data file here, `<name>.txt`: one word per line, `#` comments and blank
lines ignored, loaded once at import. A line with more than one word, or a word twice, is an
error naming the file and line. Lists built from others, tables and patterns stay in code below.
"""
from __future__ import annotations

import re
from importlib import resources

from ...errors import KnowledgeBaseError


def parse_words(text: str, where: str) -> frozenset[str]:
    """The words of a word-list file's text; `where` names it in errors (`where:line`)."""
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        word = line.split("#", 1)[0].strip()
        if not word:
            continue
        if len(word.split()) != 1:
            raise KnowledgeBaseError(f"{where}:{number}", f"one word per line, got {word!r}")
        if word in seen:
            raise KnowledgeBaseError(f"{where}:{number}",
                                     f"{word!r} is already on line {seen[word]}")
        seen[word] = number
    if not seen:
        raise KnowledgeBaseError(where, "no words")
    return frozenset(seen)


def load(name: str) -> frozenset[str]:
    """The word list `name` (sitroom/coder/words/<name>.txt)."""
    source = resources.files(__name__) / f"{name}.txt"
    return parse_words(source.read_text(encoding="utf-8"), f"sitroom/coder/words/{name}.txt")


LIGHT_VERBS = load("light_verbs")
DECISION_NOUNS = load("decision_nouns")
"""Nouns whose infinitive is their owner's act to come: "Kenya's decision to withdraw"."""
FEELINGS = load("feelings")
STATES = load("states")
"""Standing states a "during" phrase names as a time ("during the curfew")."""
GIVING = frozenset({"give"})  # light only for its object: "gave his support to X"
GATHERINGS = load("gatherings")
CAMPAIGNING = load("campaigning")
CONTROLLERS = load("controllers")  # object control: "urged X to leave" = X leaves
REPORTING = load("reporting")
FIGURE_SPEECH = load("figure_speech")  # "estimated 300 dead": the figure's source
SOURCE_NOUNS = load("source_nouns")  # "a report from X": X is the source
INTENT = load("intent")
FUTURE_AUX = load("future_aux")
ENABLING = load("enabling")
HYPOTHETICAL_AUX = load("hypothetical_aux")
ANNOUNCING = load("announcing")
DECLARING = REPORTING | ANNOUNCING | frozenset({"conclude", "demand", "reiterate", "repeat"})
NEGATING = load("negating")  # "failed to reach agreement": did not
ACCEPTING = load("accepting")  # negated: a rejection
OWN_PRONOUNS = load("own_pronouns")  # "X said they would ...": X
THREAT_PROTEST = load("threat_protest")  # "will boycott", "would blockade": a threat
VOWS = load("vows")  # "vowed to retaliate": a threat
JOINT = load("joint")
EXERCISES = load("exercises")
PEACEKEEPING = load("peacekeeping")
STATIVE = load("stative")
EMBEDDING = load("embedding")
MODE_FROM_INNER = {
    "RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet", "AID": "assist",
    "COOPERATE": "assist", "SUPPORT": "assist",
}
THREAT_MODE = {"ASSAULT": "violence", "SANCTION": "relations", "COERCE": "restrict"}
SUBJECTS = ("nsubj", "csubj")
PHRASE_SKIP = load("phrase_skip")
RELATIVE = load("relative")
NAME_ENTS = load("name_ents")
NOT_PARTICIPANT_ENTS = load("not_participant_ents")
NOT_PARTICIPANT_WORDS = load("not_participant_words")
ABSTRACT_TARGETS = load("abstract_targets")
CLAUSAL_TARGET = {("REQUEST", None), ("ACCUSE", "allege"), ("REJECT", None)}
FIRST_PERSON = load("first_person")
LEAD_TOKENS = 80  # the headline and lead: where the article's main attack is told
PARTITIVES = load("partitives")
ATTACK_NOUNS = load("attack_nouns")
WEAPON_NOUNS = load("weapon_nouns")
MESSAGE_NOUNS = load("message_nouns")
CONTAINER_NOUNS = load("container_nouns")
CROWD_CONTROL = load("crowd_control")  # "fired tear gas at them", "rubber bullets", "water cannon"
INSTRUMENT_NOUNS = WEAPON_NOUNS | CROWD_CONTROL | load("instrument_nouns")
HEAVY = load("heavy")
THING_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "hood", "acy",
                  "relationship", "partnership", "membership", "ownership", "friendship",
                  "citizenship", "sponsorship")
ACTOR_ABSTRACTS = load("actor_abstracts")
THING_NOUNS = load("thing_nouns")
THING_PRONOUNS = load("thing_pronouns")


GERUND_HOSTS = frozenset({("to", "resort"), ("to", "turn"), ("to", "proceed"),
                          ("in", "engage"), ("in", "participate"), ("in", "succeed"),
                          ("in", "persist"), ("of", "guilty")})
"""A preposition and the verb or adjective it follows, whose gerund is the subject's own act:
"resorted to throwing stones", "engaged in looting", "are guilty of violating"."""


OPENING_DEPS = load("opening_deps")


PUBLISHED = MESSAGE_NOUNS | load("published")
SPORTS = load("sports")
"""Words only games use."""
CONTEST_WORDS = SPORTS | load("contest_words")
"""Words of any contest, games and votes: they also name other things ("the final round of
talks"), so they count only for verbs that also tell who won."""
CONTEST_VERBS = frozenset({"beat"})
"""Verbs that also tell who won a game, a race or a vote."""
SCORE = re.compile(r"\b\d{1,3}\s?[-\u2013]\s?\d{1,3}\b")


WH_WORDS = load("wh_words")
SILENCE = load("silence")


HABITUAL = load("habitual")
"""Adverbs of a habit ("people will often ask me"); abuse told as a practice ("soldiers
routinely beat detainees") stays an event."""


QUOTES = load("quotes")


ASPECT_VERBS = load("aspect_verbs")
"""Verbs that carry on their object's act: "X continued their hunger strike" is X's strike."""
CARRYING_ON = ASPECT_VERBS - {"maintain", "keep"}  # "maintained [that] an inquiry is ...": said
CARRIERS = LIGHT_VERBS | CARRYING_ON | GIVING
"""Verbs whose object noun is their subject's act: launched an attack, tightened the blockade,
gave support."""
STOPPING_VERBS = load("stopping_verbs")
EFFORT_NOUNS = load("effort_nouns")


AGENT_VERBS = load("agent_verbs")
MUTUAL_TYPES = load("mutual_types")
MOTION_VERBS = load("motion_verbs")  # "X arrived in Y for talks": X's talks
AGENT_PREPS = load("agent_preps")
VICTIM_VERBS = load("victim_verbs")
EVALUATIVE = load("evaluative")


PACTS = load("pacts")
DURATIONS = load("durations")


PATIENT_VERBS = load("patient_verbs")


DONE_TO_TYPES = load("done_to_types")
"""Acts a reduced relative tells done to a party ("a soldier kidnapped by militants"); other
types there mostly tell how a thing came about ("figures released by", "a reception hosted
by", "two bills proposed by") or a standing tie ("groups backed by Pakistan")."""


REACTIONS = load("reactions")
"""Types whose object may be an act rather than a party ("welcomed the resumption of ties with
Iran"): the party is then the one the act names."""
PARTY_PREPS = load("party_preps")


MUST = load("must")


PROMISING = load("promising")
OPENINGS = load("openings")


PARTY_ENTS = load("party_ents")


ACCIDENT_NOUNS = load("accident_nouns")
"""Causes of death that are no attack ("killed in a car crash", "killed by lightning")."""
INDUSTRIAL_WORDS = load("industrial_words")
"""What makes an explosion an accident: "a gas explosion", "a coal mine blast"."""
VIOLENT_VERBS = load("violent_verbs")
"""Verbs that name an attack on their own: "two policemen were shot dead"."""
HARM_VERBS = load("harm_verbs")
VIOLENCE_CUES = load("violence_cues")
"""Words that tell harm with no doer named was violence ("killed amid clashes")."""
ARMED_VICTIMS = load("armed_victims")
"""Victims whose harm with no doer named is an attack ("two soldiers were killed")."""
ATTACK_MEANS = ATTACK_NOUNS - {"crash"} | WEAPON_NOUNS | load("attack_means")
VIOLENCE_WORDS = ATTACK_MEANS | VIOLENT_VERBS | VIOLENCE_CUES
"""Words that tell a sentence's harm was violence, not an accident ("killed amid clashes")."""


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


OWNER_PRONOUNS = load("owner_pronouns")


MILITARY_NOUNS = load("military_nouns")
PERSON_PRONOUNS = load("person_pronouns")
NEUTER_PRONOUNS = load("neuter_pronouns")
GROUP_PRONOUNS = load("group_pronouns")
COLLECTIVE = load("collective")  # "a group of leaders said they ...": the group


QUOTE_MARKS = '"\u201c\u201d'


ANAPHORIC = load("anaphoric")


AFFILIATION_PREPS = load("affiliation_preps")


PARTICIPANT_DEPS = load("participant_deps")


PAST_AUX = load("past_aux")
PROMISE_AUX = load("promise_aux")
PRESENT_AUX = load("present_aux")


NOUN_MODIFIER_DEPS = load("noun_modifier_deps")


PEOPLE_NOUNS = load("people_nouns")
"""People the actor KB gives no sector of their own, but parties all the same."""
PARTY_PRONOUNS = load("party_pronouns")
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "eer", "man", "ee", "ese")


COMPANY = re.compile(r"\b(?:Co|Corp|Inc|Ltd|LLC|plc|PLC)\b\.?|\b(?:Company|Corporation|"
                     r"Holdings|company|companies|firm|giant|provider|maker|manufacturer|"
                     r"airline|carrier|retailer|insurer|conglomerate|telecom)\b")
TRADE_TYPES = load("trade_types")
STATE_SECTORS = load("state_sectors")


STANCE_VERBS = load("stance_verbs")
"""Verbs whose simple present tells a position held ("The Green Party supports electoral
reform"); "rejects the allegations" is news reporting's present for a denial, and stays."""


UNDATED_PAST = load("undated_past")
"""Adverbs that put a clause at some earlier, undated time ("who originally opposed the war")."""


OCCURRING = load("occurring")
JOINING = load("joining")
"""Verbs that tell a protest happening: "protests erupted", "a general strike began"."""
STATE_ACTS = {("COERCE", "arrest"): "COP", ("SANCTION", "convict"): "JUD"}
"""Acts only a state does, told in the passive with no agent: who did them ("was arrested":
the police; "was sentenced to ten years": a court)."""
"""The implied actor of an arrest with no named arrester."""


POLITICAL = load("political")
ALLEGED_TYPES = load("alleged_types")


COOPERATIVE = load("cooperative")
ARMED = load("armed")


COMMENTATORS = load("commentators")
APOLOGIES = load("apologies")
RECEIVED_MESSAGES = load("received_messages")
