"""JSON, JSONL and CSV records (`id, date, title, text, source, url`; only `date` and `text`
required)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from ..errors import InputError
from ..records import Article
from .common import (MAX_FILE_BYTES, Item, ReadOptions, article_id, check_date, describe_size,
                     parse_iso_date)
from .seedformat import clean_paragraphs

__all__ = ["Item", "article", "article_from_record", "read_csv", "read_json", "read_jsonl"]
_OPTIONAL_TYPES = (str, int, float)


def article(day: date | None, text: str, origin: str, options: ReadOptions, *,
            title: str = "", source: str | None = None, url: str | None = None) -> Article:
    """An Article from a page or feed item's text; a missing date takes the default date or is
    an error naming `origin`."""
    if day is None:
        if options.default_date is None:
            raise InputError(origin, "no publication date found (give --default-date to use one)")
        day = options.default_date
    day = check_date(day, origin)
    body = "\n\n".join(clean_paragraphs(text))
    if not body:
        raise InputError(origin, "no article text found")
    return Article(id=article_id(day, body), date=day, title=title.strip(), text=body,
                   source=source or None, origin=origin, url=url or None)


def _field(record: dict[str, Any], name: str, origin: str,
           types: tuple[type, ...] = _OPTIONAL_TYPES) -> str | None:
    """The field as stripped text (None when absent or blank); a value of another type, or
    text that is not valid Unicode, is an error naming the field."""
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, types):
        raise InputError(origin, f"field {name!r} must be a string, found "
                         f"{type(value).__name__}")
    text = str(value).strip()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(origin, f"field {name!r} is not valid Unicode (lone surrogate)") from None
    return text or None


def article_from_record(record: Any, origin: str) -> Article:
    """Turn one JSON/CSV record into an Article, or raise InputError naming the record."""
    if not isinstance(record, dict):
        raise InputError(origin, f"expected a JSON object, found {type(record).__name__}")
    raw_text = _field(record, "text", origin, (str,))
    if raw_text is None:
        raise InputError(origin, "missing required field 'text'")
    raw_date = _field(record, "date", origin, (str,))
    if raw_date is None:
        raise InputError(origin, "missing required field 'date'")
    day = check_date(parse_iso_date(raw_date, origin, "field 'date'"), origin)
    text = "\n\n".join(clean_paragraphs(raw_text))
    if not text:
        raise InputError(origin, "field 'text' holds no article text")
    return Article(id=article_id(day, text), date=day, title=_field(record, "title", origin) or "",
                   text=text, source=_field(record, "source", origin), origin=origin,
                   url=_field(record, "url", origin))


def _record_origin(path: str, record: Any, fallback: str) -> str:
    rid = record.get("id") if isinstance(record, dict) else None
    if isinstance(rid, str | int) and not isinstance(rid, bool) and str(rid).strip():
        return f"{path}#{str(rid).strip()[:200]}"
    return f"{path}#{fallback}"


def _loads(text: str, origin: str) -> Any:
    """Parse JSON, turning every way it can fail (syntax, nesting, huge numbers) into an
    InputError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(origin, f"JSON does not parse: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise InputError(origin, "JSON nested too deeply to read") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise InputError(origin, f"JSON does not parse: {exc}") from None


def _from_record(record: Any, path: str, fallback: str) -> Item:
    origin = _record_origin(path, record, fallback)
    try:
        return article_from_record(record, origin)
    except InputError as err:
        return err


def read_jsonl(lines: Iterable[tuple[int, str]], path: str,
               max_bytes: int = MAX_FILE_BYTES) -> Iterator[Item]:
    """One article per numbered JSON line; a line that does not parse is reported and skipped."""
    for number, line in lines:
        if not line.strip():
            continue
        if len(line) > max_bytes:
            yield InputError(f"{path}#line {number}",
                             f"record larger than the {describe_size(max_bytes)} limit")
            continue
        try:
            record = _loads(line, f"{path}#line {number}")
        except InputError as err:
            yield err
            continue
        yield _from_record(record, path, f"line {number}")


def read_json(text: str, path: str) -> Iterator[Item]:
    """A JSON file: one record, or an array of records (each reported on its own)."""
    try:
        value = _loads(text, path)
    except InputError as err:
        yield err
        return
    if isinstance(value, list):
        for number, record in enumerate(value, start=1):
            yield _from_record(record, path, f"item {number}")
    else:
        yield _from_record(value, path, "item 1")


def read_csv(text: str, path: str, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Item]:
    """One article per CSV row with a header line naming the fields; a row that does not parse
    is reported with its line and the rows after it go on."""
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)  # a record may be as large as a whole article file
    reader = csv.DictReader(io.StringIO(text))
    try:
        fields = reader.fieldnames
    except csv.Error as exc:
        yield InputError(f"{path}#line 1", f"CSV header does not parse: {exc}")
        return
    if not fields or "text" not in fields or "date" not in fields:
        yield InputError(path, f"CSV header must name 'date' and 'text', found "
                         f"{str(fields)[:200]}")
        return
    while True:
        first = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(f"{path}#line {first}", f"CSV does not parse: {exc}")
            continue
        yield _from_record(row, path, f"line {first}")
