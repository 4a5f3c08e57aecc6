"""Behaviour lock for refactors: `sitroom extract` on the seeds and the 200 seed-format Wikinews
articles (the dev gold articles among them) must give the same JSONL, byte for byte.

    python scripts/output_digest.py           # compare with scripts/output_digest.sha256; exit 1 if not equal
    python scripts/output_digest.py --write   # record a new digest (only for an intended change of output)
"""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DIGEST = ROOT / "scripts" / "output_digest.sha256"
INPUTS = ["../shared/seeds", "../shared/corpora/wikinews-seedformat"]  # relative: origins stay the same in any checkout


def digest() -> tuple[str, int]:
    """sha256 of the JSONL and its line count."""
    exe = Path(sys.executable).with_name("sitroom")
    out = subprocess.run([str(exe), "extract", *INPUTS, "--format", "jsonl"],
                         cwd=ROOT, check=True, capture_output=True).stdout
    return hashlib.sha256(out).hexdigest(), out.count(b"\n")


def main(argv: list[str]) -> int:
    if not all((ROOT / p).is_dir() for p in INPUTS):
        print(f"error: {SHARED} with seeds/ and corpora/wikinews-seedformat/ is needed", file=sys.stderr)
        return 2
    value, lines = digest()
    if "--write" in argv:
        DIGEST.write_text(f"{value}  {lines} records\n", encoding="utf-8")
        print(f"wrote {DIGEST.name}: {value} ({lines} records)")
        return 0
    want = DIGEST.read_text(encoding="utf-8").split()[0]
    same = value == want
    print(f"{'identical' if same else 'CHANGED'}: {value} ({lines} records), recorded {want}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
