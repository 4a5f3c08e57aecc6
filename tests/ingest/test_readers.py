"""Readers: the seed format, JSONL, CSV, directories, stdin, and every kind of bad input."""
from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from sitroom.errors import InputError
from sitroom.ingest import parse_seed, read_paths, read_stream
from sitroom.records import Article


def test_seed_with_body_on_the_date_line_and_glued_share(shared: Path) -> None:
    path = shared / "seeds" / "001_d849fbb8752e64f3.txt"
    article = parse_seed(path.read_text(encoding="utf-8"), str(path))
    assert article.date == date(2024, 10, 25)
    assert article.text.startswith("Chinese leader Xi Jinping is outraged")
    assert "Share" not in article.text
    assert "\n\nXi Jinping can intervene in the situation\n\n" in article.text
    assert article.origin == str(path)


def test_seed_lone_share_lines_removed_and_paragraphs_kept() -> None:
    raw = " date 2024-11-01 \n\n\nFirst paragraph here.\n\n\nShare\n\nSecond one. Share\n"
    article = parse_seed(raw, "x.txt")
    assert article.text == "First paragraph here.\n\nSecond one."


def test_headline_becomes_title() -> None:
    article = parse_seed(" date 2019-01-28\nBombs kill at least 20\n\nBody text.", "h.txt")
    assert article.title == "Bombs kill at least 20"
    assert article.text.startswith("Bombs kill at least 20\n\nBody text.")


def test_same_content_same_id() -> None:
    a = parse_seed(" date 2020-01-01\nSome text.", "a.txt")
    b = parse_seed(" date 2020-01-01 Some  text.\n\nShare", "b.txt")
    assert a.id == b.id and a.origin != b.origin


@pytest.mark.parametrize(("raw", "problem"), [
    ("", "empty file"),
    ("Just a body with no date.", "expected ' date YYYY-MM-DD'"),
    (" date 2024-13-45\nBody.", "invalid date"),
    (" date yesterday\nBody.", "malformed date"),
    (" date 2999-01-01\nBody.", "in the future"),
    (" date 2024-01-01\n\nShare\n", "no article text"),
])
def test_bad_seed_documents(raw: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as info:
        parse_seed(raw, "bad.txt")
    assert str(info.value).startswith("bad.txt: ")


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "a1", "date": "2020-01-02", "title": "T", "text": "One. Two.",
                         "source": "Wire", "url": "http://x"}),
             "{not json",
             json.dumps({"date": "2020-01-03", "text": "No id here."}),
             json.dumps({"id": "a3", "text": "No date."}),
             json.dumps(["a list"])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([str(path)]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert [a.origin for a in articles] == [f"{path}#a1", f"{path}#line 3"]
    assert articles[0].source == "Wire" and articles[0].url == "http://x"
    assert errors[0].startswith(f"{path}#line 2: JSON does not parse")
    assert errors[1] == f"{path}#a3: missing required field 'date'"
    assert "expected a JSON object" in errors[2]


def test_csv_records(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id,date,title,text\nc1,2021-03-04,Head,"Body, with comma."\n'
                    'c2,not-a-date,X,Y\n', encoding="utf-8")
    items = list(read_paths([str(path)]))
    assert isinstance(items[0], Article) and items[0].text == "Body, with comma."
    assert items[0].origin == f"{path}#c1"
    assert isinstance(items[1], InputError) and "c2: field 'date': malformed date" in str(items[1])


def test_stdin_seed_and_jsonl() -> None:
    seed = list(read_stream(io.BytesIO(b" date 2020-05-05\nHello world."), "<stdin>"))
    assert isinstance(seed[0], Article) and seed[0].origin == "<stdin>"
    feed = list(read_stream(io.BytesIO(b'{"id": "s", "date": "2020-05-05", "text": "Hi."}\n'),
                            "<stdin>"))
    assert isinstance(feed[0], Article) and feed[0].origin == "<stdin>#s"


def test_bad_folder_one_error_per_bad_input(bad_folder: tuple[Path, dict[str, str]]) -> None:
    folder, expected = bad_folder
    items = list(read_paths([str(folder)]))
    errors = [i for i in items if isinstance(i, InputError)]
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 3
    assert len(errors) == len(expected)
    for name, problem in expected.items():
        hits = [e for e in errors if e.origin.endswith("/in/" + name)]
        assert len(hits) == 1, name
        assert problem in hits[0].problem


def test_missing_path_is_reported() -> None:
    items = list(read_paths(["/nonexistent/file.txt"]))
    assert isinstance(items[0], InputError) and "no such file" in str(items[0])
