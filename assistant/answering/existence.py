"""Whether there is a thing at all: 「常务会开到晚上，参会的有没有加班补助」.

A question that asks whether there is X (有没有, 有无, 是否有) asks of X itself. When no article of the
knowledge base has any content word of X (as the tokenizer reads them), the rules cannot say there is one,
whatever clause on the question's other words is found. X whose head (its last word) names an aspect of
what is asked about rather than a thing (区别, 限制, 上限, 期限, 标准, 要求, 规定 …) or a measure (天数, 人数)
is no thing of its own: 「字数有没有上限」, 「有没有类似规定」 ask of what is said before them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.retrieval.tokenizer import default_tokenizer
from assistant.textnorm import normalize

_ASKED = re.compile(r"(?:有没有|有无|是否有|有没)([^，。？?！!；;,吗呢吧]{2,12})")
# nouns of an aspect, a relation or a limit of something, not things of their own
_ASPECTS = frozenset(
    [
        "区别",
        "不同",
        "差别",
        "差异",
        "区分",
        "对应",
        "限制",
        "上限",
        "下限",
        "期限",
        "时限",
        "时长",
        "标准",
        "要求",
        "规定",
        "程序",
        "流程",
        "手续",
        "说法",
        "讲究",
        "规矩",
        "门槛",
        "条件",
        "例外",
        "办法",
        "依据",
        "范围",
        "影响",
        "后果",
        "变化",
        "讲法",
        "必要",
        "需要",
        "可能",
        "问题",
        "情况",
    ]
)


def absent_thing(question: str, known: Callable[[str], bool]) -> str | None:
    """The thing ``question`` asks whether there is, when none of its content words is ``known`` (in some
    article); else None."""
    m = _ASKED.search(normalize(question))
    if m is None:
        return None
    words = [w for w, tag in default_tokenizer().tagged(m.group(1)) if len(w) >= 2 and tag.startswith(("n", "v"))]
    # the head, last, says what it is: an aspect (「类似规定」, 「天数要求」) or a measure (「硬性天数」) is asked of
    # something said before it
    if not words or words[-1] in _ASPECTS or words[-1].endswith("数") or any(known(w) for w in words):
        return None
    return m.group(1)
