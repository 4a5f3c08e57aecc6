"""Browser fixtures: Debian's chromium driven by Playwright against a real server.

Browser tests skip LOUDLY when the playwright package or /usr/bin/chromium is missing
(run .ci/browser-deps.sh to install chromium; never `playwright install`).
"""
from __future__ import annotations

import os
import shutil
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from apiserver import Server, build_seed_db  # noqa: E402

CHROMIUM = os.environ.get("SITROOM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                 # the hostile site of test_guard_browser.py: a second server on this machine;
                 # the server must hold where a browser has no Local Network Access checks
                 "--host-resolver-rules=MAP evil.test 127.0.0.1",
                 "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _loud_skip(reason: str) -> None:
    banner = f"\n{'!' * 78}\n!!! BROWSER TESTS SKIPPED: {reason}\n{'!' * 78}"
    print(banner, file=sys.stderr)
    warnings.warn(banner, stacklevel=2)
    pytest.skip(f"BROWSER TESTS SKIPPED (NOT RUN): {reason}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _loud_skip("python package 'playwright' is not installed (pip install playwright==1.65.2)")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _loud_skip(f"chromium not found at {CHROMIUM}; run .ci/browser-deps.sh")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def web_server(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Iterator[Server]:
    """A server over the seeds plus two inserted claim groups (the extractor makes no claims yet)."""
    folder = tmp_path_factory.mktemp("web")
    db = folder / "web.duckdb"
    build_seed_db(db, shared / "seeds")
    server = Server(db, folder / "server.log")
    yield server
    server.stop()


@pytest.fixture()
def page(browser: Any, web_server: Server) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
