"""The synonym lexicon (``data/synonyms.txt``): colloquial phrase → the terms the rules use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

SYNONYMS = Path(__file__).resolve().parents[1] / "data" / "synonyms.txt"


@lru_cache(maxsize=1)
def synonym_table() -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """(phrase, expansions, is_intent) rows of ``data/synonyms.txt``."""
    rows = []
    for line in SYNONYMS.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and not line.startswith("#"):
            intent = parts[0].startswith("?")
            rows.append((parts[0].lstrip("?"), tuple(parts[1:]), intent))
    return tuple(rows)


# 离 and a place's one-character short name, before being away: 「市长离咸期间」, 「副市长离同出访」, 「离市外出」
_LEAVING = re.compile(r"离([\u4e00-\u9fff])(?=出访|出差|外出|期间|休假)")
LEAVE = "离开"  # rows whose expansions have it are about being away: the mined forms join them


def leaving_words(texts: Iterable[str]) -> tuple[str, ...]:
    """How the rules say a leader leaves the jurisdiction (离咸, 离朝, 离同, 离市), mined from ``texts``
    rather than typed in per city, so a new city's rules bring their own."""
    return tuple(sorted({m.group(0) for t in texts for m in _LEAVING.finditer(t)}))


@lru_cache(maxsize=8)
def synonyms(intent: bool | None = None, leaving: tuple[str, ...] = ()) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Phrase → expansions; ``intent`` filters question-intent rows (None: all); ``leaving`` (see
    ``leaving_words``) joins the expansions of the rows about being away (those that expand to 离开)."""
    return tuple(
        (p, (*e, *(w for w in leaving if w not in e)) if LEAVE in e else e)
        for p, e, i in synonym_table()
        if intent is None or i == intent
    )


Entries = tuple[tuple[str, tuple[str, ...]], ...]


# Words that may stand inside a two-word phrase without changing what it names: whose it is (「主持市政府
# 工作」 is 「主持工作」, 「会议的纪要」 is 「会议纪要」) or an attribute (「会议有关材料」)
_INSIDE = "(?:[市区县]?政府|的|有关|相关)"


# Words that may stand between 谁 and the doing without changing who is asked of (「谁可以主持」, 「谁能来签」,
# 「谁负责召集」 ask as 「谁主持」, 「谁签」, 「谁召集」 do): a modal, or the doer's taking it on
_MODAL = "(?:可以|能够|能|应当|应该|应|该|须|需要|要|得|会|来|去|负责)"


# Ways of asking who (「哪些人」, 「哪位领导」, 「什么人」): a phrase with 谁 (「谁参加」) is asked by them too
ASKED_PERSON = re.compile(r"(?:哪些|哪个|哪位|哪几位|哪几个|什么)(?:领导同志|领导|人员|同志|人)")


def _find(text: str, phrase: str) -> tuple[int, int]:
    """Where ``phrase`` is in ``text`` (start, length; start −1 when absent); a four-character phrase of two
    words also with a possessor or an attribute between them (``_INSIDE``). A phrase that negates (「不能去」)
    is not in an A-not-A asking (「能不能去参加」 asks whether one may go)."""
    at = text.find(phrase)
    while at > 0 and len(phrase) > 1 and phrase[0] == "不" and text[at - 1] == phrase[1]:
        at = text.find(phrase, at + 1)
    if at >= 0:
        return at, len(phrase)
    if phrase.startswith("谁") and len(phrase) > 1:
        m = _who_split(phrase).search(text)
        return (m.start(), m.end() - m.start()) if m else (-1, 0)
    if len(phrase) != 4:
        return at, len(phrase)
    m = _split(phrase).search(text)
    return (m.start(), m.end() - m.start()) if m else (-1, 0)


@lru_cache(maxsize=1024)
def _split(phrase: str) -> re.Pattern[str]:
    return re.compile(f"{re.escape(phrase[:2])}{_INSIDE}{re.escape(phrase[2:])}")


@lru_cache(maxsize=256)
def _who_split(phrase: str) -> re.Pattern[str]:
    return re.compile(f"谁{_MODAL}{{1,2}}{re.escape(phrase[1:])}")


def found_in(text: str, entries: Entries) -> list[tuple[str, tuple[str, ...]]]:
    """The entries whose phrase ``text`` has (see ``_find``); of two phrases that overlap without one
    holding the other, only the longer: 「谁主持工作」 is 「主持工作」 (to be in charge) asked of someone, not
    「谁主持」 (who chairs a meeting), whose expansions would pull in every meeting's chair."""
    text = ASKED_PERSON.sub("谁", text)  # 「哪些人参加」 asks as 「谁参加」 does
    found = [(p, e, at, n) for p, e in entries for at, n in [_find(text, p)] if at >= 0]
    return [
        (p, e)
        for p, e, at, n in found
        if not any(
            _weight(p2, n2) > _weight(p, n) and p not in p2 and at < at2 + n2 and at2 < at + n
            for p2, _, at2, n2 in found
        )
    ]


def _weight(phrase: str, span: int) -> int:
    """How much of the question a phrase found names: its span, but a who-asking's modal (「谁来主持」) names
    nothing, so 「谁来主持工作」 is 「主持工作」 asked of someone as 「谁主持工作」 is."""
    return len(phrase) if phrase.startswith("谁") else span
