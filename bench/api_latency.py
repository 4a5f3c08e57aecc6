"""API latency and page load on a store of >= 100,000 events (prints figures; not a test).

    .venv/bin/python bench/api_latency.py [--db FILE] [--events 100000] [--requests 2000]

1. Builds (or reuses) the store: ingests real articles (examples/wikinews and ../shared/seeds)
   with the real Extractor, then replicates those articles and events inside DuckDB with new ids
   and dates shifted back week by week until the store holds --events events. Realistic rows
   (real actors, types, evidence spans) without parsing 100k articles. Stories are rebuilt over
   the real articles first and their canonical events and mentions replicated alongside, so the
   canonical counts the API serves by default cover every replicated report.
2. Serves it with `sitroom.api.serve` in a subprocess on a free loopback port.
3. 20 concurrent clients send --requests requests in all (events with assorted filters and
   pages, mostly reports and some canonical=true; dyad series, mostly canonical (the default)
   and some canonical=false; the page's timeline, network, claims and articles with assorted
   filters), then stop; prints p50/p95/p99 per endpoint and over all.
4. Loads the page in Debian's chromium (Playwright) and prints the time to first render (first
   contentful paint) and to the timeline being drawn with data. Skipped, with a message, where
   chromium or playwright is missing.
"""
from __future__ import annotations

import argparse
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples" / "wikinews", ROOT.parent / "shared" / "seeds"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]


