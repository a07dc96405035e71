"""A choice question (「纪要是分开出还是合一起出」, 「算个人意见还是单位意见」) is answered by a clause that speaks
of one of its choices.

The choices are the stretches either side of 还是: from the last break or 是 before it, to the next break after it.
A clause that shares no two-character word with either choice (「常务会可与议事协调机构会议套开」 for whether the
minutes are one or two) does not choose between them. 还是 as "still" (「协商后还是谈不拢」) reads as a choice too;
its stretches are ordinary words of the question, which a clause answering it shares.
"""

from __future__ import annotations

import re

from assistant.textnorm import normalize

_CHOICE = re.compile(r"([^，。？?；;！!,是]{1,12})还是([^，。？?；;！!,]{1,12})")
# what says nothing of which choice, at a side's ends: asking, being (「算个人的」, 「单位的呢」)
_EMPTY = re.compile(r"^[算是就都也要得]+|[的了吗呢吧啊呀]+$")


def _bigrams(text: str) -> set[str]:
    t = _EMPTY.sub("", text)
    return {t[i : i + 2] for i in range(len(t) - 1)}


def choices(question: str) -> tuple[str, str] | None:
    """The two choices a question offers (None: it offers none)."""
    m = _CHOICE.search(normalize(question))
    return (m.group(1), m.group(2)) if m else None


def choice_unanswered(question: str, text: str) -> bool:
    """``question`` offers a choice and ``text`` (the quotes) speaks of neither side of it."""
    offered = choices(question)
    if offered is None:
        return False
    t = normalize(text)
    return not any(b in t for side in offered for b in _bigrams(side))
