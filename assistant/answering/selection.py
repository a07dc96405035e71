"""How someone comes to hold a post: 「参事是怎么聘任的」, 「法律顾问怎么选聘」, 「委员是怎么产生的」.

Such a question asks the way a person is chosen (appointed, engaged, elected). A clause that names the
person without any word of choosing (聘, 选, 任命, 产生, 推荐, 提名 …) says what they do or where they sit
in, not how they come to it; the answerer then looks for a sentence of the article that does say it, and
else says the rules do not set it.
"""

from __future__ import annotations

import re

from assistant.answering.asking import named_before
from assistant.textnorm import normalize

_HOW = r"(?:怎么|怎样|如何|咋|通过什么(?:方式|程序|途径)|按什么(?:方式|程序))"
# the doings of choosing a person (not a bare 选 or 确定: 「议题怎么选」 chooses a thing)
_CHOOSING = r"(?:聘任|聘用|选聘|聘请|聘|选拔|任命|任免|推选|遴选|招聘|录用|委任|产生|选出|选上|选举)"
# how (「怎么选出来的」), or by whom (「谁来任命」, 「由谁聘任」): the choosing is asked either way
_ASKED = re.compile(rf"{_HOW}(?:样)?(?:来|去|进行)?{_CHOOSING}|(?:由|归)?谁(?:来|负责)?{_CHOOSING}")
# a clause that says how someone is chosen names a doing of choosing
_SAID = re.compile(r"聘|选|任命|任免|产生|推荐|委任|录用|提名")


def asks_selection(question: str) -> bool:
    """Whether ``question`` asks how a person is chosen for a post."""
    return bool(_ASKED.search(normalize(question)))


# words between the person named and the asking (「是」, 「都」)
_AROUND = re.compile(r"(?:是|都|要|得|的|又|还|一般)+$")


def person_asked(question: str) -> str:
    """The post whose holder's choosing is asked, as the question names it, without its government's level
    (「区政府法律顾问是怎么选聘的」 → 「法律顾问」); "" when none is named before the asking."""
    return named_before(question, _ASKED, _AROUND)


def states_selection(text: str, person: str = "") -> bool:
    """Whether ``text`` says anything of choosing someone (the ``person`` asked, when given: its last two
    characters, the post's head (顾问 of 法律顾问), are named there — not 「讨论通过…重要人事任免事项」 for a
    法律顾问)."""
    t = normalize(text)
    return bool(_SAID.search(t)) and (not person or person[-2:] in t)


def selection_unstated(question: str, text: str) -> bool:
    """``question`` asks how someone is chosen and ``text`` (the quotes) says nothing of choosing them."""
    return asks_selection(question) and not states_selection(text, person_asked(question))
