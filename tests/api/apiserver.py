"""Helpers shared by tests/api and tests/web: a real seeded DuckDB file and a real server.

The store is made by ingesting ../shared/seeds with the real Extractor, claims and claim groups
included (the seeds' North Korean troop figures form one contested group), and stories rebuilt
as `sitroom ingest` does (canonical events: both seeds report North Korea's troop deployment).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]


def build_seed_db(path: Path, seeds: Path, stories: bool = True) -> dict[str, Any]:
    """Ingest the seeds into `path` (and rebuild stories unless `stories` is False); return
    what the tests compare the API against."""
    from sitroom.batch.local import ingest
    from sitroom.extract import Extractor
    from sitroom.ingest import read_paths
    from sitroom.store.db import Store

    with Store(path) as store:
        report = ingest(read_paths([str(seeds)]), store, Extractor())
        assert report.ok and report.stored >= 2, report
        if stories:
            store.rebuild_stories()
        store.regroup_claims()  # after the stories, as `sitroom ingest` does: groups stay fresh
        canonical = store.canonical_events() if stories else []
        events = store.events()
        articles = store.query("SELECT id, date, text FROM articles ORDER BY id")
        claims = store.count("claims")
    assert events, "the seeds gave no events: the extractor is broken"
    return {"events": events, "articles": articles, "claims": claims, "canonical": canonical}


def drop_stories(path: Path) -> Path:
    """Empty the story tables of a store, as in one ingested before stories were built."""
    from sitroom.store.db import Store

    with Store(path) as store:
        for table in ("event_mentions", "canonical_events", "story_articles", "stories"):
            store.con.execute(f"DELETE FROM {table}")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SERVE = "import sys; from sitroom.api import serve; serve(sys.argv[1], port=int(sys.argv[2]))"


class Server:
    """`code` (by default `sitroom.api.serve`; argv: DB PORT) in a subprocess on a free loopback
    port; with `args`, `sitroom serve --db DB --port PORT *args` instead."""

    def __init__(self, db: Path, log: Path, args: list[str] | None = None,
                 code: str = SERVE, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        command = ["-c", code, str(db), str(self.port)] if args is None else [
            "-m", "sitroom", "serve", "--db", str(db), "--port", str(self.port), *args]
        self.proc = subprocess.Popen([sys.executable, *command],
                                     stdout=log.open("wb"), stderr=subprocess.STDOUT, cwd=ROOT,
                                     env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {log.read_text()[-2000:]}")
            try:
                if httpx.get(self.url + "/api/meta", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"server did not start: {log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def copy_db(src: Path, dest: Path) -> Path:
    shutil.copy(src, dest)
    return dest
