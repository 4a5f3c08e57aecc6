"""Score the whole coder and the type classifier on the PLOVER gold records (322 sentences).

    .venv/bin/python bench/plover_gsr.py [--shared ../shared] [--misses] [--weights PATH] [-v]
    .venv/bin/python bench/plover_gsr.py --coder-only [--misses]

The coder figures (type accuracy of the whole rule-based coder, actor and target accuracy; the
choice of one event per sentence is documented in ``bench/peers.py``) come first; ``--misses``
lists the coder's misses grouped by cause. Then the type classifier's figures (``-v`` lists its
misses), ending with its speed ("inference: ... us/sentence batched, ... one at a time"; the
target is under 1 ms a sentence; 140-180 us measured). That printed figure is where speed is
watched: the tests do not time it.

The gold file (../shared/gold/peers/plover_gsr/PLOVER_GSR_CAMEO.txt) is JSON, coded with PLOVER
v0.5b1. ``load_plover_gsr`` maps its types to current PLOVER (DEMAND->REQUEST,
DISAPPROVE->ACCUSE/disapprove, INVESTIGATE->ACCUSE/investigate, FIGHT->ASSAULT) and its v0.5 modes
to current modes where one exists, and reads the inline markup of ``textInfo.markup``:
``(SRC: ...)``, ``(TAR: ...)``, ``(SRC/TAR: ...)`` (reciprocal: both), ``(EVT: ...)``,
``(LOC: ...)``; spans nest, e.g. ``(SRC: Ethnic Albanians (LOC:in south Serbia))``.
Evaluation only: nothing here is ever used for training.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # tests/nlp/test_typeclf.py loads this file by path

# the loaders live in bench/peers.py (shared with bench/petrarch2.py and tests/test_peers.py)
from peers import (GSR_FILE, V05_MODES, V05_TYPES, GsrRecord,  # noqa: E402,F401
                   load_plover_gsr, map_type, parse_markup, score_gsr)


def score(records: list[GsrRecord], clf=None, future_as_agree: bool = True) -> dict:
    """Type (and mode) accuracy of the classifier; OTHER counts as wrong.

    With ``threshold`` 0 the best of the 16 event types is taken (the gold sentences all carry an
    event; the coder asks the model to type a clause its rules found). ``acc_with_other`` lets the
    OTHER class and the stored threshold compete, as for unfiltered sentences.
    ``future_as_agree``: see ``TypeClassifier.predict``.
    """
    from sitroom.nlp.typeclf import OTHER, TypeClassifier

    clf = clf or TypeClassifier.load()
    texts = [r.text for r in records]
    t0 = time.perf_counter()
    preds = clf.predict(texts, threshold=None, future_as_agree=future_as_agree)
    per_sentence = (time.perf_counter() - t0) / max(1, len(texts))
    forced = clf.predict(texts, threshold=0.0, future_as_agree=future_as_agree)
    best16 = [p.type if p.type != OTHER else next(c for c in p.top if c[0] != OTHER)[0]
              for p in forced]
    ok = [b == r.type for b, r in zip(best16, records)]
    ok_other = [p.type == r.type for p, r in zip(preds, records)]
    with_mode = [(r, clf.mode_for(r.text, r.type)[0]) for r in records if r.mode]
    by_type: dict[str, list[bool]] = {}
    for r, good in zip(records, ok):
        by_type.setdefault(r.type, []).append(good)
    confusion = Counter((r.type, b) for r, b in zip(records, best16) if b != r.type)
    return {
        "n": len(records),
        "type_acc": sum(ok) / len(ok),
        "acc_with_other": sum(ok_other) / len(ok_other),
        "other_rate": sum(p.type == OTHER for p in preds) / len(preds),
        "mode_acc_given_type": (sum(m == r.mode for r, m in with_mode) / len(with_mode)
                                if with_mode else None),
        "n_mode": len(with_mode),
        "per_type": {t: (sum(v) / len(v), len(v)) for t, v in sorted(by_type.items())},
        "confusion": confusion.most_common(12),
        "ms_per_sentence": per_sentence * 1000,
        "preds": list(zip(records, best16, preds)),
    }


def coder_report(records: list[GsrRecord], misses: bool = False) -> None:
    """Print the whole coder's figures on the gold records (and its misses by cause)."""
    from sitroom.extract import Extractor

    t0 = time.perf_counter()
    res = score_gsr(records, Extractor())
    took = time.perf_counter() - t0
    print(f"PLOVER GSR, whole coder: {res.n} sentences ({took:.1f} s with model loading)")
    print(f"type accuracy:   {res.type_acc:.3f}  (no event on {res.no_event} sentences, "
          f"counted wrong)")
    print(f"actor accuracy:  {res.actor_acc:.3f}  (chosen event's actor overlaps a SRC span)")
    print(f"target accuracy: {res.target_acc:.3f}  (recipient overlaps a TAR span; "
          f"{res.n_target} sentences mark one)")
    print(f"trigger found:   {res.trigger_acc:.3f}  (chosen event's trigger inside an EVT span)")
    print("per type: " + ", ".join(f"{t} {a:.2f}/{n}" for t, (a, n) in res.per_type.items()))
    print("misses by cause: " + ", ".join(
        f"{c} {k}" for c, k in Counter(
            o.cause.split(":")[0] if o.cause.startswith("wrong") else o.cause
            for o in res.outcomes if o.cause).most_common()))
    if misses:
        groups: dict[str, list] = {}
        for o in res.outcomes:
            if o.cause:
                groups.setdefault(o.cause, []).append(o)
        for cause, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"\n== {cause} ({len(items)})")
            for o in items:
                got = (f"{o.event.type} {o.event.actor.text!r}>"
                       f"{o.event.recipient.text if o.event.recipient else '-'!r}"
                       if o.event else "nothing")
                print(f"  {o.record.id} EVT {'|'.join(o.record.event_text)!r}: got {got} | "
                      f"{o.record.text}")
    print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="PLOVER GSR: the coder's and the type "
                                 "classifier's type accuracy")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--weights", type=Path, default=None)
    ap.add_argument("--misses", action="store_true", help="list the coder's misses by cause")
    ap.add_argument("--coder-only", action="store_true", help="skip the type classifier")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every classifier miss")
    args = ap.parse_args(argv)
    records = load_plover_gsr(args.shared)
    coder_report(records, args.misses)
    if args.coder_only:
        return 0
    from sitroom.nlp.typeclf import TypeClassifier

    t0 = time.perf_counter()
    clf = TypeClassifier.load(args.weights)
    load_s = time.perf_counter() - t0
    clf.predict(["warm up"])
    res = score(records, clf)
    raw = score(records, clf, future_as_agree=False)
    # timing on one core, single sentences (the coder's use) and one batch
    texts = [r.text for r in records] * 5
    t0 = time.perf_counter()
    for t in texts:
        clf.predict([t])
    single_ms = (time.perf_counter() - t0) / len(texts) * 1000
    print(f"PLOVER GSR: {res['n']} sentences, v0.5 labels mapped to current PLOVER")
    print(f"type accuracy (best of 16 types): {res['type_acc']:.3f} "
          f"(model alone, without the future->AGREE rule: {raw['type_acc']:.3f})")
    print(f"type accuracy with OTHER allowed:   {res['acc_with_other']:.3f} "
          f"(OTHER on {res['other_rate']:.1%} of these all-event sentences)")
    if res["mode_acc_given_type"] is not None:
        print(f"mode accuracy given gold type:      {res['mode_acc_given_type']:.3f} "
              f"({res['n_mode']} records with a mappable mode)")
    print("per type: " + ", ".join(f"{t} {a:.2f}/{n}" for t, (a, n) in res["per_type"].items()))
    print("top confusions (gold -> predicted): "
          + ", ".join(f"{g}->{p} {c}" for (g, p), c in res["confusion"]))
    print(f"inference: {res['ms_per_sentence'] * 1000:.0f} us/sentence batched, "
          f"{single_ms * 1000:.0f} us/sentence one at a time; weights load {load_s * 1000:.0f} ms")
    if args.verbose:
        for r, best, p in res["preds"]:
            if best != r.type:
                print(f"  {r.id} gold {r.type} got {best} ({p.prob(best):.2f}): {r.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
