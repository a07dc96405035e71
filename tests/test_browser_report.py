"""The committed example HTML eval report in a real browser: charts drawn, nothing external, fits a phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser_kit import BROWSER, shot

pytestmark = BROWSER

EXAMPLE = Path(__file__).resolve().parents[1] / "evals" / "reports" / "example.html"


@pytest.fixture(scope="module")
def example() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def test_report_on_a_laptop(page, example):
    page.set_content(example)
    assert page.locator(".verdict h2").inner_text().startswith("门禁")
    assert page.locator("svg.wide").first.is_visible() and not page.locator("svg.narrow").first.is_visible()
    bars = page.locator("svg.wide rect.bar")
    assert bars.count() >= 16 and bars.first.bounding_box()["height"] > 50
    assert page.locator(".headline .card").count() == 8
    assert page.evaluate("document.fonts.check('16px sans-serif')")  # system fonts only, nothing to load
    shot(page, "eval-report-desktop", full_page=False)


def test_report_on_a_phone(phone, example):
    phone.set_content(example)
    assert phone.locator("svg.narrow").first.is_visible() and not phone.locator("svg.wide").first.is_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width  # wide tables scroll inside their box, the page itself does not
    box = phone.locator("svg.narrow").first.bounding_box()
    assert box["width"] <= 390 and box["height"] > 200
    shot(phone, "eval-report-phone", full_page=False)
