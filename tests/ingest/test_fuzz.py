"""A standing fuzz suite for the readers: random bytes, JSON, CSV, HTML and feed XML, each beside
good articles. Never a traceback; every bad record is an InputError naming its file (and record);
every good article is read exactly once.

The default run is short (a few dozen examples a test, well under 90 s); SITROOM_FUZZ=long or
--runslow runs the long profile.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.errors import InputError
from sitroom.ingest import read_paths, read_stream
from sitroom.records import Article

# The profile is chosen at import: hypothesis binds a test's settings when it is decorated.
LONG = os.environ.get("SITROOM_FUZZ") == "long" or "--runslow" in sys.argv
FUZZ = settings(max_examples=1500 if LONG else 30, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


GOOD_TEXTS = [f"Police arrested {n} protesters in the capital on Tuesday, officials said."
              for n in (11, 12, 13, 14, 15)]
FIELDS = ["id", "date", "text", "title", "source", "url"]


def _good_record(n: int) -> dict[str, str]:
    return {"id": f"good-{n}", "date": "2020-01-0%d" % (n + 1), "text": GOOD_TEXTS[n]}


@contextmanager
def folder_with_good_articles() -> Iterator[Path]:
    """A folder holding good articles: two seed files and a JSONL file of three records."""
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        for n in (0, 1):
            (root / f"good{n}.txt").write_text(f" date 2020-01-0{n + 1}\n{GOOD_TEXTS[n]}\n")
        (root / "good.jsonl").write_text("".join(json.dumps(_good_record(n)) + "\n"
                                                 for n in (2, 3, 4)))
        yield root


def check(items: list[object], bad_origin: str) -> list[object]:
    """Every good article exactly once; everything else is named after the bad input."""
    texts = [i.text for i in items if isinstance(i, Article)]
    for text in GOOD_TEXTS:
        assert texts.count(text) == 1, text
    for item in items:
        assert isinstance(item, Article | InputError), item
        if isinstance(item, InputError) or item.text not in GOOD_TEXTS:
            assert item.origin.startswith(bad_origin), item
            if isinstance(item, InputError):
                assert item.problem, item
    return [i for i in items if i.origin.startswith(bad_origin)]  # type: ignore[attr-defined]


SUFFIXES = ["", ".txt", ".text", ".jsonl", ".json", ".csv", ".html", ".xml", ".rss", ".warc",
            ".warc.gz"]
PREFIXES = [b"", b"WARC/1.0\r\n", b"<rss><channel><item>", b"<html><body><p>", b"{", b"[",
            b"\xff\xfe", b"\xef\xbb\xbf", b" date 2020-01-01\n", b"id,date,text\n"]


@FUZZ
@given(suffix=st.sampled_from(SUFFIXES), prefix=st.sampled_from(PREFIXES),
       body=st.binary(max_size=3000), zipped=st.booleans())
def test_random_bytes(suffix: str, prefix: bytes, body: bytes, zipped: bool) -> None:
    data = gzip.compress(prefix + body) if zipped else prefix + body
    with folder_with_good_articles() as root:
        bad = root / f"bad{suffix}"
        bad.write_bytes(data)
        check(list(read_paths([str(root)])), str(bad))
    stdin = list(read_stream(io.BytesIO(data), "<stdin>"))
    assert all(i.origin.startswith("<stdin>") for i in stdin)


_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False,
                                                                   allow_infinity=False)
            | st.text(max_size=30) | st.sampled_from(["2020-01-01", "2024-01-019", "2999-01-01"]))
JSON_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.sampled_from(FIELDS) | st.text(max_size=5), inner, max_size=6), max_leaves=25)
BAD_LINES = st.one_of(
    JSON_VALUES.map(json.dumps),
    st.fixed_dictionaries({"date": _SCALARS, "text": JSON_VALUES}).map(json.dumps),
    st.text(max_size=80).map(lambda t: t.replace("\n", " ").replace("\r", " ")),
    st.integers(1, 300_000).map(lambda n: "[" * n),
    st.integers(1, 50_000).map(lambda n: '{"a":' * n),
)


@FUZZ
@given(lines=st.lists(BAD_LINES, min_size=1, max_size=8), at=st.integers(0, 3))
def test_random_json_lines_beside_good_records(lines: list[str], at: int) -> None:
    with folder_with_good_articles() as root:
        good = root / "good.jsonl"
        records = good.read_text().splitlines()
        records[at:at] = lines
        good.write_text("\n".join(records) + "\n")
        check(list(read_paths([str(root)])), f"{good}#")


@FUZZ
@given(value=JSON_VALUES)
def test_random_json_file(value: object) -> None:
    with folder_with_good_articles() as root:
        bad = root / "bad.json"
        bad.write_text(json.dumps(value))
        check(list(read_paths([str(root)])), str(bad))


_CSV_TEXT = st.text(max_size=40).map(lambda t: t.replace("\0", ""))  # NUL: a binary file


@FUZZ
@given(rows=st.lists(st.lists(_CSV_TEXT | st.sampled_from(["2020-01-01", "2024-01-019"]),
                              min_size=0, max_size=7), max_size=8),
       header=st.permutations(FIELDS))
def test_random_csv_rows_beside_good_rows(rows: list[list[str]], header: list[str]) -> None:
    with folder_with_good_articles() as root:
        (root / "good.jsonl").unlink()
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        goods = [[_good_record(n).get(name, "") for name in header] for n in (2, 3, 4)]
        for n, row in enumerate(rows):
            writer.writerow(row)
            if n < len(goods):
                writer.writerow(goods[n])
        writer.writerows(goods[len(rows):])
        path = root / "mixed.csv"
        path.write_text(buffer.getvalue())
        check(list(read_paths([str(root)])), f"{path}#")


TAGS = ["p", "div", "span", "article", "h1", "script", "style", "table", "td", "a", "br",
        "meta", "title", "time", "nav", "footer"]


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Random markup: nested tags, random text and attributes, sometimes unclosed or a date."""
    def node(depth: int) -> str:
        tag = draw(st.sampled_from(TAGS))
        attrs = draw(st.sampled_from(["", ' class="content"', ' property="article:published_time"'
                                      f' content="{draw(_SCALARS)!s}"', ' datetime="2020-02-30"']))
        text = draw(st.text(max_size=60))
        kids = "".join(node(depth + 1) for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))))
        close = draw(st.sampled_from([f"</{tag}>", ""]))
        raw = draw(st.booleans())
        return f"<{tag}{attrs}>{text if raw else escape(text)}{kids}{close}"
    head = draw(st.sampled_from(["", "<!DOCTYPE html>", "<html><head>", "<?xml version='1.0'?>"]))
    return head + "".join(node(0) for _ in range(draw(st.integers(0, 4))))


