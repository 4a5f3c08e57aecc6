"""The Candidate: a trigger on its way to frames, as the stages and the frame rules leave it."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..nlp.lexicon import Predicate


@dataclass(slots=True)
class Candidate:
    """A trigger token and its lexicon row, and what the stages have made of it so far: the
    subject of the frame rules, which change it; `fired` names the rules that did, in order."""

    token: Token
    pred: Predicate
    sent: Span
    perpetrator: Token | None = None  # whom the article blames for unattributed attacks
    actor: Token | None = None
    recipient: Token | None = None
    abstract_target: bool = False  # the recipient was an abstract thing ("the investigation")
    instrument: Token | None = None  # the object was a weapon ("fired shells at Seoul")
    speaker: Token | None = None
    first_person: bool = False  # "'We will respond,' the minister said"
    blamed: bool = False  # the actor is the article's perpetrator
    type: str = ""
    mode: str | None = None
    status: str = "asserted"
    inner: Token | None = None  # the complement clause or "for" object ("urged X to leave")
    inner_pred: Predicate | None = None
    own_word: bool = False  # "X said they would boycott the talks"
    threat_mode: str | None = None
    fired: list[str] = field(default_factory=list)

    @property
    def lemma(self) -> str:
        """The trigger's lemma, lower-case."""
        return self.token.lemma_.lower()
