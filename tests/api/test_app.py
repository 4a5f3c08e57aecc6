"""The app in process (no server, no spaCy): routes by resource, errors rendered once as JSON."""
from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import sitroom.api
from sitroom.api import create_app
from sitroom.api.routes import articles, claims, counts, events, meta
from sitroom.guard import Policy

ROUTE_MODULES = (events, counts, claims, articles, meta)


@pytest.fixture()
def client(tmp_path: Path) -> TestClient:
    # the test client's Host is "testserver": allowed by name, as --allow-host does
    policy = Policy.for_server("127.0.0.1", 80, allow_hosts=("testserver",))
    with TestClient(create_app(str(tmp_path / "empty.duckdb"), policy=policy)) as c:
        yield c


@pytest.mark.parametrize("url, status, code", [
    ("/api/nope", 404, "not_found"),
    ("/api/events?since=x", 422, "invalid_parameter"),
    ("/api/events?type=bogus", 422, "invalid_parameter"),
    ("/api/events?since=2020-02-01&until=2020-01-01", 400, "bad_request"),
    ("/api/events?limit=0", 422, "invalid_parameter"),
    ("/api/events/none", 404, "not_found"),
    ("/api/articles/none", 404, "not_found"),
])
def test_errors_are_json_of_one_shape(client: TestClient, url: str, status: int,
                                      code: str) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert set(r.json()) == {"status", "error", "message"}
    assert r.json()["status"] == status and r.json()["error"] == code


def test_a_post_body_that_is_not_json_is_a_bad_request(client: TestClient) -> None:
    r = client.post("/api/articles", content=b"{", headers={"content-type": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "bad_request"


def test_an_empty_store_answers(client: TestClient) -> None:
    assert client.get("/api/meta").json()["events"] == 0
    assert client.get("/api/events").json() == {"total": 0, "limit": 100, "offset": 0,
                                                "counting": "reports", "events": []}
    assert client.get("/").headers["content-security-policy"].startswith("default-src 'self'")


def test_every_api_route_comes_from_a_resource_router(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "empty.duckdb"))
    documented = set(app.openapi()["paths"])
    routed = {r.path for m in ROUTE_MODULES for r in m.routes(app.state.service).routes
              if r.path.startswith("/api/")}
    app.state.service.close()
    assert documented == routed


def _lines(func: object) -> int:
    node = ast.parse(inspect.getsource(func).lstrip()).body[0]  # type: ignore[arg-type]
    return node.end_lineno - node.lineno + 1  # type: ignore[union-attr]


def test_the_app_factory_is_a_screen_long() -> None:
    assert _lines(sitroom.api.create_app) <= 40


def test_handlers_are_short() -> None:
    for module in ROUTE_MODULES:
        tree = ast.parse(inspect.getsource(module))
        handlers = [n for f in tree.body if isinstance(f, ast.FunctionDef)
                    for n in f.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        assert handlers, module.__name__
        for h in handlers:
            assert h.end_lineno - h.lineno + 1 <= 35, f"{module.__name__}.{h.name}"
