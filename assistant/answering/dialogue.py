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


_LEVEL_WORDS = re.compile(r"市政府|区政府|县政府|政府|市里|区里|县里|那边|这边|的话|那么|那|呢|也|[?？。，,\s]")


def needs_context(message: str, places: tuple[str, ...] = ()) -> bool:
    """True when the follow-up names only a place or level («那区政府呢？», «朝阳呢？»)."""
    rest = message
    for p in sorted(places, key=len, reverse=True):
        rest = rest.replace(p, "")
    return len(_LEVEL_WORDS.sub("", rest)) < 3


def resolve(message: str, previous: Turn | None, places: tuple[str, ...] = ()) -> str:
    """The question to ask. A follow-up with content of its own («那常务副市长也出差呢？») is
    asked as it is (the caller keeps the city); one that only changes the place or level
    borrows the previous question's topic."""
    if previous is None or not is_followup(message) or not needs_context(message, places):
        return message
    return f"{message.strip()}（接上问：{previous.question}）"
