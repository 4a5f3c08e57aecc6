"""The package's shape, kept by tests: SQL only in sitroom/store/."""
from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "sitroom"
SQL = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE (OR REPLACE )?"
                 r"(TEMP )?(TABLE|VIEW|INDEX)|DROP TABLE|ALTER TABLE|WHERE|GROUP BY|ORDER BY|"
                 r"JOIN|ILIKE)\b")
"""Uppercase SQL keywords: how a statement or a clause of one starts, in this code base."""


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for stmt in body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                    ids.add(id(stmt.value))
    return ids


def sql_strings(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each string literal in a module (docstrings aside) that holds SQL."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [(node.lineno, node.value[:60]) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip and SQL.search(node.value)]


def test_sql_lives_in_the_store() -> None:
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}: {text!r}"
             for path in sorted(PACKAGE.rglob("*.py")) if "store" not in path.parts
             for line, text in sql_strings(path)]
    assert not found, "SQL outside sitroom/store/ (add a named query there):\n" + "\n".join(found)


def test_the_sql_check_sees_sql() -> None:
    store = PACKAGE / "store" / "db.py"
    assert len(sql_strings(store)) > 5
