"""OpenAI-compatible endpoints, so the official client, LangChain ``ChatOpenAI`` and chat front
ends can use the assistant: one model per jurisdiction plus ``gov-rules-auto``.

Citations are in the message text (「quote」——《文件》第N条) and, structured, in an extra
top-level ``citations`` field (in the last chunk when streaming). Follow-ups are understood from
all the user messages of ``messages``.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any, Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field, StrictBool, StrictInt

from assistant.answering.pipeline import Assistant
from assistant.errors import InvalidQuestion
from assistant.llm import tokens
from assistant.llm.stream import pieces
from assistant.models import Answer, Event
from assistant.serve.deps import AssistantDep, WorkersDep
from assistant.serve.errors import error_response
from assistant.serve.routers.ask import MAX_HISTORY, final_answer, unless_busy

router = APIRouter(tags=["OpenAI 兼容"])
MODEL_PREFIX = "gov-rules-"
AUTO = "gov-rules-auto"
CREATED = 1_735_689_600  # fixed: the models do not change between restarts


class ContentPart(BaseModel):
    type: str
    text: str = ""


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list[ContentPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(p.text for p in self.content if p.type == "text")
        return self.content or ""


class StreamOptions(BaseModel):
    include_usage: StrictBool = False  # a last chunk with the token usage (and no choices), as OpenAI sends


class ChatRequest(BaseModel):
    model: str = AUTO
    messages: list[ChatMessage] = Field(min_length=1)
    stream: StrictBool = False  # 「"yes"」 is no boolean (OpenAI refuses it too)
    stream_options: StreamOptions | None = None
    n: int | None = Field(None, ge=1)  # only 1: an answer is deterministic, so more choices would be copies
    # answers are text with quotes: JSON output cannot be promised, and no tool is ever called (with
    # tool_choice "auto" or "none" not calling one is a valid reply; "required" or a named tool is refused)
    response_format: dict[str, Any] | None = None
    tool_choice: str | dict[str, Any] | None = None
    # accepted in OpenAI's ranges and ignored: answers are deterministic
    temperature: float | None = Field(None, ge=0, le=2, allow_inf_nan=False)
    top_p: float | None = Field(None, ge=0, le=1, allow_inf_nan=False)
    presence_penalty: float | None = Field(None, ge=-2, le=2, allow_inf_nan=False)
    frequency_penalty: float | None = Field(None, ge=-2, le=2, allow_inf_nan=False)
    # honoured: the answer is cut there (finish_reason "length"), as OpenAI does
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    user: str | None = None
    # accepted when well-formed and without effect: nothing is sampled (seed), no tool is called (tools),
    # a quoted clause is not cut at a stop sequence, and there are no token probabilities (logprobs null)
    seed: StrictInt | None = None
    tools: list[dict[str, Any]] | None = None
    stop: str | list[str] | None = Field(None, max_length=4)
    logprobs: StrictBool | None = None
    top_logprobs: int | None = Field(None, ge=0, le=20)

    def budget(self) -> int | None:
        """The most tokens the answer may have (None: no limit)."""
        return self.max_completion_tokens or self.max_tokens


def unsupported(body: ChatRequest) -> str | None:
    """Why the request asks for what the assistant cannot give (None: it can answer it)."""
    if (body.n or 1) > 1:
        return "只支持 n=1：同一问题的回答是确定的，多个候选只会相同。"
    if body.response_format and body.response_format.get("type", "text") != "text":
        return "只支持文本回答（response_format 为 text）：回答是引用条文原文的文字，不能保证输出 JSON。"
    if body.tool_choice not in (None, "auto", "none"):
        return "不支持调用工具（tool_choice 只能是 auto 或 none）：回答只引用条文原文。"
    return None


def model_ids(assistant: Assistant) -> list[str]:
    return [AUTO] + [MODEL_PREFIX + c for c in assistant.cities]


def city_of(model: str, assistant: Assistant) -> str | None:
    """The model's jurisdiction (None for ``gov-rules-auto``); ``LookupError`` for an unknown model."""
    if model == AUTO:
        return None
    if model.startswith(MODEL_PREFIX) and model[len(MODEL_PREFIX) :] in assistant.cities:
        return model[len(MODEL_PREFIX) :]
    raise LookupError(model)


