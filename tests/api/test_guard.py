"""The guard (sitroom/guard.py) against real servers and real requests: Host allow-list, same-origin
JSON writes, the write token, --read-only, deep JSON, over-long text, HEAD, request ids and a
connection that outlives an unexpected error."""
from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from apiserver import ROOT, Server, copy_db, free_port

from sitroom.guard import DepthMeter, Policy, UnsafeBind, split_host
from sitroom.settings import SettingsError, load_settings

TOKEN = "t0ken-for-the-tests-7f3a"
BROKEN = """import sys, uvicorn
from sitroom.api import create_app
from sitroom.guard import Policy
import sitroom.store.articles as queries
def broken(*args, **kwargs):  # a bug outside the per-article isolation of an ingest
    raise RuntimeError("a bug in sitroom")
queries.known_article_ids = broken
port = int(sys.argv[2])
app = create_app(sys.argv[1], policy=Policy.for_server("127.0.0.1", port))
uvicorn.run(app, host="127.0.0.1", port=port)
"""
FRESH = {"id": "fresh", "date": "2021-05-06", "text": "Chile accused Peru of spying on its navy."}


def _start(tmp_path_factory: pytest.TempPathFactory, seed_store: tuple[Path, dict], name: str,
           **kwargs: Any) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp(name)
    server = Server(copy_db(seed_store[0], folder / "db.duckdb"), folder / "server.log", **kwargs)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def local(tmp_path_factory: pytest.TempPathFactory,
          seed_store: tuple[Path, dict]) -> Iterator[Server]:
    """`sitroom.api.serve` on loopback, as `sitroom serve` runs by default."""
    yield from _start(tmp_path_factory, seed_store, "guard-local")


@pytest.fixture(scope="session")
def tokened(tmp_path_factory: pytest.TempPathFactory,
            seed_store: tuple[Path, dict]) -> Iterator[Server]:
    """`sitroom serve --host 0.0.0.0 --allow-host sitroom.lan` with SITROOM_TOKEN set."""
    yield from _start(tmp_path_factory, seed_store, "guard-token",
                      args=["--host", "0.0.0.0", "--allow-host", "sitroom.lan"],
                      env={"SITROOM_TOKEN": TOKEN})


@pytest.fixture(scope="session")
def read_only(tmp_path_factory: pytest.TempPathFactory,
              seed_store: tuple[Path, dict]) -> Iterator[Server]:
    yield from _start(tmp_path_factory, seed_store, "guard-ro", args=["--read-only"])


def count(server: Server) -> int:
    return int(httpx.get(server.url + "/api/meta").json()["articles"])


def refused(res: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert res.status_code == status, res.text
    body = res.json()
    assert body["status"] == status and body["error"] == code, body
    assert body["request_id"] == res.headers["x-request-id"]
    return body


def known_article(expected: dict[str, Any]) -> dict[str, Any]:
    """A record of an article the seeded store holds: accepted without running the extractor."""
    art = expected["articles"][0]
    return {"date": art["date"].isoformat(), "text": art["text"]}


# ------------------------------------------------------------------------- Host allow-list


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1",
                                  "localhost.evil.example:{port}", "0.0.0.0:{port}"])
def test_rebinding_host_is_refused(local: Server, host: str) -> None:
    res = httpx.get(local.url + "/api/articles", headers={"host": host.format(port=local.port)})
    body = refused(res, 421, "misdirected_request")
    assert "DNS rebinding" in body["message"] and "articles" not in body


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}",
                                  "LOCALHOST:{port}"])
def test_loopback_names_are_served(local: Server, host: str) -> None:
    res = httpx.get(local.url + "/api/meta", headers={"host": host.format(port=local.port)})
    assert res.status_code == 200


def test_allow_host_adds_names(tokened: Server) -> None:
    for host in ("sitroom.lan", "sitroom.lan:8443", f"127.0.0.1:{tokened.port}"):
        assert httpx.get(tokened.url + "/api/meta", headers={"host": host}).status_code == 200
    refused(httpx.get(tokened.url + "/api/meta", headers={"host": "other.lan"}), 421,
            "misdirected_request")


# ------------------------------------------------------------------------- cross-site writes


