"""Request guards, as pure ASGI middleware: the body size for every request, authentication (see
``auth``: with an API key set, everything but ``auth.PUBLIC`` needs the key, a session cookie or, on the
widget's routes, a widget token), per-client rate limit on ``/api/`` and ``/v1/`` (and on every wrong
key), Gradio's upload routes off (404), CORS, and security headers on every response.

Pure ASGI (no ``BaseHTTPMiddleware``): the body is counted as the app reads it, so chunked uploads
work, and a body past ``max_body_bytes`` is answered 413 (at once when ``Content-Length`` says so).
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.serve import auth
from assistant.serve.bodies import BodyIn, BodyTimeout, BodyTooLarge, read, replay, timed_out, too_large
from assistant.serve.errors import error_response, json_problem
from assistant.settings import LOCAL_ORIGINS, Settings

PROTECTED = ("/api/", "/v1/")
WINDOW_S = 60.0
MAX_CLIENTS = 100_000
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class RateLimiter:
    """Sliding one-minute window per client. Pure: the caller passes the time.

    Clients are kept in order of their last counted request; one idle for a whole window is
    forgotten, and at most ``max_clients`` are remembered, so memory stays bounded.
    """

    def __init__(self, per_minute: int, max_clients: int = MAX_CLIENTS) -> None:
        self.per_minute = per_minute
        self.max_clients = max_clients
        self._hits: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, client: str, now: float) -> int:
        """0 when allowed (and counted), else whole seconds to wait (at least 1). ``per_minute`` 0: off."""
        if self.per_minute <= 0:
            return 0
        with self._lock:
            self._forget_idle(now)
            hits = self._hits.get(client) or deque()
            while hits and now - hits[0] >= WINDOW_S:
                hits.popleft()
            if len(hits) >= self.per_minute:
                return max(1, int(WINDOW_S - (now - hits[0])) + 1)
            hits.append(now)
            self._hits[client] = hits
            self._hits.move_to_end(client)
            if len(self._hits) > self.max_clients:
                self._hits.popitem(last=False)
            return 0

    def _forget_idle(self, now: float) -> None:
        while self._hits:
            oldest = next(iter(self._hits.values()))
            if now - oldest[-1] < WINDOW_S:
                return
            self._hits.popitem(last=False)

    def clients(self) -> list[str]:
        """The clients remembered now (oldest last request first)."""
        with self._lock:
            return list(self._hits)


def parse_networks(addresses: Sequence[str]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(a, strict=False) for a in addresses)


def _within(address: str, networks: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        return False
    return any(ip in n for n in networks)


def client_address(scope: Scope, trusted: Sequence[Network]) -> str:
    """The client to rate-limit: the direct peer, unless it is a trusted proxy; then the right-most
    ``X-Forwarded-For`` address that is not itself a trusted proxy (the left ones a client can forge)."""
    peer = scope["client"][0] if scope.get("client") else "unknown"
    if not trusted or not _within(peer, trusted):
        return peer
    forwarded = ",".join(Headers(scope=scope).getlist("x-forwarded-for"))
    for address in reversed([a.strip() for a in forwarded.split(",") if a.strip()]):
        if not _within(address, trusted):
            return address
    return peer


class Guard:
    """Body size for every request; authentication everywhere but ``auth.PUBLIC`` (when a key is set);
    rate limit and readable JSON for ``PROTECTED`` paths; uploads answered 404."""

    def __init__(
        self,
        app: ASGIApp,
        settings: Settings,
        clock: Callable[[], float] = time.monotonic,
        limiter: RateLimiter | None = None,
    ) -> None:
        self.app = app
        self.settings = settings
        self.limiter = limiter or RateLimiter(settings.rate_limit)
        self.trusted = parse_networks(settings.trusted_proxies)
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and self._unauthorized(scope, Headers(scope=scope)) is not None:
            return await send({"type": "websocket.close", "code": 1008})
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        body_in = receive = BodyIn(receive, self.settings.body_timeout)
        refused = self._refusal(scope)
        if refused is None and _is_json_api(scope):
            try:
                body = await read(receive, self.settings.max_body_bytes)
            except BodyTimeout:
                return await timed_out(self.settings)(scope, receive, send)
            if body is None:
                refused = too_large(self.settings)
            else:
                refused, receive = json_problem(body), replay(body, receive)
        if refused is not None:
            if refused.status_code == 413:
                await body_in.drain(self.settings.drain_body_bytes, Headers(scope=scope))
            return await refused(scope, receive, send)
        await self._call_counting(scope, receive, send, body_in)

    def _refusal(self, scope: Scope) -> Response | None:
        headers = Headers(scope=scope)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.settings.max_body_bytes:
            return too_large(self.settings)
        path = scope["path"]
        if path.rstrip("/") in auth.UPLOADS:
            return error_response(404, "未找到。", code="not_found")
        if scope["method"] == "OPTIONS" and path.startswith(PROTECTED):
            return None
        refused = self._unauthorized(scope, headers)
        if refused is not None or not path.startswith(PROTECTED):
            return refused
        return self._rate_limited(scope)

    def _unauthorized(self, scope: Scope, headers: Headers) -> Response | None:
        """None when no key is set, the path is public, or the request authenticates; else 401 (a wrong
        or missing key on ``/api``/``/v1`` and a wrong key anywhere count against the rate limit: 429)."""
        if not self.settings.api_key or scope["path"] in auth.PUBLIC:
            return None
        key, given = self.settings.api_key.get_secret_value(), auth.header_key(headers)
        if given and auth.same(given, key):
            return None
        if not given and auth.valid_session(key, auth.session_cookie(headers)):
            return None
        if not given and auth.widget_allowed(self.settings, scope.get("method", "GET"), scope["path"], headers):
            return None
        if given or scope["path"].startswith(PROTECTED):
            limited = self._rate_limited(scope)
            if limited is not None:
                return limited
        if not given and auth.wants_page(headers) and not scope["path"].startswith(PROTECTED):
            return RedirectResponse("/login", status_code=303)
        return error_response(401, "缺少或错误的 API 密钥。", kind="authentication_error", code="invalid_api_key")

    def _rate_limited(self, scope: Scope) -> Response | None:
        wait = self.limiter.check(client_address(scope, self.trusted), self.clock())
        if not wait:
            return None
        message = f"请求过于频繁，请 {wait} 秒后再试。"
        return error_response(429, message, kind="rate_limit_error", code="rate_limited", retry_after=wait)

    async def _call_counting(self, scope: Scope, receive: Receive, send: Send, body_in: BodyIn) -> None:
        """The app, its body counted as it reads; past the limit reading raises ``BodyTooLarge``
        (a route answers it through the exception handlers; elsewhere it is answered here)."""
        limit, seen, started = self.settings.max_body_bytes, 0, False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit)
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except BodyTooLarge:
            if started:
                raise
            await body_in.drain(self.settings.drain_body_bytes, Headers(scope=scope))
            await too_large(self.settings)(scope, receive, send)
        except BodyTimeout:
            if started:
                raise
            await timed_out(self.settings)(scope, receive, send)


def _is_json_api(scope: Scope) -> bool:
    if scope["method"] not in ("POST", "PUT", "PATCH") or not scope["path"].startswith(PROTECTED):
        return False
    kind = Headers(scope=scope).get("content-type", "").split(";")[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


OWN_PAGES_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
)


class SecurityHeaders:
    """``nosniff``, ``Referrer-Policy`` and a frame policy on every response: the page and the API
    only in frames of this site; ``/widget`` also in this machine's pages and ``cors_origins``.
    The desk page (``/``) and the rules pages allow only this site's own files (no inline code);
    elsewhere only ``frame-ancestors``: the Gradio page at ``/lab`` needs its inline scripts."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        origins = [o for o in settings.cors_origins if o and not any(c in o for c in " ;,'\"")]
        widget = " ".join(["'self'", *origins, "http://localhost:*", "http://127.0.0.1:*"])
        common = [("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "same-origin")]
        self.page = [*common, ("X-Frame-Options", "SAMEORIGIN"), ("Content-Security-Policy", "frame-ancestors 'self'")]
        self.own = [*common, ("X-Frame-Options", "SAMEORIGIN"), ("Content-Security-Policy", OWN_PAGES_CSP)]
        self.widget = [*common, ("Content-Security-Policy", f"frame-ancestors {widget}")]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope["path"]
        if path.rstrip("/") == "/widget":
            extra = self.widget
        elif path == "/" or path.startswith(("/rules", "/static/")):  # our own pages: no inline code at all
            extra = self.own
        else:
            extra = self.page

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra:
                    if name == "Content-Security-Policy" or name not in headers:
                        headers.append(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """HEAD answered as GET without its body: monitors and link checkers probe pages with HEAD. Hand-written
    because FastAPI's routes answer GET only, and adding HEAD to every route would list each operation twice in
    the API schema."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


_CORS_FAILURES = {"origin": "来源网站", "method": "请求方法", "headers": "请求头", "private-network": "内网访问"}


class ExplainedCORS(CORSMiddleware):
    """Starlette's CORS, with a refused preflight said in the one JSON error shape, in Chinese (Starlette
    answers 「Disallowed CORS origin」 as plain English text)."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code != 400:
            return response
        said = bytes(response.body).decode().removeprefix("Disallowed CORS ").split(", ")
        what = "、".join(_CORS_FAILURES.get(s, s) for s in said)
        kept = {k: v for k, v in response.headers.items() if k.lower() not in ("content-length", "content-type")}
        message = f"跨域请求未获准（{what}不在允许范围内）。如需在其他网站嵌入，请联系管理员配置允许的来源。"
        return error_response(400, message, code="cors_rejected", headers=kept)


def add_guards(app: FastAPI, settings: Settings) -> None:
    """Outermost first: HEAD read as GET, security headers, CORS (this machine, ``settings.cors_origins`` and the widget
    tokens' origins), the guard. The guard's rate limiter is shared with ``POST /login``."""
    limiter, trusted = RateLimiter(settings.rate_limit), parse_networks(settings.trusted_proxies)
    app.state.guard_limit = lambda scope: limiter.check(client_address(scope, trusted), time.monotonic())
    app.add_middleware(Guard, settings=settings, limiter=limiter)
    app.add_middleware(
        ExplainedCORS,
        allow_origins=[*settings.cors_origins, *(o for o in settings.widget_tokens if o not in settings.cors_origins)],
        allow_origin_regex=LOCAL_ORIGINS,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type", "Authorization", "X-API-Key", "X-Widget-Token"],
        max_age=600,
    )
    app.add_middleware(SecurityHeaders, settings=settings)
    app.add_middleware(HeadAsGet)
