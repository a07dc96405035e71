"""Answer-aware reranking: an article ranks by how well its best clause answers the question.

``RerankingRetriever`` wraps any ``Retriever`` (the hybrid one by default): it takes the top
``rerank_depth`` candidates and orders them by a mix of their retrieval score and how well the
article answers the question, as judged by an ``AnswerScorer`` (the answering layer's clause
scoring: question coverage × answer type). A short article that merely repeats the question's
words ("市政府实行…常务会议制度") no longer beats the one that says who presides.

The reranker also adds how close the question's embedding is to the article's closest clause
(``rerank_clause_similarity``), when a ``ClauseSimilarity`` is passed: an article-level vector
averages a long article's many topics, so 「市政府实行什么负责制」 sits as close to 「市政府各部门实行
行政首长负责制」 as to 「市政府实行市长负责制」, while the clauses tell them apart.

Retrieval does not know how answers are scored: the scorer is passed in, so this layer never
imports the answering layer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from assistant.models import Article
from assistant.retrieval.retrievers import Retrieval, Retriever, Vector
from assistant.settings import Weights


class AnswerScorer(Protocol):
    def answer_scores(self, question: str, article: Article) -> tuple[float, float]:
        """(score of the article's best clause, coverage of the question by the whole article)."""
        ...


# (the question's embedding, an article) → the highest cosine between it and one of the article's clauses
ClauseSimilarity = Callable[[tuple[float, ...], Article], float]


class RerankingRetriever:
    def __init__(
        self,
        base: Retriever,
        scorer: AnswerScorer,
        weights: Weights | None = None,
        similarity: ClauseSimilarity | None = None,
    ) -> None:
        self.base = base
        self.scorer = scorer
        self.weights = weights or Weights()
        self.similarity = similarity

    def retrieve(self, query: str, city: str | None = None, k: int = 5, vector: Vector = ()) -> Retrieval:
        w = self.weights
        found = self.base.retrieve(query, city, max(k, w.rerank_depth), vector)
        if not found.hits:
            return found
        t = time.perf_counter()
        top = found.hits[0].score or 1.0
        cw, share = w.rerank_clause_weight, w.rerank_best_clause_share
        similarity = self.similarity if w.rerank_clause_similarity and found.vector else None
        rescored = []
        for rank, h in enumerate(found.hits):
            clause, whole = self.scorer.answer_scores(query, h.article)
            score = (1 - cw) * h.score / top + cw * (share * clause + (1 - share) * whole)
            if similarity:
                score += w.rerank_clause_similarity * similarity(found.vector, h.article)
            rescored.append((h, score, rank))
        rescored.sort(key=lambda t: (-t[1], t[2]))
        hits = tuple(replace(h, score=score) for h, score, _ in rescored[:k])
        return replace(found, hits=hits, timings=found.timings | {"rerank": (time.perf_counter() - t) * 1000})
