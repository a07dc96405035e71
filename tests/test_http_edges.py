"""HTTP edges over a real server: chunked bodies and the size limit, bodies Python reads but no
text can hold (lone surrogates, bad UTF-8, deep nesting), 404/405 under the Gradio mount, the
rate limit behind proxies, security headers, offline /docs, and a prompt stop on SIGTERM."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from assistant.serve import guards
from assistant.serve.app import create_app
from assistant.serve.guards import WINDOW_S, RateLimiter, client_address, parse_networks

from .conftest import REPO, LiveServer, free_port, make_settings

Q = "以市政府办公室名义发文由谁签发？"
JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module")
def http(live_server):
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        yield client


@contextmanager
def server(assistant, **options: object) -> Iterator[str]:
    """The API alone (no chat page) as ``assistant serve`` runs it: uvicorn believes no proxy header."""
    settings = make_settings(data_dir=assistant.settings.data_dir, **options)
    live = LiveServer(create_app(assistant, settings, with_ui=False))
    live.server.config.proxy_headers = False
    with live:
        yield live.url


def assert_error(r: httpx.Response, status: int, fragment: str) -> dict:
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert set(error) >= {"message", "type", "code"} and fragment in error["message"], error
    assert "Traceback" not in r.text and "detail" not in r.json()
    return error


# 1. Body size without breaking chunked uploads


def pieces(data: bytes, size: int = 7) -> Iterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


def test_chunked_post_is_answered(http):
    body = json.dumps({"question": Q, "city": "datong"}, ensure_ascii=False).encode()
    r = http.post("/api/ask", content=pieces(body), headers=JSON)
    assert r.status_code == 200, r.text
    assert "秘书长" in r.json()["answer"]
    chat = json.dumps({"model": "gov-rules-datong", "messages": [{"role": "user", "content": Q}]}).encode()
    completion = http.post("/v1/chat/completions", content=pieces(chat, 100), headers=JSON)
    assert completion.status_code == 200 and "秘书长" in completion.json()["choices"][0]["message"]["content"]
    feedback = json.dumps({"question": Q, "liked": True}).encode()
    assert http.post("/api/feedback", content=pieces(feedback), headers=JSON).status_code == 200


def test_body_over_the_limit_is_413_chunked_or_not(http):
    big = json.dumps({"question": "问" * 70000}, ensure_ascii=False).encode()
    error = assert_error(http.post("/api/ask", content=big, headers=JSON), 413, "请求体过大（上限 64 KB）")
    assert error["code"] == "body_too_large"
    assert_error(http.post("/api/ask", content=pieces(big, 4096), headers=JSON), 413, "请求体过大")
    not_json = http.post("/api/ask", content=pieces(b"x" * 100_000, 4096), headers={"Content-Type": "text/plain"})
    assert_error(not_json, 413, "请求体过大")


# A client in a process of its own: http.client (urllib's) writes the whole body before it reads, so a
# server that answered 413 and closed with megabytes unread would reset the connection under it
WHOLE_BODY_FIRST = """
import http.client, json, sys
from urllib.parse import urlsplit
url = urlsplit(sys.argv[1])
body = b'{"question": "' + b"a" * 12_000_000 + b'"}'
for path, kind in [("/api/ask", "application/json"), ("/api/feedback", "text/plain")]:
    for chunked in (False, True):
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        sent = (body[i : i + 65536] for i in range(0, len(body), 65536)) if chunked else body
        try:
            connection.request("POST", path, body=sent, headers={"Content-Type": kind}, encode_chunked=chunked)
            response = connection.getresponse()
            print(response.status, json.loads(response.read())["error"]["message"])
        except OSError as e:
            print(type(e).__name__)
        connection.close()
