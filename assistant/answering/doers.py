"""Doers: which doing a who-question asks the doer of, and whether a clause names who does it.

A who-question (由谁, 归哪个部门, 是什么单位 …) asks the doer of a doing: the verb after its asking
(「秘书长由谁任命」 → 任命, 「平台是哪个单位负责运维的」 → 运维) or, with none there, the doing named
just before it (「公平竞争审查归哪个部门」 → 审查). A clause names the doer when the stretch of it that
says the doing (its sentence) names anyone at all, a title or a body (「由区政府司法行政部门进行合法性
审核」, 「纪要由市长签发」). A sentence with the doing and no one in it (「加强调查研究、…、公平竞争审查」)
does not answer who: the answerer says the rules do not set who, and quotes it.
A doing the quotes never name is not judged here (the rules may say it in their own words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.analysis import Group, named_ends
from assistant.retrieval.tokenizer import default_tokenizer
from assistant.textnorm import SENTENCE_END, normalize

_WHO = r"(?:谁|哪个(?:部门|单位|机构|领导)|哪些(?:部门|单位)|什么(?:部门|单位|机构)|哪(?:一)?级)"
# what may stand between the asking and the doing: 「谁来审」, 「哪个单位负责运维」, 「谁进行审核」, 「谁出面召集」
_BETWEEN = r"(?:来|去|出面|负责|能|可以|可|应该|应当|应|要|会|都|又|先|进行|牵头|具体)*"
# the doer asked as such: 「由谁任命」, 「归哪个部门」, 「是谁审批」, 「要经过谁核准」, 「需要谁批准」 (not 「适用哪些单位」,
# 「协助谁工作」: whom)
_ASKS = re.compile(rf"(?:由|归|是|经过?|需要|须){_WHO}{_BETWEEN}")  # 「经过谁核准」: whose approval, as 由谁 asks
# … or a bare 谁 right after the thing it is asked of (「区政府规章谁签署」): the thing's doer, as 由谁 asks
_ASKS_OF_THING = re.compile(rf"{_ASKS.pattern}|(?P<bare>谁){_BETWEEN}")


def _asking(q: str) -> re.Match[str] | None:
    """Where ``q`` asks who does something: 由谁, 归哪个部门 …, or a bare 谁 right after the thing (a noun) the question
    opens with (「全体会议纪要谁起草」), not after a clause break (「…的地方，找谁解释」: whom to ask) nor a verb."""
    m = _ASKS_OF_THING.search(q)
    if m is None or not m.group("bare"):
        return m
    before = default_tokenizer().tagged(q[: m.start()])
    if (
        _SPOKEN_BREAK.search(q[: m.start()])
        or not before
        or not before[-1][1].startswith("n")
        or q.startswith("规定", m.end())
    ):
        # (「协助谁工作」: whom a doing is for, after a verb; 「咸宁和朝阳谁规定了…」: which place's rules say it)
        return _ASKS.search(q)
    return m


def doing_asked(question: str) -> str | None:
    """The doing whose doer ``question`` asks (None: not a who-question, or no doing said next to its asking).
    A long word's doing is its head, last (公平竞争审查 → 审查); a general verb after the asking (做, 办) says
    only that something is done: the doing is the one named before it."""
    q = normalize(question)
    m = _asking(q)
    return None if m is None else _doing_at(q, m)


def _doing_at(q: str, m: re.Match[str]) -> str | None:
    """The doing whose doer the normalised question ``q`` asks where ``m`` (``_asking``) matched it."""
    after = [w for w in default_tokenizer().tagged(q[m.end() :]) if w[1] != "x"]
    if after and len(after[0][0]) >= 2 and after[0][1].startswith(_DOING_TAGS):
        return after[0][0][-2:]
    if after and after[0][1].startswith("v") and after[0][0] not in _GENERAL:
        return after[0][0]  # 「由谁批」: 批
    before = default_tokenizer().tagged(_BEFORE_ASKING.sub("", q[: m.start()]))
    if before and len(before[-1][0]) >= 2 and before[-1][1].startswith(_DOING_TAGS):
        return before[-1][0][-2:]
    return None


# jieba's tags for a doing: verbs, and nouns (it tags 任命, 运维 and 公平竞争审查 as nouns)
_DOING_TAGS = ("v", "n")
_GENERAL = frozenset("做干弄搞办管")
# between the doing and the asking: 「公平竞争审查归区里哪个部门做」
_BEFORE_ASKING = re.compile(r"(?:归|由|是|在|找)?(?:区里|市里|县里|本级|政府)?(?:归|由|是)?$")
# someone who can do a thing: a title, a person or a body, by the head of its name (合伙人, 司法行政部门)
_ACTOR = re.compile(r"长|主任|书记|同志|人|领导|委员|主席|部门|办公室|机构|机关|单位|组织|政府|局|厅")
_SENTENCE = re.compile(r"[^。；;\n]+")


def names_doer(text: str, doing: str) -> bool:
    """Whether a sentence of ``text`` that says ``doing`` names anyone (a title or a body) at all."""
    return any(doing in s and _ACTOR.search(s) for s in _SENTENCE.findall(normalize(text)))


def doer_unstated(question: str, text: str) -> str | None:
    """The doing asked when ``text`` says it but no sentence saying it names anyone (「加强…公平竞争审查」
    for 「公平竞争审查归哪个部门」), else None."""
    doing = doing_asked(question)
    if doing is None or doing not in normalize(text):
        return None
    return None if names_doer(text, doing) else doing


def doing_unsaid(question: str, doing_words: Sequence[Sequence[str]], text: str) -> str | None:
    """The doing a who-question asks (「秘书长由谁任命」: 任命) when ``text`` says it in none of its words
    (``doing_words``: the question's term groups, a doing and the words the rules say it with), else None:
    a clause on who chairs a meeting does not say who appoints the 秘书长."""
    q = normalize(question)
    asking = _asking(q)  # (read once: a bare 谁 is told from a whom by tagging the words before it)
    doing = _doing_at(q, asking) if asking is not None else None
    # only a doing said after the asking (由谁任命), not a word before it taken for one (「…总额是谁批的」)
    if doing is None or asking is None or doing not in q[asking.end() :]:
        return None
    said = [alts for alts in doing_words if any(doing in a or a in doing for a in alts)]
    t = normalize(text)
    if len(doing) < 2:
        # one character (「由谁来定」): unsaid only when no quote has it at all (审定 says 定; 签 is in 会签 too), and a
        # synonym gives it words of the rules (确定, 决定), so that it is a doing the rules could say
        return doing if said and doing not in t else None
    if _said_apart(doing, t):
        return None  # 「由谁批假」 and 「…请假，由…报会议主持人审批」: its words said apart, as the rules say them
    if not said:
        # a doing no rule and no synonym says (「哪个单位负责运维」): the quotes answer it only by saying it; not
        # when only needed (「需要谁点头」: the rules say it in their own words, 同意)
        return None if doing in t or asking.group(0).startswith(("需要", "须")) else doing
    # said in a word, not one character of it (签 of 签发 is in 会签 too)
    words = [a for alts in said for a in alts if len(a) >= 2] or [a for alts in said for a in alts]
    return None if any(a in t for a in words) else doing


_SENTENCE_END = re.compile(rf"[{SENTENCE_END}；;\n]")


def _said_apart(doing: str, text: str) -> bool:
    """Whether a sentence of ``text`` has every character of the (two-character) ``doing``, said apart: a doing
    said short (批假: 审批 a 请假; 提上会: 提出上会) by a question, at length by the rules."""
    return len(doing) == 2 and any(all(ch in u for ch in doing) for u in _SENTENCE_END.split(text))


def thing_unnamed(question: str, groups: Sequence[Group], text: str) -> str | None:
    """The thing a who-question asks the doer for (the noun just before its asking: 「区政府规章由谁签署」 → 规章)
    when ``text`` names it in none of its words (``groups``: the question's term groups), else None: 「区政府发布的决定和命令、…议案，由区长签署」 says who signs those, not
    规章. Not a person or a body (「秘书长由谁任命」 asks of 秘书长 what the doing says)."""
    q = normalize(question)
    asking = _ASKS_OF_THING.search(q)
    after = default_tokenizer().tagged(q[asking.end() :]) if asking else []
    # a doing after the asking, or in it (「由哪个部门负责」)
    doing = asking is not None and (any(f.startswith("v") for _, f in after) or bool(_DOING_ASKED.search(asking[0])))
    if asking is None or not doing or _SUPPOSED.search(q):
        # no doing asked after it (「适用范围是哪些单位」: which, not who does), or asked in a supposed case
        # (「…调编制的话，编制总额是谁批的」: the case's own doing is what is asked)
        return None
    before = q[: asking.start()]
    named = [(end, g) for end, g in named_ends(before, groups) if g.noun]
    if not named:
        return None
    end, thing = max(named, key=lambda t: t[0])
    word = thing.alternatives[0]
    if asking.group("bare") and (end < len(before) or _CLAUSE_BREAK.search(before)):
        # a bare 谁 only right after the thing that opens the question (not 「…的地方，找谁解释」: whom to ask,
        # nor 「…复议申请，商量谁来受理」, a doing the tagger calls a noun)
        return None
    if end < len(before) - 2 or _ACTOR.search(word) or word in _GENERAL_THINGS:
        return None  # not what the asking is of (「会议纪要印发后由谁…」), someone, or any thing at all (文件)
    t = normalize(text)
    return None if any(_loosely_in(a, t) for a in thing.alternatives) else word


_SUPPOSED = re.compile(r"的话|如果|要是|假如|万一")
# a doing said in the asking itself (「公平竞争审查由哪个部门负责」: who is in charge of it)
_DOING_ASKED = re.compile(r"负责|进行|牵头")
_CLAUSE_BREAK = re.compile(r"[,，;；:：]")
_SPOKEN_BREAK = re.compile(rf"{_CLAUSE_BREAK.pattern}|\s")  # … or a space, as colloquial questions separate clauses
# Words for a thing in general: 「文件由谁签署」 asks of whatever documents the clause names
_DOCUMENTS_IN_GENERAL = {"文件", "公文", "发文", "材料", "内容", "规定", "规则", "本规则"}
_MATTERS_IN_GENERAL = {"事项", "事情", "事", "事儿", "工作", "活", "活儿", "东西"}
_GENERAL_THINGS = frozenset(_DOCUMENTS_IN_GENERAL | _MATTERS_IN_GENERAL)


def _loosely_in(word: str, text: str) -> bool:
    """``word`` in ``text``, or its head (a compound's last two characters: 「政府规章」 by 规章), or a two-character
    word split by a few characters (「发文」 in 「制发的公文」)."""
    if word in text or (len(word) > 2 and word[-2:] in text):
        return True
    return len(word) == 2 and re.search(f"{re.escape(word[0])}.{{0,3}}{re.escape(word[1])}", text) is not None
