"""The quality gate: the coder's figures on ../shared/gold/dev may not fall below the committed
floors (tests/quality/dev_floors.json). Floors only go up: raise them when the coder improves."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitroom.cli import cli

FLOORS = Path(__file__).with_name("dev_floors.json")


@pytest.fixture(scope="module")
def figures(shared: Path) -> dict[str, float]:
    result = CliRunner().invoke(cli, ["eval", str(shared / "gold" / "dev"), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", sorted(json.loads(FLOORS.read_text())))
def test_no_regression(figures: dict[str, float], name: str) -> None:
    floor = json.loads(FLOORS.read_text())[name]
    assert figures[name] >= floor, f"{name} fell to {figures[name]:.3f} (floor {floor})"


def test_check_option_refuses_a_regression(shared: Path, tmp_path: Path) -> None:
    impossible = tmp_path / "floors.json"
    impossible.write_text(json.dumps({"recall": 1.01}))
    result = CliRunner().invoke(cli, ["eval", str(shared / "gold" / "dev"), "--check",
                                      str(impossible)])
    assert result.exit_code == 1 and "regression: recall" in result.stderr


def test_below_floors_names_each_figure_under_its_floor(tmp_path: Path) -> None:
    from sitroom.eval import below_floors

    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"recall": 0.5, "precision": 0.9, "claims_recall": 0.2}))
    got = below_floors({"recall": 0.6, "precision": 0.85, "claims_recall": 0.1}, floors)
    assert got == ["precision 0.850 < floor 0.900", "claims_recall 0.100 < floor 0.200"]


def test_docs_quality_table_shows_these_figures(figures: dict[str, float]) -> None:
    """docs/quality.md cannot drift from what the coder measures."""
    import importlib.util

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("gen_quality_docs",
                                                  root / "scripts" / "gen_quality_docs.py")
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    shown = gen.documented()
    floors = json.loads(FLOORS.read_text())
    for name in floors:
        assert shown[("dev gold", name)] == pytest.approx(figures[name], abs=0.0005), \
            f"docs/quality.md shows {name} {shown[('dev gold', name)]}, measured " \
            f"{figures[name]:.3f}: run .venv/bin/python scripts/gen_quality_docs.py"
