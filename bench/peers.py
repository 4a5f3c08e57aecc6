"""Peer suites as benchmarks: the PLOVER gold records and PETRARCH2's unit-test records.

Loaders and scorers for two suites of other projects' gold data in ``../shared/gold/peers``
(never copied into this repository); ``bench/plover_gsr.py`` and ``bench/petrarch2.py`` print
the figures and ``tests/test_peers.py`` keeps floors on them.

PLOVER GSR (``plover_gsr/PLOVER_GSR_CAMEO.txt``, 322 CAMEO-manual sentences, one event each,
PLOVER v0.5b1 labels mapped to current PLOVER: DEMAND->REQUEST, DISAPPROVE->ACCUSE/disapprove,
INVESTIGATE->ACCUSE/investigate, FIGHT->ASSAULT). ``score_gsr`` runs the whole coder on each
sentence and picks **one** event per sentence without looking at its type: the event whose
trigger lies in a marked ``(EVT: ...)`` span, then whose actor overlaps a ``(SRC: ...)`` span,
then whose recipient overlaps a ``(TAR: ...)`` span; ties go to the first in text order. A
sentence with no event counts as wrong on every figure. Actor accuracy: the chosen event's actor
span overlaps a marked source (over all sentences); target accuracy: its recipient overlaps a
marked target (over the sentences that mark one). Reciprocal ``(SRC/TAR: ...)`` spans are both.

PETRARCH2 (``petrarch2/PETR.UnitTest.records.xml``: 284 sentences, 366 expected events
``<EventCoding sourcecode targetcode eventcode>``, 19 sentences marked ``noevents``; fictional
actors from ``PETR.Validate.actors.txt`` / ``PETR.Validate.agents.txt`` loaded with
``load_petrarch``). ``score_petrarch`` runs the coder with that knowledge base on each sentence,
dated by its record, and matches expected to coded events one-to-one.

Code matching (documented choice). The coder's ``Actor`` carries (country, sector) but not the
raw CAMEO code, so both sides are compared as PLOVER (country, sector) pairs: a CAMEO code's
country is its first three characters and its sector the first role code that maps
(``sitroom.actors.petrarch.cameo_sector``: ``ARNGOV`` -> (ARN, GOV), ``PSEREBHMS`` -> (PSE, REB),
``ARN`` -> (ARN, None), ``---GOV`` -> (None, GOV)). An ``Actor`` that has a ``code`` attribute
(should the coder carry ``Resolution.code`` one day) is read through the same function, so the
figures do not change meaning. A source matches when the pairs are equal. A target ``---`` (none
coded) matches an event with no recipient or one without country and sector. PETRARCH's quoted
free-text actors (``"INJURY TOLL"``) can never match; they stay in the denominator. The root is
the first two digits of ``eventcode``; the coder's is ``Event.cameo_root``. Besides the
(source, target, root) share, the root-only share (expected roots found among the sentence's
coded roots, one-to-one) and the share of no-event sentences left empty are reported.

``score_petrarch_dictionary`` scores the other way to code: ``sitroom code``, which codes with a
PETRARCH verb dictionary, here the suite's own ``PETR.Validate.verbs.txt`` (its codes are "mostly
WEIS, not CAMEO", so only a coder that reads it can give them). Same actors, same one-to-one
matching; the event's root is the first two characters of its code, as for the expected code,
and an exact-code share is reported beside it.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

GSR_FILE = Path("gold") / "peers" / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"
PETR_DIR = Path("gold") / "peers" / "petrarch2"
PETR_RECORDS = PETR_DIR / "PETR.UnitTest.records.xml"
PETR_ACTORS = PETR_DIR / "PETR.Validate.actors.txt"
PETR_AGENTS = PETR_DIR / "PETR.Validate.agents.txt"
PETR_VERBS = PETR_DIR / "PETR.Validate.verbs.txt"

# ---------------------------------------------------------------------------------------------
# PLOVER gold-standard records
# ---------------------------------------------------------------------------------------------

V05_TYPES = {"DEMAND": ("REQUEST", None), "DISAPPROVE": ("ACCUSE", "disapprove"),
             "INVESTIGATE": ("ACCUSE", "investigate"), "FIGHT": ("ASSAULT", None)}
"""v0.5 type -> (current type, implied mode or None)."""

V05_MODES = {
    ("PROTEST", "strike-hun"): "hunger", ("PROTEST", "strike-gen"): "strike",
    ("PROTEST", "riot-spon"): "riot", ("PROTEST", "demo-org"): "demo",
    ("PROTEST", "demo-spon"): "demo", ("COERCE", "confiscate"): "seize",
    ("COERCE", "detain"): "arrest", ("CONSULT", "host"): "visit", ("COERCE", "ban"): "restrict",
    ("ASSAULT", "assassinate"): "targeted", ("THREATEN", "curfew"): "restrict",
    ("THREATEN", "martial-law"): "restrict",
}
"""(current type, v0.5 mode) -> current mode where the name changed; same-name modes pass through."""

_TAGS = ("SRC/TAR", "SRC", "TAR", "EVT", "LOC")


@dataclass(frozen=True)
class GsrRecord:
    """One PLOVER gold record, mapped to current PLOVER."""

    id: str
    text: str
    type: str
    mode: str | None
    v05_type: str
    v05_mode: str | None
    source_text: tuple[str, ...]
    target_text: tuple[str, ...]
    event_text: tuple[str, ...]
    loc_text: tuple[str, ...]
    markup: str
    source: tuple[dict, ...] = field(default=(), compare=False, repr=False)
    target: tuple[dict, ...] = field(default=(), compare=False, repr=False)
    comment: str | None = None
    date: date | None = None


def parse_markup(markup: str) -> dict[str, list[str]]:
    """Spans of each tag in an inline-markup string: {"SRC": [...], "TAR": [...], ...}.

    ``SRC/TAR`` spans go to both SRC and TAR. Inner spans are read too, and the outer span's text
    is the plain text of everything inside it (inner tags removed).
    """
    out: dict[str, list[str]] = {t: [] for t in ("SRC", "TAR", "EVT", "LOC")}
    stack: list[tuple[str | None, list[str]]] = [(None, [])]
    i = 0
    while i < len(markup):
        ch = markup[i]
        if ch == "(":
            tag = next((t for t in _TAGS if markup.startswith(t + ":", i + 1)), None)
            if tag:
                stack.append((tag, []))
                i += len(tag) + 2
                continue
            stack.append((None, ["("]))  # a literal parenthesis, as in "(APEC)"
        elif ch in ")}" and len(stack) > 1:  # one record closes a span with "}"
            tag, buf = stack.pop()
            text = "".join(buf)
            if tag is None:
                stack[-1][1].append(text + ")")
            else:
                span = " ".join(text.split())
                for t in ("SRC", "TAR") if tag == "SRC/TAR" else (tag,):
                    out[t].append(span)
                stack[-1][1].append(text)
        else:
            stack[-1][1].append(ch)
        i += 1
    return out


def map_type(v05_type: str, v05_mode: str | None) -> tuple[str, str | None]:
    """A v0.5 (type, mode) as a current PLOVER (type, mode); mode None where none maps."""
    from sitroom.ontology import PLOVER_MODES

    event_type, implied = V05_TYPES.get(v05_type, (v05_type, None))
    mode = implied or (V05_MODES.get((event_type, v05_mode or ""), v05_mode) or None)
    if mode not in PLOVER_MODES.get(event_type, ()):
        mode = None
    return event_type, mode


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def load_plover_gsr(shared_dir: Path | str) -> list[GsrRecord]:
    """The PLOVER gold records with text (the DOCUMENT header is skipped), in file order."""
    raw = json.loads((Path(shared_dir) / GSR_FILE).read_text(encoding="utf-8"))
    out = []
    for rec in raw:
        if rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        v05_mode = rec.get("mode") or None
        event_type, mode = map_type(rec["event"], v05_mode)
        info = rec.get("textInfo") or {}
        markup = info if isinstance(info, str) else info.get("markup", "")  # one record: bare str
        spans = parse_markup(markup)
        out.append(GsrRecord(
            id=rec["id"], text=rec["text"], type=event_type, mode=mode, v05_type=rec["event"],
            v05_mode=v05_mode, source_text=tuple(spans["SRC"]), target_text=tuple(spans["TAR"]),
            event_text=tuple(spans["EVT"]), loc_text=tuple(spans["LOC"]), markup=markup,
            source=tuple(rec.get("source", ())), target=tuple(rec.get("target", ())),
            comment=rec.get("comment"), date=_iso(rec.get("date")),
        ))
    return out


def find_spans(text: str, span: str) -> list[tuple[int, int]]:
    """Character ranges of every occurrence of `span` in `text` (case and spacing ignored)."""
    words = span.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.I)]


def _overlaps(start: int | None, end: int | None, ranges: Sequence[tuple[int, int]]) -> bool:
    if start is None or end is None:
        return False
    return any(start < b and a < end for a, b in ranges)


@dataclass
class Coded:
    """What the coder made of one sentence: its events, with each event's trigger token."""

    text: str
    events: list[Any]
    triggers: dict[str, tuple[int, int, str]]  # event_id -> (char start, char end, lemma)
    frames: int  # frames the rules found (before actor resolution dropped any)
    frame_lemmas: tuple[str, ...] = ()


