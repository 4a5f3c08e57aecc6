"""Sentence triage: a cheap lexical pass that decides which sentences need spaCy at all.

Parsing every sentence bounds throughput, yet most news sentences hold no event predicate.
`Triage.mask(text)` splits an article into sentences with a regular expression and keeps:

- the lead (the headline and the first `lead` sentences, where the article's home country is
  usually named: `sitroom.extract.home_country` reads the first entities of the document);
- every sentence holding a surface form of a predicate-lexicon lemma (inflections generated
  by rule plus the spaCy lemmatizer's irregular forms), whose object/subject requirement words,
  when the lexicon line has any, also occur in the sentence;
- every sentence that may state a figure (a number word, or a digit outside a date): claims and
  casualty counts are read from any sentence (`sitroom.nlp.quantities`), not only event ones;
- `context` sentences before each kept one (pronoun antecedents, split abbreviations).

Dropped sentences are blanked with spaces (newlines kept), so the text handed to spaCy has the
article's exact length (each blank is made a sentence of its own, so kept sentences end where
they would in a full parse): every character offset (evidence spans, actor spans, the event id,
which hashes the trigger's offset) is the article's own, with no mapping back needed. A blank
run becomes one whitespace token, so spaCy's cost falls with the dropped text.

The extractor runs unchanged on the masked text; it only reads the kept sentences' tokens and
entities. Kept sentences are parsed without the dropped neighbours as context (spaCy's CNN
sees about four tokens either side), so a parse near a boundary can rarely differ; the recall
cost is measured on the gold set (docs/scaling.md).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from .lexicon import load_lexicon

_WORD = re.compile(r"[A-Za-z]+")
# A sentence ends at . ! ? (optionally closed by quotes/brackets) before whitespace and a
# capital, digit or opening quote; or at a line break.
_BOUNDARY = re.compile(r"""(?<=[.!?])(["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9])|()\n+""")
# Claims and casualty figures (`sitroom.nlp.quantities.find_quantities`) come from any sentence
# stating a number, so such sentences are kept: a digit that is not just a year or a day of a
# month, or a number word. (find_quantities's own pre-test is looser: it also passes "someone",
# "often"; those sentences hold no number token, so it finds nothing there.)
_NUMBER_WORD = re.compile(
    r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|"
    r"billions?|dozens?|scores?)\b")
_MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
           "june|july|august|september|october|november|december")
_DATE_NUMBER = re.compile(
    rf"(?i)\b(?:1[89]\d\d|20\d\d)s?\b|\b(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{_MONTHS})\b")


def states_number(sentence: str) -> bool:
    """True when a sentence may state a figure: a number word, or a digit outside a date."""
    if _NUMBER_WORD.search(sentence):
        return True
    return bool(re.search(r"\d", _DATE_NUMBER.sub(" ", sentence)))


_ABBREV = frozenset("""mr mrs ms dr st gen col lt sgt capt gov sen rep prof jr sr inc corp co
ltd no vs etc maj adm cmdr fr rev hon pres sec dept mt ft u s k n e w jan feb mar apr jun jul
aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun""".split())


def _inflections(lemma: str) -> set[str]:
    """Regular English inflections of a lemma (over-generation only keeps a few more sentences)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", lemma + "ing",
             lemma + "er", lemma + "ers"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma[:-1] + "ion"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("s"):
        forms.add(lemma[:-1])
    return forms


def _irregular_forms() -> dict[str, set[str]]:
    """lemma -> irregular forms, from the spaCy model's lemmatizer exception table."""
    try:
        from .pipeline import load_pipeline

        table = load_pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    except Exception:  # noqa: BLE001  (no model or a lookup-mode lemmatizer: rules only)
        return {}
    out: dict[str, set[str]] = {}
    for pos in ("verb", "noun", "adj"):
        for form, lemmas in (table.get(pos) or {}).items():
            for lemma in lemmas:
                out.setdefault(lemma, set()).add(form.lower())
    return out


@dataclass(frozen=True)
class _Rule:
    objects: frozenset[str]  # any of these words must occur too (empty: none needed)
    subjects: frozenset[str]
    particles: frozenset[str] = frozenset()


# dependency labels a lexicon `prep=` requirement may name instead of a word: not checkable here
_DEP_LABELS = frozenset("""xcomp ccomp dobj prt agent dative pobj pcomp advcl acomp attr oprd
nsubj nsubjpass csubj advmod npadvmod""".split())


def _forms_of(words: Iterable[str], irregular: dict[str, set[str]]) -> frozenset[str]:
    out: set[str] = set()
    for word in words:
        out |= _inflections(word) | irregular.get(word, set())
    return frozenset(out)


@lru_cache(maxsize=4)
def trigger_rules(lexicon_path: str | None = None) -> dict[str, tuple[_Rule, ...]]:
    """Surface form -> the requirements of each lexicon line it may trigger."""
    irregular = _irregular_forms()
    rules: dict[str, list[_Rule]] = {}
    for (lemma, _pos), preds in load_lexicon(lexicon_path).items():
        for pred in preds:
            objects = frozenset(getattr(pred, "objects", ()) or ())
            subjects = frozenset(getattr(pred, "subjects", ()) or ())
            particles = frozenset(getattr(pred, "particles", ()) or ())
            rule = _Rule(objects=frozenset() if objects in (frozenset(), frozenset({"*"}))
                         else _forms_of(objects, irregular),
                         subjects=_forms_of(subjects, irregular) if subjects else frozenset(),
                         particles=particles if particles and not particles & _DEP_LABELS
                         and all(p.isalpha() for p in particles) else frozenset())
            for form in _forms_of([lemma.lower()], irregular):
                rules.setdefault(form, []).append(rule)
    return {form: tuple(dict.fromkeys(rs)) for form, rs in rules.items()}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cheap sentence bounds [start, end) covering `text` (regex; abbreviations respected)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if "\n" not in match.group(0):
            before = text[max(start, match.start() - 6):match.start()]
            word = re.search(r"([A-Za-z]+)\.[\"'”’)\]]*$", before)
            if word and (len(word.group(1)) == 1 or word.group(1).lower() in _ABBREV):
                continue
        end = match.end(1) if match.group(1) is not None else match.end(2)
        if end > start:
            spans.append((start, end))  # closing quotes stay with their sentence
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


