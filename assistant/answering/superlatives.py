"""Which place comes first when places are compared by a superlative (「哪个地方的常务会开得最勤」,
「哪家印发最快」): each place's quoted clause read as a number — times a year for how often, days for a
deadline — and the place named only when no other place's reading can reach it.

A clause may give a range (「每月召开 1-2 次」) or only a floor (「每月至少召开 1 次」): a range counts by both its
ends; a floor has no top, so a place with one is said to set only a floor instead of being ranked above or below
the others on how often. Pure functions over the quoted text; nothing is concluded that the quotes do not state.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from assistant.answering.consensus import SAME_LEVEL
from assistant.answering.quantities import NUMERAL, number_value

Measure = Literal["frequency", "deadline", "lead"]

# The superlative word (ending the predicate, as 「开得最勤」, 「印发最快」, 「时限最短」, 「开得多」) and what it compares
_ASKED = re.compile(
    r"(?P<verb>召开|举行|举办|开|搞|办|印发|完成|形成|送达|回复|签发)?得?(?:最|更|比较)?(?P<word>勤|频繁|密|多|少|快|慢|早|晚|长|短)"
    r"(?:还是[^，。？?]{0,3})?(?=[？?。，,！!呢吗]|$)"
)
_MEETING_VERBS = ("召开", "举行", "举办", "开", "搞", "办")
# what a deadline is for (「文件印发时限最短」: 印发)
DONE = re.compile(r"印发|完成|形成|送达|回复|签发|报送|办结|反馈")
_NUM = NUMERAL
# how often: a period (每两周, 每半年, 每月, 两个月) …
_PERIOD = re.compile(rf"每(?P<n>{_NUM}|半)?个?(?P<unit>年|季度|季|月|周|星期)|(?P<m>{_NUM})个(?P<munit>月)")
_YEARS = {"年": 1.0, "季度": 0.25, "季": 0.25, "月": 1 / 12, "周": 7 / 365, "星期": 7 / 365}
# … and the times in it (1-2 次, 至少 1 次, 一次)
_TIMES = re.compile(
    rf"(?P<floor>至少|不少于)?[^，。；0-9一二两三四五六七八九十]{{0,4}}?(?P<lo>{_NUM})\s*(?:[-—~～至到]\s*(?P<hi>{_NUM}))?\s*次"
)
# a deadline: 7个工作日内, 3日内
_DAYS = re.compile(rf"(?P<n>{_NUM})\s*个?(?:工作日|日|天)(?:内|以内)")
# a lead time: 提前10个工作日, 会前2日 (asked: 「提前几天报请示，哪个更早」 — the more days ahead, the earlier)
_AHEAD = re.compile(rf"(?:提前|会前|前)\s*(?P<n>{_NUM})\s*个?(?:工作日|日|天)")
LEAD_ASKED = re.compile(r"提前|会前")  # a lead time asked (how far ahead), not a deadline


@dataclass(frozen=True)
class Reading:
    low: float
    high: float  # math.inf: a floor only (「至少」)
    said: str  # the words of the clause read


def asked_superlative(question: str) -> tuple[Measure, bool] | None:
    """What a superlative compares (how often, or how long a deadline is) and whether the most (True) or the
    least is asked: 「哪个开得最勤」 → ("frequency", True), 「哪家印发最快」 → ("deadline", False)."""
    m = _ASKED.search(question)
    if not m:
        return None
    word, verb = m.group("word"), m.group("verb") or ""
    compared = re.search(r"最|更|比较", m.group(0)) or re.search(r"哪|谁", question)  # not 「各是多少」
    if LEAD_ASKED.search(question) and word in "早晚多少长短" and compared:
        return "lead", word in "早多长"  # how far ahead: earlier is more days
    if word in "勤频繁密" or (word in "多少" and verb in _MEETING_VERBS and verb):
        return "frequency", word != "少"
    if word in "快慢早晚长短" and verb not in _MEETING_VERBS:
        return "deadline", word in "慢晚长"
    return None


def _number(text: str) -> float:
    """A numeral's value (``quantities.number_value``), 半 as a half; 0 when it is no number (read as none)."""
    return 0.5 if text == "半" else float(number_value(text) or 0)


