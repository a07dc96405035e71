"""Whether a clause shown beside a refusal bears on what was asked.

A refusal that says what the rules set instead quotes the nearest clause (「相关的规定是：「…」」). That helps
only when the clause is about the thing asked: for 「常务会议出席人数要过半吗」 the sentence on how often the
meeting is held shares nothing with the question but the meeting's name, and quoting it reads as if it
answered. A clause bears on the question when it says one of the question's terms besides the words that only
place it: the meeting's kind, the roles, the level of government (市政府, 区政府), the place and the span of time a
quantity is asked in (每年); or when it states a quantity of the kind asked, of something near (a deadline of the
meeting's documents beside a refusal on its minutes' deadline), which the refusal says is not the asked thing's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.analysis import Group
from assistant.answering.kinds import Kinds
from assistant.answering.quantities import SPAN_OF_TIME, asked, asked_unit, states
from assistant.answering.roles import ROLE
from assistant.textnorm import normalize

_PLACING = re.compile(r"^(?:[市区县]?(?:人民)?政府|[市区县]里|本[市区县]|会议|开会|召开|领导|同志)$")


def placing(group: Group, kinds: Kinds) -> bool:
    """Whether ``group`` only places the question: a meeting's kind, a role, a level of government, a span of time
    the asked quantity is counted in (每年)."""
    return any(
        kinds.named(a) or ROLE.fullmatch(a) or _PLACING.match(a) or SPAN_OF_TIME.fullmatch(a)
        for a in group.alternatives
    )


def bears_on(said: str, question: str, groups: Sequence[Group], kinds: Kinds) -> bool:
    """Whether ``said`` says a term of ``question`` other than those that only place it, or states a quantity of
    the kind asked (the documents' 7 days beside a refusal on the minutes' days: said as not the asked thing's)."""
    text = normalize(said)
    kind = asked(question)
    if kind is not None and states(text, kind, asked_unit(question), question):
        return True
    return any(g.found(text) for g in groups if not placing(g, kinds))
