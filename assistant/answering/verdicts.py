"""Whether a number a question states is the rules' number: 「常务会是每周开一次吧」, 「要提前5个工作日报请示吗」.

A yes/no question that states a frequency, a lead time or a deadline to be confirmed (``quantities.checked``,
``checked_time``) is answered by the clause that sets it; the line before the quote says whether the number the
question states is the one the clause writes (「与问题中的说法不同：条文写明的是「每月召开2次」」). Both are read
the same way as places are compared (``superlatives.reading``: times a year, days); nothing is concluded when the
question's number or the clause's cannot be read.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from assistant.answering.exceptions import excepted
from assistant.answering.members import members_verdict
from assistant.answering.modality import modality_verdict
from assistant.answering.quantities import (
    AS_NEEDED,
    ITEMS_COUNTED,
    LENGTH_CLAIMED,
    NUMERAL,
    checked,
    checked_time,
    number_value,
    to_confirm,
)
from assistant.answering.roles import DOINGS, HANDED, ROLE, same_role
from assistant.answering.shares import share_verdict
from assistant.answering.subdivisions import is_item
from assistant.answering.superlatives import DONE, LEAD_ASKED, Measure, Reading, reading
from assistant.textnorm import SENTENCE_END, as_written, normalize

# 「一年开一次」, 「半年开一次」, 「一个月开两次」: a period said without 每, as questions say it
_PER = re.compile(
    r"(?<![每0-9一二两三四五六七八九十])([一半])个?(年|季度|月|周|星期)(?=[^，。？?]{0,3}?[0-9一二两三四五六七八九十]+\s*次)"
)

_EVERY = re.compile(r"每\s*个?\s*(?:年|季度|月|周|星期)[^，。？?0-9一二两三四五六七八九十]{0,2}都")
_TIMES_SAID = re.compile(r"([0-9一二两三四五六七八九十]+)\s*回(?!复|来|去|到|应)")
# 「每年下基层不少于30天」, 「每年主持3个课题」: so much of something else in each period, not how often (in any
# numerals, 「一百万个」 too, though no amount is read from them)
_RATE_OF_OTHER = re.compile(
    r"每\s*个?\s*(?:年|季度|月|周|星期)[^，。；？?次回]{0,8}?[0-9零〇一二两三四五六七八九十百千万]+\s*(?!次|回)[个天日人名项件种]"
)


def _claimed(question: str) -> tuple[Measure, Reading] | None:
    """What the question states to be confirmed, read as a number, and how it is measured."""
    q = _TIMES_SAID.sub(r"\1次", normalize(question))  # 「一年一回」 is 「一年一次」
    if checked(q) and not (_RATE_OF_OTHER.search(q) and not re.search(r"[次回]", q)):
        r = reading("frequency", _PER.sub(lambda m: "每" + m.group(1).replace("一", "") + m.group(2), q))
        if r and _EVERY.search(q) and r.low == r.high:
            # 「不是每个月都要开吗」: at least once in every period, however many more (每两周 holds it)
            r = replace(r, high=math.inf)
        return ("frequency", r) if r else None
    for claim in checked_time(q):
        # 「要提前几天，是3天吗」: the days stated after a lead time asked are how far ahead
        ahead = claim.startswith("提前") or bool(LEAD_ASKED.search(q[: q.find(claim)]))
        measure: Measure = "lead" if ahead else "deadline"
        if measure == "deadline" and not claim.endswith("内"):
            claim += "内"  # 「几天内印发，是7个工作日吗」: within that many days
        elif measure == "lead" and not claim.startswith("提前"):
            claim = "提前" + claim  # 「要提前几天报请示，是5天吗」: that many days ahead
        if (r := reading(measure, claim)) is not None:
            return measure, r
    return None


# the role may be said with what it is in charge of before it (「是分管副市长签发对吧」): the role is the claim
_DOER_CLAIMED = re.compile(
    rf"(?:是|由|只能由?|只有|只由|只让)(?:分管的?|主管的?|负责常务工作的)?(?P<role>{ROLE.pattern})(?:来|负责)?(?P<doing>{DOINGS})"
)
# … or said to be enough (「纪要副区长签就行吧」, 「让秘书长主持可以吗」): the doer stated as the one who may do it
_DOER_SUFFICES = re.compile(
    rf"(?P<role>{ROLE.pattern})(?:来|去|负责)?(?P<doing>{DOINGS})(?:一下)?(?:的)?(?:就行|就可以|就够|也行|可以|行)"
)


# … or the one turned to (「副市长出差是向常务副市长请假吗」): whom the leave is asked of, a report made to
# (向, or as said day to day: 跟, 找 — 「跟秘书长请假就行了吧」)
_TURNED_TO_CLAIMED = re.compile(
    rf"(?:是|要|得)?(?:向|跟|找)(?P<role>{ROLE.pattern})(?P<doing>请假|报告|请示|报备|汇报)"
)


def doer_checked(question: str, clause: str) -> bool:
    """A yes/no question states a doer (「纪要是办公室主任签的吧」) and ``clause`` names who does that doing
    (「区长办公会议纪要由区长签发」, or the one stated among others): a premise the clause confirms or corrects, not
    a question about another role."""
    claim = _doer_claim(question, [clause])
    return claim is not None and bool(claim[2])


def _doer_claim(question: str, quotes: Sequence[str]) -> tuple[str, str, list[re.Match[str]], str, bool] | None:
    """The doer a yes/no question states and its doing (「是副区长主持的吧」: 副区长, 主持), the quotes' namings of
    someone doing that doing, the quotes' text, and whether the doing is asked to be handed to the doer (「能不能委托
    秘书长主持」); None when the question states no doer to confirm."""
    q = normalize(question)
    handed = HANDED.search(q)  # asked as it is stated: 「能不能委托…」 needs no 吗
    m = _DOER_CLAIMED.search(q) or _DOER_SUFFICES.search(q) or _TURNED_TO_CLAIMED.search(q) or handed
    if m is None or not (m is handed or to_confirm(q)) or "还是" in q:
        return None  # (「是市长签还是秘书长签」: a choice, not a claim)
    role, doing = m.group("role"), m.group("doing")
    text = "".join(normalize(quote) for quote in quotes)
    if role.startswith("常务") and f"{_EXECUTIVE}{role[2:]}" in text:
        role = role[2:]  # 「常务副市长」 is what the rules call 「负责常务工作的副市长」
    named = list(re.finditer(rf"(?P<role>{ROLE.pattern})[^，。；,;]{{0,6}}?{doing}(?:发|署|字)?", text))
    return role, doing, named, text, m is handed


# the deputy in charge of the matter, as the rules name them (「市政府分管负责同志」, 「分管领导同志」, 「分管负责人」)
_IN_CHARGE = re.compile(r"分管[^，。；,;]{0,4}?(?:负责同志|领导同志|负责人|领导)")


def _doer_verdict(question: str, quotes: Sequence[str]) -> str:
    """Whether the doer a yes/no question states (「是秘书长签发的吧」) is the one the quoted clauses name for that
    doing (「报市长签发」); "" when the question states none, or the clauses name the one stated beside others
    (「一般由秘书长签发；重要文件报…市长签发」: which one is a matter of the case) or not as its doer (a clause
    naming both leaves the reader to read it)."""
    claim = _doer_claim(question, quotes)
    if claim is None:
        return ""
    role, doing, named, text, handed = claim
    if not named:
        # 「专题会纪要是市长签发的吧」 and 「纪要由主持召开会议的市政府领导同志签发」: the doer is said by what they do,
        # not by a post; the one stated may be that one, but the rule does not say it is
        described = None if handed else _DESCRIBED_DOER.search(text)
        if described and doing in described.group(0)[-4:] and role not in described.group("who"):
            return f"与问题中的说法不完全一致：条文写明的是「{described.group(0)}」。"
        return ""
    if handed and (delegates := [n for n in named if _delegated(n, text)]):
        # 「能不能委托秘书长主持」: whom the rule lets it be handed to (「市长可委托负责常务工作的副市长召集并主持」)
        # (or among those it may be handed to: 「委托秘书长、副秘书长主持」 names 副秘书长 too)
        same = next(
            (n for n in delegates if same_role(role, n.group("role")) or re.search(f"[、和及或]{role}", n.group(0))),
            None,
        )
        said = "一致" if same else "不同"
        return f"与问题中的说法{said}：条文写明的是「{_naming(same or delegates[0], text)}」。"
    if _ONLY.search(normalize(question)) and (
        other := next((n for n in named if not same_role(role, n.group("role"))), None)
    ):
        # 「常务会只能市长主持对吧」 and 「由市长或委托负责常务工作的副市长召集和主持」: not the one stated alone
        return f"与问题中的说法不完全一致：条文写明的是「{_naming(other, text)}」。"
    if delegated := _only_as_delegate(role, named, text):
        # 「朝阳常务会议是副市长主持的吧」 and 「由市长或委托负责常务工作的副市长召集和主持」: 副市长 does it only when
        # the 市长 delegates it
        return f"与问题中的说法不完全一致：条文写明的是「{delegated}」。"
    if all(same_role(role, n.group("role")) for n in named):  # 「一把手主持的吧」 and 「由市长召集和主持」: the same
        if step := _step_before(named[0], text):
            # 「直接跟区长请假就行」 and 「报分管副区长同意后，向区长请假」: the one stated, after another's consent
            return f"与问题中的说法不完全一致：条文写明的是「{step}」。"
        # … unless the naming gives a choice (「由负责常务工作的副市长或其他副市长主持」): one of them, not the one
        said = "不完全一致" if "或" in named[0].group(0) else "一致"
        return f"与问题中的说法{said}：条文写明的是「{_naming(named[0], text)}」。"
    if not _MAY_ASKED.search(normalize(question)) and (rule := _as_a_rule(role, named, text)):
        # 「办公室名义发文是市长签发的吧」 and 「一般由市政府秘书长签发；重要文件报…或市长签发」: the one stated signs only
        # in the cases set apart
        return f"与问题中的说法不完全一致：条文写明的是「{rule}」。"
    if any(same_role(role, n.group("role")) for n in named) or re.search(rf"{role}[^，。；,;]{{0,12}}{doing}", text):
        return ""  # the one stated is among those named for the doing (which one is a matter of the case)
    if role.startswith("副") and re.search(rf"{_IN_CHARGE.pattern}[^，。；,;]{{0,4}}{doing}", text):
        # 「函件能由分管副市长签发吗」 and 「…可授权市政府分管负责同志签发」: the deputy in charge is who the rule names
        return ""
    return f"与问题中的说法不同：条文写明的是「{_naming(named[0], text)}」。"


# a doer said by a phrase rather than a post (「由主持召开会议的市政府领导同志签发」), before the doing
_DESCRIBED_DOER = re.compile(rf"由(?P<who>[^，。；,;由]{{2,24}}?的[^，。；,;由]{{2,12}}?)(?:{DOINGS})")
_ONLY = re.compile(r"只(?:能由?|有|由|让)")  # the doer stated as the only one (「只能市长主持」)
_EXECUTIVE = "负责常务工作的"  # the deputy in charge of day-to-day work: a 常务副市长 (副区长)
_DELEGATED = re.compile(r"委托[^，。；,;]{0,12}$")  # 「…或委托负责常务工作的」 before the one delegated to


def _delegated(n: re.Match[str], text: str) -> bool:
    """Whether the doer ``n`` matched in ``text`` is named as the one a doing is delegated to (「…委托负责常务工作的」
    just before it)."""
    return _DELEGATED.search(text[max(0, n.start() - 16) : n.start()]) is not None


def _only_as_delegate(role: str, named: Sequence[re.Match[str]], text: str) -> str:
    """The phrase naming the doer (「由市长或委托负责常务工作的副市长召集和主持」) when the role stated does the doing
    only as the one it is delegated to (委托), else ""."""
    delegates = [n for n in named if _delegated(n, text)]
    if not any(same_role(role, n.group("role")) for n in delegates):
        return ""
    if any(same_role(role, n.group("role")) for n in named if n not in delegates):
        return ""
    return _naming(next(n for n in delegates if same_role(role, n.group("role"))), text)


# 「能让秘书长签吗」: whether the one stated may do it (「也可授权…秘书长签发」 says it may), not who does it as a rule
_MAY_ASKED = re.compile(r"能不能|能否|可不可以|可否|可以|能让|让[^，。？?]{0,8}[吗么]")


def _as_a_rule(role: str, named: Sequence[re.Match[str]], text: str) -> str:
    """How ``text`` names another doer as the rule (「一般由市政府秘书长签发」) before it names the role stated (only in
    the cases set apart after it), else ""."""
    for i, n in enumerate(named):
        if same_role(role, n.group("role")):
            return ""  # the role stated is named first
        lead = text.rfind("一般", max(0, n.start() - 8), n.start())
        later = any(same_role(role, m.group("role")) for m in named[i + 1 :])  # (not named at all: another doer)
        if lead >= 0 and later and not re.search(r"[，。；,;]", text[lead : n.start()]):
            return text[lead : n.end()]
    return ""


# another's consent or review the doing comes after (「报分管副区长同意后，」, 「经秘书长审核后，」), just before it
_AFTER_STEP = re.compile(r"[^，。；,;]*(?:同意|审核|批准|审定)后[，,]?$")


def _step_before(n: re.Match[str], text: str) -> str:
    """The step of another's consent the doer ``n`` matched comes after, with the naming (「报分管副区长同意后，向区长
    请假」); "" when the clause names none just before it."""
    start = n.start() - (1 if text[: n.start()].endswith("向") else 0)
    step = _AFTER_STEP.search(text[:start])
    return f"{step.group(0)}{_naming(n, text)}" if step else ""


def _naming(n: re.Match[str], text: str) -> str:
    """How ``text`` names the doer ``n`` matched: the match, or for one delegated to, the phrase from its
    delegator on (「由市长或委托负责常务工作的副市长召集和主持」, not 「副市长召集和主持」)."""
    if not _delegated(n, text):
        before = text[: n.start()]
        said = _EXECUTIVE if before.endswith(_EXECUTIVE) else "向" if before.endswith("向") else ""
        return said + n.group(0)  # 「向市长请假」, 「负责常务工作的副市长代行」
    start = max(text.rfind(p, 0, n.start()) for p in "，。；,;") + 1
    return text[start : n.end()]


def items_counted(question: str, quotes: Sequence[str]) -> str:
    """「有几项任务」 answered by the list quoted: how many items it has (「条文列了6项：」); "" when the question asks
    no count of items, or not exactly one quote is a list."""
    if not (m := ITEMS_COUNTED.search(question)):
        return ""
    lists = [(q, n) for q in quotes if (n := sum(map(is_item, q.split("\n")))) >= 2]
    if len(lists) != 1:
        return ""
    quote, count = lists[0]
    opening = list(itertools.takewhile(lambda line: not is_item(line), quote.split("\n")))
    measure = re.sub(r"^(?:几|多少)\s*", "", m.group(0))
    measure = "个方面" if measure == "方面" else measure
    # named by the list's lead (「市政府全体会议的主要任务是：」), the answer may quote another part's clause first
    lead = re.sub(r"(?:主要)?(?:是|有|包括|如下)?[：:]\s*$", "", "\n".join(opening).strip())
    return f"「{lead}」共{count}{measure}：" if 2 <= len(lead) <= 40 else f"条文列了{count}{measure}："


_QUOTED = re.compile(r"「([^「」]+)」")


def verdict(question: str, quotes: Sequence[str]) -> str:
    """The line saying whether the number (or the doer) ``question`` states is the one the quoted clauses write;
    how many items the list quoted has when that is asked (``items_counted``); "" when the question states none to
    confirm or no quote writes one of its kind. The clauses' words it quotes are found in normalised text, and
    quoted as the clauses write them (``as_written``: 「县（区）」, 「同意后，」)."""
    line = _verdict(question, quotes)
    return _QUOTED.sub(lambda m: f"「{as_written(m.group(1), quotes)}」", line)


def _verdict(question: str, quotes: Sequence[str]) -> str:
    if said := excepted(question, quotes):
        return said  # 「全局性工作的公文有字数上限吗」: the case asked is the one set apart, the number not for it
    claimed = _claimed(question)
    if claimed is None:
        return (
            items_counted(question, quotes)
            or _length_verdict(question, quotes)
            or _amount_verdict(question, quotes)
            or members_verdict(question, quotes)
            or share_verdict(question, quotes)
            or _doer_verdict(question, quotes)
            or modality_verdict(question, quotes)
        )
    measure, claim = claimed
    stated = _stated(measure, normalize(question), quotes, claim)
    if stated is None:
        # 「朝阳副市长出差要提前3天请假吗」 and 「应事先向市长请假」: the quoted rule speaks of when, with no number
        # at all (not a rule on something else: 「由市长召集和主持」)
        return _UNSET[measure] if any(_WHEN_UNNUMBERED.search(q) for q in quotes) else ""
    if math.isinf(stated.high) and not math.isinf(claim.high) and claim.low >= stated.low:
        # 「每月开两次是吧」 and 「每月至少召开 1 次」: allowed, but not what the clause sets
        return f"条文没有规定问题中的这个数，只规定了下限：「{stated.said}」。"
    if math.isinf(claim.high) and math.isinf(stated.high) and not _near(claim.low, stated.low):
        # 「每月至少开两次是吧」 and 「每月至少召开 1 次」: two floors, the question's is not the rule's (a meeting held
        # twice is within the rule, but the rule does not ask for two)
        return f"与问题中的说法不同：条文写明的是「{stated.said}」。"
    if stated.low <= claim.low and claim.high <= stated.high:
        # 「一年一回」 and 「每年召开1-2次」: within the range, not the same
        if (claim.low, claim.high) != (stated.low, stated.high):
            return f"问题中的说法在条文规定的范围之内：条文写明的是「{stated.said}」。"
        return f"与问题中的说法一致：条文写明的是「{stated.said}」。"
    if claim.low <= stated.low and stated.high <= claim.high:
        # 「每月开1到3次对吗」 and 「每月召开 1-2 次」: the rule is narrower than the question says, not the same
        # (read as agreement by users when said 「在问题所说的范围之内」: review 43)
        return f"与问题中的说法不完全一致：条文写明的是「{stated.said}」。"
    if _near(claim.low, stated.low) and _near(claim.high, stated.high):
        # 「半个月开一次吧」 and 「每两周召开一次」: 24 and 26 times a year, not the same words
        return f"与问题中的说法相近：条文写明的是「{stated.said}」。"
    return f"与问题中的说法不同：条文写明的是「{stated.said}」。"


_PART_END = re.compile(rf"(?<=[{SENTENCE_END}；;\n])")


def _parts(quotes: Sequence[str]) -> list[str]:
    """The quotes' parts, normalized, each to its ；or sentence end: the cases a clause may set one by one."""
    return [part for quote in quotes for part in _PART_END.split(normalize(quote))]


