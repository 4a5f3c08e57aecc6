"""The CLI end to end, as a user runs it: real spaCy, real DuckDB files, real processes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from sitroom.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "contract.schema.json").read_text())


def sitroom(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitroom", *args], capture_output=True,
                          cwd=cwd, input=stdin, timeout=300)


def test_run_on_the_seeds_summarises_the_situation(tmp_path: Path, shared: Path) -> None:
    db = tmp_path / "s.duckdb"
    proc = sitroom("run", str(shared / "seeds"), "--db", str(db))
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr.decode()
    assert "2 articles read, 2 stored" in proc.stderr.decode()
    assert "Events by type:" in out and "Main events" in out
    lines = out.splitlines()
    assert any("UKR" in line and "ACCUSE" in line and ("RUS" in line or "PRK" in line)
               for line in lines), out
    assert any("PRK" in line and ("MOBILIZE" in line or "AID" in line) for line in lines), out


def test_ingest_bad_folder_twice(tmp_path: Path, bad_folder: tuple[Path, dict[str, str]]) -> None:
    folder, expected = bad_folder
    db = tmp_path / "s.duckdb"
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert first.exit_code == 1
    errors = [line for line in first.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(expected), first.stderr
    for name, problem in expected.items():
        assert sum(f"/in/{name}:" in e and problem in e for e in errors) == 1, (name, errors)
    assert "3 articles read, 3 stored" in first.stderr
    second = runner.invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert second.exit_code == 1
    assert "3 articles read, 0 stored, 3 already in" in second.stderr
    listed = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"])
    ids = [json.loads(line)["event_id"] for line in listed.stdout.splitlines()]
    assert ids and len(ids) == len(set(ids))


def test_ingest_all_good_exits_zero_and_reads_stdin(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    proc = sitroom("ingest", "-", "--db", str(db),
                   stdin=b" date 2020-01-13\nIran's military admitted it shot down the Ukrainian "
                         b"airliner.\n")
    assert proc.returncode == 0, proc.stderr.decode()
    assert "1 article read, 1 stored" in proc.stderr.decode()


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest"]).exit_code == 2
    bad_date = runner.invoke(cli, ["events", "--db", str(tmp_path / "x.duckdb"), "--since", "soon"])
    assert bad_date.exit_code == 2 and "expected a date YYYY-MM-DD" in bad_date.output


def test_events_filters_and_formats(tmp_path: Path, shared: Path) -> None:
    db = tmp_path / "s.duckdb"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(shared / "seeds"), "--db", str(db)]).exit_code == 0
    table = runner.invoke(cli, ["events", "--db", str(db), "--actor", "UKR"])
    assert table.exit_code == 0 and "UKR" in table.stdout
    as_csv = runner.invoke(cli, ["events", "--db", str(db), "--format", "csv", "--type", "ACCUSE"])
    header, *rows = as_csv.stdout.splitlines()
    assert header.startswith("date,type,mode") and rows
    assert all(",ACCUSE," in row for row in rows)
    later = runner.invoke(cli, ["events", "--db", str(db), "--since", "2024-10-26",
                                "--format", "jsonl"])
    dates = {json.loads(line)["article_date"] for line in later.stdout.splitlines()}
    assert dates == {"2024-11-01"}
    every = [json.loads(line)["confidence"] for line in runner.invoke(
        cli, ["events", "--db", str(db), "--format", "jsonl"]).stdout.splitlines()]
    cut = sorted(every)[len(every) // 2]
    sure = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl",
                               "--min-confidence", str(cut)])
    kept = [json.loads(line)["confidence"] for line in sure.stdout.splitlines()]
    assert len(kept) == sum(c >= cut for c in every) < len(every) and min(kept) >= cut


def test_extract_emits_schema_valid_lines_for_all_202_files(shared: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["extract", str(shared / "seeds"),
                                 str(shared / "corpora" / "wikinews-seedformat"),
                                 "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    validator = jsonschema.Draft202012Validator(SCHEMA)
    origins = set()
    texts: dict[str, str] = {}
    for line in lines:
        record = json.loads(line)
        validator.validate(record)
        origins.add(record["origin"])
        texts.setdefault(record["origin"], "")
    assert len(lines) > 400
    assert len(origins) > 150  # nearly every article yields at least one event


def test_evidence_offsets_point_into_the_article_text(shared: Path) -> None:
    from sitroom.ingest import read_paths

    runner = CliRunner()
    result = runner.invoke(cli, ["extract", str(shared / "seeds")])
    articles = {a.origin: a for a in read_paths([str(shared / "seeds")])}
    for line in result.stdout.splitlines():
        record = json.loads(line)
        ev = record["evidence"]
        assert articles[record["origin"]].text[ev["start"]:ev["end"]] == ev["text"]


@pytest.mark.parametrize("args", [["--help"], ["ingest", "--help"], ["eval", "--help"]])
def test_help(args: list[str]) -> None:
    assert CliRunner().invoke(cli, args).exit_code == 0


def test_claims_on_the_seeds_show_the_spread(tmp_path: Path, shared: Path) -> None:
    db = tmp_path / "s.duckdb"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(shared / "seeds"), "--db", str(db)]).exit_code == 0
    result = runner.invoke(cli, ["claims", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    groups = [json.loads(line) for line in result.stdout.splitlines()]
    troops = [g for g in groups if g["unit"] == "soldier" and g["parent_group_id"] is None]
    assert len(troops) == 1 and troops[0]["contested"] is True
    figures = sorted((c["value"], c["qualifier"], (c["claimant"] or {}).get("country"),
                      c["date"]) for c in troops[0]["claims"])
    assert figures == [(3000, "approximately", "UKR", "2024-11-01"),
                       (10000, "approximately", "USA", "2024-11-01"),
                       (12000, "more than", None, "2024-10-25"),
                       (12000, "projected", "UKR", "2024-11-01")]
    border = [g for g in groups if g["parent_group_id"] == troops[0]["group_id"]]
    assert [c["value"] for g in border for c in g["claims"]] == [8000]
    shells = [g for g in groups if g["unit"] == "shell"]
    assert [c["value"] for g in shells for c in g["claims"]] == [3_500_000]
    table = runner.invoke(cli, ["claims", "--db", str(db), "--contested"])
    assert "CONTESTED" in table.stdout and "Western allies: more than 12,000" in table.stdout
    from sitroom.store.db import Store

    with Store(db, read_only=True) as store:
        assert store.count("claim_groups") == len(groups)
        assert store.query("SELECT count(*) AS n FROM claims WHERE group_id IS NULL")[0]["n"] == 0


def test_code_with_a_users_verb_dictionary(tmp_path: Path, shared: Path) -> None:
    verbs = tmp_path / "my.verbs.txt"
    verbs.write_text("--- CONDEMN [122] ---\nCONDEMN\n\n--- SEND [---] ---\nSEND {SENT}\n"
                     "- * TROOPS [150]\n")
    proc = sitroom("code", str(shared / "seeds"), "--verbs", str(verbs))
    assert proc.returncode == 0, proc.stderr.decode()
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert rows and all(r["kind"] == "coded_event" for r in rows)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for row in rows:
        validator.validate(row)
    assert any(r["code"] == "122" and r["source"]["country"] == "UKR" and
               r["target"] and r["target"]["country"] == "RUS" for r in rows), rows
    sent = [r for r in rows if r["code"] == "150"]
    assert sent and sent[0]["pattern"] == "- * TROOPS [150]" and sent[0]["line"] == 6
    assert sent[0]["source"]["country"] == "PRK" and sent[0]["target"]["country"] == "RUS"
    assert all(r["evidence"]["text"] for r in rows)


def test_code_reports_a_bad_dictionary_and_a_bad_option(tmp_path: Path, shared: Path) -> None:
    bad = tmp_path / "bad.verbs.txt"
    bad.write_text("ACCUSE [112]\n")
    proc = sitroom("code", str(shared / "seeds"), "--verbs", str(bad))
    err = proc.stderr.decode()
    assert proc.returncode != 0 and "bad.verbs.txt: line 1" in err and "Traceback" not in err
    actors = tmp_path / "a.txt"
    actors.write_text("x")
    proc = sitroom("code", str(shared / "seeds"), "--verbs", str(bad), "--agents", str(actors))
    assert proc.returncode == 2 and "--agents needs --actors" in proc.stderr.decode()


def test_code_db_stores_what_code_prints_once_each_dictionary_apart(
        tmp_path: Path, bad_folder: tuple[Path, dict[str, str]], shared: Path) -> None:
    folder, expected = bad_folder
    verbs = tmp_path / "my.verbs.txt"
    verbs.write_text("--- CONDEMN [122] ---\nCONDEMN\n\n--- SEND [---] ---\nSEND {SENT}\n"
                     "- * TROOPS [150]\n--- ARREST [173] ---\nARREST\n")
    petrarch = shared / "gold" / "peers" / "petrarch2" / "PETR.Validate.verbs.txt"
    db = tmp_path / "s.duckdb"
    runner = CliRunner()
    printed = runner.invoke(cli, ["code", str(folder), "--verbs", str(verbs)])
    assert printed.exit_code == 1 and not db.exists()
    for _ in range(2):  # the second run stores nothing twice
        stored = runner.invoke(cli, ["code", str(folder), "--verbs", str(verbs), "--db", str(db)])
        assert stored.exit_code == 1 and stored.stdout == ""
        errors = [line for line in stored.stderr.splitlines() if line.startswith("error: ")]
        assert len(errors) == len(expected), stored.stderr
        for name, problem in expected.items():
            assert sum(f"/in/{name}:" in e and problem in e for e in errors) == 1, (name, errors)
        n = len(printed.stdout.splitlines())
        assert "3 articles coded with my.verbs.txt" in stored.stderr
        assert f"; {n} coded events stored in {db}; {len(expected)} inputs failed" in stored.stderr
    assert runner.invoke(cli, ["code", str(folder), "--verbs", str(petrarch),
                               "--db", str(db)]).exit_code == 1
    mine = runner.invoke(cli, ["coded", "--db", str(db), "--dictionary", "my.verbs.txt",
                               "--format", "jsonl"])
    assert mine.exit_code == 0, mine.output
    assert sorted(mine.stdout.splitlines()) == sorted(printed.stdout.splitlines())
    rows = [json.loads(line) for line in mine.stdout.splitlines()]
    assert {r["code"] for r in rows} == {"122", "173"}
    every = runner.invoke(cli, ["coded", "--db", str(db), "--format", "jsonl"])
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for line in every.stdout.splitlines():
        validator.validate(json.loads(line))
    assert len(every.stdout.splitlines()) > len(rows)
    assert "from 2 verb dictionaries" in every.stderr
    table = runner.invoke(cli, ["coded", "--db", str(db), "--code", "17"])
    assert "# my.verbs.txt (sha256 " in table.stdout and "173" in table.stdout
    unknown = runner.invoke(cli, ["coded", "--db", str(db), "--dictionary", "CAMEO.2.0.txt"])
    assert unknown.exit_code == 1 and "stored: PETR.Validate.verbs.txt (" in unknown.stderr
    plover = runner.invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert "3 articles read, 3 stored" in plover.stderr  # coded articles are not ingested ones


@pytest.mark.parametrize("args, param, status", [
    (["--type", "FOO"], {"type": "FOO"}, 422),
    (["--since", "2024-02-01", "--until", "2024-01-01"],
     {"since": "2024-02-01", "until": "2024-01-01"}, 400),
    (["--since", "yesterday"], {"since": "yesterday"}, 422),
    (["--status", "maybe"], {"status": "maybe"}, 422),
])
def test_invalid_filters_are_usage_errors_with_the_api_message(
        tmp_path: Path, args: list[str], param: dict[str, str], status: int) -> None:
    """`sitroom events`, `claims` and `export` refuse what the API refuses (exit 2), saying the
    same."""
    from fastapi.testclient import TestClient

    from sitroom.api import create_app

    db = tmp_path / "s.duckdb"
    with TestClient(create_app(str(db)), base_url="http://127.0.0.1") as client:
        answer = client.get("/api/events", params=param)
    assert answer.status_code == status
    runner = CliRunner()
    for command in (["events", "--db", str(db)], ["claims", "--db", str(db)],
                    ["export", "-", "--format", "csv", "--db", str(db)]):
        result = runner.invoke(cli, [*command, *args])
        assert result.exit_code == 2, (command, result.output)
        said = result.stderr.strip().splitlines()[-1].removeprefix("Error: ")
        assert said and answer.json()["message"].endswith(said), (said, answer.json())


def test_export_usage_errors_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "s.duckdb")
    for args in (["-", "--format", "parquet"], ["out.jsonl", "--format", "jsonl", "--header"],
                 ["out.csv"]):
        result = runner.invoke(cli, ["export", *args, "--db", db])
        assert result.exit_code == 2, (args, result.output)


def test_actor_table_has_a_header() -> None:
    result = CliRunner().invoke(cli, ["actor", "Vladimir Putin", "--date", "2024-01-01",
                                      "--format", "table"])
    assert result.exit_code == 0, result.output
    header, row = result.stdout.splitlines()[:2]
    assert header.split("\t") == ["text", "country", "sector", "entity", "role", "confidence"]
    assert row.split("\t")[:2] == ["Vladimir Putin", "RUS"]


def test_readme_code_line_runs_as_written(shared: Path) -> None:
    """The README's `sitroom code ... --verbs` line, with the dictionary that ships."""
    if (ROOT / "../shared").resolve() != shared.resolve():
        pytest.skip(f"the README's ../shared is not {shared} in this checkout")
    line = next(x for x in (ROOT / "README.md").read_text("utf-8").splitlines()
                if "sitroom code ../shared/seeds --verbs" in x and "--db" not in x)
    args = line.split("#")[0].split()[1:]
    assert args[0] == "code"
    proc = sitroom(*args, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode()
    codes = [json.loads(x)["code"] for x in proc.stdout.decode().splitlines()]
    assert codes and {"150", "111"} <= set(codes)
