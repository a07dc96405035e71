"""Value types. Frozen dataclasses; ``to_dict``/``from_dict`` are the JSON shapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from assistant.numerals import chapter_label


@dataclass(frozen=True)
class Chapter:
    number: int
    title: str

    @property
    def label(self) -> str:
        """``第六章 公文处理``."""
        return f"{chapter_label(self.number)} {self.title}"

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "title": self.title, "label": self.label}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Chapter | None:
        return None if d is None else cls(number=int(d["number"]), title=str(d["title"]))


@dataclass(frozen=True)
class Item:
    """A numbered item inside an article: （一）, (八), 1. — ``marker`` as printed."""

    marker: str
    number: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"marker": self.marker, "number": self.number, "text": self.text}


@dataclass(frozen=True)
class Article:
    """One article of one rule document: the unit every citation points at.

    ``text`` keeps the source's characters (paragraphs joined by ``\\n``) so quotes are
    verbatim; normalisation happens only for search.
    """

    id: str
    city: str
    city_name: str
    document: str
    document_number: str
    chapter: Chapter | None
    article: int
    label: str
    citation: str
    text: str
    items: tuple[Item, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n")

    @property
    def source(self) -> str:
        """《文件》第N条, with the city in front when the document title does not name it (大同市《市政府常务会议
        工作规则》第十四条): what an answer cites it as."""
        return self.citation if self.city_name in self.document else f"{self.city_name}{self.citation}"

    def to_dict(self) -> dict[str, Any]:
        return article_fields(self) | {"text": self.text, "items": [i.to_dict() for i in self.items]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=d["id"],
            city=d["city"],
            city_name=d["city_name"],
            document=d["document"],
            document_number=d["document_number"],
            chapter=Chapter.from_dict(d.get("chapter")),
            article=int(d["article"]),
            label=d["label"],
            citation=d["citation"],
            text=d["text"],
            items=tuple(Item(i["marker"], int(i["number"]), i["text"]) for i in d.get("items", [])),
        )


@dataclass(frozen=True)
class DocumentInfo:
    """Metadata of one rule document, from the registry plus what the file itself says."""

    slug: str
    city: str
    city_name: str
    title: str
    number: str
    issuer: str
    issued: str
    status: str
    source: str
    replaces: tuple[str, ...] = ()
    articles: int = 0
    chapters: int = 0
    footer: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "city": self.city,
            "city_name": self.city_name,
            "title": self.title,
            "number": self.number,
            "issuer": self.issuer,
            "issued": self.issued,
            "status": self.status,
            "source": self.source,
            "replaces": list(self.replaces),
            "articles": self.articles,
            "chapters": self.chapters,
            "footer": dict(sorted(self.footer.items())),
        }


def article_fields(a: Article) -> dict[str, Any]:
    """The article fields every citation and retrieval row carries."""
    return {
        "id": a.id,
        "city": a.city,
        "city_name": a.city_name,
        "document": a.document,
        "document_number": a.document_number,
        "chapter": a.chapter.to_dict() if a.chapter else None,
        "article": a.article,
        "label": a.label,
        "citation": a.citation,
    }


@dataclass(frozen=True)
class Hit:
    """A retrieved article with its fused score and the evidence behind it."""

    article: Article
    score: float
    lexical: float = 0.0  # BM25 score (0 when not found lexically)
    dense: float = 0.0  # cosine similarity (0 when not among the dense results)
    # The median similarity of this query's dense candidates: what an unrelated article of this
    # corpus scores. ``dense - dense_base`` compares across corpora; raw cosine levels do not.
    dense_base: float = 0.0
    # named by the question itself ("第三十三条"), or found by its place in a document (its closing article), not searched
    pinned: bool = False

    def to_dict(self) -> dict[str, Any]:
        return article_fields(self.article) | {
            "source": self.article.source,
            "quote": "",
            "text": self.article.text,
            "score": round(self.score, 6),
        }


@dataclass(frozen=True)
class Citation:
    """A verbatim quote from an article; ``quote`` is a substring of ``article.text``."""

    article: Article
    quote: str
    part: str = ""  # the paragraph or item the quote is, when the question named it (「第二款」, 「第七项」)

    def __post_init__(self) -> None:
        if self.quote not in self.article.text:
            raise ValueError(f"quote is not verbatim in {self.article.id}: {self.quote[:30]!r}")

    def to_dict(self) -> dict[str, Any]:
        # ``source``: the citation with its city, as the answer text writes it (``citation`` is the document's own)
        return article_fields(self.article) | {
            "source": self.article.source + self.part,
            "part": self.part,
            "quote": self.quote,
            "text": self.article.text,
        }


Mode = Literal["extractive", "llm"]  # who wrote the answer text
MODES: tuple[Mode, ...] = ("extractive", "llm")


class Reason(StrEnum):
    """Why an answer was refused or differs from a plain quoted answer (machine-readable)."""

    NOT_FOUND = "not_found"  # the rules in scope do not answer the question
    UNKNOWN_CITY = "unknown_city"  # the question names a place the knowledge base does not hold
    NO_SUCH_ARTICLE = "no_such_article"  # "第六十条" of a document that has fewer articles
    ARTICLE_SILENT = "article_silent"  # the article named does not say what is asked: the rules answer without it
    NOT_CHINESE = "not_chinese"  # only Chinese questions are supported
    NEEDS_CONTEXT = "needs_context"  # a follow-up (「那常务会议呢？」) with no earlier question to follow
    SMALL_TALK = "small_talk"  # 「你好」, 「谢谢」, 「你是谁」: said back to briefly, nothing searched
    SCOPE_CHANGED = "scope_changed"  # the question names another jurisdiction than the one chosen
    DOCUMENT_FACTS = "document_facts"  # 「…的文号是多少」: answered from the document's record, not a clause
    REST_QUOTED = "rest_quoted"  # 「还有别的要求吗」: what else the article(s) just quoted say, quoted as it is
    WRITING_REQUEST = "writing_request"  # 「帮我写一份请假条」: the rules on it are quoted, nothing is written
    INSTRUCTIONS_SET_ASIDE = "instructions_set_aside"  # 「请用英文回答：…」: the question is answered as ever
    MULTI_CITY_VERBATIM = "multi_city_verbatim"  # LLM mode, several cities: quoted per city instead
    LLM_UNAVAILABLE = "llm_unavailable"  # the endpoint failed; extractive answer shown
    LLM_TIMEOUT = "llm_timeout"  # no verified LLM answer within the deadline; extractive answer shown
    LLM_UNVERIFIED = "llm_unverified"  # the LLM text failed verification; extractive answer shown
    LLM_DECLINED = "llm_declined"  # the LLM refused although the evidence answers; extractive shown


@dataclass(frozen=True)
class Answer:
    answer: str
    refused: bool
    city: str | None
    citations: tuple[Citation, ...] = ()
    retrieved: tuple[Hit, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)
    reason: Reason | None = None  # why it refused or changed; None for a plain answer
    notice: str = ""  # a line for users about ``reason`` (empty when the answer text says it all)
    mode: Mode = "extractive"
    verification: tuple[dict[str, Any], ...] = ()  # per LLM citation: marker, article_id, status
    scope: tuple[str, ...] = ()  # the jurisdictions answered for, in order (several: a comparison)
    # places in ``scope`` with no quote, and what is said of each (「现行工作规则中未找到对此的规定。」, or what
    # their rules say instead of the asked quantity): a comparison table's cell, as in the answer text
    silent: tuple[tuple[str, str], ...] = ()
    # clauses shown that are not the answer: what a refusal or a silent place's cell quotes the rules saying
    # instead (「只规定：「…应事先向市长请假」」), so that a client can link their source as for ``citations``
    related: tuple[Citation, ...] = ()
    # places compared by a superlative (「哪个开得最勤」): the line naming the first by the quoted numbers; asked whether
    # they differ (「各地一样吗」): the line saying so from the quotes; as in the answer text ("" when none can be said)
    conclusion: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "refused": self.refused,
            "city": self.city,
            "citations": [c.to_dict() for c in self.citations],
            "retrieved": [h.to_dict() for h in self.retrieved[:5]],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
            "reason": self.reason.value if self.reason else None,
            "notice": self.notice,
            "mode": self.mode,
            "verification": [dict(v) for v in self.verification],
            "scope": list(self.scope),
            "silent": dict(self.silent),
            "related": [c.to_dict() for c in self.related],
            "conclusion": self.conclusion,
        }


EventKind = Literal["delta", "reset", "answer"]


@dataclass(frozen=True)
class Event:
    """A streamed piece of an answer: ``delta`` text to show, ``reset`` (discard what was shown),
    and always last ``answer`` with the authoritative ``Answer``."""

    kind: EventKind
    text: str = ""
    answer: Answer | None = None
