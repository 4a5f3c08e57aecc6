"""Exports round-trip: a real store (the seeds, the real Extractor) out to each format and back in
with the readers people use (pandas, pyarrow, DuckDB, json, and R's readr where Debian's
r-cran-readr is installed: .ci/r-deps.sh).
"""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import jsonschema
import pyarrow.parquet as pq
import pytest

from sitroom.batch.local import ingest
from sitroom.exports.gdelt import COLUMNS as GDELT_COLUMNS
from sitroom.errors import SitroomError
from sitroom.exports import FORMATS, export
from sitroom.exports import flat, gdelt
from sitroom.extract import Extractor
from sitroom.ingest import read_paths
from sitroom.store.db import Store

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "contract.schema.json").read_text())
EXTRA = "corpora/wikinews-seedformat"
EXTRA_FILES = 12
"""Wikinews articles stored beside the two seeds, for recipients, statuses and more rows."""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Store:
    db = tmp_path_factory.mktemp("exports") / "s.duckdb"
    extra = sorted((shared / EXTRA).glob("*.txt"))[:EXTRA_FILES]
    with Store(db) as st:
        report = ingest(read_paths([str(shared / "seeds"), *map(str, extra)]), st, Extractor())
        assert report.ok and report.stored == 2 + EXTRA_FILES
    st = Store(db, read_only=True)
    yield st
    st.close()


@pytest.fixture(scope="module")
def events(store: Store) -> list[dict[str, Any]]:
    rows = store.events()
    assert len(rows) >= 20 and len(rows) == store.count("events")
    return rows


def _by_id(rows: list[dict[str, Any]], key: str = "event_id") -> dict[str, dict[str, Any]]:
    return {r[key]: r for r in rows}


def _check_flat(rows: dict[str, dict[str, Any]], events: list[dict[str, Any]]) -> None:
    """Fields of flat rows (already converted to Python values) against the contract events."""
    assert rows.keys() == {e["event_id"] for e in events}
    for ev in events:
        row = rows[ev["event_id"]]
        assert row["type"] == ev["type"] and row["status"] == ev["status"]
        assert row["article_date"] == date.fromisoformat(ev["article_date"])
        assert row["date"] == (date.fromisoformat(ev["date"]) if ev["date"] else None)
        assert row["actor_text"] == ev["actor"]["text"]
        assert row["actor_country"] == ev["actor"]["country"]
        assert row["recipient_country"] == (ev["recipient"] or {}).get("country")
        assert row["said_by_text"] == (ev["said_by"] or {}).get("text")
        assert row["evidence_text"] == ev["evidence"]["text"]
        assert (row["evidence_start"], row["evidence_end"]) == (ev["evidence"]["start"],
                                                                ev["evidence"]["end"])
        assert row["cameo_root"] == int(ev["cameo_root"])
        assert row["goldstein"] == pytest.approx(ev["goldstein"])
        assert json.loads(row["quantities"]) == ev["quantities"]
        for key in flat.QUANTITY_KEYS:
            want = ev["quantities"].get(key)
            assert row[key] == (round(want) if want is not None else None)


def _none(value: Any) -> Any:
    """pandas' missing values (NaN, NaT, NA) as None."""
    import pandas as pd

    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def test_every_format_writes_one_row_per_event_and_filters_like_store_events(
        store: Store, events: list[dict[str, Any]], tmp_path: Path) -> None:
    asserted = sum(e["status"] == "asserted" for e in events)
    for fmt in FORMATS:
        n = export(store, fmt, str(tmp_path / f"all.{fmt}"))
        assert n == (asserted if fmt == "gdelt" else len(events)), fmt
    kind, count = Counter(e["type"] for e in events).most_common(1)[0]
    assert export(store, "jsonl", str(tmp_path / "t.jsonl"), type=kind.lower()) == count
    country = events[0]["actor"]["country"]
    since = min(date.fromisoformat(e["date"] or e["article_date"]) for e in events)
    want = store.events(actor=country, since=since)
    assert export(store, "csv", str(tmp_path / "a.csv"), actor=country, since=since) == len(want)
    assert export(store, "csv", str(tmp_path / "none.csv"), until=date(1990, 1, 1)) == 0


