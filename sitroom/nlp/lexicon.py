"""The predicate lexicon: lemmas that carry events, with their PLOVER type and mode."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import KnowledgeBaseError

POS_CLASS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}


@dataclass(frozen=True)
class Predicate:
    """One lexicon line."""

    lemma: str
    pos: str
    type: str
    mode: str | None
    preps: frozenset[str]
    objects: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    light: bool = False


def _parse_requirement(text: str) -> dict[str, object]:
    if text == "-":
        return {}
    if text == "light":
        return {"light": True}
    key, _, values = text.partition("=")
    names = frozenset(values.split("|"))
    if key == "obj":
        return {"objects": names}
    if key == "prep":
        return {"particles": names}
    raise ValueError(f"unknown requirement {text!r}")


def parse_line(line: str, where: str) -> Predicate:
    """Parse one tab-separated lexicon line."""
    cols = line.rstrip("\n").split("\t")
    if len(cols) != 6:
        raise KnowledgeBaseError(where, f"expected 6 tab-separated columns, found {len(cols)}")
    lemma, pos, type_, mode, preps, req = cols
    try:
        extra = _parse_requirement(req)
    except ValueError as exc:
        raise KnowledgeBaseError(where, str(exc)) from None
    return Predicate(lemma=lemma, pos=pos, type=type_, mode=None if mode == "-" else mode,
                     preps=frozenset() if preps == "-" else frozenset(preps.split(",")),
                     **extra)  # type: ignore[arg-type]


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> dict[tuple[str, str], tuple[Predicate, ...]]:
    """(lemma, POS class) -> candidate predicates, in file order."""
    source = Path(path) if path else resources.files("sitroom.nlp") / "data" / "predicates.tsv"
    table: dict[tuple[str, str], list[Predicate]] = {}
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        pred = parse_line(line, f"{source}:{number}")
        table.setdefault((pred.lemma, pred.pos), []).append(pred)
    return {key: tuple(preds) for key, preds in table.items()}
