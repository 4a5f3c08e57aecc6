"""POST bodies: read within a size limit, and validated as the CLI validates JSONL records."""
from __future__ import annotations

import json
from typing import Any

from fastapi import Request

from ..errors import InputError
from ..ingest.common import MAX_FILE_BYTES
from .errors import BadRequest, InvalidInput, TooLarge

MAX_BODY_BYTES = MAX_FILE_BYTES
"""Largest POST body accepted (the same limit as one article file or record)."""
MAX_RECORDS = 1000
"""Most articles in one POST."""


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing (413) anything over `limit` bytes without reading it all."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            size = int(declared)
        except ValueError:
            raise BadRequest("Content-Length header is not a number") from None
        if size > limit:
            raise TooLarge(f"request body is {size} bytes, larger than the {limit} byte limit")
    chunks, total = [], 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise TooLarge(f"request body is larger than the {limit} byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


MAX_ARTICLE_CHARS = 1_000_000
"""Longest article text the extractor reads in one piece (spaCy's max_length)."""


def articles_from_body(body: bytes) -> list[Any]:
    """Validate a POST body (one record or a list) exactly as the CLI validates JSONL records."""
    from ..ingest.records import article_from_record

    if not body.strip():
        raise BadRequest("request body is empty; expected a JSON object or a list of them")
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        where = f" at line {exc.lineno} column {exc.colno}" if isinstance(
            exc, json.JSONDecodeError) else ""
        raise BadRequest(f"request body is not valid JSON{where}") from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise InvalidInput("the list of articles is empty")
    if len(records) > MAX_RECORDS:
        raise TooLarge(f"{len(records)} articles in one request; the limit is {MAX_RECORDS}")
    articles, problems = [], []
    for number, record in enumerate(records, start=1):
        rid = record.get("id") if isinstance(record, dict) else None
        origin = f"api#{rid}" if rid not in (None, "") else f"api#record {number}"
        try:
            article = article_from_record(record, origin)
            if len(article.text) > MAX_ARTICLE_CHARS:
                raise InputError(origin, f"text is {len(article.text)} characters, over the "
                                 f"{MAX_ARTICLE_CHARS} the extractor reads")
            articles.append(article)
        except InputError as err:
            problems.append({"record": number, "origin": err.origin, "problem": err.problem})
    if problems:
        shown = "; ".join(f"{p['origin']}: {p['problem']}" for p in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise InvalidInput(f"{len(problems)} of {len(records)} records rejected, nothing stored: "
                      f"{shown}{more}", details=problems)
    return articles
