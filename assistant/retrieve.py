"""Retrieval: lexical (BM25 over jieba tokens), dense (Chroma), and their fusion.

All retrievers share the ``Retriever`` protocol: ``retrieve(query, city, k) -> list[Hit]``,
ranked best first, restricted to ``city`` when one is given.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import ConfigError
from .index import KnowledgeIndex
from .models import Hit
from .textnorm import normalize

log = logging.getLogger(__name__)

SYNONYMS = Path(__file__).parent / "data" / "synonyms.txt"


@lru_cache(maxsize=1)
def synonym_table() -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """(phrase, expansions, is_intent) rows of ``data/synonyms.txt``."""
    rows = []
    for line in SYNONYMS.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and not line.startswith("#"):
            intent = parts[0].startswith("?")
            rows.append((parts[0].lstrip("?"), tuple(parts[1:]), intent))
    return tuple(rows)


def synonyms(intent: bool | None = None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Phrase → expansions; ``intent`` filters question-intent rows (None: all)."""
    return tuple((p, e) for p, e, i in synonym_table() if intent is None or i == intent)


def top_indices(scores: np.ndarray, k: int) -> list[int]:
    """Indices of the ``k`` highest positive scores, best first (ties: lower index first)."""
    k = min(k, len(scores))
    if k <= 0:
        return []
    part = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
    order = sorted(part.tolist(), key=lambda i: (-scores[i], i))
    return [i for i in order if scores[i] > 0]


class Retriever(Protocol):
    def retrieve(self, query: str, city: str | None = None, k: int = 5) -> list[Hit]: ...


class LexicalRetriever:
    """BM25 over jieba search-mode tokens, with colloquial phrases expanded."""

    def __init__(self, index: KnowledgeIndex, expand: bool = True) -> None:
        self.index = index
        self.expand = expand
        self.timings: dict[str, float] = {}

    def tokens(self, query: str) -> list[str]:
        words = self.index.tokenizer.words(query)
        if self.expand:
            q = normalize(query)
            for phrase, extra in synonyms():
                if phrase in q:
                    words.extend(self.index.tokenizer.words(" ".join(extra)))
        return words

    def scores(self, query: str, city: str | None) -> np.ndarray:
        t = time.perf_counter()
        s = self.index.lexical(self.tokens(query), city)
        self.timings["lexical"] = (time.perf_counter() - t) * 1000
        return s

    def retrieve(self, query: str, city: str | None = None, k: int = 5) -> list[Hit]:
        s = self.scores(query, city)
        return [Hit(self.index.articles[i], float(s[i]), lexical=float(s[i])) for i in top_indices(s, k)]


class DenseRetriever:
    """Cosine similarity of query and article embeddings in Chroma."""

    def __init__(self, index: KnowledgeIndex) -> None:
        self.index = index
        self.timings: dict[str, float] = {}

    def search(self, query: str, city: str | None, k: int) -> list[tuple[str, float]]:
        t = time.perf_counter()
        vector = self.index.embeddings.embed_query(query)
        t2 = time.perf_counter()
        hits = self.index.dense(vector, k, city)
        self.timings["embed"] = (t2 - t) * 1000
        self.timings["dense"] = (time.perf_counter() - t2) * 1000
        return hits

    def retrieve(self, query: str, city: str | None = None, k: int = 5) -> list[Hit]:
        by_id = self.index.by_id
        return [Hit(by_id[i], sim, dense=sim) for i, sim in self.search(query, city, k)]


@dataclass(frozen=True)
class FusionSettings:
    """Weighted reciprocal rank fusion: score = Σ wᵢ / (rrf_k + rankᵢ)."""

    lexical_weight: float = 1.0
    dense_weight: float = 1.0
    rrf_k: int = 60
    depth: int = 50  # candidates taken from each retriever

    def __post_init__(self) -> None:
        if self.lexical_weight < 0 or self.dense_weight < 0 or self.lexical_weight + self.dense_weight == 0:
            raise ConfigError("融合权重必须非负且不能同时为 0")
        if self.rrf_k < 1 or self.depth < 1:
            raise ConfigError("rrf_k 与 depth 必须为正整数")


class HybridRetriever:
    """Lexical + dense, fused by weighted reciprocal rank."""

    def __init__(self, index: KnowledgeIndex, settings: FusionSettings | None = None) -> None:
        self.index = index
        self.settings = settings or FusionSettings()
        self.lexical = LexicalRetriever(index)
        self.dense = DenseRetriever(index)
        self.timings: dict[str, float] = {}

    def retrieve(self, query: str, city: str | None = None, k: int = 5) -> list[Hit]:
        st = self.settings
        lex = self.lexical.scores(query, city)
        lex_order = top_indices(lex, st.depth)
        dense = self.dense.search(query, city, st.depth) if st.dense_weight > 0 else []
        t = time.perf_counter()
        fused: dict[int, float] = {}
        for rank, i in enumerate(lex_order):
            fused[i] = fused.get(i, 0.0) + st.lexical_weight / (st.rrf_k + rank + 1)
        position = self.index.position
        dense_sim: dict[int, float] = {}
        for rank, (aid, sim) in enumerate(dense):
            i = position[aid]
            dense_sim[i] = sim
            fused[i] = fused.get(i, 0.0) + st.dense_weight / (st.rrf_k + rank + 1)
        ranked = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        self.timings = self.lexical.timings | self.dense.timings | {"fuse": (time.perf_counter() - t) * 1000}
        arts = self.index.articles
        return [Hit(arts[i], s, lexical=float(lex[i]), dense=dense_sim.get(i, 0.0)) for i, s in ranked]
