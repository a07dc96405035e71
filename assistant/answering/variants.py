"""One provision a place sets differently in two of its documents: 大同's 常务会议 rules cap a report at 1500
characters (「汇报稿字数一般不超过 1500 字」), its 市长办公会议 rules at 1200. Asked the quantity without naming the
meeting (「汇报稿最多写多少字」), either clause alone is half the answer and reads as the whole: both are quoted,
each with its document, so that the user sees which meeting sets which.

The other clause must restate the quoted one but for its numbers (``restates`` on the texts with numbers taken out)
and state a different amount; a clause of another meeting, role or issuer than the question names is not a variant.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answering.consensus import restates
from assistant.answering.quantities import NUMERAL, amounts
from assistant.models import Article, Citation, Hit

_NUMBER = re.compile(NUMERAL)


def _without_numbers(text: str) -> str:
    return _NUMBER.sub("", text.replace(" ", ""))


def varying(
    quotes: Sequence[Citation],
    hits: Sequence[Hit],
    best_of: Callable[[Article], str],
    another: Callable[[Article, str], bool],
    alike: float,
    depth: int = 3,
) -> Citation | None:
    """The clause of another document of the same place among the first ``depth`` of ``hits`` (after the top one)
    that restates a quote of ``quotes`` (``alike``: how much, numbers aside) with another amount; None when there is
    none.
    ``best_of``: an article's clause that best answers; ``another``: whether a clause is of another meeting, role
    or issuer than asked."""
    stating = [c for c in quotes if amounts(c.quote)]
    if not stating or not hits:
        return None
    top = hits[0].article
    for h in hits[1:depth]:
        art = h.article
        if art.city != top.city or art.document == top.document:
            continue
        clause = best_of(art)
        said = amounts(clause) if clause else frozenset()
        if not said or another(art, clause):
            continue
        for c in stating:
            units = {u for _, u in amounts(c.quote)}
            if (
                said != amounts(c.quote)
                and {u for _, u in said} == units
                and (restates(_without_numbers(clause), _without_numbers(c.quote)) >= alike)
            ):
                return Citation(art, clause)
    return None
