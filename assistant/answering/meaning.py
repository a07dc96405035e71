"""What a term means: 「13710平台这几个数字代表啥意思」, 「“三重一大”是什么意思」, 「什么叫督考合一」.

Such a question asks a definition. A clause that only uses the term (「用好“13710”信息化督办平台」) says what is
to be done with it, not what it means; the answerer then looks for a sentence of the article that does define it
(「…是指…」, 「即…」, 「以下简称…」), and else says the rules do not explain it.
"""

from __future__ import annotations

import re

from assistant.textnorm import normalize

_ASKED = re.compile(
    r"(?:什么|啥|何)(?:意思|含义|意义)|(?:意思|含义)(?:是|指)?(?:什么|啥)"
    r"|(?:具体)?(?:指|代表|指代)(?:的是)?(?:什么|啥|哪些)|怎么理解|(?:什么|啥)叫|何谓"
)
# a clause that says what something means: 是指, 指的是, 即, 简称 (one name for another), 含义
_SAID = re.compile(r"是指|指的是|系指|即(?![将使便时可])|简称|统称|含义|意思是")


def asks_meaning(question: str) -> bool:
    """Whether ``question`` asks what a term means."""
    return bool(_ASKED.search(normalize(question)))


def states_meaning(text: str) -> bool:
    """Whether ``text`` says what something means."""
    return bool(_SAID.search(normalize(text)))


def meaning_unstated(question: str, text: str) -> bool:
    """``question`` asks what a term means and ``text`` (the quotes) explains nothing."""
    return asks_meaning(question) and not states_meaning(text)
