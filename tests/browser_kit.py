"""Real headless Chromium (Debian's) driven by Playwright, shared by the browser tests.

Screenshots go to tests/screenshots/ for a person to look at. Every request that leaves
127.0.0.1 is blocked and recorded: the pages must work with no external request at all.
Fixtures: ``browser`` (module-scoped), ``page`` (desktop 1366×900) and ``phone`` (390×844, touch).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--disable-sync",
]
SHOTS = Path(__file__).resolve().parent / "screenshots"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

# Put ``pytestmark = BROWSER`` in a browser test module.
BROWSER = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (scripts/setup.sh --dev)"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def new_page(browser: Any, **context: Any) -> Iterator[Any]:
    """A page in a fresh context; external requests are aborted and must not happen; dialogs are recorded."""
    ctx = browser.new_context(locale="zh-CN", **context)
    page = ctx.new_page()
    page.external = []
    page.dialogs = []

    def route(r: Any) -> None:
        if r.request.url.startswith(("http://127.0.0.", "http://localhost", "data:", "blob:")):
            r.continue_()
        else:
            page.external.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    assert page.external == [], f"external requests: {page.external}"
    ctx.close()


# The desk and rules pages send a CSP without 'unsafe-eval'; Playwright's string predicates
# (wait_for_function) need eval, so the ordinary fixtures bypass the page's CSP and ``strict_page``,
# which enforces it, checks that the pages work under it.
@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    yield from new_page(browser, viewport=DESKTOP, bypass_csp=True)


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    yield from new_page(browser, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2, bypass_csp=True)


@pytest.fixture
def strict_page(browser: Any) -> Iterator[Any]:
    yield from new_page(browser, viewport=DESKTOP)


def shot(page: Any, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)
