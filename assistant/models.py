"""Value types. Frozen dataclasses; ``to_dict``/``from_dict`` are the JSON shapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .numerals import chapter_label


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "city": self.city,
            "city_name": self.city_name,
            "document": self.document,
            "document_number": self.document_number,
            "chapter": self.chapter.to_dict() if self.chapter else None,
            "article": self.article,
            "label": self.label,
            "citation": self.citation,
            "text": self.text,
            "items": [i.to_dict() for i in self.items],
        }

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
