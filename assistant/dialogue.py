"""Follow-up questions in a conversation: «那区政府呢？» after «以市政府办公室名义发文由谁签发？».

``resolve(message, previous)`` turns an elliptical follow-up into a full question (the previous
question's topic + the new words) and keeps the previous turn's city unless the follow-up names
another jurisdiction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FOLLOWUP = re.compile(
    r"^(那|那么|那要是|还有|另外|如果是|换成)?\s*(.{1,14}?)\s*(呢|的话呢|怎么样|怎么规定)?\s*[?？。]?$"
)


@dataclass(frozen=True)
class Turn:
    question: str  # the question as resolved (what was actually asked)
    city: str | None  # the city it was answered for


def is_followup(message: str) -> bool:
    m = message.strip()
    if len(m) > 16:
        return False
    starts = m.startswith(("那", "那么", "还有", "另外", "如果是", "换成"))
    ends = m.rstrip("?？。 ").endswith("呢")
    return bool(_FOLLOWUP.match(m)) and (starts or ends)


def resolve(message: str, previous: Turn | None) -> str:
    """The question to ask: the message itself, or previous topic + message for a follow-up."""
    if previous is None or not is_followup(message):
        return message
    return f"{message.strip()}（接上问：{previous.question}）"
