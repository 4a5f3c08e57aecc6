"""The story tables in the store: rebuild them all, update them with what new articles change,
and read canonical events back. The work over rows is `sitroom.stories`; the SQL is here."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from ..errors import StoreError
from ..stories.build import (Key, RebuildStats, Stopwatch, block_of, duplicate_roots,
                             feature_tables, mention_dict, merged_rows, story_row)
from ..stories.clusters import (WINDOW_DAYS, Clustering, Story, StoryArticle, cluster_stories,
                                tfidf_vectors)
from ..stories.events import sources_of
from ..stories.terms import terms
from ..stories.text import BANDS, near_duplicate_words, normalise, overlap, shingle_arrays
from .events import DATE_ORDER
from .filters import EventFilter
from .rows import event_dict
from .sql import insert

if TYPE_CHECKING:
    from .db import Store


def _actors_by_article(store: Store, ids: Sequence[str] | None = None
                       ) -> dict[str, frozenset[str]]:
    where, params = ("", []) if ids is None else (
        "WHERE article_id IN (SELECT unnest(?))", [list(ids)])
    rows = store.query(
        "SELECT article_id, list(DISTINCT k) AS keys FROM (SELECT article_id, unnest(["
        "actor_country, actor_entity, recipient_country, recipient_entity]) AS k FROM events "
        f"{where}) WHERE k IS NOT NULL GROUP BY article_id", params)
    return {r["article_id"]: frozenset(r["keys"]) for r in rows}


def rebuild_stories(store: Store) -> RebuildStats:
    """Recompute near-duplicates, story clusters and canonical events over the whole store and
    replace the four story tables in one transaction."""
    watch = Stopwatch()
    stage = watch.stage

    articles = store.query("SELECT id, date, title, text, source, origin FROM articles")
    actors = _actors_by_article(store)
    stage("read")
    words = {a["id"]: normalise(a["text"]) for a in articles}  # once, for both stages below
    bands: dict[str, list[bytes]] = {}
    roots = duplicate_roots(articles, words, bands)
    stage("duplicates")
    vectors = dict(zip([a["id"] for a in articles], tfidf_vectors(
        [terms(a["title"] or "", a["text"], words[a["id"]]) for a in articles])))
    stories = cluster_stories(
        (StoryArticle(a["id"], a["date"], a["title"] or "", a["text"],
                      actors.get(a["id"], frozenset()), roots.get(a["id"]), words[a["id"]])
         for a in articles), vectors=vectors)
    stage("stories")
    story_of = {aid: s.story_id for s in stories for aid in s.articles}
    events = store.query("SELECT * FROM events")
    for row in events:
        row["story_id"] = story_of.get(row["article_id"])
    merged = merged_rows(events, sources_of(articles))
    member_rows = [{"article_id": aid, "story_id": s.story_id, "duplicate_of": roots.get(aid),
                    "similarity": s.similarity.get(aid)} for s in stories for aid in s.articles]
    stage("events")
    _replace(store, {"stories": [story_row(s) for s in stories], "story_articles": member_rows,
                     **merged, **feature_tables(vectors, bands)})
    stage("write")
    return RebuildStats(len(articles), len(roots), len(stories), len(events),
                        len(merged["canonical_events"]),
                        watch.total(), tuple(watch.stages))


def _replace(store: Store, tables: dict[str, list[dict[str, Any]] | pa.Table],
             deletes: Sequence[tuple[str, list[Any]]] | None = None) -> None:
    """In one transaction: empty each table (or, with `deletes`, run those parameterised
    DELETEs), then insert the rows."""
    with store.transaction("rebuilding stories failed"):
        if deletes is None:
            for table in tables:
                store.con.execute(f"DELETE FROM {table}")
        else:
            for sql, params in deletes:
                store.con.execute(sql, params)
        for table, rows in tables.items():
            insert(store.con, table, rows)


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


def canonical_events(store: Store, where: EventFilter | None = None, mentions: bool = True,
                     **fields: Any) -> list[dict[str, Any]]:
    """Canonical events in the contract's shape plus num_mentions, num_articles, num_sources,
    first_reported, last_reported, story_id and (unless mentions=False) their mentions;
    `where` (or its fields as keywords) filters them."""
    where = where or EventFilter(**fields)
    _check_built(store)
    sql_where, params = where.where()
    page, paging = where.page()
    sql = f"SELECT * FROM canonical_events {sql_where} {DATE_ORDER}{page}"
    rows = store.query(sql, params + paging)
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
            by_id.setdefault(m["canonical_id"], []).append(mention_dict(m))
        for item in out:
            item["mentions"] = by_id.get(item["event_id"], [])
    return out


def canonical_of(store: Store, event_ids: Sequence[str]) -> dict[str, str]:
    """Event id -> the id of the canonical event it is a mention of."""
    rows = store.query("SELECT event_id, canonical_id FROM event_mentions "
                       "WHERE event_id IN (SELECT unnest(?))", [list(event_ids)])
    return {r["event_id"]: r["canonical_id"] for r in rows}


def _features(store: Store, ids: Sequence[str]) -> dict[str, dict[str, float]]:
    rows = store.query("SELECT article_id, terms, weights FROM story_features "
                       "WHERE article_id IN (SELECT unnest(?))", [list(ids)])
    return {r["article_id"]: dict(zip(r["terms"], r["weights"])) for r in rows}


def _new_duplicates(store: Store, new: list[dict[str, Any]], words: dict[str, list[str]],
                    bands: dict[str, list[bytes]]) -> tuple[dict[str, str | None],
                                                            dict[str, Key]]:
    """The new `duplicate_of` of every article whose near-duplicate group the new articles can
    change (new ones and the stored members of groups they join), and those articles' keys.
    Groups are connected components of pairwise links, so the stored groups plus the links of
    the new articles (to each other and, through the stored LSH buckets, to stored articles)
    give exactly the groups of a full rebuild; each group's root is its earliest member."""
    ordered = sorted(new, key=lambda a: (a["date"], a["id"]))
    key: dict[str, Key] = {a["id"]: (a["date"], a["id"]) for a in ordered}
    edges = [(p.a, p.b) for p in near_duplicate_words([(a["id"], words[a["id"]])
                                                       for a in ordered], bands)]
    if bands:
        ids = list(bands)
        probe = pa.table({  # noqa: F841  (read by DuckDB's replacement scan)
            "article_id": pa.array([i for i in ids for _ in range(BANDS)], pa.string()),
            "band": pa.array(list(range(BANDS)) * len(ids), pa.uint8()),
            "key": pa.array([k for i in ids for k in bands[i]], pa.binary())})
        pairs = store.con.execute(
            "SELECT DISTINCT p.article_id, s.article_id FROM probe p "
            "JOIN story_bands s ON s.band = p.band AND s.key = p.key").fetchall()
        if pairs:
            old_ids = sorted({o for _, o in pairs})
            texts = store.query("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))",
                                [old_ids])
            old_arrays = dict(zip([t["id"] for t in texts],
                                  shingle_arrays([normalise(t["text"]) for t in texts])))
            new_ids = sorted({n for n, _ in pairs})
            new_arrays = dict(zip(new_ids, shingle_arrays([words[i] for i in new_ids])))
            edges += [(n, o) for n, o in pairs
                      if overlap(new_arrays[n], old_arrays[o])[0]]
    parent: dict[str, str] = {}
    old_dup: dict[str, str | None] = {a: None for a in key}
    linked_old = {x for e in edges for x in e if x not in key}
    if linked_old:
        groups = store.query(
            "WITH r AS (SELECT DISTINCT coalesce(duplicate_of, article_id) AS root "
            "FROM story_articles WHERE article_id IN (SELECT unnest(?))) "
            "SELECT s.article_id, s.duplicate_of, a.date FROM story_articles s "
            "JOIN articles a ON a.id = s.article_id "
            "WHERE s.article_id IN (SELECT root FROM r) OR s.duplicate_of IN (SELECT root FROM r)",
            [sorted(linked_old)])
        for g in groups:
            key[g["article_id"]] = (g["date"], g["article_id"])
            old_dup[g["article_id"]] = g["duplicate_of"]
            if g["duplicate_of"] is not None:
                edges.append((g["duplicate_of"], g["article_id"]))

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=key.__getitem__)
            parent[second] = first
    dup = {a: (None if find(a) == a else find(a)) for a in key}
    fresh = {a["id"] for a in new}
    changed = {a: d for a, d in dup.items() if a in fresh or d != old_dup.get(a)}
    return changed, key


