"""Stories and dedup: count events, not reports.

Near-duplicate articles (`text`), story clusters over time (`clusters`) and canonical events
merged across reports (`events`), stored by `rebuild_stories` (everything) or `update_stories`
(what new articles change) and read with `canonical_events`. See docs/stories.md.
"""
from __future__ import annotations

from .build import (RebuildStats, canonical_events, canonical_of, rebuild_stories,
                    update_stories)
from .clusters import Story, StoryArticle, cluster_stories
from .events import Canonical, merge_events
from .text import DuplicatePair, near_duplicates, shingles

__all__ = ["Canonical", "DuplicatePair", "RebuildStats", "Story", "StoryArticle",
           "canonical_events", "canonical_of", "cluster_stories", "merge_events",
           "near_duplicates", "rebuild_stories", "shingles", "update_stories"]
