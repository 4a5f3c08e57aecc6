"""Read while serving (issue 20): the server holds its DuckDB file read-only between writes, so
`sitroom events`, `claims` and `export` run while `sitroom serve` is up; a write through the API
still works (and is seen by the next CLI read); a CLI write names the server and what to do."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx

from apiserver import ROOT, Server, copy_db


def sitroom(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitroom", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


def test_cli_reads_while_the_server_serves(seed_store: tuple[Path, dict],
                                           tmp_path: Path) -> None:
    db = copy_db(seed_store[0], tmp_path / "served.duckdb")
    server = Server(db, tmp_path / "server.log", args=[])
    try:
        served = httpx.get(server.url + "/api/events", params={"limit": 1000}).json()
        listed = sitroom("events", "--db", str(db), "--format", "jsonl")
        assert listed.returncode == 0, listed.stderr
        ids = [json.loads(line)["event_id"] for line in listed.stdout.splitlines()]
        assert sorted(ids) == sorted(e["event_id"] for e in served["events"])
        claims = sitroom("claims", "--db", str(db), "--format", "jsonl")
        assert claims.returncode == 0 and claims.stdout.strip(), claims.stderr
        exported = sitroom("export", "-", "--format", "csv", "--db", str(db))
        assert exported.returncode == 0, exported.stderr
        assert exported.stdout == httpx.get(server.url + "/api/events",
                                            params={"format": "csv"}).text

        # a write through the server still works, and the CLI sees it
        res = httpx.post(server.url + "/api/articles", timeout=120, json={
            "date": "2024-11-02", "text": "France accused Germany of spying on its embassy."})
        assert res.status_code == 201, res.text
        after = sitroom("events", "--db", str(db), "--format", "jsonl", "--type", "ACCUSE")
        assert after.returncode == 0, after.stderr
        assert "France accused Germany" in after.stdout

        # a CLI write cannot take the file from the server: the message says what to do
        stories = sitroom("stories", "--db", str(db))
        assert stories.returncode == 1
        assert "sitroom serve" in stories.stderr and "POST /api/articles" in stories.stderr
        assert httpx.get(server.url + "/api/meta").status_code == 200
    finally:
        server.stop()
