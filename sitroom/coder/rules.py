"""Named rules: every decision of the coder that keeps, drops, retypes or re-assigns a frame or an
event is a `Rule` in `RULES`, with its reason and example sentences (the examples are run by
tests/nlp/test_rules.py, so the registry is also the test table).

A rule's `when` tests its subject (a sentence, a `Candidate`, a requirement check or an event
`Draft`); `then` changes the subject (None: the rule vetoes). `fires` applies a rule and records
its name in the subject's trace, a plain list of names: nothing is recorded when no rule fires.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

STAGES = ("sentence", "candidate", "arguments", "type", "status", "parties", "event")
ACTIONS = ("veto", "retype", "reassign", "add", "block")  # block: stops a later rule


@dataclass(frozen=True)
class Rule:
    """One named decision of the coder, with why it is made and sentences it fires on."""

    name: str
    doc: str  # one line: what the rule does
    reason: str  # "PLOVER: ..." or "linguistic: ..."
    stage: str
    action: str
    when: Callable[..., bool]
    then: Callable[[Any], None] | None = None
    positive: tuple[str, ...] = ()  # sentences the rule fires on
    negative: tuple[str, ...] = ()  # near misses it must not fire on

    def fires(self, subject: Any, fired: list[str]) -> bool:
        """Apply the rule to `subject` if it holds; record its name in `fired`."""
        if not self.when(subject):
            return False
        fired.append(self.name)
        if self.then is not None:
            self.then(subject)
        return True


RULES: dict[str, Rule] = {}
"""Every rule by name, in the order they are declared (the order of the pipeline's stages)."""


def rule(name: str, doc: str, reason: str, stage: str, action: str, when: Callable[..., bool],
         then: Callable[[Any], None] | None = None, positive: tuple[str, ...] = (),
         negative: tuple[str, ...] = ()) -> Rule:
    """Declare and register a rule; names are unique, stages and actions from the lists above."""
    if name in RULES:
        raise ValueError(f"rule {name!r} declared twice")
    if stage not in STAGES or action not in ACTIONS:
        raise ValueError(f"rule {name!r}: stage {stage!r} or action {action!r} unknown")
    if (action in ("veto", "block") and then is not None) or (action in ("retype", "reassign")
                                                    and then is None):
        raise ValueError(f"rule {name!r}: a veto has no action, a retype or reassign has one")
    if not reason.startswith(("PLOVER", "linguistic")):
        raise ValueError(f"rule {name!r}: the reason starts with PLOVER or linguistic")
    made = Rule(name, doc, reason, stage, action, when, then, positive, negative)
    RULES[name] = made
    return made


def first(subject: Any, fired: list[str], *rules: Rule) -> bool:
    """Apply the first of `rules` that holds (an if/elif chain); whether one did."""
    return any(r.fires(subject, fired) for r in rules)
