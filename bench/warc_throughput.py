"""WARC ingest throughput (not part of the tests): `python bench/warc_throughput.py [--articles N]`.

Builds, in a temporary folder, N articles (default 1,000) of the shared Wikinews corpus twice:
as JSONL records, and as HTML pages in realistic news-site markup (head metadata, JSON-LD,
scripts, navigation, sidebar, share buttons, footer) stored as the HTTP responses of a WARC.gz
with their request records, as a crawler writes them. Then, in one run, each job in its own
process:

1. reading only (`sitroom.ingest.read_paths`): articles/s, MB/s and peak RSS for each input;
   how many WARC articles hold the whole JSONL text (whitespace aside) and its date;
2. `sitroom ingest --workers W` end to end (read, extract, store) on each (skip: --no-ingest);
3. with `--big-mb M`: peak RSS reading a WARC of M MB (1 MB image responses, an HTML page every
   50 records and one 25 MB page, over the 20 MB record limit), to show it is streamed.

The machine may be shared: compare the two inputs within one run. `--json FILE` writes the
figures as JSON.
"""
from __future__ import annotations

import argparse
import html
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import psutil
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews_en.jsonl"
READ_JOB = """
import json, resource, sys, time
from sitroom.ingest import read_paths
from sitroom.records import Article
start = time.perf_counter()
articles = [i for i in read_paths([sys.argv[1]]) if isinstance(i, Article)]
seconds = time.perf_counter() - start
json.dump({"articles": len(articles), "seconds": seconds,
           "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
           "texts": {a.url or a.origin: [a.date.isoformat(), " ".join(a.text.split())]
                     for a in articles}}, sys.stdout)
"""
PAGE = """<!DOCTYPE html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Wikinews, the free news source</title>
<meta name="description" content="{lead}">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="Wikinews">
<meta property="article:published_time" content="{date}T14:05:00+00:00">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/static/css/site.min.css?v=20241102">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{title}", "datePublished": "{date}T14:05:00+00:00", "publisher": {{"@type":
"Organization", "name": "Wikinews"}}}}</script>
<script async src="/static/js/analytics.js"></script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "article"}});</script>
</head>
<body class="article-page">
<a class="skip" href="#content">Skip to content</a>
<header class="site-header"><div class="logo"><a href="/">Wikinews</a></div>
<nav class="main-nav"><ul><li><a href="/wiki/Main_Page">Main page</a></li>
<li><a href="/wiki/Politics">Politics</a></li><li><a href="/wiki/World">World</a></li>
<li><a href="/wiki/Economy">Economy</a></li><li><a href="/wiki/Science">Science</a></li>
<li><a href="/wiki/Sports">Sports</a></li><li><a href="/wiki/Weather">Weather</a></li></ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search Wikinews"></form>
</header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main id="content">
<article class="story">
<h1 class="headline">{title}</h1>
<p class="byline">From Wikinews, the free news source. <time datetime="{date}">{date}</time></p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
<a href="#">Email</a></div>
<div class="story-body">
{paragraphs}
</div>
<div class="sources"><h2>Sources</h2><ul><li>Wikinews reporters</li></ul></div>
</article>
<aside class="sidebar"><h2>Related news</h2><ul>
<li><a href="/wiki/a">Leaders meet for regional summit</a></li>
<li><a href="/wiki/b">Markets close higher on Friday</a></li>
<li><a href="/wiki/c">Storm warning issued for the coast</a></li></ul>
<div class="ad">Advertisement</div></aside>
</main>
<footer class="site-footer"><p>All text created after September 25, 2005 available under the
terms of the Creative Commons Attribution 2.5 License.</p><ul><li><a href="/privacy">Privacy
policy</a></li><li><a href="/about">About Wikinews</a></li><li><a href="/disclaimers">
Disclaimers</a></li></ul></footer>
<script src="/static/js/site.min.js"></script>
</body>
</html>
"""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")


def page(record: dict[str, str]) -> str:
    """The record as a news page: its text in paragraphs of three sentences."""
    sentences = _SENTENCE_END.split(record["text"])
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    esc = html.escape
    return PAGE.format(title=esc(record["title"]), url=esc(record["url"]), date=record["date"],
                       lead=esc(sentences[0][:150]),
                       paragraphs="\n".join(f"<p>{esc(p)}</p>" for p in paragraphs))


def build(folder: Path, count: int) -> tuple[Path, Path]:
    """The first `count` corpus records as JSONL and as a WARC.gz of pages."""
    records = []
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("url") and record.get("title"):
                record["url"] = quote(record["url"], safe=":/?#[]@!$&'()*+,;=%")  # HTTP is ASCII
                records.append({k: record[k] for k in ("id", "date", "title", "text", "url")})
            if len(records) == count:
                break
    jsonl = folder / "articles.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                     encoding="utf-8")
    archive = folder / "articles.warc.gz"
    with archive.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for record in records:
            request = io.BytesIO(f"GET {record['url']} HTTP/1.1\r\nHost: en.wikinews.org\r\n\r\n"
                                 .encode())
            writer.write_record(writer.create_warc_record(record["url"], "request",
                                                          payload=request))
            body = page(record).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=UTF-8"),
                                                  ("Content-Length", str(len(body)))],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                record["url"], "response", payload=io.BytesIO(body), http_headers=headers))
    return jsonl, archive


