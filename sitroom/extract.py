"""The public home of the `Extractor` (`from sitroom.extract import Extractor`); the coder itself
lives in `sitroom.coder`, whose names are re-exported here for existing callers."""
from __future__ import annotations

from .coder.dictionary import coded_events
from .coder.event import event_from_frame
from .coder.event_checks import AUTHORITIES, UNNAMED_ATTACKER
from .coder.extractor import Extractor
from .coder.parties import home_country, resolve_participant

__all__ = ["AUTHORITIES", "UNNAMED_ATTACKER", "Extractor", "coded_events", "event_from_frame",
           "home_country", "resolve_participant"]
