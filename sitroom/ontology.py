"""PLOVER types and modes, and their CAMEO root codes and Goldstein values.

The CAMEO mapping follows PLOVER's CAMEO2PLOVER table read backwards (one root per type, by
mode where PLOVER splits a CAMEO root); Goldstein values are the CAMEO root-code values.
"""
from __future__ import annotations

PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (), "CONSULT": ("visit", "third-party", "multilateral", "phone"), "SUPPORT": (),
    "CONCEDE": (), "COOPERATE": (), "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                "crowd-control", "unconventional"),
}
PLOVER_TYPES = tuple(PLOVER_MODES)

QUAD_CLASS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4,
    "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
"""PLOVER quad: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material."""

GOLDSTEIN = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0,
    "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2,
    "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0,
}
_ROOT = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
    "CONCEDE": "08", "RETREAT": "08", "REQUEST": "02", "ACCUSE": "11", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "SANCTION": "16", "MOBILIZE": "15", "COERCE": "17",
    "ASSAULT": "18",
}
_ROOT_BY_MODE = {
    ("ACCUSE", "investigate"): "09",
    ("ASSAULT", "firearms"): "19", ("ASSAULT", "heavy-weapons"): "19",
    ("ASSAULT", "aerial"): "19", ("ASSAULT", "drone"): "19",
    ("ASSAULT", "unconventional"): "20",
}
DEMAND_LEMMAS = frozenset({"demand", "insist", "order", "ultimatum"})


def cameo_root(type_: str, mode: str | None = None, lemma: str | None = None) -> str:
    """The CAMEO root code ("01".."20") for a PLOVER type and mode."""
    if type_ == "REQUEST" and lemma in DEMAND_LEMMAS:
        return "10"
    return _ROOT_BY_MODE.get((type_, mode or ""), _ROOT.get(type_, "01"))


def goldstein(root: str) -> float:
    """The Goldstein conflict-cooperation value of a CAMEO root code."""
    return GOLDSTEIN.get(root, 0.0)
