"""The texts the speed benches time: the two seeds and the 200 seed-format Wikinews articles."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PATHS = [str(SHARED / "seeds"), str(SHARED / "corpora" / "wikinews-seedformat")]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def read_corpus() -> list | None:
    """The corpus as Articles, or None (having said so on stderr) where ../shared lacks it."""
    from sitroom.ingest import read_paths

    if not all(Path(p).is_dir() for p in PATHS):
        print(f"not found: {PATHS}", file=sys.stderr)
        return None
    return [a for a in read_paths(PATHS) if hasattr(a, "text")]