def system_place(assistant: Assistant, messages: list[ChatMessage]) -> str | None:
    """The one place of the knowledge base the system messages name (「当前地区：朝阳市」), as a model's would be
    chosen; None when they name none, or several."""
    said = "\n".join(m.text() for m in messages if m.role in ("system", "developer"))
    places = assistant.detector.detect(said).cities if said.strip() else ()
    return places[0] if len(places) == 1 else None


def extract_messages(assistant: Assistant, messages: list[ChatMessage], city: str | None) -> tuple[str, Answer]:
    """The last user message, understood as a follow-up of the earlier ones where it is one, and its
    extractive answer (the CPU part)."""
    users = [m.text().strip() for m in messages if m.role == "user" and m.text().strip()]
    if not users:
        raise InvalidQuestion("messages 中没有用户问题。")
    said = [m for m in messages if m.role in ("user", "assistant") and m.text().strip()]
    if said and said[-1].role == "assistant":
        # the user's last question is answered already: nothing new is asked (not answered again as if it were)
        raise InvalidQuestion("messages 的最后一条须是用户的提问：最后一条是助手的回答，没有新的问题。")
    told = system_place(assistant, messages)
    # the model's place and another one the system messages name: the model's is answered, and that is said
    conflict = told if city is not None and told is not None and told != city else None
    if city is None:
        city = told
    # The same context as /api/ask's history: the last question and at most MAX_HISTORY before it
    # (a 64 KB body of 800 messages would otherwise hold the worker for seconds).
    resolved = assistant.dialogue.resolve(users[-(MAX_HISTORY + 1) :], city)
    answer = assistant.extractive(
        resolved.question, city=resolved.city, chosen=city, previous=resolved.previous, more=resolved.more
    )
    if conflict is not None and city is not None:
        names = assistant.registry.by_slug
        both = f"系统消息指定的是{names[conflict].name}，模型指定的是{names[city].name}，按模型所选地区的规则理解。"
        answer = replace(answer, notice=f"{both}{answer.notice}")
    return resolved.question, answer


def unknown_model(model: str, assistant: Assistant) -> JSONResponse:
    said = model if len(model) <= 64 else model[:64] + "…"  # a 3,000-character name is not echoed whole
    message = f"模型 {said} 不存在。可用：{'、'.join(model_ids(assistant))}"
    return error_response(404, message, code="model_not_found")


def _model(model: str) -> dict[str, Any]:
    return {"id": model, "object": "model", "created": CREATED, "owned_by": "gov-rules-assistant"}


@router.get("/v1/models")
def list_models(assistant: AssistantDep) -> dict[str, Any]:
    return {"object": "list", "data": [_model(m) for m in model_ids(assistant)]}


@router.get("/v1/models/{model}", response_model=None)
def get_model(model: str, assistant: AssistantDep) -> dict[str, Any] | JSONResponse:
    if model not in model_ids(assistant):
        return unknown_model(model, assistant)
    return _model(model)


@router.post("/v1/chat/completions", response_model=None)
async def chat_completions(
    body: ChatRequest, assistant: AssistantDep, workers: WorkersDep
) -> JSONResponse | StreamingResponse:
    try:
        city = city_of(body.model, assistant)
    except LookupError:
        return unknown_model(body.model, assistant)
    if why := unsupported(body):
        return error_response(400, why, code="unsupported_parameter")
    mode = assistant.check_mode(None)
    question, base = await workers.run_bounded(lambda: extract_messages(assistant, body.messages, city))
    base, mode = unless_busy(workers, base, mode)
    cid = f"chatcmpl-{uuid.uuid4().hex[:24]}"
    if body.stream:  # the LLM's sentences go out as they are verified
        events = workers.iterate(assistant.finish(question, base, mode))
        usage = prompt_tokens(body) if body.stream_options and body.stream_options.include_usage else None
        return StreamingResponse(
            chunks(cid, body.model, events, noticed(base), usage, body.budget()),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache"},
        )
    answer = await final_answer(assistant, workers, question, base, mode)
    return JSONResponse(completion(cid, body, answer) | extra_fields(answer))


