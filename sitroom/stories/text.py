"""Near-duplicate articles: word shingles over normalised text, MinHash + LSH, exact check.

Wire copies and lightly edited reposts share most of their 5-word shingles; two outlets writing
their own report of the same event share few (measured in docs/stories.md).
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS = 16  # 16 bands x 4 rows: pairs above Jaccard ~0.5 become candidates
JACCARD = 0.6
CONTAINMENT = 0.8
MIN_SHINGLES = 20
_PRIME = (1 << 31) - 1
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .,'-]{1,40}\s*\((?:AP|AFP|Reuters|UPI)\)\s*[-—–]*\s*")


def normalise(text: str) -> list[str]:
    """Lower-case words of the text: accents, punctuation, a wire dateline and case dropped."""
    text = _DATELINE.sub("", text)
    if not text.isascii():  # the accent-stripping pass is slow; most English news is ASCII
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _WORD.findall(text.lower())


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[int]:
    """Hashed k-word shingles of the normalised text (one shingle for texts under k words)."""
    words = normalise(text)
    if len(words) < k:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i:i + k]).encode()) for i in range(len(words) - k + 1)}


_rng = np.random.default_rng(20241101)
_A = _rng.integers(1, _PRIME, NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, NUM_PERM, dtype=np.uint64)


def minhash(items: set[int]) -> np.ndarray:
    """NUM_PERM minimum hash values of a shingle set, (a*x + b) mod p with p = 2^31 - 1."""
    if not items:
        return np.full(NUM_PERM, _PRIME, dtype=np.uint64)
    x = np.fromiter(items, dtype=np.uint64, count=len(items)) % _PRIME
    return ((np.outer(x, _A) + _B) % _PRIME).min(axis=0)


@dataclass(frozen=True)
class DuplicatePair:
    """Two articles that are copies of one text: `b` is the later (or larger id) copy of `a`."""

    a: str
    b: str
    jaccard: float
    containment: float


def is_near_duplicate(x: set[int], y: set[int]) -> tuple[bool, float, float]:
    """(duplicate?, Jaccard, containment of the smaller in the larger) for two shingle sets."""
    if not x or not y:
        return False, 0.0, 0.0
    inter = len(x & y)
    jaccard = inter / len(x | y)
    small = min(len(x), len(y))
    containment = inter / small
    dup = jaccard >= JACCARD or (containment >= CONTAINMENT and small >= MIN_SHINGLES)
    return dup, jaccard, containment


def near_duplicates(texts: Sequence[tuple[str, str]]) -> list[DuplicatePair]:
    """Pairs of near-duplicate texts among `(id, text)` items, found by MinHash LSH banding and
    confirmed on the exact shingle sets; ids in each pair in input order."""
    sets = [shingles(text) for _, text in texts]
    rows = NUM_PERM // BANDS
    buckets: dict[tuple[int, bytes], list[int]] = {}
    for i, items in enumerate(sets):
        if not items:
            continue
        sig = minhash(items)
        for band in range(BANDS):
            key = (band, sig[band * rows:(band + 1) * rows].tobytes())
            buckets.setdefault(key, []).append(i)
    candidates: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) > 1:
            candidates.update((p, q) for n, p in enumerate(members) for q in members[n + 1:])
    out = []
    for p, q in sorted(candidates):
        dup, jac, cont = is_near_duplicate(sets[p], sets[q])
        if dup:
            out.append(DuplicatePair(texts[p][0], texts[q][0], round(jac, 3), round(cont, 3)))
    return out
