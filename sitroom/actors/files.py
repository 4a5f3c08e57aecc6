"""Reading the actor CSV files (standard library only): countries, roles, people, organisations."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import KnowledgeBaseError

DATA = Path(__file__).resolve().parent / "data"
PEOPLE_COLUMNS = ["name", "aliases", "country", "sector", "role", "start", "end"]
ORG_COLUMNS = ["name", "aliases", "country", "sector", "kind", "start", "end"]
FORMATS = {
    "countries": ("# sitroom-actors countries format 1",
                  ["code", "iso3", "kind", "name", "aliases", "demonyms", "seats", "regions",
                   "leader", "cities"]),
    "roles": ("# sitroom-actors roles format 1", ["word", "sector", "kind"]),
    "peoples": ("# sitroom-actors peoples format 1", ["word", "countries"]),
    "people": ("# sitroom-actors people format 1", PEOPLE_COLUMNS),
    "organizations": ("# sitroom-actors organizations format 1", ORG_COLUMNS),
}


@dataclass(frozen=True)
class Office:
    """One office a person held: a row of people.csv (start inclusive, end exclusive)."""

    name: str
    country: str | None
    sector: str | None
    role: str | None
    start: date | None
    end: date | None

    def active(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Org:
    """An organisation (a row of organizations.csv, or a PETRARCH actor with its CAMEO code)."""

    name: str
    country: str | None
    sector: str | None
    kind: str | None
    start: date | None = None
    end: date | None = None
    code: str | None = None

    def active(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


def split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _date(path: Path, line: int, value: str | None) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KnowledgeBaseError(str(path), f"line {line}: bad date {value!r} "
                                 "(expected YYYY-MM-DD)") from None


def read_rows(path: Path, kind: str | None = None) -> tuple[str, list[tuple[int, dict[str, str]]]]:
    """(kind, [(line number, row)]) for a sitroom-actors CSV; `kind` None: people or organisations,
    told by the format line or else by the header (a `role` column: people; `kind`: organisations)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(str(path), f"cannot read: {exc}") from None
    lines = text.splitlines()
    first = lines[0].strip() if lines else ""
    if kind is None:
        kind = next((k for k, (fmt, _) in FORMATS.items() if first == fmt), None)
        if kind is None:
            header = next((ln for ln in lines if ln.strip() and not ln.startswith("#")), "")
            cols = [c.strip() for c in header.split(",")]
            kind = "people" if "role" in cols else "organizations" if "kind" in cols else None
        if kind not in ("people", "organizations"):
            raise KnowledgeBaseError(str(path), "not a people or organizations file (expected "
                                     f"{FORMATS['people'][0]!r} or {FORMATS['organizations'][0]!r})")
    fmt, columns = FORMATS[kind]
    if first.startswith("# sitroom-actors") and first != fmt:
        raise KnowledgeBaseError(str(path), f"line 1: expected {fmt!r}, found {first!r}")
    body = [(i + 1, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.startswith("#")]
    if not body:
        return kind, []
    reader = csv.reader([ln for _, ln in body])
    header = [c.strip() for c in next(reader)]
    missing = [c for c in columns if c not in header and c not in ("start", "end", "cities")]
    if missing:
        raise KnowledgeBaseError(str(path), f"line {body[0][0]}: missing columns {missing}")
    rows = []
    for (num, _), values in zip(body[1:], reader):
        if len(values) > len(header):
            raise KnowledgeBaseError(str(path), f"line {num}: {len(values)} fields, header has "
                                     f"{len(header)} (quote values that contain commas)")
        rows.append((num, dict(zip(header, (v.strip() for v in values)))))
    return kind, rows


def read_people(path: Path) -> list[tuple[Office, list[str]]]:
    """Offices with the person's aliases."""
    kind, rows = read_rows(path, "people")
    out = []
    for num, row in rows:
        if not row.get("name"):
            raise KnowledgeBaseError(str(path), f"line {num}: empty name")
        office = Office(row["name"], row.get("country") or None, row.get("sector") or None,
                        (row.get("role") or "").lower() or None, _date(path, num, row.get("start")),
                        _date(path, num, row.get("end")))
        out.append((office, split(row.get("aliases"))))
    return out


def read_orgs(path: Path) -> list[tuple[Org, list[str]]]:
    kind, rows = read_rows(path, "organizations")
    out = []
    for num, row in rows:
        if not row.get("name"):
            raise KnowledgeBaseError(str(path), f"line {num}: empty name")
        org = Org(row["name"], row.get("country") or None, row.get("sector") or None,
                  row.get("kind") or None, _date(path, num, row.get("start")),
                  _date(path, num, row.get("end")))
        out.append((org, split(row.get("aliases"))))
    return out


def read_any(path: Path) -> tuple[str, list]:
    """A user file in the people or organizations format: (kind, entries)."""
    kind, _ = read_rows(path)
    return kind, (read_people(path) if kind == "people" else read_orgs(path))
