"""Turn paths given by a user into a stream of Articles and InputErrors, in a stable order.

Bad input never stops a batch: every problem becomes an InputError item naming the file
(and line or record) and the stream goes on.
"""
from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..records import Article
from .common import MAX_FILE_BYTES, decode_text
from .records import Item, read_csv, read_jsonl
from .seedformat import parse_seed

ARTICLE_SUFFIXES = {".txt", ".jsonl", ".ndjson", ".csv", ""}
"""Files read when walking a directory; others (MANIFEST.tsv, README.md, ...) are skipped."""


def read_paths(paths: Iterable[str], stdin: BinaryIO | None = None,
               max_bytes: int = MAX_FILE_BYTES) -> Iterator[Item]:
    """Read files, directories (recursively) and `-` (standard input) into articles; a file or
    record over `max_bytes` is an InputError."""
    for given in paths:
        if given == "-":
            yield from read_stream(stdin or sys.stdin.buffer, "<stdin>", max_bytes)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _read_dir(path, given, max_bytes)
        elif path.exists():
            yield from read_file(path, given, max_bytes)
        else:
            yield InputError(given, "no such file or directory")


def _read_dir(path: Path, given: str, max_bytes: int) -> Iterator[Item]:
    files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    for file in files:
        if file.suffix.lower() in ARTICLE_SUFFIXES:
            shown = given.rstrip("/") + "/" + file.relative_to(path).as_posix()
            yield from read_file(file, shown, max_bytes)


def read_file(path: Path, origin: str, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Item]:
    """Read one file by its extension: .jsonl/.ndjson, .csv, anything else as seed format."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            with path.open("rb") as handle:
                yield from _read_jsonl_bytes(handle, origin, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(origin, f"file is {size / 1e6:.1f} MB, larger than the "
                             f"{max_bytes / 1e6:.0f} MB limit for one article file")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(origin, f"cannot read: {exc.strerror or exc}")
        return
    yield from _read_bytes(data, origin, csv_format=suffix == ".csv")


def read_stream(stream: BinaryIO, origin: str,
                max_bytes: int = MAX_FILE_BYTES) -> Iterator[Item]:
    """Standard input: JSONL when it starts with `{`, else one seed-format article."""
    head = stream.read(1)
    rest = stream.read()
    data = head + rest
    if data.lstrip()[:1] == b"{":
        yield from _read_jsonl_bytes(io.BytesIO(data), origin, max_bytes)
    else:
        yield from _read_bytes(data, origin, csv_format=False)


def _read_bytes(data: bytes, origin: str, csv_format: bool) -> Iterator[Item]:
    try:
        text = decode_text(data, origin)
        if csv_format:
            yield from read_csv(text, origin)
        else:
            yield parse_seed(text, origin)
    except InputError as err:
        yield err


def _read_jsonl_bytes(handle: BinaryIO, origin: str, max_bytes: int) -> Iterator[Item]:
    """Stream a JSONL file line by line (bounded memory); bad lines are reported, not fatal."""
    empty = True
    for number, raw in enumerate(handle, start=1):
        empty = False
        try:
            line = decode_text(raw, f"{origin}#line {number}")
        except InputError as err:
            yield err
            continue
        yield from read_jsonl([(number, line)], origin, max_bytes)
    if empty:
        yield InputError(origin, "empty file")


def articles_only(items: Iterable[Item]) -> Iterator[Article]:
    """Drop errors (for callers that report them elsewhere)."""
    return (item for item in items if isinstance(item, Article))
