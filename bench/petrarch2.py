"""Score the whole coder on PETRARCH2's own unit-test suite (../shared/gold/peers/petrarch2).

    .venv/bin/python bench/petrarch2.py [--shared ../shared] [--misses] [--dictionary-misses]

284 sentences with 359 expected events (``<EventCoding sourcecode targetcode eventcode>``; 19
sentences expect none), fictional actors from PETR.Validate.actors/agents.txt loaded with
``sitroom.actors.load_petrarch``; each sentence is coded as an article dated by its record. The
matching rules (codes compared as PLOVER (country, sector) pairs; ``---`` target = none; the
expected codes read both as CAMEO and as WEIS, since the suite's verb dictionary is "mostly WEIS,
not CAMEO") are documented in ``bench/peers.py``.

Two coders are scored: the PLOVER coder (sitroom's own lexicon; its CAMEO root compared with the
suite's mostly-WEIS codes), and ``sitroom code`` with the suite's own verb dictionary
(PETR.Validate.verbs.txt), which is how a PETRARCH user brings their dictionaries to sitroom.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # peers.py beside this file, however this is loaded

from peers import (load_petrarch_records, petrarch_kb, score_petrarch,  # noqa: E402
                   score_petrarch_dictionary)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="PETRARCH2 unit-test suite: share of events found")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--misses", action="store_true", help="list the misses grouped by cause")
    ap.add_argument("--dictionary-misses", action="store_true",
                    help="list what sitroom code with the suite's verb dictionary misses")
    args = ap.parse_args(argv)
    from sitroom.extract import Extractor

    t0 = time.perf_counter()
    records = load_petrarch_records(args.shared)
    extractor = Extractor(kb=petrarch_kb(args.shared))
    res = score_petrarch(records, extractor)
    took = time.perf_counter() - t0
    n = res.n_expected
    print(f"PETRARCH2 unit tests: {res.n_sentences} sentences, {n} expected events, "
          f"{res.n_noevent} no-event sentences; {res.coded} events coded ({took:.1f} s)")
    print(f"(source, target, CAMEO root), code read as CAMEO:      {res.share:.3f} ({res.found}/{n})")
    print(f"root only, code read as CAMEO:                        {res.root_share:.3f} "
          f"({res.found_root}/{n})")
    print(f"(source, target, root), code read as CAMEO or WEIS:   {res.either_share:.3f} "
          f"({res.found_either}/{n})")
    print(f"root only, code read as CAMEO or WEIS:                {res.root_either_share:.3f} "
          f"({res.found_root_either}/{n}; {res.n_unmappable} synthetic codes accept no root)")
    print(f"(source, target) whatever the code:                   {res.dyad_share:.3f} "
          f"({res.found_dyad}/{n})")
    print(f"no-event sentences left empty:                        {res.noevent_clean}/{res.n_noevent}")
    print("per category (CAMEO or WEIS): " + ", ".join(
        f"{k} {a}/{b}" for k, (a, b) in res.per_category.items()))
    print("misses by cause: " + ", ".join(f"{c} {k}" for c, k in res.causes().most_common()))
    t0 = time.perf_counter()
    dres = score_petrarch_dictionary(records, extractor, args.shared)
    took = time.perf_counter() - t0
    print(f"\nsitroom code --verbs PETR.Validate.verbs.txt (the suite's own dictionary): "
          f"{dres.coded} events coded ({took:.1f} s)")
    print(f"(source, target, root):                               {dres.share:.3f} "
          f"({dres.found}/{dres.n_expected})")
    print(f"(source, target, exact code):                         {dres.exact_share:.3f} "
          f"({dres.exact}/{dres.n_expected})")
    print(f"(source, target) whatever the code:                   {dres.dyad_share:.3f} "
          f"({dres.dyad}/{dres.n_expected})")
    print(f"no-event sentences left empty:                        "
          f"{dres.noevent_clean}/{dres.n_noevent}")
    if args.dictionary_misses:
        for m in dres.misses:
            e = m.expected
            print(f"  {m.record.id}: want {e.source}>{e.target} {e.code}; got "
                  f"{'; '.join(m.got) or 'nothing'} | {m.record.text}")
    if args.misses:
        groups = defaultdict(list)
        for m in res.misses:
            groups[m.cause].append(m)
        for cause, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"\n== {cause} ({len(items)})")
            for m in items:
                e = m.expected
                print(f"  {m.record.id}: want {e.source}>{e.target} {e.code} "
                      f"(roots {','.join(sorted(e.roots)) or '-'}); got "
                      f"{'; '.join(m.got) or 'nothing'} | {m.record.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
