"""Request bodies at the edge: read whole for the JSON routes (``read``, then ``replay``d to the app), each part
awaited at most ``body_timeout`` (``BodyIn``), and the rest of an oversized one read and dropped before the 413
(``BodyIn.drain``), so that a client sending the whole body before it reads gets the answer."""

from __future__ import annotations

import asyncio

from fastapi.responses import Response
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Message, Receive

from assistant.serve.errors import error_response
from assistant.settings import Settings


class BodyTooLarge(StarletteHTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"请求体过大（上限 {limit // 1024} KB）。")


class BodyTimeout(StarletteHTTPException):
    def __init__(self, seconds: float) -> None:
        super().__init__(408, f"请求体接收超时（{seconds:g} 秒内未收到后续内容）。")


def timed_out(settings: Settings) -> Response:
    return error_response(408, BodyTimeout(settings.body_timeout).detail, code="body_timeout")


def too_large(settings: Settings) -> Response:
    return error_response(413, BodyTooLarge(settings.max_body_bytes).detail, code="body_too_large")


async def read(receive: Receive, limit: int) -> bytes | None:
    """The whole body (chunked or not), or None once it passes ``limit``."""
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return bytes(body)
        body += message.get("body", b"")
        if len(body) > limit:
            return None
        if not message.get("more_body"):
            return bytes(body)


class BodyIn:
    """The request's ``receive``, waiting at most ``seconds`` for each part of the body (then ``BodyTimeout``); once
    the body is complete it waits as long as the real one (for the disconnect). Knows whether the body is complete,
    so that the rest of an oversized one can be read and dropped (``drain``)."""

    def __init__(self, receive: Receive, seconds: float) -> None:
        self.receive, self.seconds, self.complete = receive, seconds, False

    async def __call__(self) -> Message:
        if self.complete:
            return await self.receive()
        try:
            message = await asyncio.wait_for(self.receive(), self.seconds)
        except TimeoutError:
            raise BodyTimeout(self.seconds) from None
        self.complete = message["type"] != "http.request" or not message.get("more_body")
        return message

    async def drain(self, cap: int, headers: Headers) -> None:
        """Read and drop the rest of an oversized body, up to ``cap`` bytes, so that the 413 is read by a client
        that sends the whole body before it reads (a server closing with unread data resets the connection under
        it). A body announced past ``cap`` is not read at all; a client that stops sending gets the 413 as it is."""
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > cap:
            return
        seen = 0
        while not self.complete and seen <= cap:
            try:
                message = await self()
            except BodyTimeout:
                return
            seen += len(message.get("body", b""))


def replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives ``body`` once, then waits on the real one (for the disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay
