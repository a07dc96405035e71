"""👍/👎 on answers: ``/api/feedback`` writes to the app's one ``FeedbackStore`` (the chat page uses it too).

The answer's citations are checked against the knowledge base (each ``id`` an article, each
``quote`` verbatim in it); anything else is a 422 naming the field. Only the checked parts are stored.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from assistant.errors import InvalidFeedback, UnknownCity
from assistant.serve.deps import AssistantDep, FeedbackDep
from assistant.serve.feedback import MAX_ANSWER, MAX_CITATIONS

router = APIRouter(tags=["反馈"])


class FeedbackCitation(BaseModel):
    model_config = ConfigDict(extra="ignore")  # a whole citation from /api/ask may be sent back
    id: str = Field(min_length=1, max_length=200, description="条文 id，须为知识库中的条文")
    quote: str = Field(min_length=1, max_length=5000, description="引文，须为该条文原文的一部分")


class FeedbackAnswer(BaseModel):
    model_config = ConfigDict(extra="ignore")  # the whole answer from /api/ask may be sent back
    answer: str = Field(default="", max_length=MAX_ANSWER)
    refused: bool = False
    citations: list[FeedbackCitation] = Field(default_factory=list, max_length=MAX_CITATIONS)


class FeedbackRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2000)
    city: str | None = Field(default=None, max_length=50)
    liked: StrictBool  # true or false, not 「yes」 or 1 read as one
    comment: str = Field(default="", max_length=2000)
    answer: FeedbackAnswer = Field(default_factory=FeedbackAnswer)
    answer_id: str | None = Field(
        default=None, min_length=1, max_length=200, description="回答的标识：同一回答再次评价时替换上一次的评价"
    )


def _invalid(field: str, message: str) -> RequestValidationError:
    loc = ("body", *(int(p) if p.isdigit() else p for p in field.split(".")))
    return RequestValidationError([{"loc": loc, "msg": message, "type": "value_error"}])


@router.post("/api/feedback")
def feedback(body: FeedbackRequest, store: FeedbackDep, assistant: AssistantDep) -> dict[str, Any]:
    city = body.city
    if city:
        try:
            city = assistant.resolve_city(city)
        except UnknownCity as e:
            raise _invalid("city", str(e)) from None
    try:
        fid = store.add(
            body.question,
            city,
            body.liked,
            body.answer.model_dump(),
            body.comment,
            answer_id=body.answer_id,
            articles=assistant.index.by_id,
        )
    except InvalidFeedback as e:
        raise _invalid(e.field, e.message) from None
    return {"id": fid}