@FUZZ
@given(markup=html_pages())
def test_random_html(markup: str) -> None:
    with folder_with_good_articles() as root:
        bad = root / "page.html"
        bad.write_text(markup)
        [item] = check(list(read_paths([str(root)])), str(bad))
        assert isinstance(item, InputError) or item.text.strip()  # type: ignore[attr-defined]


@st.composite
def feeds(draw: st.DrawFn) -> str:
    """RSS or Atom with random items: text escaped or raw, dates valid, odd or missing."""
    def field(tag: str) -> str:
        text = draw(st.text(max_size=50) | st.sampled_from(["Tue, 03 Mar 2020 10:00:00 GMT",
                                                            "2020-03-05T08:00:00Z", "2024-01-019"]))
        return draw(st.sampled_from(["", f"<{tag}>{escape(text)}</{tag}>",
                                     f"<{tag}>{text}</{tag}>"]))
    atom = draw(st.booleans())
    item, date_tag, text_tag = (("entry", "published", "content") if atom
                                else ("item", "pubDate", "description"))
    items = "".join(f"<{item}>{field('title')}{field(date_tag)}{field(text_tag)}{field('link')}"
                    f"</{item}>" for _ in range(draw(st.integers(0, 5))))
    if atom:
        return f'<feed xmlns="http://www.w3.org/2005/Atom">{field("title")}{items}</feed>'
    return (f'<?xml version="1.0"?><rss version="2.0"><channel>{field("title")}{items}'
            "</channel></rss>")


@FUZZ
@given(xml=feeds(), cut=st.integers(0, 400))
def test_random_feed_xml(xml: str, cut: int) -> None:
    with folder_with_good_articles() as root:
        bad = root / "news.rss"
        bad.write_text(xml[:len(xml) - cut] if cut < len(xml) else xml)
        check(list(read_paths([str(root)])), str(bad))
