"""What the actor knowledge base finds in a phrase (hits) and what it resolves it to."""
from __future__ import annotations

from dataclasses import dataclass

from .files import Org


@dataclass(frozen=True)
class Resolution:
    """What a phrase resolved to. `code` is the raw CAMEO code for PETRARCH-dictionary actors."""

    text: str
    country: str | None
    sector: str | None
    entity: str | None
    role: str | None
    confidence: float
    code: str | None = None


@dataclass(frozen=True)
class Place:
    """A country cue. kind: country (name or alias), demonym, seat, region, city, disputed."""

    kind: str
    code: str
    name: str


@dataclass(frozen=True)
class Role:
    """A role word (roles.csv) or a PETRARCH agent (`code` set). kind: office, body, group,
    generic, modifier, former, commentator, bloc."""

    word: str
    sector: str | None
    kind: str
    code: str | None = None


@dataclass(frozen=True)
class PersonRef:
    name: str


Hit = Place | Role | PersonRef | Org