def _unnumbered(question: str) -> str:
    return re.sub(NUMERAL, "#", question)  # the number claimed tells no case


def _compact(part: str) -> str:
    return re.sub(r"[、，,\s]", "", part)  # 「以市委、市政府名义」 is 「以市委市政府名义」


def _stretch_said(part: str, unnumbered: str) -> int:
    """How long a stretch of the (unnumbered) question ``part`` says: how well it names the case asked."""
    text = _compact(part)
    m = SequenceMatcher(None, text, unnumbered, autojunk=False).find_longest_match(0, len(text), 0, len(unnumbered))
    return m.size


def _stated(measure: Measure, question: str, quotes: Sequence[str], claim: Reading) -> Reading | None:
    """The quotes' number of the kind claimed, for the case the question asks about: of the quotes' parts (to a
    ；or 。) that state one, the one saying the longest stretch of the question (「需以区委区政府名义…前7日…；需以区
    政府名义报市政府…前5日…」 asked 「以区政府名义报市政府…提前5日对吗」: the second); on a tie, the one the question
    claims, if one is (「代拟稿要提前15天报吧」 holds in one of the cases the quote shows), else the first. A deadline is
    the one for the doing the question names after its days (「3个工作日内报…，7个工作日内印发」: 印发)."""
    verb = ""
    if measure == "deadline" and (days := _DAYS_SAID.search(question)):
        verb = next((d for d in _DONE_AFTER.findall(question[days.end() : days.end() + 6])), "")
    read = [(r, part) for part in _parts(quotes) if (r := reading(measure, part, verb)) is not None]
    if len(read) <= 1:
        return read[0][0] if read else None
    unnumbered = _unnumbered(question)
    claimed = (claim.low, claim.high)
    # the longest stretch of the question a part says, then the most words shared; max keeps the first of equals
    return max(
        read,
        key=lambda t: (
            _stretch_said(t[1], unnumbered),
            shared_words(_compact(t[1]), unnumbered),
            (t[0].low, t[0].high) == claimed,
        ),
    )[0]


