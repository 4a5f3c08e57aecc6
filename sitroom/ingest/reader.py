"""Turn paths given by a user into a stream of Articles and InputErrors, in a stable order.

Bad input never stops a batch: every problem becomes an InputError item naming the file
(and line or record) and the stream goes on. A file's reader is chosen by its extension, and
by its first bytes where the extension does not say (.txt, .text, none, standard input).
"""
from __future__ import annotations

import csv
import io
import os
import re
import stat
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from fnmatch import fnmatchcase
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..records import Article
from .common import MAX_FILE_BYTES, Item, ReadOptions, bom_encoding, decode_text, describe_size
from .records import read_csv, read_json, read_jsonl
from .seedformat import parse_seed

SUFFIX_KINDS: dict[str, str | None] = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".warc.gz": "warc",
    ".txt": None, ".text": None, "": None,
}
"""The reader of each extension read when walking a directory (None: by the file's content);
files of other extensions (MANIFEST.tsv, README.md, ...) are skipped and counted."""
ARTICLE_SUFFIXES = set(SUFFIX_KINDS)
_STREAMED = ("jsonl", "warc")  # read record by record: no size limit on the whole input
_HEAD_BYTES = 8192
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)[\s>]")


def read_paths(paths: Iterable[str], stdin: BinaryIO | None = None,
               max_bytes: int = MAX_FILE_BYTES, *, include: Iterable[str] = (),
               exclude: Iterable[str] = (), default_date: date | None = None,
               skipped: Counter[str] | None = None, split_warc: bool = False) -> Iterator[Item]:
    """Read files, directories (recursively) and `-` (standard input) into articles; a file or
    record over `max_bytes` is an InputError. In directories, `include`/`exclude` globs (on the
    path below the directory or the file name) select files; files skipped are counted by reason
    in `skipped`. With `split_warc`, a .warc/.warc.gz file yields `warc.WarcSlice`s for the Dask
    runner to read on its workers (`sitroom.batch.cluster`) instead of articles."""
    options = ReadOptions(max_bytes, default_date, Counter() if skipped is None else skipped,
                          split_warc)
    for given in paths:
        if given == "-":
            yield from _read_stream(stdin or sys.stdin.buffer, "<stdin>", options)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _read_dir(path, given, options, tuple(include), tuple(exclude))
        elif path.exists():
            yield from read_file(path, given, options=options)
        else:
            yield InputError(given, "no such file or directory")


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _matches(file: Path, relative: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatchcase(relative, g) or fnmatchcase(file.name, g) for g in globs)


def _selected(file: Path, relative: str, include: tuple[str, ...], exclude: tuple[str, ...],
              skipped: Counter[str]) -> bool:
    """Whether a file found in a directory is read; if not, count why."""
    if file.name.startswith("."):
        reason = "hidden"
    elif _matches(file, relative, exclude):
        reason = "excluded by --exclude"
    elif include:
        reason = "" if _matches(file, relative, include) else "not matched by --include"
    elif _suffix(file) not in SUFFIX_KINDS:
        reason = f"not an article type ({_suffix(file)})"
    else:
        reason = ""
    if reason:
        skipped[reason] += 1
    return not reason


def _walk(path: Path, given: str, skipped: Counter[str]) -> tuple[list[Path], list[InputError]]:
    """Every file below `path` (symbolic links followed, each directory once) and an error for
    each directory that cannot be listed."""
    problems: list[OSError] = []
    seen = {os.path.realpath(path)}
    files: list[Path] = []
    for root, dirs, names in os.walk(path, followlinks=True, onerror=problems.append):
        kept = []
        for name in sorted(dirs):
            real = os.path.realpath(os.path.join(root, name))
            if real in seen:
                skipped["symbolic link to a directory already read (or a loop)"] += 1
            else:
                seen.add(real)
                kept.append(name)
        dirs[:] = kept
        files.extend(Path(root, name) for name in names)
    errors = [InputError(_shown(given, path, Path(str(p.filename or path))),
                         f"cannot read directory: {p.strerror or p}") for p in problems]
    return sorted(files), errors


def _shown(given: str, top: Path, path: Path) -> str:
    if path == top:
        return given
    return given.rstrip("/") + "/" + path.relative_to(top).as_posix()


def _read_dir(path: Path, given: str, options: ReadOptions, include: tuple[str, ...],
              exclude: tuple[str, ...]) -> Iterator[Item]:
    files, errors = _walk(path, given, options.skipped)
    yield from errors
    for file in files:
        relative = file.relative_to(path).as_posix()
        if _selected(file, relative, include, exclude, options.skipped):
            yield from read_file(file, _shown(given, path, file), options=options)


