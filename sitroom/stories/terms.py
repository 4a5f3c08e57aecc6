"""The terms of an article: its content words counted, the title's twice (story vectors and the
reference document frequencies are both made of these)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from .text import normalise

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my no nor not now of off on once only or other our ours out over own same she
should so some such than that the their theirs them then there these they this those through to
too under until up very was we were what when where which while who whom why will with would you
your said says say told according new one two three four five six seven eight nine ten first
last year years day days week weeks month months time also mr mrs ms monday tuesday wednesday
thursday friday saturday sunday today yesterday tomorrow people many much may might must
shall since still yet however although though within without around among per via including
""".split())


def terms(title: str, text: str, words: Sequence[str] | None = None) -> Counter[str]:
    """Content-word counts of an article, title words counted twice (`words`: the text's
    normalised words, when already known)."""
    counts = Counter(normalise(text) if words is None else words)
    for w in normalise(title):
        counts[w] += 2
    for w in [w for w in counts if not _content(w)]:
        del counts[w]
    return counts


@lru_cache(maxsize=1 << 18)
def _content(word: str) -> bool:
    """A word that counts as a term: three letters or more, not a number, not a stop word."""
    return len(word) > 2 and not word.isdigit() and word not in STOPWORDS
