"""Actor knowledge base: who is who in the news (countries, role words, people, organisations)."""
from __future__ import annotations

from .kb import ActorKB, Resolution, load_kb
from .lines import resolve_lines
from .petrarch import load_petrarch

__all__ = ["ActorKB", "Resolution", "load_kb", "load_petrarch", "resolve_lines"]
