"""Whether there is a thing at all: 「常务会开到晚上，参会的有没有加班补助」, 「列席的人大代表有补贴没」.

A question that asks whether there is X (有没有, 有无, 是否有) asks of X itself. When no article of the
knowledge base has any content word of X (as the tokenizer reads them), the rules cannot say there is one,
whatever clause on the question's other words is found. X whose head (its last word) names an aspect of
what is asked about rather than a thing (区别, 限制, 上限, 期限, 标准, 要求, 规定 …) or a measure (天数, 人数)
is no thing of its own: 「字数有没有上限」, 「有没有类似规定」 ask of what is said before them.

Any yes/no question asks of the thing it names last in the clause that asks (``absent_object``): 「绩效考核结果跟
年终奖挂钩吗」 asks of 年终奖, 「出差能不能坐公务舱」 of 公务舱. When no article has that thing, nor any word the lexicon
says for it, the rules cannot say yes or no to it; nor can one place's rules when only another place's name it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Literal

from assistant.answering.analysis import Group, named_ends
from assistant.answering.asking import SCOPE_WORDS
from assistant.answering.roles import ROLE
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
        "理由",
        "原因",
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


_CLAUSES = re.compile(r"[,，;；。?？!！\s]+")
# a yes/no asking: the A-not-A form (能不能, 要不要), 是否 / 能否 / 可否, or a closing 吗 / 么 / 嘛 / 没 / 不
_WHETHER = re.compile(r"([\u4e00-\u9fff])不\1|有没有|是否|能否|可否|[吗么嘛]$|(?<=..)(?:没有|没|不)$")
# a question that asks something else besides (who, when, how long, how many, which, how): 「家属没说要不要接着弄，拖多久
# 就终止」 asks how long; its 要不要 is the family's
_ASKS_ELSE = re.compile(r"谁|什么|啥|哪|几|多久|多长|多少|多大|怎么|怎样|如何|咋|为何|为什么")


# a role, a body or a place (副局长, 负责人, 县区, 镇街, 省委): named by each place in its own way (县（市）区, 负责同志),
# so not looked for in the place's own rules word for word
_BODY = re.compile(rf"{ROLE.pattern}|负责|领导|人员|干部|[省市县区乡镇街村]")


def asked_thing(question: str, groups: Sequence[Group]) -> Group | None:
    """The group a yes/no ``question`` asks of: the word of ``groups`` said last in the last clause, a noun with no
    noun after it: 「跟年终奖挂钩吗」 asks of 年终奖, 「有没有硬性天数」 of 天数 (硬性 only says which), 「散会后能带走吗」
    of 会后, 「能以市政府的名义去县里督查吗」 of the doing 督查 (None). None, too, for a premise put to be confirmed
    (「…是投票定的吧」: answered by the clause that corrects it), a comparison (it asks how places differ), a question
    that asks something else besides, an aspect or a measure (上限, 天数), and a name the tokenizer guessed."""
    q = normalize(question)
    if q.rstrip("?？!！。 ").endswith("吧") or SCOPE_WORDS.search(q) or _ASKS_ELSE.search(q):
        return None
    asking = next((c for c in reversed(_CLAUSES.split(q)) if c), "")  # the last clause asks
    ends = named_ends(asking, groups) if _WHETHER.search(asking) else []
    if not ends:
        return None
    end, last = max(ends, key=lambda t: t[0])
    tagged = default_tokenizer().tagged
    if not last.noun or any(len(w) >= 2 and (tag.startswith("n") or w in _ASPECTS) for w, tag in tagged(asking[end:])):
        return None
    head = last.alternatives[0]
    if head in _ASPECTS or head.endswith("数"):
        return None
    # a name the tokenizer guessed (「往里加」 read as a person's name 里加) is no thing asked of
    return None if any(w == head and tag.startswith(("nr", "ns", "nt")) for w, tag in tagged(asking)) else last


def absence(
    thing: Group, known: Callable[[str], bool], here: Callable[[str], bool] | None = None
) -> Literal["nowhere", "elsewhere"] | None:
    """Where the rules lack ``thing`` (``asked_thing``): "nowhere" when none of its alternatives is ``known`` (in some
    article); "elsewhere" when, with ``here``, none is in the place's own rules (「简报要先经办公室核准吗」 where only
    another place speaks of 核准) and it is no role, body or place; else None."""
    if not any(known(a) for a in thing.alternatives):
        return "nowhere"
    if here is None or _BODY.search(thing.alternatives[0]) or any(here(a) for a in thing.alternatives):
        return None
    return "elsewhere"


def absent_object(
    question: str, groups: Sequence[Group], known: Callable[[str], bool], here: Callable[[str], bool] | None = None
) -> str | None:
    """The thing a yes/no ``question`` asks of (``asked_thing``) when the rules lack it (``absence``); else None."""
    thing = asked_thing(question, groups)
    return thing.alternatives[0] if thing is not None and absence(thing, known, here) else None