def extra_fields(answer: Answer) -> dict[str, Any]:
    return {
        "citations": [c.to_dict() for c in answer.citations],
        "related": [c.to_dict() for c in answer.related],
        "refused": answer.refused,
        "city": answer.city,
        "notice": answer.notice or None,
    }


def noticed(answer: Answer) -> str:
    """What a chat client shows before the answer: the scope notice (another city named than the model's,
    a place the knowledge base lacks), which only ``content`` carries to a plain OpenAI client."""
    return f"提示：{answer.notice}\n\n" if answer.notice else ""


def prompt_tokens(body: ChatRequest) -> int:
    return sum(tokens.count(m.text()) for m in body.messages)


def _usage(prompt: int, used: int) -> dict[str, int]:
    return {"prompt_tokens": prompt, "completion_tokens": used, "total_tokens": prompt + used}


def completion(cid: str, body: ChatRequest, answer: Answer) -> dict[str, Any]:
    whole = noticed(answer) + answer.answer
    budget = body.budget()
    content = tokens.head(whole, budget) if budget else whole
    finish = "stop" if content == whole else "length"
    return {
        "id": cid,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish}],
        "usage": _usage(prompt_tokens(body), tokens.count(content)),
    }


# said after a ``reset``: the streamed LLM text is withdrawn by this line and the extract follows
RESET_LINE = "\n\n（大模型回答未通过核验，以下为条文原文）\n"


async def chunks(
    cid: str,
    model: str,
    events: AsyncIterator[Event],
    notice: str = "",
    usage: int | None = None,
    budget: int | None = None,
) -> AsyncIterator[str]:
    """Chat-completion chunks as the answer's events come, after the scope ``notice`` if any. Text
    already sent cannot be withdrawn in this protocol: after a ``reset`` (the LLM's later sentence
    failed verification) a line says so and the cited extract follows. ``usage`` (the prompt's
    tokens; ``stream_options.include_usage``): a last chunk says the usage, with no choices.
    ``budget`` (``max_tokens``): no text past that many tokens, and the finish reason is "length"."""
    sent, finish = "", "stop"
    yield _chunk(cid, model, {"role": "assistant", "content": ""})
    said = [(notice, False)] if notice else []
    async for event in events:
        if event.kind in ("delta", "reset"):
            said.append((event.text, True) if event.kind == "delta" else (RESET_LINE, False))
        for text, split in said:
            part = tokens.head(sent + text, budget)[len(sent) :] if budget else text  # what still fits
            for piece in pieces(part, 12) if split else [part]:
                if piece:
                    yield _chunk(cid, model, {"content": piece})
            sent, finish = sent + part, finish if part == text else "length"
        said = []
        if event.answer is not None:
            yield _chunk(cid, model, {}, finish, **extra_fields(event.answer))
    if usage is not None:
        yield _chunk(cid, model, None, usage=_usage(usage, tokens.count(sent)))
    yield "data: [DONE]\n\n"


def _chunk(cid: str, model: str, delta: dict[str, Any] | None, finish: str | None = None, **extra: Any) -> str:
    """One chunk; ``delta`` None: the usage chunk, which has no choices."""
    choices = [] if delta is None else [{"index": 0, "delta": delta, "finish_reason": finish}]
    body = {
        "id": cid,
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": choices,
    } | extra
    return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"
