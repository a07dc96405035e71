"""Who a body is made up of, as a yes/no question states it: 「城区常务会由区长、副区长、秘书长组成对吗」 against the
quoted clause's 「由区长、副区长、办公室主任组成」. The line before the quote says whether the members stated are the
rule's: the same, someone left out (不完全一致), or someone the rule does not name (不同).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.quantities import to_confirm
from assistant.textnorm import normalize

# Who a body is made up of, listed (「由区长、副区长、办公室主任组成」; not 「组成部门」, 「组成人员」)
_MEMBERS = re.compile(r"由(?P<list>[^，。；,;？?！!]{2,60}?)组成(?!部门|人员)")
_MEMBER_SEPARATOR = re.compile(r"、|和|及|与|以及")
_WHOSE = re.compile(r"^(?:[市区县州]?(?:人民)?政府)|的")  # whose a member is (「区政府工作部门的主要负责人」)


def _members(listed: str) -> list[str]:
    return [_WHOSE.sub("", m) for m in _MEMBER_SEPARATOR.split(listed) if m.strip()]


def members_verdict(question: str, quotes: Sequence[str]) -> str:
    """Whether the members a yes/no question lists (「城区常务会由区长、副区长、秘书长组成对吗」) are the ones the
    quoted clause lists (「由区长、副区长、办公室主任组成」): the same, some left out, or someone else named; "" when
    the question lists none to confirm or no quote lists members."""
    q = normalize(question)
    claim = _MEMBERS.search(q)
    if claim is None or _ASKING_WHO.search(claim.group("list")):
        return ""  # 「由哪些人组成，各地一样吗」: the members asked, not stated
    if not to_confirm(q):
        return ""
    stated = next((m for quote in quotes for m in _MEMBERS.finditer(normalize(quote))), None)
    if stated is None:
        return ""
    theirs, ours = _members(stated.group("list")), _members(claim.group("list"))

    def among(member: str, others: list[str]) -> bool:
        return any(member in o or o in member for o in others)

    said = stated.group(0)
    if any(not among(m, theirs) for m in ours):
        return f"与问题中的说法不同：条文写明的是「{said}」。"  # someone the rule does not name
    if any(not among(m, ours) for m in theirs):
        return f"与问题中的说法不完全一致：条文写明的是「{said}」。"  # someone left out
    return f"与问题中的说法一致：条文写明的是「{said}」。"


_ASKING_WHO = re.compile(r"哪|谁|什么|啥|几")
