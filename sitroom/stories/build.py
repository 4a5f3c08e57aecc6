"""Story tables as rows: near-duplicate roots, merged canonical-event rows, feature tables and
the timing of a (re)build. No database here: `sitroom.store.stories` reads and writes them."""
from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pyarrow as pa

from .clusters import Story
from .events import Party, canonical_row, mention_rows, merge_events, party
from .text import BANDS, near_duplicate_words, normalise

TABLES = ("stories", "story_articles", "canonical_events", "event_mentions", "story_features",
          "story_bands", "event_blocks")


@dataclass(frozen=True)
class RebuildStats:
    """What a rebuild wrote, and how long it took."""

    articles: int
    duplicates: int
    stories: int
    events: int
    canonical_events: int
    seconds: float
    stages: tuple[tuple[str, float], ...] = ()
    """Seconds per stage: read, duplicates, stories, events, write."""
    incremental: bool = False
    """An `update_stories` run: `articles` counts the new articles, `stories` and
    `canonical_events` the rows rewritten, `events` the reports re-merged, and `replayed` the
    articles whose story was recomputed."""
    replayed: int = 0


def duplicate_roots(articles: Sequence[dict[str, Any]],
                    words: dict[str, list[str]] | None = None,
                    bands: dict[str, list[bytes]] | None = None) -> dict[str, str]:
    """Article id -> the earliest article it is a near-duplicate copy of (copies only);
    `words`: article id -> normalise(text), when the caller has it; `bands` receives each
    article's LSH bucket keys (see `near_duplicate_words`)."""
    ordered = sorted(articles, key=lambda a: (a["date"], a["id"]))
    rank = {a["id"]: n for n, a in enumerate(ordered)}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    if words is None:
        words = {a["id"]: normalise(a["text"]) for a in ordered}
    for pair in near_duplicate_words([(a["id"], words[a["id"]]) for a in ordered], bands):
        ra, rb = find(pair.a), find(pair.b)
        if ra != rb:
            first, second = sorted((ra, rb), key=rank.__getitem__)
            parent[second] = first
    return {a: find(a) for a in parent}


def block_of(row: dict[str, Any]) -> str:
    """The merge block of an events row (type and actor key, as `merge_events` blocks)."""
    actor = party(row, "actor") or Party(None, None, None, "")
    return f"{row['type']}\x1f{actor.key}"


def feature_tables(vectors: dict[str, dict[str, float]], bands: dict[str, list[bytes]]
                    ) -> dict[str, pa.Table]:
    ids = list(vectors)
    features = pa.table({"article_id": pa.array(ids, pa.string()),
                         "terms": pa.array([list(vectors[i]) for i in ids],
                                           pa.list_(pa.string())),
                         "weights": pa.array([list(vectors[i].values()) for i in ids],
                                             pa.list_(pa.float64()))})
    band_ids = list(bands)
    band_rows = pa.table({
        "article_id": pa.array([i for i in band_ids for _ in range(BANDS)], pa.string()),
        "band": pa.array(list(range(BANDS)) * len(band_ids), pa.uint8()),
        "key": pa.array([k for i in band_ids for k in bands[i]], pa.binary())})
    return {"story_features": features, "story_bands": band_rows}


def story_row(s: Story) -> dict[str, Any]:
    return {"story_id": s.story_id, "title": s.title, "first_date": s.first_date,
            "last_date": s.last_date, "num_articles": len(s.articles),
            "terms": " ".join(s.top_terms())}


def merged_rows(events: list[dict[str, Any]], sources: dict[str, str]
                 ) -> dict[str, list[dict[str, Any]]]:
    canon = merge_events(events)
    return {"canonical_events": [canonical_row(c, sources) for c in canon],
            "event_mentions": [m for c in canon for m in mention_rows(c)],
            "event_blocks": [{"event_id": e["event_id"], "block": block_of(e)} for e in events]}


class Stopwatch:
    """Seconds per named stage of a rebuild (RebuildStats.stages) and in all."""

    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.stages: list[tuple[str, float]] = []

    def stage(self, name: str) -> None:
        now = time.perf_counter()
        self.stages.append((name, round(now - self.last, 3)))
        self.last = now

    def total(self) -> float:
        return round(time.perf_counter() - self.started, 3)


def mention_dict(row: dict[str, Any]) -> dict[str, Any]:
    said = None
    if row["said_by_text"] is not None or row["said_by_country"] is not None:
        said = {"text": row["said_by_text"], "country": row["said_by_country"],
                "entity": row["said_by_entity"]}
    iso = lambda d: d.isoformat() if isinstance(d, date) else d  # noqa: E731
    return {"event_id": row["event_id"], "article_id": row["article_id"],
            "origin": row["origin"], "source": row["source"],
            "article_date": iso(row["article_date"]), "date": iso(row["date"]),
            "repeat": row["repeat"],
            "evidence": {"text": row["evidence_text"], "start": row["evidence_start"],
                         "end": row["evidence_end"]}, "said_by": said}


Key = tuple[date, str]
