"""The HTTP API and the analyst's web page, served by one process over one DuckDB file.

`create_app(db_path)` builds the ASGI app; `serve(db_path, host, port)` runs it under uvicorn.

Concurrency: DuckDB allows one read-write connection per file per process, so the app opens
exactly one `Store` (read-write, migrated) for its lifetime. Every read request takes its own
cursor (`store.con.cursor()`: a second connection to the same database instance, so reads run
in parallel in the thread pool and see committed data only). Writes (POST /api/articles) are
serialised by one lock and go through `Store.add` (one transaction per request); the spaCy
extraction runs before the write lock is taken, under its own lock. The file stays locked
against other processes while the server runs.

Counting: the timeline, dyad series, actors and network count canonical events (one per
real-world occurrence, `Store.rebuild_stories`) by default and every report with
`canonical=false`; where a store has no canonical events built they count reports and say so
(`counting`, `note`). `/api/events` lists reports unless `canonical=true`, and
`/api/events/{id}/mentions` expands a canonical event into its reports. A POST that stores
articles rebuilds the stories, as `sitroom ingest` does.

Every error is JSON: ``{"status": 422, "error": "invalid_parameter", "message": "..."}``.
"""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .errors import ExtractionError, InputError, KnowledgeBaseError, SitroomError, StoreError
from .guard import Policy, install
from .ingest.common import MAX_FILE_BYTES
from .ontology import PLOVER_TYPES, QUAD_CLASS
from .store.db import Store, event_dict, event_filters

WEB = Path(__file__).resolve().parent / "web"
MAX_BODY_BYTES = MAX_FILE_BYTES
"""Largest POST body accepted (the same limit as one article file or record)."""
MAX_RECORDS = 1000
"""Most articles in one POST."""
MAX_ARTICLE_CHARS = 1_000_000
"""Longest article text the extractor reads in one piece (spaCy's max_length)."""
MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000
STATUSES = ("asserted", "future", "hypothetical", "negated")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}
INTERVALS = ("day", "week", "month")
CONTESTED_RATIO = 1.5
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


class ApiError(SitroomError):
    """An error the API reports with a given HTTP status."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, details: list[Any] | None = None) -> None:
        super().__init__(message)
        self.details = details


class BadRequest(ApiError):
    """Malformed request (body not JSON, contradictory parameters)."""


class NotFound(ApiError):
    status, code = 404, "not_found"


class TooLarge(ApiError):
    status, code = 413, "too_large"


class NotBuilt(ApiError):
    """Canonical events were asked for explicitly, but the store has none built (yet)."""

    status, code = 409, "stories_not_built"


class Invalid(ApiError):
    status, code = 422, "invalid_parameter"


class InvalidInput(Invalid):
    """A POSTed article record fails the CLI's validation."""

    code = "invalid_input"


STATUS_OF: list[tuple[type[SitroomError], int, str]] = [
    (InputError, 422, "invalid_input"),
    (ExtractionError, 500, "extraction_failed"),
    (StoreError, 503, "store_unavailable"),
    (KnowledgeBaseError, 500, "knowledge_base_error"),
]


def error_response(status: int, code: str, message: str,
                   details: list[Any] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "error": code, "message": message}
    if details:
        body["details"] = details
    return JSONResponse(body, status_code=status)


# ----------------------------------------------------------------------------- queries


