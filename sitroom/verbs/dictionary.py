"""Read a PETRARCH/TABARI verb dictionary (CAMEO.2.0.txt, PETR.Validate.verbs.txt) into records.

The format, as PETRARCH's own documentation describes it:
- `&NAME` starts a synonym set; its `+WORDS` lines are its phrases (words joined by `_` or
  spaces; a regular plural is added unless the phrase or the label ends in `_`).
- `--- DESCRIPTION [CODE] ---` starts a verb block; `[CODE]` is the block's code (`---`: the
  bare verb codes nothing).
- Verb lines: `VERB {IRREGULAR FORMS} [CODE]`; `+PHRASE` and `WORD_+VERB` are phrasal verbs,
  the `+` marking the inflected word ("+BREAK_DOWN", "WIRE_+TAP"). Regular forms (-s, -ed,
  -ing) are generated.
- Patterns: `- WORDS * WORDS [CODE]`, `*` (or `**`) standing for the verb. A space between
  words lets others come between them; `_` makes them adjacent. `$` is the source, `+` the
  target, `%` a compound actor, `^` any one word or phrase, `&NAME` any phrase of a synset.
- Comments: `#` and `;` to the end of a line, `<!-- ... -->` blocks.

Codes are kept verbatim ("0233", "223", "102b"); a `[CODE:CODE]` pair keeps its first part. A
pattern with a malformed synset reference is skipped, as PETRARCH does; a verb line or a pattern
that cannot be read raises KnowledgeBaseError naming the file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..actors.petrarch import dictionary_lines
from ..errors import KnowledgeBaseError

_BLOCK = re.compile(r"^-{3}\s*(.*?)\s*-{3}\s*$")
_CODE = re.compile(r"\[([^\]]*)\]")
NULL_CODES = frozenset({"---", ""})
ACTOR_SLOTS = frozenset({"$", "+", "%"})


@dataclass(frozen=True)
class Slot:
    """One element of a pattern: `kind` is "word" (any of `phrases`), "$", "+", "%" or "^";
    `joined`: it must come right next to the element before it (or the verb)."""

    kind: str
    phrases: tuple[tuple[str, ...], ...] = ()
    joined: bool = False


@dataclass(frozen=True)
class Pattern:
    """`pre` are the elements before the verb, nearest the verb last; `post` those after it."""

    pre: tuple[Slot, ...]
    post: tuple[Slot, ...]
    code: str | None
    reverse: str | None
    line: int
    text: str

    @property
    def size(self) -> int:
        """How much of a sentence the pattern pins down: its word and actor elements."""
        return sum(1 for s in self.pre + self.post if s.kind != "^")


@dataclass(frozen=True)
class Verb:
    """A verb (or phrasal verb) of a block: `words` in order, `head` the inflected one."""

    words: tuple[str, ...]
    head: int
    base: str
    code: str | None
    reverse: str | None
    block: int
    line: int


@dataclass(frozen=True)
class VerbDictionary:
    """Surface form of a verb's head word -> the verbs it may be; block -> its patterns."""

    path: str
    forms: dict[str, tuple[Verb, ...]]
    lemmas: dict[str, tuple[Verb, ...]]
    patterns: dict[int, tuple[Pattern, ...]]
    blocks: dict[int, str]

    def verbs_for(self, form: str, lemma: str) -> tuple[Verb, ...]:
        """The dictionary verbs a token may be, by its word as written, else by its lemma."""
        return self.forms.get(form.upper()) or self.lemmas.get(lemma.upper(), ())


def verb_forms(verb: str) -> set[str]:
    """A regular English verb's forms: base, -s, -ed, -ing."""
    v = verb.upper()
    forms = {v}
    if v.endswith("Y") and len(v) > 1 and v[-2] not in "AEIOU":
        forms |= {v[:-1] + "IES", v[:-1] + "IED", v + "ING"}
    elif v.endswith("E"):
        forms |= {v + "S", v + "D", v[:-1] + "ING"}
    elif v.endswith(("S", "X", "Z", "CH", "SH")):
        forms |= {v + "ES", v + "ED", v + "ING"}
    else:
        forms |= {v + "S", v + "ED", v + "ING"}
    return forms


