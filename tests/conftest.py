"""Shared fixtures: the ../shared data folder, a session-scoped spaCy pipeline, real DuckDB files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", help="run tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared data folder; tests that need it skip with a clear message where it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: peer and gold data tests skipped")
    return SHARED


@pytest.fixture()
def bad_folder(tmp_path: Path, shared: Path) -> tuple[Path, dict[str, str]]:
    """A folder of bad inputs beside three good articles: (folder, file name -> expected problem)."""
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_bytes((shared / "seeds" / "000_6c47bab634a2bc3c.txt").read_bytes())
    (root / "nested").mkdir()
    (root / "nested" / "good2.txt").write_text(" date 2020-01-13\nIran admits it shot down the "
                                               "plane.\n\nShare\n", encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (root / "empty.txt").write_bytes(b"")
    (root / "badutf8.txt").write_bytes(b" date 2020-01-01\nCaf\xe9 au lait.\n")
    (root / "nodate.txt").write_text("A body without a date line.\n", encoding="utf-8")
    (root / "future.txt").write_text(" date 2999-12-31\nTomorrow's news.\n", encoding="utf-8")
    with (root / "huge.txt").open("wb") as handle:
        handle.write(b" date 2020-01-01\n")
        handle.truncate(50 * 1024 * 1024)
    (root / "feed.jsonl").write_text(
        json.dumps({"id": "ok1", "date": "2020-02-02", "text": "Police arrested 20 protesters."})
        + "\n{\"id\": \"broken\", \"date\": \n", encoding="utf-8")
    (root / "MANIFEST.tsv").write_text("not an article\n", encoding="utf-8")
    return root, {"binary.txt": "binary file", "empty.txt": "empty file",
                  "badutf8.txt": "invalid UTF-8", "nodate.txt": "expected ' date YYYY-MM-DD'",
                  "future.txt": "in the future", "huge.txt": "larger than the",
                  "feed.jsonl#line 2": "JSON does not parse"}
