"""Questions asking who a person is: 「秘书长是谁」, 「咸宁市长叫什么名字」, 「谁是现任办公室主任」; which holders go
together (「互为AB角的副市长具体是谁和谁」) or which each of them leads (「副秘书长各自分管哪些部门」).

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
    # which holders go together (「互为AB角的副市长具体是谁和谁」, 「哪个副市长跟哪个副市长搭一组」, 「是怎么配对的」) or
    # which each one leads (「副秘书长各自分管哪些部门」): the rules pair and assign offices, never named people
    r"|谁(?:和|跟|与)谁"
    rf"|哪[个位](?:{ROLE.pattern})(?:和|跟|与)哪[个位]"
    rf"|哪(?:几|些)[个位]?(?:{ROLE.pattern})(?:之间)?(?:互为|相互|互相|结对|搭档)"  # 「哪几个副市长互为AB角」
    r"|(?:怎么|如何|咋)(?:配对|搭配|结对)|搭(?:成)?一组|搭档是谁"
    rf"|(?:{ROLE.pattern})(?:都)?(?:各自|分别)(?:都)?分管(?:哪些|哪几个|什么|啥)"
)


def asks_identity(question: str) -> bool:
    """Whether ``question`` asks who holds an office, by name (no work rule says)."""
    return bool(_ASKS.search(normalize(question)))