def update_stories(store: Store) -> RebuildStats:
    """Bring the story tables up to date with the articles stored since the last rebuild, with
    the same result as `rebuild_stories` but at a cost in proportion to what the new articles
    can change (docs/stories.md, "Incremental"):

    1. near-duplicate groups: the new articles' LSH buckets are looked up in `story_bands`;
    2. stories: the one pass is replayed from the first article whose input changed (a new
       article, or one whose near-duplicate root changed), seeded with the stories open at that
       point rebuilt from their stored vectors, until every story it changed can take no later
       article (out of the window, no later copy of its articles, no later article in it
       before): from there on the stored result is the pass's result;
    3. canonical events: every merge block (type, actor) with a report of a new article, or of
       an article whose story changed, is merged again.

    Everything is written in one transaction. A store whose stories were built before features
    were stored gets a full rebuild."""
    watch = Stopwatch()
    stage = watch.stage

    new = store.query("SELECT a.id, a.date, a.title, a.text, a.source, a.origin FROM articles a "
                      "WHERE NOT EXISTS (SELECT 1 FROM story_features f "
                      "WHERE f.article_id = a.id)")
    if not new:
        return RebuildStats(0, 0, 0, 0, 0, watch.total(), incremental=True)
    fresh = {a["id"] for a in new}
    built = store.query("SELECT count(*) AS n FROM story_articles "
                        "WHERE article_id IN (SELECT unnest(?))", [sorted(fresh)])[0]["n"]
    if built:  # built before migration 4 stored features: nothing to start from
        return rebuild_stories(store)
    stage("read")
    words = {a["id"]: normalise(a["text"]) for a in new}
    bands: dict[str, list[bytes]] = {}
    dup_changed, _ = _new_duplicates(store, new, words, bands)
    stage("duplicates")
    vectors = dict(zip([a["id"] for a in new], tfidf_vectors(
        [terms(a["title"] or "", a["text"], words[a["id"]]) for a in new])))
    new_key = {a["id"]: (a["date"], a["id"]) for a in new}
    changed_keys = [new_key[a] for a in fresh] + [
        (r["date"], r["id"]) for r in store.query(
            "SELECT id, date FROM articles WHERE id IN (SELECT unnest(?))",
            [[a for a in dup_changed if a not in fresh]])]
    cutoff, pending = min(changed_keys), max(changed_keys)
    replay = _replay(store, cutoff, pending, vectors, dup_changed)
    stage("stories")
    moved = {aid for aid, (sid, old) in replay.assigned.items() if sid != old}
    affected = fresh | moved
    events = _block_events(store, affected, replay)
    merged = merged_rows(events, sources_of(store.query(
        "SELECT id, source, origin FROM articles WHERE id IN (SELECT unnest(?))",
        [sorted({e["article_id"] for e in events})])))
    blocks = sorted({b["block"] for b in merged["event_blocks"]})
    stage("events")
    member_rows = [{"article_id": aid, "story_id": sid,
                    "duplicate_of": replay.duplicate_of.get(aid),
                    "similarity": replay.similarity[aid]}
                   for aid, (sid, _) in replay.assigned.items()]
    story_rows = [story_row(replay.by_id[sid]) for sid in sorted(replay.changed)
                  if sid in replay.by_id]
    in_blocks = "SELECT event_id FROM event_blocks WHERE block IN (SELECT unnest(?))"
    deletes = [
        ("DELETE FROM stories WHERE story_id IN (SELECT unnest(?))", [sorted(replay.changed)]),
        ("DELETE FROM story_articles WHERE article_id IN (SELECT unnest(?))",
         [list(replay.assigned)]),
        ("DELETE FROM canonical_events WHERE event_id IN (SELECT canonical_id FROM "
         f"event_mentions WHERE event_id IN ({in_blocks}))", [blocks]),
        (f"DELETE FROM event_mentions WHERE event_id IN ({in_blocks})", [blocks]),
        ("DELETE FROM event_blocks WHERE block IN (SELECT unnest(?))", [blocks])]
    _replace(store, {"stories": story_rows, "story_articles": member_rows, **merged,
                     **feature_tables(vectors, bands)}, deletes)
    stage("write")
    return RebuildStats(len(new), sum(d is not None for d in dup_changed.values()),
                        len(story_rows), len(events), len(merged["canonical_events"]),
                        watch.total(), tuple(watch.stages),
                        incremental=True, replayed=len(replay.assigned))


