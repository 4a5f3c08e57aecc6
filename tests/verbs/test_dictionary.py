"""Reading PETRARCH/TABARI verb dictionaries: forms, phrasal verbs, synsets, patterns, codes,
and errors that name the file and line. The dictionaries here are written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.errors import KnowledgeBaseError
from sitroom.verbs.dictionary import load_verb_dictionary, verb_forms

DICTIONARY = """<!-- a test dictionary -->
&MONEY
+DOLLARS
+AID PACKAGE

&HOW_
+SHARPLY
+IN_STRONG_TERMS

--- CRITICIZE [111] ---
CRITICIZE    # a comment
CRITICISE
- $ * + &HOW [112]
- * HANDLING_OF [113]
- RIOT_* [---]

--- MEET  [031:032] ---
MEET {MET MEETS MEETING}
- % * [030]

--- BREAK  [---] ---
BREAK {BROKE BROKEN}
+BREAK_OFF {+BROKE_OFF +BROKEN_OFF} [161]
WIRE_+TAP [171]
- * RELATIONS WITH + [160] ; TABARI-style comment
- * &MONEY [070]
"""


@pytest.fixture()
def path(tmp_path: Path) -> Path:
    p = tmp_path / "test.verbs.txt"
    p.write_text(DICTIONARY)
    return p


def test_regular_and_irregular_forms(path: Path) -> None:
    d = load_verb_dictionary(path)
    assert verb_forms("CRITICIZE") == {"CRITICIZE", "CRITICIZES", "CRITICIZED", "CRITICIZING"}
    assert verb_forms("RALLY") >= {"RALLIES", "RALLIED"} and "PUSHES" in verb_forms("PUSH")
    assert {v.code for v in d.verbs_for("criticised", "criticise")} == {"111"}
    assert [v.words for v in d.verbs_for("met", "meet")] == [("MET",)]
    # by lemma when the written form was not generated ("meets" is listed, "criticizin'" is not)
    assert d.verbs_for("criticizin'", "criticize")[0].base == "CRITICIZE"


def test_phrasal_verbs_and_codes(path: Path) -> None:
    d = load_verb_dictionary(path)
    broke = {v.words: v for v in d.verbs_for("broke", "break")}
    assert broke[("BROKE",)].code is None  # a `---` block: the bare verb codes nothing
    assert broke[("BROKE", "OFF")].code == "161"
    tap = d.verbs_for("tapped", "tap")[0]  # "TAPED" is generated: found by its lemma
    assert tap.words == ("WIRE", "TAP") and tap.head == 1 and tap.code == "171"
    meet = d.verbs_for("meet", "meet")[0]
    assert (meet.code, meet.reverse) == ("031", "032")


def test_patterns(path: Path) -> None:
    d = load_verb_dictionary(path)
    block = d.verbs_for("criticize", "criticize")[0].block
    pats = {p.code: p for p in d.patterns[block]}
    assert [s.kind for s in pats["112"].pre] == ["$"] and \
        [s.kind for s in pats["112"].post] == ["+", "word"]
    how = pats["112"].post[1].phrases
    assert ("SHARPLY",) in how and ("IN", "STRONG", "TERMS") in how
    assert ("SHARPLIES",) not in how  # a label ending in `_` makes no plurals
    handling = pats["113"].post
    assert [s.phrases for s in handling] == [(("HANDLING",),), (("OF",),)]
    assert [s.joined for s in handling] == [False, True]  # HANDLING_OF: adjacent
    riot = next(p for p in d.patterns[block] if p.text.startswith("- RIOT"))
    assert riot.code is None and riot.pre[0].joined  # RIOT_*: right before the verb
    money = next(p for p in d.patterns[d.verbs_for("broke", "break")[0].block]
                 if p.code == "070")
    assert ("DOLLARS",) in money.post[0].phrases and ("AID", "PACKAGES") in money.post[0].phrases
    # the most specific pattern is tried first
    assert d.patterns[block][0].code == "112"


def test_errors_name_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.verbs.txt"
    bad.write_text("ATTACK [190]\n--- ATTACK [190] ---\nATTACK\n")
    with pytest.raises(KnowledgeBaseError, match=r"bad\.verbs\.txt: line 1: 'ATTACK \[190\]'"):
        load_verb_dictionary(bad)
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing here\n")
    with pytest.raises(KnowledgeBaseError, match="no verbs found"):
        load_verb_dictionary(empty)
    with pytest.raises(KnowledgeBaseError, match="cannot read"):
        load_verb_dictionary(tmp_path / "missing.txt")


def test_undefined_synset_skips_the_pattern(tmp_path: Path) -> None:
    p = tmp_path / "v.txt"
    p.write_text("--- ATTACK [190] ---\nATTACK\n- * &NOWHERE [195]\n- * TOWN [193]\n")
    d = load_verb_dictionary(p)
    assert [x.code for x in d.patterns[d.verbs_for("attack", "attack")[0].block]] == ["193"]


def test_reads_petrarch_validation_dictionary(shared: Path) -> None:
    d = load_verb_dictionary(shared / "gold" / "peers" / "petrarch2" / "PETR.Validate.verbs.txt")
    assert len(d.forms) > 1000 and sum(len(p) for p in d.patterns.values()) > 450
