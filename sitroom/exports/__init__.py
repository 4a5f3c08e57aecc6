"""Exports: stored events out as CSV, Parquet, JSON lines, GDELT 2.0 and POLECAT records.

`export(store, fmt, path, **filters)` is the one entry point (the CLI's `export` command calls
it). Columns, types and empty fields per format are in docs/exports.md.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from ..errors import SitroomError

if TYPE_CHECKING:
    from ..store.db import Store
    from ..store.filters import EventFilter

FORMATS = ("csv", "parquet", "jsonl", "gdelt", "polecat")
"""Export formats, as named on the command line."""
CLAIM_FORMATS = ("csv", "parquet", "jsonl")
"""Formats of the claims export (`export_claims`, `sitroom export --claims`)."""

STDOUT = "-"


@contextmanager
def _text_output(path: str) -> Iterator[IO[str]]:
    if path == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        handle = open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise SitroomError(f"{path}: cannot write: {exc.strerror}") from None
    with handle:
        yield handle


def write_jsonl(store: Store, handle: IO[str], **filters: Any) -> int:
    """The filtered events as JSON lines in the output contract's shape; returns how many."""
    from ..store.exports import stream
    from ..store.rows import event_dict

    n = 0
    for row in stream(store, "e.*", **filters):
        handle.write(json.dumps(event_dict(row), ensure_ascii=False) + "\n")
        n += 1
    return n


def export(store: Store, fmt: str, path: str, canonical: bool = False, *,
           header: bool | None = None, actor: str | None = None, recipient: str | None = None,
           type: str | None = None, since: date | None = None,
           until: date | None = None, where: EventFilter | None = None) -> int:
    """Write the store's events (filtered as in `Store.events`: `where`, or its actor,
    recipient, type, since and until) to `path` as `fmt`; returns the rows written.

    `path` "-" is standard output (not for parquet). `header` applies to the tabular text formats:
    csv writes one unless header=False; gdelt, like GDELT's own files, only when header=True.
    `canonical=True` writes one row per canonical event (reports of one occurrence merged, with
    their counts) instead of one per report.
    """
    from . import flat, gdelt, polecat
    from ..store.exports import check_canonical
    from ..store.filters import EventFilter

    if fmt not in FORMATS:
        raise SitroomError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if header is not None and fmt not in ("csv", "gdelt"):
        raise SitroomError(f"header applies to csv and gdelt exports, not {fmt}")
    table = check_canonical(store, canonical)
    where = where or EventFilter(actor=actor, recipient=recipient, type=type, since=since,
                                 until=until)
    filters = {"where": where, "table": table}
    if fmt == "parquet":
        if path == STDOUT:
            raise SitroomError("parquet export needs a file path, not standard output")
        try:
            return flat.write_parquet(store, path, **filters)
        except OSError as exc:
            raise SitroomError(f"{path}: cannot write: {exc}") from None
    with _text_output(path) as handle:
        if fmt == "csv":
            return flat.write_csv(store, handle, header=header is not False, **filters)
        if fmt == "gdelt":
            return gdelt.write_gdelt(store, handle, header=bool(header), **filters)
        if fmt == "polecat":
            return polecat.write_polecat(store, handle, **filters)
        return write_jsonl(store, handle, **filters)


def export_claims(store: Store, fmt: str, path: str, *, header: bool | None = None) -> int:
    """Write the store's claims to `path` as `fmt` (csv, parquet or jsonl), one row per claim
    with its group, role, event and claimant (docs/exports.md, "Claims"); returns the rows
    written. `path` "-" is standard output (not for parquet)."""
    from . import claims

    if fmt not in CLAIM_FORMATS:
        raise SitroomError(f"the claims export writes {', '.join(CLAIM_FORMATS)}, not {fmt!r}")
    if header is not None and fmt != "csv":
        raise SitroomError(f"header applies to the csv claims export, not {fmt}")
    if fmt == "parquet":
        if path == STDOUT:
            raise SitroomError("parquet export needs a file path, not standard output")
        try:
            return claims.write_parquet(store, path)
        except OSError as exc:
            raise SitroomError(f"{path}: cannot write: {exc}") from None
    with _text_output(path) as handle:
        if fmt == "csv":
            return claims.write_csv(store, handle, header=header is not False)
        return claims.write_jsonl(store, handle)


__all__ = ["CLAIM_FORMATS", "FORMATS", "export", "export_claims", "write_jsonl"]