@pytest.mark.parametrize(("headers", "status", "code"), [
    ({"content-type": "text/plain"}, 415, "unsupported_media_type"),
    ({"content-type": "application/x-www-form-urlencoded"}, 415, "unsupported_media_type"),
    ({"content-type": "multipart/form-data; boundary=x"}, 415, "unsupported_media_type"),
    ({}, 415, "unsupported_media_type"),
    ({"content-type": "text/plain", "origin": "http://evil.example"}, 403, "cross_site"),
    ({"content-type": "application/json", "origin": "http://evil.example"}, 403, "cross_site"),
    ({"content-type": "application/json", "origin": "null"}, 403, "cross_site"),
    ({"content-type": "application/json", "origin": "http://127.0.0.1:1"}, 403, "cross_site"),
    ({"content-type": "application/json", "sec-fetch-site": "cross-site"}, 403, "cross_site"),
    ({"content-type": "application/json", "sec-fetch-site": "same-site"}, 403, "cross_site"),
])
def test_cross_site_and_non_json_writes_are_refused(local: Server, headers: dict[str, str],
                                                    status: int, code: str) -> None:
    before = count(local)
    res = httpx.post(local.url + "/api/articles", content=json.dumps(FRESH), headers=headers)
    refused(res, status, code)
    assert count(local) == before


def test_own_page_and_plain_clients_reach_the_endpoint(local: Server) -> None:
    """Same origin (what a browser sends from the page) and no browser headers (curl) pass: the
    record's own problem (no text) is what answers."""
    for headers in ({"origin": local.url, "sec-fetch-site": "same-origin"}, {}):
        res = httpx.post(local.url + "/api/articles", json={"date": "2020-01-01"},
                         headers=headers)
        assert res.status_code == 422 and "missing required field 'text'" in res.text


# ------------------------------------------------------------------------- bad input: 4xx


@pytest.mark.parametrize("depth", [65, 5000, 100_000])
def test_deep_json_is_400(local: Server, depth: int) -> None:
    body = "[" * depth + "]" * depth
    res = httpx.post(local.url + "/api/articles", content=body,
                     headers={"content-type": "application/json"})
    assert "nested deeper than 64" in refused(res, 400, "bad_request")["message"]


def test_depth_meter_skips_strings_across_chunks() -> None:
    text = json.dumps([{"text": 'brackets [[{{ and "quotes" \\ in a string', "n": [[1]]}]).encode()
    for size in (1, 2, 3, 7, len(text)):
        meter = DepthMeter()
        for start in range(0, len(text), size):
            meter.feed(text[start:start + size])
        assert (meter.deepest, meter.depth) == (4, 0), size


def test_over_long_article_is_422_naming_it(local: Server, expected: dict[str, Any]) -> None:
    before = count(local)
    long = {"id": "long", "date": "2020-01-01", "text": "word " * 200_001}
    res = httpx.post(local.url + "/api/articles", json=[known_article(expected), long],
                     timeout=60)
    assert res.status_code == 422, res.text
    assert "api#long: text is 1000004 characters" in res.json()["message"]
    assert count(local) == before


def test_unexpected_error_is_logged_by_request_id_and_keeps_the_connection(
        tmp_path_factory: pytest.TempPathFactory, seed_store: tuple[Path, dict]) -> None:
    for server in _start(tmp_path_factory, seed_store, "guard-broken", code=BROKEN):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        conn.request("POST", "/api/articles", body=json.dumps(FRESH),
                     headers={"content-type": "application/json"})
        res = conn.getresponse()
        body = json.loads(res.read())
        assert res.status == 500 and not res.will_close, body
        assert body["error"] == "internal_error" and "RuntimeError" in body["message"]
        assert body["request_id"] in body["message"]
        sock = conn.sock
        conn.request("GET", "/api/meta")
        again = conn.getresponse()
        assert again.status == 200 and json.loads(again.read())["articles"] > 0
        assert conn.sock is sock, "the connection was dropped after the error"
        conn.close()
        log = server.log.read_text()
        assert re.search(rf"request {body['request_id']}: POST /api/articles failed", log)
        assert "a bug in sitroom" in log


# ------------------------------------------------------------------------- HEAD, request ids


@pytest.mark.parametrize("path", ["/", "/api/meta", "/api/events?limit=5", "/api/timeline",
                                  "/static/app.js", "/openapi.json", "/api/articles"])
def test_head_answers_where_get_does(local: Server, path: str) -> None:
    got = httpx.get(local.url + path)
    head = httpx.head(local.url + path)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == str(len(got.content))
    assert head.headers["content-type"] == got.headers["content-type"]


def test_every_answer_has_its_own_request_id(local: Server) -> None:
    ids = {httpx.get(local.url + path).headers["x-request-id"]
           for path in ("/api/meta", "/api/nowhere", "/static/nothing.js", "/")}
    assert len(ids) == 4 and all(re.fullmatch(r"[0-9a-f]{16}", i) for i in ids)


# ------------------------------------------------------------------------- token, read-only


