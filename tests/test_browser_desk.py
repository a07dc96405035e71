"""The desk chat at ``/`` in a real browser (Chromium): answers with their cards, links to the rules
pages, a conversation that survives reloads and server restarts, comparisons as tables, feedback,
copy and print, and a phone layout where nothing overlaps."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn

from assistant.serve.guards import OWN_PAGES_CSP

from .browser_kit import BROWSER, shot
from .conftest import LiveServer, free_port

pytestmark = BROWSER
LOST = "无法连接问答服务，请检查网络或稍后重试"


def open_desk(page: Any, url: str) -> None:
    page.goto(url + "/")
    page.locator("#examples .chip").first.wait_for(timeout=30000)


def answered(page: Any) -> int:
    return page.locator(".turn .actions").count()


def ask(page: Any, question: str, city: str | None = None) -> Any:
    """Ask and wait for the final answer; returns the new turn."""
    if city is not None:
        page.select_option("#city", label=city)
    before = answered(page)
    page.locator("#question").fill(question)
    page.locator("#question").press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.turn .actions').length > {before}", timeout=30000)
    return page.locator(".turn").nth(before)


def whole(page: Any, name: str) -> None:
    """A screenshot of the whole page as laid out in a window that tall (sticky header and input in place)."""
    size = page.viewport_size
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": height})
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, name, full_page=False)
    page.set_viewport_size(size)


def serve_on(app: Any, port: int) -> LiveServer:
    """A LiveServer on a given port (to stop it and start another in its place)."""
    server = LiveServer(app)
    server.port, server.url = port, f"http://127.0.0.1:{port}"
    server.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    server.thread = threading.Thread(target=server.server.run, daemon=True)
    return server


def fresh_app(assistant: Any) -> Any:
    from assistant.serve.app import create_app

    return create_app(assistant, assistant.settings.model_copy(update={"rate_limit": 0}), with_ui=False)


@pytest.fixture
def clipboard_page(page: Any, live_server: Any) -> Iterator[Any]:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    yield page


def test_answer_with_cards_links_and_earlier_answers_keep_theirs(page, live_server):
    open_desk(page, live_server.url)
    first = ask(page, "以市政府办公室名义发文由谁签发？", city="大同市")
    assert "秘书长" in first.locator(".answer-text").inner_text()
    card = first.locator(".card").first
    assert "第三十三条" in card.locator(".card-title").inner_text()
    assert "秘书长" in card.locator("mark").inner_text()  # the quote, highlighted in the full text
    assert "第六章 公文处理" in card.inner_text() and "同政发〔2024〕2号" in card.inner_text()
    assert "2024-01-15" in card.locator(".card-meta").inner_text()
    assert card.locator(".badge.ok").inner_text() == "现行有效"
    link = card.locator("a.card-title")
    href = link.get_attribute("href")
    assert href.startswith("/rules/datong-work-rules-033?q=") and href.endswith("#datong-work-rules-033")
    assert link.get_attribute("target") == "_blank"

    second = ask(page, "市长出差期间谁代行职务")
    assert "第五条" in second.locator(".card-title").first.inner_text()
    assert first.locator(".card").count() == 1  # the earlier answer still has its card
    assert "第三十三条" in first.locator(".card-title").inner_text()

    whole(page, "desk-desktop")

    # the citation in the answer text leads to its card
    mark = first.locator(".answer-text a.cite")
    assert mark.inner_text() == "《大同市人民政府工作规则》第三十三条"
    mark.click()
    page.wait_for_function(
        "document.activeElement && document.activeElement.id.endsWith('datong-work-rules-033')", timeout=5000
    )
    assert "flash" in (card.get_attribute("class") or "")

    # the card opens the article in the rules pages, in a new tab
    with page.context.expect_page() as opened:
        link.click()
    rules = opened.value
    rules.wait_for_load_state()
    assert "/rules/datong-work-rules-033?q=" in rules.url and rules.url.endswith("#datong-work-rules-033")
    article = rules.locator("[id='datong-work-rules-033']")
    assert article.is_visible() and "秘书长签发" in article.inner_text()
    rules.close()


def test_conversation_survives_reload(page, live_server):
    open_desk(page, live_server.url)
    ask(page, "以市政府办公室名义发文由谁签发？", city="大同市")
    page.reload()
    page.locator(".turn .card").first.wait_for(timeout=10000)
    assert page.locator(".turn").count() == 1
    assert "第三十三条" in page.locator(".turn .card-title").inner_text()
    assert page.locator("#city").input_value() == "datong"  # the chosen city too
    assert page.locator("#empty").is_hidden()


def test_server_restart_keeps_the_conversation_and_its_context(page, assistant):
    port = free_port()
    with serve_on(fresh_app(assistant), port) as server:
        open_desk(page, server.url)
        first = ask(page, "朝阳市政府全体会议由谁主持？")
        assert "第十九条" in first.locator(".cards").inner_text()

    # the server is down: a Chinese message near the input, the question stays in the box
    page.locator("#question").fill("那常务会议呢？")
    page.locator("#question").press("Enter")
    page.locator("#status.error").wait_for(timeout=10000)
    assert LOST in page.locator("#status").inner_text()
    assert page.locator("#status button.retry").is_visible()
    assert page.locator("#question").input_value() == "那常务会议呢？"
    assert page.locator(".turn").count() == 1
    status_box = page.locator("#status").bounding_box()
    assert status_box is not None and status_box["y"] + status_box["height"] <= 900  # not below the fold
    shot(page, "desk-offline", full_page=False)

    with serve_on(fresh_app(assistant), port) as server:  # a new server process on the same address
        page.reload()
        page.locator(".turn .card").first.wait_for(timeout=10000)
        assert page.locator(".turn").count() == 1
        follow = ask(page, "那常务会议呢？")  # the context came back from the browser's storage
        assert "《朝阳市人民政府工作规则》第二十条" in follow.locator(".cards").inner_text()


def test_retry_after_a_lost_connection(page, live_server):
    open_desk(page, live_server.url)
    page.route("**/api/ask/stream", lambda route: route.abort())
    page.locator("#question").fill("会签文件几天内回复")
    page.locator("#send").click()
    page.locator("#status.error").wait_for(timeout=10000)
    assert page.locator("#status .status-text").inner_text() == LOST
    assert page.locator("#question").input_value() == "会签文件几天内回复"
    page.unroute("**/api/ask/stream")
    page.locator("#status button.retry").click()
    page.locator(".turn .actions").first.wait_for(timeout=30000)
    assert page.locator("#status").is_hidden() and page.locator("#question").input_value() == ""


def test_server_errors_are_shown_in_chinese(page, live_server):
    open_desk(page, live_server.url)
    page.locator("#question").fill("会签文件几天内回复")
    page.route(
        "**/api/ask/stream",
        lambda route: route.fulfill(
            status=503,
            content_type="application/json",
            headers={"Retry-After": "5"},
            body='{"error": {"message": "服务繁忙，请 5 秒后重试。", "code": "busy"}}',
        ),
    )
    page.locator("#send").click()
    page.locator("#status.error").wait_for(timeout=10000)
    assert "服务繁忙，请 5 秒后重试。" in page.locator("#status").inner_text()
    assert page.locator("#status button.retry").is_visible()
    assert page.locator("#question").input_value() == "会签文件几天内回复"


RECORD_TEXT = """() => {
    window.seen = [];
    new MutationObserver(ms => ms.forEach(m => m.addedNodes.forEach(n => {
        if (n.nodeType === Node.TEXT_NODE) window.seen.push(n.data);
    }))).observe(document.getElementById('log'), {childList: true, subtree: true});
}"""


def sse(*events: tuple[str, object]) -> str:
    return "".join(f"event: {kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n" for kind, data in events)


def test_streamed_text_is_shown_then_replaced_by_the_answer(page, live_server):
    open_desk(page, live_server.url)
    real = page.request.post(live_server.url + "/api/ask", data={"question": "会签文件几天内回复", "city": "xianning"})
    answer = real.json()
    body = sse(("delta", {"text": "草稿一"}), ("reset", {}), ("delta", {"text": "流式文字"}), ("answer", answer))
    page.route("**/api/ask/stream", lambda route: route.fulfill(content_type="text/event-stream", body=body))
    page.evaluate(RECORD_TEXT)
    turn = ask(page, "会签文件几天内回复")
    assert {"草稿一", "流式文字"} <= set(page.evaluate("window.seen"))  # shown as it arrived
    final = turn.locator(".bubble.bot").inner_text()
    assert "草稿一" not in final and "流式文字" not in final and answer["citations"][0]["citation"] in final

    failing = sse(("delta", {"text": "半句"}), ("error", {"message": "服务内部错误，请稍后重试。"}))
    page.unroute("**/api/ask/stream")
    page.route("**/api/ask/stream", lambda route: route.fulfill(content_type="text/event-stream", body=failing))
    page.locator("#question").fill("那要提前几天？")
    page.locator("#question").press("Enter")
    page.locator("#status.error").wait_for(timeout=10000)
    assert "服务内部错误，请稍后重试。" in page.locator("#status").inner_text()
    assert page.locator("#question").input_value() == "那要提前几天？" and page.locator(".turn").count() == 1


def test_expired_login_points_to_the_login_page(page, live_server):
    open_desk(page, live_server.url)
    problem = '{"error": {"message": "缺少或错误的 API 密钥。", "code": "invalid_api_key"}}'
    page.route(
        "**/api/ask/stream",
        lambda route: route.fulfill(status=401, content_type="application/json", body=problem),
    )
    page.locator("#question").fill("会签文件几天内回复")
    page.locator("#send").click()
    page.locator("#status.auth").wait_for(timeout=10000)
    assert "缺少或错误的 API 密钥。" in page.locator("#status").inner_text()
    assert page.locator("#status a").get_attribute("href") == "/login"


def test_ask_about_an_article_from_its_rules_page(page, live_server):
    page.goto(live_server.url + "/rules/datong-work-rules-033")
    page.locator("[id='datong-work-rules-033'] a.ask").click()
    page.locator("#examples .chip").first.wait_for(timeout=30000)
    question = page.locator("#question").input_value()
    assert question == "《大同市人民政府工作规则》第三十三条是怎么规定的？"
    assert page.locator("#city").input_value() == "datong" and page.url == live_server.url + "/"
    turn = ask(page, question)
    assert "第三十三条" in turn.locator(".card-title").inner_text()


def test_clearing_forgets_the_conversation(page, live_server):
    open_desk(page, live_server.url)
    ask(page, "朝阳市政府全体会议由谁主持？")
    follow = ask(page, "那常务会议呢？")
    assert "《朝阳市人民政府工作规则》第二十条" in follow.locator(".cards").inner_text()
    page.locator("#clear").click()
    assert page.locator(".turn").count() == 0 and page.locator("#empty").is_visible()
    assert page.evaluate("JSON.parse(localStorage.getItem('gov-rules-desk/v1')).turns.length") == 0
    again = ask(page, "那常务会议呢？")  # nothing to follow now: asked to say what about it
    text = again.inner_text()
    assert "没有上文" in text and "朝阳" not in text and page.locator(".turn").count() == 1
    assert again.locator(".refusal-title").inner_text() == "请把问题问完整"
    page.reload()
    page.locator(".turn").first.wait_for(timeout=10000)
    assert page.locator(".turn").count() == 1


def test_clearing_can_be_undone_until_the_next_question(page, live_server):
    open_desk(page, live_server.url)
    ask(page, "朝阳市政府全体会议由谁主持？")
    page.locator("#clear").click()
    assert page.locator(".turn").count() == 0
    page.locator("#send").click()  # nothing typed: the offer to undo stays
    page.locator("#status").get_by_role("button", name="撤销").click()
    assert page.locator(".turn").count() == 1
    follow = ask(page, "那常务会议呢？")  # the context came back with the conversation
    assert "《朝阳市人民政府工作规则》第二十条" in follow.locator(".cards").inner_text()


def test_comparison_is_a_table_city_by_city(page, live_server):
    open_desk(page, live_server.url)
    turn = ask(page, "朝阳和咸宁的全体会议多久开一次？")
    rows = turn.locator("table.compare tbody tr")
    assert [rows.nth(i).get_attribute("data-city") for i in range(rows.count())] == ["chaoyang", "xianning"]
    for i in range(rows.count()):
        row = rows.nth(i)
        assert row.locator("td.said q").count() >= 1  # quoted
        assert row.locator("td.where a.cite").count() >= 1  # and cited
    assert (
        "每半年召开1次" in rows.nth(0).inner_text() and "《朝阳市人民政府工作规则》第十九条" in rows.nth(0).inner_text()
    )
    assert "每年召开一次" in rows.nth(1).inner_text() and "咸政发〔2023〕6号" in rows.nth(1).inner_text()
    assert turn.locator(".card").count() == 2
    whole(page, "desk-comparison")

    # a silent place's row says why: 咸宁 holds no 市长办公会议; 城区 sets no frequency for its 全体会议
    quiet = []
    for question in ("各市的市长办公会议纪要谁签发？", "各市的全体会议多久开一次？"):
        rows = ask(page, question).locator("table.compare tbody tr")
        assert rows.count() == 4
        quiet += [rows.nth(i).inner_text() for i in range(4) if rows.nth(i).locator("q").count() == 0]
    assert any("没有规定召开或办理的频次" in row for row in quiet)
    assert any("规则中未设这类会议" in row for row in quiet)

    # a place whose rules set no number of days says what they do set, in its cell as in the text
    days = ask(page, "各地副市长出差要提前几天请假？")
    cells = {r.get_attribute("data-city"): r.inner_text() for r in days.locator("table.compare tbody tr").all()}
    assert "只规定：「副市长、秘书长离市出访" in cells["chaoyang"] and "未找到" not in cells["chaoyang"]
    assert "原则上应提前1天向区长请假" in cells["jincheng-chengqu"]
    whole(page, "desk-comparison-days")

    # compared by a superlative: the place first by the quoted numbers, under the table
    勤 = ask(page, "几个地方里哪个常务会开得最勤？")
    assert 勤.locator("table.compare tbody tr").count() == 4
    line = 勤.locator(".compare-conclusion").inner_text()
    assert "咸宁市最勤（每两周召开一次）" in line and "晋城市城区只规定了下限" in line
    whole(page, "desk-comparison-superlative")


def test_refusal_and_script_in_a_question_render_as_text(page, live_server):
    open_desk(page, live_server.url)
    question = "<script>alert('x')</script>食堂几点开饭"
    turn = ask(page, question)
    assert turn.locator(".question-text").inner_text() == question
    bubble = turn.locator(".bubble.bot")
    assert "refused" in (bubble.get_attribute("class") or "") and "未找到依据" in bubble.inner_text()
    assert page.dialogs == [] and page.locator("#log script").count() == 0
    nearest = bubble.locator("a.cite")  # the nearest article the refusal names opens in the rules pages
    if nearest.count():
        assert (nearest.first.get_attribute("href") or "").startswith("/rules/")
    whole(page, "desk-refusal")


def test_small_talk_is_answered_plainly(page, live_server):
    open_desk(page, live_server.url)
    bubble = ask(page, "你是谁？").locator(".bubble.bot")
    classes = bubble.get_attribute("class") or ""
    assert "about" in classes and "refused" not in classes  # not the amber refusal card
    assert "关于本助手" in bubble.inner_text() and "我是政府工作规则问答助手" in bubble.inner_text()
    whole(page, "desk-small-talk")


def test_scope_change_notice_under_the_answer(page, live_server):
    open_desk(page, live_server.url)
    turn = ask(page, "咸宁市政府常务会议多久开一次？", city="大同市")
    assert turn.locator(".notice").inner_text().startswith("提示：")
    assert "咸宁" in turn.locator(".card-title").first.inner_text()


def test_choosing_another_place_starts_the_conversation_afresh_there(page, live_server):
    """After a 大同 question, 地区 switched to 朝阳: the next question is 朝阳's, not carried to 大同; a
    follow-up under the same 地区 still leans on the question before it."""
    open_desk(page, live_server.url)
    ask(page, "大同常务会多久开一次", city="大同市")
    switched = ask(page, "常务会多久开一次", city="朝阳市")
    assert "《朝阳市人民政府工作规则》第二十条" in switched.locator(".cards").inner_text()
    assert switched.locator(".notice").count() == 0
    follow = ask(page, "那全体会呢")
    assert "《朝阳市人民政府工作规则》第十九条" in follow.locator(".cards").inner_text()


def test_feedback_vote_then_comment_is_stored(page, live_server, assistant):
    open_desk(page, live_server.url)
    turn = ask(page, "会签文件几天内回复", city="咸宁市")
    buttons = turn.locator(".actions button")
    assert [buttons.nth(i).inner_text().strip() for i in range(4)] == ["赞", "踩", "复制", "打印"]
    assert turn.locator(".comment").count() == 0  # no comment box before a vote
    turn.locator(".vote-up").click()
    turn.locator(".comment textarea").fill("回答准确")
    turn.locator(".comment button[type=submit]").click()
    page.wait_for_function("document.querySelector('.vote-note').innerText.includes('已收到您的意见')", timeout=10000)
    assert turn.locator(".vote-up").get_attribute("aria-pressed") == "true"
    with sqlite3.connect(assistant.settings.data_dir / "feedback.sqlite") as db:
        rows = db.execute("SELECT question, city, liked, comment FROM feedback WHERE comment = '回答准确'").fetchall()
    assert rows == [("会签文件几天内回复", "xianning", 1, "回答准确")]
    page.reload()
    page.locator(".turn").first.wait_for(timeout=10000)
    assert page.locator(".turn .vote-up").get_attribute("aria-pressed") == "true"  # remembered


def test_copy_gives_plain_text_with_citations(clipboard_page, live_server):
    page = clipboard_page
    open_desk(page, live_server.url)
    turn = ask(page, "以市政府办公室名义发文由谁签发？", city="大同市")
    turn.locator(".actions .copy").click()
    page.wait_for_function("document.querySelector('.actions .copy').innerText === '已复制'", timeout=5000)
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith("问：以市政府办公室名义发文由谁签发？\n答：「以市政府办公室名义发文")
    assert "1. 《大同市人民政府工作规则》第三十三条（同政发〔2024〕2号，2024-01-15印发）" in text
    assert "「以市政府办公室名义发文，一般由市政府秘书长签发；重要文件报市政府分管领导同志或市长签发。」" in text
    assert "<" not in text


def test_print_shows_the_answer_and_its_citations_without_controls(page, live_server):
    open_desk(page, live_server.url)
    ask(page, "以市政府办公室名义发文由谁签发？", city="大同市")
    last = ask(page, "市长出差期间谁代行职务")
    page.evaluate("() => { window.print = () => { window.printed = document.querySelector('.print-target').id; }; }")
    last.locator(".actions .print").click()
    assert page.evaluate("window.printed") == last.get_attribute("id")  # just that answer
    page.wait_for_function("!document.body.classList.contains('print-one')", timeout=5000)
    page.emulate_media(media="print")
    for hidden in ("footer.composer", ".top-tools", ".actions"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert last.locator(".card").is_visible() and last.locator(".article-text .ctx").first.is_visible()
    whole(page, "desk-print")
    page.emulate_media(media="screen")


def test_strict_content_security_policy(strict_page, live_server):
    """No inline script or style: the page works under the policy the server sends (only this server)."""
    page = strict_page
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    response = page.goto(live_server.url + "/")
    assert response is not None and response.headers["content-security-policy"] == OWN_PAGES_CSP
    page.locator("#examples .chip").first.wait_for(timeout=30000)
    page.select_option("#city", label="大同市")
    page.locator("#question").fill("以市政府办公室名义发文由谁签发？")
    page.locator("#question").press("Enter")
    page.locator(".turn .actions").wait_for(timeout=30000)  # a locator wait: wait_for_function would need eval
    assert page.locator(".turn .card").count() == 1
    assert page.evaluate("getComputedStyle(document.querySelector('.card')).borderLeftStyle") == "solid"
    page.goto(live_server.url + "/rules/datong-work-rules-033")  # the rules page, its script scrolling to the article
    page.wait_for_timeout(500)
    top = page.evaluate("document.getElementById('datong-work-rules-033').getBoundingClientRect().top")
    assert 0 <= top < 900
    assert violations == []


def boxes(page: Any, selector: str) -> list[dict[str, float]]:
    return page.evaluate(
        """s => Array.from(document.querySelectorAll(s)).filter(e => e.offsetParent !== null)
            .map(e => { const r = e.getBoundingClientRect(); return {x: r.left, y: r.top + scrollY, w: r.width, h: r.height}; })""",
        selector,
    )


def overlapping(rects: list[dict[str, float]]) -> list[tuple[int, int]]:
    def meet(a: dict[str, float], b: dict[str, float]) -> bool:
        return (
            a["x"] < b["x"] + b["w"] - 1
            and b["x"] < a["x"] + a["w"] - 1
            and a["y"] < b["y"] + b["h"] - 1
            and (b["y"] < a["y"] + a["h"] - 1)
        )

    return [(i, j) for i in range(len(rects)) for j in range(i + 1, len(rects)) if meet(rects[i], rects[j])]


def no_horizontal_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_phone_layout(phone, live_server):
    page = phone
    open_desk(page, live_server.url)
    box = page.locator("#question").bounding_box()
    send = page.locator("#send").bounding_box()
    assert box is not None and send is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844 and send["y"] + send["height"] <= 844
    assert no_horizontal_scroll(page)
    header = ".brand h1, .summary, .city-label, #city, .rules-link, #clear"
    assert overlapping(boxes(page, header)) == []
    assert overlapping(boxes(page, "#question, #send")) == []
    assert page.evaluate(
        "(() => { const q = document.querySelector('#question'); return q.scrollHeight <= q.clientHeight; })()"
    )
    shot(page, "desk-phone-start", full_page=False)  # the first screen, as the phone shows it

    ask(page, "以市政府办公室名义发文由谁签发？", city="大同市")
    ask(page, "朝阳和咸宁的全体会议多久开一次？", city="自动识别")
    ask(page, "单位食堂几点开饭")
    assert no_horizontal_scroll(page)
    assert overlapping(boxes(page, ".turn > .bubble")) == []
    assert overlapping(boxes(page, ".card")) == []
    assert overlapping(boxes(page, "#log > .turn:nth-child(2) .actions button")) == []
    answer, card = boxes(page, "#log > .turn:nth-child(2) .answer-text, #log > .turn:nth-child(2) .card")
    assert 0 <= card["y"] - (answer["y"] + answer["h"]) < 120  # the card is right under its answer
    composer = page.locator("#question").bounding_box()
    assert composer is not None and composer["y"] + composer["height"] <= 844  # still in view after scrolling
    whole(page, "desk-phone")
    # a comparison whose silent places say what their rules set instead: still no sideways scrolling
    ask(page, "各地副市长出差要提前几天请假？", city="自动识别")
    assert no_horizontal_scroll(page)
    whole(page, "desk-phone-comparison-days")


@pytest.mark.parametrize("device", ["page", "phone"])
def test_a_whole_list_is_shown_item_by_item(device, request, live_server):
    """「哪些」 questions are answered with the whole list: one item per line, readable on a phone too."""
    page = request.getfixturevalue(device)
    open_desk(page, live_server.url)
    turn = ask(page, "区常务会一般讨论哪些事", city="晋城市城区")
    text = turn.locator(".answer-text").inner_text()
    assert "区政府常务会议的主要任务是：\n（一）" in text and "\n(九)" in text
    assert no_horizontal_scroll(page)
    whole(page, f"desk-list-{'desktop' if device == 'page' else 'phone'}")


@pytest.mark.parametrize("device", ["page", "phone"])
def test_several_places_none_answering_are_listed_each(device, request, live_server):
    """Two places asked and neither's rules say it: each is listed on its own line with its nearest article."""
    page = request.getfixturevalue(device)
    open_desk(page, live_server.url)
    turn = ask(page, "大同和咸宁的出差补助一天多少钱")
    text = turn.locator(".answer-text").inner_text()
    assert "\n【大同市】没有规定具体金额标准" in text and "\n【咸宁市】没有规定具体金额标准" in text
    assert no_horizontal_scroll(page)
    whole(page, f"desk-none-{'desktop' if device == 'page' else 'phone'}")
