"""A figure its sentence tells as a part of a larger one (docs/claims.md, "Sub-quantities"):
"al-Tunisi and two others" of "the bombing killed three", "close to fifty of the accused" of
"148 executed", "six Mexican nationals were killed ... and seven more injured" of "25 others
injured". Such a figure is a sub-quantity of the article's larger figure of the same thing,
never a figure against it."""
from __future__ import annotations

import re

from ..nlp.numbers import parse_number
from ..records import Claim

_NUM = r"((?:[\d.,]+|[a-z]+(?:-[a-z]+)?))"
_OTHERS = re.compile(rf"\b(?:and|with|plus)\s+(?:(?:at least|about|some|another)\s+)?{_NUM}"
                     r"\s+others?\b", re.IGNORECASE)
"""The named ones and N others: the others are part of the toll ("killing al-Tunisi and two
others": three dead)."""
_PARTITIVE = re.compile(rf"\b{_NUM}\s+of\s+(?:the|those|them|whom|which|these)\b",
                        re.IGNORECASE)
"""N of a set told before: part of it ("close to fifty of the accused")."""
_SUBSET = re.compile(r"\b(?:[A-Z][a-z]+)\s+(?:nationals|citizens|compatriots)\b|"
                     r"\bamong (?:the|them|those)\b")
"""A sentence that counts the people of one country, or some among the others: a subset
("six Mexican nationals were killed ... and seven more were injured")."""


def _is_figure(text: str, value: float) -> bool:
    parsed = parse_number(text.strip())
    return parsed is not None and float(parsed[0]) == value


def told_as_part(part: Claim, whole: Claim) -> bool:
    """`part`'s sentence tells its figure as part of a set: "and N others", "N of the
    accused", or a count of one country's nationals or of some among others that `whole`'s
    sentence does not tell."""
    text = part.evidence.text
    if any(_is_figure(m.group(1), part.value) for pattern in (_OTHERS, _PARTITIVE)
           for m in pattern.finditer(text)):
        return True
    return any(m.group(0) not in whole.evidence.text for m in _SUBSET.finditer(text))


_ANOTHER = re.compile(r"\b(?:other|another|additional|further)\b", re.IGNORECASE)


def another_set(a: Claim, b: Claim) -> bool:
    """One of two figures of one article says it counts another set than those told before
    ("Two other PETA members were there handing out leaflets" after "Two ... PETA members held
    billboards"): a shared name or the same figure does not make them one quantity."""
    return a.article_id == b.article_id and a.claim_id != b.claim_id and \
        bool(_ANOTHER.search(a.about) or _ANOTHER.search(b.about))
