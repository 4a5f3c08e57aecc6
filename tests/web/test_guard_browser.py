"""Hostile pages in chromium against a real server: a page on another site tries to write into the
store, a DNS-rebinding page tries to read it and write to it, and the server's own page writes
with the token it got from the server.

Chromium resolves evil.test to 127.0.0.1 (--host-resolver-rules), so the attacker's site is a
real second server on another port. Rebinding is the moment after the attacker's DNS answer
switches to 127.0.0.1: the attacker's page (here served by a route) sits at
http://evil.test:PORT, the server's own port, and its same-origin requests reach the server
with `Host: evil.test:PORT`.
"""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from apiserver import Server

pytestmark = pytest.mark.browser

TOKEN = "browser-test-token-41c9"
ARTICLE = {"date": "2021-05-06", "title": "Planted",
           "text": "Chile accused Peru of spying on its navy, the planted article says."}
# Every way a page can send a write without the server's help; each reports what it saw.
ATTACKS = """
async (target) => {
  const body = JSON.stringify(%s);
  const out = {};
  const tryit = async (name, f) => {
    try { const r = await f(); out[name] = r.type === "opaque" ? "opaque" : r.status; }
    catch (e) { out[name] = "blocked: " + e.name; }
  };
  await tryit("no-cors text/plain", () => fetch(target + "/api/articles",
    { method: "POST", mode: "no-cors", headers: { "Content-Type": "text/plain" }, body }));
  await tryit("cors json", () => fetch(target + "/api/articles",
    { method: "POST", headers: { "Content-Type": "application/json" }, body }));
  await tryit("read articles", () => fetch(target + "/api/articles"));
  await tryit("beacon", async () => ({ status: navigator.sendBeacon(
    target + "/api/articles", new Blob([body], { type: "text/plain" })) }));
  return out;
}""" % json.dumps(ARTICLE)


class Attacker(BaseHTTPRequestHandler):
    """The attacker's site: an empty page and a form that posts into the store."""

    target = ""

    def do_GET(self) -> None:  # noqa: N802  (http.server's name)
        page = (f"<!doctype html><title>evil</title><form method=post enctype=text/plain "
                f"action='{self.target}/api/articles'><input name='{{\"a\":\"' value='\"}}'>"
                f"</form>").encode()
        self.send_response(200)
        self.send_header("content-type", "text/html")
        self.send_header("content-length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`sitroom serve --token` over an empty store (nothing here needs the extractor)."""
    folder = tmp_path_factory.mktemp("guarded")
    server = Server(folder / "db.duckdb", folder / "server.log", args=["--token", TOKEN])
    yield server
    server.stop()


@pytest.fixture(scope="module")
def evil(browser: Any, guarded: Server) -> Iterator[tuple[Any, str]]:
    """(chromium, the attacker site's URL); chromium resolves evil.test to this machine."""
    handler = type("Handler", (Attacker,), {"target": guarded.url})
    site = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    yield browser, f"http://evil.test:{site.server_address[1]}"
    site.shutdown()


def articles(server: Server) -> int:
    return int(httpx.get(server.url + "/api/meta").json()["articles"])


def test_a_page_on_another_site_cannot_write(evil: tuple[Any, str], guarded: Server) -> None:
    browser, site = evil
    page = browser.new_page()
    seen: list[tuple[str, int]] = []
    page.on("response", lambda r: seen.append((r.url, r.status)))
    page.goto(site + "/")
    before = articles(guarded)
    out = page.evaluate(ATTACKS, guarded.url)
    page.eval_on_selector("form", "f => f.submit()")  # a plain HTML form: no CORS at all
    page.wait_for_load_state()
    assert out["no-cors text/plain"] == "opaque"  # sent, but the guard refused it (below)
    assert out["cors json"].startswith("blocked")  # preflight: no CORS for other sites
    assert out["read articles"].startswith("blocked")  # the same-origin policy
    statuses = [status for url, status in seen if url.endswith("/api/articles")]
    assert statuses and set(statuses) <= {403, 415}, seen
    assert articles(guarded) == before == 0
    page.close()


def test_a_rebinding_page_can_neither_read_nor_write(evil: tuple[Any, str],
                                                      guarded: Server) -> None:
    browser, _ = evil
    rebound = f"http://evil.test:{guarded.port}"
    page = browser.new_page()
    page.route(rebound + "/attack.html", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>rebound</title>"))
    page.goto(rebound + "/attack.html")
    out = page.evaluate(ATTACKS, rebound)  # same origin, as far as the browser can tell
    assert out["read articles"] == 421
    assert out["cors json"] == 421
    assert out["no-cors text/plain"] == 421  # same origin: not opaque
    steal = page.evaluate("async () => (await fetch('/api/meta')).json()")
    assert steal["error"] == "misdirected_request" and "articles" not in steal
    assert page.evaluate("async () => (await fetch('/')).status") == 421
    assert articles(guarded) == 0
    page.close()


def test_the_servers_own_page_writes_with_the_token_it_was_given(browser: Any,
                                                                 guarded: Server) -> None:
    page = browser.new_page()
    page.goto(f"{guarded.url}/?token={TOKEN}")
    page.wait_for_function("window.sitroom !== undefined")
    assert "token" not in page.evaluate("location.href")  # kept for the tab, off the URL
    write = "async (b) => { try { return await window.sitroom.write('/api/articles', b); }" \
            " catch (e) { return 'error: ' + e.message; } }"
    # the record lacks its text: a 422 shows the write passed the guard and reached the route
    assert "missing required field 'text'" in page.evaluate(write, {"date": "2020-01-01"})
    page.reload()  # the tab keeps the token after the URL dropped it
    page.wait_for_function("window.sitroom !== undefined")
    assert "missing required field 'text'" in page.evaluate(write, {"date": "2020-01-01"})
    page.close()

    fresh = browser.new_page()  # the page without the token in its URL cannot write
    fresh.goto(guarded.url + "/")
    fresh.wait_for_function("window.sitroom !== undefined")
    assert "writes need this server's token" in fresh.evaluate(write, {"date": "2020-01-01"})
    fresh.close()