_DAYS_SAID = re.compile(rf"(?:{NUMERAL})\s*个?(?:工作日|日|天)(?:内|以内)?")
_DONE_AFTER = re.compile(rf"{DONE.pattern}|报")  # what a deadline is for, or a bare 报


def shared_words(text: str, question: str) -> int:
    """How many distinct two-character words of ``text`` the question has (a word ``text`` repeats counts once)."""
    return len(
        {text[i : i + 2] for i in range(len(text) - 1)} & {question[i : i + 2] for i in range(len(question) - 1)}
    )


# A rule that says when without a number: beforehand, in time, as needed, regularly
_WHEN_UNNUMBERED = re.compile(rf"事先|提前|会前|及时|尽快|定期|{AS_NEEDED}")
# What a quoted rule that sets no number of the kind claimed does not set
_UNSET: dict[Measure, str] = {
    "frequency": "所引条文没有规定具体的召开频次。",
    "lead": "所引条文没有规定提前的具体天数。",
    "deadline": "所引条文没有规定具体期限。",
}


# How far apart two readings may be and still be near (half a month and two weeks: 24 and 26 times a year)
_NEAR = 0.1


def _near(a: float, b: float) -> bool:
    return math.isfinite(a) and math.isfinite(b) and abs(a - b) <= _NEAR * max(a, b)


