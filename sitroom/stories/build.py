"""(Re)build the story tables from a store, and read canonical events back from them."""
from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from .clusters import StoryArticle, cluster_stories
from .events import canonical_row, mention_rows, merge_events, sources_of
from .text import near_duplicate_words, normalise

if TYPE_CHECKING:
    from ..store.db import Store

TABLES = ("stories", "story_articles", "canonical_events", "event_mentions")


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


def duplicate_roots(articles: Sequence[dict[str, Any]],
                    words: dict[str, list[str]] | None = None) -> dict[str, str]:
    """Article id -> the earliest article it is a near-duplicate copy of (copies only);
    `words`: article id -> normalise(text), when the caller has it."""
    ordered = sorted(articles, key=lambda a: (a["date"], a["id"]))
    rank = {a["id"]: n for n, a in enumerate(ordered)}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    if words is None:
        words = {a["id"]: normalise(a["text"]) for a in ordered}
    for pair in near_duplicate_words([(a["id"], words[a["id"]]) for a in ordered]):
        ra, rb = find(pair.a), find(pair.b)
        if ra != rb:
            first, second = sorted((ra, rb), key=rank.__getitem__)
            parent[second] = first
    return {a: find(a) for a in parent}


def _actors_by_article(store: Store) -> dict[str, frozenset[str]]:
    rows = store.query(
        "SELECT article_id, list(DISTINCT k) AS keys FROM (SELECT article_id, unnest(["
        "actor_country, actor_entity, recipient_country, recipient_entity]) AS k FROM events) "
        "WHERE k IS NOT NULL GROUP BY article_id")
    return {r["article_id"]: frozenset(r["keys"]) for r in rows}


def rebuild_stories(store: Store) -> RebuildStats:
    """Recompute near-duplicates, story clusters and canonical events over the whole store and
    replace the four story tables in one transaction."""
    started = time.perf_counter()
    clock = [started]
    stages: list[tuple[str, float]] = []

    def stage(name: str) -> None:
        now = time.perf_counter()
        stages.append((name, round(now - clock[0], 3)))
        clock[0] = now

    articles = store.query("SELECT id, date, title, text, source, origin FROM articles")
    actors = _actors_by_article(store)
    stage("read")
    words = {a["id"]: normalise(a["text"]) for a in articles}  # once, for both stages below
    roots = duplicate_roots(articles, words)
    stage("duplicates")
    stories = cluster_stories(
        StoryArticle(a["id"], a["date"], a["title"] or "", a["text"],
                     actors.get(a["id"], frozenset()), roots.get(a["id"]), words[a["id"]])
        for a in articles)
    stage("stories")
    story_of = {aid: s.story_id for s in stories for aid in s.articles}
    events = store.query("SELECT * FROM events")
    for row in events:
        row["story_id"] = story_of.get(row["article_id"])
    canon = merge_events(events)
    sources = sources_of(articles)
    story_rows = [{"story_id": s.story_id, "title": s.title, "first_date": s.first_date,
                   "last_date": s.last_date, "num_articles": len(s.articles),
                   "terms": " ".join(s.top_terms())} for s in stories]
    member_rows = [{"article_id": aid, "story_id": s.story_id, "duplicate_of": roots.get(aid),
                    "similarity": s.similarity.get(aid)} for s in stories for aid in s.articles]
    canonical_rows = [canonical_row(c, sources) for c in canon]
    mentions = [m for c in canon for m in mention_rows(c)]
    stage("events")
    _replace(store, {"stories": story_rows, "story_articles": member_rows,
                     "canonical_events": canonical_rows, "event_mentions": mentions})
    stage("write")
    return RebuildStats(len(articles), len(roots), len(stories), len(events), len(canon),
                        round(time.perf_counter() - started, 3), tuple(stages))


