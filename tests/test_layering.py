"""The package's shape, kept by tests: SQL only in sitroom/store/, no import cycles in sitroom/."""
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


def _imports(module: str, path: Path, known: set[str]) -> set[str]:
    """The sitroom modules `module` imports at run time (TYPE_CHECKING blocks aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            target = ".".join(base + [node.module] if node.module else base)
            out.update(f"{target}.{a.name}" if f"{target}.{a.name}" in known else target
                       for a in node.names)
    return {m for m in out if m in known and m != module}


def import_graph() -> dict[str, set[str]]:
    """sitroom module -> the sitroom modules it imports."""
    paths = {_module(p): p for p in PACKAGE.rglob("*.py")}
    return {m: _imports(m, p, set(paths)) for m, p in paths.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while (w := stack.pop()) != v:
                component.append(w)
            if component:
                found.append(sorted([v, *component]))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_check_sees_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
