"""A deterministic fake OpenAI-compatible chat server on 127.0.0.1, scripted per test.

Each request takes the next step of ``script`` (or the default ``oracle`` step when the script
is empty). Steps: {"content": str} · {"status": 401|429|500, "repeat": n} · {"sleep": s, "content": str}
· {"hang": s, "content": str} (awaits, so other requests are served meanwhile)
· {"malformed": True} · {"empty": True} · {"cut_after": n, "content": str} · {"oracle": True}
(quote the first sentence of article [1] with a correct marker). Requests are recorded.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse


def oracle(user_message: str) -> str:
    m = re.search(r"\[1\][^\n]*\n([^\n]+)", user_message)
    if not m:
        return "现行规则中未找到与该问题直接相关的规定。"
    first = re.match(r"[^。；]*[。；]", m.group(1))
    sentence = (first.group(0) if first else m.group(1)).rstrip("。；")
    return f"依据规定，「{sentence}」[1]。"


class FakeLLM:
    def __init__(self) -> None:
        self.script: list[dict[str, Any]] = []
        self.requests: list[dict[str, Any]] = []
        self.app = FastAPI()
        self.app.post("/v1/chat/completions")(self.completions)

    def next_step(self) -> dict[str, Any]:
        if not self.script:
            return {"oracle": True}
        step = self.script[0]
        if step.get("repeat", 1) > 1:
            step["repeat"] -= 1
        else:
            self.script.pop(0)
        return step

    async def completions(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(body)
        step = self.next_step()
        if "sleep" in step:
            time.sleep(step["sleep"])  # blocking on purpose: a slow model
        if "hang" in step:
            await asyncio.sleep(step["hang"])  # accepts the connection, answers much later (others go on)
        if "status" in step:
            return JSONResponse({"error": {"message": "scripted failure", "type": "x"}}, status_code=step["status"])
        if step.get("malformed"):
            return PlainTextResponse("this is not json", media_type="application/json")
        user = next((m["content"] for m in reversed(body["messages"]) if m["role"] == "user"), "")
        content = "" if step.get("empty") else oracle(user) if step.get("oracle") else step["content"]
        if body.get("stream"):
            return StreamingResponse(self._events(body, content, step.get("cut_after")), media_type="text/event-stream")
        return JSONResponse(
            {
                "id": "fake-1",
                "object": "chat.completion",
                "created": 0,
                "model": body.get("model", "fake"),
                "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
        )

    @staticmethod
    def _events(body: dict[str, Any], content: str, cut_after: int | None) -> Iterator[str]:
        pieces = [content[i : i + 5] for i in range(0, len(content), 5)]
        for n, piece in enumerate(pieces):
            if cut_after is not None and n >= cut_after:
                raise RuntimeError("connection cut")  # the server drops the stream mid-answer
            chunk = {
                "id": "fake-1",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": body.get("model", "fake"),
                "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
            }
            yield f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"
        end = {"id": "fake-1", "object": "chat.completion.chunk", "created": 0, "model": "fake",
               "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}  # fmt: skip
        yield f"data: {json.dumps(end)}\n\n"
        yield "data: [DONE]\n\n"
