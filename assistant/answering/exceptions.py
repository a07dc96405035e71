"""A number asked of the very case a clause sets apart: 「城区部署全局性工作的公文有字数上限吗」 quoted 「除部署全局性、
综合性工作外，字数一般不超过3000字」. The 3000 is for every other document; read alone, the quote seems to answer
with it. The answer says so in one line: the case asked is the one set apart (除…外), and the clause sets no number
for it.

The case asked is told by its own words: a word of two or more characters of the 除…外 phrase that the rest of the
quote does not say (全局性, not 部署, which the rule for 专项工作 says too; not 部门 or 时限 of 「除主办部门另有时限
要求外」, which the clause says of the others too) and the question does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.quantities import amounts, asked
from assistant.retrieval.tokenizer import default_tokenizer
from assistant.textnorm import normalize

_EXCEPT = re.compile(r"除(?P<case>[^，,。；;除]{2,30}?)(?:以)?外[，,]?(?P<rule>[^。；;]*)")
# words of a rule for the other cases that name no case (「一般不超过3000字」, 「部署专项工作或具体任务的…」: 专项 does)
_PLAIN = frozenset({"字数", "工作", "时间", "天数"})
# a limit or number asked without the words of a quantity (「有字数上限吗」, 「有没有限制」)
_LIMIT_ASKED = re.compile(r"上限|下限|限制|限定|字数|篇幅")


def excepted(question: str, quotes: Sequence[str]) -> str:
    """The line saying the case ``question`` asks a number of is the one a quoted clause sets apart (「除…外」), and
    that clause's number is not for it; "" otherwise."""
    q = normalize(question)
    if asked(q) is None and not _LIMIT_ASKED.search(q):
        return ""
    for quote in quotes:
        for m in _EXCEPT.finditer(quote):  # as the rules write it: the line quotes it
            rule = m.group("rule")
            first = re.split(r"[，,]", rule, maxsplit=1)[0]
            if not amounts(first):
                continue  # 「除…外，原则上不应请假」: no number set for the others
            # another quote sets a number too (「那请示呢」 after a question on 综合性 documents): its own
            if any(amounts(other) for other in quotes if other != quote):
                return ""
            case = m.group("case")
            rest = normalize(quote[: m.start("case")] + quote[m.end("case") :])  # the clause but the case
            own = [w for w, _ in default_tokenizer().tagged(case) if len(w) >= 2 and w not in rest]
            others = [
                w for w, f in default_tokenizer().tagged(rule) if len(w) >= 2 and f.startswith("n") and w not in case
            ]
            if any(normalize(w) in q for w in own) and not any(w in q for w in others if w not in _PLAIN):
                said = m.group(0)[: m.start("rule") - m.start() + len(first)]
                return f"所问的正是条文除外的情形：条文写明「{said}」，没有为「{case}」规定这一数字。"
    return ""