def test_csv_round_trip_with_duckdb_and_pandas(store: Store, events: list[dict[str, Any]],
                                               tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert export(store, "csv", str(path)) == len(events)
    # DuckDB auto-detects every column that has a value in some row; the documented types map
    # makes the rest (columns empty in every row, e.g. lat/lon with no places) exact too.
    con = duckdb.connect()
    described = con.sql(f"DESCRIBE SELECT * FROM read_csv('{path}')").fetchall()
    detected = {r[0]: r[1] for r in described}
    nonempty = {c.name for c in flat.COLUMNS
                if con.sql(f"SELECT count({c.name}) FROM read_csv('{path}', "
                           f"types={flat.DUCKDB_TYPES})").fetchall()[0][0]}
    assert {"article_date", "date", "goldstein", "evidence_start", "cameo_root"} <= nonempty
    assert {k: v for k, v in detected.items() if k in nonempty} == \
        {k: v for k, v in flat.DUCKDB_TYPES.items() if k in nonempty}
    rel = con.sql(f"SELECT * FROM read_csv('{path}', types={flat.DUCKDB_TYPES})")
    assert [d[0] for d in rel.description] == [c.name for c in flat.COLUMNS]
    assert [str(t) for t in rel.types] == [c.type for c in flat.COLUMNS]
    _check_flat(_by_id([dict(zip(rel.columns, r)) for r in rel.fetchall()]), events)

    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(path, parse_dates=["article_date", "date"], keep_default_na=False,
                        na_values=[""])
    assert len(frame) == len(events)
    assert str(frame["article_date"].dtype).startswith("datetime64")
    assert frame["evidence_start"].dtype == "int64" and frame["goldstein"].dtype == "float64"
    rows = []
    for rec in frame.to_dict("records"):
        rec = {k: _none(v) for k, v in rec.items()}
        for key in ("article_date", "date"):
            rec[key] = rec[key].date() if rec[key] is not None else None
        for key in flat.QUANTITY_KEYS:
            rec[key] = int(rec[key]) if rec[key] is not None else None
        rows.append(rec)
    _check_flat(_by_id(rows), events)


def test_parquet_round_trip_with_pyarrow_pandas_and_duckdb(store: Store,
                                                           events: list[dict[str, Any]],
                                                           tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert export(store, "parquet", str(path)) == len(events)
    table = pq.read_table(path)
    types = {"VARCHAR": "string", "DATE": "date32[day]", "BIGINT": "int64", "DOUBLE": "double"}
    assert [(f.name, str(f.type)) for f in table.schema] == \
        [(c.name, types[c.type]) for c in flat.COLUMNS]
    assert table.schema.field("goldstein").metadata[b"description"]
    _check_flat(_by_id(table.to_pylist()), events)
    con = duckdb.connect()
    rel = con.sql(f"SELECT * FROM '{path}'")
    assert [str(t) for t in rel.types] == [c.type for c in flat.COLUMNS]
    _check_flat(_by_id([dict(zip(rel.columns, r)) for r in rel.fetchall()]), events)

    pd = pytest.importorskip("pandas")
    frame = pd.read_parquet(path)
    assert len(frame) == len(events) and frame["evidence_end"].dtype == "int64"
    assert str(frame["date"].dtype) in ("object", "date32[day][pyarrow]") or \
        str(frame["date"].dtype).startswith("datetime64")


def test_jsonl_is_the_output_contract(store: Store, events: list[dict[str, Any]],
                                      tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert export(store, "jsonl", str(path)) == len(events)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        jsonschema.validate(line, SCHEMA)
    assert lines == events
    con = duckdb.connect()
    assert con.sql(f"SELECT count(*) FROM read_json('{path}')").fetchall()[0][0] == len(events)


def test_jsonl_to_standard_output(store: Store, events: list[dict[str, Any]],
                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert export(store, "jsonl", "-") == len(events)
    assert len(capsys.readouterr().out.splitlines()) == len(events)


def test_gdelt_has_the_61_columns_in_order(store: Store, events: list[dict[str, Any]],
                                           tmp_path: Path) -> None:
    assert len(gdelt.COLUMNS) == 61 and gdelt.COLUMNS[26] == "EventCode"
    assert gdelt.COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    asserted = {e["event_id"]: e for e in events if e["status"] == "asserted"}
    path = tmp_path / "events.export.CSV"
    assert export(store, "gdelt", str(path)) == len(asserted)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(asserted) and all(len(x.split("\t")) == 61 for x in lines)
    con = duckdb.connect()
    rel = con.sql(f"SELECT * FROM read_csv('{path}', delim='\t', header=false, quote='', "
                  f"names={list(gdelt.COLUMNS)}, all_varchar=true)")
    rows = [dict(zip(rel.columns, r)) for r in rel.fetchall()]
    ids = {gdelt.global_event_id(k): e for k, e in asserted.items()}
    assert {int(r["GlobalEventID"]) for r in rows} == ids.keys()
    for row in rows:
        ev = ids[int(row["GlobalEventID"])]
        day = date.fromisoformat(ev["date"] or ev["article_date"])
        assert row["Day"] == day.strftime("%Y%m%d") and row["Year"] == str(day.year)
        root = int(ev["cameo_root"])
        assert row["EventRootCode"] == ev["cameo_root"] and row["EventCode"] == f"{root:02d}0"
        assert row["QuadClass"] == str(gdelt.GDELT_QUAD[root])
        assert float(row["GoldsteinScale"]) == ev["goldstein"]
        assert row["Actor1CountryCode"] == ev["actor"]["country"]
        assert row["Actor1Code"] == ((ev["actor"]["country"] or "") +
                                     (ev["actor"]["sector"] or "")) or None
        assert row["Actor2CountryCode"] == (ev["recipient"] or {}).get("country")
        assert row["SOURCEURL"] == ev["origin"] and len(row["DATEADDED"]) == 14
        assert row["IsRootEvent"] in ("0", "1") and row["NumMentions"] == "1"
        for column in gdelt.EMPTY:
            assert row[column] is None, column
    assert any(r["IsRootEvent"] == "1" for r in rows) and any(r["IsRootEvent"] == "0" for r in rows)

    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(path, sep="\t", header=None, names=list(gdelt.COLUMNS),
                        dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str},
                        quoting=3)
    assert len(frame) == len(asserted) and frame["Day"].dtype == "int64"
    assert set(frame["EventRootCode"]) <= {f"{i:02d}" for i in range(1, 21)}
    headed = tmp_path / "headed.tsv"
    export(store, "gdelt", str(headed), header=True)
    assert headed.read_text().splitlines()[0].split("\t") == list(gdelt.COLUMNS)


def test_polecat_records(store: Store, events: list[dict[str, Any]], tmp_path: Path) -> None:
    path = tmp_path / "events.polecat.jsonl"
    assert export(store, "polecat", str(path)) == len(events)
    records = _by_id([json.loads(x) for x in path.read_text().splitlines()], key="id")
    for ev in events:
        rec = records[ev["event_id"]]
        assert rec["event"] == [ev["type"]] and rec["story_id"] == ev["article_id"]
        assert rec["date"] == (ev["date"] or ev["article_date"])
        assert rec["actor"][0]["code"] == ev["actor"]["country"]
        assert rec["actor"][0]["entity_text"] == ev["actor"]["text"]
        assert rec["actor"][0]["sector"] == ev["actor"]["sector"]
        assert len(rec["recipient"]) == (ev["recipient"] is not None)
        assert rec["event_text"] == [ev["evidence"]["text"]]
        assert rec["text_info"]["start"] == ev["evidence"]["start"]
        assert rec["quad_code"] in (1, 2, 3, 4)
        assert ("negation" in rec["mode"]) == (ev["status"] == "negated")
        if ev["mode"]:
            assert rec["mode"][0] == ev["mode"]


def test_canonical_export_needs_the_story_rebuild_then_merges(store: Store,
                                                              tmp_path: Path) -> None:
    with pytest.raises(SitroomError, match="canonical events have not been built"):
        export(store, "csv", str(tmp_path / "c.csv"), canonical=True)
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(Path(store.path).read_bytes())
    with Store(copy) as writable:
        writable.rebuild_stories()
        reports = export(writable, "csv", str(tmp_path / "all.csv"))
        merged = export(writable, "gdelt", str(tmp_path / "c.tsv"), canonical=True)
        assert 0 < merged < reports
    rows = [line.split("\t") for line in (tmp_path / "c.tsv").read_text().splitlines()]
    num_articles = [int(r[GDELT_COLUMNS.index("NumArticles")]) for r in rows]
    assert max(num_articles) >= 2  # the seeds' troop deployment, reported on two dates


def test_bad_requests_are_clear_errors(store: Store, tmp_path: Path) -> None:
    with pytest.raises(SitroomError, match="unknown export format"):
        export(store, "xlsx", str(tmp_path / "x.xlsx"))
    with pytest.raises(SitroomError, match="needs a file path"):
        export(store, "parquet", "-")
    with pytest.raises(SitroomError, match="header applies"):
        export(store, "jsonl", str(tmp_path / "h.jsonl"), header=True)
    with pytest.raises(SitroomError, match="cannot write"):
        export(store, "csv", str(tmp_path / "missing" / "dir" / "x.csv"))

R_SCRIPT = r"""
suppressMessages(library(readr))
args <- commandArgs(trailingOnly = TRUE)
d <- read_csv(args[1], show_col_types = FALSE, guess_max = 100000, na = "")
types <- data.frame(column = names(d), class = sapply(d, function(x) class(x)[1]))
write_tsv(types, args[2])
keep <- c("event_id", "article_date", "date", "type", "actor_country", "goldstein",
          "evidence_start", "evidence_end", "evidence_text")
out <- d[, keep]
out$article_date <- format(out$article_date, "%Y-%m-%d")
out$date <- format(out$date, "%Y-%m-%d")
write_csv(out, args[3], na = "")
"""


def _rscript() -> str:
    rscript = shutil.which("Rscript")
    if rscript is None:
        pytest.skip("SKIPPED: Rscript not installed (.ci/r-deps.sh installs Debian's "
                    "r-base-core and r-cran-readr)")
    probe = subprocess.run([rscript, "-e", "library(readr)"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip("SKIPPED: R's readr is not installed (apt-get install r-cran-readr)")
    return rscript


def test_csv_read_by_r_readr(store: Store, events: list[dict], tmp_path: Path) -> None:
    rscript = _rscript()
    path, types_path, back = tmp_path / "e.csv", tmp_path / "types.tsv", tmp_path / "back.csv"
    (tmp_path / "read.R").write_text(R_SCRIPT, encoding="utf-8")
    assert export(store, "csv", str(path)) == len(events)
    run = subprocess.run([rscript, str(tmp_path / "read.R"), str(path), str(types_path),
                          str(back)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    with types_path.open(encoding="utf-8") as fh:
        types = {r["column"]: r["class"] for r in csv.DictReader(fh, delimiter="\t")}
    assert types["article_date"] == "Date" and types["date"] == "Date"
    assert types["goldstein"] == "numeric" and types["evidence_start"] == "numeric"
    assert types["type"] == "character" and types["evidence_text"] == "character"
    with back.open(encoding="utf-8", newline="") as fh:
        rows = {r["event_id"]: r for r in csv.DictReader(fh)}
    assert rows.keys() == {e["event_id"] for e in events}
    for ev in events:
        row = rows[ev["event_id"]]
        assert date.fromisoformat(row["article_date"]) == date.fromisoformat(ev["article_date"])
        assert row["date"] == (ev["date"] or "")
        assert row["type"] == ev["type"] and row["actor_country"] == (ev["actor"]["country"] or "")
        assert float(row["goldstein"]) == pytest.approx(ev["goldstein"])
        assert (int(row["evidence_start"]), int(row["evidence_end"])) == \
            (ev["evidence"]["start"], ev["evidence"]["end"])
        assert row["evidence_text"] == ev["evidence"]["text"]
