"""The seed format: first line ` date YYYY-MM-DD`, then the body (sometimes on the same line).

Paragraphs are separated by blank lines; scraper debris (a lone "Share", or "Share" glued to
a paragraph's end) is removed. The cleaned body, paragraphs joined by a blank line, is the
article text that every evidence offset points into.
"""
from __future__ import annotations

import re

from ..errors import InputError
from ..records import Article
from .common import article_id, check_date, parse_iso_date

_DATE_LINE = re.compile(r"^\s*date\s+(\S+)[ \t]*(.*)$", re.IGNORECASE)
_DEBRIS_LINE = re.compile(r"^(share|share this|advertisement|read more|print|tweet)$", re.IGNORECASE)
_GLUED_SHARE = re.compile(r"(?<=[.!?\"'”’)])\s+Share\s*$")
_MAX_TITLE_WORDS = 25


def clean_paragraphs(body: str) -> list[str]:
    """Split a body into paragraphs (blank- or single-newline separated) without debris."""
    paragraphs: list[str] = []
    for line in body.splitlines():
        line = _GLUED_SHARE.sub("", line.strip())
        line = re.sub(r"[ \t]+", " ", line)
        if not line or _DEBRIS_LINE.match(line):
            continue
        paragraphs.append(line)
    return paragraphs


def is_headline(paragraph: str) -> bool:
    """A headline-like line: short and without a final sentence punctuation mark."""
    return len(paragraph.split()) <= _MAX_TITLE_WORDS and not re.search(r"[.!?:;\"”]$", paragraph)


def parse_seed(raw: str, origin: str) -> Article:
    """Parse one seed-format document into an Article, or raise InputError."""
    stripped = raw.lstrip("\ufeff")
    if not stripped.strip():
        raise InputError(origin, "empty file")
    first, _, rest = stripped.partition("\n")
    match = _DATE_LINE.match(first)
    if not match:
        raise InputError(origin, "line 1: expected ' date YYYY-MM-DD', found "
                         f"{first.strip()[:40]!r}")
    day = check_date(parse_iso_date(match.group(1), origin, "line 1"), origin)
    paragraphs = clean_paragraphs(match.group(2) + "\n" + rest)
    if not paragraphs:
        raise InputError(origin, "no article text after the date line")
    text = "\n\n".join(paragraphs)
    title = paragraphs[0] if is_headline(paragraphs[0]) else ""
    return Article(id=article_id(day, text), date=day, title=title, text=text,
                   source=None, origin=origin)
