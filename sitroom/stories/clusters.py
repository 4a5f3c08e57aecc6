"""Story clusters: articles about one developing story, grouped in one pass over time.

Each article becomes a TF-IDF vector of its title and text (the title counts twice). Articles are
read in date order; an article joins the active story (one with an article in the last
`WINDOW_DAYS` days) whose centroid it is most similar to, when the cosine reaches `LINK` (or
`LINK_WITH_ACTORS` when they also share an actor country or entity from their events); otherwise
it starts a story. A near-duplicate joins its original's story. A centroid (not single-link)
keeps a long chain of loosely related articles from collapsing into one story.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..records import stable_id
from .reference import reference_df
from .terms import terms

WINDOW_DAYS = 7
LINK = 0.30
LINK_WITH_ACTORS = 0.20
TOP_TERMS = 40
CENTROID_TERMS = 120

@dataclass(frozen=True)
class StoryArticle:
    """What clustering needs of one article."""

    id: str
    date: date
    title: str
    text: str
    actors: frozenset[str] = frozenset()
    duplicate_of: str | None = None
    words: Sequence[str] | None = None
    """`normalise(text)` when the caller already has it (it is the slow part of `terms`)."""


@dataclass
class Story:
    """A developing story: its articles in date order and its term centroid."""

    story_id: str
    articles: list[str] = field(default_factory=list)
    first_date: date | None = None
    last_date: date | None = None
    title: str = ""
    centroid: dict[str, float] = field(default_factory=dict)
    actors: set[str] = field(default_factory=set)
    similarity: dict[str, float] = field(default_factory=dict)
    number: int = -1
    norm: float = 0.0
    indexed: set[str] = field(default_factory=set)
    expired: bool = False

    def top_terms(self, n: int = 6) -> list[str]:
        """The centroid's heaviest terms, a rough label."""
        return [t for t, _ in sorted(self.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def tfidf_vectors(counts: Sequence[Counter[str]]) -> list[dict[str, float]]:
    """L2-normalised TF-IDF vectors (sublinear tf; document frequencies of the shipped reference
    corpus only), each cut to its TOP_TERMS heaviest terms, in (weight desc, term) order.

    An article's vector depends on the article alone, not on the rest of the store, so that it
    can be stored once and an incremental rebuild (`update_stories`) equals a full one."""
    ref_n, ref_df = reference_df()
    n = ref_n + 1
    idf_cache: dict[str, float] = {}
    tf = [1 + math.log(k) for k in range(1, 64)]
    out = []
    for c in counts:
        weights = []
        for t, k in c.items():
            idf = idf_cache.get(t)
            if idf is None:
                idf = idf_cache[t] = math.log(n / (ref_df.get(t, 0) + 0.5))
            weights.append((t, (tf[k - 1] if k < 64 else 1 + math.log(k)) * idf))
        if len(weights) > TOP_TERMS:  # cut by weight before the exact (weight, term) order
            floor = heapq.nlargest(TOP_TERMS, (w for _, w in weights))[-1]
            weights = [tw for tw in weights if tw[1] >= floor]
        top = sorted(weights, key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        out.append({t: w / norm for t, w in top})
    return out


def cosine(vec: dict[str, float], centroid: dict[str, float], norm: float | None = None) -> float:
    """Cosine of a unit vector with a centroid of any length (`norm`: the centroid's, if known)."""
    if norm is None:
        norm = math.sqrt(sum(w * w for w in centroid.values()))
    if not norm:
        return 0.0
    get = centroid.get
    return sum(w * get(t, 0.0) for t, w in vec.items()) / norm


def _add(story: Story, art: StoryArticle, vec: dict[str, float], score: float) -> None:
    story.articles.append(art.id)
    story.first_date = story.first_date or art.date
    story.last_date = art.date
    story.title = story.title or art.title
    story.actors |= art.actors
    story.similarity[art.id] = round(score, 3)
    for t, w in vec.items():
        story.centroid[t] = story.centroid.get(t, 0.0) + w
    if len(story.centroid) > CENTROID_TERMS * 2:
        keep = sorted(story.centroid.items(), key=lambda kv: -kv[1])[:CENTROID_TERMS]
        story.centroid = dict(keep)
    story.norm = math.sqrt(sum(w * w for w in story.centroid.values()))


class Clustering:
    """The state of the one pass: stories so far, the article -> story map and the term index of
    active stories. `cluster_stories` runs it over a whole store; `update_stories` seeds it with
    the stories that are open at the first changed article and replays from there."""

    def __init__(self, window_days: int = WINDOW_DAYS, link: float = LINK,
                 link_with_actors: float = LINK_WITH_ACTORS) -> None:
        self.window = timedelta(days=window_days)
        self.link, self.link_with_actors = link, link_with_actors
        self.stories: list[Story] = []
        self.story_of: dict[str, Story] = {}
        self.index: dict[str, set[int]] = {}  # term -> active stories with it

    def seed(self, story_id: str, members: Sequence[tuple[StoryArticle, dict[str, float],
                                                          float]]) -> Story:
        """Rebuild a story from its members (in date order, with their vectors and similarity)
        as the pass left it after them; seed stories in the order they were started."""
        story = Story(story_id=story_id, number=len(self.stories))
        self.stories.append(story)
        for art, vec, score in members:
            _add(story, art, vec, score)
            self.story_of[art.id] = story
            story.indexed.update(vec)
        for t in story.indexed:
            self.index.setdefault(t, set()).add(story.number)
        return story

    def place(self, art: StoryArticle, vec: dict[str, float]) -> Story:
        """Put the next article (in (date, id) order) into its story; returns the story."""
        stories, index = self.stories, self.index
        best: tuple[float, Story] | None = None
        if art.duplicate_of is not None and art.duplicate_of in self.story_of:
            best = (1.0, self.story_of[art.duplicate_of])
        else:
            seen = set().union(*(index[t] for t in vec if t in index))
            for n in sorted(seen):
                story = stories[n]
                if story.last_date is None or art.date - story.last_date > self.window:
                    for t in story.indexed:  # out of the index until a duplicate revives it
                        index[t].discard(n)
                    story.expired = True
                    continue
                score = cosine(vec, story.centroid, story.norm)
                need = self.link_with_actors if art.actors & story.actors else self.link
                if score >= need and (best is None or score > best[0]):
                    best = (score, story)
        if best is None:
            story = Story(story_id=stable_id("story", art.id), number=len(stories))
            stories.append(story)
            best = (1.0, story)
        score, story = best
        _add(story, art, vec, score)
        self.story_of[art.id] = story
        if story.expired:  # a near-duplicate joined a story out of the window: active again
            story.expired = False
            for t in story.indexed:
                index.setdefault(t, set()).add(story.number)
        for t in vec:
            index.setdefault(t, set()).add(story.number)
        story.indexed.update(vec)
        return story


def cluster_stories(articles: Iterable[StoryArticle], window_days: int = WINDOW_DAYS,
                    link: float = LINK, link_with_actors: float = LINK_WITH_ACTORS,
                    vectors: dict[str, dict[str, float]] | None = None) -> list[Story]:
    """Group articles into stories (see the module docstring); stories in order of first date.
    `vectors`: article id -> `tfidf_vectors` of it, when the caller has them."""
    arts = sorted(articles, key=lambda a: (a.date, a.id))
    if vectors is None:
        vecs = tfidf_vectors([terms(a.title, a.text, a.words) for a in arts])
    else:
        vecs = [vectors[a.id] for a in arts]
    run = Clustering(window_days, link, link_with_actors)
    for art, vec in zip(arts, vecs):
        run.place(art, vec)
    return run.stories
