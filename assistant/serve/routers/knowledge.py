"""The knowledge base: ``/healthz``, ``/api/cities`` and ``/api/articles/{id}``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Annotated, Any, cast
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.answering.pipeline import Assistant
from assistant.knowledge.ingest import load_documents
from assistant.models import Answer, Article
from assistant.serve.deps import AssistantDep
from assistant.settings import Settings

router = APIRouter()
DOCUMENT_FIELDS = ("title", "number", "issuer", "issued", "status", "articles", "replaces")


@dataclass(frozen=True)
class Catalog:
    """What the served knowledge holds, read once at start-up (the index is fixed for the server's lifetime)."""

    cities: list[dict[str, Any]]
    documents: dict[tuple[str, str], dict[str, Any]]  # (city, title) → document metadata
    contents: dict[tuple[str, str], tuple[Article, ...]] = field(default_factory=dict)  # (city, title) → its articles

    @classmethod
    def build(cls, assistant: Assistant, settings: Settings) -> Catalog:
        documents = load_documents(settings.knowledge_dir)
        counts = Counter(a.city for a in assistant.index.articles)
        cities = []
        for slug in assistant.cities:
            j = assistant.registry.by_slug[slug]
            cities.append(
                {
                    "slug": slug,
                    "name": j.name,
                    "province": j.province,
                    "level": j.level,
                    "aliases": j.aliases,
                    "articles": counts[slug],
                    "documents": [{k: d[k] for k in DOCUMENT_FIELDS} for d in documents if d["city"] == slug],
                }
            )
        contents: dict[tuple[str, str], list[Article]] = {}
        for a in assistant.index.articles:
            contents.setdefault((a.city, a.document), []).append(a)
        ordered = {k: tuple(sorted(v, key=lambda a: a.article)) for k, v in contents.items()}
        return cls(cities, {(d["city"], d["title"]): d for d in documents}, ordered)

    def cited(self, row: dict[str, Any], quotes: str = "") -> dict[str, Any]:
        """A citation or retrieval row as served: plus its rules page (``url``, with ``quotes`` to mark
        there, one per line), document date and status."""
        doc = self.documents.get((row["city"], row["document"]), {})
        url = rule_url(row["id"], quotes)
        return row | {"url": url, "issued": doc.get("issued", ""), "status": doc.get("status", "")}

    def answer(self, answer: Answer) -> dict[str, Any]:
        """``answer.to_dict()`` with every citation, related clause and retrieval row linked to its rules page; a
        citation's page marks every quote of that article in the answer."""
        d = answer.to_dict()
        quoted: dict[str, list[str]] = {}
        for c in d["citations"]:
            quoted.setdefault(c["id"], []).append(c["quote"])
        citations = [self.cited(c, "\n".join(dict.fromkeys(quoted[c["id"]]))) for c in d["citations"]]
        related = [self.cited(c, c["quote"]) for c in d["related"]]
        return d | {"citations": citations, "retrieved": [self.cited(h) for h in d["retrieved"]], "related": related}


def rule_url(article_id: str, quote: str = "") -> str:
    """The page showing an article inside its whole document, scrolled to the article (and the quote marked)."""
    query = "?" + urlencode({"q": quote}) if quote else ""
    return f"/rules/{article_id}{query}#{article_id}"


def get_catalog(request: Request) -> Catalog:
    return cast(Catalog, request.app.state.catalog)


CatalogDep = Annotated[Catalog, Depends(get_catalog)]


# HEAD: monitors that probe without a body (left out of the schema: one operation per path and method, and a
# HEAD beside the GET would repeat its operation id)
@router.head("/healthz", include_in_schema=False)
@router.get("/healthz", tags=["运维"])
def healthz(assistant: AssistantDep) -> dict[str, Any]:
    return {
        "status": "ok",
        "articles": len(assistant.index.articles),
        "embedding_model": assistant.index.model_name,
        "mode": assistant.mode,
    }


@router.get("/api/cities", tags=["知识库"])
def cities(catalog: CatalogDep) -> list[dict[str, Any]]:
    return catalog.cities


@router.get("/api/articles/{article_id}", tags=["知识库"])
def article(article_id: str, assistant: AssistantDep, catalog: CatalogDep) -> dict[str, Any]:
    a = assistant.article(article_id)
    if a is None:
        raise StarletteHTTPException(404, f"没有编号为「{article_id[:80]}」的条文（编号形如 datong-work-rules-033）。")
    doc = catalog.documents.get((a.city, a.document))
    # the document's public record (文号, issuer, dates …), not where its text file lies on the server
    return a.to_dict() | {"document_info": {k: doc[k] for k in DOCUMENT_FIELDS if k in doc} if doc else None}
