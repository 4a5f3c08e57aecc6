"""The local batch runner: real spaCy, real DuckDB files, real worker processes."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil
import pytest
from batchtools import parser_failure_factory, poison_factory, table

from sitroom.batch import local
from sitroom.batch.local import WorkerCrashError, ingest
from sitroom.errors import ExtractionError, InputError
from sitroom.extract import Extractor
from sitroom.ingest import read_paths
from sitroom.store.db import Store


def _ingest(src: Path, db: Path, **kw) -> object:
    with Store(db) as store:
        return ingest(read_paths([str(src)]), store, **kw)


def test_two_workers_store_what_one_does(tmp_path: Path, sample: Callable[..., Path]) -> None:
    src = sample(48)
    one = _ingest(src, tmp_path / "one.duckdb", extractor=Extractor(), workers=1, triage=False)
    two = _ingest(src, tmp_path / "two.duckdb", workers=2, chunk_size=6, batch_size=10,
                  triage=False)
    assert one.ok and two.ok
    assert (one.read, one.stored, one.events) == (two.read, two.stored, two.events) == \
        (48, 48, one.events)
    for name in ("articles", "events", "claims"):
        assert table(tmp_path / "one.duckdb", name) == table(tmp_path / "two.duckdb", name), name
    again = _ingest(src, tmp_path / "two.duckdb", workers=2, chunk_size=6)
    assert (again.read, again.stored, again.already_stored) == (48, 0, 48)


def test_bad_inputs_are_reported_with_two_workers(tmp_path: Path, sample: Callable[..., Path],
                                                  bad_folder: tuple[Path, dict[str, str]]) -> None:
    folder, expected = bad_folder
    lines = sample(20).read_text(encoding="utf-8").splitlines()
    lines.insert(7, json.dumps({"date": "2020-01-01", "text": "POISON Police arrested 20 people."}))
    (folder / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    failures: list[Exception] = []
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest(read_paths([str(folder)]), store, workers=2, chunk_size=4,
                        factory=poison_factory, on_error=failures.append)
    assert report.errors == failures
    inputs = [e for e in failures if isinstance(e, InputError)]
    assert len(inputs) == len(expected)
    for name, problem in expected.items():
        assert sum(f"/in/{name}:" in str(e) and problem in str(e) for e in inputs) == 1, name
    extraction = [e for e in failures if isinstance(e, ExtractionError)]
    assert len(extraction) == 1 and "more.jsonl#line 8" in str(extraction[0])
    assert "poisoned article" in str(extraction[0])
    assert (report.read, report.stored) == (3 + 21, 3 + 20)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_record_that_fails_the_parser_fails_no_other(tmp_path: Path,
                                                       sample: Callable[..., Path],
                                                       workers: int) -> None:
    """The pipeline raising out of its batch (as spaCy's E088 did, blaming every article of
    the batch, or at one worker ending the ingest) costs only the record that made it."""
    lines = sample(20).read_text(encoding="utf-8").splitlines()
    lines.insert(5, json.dumps({"date": "2020-01-01", "text": "PARSERFAIL Police arrested 20."}))
    src = tmp_path / "mixed.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kw = {"factory": parser_failure_factory} if workers > 1 else \
        {"extractor": parser_failure_factory()}
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest(read_paths([str(src)]), store, workers=workers, chunk_size=4,
                        batch_size=4, **kw)
    assert len(report.errors) == 1, report.errors
    [error] = report.errors
    assert isinstance(error, ExtractionError)
    assert "mixed.jsonl#line 6:" in str(error) and "the pipeline failed" in str(error)
    assert (report.read, report.stored) == (21, 20) == (21, len(table(tmp_path / "s.duckdb",
                                                                      "articles")))


def test_the_cli_reports_bad_inputs_with_two_workers(tmp_path: Path, sample: Callable[..., Path],
                                                     bad_folder: tuple[Path, dict[str, str]]
                                                     ) -> None:
    folder, expected = bad_folder
    (folder / "more.jsonl").write_bytes(sample(40).read_bytes())
    proc = subprocess.run([sys.executable, "-m", "sitroom", "ingest", str(folder), "--db",
                           str(tmp_path / "s.duckdb"), "--workers", "2"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(expected), proc.stderr
    assert "43 articles read, 43 stored, 0 already in" in proc.stderr


def _ingest_a_crash(tmp_path: Path, sample: Callable[..., Path]
                    ) -> tuple[list[str], Path, Any]:
    """40 articles and, at line 31, one that kills its worker: (the lines, the store, the
    report of ingesting them with two workers)."""
    lines = sample(40).read_text(encoding="utf-8").splitlines()
    lines.insert(30, json.dumps({"date": "2020-01-01", "text": "CRASH Police arrested 20 people."}))
    src = tmp_path / "crash.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        report = ingest(read_paths([str(src)]), store, workers=2, chunk_size=4, batch_size=4,
                        max_in_flight=2, factory=poison_factory)
    return lines, db, report


def test_an_article_that_kills_its_worker_is_named_and_the_rest_stored(
        tmp_path: Path, sample: Callable[..., Path]) -> None:
    """A record that kills its worker process (SIGKILL, as the OOM killer or a segfault would)
    breaks the pool: the pool is started again, the chunks it broke run an article a chunk,
    and only that record is an error; every other article is stored, the run goes on."""
    lines, db, report = _ingest_a_crash(tmp_path, sample)
    assert not report.aborted
    assert len(report.errors) == 1, report.errors
    [error] = report.errors
    assert isinstance(error, ExtractionError) and "crash.jsonl#line 31:" in str(error)
    assert "worker process died" in str(error)
    assert report.stored == 40 == len(table(db, "articles"))


def test_when_workers_keep_dying_the_run_stops_and_resumes(
        tmp_path: Path, sample: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_POOL_RESTARTS new pools the run stops, keeping what was stored, and says to run
    it again; the rerun skips what is stored."""
    monkeypatch.setattr(local, "MAX_POOL_RESTARTS", 0)
    lines, db, report = _ingest_a_crash(tmp_path, sample)
    assert report.aborted and not report.ok
    crash = [e for e in report.errors if isinstance(e, WorkerCrashError)]
    assert len(crash) == 1 and "worker process died" in str(crash[0])
    assert "run the same command again" in str(crash[0]).lower()
    assert 0 < report.stored < 41
    assert len(table(db, "articles")) == report.stored
    (tmp_path / "fixed.jsonl").write_text("\n".join(lines[:30] + lines[31:]) + "\n",
                                          encoding="utf-8")
    with Store(db) as store:
        rerun = ingest(read_paths([str(tmp_path / "fixed.jsonl")]), store, workers=2,
                       chunk_size=4)
    assert rerun.ok and rerun.already_stored == report.stored
    assert report.stored + rerun.stored == 40 == len(table(db, "articles"))


