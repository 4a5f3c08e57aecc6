"""Figures on the shape of the code (issue 16): function lengths, long modules, test-to-source
ratio, SQL outside the store and import cycles inside the package.

Run: ``python scripts/code_metrics.py [--root CHECKOUT] [--top N] [--json]``. ``--root`` points
at any checkout (default: this one), so the figures of another branch or of main (``git archive
main | tar -x -C /tmp/main``) can be put beside these. Read-only; standard library only.

How each figure is counted:
- function length: ``end_lineno - lineno + 1`` of every ``def`` and ``async def`` in
  ``sitroom/`` (nested ones too, each counted on its own; decorators not included);
- module length: all lines of the file, and its code lines: the lines left once module-level
  data tables (an assignment whose value is a literal, a ``frozenset``/``set``/``tuple`` of one,
  or a comprehension over one) are set aside; a module is "over" when its code lines exceed 600;
- test-to-source: lines of ``tests/**/*.py`` over lines of ``sitroom/**/*.py``;
- SQL statements: string literals (f-strings too) that begin with an upper-case SQL verb
  (SELECT, INSERT, CREATE, ...), docstrings aside, in modules outside ``sitroom/store/``;
- import cycles: strongly connected groups of the graph of ``sitroom`` modules importing one
  another, with every import (in functions too) and with module-level imports only.
"""
from __future__ import annotations

import argparse
import ast
import json
import re
import statistics
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PACKAGE = "sitroom"
MODULE_LIMIT = 600
FUNCTION_LIMIT = 80
SQL_VERB = re.compile(r"\s*\(?\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|WITH|BEGIN|COMMIT|"
                      r"ROLLBACK|COPY|ATTACH|DETACH|PRAGMA|CHECKPOINT|VACUUM|EXPORT|INSTALL|"
                      r"LOAD|SET|TRUNCATE|EXPLAIN|DESCRIBE|SUMMARIZE)\b")
DATA_CALLS = {"frozenset", "set", "tuple", "dict", "list"}


@dataclass(frozen=True)
class Function:
    """One def: where it is and how many lines it spans."""

    module: str
    name: str
    line: int
    length: int


def modules(package: Path) -> Iterator[tuple[str, Path]]:
    """Every module of the package as (dotted name, path)."""
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        yield ".".join(parts), path


def functions(name: str, tree: ast.AST) -> Iterator[Function]:
    """Every def in a module, nested ones too, with its qualified name."""
    def walk(node: ast.AST, prefix: str) -> Iterator[Function]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                qual = f"{prefix}{child.name}"
                yield Function(name, qual, child.lineno, child.end_lineno - child.lineno + 1)
                yield from walk(child, qual + ".")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, f"{prefix}{child.name}.")
            else:
                yield from walk(child, prefix)
    return walk(tree, "")


def is_data(value: ast.AST) -> bool:
    """True for a literal table: a literal, a container call over one, or a comprehension."""
    try:
        ast.literal_eval(value)
        return True
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        pass
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
        return value.func.id in DATA_CALLS and all(is_data(a) for a in value.args)
    if isinstance(value, ast.SetComp | ast.ListComp | ast.DictComp | ast.GeneratorExp):
        return True
    if isinstance(value, ast.BinOp):
        return is_data(value.left) and is_data(value.right)
    if isinstance(value, ast.Name):  # a table built from another: FOO | BAR
        return value.id.isupper()
    return False


def data_lines(tree: ast.Module) -> int:
    """Lines taken by module-level data tables."""
    total = 0
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if value is not None and node.end_lineno > node.lineno and is_data(value):
            total += node.end_lineno - node.lineno + 1
    return total


def docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring nodes, which are prose even when they start with SELECT."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def sql_statements(tree: ast.AST) -> int:
    """String literals that read as an SQL statement."""
    skip, count = docstrings(tree), 0
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):  # its parts are not statements of their own
            skip |= {id(part) for part in node.values}
        if id(node) in skip:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            text = first.value if isinstance(first, ast.Constant) else ""
        else:
            continue
        count += bool(SQL_VERB.match(text))
    return count