def like_pattern(text: str) -> str:
    """`%text%` for ILIKE ... ESCAPE '\\' with the user's own wildcards taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def parse_day(value: str | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Invalid(f"query parameter '{name}': expected a date YYYY-MM-DD, "
                      f"got {value[:40]!r}") from None


def check_type(value: str | None) -> str | None:
    if not value:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise Invalid(f"query parameter 'type': unknown PLOVER type {value[:40]!r}; expected "
                      f"one of {', '.join(PLOVER_TYPES)}")
    return value.upper()


def event_where(actor: str | None = None, recipient: str | None = None,
                country: str | None = None, type: str | None = None,
                quad: int | None = None, status: str | None = None,
                since: str | None = None, until: str | None = None, q: str | None = None,
                article_id: str | None = None, located: bool = False) -> tuple[str, list[Any]]:
    """A validated WHERE clause with bound parameters for every event filter the API knows."""
    day_since, day_until = parse_day(since, "since"), parse_day(until, "until")
    if day_since and day_until and day_since > day_until:
        raise BadRequest(f"'since' ({day_since}) is after 'until' ({day_until})")
    # Same semantics as Store's event_filters, but LIKE wildcards in the user's text are literal.
    where, params = event_filters(type=check_type(type), since=day_since, until=day_until)
    clauses = [where[len("WHERE "):]] if where else []
    for prefix, value in (("actor", actor), ("recipient", recipient)):
        if value:
            clauses.append(f"(upper({prefix}_country) = upper(?) OR "
                           f"{prefix}_text ILIKE ? ESCAPE '\\' OR "
                           f"{prefix}_entity ILIKE ? ESCAPE '\\')")
            params += [value, like_pattern(value), like_pattern(value)]
    if country:
        clauses.append("(upper(actor_country) = upper(?) OR upper(recipient_country) = upper(?))")
        params += [country, country]
    if quad is not None:
        clauses.append("type IN (SELECT unnest(?::VARCHAR[]))")
        params.append([t for t, k in QUAD_CLASS.items() if k == quad])
    if status:
        if status not in STATUSES:
            raise Invalid(f"query parameter 'status': expected one of {', '.join(STATUSES)}, "
                          f"got {status[:40]!r}")
        clauses.append("status = ?")
        params.append(status)
    if q:
        pattern = like_pattern(q)
        clauses.append("(evidence_text ILIKE ? ESCAPE '\\' OR actor_text ILIKE ? ESCAPE '\\' "
                       "OR recipient_text ILIKE ? ESCAPE '\\')")
        params += [pattern, pattern, pattern]
    if article_id:
        clauses.append("article_id = ?")
        params.append(article_id)
    if located:
        clauses.append("lat IS NOT NULL AND lon IS NOT NULL")
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def api_event(row: dict[str, Any]) -> dict[str, Any]:
    out = event_dict(row)
    out["quad_class"] = QUAD_CLASS.get(out["type"])
    return out


CANONICAL_EVENTS_HELP = ("true: canonical events (one per real-world occurrence, with "
                         "num_mentions, num_articles, num_sources, first/last_reported) instead "
                         "of every report; 409 where stories have not been built")
CANONICAL_COUNT_HELP = ("Count canonical events (default, where built; else every report, with "
                        "a note) or, with false, every report; true where none are built: 409")
CANONICAL_FIELDS = ("story_id", "num_mentions", "num_articles", "num_sources", "first_reported",
                    "last_reported")
NOT_BUILT = ("canonical events have not been built for this store; they are rebuilt after every "
             "ingest (`sitroom ingest`, POST /api/articles) or by Store.rebuild_stories()")


def api_canonical(row: dict[str, Any]) -> dict[str, Any]:
    """A canonical_events row: the event's fields plus its story and report counts."""
    out = api_event(row)
    out["canonical"] = True
    out.update({k: iso(row[k]) for k in CANONICAL_FIELDS})
    return out


def api_mention(row: dict[str, Any]) -> dict[str, Any]:
    """One report of a canonical event: where it was read and what it said."""
    ev = event_dict(row)
    return {"event_id": ev["event_id"], "article_id": ev["article_id"], "origin": ev["origin"],
            "title": row["title"], "source": row["source"], "article_date": ev["article_date"],
            "date": ev["date"], "repeat": row["repeat"], "type": ev["type"],
            "status": ev["status"], "actor": ev["actor"], "recipient": ev["recipient"],
            "said_by": ev["said_by"], "evidence": ev["evidence"]}


def iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def claimant_key(claim: dict[str, Any]) -> str:
    c = claim.get("claimant") or {}
    return (c.get("entity") or c.get("country") or (c.get("text") or "").lower()
            or "(unattributed)")