# two numerals in a row said of about so many (「一两次」, 「两三天」): the range between them, as 1-2 reads
_ABOUT = re.compile(r"([一二两三四五六七八])([二两三四五六七八九])(?=\s*(?:个|次|回|天|日|周|月|年|工作日))")


def _about(text: str) -> str:
    return _ABOUT.sub(
        lambda m: f"{m.group(1)}-{m.group(2)}" if _number(m.group(2)) == _number(m.group(1)) + 1 else m.group(0), text
    )


def reading(measure: Measure, text: str, verb: str = "") -> Reading | None:
    """``text``'s times a year (how often) or days (a deadline: of the asked ``verb`` when the text sets several,
    「3个工作日内…报…，7个工作日内印发」), or None when it states no such number. 「一两次」 reads as 1-2 次."""
    text = _about(text)
    if measure == "lead":
        ahead = _AHEAD.search(text)
        return Reading(_number(ahead.group("n")), _number(ahead.group("n")), ahead.group(0)) if ahead else None
    if measure == "deadline":
        days = list(_DAYS.finditer(text))
        m = next((d for d in days if verb and verb in text[d.end() : d.end() + 4]), days[0] if days else None)
        if m is None:
            return None
        after = text[m.end() : m.end() + 4]
        said = m.group(0) + after[: after.index(verb) + len(verb)] if verb and verb in after else m.group(0)
        return Reading(_number(m.group("n")), _number(m.group("n")), said)
    period = _PERIOD.search(text)
    if not period:
        return None
    n, unit = (period.group("n"), period.group("unit")) if period.group("unit") else (period.group("m"), "月")
    years = (_number(n) if n else 1.0) * _YEARS[unit]
    if not years:
        return None  # a period in no number read
    times = _TIMES.search(text, period.end())
    low = _number(times.group("lo")) if times else 1.0
    high = (
        math.inf
        if times and times.group("floor")
        else _number(times.group("hi"))
        if times and times.group("hi")
        else low
    )
    said = text[period.start() : times.end() if times else period.end()]
    return Reading(low / years, high / years, said)


_WORDS = {
    ("frequency", True): "最勤",
    ("frequency", False): "最少",
    ("deadline", True): "时限最长",
    ("deadline", False): "最快",
    ("lead", True): "要求提前最多",
    ("lead", False): "要求提前最少",
}


