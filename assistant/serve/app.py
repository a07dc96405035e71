"""The FastAPI app: JSON API, OpenAI-compatible API, widget, and the Gradio chat at ``/``.

Entry point: ``create_app(assistant, settings)``. Every error a client can cause gets a clear
Chinese message in ``{"error": {"message", "type", "code"}}`` (the OpenAI error shape) and the
right status; nothing internal (no traceback) ever reaches a response.
"""

from __future__ import annotations

import itertools
import json
import logging
import threading
import time
from collections import Counter, deque
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, Literal, TypeVar

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.answering.pipeline import Assistant
from assistant.errors import InvalidQuestion, UnknownCity, UserError
from assistant.knowledge.ingest import load_documents
from assistant.serve.feedback import FeedbackStore
from assistant.settings import LOCAL_ORIGINS, Settings

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
T = TypeVar("T")
PROTECTED = ("/api/", "/v1/")


def error(status: int, message: str, kind: str = "invalid_request_error", code: str = "", **extra: Any) -> JSONResponse:
    body: dict[str, Any] = {"error": {"message": message, "type": kind, "code": code or str(status)}}
    body["error"].update(extra)
    headers = {"Retry-After": str(extra["retry_after"])} if "retry_after" in extra else None
    return JSONResponse(body, status_code=status, headers=headers)


class AskRequest(BaseModel):
    question: str = Field(description="问题（中文）", examples=["以市政府办公室名义发文由谁签发？"])
    city: str | None = Field(default=None, description="地区 slug 或中文名；不填则自动识别", examples=["datong"])
    mode: Literal["extractive", "llm"] | None = Field(default=None, description="回答方式；默认按服务器配置")


class FeedbackRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2000)
    city: str | None = None
    liked: bool
    comment: str = Field(default="", max_length=2000)
    answer: dict[str, Any] = {}


