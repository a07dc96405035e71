"""The public entry point: ``Assistant().ask(question, city=None) -> Answer``."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import config
from .answer import AnswerSettings, Draft, ExtractiveAnswerer, format_quotes
from .cities import CityDetector, gazetteer
from .errors import ConfigError, InvalidQuestion
from .evidence import Evidence
from .generation import Event, extractive_events, llm_events
from .index import KnowledgeIndex
from .models import Answer, Article, Citation, Hit
from .numerals import NUMERAL_CHARS, article_label, parse_chinese_number
from .registry import Registry, load_registry
from .rerank import RerankingRetriever
from .retrieve import FusionSettings, HybridRetriever, Retriever
from .segment import compact
from .textnorm import has_cjk, strip_control

if TYPE_CHECKING:
    from .lc import ArticleRetriever
    from .llm import LLMAnswerer

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 500
_ARTICLE_REF = re.compile(rf"第\s*([{NUMERAL_CHARS}]+|\d+)\s*条")


class Assistant:
    """Answers questions from the knowledge base, offline, extractively."""

    def __init__(
        self,
        knowledge_dir: Path | None = None,
        data_dir: Path | None = None,
        *,
        index: KnowledgeIndex | None = None,
        embeddings: str | None = None,
        fusion: FusionSettings | None = None,
        answer_settings: AnswerSettings | None = None,
        retriever: Retriever | None = None,
        llm: LLMAnswerer | None = None,
    ) -> None:
        self.knowledge_dir = knowledge_dir or config.knowledge_dir()
        self.data_dir = data_dir or config.data_dir()
        self.registry: Registry = load_registry(self.knowledge_dir / "registry.toml")
        self.index = index or KnowledgeIndex.open(self.knowledge_dir, self.data_dir, embeddings)
        self.detector = CityDetector(self.registry)
        places = {n for j in self.registry.jurisdictions for n in (*j.names, j.slug)} | set(gazetteer())
        self.place_names = tuple(sorted(places, key=len, reverse=True))
        self.evidence = Evidence(self.index.articles, self.index.tokenizer, places)
        self.retriever: Retriever = retriever or RerankingRetriever(HybridRetriever(self.index, fusion), self.evidence)
        self.answerer = ExtractiveAnswerer(self.evidence, answer_settings)
        self.llm = llm
        self.cities = [
            j.slug for j in self.registry.jurisdictions if any(a.city == j.slug for a in self.index.articles)
        ]

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
    def mode(self) -> str:
        return "llm" if self.llm else "extractive"

    def ask(self, question: str, city: str | None = None, mode: str | None = None) -> Answer:
        """Answer ``question``; ``mode`` "extractive" or "llm" (default: llm when configured)."""
        final = None
        for event in self.ask_stream(question, city, mode):
            if event.kind == "answer":
                final = event.answer
        assert final is not None
        return final

    def ask_stream(self, question: str, city: str | None = None, mode: str | None = None) -> Iterator[Event]:
        """Events: text deltas as they are ready, maybe a reset, then the final ``Answer``."""
        mode = mode or self.mode
        if mode not in ("extractive", "llm"):
            raise ConfigError(f"mode 只能是 extractive 或 llm，而不是 {mode!r}")
        if mode == "llm" and self.llm is None:
            raise ConfigError("未配置大模型（设置 OPENAI_BASE_URL 或 OPENAI_API_KEY），只能使用 extractive 模式。")
        base = self.extractive(question, city)
        if mode == "extractive" or base.refused:
            yield from extractive_events(base)
            return
        if base.city is None:
            notice = "多地区问题以条文原文分地区列出。"
            yield from extractive_events(replace(base, notice=notice))
            return
        assert self.llm is not None
        q = self.clean_question(question)
        groups = self.evidence.groups(q)
        yield from llm_events(self.llm, q, base, lambda art: self.answerer.best_quote(q, groups, art))

    def extractive(self, question: str, city: str | None = None) -> Answer:
        """The offline answer: quoted clauses of the best articles, or a refusal."""
        t0 = time.perf_counter()
        q = self.clean_question(question)
        timings: dict[str, float] = {}
        slug = self.resolve_city(city) if city else None
        if not has_cjk(q):
            return self._refusal("目前仅支持用中文提问，请用中文描述您的问题。", slug, t0, timings)
        if slug:
            slugs = [slug]
        else:
            detected = self.detector.detect(q)
            timings["detect"] = (time.perf_counter() - t0) * 1000
            if detected.cities:
                slugs = list(detected.cities)
            elif detected.unknown:
                place = "、".join(detected.unknown)
                hint = ""
                if "晋城市" in detected.unknown:
                    hint = "（晋城市下辖的“晋城市城区”有规则，可问“城区”）"
                msg = f"知识库中没有{place}的规则{hint}。现有：{'、'.join(self.city_names())}。"
                return self._refusal(msg, None, t0, timings, notice="unknown_city")
            else:
                slugs = list(self.cities)
        drafts: list[tuple[str, Draft, list[Hit]]] = []
        for c in slugs:
            hits, lookup_refusal, pinned = self._hits(q, c)
            if lookup_refusal:
                if len(slugs) == 1:
                    return self._refusal(lookup_refusal, c, t0, timings, retrieved=hits)
                continue
            t = time.perf_counter()
            draft = self.answerer.draft(q, hits, pinned=pinned)
            timings["answer"] = timings.get("answer", 0.0) + (time.perf_counter() - t) * 1000
            drafts.append((c, draft, hits))
        for key, value in getattr(self.retriever, "timings", {}).items():
            timings[key] = value
        return self._compose(q, slugs, drafts, t0, timings)

    def _hits(self, q: str, city: str, k: int = 5) -> tuple[list[Hit], str | None, bool]:
        """Ranked hits; with "第N条" in the question, that article first (or why it does not exist)."""
        hits = self.retriever.retrieve(q, city, k)
        ref = _ARTICLE_REF.search(q)
        if not ref:
            return hits, None, False
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
            return hits, f"《{doc.title}》共 {count} 条，没有{article_label(number)}。", False
        top = hits[0].score if hits else 1.0
        rest = [h for h in hits if h.article.id != target.id][: k - 1]
        return [Hit(target, top * 2, lexical=0.0, dense=1.0), *rest], None, True

    def _compose(
        self,
        q: str,
        slugs: list[str],
        drafts: list[tuple[str, Draft, list[Hit]]],
        t0: float,
        timings: dict[str, float],
    ) -> Answer:
        answered = [(c, d, h) for c, d, h in drafts if not d.refused]
        retrieved = _merge([h for _, _, h in drafts])
        single = slugs[0] if len(slugs) == 1 else None
        if not answered:
            where = f"{self.registry.by_slug[single].name}的" if single else ""
            missing = next((d.missing for _, d, _ in drafts if d.missing), ())
            about = f"（未涉及：{'、'.join(missing[:3])}）" if missing else ""
            msg = f"现行规则中未找到与该问题直接相关的规定{about}。已检索{where}现行工作规则；如需确认，请咨询本级政府办公室。"
            return self._refusal(msg, single, t0, timings, retrieved=retrieved, notice="not_found")
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

    @staticmethod
    def _refusal(
        message: str,
        city: str | None,
        t0: float,
        timings: dict[str, float],
        retrieved: list[Hit] | None = None,
        notice: str = "",
    ) -> Answer:
        timings["total"] = (time.perf_counter() - t0) * 1000
        return Answer(message, True, city, (), tuple(retrieved or ()), timings, notice)

    def article(self, article_id: str) -> Article | None:
        return self.index.by_id.get(article_id)

    def as_retriever(self, city: str | None = None, k: int = 5) -> ArticleRetriever:
        """A LangChain ``BaseRetriever`` over this knowledge base."""
        from .lc import ArticleRetriever

        return ArticleRetriever(assistant=self, city=city, k=k)


def _merge(ranked_lists: list[list[Hit]]) -> list[Hit]:
    """Interleave per-city rankings (1st of each, then 2nd of each …)."""
    out: list[Hit] = []
    for rank in range(max((len(r) for r in ranked_lists), default=0)):
        out.extend(r[rank] for r in ranked_lists if rank < len(r))
    return out
