"""Saved web pages: trafilatura finds the main text, title, publication date and URL."""
from __future__ import annotations

import logging
from datetime import date

import trafilatura

from ..errors import InputError
from ..records import Article
from .common import ReadOptions
from .records import article

# trafilatura and its helpers log every odd page as a warning; a page we cannot read is
# reported once, as an InputError, by us.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

# Only dates the page states (metadata, URL, marked-up dates), never one guessed from its text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(data: bytes, origin: str, options: ReadOptions, url: str | None = None) -> Article:
    """One article from an HTML page, or an InputError naming `origin`."""
    try:
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True,
                                          include_comments=False, include_tables=False,
                                          date_extraction_params=_DATE_PARAMS)
    # A third-party parser on hostile input: any failure is this page's problem, not the batch's.
    except Exception as exc:  # noqa: BLE001
        raise InputError(origin, f"HTML page cannot be read: {type(exc).__name__}") from None
    if doc is None or not (doc.text or "").strip():
        raise InputError(origin, "no article text found in the HTML page")
    day = date.fromisoformat(doc.date) if doc.date else None
    return article(day, doc.text, origin, options, title=doc.title or "",
                   source=doc.sitename or doc.hostname, url=doc.url or url)
