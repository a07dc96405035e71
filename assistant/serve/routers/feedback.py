"""👍/👎 on answers: ``/api/feedback`` writes to the app's one ``FeedbackStore`` (the chat page uses it too)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from assistant.serve.deps import FeedbackDep

router = APIRouter(tags=["反馈"])


class FeedbackRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2000)
    city: str | None = None
    liked: bool
    comment: str = Field(default="", max_length=2000)
    answer: dict[str, Any] = {}


@router.post("/api/feedback")
def feedback(body: FeedbackRequest, store: FeedbackDep) -> dict[str, Any]:
    return {"id": store.add(body.question, body.city, body.liked, body.answer, body.comment)}
