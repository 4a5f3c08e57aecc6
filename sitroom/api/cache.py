"""Whole JSON answers kept per version of the file: a GET of /api/... asked again (the same
path and query parameters, in any order) is answered from memory until the next write.

Every answer of a GET is a function of the file and the request's path and query: while it
serves, only the server writes the file, and every write (or reopening after one) starts a new
version (`Service.version`) and empties the cache. An answer computed while a write went on is
not kept. Only 200 JSON answers are kept (downloads and errors are not), at most
RESPONSE_CACHE_BYTES in all, the least recently used dropped first (`Service.responses`).

A plain ASGI middleware, not Starlette's `BaseHTTPMiddleware`: a kept answer is sent without
a task, a stream or a thread (under load, that overhead was most of a repeated request's time).
"""
from __future__ import annotations

from typing import Any

from starlette.datastructures import QueryParams
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .service import MISSING, Service

JSON = b"application/json"


class ResponseCache:
    """Answer repeated GETs of the API from `service.responses`."""

    def __init__(self, app: ASGIApp, service: Service) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] != "GET"
                or not scope["path"].startswith("/api/")):
            await self.app(scope, receive, send)
            return
        version = self.service.version
        query = QueryParams(scope["query_string"].decode("latin-1"))
        key = (version, scope["path"], tuple(sorted(query.multi_items())))
        kept = self.service.responses.get(key)
        if kept is not MISSING:
            headers, body = kept
            await send({"type": "http.response.start", "status": 200,
                        "headers": list(headers)})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message, headers=list(message.get("headers", [])))
            elif message["type"] == "http.response.body" and start.get("status") == 200:
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keep)
        headers = start.get("headers", [])
        if (start.get("status") == 200 and (b"content-type", JSON) in headers
                and self.service.version == version):
            body = b"".join(chunks)
            self.service.responses.put(key, (headers, body), len(body))
