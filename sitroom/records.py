"""Plain, frozen records: the data sitroom passes between stages. No I/O here.

`to_dict()` on each record gives the JSON output contract (docs/contract.schema.json).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, stable hex digest of the given parts."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


@dataclass(frozen=True)
class Article:
    """One dated news article as read from input."""

    id: str
    date: date
    title: str
    text: str
    source: str | None
    origin: str
    url: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A span of the article text; `start`/`end` are character offsets into `Article.text`."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Actor:
    """Who: the span as written plus what it resolved to."""

    text: str
    country: str | None = None
    sector: str | None = None
    entity: str | None = None
    role: str | None = None
    confidence: float = 1.0
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "country": self.country, "sector": self.sector,
                "entity": self.entity}

    def as_source(self) -> dict[str, Any]:
        """The `said_by` / `claimant` shape: text, country, entity."""
        return {"text": self.text, "country": self.country, "entity": self.entity}


@dataclass(frozen=True)
class Place:
    """Where: a resolved place name."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "admin1": self.admin1,
                "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True)
class Event:
    """Who did what to whom, when, where, how many, and who says so."""

    event_id: str
    article_id: str
    origin: str
    article_date: date
    type: str
    mode: str | None
    status: str
    actor: Actor
    recipient: Actor | None
    date: date | None
    date_precision: str | None
    location: Place | None
    quantities: dict[str, float] = field(default_factory=dict, hash=False)
    said_by: Actor | None = None
    cameo_root: str = "01"
    goldstein: float = 0.0
    evidence: Evidence = Evidence("", 0, 0)
    confidence: float = 0.5
    rules: tuple[str, ...] = field(default=(), compare=False)
    """The coder's named rules that fired on the way to this event (`sitroom explain`); not part
    of the output contract unless asked for (`sitroom extract --trace`)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "event",
            "event_id": self.event_id,
            "article_id": self.article_id,
            "origin": self.origin,
            "article_date": self.article_date.isoformat(),
            "type": self.type,
            "mode": self.mode,
            "status": self.status,
            "actor": self.actor.to_dict(),
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "quantities": dict(self.quantities),
            "said_by": self.said_by.as_source() if self.said_by else None,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class Claim:
    """A quantitative assertion with who made it and when."""

    claim_id: str
    article_id: str
    origin: str
    article_date: date
    about: str
    unit: str
    value: float
    value_max: float | None
    qualifier: str
    claimant: Actor | None
    date: date | None
    evidence: Evidence
    group_id: str | None = None
    counted: str = ""
    """The thing counted, normalised as the grouping sees it ("soldier", "person", "USD")."""
    role: str = "other"
    """What the figure is of that thing: one of CLAIM_ROLES (dead, injured, ... money, other)."""
    event_id: str | None = None
    """The event of the same article the figure belongs to (the attack's toll), or None."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "claim",
            "claim_id": self.claim_id,
            "article_id": self.article_id,
            "origin": self.origin,
            "article_date": self.article_date.isoformat(),
            "about": self.about,
            "unit": self.unit,
            "value": self.value,
            "value_max": self.value_max,
            "qualifier": self.qualifier,
            "claimant": self.claimant.as_source() if self.claimant else None,
            "date": self.date.isoformat() if self.date else None,
            "group_id": self.group_id,
            "counted": self.counted,
            "role": self.role,
            "event_id": self.event_id,
            "evidence": self.evidence.to_dict(),
        }


CLAIM_ROLES = ("dead", "injured", "arrested", "missing", "displaced", "crowd", "deployed", "held",
               "casualties", "money", "votes", "seats", "other")
"""What a claim's figure is of the thing it counts (`Claim.role`; docs/claims.md, "Roles")."""


@dataclass(frozen=True)
class CodedEvent:
    """An event coded with a user's PETRARCH/TABARI verb dictionary (`sitroom code`): the code
    as that dictionary writes it (CAMEO, or the scheme the dictionary uses), the actors, and the
    dictionary line that gave the code, so an analyst can see why."""

    event_id: str
    article_id: str
    origin: str
    article_date: date
    code: str
    source: Actor
    target: Actor | None
    verb: str
    pattern: str
    line: int
    evidence: Evidence
    status: str = "asserted"
    said_by: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "coded_event",
            "event_id": self.event_id,
            "article_id": self.article_id,
            "origin": self.origin,
            "article_date": self.article_date.isoformat(),
            "code": self.code,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "verb": self.verb,
            "pattern": self.pattern,
            "line": self.line,
            "status": self.status,
            "said_by": self.said_by.as_source() if self.said_by else None,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
