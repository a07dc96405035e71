"""The desk chat page at ``/`` over HTTP: a Chinese HTML page whose script and styles come from this server."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from assistant.serve.routers import desk

ASSET = re.compile(r'(?:href|src)="(/[^"]*)"')
# XML namespaces are names, not addresses: nothing is fetched from them.
NAMESPACES = ("http://www.w3.org/2000/svg",)


@pytest.fixture(scope="module")
def page(live_server) -> httpx.Response:
    return httpx.get(live_server.url + "/")


def external(text: str) -> list[str]:
    for ns in NAMESPACES:
        text = text.replace(ns, "")
    return re.findall(r"https?://[^\s\"'<>)]*", text)


def test_page_is_chinese_html(page):
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<html lang="zh-CN">' in page.text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page.text
    assert "<title>市政府工作规则问答</title>" in page.text
    assert 'id="question"' in page.text and "以市政府办公室名义发文由谁签发？" in page.text  # the placeholder
    assert "共 253 条" in page.text


def test_question_box_takes_what_the_server_accepts(page):
    from assistant.answering.pipeline import MAX_QUESTION_CHARS

    assert f'maxlength="{MAX_QUESTION_CHARS}"' in page.text


def test_assets_are_same_origin_with_their_types(page, live_server):
    assets = ASSET.findall(page.text)
    kinds = {"desk.js": "javascript", "desk.css": "text/css", "desk.svg": "image/svg+xml"}
    assert {a.split("?")[0].rsplit("/", 1)[1] for a in assets if a.startswith("/static/")} == set(kinds)
    for path in assets:
        if not path.startswith("/static/"):
            continue  # links to other pages (/rules)
        r = httpx.get(live_server.url + path)
        name = path.split("?")[0].rsplit("/", 1)[1]
        assert r.status_code == 200, path
        assert kinds[name] in r.headers["content-type"], (path, r.headers["content-type"])
        assert external(r.text) == [], path
    assert external(page.text) == []


def test_no_inline_script_style_or_handlers(page):
    """The page works under ``script-src 'self'; style-src 'self'``: no inline code anywhere."""
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page.text, re.S)
    assert all('src="/static/' in attrs or 'type="application/json"' in attrs for attrs, _ in scripts)
    assert all(not body.strip() for attrs, body in scripts if "src=" in attrs)
    assert "<style" not in page.text and " style=" not in page.text
    assert not re.search(r"\son[a-z]+=", page.text)


def test_script_never_inserts_html():
    script = (desk.SERVE / "static" / "desk.js").read_text(encoding="utf-8")
    for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert risky not in script, risky


def test_page_data_lists_cities_with_examples(page):
    raw = re.search(r'<script type="application/json" id="desk-data">(.*?)</script>', page.text, re.S)
    assert raw is not None
    data = json.loads(raw.group(1))
    assert [c["slug"] for c in data["cities"]] == ["datong", "jincheng-chengqu", "chaoyang", "xianning"]
    datong = data["cities"][0]
    assert "以市政府办公室名义发文由谁签发？" in datong["examples"] and data["examples"]
    assert {"title": "大同市人民政府工作规则", "number": "同政发〔2024〕2号", "issued": "2024-01-15"}.items() <= (
        datong["documents"][0].items()
    )


def test_page_data_cannot_close_its_script_block():
    html = desk.template().render(title="<b>标题</b>", summary="", data={"x": "</script><script>alert(1)"}, version="1")
    assert "</script><script>alert(1)" not in html and "<b>标题</b>" not in html
    block = re.search(r'id="desk-data">(.*?)</script>', html, re.S)
    assert block is not None and json.loads(block.group(1)) == {"x": "</script><script>alert(1)"}


def test_assets_change_their_version_with_their_content(page):
    assert f"/static/desk.js?v={desk.version()}" in page.text
    assert f"/static/desk.css?v={desk.version()}" in page.text
    assert page.headers["cache-control"] == "no-cache"  # the page (and so the asset versions) is always fresh
