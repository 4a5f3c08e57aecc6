"""Write docs/rules.md from the coder's rule registry (sitroom.coder.rules.RULES).

    .venv/bin/python scripts/gen_rules_docs.py          # rewrite docs/rules.md
    .venv/bin/python scripts/gen_rules_docs.py --check  # exit 1 if docs/rules.md is out of date

tests/nlp/test_rules.py runs `render()` and compares it with the file.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES_MD = ROOT / "docs" / "rules.md"
INTRO = """# The coder's rules

Every decision of the coder that keeps, drops, retypes or re-assigns a frame or an event is a
named rule (`sitroom.coder.rules.Rule`): a one-line doc, the PLOVER or linguistic reason, the
stage it belongs to, and example sentences it fires on (+) and must not fire on (-), which
tests/nlp/test_rules.py runs through the real pipeline. `sitroom explain TEXT` shows the rules
that fired on a text; `sitroom extract --trace` adds them to each event as `rules`.

To add a rule: declare it with `rule(...)` beside its stage (sentence, candidate and frame
stages in `sitroom/coder/frame_rules.py`, requirement vetoes in `sitroom/coder/candidates.py`,
event rules in `sitroom/coder/event.py`), apply it where the stage runs (`frames.py`,
`event.py`), give it examples, and regenerate this page with
`.venv/bin/python scripts/gen_rules_docs.py`.

Generated from the registry; do not edit by hand.
"""


def render() -> str:
    """docs/rules.md as it should read."""
    sys.path.insert(0, str(ROOT))
    import sitroom.coder.explain  # noqa: F401  (imports every stage, so every rule registers)
    from sitroom.coder.rules import RULES, STAGES

    out = [INTRO]
    for stage in STAGES:
        rules = [r for r in RULES.values() if r.stage == stage]
        if not rules:
            continue
        out += [f"## Stage: {stage}", "", "| rule | action | what | why | examples |",
                "|---|---|---|---|---|"]
        for r in rules:
            examples = "<br>".join([f"+ {t}" for t in r.positive] + [f"- {t}" for t in r.negative])
            cells = [f"`{r.name}`", r.action, r.doc, r.reason, examples or "(none yet)"]
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        out.append("")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        return 0 if RULES_MD.read_text(encoding="utf-8") == text else 1
    RULES_MD.write_text(text, encoding="utf-8")
    print(f"wrote {RULES_MD}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
