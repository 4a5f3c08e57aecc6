"""Helpers shared by tests/api and tests/web: a real seeded DuckDB file and a real server.

The store is made by ingesting ../shared/seeds with the real Extractor. The extractor does not
produce claims yet, so `add_claim_groups` inserts two claim groups (one contested) directly into
the claims table, with evidence spans taken from a seed article's text.
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


def build_seed_db(path: Path, seeds: Path) -> dict[str, Any]:
    """Ingest the seeds into `path`; return what the tests compare the API against."""
    from sitroom.batch.local import ingest
    from sitroom.extract import Extractor
    from sitroom.ingest import read_paths
    from sitroom.store.db import Store

    with Store(path) as store:
        report = ingest(read_paths([str(seeds)]), store, Extractor())
        assert report.ok and report.stored >= 2, report
        add_claim_groups(store)
        events = store.events()
        articles = store.query("SELECT id, date, text FROM articles ORDER BY id")
        claims = store.count("claims")
    assert events, "the seeds gave no events: the extractor is broken"
    return {"events": events, "articles": articles, "claims": claims}


def add_claim_groups(store: Any) -> None:
    """Two claim groups on the first seed article (inserted directly: no claims extractor yet)."""
    from datetime import date

    article = store.query("SELECT id, date, text, origin FROM articles ORDER BY date DESC, id "
                          "LIMIT 1")[0]
    text = article["text"]

    def span(needle: str) -> tuple[str, int, int]:
        start = text.find(needle)
        if start < 0:  # seed text changed: fall back to the first sentence
            needle, start = text[:40], 0
        return needle, start, start + len(needle)

    rows = [
        ("c-troops-1", "troops", "North Korean troops in Russia", 3000, None, "Volodymyr Zelenskyy",
         "UKR", date(2024, 10, 30), "3,000 North Korean troops"),
        ("c-troops-2", "troops", "North Korean troops in Russia", 12000, None, "Pentagon", "USA",
         date(2024, 10, 31), "12,000"),
        ("c-troops-3", "troops", "North Korean troops in Russia", 10000, 12000, "Pentagon", "USA",
         date(2024, 11, 1), "could rise to 12,000"),
        ("c-shells-1", "shells", "artillery shells supplied by North Korea", 3.5e6, None,
         "Volodymyr Zelenskyy", "UKR", date(2024, 11, 1), "3.5 million artillery shells"),
        ("c-shells-2", "shells", "artillery shells supplied by North Korea", 3.0e6, None,
         "Seoul", "KOR", date(2024, 10, 20), "approximately 3.5 million"),
    ]
    for cid, unit, about, value, vmax, who, country, day, needle in rows:
        ev_text, start, end = span(needle)
        store.con.execute(
            "INSERT INTO claims (claim_id, article_id, origin, article_date, about, unit, value, "
            "value_max, qualifier, claimant_text, claimant_country, claimant_entity, date, "
            "group_id, evidence_text, evidence_start, evidence_end) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)",
            [cid, article["id"], article["origin"], article["date"], about, unit, value, vmax,
             "approximately", who, country, day, f"g-{unit}", ev_text, start, end])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`sitroom.api.serve` in a subprocess on a free loopback port."""

    def __init__(self, db: Path, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        code = "import sys; from sitroom.api import serve; serve(sys.argv[1], port=int(sys.argv[2]))"
        self.proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(self.port)],
                                     stdout=log.open("wb"), stderr=subprocess.STDOUT, cwd=ROOT,
                                     env={**os.environ, "PYTHONUNBUFFERED": "1"})
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
