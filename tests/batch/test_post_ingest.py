"""The steps after storing (story update, claim regrouping) are self-healing: an ingest killed
at any step boundary is finished by the next run, with the tables a clean ingest gives."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from batchtools import table

from sitroom.extract import Extractor
from sitroom.ingest import read_paths
from sitroom.service import POST_INGEST_STEPS, ingest
from sitroom.store.db import Store

TABLES = ("articles", "events", "claims", "claim_groups", "stories", "story_articles",
          "canonical_events", "event_mentions", "story_features", "event_blocks")
KILLED = """
import os, sys
from sitroom.ingest import read_paths
from sitroom.service import ingest
from sitroom.store.db import Store

def step(name):
    if name == sys.argv[3]:
        os._exit(9)  # as kill -9: no cleanup, nothing flushed

with Store(sys.argv[2]) as store:
    ingest(read_paths([sys.argv[1]]), store, workers=1, triage=False, on_step=step)
"""


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory, shared: Path
           ) -> tuple[Path, Path, Path, Path]:
    """(first half, second half, a store of the first half, a store of both, ingested apart)."""
    root = tmp_path_factory.mktemp("post_ingest")
    lines = (shared / "corpora" / "wikinews_en.jsonl").read_text(
        encoding="utf-8").splitlines()[:24]
    first, second = root / "first.jsonl", root / "second.jsonl"
    first.write_text("\n".join(lines[:12]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[12:]) + "\n", encoding="utf-8")
    extractor = Extractor()
    half, both = root / "half.duckdb", root / "both.duckdb"
    for db, inputs in ((half, [first]), (both, [first, second])):
        with Store(db) as store:
            for src in inputs:
                assert ingest(read_paths([str(src)]), store, extractor=extractor, workers=1,
                              triage=False).ok
    return first, second, half, both


@pytest.mark.parametrize("step", POST_INGEST_STEPS)
def test_a_kill_between_steps_is_repaired_by_the_next_run(
        tmp_path: Path, stores: tuple[Path, Path, Path, Path], step: str) -> None:
    _, second, half, both = stores
    db = tmp_path / "killed.duckdb"
    shutil.copy(half, db)
    proc = subprocess.run([sys.executable, "-c", KILLED, str(second), str(db), step],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 9, proc.stderr
    with Store(db) as store:
        assert store.pending_steps() == {"post_ingest"}  # the articles are in, the steps owed
        assert store.count("articles") == 24
        if step != "claims":
            assert store.claim_groups() is None  # stale: what the issue found left behind
    with Store(db) as store:  # the same command again: nothing new to store, the steps run
        report = ingest(read_paths([str(second)]), store, workers=1)
        assert (report.stored, report.already_stored) == (0, 12)
        assert store.pending_steps() == set() and store.claim_groups() is not None
    for name in TABLES:
        assert table(db, name) == table(both, name), name


def test_nothing_owed_after_a_clean_ingest(stores: tuple[Path, Path, Path, Path]) -> None:
    *_, both = stores
    with Store(both, read_only=True) as store:
        assert store.pending_steps() == set() and store.claim_groups() is not None
