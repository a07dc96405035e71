"""The one JSON error shape and every exception handler.

Every error a client can cause gets a clear Chinese message in
``{"error": {"message", "type", "code"}}`` (the OpenAI error shape) and the right status;
nothing internal (no traceback) ever reaches a response.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.errors import InvalidQuestion, UnknownCity, UserError, validation_message
from assistant.serve.deps import get_assistant

log = logging.getLogger(__name__)
INTERNAL_MESSAGE = "服务器内部错误，请稍后再试。"
HTTP_MESSAGES = {404: "未找到。", 405: "不支持该请求方法。"}


def error_body(message: str, kind: str = "invalid_request_error", code: str = "", **extra: Any) -> dict[str, Any]:
    """``{"error": {"message", "type", "code", **extra}}``."""
    return {"error": {"message": message, "type": kind, "code": code} | extra}


def error_response(
    status: int, message: str, kind: str = "invalid_request_error", code: str = "", **extra: Any
) -> JSONResponse:
    """The error as a response; ``retry_after`` in ``extra`` also becomes a ``Retry-After`` header."""
    headers = {"Retry-After": str(extra["retry_after"])} if "retry_after" in extra else None
    body = error_body(message, kind, code or str(status), **extra)
    return JSONResponse(body, status_code=status, headers=headers)


def request_message(exc: RequestValidationError) -> str:
    """「请求格式有误：缺少字段 question。」, or 「请求体不是合法的 JSON。」."""
    message = validation_message(exc)
    if any(e.get("type") == "json_invalid" for e in exc.errors()):
        return "请求体" + message
    return f"请求格式有误：{message}。"


async def on_invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    return error_response(422, request_message(exc), code="invalid_request")


async def on_unknown_city(request: Request, exc: UnknownCity) -> JSONResponse:
    return error_response(400, str(exc), code="unknown_city", cities=get_assistant(request).cities)


async def on_user_error(request: Request, exc: UserError) -> JSONResponse:
    code = "invalid_question" if isinstance(exc, InvalidQuestion) else "bad_request"
    return error_response(400, str(exc), code=code)


async def on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    message = HTTP_MESSAGES.get(exc.status_code, str(exc.detail))
    return error_response(exc.status_code, message, code=str(exc.status_code))


async def on_internal_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error on %s", request.url.path)
    return error_response(500, INTERNAL_MESSAGE, kind="server_error", code="internal_error")


def add_error_handlers(app: FastAPI) -> None:
    app.exception_handler(RequestValidationError)(on_invalid_request)
    app.exception_handler(UnknownCity)(on_unknown_city)
    app.exception_handler(UserError)(on_user_error)
    app.exception_handler(StarletteHTTPException)(on_http_error)
    app.exception_handler(Exception)(on_internal_error)
