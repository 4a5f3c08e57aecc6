"""The Dask engine on a real LocalCluster gives the local runner's store, via Parquet parts."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from batchtools import table

from sitroom.batch.cluster import ingest_dask, load_parts, table_schemas
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
