"""Quantities, durations, frequencies and deadlines: what a question asks for and what a clause states.

General detectors, not phrase lists: a question asks for a *time* (多久, 几天, 多长时间, 什么时候,
提前几天, 多久一次 …) or a *count* (几个, 多少人, 几次, 字数 …); a clause states a time when it
has a number with a time unit (5个工作日内, 两个月, 1天, 会前2日, 1-2次), a frequency (每半年,
每季度, 定期) or a deadline word tied to an event (提前, 会前, 之日起, 以前); it states a count
when it has a number with any measure word (3名, 1500字, 三分之二, 半数). Arabic and Chinese
numerals alike.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from assistant.numerals import parse_chinese_number
from assistant.textnorm import normalize

QuantityKind = Literal["frequency", "time", "count"]

_NUM = r"(?:[0-9０-９]+(?:[.．][0-9]+)?|[零〇一二两三四五六七八九十百千半]+)"
_RANGE = rf"{_NUM}(?:\s*[-—~～至到]\s*{_NUM})?"
_TIME_UNIT = r"(?:个)?(?:工作日|日|天|周|星期|个月|月|年|季度|小时|分钟|时)"
# A span of time said as a word: 「一个月」, 「半年」, 「每周」 (in 「一个月开几次」 it says over how long, not what)
SPAN_OF_TIME = re.compile(rf"(?:每|几|{_RANGE})\s*{_TIME_UNIT}")
_TIME_STATED = re.compile(
    rf"{_RANGE}\s*{_TIME_UNIT}"
    rf"|每\s*(?:年|季度|季|月|周|星期|日|天|半年|两个月|两周|{_RANGE}\s*{_TIME_UNIT})"
    r"|定期|按月|按季|按年|年度|季度|月度|半年|年初|年底|年中|月底|年末"
    rf"|{_RANGE}\s*次"
    r"|提前|会前|会后|事先|之日起|起施行|以前|之前|当天|当日|及时|随时|即时"
    r"|任期"  # 「在一届政府任期内」: a term of office is a span of time
)
_TIME_NUMBER = re.compile(rf"{_RANGE}\s*{_TIME_UNIT}")
# 「一正二副」: a post's leaders, one head and two deputies (how many leaders an office has)
_HEAD_AND_DEPUTIES = r"[一二两三四五六七八九十]正[一二两三四五六七八九十]副"
_COUNT_STATED = re.compile(
    rf"{_RANGE}\s*(?:名|人|个|项|次|字|页|篇|倍|%|％|位|家|条|种|类|级|万|千)|{_HEAD_AND_DEPUTIES}"
    r"|[一二三四五六七八九十]分之[一二三四五六七八九十]|半数|过半|多数|全体(?!会)|以上|以下|不超过|不少于|不得超过"
)
# A share (「半数以上」, 「三分之二以上」, 「60%」, 「八成」): of members present, of votes
_SHARE = rf"{_NUM}\s*分之\s*{_NUM}|半数|过半|多数|{_NUM}\s*[%％]|(?<![组完构促形达变])[一二三四五六七八九几]成(?![员立本果绩为效])"
_ASKS_SHARE = re.compile(r"比例|占比|几成|多少票|几票|票数|(?:几|多少)分之")
_SHARE_SAID = re.compile(_SHARE)


def _share_claimed(question: str) -> bool:
    """Whether a yes/no question states a share to be confirmed (「要过半数人到场才能开吗」)."""
    return _SHARE_SAID.search(question) is not None and _confirming(question)


# 「根据工作需要不定期召开」: a meeting or activity held as needed (not 「根据工作需要由办公室起草」).
AS_NEEDED = r"(?:不定期|根据[^，。；]{0,6}需要|视情况|随时|适时)[^，。；]{0,3}(?:召开|举行|开展)"
_FREQUENCY_STATED = re.compile(
    rf"每\s*(?:年|季度|季|月|周|星期|日|天|半年|两个月|两周|{_RANGE}\s*{_TIME_UNIT})|定期|按月|按季|按年|"
    # (not 年度/月度 alone: 「年度立法计划」, 「年度预算」 are a year's plans, not how often something is held)
    # 「一年一回」 is 「一年一次」 (a question's word; the rules say 次)
    rf"{_RANGE}\s*次|{_RANGE}\s*{_TIME_UNIT}[^，。；]{{0,6}}(?:一|1)[次回]|半年|季度"
    r"|" + AS_NEEDED  # "as needed" answers "how often" too
)
# 次, 回 and 趟 all count occurrences (「多久开一回」 is 「多久开一次」); 定期 and 周期 ask how often too.
_TIMES = "[次回趟]"
# 「一年开几次」, 「一年大概开多少次」, 「每个月开几回」: the span counted over is part of the asking (not in 「每年要交
# 几篇调研报告」, a count of things per year)
_PER_SPAN_ASKED = r"一年.{0,3}几|一个月.{0,3}几|(?:一|每)(?:年|个?月|周|星期).{0,3}(?:几|多少)(?:次|回)"
_ASKS_FREQUENCY = re.compile(
    rf"多久.{{0,4}}一{_TIMES}|多长时间.{{0,4}}一{_TIMES}|几{_TIMES}|"
    # 「几天开一次」, 「几个月搞一回」, 「多少天开一次」: a span of time per occurrence is how often too
    rf"(?:几|多少)个?(?:天|日|周|星期|月|年).{{0,3}}一{_TIMES}|{_PER_SPAN_ASKED}|多少{_TIMES}|频率|频次|"
    r"隔多久|定期|周期|[最多更较]勤|勤不勤|频繁"  # 「哪个开得最勤」, 「哪个更勤」: how often, compared
    r"|固定(?:的)?(?:时间|日子|日期)"  # 「是不是固定时间开的」: whether on a schedule, how often
    r"|(?:开|召开|举行|搞|办)得?(?:最|更|比较)(?:少|多|密)"  # 「哪个地方的全体会议开得最少」
    r"|多久(?:才|要|得|会)?(?:召开|开|举行|举办)(?![完了会])"  # 「常务会多久开」: how often (not 开完)
    r"|(?:开|召开|举行)得(?:多|少|勤|频繁)"  # 「咸宁和朝阳常务会哪个开得多」
)
# a text written, right before 多长 (「写多长」, 「写得多长」, 「稿子多长」): its length asked, not a time
_WRITTEN = "写得?|稿子?|篇幅"
_TEXT_LENGTH = re.compile(
    f"(?:{_WRITTEN})多长"
)  # 「材料写多长合适」, 「汇报稿多长」: how long a text is, in characters
_NOT_WRITTEN = "(?<!写)(?<!写得)(?<!稿)(?<!稿子)(?<!篇幅)"
# Whether a time is set at all (「调研的时间有硬性要求吗」, 「时长有没有限制」; also fronted before the places asked:
# 「调研的时间，咸宁和朝阳有规定吗」; and the other way round: 「备案有没有时间要求」, 「汇报有时间限制吗」): asks the time,
# and a limit the clause names answers it as a number does (「严格落实办理责任和时限」)
_TIME_REQUIRED = re.compile(
    r"(?:时间|时长)(?:上)?(?:[，,][^，。？?]{0,8})?(?:有没有|有无|是否有|都有|有)[^，。？?]{0,4}(?:要求|规定|限制|门槛|标准)"
    r"|(?:有没有|有无|是否有|有)(?:什么|啥)?(?:时间|时长)(?:上的?)?(?:要求|限制|限定|规定)"
)
# (「休假那几天」, 「这几个月」: a few days pointed at, not how many asked; 「会前几天」 asks)
_ASKS_TIME = re.compile(
    r"多久|多长时间|多长时候|多少天|多少日|多少个工作日|(?<![那这头])(?:几天|几日|几个工作日|几个月|几年|几周)|几小时|几分钟|"
    rf"什么时候|何时|哪天|啥时候|时限|期限|多久一次|频率|频次|提前几|{_PER_SPAN_ASKED}|几次|多少次|{_NOT_WRITTEN}多长"
    # 哪几点 asks which points (a list), not a time of day; 「哪个地方纪要印发得最快」: how long, compared
    r"|几月|哪个?月|(?<!哪)几点|天数|得(?:最|更)(?:快|慢|早|晚|长|短)|星期几|周几|礼拜几|(?<![文第编])几号(?![文令线])|哪号"
    rf"|{_TIME_REQUIRED.pattern}"
)
# 「哪几种访」, 「哪几个部门」 ask which ones (a list), not how many; 「这几份规则」 points at some (these);
# 「说几个」, 「举几个」, 「列几项」 ask for some of them (a list).
# Measure words a count is asked and stated in: issues, copies, batches, rounds, terms, sessions (几期, 3期)
_CLASSIFIERS = "期份批轮届场"
_ASKS_COUNT = re.compile(
    rf"{_TEXT_LENGTH.pattern}|"
    rf"(?<![哪这说举列讲])(?:几个(?!地方|地区|城市|市)|几名|几位|几项|几种|几类|几人|几页|几篇|几张|几块钱|几[{_CLASSIFIERS}])|多少|比例|字数|人数"
    r"|几[十百千万]+"  # 「最多能写几千字」, 「几百人」: a count said in its order of magnitude
)
# How many items a list has (「全体会议有几项任务」, 「一共几个方面」, 「分几种情形」): the rules enumerate them
# (（一）…（六）) rather than say a number, so it is asked as the list, and counted from it (``items_counted``);
# not a cap or a floor (「最多几项议题」: a number the rule may set)
ITEMS_COUNTED = re.compile(
    r"(?<![哪第这说举列讲])(?<!最多|最少|至多|至少|超过|不超)(?:几|多少)\s*(?:项|个?方面|种情[况形]|大?类(?!似)|条(?![例规]))"
)
# An amount asked in a unit no number of a clause is in unless the rule sets it: a post's grade (「副秘书长是什么职级」),
# a score (「扣多少考核分」), money by what is paid (「会议经费标准是多少」, 「补贴标准」) — the asking, not a topic
# (not 「什么级别的人」, 「啥级别的领导」: which officials, answered by a role — 主要负责人)
_ASKS_LEVEL = re.compile(
    r"(?:什么|啥|几)(?:个)?(?:行政)?(?:级别|职级)(?!的?(?:人|领导|干部|负责|同志|官员))"
    r"|(?:级别|职级)(?:是|有|为|算)?(?:多少|什么|啥|多高|几)"
)
_ASKS_SCORE = re.compile(r"(?:多少|几)\s*(?:[\u4e00-\u9fff]{2})?分(?![钟之管别工类批期配散开])")
# (any fee: 会议费, 差旅费, 培训费 — not 浪费, 免费)
_PAID = r"(?:经费|费用|工资|薪酬|薪资|薪水|奖金|补助|补贴|津贴|报销|金额|价格|罚款|罚金|收费|(?<![浪免])费)"
_PER = r"(?:每人|每天|每日|每次|每月|每年|每场|人均|一天|一次){0,2}"  # 「会议费每人每天标准多少」: what it is paid per
_ASKS_MONEY = re.compile(rf"{_PAID}{_PER}(?:标准)?(?:是|有|给|发|能|要|可以)?(?:多少|几)|{_PAID}{_PER}标准")
_LEVEL_CLAIMED = re.compile(r"[正副][厅处科局部县乡镇]级|[厅处科]级")
_SCORE_CLAIMED = re.compile(rf"(?:扣|加|减|得)\s*{_NUM}\s*分(?![钟之管别工])")
LEVEL = "级别"  # the unit of a post's grade asked (正处级, 副厅级): stated only as one
SCORE = "分"  # the unit of a score asked (扣多少分): stated only as a number of points


# How often, asked with the doing around it: 「隔多久搞一次」, 「一般一个月开几次」, 「多久组织一次」
_DOING = r"(?:召开|举行|举办|组织|安排|开展|搞|开|办)"
_HOW_OFTEN_PHRASE = re.compile(
    rf"(?:一般|通常|平时|大概)?(?:一年|一个月|一季度|每年|每个?月|每季度?|每周)?(?:要|得|需要)?[隔间]?{_DOING}?"
    rf"(?:(?:多久|多长时间)(?:才|要|得|会)?{_DOING}?一{_TIMES}|(?:几|多少){_TIMES})"
)


def without_how_often(question: str) -> str | None:
    """The question's words once its asking how often (with the doing around it) is taken out:
    「区政府隔多久搞一次专题学习」 → 「区政府专题学习」 (what is done, and by whom); None: it asks no such thing."""
    m = _HOW_OFTEN_PHRASE.search(question)
    return (question[: m.start()] + question[m.end() :]).strip("？?。！! ") if m else None


# 「开得最勤」, 「印发得最快」: a quantity compared across places by a superlative (ending the predicate)
_SUPERLATIVE = re.compile(
    r"(召开|举行|举办|开|搞|办|印发|完成|形成|送达|通知|报送|回复|签发)?得?(?:最|更)(?:勤|频繁|少|多|密|快|慢|早|晚|长|短)"
    r"(?=[？?。，,！!呢吗]|$)"
    r"|(召开|举行|开)得(?:勤|多|少|频繁)(?:还是(?:勤|多|少|不勤))?(?=[？?。，,！!呢吗]|$)"  # 「开得勤还是少」
)
_PLAIN_ASKING = {"frequency": "多久{verb}一次", "time": "{verb}要多长时间", "count": "{verb}多少"}


def plain_asking(question: str) -> str:
    """A superlative asked of several places (「哪个地方的全体会议开得最少」) asks each place's quantity:
    「哪个地方的全体会议多久开一次」 (each place's rule is searched and quoted as for any question)."""
    m = _SUPERLATIVE.search(question)
    kind = asked(question)
    if not m or not kind:
        return question
    verb = m.group(1) or m.group(2) or ("开" if kind == "frequency" else "")
    asking = _PLAIN_ASKING[kind].format(verb=verb)
    return question[: m.start()] + asking + question[m.end() :]


# Words that ask for a bound of a quantity (「字数上限」, 「至少多长时间」): part of the asking, not the topic.
BOUNDS = re.compile(r"上限|下限|最多|最少|至少|最长|最短|最高|最低|最晚|最迟|最早")


# 「是不是每两周开一次」, 「每月开1到2次对吧」: a yes/no question about a stated quantity asks that quantity
# (a closing 吧 asks to confirm too: 「常务会是每周开一次吧」)
_CHECKS = re.compile(r"是不是|对吧|对不对|对吗|没错吧|是吗|是否是|是[^，。？?]{0,12}吗|吧[？?。！!]*$")
# a number with its unit just before the closing 吗 states it too (「咸宁常务会一个月开两次吗」), in a question that
# does not ask the number itself (「多久公布一次，一年一次吗」 asks how often)
_NUMBER_THEN_MA = re.compile(
    r"[0-9０-９一二两三四五六七八九十]\s*(?:个)?(?:次|回|天|日|工作日|周|月|年|字|人)[吗么][？?。！!]*$"
)
_ASKS_NUMBER = re.compile(r"多久|多长|多少|几")
# … or said to be the number with a rising question mark only (「文件是7个工作日内印发？」, review 54)
_NUMBER_SAID_ASKED = re.compile(r"是[^，。？?吗]{0,6}[0-9０-９一二两三四五六七八九十][^，。？?吗]{0,12}[？?]+$")


def checks(question: str) -> bool:
    """Whether the question asks to confirm something it states (「是区长签发吗」, 「每周开三次，对吗」)."""
    return bool(_CHECKS.search(question)) or (
        (_NUMBER_THEN_MA.search(question) is not None or _NUMBER_SAID_ASKED.search(question) is not None)
        and not _ASKS_NUMBER.search(question)
    )


# How often, as said day to day: so many times in a period (「一个月开一两次」, 「一年两回」), 「每个月」
_PER_PERIOD_CLAIMED = re.compile(
    rf"(?:每|一)\s*个?\s*(?:年|季度|月|周|星期)[^，。；？?]{{0,4}}?{_RANGE}\s*[次回](?:左右|上下)?|每\s*个\s*(?:月|星期|季度)"
)


def checked(question: str) -> list[str]:
    """The quantities a yes/no question states to be checked (「是不是每两周开一次」 → 每两周, 「也是一个月开一两次
    吧」 → 一个月开一两次): the value asked about, not a topic word the answering clause must share."""
    if not checks(question):
        return []
    return [m.group(0) for r in (_PER_PERIOD_CLAIMED, _FREQUENCY_STATED) for m in r.finditer(question)]


def checked_length(question: str) -> list[str]:
    """The lengths a yes/no question states to be confirmed (「请示2000字以内就行吧」 → 2000字; see ``LENGTH_CLAIMED``):
    like ``checked``, values asked about, not topic words the answering clause must share."""
    return [m.group(0) for m in LENGTH_CLAIMED.finditer(question)] if _confirming(question) else []


# A time a yes/no question states as what is done (「要提前5个工作日报请示吗」, 「纪要3天内印发对吗」): how far ahead
# or by when, the value to be checked; not a time that sets the case (「请假超过一周要报备吗」: 超过 a week)
_TIME_CLAIMED = re.compile(
    rf"提前\s*{_RANGE}\s*{_TIME_UNIT}|(?<![超过满出足于])\s*{_RANGE}\s*{_TIME_UNIT}\s*(?:内|以内|之内)"
    # 「几天内印发，是7个工作日吗」: the number of days, stated for the time asked before it
    rf"|(?<=是)\s*{_RANGE}\s*(?:个)?(?:工作日|日|天)(?=[吗吧呀啊？?。]|$)"
)


_CLOSING_MA = re.compile(r"吗[？?！!。]*$")


def to_confirm(question: str) -> bool:
    """Whether ``question`` states something to be confirmed: as ``checks`` reads it, or said and closed by 吗
    (「纪要由秘书长签发吗」, 「城区常务会由区长、副区长、办公室主任组成吗」)."""
    return checks(question) or _CLOSING_MA.search(question) is not None


def _confirming(question: str) -> bool:
    """Whether ``question`` asks yes or no (to confirm what it states, or whether)."""
    return checks(question) or _WHETHER.search(question) is not None


def checked_time(question: str) -> list[str]:
    """The lead times or deadlines a yes/no question states to be confirmed (see ``_TIME_CLAIMED``): like
    ``checked``, values asked about, not topic words."""
    return [m.group(0).strip() for m in _TIME_CLAIMED.finditer(question)] if _confirming(question) else []


# Whether something is done with a time (「要不要写明啥时候撤」, 「要不要把办理时限公开」, 「能不能再缩短办理时间」):
# a yes/no question about doing it, not asking the time — unless a span is asked as well (多久, 几天)
_DONE_WITH_TIME = r"(?:写明|公开|公示|缩短|压缩|延长|告知|明确|注明|载明|约定)"
_TIME_WORD = r"(?:时限|期限|时间|啥时候|什么时候|何时)"
_TIME_AS_OBJECT = re.compile(
    rf"{_DONE_WITH_TIME}[^，。？?；]{{0,6}}{_TIME_WORD}|{_TIME_WORD}[^，。？?；]{{0,8}}{_DONE_WITH_TIME}"
)
_WHETHER = re.compile(r"([\u4e00-\u9fff])[不没]\1|是否|能否|可否|[吗么][？?。！!]*$")
_HOW_LONG = re.compile(r"多久|多长|几天|几日|几个|多少|几周|几年")


def _whether_done_with_time(question: str) -> bool:
    return bool(_TIME_AS_OBJECT.search(question) and _WHETHER.search(question) and not _HOW_LONG.search(question))


# 「几个部门联合制定的…，发之前要市政府批吗」, 「几个部门协商完还是谈不拢，请示该怎么报」: a clause that opens with
# 几个 (几位, 几家, 几名) and is followed by another clause that asks is a case (some departments), not a count asked
_INDEFINITE = re.compile(
    r"(?:^|(?<=[，,。；;：:\s]))(?:要是|如果|假如|若)?(?:有|好)?几(?=[个位家名])(?!个(?:地方|地区|城市|市|区|县|地))"
    r"(?=[^，,。；;？?！!]*[，,；;][^？?]*?(?:怎么|咋|吗|么|谁|哪|什么|啥|如何|是否|是不是|要不要|能不能|可不可以|多久|多长|几|呢))"
)


# 「局长要离开大同出去几天，需要怎么报备」, 「休假几天需要报批吗」: how long someone is away, said with 几 before what
# is asked of it (how, whether, to whom), is "for some days", not a time asked (「请假要提前几天」 still asks one)
_AWAY_SOME = re.compile(
    r"(?:出去|离开|外出|出差|休假|出门|出国|在外|离[\u4e00-\u9fff]|请)几(?=个?(?:天|日|周|星期|月)假?)"
    r"(?=[^？?]*?(?:怎么|咋|吗|么|谁|哪|如何|是否|要不要|需不需要|用不用|需要|得))"
)


def definite(question: str) -> str:
    """``question`` with a 几 that only says "some" read as 多 (多个部门, 出去多天), so that it asks no count: a
    clause-opening one (``_INDEFINITE``) or how long someone is away (``_AWAY_SOME``); the same length, so
    positions in it stay those of the question."""
    return _AWAY_SOME.sub(_read_as_some, _INDEFINITE.sub(_read_as_some, question))


def _read_as_some(m: re.Match[str]) -> str:
    """The 几 ending ``m`` read as 多."""
    return m.group(0)[:-1] + "多"


@lru_cache(maxsize=4096)  # asked of the same question for every clause scored
def asked(question: str) -> QuantityKind | None:
    """What quantity the question asks for: a frequency, a time (duration, deadline), a count, or none."""
    question = definite(question)
    if _ASKS_FREQUENCY.search(question) or checked(question):
        return "frequency"
    if _ASKS_TIME.search(question):
        return None if _whether_done_with_time(question) else "time"
    if checked_time(question):
        return "time"
    kinds_claimed = _confirming(question) and (_KINDS_CLAIMED.search(question) or LENGTH_CLAIMED.search(question))
    if ITEMS_COUNTED.search(question) and not _ASKS_COUNT.search(ITEMS_COUNTED.sub("", question)):
        return None  # 「有几项任务」: the list, counted (see ``ITEMS_COUNTED``)
    if _ASKS_COUNT.search(question) or kinds_claimed or _share_claimed(question) or _asks_amount(question):
        return "count"
    return None


def _asks_amount(question: str) -> str | None:
    """The unit of an amount asked that only a rule setting it states: a grade (``LEVEL``), a score (``SCORE``) or
    money (元); else None."""
    if _ASKS_LEVEL.search(question) or (_LEVEL_CLAIMED.search(question) and _confirming(question)):
        return LEVEL  # 「副秘书长是正处级吗」: a grade stated to be confirmed, asked as 「什么级别」 asks it
    if _ASKS_SCORE.search(question) or (_SCORE_CLAIMED.search(question) and _confirming(question)):
        return SCORE
    return "元" if _ASKS_MONEY.search(question) else None


# A number of kinds a yes/no question states (「简报是不是只让报一种」, 「能报两种简报吗」): the count to be confirmed,
# answered by the clause that counts them (「只向市政府报送1种简报」)
_KINDS_CLAIMED = re.compile(rf"{_NUM}\s*[种类](?![类型])")
# A text's length a yes/no question states (「汇报稿写两千字可以吧」, 「请示写三页行吗」): the count to be confirmed, in
# its unit (or as the cap: 「也是不超过1500字吧」); not a length that sets the case (「超过5000字的报告…」, 「3000字以上的…」)
LENGTH_CLAIMED = re.compile(
    rf"(?<![0-9０-９零〇一二两三四五六七八九十百千.．])(?P<n>{_NUM})\s*(?P<unit>字|页|篇)(?!以上的|以下的|的)"
)


def asked_span(question: str) -> tuple[int, int] | None:
    """Where the question asks for a quantity (its words are not content terms)."""
    question = definite(question)
    m = _ASKS_FREQUENCY.search(question) or _ASKS_TIME.search(question) or _ASKS_COUNT.search(question)
    if m is None and _confirming(question):  # 「纪要要在3天内印发吗」: the time to be confirmed stands for it
        m = _TIME_CLAIMED.search(question)
    if m is None:
        return None
    # 「时限要多长时间」: the limit and how long it is are one asking
    more = _HOW_LONG_AFTER.match(question, m.end())
    return (m.start(), more.end() if more else m.end())


_LINKED = r"\s*(?:分别|各自|都|一般|通常|大概|大约|具体)?\s*(?:是|要|为|有)?\s*"  # 「时限是多久」, 「时限分别是多久」: what joins a limit to how long it is
_HOW_LONG_AFTER = re.compile(rf"{_LINKED}(?:多久|多长时间|多长|几天|几个工作日)")


# A point in time asked (「什么时候报备案」, 「啥时候才能动工」), not a span (多久, 几天): answered by a number of days
# as any time is, and also by the event it is tied to (「批准变更时」, 「审批手续后方可开工」, 「设立时确定」)
_ASKS_WHEN = re.compile(r"什么时候|何时|啥时候|哪天|哪一天|什么时间|几时")
WHEN = "何时"  # the "unit" of a point in time asked
# Which time limit applies (「按什么时限来定」): answered by a number of days, and by the limit the clause names
# (「在国家规定的…时限内」)
_ASKS_WHICH_LIMIT = re.compile(r"(?:什么|啥|哪个|哪种)(?:时限|期限)")
LIMIT = "时限"
_ASKS_WEEKDAY = re.compile(r"星期几|周几|礼拜几")
# a day of the month asked (「常务会一般几号开」; not a document's number, 「几号文」, 「第几号」)
_ASKS_DAY = re.compile(r"(?<![文第编])几号(?![文令线])|哪号")
DAY = "几号"  # stated only as a day of the month (每月15日, 月底, 上旬) or of the week
WEEKDAY = "星期几"  # a day of the week asked (「一般安排在星期几开」): stated only as one (每周一, 星期三)
_EVENT_TIME = re.compile(
    # 「…时」 of an event (not 同时, 临时, 小时 …, nor 时间, 时限 …)
    r"[\u4e00-\u9fff](?<![同临平暂小适按准届当即随及])时(?![间限候效代期机])"
    # 「…后」, 「…以后」 of an event (not 今后, 最后, 然后 …, nor 后果, 后续 …)
    r"|[\u4e00-\u9fff](?<![今最然此前落背而先随午])后(?![果续期勤备面来者])"
)
CLOCK = "点钟"  # the unit of a time of day
MINUTES = "分钟"  # the unit of how long a sitting lasts (几分钟, 几个小时)
# how long a sitting or a speech lasts, asked without a unit (「最长能开多久」, 「汇报能讲多长时间」, 「时长」): stated in
# minutes or hours, not by a lead time or a deadline (「提前10个工作日报送请示」); not 「多长时间内」, a deadline
_SITTING_ASKED = re.compile(r"(?:开|讲|说|发言|汇报)(?:了|上)?(?:多长时间|多久)(?![内以之])|时长")

# A count asked in a unit of its own (「多少字」, 「字数」, 「几个人」, 「多少钱」) is stated only in that unit.
_ASKED_UNIT = re.compile(
    rf"(?:多少|几)\s*[十百千万]*\s*(?:个)?(字|页|篇|人|名|位|[{_CLASSIFIERS}])|(字|页|人)数"
    r"|(?:多少|几)\s*[十百千万]*\s*(?:块)?(钱|元|万元)"  # an amount of money
    # a number of days, not 「事先」 — unless a lead time is asked (提前几天), which 事先 or 会前 answers
    r"|(?<!提前)(?:多少|几)\s*(?:个)?(工作日|天|日|周|星期|个月)|(?<!提前)(多长时间|多久|天数)(?!.{0,4}一[次回趟])"
    # a number of years is stated in years; a month of the year (几月份, 哪个月) by a month or a part of it
    r"|(?:多少|几)\s*(?:个)?(年)(?!级)|(几月份?|哪个?月)"
    # a number of things counted in a noun (「几个议题」, 「多少个部门」): not 哪几个 (which ones), nor places
    r"|(?<!哪)(?:多少|几)\s*个(?!地方|工作日|月|小时|星期)([\u4e00-\u9fff]{2})"
    r"|(?<!哪)几(点)"  # a time of day (「上午几点开始」): stated only as one (9点, 9时30分, 9:30)
    r"|(?<!提前)(?:多少|几)\s*(?:个)?(小时|分钟)"  # how long one sitting lasts: stated in minutes or hours
)
# How promptly, said without a number: 及时, 尽快, 立即, 限时办结, 第一时间 … (an answer to 「多久」, not to 「几天」)
# (not 限时 or 按时: a limit is set, how long is not; not 随时: when, not how long)
PROMPTLY = re.compile(r"及时|尽快|尽早|立即|立刻|马上|即时|第一时间|当场|当即|迅速")
HOW_LONG = "多久"  # the unit of how long asked without a unit of time (多久, 多长时间)
PROPORTION = "比例"  # the unit of a share asked (多少比例, 几成, 多少票) or stated to be confirmed (「要过半才能开吗」)
_UNIT_STATED = {
    "字": rf"{_RANGE}\s*字",
    "页": rf"{_RANGE}\s*页",
    "篇": rf"{_RANGE}\s*篇",
    **{c: rf"{_RANGE}\s*{c}" for c in _CLASSIFIERS},
    "人": rf"{_RANGE}\s*(?:人|名|位)|分之|半数|过半|多数|全体(?!会)",
    "时": rf"{_RANGE}\s*{_TIME_UNIT}|当天|当日|即时|任期",
    # how long, asked without a unit (「多久给安排」): a number of days, or how promptly (「及时安排、限时办结」)
    HOW_LONG: rf"{_RANGE}\s*{_TIME_UNIT}|当天|当日|即时|任期",  # or how promptly, see ``promptly_stated``
    "元": rf"{_RANGE}\s*(?:元|万元|块)",
    LEVEL: r"[正副]?[厅处科]级|[正副][部局县乡镇]级|[一二三四五六七八九十]级(?!政府)|级别|职级",
    SCORE: rf"{_RANGE}\s*分(?![钟之管别工])",
    "年": rf"{_RANGE}\s*(?:个)?(?:年|周年)(?!度)",
    "月份": rf"{_NUM}\s*月(?!内)|年初|年底|年末|年中|季度|上半年|下半年|月初|月底|月末",
    CLOCK: rf"{_NUM}\s*(?:点|时)(?!候|间|限)|[0-9]{{1,2}}\s*[:：]\s*[0-9]{{2}}",
    MINUTES: rf"{_RANGE}\s*(?:分钟|个?小时)",
    WEEKDAY: r"(?:星期|周|礼拜)[一二三四五六日天]",
    DAY: rf"每月\s*{_NUM}\s*[日号]|{_NUM}\s*号|月初|月底|月末|上旬|中旬|下旬|(?:星期|周|礼拜)[一二三四五六日天]",
    LIMIT: _TIME_STATED.pattern + "|时限|期限",
    PROPORTION: rf"{_SHARE}|{_RANGE}\s*票",  # a share, or a number of votes
}


def asked_unit(question: str) -> str | None:
    """The unit a count question asks in: 「最多多少字」 → 字; 「几名」, 「人数」 → 人; 「多少钱」 → 元;
    「几天」, 「多少个工作日」 → 时 (a number of days, months …); 「多久」, 「多长时间」 → 多久 (those, or how
    promptly: 「及时安排」); 「多少年」 → 年 (a number of years:
    5个工作日 does not say it); 「几月份」 → 月份 (a month of the year: 每年1-2次 does not say it);
    「几个议题」 → 个议题; 「几点」 → 点钟 (a time of day); 「几分钟」, 「几个小时」 → 分钟 (how long a sitting
    lasts: 7个工作日 does not say it); 「什么时候」 alone → 何时 (a point in time: an event answers it);
    「星期几」 → 星期几; 「按什么时限」 → 时限 (a limit named answers it); 「多少比例」, 「多少票」, or a share
    stated to be confirmed (「要过半数人到场吗」) → 比例 (a share answers it); else None."""
    if _SITTING_ASKED.search(question):
        return MINUTES  # 「常务会最长能开多久」: how long it sits, not how long before or after it
    m = _ASKED_UNIT.search(question)
    if m is None and _TEXT_LENGTH.search(question):
        return "字"  # 「材料写多长」: a text's length, in characters
    if m and m.group(3):
        return "元"
    if not m and (amount := _asks_amount(question)):
        return amount
    if (m and m.group(5) in ("多久", "多长时间")) or _LIMIT_ASKED.search(question):
        return HOW_LONG  # (「期限是多长」 too: a span of time, not a text's length)
    if m and (m.group(4) or m.group(5)):
        return "时"
    if m and m.group(6):
        return "年"
    if m and m.group(7):
        return "月份"
    if m and m.group(8):
        return COUNTED + m.group(8)
    if m and m.group(9):
        return CLOCK
    if m and m.group(10):
        return MINUTES
    unit = (m.group(1) or m.group(2)) if m else None
    if unit is None and _confirming(question) and (claimed := LENGTH_CLAIMED.search(question)):
        unit = claimed.group("unit")  # 「写两千字可以吧」: in 字, as 「多少字」 asks
    if unit is None and (_ASKS_SHARE.search(question) or _share_claimed(question)):
        return PROPORTION  # 「要多少比例的票才算通过」, 「要过半数人到场才能开吗」: stated only as a share
    if _ASKS_WEEKDAY.search(question):
        return WEEKDAY
    if _ASKS_DAY.search(question):
        return DAY
    if _ASKS_WHICH_LIMIT.search(question) or _TIME_REQUIRED.search(question):
        return LIMIT
    if unit is None and _ASKS_WHEN.search(question) and asked(question) == "time":
        return WHEN
    return "人" if unit in ("名", "位") else unit


COUNTED = "个"  # prefix of a counted noun's unit: 「个议题」
_MEASURE = "[个项名位人家]"  # not 种 or 件: 「每个部门只报送1种简报」 counts briefings, not departments


_LEADERS = re.compile(r"领导|职数|干部|负责")  # counted as 「一正二副」 too


def _counted_stated(noun: str) -> str:
    """A number of ``noun``s: 「1-2个重点调研课题」, 「两个及以上部门」, 「议题不超过3个」, in any measure
    word of things or people (「代表人数不得超过5人」, 「3家单位」); leaders also as 「一正二副」."""
    stated = rf"{_RANGE}\s*{_MEASURE}[^，。；,;]{{0,4}}{noun}|{noun}[^，。；,;]{{0,10}}{_RANGE}\s*{_MEASURE}"
    return f"{stated}|{_HEAD_AND_DEPUTIES}" if _LEADERS.search(noun) else stated


NUMERAL = r"[0-9]+|[一二两三四五六七八九十百]+"  # a number in Arabic or Chinese numerals (see ``number_value``)
_AMOUNT = re.compile(rf"({NUMERAL})(?:\s*[-—~～至到]\s*({NUMERAL}))?\s*(?:个)?(工作日|日|天|周|星期|月|年|次|字|人|名)")
_SAME_UNIT = {"天": "日", "星期": "周", "名": "人"}


def amounts(text: str) -> frozenset[tuple[int, str]]:
    """The numbers with their units that ``text`` states (「提前1天」 → {(1, "日")}; 「两个月」 → {(2, "月")};
    「1-2次」 → both ends), Arabic and Chinese numerals alike, 天 as 日."""
    out = set()
    for low, high, unit in _AMOUNT.findall(normalize(text)):
        for number in filter(None, (low, high)):  # a range (1-2次) states both ends
            if (value := number_value(number)) is not None:
                out.add((value, _SAME_UNIT.get(unit, unit)))
    return frozenset(out)


def number_value(number: str) -> int | None:
    """The value of a ``NUMERAL`` (「10」, 「两」, 「十五」); None when it is no number."""
    if number.isdigit():
        return int(number)
    try:
        return parse_chinese_number(number.replace("两", "二"))
    except ValueError:
        return None


_HOW_LONG_ASKED = re.compile(r"多久|多长时间")
# a limit asked (「答复时限是多久」, 「期限多长时间」): a span set in numbers, which promptness (及时) is not
_LIMIT_ASKED = re.compile(rf"[时期]限{_LINKED}(?:多久|多长时间|多长)")  # 「保密期限是多长」: how long a time
_SEGMENT_END = re.compile(r"[，,。；;：:？?！!、]")
_CJK_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def _predicate(question: str) -> set[str]:
    """The two-character words of what is done in the time asked: after 「多久」 (「多久给安排」: 给安, 安排), else
    just before it (「审批要多久」)."""
    m = _HOW_LONG_ASKED.search(question)
    if m is None:
        return set()
    after = _SEGMENT_END.split(question[m.end() :], maxsplit=1)[0]
    before = _SEGMENT_END.split(question[: m.start()])[-1]
    return set(_CJK_PAIR.findall(after)) or set(_CJK_PAIR.findall(before))


def promptly_stated(question: str, text: str) -> bool:
    """「多久给安排」 answered by 「…应当及时安排、限时办结」: how promptly, said of the thing done in the time
    asked (a word of it follows the promptness in the same phrase; not 「及时反馈进展」 for 「多久以后做后评估」)."""
    if _LIMIT_ASKED.search(question):
        return False
    words = _predicate(question)
    for m in PROMPTLY.finditer(text):
        phrase = _SEGMENT_END.split(text[m.end() :], maxsplit=1)[0]
        if any(w in phrase for w in words):
            return True
    return False


def states(text: str, kind: QuantityKind, unit: str | None = None, question: str = "") -> bool:
    """Whether ``text`` states a quantity of ``kind`` (a count is also stated by a number with a time unit);
    for a count asked in a ``unit`` (see ``asked_unit``), a number in that unit; how long asked without a unit
    (``question`` given), also how promptly (see ``promptly_stated``)."""
    if unit == HOW_LONG and kind == "time" and question and promptly_stated(question, text):
        return True
    if kind == "frequency" and unit in ("年", "时", HOW_LONG):
        # 「几年开一次」, 「几个月开一次」: how often, answered by 每年 and 每月 as by 「2年1次」
        return frequency_stated(text, question)
    # years and months of the year are stated in their own unit whatever is asked of them
    if unit in _UNIT_STATED and (kind in ("count", "time") or unit in ("年", "月份")):
        return bool(re.search(_UNIT_STATED[unit], text))
    if kind == "count" and unit and unit.startswith(COUNTED):
        return bool(re.search(_counted_stated(re.escape(unit.removeprefix(COUNTED))), text))
    if kind == "frequency":
        return frequency_stated(text, question)
    if kind == "time":
        return bool(_TIME_STATED.search(text) or (unit == WHEN and _EVENT_TIME.search(text)))
    # a number with a time unit (10个工作日) states a count; 事先, 及时 or 年度 state none
    return bool(_COUNT_STATED.search(text) or _TIME_NUMBER.search(text))


# 「区政府根据需要召开区长办公会议和区政府专题会议」: that the meeting is held when needed, which says how often only
# to a question whether it is held regularly (定期, 固定) — not to 「多久开一次」; 「根据工作需要不定期召开」 says it
_HELD_AS_NEEDED = re.compile(r"根据[^，。；]{0,6}需要[^，。；]{0,3}(?:召开|举行|开展)")
_ASKS_REGULARITY = re.compile(r"定期|固定|周期|规律|看需要|需要的时候|随时|临时")


def _when_needed_only(said: str) -> bool:
    """Whether a saying of how often (a ``_FREQUENCY_STATED`` match) only holds the meeting when needed."""
    return _HELD_AS_NEEDED.fullmatch(said) is not None and "不定期" not in said


def held_as_needed(text: str) -> bool:
    """Whether ``text`` holds a meeting when needed, setting no schedule (「根据需要召开区长办公会议」)."""
    return any(_when_needed_only(m.group(0)) for m in _FREQUENCY_STATED.finditer(text))


def frequency_stated(text: str, question: str = "") -> bool:
    """Whether ``text`` states how often (``_FREQUENCY_STATED``) for ``question`` (see ``_HELD_AS_NEEDED``)."""
    said = [m.group(0) for m in _FREQUENCY_STATED.finditer(text)]
    if not question or _ASKS_REGULARITY.search(question):
        return bool(said)
    return any(not _when_needed_only(s) for s in said)
