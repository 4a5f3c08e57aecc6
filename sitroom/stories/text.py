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
    if not text.isascii():  # most English news is ASCII: skip the decomposition then
        text = unicodedata.normalize("NFKD", text)
        marks = {ord(c): None for c in set(text) if unicodedata.combining(c)}
        if marks:
            text = text.translate(marks)
    return _WORD.findall(text.lower())


def _mod_p(x: np.ndarray) -> np.ndarray:
    """x mod 2^31 - 1 for uint64 x < 2^62, by folding (a Mersenne prime): no division."""
    x = (x & _PRIME) + (x >> 31)
    x = (x & _PRIME) + (x >> 31)
    return np.where(x >= _PRIME, x - _PRIME, x)


def word_hashes(words: Sequence[str]) -> np.ndarray:
    """crc32 of each word, as uint64."""
    return np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64,
                       count=len(words))


_SHINGLE_BASE = 1_000_003
_SHINGLE_MUL = np.array([pow(_SHINGLE_BASE, k, _PRIME) for k in range(SHINGLE_WORDS)],
                        dtype=np.uint64)


def _polynomial(h: np.ndarray, k: int) -> np.ndarray:
    """The k-word shingle hash at every position of an array of word hashes (mod p)."""
    n = len(h) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    mul = [np.uint64(pow(_SHINGLE_BASE, e, _PRIME)) for e in range(k)]
    for j in range(k):  # acc < 2^31 and the multiplier < 2^31: no uint64 overflow
        acc = _mod_p(acc + h[j:j + n] * mul[k - 1 - j])
    return acc


def shingle_arrays(texts: Sequence[Sequence[str]], k: int = SHINGLE_WORDS) -> list[np.ndarray]:
    """Sorted unique hashes (mod 2^31 - 1) of the k-word shingles of each text's normalised
    words: one shingle for a text under k words, none for an empty one. Bulk: every distinct
    word is hashed once (crc32) and the shingle polynomial runs over all texts at once."""
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    if not lengths.sum():
        return [np.empty(0, dtype=np.uint64) for _ in texts]
    every_word = [w for t in texts for w in t]
    vocab = {w: n for n, w in enumerate(dict.fromkeys(every_word))}
    ids = np.fromiter(map(vocab.__getitem__, every_word), dtype=np.int64, count=len(every_word))
    h = (word_hashes(list(vocab)) % _PRIME)[ids]
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    every = _polynomial(h, k) if len(h) >= k else np.empty(0, dtype=np.uint64)
    out = []
    for start, size in zip(starts.tolist(), lengths.tolist()):
        if size >= k:
            out.append(np.unique(every[start:start + size - k + 1]))
        elif size:
            out.append(_polynomial(h[start:start + size], size))
        else:
            out.append(np.empty(0, dtype=np.uint64))
    return out


def shingle_array(words: Sequence[str], k: int = SHINGLE_WORDS) -> np.ndarray:
    """`shingle_arrays` of one text."""
    return shingle_arrays([words], k)[0]


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[int]:
    """Hashed k-word shingles of the normalised text (one shingle for texts under k words)."""
    return set(shingle_array(normalise(text), k).tolist())


_rng = np.random.default_rng(20241101)
_A = _rng.integers(1, 1 << 63, NUM_PERM, dtype=np.uint64) | np.uint64(1)  # odd multipliers
_B = _rng.integers(0, 1 << 63, NUM_PERM, dtype=np.uint64)
_SHIFT = np.uint64(32)


def _permute(x: np.ndarray) -> np.ndarray:
    """NUM_PERM hash functions of each shingle (NUM_PERM x len(x)): multiply-add-shift,
    ((a*x + b) mod 2^64) >> 32 with odd a: three cheap operations per value, no division."""
    with np.errstate(over="ignore"):
        return ((_A[:, None] * x[None, :] + _B[:, None]) >> _SHIFT).astype(np.uint32)


