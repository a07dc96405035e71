"""Who stands in when the one standing in is away too: 「市长离开咸宁谁主持工作？」, then 「要是常务副市长也不在呢？」.

The rules name one stand-in (「市长离咸期间…由常务副市长主持市政府工作」). Asked what happens when that very person is
away as well, the clause naming them is no answer: it names the one the question says is absent. No rule says who
comes next, so the answer is a refusal, not the first rule again.
"""

from __future__ import annotations

import re

from assistant.answering.roles import ROLE
from assistant.textnorm import normalize

# a role said to be away too (「常务副市长也不在」, 「副区长也出差了」, 「秘书长同时请假的话」)
_AWAY_TOO = re.compile(rf"({ROLE.pattern})(?:也|同时|又|还)(?:不在|出差|外出|出访|休假|请假|来不了|去不了|缺席|离开)")


def stand_in_away(question: str, quoted: str) -> str | None:
    """The role ``question`` says is away too when ``quoted`` names that role as the one who does it (由…主持,
    由分管副市长签发, 由负责常务工作的副市长代行); else None."""
    m = _AWAY_TOO.search(normalize(question))
    if m is None:
        return None
    role = m.group(1)
    doer = re.compile(rf"由(?:分管|主管|[^，。；,;]{{0,6}}的)?{re.escape(role)}(?!助理)")
    return role if doer.search(normalize(quoted)) else None
