"""Questions: ``/api/ask`` (one JSON answer) and ``/api/ask/stream`` (server-sent events)."""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from assistant.answering.dialogue import Resolved
from assistant.answering.pipeline import Assistant
from assistant.models import Event
from assistant.serve.deps import AssistantDep, WorkersDep
from assistant.serve.errors import INTERNAL_MESSAGE

log = logging.getLogger(__name__)
router = APIRouter(tags=["问答"])
MAX_HISTORY = 20
MAX_HISTORY_CHARS = 500


class AskRequest(BaseModel):
    question: str = Field(description="问题（中文）", examples=["以市政府办公室名义发文由谁签发？"])
    city: str | None = Field(default=None, description="地区 slug 或中文名；不填则自动识别", examples=["datong"])
    mode: Literal["extractive", "llm"] | None = Field(default=None, description="回答方式；默认按服务器配置")
    history: list[Annotated[str, Field(max_length=MAX_HISTORY_CHARS)]] = Field(
        default=[],
        max_length=MAX_HISTORY,
        description="本次对话中此前的用户问题（由早到晚），用于理解追问，如「那常务会议呢？」",
        examples=[["朝阳市政府全体会议由谁主持？"]],
    )

    def resolve(self, assistant: Assistant) -> Resolved:
        """The question to ask and its city, given the conversation so far."""
        selected = assistant.resolve_city(self.city) if self.city else None
        if not self.question.strip():  # nothing new: the pipeline says 请输入问题 (no re-asking the last one)
            return Resolved(self.question, selected)
        return assistant.dialogue.resolve([*self.history, self.question], selected)


@router.post("/api/ask")
async def ask(body: AskRequest, assistant: AssistantDep, workers: WorkersDep) -> dict[str, Any]:
    """回答问题：引文逐字取自条文，`citations` 给出出处与全文。追问时在 `history` 中给出此前的问题。"""

    def answer() -> dict[str, Any]:
        resolved = body.resolve(assistant)
        return assistant.ask(resolved.question, city=resolved.city, mode=body.mode).to_dict()

    return await workers.run_bounded(answer)


@router.post("/api/ask/stream")
def ask_stream(body: AskRequest, assistant: AssistantDep) -> StreamingResponse:
    """同 /api/ask，以 SSE 流式返回：`delta`（文字片段）、`reset`（丢弃已显示文字）、最后 `answer`（完整回答 JSON）。"""
    resolved = body.resolve(assistant)
    events = assistant.ask_stream(resolved.question, city=resolved.city, mode=body.mode)
    first = next(events)  # input errors raise here, before the stream starts, as a normal 400
    return StreamingResponse(
        sse(itertools.chain([first], events)), media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
    )


def sse(events: Iterator[Event]) -> Iterator[str]:
    """``event: <kind>`` blocks; an internal failure mid-stream ends it with an ``error`` event."""
    try:
        for event in events:
            data = event.answer.to_dict() if event.kind == "answer" and event.answer else {"text": event.text}
            yield f"event: {event.kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
    except Exception:
        log.exception("stream failed")
        yield f"event: error\ndata: {json.dumps({'message': INTERNAL_MESSAGE}, ensure_ascii=False)}\n\n"
