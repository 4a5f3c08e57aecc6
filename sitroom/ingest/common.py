"""Checks and helpers shared by every reader."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..errors import InputError
from ..records import stable_id

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest single article file (seed format) or JSON/CSV record we accept."""
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_EARLIEST = date(1900, 1, 1)


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
        raise InputError(origin, f"{where}: invalid date {match.group(0)!r} ({exc})") from None


def check_date(day: date, origin: str, today: date | None = None) -> date:
    """Refuse dates in the future (one day of time-zone slack) or implausibly old."""
    today = today or date.today()
    if day > today + timedelta(days=1):
        raise InputError(origin, f"date {day.isoformat()} is in the future")
    if day < _EARLIEST:
        raise InputError(origin, f"date {day.isoformat()} is before {_EARLIEST.isoformat()}")
    return day


def decode_text(data: bytes, origin: str) -> str:
    """Decode UTF-8 bytes, refusing binary data and invalid UTF-8 with a clear message."""
    if b"\x00" in data[:8192]:
        raise InputError(origin, "binary file (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(origin, f"invalid UTF-8 at byte {exc.start} (line {line})") from None
