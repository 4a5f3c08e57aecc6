"""Import PETRARCH/TABARI (CAMEO) actor and agent dictionaries into an ActorKB.

Actors file: `NAME [CODE]` lines (words joined by `_` or spaces), `+SYNONYM` lines, code lines
`[CODE]` under a name, date restrictions `[CODE <YYMMDD]`, `[CODE >YYMMDD]`,
`[CODE YYYYMMDD-YYYYMMDD]`, `#` comments and `<!-- -->` blocks. A single word without a trailing
`_` also matches as a stem ("ARGENTIN" -> "Argentina", "Argentine"). Agents file: `NAME {PLURALS}
[~CODE]` (the agent code is appended to the actor's: "French president" -> FRA + GOV = FRAGOV),
`[CODE~]` (a primary code), and `!MACRO! = A, B` substitutions.
CAMEO code -> PLOVER: country = first 3 characters, sector = first 3-character role code after it
that maps (GOV, MIL, REB, COP, JUD, LEG, OPP->PTY, MED->JRN, ...); the raw code is kept.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..errors import KnowledgeBaseError
from .files import Org
from .kb import ActorKB, Role

CAMEO_SECTOR = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "INS": "REB", "SEP": "REB", "COP": "COP",
    "JUD": "JUD", "LEG": "LEG", "OPP": "PTY", "PTY": "PTY", "MOP": "PTY", "BUS": "BUS",
    "MNC": "BUS", "CVL": "CVL", "CIV": "CVL", "MED": "JRN", "EDU": "EDU", "ELI": "ELI",
    "REF": "REF", "SPY": "SPY", "LAB": "LAB", "AGR": "AGR", "CRM": "CRM", "UAF": "UAF",
    "HLH": "MED", "HRI": "SOC", "NGO": "SOC", "NGM": "SOC", "REL": "REL", "MUS": "REL",
    "CHR": "REL", "JEW": "REL", "BUD": "REL", "HIN": "REL", "MOS": "REL", "PRE": "PRE",
}
_COMMENT_BLOCK = re.compile(r"<!\s*--.*?-->", re.S)
_CODE = re.compile(r"^\s*([^\s<>\d]+)\s*(.*)$")


def cameo_sector(code: str) -> str | None:
    """The PLOVER sector of a CAMEO code: the first mapped 3-character role code after the
    country part (an NGO/IGO-only code maps its own first part)."""
    code = code.upper()
    for i in range(3, len(code) - 2, 3):
        if code[i:i + 3] in CAMEO_SECTOR:
            return CAMEO_SECTOR[code[i:i + 3]]
    return CAMEO_SECTOR.get(code[:3]) if code[:3] in ("NGO", "NGM") else None


def _ymd(value: str) -> date:
    if len(value) == 6:
        yy = int(value[:2])
        value = f"{1900 + yy if yy >= 30 else 2000 + yy}{value[2:]}"
    return date(int(value[:4]), int(value[4:6]), int(value[6:8]))


def _code(path: Path, num: int, spec: str) -> tuple[str, date | None, date | None] | None:
    m = _CODE.match(spec)
    if m is None:
        raise KnowledgeBaseError(str(path), f"line {num}: bad code [{spec}]")
    code, rest = m.group(1).split("/")[0].upper(), m.group(2).replace(" ", "")
    if not code.strip("-+#~") or not code.isalnum():
        return None  # a discard or null code (---, +++, ###)
    try:
        if rest.startswith("<"):
            return code, None, _ymd(rest[1:])
        if rest.startswith(">"):
            return code, _ymd(rest[1:]), None
        if "-" in rest:
            lo, hi = rest.split("-", 1)
            return code, _ymd(lo), _ymd(hi)
    except (ValueError, IndexError):
        raise KnowledgeBaseError(str(path), f"line {num}: bad date restriction [{spec}]") from None
    return code, None, None


def dictionary_lines(path: Path, keep_blank: bool = False) -> list[tuple[int, str]]:
    """(line number, text) of a PETRARCH/TABARI dictionary file without its comments (`#` and
    the legacy `;` to the end of a line, `<!-- -->` blocks); blank lines only if asked."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise KnowledgeBaseError(str(path), f"cannot read: {exc}") from None
    # blank out comment blocks but keep line numbers
    text = _COMMENT_BLOCK.sub(lambda m: "\n" * m.group().count("\n"), text)
    out = []
    for num, line in enumerate(text.splitlines(), 1):
        line = re.split(r"[#;]", line, maxsplit=1)[0].rstrip()
        if keep_blank or line.strip():
            out.append((num, line))
    return out


