"""LLM answers through any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, DeepSeek, Qwen …).

Configured by ``Settings`` (``OPENAI_BASE_URL`` / ``OPENAI_API_KEY`` / ``ASSISTANT_LLM_MODEL`` …); on
when either of the first two is set. The model sees only the retrieved articles, numbered, whole, in rank order,
within a token budget (tiktoken, offline). Its answer is verified deterministically
(``verify``); the caller falls back to the extractive answer whenever generation fails or the
answer does not verify.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from pydantic import SecretStr

from assistant.llm import tokens
from assistant.llm.prompts import load_prompt
from assistant.models import Article, Hit
from assistant.settings import Settings

log = logging.getLogger(__name__)

REFUSAL = "现行规则中未找到与该问题直接相关的规定。"


class LLMUnavailable(Exception):
    """Generation failed (endpoint down, timeout, 401, 429, 5xx, empty or malformed reply)."""


def describe(exc: BaseException) -> str:
    """A short Chinese reason for the notice users see."""
    import openai

    if isinstance(exc, openai.AuthenticationError):
        return "认证失败（401）"
    if isinstance(exc, openai.RateLimitError):
        return "请求过多（429）"
    if isinstance(exc, openai.APITimeoutError):
        return "响应超时"
    if isinstance(exc, openai.APIConnectionError):
        return "无法连接"
    if isinstance(exc, openai.APIStatusError):
        return f"服务出错（{exc.status_code}）"
    if isinstance(exc, LLMUnavailable):
        return str(exc)
    return "返回内容无法解析"


class LLMAnswerer:
    def __init__(self, settings: Settings, chat_model: object | None = None) -> None:
        from langchain_openai import ChatOpenAI

        self.settings = settings
        self.system = load_prompt(settings.prompts_dir, "answer", "system", settings.prompt_version)
        self.user = load_prompt(settings.prompts_dir, "answer", "user", settings.prompt_version)
        key = settings.openai_api_key or SecretStr("not-needed")  # local servers (vLLM, Ollama) ignore it
        self.chat = chat_model or ChatOpenAI(
            model=settings.llm_model,
            base_url=settings.openai_base_url,
            api_key=key,
            timeout=min(settings.llm_timeout, settings.answer_deadline),  # no single try outlives the deadline
            max_retries=settings.llm_max_retries,
            temperature=0,
        )

    @property
    def name(self) -> str:
        return self.settings.llm_name

    def pack(self, hits: list[Hit]) -> list[Article]:
        """Whole articles in rank order while they fit the token budget (at least one)."""
        chosen: list[Article] = []
        used = 0
        for h in hits:
            cost = tokens.count(self._block(len(chosen) + 1, h.article))
            if chosen and used + cost > self.settings.llm_context_tokens:
                break
            chosen.append(h.article)
            used += cost
        return chosen

    @staticmethod
    def _block(n: int, a: Article) -> str:
        return f"[{n}] {a.city_name}《{a.document}》{a.citation[a.citation.rindex('》') + 1 :]}\n{a.text}"

    def messages(self, question: str, articles: list[Article]) -> list[BaseMessage]:
        blocks = "\n\n".join(self._block(n, a) for n, a in enumerate(articles, start=1))
        return [
            SystemMessage(self.system.render(refusal=REFUSAL)),
            HumanMessage(self.user.render(articles=blocks, question=question)),
        ]

    def stream(self, question: str, articles: list[Article]) -> Iterator[str]:
        """Text pieces as the model produces them; raises LLMUnavailable on any failure."""
        got = False
        try:
            for chunk in self.chat.stream(self.messages(question, articles)):  # type: ignore[attr-defined]
                piece = chunk.content if isinstance(chunk.content, str) else ""
                if piece:
                    got = True
                    yield piece
        except LLMUnavailable:
            raise
        except Exception as e:  # the client raises many types; all mean "no usable answer"
            log.warning("LLM generation failed: %r", e)
            raise LLMUnavailable(describe(e)) from e
        if not got:
            raise LLMUnavailable("返回了空回答")
