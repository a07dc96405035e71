"""The embeddable widget in a real browser: script tag on another origin, and iframe."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest

from assistant.serve.routers.widget import STATIC

from .browser_kit import BROWSER, shot
from .conftest import free_port

pytestmark = BROWSER
W = "[data-gov-rules-widget]"


@pytest.fixture
def intranet(live_server):
    from assistant.serve.demo import start_in_thread

    port = free_port()
    server = start_in_thread(port, live_server.url)
    yield f"http://127.0.0.1:{port}/intranet.html"
    server.shutdown()


def demo_page(assistant_url: str, host: str = "127.0.0.1"):
    """The intranet demo page on ``host`` (any free port), embedding the widget from ``assistant_url``."""
    from assistant.serve.demo import start_in_thread

    server = start_in_thread(0, assistant_url, host)
    return server, f"http://{host}:{server.server_address[1]}/intranet.html"


def ask(widget, question: str):
    """Ask in the widget; the answer's message once it is shown (answers carry the 👍/👎 row)."""
    before = widget.locator(".msg.bot .actions").count()
    widget.locator("input").fill(question)
    widget.locator("form button").click()
    widget.locator(".msg.bot .actions").nth(before).wait_for(timeout=20000)
    return widget.locator(".msg.bot:has(.actions)").nth(before)


def box(locator) -> dict:
    b = locator.bounding_box()
    assert b is not None, "not rendered"
    return {k: round(v, 1) for k, v in b.items()}


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
    assert page.title() == "咸宁问答"
    assert page.locator("[data-gov-rules-widget] .head-place").inner_text() == "（咸宁市）"  # the place answers are for
    shot(page, "widget-iframe-page")


def test_widget_configured_for_a_place_it_lacks_says_so_at_once(page, live_server):
    page.goto(live_server.url + "/widget?city=nope")
    widget = page.locator("[data-gov-rules-widget]")
    problem = widget.locator(".msg.bot.error")
    problem.wait_for(timeout=10000)  # before any question
    assert "本组件配置的地区「nope」不在知识库中" in problem.inner_text() and "咸宁市" in problem.inner_text()
    assert widget.locator(".head-place").inner_text() == ""
    widget.get_by_role("button", name="清空").click()
    assert widget.locator(".msg.bot.error").count() == 1  # still said after clearing
    shot(page, "widget-unknown-place")


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
    ask_widget("大同常务会议纪要谁签发", 3)  # a document whose title does not name its city: the card does
    assert (
        widget.locator(".msg.bot").nth(3).locator(".card-title").first.inner_text().startswith("大同市《市政府常务会议")
    )
    widget.get_by_role("button", name="清空").click()
    assert widget.locator(".msg").count() == 1  # only the greeting
    widget.locator("input").fill("那常务会议呢？")
    widget.locator("form button").click()
    widget.locator(".msg.bot").nth(1).get_by_text("没有上文").wait_for(timeout=20000)  # no context: asks back
    assert '"history":[]' in sent[-1]
    shot(page, "widget-follow-up")


def test_launcher_stays_in_its_corner(page, intranet):
    page.goto(intranet)
    widget = page.locator(W)
    fab = widget.locator(".fab")
    closed = box(fab)
    assert closed["x"] + closed["width"] == pytest.approx(1366 - 20, abs=1)  # bottom-right corner
    assert closed["y"] + closed["height"] == pytest.approx(900 - 20, abs=1)
    fab.click()
    panel = widget.locator(".panel")
    panel.wait_for(state="visible")
    assert box(fab) == closed  # the button did not move
    assert fab.inner_text() == "✕"
    p = box(panel)
    assert p["x"] + p["width"] <= 1366 - 20 + 1 and p["y"] >= 0
    assert p["y"] + p["height"] <= closed["y"]  # above the button, not over it
    assert (p["width"], p["height"]) == (380, 560)
    ask(widget, "以市政府办公室名义发文由谁签发？")
    assert box(fab) == closed
    shot(page, "widget-desktop-open")
    fab.click()  # ✕ closes
    panel.wait_for(state="hidden")
    assert box(fab) == closed and fab.inner_text() == "问答"
    fab.click()
    widget.get_by_role("button", name="关闭", exact=True).click()  # so does the header's ✕
    panel.wait_for(state="hidden")
    assert box(fab) == closed


