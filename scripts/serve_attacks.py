"""Attack a real `sitroom serve` the way issue 19 did and print what got through, as a table.

    .venv/bin/python scripts/serve_attacks.py [--browser]

Runs whichever sitroom `python -c "import sitroom"` imports (set PYTHONPATH to a checkout of an
older commit to measure it), over an empty store in a temporary folder. With --browser, also
from chromium (/usr/bin/chromium, through Playwright): a page on another site and a DNS-rebinding
page. Prints one markdown row per attack: the answer and whether anything was stored or read.
"""
from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "api"))
from apiserver import Server, free_port  # noqa: E402

ARTICLE = {"date": "2021-05-06", "text": "Chile accused Peru of spying on its navy."}
Row = tuple[str, str, str]


def stored(server: Server) -> int:
    return int(httpx.get(server.url + "/api/meta", timeout=30).json()["articles"])


def write_attack(server: Server, name: str, body: dict[str, Any] | list[Any], **headers: str
                 ) -> Row:
    """POST `body` with `headers`; the row says the status and whether articles were stored."""
    before = stored(server)
    res = httpx.post(server.url + "/api/articles", content=json.dumps(body).encode(),
                     headers=headers, timeout=300)
    after = stored(server)
    return name, str(res.status_code), f"stored {after - before}"


def http_attacks(server: Server) -> list[Row]:
    """The HTTP-level attacks of issue 19."""
    evil = f"evil.example:{server.port}"
    fresh = [{**ARTICLE, "text": ARTICLE["text"] + f" Take {n}."} for n in range(4)]
    rows = [
        write_attack(server, "cross-site POST text/plain, Origin evil.example", fresh[0],
                     **{"content-type": "text/plain", "origin": "http://evil.example"}),
        write_attack(server, "cross-site POST JSON, Sec-Fetch-Site cross-site", fresh[1],
                     **{"content-type": "application/json", "sec-fetch-site": "cross-site"}),
        write_attack(server, "rebinding POST JSON, Host+Origin evil.example", fresh[2],
                     **{"content-type": "application/json", "host": evil,
                        "origin": f"http://{evil}"}),
    ]
    read = httpx.get(server.url + "/api/meta", headers={"host": evil})
    rows.append(("rebinding GET /api/meta, Host evil.example", str(read.status_code),
                 "read" if "articles" in read.json() else "nothing read"))
    deep = "[" * 5000 + "]" * 5000
    res = httpx.post(server.url + "/api/articles", content=deep,
                     headers={"content-type": "application/json"})
    rows.append(("JSON nested 5,000 deep", str(res.status_code), res.json().get("error", "")))
    before = stored(server)
    long = {"id": "long", "date": "2020-01-01", "text": "word " * 200_001}
    res = httpx.post(server.url + "/api/articles", json=[fresh[3], long], timeout=300)
    rows.append(("article of 1,000,004 chars + a good one", str(res.status_code),
                 f"stored {stored(server) - before}; {res.json().get('error', '')}"))
    rows.append(keep_alive(server, deep))
    head = httpx.head(server.url + "/")
    rows.append(("HEAD /", str(head.status_code), ""))
    rows.append(open_bind())
    return rows


def keep_alive(server: Server, deep: str) -> Row:
    """Does the connection survive an error answer (the deep JSON one)?"""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.request("POST", "/api/articles", body=deep, headers={"content-type": "application/json"})
    first = conn.getresponse()
    first.read()
    sock = conn.sock
    try:
        conn.request("GET", "/api/meta")
        again = conn.getresponse()
        again.read()
        kept = "same connection" if conn.sock is sock and sock is not None else "reconnected"
        outcome = f"next request {again.status} on the {kept}"
    except (OSError, http.client.HTTPException) as exc:
        outcome = f"next request failed: {type(exc).__name__}"
    finally:
        conn.close()
    return "keep-alive after that error", str(first.status), outcome


def open_bind() -> Row:
    """Does `sitroom serve --host 0.0.0.0` start without a token?"""
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.Popen([sys.executable, "-m", "sitroom", "serve", "--host", "0.0.0.0",
                                 "--port", str(free_port()), "--db", f"{tmp}/x.duckdb"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            code = proc.wait(timeout=10)
            return "serve --host 0.0.0.0, no token", f"exit {code}", "refused"
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait()
            return "serve --host 0.0.0.0, no token", "running", "open write endpoint on LAN"


def browser_attacks(server: Server) -> list[Row]:
    """A page on another site and a rebinding page, in chromium."""
    from playwright.sync_api import sync_playwright

    class Site(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            page = (f"<form method=post enctype=text/plain action='{server.url}/api/articles'>"
                    f"<input name='{json.dumps(ARTICLE)[:-1]}, \"x\": \"' value='\"}}'></form>")
            self.send_response(200)
            self.send_header("content-type", "text/html")
            self.end_headers()
            self.wfile.write(page.encode())

        def log_message(self, *args: Any) -> None:
            pass

    site = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    args = ["--headless", "--no-sandbox", "--host-resolver-rules=MAP evil.test 127.0.0.1",
            "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests"]
    rows: list[Row] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page()
        page.goto(f"http://evil.test:{site.server_address[1]}/")
        body = json.dumps({**ARTICLE, "text": ARTICLE["text"] + " From a page."})
        rows.append(in_page(server, "page on evil.test: fetch no-cors text/plain", lambda: (
            page.evaluate("async ([u, b]) => { await fetch(u, {method: 'POST', mode: 'no-cors',"
                          " headers: {'Content-Type': 'text/plain'}, body: b}); return 'sent'; }",
                          [server.url + "/api/articles", body]))))
        rows.append(in_page(server, "page on evil.test: HTML form post", lambda: (
            page.eval_on_selector("form", "f => f.submit()"), page.wait_for_load_state(),
            "submitted")[-1]))
        rebound = f"http://evil.test:{server.port}"
        page = browser.new_page()
        page.route(rebound + "/x.html", lambda r: r.fulfill(body="<title>x</title>",
                                                           content_type="text/html"))
        page.goto(rebound + "/x.html")
        got = page.evaluate("async () => { const r = await fetch('/api/meta');"
                            " return [r.status, await r.text()]; }")
        rows.append(("rebinding page: fetch('/api/meta')", str(got[0]),
                     "read" if '"articles"' in got[1] else "nothing read"))
        rebody = body.replace("From a page.", "From a rebound page.")
        rows.append(in_page(server, "rebinding page: fetch POST JSON", lambda: str(page.evaluate(
            "async (b) => (await fetch('/api/articles', {method: 'POST', headers: "
            "{'Content-Type': 'application/json'}, body: b})).status", rebody))))
        browser.close()
    site.shutdown()
    return rows


def in_page(server: Server, name: str, act: Callable[[], str]) -> Row:
    before = stored(server)
    answer = act()
    time.sleep(1)
    return name, answer, f"stored {stored(server) - before}"


def main() -> None:
    import sitroom

    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp) / "db.duckdb", Path(tmp) / "server.log")
        try:
            rows = http_attacks(server)
            if "--browser" in sys.argv:
                rows += browser_attacks(server)
        finally:
            server.stop()
    print(f"sitroom from {Path(sitroom.__file__).parent} ({os.environ.get('PYTHONPATH', '')})")
    print("| attack | answer | outcome |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
