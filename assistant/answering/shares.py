"""A share a yes/no question states (「常务会出席人数过三分之一就能开是吗」) against the share the quoted clause sets
(「出席人数须达到组成人员的半数以上方可召开」). The line before the quote says whether the question's share is the
rule's, less than it (不同: the meeting could not be held), or more (不完全一致: more than the rule asks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from assistant.answering.quantities import number_value, to_confirm
from assistant.textnorm import normalize

_DIGIT = r"[0-9一二两三四五六七八九十]+"
# a share as the rules and questions say it: 三分之二, 2/3, 半数, 一半, 过半, 60%
_SHARE = re.compile(
    rf"(?:(?P<d>{_DIGIT})\s*分之\s*(?P<n>{_DIGIT})|(?P<half>半数|一半|过半)|(?P<pct>[0-9]+)\s*[%％])(?:\s*(?:以上|以下))?"
)


def _value(m: re.Match[str]) -> Fraction | None:
    if m.group("half"):
        return Fraction(1, 2)
    if m.group("pct"):
        return Fraction(int(m.group("pct")), 100)
    d, n = number_value(m.group("d")), number_value(m.group("n"))
    return Fraction(n, d) if d and n and n <= d else None


def _words(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _case_asked(q: str, parts: list[tuple[str, re.Match[str]]]) -> re.Match[str]:
    """The share for the case asked: the first one stated (the rule), unless the question names what only a later
    part says (「其中研究有关人事任免事宜的议题…三分之二以上」 for 「研究干部任免…过半数就能开吧」: 任免)."""
    first = _words(_SHARE.sub("", parts[0][0]))
    asked = _words(_SHARE.sub("", q))
    own = [(len((_words(_SHARE.sub("", part)) - first) & asked), m) for part, m in parts[1:]]
    best = max(own, key=lambda t: t[0], default=(0, parts[0][1]))
    return best[1] if best[0] > 0 else parts[0][1]


def share_verdict(question: str, quotes: Sequence[str]) -> str:
    """Whether the share a yes/no question states is the one the quoted clauses set for the case asked (see
    ``_case_asked``); "" when the question states none or no quote sets one."""
    q = normalize(question)
    claim = _SHARE.search(q)
    if claim is None or not to_confirm(q):
        return ""
    value = _value(claim)
    parts = [
        (part, m)
        for quote in quotes
        for part in re.split(r"[，。；,;]", normalize(quote))
        for m in _SHARE.finditer(part)
    ]
    if value is None or not parts:
        return ""
    best = _case_asked(q, parts)
    stated = _value(best)
    if stated is None:
        return ""
    said = best.group(0)
    if value == stated:
        return f"与问题中的说法一致：条文写明的是「{said}」。"
    if value < stated:
        return f"与问题中的说法不同：条文写明的是「{said}」。"
    return f"与问题中的说法不完全一致：条文写明的是「{said}」。"
