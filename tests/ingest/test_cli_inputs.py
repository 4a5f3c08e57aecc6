"""The new inputs from the command line: pages, feeds and archives in a folder, --include,
--exclude and --default-date, and the line that counts what was skipped."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner
from ingest_samples import page, rss, warc

from sitroom.cli import cli

BODY = ["Police arrested 40 protesters in the capital on Tuesday, officials said.",
        "The interior ministry accused opposition leaders of organising the march."]


def test_ingest_folder_of_pages_feeds_and_archives(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "dated.html").write_text(page("Protest", BODY, date(2020, 3, 4)))
    (root / "undated.html").write_text(page("Talks", ["Ministers met in Geneva for talks."], None))
    (root / "news.rss").write_text(rss([("Troops", "Tue, 03 Mar 2020 10:00:00 GMT",
                                         "The army withdrew its troops from the border town.")]))
    warc(root / "crawl.warc.gz", [("https://news.example.org/x", "text/html",
                                   page("Strike", ["Workers went on strike in the port city."],
                                        date(2020, 3, 6)))])
    (root / "draft.txt").write_text(" date 2020-01-01\nNot for ingest.\n")
    (root / "README.md").write_text("# notes\n")
    db = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(root), "--db", db, "--exclude", "draft*"])
    assert first.exit_code == 1
    assert f"error: {root}/undated.html: no publication date found" in first.stderr
    assert "3 articles read, 3 stored" in first.stderr
    assert "2 skipped: 1 excluded by --exclude, 1 not an article type (.md)" in first.stderr
    second = runner.invoke(cli, ["ingest", str(root), "--db", db, "--include", "*.html",
                                 "--default-date", "2020-03-05"])
    assert second.exit_code == 0, second.stderr
    assert "2 articles read, 1 stored, 1 already in" in second.stderr
    assert "4 skipped: 4 not matched by --include" in second.stderr


def test_bad_default_date_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--default-date", "soon"])
    assert result.exit_code == 2 and "--default-date" in result.output
