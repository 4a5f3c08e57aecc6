"""The Frame record: one event found in a sentence, as token indices."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Frame:
    """One event found in a sentence, as token indices into its Doc."""

    trigger: int
    lemma: str
    type: str
    mode: str | None
    status: str
    actor: int | None
    recipient: int | None
    said_by: int | None
    location_hint: int | None
    sent_start: int
    sent_end: int
    part: int = 0  # the n-th of the frames one trigger gives for coordinated parties
    rules: tuple[str, ...] = field(default=(), compare=False)  # the rules that fired, in order
