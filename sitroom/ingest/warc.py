"""WARC and WARC.gz crawl archives: warcio streams the records; every HTML response becomes an
article through the HTML reader. One record at a time is in memory, never the archive."""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from ..errors import InputError
from .common import Item, ReadOptions, describe_size
from .html import read_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[Item]:
    """An article (or an InputError) per HTML response record; other records are skipped and
    counted; an archive that stops parsing is reported with the record it stopped after."""
    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if record.rec_type != "response":
                continue
            kind = record.http_headers.get_header("Content-Type", "") \
                if record.http_headers is not None else ""
            if not kind.lower().startswith(_HTML_TYPES):
                options.skipped["non-HTML WARC responses"] += 1
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{origin}#{uri or f'record {number}'}"
            body = record.content_stream().read(options.max_bytes + 1)
            if len(body) > options.max_bytes:
                yield InputError(where, f"record larger than the {describe_size(options.max_bytes)}"
                                 " limit")
                continue
            try:
                yield read_html(body, where, options, url=uri)
            except InputError as err:
                yield err
    # warcio on a truncated or corrupt archive raises many kinds of errors; all end this file.
    except Exception as exc:  # noqa: BLE001
        yield InputError(origin, f"WARC does not parse after record {number}: "
                         f"{type(exc).__name__}: {str(exc)[:120]}")
