"""Tokens for actor phrases and dictionary entries: one tokenizer for both, so keys always agree.

A token is a word (letters/digits, with inner dots or apostrophes: "U.S.", "d'Ivoire"), or one
punctuation mark among ``, ; & ( ) /``. Hyphens separate words ("Kim Jong-un" == "Kim Jong Un"), a
final dot is dropped unless the word has inner dots ("Gen." == "Gen", "U.S." stays), possessive
"'s" becomes its own token, and keys are case- and accent-folded ("Khürelsükh" == "Khurelsukh").
"""
from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u201c": '"',
                         "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_TOKEN = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*\.?|[,;&()/]")
PUNCT = frozenset(",;&()/")


def fold(word: str) -> str:
    """Lowercase without accents: 'Khürelsükh' -> 'khurelsukh'."""
    if word.isascii():
        return word.lower()
    norm = unicodedata.normalize("NFKD", word)
    return "".join(c for c in norm if not unicodedata.combining(c)).lower()


def tokens(text: str) -> list[str]:
    """The tokens of a phrase, in their original case."""
    out: list[str] = []
    for m in _TOKEN.finditer(text.translate(_QUOTES)):
        word = m.group()
        if word.endswith(".") and "." not in word[:-1]:
            word = word[:-1]
        if len(word) > 2 and word.lower().endswith("'s"):
            out.append(word[:-2])
            out.append("'s")
        elif word.endswith("'") and len(word) > 1:
            out.append(word[:-1])
            out.append("'s")
        else:
            out.append(word)
    return out


def key(text: str) -> str:
    """The lookup key of a dictionary entry or an n-gram: folded tokens joined by spaces."""
    return " ".join(fold(t) for t in tokens(text))


def is_acronym(word: str) -> bool:
    """A short all-capitals word ('US', 'UN', 'CAR'): matched case-sensitively only."""
    return word.isalpha() and word.isupper() and len(word) <= 5


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()
