"""A court finding something unlawful: "The Supreme Court ruled that the ban is
unconstitutional", "A federal judge ruled that the Texas law violated the Constitution", "The
High Court declared the election law unconstitutional". The guide codes these SANCTION (convict:
"court finds unlawful/guilty"), with the party whose act or law was found unlawful as recipient.
The lexicon rows marked `unlawful` ask `found_unlawful` of their trigger; the subject must be a
court or judge (their `subj=` requirement).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

UNLAWFUL = frozenset({"unconstitutional", "unlawful", "illegal", "invalid", "void",
                      "discriminatory", "illegitimate"})
VIOLATING = frozenset({"violate", "breach", "infringe", "contravene", "break"})
NEGATORS = frozenset({"not", "n't", "never"})
_SKIP = frozenset({"nsubj", "nsubjpass", "punct", "npadvmod", "advmod", "aux", "auxpass"})


def _finding(verb: Token) -> Iterator[Token]:
    """The words of what the ruling finds: the verb's dependents other than its subject and
    its time ("in a 5-4 decision that the ban is unconstitutional" is its finding too)."""
    for child in verb.children:
        if child.dep_ not in _SKIP:
            yield from child.subtree


def _unlawful_word(verb: Token) -> Token | None:
    for word in _finding(verb):
        lemma = word.lemma_.lower()
        if (lemma in UNLAWFUL and word.pos_ == "ADJ") or (lemma in VIOLATING
                                                          and word.pos_ == "VERB"):
            negated = any(c.dep_ == "neg" or c.lower_ in NEGATORS
                          for t in (word, word.head) for c in t.children)
            return None if negated else word
    return None


def found_unlawful(verb: Token) -> bool:
    """The ruling finds an act, law or party unlawful (and says so without negation), in a
    clause of its own: a ruling told in a relative clause describes the law it names ("the
    Tenure of Office Act, which the Supreme Court later ruled unconstitutional"), not news."""
    return verb.dep_ != "relcl" and _unlawful_word(verb) is not None


def unlawful_thing(verb: Token) -> Token | None:
    """What the ruling found unlawful: the subject of the finding ("the ban", "the Texas
    law"), or the object a declaring verb names ("declared the election law unconstitutional")."""
    word = _unlawful_word(verb)
    if word is None:
        return None
    for tok in (word, word.head):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    return next((c for c in verb.children if c.dep_ == "dobj"), None)
