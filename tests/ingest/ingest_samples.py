"""Builders of the inputs news arrives as (pages, feeds, WARC archives), for the ingest tests."""
from __future__ import annotations

import io
from datetime import date
from html import escape
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def page(title: str, paragraphs: list[str], day: date | None, url: str | None = None) -> str:
    """A news page: navigation, the article, a footer; its date and URL in the metadata."""
    meta = (f'<meta property="article:published_time" content="{day.isoformat()}T09:30:00Z">'
            if day else "")
    link = f'<link rel="canonical" href="{escape(url)}">' if url else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{escape(title)} | "
            f"Example News</title>{meta}{link}</head><body><nav><a href='/'>Home</a> "
            f"<a href='/world'>World</a></nav><article><h1>{escape(title)}</h1>{body}</article>"
            "<footer>Copyright Example News. All rights reserved.</footer></body></html>")


def rss(items: list[tuple[str, str, str]], title: str = "Example News") -> str:
    """An RSS 2.0 feed of (title, RFC 822 date, description) items."""
    entries = "".join(f"<item><title>{escape(t)}</title><link>https://news.example.org/{n}</link>"
                      f"<pubDate>{d}</pubDate><description>{escape(text)}</description></item>"
                      for n, (t, d, text) in enumerate(items))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>https://news.example.org</link>{entries}"
            "</channel></rss>")


def atom(items: list[tuple[str, str, str]]) -> str:
    """An Atom feed of (title, ISO date, HTML content) entries."""
    entries = "".join(f"<entry><title>{escape(t)}</title><id>urn:x:{n}</id>"
                      f"<link href='https://news.example.org/a/{n}'/><published>{d}</published>"
                      f"<content type='html'>{escape(html)}</content></entry>"
                      for n, (t, d, html) in enumerate(items))
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Atom News</title><id>urn:x</id>{entries}</feed>")


def warc(path: Path, pages: list[tuple[str, str, str]]) -> Path:
    """A WARC (gzipped when the name ends .gz) of (url, content type, body) responses, each
    preceded by its request record as crawlers write them."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        for url, kind, body in pages:
            request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            writer.write_record(writer.create_warc_record(url, "request", payload=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers))
    return path
