"""The predicate lexicon: lemmas that carry events, with their PLOVER type and mode."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
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
    subjects: frozenset[str] = frozenset()
    light: bool = False
    reverse: bool = False
    pobjects: frozenset[str] = frozenset()
    intransitive: bool = False
    modifiers: frozenset[str] = frozenset()
    unlawful: bool = False
    line: int = field(default=0, compare=False)  # its line in predicates.tsv (0: made in code)


_REQUIREMENT_KEYS = {"obj": "objects", "prep": "particles", "subj": "subjects",
                     "pobj": "pobjects", "mod": "modifiers"}
_FLAGS = {"light": "light", "rev": "reverse", "intr": "intransitive", "unlawful": "unlawful"}


def _parse_requirement(text: str) -> dict[str, object]:
    """`-`, or `;`-joined items: obj=a|b, prep=a|b, subj=a|b, pobj=a|b, mod=a|b, light, rev,
    intr, unlawful."""
    out: dict[str, object] = {}
    for item in ([] if text == "-" else text.split(";")):
        if item in _FLAGS:
            out[_FLAGS[item]] = True
            continue
        key, _, values = item.partition("=")
        if key not in _REQUIREMENT_KEYS or not values:
            raise ValueError(f"unknown requirement {item!r}")
        out[_REQUIREMENT_KEYS[key]] = frozenset(values.split("|"))
    return out


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
        pred = replace(parse_line(line, f"{source}:{number}"), line=number)
        table.setdefault((pred.lemma, pred.pos), []).append(pred)
    return {key: tuple(preds) for key, preds in table.items()}
