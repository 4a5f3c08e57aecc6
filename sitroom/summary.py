"""A readable situation summary from a store: counts, types, dyads and the main events."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .store.db import Store, event_dict
from .store.events import events_by_type, main_event_rows, top_dyads


@dataclass(frozen=True)
class Summary:
    """Plain data for the `run` command's report."""

    articles: int
    events: int
    claims: int
    by_type: list[tuple[str, int]]
    dyads: list[tuple[str, str, int]]
    main_events: list[dict[str, Any]]


def _who(row: dict[str, Any], prefix: str) -> str:
    return row.get(f"{prefix}_country") or row.get(f"{prefix}_text") or "?"


def summarize(store: Store, top: int = 10, main: int = 15) -> Summary:
    """Counts, events by type, the busiest actor->recipient pairs and the main events."""
    by_type = events_by_type(store.con)
    dyads = top_dyads(store.con, top)
    rows = main_event_rows(store.con, main)
    rows.sort(key=lambda r: (r["date"] or r["article_date"], r["event_id"]))
    return Summary(articles=store.count("articles"), events=store.count("events"),
                   claims=store.count("claims"), by_type=by_type, dyads=dyads,
                   main_events=[event_dict(r) for r in rows])


def describe_event(event: dict[str, Any]) -> str:
    """One line: date, actor, type/mode, recipient, status and who says so."""
    def name(p: dict[str, Any] | None) -> str:
        if not p:
            return ""
        tag = "/".join(x for x in (p.get("country"), p.get("sector")) if x)
        return f"{p['text']} ({tag})" if tag else p["text"]

    kind = event["type"] + (f"/{event['mode']}" if event.get("mode") else "")
    when = event.get("date") or event["article_date"]
    line = f"{when}  {name(event['actor'])} {kind}"
    if event.get("recipient"):
        line += f" -> {name(event['recipient'])}"
    if event["status"] != "asserted":
        line += f" [{event['status']}]"
    if event.get("said_by"):
        line += f"  (says {event['said_by']['text']})"
    return line