def _phrase(name: str) -> tuple[str, bool]:
    """(words, stem?) for a dictionary name: `_` joins words; no trailing `_` -> a stem."""
    name = name.strip()
    stem = not name.endswith("_") and "_" not in name and " " not in name
    return " ".join(name.replace("_", " ").split()), stem


def _add_actor(kb: ActorKB, names: list[tuple[str, bool]], codes: list[tuple]) -> None:
    if not names or not codes:
        return
    display = names[0][0]
    # restricted codes first, in file order (the first that fits a date wins), default last
    codes = sorted(codes, key=lambda c: c[1] is None and c[2] is None)
    for code, start, end in codes:
        org = Org(display, code[:3], cameo_sector(code), "cameo", start, end, code)
        for words, stem in names:
            kb.add(words, org, stem=stem)
            if stem:
                kb.add(words, org)


def _read_actors(kb: ActorKB, path: Path) -> None:
    names: list[tuple[str, bool]] = []
    codes: list[tuple] = []
    for num, line in dictionary_lines(path):
        body = line.strip()
        if body.startswith("+"):
            if names:
                names.append(_phrase(body[1:].split("[")[0]))
            continue
        specs = re.findall(r"\[([^\]]*)\]", body)
        head = body.split("[", 1)[0].strip()
        if head:
            _add_actor(kb, names, codes)
            names, codes = [_phrase(head)], []
        for spec in specs:
            parsed = _code(path, num, spec)
            if parsed is not None:
                codes.append(parsed)
    _add_actor(kb, names, codes)


def _plurals(words: str) -> list[str]:
    last = words.split(" ")[-1]
    if last.endswith("Y") and not last.endswith(("AY", "EY", "OY")):
        return [words[:-1] + "IES"]
    if last.endswith(("S", "X", "CH", "SH")):
        return [words + "ES"]
    return [words + "S"]


def _read_agents(kb: ActorKB, path: Path) -> None:
    macros: dict[str, list[str]] = {}
    for num, line in dictionary_lines(path):
        body = line.strip()
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", body)
        if m:
            macros[m.group(1)] = [v.strip() for v in m.group(2).split(",") if v.strip()]
            continue
        spec = re.search(r"\[([^\]]*)\]", body)
        if spec is None:
            raise KnowledgeBaseError(str(path), f"line {num}: agent without a [code]")
        code = spec.group(1).replace(" ", "").upper()
        head = re.split(r"[\[{]", body, maxsplit=1)[0].strip()
        plural = re.search(r"\{([^}]*)\}", body)
        forms = [head]
        for macro, values in macros.items():
            forms = [f.replace(macro, v) for f in forms for v in (values if macro in f else [""])]
        words = [" ".join(f.replace("_", " ").split()) for f in forms]
        if plural is None:
            words += [p for w in words for p in _plurals(w)]
        elif plural.group(1).strip():
            words.append(" ".join(plural.group(1).replace("_", " ").split()))
        for w in words:
            if code.startswith("~"):
                agent = code[1:]
                kb.add(w, Role(w.lower(), CAMEO_SECTOR.get(agent[:3]), "body", agent))
            elif code.endswith("~"):
                primary = code[:-1]
                kb.add(w, Org(w, primary[:3], cameo_sector(primary), "cameo", code=primary))


def load_petrarch(actors_path: str | Path, agents_path: str | Path | None = None) -> ActorKB:
    """An ActorKB from a PETRARCH actors dictionary (and optionally its agents dictionary).

    `resolve` then returns the CAMEO code in `Resolution.code` ("French president" -> FRAGOV),
    with country = its first three characters and the PLOVER sector its role codes map to.
    """
    kb = ActorKB()
    kb.acronyms = False  # dictionary entries are written in capitals
    _read_actors(kb, Path(actors_path))
    if agents_path is not None:
        _read_agents(kb, Path(agents_path))
    return kb
