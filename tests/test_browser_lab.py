"""The Gradio chat page in a real browser."""

from __future__ import annotations

import re
import sqlite3

from .browser_kit import BROWSER, shot

pytestmark = BROWSER


def open_chat(page, url: str) -> None:
    page.goto(url + "/lab/")
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
    ask(page, "<script>alert('x')</script>食堂几点开饭")
    page.locator("#cards .refusal").wait_for(timeout=20000)
    assert "<script>alert('x')</script>食堂几点开饭" in page.locator("#chat").inner_text()
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
    ask(page, "那常务会议呢？")  # nothing to follow now: asked to say what about it
    page.wait_for_function("document.querySelector('#cards').innerText.includes('没有上文')", timeout=20000)


def test_feedback_is_stored(page, live_server, assistant):
    open_chat(page, live_server.url)
    choose_city(page, "咸宁市")
    ask(page, "会签文件几天内回复")
    page.locator("#cards .card").first.wait_for(timeout=20000)
    page.get_by_role("button", name=re.compile("Like|赞|喜欢")).last.click()
    page.wait_for_function("document.querySelector('#notice').innerText.includes('已记录反馈')", timeout=10000)
    page.locator("#comment textarea").fill("调试台：回答准确")
    page.locator("#send-comment").click()
    page.wait_for_function("document.querySelector('#notice').innerText.includes('意见已保存')", timeout=10000)
    with sqlite3.connect(assistant.settings.data_dir / "feedback.sqlite") as db:
        rows = db.execute("SELECT question, liked, comment FROM feedback WHERE comment = '调试台：回答准确'").fetchall()
    assert rows == [("会签文件几天内回复", 1, "调试台：回答准确")]
