"""Settings: command line over environment over sitroom.toml over defaults; bad values name their
source; docs/settings.md lists every setting."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitroom import batch
from sitroom.batch.local import IngestReport
from sitroom.cli import cli
from sitroom.settings import Settings, SettingsError, describe, load_settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh current directory, so no sitroom.toml is read unless a test writes one."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults_without_environment_or_file(here: Path) -> None:
    assert load_settings(env={}) == Settings()


def test_command_line_over_environment_over_file_over_default(here: Path) -> None:
    (here / "sitroom.toml").write_text('db = "toml.duckdb"\nworkers = 3\ntriage = false\n'
                                       'batch_size = 8\n')
    env = {"SITROOM_WORKERS": "2", "SITROOM_DB": "env.duckdb"}
    got = load_settings({"db": "cli.duckdb", "workers": None, "triage": None}, env=env)
    assert (got.db, got.workers, got.triage, got.batch_size, got.port) == (
        "cli.duckdb", 2, False, 8, Settings.port)


def test_config_file_named_by_the_environment(here: Path) -> None:
    path = here / "elsewhere.toml"
    path.write_text('engine = "dask"\nscheduler = "tcp://10.0.0.1:8786"\n')
    got = load_settings(env={"SITROOM_CONFIG": str(path)})
    assert (got.engine, got.scheduler) == ("dask", "tcp://10.0.0.1:8786")
    with pytest.raises(SettingsError, match="SITROOM_CONFIG: no such file"):
        load_settings(env={"SITROOM_CONFIG": str(here / "missing.toml")})


@pytest.mark.parametrize("env, message", [
    ({"SITROOM_WORKERS": "many"}, "SITROOM_WORKERS: expected a whole number >= 1, or empty"),
    ({"SITROOM_BATCH_SIZE": "0"}, "SITROOM_BATCH_SIZE: expected a whole number >= 1, got '0'"),
    ({"SITROOM_ENGINE": "spark"}, "SITROOM_ENGINE: expected local or dask, got 'spark'"),
    ({"SITROOM_TRIAGE": "maybe"}, "SITROOM_TRIAGE: expected true/false"),
    ({"SITROOM_PORT": "70000"}, "SITROOM_PORT: expected a TCP port"),
])
def test_bad_environment_value_names_the_variable(here: Path, env: dict[str, str],
                                                  message: str) -> None:
    with pytest.raises(SettingsError, match=re.escape(message)):
        load_settings(env=env)


@pytest.mark.parametrize("text, message", [
    ("workers = 1.5\n", "sitroom.toml: workers: expected a whole number >= 1"),
    ('triage = "perhaps"\n', "sitroom.toml: triage: expected true/false"),
    ("wrokers = 2\n", "sitroom.toml: unknown setting 'wrokers' (known: db, workers"),
    ("workers = \n", "sitroom.toml: cannot read settings"),
])
def test_bad_file_value_names_the_file_and_key(here: Path, text: str, message: str) -> None:
    (here / "sitroom.toml").write_text(text)
    with pytest.raises(SettingsError, match=re.escape(message)):
        load_settings(env={})


def test_environment_flags_and_empty_variables(here: Path) -> None:
    assert load_settings(env={"SITROOM_TRIAGE": "off"}).triage is False
    assert load_settings(env={"SITROOM_TRIAGE": "Yes"}).triage is True
    assert load_settings(env={"SITROOM_WORKERS": "", "SITROOM_DB": ""}) == Settings()


def test_cli_store_path_from_environment_file_and_option(here: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["stories"], env={"SITROOM_DB": "env.duckdb"}).exit_code == 0
    (here / "sitroom.toml").write_text('db = "toml.duckdb"\n')
    assert runner.invoke(cli, ["stories"], env={"SITROOM_DB": None}).exit_code == 0
    result = runner.invoke(cli, ["stories", "--db", "cli.duckdb"], env={"SITROOM_DB": "x.duckdb"})
    assert result.exit_code == 0
    assert sorted(p.name for p in here.glob("*.duckdb")) == ["cli.duckdb", "env.duckdb",
                                                             "toml.duckdb"]


def test_cli_bad_setting_is_a_usage_error_naming_its_source(here: Path) -> None:
    result = CliRunner().invoke(cli, ["claims"], env={"SITROOM_PORT": "http"})
    assert result.exit_code == 2
    assert result.stderr.strip() == ("error: SITROOM_PORT: expected a TCP port: a whole number "
                                     "from 1 to 65535, got 'http'")


def test_ingest_hands_the_settings_to_the_runner(here: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def runner(items: Any, store: Any, **kw: Any) -> IngestReport:
        seen.update(kw)
        return IngestReport()

    monkeypatch.setattr(batch, "run_ingest", runner)
    (here / "sitroom.toml").write_text("batch_size = 5\ntriage = false\n")
    result = CliRunner().invoke(cli, ["ingest", "-", "--engine", "dask"], input="",
                                env={"SITROOM_WORKERS": "3", "SITROOM_SCHEDULER": "tcp://h:1"})
    assert result.exit_code == 0, result.output
    assert {k: seen[k] for k in ("batch_size", "workers", "engine", "scheduler", "triage")} == {
        "batch_size": 5, "workers": 3, "engine": "dask", "scheduler": "tcp://h:1", "triage": False}


def test_triage_default_is_the_batch_runners() -> None:
    assert Settings.triage is batch.TRIAGE_DEFAULT


def _shown(default: Any) -> str:
    if default is None:
        return ""
    return str(default).lower() if isinstance(default, bool) else str(default)


def test_settings_md_lists_every_setting() -> None:
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    rows = {m.group(1): [c.strip().strip("`") for c in m.group(0).strip("|").split("|")]
            for m in re.finditer(r"^\| `(\w+)` \|.*\|$", text, re.MULTILINE)}
    assert list(rows) == [name for name, *_ in describe()], "docs/settings.md: one row a setting"
    for name, env, default, meaning in describe():
        _, env_cell, _, default_cell, meaning_cell = rows[name]
        assert env_cell == env, name
        assert meaning_cell == meaning, name
        if default is not None:
            assert default_cell == _shown(default), name
