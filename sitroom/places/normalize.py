"""Name normalisation shared by the index builder and the lookup (case/diacritics-insensitive)."""
from __future__ import annotations

import re
import unicodedata

_DROP = str.maketrans({c: "" for c in "'’‘`´ʼʻʿʾ\".,"})
_SPACE = str.maketrans({c: " " for c in "-‐‑–—_/()"})
_WS = re.compile(r"\s+")
_LATIN = re.compile(r"^[a-z0-9 ]+$")
_ARTICLE = re.compile(r"^(?:the|al|el|ad|as|ar|an|az|at)\s+(?=\S{3})")


def normalize(name: str) -> str:
    """Casefold, strip diacritics and apostrophes/dots, hyphens to spaces, collapse spaces."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().replace("ß", "ss").replace("ı", "i").replace("ø", "o").replace("æ", "ae")
    s = s.replace("đ", "d").replace("ł", "l").replace("œ", "oe")
    s = s.translate(_DROP).translate(_SPACE)
    s = _WS.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def latin_only(name: str) -> bool:
    """True for names written in (accented) Latin script only."""
    return bool(_LATIN.match(normalize(name)))


def name_keys(name: str) -> list[str]:
    """The index keys for a name: its normal form, plus the form without a leading Arabic
    article ("al-Mukha" -> "mukha"), so transliterations with and without it meet."""
    key = normalize(name)
    if not key:
        return []
    out = [key]
    bare = _ARTICLE.sub("", key)
    if bare != key and len(bare) >= 4:
        out.append(bare)
    return out
