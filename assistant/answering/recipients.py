"""Whom a yes/no question asks a thing be reported to (or reviewed by), and whether the quoted clause names them.

「副区长请假超过一周要不要报区委」, 「那这个纪要要不要也报市委书记」, 「市长离朝要向省里报备吗」 ask whether one more
step is required: reporting to someone. The rules say whom to report to (「向区长请假，经批准后，向区政府办公室
报备」); a clause that never names the one asked does not answer whether it must be told, however well it covers
the rest of the question. The answerer then says the rules set no such step and quotes what they do say.
"""

from __future__ import annotations

import re

from assistant.answering.roles import ROLE
from assistant.textnorm import normalize

# whether (要不要, 需不需要, 是否, …吗): a yes/no asking
_WHETHER = re.compile(r"要不要|需不需要|用不用|是不是(?:[也还都]?要)|是否|[吗么嘛]$|[要用]?不$")
# a report to someone that must be made (要报区委, 要呈报市委书记, 要上报省政府, 也要报给市委书记, 要向省里报备), not one that may be (「能直接报给
# 区长本人吗」: whether it is allowed) nor one that only says what is asked of (「报送市政府的请示能一文多事吗」)
_TO = re.compile(
    r"(?:要不要|需不需要|用不用|是否(?:要|需要)?|(?<![纪主重概摘])要|需要|得|应当?|必须)(?:也|再|还|都|先)?"
    # … or a review by someone (「要不要先给常务副市长审一下」, 「得经秘书长把关吗」)
    r"(?:[呈上转]?报给?|报送|[呈抄]送|(?:向|跟|给|让|经|交|送)(?=.{1,8}?(?:报|请示|请假|备案|审|过目|把关)))"
)
# a body someone reports to: 区委, 市委办公室, 省政府, 省里, 人大常委会, 纪委
_BODY = r"[省市区县](?:委|政府|人大|政协)(?:书记|办公厅|办公室|常委会)?|[省市区县]里|人大(?:常委会)?|纪委|监委"
_RECIPIENT = re.compile(rf"{_BODY}|{ROLE.pattern}")
# 「省里」 is said of the province's bodies as the rules name them (省委, 省政府)
_COLLOQUIAL = re.compile(r"([省市区县])里")


def recipient_asked(question: str) -> str | None:
    """The one ``question`` asks whether something must be reported to (None: not such a question)."""
    q = normalize(question).rstrip("？?。！! ")
    if not _WHETHER.search(q):
        return None
    # the last one asked (「纪要报市长签发前，要不要先给常务副市长审」: 报市长 is the case, not the question)
    for to in reversed(list(_TO.finditer(q))):
        m = _RECIPIENT.match(q, to.end()) or _RECIPIENT.match(q, to.end() + 1)  # 「报给」 read as 报 + 给
        if m:
            return m.group(0)
    return None


def recipient_unnamed(question: str, quoted: str) -> str | None:
    """The recipient ``question`` asks about (see ``recipient_asked``) when the ``quoted`` clauses never name
    them, else None."""
    who = recipient_asked(question)
    if who is None:
        return None
    text = normalize(quoted)
    level = _COLLOQUIAL.fullmatch(who)
    if level:
        named = re.search(f"{level.group(1)}(?:委|政府)", text) is not None
    elif who == "一把手":  # the head of a government or a department, as the rules name them
        named = re.search(r"主要负责|[省市区县]长", text) is not None
    else:
        named = who in text
    return None if named else who


# whom, asked openly (「市长出差要报谁」, 「请示报给哪个部门」, 「请假找谁」): not one named to be confirmed
# (not 交给谁, 送谁: 「常务会可以交给谁主持」 hands a doing over)
_TO_WHOM = re.compile(r"(?:报|呈报|上报|报送|报告|报备|请示|请假)(?:给|到)?(?:谁|哪个|哪位|哪里|哪儿)")


def to_whom_unstated(question: str, quoted: str) -> bool:
    """``question`` asks openly whom something is reported or sent to, and the ``quoted`` clauses turn to no one:
    「市长出差要报谁」 quoted 「市长出差期间…由负责常务工作的副市长代行市长职务」 (who stands in, not who is told)."""
    return bool(_TO_WHOM.search(normalize(question))) and not turns_to(quoted)


def turns_to(text: str) -> bool:
    """Whether ``text`` names someone a thing goes to (向…, 报…, 送…审核, 经…批准)."""
    return bool(_TURNS_TO.search(normalize(text)))


_TURNS_TO = re.compile(
    rf"(?:向|报|送|呈|交|抄|经)(?:给|经|请)?[^，。；,;]{{0,16}}?(?:{_BODY}|{ROLE.pattern}|政府|办公室|部门|机关|领导|主持人)"
)
