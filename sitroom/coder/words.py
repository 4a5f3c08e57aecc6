"""Word lists the coder's rules test tokens against (lemmas, lower-case words)."""
from __future__ import annotations

import re


LIGHT_VERBS = frozenset("""express voice hold have launch make conduct impose pay raise issue show
declare reach announce begin start stage join carry lodge file open seek offer extend
convey reiterate renew call order reimpose""".split())
DECISION_NOUNS = frozenset("""decision plan move order threat promise pledge offer vow intention
determination readiness willingness""".split())
"""Nouns whose infinitive is their owner's act to come: "Kenya's decision to withdraw"."""
FEELINGS = frozenset("""concern anger fear worry outrage frustration alarm anxiety unease
dismay""".split())
STATES = frozenset("""law emergency curfew occupation siege blockade ceasefire truce lockdown
closure""".split())
"""Standing states a "during" phrase names as a time ("during the curfew")."""
GIVING = frozenset({"give"})  # light only for its object: "gave his support to X"
GATHERINGS = frozenset({"rally", "gathering", "meeting", "event", "march"})
CAMPAIGNING = frozenset({"campaign", "election", "electoral", "re-election", "reelection",
                         "pre-election", "victory", "birthday"})
CONTROLLERS = frozenset("""urge ask force order tell allow encourage pressure press invite
persuade instruct direct provoke prompt push drive compel oblige lead cause enable help
require""".split())  # object control: "urged X to leave" = X leaves
REPORTING = frozenset("""say state report reveal note claim tell add announce warn emphasize
emphasise stress insist indicate confirm believe argue write explain assert allege suggest
highlight acknowledge admit disclose mention remark point""".split())
INTENT = frozenset("""expect plan intend prepare set aim hope want seek propose decide vow promise
pledge threaten agree schedule""".split())
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "going"})
ENABLING = frozenset({"enable", "empower", "authorize", "authorise", "permit"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "can", "should"})
ANNOUNCING = frozenset({"announce", "order", "promise", "pledge", "plan", "decide", "declare"})
DECLARING = REPORTING | ANNOUNCING | frozenset({"conclude", "demand", "reiterate", "repeat"})
NEGATING = frozenset({"fail", "refuse", "decline"})  # "failed to reach agreement": did not
ACCEPTING = frozenset({"accept", "agree", "approve", "endorse"})  # negated: a rejection
OWN_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})  # "X said they would ...": X
THREAT_PROTEST = frozenset({"boycott", "obstruct"})  # "will boycott", "would blockade": a threat
VOWS = frozenset({"vow", "swear", "pledge", "promise"})  # "vowed to retaliate": a threat
JOINT = frozenset({"joint", "combined", "bilateral", "trilateral", "multinational"})
EXERCISES = frozenset({"exercise", "drill", "game", "manoeuvre", "maneuver"})
PEACEKEEPING = frozenset({"peacekeeper", "peacekeeping", "peace-keeping", "peace-keeper"})
STATIVE = frozenset({"have", "be", "remain", "keep", "exist", "become", "stay"})
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
approach strategy rhetoric agreement speech tweet article response handling record""".split())
CLAUSAL_TARGET = {("REQUEST", None), ("ACCUSE", "allege"), ("REJECT", None)}
FIRST_PERSON = frozenset({"i", "we"})
LEAD_TOKENS = 80  # the headline and lead: where the article's main attack is told
PARTITIVES = frozenset({"one", "some", "many", "most", "several", "all", "each", "both", "few",
                        "dozens", "hundreds", "thousands", "tens", "millions", "scores"})
ATTACK_NOUNS = frozenset("""attack bombing blast explosion killing assault shooting strike
murder abduction kidnapping crash violence assassination ambush raid massacre""".split())
WEAPON_NOUNS = frozenset("""bomb explosive device ied grenade mine rocket missile shell mortar
blast explosion""".split())
MESSAGE_NOUNS = frozenset("""statement letter message note declaration expression word words
gesture show sign signal communique communiqué""".split())
CONTAINER_NOUNS = frozenset("""launch start beginning resumption continuation round wave series
spate string campaign program programme escalation intensification expansion""".split())
CROWD_CONTROL = frozenset("""gas teargas tear-gas cannon canon bullet pellet spray grenade baton
truncheon stun""".split())  # "fired tear gas at them", "rubber bullets", "water cannon"
INSTRUMENT_NOUNS = WEAPON_NOUNS | CROWD_CONTROL | frozenset("""shot round salvo volley projectile
bullet gun rifle weapon weapons ammunition arrow stone rock bottle flare firework""".split())
HEAVY = frozenset({"shell", "mortar", "artillery", "rocket", "howitzer", "tank"})
THING_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "hood", "acy",
                  "relationship", "partnership", "membership", "ownership", "friendship",
                  "citizenship", "sponsorship")
ACTOR_ABSTRACTS = frozenset("""nation population coalition opposition administration delegation
organisation organization federation association institution commission faction authority
community majority minority presidency leadership government parliament department
establishment movement alliance resistance intelligence entity celebrity congregation generation
defence defense union mission militia station constituency position installation settlement
city municipality university witness division neighbourhood neighborhood vicinity fraternity
personality dignitary""".split())
THING_NOUNS = frozenset("""memorandum memoranda document treaty accord pact charter vote ballot
referendum program programme project right tie relation immunity blood money fund cash loan
budget ambition intention interest role part stake claim allegation charge question answer
response reply apology excuse reason evidence proof information data detail conclusion result
outcome finding ruling verdict rule law bill measure plan policy decision idea proposal remark
comment message letter statement report speech tweet article deal agreement stance
view demand request call offer warning threat attempt effort action act step error mistake
fear asset property""".split())
THING_PRONOUNS = frozenset({"that", "which", "what", "this", "something"})


GERUND_HOSTS = frozenset({("to", "resort"), ("to", "turn"), ("to", "proceed"),
                          ("in", "engage"), ("in", "participate"), ("in", "succeed"),
                          ("in", "persist"), ("of", "guilty")})
"""A preposition and the verb or adjective it follows, whose gerund is the subject's own act:
"resorted to throwing stones", "engaged in looting", "are guilty of violating"."""


OPENING_DEPS = frozenset({"prep", "advcl", "npadvmod", "advmod"})


PUBLISHED = MESSAGE_NOUNS | frozenset("""photograph photo picture image video footage film tape
recording report details detail figure figures list data result results information document
documents transcript text album book song record name names version map study survey
findings poll estimate brochure brochures leaflet leaflets pamphlet pamphlets flyer flyers
advertisement advertisements ad ads poster posters booklet manifesto newsletter single
trailer game software edition""".split())
SPORTS = frozenset("""match semi semifinal semi-final quarterfinal quarter-final championship
tournament league olympics innings wicket playoff play-off derby rugby football soccer
basketball cricket tennis hockey volleyball handball marathon""".split())
"""Words only games use."""
CONTEST_WORDS = SPORTS | frozenset("""game final cup olympic race season title medal round vote
ballot election poll""".split())
"""Words of any contest, games and votes: they also name other things ("the final round of
talks"), so they count only for verbs that also tell who won."""
CONTEST_VERBS = frozenset({"beat"})
"""Verbs that also tell who won a game, a race or a vote."""
SCORE = re.compile(r"\b\d{1,3}\s?[-\u2013]\s?\d{1,3}\b")


WH_WORDS = frozenset("whether if why how what who whom which when where".split())
SILENCE = frozenset("comment elaborate speculate".split())


HABITUAL = frozenset("often usually always sometimes generally typically normally habitually "
                     "customarily".split())
"""Adverbs of a habit ("people will often ask me"); abuse told as a practice ("soldiers
routinely beat detainees") stays an event."""


QUOTES = frozenset({'"', "“", "”"})


ASPECT_VERBS = frozenset("""continue resume maintain keep intensify escalate step expand
prolong speed accelerate hasten complete finish widen broaden tighten enforce""".split())
"""Verbs that carry on their object's act: "X continued their hunger strike" is X's strike."""
CARRYING_ON = ASPECT_VERBS - {"maintain", "keep"}  # "maintained [that] an inquiry is ...": said
CARRIERS = LIGHT_VERBS | CARRYING_ON | GIVING
"""Verbs whose object noun is their subject's act: launched an attack, tightened the blockade,
gave support."""
STOPPING_VERBS = frozenset("end halt stop suspend abandon cancel drop quit".split())
EFFORT_NOUNS = frozenset("""effort efforts mission bid drive initiative attempt""".split())


AGENT_VERBS = frozenset("""take carry conduct perpetrate commit mount lead orchestrate plan
mastermind direct organise organize stage""".split())
MUTUAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
MOTION_VERBS = frozenset("""come arrive return travel fly go head gather meet convene assemble
sit reconvene leave depart converge flock march""".split())  # "X arrived in Y for talks": X's talks
AGENT_PREPS = frozenset({"in", "with", "into", "through", "during", "via", "within", "at"})
VICTIM_VERBS = frozenset("""die perish survive escape flee suffer lose succumb disappear vanish
hide shelter""".split())
EVALUATIVE = frozenset("""call describe label term brand characterize characterise consider deem
condemn criticize criticise denounce blame cite refer compare justify defend""".split())


PACTS = frozenset({"agreement", "accord", "deal", "pact"})
DURATIONS = frozenset({"hour", "day", "week", "month", "year", "night", "round"})


PATIENT_VERBS = frozenset("""arrest detain kill injure wound shoot stab kidnap abduct jail
imprison sentence expel deport execute release free capture behead torture""".split())


DONE_TO_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN"})
"""Acts a reduced relative tells done to a party ("a soldier kidnapped by militants"); other
types there mostly tell how a thing came about ("figures released by", "a reception hosted
by", "two bills proposed by") or a standing tie ("groups backed by Pakistan")."""


REACTIONS = frozenset({"SUPPORT", "ACCUSE", "REJECT"})
"""Types whose object may be an act rather than a party ("welcomed the resumption of ties with
Iran"): the party is then the one the act names."""
PARTY_PREPS = frozenset({"with", "between", "by"})


MUST = frozenset({"must", "should"})


PROMISING = frozenset({"say", "tell", "promise", "pledge", "assure", "vow", "offer", "signal"})
OPENINGS = frozenset({"allow", "permit", "release", "free"})


PARTY_ENTS = frozenset({"NORP", "GPE", "ORG"})


ACCIDENT_NOUNS = frozenset("""accident crash collision earthquake quake flood flooding fire blaze
storm avalanche landslide mudslide stampede derailment typhoon hurricane cyclone tornado tsunami
eruption outbreak epidemic heatwave drowning lightning disease illness""".split())
"""Causes of death that are no attack ("killed in a car crash", "killed by lightning")."""
INDUSTRIAL_WORDS = frozenset("""gas boiler chemical factory plant pipeline tanker coal fireworks
industrial mine controlled""".split())
"""What makes an explosion an accident: "a gas explosion", "a coal mine blast"."""
VIOLENT_VERBS = frozenset("""shoot stab behead assassinate ambush bomb gun massacre execute lynch
torture shell""".split())
"""Verbs that name an attack on their own: "two policemen were shot dead"."""
HARM_VERBS = frozenset({"kill", "injure", "wound", "hurt", "maim"})
ATTACK_MEANS = ATTACK_NOUNS - {"crash"} | WEAPON_NOUNS | frozenset(
    """airstrike gunfire shelling bombardment landmine minefield""".split())


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


OWNER_PRONOUNS = frozenset({"its", "his", "her"})


MILITARY_NOUNS = frozenset({"troop", "soldier", "force", "army", "fighter", "unit",
                            "serviceman", "personnel"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
NEUTER_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
COLLECTIVE = frozenset("""group team delegation coalition alliance panel committee council gang band
crowd family couple pair trio""".split())  # "a group of leaders said they ...": the group


QUOTE_MARKS = '"\u201c\u201d'


ANAPHORIC = frozenset({"these", "those", "the", "such"})


AFFILIATION_PREPS = frozenset({"for", "of", "from", "with", "at"})


PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "appos", "conj", "attr", "relcl",
                              "acl", "poss", "dative"})


PAST_AUX = frozenset({"had", "was", "were", "did", "'d"})
PROMISE_AUX = frozenset({"will", "shall", "'ll", "wo"})
PRESENT_AUX = frozenset({"has", "have", "'s", "'ve", "is", "are", "am", "will", "would", "shall",
                         "can", "could", "may", "might", "must", "should", "'ll"})


NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})


