"""HTTP: every endpoint over a real server on 127.0.0.1, status codes, CORS, OpenAI clients."""

from __future__ import annotations

import json

import httpx
import pytest

from assistant.serve.app import create_app
from assistant.serve.feedback import FeedbackStore

from .conftest import LiveServer, make_settings


def server_settings(assistant, **options):
    return make_settings(data_dir=assistant.settings.data_dir, **options)


Q = "以市政府办公室名义发文由谁签发？"


@pytest.fixture(scope="module")
def http(live_server):
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        yield client


def test_healthz_and_docs(http):
    assert http.get("/healthz").json()["articles"] == 253
    assert http.get("/docs").status_code == 200
    spec = http.get("/openapi.json").json()
    assert "/api/ask" in spec["paths"] and "/v1/chat/completions" in spec["paths"]


def test_ask(http):
    r = http.post("/api/ask", json={"question": Q, "city": "大同"})
    assert r.status_code == 200
    body = r.json()
    assert "秘书长" in body["answer"] and body["citations"][0]["citation"] == "《大同市人民政府工作规则》第三十三条"
    assert set(body) >= {"answer", "refused", "city", "citations", "retrieved", "timings_ms"}
    cited = body["citations"][0]
    assert cited["url"].startswith("/rules/datong-work-rules-033?q=") and cited["url"].endswith(
        "#datong-work-rules-033"
    )
    page = http.get(cited["url"].split("#")[0])  # the rules page marks the quoted sentence
    assert f"<mark>{cited['quote']}</mark>" in page.text
    assert (cited["issued"], cited["status"]) == ("2024-01-15", "现行有效")
    assert all(h["url"].startswith("/rules/") and h["status"] for h in body["retrieved"])
    assert cited["source"] == cited["citation"]  # the title names its city
    meeting = http.post("/api/ask", json={"question": "常务会议纪要谁签发", "city": "datong"}).json()
    assert meeting["citations"][0]["source"].startswith(
        "大同市《市政府常务会议工作规则》"
    )  # … or the city is put in front


def test_a_refusal_links_the_clause_it_quotes_instead(http):
    # 「没有规定具体提前几天，只规定：「…事先向市长请假…」」: no citation (nothing answers), but the quoted
    # clause's source is given as for a citation, with its rules page
    body = http.post("/api/ask", json={"question": "副市长出差要提前几天请假", "city": "datong"}).json()
    assert body["refused"] and body["citations"] == []
    (related,) = body["related"]
    assert related["id"] == "datong-work-rules-043" and related["quote"] in body["answer"]
    assert related["url"].startswith("/rules/datong-work-rules-043?q=")


def test_a_refusal_in_a_city_the_conversation_moved_to_says_so(http):
    history = ["咸宁市政府常务会议多久开一次？", "常务会谁主持"]
    body = http.post(
        "/api/ask", json={"question": "常务会议的会议经费标准是多少", "city": "datong", "history": history}
    ).json()
    assert body["refused"] and body["reason"] == "not_found"  # why nothing was found, as ever
    assert body["notice"] == "以下按咸宁市的规则回答（当前选择的地区是大同市）。"


def test_a_superlative_comparison_names_the_first_place(http):
    body = http.post("/api/ask", json={"question": "朝阳和咸宁的常务会，哪个开得更勤？"}).json()
    assert body["scope"] == ["chaoyang", "xianning"]
    assert body["conclusion"] == "按条文写明的数字比较：咸宁市更勤（每两周召开一次）。"
    assert body["answer"].endswith(body["conclusion"])  # the text says it too
    plain = http.post("/api/ask", json={"question": "朝阳和咸宁的常务会多久开一次？"}).json()
    assert plain["conclusion"] == ""  # nothing asked by a superlative


