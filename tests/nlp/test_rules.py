"""The rule registry is the test table: every named rule fires on its positive examples and not
on its negative ones, run through the whole coder (real model), as `sitroom explain` shows it."""
from __future__ import annotations

import pytest
from coderkit import DAY

from sitroom.coder.explain import text_article, traced
from sitroom.coder.rules import ACTIONS, RULES, STAGES
from sitroom.extract import Extractor

CASES = [pytest.param(name, text, True, id=f"{name}+{k}")
         for name, rule in RULES.items() for k, text in enumerate(rule.positive)] + \
        [pytest.param(name, text, False, id=f"{name}-{k}")
         for name, rule in RULES.items() for k, text in enumerate(rule.negative)]


def fired(extractor: Extractor, text: str) -> set[str]:
    return {name for _, name in traced(extractor, text_article(text, DAY))[2]}


@pytest.mark.parametrize(("name", "text", "fires"), CASES)
def test_rule_examples(extractor: Extractor, name: str, text: str, fires: bool) -> None:
    got = fired(extractor, text)
    assert (name in got) == fires, f"{name} {'did not fire' if fires else 'fired'}: {sorted(got)}"


def test_rules_are_described() -> None:
    for name, rule in RULES.items():
        assert rule.stage in STAGES and rule.action in ACTIONS, name
        assert rule.doc and "\n" not in rule.doc and len(rule.doc) <= 100, name
        assert rule.reason.startswith(("PLOVER", "linguistic")), name


def test_trace_is_on_events_not_in_the_contract(extractor: Extractor) -> None:
    event = extractor.extract_text("Police fired tear gas at protesters in Nairobi.", DAY).events[0]
    assert "crowd-control" in event.rules and "rules" not in event.to_dict()


def test_rules_md_is_up_to_date() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "gen_rules_docs.py"
    spec = importlib.util.spec_from_file_location("gen_rules_docs", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.RULES_MD.read_text(encoding="utf-8") == module.render(), \
        "docs/rules.md is out of date: run .venv/bin/python scripts/gen_rules_docs.py"