def code_texts(texts: Sequence[str], dates: Sequence[date], extractor: Any,
               batch_size: int = 64) -> list[Coded]:
    """Run the whole coder on each text (one article per text) and keep each event's trigger."""
    from sitroom.coder.frames import find_frames
    from sitroom.ingest.common import article_id
    from sitroom.records import Article, stable_id

    out = []
    for doc, (text, on) in zip(extractor.nlp.pipe(texts, batch_size=batch_size),
                               zip(texts, dates)):
        article = Article(id=article_id(on, text), date=on, title="", text=text, source=None,
                          origin="<peer>")
        extraction = extractor.from_doc(doc, article)
        frames = find_frames(doc)
        triggers = {}
        for f in frames:
            tok = doc[f.trigger]
            triggers[stable_id(article.id, tok.idx, f.type)] = (tok.idx, tok.idx + len(tok), f.lemma)
        out.append(Coded(text=text, events=list(extraction.events), triggers=triggers,
                         frames=len(frames), frame_lemmas=tuple(f.lemma for f in frames)))
    return out


@dataclass
class GsrOutcome:
    record: GsrRecord
    event: Any | None          # the chosen event, None when the coder found nothing
    n_events: int
    trigger_ok: bool
    type_ok: bool
    actor_ok: bool
    target_ok: bool | None     # None when the record marks no target
    cause: str | None          # why the type is wrong (None when right)
    frames: int = 0