def build_big(path: Path, megabytes: int) -> int:
    """A plain WARC of about `megabytes` MB: mostly 1 MB binary responses; returns its HTML
    page count."""
    pages = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for n in range(megabytes):
            url = f"https://news.example.org/{n}"
            if n % 50 == 0:
                pages += 1
                body = page({"title": f"Story {n}", "url": url, "date": "2020-01-02",
                             "text": f"Police arrested {n} protesters on Monday."}).encode()
                kind = "text/html"
            else:
                body, kind = os.urandom(2**20), "image/jpeg"
            if n == 1:
                body, kind = b"<html><body><p>" + b"x " * (25 * 2**19) + b"</p>", "text/html"
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers))
    return pages


def read_job(path: Path) -> dict[str, object]:
    """Reading only, in a fresh process."""
    out = subprocess.run([sys.executable, "-c", READ_JOB, str(path)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def ingest_job(path: Path, db: Path, workers: int) -> dict[str, float]:
    """`sitroom ingest` end to end; peak RSS summed over the process tree, sampled."""
    exe = Path(sys.executable).with_name("sitroom")
    start = time.perf_counter()
    proc = psutil.Popen([str(exe), "ingest", str(path), "--db", str(db), "--workers",
                         str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            try:
                tree = [proc, *proc.children(recursive=True)]
                peak[0] = max(peak[0], sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass
            time.sleep(0.2)
    thread = threading.Thread(target=sample)
    thread.start()
    _, err = proc.communicate()
    thread.join()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_rss_mb": peak[0] / 2**20,
            "summary": err.decode().strip().splitlines()[-1] if err else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-ingest", action="store_true", help="reading only")
    parser.add_argument("--big-mb", type=int, default=0, help="also stream a WARC of this size")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    figures: dict[str, object] = {"articles": args.articles}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        jsonl, archive = build(folder, args.articles)
        sizes = {"jsonl": jsonl.stat().st_size, "warc": archive.stat().st_size}
        print(f"{args.articles} articles: JSONL {sizes['jsonl'] / 1e6:.1f} MB, WARC.gz "
              f"{sizes['warc'] / 1e6:.1f} MB")
        reads = {"jsonl": read_job(jsonl), "warc": read_job(archive)}
        want = {url: value for url, value in _by_url(reads["jsonl"]["texts"], jsonl).items()}
        got = reads["warc"]["texts"]
        same = sum(1 for url, value in got.items() if url in want and want[url][1] in value[1])
        same_date = sum(1 for url, value in got.items() if want.get(url, [None])[0] == value[0])
        extra = sorted(len(value[1]) - len(want[url][1]) for url, value in got.items()
                       if url in want)
        for kind, read in reads.items():
            n, seconds = read["articles"], read["seconds"]
            print(f"read {kind:5}: {n} articles in {seconds:.2f} s = {n / seconds:.0f} articles/s,"
                  f" {sizes[kind] / 1e6 / seconds:.1f} MB/s of file; peak RSS "
                  f"{read['peak_rss_mb']:.0f} MB")
            figures[f"read_{kind}"] = {k: v for k, v in read.items() if k != "texts"}
        print(f"WARC articles holding the whole JSONL text (whitespace aside): {same} of "
              f"{len(got)}; with its date: {same_date}; median extra characters (headline, "
              f"sources): {extra[len(extra) // 2] if extra else 0}")
        figures["same_text"], figures["same_date"] = same, same_date
        if not args.no_ingest:
            for kind, path in (("jsonl", jsonl), ("warc", archive)):
                run = ingest_job(path, folder / f"{kind}.duckdb", args.workers)
                print(f"ingest {kind:5} (--workers {args.workers}): {run['seconds']:.1f} s = "
                      f"{args.articles / run['seconds']:.1f} articles/s; peak RSS "
                      f"{run['peak_rss_mb']:.0f} MB; {run['summary']}")
                figures[f"ingest_{kind}"] = run
        if args.big_mb:
            big = folder / "big.warc"
            pages = build_big(big, args.big_mb)
            read = read_job(big)
            print(f"read a {big.stat().st_size / 2**20:.0f} MB WARC ({pages} HTML pages, one of "
                  f"25 MB): {read['articles']} articles in {read['seconds']:.1f} s; peak RSS "
                  f"{read['peak_rss_mb']:.0f} MB")
            figures["big_warc"] = {k: v for k, v in read.items() if k != "texts"}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


def _by_url(texts: dict[str, list[str]], jsonl: Path) -> dict[str, list[str]]:
    """The JSONL articles keyed by their URL (their origin is FILE#id)."""
    urls = {json.loads(line)["id"]: json.loads(line)["url"]
            for line in jsonl.read_text(encoding="utf-8").splitlines()}
    return {urls.get(origin.rsplit("#", 1)[-1], origin): value for origin, value in texts.items()}


if __name__ == "__main__":
    main()
