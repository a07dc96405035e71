"""What routes get from the app: FastAPI dependencies over ``app.state``.

``create_app`` stores one of each per app: the assistant, the settings, the single
``FeedbackStore`` (shared by the JSON route and the Gradio chat) and the bounded worker pool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar, cast

import anyio
import anyio.to_thread
from fastapi import Depends, Request

from assistant.answering.pipeline import Assistant
from assistant.serve.feedback import FeedbackStore
from assistant.settings import Settings

T = TypeVar("T")


class Workers:
    """Run CPU-bound answering in worker threads, at most ``size`` at a time.

    Answering is pure-Python heavy (jieba, scoring): dozens of threads at once only fight over
    the GIL and starve the event loop. A small limiter keeps requests queued fairly instead.
    """

    def __init__(self, size: int) -> None:
        self.limiter = anyio.CapacityLimiter(size)

    async def run_bounded(self, fn: Callable[[], T]) -> T:
        return await anyio.to_thread.run_sync(fn, limiter=self.limiter)


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
