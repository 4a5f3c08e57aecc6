"""The coder's shape stays as issue 16 left it: sitroom.nlp does not import the coder above it,
the coder's modules import each other without cycles, and no coder function or module grows
past the sizes a reader can hold (80 and 600 lines)."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "sitroom"


def _imports(path: Path) -> set[str]:
    """The sitroom modules a file imports (relative imports resolved), at any depth in it."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    package = parts if path.name == "__init__.py" else parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m.startswith("sitroom")}


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_nlp_does_not_import_the_coder() -> None:
    for path in (PACKAGE / "nlp").glob("*.py"):
        above = {m for m in _imports(path)
                 if m.startswith(("sitroom.coder", "sitroom.extract"))}
        assert not above, f"{path.name} imports {sorted(above)}"


def test_coder_modules_have_no_import_cycle() -> None:
    files = sorted((PACKAGE / "coder").rglob("*.py"))
    names = {_name(p) for p in files}
    graph = {_name(p): {m for m in _imports(p) if m in names} - {_name(p)} for p in files}
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> None:
        assert node not in path, "import cycle: " + " -> ".join([*path, node])
        if node in done:
            return
        for nxt in sorted(graph[node]):
            visit(nxt, [*path, node])
        done.add(node)

    for node in sorted(graph):
        visit(node, [])


def test_coder_functions_and_modules_are_short() -> None:
    long = []
    for path in sorted((PACKAGE / "coder").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > 600:
            long.append(f"{path.name}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and \
                    node.end_lineno - node.lineno + 1 > 80:
                long.append(f"{path.name}:{node.lineno} {node.name}")
    assert not long, long
