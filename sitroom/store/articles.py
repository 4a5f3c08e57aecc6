"""Named queries over articles and claims, as the API and the page list them."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .filters import contains_pattern
from .sql import Connection, fetch, scalar


def known_article_ids(con: Connection, ids: Iterable[str]) -> set[str]:
    """The subset of these article ids already stored."""
    ids = list(ids)
    if not ids:
        return set()
    rows = con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                       [ids]).fetchall()
    return {r[0] for r in rows}


def article_page(con: Connection, text: str | None, limit: int,
                 offset: int) -> tuple[int, list[dict[str, Any]]]:
    """(articles matching, a page of them newest first, each with its event count); `text`
    matches part of the title or text, literally."""
    where, params = "", []
    if text:
        where = "WHERE a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\'"
        params = [contains_pattern(text), contains_pattern(text)]
    total = int(scalar(con, f"SELECT count(*) FROM articles a {where}", params))
    rows = fetch(con, f"SELECT a.id, a.date, a.title, a.source, a.url, a.origin, "
                      f"(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events "
                      f"FROM articles a {where} ORDER BY a.date DESC, a.id LIMIT ? OFFSET ?",
                 params + [limit, offset])
    return total, rows


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


def table_counts(con: Connection) -> dict[str, int]:
    """Rows in the articles, canonical_events and claims tables."""
    return {t: int(scalar(con, f"SELECT count(*) FROM {t}"))
            for t in ("articles", "canonical_events", "claims")}
