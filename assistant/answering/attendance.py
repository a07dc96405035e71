"""Who attends a meeting: its members and those who sit in (列席).

A question asking who attends (「常务会哪些人参加」, 「全体会都有谁参加」) is answered by a meeting's
composition clause (「…由市长、副市长、秘书长组成」) only in part: the rules say in another sentence of
the same article who else attends as needed (「根据需要可安排…负责人列席会议」), and that is quoted
beside it.

A question asking whether someone may be brought in (「常务会能请法律顾问列席吗」, 「能叫记者来参加吗」) is
about that someone: a rule that never names them (nor the rules' word for them: 新闻媒体 for 记者) does
not answer it, however well it matches the meeting; a title (负责人, 领导) is left to the roles' checks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.analysis import Group
from assistant.answering.roles import ROLE
from assistant.models import Citation
from assistant.textnorm import normalize

_ASKS = re.compile(
    r"(?:哪些人|谁|什么人|哪些部门|哪些单位)[^，。？?；;]{0,4}(?:参加|出席|参会|到会)"
    r"|(?:参加|出席|参会)的?(?:人员|人)?(?:有|是|包括)(?:谁|哪些)"
)
_COMPOSED = "组成"
# who else is brought in as needed (「可安排…列席」, 「也可邀请…列席」), not what 列席人员 must do
_SITTING_IN = re.compile(r"(?:安排|邀请|可以?)[^。；;]*列席")


# who may sit in asked (「常务会能让哪些人列席」, 「全体会议列席的有谁」): answered by a clause that brings someone in
# (``_SITTING_IN``), not by what 列席人员 must do (「…会议指定列席人员应按要求准时参加会议」)
_ASKS_SITTING_IN = re.compile(
    r"(?:哪些|什么|谁|啥)(?:人|部门|单位)?[^，。？?；;]{0,3}(?:列席|旁听)"
    r"|(?:列席|旁听)的?(?:人员|人|部门|单位)?(?:有|是|包括|都有)(?:谁|哪些|什么人|啥人)"
)


def asks_sitting_in(question: str) -> bool:
    """Whether ``question`` asks who may sit in on a meeting."""
    return bool(_ASKS_SITTING_IN.search(normalize(question)))


def brings_in(clause: str) -> bool:
    """Whether ``clause`` says who is brought in to sit in (「根据需要可安排…负责人列席会议」)."""
    return bool(_SITTING_IN.search(clause))


def sitting_in(question: str, quotes: Sequence[Citation], context: list[str]) -> str | None:
    """When ``quotes`` give a meeting's members for a question asking who attends, the sentence of their
    article (``context``: its sentences) saying who sits in; None otherwise."""
    joined = "".join(c.quote for c in quotes)
    if not _ASKS.search(question) or _COMPOSED not in joined or "列席" in joined:
        return None
    return next((u for u in context if _SITTING_IN.search(u) and u not in joined), None)


# someone brought in to a meeting: 「请法律顾问列席」, 「叫记者来参加」, 「邀请人大代表、政协委员列席」, 「能请记者吗」
# (「能让施工方先垫资干吗」 lets someone do something: 让, 叫 and 安排 bring someone in only when they come, 来)
# (请假, 请示, 请求 and 请教 invite no one; 什么 and 怎么 end no yes/no question)
_ASK_ENDS = r"(?:吗|(?<![什怎那这多])么)[？?]?$"
_INVITED = re.compile(
    r"(?:请(?![假示求教销])|邀请|叫|让|安排)([^，。？?；;]{2,10}?)(?:来|去|过来)?(?:列席|参加|出席|参会|旁听)"
    rf"|(?:请(?![假示求教销])|邀请)([^，。？?；;]{{2,10}}?)(?:来|过来)?{_ASK_ENDS}"
    rf"|(?:叫|让|安排)([^，。？?；;]{{2,10}}?)(?:来|过来){_ASK_ENDS}"
)
# … or the one asked about sitting in, as the subject (「法律顾问列席常务会议吗」, 「记者能旁听吗」): read when no one is
# asked to be brought in
# (after the meeting it is asked of, if named first: 「常务会法律顾问要列席吗」; coming to sit in: 「县里的领导能来列席吗」)
_SITTING_SUBJECT = re.compile(
    rf"^(?:[\u4e00-\u9fff]{{1,12}}会议?上?\s*)?([\u4e00-\u9fff]{{2,12}}?)"
    rf"(?:(?:能不能|可不可以|能否|可否)(?:来|过来)?(?:列席|旁听)"
    rf"|(?:能|可以|也|要|需要|得)?(?:来|过来)?(?:列席|旁听)[^，。？?；;]{{0,8}}{_ASK_ENDS})"
)
_ASKED_WHO = re.compile(r"哪|什么|谁|啥")
# officials by the head of their title (县区负责人, 街道主任, 市领导): each place says them its own way
_TITLE = re.compile(r"(?:长|主任|书记|同志|负责人|领导|干部|部门|单位)$")


def uninvited(question: str, groups: Sequence[Group], text: str) -> str | None:
    """Who ``question`` asks may be brought in when ``text`` (the article) names none of them, else None;
    not for a question asking who may be (「能请哪些人列席」) nor for a title (「县区政府负责人」)."""
    # clause by clause (「法律顾问能列席常务会吗，城区和大同都看看」: the asking ends its own clause)
    clauses = re.split(r"[，,；;]", normalize(question))
    m = next((m for c in clauses if (m := _INVITED.search(c) or _SITTING_SUBJECT.search(c))), None)
    who = next((g for g in m.groups() if g), "") if m else ""
    if not who or _ASKED_WHO.search(who) or ROLE.search(who) or _TITLE.search(who):
        return None
    named = [g for g in groups if g.alternatives[:1] and g.alternatives[0] in who]
    if not named:
        return None
    # the one asked is its last word (「政府法律顾问」: 法律顾问; 政府 only says whose): named by the rules or not
    head = max(named, key=lambda g: who.rindex(g.alternatives[0]) + len(g.alternatives[0]))
    return None if head.found(normalize(text)) else who


# someone sent in another's place asked (「能让副职替他参会吗」, 「派分管副局长替他去」, 「能代他出席吗」); not doing
# something for a body (「办公室会替部门开会发通知吗」)
_STAND_IN_ASKED = re.compile(
    r"(?:替|代替)(?:他|她|我|领导)?(?:参会|参加|出席|开会|去|来)|代(?:为|他|她)?(?:参会|参加|出席)|顶替"
)
# a rule that lets someone be sent instead: 「…委托分管负责人参会」, 「由另一位代行…」, 「…可派…参加」
_STAND_IN_SAID = re.compile(r"委托|代行|代为|代替|替|派")


def stand_in_unsaid(question: str, quoted: str) -> bool:
    """Whether ``question`` asks if someone may attend in another's place and ``quoted`` lets no one (a rule on
    asking leave is no rule on sending a deputy)."""
    return bool(_STAND_IN_ASKED.search(normalize(question))) and not _STAND_IN_SAID.search(quoted)


def says_stand_in(clause: str) -> bool:
    """Whether ``clause`` lets someone attend or act in another's place."""
    return bool(_STAND_IN_SAID.search(clause))
