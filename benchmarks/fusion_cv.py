"""Choose ``fusion_keep_top`` by leave-one-corpus-out cross-validation.

    python benchmarks/fusion_cv.py [--corpus evals/untuned-dev evals/untuned-dev2]

Hybrid retrieval fuses the lexical and the dense ranking by reciprocal rank and hands its first
``rerank_depth`` candidates to the answer-aware reranker. An article that one retriever ranks first
by far but the other ranks low can fall outside them (「市长不在的时候，由谁顶上」: BM25 ranks 大同
第五条 first at twice the next score through the lexicon's 不在 → 出差 and 顶上 → 代行; the embedding
ranks it 14th of the fused list). ``fusion_keep_top`` keeps each retriever's own first few among the
candidates. For every corpus (each city of the knowledge base, each ``--corpus``), this measures the
shipped reranker's hit@1 on the single-place answerable questions, asked as the conversation resolves
them, for each value; each corpus is held out in turn, the value is chosen by the mean hit@1 over the
others (each corpus counts equally) and scored on the held-out one. Nothing is asserted; the chosen
value is copied into ``Weights`` by hand, with these figures in the commit.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant import Assistant  # noqa: E402
from assistant.evaluation.calibrate import asked  # noqa: E402
from assistant.evaluation.corpus import open_corpus, question_files  # noqa: E402
from assistant.evaluation.gold import GoldItem, default_gold_paths, load_gold  # noqa: E402
from assistant.retrieval.rerank import RerankingRetriever  # noqa: E402
from assistant.retrieval.retrievers import HybridRetriever  # noqa: E402
from assistant.settings import load_settings  # noqa: E402

VALUES = [0, 1, 2, 3]
# per corpus, per value: whether each question's first article is right
Table = dict[str, dict[int, list[bool]]]


def measure(a: Assistant, items: list[GoldItem], table: Table, corpus: str | None = None) -> None:
    vectors = a.answerer.clause_vectors
    assert vectors is not None
    retrievers = {}
    for m in VALUES:
        w = a.settings.weights.model_copy(update={"fusion_keep_top": m})
        retrievers[m] = RerankingRetriever(HybridRetriever(a.index, w), a.scorer, w, vectors.similarity)
    for item in items:
        if not item.row.answerable:
            continue
        q, city, named = asked(a, item)
        cities = {a.index.by_id[i].city for g in item.gold for i in g}
        if city is None or named > 1 or cities != {city}:
            continue
        vector: tuple[float, ...] = ()
        for m, r in retrievers.items():
            found = r.retrieve(q, city, 1, vector)
            vector = found.vector
            right = bool(found.hits) and found.hits[0].article.id in item.all_gold
            table[corpus or city][m].append(right)


def mean(table: Table, corpora: list[str], m: int) -> float:
    return sum(sum(table[c][m]) / len(table[c][m]) for c in corpora) / len(corpora)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, nargs="*", default=[REPO / "evals" / "untuned-dev", REPO / "evals" / "untuned-dev2"]
    )
    args = parser.parse_args()
    settings = load_settings()
    table: Table = defaultdict(lambda: defaultdict(list))
    a = Assistant(settings)
    measure(a, load_gold(default_gold_paths(settings.gold_dir), a.index.articles, a.cities), table)
    for extra in args.corpus:
        with open_corpus(extra, settings) as b:
            measure(b, load_gold(question_files(extra), b.index.articles, b.cities), table, extra.name)
    corpora = sorted(table)
    print("| held-out corpus | n | " + " | ".join(f"keep {m}" for m in VALUES) + " | chosen on the others | held-out |")
    print("|---|---|" + "---|" * len(VALUES) + "---|---|")
    for held in corpora:
        others = [c for c in corpora if c != held]
        chosen = max(VALUES, key=lambda m: (mean(table, others, m), -m))
        cells = " | ".join(f"{sum(table[held][m]) / len(table[held][m]):.3f}" for m in VALUES)
        held_out = sum(table[held][chosen]) / len(table[held][chosen])
        print(f"| {held} | {len(table[held][0])} | {cells} | {chosen} | {held_out:.3f} |")
    chosen = max(VALUES, key=lambda m: (mean(table, corpora, m), -m))
    print("\nMean over corpora: " + ", ".join(f"keep {m} {mean(table, corpora, m):.4f}" for m in VALUES))
    print(f"Chosen on all corpora: {chosen} (shipped {settings.weights.fusion_keep_top})")


if __name__ == "__main__":
    main()