def claim_group(group_id: str, claims: list[dict[str, Any]]) -> dict[str, Any]:
    """A claim group: its claims, value range and whether claimants disagree by > 1.5x."""
    values = [c["value"] for c in claims if c["value"] is not None]
    highs = [c["value_max"] if c["value_max"] is not None else c["value"]
             for c in claims if c["value"] is not None]
    low = min(values) if values else None
    high = max(highs) if highs else None
    by_claimant: dict[str, list[float]] = {}
    for c in claims:
        if c["value"] is not None:
            by_claimant.setdefault(claimant_key(c), []).append(c["value"])
    contested = False
    ratio = None
    if len(by_claimant) > 1:
        reps = [sum(v) / len(v) for v in by_claimant.values()]
        lo, hi = min(reps), max(reps)
        if lo > 0:
            ratio = hi / lo
            contested = ratio > CONTESTED_RATIO
        else:
            contested = hi > 0 and lo <= 0
    first = claims[0]
    return {"group_id": group_id, "about": first["about"], "unit": first["unit"],
            "claims_count": len(claims), "claimants": sorted(by_claimant),
            "min": low, "max": high, "ratio": round(ratio, 3) if ratio else None,
            "contested": contested, "claims": claims}


def link_subgroups(groups: list[dict[str, Any]], stored: list[dict[str, Any]]) -> None:
    """Give each group its `parent` (the whole it is a sub-quantity of, from claim_groups'
    parent_group_id) and `subgroups` (ids of its sub-quantities), in place."""
    known = {g["group_id"]: g for g in stored}
    children: dict[str, list[str]] = {}
    for g in stored:
        if g["parent_group_id"] and g["parent_group_id"] != g["group_id"]:
            children.setdefault(g["parent_group_id"], []).append(g["group_id"])
    for group in groups:
        parent_id = (known.get(group["group_id"]) or {}).get("parent_group_id")
        parent = known.get(parent_id) if parent_id and parent_id != group["group_id"] else None
        group["parent_group_id"] = parent["group_id"] if parent else None
        group["parent"] = ({"group_id": parent["group_id"], "about": parent["about"],
                            "unit": parent["unit"], "min": parent["min"],
                            "max": parent["max"]} if parent else None)
        group["subgroups"] = sorted(children.get(group["group_id"], []))


def claim_out(row: dict[str, Any]) -> dict[str, Any]:
    claimant = None
    if row.get("claimant_text") is not None or row.get("claimant_country") is not None:
        claimant = {"text": row["claimant_text"], "country": row["claimant_country"],
                    "entity": row["claimant_entity"]}
    return {"kind": "claim", "claim_id": row["claim_id"], "article_id": row["article_id"],
            "origin": row["origin"], "article_date": iso(row["article_date"]),
            "about": row["about"], "unit": row["unit"], "value": row["value"],
            "value_max": row["value_max"], "qualifier": row["qualifier"], "claimant": claimant,
            "date": iso(row["date"]), "group_id": row["group_id"],
            "evidence": {"text": row["evidence_text"], "start": row["evidence_start"],
                         "end": row["evidence_end"]}}


