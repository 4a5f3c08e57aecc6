"""Articles: the list, one article with its events and claims, and ingest by POST."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ...store import articles as article_queries
from ...store.articles import ARTICLE_SORTS
from ..body import MAX_RECORDS, articles_from_body, read_body
from ..errors import NotFound
from ..downloads import rows_download
from ..params import FORMAT_HELP, MAX_LIMIT, MAX_OFFSET, Filters, check_format
from ..service import Service
from ..shapes import api_event, claim_out, iso

ARTICLE_COLUMNS = ["id", "date", "title", "untitled", "source", "url", "origin", "events"]


def routes(service: Service) -> APIRouter:
    """The routes of articles, over the app's Service."""
    api = APIRouter()

    @api.get("/api/articles", response_model=None,
             summary="Articles (newest first unless sorted), with event counts; filtered")
    def articles(f: Filters = Depends(Filters.query),
                 sort: str = Query("newest", pattern="^(" + "|".join(ARTICLE_SORTS) + ")$"),
                 limit: int = Query(50, ge=1, le=MAX_LIMIT),
                 offset: int = Query(0, ge=0, le=MAX_OFFSET),
                 format: str = Query("json", description=FORMAT_HELP)) -> Any:
        check_format(format)
        where = f.without("q").where()
        if format != "json":
            limit, offset = MAX_OFFSET, 0
        total, rows = service.read(article_queries.article_page, f.raw["q"], limit, offset, where, sort)
        for r in rows:
            r["date"] = iso(r["date"])
        if format != "json":
            return rows_download("articles", format, rows, ARTICLE_COLUMNS)
        return {"total": total, "limit": limit, "offset": offset, "sort": sort,
                "articles": rows}

    @api.get("/api/articles/{article_id}", summary="An article's text with its events' spans")
    def article(article_id: str) -> dict[str, Any]:
        out = service.read(article_queries.article_by_id, article_id)
        if out is None:
            raise NotFound(f"no article with id {article_id[:80]!r}")
        out["date"] = iso(out["date"])
        out["events"] = [api_event(r) for r in
                         service.read(article_queries.article_event_rows, article_id)]
        out["claims"] = [claim_out(r) for r in
                         service.read(article_queries.article_claim_rows, article_id)]
        return out

    @api.post("/api/articles", status_code=201,
              summary="Ingest articles: JSON {date, text, title?, source?, url?, id?} or a list",
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                  "schema": {"oneOf": [{"$ref": "#/components/schemas/ArticleIn"},
                                       {"type": "array", "maxItems": MAX_RECORDS,
                                        "items": {"$ref": "#/components/schemas/ArticleIn"}}]}}}}})
    async def post_articles(request: Request) -> JSONResponse:
        body = await read_body(request, service.max_body_bytes)
        items = articles_from_body(body)
        result = await run_in_threadpool(service.ingest, items)
        return JSONResponse(result, status_code=201 if result["stored"] else 200)

    return api