PEOPLE_NOUNS = frozenset("""woman girl boy child defendant suspect accused group faction
peacekeeper prisoner member resident worker victim hostage migrant refugee villager
passenger family""".split())
"""People the actor KB gives no sector of their own, but parties all the same."""
PARTY_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "eer", "man", "ee", "ese")


COMPANY = re.compile(r"\b(?:Co|Corp|Inc|Ltd|LLC|plc|PLC)\b\.?|\b(?:Company|Corporation|"
                     r"Holdings|company|companies|firm|giant|provider|maker|manufacturer|"
                     r"airline|carrier|retailer|insurer|conglomerate|telecom)\b")
TRADE_TYPES = frozenset({"AID", "AGREE", "CONSULT", "COOPERATE"})
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "REB", "UAF"})


STANCE_VERBS = frozenset("""support oppose back favour favor acknowledge recognise recognize
endorse""".split())
"""Verbs whose simple present tells a position held ("The Green Party supports electoral
reform"); "rejects the allegations" is news reporting's present for a denial, and stays."""


UNDATED_PAST = frozenset({"before", "previously", "originally", "formerly", "once"})
"""Adverbs that put a clause at some earlier, undated time ("who originally opposed the war")."""


OCCURRING = frozenset({"erupt", "break", "begin", "start", "continue", "spread", "escalate",
                       "resume", "rage", "intensify", "flare", "grip", "hit", "paralyse",
                       "paralyze", "sweep", "rock", "engulf"})
"""Verbs that tell a protest happening: "protests erupted", "a general strike began"."""
STATE_ACTS = {("COERCE", "arrest"): "COP", ("SANCTION", "convict"): "JUD"}
"""Acts only a state does, told in the passive with no agent: who did them ("was arrested":
the police; "was sentenced to ten years": a court)."""
"""The implied actor of an arrest with no named arrester."""


POLITICAL = frozenset({"GOV", "MIL", "LEG", "JUD", "PTY", "SPY", "COP"})
ALLEGED_TYPES = frozenset({"MOBILIZE", "AID", "ASSAULT", "COERCE", "THREATEN", "SANCTION",
                           "SUPPORT", "COOPERATE"})


COOPERATIVE = frozenset({"AID", "SUPPORT", "COOPERATE"})
ARMED = frozenset({"REB", "PRM", "MIL", "UAF", "IMG"})


COMMENTATORS = frozenset({"expert", "analyst", "specialist", "observer", "commentator",
                          "scholar", "researcher", "academic", "professor"})
APOLOGIES = frozenset({"apology", "apologies", "condolence", "condolences"})
RECEIVED_MESSAGES = frozenset({"correspondence", "call", "email", "e-mail"})