def test_ask_follow_up_with_history(http):
    history = ["朝阳市政府全体会议由谁主持？"]
    r = http.post("/api/ask", json={"question": "那常务会议呢？", "history": history})
    assert r.status_code == 200
    body = r.json()
    assert body["city"] == "chaoyang" and body["citations"][0]["id"] == "chaoyang-work-rules-020"
    with http.stream("POST", "/api/ask/stream", json={"question": "那常务会议呢？", "history": history}) as streamed:
        final = "".join(streamed.iter_text()).strip().split("\n\n")[-1]
    assert final.startswith("event: answer") and "chaoyang-work-rules-020" in final
    # the article the conversation is on answers a follow-up it answers (the leave rule's 报备, not 会签)
    leave = ["部门主要负责人出城要提前几天请假？"]
    after = http.post(
        "/api/ask", json={"question": "批下来以后还要干啥？", "history": leave, "city": "jincheng-chengqu"}
    )
    assert after.json()["citations"][0]["id"] == "jincheng-chengqu-work-rules-043"
    alone = http.post("/api/ask", json={"question": "那常务会议呢？"}).json()  # no history: every city
    assert alone["city"] is None
    unset = http.post("/api/ask", json={"question": "那常务会议呢？", "history": None})  # null: no history
    assert unset.status_code == 200 and unset.json()["city"] is None
    blank = http.post("/api/ask", json={"question": "  ", "history": history})  # not the last question again
    assert blank.status_code == 400 and "请输入问题" in blank.json()["error"]["message"]
    # a short question after long earlier messages: the message says the conversation is what is too long
    # (the second earlier message leans on the first, 那他…, so the two are one question)
    long_before = http.post("/api/ask", json={"question": "那咸宁呢", "history": ["问" * 400, "那他" + "问" * 398]})
    assert long_before.status_code == 400 and "连同对话上文" in long_before.json()["error"]["message"]
    too_long = http.post("/api/ask", json={"question": Q, "history": ["问"] * 21})
    assert too_long.status_code == 422 and "字段 history 无效" in too_long.json()["error"]["message"]


def test_ask_unknown_city_is_400_listing_cities(http):
    r = http.post("/api/ask", json={"question": Q, "city": "taiyuan"})
    assert r.status_code == 400
    err = r.json()["error"]
    assert err["code"] == "unknown_city" and "大同市" in err["message"]
    assert err["cities"] == ["datong", "jincheng-chengqu", "chaoyang", "xianning"]


@pytest.mark.parametrize(
    ("payload", "status", "fragment"),
    [
        ({"question": "   "}, 400, "请输入问题"),
        ({"question": "问" * 5000}, 400, "问题过长"),
        ({"city": "datong"}, 422, "缺少字段 question"),
        ({"question": 12}, 422, "字段 question 无效"),
        ({"question": Q, "mode": "magic"}, 422, "字段 mode 无效"),
        ({"question": Q, "mode": "llm"}, 400, "未配置大模型"),
    ],
)
def test_ask_bad_input(http, payload, status, fragment):
    r = http.post("/api/ask", json=payload)
    assert r.status_code == status
    assert fragment in r.json()["error"]["message"]
    assert "Traceback" not in r.text


