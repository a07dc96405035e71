"""Further quotes the question's asking calls for, beyond those that add its words.

A list asked (「要听取哪些方面的意见」) is answered by the clause that enumerates the things asked
(「…听取市政府参事、专家和社会公众意见」) besides the best (「广泛听取各方面的意见」); limits asked
(「对部门自己搞督查有啥限制」) by each limit the article sets on the doing (「严禁重复督查…」 and 「未经批准，
…不得以市政府名义开展督查」). Pure functions over an article's scored clauses (score, position, clause).
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering.analysis import Group
from assistant.answering.asking import QUESTION_TYPES, question_types
from assistant.answering.lists import asks_for_list, enumerating
from assistant.answering.scoring import coverage

Scored = tuple[float, int, str]


def asked_extras(
    question: str, groups: Sequence[Group], scored: Sequence[Scored], chosen: Sequence[Scored], ratio: float
) -> list[Scored]:
    """The clauses to quote beside ``chosen`` (the best first): the enumerating one for a list, when it scores
    at least ``ratio`` × the best (as a further quote must); another limit with the question's words as the
    best has them."""
    best, out = chosen[0], []
    if asks_for_list(question) and not any(enumerating(question, c[2]) for c in chosen):
        listing = next((c for c in scored[1:] if c[0] >= ratio * best[0] and enumerating(question, c[2])), None)
        out += [listing] if listing is not None else []
    if "limit" in question_types(question):
        limit, floor = QUESTION_TYPES["limit"][1], coverage(groups, best[2])
        more = next(
            (
                c
                for c in scored
                if c not in chosen and c not in out and limit.search(c[2]) and coverage(groups, c[2]) >= floor > 0
            ),
            None,
        )
        out += [more] if more is not None else []
    return out