def test_writes_beyond_loopback_need_the_token(tokened: Server,
                                               expected: dict[str, Any]) -> None:
    url, record = tokened.url + "/api/articles", known_article(expected)
    refused(httpx.post(url, json=record), 401, "unauthorized")
    refused(httpx.post(url, json=record, headers={"authorization": "Bearer wrong"}), 401,
            "unauthorized")
    refused(httpx.post(url, json=record, headers={"authorization": TOKEN}), 401, "unauthorized")
    bearer = {"authorization": f"Bearer {TOKEN}"}
    refused(httpx.post(url, json=record, headers={**bearer, "origin": "http://evil.example"}),
            403, "cross_site")
    res = httpx.post(url, json=record, headers=bearer)
    assert res.status_code == 200 and res.json()["already_stored"] == 1
    assert httpx.get(url).status_code == 200  # reads need no token


def test_page_gets_the_token_only_from_its_own_url(tokened: Server, local: Server) -> None:
    meta = re.compile(r'<meta name="sitroom-token" content="([^"]*)">')
    page = httpx.get(tokened.url + "/", params={"token": TOKEN})
    assert meta.search(page.text).group(1) == TOKEN  # type: ignore[union-attr]
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    head = httpx.head(tokened.url + "/", params={"token": TOKEN})
    assert head.headers["content-length"] == str(len(page.content))
    for server, params in ((tokened, {}), (tokened, {"token": "wrong"}), (local, {"token": "x"})):
        text = httpx.get(server.url + "/", params=params).text
        assert meta.search(text).group(1) == ""  # type: ignore[union-attr]


def test_read_only_serves_no_write_endpoint(read_only: Server, expected: dict[str, Any]) -> None:
    res = httpx.post(read_only.url + "/api/articles", json=known_article(expected))
    refused(res, 405, "read_only")
    assert res.headers["allow"] == "GET, HEAD"
    assert httpx.get(read_only.url + "/api/articles").status_code == 200
    paths = httpx.get(read_only.url + "/openapi.json").json()["paths"]
    assert "post" not in paths["/api/articles"] and "get" in paths["/api/articles"]


def test_refuses_to_serve_beyond_loopback_without_a_token(tmp_path: Path) -> None:
    res = subprocess.run([sys.executable, "-m", "sitroom", "serve", "--db",
                          str(tmp_path / "x.duckdb"), "--host", "0.0.0.0", "--port",
                          str(free_port())], capture_output=True, text=True, cwd=ROOT,
                         timeout=60, env={k: v for k, v in os.environ.items()
                                               if not k.startswith("SITROOM_")})
    assert res.returncode == 2
    assert "--token or SITROOM_TOKEN" in res.stderr and "--read-only" in res.stderr
    assert not (tmp_path / "x.duckdb").exists()


@pytest.mark.parametrize(("host", "token", "read_only", "ok"), [
    ("127.0.0.1", None, False, True), ("localhost", None, False, True),
    ("::1", None, False, True), ("127.0.0.5", None, False, True),
    ("0.0.0.0", None, False, False), ("::", None, False, False),
    ("192.168.1.5", None, False, False), ("example.org", None, False, False),
    ("0.0.0.0", TOKEN, False, True), ("0.0.0.0", None, True, True),
])
def test_policy_for_a_bound_address(host: str, token: str | None, read_only: bool,
                                    ok: bool) -> None:
    if not ok:
        with pytest.raises(UnsafeBind):
            Policy.for_server(host, 8000, token, read_only)
        return
    policy = Policy.for_server(host, 8000, token, read_only)
    assert policy.host_ok("localhost:8000") and not policy.host_ok("localhost:8001")


def test_split_host() -> None:
    assert split_host("[::1]:8000") == ("[::1]", 8000)
    assert split_host("Example.ORG") == ("example.org", None)
    assert split_host("a.b:80") == ("a.b", 80)


def test_serve_settings_from_the_environment() -> None:
    env = {"SITROOM_ALLOW_HOST": "a.lan, b.lan:8443", "SITROOM_READ_ONLY": "yes",
           "SITROOM_TOKEN": TOKEN}
    settings = load_settings({}, env=env)
    assert settings.allow_host == ("a.lan", "b.lan:8443")
    assert settings.read_only and settings.token == TOKEN
    assert load_settings({"allow_host": ("c.lan",)}, env=env).allow_host == ("c.lan",)
    with pytest.raises(SettingsError, match="SITROOM_ALLOW_HOST: expected host names"):
        load_settings({}, env={"SITROOM_ALLOW_HOST": "http://x.lan/"})
