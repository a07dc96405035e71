"""The public entry point: ``Assistant().ask(question, city=None) -> Answer``.

``Assistant()`` reads ``Settings()`` (the environment, once) and so behaves exactly like the CLI
and the server: with ``OPENAI_BASE_URL`` set it answers through the LLM. ``Assistant(settings)``
or ``Assistant.from_settings(settings)`` use the given configuration.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.answering.analysis import QuestionAnalyzer, TermStats
from assistant.answering.cities import CityDetector, gazetteer
from assistant.answering.extractive import Draft, ExtractiveAnswerer, format_quotes
from assistant.answering.scoring import ClauseScorer
from assistant.errors import ConfigError, InvalidQuestion
from assistant.knowledge.ingest import REGISTRY_FILE
from assistant.knowledge.registry import Registry, load_registry
from assistant.knowledge.segment import compact
from assistant.llm.stream import extractive_events, llm_events
from assistant.models import MODES, Answer, Article, Citation, Event, Hit, Mode, Reason
from assistant.numerals import NUMERAL_CHARS, article_label, parse_chinese_number
from assistant.retrieval.index import KnowledgeIndex
from assistant.retrieval.rerank import RerankingRetriever
from assistant.retrieval.retrievers import HybridRetriever, Retrieval, Retriever
from assistant.settings import Settings, load_settings
from assistant.textnorm import has_cjk, strip_control

if TYPE_CHECKING:
    from assistant.answering.langchain_retriever import ArticleRetriever
    from assistant.llm.client import LLMAnswerer

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 500
_ARTICLE_REF = re.compile(rf"第\s*([{NUMERAL_CHARS}]+|\d+)\s*条")


class Assistant:
    """Answers questions from the knowledge base: extractively offline, through an LLM when configured."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        index: KnowledgeIndex | None = None,
        retriever: Retriever | None = None,
        llm: LLMAnswerer | None = None,
    ) -> None:
        self.settings = settings or load_settings()
        s = self.settings
        self.registry: Registry = load_registry(s.knowledge_dir / REGISTRY_FILE)
        self.index = index or KnowledgeIndex.open(s)
        self.detector = CityDetector(self.registry)
        places = {n for j in self.registry.jurisdictions for n in (*j.names, j.slug)} | set(gazetteer())
        self.place_names = tuple(sorted(places, key=len, reverse=True))
        self.analyzer = QuestionAnalyzer(TermStats(self.index.articles), self.index.tokenizer, places)
        self.scorer = ClauseScorer(self.analyzer, s.weights)
        self.retriever: Retriever = retriever or RerankingRetriever(
            HybridRetriever(self.index, s.weights), self.scorer, s.weights
        )
        self.answerer = ExtractiveAnswerer(self.analyzer, self.scorer, s.weights)
        if llm is None and s.llm_enabled:
            from assistant.llm.client import LLMAnswerer

            llm = LLMAnswerer(s)
        self.llm = llm
        self.cities = [
            j.slug for j in self.registry.jurisdictions if any(a.city == j.slug for a in self.index.articles)
        ]

    @classmethod
    def from_settings(cls, settings: Settings) -> Assistant:
        """The assistant for ``settings`` (index opened or built, LLM client when configured)."""
        return cls(settings)

    # -- input ------------------------------------------------------------------------

    @staticmethod
    def clean_question(question: object) -> str:
        if not isinstance(question, str):
            raise InvalidQuestion("问题必须是文字。")
        q = strip_control(question).strip()
        if not q:
            raise InvalidQuestion("请输入问题。")
        if len(q) > MAX_QUESTION_CHARS:
            raise InvalidQuestion(f"问题过长（{len(q)} 字），请精简到 {MAX_QUESTION_CHARS} 字以内。")
        if not any(c.isalnum() for c in q):
            raise InvalidQuestion("问题中没有可识别的文字，请用中文描述您的问题。")
        return q

    def resolve_city(self, city: str) -> str:
        """Slug or Chinese name → slug; ``UnknownCity`` (listing the cities) otherwise."""
        return self.registry.jurisdiction(city).slug

    def city_names(self) -> list[str]:
        return [self.registry.by_slug[c].name for c in self.cities]

    # -- answering ----------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return "llm" if self.llm else "extractive"

    def ask(self, question: str, city: str | None = None, mode: Mode | None = None) -> Answer:
        """Answer ``question``; ``mode`` "extractive" or "llm" (default: llm when configured)."""
        final = None
        for event in self.ask_stream(question, city, mode):
            if event.kind == "answer":
                final = event.answer
        assert final is not None
        return final

    def ask_stream(self, question: str, city: str | None = None, mode: Mode | None = None) -> Iterator[Event]:
        """Events: text deltas as they are ready, maybe a reset, then the final ``Answer``."""
        mode = mode or self.mode
        if mode not in MODES:
            raise ConfigError(f"mode 只能是 extractive 或 llm，而不是 {mode!r}")
        if mode == "llm" and self.llm is None:
            raise ConfigError("未配置大模型（设置 OPENAI_BASE_URL 或 OPENAI_API_KEY），只能使用 extractive 模式。")
        base = self.extractive(question, city)
        if mode == "extractive" or base.refused:
            yield from extractive_events(base)
            return
        if base.city is None:
            notice = "多地区问题以条文原文分地区列出。"
            yield from extractive_events(replace(base, reason=Reason.MULTI_CITY_VERBATIM, notice=notice))
            return
        assert self.llm is not None
        q = self.clean_question(question)
        short = self.settings.weights.uncited_max_chars
        yield from llm_events(self.llm, q, base, lambda art: self.answerer.best_quote(q, art), short)

    def extractive(self, question: str, city: str | None = None) -> Answer:
        """The offline answer: quoted clauses of the best articles, or a refusal."""
        t0 = time.perf_counter()
        q = self.clean_question(question)
        timings: dict[str, float] = {}
        slug = self.resolve_city(city) if city else None
        if not has_cjk(q):
            msg = "目前仅支持用中文提问，请用中文描述您的问题。"
            return _refusal(msg, Reason.NOT_CHINESE, slug, t0, timings)
        if slug:
            slugs = [slug]
        else:
            detected = self.detector.detect(q)
            timings["detect"] = (time.perf_counter() - t0) * 1000
            if detected.cities:
                slugs = list(detected.cities)
            elif detected.unknown:
                place = "、".join(detected.unknown)
                hint = "".join(self.registry.pointer(p) for p in detected.unknown)
                msg = f"知识库中没有{place}的规则{hint}。现有：{'、'.join(self.city_names())}。"
                return _refusal(msg, Reason.UNKNOWN_CITY, None, t0, timings)
            else:
                slugs = list(self.cities)
        drafts: list[tuple[str, Draft, Sequence[Hit]]] = []
        for c in slugs:
            found, no_such_article = self._hits(q, c)
            for key, value in found.timings.items():
                timings[key] = value
            if no_such_article:
                if len(slugs) == 1:
                    return _refusal(no_such_article, Reason.NO_SUCH_ARTICLE, c, t0, timings, found.hits)
                continue
            t = time.perf_counter()
            draft = self.answerer.draft(q, found.hits)
            timings["answer"] = timings.get("answer", 0.0) + (time.perf_counter() - t) * 1000
            drafts.append((c, draft, found.hits))
        return self._compose(slugs, drafts, t0, timings)

    def _hits(self, q: str, city: str, k: int = 5) -> tuple[Retrieval, str | None]:
        """Ranked hits; with "第N条" in the question, that article first (or why it does not exist)."""
        found = self.retriever.retrieve(q, city, k)
        ref = _ARTICLE_REF.search(q)
        if not ref:
            return found, None
        raw = ref.group(1)
        number = int(raw) if raw.isdigit() else parse_chinese_number(raw)
        docs = self.registry.documents_of(city)
        named = [d for d in docs if d.title in compact(q)] or [
            d for d in docs if d.title.removeprefix(self.registry.by_slug[city].name) in compact(q)
        ]
        doc = (named or docs)[0]
        target = next(
            (a for a in self.index.articles if a.city == city and a.document == doc.title and a.article == number),
            None,
        )
        if target is None:
            count = sum(1 for a in self.index.articles if a.city == city and a.document == doc.title)
            return found, f"《{doc.title}》共 {count} 条，没有{article_label(number)}。"
        top = found.hits[0].score if found.hits else 1.0
        rest = [h for h in found.hits if h.article.id != target.id][: k - 1]
        return replace(found, hits=(Hit(target, top * 2, pinned=True), *rest)), None

    def _compose(
        self, slugs: list[str], drafts: list[tuple[str, Draft, Sequence[Hit]]], t0: float, timings: dict[str, float]
    ) -> Answer:
        answered = [(c, d, h) for c, d, h in drafts if not d.refused]
        retrieved = _merge([h for _, _, h in drafts])
        single = slugs[0] if len(slugs) == 1 else None
        if not answered:
            where = f"{self.registry.by_slug[single].name}的" if single else ""
            missing = next((d.missing for _, d, _ in drafts if d.missing), ())
            about = f"（未涉及：{'、'.join(missing[:3])}）" if missing else ""
            msg = f"现行规则中未找到与该问题直接相关的规定{about}。已检索{where}现行工作规则；如需确认，请咨询本级政府办公室。"
            return _refusal(msg, Reason.NOT_FOUND, single, t0, timings, retrieved)
        citations: list[Citation] = []
        if single:
            _, d, _ = answered[0]
            text = format_quotes(d.citations)
            citations.extend(d.citations)
        else:
            parts = []
            for c, d, _ in answered:
                parts.append(f"【{self.registry.by_slug[c].name}】\n{format_quotes(d.citations)}")
                citations.extend(d.citations)
            lead = "各地规定如下：" if len(slugs) < len(self.cities) else "问题未指明地区，以下按地区分别列出："
            text = lead + "\n" + "\n".join(parts)
        timings["total"] = (time.perf_counter() - t0) * 1000
        return Answer(text, False, single, tuple(citations), tuple(retrieved), timings)

    def article(self, article_id: str) -> Article | None:
        return self.index.by_id.get(article_id)

    def as_retriever(self, city: str | None = None, k: int = 5) -> ArticleRetriever:
        """A LangChain ``BaseRetriever`` over this knowledge base."""
        from assistant.answering.langchain_retriever import ArticleRetriever

        return ArticleRetriever(assistant=self, city=city, k=k)


def _refusal(
    message: str,
    reason: Reason,
    city: str | None,
    t0: float,
    timings: dict[str, float],
    retrieved: Sequence[Hit] = (),
) -> Answer:
    timings["total"] = (time.perf_counter() - t0) * 1000
    return Answer(message, True, city, (), tuple(retrieved), timings, reason)


def _merge(ranked_lists: list[Sequence[Hit]]) -> list[Hit]:
    """Interleave per-city rankings (1st of each, then 2nd of each …)."""
    out: list[Hit] = []
    for rank in range(max((len(r) for r in ranked_lists), default=0)):
        out.extend(r[rank] for r in ranked_lists if rank < len(r))
    return out