def _cap(unit: str) -> re.Pattern[str]:
    """A length a rule caps a text at, in ``unit``: 「一般不超过 1200 字」, 「控制在3000字以内」."""
    return re.compile(
        rf"(?:一般|原则上)?(?:不超过|不得超过|不多于|不宜超过)\s*(?P<n>{NUMERAL})\s*{unit}"
        rf"|(?:控制在|在)\s*(?P<m>{NUMERAL})\s*{unit}\s*(?:以内|之内)"
    )


def _length_verdict(question: str, quotes: Sequence[str]) -> str:
    """Whether the length a yes/no question states (「汇报稿写两千字可以吧」) is within the cap the quoted clauses set
    (「汇报稿字数一般不超过 1200 字」), or, stated as a cap (「也是不超过1500字吧」), is that cap; "" when it states
    none, or no quote caps that unit, or several do and the question's words do not tell which (「请示一般不超过
    1500 字，综合报告一般不超过 5000 字…」: the one whose subject the question names)."""
    q = normalize(question)
    claim = LENGTH_CLAIMED.search(q) if to_confirm(q) else None
    value = number_value(claim.group("n")) if claim else None
    if claim is None or value is None:
        return ""
    cap = _cap_asked(q, claim.group("unit"), quotes)
    limit = number_value(cap.group("n") or cap.group("m")) if cap else None
    if cap is None or limit is None:
        return ""
    if _AS_CAP.search(q[: claim.start()]) or q[claim.end() : claim.end() + 2] in ("以内", "之内"):
        # the question states a cap: the same one or not
        same = value == limit
        return f"与问题中的说法{'一致' if same else '不同'}：条文写明的是「{cap.group(0)}」。"
    if value > limit:
        return f"与问题中的说法不同：条文规定的上限是「{cap.group(0)}」。"
    return f"问题中的说法在条文规定的上限之内：条文写明的是「{cap.group(0)}」。"


