"""Authentication over real HTTP with the chat page mounted: with an API key set, nothing that answers
or stores works without the key (header), a login session (cookie) or, on the widget's routes only,
a widget token from its own origin; Gradio's uploads are off with or without a key."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from assistant.serve import auth
from assistant.serve.app import create_app

from .conftest import LiveServer, make_settings

KEY = "s3cret-key-123"
ORIGIN = "https://oa.example.gov.cn"
TOKEN = "3f9c0a1b2c3d4e5f60718293"
ASK = {"question": "以市政府办公室名义发文由谁签发？", "city": "datong"}
PAGE = {"Accept": "text/html,application/xhtml+xml"}


@contextmanager
def server(assistant, tmp_path, **options: object) -> Iterator[httpx.Client]:
    settings = make_settings(data_dir=tmp_path, **({"api_key": KEY, "rate_limit": 0} | options))
    with LiveServer(create_app(assistant, settings)) as live, httpx.Client(base_url=live.url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def secured(assistant, tmp_path_factory) -> Iterator[httpx.Client]:
    with server(assistant, tmp_path_factory.mktemp("auth"), widget_tokens={ORIGIN: TOKEN}) as client:
        yield client


def assert_401(r: httpx.Response) -> None:
    assert r.status_code == 401, r.text
    assert r.json()["error"]["code"] == "invalid_api_key" and "密钥" in r.json()["error"]["message"]


def test_pages_redirect_to_login_and_gradio_api_is_401(secured):
    r = secured.get("/", headers=PAGE)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    for path in (
        "/lab/gradio_api/info",
        "/lab/config",
        "/lab/theme.css",
        "/docs",
        "/openapi.json",
        "/lab/gradio_api/queue/status",
    ):
        assert_401(secured.get(path))
    login = secured.get("/login")
    assert login.status_code == 200 and 'type="password"' in login.text and "登录" in login.text
    assert "http" not in login.text.split("<body>")[1]  # no external assets
    assert secured.get("/healthz").status_code == 200
    assert secured.get("/widget.js").status_code == 200 and secured.get("/widget").status_code == 200


def test_api_key_header(secured):
    assert_401(secured.post("/api/ask", json=ASK))
    assert secured.post("/api/ask", json=ASK, headers={"X-API-Key": KEY}).status_code == 200
    assert secured.get("/v1/models", headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
    assert_401(secured.post("/api/ask", json=ASK, headers={"X-API-Key": KEY + "x"}))
    assert secured.get("/lab/gradio_api/info", headers={"X-API-Key": KEY}).status_code == 200


def test_wrong_keys_count_against_the_rate_limit(assistant, tmp_path):
    with server(assistant, tmp_path, rate_limit=3) as client:
        for _ in range(3):
            assert_401(client.post("/api/ask", json=ASK, headers={"X-API-Key": "wrong-key-000"}))
        r = client.post("/api/ask", json=ASK, headers={"X-API-Key": "wrong-key-000"})
        assert r.status_code == 429 and "Retry-After" in r.headers


def test_wrong_logins_count_against_the_rate_limit(assistant, tmp_path):
    with server(assistant, tmp_path, rate_limit=2) as client:
        for _ in range(2):
            r = client.post("/login", data={"key": "wrong-key-000"})
            assert r.status_code == 401 and "密钥错误" in r.text and auth.COOKIE not in r.headers.get("set-cookie", "")
        r = client.post("/login", data={"key": "wrong-key-000"})
        assert r.status_code == 429 and "尝试次数过多" in r.text


def test_login_sets_a_session_cookie(secured):
    wrong = secured.post("/login", data={"key": "not-the-key"})
    assert wrong.status_code == 401 and "密钥错误" in wrong.text and not secured.cookies
    r = secured.post("/login", data={"key": KEY})
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    try:
        assert secured.get("/", headers=PAGE).status_code == 200
        assert secured.get("/lab/gradio_api/info").status_code == 200
        assert secured.post("/api/ask", json=ASK).status_code == 200
        real = secured.cookies[auth.COOKIE]
        forged = real[:-2] + ("11" if real.endswith("00") else "00")  # never the real one (its signature may end 00)
        assert_401(httpx.get(f"{secured.base_url}/lab/gradio_api/info", cookies={auth.COOKIE: forged}))
        out = secured.get("/logout")
        assert out.status_code == 303 and out.headers["location"] == "/login"
        assert_401(secured.get("/lab/gradio_api/info"))
    finally:
        secured.cookies.clear()


def test_session_values():
    value = auth.new_session(KEY, now=1000.0, lifetime=60)
    assert auth.valid_session(KEY, value, now=1059.0)
    assert not auth.valid_session(KEY, value, now=1061.0)  # expired
    assert not auth.valid_session("another-key-1", value, now=1000.0)
    assert not auth.valid_session(KEY, "", now=1000.0) and not auth.valid_session(KEY, "a.b.c", now=1000.0)


def test_widget_token_only_from_its_origin_and_only_on_widget_routes(secured):
    widget = {"X-Widget-Token": TOKEN, "Origin": ORIGIN}
    r = secured.post("/api/ask", json=ASK, headers=widget)
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == ORIGIN
    assert (
        secured.post("/api/feedback", json={"question": ASK["question"], "liked": True}, headers=widget).status_code
        == 200
    )
    assert_401(secured.post("/api/ask", json=ASK, headers={**widget, "Origin": "https://evil.example.com"}))
    assert_401(secured.post("/api/ask", json=ASK, headers={**widget, "X-Widget-Token": TOKEN + "0"}))
    chat = {"model": "gov-rules-datong", "messages": [{"role": "user", "content": ASK["question"]}]}
    assert_401(secured.post("/v1/chat/completions", json=chat, headers=widget))
    assert_401(secured.get("/api/cities", headers=widget))
    assert_401(secured.get("/lab/gradio_api/info", headers=widget))
    preflight = secured.options(
        "/api/ask",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-widget-token,content-type",
        },
    )
    assert (
        preflight.status_code == 200 and "x-widget-token" in preflight.headers["access-control-allow-headers"].lower()
    )


@pytest.mark.parametrize("key", [KEY, None])
def test_uploads_are_404_with_or_without_a_key(assistant, tmp_path, key):
    with server(assistant, tmp_path, api_key=key) as client:
        for path in (
            "/lab/gradio_api/upload",
            "/gradio_api/upload",
            "/upload",
            "/lab/upload",
            "/lab/gradio_api/upload?upload_id=x",
        ):
            files = {"files": ("a.txt", b"hello", "text/plain")}
            r = client.post(path, files=files, headers={"X-API-Key": KEY})
            assert r.status_code == 404 and r.json()["error"]["message"] == "未找到。", r.text
        assert client.get("/healthz").status_code == 200


def test_without_a_key_everything_stays_open(assistant, tmp_path):
    with server(assistant, tmp_path, api_key=None) as client:
        assert client.get("/", headers=PAGE).status_code == 200
        assert client.get("/lab/gradio_api/info").status_code == 200
        assert client.post("/api/ask", json=ASK).status_code == 200
        assert client.get("/login", follow_redirects=False).status_code == 303


def test_widget_tokens_from_the_environment(monkeypatch):
    from assistant.settings import Settings

    monkeypatch.setenv("ASSISTANT_WIDGET_TOKENS", f"{ORIGIN}/={TOKEN}, http://b.example:8080={TOKEN}1")
    assert Settings(_env_file=None).widget_tokens == {ORIGIN: TOKEN, "http://b.example:8080": TOKEN + "1"}  # type: ignore[call-arg]
    monkeypatch.setenv("ASSISTANT_WIDGET_TOKENS", f"{ORIGIN}=short")
    with pytest.raises(ValueError, match="16"):
        Settings(_env_file=None)  # type: ignore[call-arg]
