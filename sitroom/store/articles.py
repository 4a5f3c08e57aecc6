"""Named queries over articles and claims, as the API and the page list them."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from .filters import EventFilter, contains_pattern, words_clause
from .sql import Connection, fetch, scalar


def known_article_ids(con: Connection, ids: Iterable[str]) -> set[str]:
    """The subset of these article ids already stored."""
    ids = list(ids)
    if not ids:
        return set()
    rows = con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                       [ids]).fetchall()
    return {r[0] for r in rows}


ARTICLE_SORTS = {"newest": "a.date DESC, a.id", "oldest": "a.date, a.id",
                 "events": "events DESC, a.date DESC, a.id", "title": "title, a.date DESC, a.id"}
"""The orders an article list can take, by name."""
FIRST_LINE = "trim(split_part(ltrim(a.text, chr(10) || ' '), chr(10), 1))"
TITLE_SQL = (f"coalesce(nullif(trim(a.title), ''), CASE WHEN length({FIRST_LINE}) <= 120 "
             f"THEN {FIRST_LINE} ELSE left(regexp_replace(left({FIRST_LINE}, 121), "
             f"'\\s+\\S*$', ''), 120) || '…' END)")
"""An article's title: the record's, else the first line of its text (seed-format files), a
line over 120 characters cut after its last whole word within them, with an ellipsis. An
article whose record has no title, or an empty or blank one, is `untitled` in the list."""


def article_page(con: Connection, text: str | None, limit: int, offset: int,
                 where: EventFilter | None = None,
                 sort: str = "newest") -> tuple[int, list[dict[str, Any]]]:
    """(articles matching, a page of them in `sort` order, each with its event count: the
    events `where` keeps); `text` is words of the title or text (`words_clause`); `where`'s
    since/until bound the article date, its source the publisher, and its event fields
    (actor, type, ...) keep articles with at least one such event."""
    where = where or EventFilter()
    clauses, params = [], []
    if text:
        clause, values = words_clause(["a.title", "a.text"], text)
        clauses.append(clause)
        params += values
    for clause, value in (("a.date >= ?", where.since), ("a.date <= ?", where.until),
                          ("a.source ILIKE ? ESCAPE '\\'",
                           contains_pattern(where.source) if where.source else None)):
        if value:
            clauses.append(clause)
            params.append(value)
    events = replace(where, since=None, until=None, source=None, limit=None, offset=0)
    event_where, event_params = events.where()
    if event_where:
        clauses.append(f"a.id IN (SELECT article_id FROM events {event_where})")
        params += event_params
    sql_where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    columns = (f"a.id, a.date, {TITLE_SQL} AS title, nullif(trim(a.title), '') IS NULL "
               f"AS untitled, a.source, a.url, a.origin")
    order = ARTICLE_SORTS[sort]
    # the page's event counts: events of the page's articles only (a correlated count reads
    # every event's article id into a count per article, 0.1-0.2 s on a million events)
    counted = ("WITH a AS ({page}), n AS (SELECT article_id, count(*) AS events FROM events "
               "WHERE article_id IN (SELECT id FROM a) GROUP BY article_id) "
               "SELECT a.*, coalesce(n.events, 0) AS events FROM a "
               f"LEFT JOIN n ON n.article_id = a.id ORDER BY {order}")
    if sql_where and sort in ("newest", "oldest"):
        # a filter reads every article (a word search every text: 0.4 s on 135,000 articles;
        # an event field a semi-join on a million events): once, with the total beside the
        # page's ids (count(*) OVER ()), rather than once to count and again for the page; the
        # title is made for the page's articles only
        sql = counted.format(page=(
            f"SELECT {columns}, p.total FROM (SELECT a.id AS page_id, count(*) OVER () AS total "
            f"FROM articles a {sql_where} ORDER BY {order} LIMIT ? OFFSET ?) p "
            f"JOIN articles a ON a.id = p.page_id"))
        rows = fetch(con, sql, params + [limit, offset])
        if rows or not offset:  # none on the first page: none at all
            total = rows[0]["total"] if rows else 0
            for r in rows:
                del r["total"]
            return total, rows
    total = int(scalar(con, f"SELECT count(*) FROM articles a {sql_where}", params))
    if sort == "events":  # the order needs every article's count
        sql = (f"SELECT {columns}, (SELECT count(*) FROM events e WHERE e.article_id = a.id) "
               f"AS events FROM articles a {sql_where} ORDER BY {order} LIMIT ? OFFSET ?")
    else:
        sql = counted.format(page=(f"SELECT {columns} FROM articles a {sql_where} "
                                   f"ORDER BY {order} LIMIT ? OFFSET ?"))
    return total, fetch(con, sql, params + [limit, offset])


def article_by_id(con: Connection, article_id: str) -> dict[str, Any] | None:
    """The article of this id (id, date, title, text, source, url, origin), or None."""
    rows = fetch(con, "SELECT id, date, title, text, source, url, origin FROM articles "
                      "WHERE id = ?", [article_id])
    return rows[0] if rows else None


def article_event_rows(con: Connection, article_id: str) -> list[dict[str, Any]]:
    """An article's events rows in text order."""
    return fetch(con, "SELECT * FROM events WHERE article_id = ? "
                      "ORDER BY evidence_start, event_id", [article_id])


def article_claim_rows(con: Connection, article_id: str) -> list[dict[str, Any]]:
    """An article's claims rows in text order."""
    return fetch(con, "SELECT * FROM claims WHERE article_id = ? "
                      "ORDER BY evidence_start, claim_id", [article_id])


def kept_claim_ids(con: Connection, where: EventFilter) -> set[str] | None:
    """The ids of the claims the filter keeps (`EventFilter.claim_where`), or None where it
    narrows no claim (its fields are about events only, or it has none)."""
    sql_where, params = where.claim_where()
    if not sql_where:
        return None
    return {r[0] for r in con.execute(f"SELECT claim_id FROM claims {sql_where}",
                                      params).fetchall()}


def table_counts(con: Connection) -> dict[str, int]:
    """Rows in the articles, canonical_events and claims tables."""
    return {t: int(scalar(con, f"SELECT count(*) FROM {t}"))
            for t in ("articles", "canonical_events", "claims")}