# a length stated as a cap (「也是不超过1500字吧」, 「最多五千字」)
_AS_CAP = re.compile(r"(?:不超过|不能超过|不得超过|最多|顶多|至多|上限是?)\s*$")
_CLAUSE_START = re.compile(r"[，,；;。：:]")


def _cap_asked(question: str, unit: str, quotes: Sequence[str]) -> re.Match[str] | None:
    """The cap in ``unit`` the quotes set for what the question asks of: the only one, or the one whose subject
    (its words since the clause began) shares the most words with the question, when one does."""
    pattern = _cap(unit)
    caps = [(m, text) for text in map(normalize, quotes) for m in pattern.finditer(text)]
    if len(caps) <= 1:
        return caps[0][0] if caps else None

    def shared(m: re.Match[str], text: str) -> int:
        return shared_words(_CLAUSE_START.split(text[: m.start()])[-1], question)

    scored = sorted(((shared(m, text), m.start(), m) for m, text in caps), key=lambda t: -t[0])
    return scored[0][2] if scored[0][0] > 0 and scored[0][0] > scored[1][0] else None


# An amount a yes/no question states to be confirmed (「每年下基层不少于30天对吧」, 「每年主持3个重点调研课题对吗」):
# a count of things, or of days said with a bound (a bare number of days is a time: ``_claimed``), near the end
_BOUND = r"(?P<floor>不少于|至少|不低于)?(?P<cap>不超过|最多|不多于|至多)?"
_AMOUNT_CLAIMED = re.compile(
    rf"{_BOUND}\s*(?P<n>{NUMERAL})\s*(?:(?P<unit>[个人名项件种])(?P<what>[^，。；？?]{{0,6}}?)"
    rf"|(?P<days>天|日))(?:时间)?(?:对|是|没错|就行|可以|行|(?P<enough>就?够了?|就足够了?))?[吗吧呀啊][？?。！!]*$"
)
# … and the quotes' amounts of that unit, with their bound or range (「1—2个」, 「不少于60天」)
_AMOUNT_STATED = r"{bound}\s*(?P<n>{n})(?:\s*[-—~～至到]\s*(?P<hi>{n}))?\s*(?:{unit})(?={what})"


