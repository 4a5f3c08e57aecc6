"""docs/architecture.md names every package and top-level module of sitroom, so the map of
where things go cannot silently fall behind the tree."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_architecture_md_names_every_package_and_module() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "sitroom"
    names = [f"sitroom/{p.name}" for p in sorted(package.iterdir())
             if p.is_dir() and (p / "__init__.py").exists()]
    names += [f"sitroom/{p.name}" for p in sorted(package.glob("*.py"))
              if p.name not in ("__init__.py", "__main__.py")]
    missing = [name for name in names
               if name not in text and name.removesuffix(".py") + "/" not in text]
    assert not missing, f"docs/architecture.md does not place: {', '.join(missing)}"