def test_invalid_json_is_400_readable(http):
    r = http.post("/api/ask", content=b'{"question": "x",', headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    assert r.json()["error"]["message"] == "请求体不是合法的 JSON。"


def test_oversized_body_is_413(http):
    big = json.dumps({"question": "问" * 70000}, ensure_ascii=False).encode()
    r = http.post("/api/ask", content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and "请求体过大" in r.json()["error"]["message"]

    def chunks():
        for _ in range(100):
            yield b"x" * 1024

    chunked = http.post("/api/ask", content=chunks(), headers={"Content-Type": "application/json"})
    assert chunked.status_code == 413


def test_cities_and_articles(http):
    cities = http.get("/api/cities").json()
    assert [c["slug"] for c in cities] == ["datong", "jincheng-chengqu", "chaoyang", "xianning"]
    datong = cities[0]
    assert datong["name"] == "大同市" and datong["articles"] == 120 and len(datong["documents"]) == 6
    a = http.get("/api/articles/chaoyang-work-rules-031").json()
    assert a["citation"] == "《朝阳市人民政府工作规则》第三十一条" and len(a["items"]) == 7
    assert a["document_info"]["number"] == "朝政发〔2024〕3号"
    assert "source" not in a["document_info"]  # where the text file lies on the server is not shown (review 27)
    missing = http.get("/api/articles/nope")
    assert missing.status_code == 404 and missing.json()["error"]["message"].startswith("没有编号为「nope」的条文")
    icon = http.get("/favicon.ico", follow_redirects=True)  # browsers ask for it on every page: not a 404
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")


def test_widget_assets(http):
    js = http.get("/widget.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"] and "attachShadow" in js.text
    assert "widget.js" in http.get("/widget").text


def test_cors_allows_this_machine_and_configured_origins_only(http, assistant):
    ok = http.post("/api/ask", json={"question": Q, "city": "datong"}, headers={"Origin": "http://127.0.0.1:8080"})
    assert ok.headers.get("access-control-allow-origin") == "http://127.0.0.1:8080"
    denied = http.post("/api/ask", json={"question": Q, "city": "datong"}, headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in denied.headers
    preflight = http.options(
        "/api/ask",
        headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 400
    assert preflight.json()["error"]["message"].startswith("跨域请求未获准（来源网站不在允许范围内）")
    assert preflight.json()["error"]["code"] == "cors_rejected"
    settings = server_settings(assistant, rate_limit=0, cors_origins=["https://oa.example.gov.cn"])
    with LiveServer(create_app(assistant, settings, with_ui=False)) as server:
        r = httpx.options(
            f"{server.url}/api/ask",
            headers={"Origin": "https://oa.example.gov.cn", "Access-Control-Request-Method": "POST"},
        )
        assert r.status_code == 200
        assert r.headers["access-control-allow-origin"] == "https://oa.example.gov.cn"


def test_rate_limit_is_429_with_retry_after(assistant):
    with LiveServer(create_app(assistant, server_settings(assistant, rate_limit=3), with_ui=False)) as server:
        codes = [httpx.get(f"{server.url}/api/cities").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        r = httpx.get(f"{server.url}/api/cities")
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert "请求过于频繁" in r.json()["error"]["message"]
        assert httpx.get(f"{server.url}/healthz").status_code == 200  # not limited


def test_api_key(assistant):
    with LiveServer(
        create_app(assistant, server_settings(assistant, rate_limit=0, api_key="s3cret-key"), with_ui=False)
    ) as server:
        assert httpx.get(f"{server.url}/api/cities").status_code == 401
        assert httpx.get(f"{server.url}/v1/models").status_code == 401
        assert httpx.get(f"{server.url}/api/cities", headers={"X-API-Key": "s3cret-key"}).status_code == 200
        bearer = httpx.get(f"{server.url}/v1/models", headers={"Authorization": "Bearer s3cret-key"})
        assert bearer.status_code == 200
        assert httpx.get(f"{server.url}/healthz").status_code == 200


def test_internal_error_is_500_without_traceback(assistant, monkeypatch):
    app = create_app(assistant, server_settings(assistant, rate_limit=0), with_ui=False)

    def boom(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(assistant, "extractive", boom)  # what /api/ask runs in its worker slot
    with LiveServer(app) as server:
        r = httpx.post(f"{server.url}/api/ask", json={"question": Q})
        assert r.status_code == 500
        assert r.json()["error"]["message"] == "服务器内部错误，请稍后再试。"
        assert "secret" not in r.text and "Traceback" not in r.text


def test_feedback_is_stored_and_exported(http, assistant):
    answer = http.post("/api/ask", json={"question": Q, "city": "datong"}).json()
    r = http.post("/api/feedback", json={"question": Q, "city": "datong", "liked": True, "answer": answer})
    assert r.status_code == 200
    bad = http.post("/api/feedback", json={"question": Q, "liked": False, "comment": "太长", "answer": answer})
    assert bad.status_code == 200
    # a vote is true or false: 「yes」 or 1 is not read as one (review 30)
    for vote in ("yes", 1):
        assert http.post("/api/feedback", json={"question": Q, "liked": vote}).status_code == 422
    good, review = FeedbackStore.in_dir(assistant.settings.data_dir).export_eval_rows()
    assert any(g["cite"] == [{"doc": "大同市人民政府工作规则", "article": 33}] and g["answerable"] for g in good)
    assert any("太长" in row["description"] for row in review)


def test_openai_client_non_streaming(live_server):
    from openai import NotFoundError, OpenAI

    client = OpenAI(base_url=f"{live_server.url}/v1", api_key="unused")
    assert "gov-rules-datong" in [m.id for m in client.models.list()]
    assert client.models.retrieve("gov-rules-xianning").id == "gov-rules-xianning"
    with pytest.raises(NotFoundError, match="模型 gpt-4o 不存在"):
        client.models.retrieve("gpt-4o")
    with pytest.raises(NotFoundError, match=f"模型 {'x' * 64}… 不存在"):
        client.models.retrieve("x" * 3000)
    done = client.chat.completions.create(model="gov-rules-datong", messages=[{"role": "user", "content": Q}])
    assert "秘书长" in done.choices[0].message.content
    assert "《大同市人民政府工作规则》第三十三条" in done.choices[0].message.content
    assert done.model_extra["citations"][0]["id"] == "datong-work-rules-033"
    assert done.usage.total_tokens > 0


def test_openai_client_streaming(live_server):
    from openai import OpenAI

    client = OpenAI(base_url=f"{live_server.url}/v1", api_key="unused")
    stream = client.chat.completions.create(
        model="gov-rules-auto", messages=[{"role": "user", "content": "咸宁会签文件几天内回复"}], stream=True
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert "7个工作日" in text and chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["citations"][0]["id"] == "xianning-work-rules-029"


def test_openai_client_streaming_usage_and_one_choice_only(live_server):
    from openai import BadRequestError, OpenAI

    client = OpenAI(base_url=f"{live_server.url}/v1", api_key="unused")
    ask = {"model": "gov-rules-xianning", "messages": [{"role": "user", "content": "咸宁会签文件几天内回复"}]}
    chunks = list(client.chat.completions.create(**ask, stream=True, stream_options={"include_usage": True}))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    last = chunks[-1]
    assert last.choices == [] and last.usage is not None and last.usage.completion_tokens > 0
    assert last.usage.total_tokens == last.usage.prompt_tokens + last.usage.completion_tokens
    assert chunks[-2].choices[0].finish_reason == "stop" and "7个工作日" in text
    done = client.chat.completions.create(**ask)
    assert done.usage is not None and done.usage.completion_tokens == last.usage.completion_tokens
    with pytest.raises(BadRequestError) as refused:
        client.chat.completions.create(**ask, n=2)
    assert "只支持 n=1" in str(refused.value)
    with pytest.raises(BadRequestError) as refused:
        client.chat.completions.create(**ask, response_format={"type": "json_object"})
    assert "只支持文本回答" in str(refused.value)
    tool = {"type": "function", "function": {"name": "lookup", "parameters": {"type": "object", "properties": {}}}}
    with pytest.raises(BadRequestError) as refused:
        client.chat.completions.create(**ask, tools=[tool], tool_choice="required")
    assert "不支持调用工具" in str(refused.value)
    # offered a tool it may use: answering without one is a valid reply
    assert "7个工作日" in client.chat.completions.create(**ask, tools=[tool]).choices[0].message.content


def test_openai_max_tokens_cuts_the_answer_and_out_of_range_parameters_are_refused(live_server):
    from openai import OpenAI, UnprocessableEntityError

    client = OpenAI(base_url=f"{live_server.url}/v1", api_key="unused")
    ask = {"model": "gov-rules-xianning", "messages": [{"role": "user", "content": "咸宁会签文件几天内回复"}]}
    whole = client.chat.completions.create(**ask).choices[0].message.content
    cut = client.chat.completions.create(**ask, max_tokens=5)
    assert cut.choices[0].finish_reason == "length" and cut.usage.completion_tokens <= 5
    assert whole.startswith(cut.choices[0].message.content) and len(cut.choices[0].message.content) < len(whole)
    chunks = list(client.chat.completions.create(**ask, max_completion_tokens=5, stream=True))
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert streamed == cut.choices[0].message.content and chunks[-1].choices[0].finish_reason == "length"
    assert client.chat.completions.create(**ask, max_tokens=4000).choices[0].finish_reason == "stop"
    wrongs = ({"temperature": 99}, {"max_tokens": -5}, {"top_p": 2}, {"seed": "abc"}, {"tools": "x"})
    for wrong in (*wrongs, {"stop": ["a", "b", "c", "d", "e"]}, {"logprobs": "yes"}):
        with pytest.raises(UnprocessableEntityError, match="无效"):
            client.chat.completions.create(**ask, **wrong)
    # NaN (Python's json writes and reads it; the openai client will not send it): not 「应不大于 2.0」 (review 33)
    body = json.dumps({**ask, "temperature": float("nan")}, ensure_ascii=False).encode()
    nan = httpx.post(
        f"{live_server.url}/v1/chat/completions", content=body, headers={"content-type": "application/json"}
    )
    assert nan.status_code == 422 and "有限的数字" in nan.json()["error"]["message"]
    # well-formed, and without effect on a quoted answer
    same = client.chat.completions.create(**ask, seed=1, stop=["次"], logprobs=True)
    assert same.choices[0].message.content == whole and same.choices[0].logprobs is None


def test_openai_follow_up_and_unknown_model(live_server):
    from openai import NotFoundError, OpenAI

    client = OpenAI(base_url=f"{live_server.url}/v1", api_key="unused")
    done = client.chat.completions.create(
        model="gov-rules-auto",
        messages=[
            {"role": "user", "content": "大同市长出差期间谁代行职务"},
            {"role": "assistant", "content": "…"},
            {"role": "user", "content": "那常务副市长也出差呢？"},
        ],
    )
    assert done.model_extra["city"] == "datong"
    assert "其他副市长代行" in done.choices[0].message.content
    with pytest.raises(NotFoundError):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": Q}])
    # the last message the assistant's answer: nothing new is asked, and the earlier question is not answered
    # again as if it were (review 41)
    answered = [{"role": "user", "content": Q}, {"role": "assistant", "content": "…"}]
    reply = httpx.post(f"{live_server.url}/v1/chat/completions", json={"model": "gov-rules-auto", "messages": answered})
    assert reply.status_code == 400 and "最后一条须是用户的提问" in reply.json()["error"]["message"]


def test_openai_follow_up_across_the_messages(live_server):
    from openai import OpenAI

    client = OpenAI(base_url=f"{live_server.url}/v1", api_key="unused")
    messages = [
        {"role": "system", "content": "你是政府工作规则助手。"},
        {"role": "user", "content": "朝阳市政府全体会议由谁主持？"},
        {"role": "assistant", "content": "由市长召集和主持。"},
        {"role": "user", "content": [{"type": "text", "text": "那常务会议呢？"}]},
    ]
    done = client.chat.completions.create(model="gov-rules-auto", messages=messages)
    assert done.model_extra["city"] == "chaoyang"
    assert done.model_extra["citations"][0]["id"] == "chaoyang-work-rules-020"
    stream = client.chat.completions.create(model="gov-rules-chaoyang", messages=messages, stream=True)
    assert list(stream)[-1].model_extra["citations"][0]["id"] == "chaoyang-work-rules-020"
    leave = [
        {"role": "user", "content": "哪些情况下可以请假不参加市政府的会"},
        {"role": "assistant", "content": "…"},
        {"role": "user", "content": "那请假向谁请 还要报哪"},
    ]
    done = client.chat.completions.create(model="gov-rules-chaoyang", messages=leave)
    assert done.model_extra["citations"][0]["id"] == "chaoyang-work-rules-024"  # the meetings' leave, not travel
    # a system message naming one place chooses it, as a model would (review 48: all four were listed)
    placed = [{"role": "system", "content": "当前地区：朝阳市"}, {"role": "user", "content": "常务会议多久开一次"}]
    done = client.chat.completions.create(model="gov-rules-auto", messages=placed)
    assert done.model_extra["city"] == "chaoyang" and len({c["city"] for c in done.model_extra["citations"]}) == 1
    # … and one naming another place than the model's is answered for the model's, with that said (review 50)
    placed = [{"role": "system", "content": "你是咸宁市政府的助手"}, {"role": "user", "content": "常务会议多久开一次"}]
    done = client.chat.completions.create(model="gov-rules-datong", messages=placed)
    assert done.model_extra["city"] == "datong" and done.model_extra["notice"].startswith("系统消息指定的是咸宁市")
    assert done.choices[0].message.content.startswith("提示：系统消息指定的是咸宁市，模型指定的是大同市")


def test_json_route_and_chat_page_share_one_feedback_store(assistant, tmp_path, monkeypatch):
    import gradio as gr

    from assistant.serve.ui import fresh_state

    made: list[FeedbackStore] = []
    init = FeedbackStore.__init__

    def counted(self, path):  # type: ignore[no-untyped-def]
        made.append(self)
        init(self, path)

    monkeypatch.setattr(FeedbackStore, "__init__", counted)
    app = create_app(assistant, make_settings(data_dir=tmp_path, rate_limit=0))
    store = app.state.feedback
    assert made == [store] and app.state.chat.feedback is store
    with LiveServer(app) as server:
        r = httpx.post(f"{server.url}/api/feedback", json={"question": Q, "city": "datong", "liked": True})
        assert r.status_code == 200
    chat = app.state.chat
    *_, (history, st, *_rest) = chat.respond("会签文件几天内回复", [], "xianning", fresh_state())
    liked = gr.LikeData(None, {"index": len(history) - 1, "value": history[-1]["content"], "liked": False})
    st, notice = chat.on_like(liked, st)
    assert "已记录反馈" in notice
    assert [(row["question"], row["liked"]) for row in store.rows()] == [(Q, 1), ("会签文件几天内回复", 0)]


def test_chat_page_follow_up_and_clear(assistant, tmp_path):
    from assistant.serve.ui import AUTO, fresh_state

    chat = create_app(assistant, make_settings(data_dir=tmp_path, rate_limit=0)).state.chat
    *_, (history, st, *_rest) = chat.respond("朝阳市政府全体会议由谁主持？", [], AUTO, fresh_state())
    assert st["messages"] == ["朝阳市政府全体会议由谁主持？"]
    *_, (history, st, cards, _notice, _box) = chat.respond("那常务会议呢？", history, AUTO, st)
    assert 'data-article="chaoyang-work-rules-020"' in cards
    st, cards, notice = chat.on_clear()
    assert st == fresh_state() and "依据条文将显示在这里" in cards and notice == ""
    *_, (_history, _st, cards, _notice, _box) = chat.respond("那常务会议呢？", [], AUTO, st)
    assert "没有上文" in cards  # no context left: asked to say what about it


def test_chat_page_shows_a_comparison_as_a_table(assistant, tmp_path):
    from assistant.serve.ui import AUTO, fresh_state

    chat = create_app(assistant, make_settings(data_dir=tmp_path, rate_limit=0)).state.chat
    *_, (history, *_rest) = chat.respond("各地的常务会议分别多久召开一次？", [], AUTO, fresh_state())
    table = history[-1]["content"]
    assert table.startswith("| 地区 | 规定 | 出处 |")
    rows = table.splitlines()[2:]
    assert [r.split(" | ")[0].lstrip("| ") for r in rows] == ["大同市", "晋城市城区", "朝阳市", "咸宁市"]
    assert all("「" in r and "第" in r for r in rows)  # every cell quoted and cited


def test_langchain_chat_openai(live_server):
    from langchain_openai import ChatOpenAI

    llm = ChatOpenAI(base_url=f"{live_server.url}/v1", api_key="unused", model="gov-rules-chaoyang")
    reply = llm.invoke("人事任免公文谁签发")
    assert "由市长签发" in reply.content


def test_openai_client_is_told_of_a_scope_notice(live_server):
    from openai import OpenAI

    client = OpenAI(base_url=f"{live_server.url}/v1", api_key="unused")
    messages = [{"role": "user", "content": "咸宁市政府常务会议多久开一次？"}]
    done = client.chat.completions.create(model="gov-rules-datong", messages=messages)
    text = done.choices[0].message.content
    assert text.startswith("提示：") and "咸宁市" in text.split("\n")[0] and done.model_extra["notice"]
    assert done.model_extra["city"] == "xianning"
    stream = client.chat.completions.create(
        model="gov-rules-auto",
        messages=[{"role": "user", "content": "太原和大同的常务会分别多久开一次？"}],
        stream=True,
    )
    streamed = "".join(c.choices[0].delta.content or "" for c in stream)
    assert streamed.startswith("提示：") and "太原" in streamed.split("\n")[0] and "大同" in streamed
