"""Stories and dedup: count events, not reports.

Near-duplicate articles (`text`), story clusters over time (`clusters`) and canonical events
merged across reports (`events`): functions over rows. The store keeps them
(`sitroom.store.stories`: `Store.rebuild_stories`, `Store.update_stories`,
`Store.canonical_events`). See docs/stories.md.
"""
from __future__ import annotations

from .build import RebuildStats
from .clusters import Story, StoryArticle, cluster_stories
from .events import Canonical, merge_events
from .text import DuplicatePair, near_duplicates, shingles

__all__ = ["Canonical", "DuplicatePair", "RebuildStats", "Story", "StoryArticle",
           "cluster_stories", "merge_events", "near_duplicates", "shingles"]
