"""JSONL and CSV records (`id, date, title, text, source, url`; only `date` and `text` required)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import InputError
from ..records import Article
from .common import MAX_FILE_BYTES, article_id, check_date, parse_iso_date
from .seedformat import clean_paragraphs

Item = Article | InputError


def _field(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return str(value).strip()


def article_from_record(record: Any, origin: str) -> Article:
    """Turn one JSON/CSV record into an Article, or raise InputError naming the record."""
    if not isinstance(record, dict):
        raise InputError(origin, f"expected a JSON object, found {type(record).__name__}")
    raw_text = _field(record, "text")
    if raw_text is None:
        raise InputError(origin, "missing required field 'text'")
    if "date" not in record or record["date"] in (None, ""):
        raise InputError(origin, "missing required field 'date'")
    day = check_date(parse_iso_date(record["date"], origin, "field 'date'"), origin)
    text = "\n\n".join(clean_paragraphs(raw_text))
    if not text:
        raise InputError(origin, "field 'text' holds no article text")
    return Article(id=article_id(day, text), date=day, title=_field(record, "title") or "",
                   text=text, source=_field(record, "source"), origin=origin,
                   url=_field(record, "url"))


def _record_origin(path: str, record: Any, fallback: str) -> str:
    rid = record.get("id") if isinstance(record, dict) else None
    return f"{path}#{rid}" if rid not in (None, "") else f"{path}#{fallback}"


def read_jsonl(lines: Iterable[tuple[int, str]], path: str,
               max_bytes: int = MAX_FILE_BYTES) -> Iterator[Item]:
    """One article per numbered JSON line; a line that does not parse is reported and skipped."""
    for number, line in lines:
        if not line.strip():
            continue
        if len(line) > max_bytes:
            yield InputError(f"{path}#line {number}", f"record larger than {max_bytes} bytes")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{path}#line {number}", f"JSON does not parse: {exc.msg} "
                             f"(column {exc.colno})")
            continue
        origin = _record_origin(path, record, f"line {number}")
        try:
            yield article_from_record(record, origin)
        except InputError as err:
            yield err


def read_csv(text: str, path: str) -> Iterator[Item]:
    """One article per CSV row with a header line naming the fields."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in reader.fieldnames or "date" not in reader.fieldnames:
        yield InputError(path, f"CSV header must name 'date' and 'text', found {reader.fieldnames}")
        return
    try:
        for number, row in enumerate(reader, start=2):
            origin = _record_origin(path, row, f"line {number}")
            try:
                yield article_from_record(row, origin)
            except InputError as err:
                yield err
    except csv.Error as exc:
        yield InputError(f"{path}#line {reader.line_num}", f"CSV does not parse: {exc}")
