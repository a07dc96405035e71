"""Who attends a meeting: its members and those who sit in (列席).

A question asking who attends (「常务会哪些人参加」, 「全体会都有谁参加」) is answered by a meeting's
composition clause (「…由市长、副市长、秘书长组成」) only in part: the rules say in another sentence of
the same article who else attends as needed (「根据需要可安排…负责人列席会议」), and that is quoted
beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.models import Citation

_ASKS = re.compile(
    r"(?:哪些人|谁|什么人|哪些部门|哪些单位)[^，。？?；;]{0,4}(?:参加|出席|参会|到会)"
    r"|(?:参加|出席|参会)的?(?:人员|人)?(?:有|是|包括)(?:谁|哪些)"
)
_COMPOSED = "组成"
# who else is brought in as needed (「可安排…列席」, 「也可邀请…列席」), not what 列席人员 must do
_SITTING_IN = re.compile(r"(?:安排|邀请|可以?)[^。；;]*列席")


def sitting_in(question: str, quotes: Sequence[Citation], context: list[str]) -> str | None:
    """When ``quotes`` give a meeting's members for a question asking who attends, the sentence of their
    article (``context``: its sentences) saying who sits in; None otherwise."""
    joined = "".join(c.quote for c in quotes)
    if not _ASKS.search(question) or _COMPOSED not in joined or "列席" in joined:
        return None
    return next((u for u in context if _SITTING_IN.search(u) and u not in joined), None)
