"""Which of a place's documents a question names, however it shortens the title.

People name a document by what sets it apart, not by its full title: 「常务会议工作规则第十五条」,
「常务会议规则第二十条」, 「专题会规则第九条」 and 「大同市政府全体会议工作规则第四条」 (the place
taken out before the search leaves 「政府全体会议工作规则」) all name one of 大同's meeting rules. A title
and the question are compared by their cores: without the place, the government that issued it
(市政府, 人民政府 …), 工作, and with 会议 said 会. The longest core the question contains names the
document (「落实市委重大决策部署专题会规则」 before 「专题会规则」); a core of one word (规则, the main work
rules) names nothing by itself, but 「市政府工作规则」, 「区人民政府工作规则」 name a place's main work rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ISSUER = re.compile(r"[市区县]?(?:人民)?政府")
_MIN_CORE = 4  # 「常务会规则」 names a document; 「规则」 alone does not


def _core(text: str, places: Sequence[str]) -> str:
    for place in sorted(places, key=len, reverse=True):
        text = text.replace(place, "")
    return _ISSUER.sub("", text.replace("工作", "").replace("会议", "会"))


def named_document(question: str, titles: Sequence[str], places: Sequence[str]) -> str | None:
    """The title among ``titles`` that ``question`` names (by its core), or None."""
    said = _core(re.sub(r"\s", "", question), places)
    cores = {t: _core(t, places) for t in titles}
    named = [t for t, core in cores.items() if len(core) >= _MIN_CORE and core in said]
    if not named and _MAIN_RULES.search(question):
        # 「大同市政府工作规则什么时候施行」: the place's own work rules (no core of their own), not its meeting rules
        named = [t for t, core in cores.items() if len(core) < _MIN_CORE] or []
        return named[0] if len(named) == 1 else None
    return max(named, key=lambda t: len(cores[t]), default=None)


_MAIN_RULES = re.compile(r"政府工作规则")  # (the place may have been taken out: 「政府工作规则」)