def choose_event(coded: Coded, record: GsrRecord) -> tuple[Any | None, bool]:
    """The coder's event for a one-event gold sentence, chosen without looking at types:
    trigger inside an EVT span, then actor overlapping a SRC span, then recipient overlapping a
    TAR span; the first in text order on ties. Returns (event, trigger in an EVT span)."""
    if not coded.events:
        return None, False
    evt = [r for s in record.event_text for r in find_spans(record.text, s)]
    src = [r for s in record.source_text for r in find_spans(record.text, s)]
    tar = [r for s in record.target_text for r in find_spans(record.text, s)]
    best, best_key = None, None
    for ev in coded.events:
        trig = coded.triggers.get(ev.event_id)
        key = (_overlaps(trig[0], trig[1], evt) if trig else False,
               _overlaps(ev.actor.start, ev.actor.end, src),
               ev.recipient is not None and _overlaps(ev.recipient.start, ev.recipient.end, tar))
        if best_key is None or key > best_key:
            best, best_key = ev, key
    return best, bool(best_key and best_key[0])


def gsr_outcome(coded: Coded, record: GsrRecord) -> GsrOutcome:
    ev, trig_ok = choose_event(coded, record)
    if ev is None:
        cause = "no event: no trigger in lexicon" if coded.frames == 0 else \
            "no event: frame dropped (actor unresolved or background)"
        return GsrOutcome(record, None, 0, False, False, False,
                          False if record.target_text else None, cause, coded.frames)
    src = [r for s in record.source_text for r in find_spans(record.text, s)]
    tar = [r for s in record.target_text for r in find_spans(record.text, s)]
    actor_ok = _overlaps(ev.actor.start, ev.actor.end, src)
    target_ok = (ev.recipient is not None and _overlaps(ev.recipient.start, ev.recipient.end, tar)) \
        if record.target_text else None
    type_ok = ev.type == record.type
    cause = None
    if not type_ok:
        cause = f"wrong type: {record.type} coded {ev.type}" if trig_ok else \
            f"trigger missed (other event {ev.type})"
    return GsrOutcome(record, ev, len(coded.events), trig_ok, type_ok, actor_ok, target_ok, cause,
                      coded.frames)


