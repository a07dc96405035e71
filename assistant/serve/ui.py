"""The Gradio page at ``/lab``: the chat plus what lies behind each answer (the articles retrieved,
their fused, lexical and dense scores, the stage timings) — for whoever maintains the knowledge
and the weights. Civil servants use the desk page at ``/`` (``routers/desk``).

City selector, per-city example questions, streamed answers, a citation card per quoted
article (full text with the quote highlighted, copy-citation button), distinct refusals,
follow-ups understood from the conversation (the chat's 🗑 starts a new one), and 👍/👎 feedback
with an optional comment. No external request: fonts are the system's (Noto Sans CJK), scripts
and styles come from this server.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from typing import Any

for _k, _v in (("GRADIO_ANALYTICS_ENABLED", "False"), ("HF_HUB_OFFLINE", "1"), ("HF_HUB_DISABLE_TELEMETRY", "1")):
    os.environ.setdefault(_k, _v)

import gradio as gr  # noqa: E402
from fastapi import FastAPI  # noqa: E402

from assistant.answering.pipeline import Assistant  # noqa: E402
from assistant.errors import UserError  # noqa: E402
from assistant.models import Answer  # noqa: E402
from assistant.serve.auth import LAB  # noqa: E402
from assistant.serve.feedback import FeedbackStore  # noqa: E402

AUTO = "auto"
FONTS = ["Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif"]

CSS = """
.gradio-container { max-width: 1100px !important; margin: auto; }
.cards { display: flex; flex-direction: column; gap: 12px; }
.card { border: 1px solid #c7d7ee; border-left: 5px solid #2563eb; border-radius: 8px; padding: 10px 14px; background: #f8fbff; }
.card-head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.card-title { font-weight: 700; color: #1e3a8a; }
.card-meta { color: #555; font-size: 0.9em; }
.card-body { margin-top: 6px; line-height: 1.75; white-space: pre-wrap; color: #222; }
.card-body mark { background: #fde68a; padding: 0 2px; }
.copy-cite { margin-left: auto; border: 1px solid #93c5fd; background: white; border-radius: 6px; padding: 2px 8px; cursor: pointer; }
.refusal { border: 1px solid #f59e0b; border-left: 5px solid #f59e0b; background: #fffbeb; border-radius: 8px; padding: 10px 14px; }
.empty-cards { color: #666; }
.retrieved { margin-top: 12px; font-size: 0.9em; }
.retrieved td, .retrieved th { padding: 2px 6px; text-align: left; }
"""

HEAD = """
<script>
document.addEventListener("click", function (e) {
  const b = e.target.closest ? e.target.closest("button.copy-cite") : null;
  if (!b) return;
  const text = b.getAttribute("data-copy");
  const done = function () { b.textContent = "已复制"; setTimeout(function () { b.textContent = "复制出处"; }, 1500); };
  if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(text).then(done); return; }
  const t = document.createElement("textarea"); t.value = text; document.body.appendChild(t); t.select();
  try { document.execCommand("copy"); done(); } finally { t.remove(); }
});
</script>
"""

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def as_text(s: str) -> str:
    """User or article text shown literally in a Markdown message: HTML and Markdown escaped."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(s, quote=False)).replace("\n", "  \n")


def highlight(text: str, quotes: list[str]) -> str:
    out = html.escape(text)
    for q in sorted(set(quotes), key=len, reverse=True):
        out = out.replace(html.escape(q), f"<mark>{html.escape(q)}</mark>", 1)
    return out


def cards_html(answer: Answer | None) -> str:
    if answer is None:
        return '<div class="empty-cards">依据条文将显示在这里。</div>'
    if answer.refused:
        return f'<div class="refusal"><b>未找到依据</b><br>{html.escape(answer.answer)}</div>'
    by_article: dict[str, list[str]] = {}
    for c in answer.citations:
        by_article.setdefault(c.article.id, []).append(c.quote)
    parts = []
    for c in answer.citations:
        if c.article.id not in by_article:
            continue
        a = c.article
        quotes = by_article.pop(a.id)
        chapter = f"{a.chapter.label} · " if a.chapter else ""
        label = f"{a.city_name}《{a.document}》{a.citation[a.citation.rindex('》') + 1 :]}"
        parts.append(
            f'<div class="card" data-article="{html.escape(a.id)}">'
            f'<div class="card-head"><span class="card-title">{html.escape(a.citation)}</span>'
            f'<span class="card-meta">{html.escape(chapter + a.city_name + " · " + a.document_number)}</span>'
            f'<button class="copy-cite" data-copy="{html.escape(label, quote=True)}">复制出处</button></div>'
            f'<div class="card-body">{highlight(a.text, quotes)}</div></div>'
        )
    return '<div class="cards">' + "".join(parts) + "</div>"


def retrieved_html(answer: Answer) -> str:
    """The articles retrieved for this answer, best first, with the evidence behind each rank."""
    rows = "".join(
        f"<tr><td>{i}</td><td>{html.escape(h.article.citation)}</td><td>{h.score:.4f}</td>"
        f"<td>{h.lexical:.2f}</td><td>{h.dense:.3f}</td></tr>"
        for i, h in enumerate(answer.retrieved[:5], 1)
    )
    timings = "，".join(f"{html.escape(k)} {v:.1f} ms" for k, v in answer.timings_ms.items())
    return (
        '<details class="retrieved"><summary>检索结果与耗时</summary>'
        "<table><tr><th>#</th><th>条文</th><th>融合分</th><th>BM25</th><th>向量</th></tr>"
        f"{rows}</table><p>{timings}</p></details>"
    )


def answer_markdown(answer: Answer, names: dict[str, str] | None = None) -> str:
    """The chat message: the answer text, or for several jurisdictions a table, city by city."""
    if answer.refused:
        return "⚠️ **未找到依据**\n\n" + as_text(answer.answer)
    if len(answer.scope) > 1 and answer.mode == "extractive":
        return comparison_table(answer, names or {})
    return as_text(answer.answer)


def comparison_table(answer: Answer, names: dict[str, str]) -> str:
    """地区 | 规定（逐字引文） | 出处 — one row per jurisdiction in scope; a silent one says so."""
    rows = ["| 地区 | 规定 | 出处 |", "|---|---|---|"]
    for city in answer.scope:
        mine = [c for c in answer.citations if c.article.city == city]
        name = names.get(city) or (mine[0].article.city_name if mine else city)
        if not mine:
            said = dict(answer.silent).get(city, "现行工作规则中未找到对此的规定。").replace("\n", " ")
            rows.append(f"| {as_text(name)} | {as_text(said)} | — |")
            continue
        said = "".join(f"「{c.quote}」" for c in mine).replace("\n", " ")
        where = "、".join(dict.fromkeys(c.article.source for c in mine))
        rows.append(f"| {as_text(name)} | {as_text(said)} | {as_text(where)} |")
    # 「哪个开得最勤」: the place first by the quoted numbers, under the table
    return "\n".join(rows) + (f"\n\n**{as_text(answer.conclusion)}**" if answer.conclusion else "")


def answer_notice(answer: Answer) -> str:
    """Shown under the chat: who wrote the answer, and any fallback."""
    if answer.notice:  # plain text: a notice is never rendered as Markdown
        return as_text("提示：" + answer.notice)
    return "回答由大模型依据条文撰写，引文已逐字核验。" if answer.mode == "llm" else ""


def examples_for(assistant: Assistant, city: str) -> list[str]:
    """Example questions from the registry: the chosen jurisdiction's, or the general ones."""
    registry = assistant.registry
    chosen = registry.by_slug[city].examples if city in registry.by_slug else []
    return chosen or registry.examples


def fresh_state() -> dict[str, Any]:
    """A new conversation: the user's raw messages so far, answers by chat index, the last feedback id."""
    return {"messages": [], "answers": {}, "feedback_id": None}


class Chat:
    """The chat page's event handlers; the feedback store is the app's one (``app.state.feedback``)."""

    def __init__(self, assistant: Assistant, feedback: FeedbackStore) -> None:
        self.assistant = assistant
        self.feedback = feedback

    def respond(
        self, message: str, history: list[dict[str, Any]], city_value: str, st: dict[str, Any]
    ) -> Iterator[tuple[Any, ...]]:
        """Outputs: chat, state, cards, notice, question box."""
        message = (message or "").strip()
        if not message:
            yield history, st, gr.update(), "请输入问题。", ""
            return
        messages = [*st["messages"], message]
        history = [*history, {"role": "user", "content": as_text(message)}, {"role": "assistant", "content": ""}]
        shown = ""
        answer = None
        try:
            resolved = self.assistant.dialogue.resolve(messages, None if city_value == AUTO else city_value)
            for event in self.assistant.ask_stream(
                resolved.question, city=resolved.city, previous=resolved.previous, more=resolved.more
            ):
                if event.kind == "answer":
                    answer = event.answer
                    break
                shown = shown + event.text if event.kind == "delta" else ""
                history[-1] = {"role": "assistant", "content": as_text(shown)}
                yield history, st, gr.update(), "", ""
        except UserError as e:
            history[-1] = {"role": "assistant", "content": "⚠️ " + as_text(str(e))}
            yield history, st, gr.update(), "", ""
            return
        assert answer is not None
        entry = {"question": resolved.question, "city": answer.city, "answer": answer.to_dict()}
        st = st | {"messages": messages, "answers": st["answers"] | {str(len(history) - 1): entry}}
        names = {slug: self.assistant.registry.by_slug[slug].name for slug in answer.scope}
        history[-1] = {"role": "assistant", "content": answer_markdown(answer, names)}
        yield history, st, cards_html(answer) + retrieved_html(answer), answer_notice(answer), ""

    def on_like(self, data: gr.LikeData, st: dict[str, Any]) -> tuple[dict[str, Any], str]:
        entry = st["answers"].get(str(data.index if isinstance(data.index, int) else data.index[0]))
        if entry is None:
            return st, ""
        liked = bool(data.liked)
        fid = self.feedback.add(entry["question"], entry["city"], liked, entry["answer"])
        return st | {"feedback_id": fid}, "已记录反馈，谢谢。" + ("" if liked else "可在下方填写意见。")

    def on_comment(self, text: str, st: dict[str, Any]) -> tuple[str, str]:
        if not st.get("feedback_id"):
            return text, "请先对一条回答点赞或点踩。"
        if text.strip():
            self.feedback.comment(st["feedback_id"], text)
        return "", "意见已保存，谢谢。"

    def on_city(self, value: str) -> Any:
        return gr.Dataset(samples=[[q] for q in examples_for(self.assistant, value)])

    def on_clear(self) -> tuple[dict[str, Any], str, str]:
        """The chat was cleared: a new conversation, no earlier context. Outputs: state, cards, notice."""
        return fresh_state(), cards_html(None), ""


def build_ui(chat: Chat) -> gr.Blocks:
    assistant = chat.assistant
    title = assistant.settings.title
    with gr.Blocks(title=title, analytics_enabled=False) as ui:
        gr.Markdown(
            f"## {title} · 调试台\n"
            f"知识库：{'、'.join(assistant.city_names())}的现行政府工作规则，共 {len(assistant.index.articles)} 条。"
            "回答逐字引用条文原文并注明出处；规则没有规定的，会明确告知。"
            "本页另列出每个回答的检索结果与耗时，供维护知识库的同事排查；日常问答请用[问答首页](/)。"
        )
        state = gr.State(fresh_state())
        with gr.Row():
            choices = [("自动识别", AUTO)] + [(assistant.registry.by_slug[c].name, c) for c in assistant.cities]
            city = gr.Dropdown(choices=choices, value=AUTO, label="地区", scale=1, elem_id="city")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                chatbot, box, send, examples = _chat_column(assistant)
                with gr.Row():
                    comment = gr.Textbox(
                        placeholder="对上一条回答的意见（可选）：先点回答下方的赞或踩，再填写",
                        show_label=False,
                        scale=5,
                        elem_id="comment",
                    )
                    send_comment = gr.Button("提交意见", scale=1, elem_id="send-comment")
                notice = gr.Markdown("", elem_id="notice")
            with gr.Column(scale=2):
                gr.Markdown("### 依据条文")
                cards = gr.HTML(cards_html(None), elem_id="cards")
        outputs = [chatbot, state, cards, notice, box]
        send.click(chat.respond, [box, chatbot, city, state], outputs)
        box.submit(chat.respond, [box, chatbot, city, state], outputs)
        examples.click(lambda s: s[0], [examples], [box])
        city.change(chat.on_city, [city], [examples])
        chatbot.like(chat.on_like, [state], [state, notice])
        chatbot.clear(chat.on_clear, None, [state, cards, notice])
        send_comment.click(chat.on_comment, [comment, state], [comment, notice])
    return ui


def _chat_column(assistant: Assistant) -> tuple[gr.Chatbot, gr.Textbox, gr.Button, gr.Dataset]:
    chatbot = gr.Chatbot(
        label="对话",
        show_label=False,
        height=460,
        elem_id="chat",
        feedback_options=("Like", "Dislike"),
        buttons=["copy"],
    )
    with gr.Row():
        box = gr.Textbox(
            placeholder="请输入问题，例如：以市政府办公室名义发文由谁签发？",
            show_label=False,
            scale=5,
            elem_id="question",
            max_lines=4,
        )
        send = gr.Button("提问", variant="primary", scale=1, elem_id="send")
    examples = gr.Dataset(
        components=[box], samples=[[q] for q in examples_for(assistant, AUTO)], label="示例问题", elem_id="examples"
    )
    return chatbot, box, send, examples


def mount_ui(app: FastAPI, assistant: Assistant, feedback: FeedbackStore) -> Chat:
    """Mount the Gradio page at ``/lab``; ``feedback``: the app's one store. Returns the page's handlers."""
    chat = Chat(assistant, feedback)
    theme = gr.themes.Soft(font=FONTS, font_mono=["Noto Sans Mono CJK SC", "monospace"])
    gr.mount_gradio_app(app, build_ui(chat), path=LAB, theme=theme, css=CSS, head=HEAD, footer_links=[], pwa=False)
    return chat
