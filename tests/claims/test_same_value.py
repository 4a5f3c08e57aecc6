"""One value told twice for different things (issue 17, judged store seed 18: 15 impure groups),
through the real pipeline: a sum of money says what it is for, and two sums for different
things do not share a group though their values are equal."""
from __future__ import annotations

from datetime import date

import pytest

from sitroom.claims import group_claims
from sitroom.extract import Extractor

ON = date(2009, 10, 13)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _groups(extractor: Extractor, text: str, value: float) -> list[tuple[str, str]]:
    """(about, group id) of every claim of `value`, in text order."""
    claims = extractor.extract_text(text, ON).claims
    group_of = {c.claim_id: g.group_id for g in group_claims(claims) for c in g.claims}
    return [(c.about, group_of[c.claim_id]) for c in sorted(claims, key=lambda c: c.evidence.start)
            if c.value == value]


@pytest.mark.parametrize(("text", "value", "abouts"), [
    ("They include a $500 million loan from the Agricultural Bank of China to Russia's second "
     "biggest lender, VTB. Zhukov said that there were another forty or so projects, including "
     "two banking deals worth $500 million apiece, that were anticipated to be signed.",
     500e6, ("loan", "banking deals")),
    ("As part of the 2004 budget, the government introduced an AUD $3,000 maternity payment to "
     "all mothers who give birth to a child. The childcare rebate is capped at AUD $3,000 a "
     "year.", 3000, ("maternity payment", "childcare rebate")),
    ("Lancaster Colony's sales rose by $26 million in the quarter. The European tariffs will "
     "collect near $26 million, while the Canadian tariffs will amount to near $11.6 million.",
     26e6, ("sales", "tariffs")),
    ("He made a $300 donation to the charity in May. In June the court gave him a $300 fine "
     "for speeding.", 300, ("donation", "fine")),
    ("Bob Rae donated a total of $845 to the Liberals since the beginning of 2005, including "
     "$300 to MP John Godfrey. He also donated money to NDP candidates in the January "
     "election including $300 to Irene Mathyssen.", 300, ("John Godfrey", "Irene Mathyssen")),
])
def test_sums_for_different_things_are_two_quantities(text: str, value: float,
                                                       abouts: tuple[str, str],
                                                       extractor: Extractor) -> None:
    (about_a, group_a), (about_b, group_b) = _groups(extractor, text, value)
    assert abouts[0] in about_a and abouts[1] in about_b
    assert group_a != group_b


def test_one_sum_told_twice_is_one_quantity(extractor: Extractor) -> None:
    """The same loan told again, or a bare sum beside it, still groups."""
    text = ("China agreed a $500 million loan to VTB on Monday. The $500 million loan will be "
            "paid over five years. Officials said $500 million would reach VTB this year.")
    groups = {g for _, g in _groups(extractor, text, 500e6)}
    assert len(groups) == 1


def test_a_sum_joins_the_group_of_its_own_purpose(extractor: Extractor) -> None:
    """Judged store round 2: "Of the $1.4 billion repayment" is the repayment's sum, not the
    sum that funds Proposition 42 told first in the sentence before."""
    text = ("It provides $1.4 billion to fully fund Proposition 42 for the second consecutive "
            "year, and it provides an additional $1.4 billion for the early repayment of past "
            "loans. Of the $1.4 billion repayment, $440 million is designated for cities and "
            "counties.")
    (_, fund), (_, repay), (_, of_repay) = _groups(extractor, text, 1.4e9)
    assert of_repay == repay != fund


@pytest.mark.parametrize(("text", "value"), [
    ("Two naked female PETA members held billboards with the slogan. Two other PETA members "
     "were there handing out leaflets and showing a video presentation.", 2),
    ("Their solutions usually include the promising of millions and millions of dollars to "
     "hire more doctors. The least beneficial to this riding was the millions of dollars they "
     "provided to corporations.", 2e6),
])
def test_another_set_or_a_vague_plural_is_no_figure_told_again(
        text: str, value: float, extractor: Extractor) -> None:
    """ "Two other members" counts another pair; "millions" twice names no one sum."""
    groups = [g for _, g in _groups(extractor, text, value)]
    assert len(groups) >= 2 and len(set(groups)) == len(groups)
