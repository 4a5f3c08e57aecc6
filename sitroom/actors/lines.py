"""`resolve_lines`: the line-oriented front end behind `sitroom actor` (one phrase per line)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from ..errors import InputError
from .kb import ActorKB


def resolve_lines(lines: Iterable[str], kb: ActorKB, default_date: date | None,
                  origin: str = "<actors>") -> Iterator[dict[str, Any]]:
    """Resolve `TEXT` or `TEXT<TAB>YYYY-MM-DD` lines, in order; blank lines are skipped.

    Yields {"text", "country", "sector", "entity", "role", "confidence"}. A malformed date raises
    InputError naming the line number (counted from 1, blank lines included).
    """
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        text, on = line, default_date
        if "\t" in line:
            text, _, stamp = line.rpartition("\t")
            stamp = stamp.strip()
            if stamp:
                try:
                    on = date.fromisoformat(stamp)
                except ValueError:
                    raise InputError(f"{origin}#line {number}",
                                     f"bad date {stamp!r} (expected YYYY-MM-DD)") from None
        res = kb.resolve(text.strip(), on)
        yield {"text": res.text, "country": res.country, "sector": res.sector,
               "entity": res.entity, "role": res.role, "confidence": round(res.confidence, 3)}