def _size(db: Path) -> int:
    """Bytes in the database file and its write-ahead log: grows with every committed batch."""
    return sum(p.stat().st_size for p in (db, Path(f"{db}.wal")) if p.exists())


def test_kill_9_then_rerun_stores_every_article_once(tmp_path: Path,
                                                     sample: Callable[..., Path]) -> None:
    src = sample(120)
    db, clean = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    cmd = [sys.executable, "-m", "sitroom", "ingest", str(src), "--workers", "2",
           "--batch-size", "4"]
    proc = subprocess.Popen([*cmd, "--db", str(db)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while not _size(db) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)  # the schema is written before the workers have loaded spaCy
        baseline = _size(db)
        while _size(db) <= baseline and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)  # until the first batch is committed
        time.sleep(1.0)  # a few more batches: kill in the middle of the run
        assert proc.poll() is None, "finished before it could be killed"
        workers = psutil.Process(proc.pid).children(recursive=True)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        gone, alive = psutil.wait_procs(workers, timeout=15)
        assert not alive, "worker processes outlived the killed runner"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    partial = len(table(db, "articles"))
    assert 0 < partial < 120
    rerun = subprocess.run([*cmd, "--db", str(db)], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"120 articles read, {120 - partial} stored, {partial} already in" in rerun.stderr
    reference = subprocess.run([*cmd, "--db", str(clean)], capture_output=True, text=True,
                               timeout=600)
    assert reference.returncode == 0, reference.stderr
    events = table(db, "events")
    assert len({e[0] for e in events}) == len(events)
    for name in ("articles", "events", "claims"):
        assert table(db, name) == table(clean, name), name