def _file_type(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def read_file(path: Path, origin: str, max_bytes: int = MAX_FILE_BYTES,
              options: ReadOptions | None = None) -> Iterator[Item]:
    """Read one file by its extension (or, for .txt/.text/none, its content): seed format,
    JSONL, JSON, CSV, HTML, RSS/Atom or WARC. FIFOs and devices are refused: give them as `-`."""
    options = options or ReadOptions(max_bytes)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield InputError(origin, f"{_file_type(info.st_mode)}, not a regular file: "
                             "pipe it to standard input and give `-`")
            return
        kind = SUFFIX_KINDS.get(_suffix(path))
        if kind == "warc" and options.split_warc:
            from .warc import warc_slices

            yield from warc_slices(path, origin, options)  # type: ignore[misc]
            return
        if kind not in _STREAMED and kind is not None and info.st_size > options.max_bytes:
            yield _too_large(origin, info.st_size, options.max_bytes)
            return
        with path.open("rb") as handle:
            yield from _read_stream(handle, origin, options, kind, info.st_size)
    except OSError as exc:
        yield InputError(origin, f"cannot read: {exc.strerror or exc}")


def read_stream(stream: BinaryIO, origin: str,
                max_bytes: int = MAX_FILE_BYTES) -> Iterator[Item]:
    """Standard input, read by its content: JSONL and WARC record by record, anything else (seed
    format, CSV, JSON, HTML, a feed) whole, up to `max_bytes`."""
    return _read_stream(stream, origin, ReadOptions(max_bytes))


def _too_large(origin: str, size: int, max_bytes: int) -> InputError:
    return InputError(origin, f"file is {size:,} bytes, larger than the "
                      f"{describe_size(max_bytes)} limit for one article file")


def _read_stream(handle: BinaryIO, origin: str, options: ReadOptions, kind: str | None = None,
                 size: int | None = None) -> Iterator[Item]:
    head = handle.read(_HEAD_BYTES)
    if not head:
        yield InputError(origin, "empty file")
        return
    kind = kind or sniff(head)
    stream = io.BufferedReader(_Prefixed(head, handle))
    if kind == "warc":
        from .warc import read_warc  # warcio is only loaded for archives

        yield from read_warc(stream, origin, options)
        return
    if kind == "jsonl" and bom_encoding(head) != "utf-16":
        yield from _read_jsonl_stream(stream, origin, options.max_bytes)
        return
    if size is not None and size > options.max_bytes:
        yield _too_large(origin, size, options.max_bytes)
        return
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield InputError(origin, f"more than the {describe_size(options.max_bytes)} limit for one "
                         "article (JSONL and WARC input are read record by record)")
        return
    yield from _read_whole(data, origin, kind, options)


def _read_whole(data: bytes, origin: str, kind: str, options: ReadOptions) -> Iterator[Item]:
    try:
        if kind == "html":
            from .html import read_html  # trafilatura and feedparser load only when needed

            yield read_html(data, origin, options)
        elif kind == "feed":
            from .feeds import read_feed

            yield from read_feed(data, origin, options)
        else:
            text = decode_text(data, origin)
            if kind == "csv":
                yield from read_csv(text, origin, options.max_bytes)
            elif kind == "json":
                yield from read_json(text, origin)
            elif kind == "jsonl":
                yield from read_jsonl(enumerate(text.splitlines(), start=1), origin,
                                      options.max_bytes)
            else:
                yield parse_seed(text, origin)
    except InputError as err:
        yield err


def sniff(head: bytes) -> str:
    """The kind of input that starts with these bytes: warc, jsonl, json, feed, html, csv or
    seed (the seed format, also the fallback, whose reader says what is wrong)."""
    if head.startswith(b"WARC/") or _gzipped_warc(head):
        return "warc"
    encoding = bom_encoding(head) or "utf-8"
    text = head.decode(encoding, errors="replace").lstrip("\ufeff \t\r\n").lower()
    if text.startswith("{"):
        return "jsonl"
    if text.startswith("["):
        return "json"
    if text.startswith("<"):
        return "feed" if _FEED_ROOT.search(text) or (
            text.startswith("<?xml") and "<html" not in text) else "html"
    return "csv" if _csv_header(text.split("\n", 1)[0]) else "seed"


def _gzipped_warc(head: bytes) -> bool:
    if not head.startswith(b"\x1f\x8b"):
        return False
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


def _csv_header(line: str) -> bool:
    try:
        names = {name.strip() for name in next(csv.reader([line]), [])}
    except csv.Error:
        return False
    return {"date", "text"} <= names


class _Prefixed(io.RawIOBase):
    """The bytes already read to sniff the input, then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _bounded_lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines, never holding more than `max_bytes` of one: a longer line is skipped
    (None) rather than read."""
    number = 0
    while raw := handle.readline(max_bytes + 1):
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = handle.readline(1 << 20)
            yield number, None
        else:
            yield number, raw


def _read_jsonl_stream(handle: BinaryIO, origin: str, max_bytes: int) -> Iterator[Item]:
    """Stream JSONL line by line (bounded memory); bad lines are reported, not fatal."""
    for number, raw in _bounded_lines(handle, max_bytes):
        if raw is None:
            yield InputError(f"{origin}#line {number}",
                             f"record larger than the {describe_size(max_bytes)} limit")
            continue
        try:
            line = decode_text(raw, f"{origin}#line {number}")
        except InputError as err:
            yield err
            continue
        yield from read_jsonl([(number, line)], origin, max_bytes)


def articles_only(items: Iterable[Item]) -> Iterator[Article]:
    """Drop errors (for callers that report them elsewhere)."""
    return (item for item in items if isinstance(item, Article))