@dataclass
class GsrScore:
    n: int
    type_acc: float
    actor_acc: float
    target_acc: float
    n_target: int
    trigger_acc: float
    no_event: int
    per_type: dict[str, tuple[float, int]]
    confusion: list[tuple[tuple[str, str], int]]
    outcomes: list[GsrOutcome]

    def causes(self) -> Counter:
        return Counter(o.cause for o in self.outcomes if o.cause)


def score_gsr(records: Sequence[GsrRecord], extractor: Any,
              on: date = date(2000, 1, 1)) -> GsrScore:
    """Type, actor and target accuracy of the whole coder on the PLOVER gold records (see the
    module docstring for the choice of event). Every record is dated `on` (they all say
    2000-01-01; the CAMEO manual's examples are undated)."""
    coded = code_texts([r.text for r in records], [r.date or on for r in records], extractor)
    outs = [gsr_outcome(c, r) for c, r in zip(coded, records)]
    n = len(outs)
    with_target = [o for o in outs if o.target_ok is not None]
    by_type: dict[str, list[bool]] = {}
    for o in outs:
        by_type.setdefault(o.record.type, []).append(o.type_ok)
    confusion = Counter((o.record.type, o.event.type if o.event else "-") for o in outs
                        if not o.type_ok)
    return GsrScore(
        n=n, type_acc=sum(o.type_ok for o in outs) / n, actor_acc=sum(o.actor_ok for o in outs) / n,
        target_acc=sum(bool(o.target_ok) for o in with_target) / max(1, len(with_target)),
        n_target=len(with_target), trigger_acc=sum(o.trigger_ok for o in outs) / n,
        no_event=sum(o.event is None for o in outs),
        per_type={t: (sum(v) / len(v), len(v)) for t, v in sorted(by_type.items())},
        confusion=confusion.most_common(), outcomes=outs)


# ---------------------------------------------------------------------------------------------
# PETRARCH2 unit-test records
# ---------------------------------------------------------------------------------------------


WEIS_ROOT = {
    "01": "08", "02": "01", "03": "04", "04": "05", "05": "03", "06": "05", "07": "07",
    "08": "03", "09": "02", "10": "03", "11": "12", "12": "11", "13": "11", "14": "12",
    "15": "10", "16": "13", "17": "13", "18": "14", "19": "16", "20": "16", "21": "17",
    "22": "18",
}
"""WEIS cue category -> nearest CAMEO root (WEIS 02 COMMENT = CAMEO 01, 04 APPROVE = 05, ...)."""
WEIS_CODE_ROOT = {
    "061": "05", "062": "04", "063": "07", "064": "05", "065": "08", "066": "08",
    "081": "05", "082": "03", "182": "15", "202": "17", "223": "19",
}
"""WEIS codes whose CAMEO root differs from their category's (081 sign agreement = CAMEO 057)."""


