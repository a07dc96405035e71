"""Sanctions: whether a question asks what befalls a breach, and whether a clause states one.

A question asks for a sanction when a word for one (处分, 追责, 问责, 处罚 …) is what it asks about:
after an asking word (「会受什么处分」, 「怎么追责」, 「会不会被问责」) or before a closing 吗
(「要处罚吗」); so does one asking what befalls someone (「会受到什么处理」, 「会被通报吗」) or the
consequence (「有什么后果」), and one asking what is done about a breach (「违反…怎么处理」, 「无故缺席
会怎么样」). 「怎么处理」 alone asks how a matter is handled, not a sanction. Named as a topic it is not asked (「处罚决定书是寄过去的，…期限从哪天起算」). A
clause states a sanction when it names one: a disciplinary or legal measure (警告, 记过, 撤职, 罚款 …),
or holding someone to account (追究…责任, 问责, 通报批评, 依法处理), or a consequence the rule sets
(「逾期不回复视为无不同意见」), or a remedy for a wrong act or document (「由制定机关自行纠正」).

A rule that says only what must be done (「要严格执行请销假制度」) does not answer 「违反了怎么处分」:
the answerer refuses it, saying no sanction is set, unless another sentence of the article states one.
"""

from __future__ import annotations

import re

from assistant.textnorm import normalize

_SANCTION = r"(?:追责|追究|处分|处罚|惩处|惩戒|问责|罚款|法律责任|罚)"
# A breach of a rule: 违反, 违规, 不按规定, 无故缺席, 泄露, 超期, 不遵守, 擅自, 没完成 …
_BREACH = (
    r"(?:违反|违背|违规|违纪|不按(?:照)?规定|不符合(?:规定|要求)|无故|泄露|泄密|超时|超期|不遵守|不执行|擅自|私自"
    # a requirement not met (「60天调研没完成会怎么处理」)
    r"|没有?完成|未完成|完不成|没做到|未做到|做不到|没达到|未达到|达不到"
    # a limit exceeded (「字数超了」, 「超过时限」), a breach found out (「带了手机被发现」)
    # (「超过」 alone sets a case, 「超过办理时间的，…应当公开说明理由」: exceeded is 超了, 超过了)
    r"|超(?:过|出)?了|被(?:发现|查到|查出|抓到|发觉)"
    # a time not kept (「纪要不按时印发会怎样」, 「逾期不回复怎么办」)
    r"|[不没未]按时|不及时|逾期|延误)"
)
_ASKING = r"(?:什么|啥|哪些|哪种|怎么|怎样|如何|咋|会不会|要不要|是否|能否|被|受)"
_ASKS = re.compile(
    rf"{_ASKING}[^，。；？！,;?!]{{0,6}}{_SANCTION}"  # 「会受什么处分」, 「怎么追责」, 「会不会被问责」
    rf"|{_SANCTION}(?![决程办机条])[^，。；？！,;?!]{{0,3}}[吗么嘛][？?]?"  # 「要处罚吗」 (not 处罚决定书…吗)
    # what befalls someone (「会受到什么处理」, 「会被通报吗」), or the consequence asked (「有什么后果」)
    r"|(?:被|受到?)[^，。；？！,;?!]{0,4}(?:处理|通报|批评)|(?:什么|啥|哪些)后果"
    # whose responsibility is pursued (「要追谁的责」, 「追不追责」, 「追究谁的责任」)
    r"|追(?:究)?(?:谁|不追|没追)[^，。；？！,;?!]{0,3}责"
    # what is done about a breach (「违反请销假制度怎么处理」, 「无故缺席会怎么样」, 「泄露会议内容咋办」)
    rf"|{_BREACH}[^。；？！?!]{{0,14}}(?:(?:怎么|如何|咋)(?:处理|办)|(?:会|要)?(?:怎么样|怎样)(?![召开办签报]))"
    # what a breach brings on, asked yes or no (「字数超了会被退回吗」, 「超期会不会被通报」)
    rf"|{_BREACH}[^。；？！?!]{{0,8}}(?:会|要)(?:不会)?被[\u4e00-\u9fff]{{1,4}}[吗么嘛]?"
)
_STATES = re.compile(
    r"处分|处罚|追究|追责|问责|责令|通报批评|批评教育|警告|记过|降级|撤职|开除|罚款|没收|拘留|移送"
    r"|(?:依法|依规|依纪|严肃|从严)(?:依法)?(?:处理|查处)|约谈|诫勉|取消[^，。；]{0,6}资格"
    r"|视为"  # a consequence the rule sets (「逾期不回复视为无不同意见」)
    r"|纠正|撤销|改正|废止"  # a remedy set for a wrong act or document (「由制定机关自行纠正」)
)


def asks_sanction(question: str) -> bool:
    """Whether ``question`` asks what sanction a breach carries (「报晚了怎么追责」)."""
    return bool(_ASKS.search(normalize(question)))


def states_sanction(text: str) -> bool:
    """Whether ``text`` names a sanction (「给予警告处分」, 「依法追究责任」, 「通报批评」)."""
    return bool(_STATES.search(normalize(text)))


def sanction_unstated(question: str, text: str) -> bool:
    """``question`` asks for a sanction and ``text`` (the quotes) states none."""
    return asks_sanction(question) and not states_sanction(text)
