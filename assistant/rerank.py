"""Answer-aware reranking: an article ranks by how well its best clause answers the question.

``RerankingRetriever`` wraps any ``Retriever`` (the hybrid one by default): it takes the top
``depth`` candidates and orders them by a mix of their retrieval score and the score of their
best clause (question coverage × answer type, see ``evidence``). A short article that merely
repeats the question's words ("市政府实行…常务会议制度") no longer beats the one that says who
presides.
"""

from __future__ import annotations

import time

from .errors import ConfigError
from .evidence import Evidence
from .models import Hit
from .retrieve import Retriever


class RerankingRetriever:
    def __init__(self, base: Retriever, evidence: Evidence, depth: int = 10, clause_weight: float = 0.6) -> None:
        if depth < 1:
            raise ConfigError("depth 必须为正整数")
        if not 0 <= clause_weight <= 1:
            raise ConfigError("clause_weight 必须在 0 到 1 之间")
        self.base = base
        self.evidence = evidence
        self.depth = depth
        self.clause_weight = clause_weight
        self.timings: dict[str, float] = {}

    def retrieve(self, query: str, city: str | None = None, k: int = 5) -> list[Hit]:
        hits = self.base.retrieve(query, city, max(k, self.depth))
        self.timings = dict(getattr(self.base, "timings", {}))
        if not hits:
            return []
        t = time.perf_counter()
        groups = self.evidence.groups(query)
        top = hits[0].score or 1.0
        w = self.clause_weight
        rescored = []
        for rank, h in enumerate(hits):
            clause, _, _ = self.evidence.best_unit(query, groups, h.article)
            whole = Evidence.coverage(groups, f"{h.article.document}{h.article.text}")
            rescored.append((h, (1 - w) * h.score / top + w * (0.7 * clause + 0.3 * whole), rank))
        rescored.sort(key=lambda t: (-t[1], t[2]))
        self.timings["rerank"] = (time.perf_counter() - t) * 1000
        return [Hit(h.article, score, h.lexical, h.dense) for h, score, _ in rescored[:k]]
