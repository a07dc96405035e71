"""Request guards: CORS, body size, API key and a per-client rate limit on ``/api/`` and ``/v1/``."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import Response

from assistant.serve.errors import error_response
from assistant.settings import LOCAL_ORIGINS, Settings

PROTECTED = ("/api/", "/v1/")
WINDOW_S = 60.0


class RateLimiter:
    """Sliding one-minute window per client. Pure: the caller passes the time."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, client: str, now: float) -> int:
        """0 when allowed (and counted), else whole seconds to wait (at least 1). ``per_minute`` 0: off."""
        if self.per_minute <= 0:
            return 0
        with self._lock:
            hits = self._hits.setdefault(client, deque())
            while hits and now - hits[0] >= WINDOW_S:
                hits.popleft()
            if len(hits) >= self.per_minute:
                return max(1, int(WINDOW_S - (now - hits[0])) + 1)
            hits.append(now)
            return 0


def too_large(settings: Settings) -> Response:
    return error_response(413, f"请求体过大（上限 {settings.max_body_bytes // 1024} KB）。", code="body_too_large")


class Guard:
    """HTTP middleware: body size for every request; API key and rate limit for ``PROTECTED`` paths."""

    def __init__(self, settings: Settings, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.limiter = RateLimiter(settings.rate_limit)
        self.clock = clock

    async def __call__(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if request.method == "OPTIONS":
            return await call_next(request)
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > self.settings.max_body_bytes:
            return too_large(self.settings)
        if request.url.path.startswith(PROTECTED):
            refused = self._unauthorized(request)
            refused = refused if refused is not None else self._rate_limited(request)
            if refused is not None:
                return refused
        if request.method == "POST" and not length:  # chunked upload: count as we read
            buffered = await self._buffered(request)
            if buffered is None:
                return too_large(self.settings)
            request = buffered
        return await call_next(request)

    def _unauthorized(self, request: Request) -> Response | None:
        if not self.settings.api_key:
            return None
        given = request.headers.get("x-api-key") or request.headers.get("authorization", "").removeprefix("Bearer ")
        if given == self.settings.api_key.get_secret_value():
            return None
        return error_response(401, "缺少或错误的 API 密钥。", kind="authentication_error", code="invalid_api_key")

    def _rate_limited(self, request: Request) -> Response | None:
        client = request.client.host if request.client else "unknown"
        wait = self.limiter.check(client, self.clock())
        if not wait:
            return None
        message = f"请求过于频繁，请 {wait} 秒后再试。"
        return error_response(429, message, kind="rate_limit_error", code="rate_limited", retry_after=wait)

    async def _buffered(self, request: Request) -> Request | None:
        """The request with its body read into memory, or None when the body is too large."""
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > self.settings.max_body_bytes:
                return None

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": body, "more_body": False}

        return Request(request.scope, receive)


def add_guards(app: FastAPI, settings: Settings) -> None:
    """CORS (this machine plus ``settings.cors_origins``), then the guard around it."""
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_origin_regex=LOCAL_ORIGINS,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type", "Authorization", "X-API-Key"],
        max_age=600,
    )
    app.middleware("http")(Guard(settings))
