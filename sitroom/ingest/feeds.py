"""RSS and Atom feeds: feedparser reads them; one article per item."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser
import lxml.html

from ..errors import InputError
from .common import Item, ReadOptions
from .records import article

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
           "section", "article", "pre"}


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment, one line per block element."""
    if "<" not in markup:
        return markup
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # noqa: BLE001 -- lxml on hostile markup: fall back to the raw text
        return markup
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return root.text_content()


def _content(entry: Any) -> str:
    """Full content where the item has it, else its summary (as text)."""
    parts = entry.get("content") or []
    values = [part.get("value", "") for part in parts if part.get("value")]
    value = max(values, key=len) if values else entry.get("summary", "")
    return html_to_text(value or "")


def _day(entry: Any) -> date | None:
    # dict.get: feedparser's own get maps missing keys to others, with a DeprecationWarning
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    return date(*parsed[:3]) if parsed else None


def read_feed(data: bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    """One article per feed item; an item without text or date is an error naming it."""
    try:
        feed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 -- a third-party parser on hostile input
        yield InputError(origin, f"feed cannot be read: {type(exc).__name__}")
        return
    if not feed.entries:
        problem = feed.get("bozo_exception")
        yield InputError(origin, f"not an RSS/Atom feed ({problem})" if problem
                         else "feed has no items")
        return
    source = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{origin}#item {number}"
        try:
            yield article(_day(entry), _content(entry), where, options,
                          title=entry.get("title", ""), source=source, url=entry.get("link"))
        except (InputError, ValueError) as err:
            yield err if isinstance(err, InputError) else InputError(where, str(err))
