"""Fixtures for the batch runner tests: samples of the shared Wikinews corpus as JSONL files."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest


@pytest.fixture()
def sample(tmp_path: Path, shared: Path) -> Callable[[int], Path]:
    """sample(n): a JSONL file of the first n Wikinews articles."""
    def make(n: int, name: str = "sample.jsonl") -> Path:
        out = tmp_path / name
        with (shared / "corpora" / "wikinews_en.jsonl").open(encoding="utf-8") as src, \
                out.open("w", encoding="utf-8") as dst:
            for _, line in zip(range(n), src):
                record = json.loads(line)
                dst.write(json.dumps({k: record[k] for k in ("id", "date", "title", "text")})
                          + "\n")
        return out
    return make