class RateLimiter:
    """Sliding one-minute window per client."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, client: str) -> int:
        """0 when allowed, else seconds to wait."""
        if self.per_minute <= 0:
            return 0
        now = time.monotonic()
        with self._lock:
            q = self._hits.setdefault(client, deque())
            while q and now - q[0] >= 60:
                q.popleft()
            if len(q) >= self.per_minute:
                return max(1, int(60 - (now - q[0])) + 1)
            q.append(now)
            return 0


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        if err.get("type") == "json_invalid":
            return "请求体不是合法的 JSON。"
        if err.get("type") == "missing":
            parts.append(f"缺少字段 {loc}")
        else:
            parts.append(f"字段 {loc or '请求体'} 无效（{err.get('msg', '')}）")
    return "请求格式有误：" + "；".join(parts) + "。"


async def run_bounded(app: FastAPI, fn: Callable[[], T]) -> T:
    """Run CPU-bound answering in a worker thread, at most ``settings.workers`` at a time.

    Answering is pure-Python heavy (jieba, scoring): dozens of threads at once only fight over
    the GIL and starve the event loop. A small limiter keeps requests queued fairly instead.
    """
    return await anyio.to_thread.run_sync(fn, limiter=app.state.limiter)


def create_app(assistant: Assistant, settings: Settings | None = None, with_ui: bool = True) -> FastAPI:
    """The service for ``assistant``; server options from ``settings`` (default: the assistant's)."""
    settings = settings or assistant.settings
    app = FastAPI(
        title="市政府工作规则问答 API",
        description="逐条引用、精确出处的政府工作规则问答。另有 OpenAI 兼容接口 /v1/chat/completions。",
        version="0.1.0",
    )
    app.state.assistant = assistant
    app.state.settings = settings
    app.state.feedback = FeedbackStore.in_dir(settings.data_dir)
    app.state.limiter = anyio.CapacityLimiter(settings.workers)
    limiter = RateLimiter(settings.rate_limit)

    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_origin_regex=LOCAL_ORIGINS,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type", "Authorization", "X-API-Key"],
        max_age=600,
    )

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        path = request.url.path
        if request.method == "OPTIONS":
            return await call_next(request)
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > settings.max_body_bytes:
            return error(413, f"请求体过大（上限 {settings.max_body_bytes // 1024} KB）。", code="body_too_large")
        if path.startswith(PROTECTED):
            if settings.api_key:
                given = request.headers.get("x-api-key") or request.headers.get("authorization", "").removeprefix(
                    "Bearer "
                )
                if given != settings.api_key.get_secret_value():
                    return error(401, "缺少或错误的 API 密钥。", kind="authentication_error", code="invalid_api_key")
            client = request.client.host if request.client else "unknown"
            wait = limiter.check(client)
            if wait:
                return error(
                    429,
                    f"请求过于频繁，请 {wait} 秒后再试。",
                    kind="rate_limit_error",
                    code="rate_limited",
                    retry_after=wait,
                )
        if request.method == "POST" and not length:  # chunked upload: count as we read
            body = b""
            async for chunk in request.stream():
                body += chunk
                if len(body) > settings.max_body_bytes:
                    return error(
                        413, f"请求体过大（上限 {settings.max_body_bytes // 1024} KB）。", code="body_too_large"
                    )

            async def receive() -> dict[str, Any]:
                return {"type": "http.request", "body": body, "more_body": False}

            request = Request(request.scope, receive)
        return await call_next(request)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error(422, _validation_message(exc), code="invalid_request")

    @app.exception_handler(UnknownCity)
    async def _unknown_city(request: Request, exc: UnknownCity) -> JSONResponse:
        return error(400, str(exc), code="unknown_city", cities=assistant.cities)

    @app.exception_handler(UserError)
    async def _user_error(request: Request, exc: UserError) -> JSONResponse:
        code = "invalid_question" if isinstance(exc, InvalidQuestion) else "bad_request"
        return error(400, str(exc), code=code)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = {404: "未找到。", 405: "不支持该请求方法。"}.get(exc.status_code, str(exc.detail))
        return error(exc.status_code, message, code=str(exc.status_code))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s", request.url.path)
        return error(500, "服务器内部错误，请稍后再试。", kind="server_error", code="internal_error")

    @app.get("/healthz", tags=["运维"])
    def healthz() -> dict[str, Any]:
        return {
            "status": "ok",
            "articles": len(assistant.index.articles),
            "embedding_model": assistant.index.model_name,
            "mode": assistant.mode,
        }

    @app.post("/api/ask", tags=["问答"])
    async def ask(body: AskRequest) -> dict[str, Any]:
        """回答问题：引文逐字取自条文，`citations` 给出出处与全文。"""
        return await run_bounded(app, lambda: assistant.ask(body.question, city=body.city, mode=body.mode).to_dict())

    @app.post("/api/ask/stream", tags=["问答"])
    def ask_stream(body: AskRequest) -> StreamingResponse:
        """同 /api/ask，以 SSE 流式返回：`delta`（文字片段）、`reset`（丢弃已显示文字）、最后 `answer`（完整回答 JSON）。"""
        events = assistant.ask_stream(body.question, city=body.city, mode=body.mode)
        first = next(events)  # input errors raise here, before the stream starts, as a normal 400

        def sse() -> Iterator[str]:
            try:
                for event in itertools.chain([first], events):
                    if event.kind == "answer" and event.answer is not None:
                        data = event.answer.to_dict()
                    else:
                        data = {"text": event.text}
                    yield f"event: {event.kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
            except Exception:
                log.exception("stream failed")
                msg = {"message": "服务器内部错误，请稍后再试。"}
                yield f"event: error\ndata: {json.dumps(msg, ensure_ascii=False)}\n\n"

        return StreamingResponse(sse(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})

    # The served knowledge is fixed for the server's lifetime (the index is loaded once): read the
    # document metadata and count articles once, not on every request.
    documents = load_documents(settings.knowledge_dir)
    document_of = {(d["city"], d["title"]): d for d in documents}
    counts = Counter(a.city for a in assistant.index.articles)
    city_list = [
        {
            "slug": slug,
            "name": assistant.registry.by_slug[slug].name,
            "province": assistant.registry.by_slug[slug].province,
            "level": assistant.registry.by_slug[slug].level,
            "aliases": assistant.registry.by_slug[slug].aliases,
            "articles": counts[slug],
            "documents": [
                {k: d[k] for k in ("title", "number", "issuer", "issued", "status", "articles", "replaces")}
                for d in documents
                if d["city"] == slug
            ],
        }
        for slug in assistant.cities
    ]

    @app.get("/api/cities", tags=["知识库"])
    def cities() -> list[dict[str, Any]]:
        return city_list

    @app.get("/api/articles/{article_id}", tags=["知识库"])
    def article(article_id: str) -> dict[str, Any]:
        a = assistant.article(article_id)
        if a is None:
            raise StarletteHTTPException(404)
        return a.to_dict() | {"document_info": document_of.get((a.city, a.document))}

    @app.post("/api/feedback", tags=["反馈"])
    def feedback(body: FeedbackRequest) -> dict[str, Any]:
        fid = app.state.feedback.add(body.question, body.city, body.liked, body.answer, body.comment)
        return {"id": fid}

    @app.get("/widget.js", include_in_schema=False)
    def widget_js() -> Response:
        return FileResponse(STATIC / "widget.js", media_type="application/javascript; charset=utf-8")

    @app.get("/widget", include_in_schema=False)
    def widget_page() -> Response:
        return FileResponse(STATIC / "widget.html", media_type="text/html; charset=utf-8")

    from assistant.serve.openai_compat import router

    app.include_router(router)
    if with_ui:
        from assistant.serve.ui import mount_ui

        mount_ui(app, assistant, app.state.feedback)
    return app