@dataclass
class _Replay:
    """What replaying the story pass changed."""

    assigned: dict[str, tuple[str, str | None]]  # article -> (new story, old story)
    similarity: dict[str, float]
    duplicate_of: dict[str, str | None]
    changed: set[str]  # stories whose rows change (new, altered or gone)
    by_id: dict[str, Story]


def _replay_tail(store: Store, cutoff: Key, dup_changed: dict[str, str | None]
                 ) -> tuple[list[dict[str, Any]], dict[str, Key]]:
    """The articles from `cutoff` on, in pass order, with their new `duplicate_of`; and each
    near-duplicate root's last copy among them."""
    tail = [r for r in store.query(
        "SELECT a.id, a.date, a.title, s.story_id, s.duplicate_of FROM articles a "
        "LEFT JOIN story_articles s ON s.article_id = a.id WHERE a.date >= ?", [cutoff[0]])
        if (r["date"], r["id"]) >= cutoff]
    tail.sort(key=lambda r: (r["date"], r["id"]))
    for r in tail:
        if r["id"] in dup_changed:
            r["duplicate_of"] = dup_changed[r["id"]]
    last_dup: dict[str, Key] = {}
    for r in tail:
        if r["duplicate_of"] is not None:
            last_dup[r["duplicate_of"]] = (r["date"], r["id"])
    return tail, last_dup


