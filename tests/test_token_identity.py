"""spaCy gives a new Token object at every access (`tok.head is tok` is never true), so code
that compares tokens must use == and !=: an `is` there silently never matches."""
from __future__ import annotations

import ast
from pathlib import Path

import spacy

PACKAGE = Path(__file__).resolve().parents[1] / "sitroom"
SOURCES = [*sorted((PACKAGE / "coder").glob("*.py")), *sorted((PACKAGE / "nlp").glob("*.py"))]


def test_token_identity_is_not_equality() -> None:
    doc = spacy.blank("en")("Kenya attacked Uganda.")
    assert doc[0] == doc[0] and doc[0] is not doc[0]


def test_no_identity_comparisons_between_objects() -> None:
    found = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                for op, right in zip(node.ops, node.comparators):
                    if isinstance(op, (ast.Is, ast.IsNot)) and not isinstance(right, ast.Constant):
                        found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    assert not found, "compare tokens with == / != :\n" + "\n".join(found)
