"""Retrieval: lexical (BM25 over jieba tokens), dense (Chroma), and their fusion.

All retrievers share the ``Retriever`` protocol: ``retrieve(query, city, k, vector) -> Retrieval``,
the hits ranked best first (restricted to ``city`` when one is given) together with the timings of
that call. ``vector``: the query's embedding when the caller already has one (a part of a question is
searched with the whole question's: embedding is most of a search's time), else it is embedded.
Timings are returned, never kept on the retriever: one retriever serves many requests at once.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from assistant.models import Hit
from assistant.retrieval.index import KnowledgeIndex
from assistant.retrieval.lexicon import found_in, synonyms
from assistant.settings import Weights
from assistant.textnorm import normalize

log = logging.getLogger(__name__)


Vector = tuple[float, ...]  # a query's embedding


@dataclass(frozen=True)
class Retrieval:
    hits: tuple[Hit, ...]
    timings: dict[str, float] = field(default_factory=dict)  # milliseconds per stage
    vector: Vector = ()  # the query's embedding, when the dense retriever ran


def top_indices(scores: np.ndarray, k: int) -> list[int]:
    """Indices of the ``k`` highest positive scores, best first (ties: lower index first)."""
    k = min(k, len(scores))
    if k <= 0:
        return []
    part = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
    order = sorted(part.tolist(), key=lambda i: (-scores[i], i))
    return [i for i in order if scores[i] > 0]


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000


class Retriever(Protocol):
    def retrieve(self, query: str, city: str | None = None, k: int = 5, vector: Vector = ()) -> Retrieval: ...


class LexicalRetriever:
    """BM25 over jieba search-mode tokens, with colloquial phrases expanded."""

    def __init__(self, index: KnowledgeIndex, expand: bool = True) -> None:
        self.index = index
        self.expand = expand

    def tokens(self, query: str) -> list[str]:
        words = self.index.tokenizer.words(query)
        if self.expand:
            q = normalize(query)
            for _, extra in found_in(q, synonyms(None, self.index.leaving)):
                words.extend(self.index.tokenizer.words(" ".join(extra)))
        return words

    def scores(self, query: str, city: str | None) -> tuple[np.ndarray, dict[str, float]]:
        t = time.perf_counter()
        s = self.index.lexical(self.tokens(query), city)
        return s, {"lexical": _ms(t)}

    def retrieve(self, query: str, city: str | None = None, k: int = 5, vector: Vector = ()) -> Retrieval:
        s, timings = self.scores(query, city)
        arts = self.index.articles
        return Retrieval(tuple(Hit(arts[i], float(s[i]), lexical=float(s[i])) for i in top_indices(s, k)), timings)


class DenseRetriever:
    """Cosine similarity of query and article embeddings in Chroma."""

    def __init__(self, index: KnowledgeIndex) -> None:
        self.index = index

    def search(
        self, query: str, city: str | None, k: int, vector: Vector = ()
    ) -> tuple[list[tuple[str, float]], dict[str, float], Vector]:
        """(article id, cosine) best first, timings, and the query's vector (``vector``, if given)."""
        t = time.perf_counter()
        timings: dict[str, float] = {}
        if not vector:
            vector = tuple(self.index.embeddings.embed_query(query))
            timings["embed"] = _ms(t)
        t2 = time.perf_counter()
        hits = self.index.dense(vector, k, city)
        return hits, timings | {"dense": _ms(t2)}, vector

    def retrieve(self, query: str, city: str | None = None, k: int = 5, vector: Vector = ()) -> Retrieval:
        by_id = self.index.by_id
        found, timings, vector = self.search(query, city, k, vector)
        return Retrieval(tuple(Hit(by_id[i], sim, dense=sim) for i, sim in found), timings, vector)


class HybridRetriever:
    """Lexical + dense, fused by weighted reciprocal rank (weights from ``Weights``)."""

    def __init__(self, index: KnowledgeIndex, weights: Weights | None = None) -> None:
        self.index = index
        self.weights = weights or Weights()
        self.lexical = LexicalRetriever(index)
        self.dense = DenseRetriever(index)

    def retrieve(self, query: str, city: str | None = None, k: int = 5, vector: Vector = ()) -> Retrieval:
        w = self.weights
        lex, timings = self.lexical.scores(query, city)
        lex_order = top_indices(lex, w.fusion_depth)
        dense: list[tuple[str, float]] = []
        if w.dense_weight > 0:
            dense, dense_timings, vector = self.dense.search(query, city, w.fusion_depth, vector)
            timings |= dense_timings
        t = time.perf_counter()
        fused: dict[int, float] = {}
        for rank, i in enumerate(lex_order):
            fused[i] = fused.get(i, 0.0) + w.lexical_weight / (w.rrf_k + rank + 1)
        position = self.index.position
        dense_sim: dict[int, float] = {}
        for rank, (aid, sim) in enumerate(dense):
            i = position[aid]
            dense_sim[i] = sim
            fused[i] = fused.get(i, 0.0) + w.dense_weight / (w.rrf_k + rank + 1)
        ranked = _keeping(sorted(fused.items(), key=lambda kv: (-kv[1], kv[0])), k, self._own_firsts(lex_order, dense))
        arts = self.index.articles
        base = float(np.median([sim for _, sim in dense])) if dense else 0.0
        hits = tuple(
            Hit(arts[i], s, lexical=float(lex[i]), dense=dense_sim.get(i, 0.0), dense_base=base) for i, s in ranked
        )
        return Retrieval(hits, timings | {"fuse": _ms(t)}, vector)

    def _own_firsts(self, lex_order: list[int], dense: list[tuple[str, float]]) -> list[int]:
        """The first ``fusion_keep_top`` articles of each retriever, lexical then dense."""
        m = self.weights.fusion_keep_top
        return [*lex_order[:m], *(self.index.position[aid] for aid, _ in dense[:m])]


def _keeping(ranked: list[tuple[int, float]], k: int, kept: list[int]) -> list[tuple[int, float]]:
    """The first ``k`` of ``ranked`` (index, fused score), with every index of ``kept`` among them: one that is
    missing takes the place of the last fused one, and all stay in fused order."""
    top = ranked[:k]
    chosen = {i for i, _ in top}
    missing = [i for i in dict.fromkeys(kept) if i not in chosen][:k]
    if not missing:
        return top
    score = dict(ranked)
    out = top[: k - len(missing)] + [(i, score[i]) for i in missing]
    return sorted(out, key=lambda kv: (-kv[1], kv[0]))
