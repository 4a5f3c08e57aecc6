"""Write docs/cli.md from the `--help` of every `sitroom` command.

    .venv/bin/python scripts/gen_cli_docs.py          # rewrite docs/cli.md
    .venv/bin/python scripts/gen_cli_docs.py --check  # exit 1 if docs/cli.md is out of date

tests/test_docs.py runs `render()` and compares it with the file.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[1]
CLI_MD = ROOT / "docs" / "cli.md"
WIDTH = 100


def commands(group: click.Group, ctx: click.Context) -> Iterator[tuple[str, click.Command]]:
    """(full name, command) for every command under `group`, depth first, in name order."""
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if cmd is None or cmd.hidden:
            continue
        yield name, cmd
        if isinstance(cmd, click.Group):
            sub = click.Context(cmd, info_name=name, parent=ctx)
            for child, child_cmd in commands(cmd, sub):
                yield f"{name} {child}", child_cmd


def help_text(cmd: click.Command, path: list[str]) -> str:
    """The command's --help exactly as a user sees it, at a fixed width."""
    ctx = click.Context(cmd, info_name=" ".join(path), terminal_width=WIDTH,
                        max_content_width=WIDTH)
    return cmd.get_help(ctx).rstrip()


def render() -> str:
    """docs/cli.md's content."""
    from sitroom.cli import cli

    root = click.Context(cli, info_name="sitroom")
    parts = ["# Command-line reference", "",
             "Generated from `sitroom COMMAND --help` by `scripts/gen_cli_docs.py`; "
             "do not edit by hand (`tests/test_docs.py` checks it is up to date).", "",
             "## sitroom", "", "```", help_text(cli, ["sitroom"]), "```", ""]
    for name, cmd in commands(cli, root):
        parts += [f"## sitroom {name}", "", "```", help_text(cmd, ["sitroom", *name.split()]),
                  "```", ""]
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = CLI_MD.read_text(encoding="utf-8") if CLI_MD.exists() else ""
        if current != text:
            print(f"{CLI_MD} is out of date: run python scripts/gen_cli_docs.py", file=sys.stderr)
            return 1
        return 0
    CLI_MD.write_text(text, encoding="utf-8")
    print(f"wrote {CLI_MD}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
