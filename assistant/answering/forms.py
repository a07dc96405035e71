"""Everyday question forms read as the standard ones, before a question is analysed.

People ask 「秘书长能签不」, 「字数有限制没」 (a yes/no question closed by a negation instead of 吗),
「秘书长主要管哪块」 (哪块, 哪摊: which part, what; 干嘛, 干点啥: does what), 「四个地方比一比」 (比一比: compare) and
「副市长签就行？」, 「听说会签要3天内回复？」 (a statement asked by its tone alone). The detectors that follow
(yes/no, what is asked, a comparison across places) know the standard forms (「能签吗」, 「管什么」, 「比较」,
「签就行吗」); these forms are grammar any speaker knows, not words of the rules,
so they are read once here instead of in each detector.
"""

from __future__ import annotations

import re

# a yes/no question closed by 不/没/没有 (「能签不」, 「有限制没」, 「作废没有」), at the end of a sentence; not the
# whole 有没有 (asked as it is), nor 为什么不 / 怎么不 (why not)
_CLOSING_NEGATION = re.compile(r"(?<=[\u4e00-\u9fff])(?<!有)(?<!什么)(?<!怎么)(?:不|没有|没)(?=[？?！!。]*$|[？?])")
# 哪块, 哪一块, 哪摊子: what (part of the work); 干嘛: does what (not 干吗, which may close a yes/no question)
_WHICH_PART = re.compile(r"哪一?(?:块|摊子?)儿?|(?<=干)嘛")
# 比一比, 比比, 比一下, 对比下, 对照一下: compare (the places asked)
_COMPARE = re.compile(r"(?<![对相类])比(?:一比|比|一下|下)(?!例)|对(?:比|照)(?:一下|下)")
# a separable verb with its aspect between (离合词: 请了假, 批了假, 签过字): the word said whole, the aspect
# after it (请假了, 批假了, 签字了); not 发了文件 (the object is a longer word), nor 开了会 (after the meeting)
_SEPARATED = re.compile(r"([请批销休签发])(了个|了|过)([假字文])(?![件章据])")
# 干点啥, 做些什么, 管点儿啥: some (点, 些) between a doing and its asking word asks what is done (干啥, 做什么)
_SOME_OF_WHAT = re.compile(r"(?<=[干做管搞办])一?(?:点儿?|些)(?=啥|什么)")


# while something lasts (「市长离开咸宁的时候」, 「开会的时候」): 期间, as the rules say it (「市长离咸期间」, 「会议期间」);
# not 什么时候 (when), 别的时候 / 其他的时候 / 有的时候 (at other times, sometimes)
_WHILE = re.compile(r"(?<=[\u4e00-\u9fff])(?<!什么)(?<![啥别有他它])的时候")


# a statement asked by its tone alone (「副市长签就行？」, 「听说会签要3天内回复？」): a yes/no question; said to be
# enough (就行, 就够 …) or heard (听说, 据说), with no word that asks something else
_TONE_ASKED = re.compile(r"(?:(?:就|也)(?:行|可以|够了?|好)|对)(?=[？?]$)")
_HEARD = re.compile(r"^(?:我)?(?:听说|据说|听人说)")
_ASKING_WORD = re.compile(r"谁|什么|啥|哪|怎|多少|几|多久|多长|吗|么|呢|吧|嘛|是否|能否|可否|(.)不\1")


def _by_tone(question: str) -> str:
    """``question`` closed by 吗 when it is a statement asked by its tone alone, else as it is."""
    if not question.endswith(("？", "?")) or _ASKING_WORD.search(question):
        return question
    if _TONE_ASKED.search(question) or _HEARD.match(question):
        return f"{question[:-1]}吗{question[-1]}"
    return question


def _whole(m: re.Match[str]) -> str:
    """A separable verb said whole, its aspect after it (了个 as 了): 「请了个假」 → 「请假了」."""
    return f"{m.group(1)}{m.group(3)}{m.group(2)[0]}"


def standard_form(question: str) -> str:
    """``question`` with its everyday question forms read as the standard ones: 「常务会能带手机不？」 →
    「常务会能带手机吗？」, 「秘书长管哪块」 → 「秘书长管什么」, 「另一个干嘛」 → 「另一个干什么」, 「四个地方比一比」 →
    「四个地方比较」."""
    q = _by_tone(_CLOSING_NEGATION.sub("吗", question))
    q = _WHICH_PART.sub("什么", _SOME_OF_WHAT.sub("", _SEPARATED.sub(_whole, q)))
    return _WHILE.sub("期间", _COMPARE.sub("比较", q))
