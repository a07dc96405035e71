"""Where a meeting is held: asked (「常务会在哪开」, 「会议室在哪」), and said by a clause or not.

The work rules say who meets, how often and on what, hardly ever where. A question asking the place is not
answered by a clause on the meeting's schedule or members: unless a quoted clause names a place, the rules
do not set one, and the answer says so (beside the article's sentence on notifying the place, if it has one).
Not a body to report to (「向哪里报备」) nor which meeting decides (「在哪个会上研究」): those ask who.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.textnorm import normalize

_WHERE = r"(?:哪里|哪儿|哪(?![个些种位级项条])|什么地方|啥地方|何处|哪个地方)"
_HELD = r"(?:开|召开|举行|举办|进行|开会|碰头)"
_ASKS = re.compile(
    # 「在哪开」, 「一般在什么地方召开」 (not 「在哪开会研究」: which meeting decides)
    rf"(?:在|去|到){_WHERE}(?:{_HELD})(?![^，。？?]{{0,3}}(?:研究|讨论|审议|决定|定))"
    rf"|(?:地点|会场|会议室|场地|场所|开会的地方)(?:一般|通常)?(?:在|是|设在|定在)?{_WHERE}"  # 「会议室在哪」
    rf"|(?:{_HELD})(?:的)?(?:地点|会场|场地)(?:是|有)?(?:什么|啥|哪)"  # 「开会地点是什么」
)
# A place said: a room or hall, where it is 设在, or 「在…召开」 (「在市政府第一会议室召开」)
_STATED = re.compile(r"会议室|会场|礼堂|大厅|地点(?:为|是|在|设在)|设在|在[^，。；、]{2,12}(?:召开|举行|举办)")
# a sentence that at least mentions the place (「会前 2 日将时间、地点和议题安排通知参会人员」)
_MENTIONS = re.compile(r"地点|会场|会议室")


def asks_venue(question: str) -> bool:
    """Whether ``question`` asks where a meeting is held."""
    return bool(_ASKS.search(normalize(question)))


def venue_unstated(question: str, quoted: str) -> bool:
    """``question`` asks where a meeting is held and ``quoted`` (the quoted clauses) names no place."""
    return asks_venue(question) and not _STATED.search(normalize(quoted))


def mentioning(sentences: Iterable[str]) -> str:
    """The first of ``sentences`` that at least mentions where a meeting is held ("" if none does)."""
    return next((u for u in sentences if _MENTIONS.search(u)), "")
