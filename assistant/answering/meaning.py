"""What a term means: 「13710平台这几个数字代表啥意思」, 「“三重一大”是什么意思」, 「什么叫督考合一」.

Such a question asks a definition. A clause that only uses the term (「用好“13710”信息化督办平台」) says what is
to be done with it, not what it means; the answerer then looks for a sentence of the article that does define it
(「…是指…」, 「即…」, 「以下简称…」), and else says the rules do not explain it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from assistant.answering.asking import ASKS_MEANING, QUESTION_TYPES, named_before
from assistant.answering.clauses import is_heading
from assistant.textnorm import normalize

# a clause that says what something means: 是指, 指的是, 即, 简称 (one name for another), 含义
_SAID = re.compile(r"是指|指的是|系指|即(?![将使便时可])|简称|统称|含义|意思是")


def asks_meaning(question: str) -> bool:
    """Whether ``question`` asks what a term means."""
    return bool(ASKS_MEANING.search(normalize(question)))


# words between the term and the asking (「是」, 「具体」, 「的」)
_AROUND = re.compile(r"(?:是|具体|的|到底|究竟|这个|这几个字)+$")


def term_asked(question: str) -> str:
    """The term whose meaning is asked, as the question says it before the asking (「常务会议是什么意思」 →
    「常务会议」, 「坚持依法行政具体指什么」 → 「坚持依法行政」); "" when none."""
    return named_before(question, ASKS_MEANING, _AROUND)


def states_meaning(text: str, term: str = "") -> bool:
    """Whether ``text`` says what something means: in words that explain (是指, 即, 简称), or saying what the
    ``term`` is (「市政府常务会议是讨论决定市政府重要事项的决策性会议」 for 常务会议)."""
    t = normalize(text)
    # the term as the rules say it may drop what the question puts before it (「大同常务会议」: 「市政府常务会议是…」)
    tails = {term[i:] for i in range(len(term)) if len(term) - i >= min(4, len(term))} if term else set()
    return bool(_SAID.search(t)) or any(f"{tail}是" in t for tail in tails)


_KIND_ASKED, _KIND_SAID = QUESTION_TYPES["kind"]  # (the asking, and 「…是讨论决定…的决策性会议」)


def states_kind(text: str) -> bool:
    """Whether ``text`` says what kind of thing something is (「…是…的…会议」, 「…制度」)."""
    return _KIND_SAID.search(normalize(text)) is not None


def kind_unstated(question: str, text: str) -> bool:
    """``question`` asks what kind of thing something is (「全体会议是什么性质的会议」) and ``text`` (the quotes) says
    of nothing what it is (「全体会议由市长、副市长…组成」 says who sits in it)."""
    return _KIND_ASKED.search(normalize(question)) is not None and not states_kind(text)


# what something stands for, asked with the verb the rules say it with: 「列席人员的发言代表什么」
_STANDS_FOR = re.compile(r"(代表|指代)(?:的是)?(?:什么|啥|哪些)")


def meaning_unstated(question: str, text: str) -> bool:
    """``question`` asks what a term means and ``text`` (the quotes) explains nothing; a clause saying what the
    term stands for with the verb asked (「会议列席人员发表的意见代表本单位意见」) explains it."""
    q = normalize(question)
    if not asks_meaning(q):
        return False
    verb = _STANDS_FOR.search(q)
    return not (states_meaning(text, term_asked(q)) or (verb is not None and verb.group(1) in normalize(text)))


# items listed before what they are of: 「巡视、督查、检查、重大审计等反馈问题」 (what the 反馈问题 are)
_ENUMERATED = re.compile(r"(?:[\u4e00-\u9fff]{1,10}、)+[\u4e00-\u9fff]{1,10}等([\u4e00-\u9fff]{2})")


def enumerating(question: str, context: list[str]) -> str | None:
    """The sentence or item of ``context`` (an article's) that lists the cases of something ``question`` asks the
    meaning of (「巡视、督查、检查、重大审计等反馈问题」 for 「反馈问题…指哪些」): a term the rules explain by what they
    list, not in words that define it; None when none does."""
    q = normalize(question)
    return next((u for u in context if any(m.group(1) in q for m in _ENUMERATED.finditer(normalize(u)))), None)


def explained_after_heading(term: str, context: list[str]) -> str | None:
    """The sentence that goes on from an article's heading naming ``term`` (「坚持依法行政。」 is explained by what
    第十条 says next: 「坚决维护宪法和法律权威…」); None when the article opens with no such heading."""
    if term and len(context) > 1 and is_heading(context[0]) and term in normalize(context[0]):
        return context[1]
    return None


# a sentence instituting a system or mechanism (「副市长之间实行AB角互补工作制度。」)
_INSTITUTES = re.compile(r"实行|建立|推行|实施|执行")
_OWNER = re.compile(r"^.{0,6}?的(?=.{2})")  # 「咸宁的AB角制度」: the place it is asked of
_KIND_OF_RULE = re.compile(r"(?:互补)?(?:工作)?(?:制度|机制|办法)$")


def explained_after_instituting(term: str, context: list[str]) -> str | None:
    """The sentence that goes on from the one instituting ``term`` and says it again (「副市长之间实行AB角互补工作
    制度。」 is explained by 「互为AB角的副市长，一位…出差或者休假期间，由另一位代行…」): how the system works;
    None when no sentence institutes it or none after it says it."""
    core = _KIND_OF_RULE.sub("", _OWNER.sub("", term))
    if len(core) < 2:
        return None
    for said, after in pairwise(context):
        t = normalize(said)
        if core in t and _INSTITUTES.search(t) and core in normalize(after):
            return after
    return None
