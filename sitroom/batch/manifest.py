"""The manifest of processed articles: what makes an interrupted ingest resumable.

The manifest is the store's `articles` table. An article row is committed in the same DuckDB
transaction as all of its events and claims (`Store.add`), so after a crash at any moment
(`kill -9` included) an article id is either in the table with every one of its events, or
absent with none of them; DuckDB replays its write-ahead log on the next open. A rerun asks the
manifest which ids are done *before* parsing and sends only the rest to spaCy, so the store ends
with every article exactly once. Ids submitted in this run but not yet committed are tracked
too, so an article repeated in the input is parsed once.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..records import Article
from ..store.db import Store


class Manifest:
    """Done = committed in the store; pending = submitted in this run, not yet committed."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.pending: set[str] = set()

    def split(self, chunk: Sequence[Article]) -> tuple[list[Article], int]:
        """(articles still to do, in order and each id once; how many were already done)."""
        known = self.store.known_ids({a.id for a in chunk})
        fresh: list[Article] = []
        for article in chunk:
            if article.id in known or article.id in self.pending:
                continue
            self.pending.add(article.id)
            fresh.append(article)
        return fresh, len(chunk) - len(fresh)

    def committed(self, ids: Iterable[str]) -> None:
        """These ids are now in the store (or failed): no longer pending."""
        self.pending.difference_update(ids)

    def done_count(self) -> int:
        """Articles recorded as done."""
        return self.store.count("articles")
