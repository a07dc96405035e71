"""Lists in articles: an item quoted with the clause that introduces it, a list's lead with its items.

「下列事项不列入市政府常务会议议题：」 followed by 「1. …」「2. …」: a question that asks for the list
(哪些, 哪几) gets all of it; an item alone says nothing of what it is an item of without its lead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.analysis import Group
from assistant.answering.asking import ASKS_LIST, SCOPE_WORDS, WHICH_PLACE
from assistant.answering.clauses import sentences_of
from assistant.answering.scoring import coverage
from assistant.knowledge.segment import item_of
from assistant.models import Article, Citation
from assistant.retrieval.lexicon import ASKED_PERSON


def asks_for_list(question: str) -> bool:
    """Whether the question asks for a list of things (哪些事, 哪几件): not 哪些人 (who), not 哪几个地方 (the
    places compared, which the answer lists by itself)."""
    return bool(ASKS_LIST.search(SCOPE_WORDS.sub("", ASKED_PERSON.sub("谁", question))))


# A lead that negates its items (「下列事项不列入市政府常务会议议题：」): an item quoted alone would read as
# allowed (「5. 未经…同意，临时动议的事项；」), so it is never quoted without it
_NEGATES = re.compile(r"不|禁止|严禁|除")
# 「…在哪个会上讨论」, 「归哪个部门」: which meeting or body is asked, and an item's lead may be what names it
# (「市政府常务会议的主要任务是：」 before 「(二)讨论…巡视…反馈问题整改措施…」)
_WHICH = re.compile(r"(?:哪个|哪一?种|哪一?类|什么|啥)(会|部门|单位|机关|机构)")


def _names_asked(question: str, lead: str, unit: str) -> bool:
    """Whether ``question`` asks which meeting or body, and ``lead`` names one where ``unit`` does not."""
    m = _WHICH.search(question)
    return m is not None and m.group(1) in lead and m.group(1) not in unit


def listed(question: str, groups: Sequence[Group], article: Article, units: list[str]) -> tuple[Citation, ...]:
    """Quotes for the chosen clauses: an item of a list comes with the clause that introduces it when
    that adds words of the question (「3. …框架性战略合作协议；」 says nothing about 常务会 without
    「下列事项不列入市政府常务会议议题：」) or negates it (``_NEGATES``), and a question that asks for the list (哪些, 哪几) gets
    the whole list; a list's lead brings its items."""
    out: list[str] = []
    for unit in units:
        lead = lead_of(article, unit)
        if lead and (asks_for_list(question) or (asks_what(question) and _lone_catch_all(article, unit, lead, units))):
            unit = lead
        elif (
            lead
            and lead not in out
            and (
                coverage(groups, lead + unit) > coverage(groups, unit)
                or _NEGATES.search(lead)
                or _names_asked(question, lead, unit)
            )
        ):
            # before the items of its list quoted already: 「公文审核签发：」「(三)…」「(四)…」, in reading order
            out.insert(next((i for i, q in enumerate(out) if lead_of(article, q) == lead), len(out)), lead)
        quote = with_list(article, unit) if unit.endswith(("：", ":")) else unit
        if quote not in out:
            out.append(quote)
    return tuple(Citation(article, q) for q in out)


# An item that gathers whatever the others leave (「（十一）其他需提请市政府常务会议讨论…的重要事项。」)
_CATCH_ALL = re.compile(r"其[他它]")


# what is asked for, a thing or things (「主要讨论些啥」, 「干什么」), not which place (「哪个地方规定了…」)
_WHAT = re.compile(r"什么|啥|哪些|哪几")


def asks_what(question: str) -> bool:
    """Whether ``question`` asks what (things done, matters), its places aside."""
    return bool(_WHAT.search(SCOPE_WORDS.sub("", WHICH_PLACE.sub("", question))))


def catch_all(quote: str) -> bool:
    """Whether ``quote`` is a list's catch-all item (「（十一）其他需提请市政府常务会议讨论…的重要事项。」): it says only
    「other matters」, of whatever list it closes."""
    item = item_of(quote)
    return item is not None and bool(_CATCH_ALL.match(item.text))


def _lone_catch_all(article: Article, unit: str, lead: str, units: list[str]) -> bool:
    """Whether ``unit`` is the catch-all item of the list ``lead`` introduces and no other item of it is quoted:
    asked what, the list it closes answers (「常务会主要讨论些啥」)."""
    return catch_all(unit) and not any(u != unit and lead_of(article, u) == lead for u in units)


def lead_of(article: Article, unit: str) -> str | None:
    """The clause ending in ：that introduces the list whose item ``unit`` is (None: not an item)."""
    paras = article.paragraphs
    at = next((i for i, p in enumerate(paras) if p.startswith(unit) and item_of(p)), None)
    if at is None:
        return None
    while at > 0 and item_of(paras[at - 1]):
        at -= 1
    if at == 0 or not paras[at - 1].endswith(("：", ":")):
        return None
    return sentences_of(paras[at - 1], len(paras[at - 1]))[-1]


def with_list(article: Article, unit: str) -> str:
    """A clause that introduces a list ("下列事项不列入…议题：") is quoted with its items."""
    paras = article.paragraphs
    for i, p in enumerate(paras):
        if p.endswith(unit):
            j = i + 1
            while j < len(paras) and item_of(paras[j]):
                j += 1
            if j > i + 1:
                start = article.text.index(p) + len(p) - len(unit)
                end = article.text.index(paras[j - 1], start) + len(paras[j - 1])
                return article.text[start:end]
    return unit
