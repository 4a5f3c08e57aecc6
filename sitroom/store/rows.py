"""Records <-> table rows: what the store writes for an Event, Claim, Article or CodedEvent,
and its rows back in the output contract's shape. No SQL here."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..records import Actor, Article, Claim, CodedEvent, Event, Evidence


def _actor_cols(prefix: str, actor: Actor | None, entity: bool = True) -> dict[str, Any]:
    cols = {f"{prefix}_text": actor.text if actor else None,
            f"{prefix}_country": actor.country if actor else None}
    if prefix in ("actor", "recipient", "source", "target"):
        cols[f"{prefix}_sector"] = actor.sector if actor else None
    if entity:
        cols[f"{prefix}_entity"] = actor.entity if actor else None
    return cols


def event_row(event: Event) -> dict[str, Any]:
    """One events-table row for an Event record."""
    loc = event.location
    return {
        "event_id": event.event_id, "article_id": event.article_id, "origin": event.origin,
        "article_date": event.article_date, "type": event.type, "mode": event.mode,
        "status": event.status, **_actor_cols("actor", event.actor),
        **_actor_cols("recipient", event.recipient),
        "date": event.date, "date_precision": event.date_precision,
        "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
        "location_admin1": loc.admin1 if loc else None, "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None, "quantities": json.dumps(event.quantities, sort_keys=True),
        **_actor_cols("said_by", event.said_by), "cameo_root": event.cameo_root,
        "goldstein": event.goldstein, "evidence_text": event.evidence.text,
        "evidence_start": event.evidence.start, "evidence_end": event.evidence.end,
        "confidence": event.confidence,
    }


def claim_row(claim: Claim) -> dict[str, Any]:
    """One claims-table row for a Claim record."""
    return {
        "claim_id": claim.claim_id, "article_id": claim.article_id, "origin": claim.origin,
        "article_date": claim.article_date, "about": claim.about, "unit": claim.unit,
        "value": claim.value, "value_max": claim.value_max, "qualifier": claim.qualifier,
        **_actor_cols("claimant", claim.claimant), "date": claim.date, "group_id": claim.group_id,
        "evidence_text": claim.evidence.text, "evidence_start": claim.evidence.start,
        "evidence_end": claim.evidence.end,
        "counted": claim.counted, "role": claim.role, "event_id": claim.event_id,
    }


def claim_from_row(row: dict[str, Any]) -> Claim:
    """A claims-table row back as a Claim record."""
    claimant = None
    if row.get("claimant_text") is not None:
        claimant = Actor(text=row["claimant_text"], country=row["claimant_country"],
                         entity=row["claimant_entity"])
    return Claim(
        claim_id=row["claim_id"], article_id=row["article_id"], origin=row["origin"],
        article_date=row["article_date"], about=row["about"], unit=row["unit"],
        value=row["value"], value_max=row["value_max"], qualifier=row["qualifier"],
        claimant=claimant, date=row["date"], group_id=row["group_id"],
        evidence=Evidence(row["evidence_text"], row["evidence_start"], row["evidence_end"]),
        counted=row.get("counted") or "", role=row.get("role") or "other",
        event_id=row.get("event_id"))


def article_row(article: Article) -> dict[str, Any]:
    """One articles-table (or coded_articles-table) row for an Article record."""
    return {"id": article.id, "date": article.date, "title": article.title, "text": article.text,
            "source": article.source, "url": article.url, "origin": article.origin}


@dataclass(frozen=True)
class DictionaryFile:
    """The verb dictionary file that coded events: its name and the SHA-256 of its bytes, under
    which its coded events are stored (an edited dictionary is another dictionary)."""

    name: str
    sha256: str

    @classmethod
    def of(cls, path: str | Path) -> DictionaryFile:
        """The name and content hash of the file at `path`."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise StoreError(f"{path}: cannot read the verb dictionary: {exc}") from None
        return cls(Path(path).name, hashlib.sha256(data).hexdigest())


def coded_event_row(event: CodedEvent, dictionary: DictionaryFile) -> dict[str, Any]:
    """One coded_events-table row for a CodedEvent record coded by `dictionary`."""
    return {
        "dictionary_sha256": dictionary.sha256, "event_id": event.event_id,
        "article_id": event.article_id, "origin": event.origin,
        "article_date": event.article_date, "code": event.code,
        **_actor_cols("source", event.source), **_actor_cols("target", event.target),
        "verb": event.verb, "pattern": event.pattern, "line": event.line, "status": event.status,
        **_actor_cols("said_by", event.said_by), "evidence_text": event.evidence.text,
        "evidence_start": event.evidence.start, "evidence_end": event.evidence.end,
    }


def _actor_dict(row: dict[str, Any], prefix: str, sector: bool = True) -> dict[str, Any] | None:
    """A row's `prefix_*` actor columns back in the contract's shape (None where empty)."""
    if row.get(f"{prefix}_text") is None and row.get(f"{prefix}_country") is None:
        return None
    out = {"text": row[f"{prefix}_text"], "country": row[f"{prefix}_country"]}
    if sector:
        out["sector"] = row[f"{prefix}_sector"]
    out["entity"] = row[f"{prefix}_entity"]
    return out


def _iso(day: Any) -> Any:
    return day.isoformat() if isinstance(day, date) else day


def event_dict(row: dict[str, Any]) -> dict[str, Any]:
    """An events-table row back in the output contract's shape."""
    location = None
    if row.get("location_name") is not None:
        location = {"name": row["location_name"], "country": row["location_country"],
                    "admin1": row["location_admin1"], "lat": row["lat"], "lon": row["lon"]}
    return {
        "kind": "event", "event_id": row["event_id"], "article_id": row["article_id"],
        "origin": row["origin"], "article_date": _iso(row["article_date"]), "type": row["type"],
        "mode": row["mode"], "status": row["status"],
        "actor": (_actor_dict(row, "actor")
                  or {"text": "", "country": None, "sector": None, "entity": None}),
        "recipient": _actor_dict(row, "recipient"), "date": _iso(row["date"]),
        "date_precision": row["date_precision"], "location": location,
        "quantities": json.loads(row["quantities"] or "{}"),
        "said_by": _actor_dict(row, "said_by", False),
        "cameo_root": row["cameo_root"], "goldstein": row["goldstein"],
        "evidence": {"text": row["evidence_text"], "start": row["evidence_start"],
                     "end": row["evidence_end"]},
        "confidence": row["confidence"],
    }


def coded_event_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A coded_events-table row back in the output contract's shape (`CodedEvent.to_dict`)."""
    return {
        "kind": "coded_event", "event_id": row["event_id"], "article_id": row["article_id"],
        "origin": row["origin"], "article_date": _iso(row["article_date"]), "code": row["code"],
        "source": (_actor_dict(row, "source")
                   or {"text": "", "country": None, "sector": None, "entity": None}),
        "target": _actor_dict(row, "target"), "verb": row["verb"], "pattern": row["pattern"],
        "line": row["line"], "status": row["status"],
        "said_by": _actor_dict(row, "said_by", False),
        "evidence": {"text": row["evidence_text"], "start": row["evidence_start"],
                     "end": row["evidence_end"]},
    }
