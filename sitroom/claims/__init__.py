"""Claims: what a figure is about, and groups of claims about the same thing."""
from __future__ import annotations

from .groups import (CONTESTED_FACTOR, ClaimGroup, canonical_unit, claimant_key, group_claims,
                     group_to_dict)

__all__ = ["CONTESTED_FACTOR", "ClaimGroup", "about_text", "canonical_unit", "claimant_key",
           "group_claims", "group_to_dict"]


def __getattr__(name: str) -> object:
    # about_text needs spaCy; importing it lazily keeps `sitroom.claims` light for the store/API
    if name == "about_text":
        from .about import about_text
        return about_text
    raise AttributeError(name)
