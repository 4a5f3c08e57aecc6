"""The public API: `__all__` pinned, a fast import, the documented entry points."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import sitroom

PUBLIC = [
    "Actor", "Article", "Claim", "Event", "Evidence", "Extraction", "ExtractionError",
    "Extractor", "InputError", "KnowledgeBaseError", "Place", "SitroomError", "Store",
    "StoreError", "__version__", "export", "extract", "load", "read",
]


def test_all_is_pinned_and_every_name_resolves() -> None:
    assert sorted(sitroom.__all__) == sorted(PUBLIC)
    for name in PUBLIC:
        assert getattr(sitroom, name) is not None, name
    assert (Path(sitroom.__file__).parent / "py.typed").exists()


def test_import_is_fast_and_loads_no_heavy_library() -> None:
    code = ("import sys, time; t = time.perf_counter(); import sitroom; "
            "print(time.perf_counter() - t); "
            "print(any(m in sys.modules for m in ('spacy', 'duckdb', 'pyarrow')))")
    best = min(float(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                    text=True, check=True).stdout.split()[0]) for _ in range(3))
    heavy = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout.split()[1]
    assert best < 0.3 and heavy == "False"


def test_extract_stays_the_function_after_the_module_is_imported() -> None:
    from sitroom.extract import Extractor  # imports the sitroom.extract module

    assert callable(sitroom.extract) and not isinstance(sitroom.extract, type(sys))
    assert sitroom.Extractor is Extractor


def test_extract_and_load() -> None:
    result = sitroom.extract("Police arrested 20 protesters in Minsk.", date="2020-08-10")
    assert isinstance(result, sitroom.Extraction)
    assert result.article.date == date(2020, 8, 10)
    assert [e.type for e in result.events] == ["COERCE"]
    assert sitroom.load() is sitroom.load()
    with pytest.raises(sitroom.InputError, match="malformed date"):
        sitroom.extract("Police arrested 20 protesters.", date="10/08/2020")


def test_read_raises_or_reports_bad_inputs(tmp_path: Path, shared: Path) -> None:
    articles = list(sitroom.read(shared / "seeds"))
    assert len(articles) == 2 and all(isinstance(a, sitroom.Article) for a in articles)
    (tmp_path / "bad.txt").write_text("no date line\n")
    with pytest.raises(sitroom.InputError, match="expected ' date YYYY-MM-DD'"):
        list(sitroom.read([tmp_path]))
    errors: list[sitroom.InputError] = []
    assert list(sitroom.read([str(tmp_path)], on_error=errors.append)) == []
    assert len(errors) == 1
