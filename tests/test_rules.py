"""The rules reading pages over real HTTP: /rules (every city and document), /rules/{article_id} (the
whole document, that article highlighted and anchored by its id), /rules/doc/{city}/{slug}, Chinese
HTML 404s, escaping, every article's page, and protection like the chat page when an API key is set."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import httpx
import pytest

from assistant.serve.app import create_app

from .conftest import KNOWLEDGE, LiveServer, make_settings

ARTICLES = [json.loads(line) for line in (KNOWLEDGE / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
DOCUMENTS = [json.loads(line) for line in (KNOWLEDGE / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
WORK_RULES = "大同市人民政府工作规则"
TARGET = "datong-work-rules-033"
KEY = "s3cret-key-123"
PAGE = {"Accept": "text/html,application/xhtml+xml"}


@pytest.fixture(scope="module")
def http(live_server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        yield client


def article_ids(html: str) -> list[str]:
    return re.findall(r'<article id="([^"]+)"', html)


def element(html: str, element_id: str) -> tuple[str, str]:
    """The opening tag's attributes and the inner HTML of the ``<article>`` with this id."""
    m = re.search(rf'<article id="{re.escape(element_id)}"([^>]*)>(.*?)</article>', html, re.S)
    assert m, f"no article {element_id}"
    return m[1], m[2]


def assert_html_404(r: httpx.Response) -> None:
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert '<html lang="zh-CN">' in r.text and "未找到" in r.text and 'href="/rules"' in r.text
    assert "Traceback" not in r.text


def test_index_lists_every_city_and_document(http):
    r = http.get("/rules")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert '<html lang="zh-CN">' in page and 'name="viewport" content="width=device-width, initial-scale=1"' in page
    for name in ("大同市", "晋城市城区", "朝阳市", "咸宁市"):
        assert f">{name}<" in page, name
    assert len(DOCUMENTS) == 9
    for d in DOCUMENTS:
        url = f"/rules/doc/{d['city']}/{d['slug']}"
        assert f'href="{url}">《{d["title"]}》</a>' in page, d["title"]
        assert d["number"] in page and d["issuer"] in page and f'datetime="{d["issued"]}"' in page
        assert f"共 {d['articles']} 条" in page
    assert page.count('class="doc-card"') == 9 and "现行有效" in page
    assert 'href="/rules/doc/datong/work-rules#chapter-6">第六章 公文处理</a>' in page  # browsable by chapter
    assert http.get("/rules/", follow_redirects=True).url.path == "/rules"


def test_article_page_shows_the_whole_document_with_the_article_marked(http):
    r = http.get(f"/rules/{TARGET}")
    assert r.status_code == 200 and r.headers["x-content-type-options"] == "nosniff"
    page = r.text
    expected = [a["id"] for a in ARTICLES if a["city"] == "datong" and a["document"] == WORK_RULES]
    assert len(expected) == 46 and article_ids(page) == expected
    assert f'<h1 class="doc-title"><a href="#top">{WORK_RULES}</a></h1>' in page
    facts = ("同政发〔2024〕2号", 'datetime="2024-01-15"', "2024年1月15日", "现行有效", "发文机关", "大同市人民政府")
    for fact in facts:
        assert fact in page, fact
    assert "所替代文件" in page and "同政发〔2013〕46号" in page
    assert page.count('class="chapter-title"') == 8 and "第六章 公文处理" in page
    attributes, inner = element(page, TARGET)
    assert 'class="rule current"' in attributes and 'aria-current="true"' in attributes
    assert "秘书长签发" in inner and "三十三、" in inner and "第三十三条" in inner
    assert page.count("rule current") == 1
    assert 'href="/rules"' in page and 'href="/"' in page  # breadcrumb: the index and the chat
    assert '<link rel="stylesheet" href="/static/rules.css">' in page


def test_citation_urls_from_the_api_open_their_article(http):
    body = http.post("/api/ask", json={"question": "以市政府办公室名义发文由谁签发？", "city": "大同"}).json()
    cited = body["citations"][0]
    assert cited["url"].startswith(f"/rules/{TARGET}?q=") and cited["url"].endswith(f"#{TARGET}")
    path, _, fragment = cited["url"].partition("#")
    page = http.get(path).text
    assert fragment in article_ids(page) and 'class="rule current"' in element(page, fragment)[0]
    assert f"<mark>{cited['quote']}</mark>" in element(page, fragment)[1]  # the quoted sentence, marked


def test_only_whole_quoted_clauses_are_marked_and_a_missing_quote_is_said(http):
    quote = "以市政府办公室名义发文，一般由市政府秘书长签发；"
    page = http.get(f"/rules/{TARGET}", params={"q": f"{quote}\n市长\n<b>x</b>"}).text
    inner = element(page, TARGET)[1]
    assert inner.count("<mark>") == 1 and f"<mark>{quote}</mark>" in inner  # not 「市长」 inside sentences
    assert "<b>x</b>" not in page and "未在本条中找到" not in page  # one quote found: no note
    assert "<mark>" not in element(page, "datong-work-rules-034")[1]  # only the current article
    lost = http.get(f"/rules/{TARGET}", params={"q": "咸宁的一句话。"}).text
    assert "引文未在本条中找到" in lost and "<mark>" not in lost


