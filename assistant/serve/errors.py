"""The one JSON error shape and every exception handler.

Every error a client can cause gets a clear Chinese message in
``{"error": {"message", "type", "code"}}`` (the OpenAI error shape) and the right status;
nothing internal (no traceback) ever reaches a response.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from functools import cache
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.errors import InvalidQuestion, UnknownCity, UserError, validation_message
from assistant.serve.auth import wants_page
from assistant.serve.deps import get_assistant
from assistant.serve.pages import env

log = logging.getLogger(__name__)
INTERNAL_MESSAGE = "服务器内部错误，请稍后再试。"
HTTP_MESSAGES = {400: "请求体无法解析。", 404: "未找到。", 405: "不支持该请求方法。", 413: "请求体过大。"}
HTTP_CODES = {
    400: "invalid_body",
    404: "not_found",
    405: "method_not_allowed",
    408: "body_timeout",
    413: "body_too_large",
    429: "rate_limited",
    503: "service_unavailable",
}
# Starlette's own replies (``{"detail": ...}``, also from the Gradio app mounted at ``/``) that we re-shape
DEFAULT_DETAILS = {"Not Found", "Method Not Allowed", "Content Too Large", "There was an error parsing the body"}
MAX_JSON_DEPTH = 32


def error_body(message: str, kind: str = "invalid_request_error", code: str = "", **extra: Any) -> dict[str, Any]:
    """``{"error": {"message", "type", "code", **extra}}``."""
    return {"error": {"message": message, "type": kind, "code": code} | extra}


def error_response(
    status: int,
    message: str,
    kind: str = "invalid_request_error",
    code: str = "",
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """The error as a response; ``retry_after`` in ``extra`` also becomes a ``Retry-After`` header."""
    headers = dict(headers or {}) | ({"Retry-After": str(extra["retry_after"])} if "retry_after" in extra else {})
    body = error_body(message, kind, code or str(status), **extra)
    return JSONResponse(body, status_code=status, headers=headers or None)


def request_message(exc: RequestValidationError) -> str:
    """「请求格式有误：缺少字段 question。」, or 「请求体不是合法的 JSON。」."""
    message = validation_message(exc)
    if any(e.get("type") == "json_invalid" for e in exc.errors()):
        return "请求体" + message
    return f"请求格式有误：{message}。"


async def on_invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if not media.endswith("json") and await request.body():  # a body sent as text/plain, or untyped, is not JSON
        said = f"收到的是 {media[:40]}" if media else "请求没有注明 Content-Type"
        message = f"请求体须为 JSON，并注明 Content-Type: application/json（{said}）。"
        return error_response(415, message, code="unsupported_media_type")
    if any(e.get("type") == "json_invalid" for e in exc.errors()):  # a syntax error: the body cannot be read
        return error_response(400, request_message(exc), code="invalid_json")
    if any(e.get("type") == "missing" and tuple(e.get("loc", ())) == ("body",) for e in exc.errors()):
        # no body at all is no JSON either (as README says: 400), not a JSON object with wrong fields
        return error_response(400, request_message(exc), code="missing_body")
    return error_response(422, request_message(exc), code="invalid_request")


async def on_unknown_city(request: Request, exc: UnknownCity) -> JSONResponse:
    return error_response(400, str(exc), code="unknown_city", cities=get_assistant(request).cities)


async def on_user_error(request: Request, exc: UserError) -> JSONResponse:
    code = "invalid_question" if isinstance(exc, InvalidQuestion) else "bad_request"
    return error_response(400, str(exc), code=code)


def http_message(status: int, detail: object) -> str:
    """Our Chinese message for a status; ``detail`` where it is ours (not one of Starlette's defaults)."""
    if status in HTTP_MESSAGES and (detail in DEFAULT_DETAILS or not detail or detail == _phrase(status)):
        return HTTP_MESSAGES[status]
    return str(detail)


def _phrase(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


async def on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
    if exc.status_code == 404 and _browser_page(request.scope):  # a person in a browser, not an API client
        return HTMLResponse(not_found_page(), status_code=404)
    message = http_message(exc.status_code, exc.detail)
    code = HTTP_CODES.get(exc.status_code, str(exc.status_code))
    kind = (
        "server_error" if exc.status_code >= 500 else "invalid_request_error"
    )  # busy: the server's, not the request's
    return error_response(exc.status_code, message, kind, code=code, headers=exc.headers)


async def on_internal_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error on %s", request.url.path)
    return error_response(500, INTERNAL_MESSAGE, kind="server_error", code="internal_error")


def json_problem(body: bytes) -> JSONResponse | None:
    """The error for a JSON body Python could read but our code could not handle, else None.

    Invalid UTF-8, nesting deeper than ``MAX_JSON_DEPTH`` and lone surrogates (``"\\ud800"``, which no
    text can be encoded with) are answered here with the field named; plain syntax errors are left
    to FastAPI's validation (「请求体不是合法的 JSON。」).
    """
    try:
        data = json.loads(body.decode(json.detect_encoding(body)))
    except UnicodeDecodeError:
        return error_response(400, "请求体不是合法的 UTF-8 文本。", code="invalid_encoding")
    except RecursionError:
        return _too_deep()
    except ValueError:
        return None
    stack: list[tuple[str, Any, int]] = [("", data, 1)]
    while stack:
        path, value, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return _too_deep()
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, item in items:
            name = f"{path}.{key}" if path else str(key)
            if _unencodable(key) or _unencodable(item):
                field = name if _encodable(name) else (path or "请求体")
                message = f"请求格式有误：字段 {field} 无效（含有无法编码的字符，如孤立的 Unicode 代理项）。"
                return error_response(422, message, code="invalid_request")
            stack.append((name, item, depth + 1))
    return None


def _unencodable(value: object) -> bool:
    return isinstance(value, str) and not _encodable(value)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _too_deep() -> JSONResponse:
    return error_response(422, f"请求体的 JSON 嵌套过深（最多 {MAX_JSON_DEPTH} 层）。", code="invalid_request")


class DefaultErrors:
    """ASGI middleware: Starlette's default ``{"detail": "Not Found"}``-style replies, also those of the
    Gradio app mounted at ``/``, become our shape in Chinese; 404 for a path one of our own routes
    serves with another method becomes 405. Every other response passes untouched.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        routes = getattr(scope.get("app"), "routes", [])
        original = dict(scope)  # a mounted app may change the scope as it routes
        held: list[Message] = []

        async def send_or_hold(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in (400, 404, 405, 413):
                held.append(message)
            elif not held:
                await send(message)
            else:
                held.append(message)
                if not message.get("more_body"):
                    await self._finish(original, routes, held, send)

        await self.app(scope, receive, send_or_hold)

    async def _finish(self, scope: Scope, routes: list[Any], held: list[Message], send: Send) -> None:
        body = b"".join(m.get("body", b"") for m in held[1:])
        try:
            detail = json.loads(body)["detail"] if body.startswith(b'{"detail"') else None
        except (ValueError, KeyError, TypeError):
            detail = None
        status = held[0]["status"]
        if not isinstance(detail, str) or (detail not in DEFAULT_DETAILS and status != 413):
            for message in held:
                await send(message)
            return
        if status == 404 and any(r.matches(scope)[0] == Match.PARTIAL for r in routes if not isinstance(r, Mount)):
            status = 405
        if status == 404 and _browser_page(scope):  # a person in a browser, not an API client
            await HTMLResponse(not_found_page(), status_code=404)(scope, _no_receive, send)
            return
        code = HTTP_CODES.get(status, str(status))
        await error_response(status, http_message(status, detail), code=code)(scope, _no_receive, send)


@cache
def not_found_page() -> str:
    """The HTML 404 for a person in a browser (the site's look, links to the desk and the rules)."""
    return env.get_template("notfound.html").render(page_title="未找到")


def _browser_page(scope: Scope) -> bool:
    """A browser asking for a page (not an API path): answered with HTML, not JSON."""
    path = scope.get("path", "")
    return scope.get("method") == "GET" and wants_page(Headers(scope=scope)) and not path.startswith(("/api/", "/v1/"))


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


def add_error_handlers(app: FastAPI) -> None:
    """The exception handlers, and ``DefaultErrors`` for what reaches no handler (add it before the guards)."""
    app.add_middleware(DefaultErrors)
    app.exception_handler(RequestValidationError)(on_invalid_request)
    app.exception_handler(UnknownCity)(on_unknown_city)
    app.exception_handler(UserError)(on_user_error)
    app.exception_handler(StarletteHTTPException)(on_http_error)
    app.exception_handler(Exception)(on_internal_error)