def conclusion(question: str, places: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The line naming the first place, from each place's quoted clauses (``places``: name, quotes) — or saying
    that they state the same number —, or "" when the question asks no superlative, a place's quote states no
    number, or no place is first by every reading."""
    asked = asked_superlative(question)
    if asked is None or len(places) < 2:
        return ""
    measure, most = asked
    done = DONE.search(question)
    verb = done.group(0) if done and measure == "deadline" else ""
    read: dict[str, Reading] = {}
    unset = [name for name, quotes in places if not quotes]  # a place whose rules are silent is not compared
    for name, quotes in places:
        found = next((r for q in quotes if (r := reading(measure, q, verb)) is not None), None)
        if found is None and quotes:
            return ""
        if found is not None:
            read[name] = found
    floors = [n for n, r in read.items() if math.isinf(r.high)]
    ranked = {n: r for n, r in read.items() if n not in floors} if most else read
    if len(ranked) < 2 and not (ranked and floors):
        return ""
    if (
        not floors
        and len({(r.low, r.high) for r in ranked.values()}) == 1
        and all(r.low == r.high for r in ranked.values())
    ):
        # every place states the same number (「原则上在会议结束后7个工作日内印发」 everywhere): none is first
        said = next(iter(ranked.values())).said
        return f"按条文写明的数字比较：{'、'.join(ranked)}相同（{said}）。" + _left_out(unset)
    best = max(ranked, key=lambda n: ranked[n].low) if most else min(ranked, key=lambda n: ranked[n].high)
    top = ranked[best]
    others = {n: r for n, r in ranked.items() if n != best}
    # never behind any other by any reading; a place whose range reaches it may be level with it (「每年 1-2 次」
    # against 「每年一次」)
    if not all(top.low >= r.high if most else top.high <= r.low for r in others.values()):
        return ""
    level = [n for n, r in others.items() if (r.high >= top.low if most else r.low <= top.high)]
    if len(level) == len(others):
        return ""  # level with every other: none is first
    word = _WORDS[measure, most] if len(ranked) > 2 else _WORDS[measure, most].replace("最", "更")  # of two: 更
    line = f"按条文写明的数字比较：{best}{word}（{top.said}）"
    line += "".join(f"；{n}（{others[n].said}）{_level_with(others[n], top)}" for n in level) + "。"
    if floors:
        line += "".join(f"{n}只规定了下限（{read[n].said}），未计入比较。" for n in floors)
    return line + _left_out(unset)


def _level_with(other: Reading, top: Reading) -> str:
    """Said of a place level with the first: the same number, or a range that may be it."""
    same = other.low == other.high == top.low == top.high
    return "与之相同" if same else "可能与之相同"


def _left_out(unset: Sequence[str]) -> str:
    """The sentence saying which places compared are silent, so not compared ("" for none)."""
    return f"{'、'.join(unset)}未规定，未计入比较。" if unset else ""


# a comparison that asks whether the places differ (「…，各地一样吗」, 「有什么不同」)
_SAME_ASKED = re.compile(r"一样|相同|不同|区别|差别|差异|异同")
_SPACING = re.compile(r"[\s\W_]")
_OFTEN_ASKED = re.compile(r"开|次|频")


def sameness(question: str, places: Sequence[tuple[str, Sequence[str]]]) -> str:
    """For a question asking whether places differ, the line saying so from their quoted clauses (``places``:
    name, quotes): the same words (the level, 市 or 区, spacing and punctuation aside), or the numbers each
    states (how often, a deadline), alike or not; "" when it asks no such thing, a place is silent, or the
    quotes differ in words and state no number to compare."""
    if not _SAME_ASKED.search(question) or len(places) < 2 or any(not quotes for _, quotes in places):
        return ""
    names = "、".join(name for name, _ in places)
    plain = {_SPACING.sub("", "".join(quotes).translate(SAME_LEVEL)) for _, quotes in places}
    if len(plain) == 1:
        return f"{names}的条文规定相同（除市、区称谓和标点外逐字一致）。"
    measures: tuple[Measure, ...] = (
        ("frequency", "deadline") if _OFTEN_ASKED.search(question) else ("deadline", "frequency")
    )
    done = DONE.search(question)
    for measure in measures:
        verb = done.group(0) if done and measure == "deadline" else ""
        read = [next((r for q in quotes if (r := reading(measure, q, verb)) is not None), None) for _, quotes in places]
        if not all(read):
            continue
        said = [r for r in read if r is not None]
        if len({(r.low, r.high) for r in said}) == 1:
            return f"按条文写明的数字比较：{names}相同（{said[0].said}）。"
        alike: dict[tuple[float, float], list[tuple[str, str]]] = {}  # places stating the same number, together
        for (name, _), r in zip(places, said, strict=True):
            alike.setdefault((r.low, r.high), []).append((name, r.said))
        each = "；".join(
            f"{'、'.join(n for n, _ in group)}{'均' if len(group) > 1 else ''}为{group[0][1]}"
            for group in alike.values()
        )
        return f"按条文写明的数字比较，各地不同：{each}。"
    return ""