def test_a_document_title_without_its_city_names_it(http):
    page = http.get("/rules/datong-executive-meeting-014").text
    assert '<span class="doc-city">大同市</span>市政府常务会议工作规则' in page


def test_document_url_shows_the_document_without_a_marked_article(http):
    page = http.get("/rules/doc/datong/work-rules").text
    assert len(article_ids(page)) == 46 and "rule current" not in page and "同政发〔2024〕2号" in page
    plenary = http.get("/rules/doc/datong/plenary-meeting")  # no chapters: the contents list the articles
    assert plenary.status_code == 200 and len(article_ids(plenary.text)) == 12
    assert 'class="toc flat"' in plenary.text and 'class="chapter-title"' not in plenary.text
    assert "同政办发〔2024〕2号" in plenary.text
    # each 复制出处 button copies the article's citation (not the name of a Python method)
    assert 'data-copy="《大同市人民政府工作规则》第三十三条（同政发〔2024〕2号）"' in page
    assert "built-in" not in page and "0x" not in page
    meeting = http.get("/rules/datong-executive-meeting-014")
    assert meeting.status_code == 200 and len(article_ids(meeting.text)) == 25


@pytest.mark.parametrize(
    "path",
    ["/rules/datong-work-rules-999", "/rules/doc/datong/nope", "/rules/doc/taiyuan/work-rules", "/rules/a/b/c"],
)
def test_unknown_pages_are_chinese_html_404s(http, path):
    assert_html_404(http.get(path))


def test_control_characters_in_a_path_are_not_echoed(http):
    r = http.get("/rules/abc%00def%07")
    assert r.status_code == 404 and "\x00" not in r.text and "\x07" not in r.text and "abc" in r.text


def test_html_in_a_path_is_not_reflected_unescaped(http):
    for path in ("/rules/<img src=x onerror=alert(1)>", "/rules/doc/<b>x</b>/<script>alert(1)</script>"):
        r = http.get(path)
        assert_html_404(r)
        assert "<img src=x" not in r.text and "<script>alert" not in r.text and "<b>x" not in r.text
        assert "&lt;" in r.text
    long = http.get("/rules/" + "长" * 500)
    assert_html_404(long)
    assert "长" * 81 not in long.text


def test_every_article_has_its_page(http):
    assert len(ARTICLES) == 253
    for a in ARTICLES:
        r = http.get(f"/rules/{a['id']}")
        assert r.status_code == 200, a["id"]
        attributes, inner = element(r.text, a["id"])
        assert "current" in attributes and a["label"] in inner, a["id"]


def test_pages_need_no_external_request(http):
    css = http.get("/static/rules.css")
    js = http.get("/static/rules.js")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert "@media print" in css.text and "Noto Sans CJK SC" in css.text
    for text in (http.get("/rules").text, http.get(f"/rules/{TARGET}").text, css.text):
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", text)
    assert "<script>" not in http.get(f"/rules/{TARGET}").text  # no inline script


@pytest.fixture(scope="module")
def secured(assistant, tmp_path_factory) -> Iterator[httpx.Client]:
    settings = make_settings(data_dir=tmp_path_factory.mktemp("rules-auth"), api_key=KEY, rate_limit=0)
    with (
        LiveServer(create_app(assistant, settings, with_ui=False)) as live,
        httpx.Client(base_url=live.url, timeout=30) as client,
    ):
        yield client


def test_with_an_api_key_rules_pages_are_protected_like_the_chat_page(secured):
    for path in ("/rules", f"/rules/{TARGET}", "/rules/doc/datong/work-rules", "/rules/nope"):
        page = secured.get(path, headers=PAGE)
        assert page.status_code == 303 and page.headers["location"] == "/login", path
        plain = secured.get(path)
        assert plain.status_code == 401 and plain.json()["error"]["code"] == "invalid_api_key"
        assert "秘书长" not in plain.text
    chat = secured.get("/", headers=PAGE)
    assert chat.status_code == 303 and chat.headers["location"] == "/login"
    assert secured.get("/static/rules.css").status_code == 401
    assert secured.get(f"/rules/{TARGET}", headers={"X-API-Key": KEY}).status_code == 200


def test_with_an_api_key_a_login_session_opens_rules_pages(assistant, tmp_path):
    settings = make_settings(data_dir=tmp_path, api_key=KEY, rate_limit=0)
    with (
        LiveServer(create_app(assistant, settings, with_ui=False)) as live,
        httpx.Client(base_url=live.url, timeout=30) as client,
    ):
        assert client.post("/login", data={"key": KEY}).status_code == 303  # the session cookie is kept
        page = client.get(f"/rules/{TARGET}", headers=PAGE)
        assert page.status_code == 200 and "秘书长签发" in element(page.text, TARGET)[1]
        assert client.get("/static/rules.css", headers={"Accept": "text/css"}).status_code == 200
        assert_html_404(client.get("/rules/nope", headers=PAGE))
