"""Actor KB speed: load time (cold, no cache) and time per `resolve` call.

Run: ``.venv/bin/python bench/actors_bench.py``.
"""
from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PHRASES = ["Ukrainian President Volodymyr Zelenskyy", "North Korean troops", "the Kremlin",
           "the head of the People's Republic of China", "U.S. Secretary of State Antony Blinken",
           "Andrii Lankov, an expert on North Korea", "the British prime minister", "police",
           "Iranian protesters", "Regional Governor Mujiv Hataman", "Western allies", "Beijing"]


def main() -> None:
    start = time.perf_counter()
    from sitroom.actors import load_kb
    kb = load_kb()
    load = time.perf_counter() - start
    on = date(2024, 10, 25)
    rounds = 500
    start = time.perf_counter()
    for _ in range(rounds):
        for phrase in PHRASES:
            kb.resolve(phrase, on)
    per_call = (time.perf_counter() - start) / (rounds * len(PHRASES))
    print(f"load (import + build, cold): {load * 1000:.0f} ms; keys: {len(kb.index)}")
    print(f"resolve: {per_call * 1e6:.1f} us per call over {rounds * len(PHRASES)} calls")


if __name__ == "__main__":
    main()
