"""The docs stay true: docs/cli.md is generated and current, every command and option has help,
README's command lines name real commands, docs/python.md's examples run, docs/exports.md
lists every column."""
from __future__ import annotations

import doctest
import importlib.util
import re
from pathlib import Path

import click
import pytest

from sitroom.cli import cli

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _script(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gen_cli_docs():  # type: ignore[no-untyped-def]
    return _script("gen_cli_docs")


def test_cli_md_is_up_to_date() -> None:
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == _gen_cli_docs().render(), \
        "docs/cli.md is out of date: run .venv/bin/python scripts/gen_cli_docs.py"


def test_every_command_and_option_is_documented() -> None:
    gen = _gen_cli_docs()
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    missing = []
    for name, cmd in gen.commands(cli, click.Context(cli, info_name="sitroom")):
        if f"## sitroom {name}\n" not in text:
            missing.append(f"command {name}: not in docs/cli.md")
        if not (cmd.help or cmd.short_help):
            missing.append(f"command {name}: no help text")
        for param in cmd.params:
            if isinstance(param, click.Option) and not param.hidden and not param.help:
                missing.append(f"sitroom {name} {param.opts[0]}: no help text")
    assert not missing, "\n".join(missing)


def _command_lines(markdown: str) -> list[str]:
    """Code (fenced blocks and inline spans) from a Markdown text."""
    blocks = re.findall(r"```[^\n]*\n(.*?)```", markdown, flags=re.S)
    rest = re.sub(r"```.*?```", "", markdown, flags=re.S)
    return blocks + re.findall(r"`([^`\n]+)`", rest)


def test_readme_command_lines_name_existing_commands() -> None:
    names = set(cli.list_commands(click.Context(cli)))
    shown = [m.group(1) for code in _command_lines((ROOT / "README.md").read_text("utf-8"))
             for m in re.finditer(r"(?:^|[\s/])sitroom\s+([a-z][\w-]*)", code, flags=re.M)]
    assert shown, "README.md shows no sitroom command lines"
    unknown = sorted(set(shown) - names)
    assert not unknown, f"README.md shows unknown commands: {unknown} (known: {sorted(names)})"


def test_python_md_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = (DOCS / "python.md").read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, "python.md", str(DOCS / "python.md"), 0)
    assert len(test.examples) >= 15
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_exports_md_lists_every_column() -> None:
    from sitroom.exports import flat, gdelt

    text = (DOCS / "exports.md").read_text(encoding="utf-8")
    for col in flat.COLUMNS:
        assert f"| `{col.name}` | {col.type} |" in text, col.name
    for name in gdelt.EMPTY:
        assert f"`{name}`" in text, name


def test_ontology_md_is_up_to_date() -> None:
    assert (DOCS / "ontology.md").read_text(encoding="utf-8") == \
        _script("gen_ontology_docs").render(), \
        "docs/ontology.md is out of date: run .venv/bin/python scripts/gen_ontology_docs.py"


def test_readme_shows_the_real_demo_output() -> None:
    gen = _script("gen_readme_demo")
    assert gen.shown((ROOT / "README.md").read_text("utf-8")) == gen.demo_output(), \
        "README.md's demo output is stale: run .venv/bin/python scripts/gen_readme_demo.py"
