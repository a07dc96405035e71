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
from dataclasses import dataclass
from pathlib import Path

import numpy as np

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
DEPTHS = [5, 10, 15, 20]  # fused candidates reranked
Grid = tuple[float, float, float, int]
# per question: its corpus, and per candidate (in fused order, DEPTHS[-1] at most)
# (fused score / top, best clause score, whole coverage, closest clause's cosine, right?)
Case = tuple[str, list[tuple[float, float, float, float, bool]]]


@dataclass(frozen=True)
class Cases:
    """The cases as arrays (questions × candidates, padded), for scoring a whole grid quickly."""

    corpus: np.ndarray
    values: np.ndarray  # (n, depth, 4): fused / top, clause, whole, cosine
    right: np.ndarray  # (n, depth) bool
    present: np.ndarray  # (n, depth) bool

    @classmethod
    def of(cls, cs: list[Case]) -> Cases:
        n, depth = len(cs), DEPTHS[-1]
        values, right, present = np.zeros((n, depth, 4)), np.zeros((n, depth), bool), np.zeros((n, depth), bool)
        for i, (_, cands) in enumerate(cs):
            for j, (*v, r) in enumerate(cands[:depth]):
                values[i, j], right[i, j], present[i, j] = v, r, True
        return cls(np.array([c[0] for c in cs]), values, right, present)

    def where(self, mask: np.ndarray) -> Cases:
        return Cases(self.corpus[mask], self.values[mask], self.right[mask], self.present[mask])


def cases(a: Assistant, items: list[GoldItem], corpus: str | None = None) -> list[Case]:
    fused = HybridRetriever(a.index, a.settings.weights)
    depth = DEPTHS[-1]
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


def macro(cs: Cases, grid: Grid) -> float:
    """Mean over corpora of hit@1 with ``grid``'s weights and depth (ties go to the earlier fused rank)."""
    cw, share, sw, depth = grid
    v = cs.values
    score = (1 - cw) * v[..., 0] + cw * (share * v[..., 1] + (1 - share) * v[..., 2]) + sw * v[..., 3]
    score[:, depth:] = -np.inf
    score[~cs.present] = -np.inf
    hit = cs.right[np.arange(len(score)), score.argmax(axis=1)]
    return float(np.mean([hit[cs.corpus == c].mean() for c in np.unique(cs.corpus)]))


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
    grids = list(itertools.product(CLAUSE_WEIGHTS, SHARES, SIMILARITIES, DEPTHS))
    w = settings.weights
    shipped = (w.rerank_clause_weight, w.rerank_best_clause_share, w.rerank_clause_similarity, w.rerank_depth)
    fused_only = (0.0, 0.5, 0.0, DEPTHS[-1])
    # among equals, the lighter clause weight, the lighter similarity and the shallower depth
    choose = lambda cs, gs: max(gs, key=lambda g: (macro(cs, g), -g[0], -g[2], -g[3]))  # noqa: E731
    every = Cases.of(all_cases)
    print(
        "| held-out corpus | n | fused only | shipped weights | chosen at the shipped depth | chosen | chosen | weights, depth |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for held in sorted(set(every.corpus)):
        train, test = every.where(every.corpus != held), every.where(every.corpus == held)
        at_depth = choose(train, [g for g in grids if g[3] == w.rerank_depth])
        best = choose(train, grids)
        print(
            f"| {held} | {len(test.corpus)} | {macro(test, fused_only):.3f} | {macro(test, shipped):.3f} "
            f"| {macro(test, at_depth):.3f} | {at_depth} | {macro(test, best):.3f} | {best} |"
        )
    best = choose(every, grids)
    print(
        f"\nOn all corpora (mean over corpora): fused only {macro(every, fused_only):.3f}, "
        f"shipped {shipped} {macro(every, shipped):.3f}, chosen {best} {macro(every, best):.3f}"
    )
    for d in DEPTHS:
        g = choose(every, [g for g in grids if g[3] == d])
        print(f"depth {d}: shipped weights {macro(every, (*shipped[:3], d)):.3f}, chosen {g} {macro(every, g):.3f}")


if __name__ == "__main__":
    main()
