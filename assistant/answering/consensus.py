"""Comparisons across places: parallel rules answer alike.

Jurisdictions write their work rules from one model, so when several places are compared the clauses
that answer are alike from place to place (「市长出差期间，受市长委托，由负责常务工作的副市长代行市长职务」,
「市长离咸期间,受市长委托,由常务副市长主持市政府工作」). A place whose chosen clause is unlike the
others', while another of its top articles has a clause like theirs, most likely chose wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering.scoring import bigram_overlap, bigrams

SAME_LEVEL = str.maketrans("区县", "市市")  # 区长 and 市长 hold the same office at their level


def likeness(a: str, b: str) -> float:
    """Share of the shorter text's character pairs the other has too (0–1), levels aside."""
    return bigram_overlap(a.translate(SAME_LEVEL), b.translate(SAME_LEVEL))


def restates(a: str, b: str) -> float:
    """Share of the longer text's character pairs the other has too (0–1), levels aside: high only when both
    say the same thing (a short clause is not a restatement of every long one that has its words)."""
    x, y = bigrams(a.translate(SAME_LEVEL)), bigrams(b.translate(SAME_LEVEL))
    return len(x & y) / max(len(x), len(y)) if x and y else 0.0


def most_alike(candidates: Sequence[tuple[float, str]], others: Sequence[str], weight: float) -> int:
    """Index of the candidate (its clause score, its clause) that best answers and best agrees with
    the other places' answers: score × (1 + ``weight`` × likeness to the most alike of ``others``)."""

    def agreed(i: int) -> float:
        score, clause = candidates[i]
        return score * (1 + weight * max((likeness(clause, o) for o in others), default=0.0))

    return max(range(len(candidates)), key=lambda i: (agreed(i), -i))
