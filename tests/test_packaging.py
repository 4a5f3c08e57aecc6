"""Every data file the package reads ships in the wheel: each non-Python file under sitroom/
matches a package-data pattern of pyproject.toml (a file that did not would work from the
checkout and vanish from an installed wheel)."""
from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_package_data_covers_every_data_file() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["*"]
    files = [p for p in (ROOT / "sitroom").rglob("*") if p.is_file()
             and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts]
    assert files, "no data files found under sitroom/"
    missing = [str(p.relative_to(ROOT)) for p in files
               if not any(fnmatch.fnmatch(p.name, pat) for pat in patterns)]
    assert not missing, f"not in pyproject package-data, so not in the wheel: {missing}"