"""


def test_a_client_that_sends_the_whole_body_first_reads_the_413(live_server):
    run = subprocess.run([sys.executable, "-c", WHOLE_BODY_FIRST, live_server.url], capture_output=True, text=True)
    assert run.stdout.splitlines() == ["413 请求体过大（上限 64 KB）。"] * 4, run.stdout + run.stderr


def test_a_client_that_stops_sending_its_body_gets_408_not_a_connection_held_open(assistant):
    """A Content-Length larger than what the client sends: the server waits ``body_timeout`` for more, then answers
    408 with a Chinese message (a JSON route reads the body itself, another route through the app)."""
    import socket
    from urllib.parse import urlsplit

    with server(assistant, body_timeout=1) as url:
        address = urlsplit(url)
        for path, kind in [("/api/ask", "application/json"), ("/api/feedback", "text/plain")]:
            with socket.create_connection((address.hostname, address.port), timeout=20) as s:
                head = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {kind}\r\nContent-Length: 100\r\n\r\n"
                s.sendall(head.encode() + b'{"question": "')
                started = time.monotonic()
                reply = s.recv(65536).decode("utf-8", "replace")
                assert reply.startswith("HTTP/1.1 408"), reply
                assert "请求体接收超时" in reply and "Traceback" not in reply
                assert time.monotonic() - started < 15


# 2. Bodies no text can hold; missing fields; unknown paths and methods


SURROGATE = "\\ud800"  # a JSON escape Python decodes to a lone surrogate


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/ask", f'{{"question": "{SURROGATE}"}}', "question"),
        ("/api/ask", f'{{"question": "问", "city": "大同{SURROGATE}"}}', "city"),
        ("/api/ask/stream", f'{{"question": "{SURROGATE}"}}', "question"),
        (
            "/v1/chat/completions",
            f'{{"messages": [{{"role": "user", "content": "{SURROGATE}"}}]}}',
            "messages.0.content",
        ),
        (
            "/v1/chat/completions",
            f'{{"model": "{SURROGATE}", "messages": [{{"role": "user", "content": "问"}}]}}',
            "model",
        ),
        ("/api/feedback", f'{{"question": "{SURROGATE}", "liked": true}}', "question"),
        ("/api/feedback", f'{{"question": "问", "liked": false, "comment": "x{SURROGATE}"}}', "comment"),
    ],
)
def test_lone_surrogate_names_the_field(http, path, body, field):
    assert_error(http.post(path, content=body.encode(), headers=JSON), 422, f"字段 {field} 无效")


def test_a_surrogate_pair_is_fine(http):
    body = json.dumps({"question": Q + "😀", "city": "datong"}).encode()  # ASCII: "\\ud83d\\ude00"
    assert b"\\ud83d\\ude00" in body
    r = http.post("/api/ask", content=body, headers=JSON)
    assert r.status_code == 200, r.text


def test_invalid_utf8_and_deep_nesting_in_chinese(http):
    error = assert_error(http.post("/api/ask", content=b'{"question": "\xff\xfe"}', headers=JSON), 400, "UTF-8")
    assert error["code"] == "invalid_encoding"
    nested = '{"question": "q", "liked": true, "answer": ' + '{"a": ' * 40 + "1" + "}" * 40 + "}"
    assert_error(http.post("/api/feedback", content=nested.encode(), headers=JSON), 422, "嵌套过深")
    brackets = b"[" * 60_000
    assert_error(http.post("/api/ask", content=brackets, headers=JSON), 422, "嵌套过深")
    bad = assert_error(http.post("/api/ask", content=b'{"question": ', headers=JSON), 400, "不是合法的 JSON")
    assert bad["code"] == "invalid_json"  # a syntax error is a bad request (400), as OpenAI answers it
    # a number too long for the JSON reader (review 30: its code was a bare 「400」)
    huge = b'{"question": "q", "n": ' + b"9" * 5000 + b"}"
    assert (
        assert_error(http.post("/api/ask", content=huge, headers=JSON), 400, "请求体无法解析")["code"] == "invalid_body"
    )


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/ask", {"city": "datong"}, "question"),
        ("/api/feedback", {"question": Q}, "liked"),
        ("/v1/chat/completions", {"model": "gov-rules-auto"}, "messages"),
    ],
)
def test_missing_field_is_named(http, path, body, field):
    assert_error(http.post(path, json=body), 422, f"缺少字段 {field}")


def test_stream_must_be_a_boolean(http):
    body = {"model": "gov-rules-auto", "messages": [{"role": "user", "content": Q}], "stream": "yes"}
    r = http.post("/v1/chat/completions", json=body)
    assert r.status_code == 422 and "stream" in r.json()["error"]["message"]


@pytest.mark.parametrize(
    ("method", "path", "status", "message"),
    [
        ("GET", "/nope", 404, "未找到。"),
        ("GET", "/api/nope", 404, "未找到。"),
        ("POST", "/v1/nope", 404, "未找到。"),
        ("POST", "/healthz", 405, "不支持该请求方法。"),
        ("GET", "/api/ask", 405, "不支持该请求方法。"),
        ("DELETE", "/api/cities", 405, "不支持该请求方法。"),
        (
            "GET",
            "/api/articles/nope",
            404,
            "没有编号为「nope」的条文（编号形如 datong-work-rules-033）。",
        ),
    ],
)
def test_unknown_paths_and_methods_in_our_shape(http, method, path, status, message):
    error = assert_error(http.request(method, path), status, message)
    assert error["message"] == message and error["code"] == {404: "not_found", 405: "method_not_allowed"}[status]


def test_health_answers_a_head_probe_without_a_body(http):
    head = http.head("/healthz")
    assert head.status_code == 200 and head.content == b""
    assert http.get("/healthz").json()["status"] == "ok"


def test_pages_answer_a_head_probe_as_get_without_a_body(http):
    for path in ("/", "/api/cities", "/rules", "/widget.js", "/v1/models"):
        head, get = http.head(path), http.get(path)
        assert head.status_code == get.status_code == 200 and head.content == b"", path
        assert head.headers["content-type"] == get.headers["content-type"]
    assert http.head("/api/ask").status_code == 405  # POST only: HEAD is no way in


def test_a_trailing_slash_is_not_redirected_to_the_host_the_request_names(http):
    r = http.post("/api/ask/", json={"question": Q}, headers={"Host": "evil.example"}, follow_redirects=False)
    assert r.status_code == 404 and "location" not in r.headers


def test_gradio_page_and_routes_still_work(http):
    page = http.get("/lab/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    config = http.get("/lab/config")
    assert config.status_code == 200 and "components" in config.json()


# 3. The rate limit behind (and not behind) a proxy


def test_forged_forwarded_for_does_not_escape_the_limit(assistant):
    with server(assistant, rate_limit=2) as url:
        codes = [httpx.get(f"{url}/api/cities", headers={"X-Forwarded-For": f"10.0.0.{i}"}) for i in range(3)]
        assert [r.status_code for r in codes] == [200, 200, 429]


def test_forwarded_for_is_believed_from_a_trusted_proxy_only(assistant):
    with server(assistant, rate_limit=2, trusted_proxies=["127.0.0.1"]) as url:
        for i in range(4):  # each a different client behind the proxy
            assert httpx.get(f"{url}/api/cities", headers={"X-Forwarded-For": f"10.0.0.{i}"}).status_code == 200
        forged = {"X-Forwarded-For": "1.2.3.4, 10.9.9.9"}  # the client wrote 1.2.3.4; the proxy saw 10.9.9.9
        assert [httpx.get(f"{url}/api/cities", headers=forged).status_code for _ in range(3)] == [200, 200, 429]
        other = {"X-Forwarded-For": "5.6.7.8, 10.9.9.8"}
        assert httpx.get(f"{url}/api/cities", headers=other).status_code == 200


def test_client_address():
    trusted = parse_networks(["127.0.0.1", "10.1.0.0/16"])

    def scope(peer: str, *forwarded: str) -> dict:
        return {"client": (peer, 5000), "headers": [(b"x-forwarded-for", f.encode()) for f in forwarded]}

    assert client_address(scope("8.8.8.8", "1.1.1.1"), trusted) == "8.8.8.8"  # not a proxy: header ignored
    assert client_address(scope("127.0.0.1", "1.1.1.1"), ()) == "127.0.0.1"  # no proxies configured
    assert client_address(scope("127.0.0.1", "6.6.6.6, 2.2.2.2, 10.1.3.4"), trusted) == "2.2.2.2"
    assert client_address(scope("127.0.0.1", "6.6.6.6", "3.3.3.3"), trusted) == "3.3.3.3"  # two headers
    assert client_address(scope("127.0.0.1"), trusted) == "127.0.0.1"
    assert client_address(scope("127.0.0.1", "garbage"), trusted) == "garbage"  # still one key per value


def test_rate_limiter_forgets_idle_clients():
    limiter = RateLimiter(per_minute=2)
    assert limiter.check("a", 0.0) == 0
    assert limiter.check("b", 30.0) == 0
    assert limiter.clients() == ["a", "b"]
    assert limiter.check("c", WINDOW_S) == 0  # a's only hit has left the window
    assert limiter.clients() == ["b", "c"]
    assert limiter.check("c", 200.0) == 0
    assert limiter.clients() == ["c"]
    bounded = RateLimiter(per_minute=5, max_clients=3)
    for i in range(10):
        bounded.check(f"client-{i}", 1.0)
    assert bounded.clients() == ["client-7", "client-8", "client-9"]


# 4. Security headers


def test_security_headers_on_every_response(http):
    for path in ("/lab/", "/api/cities", "/nope", "/docs", "/healthz"):
        h = http.get(path).headers
        assert h["x-content-type-options"] == "nosniff" and h["referrer-policy"] == "same-origin", path
        assert h["x-frame-options"] == "SAMEORIGIN" and h["content-security-policy"] == "frame-ancestors 'self'"
    for path in ("/", "/rules", "/rules/datong-work-rules-033", "/static/desk.js"):
        h = http.get(path).headers
        assert h["x-frame-options"] == "SAMEORIGIN" and h["content-security-policy"] == guards.OWN_PAGES_CSP, path
    h = http.get("/widget").headers
    assert "x-frame-options" not in h and h["x-content-type-options"] == "nosniff"
    assert h["content-security-policy"] == "frame-ancestors 'self' http://localhost:* http://127.0.0.1:*"
    assert "script-src" not in http.get("/lab/").headers["content-security-policy"]


def test_widget_may_be_framed_by_configured_origins(assistant):
    with server(assistant, rate_limit=0, cors_origins=["https://oa.example.gov.cn"]) as url:
        policy = httpx.get(f"{url}/widget").headers["content-security-policy"]
        assert policy.startswith("frame-ancestors 'self' https://oa.example.gov.cn ")
        assert httpx.get(f"{url}/api/cities").headers["content-security-policy"] == "frame-ancestors 'self'"


# 5. /docs offline


def test_docs_need_nothing_from_the_internet(http, live_server):
    page = http.get("/docs")
    assert page.status_code == 200
    urls = re.findall(r"https?://[^\s'\"<>]+", page.text)
    assert all(u.startswith(live_server.url) for u in urls), urls
    assets = re.findall(r'(?:src|href)="(/[^"]+)"', page.text)
    assert len(assets) == 3
    for asset in assets:
        r = http.get(asset)
        assert r.status_code == 200 and len(r.content) > 500, asset
    assert "SwaggerUIBundle" in http.get("/docs/assets/swagger-ui-bundle.js").text
    assert http.get("/docs/assets/index.html").status_code == 404
    assert http.get("/redoc").status_code == 404
    assert "/docs" not in http.get("/openapi.json").json()["paths"]


# 6. SIGTERM with a chat tab open


def test_serve_stops_promptly_on_sigterm_with_a_stream_open(built_data_dir: Path, tmp_path: Path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path / "serve.log").open("w")
    env = os.environ | {"ASSISTANT_DATA_DIR": str(built_data_dir)}
    command = [sys.executable, "-m", "assistant", "serve", "--port", str(port)]
    proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        with httpx.Client(base_url=url, timeout=30) as client:
            assert client.get("/").status_code == 200  # a keep-alive connection, left open
            with client.stream("GET", "/lab/gradio_api/heartbeat/test-session") as stream:  # the page's own stream
                assert next(stream.iter_text())
                start = time.monotonic()
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=15)
        assert time.monotonic() - start < 10
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()


@pytest.mark.parametrize(
    ("body", "content_type", "message", "status"),
    [
        (b"[]", "application/json", "请求体无效（应为 JSON 对象）", 422),
        (b"", "application/json", "缺少请求体（应为 JSON 对象）", 400),  # no body is no JSON at all
    ],
)
def test_bodies_that_are_no_json_object_are_told_so_in_chinese(http, body, content_type, message, status):
    r = http.post("/api/ask", content=body, headers={"content-type": content_type})
    assert r.status_code == status and message in r.json()["error"]["message"]
    assert not re.search(r"[A-Za-z]{4,}", r.json()["error"]["message"].replace("JSON", ""))  # no library English


def test_a_json_body_sent_with_no_media_type_is_told_to_say_json(http):
    r = http.post("/api/ask", content='{"question": "常务会多久开一次"}'.encode())
    assert r.status_code == 415 and "没有注明 Content-Type" in r.json()["error"]["message"]


def test_a_json_body_sent_as_another_media_type_is_told_to_say_json(http):
    for body in (b"hello", '{"question": "常务会多久开一次"}'.encode()):
        r = http.post("/api/ask", content=body, headers={"content-type": "text/plain; charset=utf-8"})
        assert r.status_code == 415 and r.json()["error"]["code"] == "unsupported_media_type"
        assert (
            "Content-Type: application/json" in r.json()["error"]["message"]
            and "text/plain" in r.json()["error"]["message"]
        )


def test_a_browser_gets_a_chinese_page_for_an_unknown_path(http):
    page = http.get("/nope", headers={"Accept": "text/html,application/xhtml+xml"})
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert '<html lang="zh-CN">' in page.text and "未找到这个页面" in page.text and 'href="/rules"' in page.text
    api = http.get("/api/nope", headers={"Accept": "text/html"})  # an API path stays JSON
    assert api.status_code == 404 and api.json()["error"]["message"] == "未找到。"
    assert http.get("/nope").json()["error"]["code"] == "not_found"  # a client that does not ask for HTML
