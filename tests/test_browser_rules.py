"""The rules reading pages in a real browser: a citation's page opens on its article, highlighted, on a
desktop and on a phone (no sideways scrolling); the index; the contents; print without navigation."""

from __future__ import annotations

from typing import Any

import pytest

from .browser_kit import BROWSER, PHONE, shot

pytestmark = BROWSER
TARGET = "datong-work-rules-033"
MARKED = "rgb(255, 244, 204)"  # --mark in rules.css


def in_view(page: Any, selector: str) -> bool:
    """Whether the element's top is inside the viewport and below the sticky document bar (so a reader
    sees the article at once)."""
    return page.locator(selector).evaluate(
        """e => {
            const bar = document.querySelector(".doc-bar"), top = e.getBoundingClientRect().top;
            return top >= (bar ? bar.getBoundingClientRect().bottom : 0) && top < window.innerHeight - 80;
        }"""
    )


def background(page: Any, selector: str) -> str:
    return page.locator(selector).evaluate("e => getComputedStyle(e).backgroundColor")


def no_sideways_scroll(page: Any) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("fragment", ["", f"#{TARGET}"])
def test_article_page_opens_on_the_article_on_a_desktop(page, live_server, fragment):
    page.goto(f"{live_server.url}/rules/{TARGET}{fragment}")
    article = f"#{TARGET}"
    page.wait_for_function(
        f"document.getElementById('{TARGET}').getBoundingClientRect().top < window.innerHeight", timeout=10000
    )
    assert in_view(page, article), "the article is not in view"
    assert background(page, article) == MARKED
    assert page.locator(article).evaluate("e => e.matches(':target')") == bool(fragment)
    assert "秘书长签发" in page.locator(article).inner_text()
    assert page.locator(f"{article} button.copy").is_visible()  # the script ran
    assert page.locator(f"{article} button.copy").get_attribute("data-copy").startswith("《大同市人民政府工作规则》第")
    assert page.locator(".toc").is_visible() and no_sideways_scroll(page)
    if fragment:
        shot(page, "rules-desktop", full_page=False)


@pytest.mark.parametrize("fragment", ["", f"#{TARGET}"])
def test_article_page_opens_on_the_article_on_a_phone(phone, live_server, fragment):
    phone.goto(f"{live_server.url}/rules/{TARGET}{fragment}")
    article = f"#{TARGET}"
    phone.wait_for_function(
        f"document.getElementById('{TARGET}').getBoundingClientRect().top < window.innerHeight", timeout=10000
    )
    assert in_view(phone, article) and background(phone, article) == MARKED
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert phone.locator(article).evaluate("e => e.getBoundingClientRect().right") <= PHONE["width"]
    if fragment:
        shot(phone, "rules-phone", full_page=False)


def test_contents_link_moves_the_highlight(page, live_server):
    page.goto(f"{live_server.url}/rules/{TARGET}")
    page.locator(".toc a[href='#datong-work-rules-035']").click()
    page.wait_for_function("location.hash === '#datong-work-rules-035'")
    assert page.locator("#datong-work-rules-035").evaluate("e => e.matches(':target')")
    assert in_view(page, "#datong-work-rules-035")
    assert background(page, "#datong-work-rules-035") == MARKED


def test_index_to_document_by_chapter(page, phone, live_server):
    phone.goto(f"{live_server.url}/rules")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.goto(f"{live_server.url}/rules")
    assert page.locator(".doc-card").count() == 9 and no_sideways_scroll(page)
    shot(page, "rules-index")
    page.get_by_role("link", name="第六章 公文处理").first.click()
    page.wait_for_url("**/rules/doc/datong/work-rules#chapter-6")
    assert in_view(page, "#chapter-6") and page.locator(".rule.current").count() == 0
    page.get_by_role("link", name="规则文件").first.click()
    page.wait_for_url("**/rules")


def test_print_leaves_out_navigation(page, live_server):
    page.goto(f"{live_server.url}/rules/{TARGET}")
    page.emulate_media(media="print")
    for hidden in (".topbar", ".doc-bar-toc", ".toc", ".crumbs", f"#{TARGET} .tools"):
        assert page.locator(hidden).evaluate("e => getComputedStyle(e).display") == "none", hidden
    assert page.locator("h1").is_visible() and page.locator(".doc-facts").is_visible()
    assert page.locator(f"#{TARGET}").is_visible()


def test_unknown_article_page(phone, live_server):
    response = phone.goto(f"{live_server.url}/rules/datong-work-rules-999")
    assert response.status == 404
    assert "未找到" in phone.locator("h1").inner_text()
    phone.get_by_role("link", name="浏览全部规则文件").click()
    phone.wait_for_url("**/rules")
    assert phone.locator(".doc-card").count() == 9
