"""Further quotes the question's asking calls for, beyond those that add its words.

A list asked (「要听取哪些方面的意见」) is answered by the clause that enumerates the things asked
(「…听取市政府参事、专家和社会公众意见」) besides the best (「广泛听取各方面的意见」); limits asked
(「对部门自己搞督查有啥限制」) by each limit the article sets on the doing (「严禁重复督查…」 and 「未经批准，
…不得以市政府名义开展督查」); who does it (「专题会谁来主持」) by each clause naming someone who does it (the
leaders, and 「受委托，副秘书长可以召集和主持」); what a role does, asked as a list (「哪些公文要市长签发」), by each
clause saying that role does it (「…的请示、报告…，由市长签发」 and 「…重要政策性、规范性文件，由市长签发」). Pure functions over an article's scored clauses (score, position, clause).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.analysis import Group
from assistant.answering.asking import QUESTION_TYPES, asked_doing, asks_whose, enumerating, question_types
from assistant.answering.doers import names_doer
from assistant.answering.lists import asks_for_list
from assistant.answering.modality import forbids
from assistant.answering.roles import DOINGS, ROLE, role_mismatch
from assistant.answering.scoring import coverage
from assistant.textnorm import normalize

Scored = tuple[float, int, str]


def asked_extras(
    question: str, groups: Sequence[Group], scored: Sequence[Scored], chosen: Sequence[Scored], ratio: float
) -> list[Scored]:
    """The clauses to quote beside ``chosen`` (the best first): the enumerating one for a list, when it scores
    at least ``ratio`` × the best (as a further quote must); another limit with the question's words as the
    best has them."""
    best, out = chosen[0], []
    # (「要听哪些人的意见」 too: the people listed, 「…听取市政府参事、专家和社会公众意见」)
    if (asks_for_list(question) or asks_whose(question)) and not any(enumerating(question, c[2]) for c in chosen):
        listing = next((c for c in scored[1:] if c[0] >= ratio * best[0] and enumerating(question, c[2])), None)
        out += [listing] if listing is not None else []
    if asks_for_list(question) and (more := _list_going_on(scored, best)) and more not in chosen and more not in out:
        out.append(more)  # 「…制定督查计划，建立健全督查任务台账…。」「要定期督查、核查复核、督促整改…」
    if "limit" in question_types(question):
        limit, floor = QUESTION_TYPES["limit"][1], coverage(groups, best[2])
        more = next(
            (
                c
                for c in scored
                if c not in chosen and c not in out and limit.search(c[2]) and coverage(groups, c[2]) >= floor > 0
            ),
            None,
        )
        out += [more] if more is not None else []
    if asks_for_list(question):
        out += [c for c in _done_by_the_role(question, scored) if c not in chosen and c not in out]
    if not forbids(question, best[2]) and (
        no := next((c for c in scored if c not in chosen and c[0] >= ratio * best[0] and forbids(question, c[2])), None)
    ):
        # 「区政府的会一般能请假吗」 quoted 「如有特殊情况不能参加的，要履行请假手续…」: the clause that says 原则上不应请假
        out += [no] if no not in out else []
    if (doing := asked_doing(question)) and names_doer(best[2], doing):
        # who else may do it: 「…专题会议由市政府领导同志召集和主持」 and 「受…委托，副秘书长可以召集和主持…」
        floor = coverage(groups, best[2])
        other = next(
            (
                c
                for c in scored
                if c not in chosen
                and c not in out
                and c[0] >= ratio * best[0]
                and coverage(groups, c[2]) >= floor > 0
                and _another_doer(question, doing, best[2], c[2])
            ),
            None,
        )
        out += [other] if other is not None else []
    return out


# a sentence going on with the one before without a subject of its own, listing (「要定期督查、核查复核、…」)
_GOES_ON_LISTING = re.compile(r"^(?:要|并|还要|同时)[^。；;]*、[^。；;]*、")


def _list_going_on(scored: Sequence[Scored], best: Scored) -> Scored | None:
    """The clause right after ``best`` when it goes on listing what ``best``'s subject does (a list asked is
    all of it, not the half the first sentence says)."""
    return next((c for c in scored if c[1] == best[1] + 1 and _GOES_ON_LISTING.match(c[2])), None)


# who may do it besides, as the rules say it: on someone's behalf (委托, 授权) or as allowed (也可, 可以)
_DELEGATED = re.compile(r"委托|授权|也可|可以|可由")


def _another_doer(question: str, doing: str, best: str, clause: str) -> bool:
    """``clause`` names, as doing ``doing`` on someone's behalf or as allowed, a role ``best`` does not name,
    and is not about other roles than the question is (not the rule for the departments' heads, nor the rule
    for another issuer: 「以区政府办公室名义发文…由办公室主任签发」 is no one else who signs for 区政府)."""
    if not _DELEGATED.search(clause):
        return False
    m = re.search(rf"(?P<role>{ROLE.pattern})[^，。；,;]{{0,8}}?{re.escape(doing)}", normalize(clause))
    return m is not None and m.group("role") not in normalize(best) and not role_mismatch(question, clause)


# a role and what it does, as a list question says it (「要市长签发」, 「市长得签」)
_ROLE_DOES = re.compile(rf"(?P<role>{ROLE.pattern})(?:要|得|须|需|都|会|亲自|来|负责)*(?P<doing>{DOINGS})")


def _done_by_the_role(question: str, scored: Sequence[Scored]) -> list[Scored]:
    """For a list of what a role does (「哪些公文要市长签发」), the clauses saying that role does it (「…，由市长
    签发」), in the article's order: each says some of the things listed. Not a deputy's (副市长) nor the role
    said otherwise (「经市长同意后，由…分管领导同志签发」 names no 市长签发)."""
    m = _ROLE_DOES.search(normalize(question))
    if m is None:
        return []
    said = re.compile(rf"(?<![副务]){re.escape(m.group('role'))}(?:亲自)?{re.escape(m.group('doing'))}")
    return sorted((c for c in scored if said.search(normalize(c[2]))), key=lambda c: c[1])