def accepted_roots(code: str) -> frozenset[str]:
    """The CAMEO roots a coder may rightly give for a PETRARCH unit-test event code.

    The validation verb dictionary is, by its own header, "mostly WEIS, not CAMEO" with parts
    tweaked to CAMEO (1711, 1717, 174K...), so a code is read both ways: as CAMEO (its first two
    digits, when 01-20) and as WEIS (through WEIS_CODE_ROOT / WEIS_ROOT). WEIS 22 FORCE is
    CAMEO 18 or 19 (PLOVER ASSAULT, split by weapon). Synthetic codes (345, 802, 90x, 91x) accept
    nothing.
    """
    out = set()
    if code[:2].isdigit() and 1 <= int(code[:2]) <= 20:
        out.add(code[:2])
    if len(code) == 3 and code.isdigit():
        weis = WEIS_CODE_ROOT.get(code) or WEIS_ROOT.get(code[:2])
        if weis:
            out.add(weis)
        if code[:2] == "22":
            out.update({"18", "19"})
    return frozenset(out)


@dataclass(frozen=True)
class PetrEvent:
    source: str
    target: str
    code: str

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def roots(self) -> frozenset[str]:
        return accepted_roots(self.code)


@dataclass(frozen=True)
class PetrRecord:
    id: str
    date: date
    category: str
    text: str
    expected: tuple[PetrEvent, ...]
    noevents: bool


def load_petrarch_records(shared_dir: Path | str) -> list[PetrRecord]:
    """PETRARCH2's unit-test sentences: text (whitespace normalised), date, expected events."""
    root = ET.parse(Path(shared_dir) / PETR_RECORDS).getroot()
    out = []
    for s in root.iter("Sentence"):
        expected, noevents = [], False
        for ec in s.findall("EventCoding"):
            if ec.get("noevents", "").strip().lower() == "true":
                noevents = True
                continue
            if ec.get("sourcecode") is None:
                continue
            expected.append(PetrEvent(ec.get("sourcecode", "").strip(),
                                      ec.get("targetcode", "").strip(),
                                      ec.get("eventcode", "").strip()))
        d = s.get("date", "")
        out.append(PetrRecord(id=s.get("id", ""), category=s.get("category", ""),
                              date=date(int(d[:4]), int(d[4:6]), int(d[6:8])),
                              text=" ".join((s.findtext("Text") or "").split()),
                              expected=tuple(expected), noevents=noevents))
    return out


def petrarch_kb(shared_dir: Path | str):
    """The knowledge base of PETRARCH2's fictional validation actors and agents."""
    from sitroom.actors import load_petrarch

    shared_dir = Path(shared_dir)
    return load_petrarch(shared_dir / PETR_ACTORS, shared_dir / PETR_AGENTS)


def code_parts(code: str | None) -> tuple[str | None, str | None] | None:
    """A CAMEO code as a PLOVER (country, sector) pair; None for a quoted free-text actor.
    ``---``/``###`` country parts and an empty code are (None, ...)."""
    from sitroom.actors.petrarch import cameo_sector

    code = (code or "").strip().upper()
    if code.startswith('"'):
        return None
    country = code[:3] if len(code) >= 3 and code[:3].isalnum() else None
    if country is None and len(code) >= 3:
        sector = cameo_sector("XXX" + code[3:])
    else:
        sector = cameo_sector(code) if code else None
    return country, sector


def actor_parts(actor: Any | None) -> tuple[str | None, str | None]:
    """The coder's actor as (country, sector); through its CAMEO code when it carries one."""
    if actor is None:
        return None, None
    code = getattr(actor, "code", None)
    if code:
        parts = code_parts(code)
        if parts is not None:
            return parts
    return actor.country, actor.sector


def source_matches(expected: str, actor: Any) -> bool:
    want = code_parts(expected)
    return want is not None and want != (None, None) and actor_parts(actor) == want


def target_matches(expected: str, recipient: Any | None) -> bool:
    want = code_parts(expected)
    got = actor_parts(recipient)
    if want == (None, None):  # "---": no target coded
        return got == (None, None)
    return want is not None and got == want


