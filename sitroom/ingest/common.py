"""Checks and helpers shared by every reader."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..errors import InputError
from ..records import Article, stable_id

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest single article file (seed format, HTML page, feed, CSV), JSON/CSV record or WARC
record we accept, and the most read from standard input unless it is JSONL or WARC (streamed)."""
MB = 1024 * 1024
# A date, optionally followed by a time of day (ISO `T` or a space): `2024-01-019` is refused.
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.,+\-Z ]*)?$")
_EARLIEST = date(1900, 1, 1)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))

Item = Article | InputError


@dataclass(frozen=True)
class ReadOptions:
    """What every reader needs besides the bytes: the size cap, the date for items that carry
    none, where to count what was skipped (reason -> count), and whether to split WARCs."""

    max_bytes: int = MAX_FILE_BYTES
    default_date: date | None = None
    skipped: Counter[str] = field(default_factory=Counter, compare=False)
    split_warc: bool = False
    """WARC files on disk come as `warc.WarcSlice`s to read on Dask workers, not as articles."""


def describe_size(size: int) -> str:
    """A byte count as the docs write it: `20 MB` for 20 * 1024 * 1024, else the bytes."""
    return f"{size // MB} MB" if size % MB == 0 else f"{size:,} bytes"


def article_id(day: date, text: str) -> str:
    """Stable content hash: the same article ingested twice gets the same id."""
    return stable_id(day.isoformat(), " ".join(text.split()))


def parse_iso_date(value: object, origin: str, where: str) -> date:
    """Read YYYY-MM-DD (a longer ISO timestamp is cut to its date) or raise InputError."""
    match = _ISO.match(str(value).strip()) if value is not None else None
    if not match:
        raise InputError(origin, f"{where}: malformed date {str(value)[:40]!r}, expected YYYY-MM-DD")
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError as exc:
        raise InputError(origin, f"{where}: invalid date {match.group(0)[:40]!r} ({exc})") from None


def check_date(day: date, origin: str, today: date | None = None) -> date:
    """Refuse dates in the future (one day of time-zone slack) or implausibly old."""
    today = today or date.today()
    if day > today + timedelta(days=1):
        raise InputError(origin, f"date {day.isoformat()} is in the future")
    if day < _EARLIEST:
        raise InputError(origin, f"date {day.isoformat()} is before {_EARLIEST.isoformat()}")
    return day


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `data` names, if any."""
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def decode_text(data: bytes, origin: str) -> str:
    """Decode UTF-8 (with or without a BOM) or UTF-16 with a BOM; refuse binary data and
    invalid UTF-8 with a clear message."""
    encoding = bom_encoding(data)
    if encoding == "utf-16":
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(origin, f"invalid UTF-16 at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError(origin, "binary file (contains NUL bytes), not a text article")
    body = data[3:] if encoding == "utf-8" else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start + len(data) - len(body)
        line = data[:start].count(b"\n") + 1
        raise InputError(origin, f"invalid UTF-8 at byte {start} (line {line})") from None

