"""The Dask engine on a real LocalCluster gives the local runner's store, via Parquet parts."""
from __future__ import annotations

from collections.abc import Callable
import importlib.util
import json
from datetime import date
from pathlib import Path
from typing import Any

import dask
import pyarrow.parquet as pq
import pytest
from batchtools import hostile_factory, table

from sitroom.batch.cluster import LOCAL_CLUSTER_CONFIG, ingest_dask, load_parts, table_schemas
from sitroom.batch.local import ingest
from sitroom.ingest import read_paths
from sitroom.store.db import Store

distributed = pytest.importorskip("distributed")


def test_dask_matches_the_local_runner(tmp_path: Path, sample: Callable[..., Path]) -> None:
    src = sample(40)
    parts = tmp_path / "parts"
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    try:
        with distributed.Client(cluster) as client, Store(tmp_path / "dask.duckdb") as store:
            report = ingest_dask(read_paths([str(src)]), store, parts=parts, client=client,
                                 chunk_size=6, triage=True)
    finally:
        cluster.close()
    with Store(tmp_path / "local.duckdb") as store:
        local = ingest(read_paths([str(src)]), store, workers=2, chunk_size=6, triage=True)
    assert report.ok and local.ok
    assert (report.read, report.stored, report.events) == (local.read, local.stored, local.events)
    for name in ("articles", "events", "claims"):
        assert table(tmp_path / "dask.duckdb", name) == table(tmp_path / "local.duckdb", name)
    for name, schema in table_schemas().items():  # the parts have the tables' exact types
        files = sorted((parts / name).glob("*.parquet"))
        assert len(files) == 7
        assert pq.read_schema(files[0]).remove_metadata() == schema.remove_metadata()
    with Store(tmp_path / "dask.duckdb") as store:  # loading again adds nothing
        assert load_parts(store, parts) == (0, 0, 0)


def test_own_local_cluster_matches_and_closes(tmp_path: Path, sample: Callable[..., Path]) -> None:
    """Without a client, ingest_dask starts its LocalCluster (tuned settings), closes it while
    DuckDB loads the parts, and stores what the local runner stores."""
    import psutil

    src = sample(16)
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    with Store(tmp_path / "dask.duckdb") as store:
        report = ingest_dask(read_paths([str(src)]), store, parts=tmp_path / "parts", workers=2,
                             chunk_size=4, triage=True)
    with Store(tmp_path / "local.duckdb") as store:
        local = ingest(read_paths([str(src)]), store, workers=2, chunk_size=4, triage=True)
    assert report.ok and (report.stored, report.events) == (local.stored, local.events) != (0, 0)
    for name in ("articles", "events", "claims"):
        assert table(tmp_path / "dask.duckdb", name) == table(tmp_path / "local.duckdb", name)
    lingering = [p for p in psutil.Process().children(recursive=True)
                 if p.pid not in before and p.is_running()
                 and p.status() != psutil.STATUS_ZOMBIE and "resource_tracker" not in
                 " ".join(p.cmdline())]
    assert not lingering, "Dask worker processes outlived ingest_dask"


def test_one_bad_record_fails_no_other_on_dask(tmp_path: Path,
                                               sample: Callable[..., Path]) -> None:
    """On Dask, a record the coder fails on, one the pipeline fails on (out of its batch) and
    one that kills its worker each cost only themselves, each error naming its record; the
    articles in the same tasks are stored."""
    lines = sample(12).read_text(encoding="utf-8").splitlines()
    for at, word in ((2, "POISON"), (6, "PARSERFAIL"), (10, "CRASH")):
        lines.insert(at, json.dumps({"date": "2020-01-01", "text": f"{word} Police arrested 20."}))
    src = tmp_path / "mixed.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # as ingest_dask's own cluster, a task given up at its first death (default: the fourth;
    # each death is a worker loading spaCy again)
    with dask.config.set({**LOCAL_CLUSTER_CONFIG, "distributed.scheduler.allowed-failures": 0}):
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
    try:
        with distributed.Client(cluster) as client, Store(tmp_path / "s.duckdb") as store:
            report = ingest_dask(read_paths([str(src)]), store, parts=tmp_path / "parts",
                                 client=client, chunk_size=5, factory=hostile_factory)
    finally:
        cluster.close()
    errors = sorted(str(e) for e in report.errors)
    assert len(errors) == 3, "\n".join(e.split("mixed.jsonl")[-1][:120] for e in errors)
    for line, problem in ((3, "poisoned article"), (7, "the pipeline failed"), (11, "died")):
        assert sum(f"mixed.jsonl#line {line}:" in e and problem in e for e in errors) == 1, errors
    assert (report.read, report.stored) == (15, 12)
    assert len(table(tmp_path / "s.duckdb", "articles")) == 12


def _samples() -> Any:
    """tests/ingest/ingest_samples.py (the page and WARC builders of the ingest tests)."""
    path = Path(__file__).parents[1] / "ingest" / "ingest_samples.py"
    spec = importlib.util.spec_from_file_location("ingest_samples", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_warc_is_read_on_the_workers(tmp_path: Path, shared: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A WARC split in slices of record offsets, read (pages parsed) on the Dask workers, stores
    what the local runner stores reading it whole; a bad page is named; a rerun adds nothing."""
    from sitroom.ingest import warc as warc_module

    samples = _samples()
    page, warc = samples.page, samples.warc
    monkeypatch.setattr(warc_module, "SLICE_RECORDS", 3)
    records = [json.loads(line) for line in (shared / "corpora" / "wikinews_en.jsonl").open(
        encoding="utf-8").readlines()[:8]]
    pages = [(f"https://news.example.org/{n}", "text/html",
              page(r["title"], r["text"].split("\n"), date.fromisoformat(r["date"])))
             for n, r in enumerate(records)]
    pages.insert(4, ("https://news.example.org/undated", "text/html", page("X", ["Y."], None)))
    src = warc(tmp_path / "crawl.warc.gz", pages)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    try:
        with distributed.Client(cluster) as client:
            runs = []
            for _ in range(2):
                with Store(tmp_path / "dask.duckdb") as store:
                    runs.append(ingest_dask(read_paths([str(src)], split_warc=True), store,
                                            parts=tmp_path / "parts", client=client,
                                            triage=True))
    finally:
        cluster.close()
    with Store(tmp_path / "local.duckdb") as store:
        local = ingest(read_paths([str(src)]), store, workers=1, triage=True)
    first, again = runs
    assert (first.read, first.stored, first.events) == (local.read, local.stored, local.events)
    assert first.stored == 8 and len(first.errors) == len(local.errors) == 1
    assert str(first.errors[0]) == str(local.errors[0])
    assert "crawl.warc.gz#https://news.example.org/undated" in str(first.errors[0])
    for name in ("articles", "events", "claims"):
        assert table(tmp_path / "dask.duckdb", name) == table(tmp_path / "local.duckdb", name)
    assert (again.stored, again.already_stored) == (0, 8)