@dataclass
class PetrMiss:
    record: PetrRecord
    expected: PetrEvent
    cause: str
    got: list[str]


@dataclass
class PetrScore:
    n_sentences: int
    n_expected: int
    found: int
    found_root: int
    found_source_root: int
    found_either: int
    found_root_either: int
    found_dyad: int
    n_unmappable: int
    n_noevent: int
    noevent_clean: int
    coded: int
    misses: list[PetrMiss]
    per_category: dict[str, tuple[int, int]]

    @property
    def share(self) -> float:
        return self.found / max(1, self.n_expected)

    @property
    def root_share(self) -> float:
        return self.found_root / max(1, self.n_expected)

    @property
    def source_root_share(self) -> float:
        return self.found_source_root / max(1, self.n_expected)

    @property
    def either_share(self) -> float:
        return self.found_either / max(1, self.n_expected)

    @property
    def root_either_share(self) -> float:
        return self.found_root_either / max(1, self.n_expected)

    @property
    def dyad_share(self) -> float:
        return self.found_dyad / max(1, self.n_expected)

    def causes(self) -> Counter:
        return Counter(m.cause for m in self.misses)


def _fmt(parts: tuple[str | None, str | None]) -> str:
    return f"{parts[0] or '---'}{parts[1] or ''}"


def describe(ev: Any) -> str:
    rec = _fmt(actor_parts(ev.recipient)) if ev.recipient is not None else "-"
    return f"{_fmt(actor_parts(ev.actor))}>{rec} {ev.cameo_root} {ev.type}"


def _match(expected: Sequence[PetrEvent], events: Sequence[Any], ok) -> list[int | None]:
    """One-to-one greedy matching: for each expected event, the index of its coded event."""
    used: set[int] = set()
    out: list[int | None] = []
    for exp in expected:
        hit = next((i for i, ev in enumerate(events) if i not in used and ok(exp, ev)), None)
        if hit is not None:
            used.add(hit)
        out.append(hit)
    return out


def _miss_cause(exp: PetrEvent, events: Sequence[Any], coded: Coded) -> str:
    if not events:
        return "no event: no trigger in lexicon" if coded.frames == 0 else \
            "no event: frame dropped (actor unresolved)"
    if not exp.roots:
        return "synthetic code (no CAMEO reading)"
    same_root = [e for e in events if e.cameo_root in exp.roots]
    if not same_root:
        return "root differs"
    if code_parts(exp.source) is None or code_parts(exp.target) is None:
        return "free-text actor (quoted code)"
    if not any(source_matches(exp.source, e.actor) for e in same_root):
        return "source differs"
    return "target differs"


