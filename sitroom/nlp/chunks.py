"""Long articles: a text over `LONG_TEXT_CHARS` (or the pipeline's `max_length`) is parsed and
coded in pieces.

spaCy refuses a text longer than `nlp.max_length` (1,000,000 characters; error E088), its
parser's memory grows with the text, and the coder's article-wide passes grow faster than the
text (one 200,000-character Doc: 140 s of coding; four of 50,000: 4 s). So a long text is cut
into consecutive pieces of at most `CHUNK_CHARS` characters, at a paragraph break where there is
one (else between sentences, else at whitespace), and each piece is parsed as its own Doc.
`pipe_articles` yields such an article as `Pieces` (each piece's offset in the text with its
Doc, parsed one at a time as they are read); the coder codes each piece and shifts every offset
by the piece's start (`sitroom.coder.extractor.Extractor.from_pieces`), so evidence, actor and
claim spans slice the whole text. A sentence is never cut (unless one sentence alone is longer than a piece), and
every line of an article begins a sentence anyway (`sitroom.nlp.sentences`), so a piece parses
as it would in the whole text but for the few tokens of context spaCy's network sees across a
cut. Texts up to the limit are parsed and coded in one piece, as before.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

LONG_TEXT_CHARS = 120_000
"""Longest text coded in one piece (the longest article of the Wikinews corpus is 103,219)."""
CHUNK_CHARS = 50_000
"""Longest piece a longer text is parsed and coded in."""

T = TypeVar("T")


@dataclass(frozen=True)
class Pieces:
    """A long text to parse in pieces: iterating gives (offset of the piece in the text, its
    Doc), each parsed as it is asked for, so one piece's parse is in memory at a time."""

    nlp: Language
    text: str
    bounds: tuple[tuple[int, int], ...]
    piece: Any = None

    def __iter__(self) -> Iterator[tuple[int, Doc]]:
        for a, b in self.bounds:
            part = self.text[a:b]
            yield a, self.nlp(self.piece(self.nlp, part) if self.piece else part)


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece from `start` (at most `limit` characters) ends: after the last line break
    (with the whitespace after it) in reach, else after the last sentence end, else at the last
    whitespace, else at `limit`."""
    end = start + limit
    window = text[start:end]
    least = limit // 4  # a cut this close to the start would only make tiny pieces
    line = window.rfind("\n")
    if line > least:
        cut = start + line + 1
        while cut < len(text) and text[cut].isspace() and cut - start < limit:
            cut += 1
        return cut
    from .triage import sentence_spans

    starts = [a for a, _ in sentence_spans(window) if a > least]
    if starts:
        return start + starts[-1]
    space = max(window.rfind(" "), window.rfind("\t"))
    return start + space + 1 if space > least else end


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Consecutive [start, end) pieces tiling `text`, each at most `limit` characters."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, limit)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def is_long(nlp: Language, text: str) -> bool:
    """True when `text` is parsed and coded in pieces."""
    return len(text) > min(LONG_TEXT_CHARS, nlp.max_length)


def pipe_articles(nlp: Language, items: Iterable[tuple[Any, T]], batch_size: int = 32,
                  piece: Any = None) -> Iterator[tuple[Doc | Pieces, T]]:
    """`nlp.pipe(items, as_tuples=True)` over (text or Doc, context) pairs, in order; a long
    text (`is_long`) comes back as `Pieces`, parsed when they are read. `piece(nlp, text)`
    turns each text (or piece of one) into what the pipeline takes (default: the text; triage
    gives a masked Doc)."""
    def parts() -> Iterator[tuple[Any, tuple[Pieces | None, T]]]:
        for content, context in items:
            if isinstance(content, str) and is_long(nlp, content):
                # an empty Doc keeps its place in the stream; the pieces are parsed later
                yield nlp.make_doc(""), (Pieces(nlp, content, tuple(chunk_bounds(content)),
                                                piece), context)
            elif isinstance(content, str) and piece:
                yield piece(nlp, content), (None, context)
            else:
                yield content, (None, context)

    for doc, (pieces, context) in nlp.pipe(parts(), as_tuples=True, batch_size=batch_size):
        yield (pieces or doc), context


def parse(nlp: Language, text: str) -> Doc | Pieces:
    """`nlp(text)`, a long text parsed in pieces."""
    return next(pipe_articles(nlp, [(text, None)]))[0]