def minhash(items: set[int] | np.ndarray) -> np.ndarray:
    """NUM_PERM minimum hash values of a shingle set (see `_permute`)."""
    if len(items) == 0:
        return np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    if not isinstance(items, np.ndarray):
        items = np.fromiter(items, dtype=np.uint64, count=len(items))
    return _permute(items.astype(np.uint64)).min(axis=1)


def minhash_many(arrays: Sequence[np.ndarray], chunk: int = 1 << 16) -> np.ndarray:
    """MinHash signatures (one row per shingle array, none empty), equal to `minhash` of each,
    computed in bulk: the shingles of many texts concatenated, hashed in chunks, and reduced
    per text."""
    sigs = np.empty((len(arrays), NUM_PERM), dtype=np.uint32)
    start = 0
    while start < len(arrays):
        stop, size = start, 0
        while stop < len(arrays) and (stop == start or size + len(arrays[stop]) <= chunk):
            size += len(arrays[stop])
            stop += 1
        x = np.concatenate(arrays[start:stop]).astype(np.uint64)
        offsets = np.cumsum([0] + [len(v) for v in arrays[start:stop - 1]])
        sigs[start:stop] = np.minimum.reduceat(_permute(x), offsets, axis=1).T
        start = stop
    return sigs


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


def overlap(x: np.ndarray, y: np.ndarray) -> tuple[bool, float, float]:
    """`is_near_duplicate` on two sorted unique shingle arrays."""
    if len(x) == 0 or len(y) == 0:
        return False, 0.0, 0.0
    inter = len(np.intersect1d(x, y, assume_unique=True))
    jaccard = inter / (len(x) + len(y) - inter)
    small = min(len(x), len(y))
    containment = inter / small
    dup = jaccard >= JACCARD or (containment >= CONTAINMENT and small >= MIN_SHINGLES)
    return dup, jaccard, containment


def near_duplicates(texts: Sequence[tuple[str, str]]) -> list[DuplicatePair]:
    """Pairs of near-duplicate texts among `(id, text)` items, found by MinHash LSH banding and
    confirmed on the exact shingle sets; ids in each pair in input order."""
    return near_duplicate_words([(i, normalise(text)) for i, text in texts])


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """LSH bucket keys of MinHash signatures: (documents x BANDS), each the band's rows as one
    byte string (4 * rows bytes), so that two documents share a bucket iff the bytes are equal."""
    rows = NUM_PERM // BANDS
    return np.ascontiguousarray(sigs).view(np.dtype((np.void, 4 * rows))).reshape(
        len(sigs), BANDS)


def near_duplicate_words(items: Sequence[tuple[str, Sequence[str]]],
                         bands: dict[str, list[bytes]] | None = None) -> list[DuplicatePair]:
    """`near_duplicates` on already normalised words (`normalise`), so that callers that also
    need the words for other purposes normalise each text once. `bands`, when given, receives
    each id's LSH bucket keys (none for a text without shingles), for `update_stories`."""
    arrays = shingle_arrays([words for _, words in items])
    keep = [i for i, a in enumerate(arrays) if len(a)]
    sigs = minhash_many([arrays[i] for i in keep])
    every = band_keys(sigs)
    if bands is not None:
        for row, i in enumerate(keep):
            bands[items[i][0]] = [k.tobytes() for k in every[row]]
    candidates: set[tuple[int, int]] = set()
    for band in range(BANDS):
        keys = every[:, band]
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        split = np.flatnonzero(ordered[1:] != ordered[:-1]) + 1
        for group in np.split(order, split):
            if len(group) > 1:
                members = sorted(keep[g] for g in group)
                candidates.update((p, q) for n, p in enumerate(members) for q in members[n + 1:])
    out = []
    for p, q in sorted(candidates):
        dup, jac, cont = overlap(arrays[p], arrays[q])
        if dup:
            out.append(DuplicatePair(items[p][0], items[q][0], round(jac, 3), round(cont, 3)))
    return out