def build(db: Path, target: int) -> int:
    sys.path.insert(0, str(ROOT))
    from sitroom.store.db import Store

    if db.exists():
        with Store(db) as store:  # writable: migrates a store built before stories existed
            have = store.count("events")
            merged = store.query("SELECT count(*) AS n FROM event_mentions")[0]["n"]
        if have >= target and merged == have:
            print(f"reusing {db}: {have} events")
            return have
        db.unlink()
    from sitroom.batch.local import ingest
    from sitroom.extract import Extractor
    from sitroom.ingest import read_paths

    t0 = time.perf_counter()
    with Store(db) as store:
        report = ingest(read_paths([str(p) for p in SOURCES if p.exists()]), store, Extractor())
        base = store.count("events")
        if base == 0:
            raise SystemExit("the extractor found no events in the source articles")
        stats = store.rebuild_stories()
        copies = -(-target // base) - 1
        con = store.con
        con.execute("BEGIN TRANSACTION")
        con.execute("""
            INSERT INTO articles (id, date, title, text, source, url, origin)
            SELECT a.id || '-' || i, a.date - CAST(i * 7 AS INTEGER), a.title, a.text, a.source,
                   a.url, a.origin || '#copy' || i
            FROM articles a, range(1, ? + 1) t(i)""", [copies])
        con.execute("""
            INSERT INTO events SELECT e.* REPLACE (
                e.event_id || '-' || i AS event_id, e.article_id || '-' || i AS article_id,
                e.article_date - CAST(i * 7 AS INTEGER) AS article_date,
                e.date - CAST(i * 7 AS INTEGER) AS date)
            FROM events e, range(1, ? + 1) t(i)""", [copies])
        con.execute("""
            INSERT INTO canonical_events SELECT c.* REPLACE (
                c.event_id || '-' || i AS event_id, c.article_id || '-' || i AS article_id,
                c.article_date - CAST(i * 7 AS INTEGER) AS article_date,
                c.date - CAST(i * 7 AS INTEGER) AS date, c.story_id || '-' || i AS story_id,
                c.first_reported - CAST(i * 7 AS INTEGER) AS first_reported,
                c.last_reported - CAST(i * 7 AS INTEGER) AS last_reported)
            FROM canonical_events c, range(1, ? + 1) t(i)""", [copies])
        con.execute("""
            INSERT INTO event_mentions SELECT m.event_id || '-' || i, m.canonical_id || '-' || i,
                m.article_id || '-' || i, m.repeat
            FROM event_mentions m, range(1, ? + 1) t(i)""", [copies])
        con.execute("""
            INSERT INTO stories SELECT s.* REPLACE (s.story_id || '-' || i AS story_id,
                s.first_date - CAST(i * 7 AS INTEGER) AS first_date,
                s.last_date - CAST(i * 7 AS INTEGER) AS last_date)
            FROM stories s, range(1, ? + 1) t(i)""", [copies])
        con.execute("""
            INSERT INTO story_articles SELECT a.article_id || '-' || i, a.story_id || '-' || i,
                a.duplicate_of || '-' || i, a.similarity
            FROM story_articles a, range(1, ? + 1) t(i)""", [copies])
        con.execute("COMMIT")
        canonical = store.query("SELECT count(*) AS n FROM canonical_events")[0]["n"]
        total = store.count("events")
    print(f"built {db}: {report.stored} real articles, {base} real events "
          f"({stats.canonical_events} canonical), replicated x{copies + 1} -> {total} events, "
          f"{canonical} canonical events in {time.perf_counter() - t0:.1f}s")
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    code = "import sys; from sitroom.api import serve; serve(sys.argv[1], port=int(sys.argv[2]))"
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(url + "/api/meta", timeout=5).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


def workload(url: str, n: int, seed: int = 1) -> list[tuple[str, str, dict]]:
    meta = httpx.get(url + "/api/meta", timeout=30).json()
    net = httpx.get(url + "/api/network", params={"limit": 30}, timeout=30).json()["edges"]
    actors = [a["key"] for a in httpx.get(url + "/api/actors", params={"limit": 20},
                                          timeout=30).json()["actors"]]
    codes = [a for a in actors if len(a) == 3 and a.isupper()] or ["USA"]
    rng = random.Random(seed)
    types = [t["type"] for t in meta["types"]]
    jobs = []
    for _ in range(n):
        r = rng.random()
        if r < 0.5:
            canonical = r >= 0.4
            params = rng.choice([
                {}, {"actor": rng.choice(actors)}, {"country": rng.choice(codes)},
                {"type": rng.choice(types)}, {"quad": rng.randint(1, 4)},
                {"since": "2015-01-01", "until": "2019-12-31"}, {"q": "troops"},
                {"actor": rng.choice(actors), "type": rng.choice(types)}])
            params.update(limit=rng.choice([50, 100, 300]), offset=rng.choice([0, 0, 500, 5000]))
            if canonical:
                params["canonical"] = "true"
            jobs.append(("events canon." if canonical else "events", "/api/events", params))
        elif r < 0.6:
            e = rng.choice(net)
            params = {"interval": rng.choice(["day", "week", "month"])}
            if r >= 0.8:
                params["canonical"] = "false"
            jobs.append(("dyad reports" if r >= 0.55 else "dyad series",
                         f"/api/dyads/{e['source']}/{e['target']}/series", params))
        else:  # the page's other views (issue 20), each with the filters a user sets
            view = rng.choice(["timeline", "network", "claims", "articles"])
            filters = rng.choice([{}, {"country": rng.choice(codes)}, {"q": "troops"},
                                  {"since": "2015-01-01", "until": "2019-12-31"}])
            path = {"timeline": "/api/timeline", "network": "/api/network",
                    "claims": "/api/claims", "articles": "/api/articles"}[view]
            extra = {"timeline": {"interval": "month"}, "network": {"limit": 80},
                     "claims": {"limit": 50}, "articles": {"limit": 50}}[view]
            jobs.append((view, path, {**filters, **extra}))
    return jobs


def hammer(url: str, jobs: list[tuple[str, str, dict]], clients: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = defaultdict(list)
    lock = threading.Lock()
    it = iter(jobs)
    failures = []

    def worker() -> None:
        with httpx.Client(base_url=url, timeout=60) as client:
            while True:
                with lock:
                    job = next(it, None)
                if job is None:
                    return
                name, path, params = job
                t0 = time.perf_counter()
                res = client.get(path, params=params)
                dt = time.perf_counter() - t0
                with lock:
                    times[name].append(dt)
                    if res.status_code != 200:
                        failures.append((path, params, res.status_code))

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    if failures:
        print(f"{len(failures)} failed requests, e.g. {failures[:3]}")
    print(f"{len(jobs)} requests from {clients} clients in {wall:.1f}s "
          f"({len(jobs) / wall:.0f} requests/s)")
    return times


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def page_load(url: str, runs: int = 3) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("page load: SKIPPED (python package playwright not installed)")
        return
    if not Path(CHROMIUM).exists():
        print(f"page load: SKIPPED (no chromium at {CHROMIUM}; run .ci/browser-deps.sh)")
        return
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        fcp, ready = [], []
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url + "/")
            page.wait_for_selector("body[data-ready='timeline']", timeout=60_000)
            ready.append(page.evaluate("performance.now()"))
            fcp.append(page.evaluate(
                "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"))
            page.close()
        browser.close()
    print(f"page load (chromium, {runs} cold loads): first contentful paint median "
          f"{statistics.median(fcp):.0f} ms; timeline drawn with data median "
          f"{statistics.median(ready):.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path,
                        default=Path(tempfile.gettempdir()) / "sitroom-bench-100k.duckdb")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    build(args.db, args.events)
    served = args.db.with_suffix(".serving.duckdb")
    shutil.copy(args.db, served)  # the server holds its file's lock; keep the built one reusable
    proc, url = start(served)
    try:
        jobs = workload(url, args.requests)
        for path in ("/api/events", "/api/timeline"):  # warm caches once, as a user would
            httpx.get(url + path, timeout=60)
        times = hammer(url, jobs, args.clients)
        print(f"{'endpoint':<14}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}")
        for name in sorted(times):
            v = times[name]
            print(f"{name:<14}{len(v):>6}{pct(v, 50) * 1000:>10.1f}{pct(v, 95) * 1000:>10.1f}"
                  f"{pct(v, 99) * 1000:>10.1f}")
        every = [t for v in times.values() for t in v]
        print(f"{'all':<14}{len(every):>6}{pct(every, 50) * 1000:>10.1f}"
              f"{pct(every, 95) * 1000:>10.1f}{pct(every, 99) * 1000:>10.1f}")
        page_load(url)
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        served.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