def _seed(store: Store, cutoff: Key, window: timedelta, last_dup: dict[str, Key]
          ) -> tuple[Clustering, dict[str, Story], dict[str, Key]]:
    """The pass as it stood at `cutoff`: the stories open then, rebuilt from their stored
    vectors; and each stored story's last article."""
    members = store.query(
        "WITH s AS (SELECT sa.story_id FROM story_articles sa JOIN articles a "
        "ON a.id = sa.article_id WHERE a.date >= ? UNION SELECT story_id FROM story_articles "
        "WHERE article_id IN (SELECT unnest(?))) "
        "SELECT sa.story_id, sa.article_id, sa.similarity, a.date, a.title "
        "FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
        "WHERE sa.story_id IN (SELECT story_id FROM s)",
        [cutoff[0] - window, sorted(last_dup)])
    old_last: dict[str, Key] = {}
    before: dict[str, list[dict[str, Any]]] = {}
    for m in members:
        k = (m["date"], m["article_id"])
        old_last[m["story_id"]] = max(old_last.get(m["story_id"], k), k)
        if k < cutoff:
            before.setdefault(m["story_id"], []).append(m)
    seed_ids = [m["article_id"] for ms in before.values() for m in ms]
    vectors = _features(store, seed_ids)
    actors = _actors_by_article(store, seed_ids)
    run = Clustering()
    by_id: dict[str, Story] = {}
    for sid, ms in sorted(before.items(), key=lambda kv: min((m["date"], m["article_id"])
                                                             for m in kv[1])):
        ms.sort(key=lambda m: (m["date"], m["article_id"]))
        by_id[sid] = run.seed(sid, [(StoryArticle(m["article_id"], m["date"], m["title"] or "",
                                                  "", actors.get(m["article_id"], frozenset())),
                                     vectors[m["article_id"]], m["similarity"]) for m in ms])
    return run, by_id, old_last


