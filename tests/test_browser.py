"""The chat page and the widget in a real headless Chromium (Debian's), driven by Playwright.

Screenshots go to tests/screenshots/ for a person to look at. Every request that leaves
127.0.0.1 is blocked and recorded: the pages must work with no external request at all.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from .conftest import REPO, free_port

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
SHOTS = REPO / "tests" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (scripts/setup.sh --dev)"),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.external = []  # type: ignore[attr-defined]
    page.dialogs = []  # type: ignore[attr-defined]

    def route(r):  # type: ignore[no-untyped-def]
        if r.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            r.continue_()
        else:
            page.external.append(r.request.url)  # type: ignore[attr-defined]
            r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    yield page
    assert page.external == [], f"external requests: {page.external}"  # type: ignore[attr-defined]
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_chat(page, url: str) -> None:
    page.goto(url + "/")
    page.locator("#question textarea").wait_for(timeout=30000)


def choose_city(page, name: str) -> None:
    page.locator("#city input").click()
    page.get_by_role("option", name=name).click()


def ask(page, question: str) -> None:
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()


def test_chat_answers_with_citation_card(page, live_server):
    open_chat(page, live_server.url)
    choose_city(page, "大同市")
    ask(page, "以市政府办公室名义发文由谁签发？")
    card = page.locator("#cards .card").first
    card.wait_for(timeout=20000)
    assert "第三十三条" in card.locator(".card-title").inner_text()
    assert "秘书长" in card.locator("mark").inner_text()  # the quoted clause is highlighted
    page.wait_for_function("document.querySelector('#chat').innerText.includes('第三十三条')", timeout=20000)
    assert "秘书长" in page.locator("#chat").inner_text()
    assert "第六章 公文处理" in card.inner_text()
    shot(page, "chat-answer")


def test_refusal_and_script_question_render_as_text(page, live_server):
    open_chat(page, live_server.url)
    ask(page, "<script>alert('x')</script>单位食堂几点开饭")
    page.locator("#cards .refusal").wait_for(timeout=20000)
    assert "<script>alert('x')</script>单位食堂几点开饭" in page.locator("#chat").inner_text()
    assert page.dialogs == []  # the script never ran
    assert "未找到依据" in page.locator("#chat").inner_text()
    shot(page, "chat-refusal")


def test_follow_up_keeps_city(page, live_server):
    open_chat(page, live_server.url)
    ask(page, "大同市长出差期间谁代行职务")
    page.locator("#cards .card").first.wait_for(timeout=20000)
    ask(page, "那常务副市长也出差呢？")
    page.wait_for_function("document.querySelector('#chat').innerText.includes('其他副市长代行')", timeout=20000)
    assert "《大同市人民政府工作规则》第五条" in page.locator("#cards").inner_text()


def test_clearing_the_chat_forgets_the_conversation(page, live_server):
    open_chat(page, live_server.url)
    ask(page, "朝阳市政府全体会议由谁主持？")
    page.wait_for_function("document.querySelector('#cards').innerText.includes('第十九条')", timeout=20000)
    ask(page, "那常务会议呢？")
    page.wait_for_function("document.querySelector('#cards').innerText.includes('第二十条')", timeout=20000)
    assert "《朝阳市人民政府工作规则》第二十条" in page.locator("#cards").inner_text()
    page.locator("#chat").get_by_role("button", name=re.compile("清空|清除|Clear")).click()
    page.wait_for_function("document.querySelector('#cards').innerText.includes('依据条文将显示在这里')", timeout=10000)
    assert "朝阳" not in page.locator("#chat").inner_text()
    ask(page, "那常务会议呢？")  # nothing to follow now: asked for every city
    page.wait_for_function("document.querySelector('#cards').innerText.includes('大同')", timeout=20000)


def test_feedback_is_stored(page, live_server, assistant):
    open_chat(page, live_server.url)
    choose_city(page, "咸宁市")
    ask(page, "会签文件几天内回复")
    page.locator("#cards .card").first.wait_for(timeout=20000)
    page.get_by_role("button", name=re.compile("Like|赞|喜欢")).last.click()
    page.wait_for_function("document.querySelector('#notice').innerText.includes('已记录反馈')", timeout=10000)
    page.locator("#comment textarea").fill("回答准确")
    page.locator("#send-comment").click()
    page.wait_for_function("document.querySelector('#notice').innerText.includes('意见已保存')", timeout=10000)
    with sqlite3.connect(assistant.settings.data_dir / "feedback.sqlite") as db:
        rows = db.execute("SELECT question, liked, comment FROM feedback WHERE comment = '回答准确'").fetchall()
    assert rows == [("会签文件几天内回复", 1, "回答准确")]


@pytest.fixture
def intranet(live_server):
    from assistant.serve.demo import start_in_thread

    port = free_port()
    server = start_in_thread(port, live_server.url)
    yield f"http://127.0.0.1:{port}/intranet.html"
    server.shutdown()


def test_widget_on_another_origin(page, intranet):
    page.goto(intranet)
    page.locator("[data-gov-rules-widget]").wait_for(state="attached", timeout=20000)
    host_button_bg = page.locator("#host-button").evaluate("e => getComputedStyle(e).backgroundColor")
    fab = page.locator("[data-gov-rules-widget] .fab")
    assert fab.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(37, 99, 235)"  # host CSS did not leak in
    fab.click()
    page.locator("[data-gov-rules-widget] input").fill("以市政府办公室名义发文由谁签发？")
    page.locator("[data-gov-rules-widget] form button").click()
    card = page.locator("[data-gov-rules-widget] .card-title").first
    card.wait_for(timeout=20000)
    assert card.inner_text() == "《大同市人民政府工作规则》第三十三条"
    assert "秘书长" in page.locator("[data-gov-rules-widget] .msg.bot").last.inner_text()
    # The host page is untouched by the widget.
    assert page.locator("#host-button").evaluate("e => getComputedStyle(e).backgroundColor") == host_button_bg
    assert page.locator("#site-title").inner_text() == "市直机关内网"
    shot(page, "widget-intranet")


def test_widget_renders_html_as_text(page, intranet):
    page.goto(intranet)
    page.locator("[data-gov-rules-widget] .fab").click()
    page.locator("[data-gov-rules-widget] input").fill("<img src=x onerror=alert(1)>谁签发")
    page.locator("[data-gov-rules-widget] form button").click()
    page.locator("[data-gov-rules-widget] .msg.user").wait_for(timeout=10000)
    assert page.locator("[data-gov-rules-widget] .msg.user").inner_text() == "<img src=x onerror=alert(1)>谁签发"
    page.locator("[data-gov-rules-widget] .msg.bot").nth(1).wait_for(timeout=20000)
    assert page.dialogs == []


def test_iframe_variant(page, live_server):
    page.goto(live_server.url + "/widget?city=xianning&title=咸宁问答")
    page.locator("[data-gov-rules-widget] input").fill("市政府常务会议多久开一次")
    page.locator("[data-gov-rules-widget] form button").click()
    page.locator("[data-gov-rules-widget] .card-title").first.wait_for(timeout=20000)
    assert (
        "《咸宁市人民政府工作规则》第二十条" in page.locator("[data-gov-rules-widget] .card-title").first.inner_text()
    )
    shot(page, "widget-iframe")


def test_widget_follow_up_and_clear(page, live_server):
    page.goto(live_server.url + "/widget")
    widget = page.locator("[data-gov-rules-widget]")
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.post_data or "") if r.url.endswith("/api/ask") else None)

    def ask_widget(question: str, answers: int) -> None:
        widget.locator("input").fill(question)
        widget.locator("form button").click()
        widget.locator(".msg.bot").nth(answers).locator(".card-title").first.wait_for(timeout=20000)

    ask_widget("朝阳市政府全体会议由谁主持？", 1)
    ask_widget("那常务会议呢？", 2)
    assert widget.locator(".msg.bot").nth(2).locator(".card-title").first.inner_text() == (
        "《朝阳市人民政府工作规则》第二十条"
    )
    assert '"history":["朝阳市政府全体会议由谁主持？"]' in sent[-1]
    widget.get_by_role("button", name="清空").click()
    assert widget.locator(".msg").count() == 1  # only the greeting
    ask_widget("那常务会议呢？", 1)
    assert '"history":[]' in sent[-1]
    assert "大同" in widget.locator(".msg.bot").nth(1).inner_text()  # no context: every city
    shot(page, "widget-follow-up")
