"""Fixtures: a seeded store (real Extractor over ../shared/seeds) served by a real uvicorn."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from apiserver import Server, build_seed_db, copy_db, drop_stories


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> tuple[Path, dict]:
    """(pristine seeded DuckDB file, what it holds). Never served directly: servers get copies."""
    path = tmp_path_factory.mktemp("seeded") / "seeds.duckdb"
    return path, build_seed_db(path, shared / "seeds")


def _serve(tmp_path_factory: pytest.TempPathFactory, src: Path, name: str) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp(name)
    server = Server(copy_db(src, folder / "db.duckdb"), folder / "server.log")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, seed_store: tuple[Path, dict]) -> Iterator[Server]:
    """A server over the seeds that no test writes to."""
    yield from _serve(tmp_path_factory, seed_store[0], "readonly")


@pytest.fixture(scope="session")
def scratch(tmp_path_factory: pytest.TempPathFactory, seed_store: tuple[Path, dict]) -> Iterator[Server]:
    """A server over a copy of the seeds for tests that POST articles."""
    yield from _serve(tmp_path_factory, seed_store[0], "scratch")


@pytest.fixture(scope="session")
def unbuilt(tmp_path_factory: pytest.TempPathFactory,
            seed_store: tuple[Path, dict]) -> Iterator[httpx.Client]:
    """A client of a server over the seeds with no canonical events built (an older store)."""
    folder = tmp_path_factory.mktemp("unbuilt")
    server = Server(drop_stories(copy_db(seed_store[0], folder / "db.duckdb")),
                    folder / "server.log")
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c
    server.stop()


@pytest.fixture(scope="session")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


@pytest.fixture(scope="session")
def expected(seed_store: tuple[Path, dict]) -> dict[str, Any]:
    return seed_store[1]
