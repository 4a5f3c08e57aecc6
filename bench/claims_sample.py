"""Claim groups of a store for an analyst to judge (issue 17's note): how many groups and
contested groups, and N random contested groups and N random groups of two or more claims,
printed with each claim's value, qualifier, role, claimant, date and sentence.

    .venv/bin/sitroom ingest ../shared/corpora/wikinews_en.jsonl --db /tmp/wn.duckdb
    .venv/bin/python bench/claims_sample.py --db /tmp/wn.duckdb -n 60 --seed 17

Reads only. The groups are the stored ones (`Store.listed_claim_groups`, as `sitroom claims`
lists them).
"""
from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path
from typing import Any

from sitroom.store.db import Store


def describe(group: Any) -> str:
    """A group as an analyst reads it: what, range, flag, then its claims."""
    first = group.claims[0]
    flag = " CONTESTED" if group.contested else ""
    lines = [f"{group.group_id} {group.about!r} [{first.role}; {first.counted or group.unit}] "
             f"{group.min:g}..{group.max:g}{flag}"]
    for c in group.claims:
        who = c.claimant.text if c.claimant else "(article)"
        lines.append(f"    {c.date or c.article_date} {c.article_id[:8]} {who}: {c.qualifier} "
                     f"{c.value:g}{'-%g' % c.value_max if c.value_max else ''} "
                     f"ev={c.event_id and c.event_id[:6]} | {c.evidence.text[:160]}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("-n", type=int, default=60, help="groups drawn of each kind")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    with Store(args.db, read_only=True) as store:
        groups, stale = store.listed_claim_groups()
        claims = store.count("claims")
    contested = [g for g in groups if g.contested]
    multi = [g for g in groups if len(g.claims) >= 2]
    roles = Counter(g.claims[0].role for g in groups)
    print(f"{claims} claims, {len(groups)} groups ({'grouped now' if stale else 'stored'}), "
          f"{len(multi)} with >= 2 claims, {len(contested)} contested; roles: "
          f"{dict(roles.most_common())}")
    rng = random.Random(args.seed)
    for name, pool in (("contested", contested), ("with >= 2 claims", multi)):
        print(f"\n== {min(args.n, len(pool))} random groups {name} ==")
        for k, group in enumerate(rng.sample(pool, min(args.n, len(pool))), 1):
            print(f"[{k}] {describe(group)}")


if __name__ == "__main__":
    main()
