"""Steps still owed after articles were stored: what makes an ingest's tail self-healing.

Storing articles (`Store.add`, `load_parts`) writes a `pending_steps` row in the same
transaction as the articles; `sitroom.service.ingest` deletes it once the steps that follow
(story update, claim regrouping) have finished. Each of those steps is one transaction that
brings its tables up to date with whatever is stored, so a process killed anywhere in between
leaves the row behind, and the next ingest (even one with nothing new to store) runs the steps
again and ends with the tables a clean ingest gives.
"""
from __future__ import annotations

from .sql import Connection

POST_INGEST = "post_ingest"
"""The step row an article write leaves: stories and claim groups are owed."""


def mark_pending(con: Connection, step: str = POST_INGEST) -> None:
    """Record `step` as owed (call inside the transaction that makes it owed)."""
    con.execute("INSERT OR IGNORE INTO pending_steps (step) VALUES (?)", [step])


def pending_steps(con: Connection) -> set[str]:
    """The steps owed."""
    return {r[0] for r in con.execute("SELECT step FROM pending_steps").fetchall()}


def clear_pending(con: Connection, step: str = POST_INGEST) -> None:
    """`step` has been run to the end."""
    con.execute("DELETE FROM pending_steps WHERE step = ?", [step])
