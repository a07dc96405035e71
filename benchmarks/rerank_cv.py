"""Choose the reranking weights by leave-one-corpus-out cross-validation.

    python benchmarks/rerank_cv.py [--corpus evals/untuned-dev ...]

The answer-aware reranker mixes the fused retrieval score with how well an article's best clause
answers the question (``rerank_clause_weight``, ``rerank_best_clause_share`` in ``Weights``), plus
the cosine of the question and the article's closest clause (``rerank_clause_similarity``). Its
clause scoring is lexical, and the lexicon was built on this project's documents, so a weight
chosen on them alone may not hold on documents users add. Each corpus (every city of the
knowledge base, and each ``--corpus``: a directory with registry.toml, raw/ and questions, such
as the national regulations of ``evals/untuned-dev``) is held out in turn; the weights are chosen
by the mean hit@1 over the other corpora (each corpus counts equally) and scored on the held-out
one. Prints the held-out figures and the weights the same rule chooses on all corpora. Nothing is
asserted; the chosen weights are copied into ``Weights`` by hand, with these figures in the commit.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant import Assistant  # noqa: E402
from assistant.evaluation.corpus import open_corpus, question_files  # noqa: E402
from assistant.evaluation.gold import GoldItem, default_gold_paths, load_gold  # noqa: E402
from assistant.retrieval.retrievers import HybridRetriever  # noqa: E402
from assistant.settings import load_settings  # noqa: E402

CLAUSE_WEIGHTS = [round(0.1 * i, 1) for i in range(10)]
SHARES = [0.3, 0.5, 0.7, 0.9]
SIMILARITIES = [0.0, 0.5, 1.0, 1.5, 2.0, 3.0]
Grid = tuple[float, float, float]
# per question: its corpus, and per candidate
# (fused score / top, best clause score, whole coverage, closest clause's cosine, right?)
Case = tuple[str, list[tuple[float, float, float, float, bool]]]


def cases(a: Assistant, items: list[GoldItem], corpus: str | None = None) -> list[Case]:
    fused = HybridRetriever(a.index, a.settings.weights)
    depth = a.settings.weights.rerank_depth
    vectors = a.answerer.clause_vectors
    assert vectors is not None
    out: list[Case] = []
    for item in items:
        if not item.row.answerable or item.row.history:
            continue
        cities = {a.index.by_id[i].city for g in item.gold for i in g}
        if len(cities) != 1:
            continue
        city = cities.pop()
        found = fused.retrieve(item.row.question, city, depth)
        hits = found.hits
        if not hits:
            continue
        top = hits[0].score or 1.0
        cands = []
        for h in hits:
            clause, whole = a.scorer.answer_scores(item.row.question, h.article)
            sim = vectors.similarity(found.vector, h.article)
            cands.append((h.score / top, clause, whole, sim, h.article.id in item.all_gold))
        out.append((corpus or city, cands))
    return out


def hit1(case: Case, grid: Grid) -> float:
    cw, share, sw = grid
    scored = [
        ((1 - cw) * f + cw * (share * c + (1 - share) * w) + sw * s, -i, right)
        for i, (f, c, w, s, right) in enumerate(case[1])
    ]
    return float(max(scored)[2])


def macro(cs: list[Case], grid: Grid) -> float:
    by: dict[str, list[float]] = defaultdict(list)
    for c in cs:
        by[c[0]].append(hit1(c, grid))
    return sum(sum(v) / len(v) for v in by.values()) / len(by)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, nargs="*", default=[REPO / "evals" / "untuned-dev"])
    args = parser.parse_args()
    settings = load_settings()
    a = Assistant(settings)
    all_cases = cases(a, load_gold(default_gold_paths(settings.gold_dir), a.index.articles, a.cities))
    for extra in args.corpus:
        with open_corpus(extra, settings) as b:
            items = load_gold(question_files(extra), b.index.articles, b.cities)
            all_cases += cases(b, items, extra.name)
    grids = list(itertools.product(CLAUSE_WEIGHTS, SHARES, SIMILARITIES))
    w = settings.weights
    shipped = (w.rerank_clause_weight, w.rerank_best_clause_share, w.rerank_clause_similarity)
    lexical_only = [g for g in grids if g[2] == 0]
    choose = lambda cs, gs: max(gs, key=lambda g: (macro(cs, g), -g[0], -g[2]))  # noqa: E731
    corpora = sorted({c[0] for c in all_cases})
    print(
        "| held-out corpus | n | fused only | shipped weights | chosen without clause similarity | chosen |"
        " chosen with it | chosen |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for held in corpora:
        train = [c for c in all_cases if c[0] != held]
        test = [c for c in all_cases if c[0] == held]
        lex, best = choose(train, lexical_only), choose(train, grids)
        print(
            f"| {held} | {len(test)} | {macro(test, (0.0, 0.5, 0.0)):.3f} | {macro(test, shipped):.3f} "
            f"| {macro(test, lex):.3f} | {lex} | {macro(test, best):.3f} | {best} |"
        )
    best = choose(all_cases, grids)
    print(
        f"\nOn all corpora (mean over corpora): fused only {macro(all_cases, (0.0, 0.5, 0.0)):.3f}, "
        f"shipped {shipped} {macro(all_cases, shipped):.3f}, chosen {best} {macro(all_cases, best):.3f}"
    )


if __name__ == "__main__":
    main()