def _amount_verdict(question: str, quotes: Sequence[str]) -> str:
    """Whether the amount a yes/no question states (see ``_AMOUNT_CLAIMED``) is the quoted clauses': of their amounts
    in that unit (of the same thing, for a count: 「个重点调研课题」), the one in the part saying the longest stretch of
    the question (the case asked, as ``_stated`` reads it first; the first of equals); "" when the question states
    none or no quote states one."""
    q = normalize(question)
    claim = _AMOUNT_CLAIMED.search(q)
    value = number_value(claim.group("n")) if claim else None
    # 「30天就够了吧」: said to be enough, the number is claimed as the floor
    floor = claim is not None and bool(claim.group("floor") or claim.group("enough"))
    bounded = claim is not None and (floor or bool(claim.group("cap")))
    if claim is None or value is None or (claim.group("days") and not bounded):
        return ""
    unit, what = ("天|日", "") if claim.group("days") else (claim.group("unit"), re.escape(claim.group("what")[:2]))
    pattern = re.compile(_AMOUNT_STATED.format(bound=_BOUND, n=NUMERAL, unit=unit, what=what))
    unnumbered = _unnumbered(q)
    found = [(m, _stretch_said(part, unnumbered)) for part in _parts(quotes) for m in pattern.finditer(part)]
    if not found:
        return ""
    m = max(found, key=lambda t: t[1])[0]
    low = number_value(m.group("n")) or 0
    high = number_value(m.group("hi")) if m.group("hi") else low
    said = m.group(0)
    if m.group("floor") or m.group("cap"):
        # a bound of the same kind, however said (「至少」 and 「不少于」 are both a floor)
        same_bound = (bool(m.group("floor")), bool(m.group("cap"))) == (floor, bool(claim.group("cap")))
        if value == low and (same_bound or not bounded):
            return f"与问题中的说法一致：条文写明的是「{said}」。"
        if not bounded and (value > low if m.group("floor") else value < low):
            kind = "下限" if m.group("floor") else "上限"
            return f"问题中的数在条文规定的{kind}之内：条文写明的是「{said}」。"
        return f"与问题中的说法不同：条文写明的是「{said}」。"
    if high is not None and low <= value <= high and low != high:
        return f"问题中的说法在条文规定的范围之内：条文写明的是「{said}」。"
    return f"与问题中的说法{'一致' if value == low == high else '不同'}：条文写明的是「{said}」。"