class Triage:
    """Decides which sentences of an article go to spaCy; see the module docstring."""

    def __init__(self, lead: int = 2, context: int = 0, lexicon_path: str | None = None,
                 quantities: bool = True) -> None:
        self.lead = lead
        self.context = context
        self.quantities = quantities
        self.rules = trigger_rules(lexicon_path)

    def keep_sentence(self, sentence: str) -> bool:
        """True when a lexicon predicate (with its required words) may fire in this sentence,
        or (with `quantities`) when it may state a figure a claim or an event count reads."""
        if self.quantities and states_number(sentence):
            return True
        words = {w.lower() for w in _WORD.findall(sentence)}
        for word in words:
            for rule in self.rules.get(word, ()):
                if (not rule.objects or words & rule.objects) and \
                        (not rule.subjects or words & rule.subjects) and \
                        (not rule.particles or words & rule.particles):
                    return True
        return False

    def keep(self, text: str) -> list[tuple[int, int, bool]]:
        """Every cheap sentence with its keep decision."""
        spans = sentence_spans(text)
        flags = [i < self.lead or self.keep_sentence(text[a:b]) for i, (a, b) in enumerate(spans)]
        if self.context:
            wanted = list(flags)
            for i, flag in enumerate(flags):
                if flag:
                    for j in range(max(0, i - self.context), i):
                        wanted[j] = True
            flags = wanted
        return [(a, b, f) for (a, b), f in zip(spans, flags)]

    def blanks(self, text: str) -> tuple[str, list[tuple[int, int]]]:
        """`text` with dropped sentences blanked (same length, newlines kept), and the blanks."""
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        pos = 0
        for start, end, kept in self.keep(text):
            if kept:
                continue
            parts.append(text[pos:start])
            parts.append(re.sub(r"[^\n]", " ", text[start:end]))
            spans.append((start, end))
            pos = end
        if not parts:
            return text, []
        parts.append(text[pos:])
        return "".join(parts), spans

    def mask(self, text: str) -> str:
        """`text` with dropped sentences blanked (same length, newlines kept)."""
        return self.blanks(text)[0]

    def doc(self, nlp: Any, text: str) -> Any:
        """A tokenized Doc of the masked text, each blank its own sentence, ready for `nlp.pipe`.

        Kept sentences thus end where they would in the full parse, and a sentence span never
        runs on into a blank (whose length would change the evidence rule for long sentences).
        """
        masked, spans = self.blanks(text)
        doc = nlp.make_doc(masked)
        if not spans:
            return doc
        k = 0
        after_blank = False
        for token in doc:
            while k < len(spans) and spans[k][1] <= token.idx:
                k += 1
            in_blank = k < len(spans) and token.is_space and \
                token.idx < spans[k][1] and token.idx + len(token.text) > spans[k][0]
            if in_blank or after_blank:
                if token.i:
                    token.is_sent_start = True
            after_blank = in_blank
        return doc

    def kept_fraction(self, texts: Iterable[str]) -> float:
        """Share of characters kept over these texts (for reports)."""
        kept = total = 0
        for text in texts:
            total += len(text)
            kept += sum(b - a for a, b, f in self.keep(text) if f)
        return kept / total if total else 1.0


def extract_triaged(extractor: object, articles: Iterable[object],
                    triage: Triage | None = None, batch_size: int = 32) -> Iterator[object]:
    """Like `Extractor.extract`, parsing only the sentences triage keeps.

    Yields Extraction | ExtractionError per article, in input order; records carry the
    original article (full text), and all offsets are the article's.
    """
    from ..errors import ExtractionError

    triage = triage or Triage()
    pairs = ((a.text, a) for a in articles)  # type: ignore[attr-defined]
    # the extractor's parse (`sitroom.nlp.chunks`: a long text in pieces), each text masked
    for doc, article in extractor.parse_pairs(  # type: ignore[attr-defined]
            pairs, batch_size=batch_size, piece=triage.doc):
        try:
            yield extractor.from_parsed(doc, article)  # type: ignore[attr-defined]
        except Exception as exc:  # noqa: BLE001  (a coder bug must not stop a batch)
            yield ExtractionError(f"{article.origin}: extraction failed: {exc!r}")


def extract_text_triaged(extractor: object, text: str, on: date,
                         origin: str = "<text>") -> object:
    """`Extractor.extract_text` with triage (for comparisons and tests)."""
    from ..ingest.common import article_id
    from ..records import Article

    article = Article(id=article_id(on, text), date=on, title="", text=text, source=None,
                      origin=origin)
    return next(iter(extract_triaged(extractor, [article])))


class TriagedExtractor:
    """Wraps an Extractor so that `extract` parses only kept sentences (for `sitroom.eval`)."""

    def __init__(self, extractor: object, triage: Triage | None = None) -> None:
        self.inner = extractor
        self.triage = triage or Triage()

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def extract(self, articles: Iterable[object], batch_size: int = 32) -> Iterator[object]:
        """Extraction | ExtractionError per article, parsing only the kept sentences."""
        return extract_triaged(self.inner, articles, self.triage, batch_size)
