"""Refusals in plain words: what was searched, why there is no answer, and the nearest article to read.

Pure functions of the facts the pipeline found; no internal tokens ever reach the text.
"""

from __future__ import annotations

from assistant.answering.quantities import amounts
from assistant.models import Article

WORK_RULES = "工作规则"
RULES = "规定"  # what documents of other kinds (条例, 办法, 法规) are called together


def rules_called(titles: list[str]) -> str:
    """What a refusal calls the documents searched: 「工作规则」 when every one is a 规则 (the municipal work rules and
    their meeting rules), else 「规定」 (a user's 条例 and 办法: 「国家行政法规的现行规定中没有找到…」)."""
    return WORK_RULES if titles and all("规则" in t for t in titles) else RULES


# What the rules do not set, by the kind of quantity asked (``Draft.unstated``).
_UNSTATED = {
    "frequency": "召开或办理的频次",
    "as_needed": "固定的召开频次",
    "time": "具体时间或期限",
    "lead": "具体提前几天",
    "amount": "具体金额标准",
    "share": "具体的比例或票数",
    "level": "所问职务的级别",
    "score": "具体分值",
    "length": "具体字数",
    "headcount": "具体人数",
    "role": "所问人员的情形（条文规定的是其他人员）",
    "sanction": "对此的处分或追责办法",
    "person": "具体由谁担任（规则只规定职务，不载明人员姓名）",
    "doer": "具体由哪个部门或人员负责",
    "selection": "所问人员如何选聘、任命或产生",
    "composition": "所问的机构或会议由哪些人员组成",
    "meaning": "所问名称或说法的具体含义",
    "kind": "所问会议或事项属于什么性质",
    "invitee": "可以请所问的人员列席或参加",
    "recipient": "要向所问的机关或人员报告或送其审核",
    "to_whom": "要向谁报告或报批",
    "venue": "开会的具体地点",
    "qualified": "所问的具体是哪一种",
    "elsewhere": "所问的事项（其他地方的规则有）",
}


# What the nearest clause says is the rule on the asked thing itself: 「只规定：「…应事先向市长请假」」
SAID_ONLY = ("lead", "role", "as_needed", "recipient")
# … and the clauses said beside a refusal whose numbers are none of the asked thing's own (a venue's notice names
# days ahead): the refusal is not said 「为所问的事项」 against them
_OWN_RULE = (*SAID_ONLY, "venue")


def _instead(unstated: str, said: str) -> str:
    """What the nearest clause says, quoted, and how it stands to the question: for a lead time said only as
    事先, another role's rule, or a meeting held when needed, it is all the rule says on it (「只规定」); otherwise it is a related rule that
    does not set what is asked (the minutes' rule without days, the documents' 7 days for the minutes), and is
    called that (「相关的规定是」), not "all the rule says". A list's lead alone says nothing: not quoted."""
    if not said or said.endswith(("：", ":")):
        return ""
    return f"只规定：「{said}」" if unstated in SAID_ONLY else f"相关的规定是：「{said}」"


def _unset(unstated: str, said: str = "") -> str:
    """What the rules do not set, in words: 「规定具体时间或期限」 for "time" (any other count: 「规定具体数量」); said of
    the thing asked when the related clause quoted states a number of its own (the documents' 7 days quoted for
    the minutes), so that the refusal does not read as denying what it quotes."""
    unset = _UNSTATED.get(unstated, "具体数量")
    return f"为所问的事项规定{unset}" if said and amounts(said) and unstated not in _OWN_RULE else f"规定{unset}"


def not_found(
    where: str,
    nearest: Article | None,
    unstated: str | None = None,
    said: str = "",
    meeting: str | None = None,
    rules: str = WORK_RULES,
) -> str:
    """``where``: 「咸宁市的」, the places searched (「大同市、晋城市城区、朝阳市、咸宁市的」: none asked, all searched)
    or 「」; ``meeting``: the words naming a kind of meeting
    the city's rules never hold; ``unstated``: the kind of quantity asked and set nowhere; ``said``: what
    the nearest article says instead (「…应事先向市长请假」), quoted; ``rules``: what the place's documents are
    called (see ``rules_called``)."""
    if meeting:
        return where + place_not_found(nearest, meeting=meeting, rules=rules)
    if unstated and nearest is not None and _instead(unstated, said):
        return f"{where}{place_not_found(nearest, unstated, said, rules=rules)}。如需确认，请咨询本级政府办公室。"
    every = "都" if "、" in where else ""  # several places searched: none of them has it
    if unstated and nearest is not None:
        return (
            f"{where}现行{rules}{every}没有{_unset(unstated)}。最相关的是{nearest.source}，可查阅原文；"
            "如需确认，请咨询本级政府办公室。"
        )
    hint = f"最相关的是{nearest.source}，但它没有直接回答这个问题。" if nearest is not None else ""
    return f"在{where}现行{rules}中{every}没有找到对这个问题的直接规定。{hint}可以换个说法再问，或咨询本级政府办公室。"


def place_not_found(
    nearest: Article | None,
    unstated: str | None = None,
    said: str = "",
    meeting: str | None = None,
    rules: str = WORK_RULES,
) -> str:
    """One place's cell of a comparison when its rules do not answer: the kind of meeting asked about that
    its rules never hold; what they say instead, when the asked quantity is all that is missing
    (「没有规定具体提前几天，只规定：「…应事先向市长请假…」」); or the article on the topic that sets no
    such quantity — as a single place's refusal says them."""
    if meeting:
        return f"现行{rules}中没有关于「{meeting}」的规定（规则中未设这类会议）。"
    if unstated and nearest is not None and (instead := _instead(unstated, said)):
        return f"现行{rules}没有{_unset(unstated, said)}，{instead}——{nearest.source}"
    if unstated and nearest is not None:
        return f"现行{rules}没有{_unset(unstated)}，最相关的是{nearest.source}。"
    return f"现行{rules}中未找到对此的规定。"


def not_found_each(
    places: list[tuple[str, Article | None, str | None, str, str | None]], rules: str = WORK_RULES
) -> str:
    """Several places asked about (「大同跟城区一样吗」) and none answers: each one's finding and nearest
    article, so that no place is dropped. ``places``: (name, nearest article, unstated kind, what it says, the
    kind of meeting asked that the place's rules never hold)."""
    lines = []
    for name, nearest, unstated, said, meeting in places:
        if meeting:
            lines.append(f"【{name}】{place_not_found(nearest, meeting=meeting, rules=rules)}")
            continue
        instead = _instead(unstated, said) if unstated else ""
        found = f"没有{_unset(unstated, said if instead else '')}" if unstated else "没有找到直接规定"
        found += f"，{instead.replace('：', '', 1)}" if instead else ""
        near = f"，最相关的是{nearest.source}" if nearest is not None else ""
        lines.append(f"【{name}】{found}{near}。")
    return (
        f"各地现行{rules}中都没有找到对这个问题的直接规定：\n"
        + "\n".join(lines)
        + "\n可以换个说法再问，或咨询本级政府办公室。"
    )
