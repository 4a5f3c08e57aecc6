"""The HTTP API and the analyst's web page, served by one process over one DuckDB file.

`create_app(db_path)` builds the ASGI app; `serve(db_path, host, port)` runs it under uvicorn.
Routes live by resource in `routes/` (short handlers over the store's named queries),
parameters in `params`, JSON shapes in `shapes`, the Store and its locks in `service`, and
errors are rendered once, in `errors`.

Concurrency: the app holds its DuckDB file read-only between writes (`service.Service`), so
`sitroom events`, `claims` and `export` can read it while it serves. Every read request takes
its own cursor (`store.con.cursor()`: a second connection to the same database instance, so
reads run in parallel in the thread pool and see committed data only). Writes (POST
/api/articles) are serialised by one lock, wait for the reads in flight, reopen the file
read-write for one transaction and go through `sitroom.service.ingest`, as `sitroom ingest`
does (extraction in this process).

Counting: the timeline, dyad series, actors and network count canonical events (one per
real-world occurrence, `Store.rebuild_stories`) by default and every report with
`canonical=false`; where a store has no canonical events built they count reports and say so
(`counting`, `note`). `/api/events` lists reports unless `canonical=true`, and
`/api/events/{id}/mentions` expands a canonical event into its reports. A POST that stores
articles rebuilds the stories, as `sitroom ingest` does.

Every error is JSON: ``{"status": 422, "error": "invalid_parameter", "message": "..."}``.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..guard import Policy, install
from .body import MAX_BODY_BYTES
from .cache import ResponseCache
from .errors import install_error_handlers
from .routes import articles, claims, counts, events, meta
from .service import Service

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
ARTICLE_IN = {"type": "object", "required": ["date", "text"],
              "properties": {"date": {"type": "string", "format": "date"},
                             "text": {"type": "string"}, "title": {"type": "string"},
                             "source": {"type": "string"}, "url": {"type": "string"},
                             "id": {"type": "string", "description": "only names the record in "
                                    "errors; the stored id is a content hash"}}}
"""The POST /api/articles record, as the OpenAPI schema names it."""


def create_app(db_path: str, extractor: Any = None, max_body_bytes: int = MAX_BODY_BYTES,
               policy: Policy | None = None, warm: bool = False) -> FastAPI:
    """The sitroom API and web page over one DuckDB file (migrated, then held read-only), behind
    the guard (sitroom/guard.py; by default: loopback Host names, writes from its own page).
    With `warm`, what every version of the file needs (`Service.warm`) is computed on a thread
    of its own as it starts and after each write, before the requests that need it come."""
    service = Service(str(db_path), extractor, max_body_bytes)
    service.warming = warm

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        if warm:
            service.warm_in_background()
        yield
        service.close()

    # No /docs or /redoc: FastAPI's Swagger UI loads from a CDN, and this must work offline.
    app = FastAPI(title="sitroom", version="0.1.0", lifespan=lifespan, docs_url=None,
                  redoc_url=None,
                  description="Events (PLOVER), actors, dyads, claim groups and articles "
                              "from a sitroom DuckDB store.")
    app.state.service = service
    install_error_handlers(app)
    app.add_middleware(ResponseCache, service=service)  # inside: a kept answer gets headers
    app.add_middleware(SecurityHeaders)
    for resource in (events, counts, claims, articles, meta):
        app.include_router(resource.routes(service))
    app.mount("/static", StaticFiles(directory=meta.WEB / "static"), name="static")
    _name_article_schema(app)
    return install(app, policy)


class SecurityHeaders:
    """nosniff and the page's Content-Security-Policy on every answer (plain ASGI)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def headed(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Content-Security-Policy", CSP)
            await send(message)

        await self.app(scope, receive, headed)


def _name_article_schema(app: FastAPI) -> None:
    """Add the ArticleIn schema that POST /api/articles refers to (its body is read raw)."""
    original_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original_openapi()
        schema.setdefault("components", {}).setdefault("schemas", {})["ArticleIn"] = ARTICLE_IN
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000,
          policy: Policy | None = None) -> None:
    """Serve the API and the web page until interrupted (a loopback host needs no token)."""
    import uvicorn

    policy = policy or Policy.for_server(host, port)
    uvicorn.run(create_app(db_path, policy=policy, warm=True), host=host, port=port,
                log_level="info")


__all__ = ["Service", "create_app", "serve"]