def noun_forms(phrase: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A phrase and its regular plural (on its last word)."""
    last = phrase[-1]
    if last.endswith("Y") and len(last) > 1 and last[-2] not in "AEIOU":
        plural = last[:-1] + "IES"
    elif last.endswith(("SS", "X", "CH", "SH")):
        plural = last + "ES"
    else:
        plural = last + "S"
    return [phrase, phrase[:-1] + (plural,)]


Code = tuple[str | None, str | None]
"""(code, reverse): `[031:032]` codes the source toward the target 031 and the target toward
the source 032 ("X left for Y": X visits Y, Y hosts X)."""


def _code(text: str, default: Code) -> Code:
    m = _CODE.search(text)
    if m is None:
        return default
    forward, _, back = m.group(1).partition(":")
    forward, back = forward.strip(), back.strip()
    return (None if forward in NULL_CODES else forward,
            None if back in NULL_CODES else back)


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s_]+", text.upper()) if w)


def _synset_phrases(label: str, lines: list[str]) -> tuple[tuple[str, ...], ...]:
    out: list[tuple[str, ...]] = []
    no_plural = label.endswith("_")
    for raw in lines:
        phrase = _words(raw)
        if not phrase:
            continue
        out.extend([phrase] if no_plural or raw.rstrip().endswith("_") else noun_forms(phrase))
    return tuple(dict.fromkeys(out))


def _verb_line(text: str, block: int, code: Code, number: int) -> list[Verb]:
    """`VERB {FORMS} [CODE]`, `+PHRASE {+FORMS}`, `WORD_+VERB {...}`: one Verb per form."""
    own = _code(text, code) if _CODE.search(text) else code
    body = _CODE.sub(" ", text)
    irregular = re.search(r"\{([^}]*)\}", body)
    body = re.sub(r"\{[^}]*\}", " ", body).strip()
    if not body:
        return []
    base = ""
    stems = [body] + (irregular.group(1).split() if irregular else [])
    out = []
    for i, stem in enumerate(stems):
        stem = stem.strip()
        parts = [p for p in re.split(r"[\s_]+", stem) if p]
        if not parts:
            continue
        head = next((j for j, p in enumerate(parts) if p.startswith("+")), 0)
        parts = [p.lstrip("+").upper() for p in parts]
        if not all(parts):
            raise KnowledgeBaseError("", f"line {number}: empty word in verb {text.strip()!r}")
        if i == 0:
            base = parts[head]
        forms = verb_forms(parts[head]) if i == 0 else {parts[head]}
        for form in sorted(forms):
            words = tuple(parts[:head] + [form] + parts[head + 1:])
            out.append(Verb(words=words, head=head, base=base, code=own[0], reverse=own[1],
                            block=block, line=number))
    return list(dict.fromkeys(out))


_ELEMENT = re.compile(r"([\s_]*)([^\s_]+)")


def _slot(element: str, joined: bool,
          synsets: dict[str, tuple[tuple[str, ...], ...]]) -> Slot | None:
    if element in ACTOR_SLOTS or element == "^":
        return Slot(element, (), joined)
    if element.startswith("&"):
        phrases = synsets.get(element.rstrip("_"))
        return None if phrases is None else Slot("word", phrases, joined)
    return Slot("word", ((element,),), joined)


def parse_pattern(text: str, synsets: dict[str, tuple[tuple[str, ...], ...]],
                  default: Code, number: int) -> Pattern | None:
    """`- PRE * POST [CODE]` -> Pattern; None for one PETRARCH would skip (no `*`, or an
    undefined synset). A pre-verb element's `joined` ties it to the element after it (toward
    the verb); a post-verb element's to the one before it."""
    body = _CODE.sub(" ", text.strip()[1:])
    elements = [(element.upper(), "_" in sep) for sep, element in _ELEMENT.findall(body)]
    star = next((i for i, (e, _) in enumerate(elements) if set(e) == {"*"}), None)
    if star is None:
        return None
    pre: list[Slot] = []
    for i, (element, _) in enumerate(elements[:star]):
        slot = _slot(element, elements[i + 1][1], synsets)
        if slot is None:
            return None
        pre.append(slot)
    post: list[Slot] = []
    for element, joined in elements[star + 1:]:
        slot = _slot(element, joined, synsets)
        if slot is None:
            return None
        post.append(slot)
    code = _code(text, default)
    return Pattern(pre=tuple(pre), post=tuple(post), code=code[0], reverse=code[1], line=number,
                   text=" ".join(text.split()))


