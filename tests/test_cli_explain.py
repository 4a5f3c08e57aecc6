"""`sitroom explain` and `sitroom extract --trace`, as a user runs them (real model)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from sitroom.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "contract.schema.json").read_text())
TEAR_GAS = "Police fired tear gas at protesters in Nairobi on Monday."


def test_explain_text_names_frames_rules_parties_and_events() -> None:
    result = CliRunner().invoke(cli, ["explain", TEAR_GAS, "--date", "2020-01-08"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "frame 'fired'" in out and "row fire VERB -> ASSAULT" in out
    assert "rule crowd-control (type, retype)" in out and "not firearms" in out
    assert "event ASSAULT crowd-control asserted" in out and "country=KEN" in out
    assert re.search(r"judge 0\.\d\d", out)  # the judge's probability, the event's confidence


def test_explain_json_shows_vetoes_too() -> None:
    text = "Is this man who wants to blow up the canon a menace? Russia attacked Ukraine."
    result = CliRunner().invoke(cli, ["explain", text, "--date", "2020-01-08",
                                      "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    question, told = report["sentences"]
    assert [r["rule"] for r in question["rules"]] == ["question"] and not question["events"]
    assert [e["type"] for e in told["events"]] == ["ASSAULT"]
    assert told["frames"][0]["actor"]["text"] == "Russia"
    assert 0 < told["events"][0]["confidence"] < 1


def test_explain_a_file_uses_its_date(shared: Path) -> None:
    path = sorted((shared / "seeds").iterdir())[0]
    result = CliRunner().invoke(cli, ["explain", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[0])
    assert report["origin"].endswith(path.name) and any(s["events"] for s in report["sentences"])


def test_explain_bad_date_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["explain", TEAR_GAS, "--date", "08/01/2020"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_extract_trace_adds_rules_to_events_only(shared: Path) -> None:
    runner = CliRunner()
    plain = runner.invoke(cli, ["extract", str(shared / "seeds")])
    traced = runner.invoke(cli, ["extract", str(shared / "seeds"), "--trace"])
    assert plain.exit_code == traced.exit_code == 0, traced.stderr
    validator = jsonschema.Draft202012Validator(SCHEMA)
    rows = [json.loads(line) for line in traced.stdout.splitlines()]
    for row in rows:
        validator.validate(row)
        assert ("rules" in row) == (row["kind"] == "event")
    assert any(row.get("rules") for row in rows)
    untraced = [{k: v for k, v in row.items() if k != "rules"} for row in rows]
    assert untraced == [json.loads(line) for line in plain.stdout.splitlines()]
    assert all("rules" not in json.loads(line) for line in plain.stdout.splitlines())
