"""Paste the real output of the demo (`sitroom run examples/wikinews`) into README.md.

    .venv/bin/python scripts/gen_readme_demo.py          # run the demo, rewrite the README block
    .venv/bin/python scripts/gen_readme_demo.py --check  # exit 1 if the README shows other output

The block is the fenced one that starts with `$ .venv/bin/sitroom run examples/wikinews`.
tests/test_docs.py runs `demo_output()` and compares it with the README.
"""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
COMMAND = "$ .venv/bin/sitroom run examples/wikinews --db demo.duckdb"
BLOCK = re.compile(r"(```\n" + re.escape(COMMAND) + r"\n)(.*?)(```)", flags=re.S)


def demo_output() -> str:
    """What `make demo` prints, with the temporary store's path shown as demo.duckdb."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.duckdb"
        run = subprocess.run([sys.executable, "-m", "sitroom", "run", "examples/wikinews",
                              "--db", str(db)], cwd=ROOT, capture_output=True, text=True,
                             check=True)
    return run.stdout.replace(str(db), "demo.duckdb").rstrip("\n") + "\n"


def shown(readme: str) -> str:
    match = BLOCK.search(readme)
    if match is None:
        raise SystemExit(f"README.md has no block starting with {COMMAND!r}")
    return match.group(2)


def main(argv: list[str]) -> int:
    readme = README.read_text(encoding="utf-8")
    out = demo_output()
    if "--check" in argv:
        stale = shown(readme) != out
        if stale:
            print("README.md's demo output is stale: run scripts/gen_readme_demo.py",
                  file=sys.stderr)
        return int(stale)
    README.write_text(BLOCK.sub(lambda m: m.group(1) + out + m.group(3), readme), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