def load_verb_dictionary(path: str | Path) -> VerbDictionary:
    """Read a PETRARCH verb dictionary; KnowledgeBaseError names the file and line of a fault."""
    return _load(str(Path(path)))


@lru_cache(maxsize=4)
def _load(path: str) -> VerbDictionary:
    lines = dictionary_lines(Path(path), keep_blank=True)
    synsets: dict[str, tuple[tuple[str, ...], ...]] = {}
    # synsets may be defined anywhere in the file: read them all first
    i = 0
    while i < len(lines):
        number, line = lines[i]
        if line.strip().startswith("&") and not line.startswith("-"):
            label = line.strip().split()[0].upper()
            members = []
            i += 1
            while i < len(lines) and lines[i][1].strip().startswith("+"):
                members.append(lines[i][1].strip()[1:])
                i += 1
            synsets[label.rstrip("_")] = _synset_phrases(label, members)
            continue
        i += 1
    forms: dict[str, list[Verb]] = {}
    patterns: dict[int, list[Pattern]] = {}
    blocks: dict[int, str] = {}
    block, in_synset = -1, False
    block_code: Code = (None, None)
    for number, line in lines:
        stripped = line.strip()
        if not stripped:
            in_synset = False
            continue
        header = _BLOCK.match(stripped)
        if header is not None:
            block, in_synset = number, False
            blocks[block] = _CODE.sub("", header.group(1)).strip()
            block_code = _code(header.group(1), (None, None))
            continue
        if stripped.startswith("&"):
            in_synset = True
            continue
        if in_synset and stripped.startswith("+"):
            continue
        in_synset = False
        if block < 0:
            raise KnowledgeBaseError(path, f"line {number}: {stripped!r} comes before any "
                                           "'--- VERB [CODE] ---' block header")
        if stripped.startswith("-"):
            pattern = parse_pattern(stripped, synsets, block_code, number)
            if pattern is not None:
                patterns.setdefault(block, []).append(pattern)
            continue
        try:
            verbs = _verb_line(stripped, block, block_code, number)
        except KnowledgeBaseError as exc:
            raise KnowledgeBaseError(path, exc.problem) from None
        for verb in verbs:
            forms.setdefault(verb.words[verb.head], []).append(verb)
    if not forms:
        raise KnowledgeBaseError(path, "no verbs found: is this a PETRARCH verb dictionary?")
    lemmas: dict[str, list[Verb]] = {}
    for verbs in forms.values():
        for verb in verbs:
            if verb.words[verb.head] == verb.base:
                lemmas.setdefault(verb.base, []).append(verb)
    return VerbDictionary(
        path=path, forms={k: tuple(v) for k, v in forms.items()},
        lemmas={k: tuple(dict.fromkeys(v)) for k, v in lemmas.items()},
        patterns={k: tuple(sorted(v, key=lambda p: -p.size)) for k, v in patterns.items()},
        blocks=blocks)