class Service:
    """The one Store of an app, with per-request read cursors and a write lock."""

    def __init__(self, db_path: str, extractor: Any = None) -> None:
        self.store = Store(db_path)
        self.write_lock = threading.Lock()
        self.extract_lock = threading.Lock()
        self.cursor_lock = threading.Lock()
        self._extractor = extractor
        self._story_state: tuple[int, int] | None = None

    def close(self) -> None:
        self.store.close()

    @contextmanager
    def cursor(self) -> Iterator[Any]:
        with self.cursor_lock:
            cur = self.store.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        with self.cursor() as cur:
            res = cur.execute(sql, list(params))
            names = [d[0] for d in res.description]
            return [dict(zip(names, r)) for r in res.fetchall()]

    def scalar(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Any:
        with self.cursor() as cur:
            row = cur.execute(sql, list(params)).fetchone()
            return row[0] if row else None

    def story_state(self) -> tuple[int, int]:
        """(reports stored, reports merged into canonical events). Cached: only this process
        writes the file while it is served (DuckDB's lock), and `ingest` drops the cache."""
        state = self._story_state
        if state is None:
            with self.cursor() as cur:
                row = cur.execute("SELECT (SELECT count(*) FROM events), "
                                  "(SELECT count(*) FROM event_mentions)").fetchone()
            state = self._story_state = (int(row[0]), int(row[1]))
        return state

    def counting(self, canonical: bool | None) -> tuple[str, dict[str, Any]]:
        """The table to count from and how it counts: canonical events unless `canonical` is
        False; where none are built, reports when `canonical` was left out, else 409."""
        if canonical is False:
            return "events", {"counting": "reports"}
        reports, merged = self.story_state()
        if reports and not merged:
            if canonical:
                raise NotBuilt(NOT_BUILT)
            return "events", {"counting": "reports",
                              "note": NOT_BUILT + "; counting every report instead"}
        info: dict[str, Any] = {"counting": "canonical"}
        if merged < reports:
            info["note"] = (f"{reports - merged} reports are not merged into canonical events "
                            "yet (stories are rebuilt after every ingest)")
        return "canonical_events", info

    @property
    def extractor(self) -> Any:
        with self.extract_lock:
            if self._extractor is None:
                from .extract import Extractor

                self._extractor = Extractor()
            return self._extractor

    def ingest(self, articles: list[Any]) -> dict[str, Any]:
        """Extract and store new articles; known ones (and repeats) are stored once."""
        seen: dict[str, Any] = {}
        for art in articles:
            seen.setdefault(art.id, art)
        with self.cursor() as cur:
            known = {r[0] for r in cur.execute(
                "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [list(seen)]).fetchall()}
        fresh = [a for a in seen.values() if a.id not in known]
        results, errors = [], []
        if fresh:
            extractor = self.extractor
            with self.extract_lock:
                for item in extractor.extract(fresh):
                    (errors if isinstance(item, ExtractionError) else results).append(item)
        with self.write_lock:
            stored_ids = {x.article.id for x in results} - self.store.known_ids(
                x.article.id for x in results)
            try:
                self.store.add(results)
                if stored_ids:
                    self.store.update_stories()  # canonical counts include the new reports
                    self.store.regroup_claims()  # the stories with new claims or members
            finally:
                self._story_state = None
        by_id = {x.article.id: x for x in results}
        report = []
        for art in articles:
            x = by_id.get(art.id)
            status = "stored" if art.id in stored_ids else (
                "failed" if art.id not in known and x is None else "already_stored")
            if status == "stored":
                stored_ids.discard(art.id)  # a repeat within this request counts once
            report.append({"id": art.id, "origin": art.origin, "status": status,
                           "events": len(x.events) if x and status == "stored" else 0,
                           "claims": len(x.claims) if x and status == "stored" else 0})
        return {"stored": sum(r["status"] == "stored" for r in report),
                "already_stored": sum(r["status"] == "already_stored" for r in report),
                "events": sum(r["events"] for r in report),
                "claims": sum(r["claims"] for r in report),
                "articles": report, "errors": [str(e) for e in errors]}


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


def articles_from_body(body: bytes) -> list[Any]:
    """Validate a POST body (one record or a list) exactly as the CLI validates JSONL records."""
    from .ingest.records import article_from_record

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


# ----------------------------------------------------------------------------- the app


def create_app(db_path: str, extractor: Any = None, max_body_bytes: int = MAX_BODY_BYTES,
               policy: Policy | None = None) -> FastAPI:
    """The sitroom API and web page over one DuckDB file (opened read-write, migrated), behind
    the guard (sitroom/guard.py; by default: loopback Host names, writes from its own page)."""
    service = Service(str(db_path), extractor)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        yield
        service.close()

    # No /docs or /redoc: FastAPI's Swagger UI loads from a CDN, and this must work offline.
    app = FastAPI(title="sitroom", version="0.1.0", lifespan=lifespan, docs_url=None,
                  redoc_url=None,
                  description="Events (PLOVER), actors, dyads, claim groups and articles "
                              "from a sitroom DuckDB store.")
    app.state.service = service

    @app.exception_handler(SitroomError)
    async def sitroom_error(request: Request, exc: SitroomError) -> JSONResponse:
        if isinstance(exc, ApiError):
            return error_response(exc.status, exc.code, str(exc), exc.details)
        for cls, status, code in STATUS_OF:
            if isinstance(exc, cls):
                return error_response(status, code, str(exc))
        return error_response(500, "error", str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = []
        for err in exc.errors():
            loc = [str(p) for p in err.get("loc", ())]
            where = f"{loc[0]} parameter '{'.'.join(loc[1:])}'" if len(loc) > 1 else ".".join(loc)
            details.append(f"{where}: {err.get('msg')}")
        return error_response(422, "invalid_parameter", "; ".join(details) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such route: {request.url.path}"
        return error_response(exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        return error_response(500, "internal_error", f"internal error: {type(exc).__name__}")

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    # --- events ---------------------------------------------------------------------------

    @app.get("/api/events", summary="Events, filtered and paginated")
    def events(actor: str | None = Query(None, max_length=200,
                                         description="Actor country code or text"),
               recipient: str | None = Query(None, max_length=200),
               country: str | None = Query(None, max_length=8,
                                           description="Country code on either side"),
               type: str | None = Query(None, max_length=20, description="PLOVER type"),
               quad: int | None = Query(None, ge=1, le=4, description="PLOVER quad class"),
               status: str | None = Query(None, max_length=20),
               since: str | None = Query(None, description="First date, YYYY-MM-DD"),
               until: str | None = Query(None, description="Last date, YYYY-MM-DD"),
               q: str | None = Query(None, max_length=200,
                                     description="Text in evidence, actor or recipient"),
               article_id: str | None = Query(None, max_length=64),
               located: bool = Query(False, description="Only events with lat/lon"),
               order: str = Query("asc", pattern="^(asc|desc)$"),
               limit: int = Query(100, ge=1, le=MAX_LIMIT),
               offset: int = Query(0, ge=0, le=MAX_OFFSET),
               canonical: bool = Query(False, description=CANONICAL_EVENTS_HELP)
               ) -> dict[str, Any]:
        where, params = event_where(actor, recipient, country, type, quad, status, since,
                                    until, q, article_id, located)
        table, info = service.counting(True) if canonical else ("events", {"counting": "reports"})
        total = service.scalar(f"SELECT count(*) FROM {table} {where}", params)
        direction = "DESC" if order == "desc" else "ASC"
        rows = service.rows(f"SELECT * FROM {table} {where} ORDER BY coalesce(date, article_date) "
                            f"{direction}, event_id {direction} LIMIT ? OFFSET ?",
                            params + [limit, offset])
        shape = api_canonical if canonical else api_event
        return {"total": total, "limit": limit, "offset": offset, **info,
                "events": [shape(r) for r in rows]}

    @app.get("/api/events/{event_id}", summary="One event")
    def event(event_id: str) -> dict[str, Any]:
        rows = service.rows("SELECT * FROM events WHERE event_id = ?", [event_id])
        if not rows:
            raise NotFound(f"no event with id {event_id[:80]!r}")
        out = api_event(rows[0])
        out["canonical_id"] = service.scalar(
            "SELECT canonical_id FROM event_mentions WHERE event_id = ?", [event_id])
        return out

    @app.get("/api/events/{event_id}/mentions",
             summary="Expand a canonical event into its reports (mentions)")
    def mentions(event_id: str) -> dict[str, Any]:
        if len(event_id) > 200:
            raise Invalid("event_id must be at most 200 characters")
        canonical_id = service.scalar(
            "SELECT canonical_id FROM event_mentions WHERE event_id = ?", [event_id])
        if canonical_id is None:
            if not service.scalar("SELECT count(*) FROM events WHERE event_id = ?", [event_id]):
                raise NotFound(f"no event with id {event_id[:80]!r}")
            reports, merged = service.story_state()
            if not merged:
                raise NotBuilt(NOT_BUILT)
            raise NotBuilt(f"event {event_id[:80]!r} is not merged into a canonical event yet "
                           "(stories are rebuilt after every ingest)")
        rows = service.rows("SELECT * FROM canonical_events WHERE event_id = ?", [canonical_id])
        if not rows:
            raise NotBuilt(f"canonical event {canonical_id!r} is missing: rebuild stories")
        reports = service.rows(
            "SELECT e.*, m.repeat, a.title, a.source FROM event_mentions m "
            "JOIN events e USING (event_id) LEFT JOIN articles a ON a.id = e.article_id "
            "WHERE m.canonical_id = ? "
            "ORDER BY e.article_date, e.article_id, e.evidence_start, e.event_id", [canonical_id])
        return {"canonical_id": canonical_id, "event_id": event_id,
                "event": api_canonical(rows[0]), "total": len(reports),
                "mentions": [api_mention(r) for r in reports]}

    @app.get("/api/timeline", summary="Event counts per date bucket and quad class")
    def timeline(interval: str = Query("month", pattern="^(day|week|month)$"),
                 actor: str | None = Query(None, max_length=200),
                 recipient: str | None = Query(None, max_length=200),
                 country: str | None = Query(None, max_length=8),
                 type: str | None = Query(None, max_length=20),
                 quad: int | None = Query(None, ge=1, le=4),
                 status: str | None = Query(None, max_length=20),
                 since: str | None = None, until: str | None = None,
                 q: str | None = Query(None, max_length=200),
                 canonical: bool | None = Query(None, description=CANONICAL_COUNT_HELP)
                 ) -> dict[str, Any]:
        where, params = event_where(actor, recipient, country, type, quad, status, since,
                                    until, q)
        table, info = service.counting(canonical)
        rows = service.rows(
            f"SELECT date_trunc(?, coalesce(date, article_date))::DATE AS bucket, type, "
            f"count(*) AS n FROM {table} {where} GROUP BY ALL ORDER BY bucket",
            [interval] + params)
        buckets: dict[str, dict[str, Any]] = {}
        for r in rows:
            b = buckets.setdefault(iso(r["bucket"]), {"bucket": iso(r["bucket"]), "count": 0,
                                                      "quad": {1: 0, 2: 0, 3: 0, 4: 0}})
            b["count"] += r["n"]
            b["quad"][QUAD_CLASS.get(r["type"], 1)] += r["n"]
        return {"interval": interval, **info, "buckets": list(buckets.values())}

    # --- dyads, actors, network -------------------------------------------------------------

    @app.get("/api/dyads/{actor}/{recipient}/series",
             summary="Events from actor to recipient: count and summed Goldstein per bucket")
    def dyad_series(actor: str, recipient: str,
                    interval: str = Query("month", pattern="^(day|week|month)$"),
                    since: str | None = None, until: str | None = None,
                    type: str | None = Query(None, max_length=20),
                    canonical: bool | None = Query(None, description=CANONICAL_COUNT_HELP)
                    ) -> dict[str, Any]:
        if len(actor) > 200 or len(recipient) > 200:
            raise Invalid("actor and recipient must be at most 200 characters")
        where, params = event_where(actor=actor, recipient=recipient, type=type, since=since,
                                    until=until)
        table, info = service.counting(canonical)
        rows = service.rows(
            f"SELECT date_trunc(?, coalesce(date, article_date))::DATE AS bucket, "
            f"count(*) AS count, coalesce(sum(goldstein), 0) AS goldstein, "
            f"avg(goldstein) AS mean_goldstein FROM {table} {where} GROUP BY 1 ORDER BY 1",
            [interval] + params)
        buckets = [{"bucket": iso(r["bucket"]), "count": r["count"],
                    "goldstein": round(r["goldstein"], 3),
                    "mean_goldstein": round(r["mean_goldstein"] or 0.0, 3)} for r in rows]
        return {"actor": actor, "recipient": recipient, "interval": interval, **info,
                "total": sum(b["count"] for b in buckets), "buckets": buckets}

    side_sql = (
        "SELECT coalesce(upper({p}_country), {p}_text) AS key, {p}_country AS country, "
        "{p}_text AS text, {a} AS as_actor, {r} AS as_recipient FROM {table} {where}")

    @app.get("/api/actors", summary="Actors (by country code, else text) with event counts")
    def actors(q: str | None = Query(None, max_length=200),
               limit: int = Query(100, ge=1, le=MAX_LIMIT),
               offset: int = Query(0, ge=0, le=MAX_OFFSET),
               canonical: bool | None = Query(None, description=CANONICAL_COUNT_HELP)
               ) -> dict[str, Any]:
        table, info = service.counting(canonical)
        sides = " UNION ALL ".join([
            side_sql.format(p="actor", a=1, r=0, where="", table=table),
            side_sql.format(p="recipient", a=0, r=1, table=table,
                            where="WHERE recipient_text IS NOT NULL "
                                  "OR recipient_country IS NOT NULL")])
        having, params = "", []
        if q:
            having = "HAVING key ILIKE ? ESCAPE '\\' OR bool_or(text ILIKE ? ESCAPE '\\')"
            params = [like_pattern(q), like_pattern(q)]
        base = (f"SELECT key, any_value(country) AS country, mode(text) AS label, "
                f"sum(as_actor) AS as_actor, sum(as_recipient) AS as_recipient, "
                f"count(*) AS events FROM ({sides}) WHERE key IS NOT NULL GROUP BY key {having}")
        total = service.scalar(f"SELECT count(*) FROM ({base})", params)
        rows = service.rows(f"{base} ORDER BY events DESC, key LIMIT ? OFFSET ?",
                            params + [limit, offset])
        return {"total": total, "limit": limit, "offset": offset, **info, "actors": rows}

    @app.get("/api/network", summary="Actor network: edges weighted by event count")
    def network(actor: str | None = Query(None, max_length=200),
                recipient: str | None = Query(None, max_length=200),
                country: str | None = Query(None, max_length=8),
                type: str | None = Query(None, max_length=20),
                quad: int | None = Query(None, ge=1, le=4),
                since: str | None = None, until: str | None = None,
                limit: int = Query(80, ge=1, le=500, description="Most edges"),
                canonical: bool | None = Query(None, description=CANONICAL_COUNT_HELP)
                ) -> dict[str, Any]:
        where, params = event_where(actor, recipient, country, type, quad, None, since, until)
        table, info = service.counting(canonical)
        both = ("(actor_text IS NOT NULL OR actor_country IS NOT NULL) AND "
                "(recipient_text IS NOT NULL OR recipient_country IS NOT NULL)")
        where = f"{where} AND {both}" if where else f"WHERE {both}"
        rows = service.rows(
            f"SELECT coalesce(upper(actor_country), actor_text) AS source, "
            f"coalesce(upper(recipient_country), recipient_text) AS target, count(*) AS count, "
            f"avg(goldstein) AS mean_goldstein FROM {table} {where} GROUP BY 1, 2 "
            f"ORDER BY count DESC, source, target LIMIT ?", params + [limit])
        nodes: dict[str, dict[str, Any]] = {}
        for r in rows:
            r["mean_goldstein"] = round(r["mean_goldstein"] or 0.0, 3)
            for key in (r["source"], r["target"]):
                nodes.setdefault(key, {"id": key, "count": 0})["count"] += r["count"]
        return {**info, "nodes": list(nodes.values()), "edges": rows}

    # --- claims -------------------------------------------------------------------------------

    @app.get("/api/claims", summary="Claim groups with their claims; contested groups first")
    def claims(about: str | None = Query(None, max_length=200),
               contested: bool | None = None,
               limit: int = Query(50, ge=1, le=MAX_LIMIT),
               offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
        where, params = "", []
        if about:
            where, params = "WHERE about ILIKE ? ESCAPE '\\'", [like_pattern(about)]
        rows = service.rows(
            f"SELECT *, coalesce(group_id, 'claim:' || claim_id) AS gkey FROM claims {where} "
            f"ORDER BY gkey, coalesce(date, article_date), claim_id", params)
        grouped: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            grouped.setdefault(r["gkey"], []).append(claim_out(r))
        groups = [claim_group(k, v) for k, v in grouped.items()]
        link_subgroups(groups, service.rows(
            "SELECT group_id, about, unit, min, max, parent_group_id FROM claim_groups"))
        if contested is not None:
            groups = [g for g in groups if g["contested"] == contested]
        groups.sort(key=lambda g: (not g["contested"], -g["claims_count"], g["group_id"]))
        return {"total": len(groups), "limit": limit, "offset": offset,
                "groups": groups[offset:offset + limit]}

    # --- articles -------------------------------------------------------------------------------

    @app.get("/api/articles", summary="Articles, newest first, with event counts")
    def articles(q: str | None = Query(None, max_length=200),
                 limit: int = Query(50, ge=1, le=MAX_LIMIT),
                 offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
        where, params = "", []
        if q:
            where = "WHERE a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\'"
            params = [like_pattern(q), like_pattern(q)]
        total = service.scalar(f"SELECT count(*) FROM articles a {where}", params)
        rows = service.rows(
            f"SELECT a.id, a.date, a.title, a.source, a.url, a.origin, "
            f"(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events "
            f"FROM articles a {where} ORDER BY a.date DESC, a.id LIMIT ? OFFSET ?",
            params + [limit, offset])
        for r in rows:
            r["date"] = iso(r["date"])
        return {"total": total, "limit": limit, "offset": offset, "articles": rows}

    @app.get("/api/articles/{article_id}", summary="An article's text with its events' spans")
    def article(article_id: str) -> dict[str, Any]:
        rows = service.rows("SELECT id, date, title, text, source, url, origin FROM articles "
                            "WHERE id = ?", [article_id])
        if not rows:
            raise NotFound(f"no article with id {article_id[:80]!r}")
        out = rows[0]
        out["date"] = iso(out["date"])
        out["events"] = [api_event(r) for r in service.rows(
            "SELECT * FROM events WHERE article_id = ? ORDER BY evidence_start, event_id",
            [article_id])]
        out["claims"] = [claim_out(r) for r in service.rows(
            "SELECT * FROM claims WHERE article_id = ? ORDER BY evidence_start, claim_id",
            [article_id])]
        return out

    @app.post("/api/articles", status_code=201,
              summary="Ingest articles: JSON {date, text, title?, source?, url?, id?} or a list",
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                  "schema": {"oneOf": [{"$ref": "#/components/schemas/ArticleIn"},
                                       {"type": "array", "maxItems": MAX_RECORDS,
                                        "items": {"$ref": "#/components/schemas/ArticleIn"}}]}}}}})
    async def post_articles(request: Request) -> JSONResponse:
        body = await read_body(request, max_body_bytes)
        items = articles_from_body(body)
        result = await run_in_threadpool(service.ingest, items)
        return JSONResponse(result, status_code=201 if result["stored"] else 200)

    # --- meta and page ------------------------------------------------------------------------

    @app.get("/api/meta", summary="Store counts, date range, PLOVER types and quad classes")
    def meta() -> dict[str, Any]:
        rng = service.rows("SELECT min(coalesce(date, article_date)) AS first, "
                           "max(coalesce(date, article_date)) AS last, count(*) AS events, "
                           "count(lat) AS located FROM events")[0]
        reports, merged = service.story_state()
        return {"articles": service.scalar("SELECT count(*) FROM articles"),
                "events": rng["events"], "located_events": rng["located"],
                "canonical_events": service.scalar("SELECT count(*) FROM canonical_events"),
                "stories_built": bool(merged) or not reports,
                "unmerged_reports": reports - merged,
                "claims": service.scalar("SELECT count(*) FROM claims"),
                "first_date": iso(rng["first"]), "last_date": iso(rng["last"]),
                "types": [{"type": t, "quad_class": QUAD_CLASS[t]} for t in PLOVER_TYPES],
                "quad_classes": QUAD_NAMES, "statuses": list(STATUSES)}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "templates" / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    original_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original_openapi()
        schema.setdefault("components", {}).setdefault("schemas", {})["ArticleIn"] = {
            "type": "object", "required": ["date", "text"],
            "properties": {"date": {"type": "string", "format": "date"},
                           "text": {"type": "string"}, "title": {"type": "string"},
                           "source": {"type": "string"}, "url": {"type": "string"},
                           "id": {"type": "string", "description": "only names the record in "
                                  "errors; the stored id is a content hash"}}}
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
    return install(app, policy)


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000,
          policy: Policy | None = None) -> None:
    """Serve the API and the web page until interrupted (a loopback host needs no token)."""
    import uvicorn

    policy = policy or Policy.for_server(host, port)
    uvicorn.run(create_app(db_path, policy=policy), host=host, port=port, log_level="info")
