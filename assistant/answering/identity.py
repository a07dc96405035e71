"""Questions asking who a person is: 「秘书长是谁」, 「咸宁市长叫什么名字」, 「谁是现任办公室主任」.

Work rules name offices (市长, 秘书长, 办公室主任), never the people who hold them, so a question about a
holder's identity is answered by no clause, however well the office's clauses match its words. It asks
about a title (``roles.ROLE``) as its subject and for who, by name, holds it; 「常务会议由谁主持」 asks
which office acts and 「办公室主任是谁任命的」 who appoints: neither asks a person's identity.
"""

from __future__ import annotations

import re

from assistant.answering.roles import ROLE
from assistant.textnorm import normalize

_WHO = r"(?:是谁|是哪位|是哪一位|是什么人|叫什么(?:名字)?|叫啥(?:名字)?|姓什么|姓啥|什么名字)"
_END = r"[啊呀呢吗？?。！!\s]*$"
_ASKS = re.compile(
    rf"(?:{ROLE.pattern})(?:现在|目前|现任)?{_WHO}{_END}"  # 「秘书长是谁」, 「市长叫什么名字」
    rf"|^(?:现在|目前)?谁是[^，。；？！,;?!]{{0,10}}(?:{ROLE.pattern}){_END}"  # 「谁是现任办公室主任」
    rf"|(?:现任|现在的|目前的)[^，。；？！,;?!]{{0,8}}(?:{ROLE.pattern})[^，。；？！,;?!]{{0,2}}{_WHO}"
)


def asks_identity(question: str) -> bool:
    """Whether ``question`` asks who holds an office, by name (no work rule says)."""
    return bool(_ASKS.search(normalize(question)))
