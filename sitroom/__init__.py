"""sitroom: dated news articles in, source-attributed event data and claims out."""
from __future__ import annotations

__version__ = "0.1.0"
