"""The claims export: a real store (the seeds, the real Extractor, ingest's stories and claim
groups) out as CSV, Parquet and JSON lines, read back with pandas, pyarrow and json, and the
pandas example of docs/exports.md run on it."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from sitroom.cli import cli
from sitroom.errors import SitroomError
from sitroom.exports import export_claims
from sitroom.exports.claims import COLUMNS
from sitroom.extract import Extractor
from sitroom.ingest import read_paths
from sitroom.service import ingest
from sitroom.store.db import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    path = tmp_path_factory.mktemp("claims") / "s.duckdb"
    with Store(path) as st:
        assert ingest(read_paths([str(shared / "seeds")]), st, workers=1,
                      extractor=Extractor()).stored == 2
    return path


def test_one_row_per_claim_in_each_format_with_the_same_columns(db: Path,
                                                                tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        claims = {c.claim_id: c for c in store.claims()}
        groups = {g.group_id: g for g in store.claim_groups() or []}
        assert export_claims(store, "csv", str(tmp_path / "c.csv")) == len(claims)
        assert export_claims(store, "parquet", str(tmp_path / "c.parquet")) == len(claims)
        assert export_claims(store, "jsonl", str(tmp_path / "c.jsonl")) == len(claims)
    names = [c.name for c in COLUMNS]
    frame = pd.read_csv(tmp_path / "c.csv")
    table = pq.read_table(tmp_path / "c.parquet")
    lines = [json.loads(x) for x in (tmp_path / "c.jsonl").read_text().splitlines()]
    assert list(frame.columns) == table.column_names == list(lines[0]) == names
    assert table.schema.field("contested").metadata[b"description"]
    rows = table.to_pylist()
    assert sorted(r["claim_id"] for r in rows) == sorted(claims)
    for row, line in zip(rows, lines):
        claim = claims[row["claim_id"]]
        group = groups[claim.group_id]
        assert line["claim_id"] == row["claim_id"]
        assert (row["group_id"], row["role"], row["event_id"], row["value"]) == \
            (group.group_id, claim.role, claim.event_id, claim.value)
        assert row["contested"] == group.contested
        assert row["parent_group_id"] == group.parent_group_id
        assert row["claimant_text"] == (claim.claimant.text if claim.claimant else None)
    troops = [r for r in rows if r["contested"]]
    assert sorted(r["value"] for r in troops) == [3000, 10000, 12000, 12000]
    assert {r["role"] for r in troops} == {"deployed"}
    border = next(r for r in rows if r["value"] == 8000)
    assert border["parent_group_id"] == troops[0]["group_id"] and not border["contested"]


def test_the_pandas_example_of_the_docs_runs(db: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    section = text[text.index("## Claims: one row per claim"):]
    for col in COLUMNS:
        assert f"| `{col.name}` | {col.type} |" in section, col.name
    example = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    with Store(db, read_only=True) as store:
        export_claims(store, "parquet", str(tmp_path / "claims.parquet"))
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "docs/exports.md", "exec"), {})
    out = capsys.readouterr().out
    assert "Zelenskyy" in out and "deployed" in out and "Western allies" in out


def test_cli_export_claims_and_its_refusals(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["export", str(tmp_path / "c.csv"), "--claims", "--format", "csv",
                             "--db", str(db)])
    assert ok.exit_code == 0 and "claims written" in ok.stderr
    with Store(db, read_only=True) as store:
        assert len(pd.read_csv(tmp_path / "c.csv")) == store.count("claims")
        with pytest.raises(SitroomError, match="not 'gdelt'"):
            export_claims(store, "gdelt", str(tmp_path / "x"))
    bad = runner.invoke(cli, ["export", "-", "--claims", "--format", "csv", "--actor", "USA",
                              "--db", str(db)])
    assert bad.exit_code == 2 and "no event filters" in bad.output
