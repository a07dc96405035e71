"""A slow OpenAI-compatible chat endpoint on 127.0.0.1 for load runs: it waits, then quotes article [1].

Not a model: it answers every question by quoting the first sentence of the first article it is
given, with a correct citation marker, after ``delay`` seconds (awaited, so requests overlap).
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections.abc import Iterator

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse


def quote_first_article(user_message: str) -> str:
    m = re.search(r"\[1\][^\n]*\n([^\n]+)", user_message)
    if not m:
        return "现行规则中未找到与该问题直接相关的规定。"
    first = re.match(r"[^。；]*[。；]", m.group(1))
    return f"依据规定，「{(first.group(0) if first else m.group(1)).rstrip('。；')}」[1]。"


def make_app(delay: float) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/completions")
    async def completions(request: Request) -> StreamingResponse:
        body = await request.json()
        await asyncio.sleep(delay)
        user = next((m["content"] for m in reversed(body["messages"]) if m["role"] == "user"), "")
        text = quote_first_article(user)

        def events() -> Iterator[str]:
            for i in range(0, len(text), 8):
                chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "slow",
                         "choices": [{"index": 0, "delta": {"content": text[i : i + 8]}, "finish_reason": None}]}  # fmt: skip
                yield f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app


def start(port: int, delay: float) -> uvicorn.Server:
    server = uvicorn.Server(uvicorn.Config(make_app(delay), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server
