"""Throughput benchmark (not part of the tests): `python bench/throughput.py [--articles N]`.

On the shared Wikinews corpus replicated to N articles (default 20,000; each replica gets a
marker paragraph, so its text and id differ and the store keeps it), in one run, each job in its
own process tree, the peak RSS summed over the tree:

1. bare spaCy: `nlp.pipe(texts, n_process=W)` with the same model on the same texts;
2. `sitroom ingest --workers W` end to end (read, extract, store), with sentence triage (the
   default) and without (`--no-triage`);
3. `sitroom ingest --engine dask --workers W` (a LocalCluster of W single-threaded processes);
4. one dyad's monthly time series over 1,000,000 stored events (rows replicated in DuckDB).

Every ratio is between jobs of this run: the machine may be shared, so absolute figures are
noisy. `--json FILE` also writes the figures as JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import resource

import psutil

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews_en.jsonl"
SPACY_JOB = """
import json, sys
from sitroom.nlp.pipeline import load_pipeline
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = load_pipeline()
n = 0
for doc in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[2])):
    n += 1
print(n)
"""


def replicate(n: int, out: Path) -> tuple[int, int]:
    """Write n articles (the corpus, replicated with a marker paragraph); (articles, words)."""
    records = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    words = 0
    with out.open("w", encoding="utf-8") as handle:
        for i in range(n):
            rec = dict(records[i % len(records)])
            replica = i // len(records)
            if replica:
                rec["id"] = f"{rec['id']}-r{replica}"
                rec["text"] = f"{rec['text']}\n\n(Replica {replica}.)"
            words += len(rec["text"].split())
            handle.write(json.dumps({k: rec.get(k) for k in ("id", "date", "title", "text",
                                                             "source", "url")}) + "\n")
    return n, words


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_job(cmd: list[str], label: str) -> dict[str, float]:
    """Run a command, sampling the RSS of its whole process tree: wall seconds, CPU seconds
    (user + system of the tree: insensitive to other load on a shared machine), peak MB."""
    peak = 0
    cpu0 = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    cpu = _children_cpu() - cpu0
    stop.set()
    thread.join()
    if proc.returncode not in (0,):
        sys.exit(f"{label} failed ({proc.returncode}):\n{err[-3000:]}")
    print(f"  {label}: {wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS {peak / 2**20:.0f} MB",
          flush=True)
    return {"seconds": wall, "cpu_seconds": cpu, "peak_rss_mb": peak / 2**20,
            "stderr_tail": err.strip()[-300:]}


def dyad_query(db: Path, target: int = 1_000_000) -> dict[str, float]:
    """Grow a copy of the store's events to `target` rows, then time one dyad's monthly series."""
    import duckdb

    con = duckdb.connect(str(db))
    base = con.execute("SELECT count(*) FROM events").fetchone()[0]
    copies = max(1, -(-target // max(1, base)))
    con.execute("CREATE TEMP TABLE seed AS SELECT * FROM events")
    con.execute("DELETE FROM events")
    con.execute(f"""INSERT INTO events SELECT seed.* REPLACE (
            event_id || '-' || r AS event_id,
            article_date + (r % 3650)::INTEGER AS article_date,
            date + (r % 3650)::INTEGER AS date)
        FROM seed, range({copies}) t(r) LIMIT {target}""")
    con.execute("CHECKPOINT")
    rows = con.execute("SELECT count(*) FROM events").fetchone()[0]
    actor, recipient = con.execute("""SELECT actor_country, recipient_country FROM events
        WHERE actor_country IS NOT NULL AND recipient_country IS NOT NULL
          AND actor_country <> recipient_country
        GROUP BY ALL ORDER BY count(*) DESC LIMIT 1""").fetchone()
    con.close()
    sql = """SELECT date_trunc('month', coalesce(date, article_date)) AS month, type,
                    count(*) AS events, avg(goldstein) AS goldstein
             FROM events WHERE actor_country = ? AND recipient_country = ?
             GROUP BY ALL ORDER BY month, type"""
    con = duckdb.connect(str(db), read_only=True)  # a fresh connection: first query is cold
    times = []
    for _ in range(6):
        start = time.perf_counter()
        result = con.execute(sql, [actor, recipient]).fetchall()
        times.append((time.perf_counter() - start) * 1000)
    con.close()
    print(f"  dyad {actor}->{recipient} over {rows:,} events: {len(result)} month/type rows, "
          f"first {times[0]:.1f} ms, median of next 5 {statistics.median(times[1:]):.1f} ms")
    return {"events": rows, "dyad": f"{actor}->{recipient}", "cold_ms": times[0],
            "warm_median_ms": statistics.median(times[1:])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--no-baseline", action="store_true", help="skip bare spaCy")
    parser.add_argument("--no-query", action="store_true")
    parser.add_argument("--no-untriaged", action="store_true", help="skip the --no-triage run")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=1,
                        help="run the jobs this many times, alternating (noise on a shared "
                             "machine); the tables show the last round")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="sitroom-bench-"))
    try:
        src = tmp / "articles.jsonl"
        n, words = replicate(args.articles, src)
        print(f"{n:,} articles, {words:,} words ({words / n:.0f} per article), "
              f"{args.workers} workers, {os.cpu_count()} CPUs", flush=True)
        sitroom = [sys.executable, "-m", "sitroom", "ingest", str(src),
                   "--workers", str(args.workers)]
        jobs: dict[str, list[str]] = {}
        if not args.no_baseline:
            jobs["bare spaCy nlp.pipe"] = [sys.executable, "-c", SPACY_JOB, str(src),
                                           str(args.workers)]
        jobs["sitroom ingest (triage)"] = [*sitroom, "--db", str(tmp / "local.duckdb")]
        if not args.no_untriaged:
            jobs["sitroom ingest --no-triage"] = [*sitroom, "--no-triage", "--db",
                                                  str(tmp / "full.duckdb")]
        if not args.no_dask:
            jobs["sitroom ingest --engine dask"] = [*sitroom, "--engine", "dask", "--db",
                                                    str(tmp / "dask.duckdb")]
        figures: dict[str, dict[str, float]] = {}
        ratios: list[tuple[float, float]] = []  # Dask / local per round: wall, CPU
        for round_ in range(args.rounds):
            if args.rounds > 1:
                print(f"round {round_ + 1} of {args.rounds}", flush=True)
            for stale in tmp.glob("*.duckdb*"):  # each round starts from empty stores
                shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
            for label, cmd in jobs.items():
                figures[label] = run_job(cmd, label)
            if "sitroom ingest --engine dask" in figures:
                local = figures["sitroom ingest (triage)"]
                dask = figures["sitroom ingest --engine dask"]
                ratios.append((dask["seconds"] / local["seconds"],
                               dask["cpu_seconds"] / local["cpu_seconds"]))
        cores = args.workers
        print(f"\nWall clock (depends on other load on the machine):")
        print(f"{'job':<30}{'articles/h':>12}{'words/s':>10}{'peak RSS MB':>13}{'vs spaCy':>10}")
        base = figures.get("bare spaCy nlp.pipe")
        for label, fig in figures.items():
            fig["articles_per_hour"] = n / fig["seconds"] * 3600
            fig["words_per_second"] = words / fig["seconds"]
            fig["ratio_to_spacy"] = base["seconds"] / fig["seconds"] if base else float("nan")
            print(f"{label:<30}{fig['articles_per_hour']:>12,.0f}{fig['words_per_second']:>10,.0f}"
                  f"{fig['peak_rss_mb']:>13,.0f}{fig['ratio_to_spacy']:>10.2f}")
        print(f"\nCPU time (the same jobs on {cores} dedicated cores, assuming they keep every "
              f"core busy):")
        print(f"{'job':<30}{'articles/h':>12}{'words/s':>10}{'vs spaCy':>23}")
        for label, fig in figures.items():
            fig["cpu_articles_per_hour"] = n / fig["cpu_seconds"] * 3600 * cores
            fig["cpu_words_per_second"] = words / fig["cpu_seconds"] * cores
            fig["cpu_ratio_to_spacy"] = (base["cpu_seconds"] / fig["cpu_seconds"] if base
                                         else float("nan"))
            print(f"{label:<30}{fig['cpu_articles_per_hour']:>12,.0f}"
                  f"{fig['cpu_words_per_second']:>10,.0f}{fig['cpu_ratio_to_spacy']:>23.2f}")
        if ratios:
            print("\nDask LocalCluster / local runner (end to end, cluster start and spaCy loads "
                  "included): " + "; ".join(f"wall {w:.2f}, CPU {c:.2f}" for w, c in ratios))
            figures["dask_over_local"] = {"wall": [w for w, _ in ratios],
                                          "cpu": [c for _, c in ratios]}
        if not args.no_query:
            print("\nQuery:")
            figures["dyad query"] = dyad_query(tmp / "local.duckdb", args.events)
        if args.json:
            args.json.write_text(json.dumps({"articles": n, "words": words,
                                             "workers": args.workers, **figures}, indent=1))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
