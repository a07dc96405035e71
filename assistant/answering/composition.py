"""Who a body or meeting is made up of: 「咨询委员会由哪些人组成」, 「常务会成员都有谁」, 「组成人员有哪些」.

Such a question asks a body's members. A clause that names the body without saying what it is made up of
(「…也可邀请…市政府咨询委员会委员…列席会议」: they are invited, not its members listed) does not answer it; the
answerer then looks for a sentence of the article that does (「…由…组成」), and else says the rules do not set it.
"""

from __future__ import annotations

import re

from assistant.answering.asking import ASKS_COMPOSITION, named_before
from assistant.textnorm import normalize

# 「由哪些人组成」, 「由谁组成」, 「是哪几个人组成的」, 「组成人员有哪些」, 「成员都有谁」, 「怎么组成」
_ASKED = re.compile(ASKS_COMPOSITION)
_SAID = re.compile(r"组成|成员|由[^，。；]{2,40}(?:构成|参加)")


# words between the body named and the asking (「都」, 「分别」, 「有」)
_AROUND = re.compile(r"(?:分别|各自|都|是|由|的|有|又|还)+$")
# the collective noun for a body's members (「市政府班子」, 「领导班子」): the body itself is what comes before it
_COLLECTIVE = re.compile(r"(?:领导)?班子$")


def asks_composition(question: str) -> bool:
    """Whether ``question`` asks who a body or meeting is made up of."""
    return bool(_ASKED.search(normalize(question)))


def body_asked(question: str) -> str:
    """The body whose members are asked, as the question names it, without its government's level
    (「市政府咨询委员会由哪些人组成」 → 「咨询委员会」; 「市政府由哪些人组成」 → 「市政府」; 「市政府班子」 → 「市政府」);
    "" when not asked."""
    return _COLLECTIVE.sub("", named_before(question, _ASKED, _AROUND))


def _head(body: str) -> str:
    """The last two characters of the body named, after any places listed or said before it (its head: 员会 of
    委员会, 务会 of 常务会, 政府 of 「大同市政府和晋城城区政府」), which a clause naming it has whatever the place
    or level said before it (「大同常务会」, 「市政府咨询委员会」)."""
    return re.split(r"[和与及、的]", body)[-1][-2:]


def states_composition(text: str, body: str = "") -> bool:
    """Whether ``text`` says what something (``body``, when given) is made up of."""
    t = normalize(text)
    return bool(_SAID.search(t)) and (not body or _head(body) in t)


def composition_unstated(question: str, text: str) -> bool:
    """``question`` asks a body's members and ``text`` (the quotes) says nothing of what it is made up of."""
    return asks_composition(question) and not states_composition(text, body_asked(question))
