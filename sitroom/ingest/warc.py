"""WARC and WARC.gz crawl archives: warcio streams the records; every HTML response becomes an
article through the HTML reader. One record at a time is in memory, never the archive.

For Dask (`sitroom ingest --engine dask`), an archive on disk can be split instead of read here:
`warc_slices` scans it (record headers only: no HTML is parsed) and yields `WarcSlice`s, the
offsets of up to `SLICE_RECORDS` HTML responses each; a worker reads its slice with
`read_warc_slice`, seeking to each record, so the pages are parsed on the workers."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from ..errors import InputError
from .common import Item, ReadOptions, describe_size
from .html import read_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")
SLICE_RECORDS = 32
"""HTML responses in one WarcSlice (one Dask task)."""


@dataclass(frozen=True)
class WarcSlice:
    """Some HTML response records of a WARC file: (record number, byte offset) each, with the
    reader's settings; read on a Dask worker with `read_warc_slice` (the file must be where the
    workers see it)."""

    path: str
    origin: str
    records: tuple[tuple[int, int], ...]
    max_bytes: int
    default_date: date | None = None


def _html_response(record: Any, options: ReadOptions) -> bool:
    """True for an HTML response record; other responses are counted as skipped."""
    if record.rec_type != "response":
        return False
    kind = record.http_headers.get_header("Content-Type", "") \
        if record.http_headers is not None else ""
    if not kind.lower().startswith(_HTML_TYPES):
        options.skipped["non-HTML WARC responses"] += 1
        return False
    return True


def _record_item(record: Any, number: int, origin: str, options: ReadOptions) -> Item:
    """The article (or InputError) of one HTML response record."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{origin}#{uri or f'record {number}'}"
    body = record.content_stream().read(options.max_bytes + 1)
    if len(body) > options.max_bytes:
        return InputError(where, f"record larger than the {describe_size(options.max_bytes)}"
                          " limit")
    try:
        return read_html(body, where, options, url=uri)
    except InputError as err:
        return err


def _unparsable(origin: str, number: int, exc: Exception) -> InputError:
    return InputError(origin, f"WARC does not parse after record {number}: "
                      f"{type(exc).__name__}: {str(exc)[:120]}")


def read_warc(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[Item]:
    """An article (or an InputError) per HTML response record; other records are skipped and
    counted; an archive that stops parsing is reported with the record it stopped after."""
    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if _html_response(record, options):
                yield _record_item(record, number, origin, options)
    # warcio on a truncated or corrupt archive raises many kinds of errors; all end this file.
    except Exception as exc:  # noqa: BLE001
        yield _unparsable(origin, number, exc)


def warc_slices(path: Path, origin: str, options: ReadOptions,
                per: int | None = None) -> Iterator[WarcSlice | InputError]:
    """The file's HTML responses as slices of `per` records, found by a streaming scan of the
    record headers (bodies are skipped, not parsed); a corrupt archive ends with an error after
    the slices before it. `per` defaults to `SLICE_RECORDS`."""
    per = per or SLICE_RECORDS

    def make(records: list[tuple[int, int]]) -> WarcSlice:
        return WarcSlice(str(path), origin, tuple(records), options.max_bytes,
                         options.default_date)

    found: list[tuple[int, int]] = []
    number = 0
    try:
        with path.open("rb") as handle:
            records = ArchiveIterator(handle)
            for number, record in enumerate(records, start=1):
                if _html_response(record, options):
                    found.append((number, records.get_record_offset()))
                    if len(found) == per:
                        yield make(found)
                        found = []
    except Exception as exc:  # noqa: BLE001  (as in read_warc)
        if found:
            yield make(found)
        yield _unparsable(origin, number, exc)
        return
    if found:
        yield make(found)


def read_warc_slice(part: WarcSlice) -> Iterator[Item]:
    """The articles (or InputErrors) of a slice's records, each read by seeking to it."""
    options = ReadOptions(part.max_bytes, part.default_date)
    with open(part.path, "rb") as handle:
        for number, offset in part.records:
            try:
                handle.seek(offset)
                record = next(iter(ArchiveIterator(handle)))
                item = _record_item(record, number, part.origin, options)
            except Exception as exc:  # noqa: BLE001  (a record that does not parse: its own)
                item = InputError(f"{part.origin}#record {number}",
                                  f"WARC record does not parse: {type(exc).__name__}: "
                                  f"{str(exc)[:120]}")
            yield item