def imported(name: str, path: Path, tree: ast.AST, known: set[str],
             top_only: bool) -> set[str]:
    """The package modules a module imports (resolving relative imports)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and ast.unparse(block.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
                   for stmt in block.body for n in ast.walk(stmt)}  # never run: no cycle
    nodes = [n for n in (tree.body if top_only else ast.walk(tree)) if id(n) not in typing_only]
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[:len(parts) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            # `from pkg import mod` imports mod (pkg is its parent, already loaded)
            out |= {f"{base}.{a.name}" if f"{base}.{a.name}" in known else base
                    for a in node.names}
    return {m for m in (_owner(x, known) for x in out) if m and m != name}


def _owner(dotted: str, known: set[str]) -> str | None:
    """The longest known module that `dotted` names or lies in."""
    while dotted:
        if dotted in known:
            return dotted
        dotted = dotted.rpartition(".")[0]
    return None


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(groups)


def _cycle_edges(group: list[str], graph: dict[str, set[str]]) -> list[str]:
    members = set(group)
    return [f"{a} -> {b}" for a in group for b in sorted(graph[a] & members)]


def lines_of(paths: list[Path]) -> int:
    """Total lines of some files."""
    return sum(len(p.read_text(encoding="utf-8").splitlines()) for p in paths)


def measure(root: Path, top: int) -> dict[str, Any]:
    """All the figures for the checkout at `root`."""
    package = root / PACKAGE
    parsed = {name: (path, ast.parse(path.read_text(encoding="utf-8"), str(path)))
              for name, path in modules(package)}
    known = set(parsed)
    defs = [f for name, (_, tree) in parsed.items() for f in functions(name, tree)]
    lengths = sorted(f.length for f in defs)
    long_modules = []
    for name, (path, tree) in parsed.items():
        total = len(path.read_text(encoding="utf-8").splitlines())
        code = total - data_lines(tree)
        if code > MODULE_LIMIT:
            long_modules.append({"module": name, "lines": total, "code_lines": code})
    sql_all = {name: n for name, (_, tree) in parsed.items() if (n := sql_statements(tree))}
    sql = {name: n for name, n in sql_all.items() if not name.startswith(f"{PACKAGE}.store")}
    graphs = {kind: {name: imported(name, path, tree, known, top_only=kind == "module_level")
                     for name, (path, tree) in parsed.items()}
              for kind in ("all", "module_level")}
    source = lines_of(sorted(package.rglob("*.py")))
    tests = lines_of(sorted((root / "tests").rglob("*.py")))
    return {
        "root": str(root),
        "functions": len(lengths),
        "function_median": statistics.median(lengths),
        "function_p90": lengths[int(0.9 * (len(lengths) - 1))],
        "function_max": lengths[-1],
        "functions_over_limit": sum(n > FUNCTION_LIMIT for n in lengths),
        "longest": [{"name": f"{f.module}.{f.name}", "line": f.line, "lines": f.length}
                    for f in sorted(defs, key=lambda f: -f.length)[:top]],
        "modules_over_limit": sorted(long_modules, key=lambda m: -m["code_lines"]),
        "source_lines": source,
        "test_lines": tests,
        "test_to_source": round(tests / source, 2),
        "sql_outside_store": sum(sql.values()),
        "sql_in_store": sum(sql_all.values()) - sum(sql.values()),
        "sql_by_module": dict(sorted(sql.items(), key=lambda kv: -kv[1])),
        "cycles": {kind: [{"modules": g, "edges": _cycle_edges(g, graph)}
                          for g in cycles(graph)] for kind, graph in graphs.items()},
    }


def render(m: dict[str, Any]) -> str:
    """The figures as text."""
    out = [f"code metrics for {m['root']}/{PACKAGE}",
           f"functions: {m['functions']}; length median {m['function_median']:g}, "
           f"p90 {m['function_p90']}, max {m['function_max']}; "
           f"{m['functions_over_limit']} over {FUNCTION_LIMIT} lines",
           "longest functions:"]
    out += [f"  {f['lines']:>5}  {f['name']} (line {f['line']})" for f in m["longest"]]
    out.append(f"modules over {MODULE_LIMIT} code lines (data tables aside): "
               f"{len(m['modules_over_limit'])}")
    out += [f"  {x['code_lines']:>5}  {x['module']} ({x['lines']} lines in all)"
            for x in m["modules_over_limit"]]
    out.append(f"test-to-source lines: {m['test_lines']} / {m['source_lines']} = "
               f"{m['test_to_source']}")
    out.append(f"SQL statements outside {PACKAGE}/store/: {m['sql_outside_store']} "
               f"({m['sql_in_store']} inside)")
    out += [f"  {n:>5}  {name}" for name, n in m["sql_by_module"].items()]
    for kind, label in (("all", "every import"), ("module_level", "module-level imports only")):
        groups = m["cycles"][kind]
        out.append(f"import cycles ({label}): {len(groups)}")
        for g in groups:
            out.append(f"  {' <-> '.join(g['modules'])}")
            out += [f"      {e}" for e in g["edges"]]
    return "\n".join(out)


def main() -> None:
    """Print the figures for a checkout."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1],
                        help="checkout to measure (default: this one)")
    parser.add_argument("--top", type=int, default=15, help="how many longest functions")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = measure(args.root.resolve(), args.top)
    print(json.dumps(figures, indent=1) if args.json else render(figures))


if __name__ == "__main__":
    main()
