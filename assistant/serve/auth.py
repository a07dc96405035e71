"""Authentication when ``settings.api_key`` is set: the key in a header (API clients), a signed
session cookie (browsers, after ``/login``), and per-origin widget tokens (``settings.widget_tokens``)
for the widget's three routes only. Stdlib only: HMAC-SHA256 keyed by the API key.

The session cookie is ``<random id>.<expiry>.<signature>``; changing the API key ends every session.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import secrets
import time
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import Headers

from assistant.settings import Settings

COOKIE = "assistant_session"
SESSION_S = 12 * 3600
PUBLIC = frozenset({"/healthz", "/login", "/logout", "/widget.js", "/widget"})
LAB = "/lab"  # the Gradio page (retrieval and answer inspection); the desk chat is at "/"
UPLOADS = frozenset(
    f"{prefix}{path}"
    for prefix in ("", LAB)
    for path in ("/upload", "/gradio_api/upload", "/upload_progress", "/gradio_api/upload_progress")
)
WIDGET_ROUTES = frozenset({("POST", "/api/ask"), ("POST", "/api/ask/stream"), ("POST", "/api/feedback")})

router = APIRouter(include_in_schema=False)


def _sign(key: str, payload: str) -> str:
    return hmac.new(key.encode(), payload.encode(), hashlib.sha256).hexdigest()


def new_session(key: str, now: float | None = None, lifetime: int = SESSION_S) -> str:
    """A fresh session cookie value, valid for ``lifetime`` seconds."""
    payload = f"{secrets.token_urlsafe(24)}.{int((now or time.time()) + lifetime)}"
    return f"{payload}.{_sign(key, payload)}"


def valid_session(key: str, value: str, now: float | None = None) -> bool:
    """Whether ``value`` is a session this key signed and that has not expired."""
    payload, _, signature = value.rpartition(".")
    expiry = payload.rpartition(".")[2]
    if not payload or not expiry.isdigit():
        return False
    return hmac.compare_digest(_sign(key, payload), signature) and int(expiry) > (now or time.time())


def same(given: str, expected: str) -> bool:
    """Constant-time comparison of two secrets (as UTF-8 bytes)."""
    return hmac.compare_digest(given.encode(), expected.encode())


def header_key(headers: Headers) -> str:
    """The key a client sent: ``X-API-Key`` or ``Authorization: Bearer``; empty when none."""
    bearer = headers.get("authorization", "")
    return headers.get("x-api-key") or (bearer[7:].strip() if bearer[:7].lower() == "bearer " else "")


def session_cookie(headers: Headers) -> str:
    for part in headers.get("cookie", "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE:
            return value
    return ""


def widget_allowed(settings: Settings, method: str, path: str, headers: Headers) -> bool:
    """A widget token is accepted only on the widget's routes and only from the origin it is paired with."""
    token = headers.get("x-widget-token", "")
    if not token or (method, path.rstrip("/")) not in WIDGET_ROUTES:
        return False
    expected = settings.widget_tokens.get(headers.get("origin", ""))
    return expected is not None and same(token, expected)


def wants_page(headers: Headers) -> bool:
    """A browser asking for a page (redirected to the login page rather than answered 401)."""
    return "text/html" in headers.get("accept", "")


LOGIN_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>登录 · {title}</title>
<style>body{{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;background:#f1f5f9;display:flex;
justify-content:center;align-items:center;min-height:100vh;margin:0}}form{{background:#fff;padding:28px;
border-radius:10px;box-shadow:0 4px 20px rgba(0,0,0,.1);width:320px}}h1{{font-size:18px;margin:0 0 16px}}
input{{width:100%;box-sizing:border-box;padding:9px;border:1px solid #cbd5e1;border-radius:6px;font-size:15px}}
button{{margin-top:14px;width:100%;padding:9px;border:0;border-radius:6px;background:#2563eb;color:#fff;
font-size:15px;cursor:pointer}}.error{{color:#b91c1c;font-size:14px;margin:0 0 10px}}</style></head>
<body><form method="post" action="/login"><h1>{title}</h1>{error}
<label for="key">访问密钥</label><input id="key" name="key" type="password" autocomplete="current-password"
required autofocus><button type="submit">登录</button></form></body></html>"""


def login_page(settings: Settings, error: str = "", status: int = 200) -> HTMLResponse:
    note = f'<p class="error" role="alert">{html.escape(error)}</p>' if error else ""
    return HTMLResponse(LOGIN_PAGE.format(title=html.escape(settings.title), error=note), status_code=status)


@router.get("/login")
def login_form(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    if not settings.api_key:
        return RedirectResponse("/", status_code=303)
    return login_page(settings)


@router.post("/login")
async def login(request: Request) -> Response:
    """The right key: a session cookie and a redirect to the chat; a wrong one: the page again,
    counted by the rate limiter (429 once past it)."""
    settings: Settings = request.app.state.settings
    if not settings.api_key:
        return RedirectResponse("/", status_code=303)
    key = settings.api_key.get_secret_value()
    given = parse_qs((await request.body()).decode("utf-8", "replace")).get("key", [""])[0]
    if not same(given, key):
        wait = request.app.state.guard_limit(request.scope)
        if wait:
            return login_page(settings, f"尝试次数过多，请 {wait} 秒后再试。", status=429)
        return login_page(settings, "密钥错误，请重试。", status=401)
    response = RedirectResponse("/", status_code=303)
    secure = request.url.scheme == "https"
    response.set_cookie(
        COOKIE, new_session(key), max_age=SESSION_S, httponly=True, samesite="strict", secure=secure, path="/"
    )
    return response


@router.get("/logout")
@router.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response
