"""What routes get from the app: FastAPI dependencies over ``app.state``.

``create_app`` stores one of each per app: the assistant, the settings, the single
``FeedbackStore`` (shared by the JSON route and the Gradio chat) and the bounded worker pool.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Annotated, TypeVar, cast

import anyio
import anyio.to_thread
from fastapi import Depends, HTTPException, Request

from assistant.answering.pipeline import Assistant
from assistant.serve.feedback import FeedbackStore
from assistant.settings import Settings

T = TypeVar("T")


RETRY_AFTER_S = 5
_DONE = object()


class Workers:
    """Where answering runs: CPU work in at most ``size`` threads, network waits apart.

    Answering is pure-Python heavy (jieba, scoring): dozens of threads at once only fight over
    the GIL and starve the event loop, so a small limiter queues requests fairly instead; more
    than ``queue_limit`` waiting get 503 + Retry-After rather than an ever longer wait. Waiting
    on the LLM (network, bounded by the answer deadline) uses its own ``llm_size`` threads, so a
    slow endpoint never holds a CPU slot, and neither fills Starlette's shared thread pool that
    health and static routes need.
    """

    def __init__(self, size: int, queue_limit: int = 32, llm_size: int = 16) -> None:
        self.limiter = anyio.CapacityLimiter(size)
        self.llm = anyio.CapacityLimiter(llm_size)
        self.queue_limit = queue_limit
        self.pending = 0
        self.llm_pending = 0

    @classmethod
    def from_settings(cls, settings: Settings) -> Workers:
        return cls(settings.workers, settings.queue_limit, settings.llm_concurrency)

    def _admit(self) -> None:
        if self.pending >= self.queue_limit + self.limiter.total_tokens:
            raise HTTPException(503, "服务繁忙，请稍后再试。", headers={"Retry-After": str(RETRY_AFTER_S)})

    async def run_bounded(self, fn: Callable[[], T]) -> T:
        """Run CPU work ``fn`` in a worker slot (503 when too many are already waiting)."""
        self._admit()
        self.pending += 1
        try:
            return await anyio.to_thread.run_sync(fn, limiter=self.limiter)
        finally:
            self.pending -= 1

    def llm_busy(self) -> bool:
        """As many LLM answers waiting for a slot as there are slots: a new one would only queue."""
        return self.llm_pending >= 2 * self.llm.total_tokens

    async def wait(self, fn: Callable[[], T]) -> T:
        """Run ``fn``, which mostly waits on the network (the LLM), outside the CPU slots."""
        self.llm_pending += 1
        try:
            return await anyio.to_thread.run_sync(fn, limiter=self.llm)
        finally:
            self.llm_pending -= 1

    async def iterate(self, items: Iterator[T]) -> AsyncIterator[T]:
        """The items of a blocking iterator (the LLM's verified sentences), each fetched by ``wait``."""
        while True:
            item = await self.wait(lambda: next(items, _DONE))
            if item is _DONE:
                return
            yield cast(T, item)


def get_assistant(request: Request) -> Assistant:
    return cast(Assistant, request.app.state.assistant)


def get_settings(request: Request) -> Settings:
    return cast(Settings, request.app.state.settings)


def get_feedback(request: Request) -> FeedbackStore:
    return cast(FeedbackStore, request.app.state.feedback)


def get_workers(request: Request) -> Workers:
    return cast(Workers, request.app.state.workers)


AssistantDep = Annotated[Assistant, Depends(get_assistant)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
FeedbackDep = Annotated[FeedbackStore, Depends(get_feedback)]
WorkersDep = Annotated[Workers, Depends(get_workers)]
