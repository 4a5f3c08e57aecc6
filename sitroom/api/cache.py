"""Whole JSON answers kept per version of the file: a GET of /api/... asked again (the same
path and query parameters, in any order) is answered from memory until the next write.

Every answer of a GET is a function of the file and the request's path and query: while it
serves, only the server writes the file, and every write (or reopening after one) starts a new
version (`Service.version`) and empties the cache. An answer computed while a write went on is
not kept. Only 200 JSON answers are kept (downloads and errors are not), at most
RESPONSE_CACHE_BYTES in all, the least recently used dropped first (`Service.responses`).
"""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response

from .service import MISSING, Service

JSON = "application/json"


def install_response_cache(app: FastAPI, service: Service) -> None:
    """Answer repeated GETs of the API from `service.responses`."""

    async def cached(request: Request, call_next: Any) -> Any:
        if request.method != "GET" or not request.url.path.startswith("/api/"):
            return await call_next(request)
        version = service.version
        key = (version, request.url.path, tuple(sorted(request.query_params.multi_items())))
        body = service.responses.get(key)
        if body is not MISSING:
            return Response(body, media_type=JSON)
        response = await call_next(request)
        if response.status_code != 200 or response.headers.get("content-type") != JSON:
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])
        if service.version == version:
            service.responses.put(key, body, len(body))
        return Response(body, status_code=200, headers=dict(response.headers))

    app.middleware("http")(cached)
