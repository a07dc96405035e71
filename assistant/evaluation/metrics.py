"""Metric functions. Pure: lists of ids in, numbers out — tested on hand-made cases."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from assistant.textnorm import match_key


def hit_at(ranked: Sequence[str], gold: Iterable[str], k: int) -> float:
    g = set(gold)
    return 1.0 if any(r in g for r in ranked[:k]) else 0.0


def mrr_at(ranked: Sequence[str], gold: Iterable[str], k: int = 5) -> float:
    g = set(gold)
    for rank, r in enumerate(ranked[:k], start=1):
        if r in g:
            return 1.0 / rank
    return 0.0


def citation_precision(cited: Sequence[str], gold_groups: Sequence[Iterable[str]]) -> float | None:
    """Share of cited articles that are gold (any alternative). None when nothing was cited."""
    if not cited:
        return None
    ok = set().union(*map(set, gold_groups)) if gold_groups else set()
    return sum(1 for c in cited if c in ok) / len(cited)


def citation_recall(cited: Sequence[str], gold_groups: Sequence[Iterable[str]]) -> float | None:
    """Share of required citations present (a group is met by any of its alternatives)."""
    if not gold_groups:
        return None
    c = set(cited)
    return sum(1 for g in gold_groups if c & set(g)) / len(gold_groups)


def key_facts(answer: str, must: Sequence[Sequence[str]]) -> bool:
    """Every group has an alternative in the answer (ignoring spaces and punctuation width)."""
    text = match_key(answer)
    return all(any(match_key(alt) in text for alt in group) for group in must)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0–100)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def mean(values: Iterable[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def refusal_scores(outcomes: Sequence[tuple[bool, bool]]) -> dict[str, float | None]:
    """``outcomes``: (answerable, refused) per question."""
    refused = [a for a, r in outcomes if r]
    unanswerable = [r for a, r in outcomes if not a]
    answerable = [r for a, r in outcomes if a]
    tp = sum(1 for a, r in outcomes if r and not a)
    return {
        "refusal_precision": tp / len(refused) if refused and unanswerable else None,  # none to refuse: no score
        "refusal_recall": tp / len(unanswerable) if unanswerable else None,
        "false_refusal_rate": sum(answerable) / len(answerable) if answerable else None,
        "false_refusals": float(sum(answerable)),
    }
