"""Whether the asked quantity is stated for what is asked: in the unit asked, of one occasion (not how
often), after the event asked (not ahead of another), and of the thing asked (「纪要几天内印发」 is not
answered by the days of the documents a meeting passes).

Pure checks on a question's term groups and normalised quotes, used by the extractive answerer and the
drafter (a part of a question checked against the whole question's quotes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from assistant.answering.analysis import Group, named_ends
from assistant.answering.quantities import (
    WHEN,
    asked,
    asked_span,
    asked_unit,
    states,
)
from assistant.answering.roles import ROLE
from assistant.answering.timing import after_unstated, per_occasion_unstated
from assistant.models import Citation
from assistant.textnorm import normalize


def _quantity_of_another(
    question: str,
    groups: Sequence[Group],
    texts: list[str],
    stating: list[str],
    context: Sequence[str] = (),
    title: str = "",
) -> bool:
    """The quoted clauses that state the asked quantity (``stating``, among the normalised quotes ``texts``)
    lack what it is asked of (the words just before the asking), which another quoted clause names:
    「常务会纪要几天内签发」 quoted as 「…常务会议的纪要…报市长签发。」 and 「…常务会议讨论通过…的文件，
    …7个工作日内印发」: the days are the documents', not the minutes'. The thing asked of (a noun, not a
    role or a body) may be named by another sentence of the article (``context``) instead, unless the
    document is about it (``title``: 「市政府常务会议工作规则」 for 「常务会提前几天通知」)."""
    q = normalize(question)
    span = asked_span(q)
    if span is None or not stating:
        return False
    q = q[: span[0]]
    before = named_ends(q, groups)
    # 「纪要常务会后几天内」: the event the time is counted from (常务会后) is not what it is asked of
    before = [(end, g) for end, g in before if not _AFTER.match(q, end)]
    at, thing = max(before, key=lambda t: t[0], default=(0, None))  # 「纪要几天内」: the thing just before
    if thing is not None and thing.noun and not _AGENT.search(thing.alternatives[0]) and not _names(thing, title):
        named_elsewhere = any(_names(thing, t) for t in context)
        if (
            named_elsewhere
            and not any(_names(thing, t) for t in stating)
            and not _qualifier_said(q[:at], before, stating)
        ):
            return True
    named = [(end, g) for end, g in before if any(g.found(t) for t in texts)]
    if not named or len(stating) == len(texts):
        return False
    _, head = max(named, key=lambda t: t[0])
    return not any(head.found(t) for t in stating)


# where the phrase naming the thing asked of begins: after the last clause break
_PHRASE_BREAK = re.compile(r"[，,。；;：:？?！!\s]")


def _qualifier_said(upto: str, before: Sequence[tuple[int, Group]], stating: Sequence[str]) -> bool:
    """Whether a quote stating the quantity says the doing that sets the thing asked of apart, before its 的 (「需要
    现场踏勘的审批事项，多久给安排」 and 「需要进行现场踏勘…的，应当及时安排」: the 事项 are those of 现场踏勘, though the
    quote never says 事项): the thing is named by its qualifier. Not a possessor (「常务会的新闻稿」: which of the
    meeting's things is not told by the meeting). ``upto``: the question up to the thing's end."""
    start = max((m.end() for m in _PHRASE_BREAK.finditer(upto)), default=0)
    of = upto.rfind("的", start)
    if of < 0:
        return False
    return any(start < end <= of and not g.noun and any(g.found(t) for t in stating) for end, g in before)


def asked_of(question: str, groups: Sequence[Group]) -> Group | None:
    """The term group just before the asked quantity (「常务会纪要几天内印发」 → 纪要): what it is asked of."""
    q = normalize(question)
    span = asked_span(q)
    if span is None:
        return None
    nouns = [(end, g) for end, g in named_ends(q[: span[0]], groups) if g.noun]
    return max(nouns, key=lambda t: t[0])[1] if nouns else None


_AFTER = re.compile(r"(?:议|开完|结束|召开)?(?:以后|之后|后)")
# A role or a body (who does something, not the thing done): 秘书长, 市政府办公室, 各部门, 承办单位
_AGENT = re.compile(rf"(?:{ROLE.pattern})$|(?:办公室|部门|单位|政府|机关|机构|[局委厅])$")


def _names(group: Group, text: str) -> bool:
    """Whether ``text`` names what ``group`` does, also by a compound's head (its last two characters, as
    the head comes last in Chinese): 「会议纪要」 is named by 「常务会议的纪要」."""
    return group.found(text) or any(len(a) > 2 and a[-2:] in text for a in group.alternatives)


Elsewhere = Literal["unit", "occasion", "another"]


def quantity_elsewhere(
    question: str, groups: Sequence[Group], quotes: Sequence[Citation], context: Sequence[str] = (), title: str = ""
) -> Elsewhere | None:
    """Why the asked quantity is not stated for what is asked, or None: not in the asked unit (「纪要几天内要
    出来」 and the article's only number is 「1500字」: "unit"), only how often or ahead of it (「专题学习每次搞
    多长时间」 and 「两个月安排一次」: "occasion"), or only for something else that a quote or another sentence of
    the article (``context``) names ("another", see ``_quantity_of_another``)."""
    kind = asked(question)
    if kind is None:
        return None
    unit = asked_unit(question)
    texts = [normalize(c.quote) for c in quotes]
    stating = [t for t in texts if states(t, kind, unit, question)]
    if unit and unit != WHEN and not stating:
        return "unit"
    if stating and all(per_occasion_unstated(question, t) or after_unstated(question, t) for t in stating):
        return "occasion"
    others = [t for t in map(normalize, context) if not any(t in q or q in t for q in texts)]
    others = [t for t in others if not states(t, kind, unit, question)]
    return "another" if _quantity_of_another(question, groups, texts, stating, others, normalize(title)) else None