def test_messages_scroll_inside_the_panel(page, intranet):
    page.goto(intranet)
    widget = page.locator(W)
    widget.locator(".fab").click()
    head, panel = widget.locator(".head"), widget.locator(".panel")
    head_box, panel_box = box(head), box(panel)
    for question in ("以市政府办公室名义发文由谁签发？", "市长出差期间谁代行职务", "市政府常务会议多久开一次"):
        ask(widget, question)
    log = widget.locator(".log")
    sizes = log.evaluate("e => [e.scrollHeight, e.clientHeight, e.scrollTop]")
    assert sizes[0] > sizes[1] and sizes[2] > 0  # the list scrolls, and was scrolled to the new answer
    assert box(head) == head_box and box(panel) == panel_box  # header and panel stayed put
    assert box(widget.locator("form input"))["y"] + 30 < 900 - 88  # the input too, at the panel's bottom
    assert page.evaluate("document.scrollingElement.scrollHeight <= innerHeight")  # the host page did not grow


def test_iframe_in_a_page_does_not_grow(page, intranet, live_server):
    page.goto(intranet)
    page.evaluate(
        """url => {
            const f = document.createElement('iframe');
            f.id = 'qa'; f.src = url; f.style.cssText = 'display:block;margin-top:16px;width:400px;height:560px;border:1px solid #999';
            document.querySelector('main').appendChild(f);
        }""",
        live_server.url + "/widget?city=datong&title=iframe问答",
    )
    page.locator("#qa").wait_for()
    frame = page.frame_locator("#qa")
    widget = frame.locator(W)
    widget.locator("input").wait_for(timeout=20000)
    head_box = box(widget.locator(".head"))
    for question in ("以市政府办公室名义发文由谁签发？", "市长出差期间谁代行职务", "市政府常务会议多久开一次"):
        ask(widget, question)
    inner = page.frame(url=re.compile(r"/widget\?"))
    assert inner is not None
    assert inner.evaluate("[document.documentElement.scrollHeight, innerHeight]") == [560, 560]
    assert inner.evaluate("document.scrollingElement.scrollTop") == 0
    sizes = widget.locator(".log").evaluate("e => [e.scrollHeight, e.clientHeight]")
    assert sizes[0] > sizes[1]
    assert box(widget.locator(".head")) == head_box
    shot(page, "widget-iframe")
    # 复制 in a frame of another origin that was not given clipboard-write: the fallback copies.
    widget.locator(".msg.bot .copy").last.click()
    widget.locator(".msg.bot .status").last.wait_for(timeout=5000)
    assert widget.locator(".msg.bot .status").last.inner_text() == "已复制回答与出处"


def test_phone_panel_fits_the_screen(phone, intranet):
    phone.goto(intranet)
    widget = phone.locator(W)
    fab = widget.locator(".fab")
    closed = box(fab)
    fab.tap()
    panel = widget.locator(".panel")
    panel.wait_for(state="visible")
    ask(widget, "以市政府办公室名义发文由谁签发？")
    p = box(panel)
    assert p["x"] >= 0 and p["x"] + p["width"] <= 390
    assert p["y"] >= 0 and p["y"] + p["height"] <= 844
    i = box(widget.locator("form input"))
    assert i["x"] >= 0 and i["x"] + i["width"] <= 390 and i["y"] + i["height"] <= 844
    shot(phone, "widget-phone", full_page=False)
    widget.get_by_role("button", name="关闭", exact=True).tap()
    panel.wait_for(state="hidden")
    assert box(fab) == closed


def test_citation_card_links_to_the_rules_page(page, intranet, live_server):
    page.goto(intranet)
    widget = page.locator(W)
    widget.locator(".fab").click()
    answer = ask(widget, "以市政府办公室名义发文由谁签发？")
    link = answer.locator("a.card-title").first
    aid = "datong-work-rules-033"
    href = link.get_attribute("href")
    assert href.startswith(f"{live_server.url}/rules/{aid}?q=") and href.endswith(f"#{aid}")
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in (link.get_attribute("rel") or "")
    card = answer.locator(".card").first
    assert "印发日期 2024-01-15" in card.inner_text()
    assert card.locator(".badge").inner_text() == "现行有效"
    with page.context.expect_page() as opened:
        link.click()
    assert opened.value.url == href  # in a new tab
    opened.value.close()


