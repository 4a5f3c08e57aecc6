"""Scoring the coder against hand-annotated gold files (../shared/gold/dev/README.md).

Matching follows the gold README: an output event matches a gold event when the actor country
and the type agree (a type in `alt_types` also agrees) and the recipient country agrees
(strict) or one side has none (lenient); matching is one-to-one. Gold events with status
`historical` are background: not expected, and an output event that matches one is neither
a hit nor a false alarm.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError
from .ingest import read_file
from .records import Article, Claim, Event, Extraction

WINDOW = {"day": 1, "week": 7, "month": 31, "year": 366}


@dataclass
class Tally:
    """Counts behind the figures, summed over articles."""

    gold: int = 0
    salient: int = 0
    predicted: int = 0
    neutral: int = 0
    matched: int = 0
    matched_strict: int = 0
    salient_matched: int = 0
    dated: int = 0
    dates_right: int = 0
    with_quantities: int = 0
    quantities_right: int = 0
    gold_claims: int = 0
    claims_found: int = 0
    claim_links: int = 0
    claim_links_right: int = 0
    articles: int = 0
    with_recipient_side: int = 0
    recipients_right: int = 0
    misses: list[str] = field(default_factory=list)
    # (confidence, right) for each scored output event: the calibration of `confidence`
    scored: list[tuple[float, bool]] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """The reported figures (0 where a denominator is empty)."""
        div = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
        return {
            "salient_recall": div(self.salient_matched, self.salient),
            "recall": div(self.matched, self.gold),
            "recall_strict": div(self.matched_strict, self.gold),
            "precision": div(self.matched, self.predicted - self.neutral),
            "date_accuracy": div(self.dates_right, self.dated),
            "quantity_accuracy": div(self.quantities_right, self.with_quantities),
            "claims_recall": div(self.claims_found, self.gold_claims),
            "claim_link_accuracy": div(self.claim_links_right, self.claim_links),
            "recipient_accuracy": div(self.recipients_right, self.with_recipient_side),
            "calibration_error": round(calibration_error(self.scored), 4),
            "articles": self.articles,
            "gold_events": self.gold, "predicted_events": self.predicted,
            "gold_claims": self.gold_claims, "claim_links": self.claim_links,
        }


def calibration_error(scored: Sequence[tuple[float, bool]], bins: int = 10) -> float:
    """Expected calibration error: the mean gap between confidence and the share right, over
    equal-width confidence bins weighted by their size (0 where nothing was scored)."""
    if not scored:
        return 0.0
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, r) for c, r in scored if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if inside:
            mean_conf = sum(c for c, _ in inside) / len(inside)
            share = sum(r for _, r in inside) / len(inside)
            total += len(inside) * abs(mean_conf - share)
    return total / len(scored)


def _type_ok(gold: dict[str, Any], event: Event) -> bool:
    return event.type == gold["type"] or event.type in (gold.get("alt_types") or [])


def _country(part: dict[str, Any] | None) -> str | None:
    return part.get("country") if part else None


def _agrees(gold: dict[str, Any], event: Event, strict: bool) -> bool:
    if event.actor.country != _country(gold["actor"]) or not _type_ok(gold, event):
        return False
    g_rec = _country(gold.get("recipient"))
    p_rec = event.recipient.country if event.recipient else None
    if strict:
        return g_rec == p_rec
    return g_rec == p_rec or g_rec is None or p_rec is None


def match_events(gold: Sequence[dict[str, Any]],
                 events: Sequence[Event]) -> list[tuple[dict[str, Any], Event, bool]]:
    """One-to-one matches (gold, event, strict), strict agreements first, salient gold first."""
    order = sorted(gold, key=lambda g: not g.get("salient"))
    used: set[int] = set()
    pairs: list[tuple[dict[str, Any], Event, bool]] = []
    pending = []
    for g in order:
        hit = next((i for i, e in enumerate(events) if i not in used and _agrees(g, e, True)), None)
        if hit is None:
            pending.append(g)
            continue
        used.add(hit)
        pairs.append((g, events[hit], True))
    for g in pending:
        hit = next((i for i, e in enumerate(events) if i not in used and _agrees(g, e, False)),
                   None)
        if hit is not None:
            used.add(hit)
            pairs.append((g, events[hit], False))
    return pairs


def _date_ok(gold: dict[str, Any], event: Event) -> bool:
    if event.date is None:
        return False
    window = WINDOW.get(gold.get("date_precision") or "day", 1)
    return abs((event.date - date.fromisoformat(gold["date"])).days) <= window


def _quantities_ok(gold: dict[str, Any], event: Event) -> bool:
    want = gold.get("quantities") or {}
    return all(k in event.quantities and abs(event.quantities[k] - v) <= 0.01 * abs(v)
               for k, v in want.items())


def _claim_found(gold: dict[str, Any], claims: Iterable[Claim]) -> Claim | None:
    """The first output claim with the gold claim's value (within 1%) and, where the gold names
    one, its claimant's country; None when there is none. An output range ("between 36 and 40":
    value 36, value_max 40) has the value of either end: the gold writes a range as two claims,
    one for each end (docs/annotation.md, "Ranges")."""
    want_country = _country(gold.get("claimant"))
    for claim in claims:
        ends = (claim.value,) if claim.value_max is None else (claim.value, claim.value_max)
        if all(abs(end - gold["value"]) > 0.01 * abs(gold["value"]) for end in ends):
            continue
        if want_country and (claim.claimant is None or claim.claimant.country != want_country):
            continue
        return claim
    return None


def _score_claims(gold: dict[str, Any], result: Extraction,
                  event_of: dict[str, Event], tally: Tally) -> None:
    """Claims recall (value + claimant country) and, for each claim found, whether it links to
    the right event: none where the gold links none, else an output event that is the gold
    one: the one matched to it (`event_of`: gold event id -> output event), or another report
    of it in the output (agreeing with it as a match does: one-to-one matching picks one of
    the coder's duplicates at random). A claim whose gold event no output event matches is not
    scored for its link (event recall says that), nor one of gold that annotates no links."""
    gold_events = {g["id"]: g for g in gold["events"]}
    linked = {e.event_id: e for e in result.events}
    for g in gold.get("claims", []):
        tally.gold_claims += 1
        found = _claim_found(g, result.claims)
        if found is None:
            continue
        tally.claims_found += 1
        if "event" not in g:
            continue  # gold without event links (../shared/gold/dev)
        want = g["event"]
        if want is not None and want not in event_of:
            continue
        tally.claim_links += 1
        if want is None:
            tally.claim_links_right += found.event_id is None
            continue
        got = linked.get(found.event_id or "")
        tally.claim_links_right += got is not None and (
            got is event_of[want] or _agrees(gold_events[want], got, strict=False))


def article_matches(gold: dict[str, Any], events: Sequence[Event]
                    ) -> tuple[list[dict[str, Any]], list[tuple[dict[str, Any], Event, bool]],
                               set[int]]:
    """The expected (non-background) gold events, their one-to-one matches, and the ids of the
    output events that match only background gold (neither hits nor false alarms)."""
    expected = [g for g in gold["events"] if g.get("status") != "historical"]
    background = [g for g in gold["events"] if g.get("status") == "historical"]
    pairs = match_events(expected, events)
    used = {id(e) for _, e, _ in pairs}
    rest = [e for e in events if id(e) not in used]
    return expected, pairs, {id(e) for _, e, _ in match_events(background, rest)}


def score_article(gold: dict[str, Any], result: Extraction, tally: Tally) -> None:
    """Add one article's comparison to the tally."""
    expected, pairs, neutral = article_matches(gold, result.events)
    used = {id(e) for _, e, _ in pairs}
    tally.neutral += len(neutral)
    tally.articles += 1
    tally.scored += [(e.confidence, id(e) in used) for e in result.events if id(e) not in neutral]
    tally.gold += len(expected)
    tally.salient += sum(1 for g in expected if g.get("salient"))
    tally.predicted += len(result.events)
    tally.matched += len(pairs)
    tally.matched_strict += sum(1 for _, _, strict in pairs if strict)
    tally.salient_matched += sum(1 for g, _, _ in pairs if g.get("salient"))
    for g, event, _ in pairs:
        if g.get("date"):
            tally.dated += 1
            tally.dates_right += _date_ok(g, event)
        if g.get("quantities"):
            tally.with_quantities += 1
            tally.quantities_right += _quantities_ok(g, event)
        if g.get("recipient") or event.recipient:
            tally.with_recipient_side += 1
            tally.recipients_right += (_country(g.get("recipient"))
                                       == (event.recipient.country if event.recipient else None))
    matched_ids = {id(g) for g, _, _ in pairs}
    for g in expected:
        if id(g) not in matched_ids:
            tally.misses.append(f"{gold['file']}: {g['id']} {g['type']} "
                                f"{_country(g['actor'])}->{_country(g.get('recipient'))}")
    event_of = {g["id"]: e for g, e, _ in pairs}
    rest = [e for e in result.events if id(e) not in used]
    background = [g for g in gold["events"] if g.get("status") == "historical"]
    event_of |= {g["id"]: e for g, e, _ in match_events(background, rest)}
    _score_claims(gold, result, event_of, tally)


def article_dirs(gold_dir: Path, extra: Sequence[str] = ()) -> list[Path]:
    """Where to look for the articles: --articles, next to the gold, then the shared layout."""
    base = gold_dir.resolve()
    guesses = [Path(p) for p in extra] + [base, base.parent.parent / "seeds",
                                          base.parent.parent / "corpora" / "wikinews-seedformat"]
    return [p for p in guesses if p.is_dir()]


SPLITS = ("tune", "locked")


def corpus_split(corpus: Path, split: str) -> set[str]:
    """The article file names of one split of an annotated corpus (its `split.tsv`)."""
    table = corpus / "split.tsv"
    if not table.is_file():
        raise InputError(str(corpus), "no split.tsv here: --split needs an annotated corpus "
                         "(docs/annotation.md)")
    with table.open(encoding="utf-8", newline="") as fh:
        return {row["file"] for row in csv.DictReader(fh, delimiter="\t") if row["split"] == split}


def gold_files(gold_dir: Path, split: str | None = None) -> tuple[list[Path], list[str]]:
    """The gold files to score and extra article folders: a corpus folder (split.tsv, gold/,
    articles/) gives the annotated files of one split, or of both; a plain folder its *.json."""
    if (gold_dir / "split.tsv").is_file():
        wanted = set().union(*(corpus_split(gold_dir, s) for s in ([split] if split else SPLITS)))
        files = [p for p in sorted((gold_dir / "gold").glob("*.json")) if p.name[:-5] in wanted]
        return files, [str(gold_dir / "articles")]
    if split:
        corpus_split(gold_dir, split)  # raises: no split.tsv
    return sorted(gold_dir.glob("*.json")), []


def load_gold(gold_dir: Path, articles: Sequence[str] = (),
              split: str | None = None) -> list[tuple[dict[str, Any], Article]]:
    """Every gold file with its article, or InputError naming a gold file whose article is missing."""
    paths, extra = gold_files(gold_dir, split)
    dirs = article_dirs(gold_dir, [*articles, *extra])
    pairs = []
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        source = next((d / gold["file"] for d in dirs if (d / gold["file"]).is_file()), None)
        if source is None:
            raise InputError(str(path), f"article {gold['file']!r} not found in "
                             f"{', '.join(map(str, dirs)) or 'any --articles folder'}")
        item = next(read_file(source, str(source)))
        if isinstance(item, InputError):
            raise item
        pairs.append((gold, item))
    if not pairs:
        raise InputError(str(gold_dir), "no gold *.json files found")
    return pairs


def evaluate(gold_dir: str | Path, articles: Sequence[str] = (), extractor: Any = None,
             split: str | None = None, min_confidence: float = 0.0) -> Tally:
    """Extract every gold article (of one split of an annotated corpus, if given) and score the
    events of at least `min_confidence`."""
    from .extract import Extractor

    extractor = extractor or Extractor()
    pairs = load_gold(Path(gold_dir), articles, split)
    return tally_results(pairs, extractor.extract(article for _, article in pairs),
                         min_confidence)


def tally_results(pairs: Sequence[tuple[dict[str, Any], Article]],
                  results: Iterable[Extraction | Exception],
                  min_confidence: float = 0.0) -> Tally:
    """Score each gold article's extraction, keeping the events of at least `min_confidence`
    (an extraction error is raised)."""
    tally = Tally()
    for (gold, _), result in zip(pairs, results):
        if isinstance(result, Exception):
            raise result
        if min_confidence > 0:
            result = replace(result, events=tuple(e for e in result.events
                                                  if e.confidence >= min_confidence))
        score_article(gold, result, tally)
    return tally


def below_floors(figures: dict[str, Any], floors_file: str | Path) -> list[str]:
    """The figures under their floor in a floors file (JSON: figure -> floor), one line each."""
    floors = json.loads(Path(floors_file).read_text(encoding="utf-8"))
    return [f"{k} {figures[k]:.3f} < floor {v:.3f}" for k, v in floors.items()
            if figures.get(k, 0) < v]
