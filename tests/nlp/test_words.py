"""The coder's word lists are data files (sitroom/coder/words/*.txt), loaded once, and a
malformed line is an error that names its file and line."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import sitroom.coder.words as words
from sitroom.errors import KnowledgeBaseError

FOLDER = Path(words.__file__).parent


def test_every_file_is_loaded_and_every_load_has_a_file() -> None:
    code = (FOLDER / "__init__.py").read_text(encoding="utf-8")
    loaded = set(re.findall(r'load\("([a-z_]+)"\)', code))
    assert loaded == {p.stem for p in FOLDER.glob("*.txt")}
    for name in loaded:
        assert words.load(name)


def test_comments_and_blank_lines_are_skipped() -> None:
    assert words.parse_words("# a list\n\nkill  # a verb\nshoot\n", "x.txt") == {"kill", "shoot"}


@pytest.mark.parametrize(("text", "where", "problem"), [
    ("kill\nshoot dead\n", "x.txt:2", "one word per line"),
    ("kill\nshoot\nkill\n", "x.txt:3", "already on line 1"),
    ("# nothing\n", "x.txt", "no words"),
])
def test_malformed_lists_name_file_and_line(text: str, where: str, problem: str) -> None:
    with pytest.raises(KnowledgeBaseError) as err:
        words.parse_words(text, "x.txt")
    assert err.value.path == where and problem in err.value.problem
