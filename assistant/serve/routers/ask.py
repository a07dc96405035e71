"""Questions: ``/api/ask`` (one JSON answer) and ``/api/ask/stream`` (server-sent events)."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field, field_validator

from assistant.answering.dialogue import Resolved
from assistant.answering.pipeline import Assistant
from assistant.answering.requests import MAX_QUESTION_CHARS
from assistant.models import Answer, Event, Mode, Reason
from assistant.serve.deps import AssistantDep, Workers, WorkersDep
from assistant.serve.errors import INTERNAL_MESSAGE
from assistant.serve.routers.knowledge import Catalog, CatalogDep

log = logging.getLogger(__name__)
LLM_BUSY = "大模型繁忙，以下为条文原文回答。"
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
        description=(
            "本次对话中此前的用户问题（由早到晚），用于理解追问，如「那常务会议呢？」。"
            f"追问连同上文补全后的问题也不得超过 {MAX_QUESTION_CHARS} 字，超过时返回 400 并提示开始新的对话"
        ),
        examples=[["朝阳市政府全体会议由谁主持？"]],
    )

    @field_validator("history", mode="before")
    @classmethod
    def _no_history(cls, value: object) -> object:
        return [] if value is None else value  # 「"history": null」: no earlier questions, as when left out

    def resolve(self, assistant: Assistant) -> Resolved:
        """The question to ask and its city, given the conversation so far."""
        selected = assistant.resolve_city(self.city) if self.city else None
        if not self.question.strip():  # nothing new: the pipeline says 请输入问题 (no re-asking the last one)
            return Resolved(self.question, selected)
        return assistant.dialogue.resolve([*self.history, self.question], selected)


async def prepare(body: AskRequest, assistant: Assistant, workers: Workers) -> tuple[str, Answer, Mode]:
    """The CPU part in a worker slot: resolve the conversation, answer extractively. Input errors raise here."""
    mode = assistant.check_mode(body.mode)

    def extract() -> tuple[str, Answer]:
        resolved = body.resolve(assistant)
        return resolved.question, assistant.extractive(
            resolved.question, city=resolved.city, chosen=body.city, previous=resolved.previous, more=resolved.more
        )

    question, base = await workers.run_bounded(extract)
    return (question, *unless_busy(workers, base, mode))


def unless_busy(workers: Workers, base: Answer, mode: Mode) -> tuple[Answer, Mode]:
    """When every LLM slot is taken and as many wait, the cited extract now beats a long queue."""
    if mode == "llm" and not base.refused and workers.llm_busy():
        return replace(base, reason=Reason.LLM_UNAVAILABLE, notice=LLM_BUSY), "extractive"
    return base, mode


async def final_answer(assistant: Assistant, workers: Workers, question: str, base: Answer, mode: Mode) -> Answer:
    """The answer after the LLM phase (if any), awaited outside the CPU slots, within the deadline."""
    if mode == "extractive" or base.refused:
        return base

    def last() -> Answer:
        answer = base
        for event in assistant.finish(question, base, mode):
            answer = event.answer or answer
        return answer

    return await workers.wait(last)


@router.post("/api/ask")
async def ask(body: AskRequest, assistant: AssistantDep, workers: WorkersDep, catalog: CatalogDep) -> dict[str, Any]:
    """回答问题：引文逐字取自条文，`citations` 给出出处与全文。追问时在 `history` 中给出此前的问题。"""
    question, base, mode = await prepare(body, assistant, workers)
    return catalog.answer(await final_answer(assistant, workers, question, base, mode))


@router.post("/api/ask/stream")
async def ask_stream(
    body: AskRequest, assistant: AssistantDep, workers: WorkersDep, catalog: CatalogDep
) -> StreamingResponse:
    """同 /api/ask，以 SSE 流式返回：`delta`（文字片段）、`reset`（丢弃已显示文字）、最后 `answer`（完整回答 JSON）。"""
    question, base, mode = await prepare(body, assistant, workers)  # input errors: a normal 400 before the stream
    events = workers.iterate(assistant.finish(question, base, mode))
    return StreamingResponse(
        sse(events, catalog), media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
    )


async def sse(events: AsyncIterator[Event], catalog: Catalog) -> AsyncIterator[str]:
    """``event: <kind>`` blocks; an internal failure mid-stream ends it with an ``error`` event."""
    try:
        async for event in events:
            data = catalog.answer(event.answer) if event.kind == "answer" and event.answer else {"text": event.text}
            yield f"event: {event.kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
    except Exception:
        log.exception("stream failed")
        yield f"event: error\ndata: {json.dumps({'message': INTERNAL_MESSAGE}, ensure_ascii=False)}\n\n"
