"""Times of a doing: ahead of it (「提前几天通知」), of one occasion (「每次搞多长时间」), after it (「报上去以后几天」).

Whether a clause sets the time asked *for the doing asked*: a number of days ahead of that doing (会前2日通知),
not days of another step, not how often, not a period's total. The quantities themselves are read by
``quantities``.
"""

from __future__ import annotations

import re

from assistant.answering.quantities import _RANGE, _TIME_UNIT, _TIMES, BOUNDS, asked
from assistant.textnorm import normalize

LEAD_TIME = re.compile(r"提前(?:几|多少|多久|多长)")  # a lead time asked: 提前 is part of the asking


# 「提前几天通知」, 「会前几天报送」: a lead time asked for a doing (the two characters after the asking)
# (not 「提前几天把议题报到…」: what is done to it comes later, after a thing of its own)
_DAYS_AHEAD_ASKED = r"(?:提前|会前)(?:几|多少)(?:个)?(?:工作日|天|日)"  # 「提前几天」, 「会前多少个工作日」
_LEAD_ASKED = re.compile(rf"{_DAYS_AHEAD_ASKED}[^\u4e00-\u9fff]?([^把将\W\d][\u4e00-\u9fff])")


def lead_time_filled(question: str, text: str) -> bool:
    """Whether ``text`` sets the lead time asked for the doing asked: 「常务会议提前几天通知」 and 「一般应于会前2日通知
    常务会议组成人员」 (a number of days ahead, then the doing), not days ahead of something else."""
    m = _LEAD_ASKED.search(question)
    if not m:
        # 「通知提前几天发」: the doing said before the asking, which ends the question; any days ahead stated fill
        # it (the caller checks the text has every word of the question)
        return _LEAD_LAST.search(question) is not None and re.search(_DAYS_AHEAD, normalize(text)) is not None
    doings = [m.group(1)]
    if m.group(1)[0] in _LIGHT_VERBS:  # 「提前几天发通知」: the doing is 通知 (the rules say 会前2日通知)
        doings.append(question[m.start(1) + 1 : m.start(1) + 3])
    said = normalize(text)
    return any(re.search(rf"{_DAYS_AHEAD}[^，。；]{{0,12}}?{re.escape(d)}", said) for d in doings if len(d) == 2)


_LIGHT_VERBS = "发下出送给做"  # verbs that only carry a doing named by the noun after them (发通知, 下通知)


_DAYS_AHEAD = rf"(?:提前|会前|前)\s*{_RANGE}\s*(?:个)?(?:工作日|天|日)"
_LEAD_LAST = re.compile(rf"{_DAYS_AHEAD_ASKED}[\u4e00-\u9fff]?[？?。！!\s]*$")


# A time ahead of something: 「提前10个工作日」, 「会前2日」, 「3日前」 — not how often (「每两周召开一次」) or a deadline after
_AHEAD_STATED = re.compile(
    rf"(?:提前|会前|前)[^，。；,;]{{0,4}}?{_RANGE}\s*{_TIME_UNIT}|{_RANGE}\s*{_TIME_UNIT}[^，。；,;]{{0,2}}(?:前|以前|之前)"
)


def lead_time_unstated(question: str, text: str) -> bool:
    """「要提前几天报？」 answered by 「会前送达」 or by how often (「每两周召开一次」): a lead time asked, and no time
    ahead of anything in ``text``."""
    return bool(LEAD_TIME.search(question)) and not _AHEAD_STATED.search(normalize(text))


# A time asked of one occasion (「专题学习每次搞多长时间」, 「一次要待几天」), not of a period
# (a bound is no content: 「一次最长能开多久」)
_PER_OCCASION = re.compile(
    rf"每{_TIMES}|一{_TIMES}(?:{BOUNDS.pattern})?(?:要|得|能|可以|一般|大概)?[^，。？?]{{0,3}}(?:多久|多长|几天|几个?小时)"
)
_DURATION = re.compile(rf"{_RANGE}\s*{_TIME_UNIT}")
_INTERVAL_AFTER = re.compile(rf"[^，。；,;]{{0,6}}[一1]\s*{_TIMES}")  # 「两个月安排一次」: how often, not how long
_PER_PERIOD = re.compile(r"每(?:年|季度|季|月|周|星期)|一年|全年|年度")  # 「每年…不少于60天」: a period's total


def per_occasion_unstated(question: str, text: str) -> bool:
    """A time asked of one occasion (``_PER_OCCASION``), and every number of days (months …) in ``text``
    is either how often it happens (「一般两个月安排一次」) or a period's total (「每年…不少于60天」)."""
    if not _PER_OCCASION.search(question) or asked(question) != "time":
        return False
    for m in _DURATION.finditer(text):
        sentence = re.split(r"[。；;]", text[: m.start()])[-1]
        if not _INTERVAL_AFTER.match(text, m.end()) and not _PER_PERIOD.search(sentence):
            return False
    return True


# A time after something (「报上去以后几天给批复」), against days set ahead of something (提前10个工作日)
_AFTER_ASKED = re.compile(r"(?:以后|之后|[收到完]后)[^。？?]{0,12}(?:几天|多久|多长时间|几个工作日|多少天)")
_LEAD_DURATION = re.compile(rf"(?:提前|会前|前)\s*{_RANGE}\s*{_TIME_UNIT}|{_RANGE}\s*{_TIME_UNIT}(?:前|以前|之前)")


# How long a thing lasts (「年休假几天」, 「出差最多几天」), with no word of a time ahead (提前, 会前, 几天前, 事先)
_LENGTH_ASKED = re.compile(r"几天|多少天|几个工作日|多少个?工作日")
_AHEAD_WORDS = re.compile(r"提前|前|早|先")


def after_unstated(question: str, text: str) -> bool:
    """A time after something asked (``_AFTER_ASKED``), or how long a thing lasts (``_LENGTH_ASKED``, nothing
    said of a time ahead), and every number of days in ``text`` is set ahead of something (「提前10个工作日
    正式报送请示」, 「提前3天向市政府办公室报告」): the rule sets no time after it, nor how long it lasts."""
    if LEAD_TIME.search(question):
        return False
    length = _LENGTH_ASKED.search(question) and not _AHEAD_WORDS.search(question)
    if not _AFTER_ASKED.search(question) and not length:
        return False
    durations = list(_DURATION.finditer(text))
    leads = {m.span() for m in _LEAD_DURATION.finditer(text)}
    return bool(durations) and all(any(a <= m.start() and m.end() <= b for a, b in leads) for m in durations)
