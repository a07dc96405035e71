"""LangChain integration: the knowledge base as a ``BaseRetriever`` of article ``Document``s.

from assistant import Assistant
retriever = Assistant().as_retriever(city="datong", k=3)
docs = retriever.invoke("以市政府办公室名义发文由谁签发？")
docs[0].metadata["citation"]  # '《大同市人民政府工作规则》第三十三条'
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from assistant.models import Hit, article_fields


def to_document(hit: Hit) -> Document:
    return Document(
        id=hit.article.id,
        page_content=hit.article.text,
        metadata=article_fields(hit.article) | {"score": hit.score},
    )


class ArticleRetriever(BaseRetriever):
    """Hybrid (BM25 + dense) retrieval with answer-aware reranking, scoped to one city or all."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    assistant: Any = Field(exclude=True)
    city: str | None = None
    k: int = Field(default=5, ge=1, le=50)

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        question = self.assistant.clean_question(query)
        city = self.assistant.resolve_city(self.city) if self.city else None
        return [to_document(h) for h in self.assistant.retriever.retrieve(question, city, self.k).hits]