def test_feedback_and_copy(page, intranet, assistant):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(intranet)
    widget = page.locator(W)
    widget.locator(".fab").click()
    question = "市长出差期间谁代行职务"
    answer = ask(widget, question)
    answer.get_by_role("button", name="有帮助", exact=True).click()
    answer.get_by_text("已记录反馈").wait_for(timeout=10000)
    db_path = assistant.settings.data_dir / "feedback.sqlite"

    def votes() -> list[tuple]:
        with sqlite3.connect(db_path) as db:
            rows = db.execute("SELECT question, city, liked, answer FROM feedback WHERE question = ?", (question,))
            return rows.fetchall()

    rows = votes()
    assert [(q, c, liked) for q, c, liked, _ in rows] == [(question, "datong", 1)]
    assert json.loads(rows[0][3])["citations"][0]["id"].startswith("datong-work-rules-")
    assert answer.get_by_role("button", name="有帮助", exact=True).get_attribute("aria-pressed") == "true"
    answer.get_by_role("button", name="没有帮助").click()  # a change of mind replaces the vote
    page.wait_for_function(
        "() => document.querySelector('[data-gov-rules-widget]').shadowRoot"
        ".querySelector('.down').getAttribute('aria-pressed') === 'true'",
        timeout=10000,
    )
    assert [liked for _, _, liked, _ in votes()] == [0]

    answer.get_by_role("button", name="复制回答与出处").click()
    answer.get_by_text("已复制").wait_for(timeout=5000)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"问：{question}\n答：{answer.locator('.text').inner_text()}")
    assert re.search(r"《大同市人民政府工作规则》第[一二三四五六七八九十]+条（同政发〔2024〕2号）\n「.+」", copied)
    assert "<" not in copied and "依据：" in copied
    shot(page, "widget-feedback")


def test_conversation_survives_a_reload(page, intranet):
    page.goto(intranet)
    widget = page.locator(W)
    widget.locator(".fab").click()
    ask(widget, "朝阳市政府全体会议由谁主持？")
    page.reload()
    widget.locator(".fab").click()
    assert widget.locator(".msg.user").inner_text() == "朝阳市政府全体会议由谁主持？"
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.post_data or "") if r.url.endswith("/api/ask") else None)
    ask(widget, "那常务会议呢？")
    assert '"history":["朝阳市政府全体会议由谁主持？"]' in sent[-1]


def test_origin_not_allowed_names_the_setting(page, live_server):
    # 127.0.0.2 is this machine too, but not one of the origins CORS allows by default (LOCAL_ORIGINS).
    server, url = demo_page(live_server.url, host="127.0.0.2")
    try:
        page.goto(url)
        widget = page.locator(W)
        widget.locator(".fab").click()
        widget.locator("input").fill("以市政府办公室名义发文由谁签发？")
        widget.locator("form button").click()
        error = widget.locator(".msg.error")
        error.wait_for(timeout=20000)
        origin = url.removesuffix("/intranet.html")
        assert error.inner_text() == (
            f"问答服务未允许本页面所在的来源（{origin}）访问。请管理员在问答服务器上把它加入 ASSISTANT_CORS_ORIGINS。"
        )
        shot(page, "widget-cors")
    finally:
        server.shutdown()


def test_stopped_server_mentions_host(page):
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens here
    page.route(dead + "/widget.js", lambda r: r.fulfill(path=STATIC / "widget.js"))  # as if it had been up
    server, url = demo_page(dead)
    try:
        page.goto(url)
        widget = page.locator(W)
        widget.locator(".fab").click()
        widget.locator("input").fill("谁签发")
        widget.locator("form button").click()
        error = widget.locator(".msg.error")
        error.wait_for(timeout=20000)
        assert (
            error.inner_text() == f"无法连接问答服务（{dead}）。请确认服务已启动，且以 --host 0.0.0.0 或本机地址监听。"
        )
    finally:
        server.shutdown()


def test_error_json_is_shown_in_chinese(page, live_server):
    page.goto(live_server.url + "/widget")
    busy = {"error": {"message": "请求过于频繁，请 7 秒后再试。", "type": "rate_limit_error", "code": "rate_limited"}}
    page.route(
        live_server.url + "/api/ask",
        lambda r: r.fulfill(status=429, json=busy, headers={"Retry-After": "7"}),
    )
    widget = page.locator(W)
    widget.locator("input").fill("谁签发")
    widget.locator("form button").click()
    error = widget.locator(".msg.error")
    error.wait_for(timeout=10000)
    assert error.inner_text() == "请求过于频繁，请 7 秒后再试。"
    assert widget.locator("form button").is_enabled()
