"""Serving units without an index: the rate limiter (injected times), the error shape, request models."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.errors import InvalidQuestion, UnknownCity, UserError
from assistant.serve.errors import add_error_handlers, error_body, error_response
from assistant.serve.guards import RateLimiter
from assistant.serve.routers.ask import AskRequest


def test_rate_limiter_sliding_window_per_client():
    limiter = RateLimiter(per_minute=2)
    assert limiter.check("a", 0.0) == 0
    assert limiter.check("a", 10.0) == 0
    assert limiter.check("a", 20.0) == 41  # the hit at 0 leaves the window at 60
    assert limiter.check("b", 20.0) == 0  # per client
    assert limiter.check("a", 59.5) == 1  # never less than one second
    assert limiter.check("a", 60.0) == 0  # the hit at 0 has left the window
    assert limiter.check("a", 65.0) == 6  # the hits at 10 and 60 remain


def test_refused_requests_are_not_counted():
    limiter = RateLimiter(per_minute=1)
    assert limiter.check("a", 0.0) == 0
    for t in (1.0, 30.0, 59.0):
        assert limiter.check("a", t) > 0
    assert limiter.check("a", 60.0) == 0


def test_rate_limit_zero_is_off():
    limiter = RateLimiter(per_minute=0)
    assert all(limiter.check("a", 0.0) == 0 for _ in range(1000))


def test_error_shape():
    assert error_body("未找到。", code="404") == {
        "error": {"message": "未找到。", "type": "invalid_request_error", "code": "404"}
    }
    r = error_response(429, "请求过于频繁", kind="rate_limit_error", retry_after=7)
    assert r.status_code == 429 and r.headers["retry-after"] == "7"
    assert r.body.decode() == (
        '{"error":{"message":"请求过于频繁","type":"rate_limit_error","code":"429","retry_after":7}}'
    )


class Body(BaseModel):
    question: str


@pytest.fixture(scope="module")
def client():
    app = FastAPI()
    app.state.assistant = SimpleNamespace(cities=["datong", "xianning"])
    add_error_handlers(app)

    @app.post("/echo")
    def echo(body: Body) -> dict[str, str]:
        return {"question": body.question}

    @app.get("/raise/{kind}")
    def boom(kind: str) -> None:
        raise {
            "city": UnknownCity("太原", ["大同市", "咸宁市"]),
            "question": InvalidQuestion("请输入问题。"),
            "user": UserError("配置有误。"),
            "http": StarletteHTTPException(403, "forbidden"),
            "busy": StarletteHTTPException(503, "服务繁忙，请稍后再试。", headers={"Retry-After": "5"}),
            "bug": RuntimeError("secret internal detail"),
        }[kind]

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize(
    ("kind", "status", "code", "message"),
    [
        ("city", 400, "unknown_city", "知识库中没有“太原”的规则。现有：大同市、咸宁市。"),
        ("question", 400, "invalid_question", "请输入问题。"),
        ("user", 400, "bad_request", "配置有误。"),
        ("http", 403, "403", "forbidden"),
        ("busy", 503, "service_unavailable", "服务繁忙，请稍后再试。"),
        ("bug", 500, "internal_error", "服务器内部错误，请稍后再试。"),
    ],
)
def test_exception_handlers(client, kind, status, code, message):
    r = client.get(f"/raise/{kind}")
    assert r.status_code == status
    error = r.json()["error"]
    assert (error["code"], error["message"]) == (code, message)
    assert set(error) >= {"message", "type", "code"}
    assert "secret" not in r.text
    if kind == "city":
        assert error["cities"] == ["datong", "xianning"]
    # the server's overload is no error of the request
    assert error["type"] == ("server_error" if status >= 500 else "invalid_request_error")


def test_not_found_and_method_not_allowed_in_chinese(client):
    assert client.get("/nope").json()["error"] == {
        "message": "未找到。",
        "type": "invalid_request_error",
        "code": "not_found",
    }
    assert client.get("/echo").json()["error"]["message"] == "不支持该请求方法。"


def test_validation_errors_name_the_field(client):
    missing = client.post("/echo", json={})
    assert missing.status_code == 422
    assert missing.json()["error"] == {
        "message": "请求格式有误：缺少字段 question。",
        "type": "invalid_request_error",
        "code": "invalid_request",
    }
    wrong = client.post("/echo", json={"question": 12}).json()["error"]["message"]
    assert wrong.startswith("请求格式有误：字段 question 无效")
    broken = client.post("/echo", content=b'{"question": ', headers={"Content-Type": "application/json"})
    assert broken.json()["error"]["message"] == "请求体不是合法的 JSON。"


def test_ask_history_is_bounded():
    assert AskRequest(question="那常务会议呢？").history == []
    assert len(AskRequest(question="q", history=["问"] * 20).history) == 20
    with pytest.raises(ValidationError):
        AskRequest(question="q", history=["问"] * 21)
    with pytest.raises(ValidationError):
        AskRequest(question="q", history=["问" * 501])


def test_comparison_table_lists_a_silent_city():
    from assistant.models import Answer, Article, Citation
    from assistant.serve.ui import comparison_table

    art = Article(
        id="chaoyang-work-rules-019", city="chaoyang", city_name="朝阳市", document="朝阳市人民政府工作规则",
        document_number="朝政发〔2024〕3号", chapter=None, article=19, label="十九、",
        citation="《朝阳市人民政府工作规则》第十九条", text="市政府全体会议一般每半年召开1次。",
    )  # fmt: skip
    answer = Answer("…", False, None, (Citation(art, art.text),), scope=("chaoyang", "xianning"))
    table = comparison_table(answer, {"chaoyang": "朝阳市", "xianning": "咸宁市"})
    assert "| 朝阳市 | 「市政府全体会议一般每半年召开1次。」 | 《朝阳市人民政府工作规则》第十九条 |" in table
    assert "| 咸宁市 | 现行工作规则中未找到对此的规定。 | — |" in table
    said = "现行工作规则没有规定具体提前几天，只规定：「副市长应事先向市长请假。」"
    told = comparison_table(Answer("…", False, None, (), scope=("xianning",), silent=(("xianning", said),)), {})
    assert f"| xianning | {said} | — |" in told  # what is said of a silent place, as in the answer text
    first = "按条文写明的数字比较：朝阳市更勤（每半年召开1次）。"
    ranked = Answer("…", False, None, (Citation(art, art.text),), scope=("chaoyang", "xianning"), conclusion=first)
    assert comparison_table(ranked, {}).endswith(f"\n\n**{first}**")  # under the table


def test_llm_busy_gives_the_cited_extract_at_once():
    from assistant.models import Answer, Reason
    from assistant.serve.deps import Workers
    from assistant.serve.routers.ask import LLM_BUSY, unless_busy

    workers = Workers(size=1, queue_limit=4, llm_size=2)
    base = Answer("「…」——《某规则》第一条", False, "datong")
    assert unless_busy(workers, base, "llm") == (base, "llm")
    workers.llm_pending = 4  # two running, two waiting
    answer, mode = unless_busy(workers, base, "llm")
    assert mode == "extractive" and answer.reason == Reason.LLM_UNAVAILABLE and answer.notice == LLM_BUSY
    assert unless_busy(workers, base, "extractive") == (base, "extractive")


def test_validation_messages_name_fields_not_types_and_read_in_chinese():
    from typing import Literal

    from pydantic import BaseModel, ValidationError

    from assistant.errors import validation_message

    class Part(BaseModel):
        text: str

    class Message(BaseModel):
        content: str | list[Part]
        mode: Literal["extractive", "llm"] = "llm"

    with pytest.raises(ValidationError) as e:
        Message(content=5, mode="x")  # type: ignore[arg-type]
    said = validation_message(e.value)
    # a union's members are one field with either type, not 「content.str」 and 「content.list[Part]」
    assert said == "字段 content 无效（应为文字或应为列表）；字段 mode 无效（只能是 'extractive' 或 'llm'）"


def test_a_long_unknown_city_name_is_not_echoed_in_full():
    message = str(UnknownCity("北" * 5000, ["大同市"]))
    assert message == f"知识库中没有“{'北' * 20}…”的规则。现有：大同市。"