def _replay(store: Store, cutoff: Key, pending: Key, new_vectors: dict[str, dict[str, float]],
            dup_changed: dict[str, str | None], chunk: int = 1000) -> _Replay:
    """Replay the story pass from `cutoff` (see `update_stories`); `pending`: the last article
    whose input changed."""
    window = timedelta(days=WINDOW_DAYS)
    tail, last_dup = _replay_tail(store, cutoff, dup_changed)
    run, by_id, old_last = _seed(store, cutoff, window, last_dup)
    low: Key = (date.min, "")
    state = {"old": low, "dup": low, "last": date.min}
    changed: set[str] = set()

    def mark(sid: str | None) -> None:
        if sid is None or sid in changed:
            return
        changed.add(sid)
        state["old"] = max(state["old"], old_last.get(sid, low))
        story = by_id.get(sid)
        if story is not None:
            state["last"] = max(state["last"], story.last_date or date.min)
            for aid in story.articles:
                state["dup"] = max(state["dup"], last_dup.get(aid, low))

    def settled(key: Key) -> bool:
        """Past every changed input and story: from here on the stored pass stands."""
        return key > pending and key > state["old"] and key > state["dup"] \
            and key[0] - state["last"] > window

    out = _Replay({}, {}, {}, changed, by_id)
    for start in range(0, len(tail), chunk):
        part = tail[start:start + chunk]
        if settled((part[0]["date"], part[0]["id"])):
            break
        ids = [r["id"] for r in part]
        vectors = _features(store, [i for i in ids if i not in new_vectors])
        vectors.update((i, new_vectors[i]) for i in ids if i in new_vectors)
        actors = _actors_by_article(store, ids)
        for r in part:
            if settled((r["date"], r["id"])):
                return out
            aid = r["id"]
            story = run.place(StoryArticle(aid, r["date"], r["title"] or "", "",
                                           actors.get(aid, frozenset()), r["duplicate_of"]),
                              vectors[aid])
            by_id[story.story_id] = story
            out.assigned[aid] = (story.story_id, r["story_id"])
            out.similarity[aid] = story.similarity[aid]
            out.duplicate_of[aid] = r["duplicate_of"]
            if story.story_id != r["story_id"]:
                mark(story.story_id)
                mark(r["story_id"])
            if story.story_id in changed:
                state["last"] = max(state["last"], r["date"])
                state["dup"] = max(state["dup"], last_dup.get(aid, low))
    return out


def _block_events(store: Store, affected: set[str], replay: _Replay) -> list[dict[str, Any]]:
    """Every events row in a merge block with a report of an affected article, with the
    story_id the update gives its article."""
    own = store.query("SELECT * FROM events WHERE article_id IN (SELECT unnest(?))",
                      [sorted(affected)])
    blocks = sorted({block_of(e) for e in own})
    rows = {e["event_id"]: e for e in store.query(
        "SELECT e.* FROM events e JOIN event_blocks b ON b.event_id = e.event_id "
        "WHERE b.block IN (SELECT unnest(?))", [blocks])}
    rows.update((e["event_id"], e) for e in own)
    events = list(rows.values())
    story = {r["article_id"]: r["story_id"] for r in store.query(
        "SELECT article_id, story_id FROM story_articles WHERE article_id IN (SELECT unnest(?))",
        [sorted({e["article_id"] for e in events})])}
    story.update((aid, sid) for aid, (sid, _) in replay.assigned.items())
    for e in events:
        e["story_id"] = story.get(e["article_id"])
    return events