def _replace(store: Store, tables: dict[str, list[dict[str, Any]]]) -> None:
    store.con.execute("BEGIN TRANSACTION")
    try:
        for table, rows in tables.items():
            store.con.execute(f"DELETE FROM {table}")
            if rows:
                arrow = pa.Table.from_pylist(rows)  # noqa: F841  (DuckDB replacement scan)
                store.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM arrow")
        store.con.execute("COMMIT")
    except duckdb.Error as exc:
        store.con.execute("ROLLBACK")
        raise StoreError(f"{store.path}: rebuilding stories failed: {exc}") from None


def _check_built(store: Store) -> None:
    found = store.query("SELECT count(*) AS n FROM information_schema.tables "
                        "WHERE table_name = 'event_mentions'")
    if not found[0]["n"]:
        raise StoreError(f"{store.path}: no story tables (an older store): open it writable "
                         "once to migrate, then rebuild stories")
    row = store.query("SELECT (SELECT count(*) FROM events) AS events, "
                      "(SELECT count(*) FROM event_mentions) AS mentions")[0]
    if row["events"] and not row["mentions"]:
        raise StoreError(f"{store.path}: canonical events have not been built: run the story "
                         "rebuild (Store.rebuild_stories) after ingest")


MENTION_SQL = """
SELECT m.canonical_id, m.repeat, e.event_id, e.article_id, e.origin, e.article_date, e.date,
       e.evidence_text, e.evidence_start, e.evidence_end,
       e.said_by_text, e.said_by_country, e.said_by_entity, a.source
FROM event_mentions m JOIN events e USING (event_id) LEFT JOIN articles a ON a.id = e.article_id
WHERE m.canonical_id IN (SELECT unnest(?))
ORDER BY m.canonical_id, e.article_date, e.article_id, e.evidence_start, e.event_id
"""


def _mention(row: dict[str, Any]) -> dict[str, Any]:
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


def canonical_events(store: Store, actor: str | None = None, recipient: str | None = None,
                     type: str | None = None, since: date | None = None,
                     until: date | None = None, story: str | None = None,
                     min_sources: int | None = None, limit: int | None = None,
                     offset: int = 0, mentions: bool = True) -> list[dict[str, Any]]:
    """Canonical events in the contract's shape plus num_mentions, num_articles, num_sources,
    first_reported, last_reported, story_id and (unless mentions=False) their mentions."""
    from ..store.db import event_dict, event_filters

    _check_built(store)
    where, params = event_filters(actor=actor, recipient=recipient, type=type, since=since,
                                  until=until)
    extra = []
    if story:
        extra.append("story_id = ?")
        params.append(story)
    if min_sources:
        extra.append("num_sources >= ?")
        params.append(min_sources)
    if extra:
        where = (where + " AND " if where else "WHERE ") + " AND ".join(extra)
    sql = f"SELECT * FROM canonical_events {where} ORDER BY coalesce(date, article_date), event_id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    rows = store.query(sql, params)
    out = []
    for row in rows:
        item = event_dict(row)
        item.update(story_id=row["story_id"], num_mentions=row["num_mentions"],
                    num_articles=row["num_articles"], num_sources=row["num_sources"],
                    first_reported=row["first_reported"].isoformat(),
                    last_reported=row["last_reported"].isoformat())
        out.append(item)
    if mentions and out:
        by_id: dict[str, list[dict[str, Any]]] = {}
        for m in store.query(MENTION_SQL, [[r["event_id"] for r in out]]):
            by_id.setdefault(m["canonical_id"], []).append(_mention(m))
        for item in out:
            item["mentions"] = by_id.get(item["event_id"], [])
    return out


def canonical_of(store: Store, event_ids: Sequence[str]) -> dict[str, str]:
    """Event id -> the id of the canonical event it is a mention of."""
    rows = store.query("SELECT event_id, canonical_id FROM event_mentions "
                       "WHERE event_id IN (SELECT unnest(?))", [list(event_ids)])
    return {r["event_id"]: r["canonical_id"] for r in rows}
