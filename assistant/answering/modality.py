"""Whether a yes/no question's doing is allowed, required or forbidden, as the quoted clause words it.

A question may ask whether something may be done (「开会手机静音带进去应该没事吧」, 「能把材料带出会场吗」), whether it
must be done (「常务会必须要法律顾问列席吗」), or state that it need not be (「会后直接印发，不用承办部门报办公室吧」).
The clause quoted answers by its modal word: 不得/严禁/禁止 forbid, 可/可以 allow without requiring, 应/须/必须 require.
The line before the quote says which, naming the words of the clause that say it (review 54: the quote alone left the
user to read 「不得携带手机…」 against 「应该没事吧」). Nothing is said unless the words after the clause's modal share
a word of the doing the question asks about, and a clause with an exception (未经, 除…外, 原则上) says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.asking import ASKS_LIST
from assistant.retrieval.tokenizer import default_tokenizer
from assistant.textnorm import normalize

# whether it may be done: 「能…吗」, 「可以…吗」, 「…应该没事吧」, 「…行不行」
_MAY_ASKED = re.compile(
    r"能不能|能否|可不可以|可否|允许|行不行|(?:没事|没事儿|没问题|没关系|也行|也可以|可以|(?<!就)行)[吧吗么嘛][？?！!。]*$"
    r"|(?<![才就不])(?:能|可以)(?=[^，。？?]{0,14}[吗么嘛][？?！!。]*$)"
)
# whether it must be done: 「必须要…吗」, 「一定要…吗」, 「非得…吗」
_MUST_ASKED = re.compile(r"必须|一定要|非得|非要|务必|硬性")
# that it need not be done, to be confirmed: 「不用…吧」, 「不需要…吧」
_NOT_NEEDED_CLAIMED = re.compile(r"(?:不用|不需要|不必|无需|用不着|不要求)(?=[^，。？?]*[吧吗么][？?！!。]*$)")
_FORBIDS = r"不得|严禁|禁止|不准|不许|一律不|不应|不能"
_NOT_DOING = r"(?<![是])不(?![能应宜要必用是会同再])"  # 「不题词」: not done (not 不能 or 不宜: a modal of its own)
_ALLOWS = r"(?<![不即])(?:可以|可(?![能行]))"
_REQUIRES = r"必须|须|应当|应(?![急])"
_SEGMENT = re.compile(r"[^，。；;,！!？?\n]+")
_EXCEPTED = re.compile(r"未经|除[^，。；]{0,30}外|原则上|一般|特殊情况|确需|确因")
_EXCEPTIONS = re.compile(
    r"除[^。；]{0,60}?(?:外|[，,])|特殊情况[^，。；]{0,30}|确需[^，。；]{0,30}|确因[^，。；]{0,30}"
)
_UNLESS = re.compile(r"未(?:经|按)[^，。；,;]{0,12}?(?:批准|同意|授权|允许|审批|审核|许可)")
# another asking than yes or no: how many, who, which, what, how
_ASKS_ELSE = re.compile(r"几|多少|多久|多长|谁|哪|什么|啥|怎么|怎样|如何")
_CASE = re.compile(r"的$|^(?:如|如有|如果|凡|对于?|属于)")
# words every clause has: they say nothing of which doing
_COMMON = frozenset(
    {"会议", "工作", "政府", "市政府", "区政府", "部门", "人员", "有关", "相关", "进行", "可以", "应当"}
)


def _doing_words(question: str) -> dict[str, str]:
    """The question's words of two or more characters that may name its doing or what it is done with, with what
    they are: "n" a noun, "v" a verb, "o" another word of content (多头: jieba's numeral)."""
    return {
        w: f[0] if f[0] in "nv" else "o"
        for w, f in default_tokenizer().tagged(question)
        if len(w) >= 2 and not f.startswith(_FUNCTION_TAGS) and w not in _COMMON
    }


_FUNCTION_TAGS = ("u", "y", "x", "p", "c", "r", "d", "e")


def _names_the_doing(after: str, words: dict[str, str]) -> bool:
    """Whether the words after a modal name the question's doing: a noun of it, two of its words, or all (「能请假
    吗」: 请假)."""
    shared = [w for w in words if w in after and words[w] != "o"]
    doing = [w for w in words if words[w] != "o"]
    return any(words[w] == "n" for w in shared) or len(shared) >= min(2, len(doing)) > 0


def _said(
    quotes: Sequence[str], modal: str, words: dict[str, str], within: int | None = None
) -> tuple[str, str] | None:
    """The (segment, sentence) of ``quotes`` whose words after ``modal`` name the doing of ``words`` (within
    ``within`` characters of it, when given), the one with the most of the question's words, then one of them right
    after the modal (the first of equals). Not a case set (「如有特殊情况不能参加的」, 「…不宜提前送达的」), nor a sentence whose exception is the
    question's own case (「除…个人身体健康等原因外，原则上不应请假」 for 「身体不舒服能请假吗」)."""
    found: list[tuple[int, bool, str, str]] = []
    for quote in quotes:
        text = normalize(quote)
        for sentence in re.split(r"(?<=[。；;！!？?\n])", text):
            if any(any(w in e for w in words if words[w] != "o") for e in _EXCEPTIONS.findall(sentence)):
                continue
            for segment in _SEGMENT.findall(sentence):
                if _CASE.search(segment):
                    continue
                for m in re.finditer(modal, segment):
                    after = segment[m.end() :] if within is None else segment[m.end() : m.end() + within + 2]
                    # a word of the question right after the modal (「不得多头报文」 for 「能多头报送吗」) names the
                    # doing
                    close = any(w in segment[m.end() : m.end() + 4] for w in words)
                    if (
                        close
                        or _names_the_doing(after, words)
                        or (within is not None and any(w in after for w in words))
                    ):
                        found.append((sum(w in segment for w in words), close, segment.strip(), sentence))
                        break
    if not found:
        return None
    *_, segment, sentence = max(found, key=lambda f: f[:2])
    return segment, sentence


def _condition_before(segments: Sequence[str]) -> str:
    """The condition said before a prohibition: the nearest segment before it that forbids nothing, over a run of
    things forbidden alike (「未经市政府授权，…不得…发布指令性公文…，不得要求下级政府报文」); "" when a segment before
    forbids under a condition of its own (「未经批准不得越级行文，不得多头报文」: 多头报文 is forbidden outright)."""
    for s in reversed(segments):
        if not re.search(_FORBIDS, s):
            return s
        if _UNLESS.search(s):
            return ""
    return ""


def _objects_said(asked: str, segment: str) -> bool:
    """Whether every thing named after the asking (``asked``: 「参加社团组织的公益活动吗」) is in the segment, each by
    its first and last two characters (营利性活动 in 「营利性会议和活动」; not 公益活动)."""
    things = [w for w, f in default_tokenizer().tagged(asked) if len(w) >= 2 and f.startswith("n") and w not in _COMMON]
    return all(w[:2] in segment and w[-2:] in segment for w in things)


def _yes_no_words(q: str) -> dict[str, str] | None:
    """The doing words of a yes/no question (``_doing_words``), None when it names none or asks something else
    (「哪些情况下允许请假」, 「能报几种简报」: the cases listed, a number)."""
    words = _doing_words(q)
    return None if not words or ASKS_LIST.search(q) or _ASKS_ELSE.search(q) else words


def _forbidden(q: str, words: dict[str, str], quotes: Sequence[str]) -> tuple[str, str] | None:
    """The (segment, sentence) of ``quotes`` forbidding what a may-question (not a must-question) asks may be done,
    every thing it names after its asking among what is forbidden; None when there is none."""
    may = _MAY_ASKED.search(q)
    if may is None or _MUST_ASKED.search(q):
        return None
    # 「不题词、题字」: a bare 不 forbids the doing right after it
    said = _said(quotes, _FORBIDS, words) or _said(quotes, _NOT_DOING, words, 0)
    if said is None or not _objects_said(q[may.end() :], said[0]):
        return None  # 「能参加社团组织的公益活动吗」 against 「不得参加…营利性会议和活动」: another thing
    return said


def modality_verdict(question: str, quotes: Sequence[str]) -> str:
    """The line saying whether the doing ``question`` asks about may, must or need not be done, as the quoted
    clauses word it; "" when the question asks none of these or no quote words its doing with a modal."""
    q = normalize(question)
    if (words := _yes_no_words(q)) is None:
        return ""
    if not_needed := _NOT_NEEDED_CLAIMED.search(q):
        # what is said not to be needed, after 「不用」 (「请完假就行了，不用再报市委办公室吧」: 报市委办公室)
        if (after := _doing_words(q[not_needed.end() :])) and (said := _said(quotes, _REQUIRES, after)):
            return f"与问题中的说法不同：条文要求「{said[0]}」。"
        return ""
    if _MUST_ASKED.search(q) and (said := _said(quotes, _ALLOWS, words)) and not re.search(_FORBIDS, said[0]):
        return f"条文没有规定必须这样做，写的是「{said[0]}」。"
    if (forbidden := _forbidden(q, words, quotes)) is None:
        return ""
    segment, sentence = forbidden
    # the condition said in the segment, or in the one before it that forbids nothing itself (「未经允许，不得…」;
    # not 「未经批准不得越级行文，不得多头报文」: 多头报文 is forbidden outright)
    before = _SEGMENT.findall(sentence[: sentence.find(segment)])
    condition = segment + _condition_before(before)
    if unless := _UNLESS.search(condition):
        return f"{unless.group(0)}不可以：条文写明「{segment}」。"  # 「未经批准不可以」
    if _EXCEPTED.search(condition) or _EXCEPTIONS.search(sentence):
        return f"一般不可以：条文写明「{segment}」。"
    return f"不可以：条文写明「{segment}」。"


def forbids(question: str, clause: str) -> bool:
    """Whether ``clause`` forbids the doing a may-question asks about (the 「不可以」 of ``modality_verdict``)."""
    q = normalize(question)
    words = _yes_no_words(q)
    return words is not None and not _NOT_NEEDED_CLAIMED.search(q) and _forbidden(q, words, [clause]) is not None
