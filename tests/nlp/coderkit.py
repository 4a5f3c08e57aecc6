"""Shared by the whole-sentence coder tests (conftest.py, test_coder_language.py,
test_precision.py): the date sentences are coded on and the shape of the `coded` fixture."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

DAY = date(2020, 1, 8)
Triples = set[tuple[str, str | None, str | None]]
Coded = Callable[[str], Triples]
"""(type, actor country, recipient country) of a sentence's events."""
