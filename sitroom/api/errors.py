"""API errors: the ApiError classes, and the handlers that render every error once, as JSON
``{"status": 422, "error": "invalid_parameter", "message": "..."}``."""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ExtractionError, InputError, KnowledgeBaseError, SitroomError, StoreError


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



async def _sitroom_error(request: Request, exc: SitroomError) -> JSONResponse:
    if isinstance(exc, ApiError):
        return error_response(exc.status, exc.code, str(exc), exc.details)
    for cls, status, code in STATUS_OF:
        if isinstance(exc, cls):
            return error_response(status, code, str(exc))
    return error_response(500, "error", str(exc))


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    details = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        where = f"{loc[0]} parameter '{'.'.join(loc[1:])}'" if len(loc) > 1 else ".".join(loc)
        details.append(f"{where}: {err.get('msg')}")
    return error_response(422, "invalid_parameter", "; ".join(details) or "invalid request")


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else "error"
    if exc.status_code == 404 and message == "Not Found":
        message = f"no such route: {request.url.path}"
    return error_response(exc.status_code, code, message)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    return error_response(500, "internal_error", f"internal error: {type(exc).__name__}")


def install_error_handlers(app: FastAPI) -> None:
    """Render every error the app can raise as the one JSON error shape."""
    app.add_exception_handler(SitroomError, _sitroom_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)