def score_petrarch(records: Sequence[PetrRecord], extractor: Any,
                   coded: Sequence[Coded] | None = None) -> PetrScore:
    """The share of PETRARCH2's expected events the coder finds at (source, target, root)."""
    if coded is None:
        coded = code_texts([r.text for r in records], [r.date for r in records], extractor)
    n_expected = found = found_root = found_sr = n_noevent = clean = n_coded = 0
    found_either = found_root_either = found_dyad = unmappable = 0
    misses: list[PetrMiss] = []
    per_cat: dict[str, list[int]] = {}
    for rec, c in zip(records, coded):
        events = c.events
        n_coded += len(events)
        if rec.noevents and not rec.expected:
            n_noevent += 1
            clean += not events
            continue
        n_expected += len(rec.expected)
        full = _match(rec.expected, events, lambda x, e: (
            e.cameo_root == x.root and source_matches(x.source, e.actor)
            and target_matches(x.target, e.recipient)))
        roots = _match(rec.expected, events, lambda x, e: e.cameo_root == x.root)
        sr = _match(rec.expected, events, lambda x, e: (
            e.cameo_root == x.root and source_matches(x.source, e.actor)))
        either = _match(rec.expected, events, lambda x, e: (
            e.cameo_root in x.roots and source_matches(x.source, e.actor)
            and target_matches(x.target, e.recipient)))
        root_either = _match(rec.expected, events, lambda x, e: e.cameo_root in x.roots)
        dyad = _match(rec.expected, events, lambda x, e: (
            source_matches(x.source, e.actor) and target_matches(x.target, e.recipient)))
        found_either += sum(h is not None for h in either)
        found_root_either += sum(h is not None for h in root_either)
        found_dyad += sum(h is not None for h in dyad)
        unmappable += sum(not x.roots for x in rec.expected)
        found += sum(h is not None for h in full)
        found_root += sum(h is not None for h in roots)
        found_sr += sum(h is not None for h in sr)
        cat = per_cat.setdefault(rec.category, [0, 0])
        cat[0] += sum(h is not None for h in either)
        cat[1] += len(rec.expected)
        for exp, hit in zip(rec.expected, either):
            if hit is None:
                misses.append(PetrMiss(rec, exp, _miss_cause(exp, events, c),
                                       [describe(e) for e in events]))
    return PetrScore(n_sentences=len(records), n_expected=n_expected, found=found,
                     found_root=found_root, found_source_root=found_sr,
                     found_either=found_either, found_root_either=found_root_either,
                     found_dyad=found_dyad, n_unmappable=unmappable, n_noevent=n_noevent,
                     noevent_clean=clean, coded=n_coded, misses=misses,
                     per_category={k: (v[0], v[1]) for k, v in sorted(per_cat.items())})


@dataclass
class PetrDictScore:
    n_expected: int
    found: int
    exact: int
    dyad: int
    n_noevent: int
    noevent_clean: int
    coded: int
    misses: list[PetrMiss]

    @property
    def share(self) -> float:
        return self.found / max(1, self.n_expected)

    @property
    def exact_share(self) -> float:
        return self.exact / max(1, self.n_expected)

    @property
    def dyad_share(self) -> float:
        return self.dyad / max(1, self.n_expected)


def describe_coded(ev: Any) -> str:
    target = _fmt(actor_parts(ev.target)) if ev.target is not None else "-"
    return f"{_fmt(actor_parts(ev.source))}>{target} {ev.code} [{ev.pattern}]"


def score_petrarch_dictionary(records: Sequence[PetrRecord], extractor: Any,
                              shared_dir: Path | str) -> PetrDictScore:
    """The share of PETRARCH2's expected events that ``sitroom code`` finds with the suite's
    own verb dictionary, at (source, target, root) and at the exact code."""
    from sitroom.records import Article
    from sitroom.verbs.dictionary import load_verb_dictionary

    verbs = load_verb_dictionary(Path(shared_dir) / PETR_VERBS)
    articles = [Article(id=r.id, date=r.date, title="", text=r.text, source=None, origin=r.id)
                for r in records]
    results = list(extractor.code(articles, verbs))
    n = found = exact = dyad = n_noevent = clean = coded = 0
    misses: list[PetrMiss] = []
    for rec, result in zip(records, results):
        events = () if isinstance(result, Exception) else result[1]
        coded += len(events)
        if rec.noevents and not rec.expected:
            n_noevent += 1
            clean += not events
            continue
        n += len(rec.expected)

        def same_dyad(x: PetrEvent, e: Any) -> bool:
            return source_matches(x.source, e.source) and target_matches(x.target, e.target)

        full = _match(rec.expected, events, lambda x, e: e.code[:2] == x.root and same_dyad(x, e))
        found += sum(h is not None for h in full)
        exact += sum(h is not None for h in _match(
            rec.expected, events, lambda x, e: e.code == x.code and same_dyad(x, e)))
        dyad += sum(h is not None for h in _match(rec.expected, events, same_dyad))
        misses += [PetrMiss(rec, x, "not found", [describe_coded(e) for e in events])
                   for x, hit in zip(rec.expected, full) if hit is None]
    return PetrDictScore(n_expected=n, found=found, exact=exact, dyad=dyad, n_noevent=n_noevent,
                         noevent_clean=clean, coded=coded, misses=misses)
