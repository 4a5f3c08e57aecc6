"""The formats news arrives as (HTML pages, RSS/Atom feeds, WARC archives), folder selection,
and the hostile inputs of issue 18: each is one error naming its file and record, and the good
articles beside it are read exactly once."""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from ingest_samples import atom, page, rss, warc

from sitroom.errors import InputError
from sitroom.ingest import read_paths, read_stream
from sitroom.ingest.reader import sniff
from sitroom.ingest.records import read_csv
from sitroom.records import Article

BODY = ["Police arrested 40 protesters in the capital on Tuesday, officials said.",
        "The interior ministry accused opposition leaders of organising the march."]


def split(items: object) -> tuple[list[Article], list[InputError]]:
    items = list(items)  # type: ignore[call-overload]
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, InputError)])


def test_html_page_gives_text_title_date_and_url(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(page("Protest in the capital", BODY, date(2020, 3, 4),
                         "https://news.example.org/protest"), encoding="utf-8")
    [article] = read_paths([str(path)])
    assert isinstance(article, Article)
    assert article.date == date(2020, 3, 4) and article.url == "https://news.example.org/protest"
    assert article.title == "Protest in the capital"
    assert BODY[0] in article.text and BODY[1] in article.text
    assert "Copyright" not in article.text and "Home" not in article.text


def test_html_page_without_date_is_an_error_unless_a_default_is_given(tmp_path: Path) -> None:
    path = tmp_path / "nodate.htm"
    path.write_text(page("Protest", BODY, None), encoding="utf-8")
    _, [err] = split(read_paths([str(path)]))
    assert err.origin == str(path) and "no publication date" in err.problem
    [article] = read_paths([str(path)], default_date=date(2021, 5, 6))
    assert isinstance(article, Article) and article.date == date(2021, 5, 6)


def test_rss_items_with_dates_links_and_source(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(rss([("Troops withdraw", "Tue, 03 Mar 2020 10:00:00 GMT", BODY[0]),
                         ("No date", "", BODY[1])]), encoding="utf-8")
    [article], [err] = split(read_paths([str(path)]))
    assert (article.date, article.title, article.source) == (date(2020, 3, 3), "Troops withdraw",
                                                             "Example News")
    assert article.url == "https://news.example.org/0" and article.origin == f"{path}#item 1"
    assert err.origin == f"{path}#item 2" and "no publication date" in err.problem


def test_atom_full_content_keeps_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(atom([("Talks", "2020-03-05T08:00:00Z",
                           f"<p>{BODY[0]}</p><p>{BODY[1]}</p>")]), encoding="utf-8")
    [article] = read_paths([str(path)])
    assert isinstance(article, Article)
    assert article.text == f"{BODY[0]}\n\n{BODY[1]}" and article.date == date(2020, 3, 5)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_become_articles(tmp_path: Path, name: str) -> None:
    html = page("Protest", BODY, date(2020, 3, 4))
    path = warc(tmp_path / name, [("https://news.example.org/a", "text/html; charset=utf-8", html),
                                  ("https://news.example.org/logo.png", "image/png", "PNG"),
                                  ("https://news.example.org/b", "text/html",
                                   page("Other", BODY[1:], None))])
    skipped: Counter[str] = Counter()
    [article], [err] = split(read_paths([str(path)], skipped=skipped))
    assert article.origin == f"{path}#https://news.example.org/a"
    assert article.url == "https://news.example.org/a" and article.date == date(2020, 3, 4)
    assert err.origin == f"{path}#https://news.example.org/b"
    assert skipped == {"non-HTML WARC responses": 1}


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_split_in_slices_reads_as_a_whole(tmp_path: Path, name: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """For Dask, a WARC comes as slices of record offsets; read back by seeking (as a worker
    does), they give the articles and errors of reading the file whole, in order."""
    from sitroom.ingest import warc as warc_module

    monkeypatch.setattr(warc_module, "SLICE_RECORDS", 2)
    pages = [(f"https://news.example.org/{n}", "text/html",
              page(f"Story {n}", BODY[n % 2:], date(2020, 3, 1 + n) if n != 3 else None))
             for n in range(7)]
    pages.insert(2, ("https://news.example.org/logo.png", "image/png", "PNG"))
    path = warc(tmp_path / name, pages)
    whole = list(read_paths([str(path)]))
    skipped: Counter[str] = Counter()
    slices = list(read_paths([str(path)], split_warc=True, skipped=skipped))
    assert [len(s.records) for s in slices] == [2, 2, 2, 1]  # type: ignore[union-attr]
    assert skipped == {"non-HTML WARC responses": 1}
    read = [item for s in slices for item in warc_module.read_warc_slice(s)]  # type: ignore
    assert [str(i) if isinstance(i, InputError) else i for i in read] == \
        [str(i) if isinstance(i, InputError) else i for i in whole]
    assert sum(isinstance(i, Article) for i in read) == 6


def test_corrupt_warc_keeps_the_records_before(tmp_path: Path) -> None:
    pages = [(f"https://news.example.org/{n}", "text/html",
              page(f"Story {n}", BODY, date(2020, 1, 2))) for n in range(2)]
    path = warc(tmp_path / "cut.warc", pages)
    with path.open("ab") as handle:
        handle.write(b"this is not a WARC record\r\n\r\n")
    articles, [err] = split(read_paths([str(path)]))
    assert len(articles) == 2 and err.origin == str(path)
    assert err.problem.startswith("WARC does not parse after record 4")


def test_folder_reads_new_types_and_counts_skips(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(" date 2020-01-01\nPolice arrested 20 protesters.\n")
    (root / "b.json").write_text(json.dumps([{"date": "2020-01-02", "text": "Troops left."}]))
    (root / "c.html").write_text(page("C", BODY, date(2020, 1, 3)))
    (root / "d.text").write_text(" date 2020-01-04\nTalks were held.\n")
    (root / "sub" / "e.txt").write_text(rss([("E", "Sun, 05 Jan 2020 10:00:00 GMT", BODY[1])]))
    (root / "README.md").write_text("# notes\n")
    (root / ".hidden.txt").write_text(" date 2020-01-01\nHidden.\n")
    os.symlink("..", root / "sub" / "loop")
    skipped: Counter[str] = Counter()
    articles, errors = split(read_paths([str(root)], skipped=skipped))
    assert not errors and len(articles) == 5
    assert skipped == {"not an article type (.md)": 1, "hidden": 1,
                       "symbolic link to a directory already read (or a loop)": 1}
    only: Counter[str] = Counter()
    articles, _ = split(read_paths([str(root)], include=["*.txt"], exclude=["sub/*"],
                                   skipped=only))
    assert [a.origin for a in articles] == [f"{root}/a.txt"]
    assert only["excluded by --exclude"] == 1 and only["not matched by --include"] == 4


@pytest.mark.parametrize(("head", "kind"), [
    (b"WARC/1.1\r\n", "warc"), (gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo"), "warc"),
    (b'\n {"date": "2020-01-01"}', "jsonl"), (b"[{}]", "json"), (b"<!doctype html><p>", "html"),
    (b'<?xml version="1.0"?><rss>', "feed"), (b"<feed xmlns='x'>", "feed"),
    (b"id,date,text\n1,2020-01-01,x", "csv"), (b" date 2020-01-01\nx", "seed"),
    ("\ufeff date 2020-01-01".encode("utf-16"), "seed"),
])
def test_sniff_by_content(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


def _good(n: int) -> str:
    return json.dumps({"id": f"g{n}", "date": "2020-01-02", "text": f"Police arrested {n} men."})


HOSTILE = [  # (file name, content, expected problem of the bad record)
    ("nested.jsonl", "[" * 200_000, "nested too deeply"),
    ("textlist.jsonl", json.dumps({"date": "2020-01-01", "text": ["a", "b"]}),
     "field 'text' must be a string, found list"),
    ("title.jsonl", json.dumps({"date": "2020-01-01", "text": "x", "title": {"a": 1}}),
     "field 'title' must be a string, found dict"),
    ("bignum.jsonl", '{"date": "2020-01-01", "text": "x", "n": ' + "9" * 5000 + "}",
     "JSON does not parse"),
    ("surrogate.jsonl", '{"date": "2020-01-01", "text": "bad \\ud800 text"}',
     "not valid Unicode"),
]


@pytest.mark.parametrize(("name", "bad", "problem"), HOSTILE)
def test_hostile_jsonl_line_named_and_neighbours_read(tmp_path: Path, name: str, bad: str,
                                                      problem: str) -> None:
    path = tmp_path / name
    path.write_text("\n".join([_good(1), bad, _good(2)]) + "\n", encoding="utf-8")
    articles, [err] = split(read_paths([str(path)]))
    assert [a.origin for a in articles] == [f"{path}#g1", f"{path}#g2"]
    assert err.origin == f"{path}#line 2" and problem in err.problem


def test_csv_field_of_200_kb_is_read_and_the_row_after_too(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    long = "Police arrested 20 people. " * 8000
    path.write_text(f'id,date,text\na,2020-01-01,"{long}"\nb,2020-01-02,Troops left.\n')
    articles, errors = split(read_paths([str(path)]))
    assert [a.origin for a in articles] == [f"{path}#a", f"{path}#b"] and not errors


def test_csv_field_over_the_record_limit_is_named_and_the_file_goes_on() -> None:
    text = f'id,date,text\na,2020-01-01,"{"x" * 3000}"\nb,2020-01-02,Troops left.\n'
    before = csv.field_size_limit(1000)
    try:
        articles, [err] = split(read_csv(text, "big.csv", max_bytes=2000))
    finally:
        csv.field_size_limit(before)
    assert [a.origin for a in articles] == ["big.csv#b"]
    assert err.origin == "big.csv#line 2" and "field larger than field limit" in err.problem


def test_long_jsonl_line_is_skipped_without_being_held(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text("\n".join([_good(1), '{"text": "' + "x" * 5000 + '"}', _good(2)]) + "\n")
    articles, [err] = split(read_paths([str(path)], max_bytes=1000))
    assert len(articles) == 2 and err.origin == f"{path}#line 2"
    assert err.problem == "record larger than the 1,000 bytes limit"


def test_fifo_and_devices_are_refused_unless_piped(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    _, [err] = split(read_paths([str(fifo)]))
    assert "a FIFO, not a regular file" in err.problem and "`-`" in err.problem
    _, [err] = split(read_paths(["/dev/zero"]))
    assert "a character device" in err.problem


def test_stdin_capped_at_the_documented_limit() -> None:
    big = io.BytesIO(b" date 2020-01-01\n" + b"Police arrested 20 people. " * 1000)
    _, [err] = split(read_stream(big, "<stdin>", max_bytes=10_000))
    assert err.problem.startswith("more than the 10,000 bytes limit")
    _, [err] = split(read_stream(io.BytesIO(b"x" * 100), "<stdin>", max_bytes=20 * 1024 * 1024))
    assert "expected ' date YYYY-MM-DD'" in err.problem
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "up to 20 MB" in readme


def test_stdin_csv_and_jsonl_stream() -> None:
    [article] = read_stream(io.BytesIO(b"id,date,text\nc1,2020-01-01,Troops left.\n"), "<stdin>")
    assert isinstance(article, Article) and article.origin == "<stdin>#c1"
    lines = b"".join((_good(n) + "\n").encode() for n in range(50))
    articles, _ = split(read_stream(io.BytesIO(lines), "<stdin>", max_bytes=1000))
    assert len(articles) == 50  # 50 records in more than max_bytes: JSONL is not capped whole


@pytest.mark.parametrize(("data", "origin_suffix"), [
    (" date 2020-01-01\nPolice arrested 20 people.\n".encode("utf-16"), ""),
    (b"\xef\xbb\xbf date 2020-01-01\nPolice arrested 20 people.\n", ""),
    (b"\xef\xbb\xbf" + _good(1).encode() + b"\n", "#g1"),
])
def test_byte_order_marks_are_read(tmp_path: Path, data: bytes, origin_suffix: str) -> None:
    path = tmp_path / ("a.jsonl" if origin_suffix else "a.txt")
    path.write_bytes(data)
    [article] = read_paths([str(path)])
    assert isinstance(article, Article) and article.origin == str(path) + origin_suffix


@pytest.mark.parametrize("value", ["2024-01-019", "2024-01-01x", "2024-1-01"])
def test_dates_are_strict(value: str) -> None:
    _, [err] = split(read_stream(io.BytesIO(f" date {value}\nText.".encode()), "s"))
    assert "malformed date" in err.problem


def test_size_message_says_the_documented_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.write(b" date 2020-01-01\n")
        handle.truncate(21_000_000)
    _, [err] = split(read_paths([str(path)]))
    assert err.problem == ("file is 21,000,000 bytes, larger than the 20 MB limit for one "
                           "article file")
