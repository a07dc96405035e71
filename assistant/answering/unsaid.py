"""What the chosen quotes do not say although the question asks it: a person (the rules name offices), an
invitee, a recipient, a venue, a sanction, a thing the knowledge base never names, how someone is chosen, a
lower government's meeting, either side of a choice, a doer or the doing asked, or the thing whose doer is asked.

``not_said`` runs these checks on an answerer's quotes in turn. Each either refuses (``NotSaid``: the kind of
refusal, see ``messages``, and the clause to say instead) or lets the quotes stand, for some checks with the
sentence of the article that does say it added.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.answering.analysis import Group
from assistant.answering.attendance import says_stand_in, stand_in_unsaid, uninvited
from assistant.answering.choices import choice_unanswered
from assistant.answering.composition import body_asked, composition_unstated, states_composition
from assistant.answering.doers import doer_unstated, doing_unsaid, names_doer, thing_unnamed
from assistant.answering.existence import absence, absent_thing, asked_thing
from assistant.answering.identity import asks_identity
from assistant.answering.lists import catch_all
from assistant.answering.meaning import (
    enumerating,
    explained_after_heading,
    explained_after_instituting,
    kind_unstated,
    meaning_unstated,
    states_kind,
    states_meaning,
    term_asked,
)
from assistant.answering.owners import lower_meeting_unsaid
from assistant.answering.qualifiers import qualifier_unsaid
from assistant.answering.recipients import recipient_unnamed, to_whom_unstated, turns_to
from assistant.answering.sanctions import sanction_unstated, states_sanction
from assistant.answering.scoring import coverage
from assistant.answering.selection import person_asked, selection_unstated, states_selection
from assistant.answering.standins import stand_in_away
from assistant.answering.venues import mentioning, venue_unstated
from assistant.models import Article, Citation


@dataclass(frozen=True)
class NotSaid:
    """A refusal: what the rules were found not to say (``None``: only that they do not answer) and the
    clause said instead."""

    kind: str | None
    said: str = ""


def not_said(
    question: str,
    groups: Sequence[Group],
    article: Article,
    quotes: tuple[Citation, ...],
    context: list[str],
    joined: str,
    judged: bool,
    settled: bool,
    df: Callable[[str], int],
    here: Callable[[str], bool] | None = None,
) -> NotSaid | tuple[Citation, ...]:
    """The refusal, or the quotes (with what answers added), for ``quotes`` of the top ``article``
    (``context``: its sentences; ``joined``: the quotes as first chosen). ``judged``: the evidence answers;
    ``settled``: no quantity asked is ruled out or unstated (those refusals come first); ``df``: how many
    articles have a word (the knowledge base's vocabulary); ``here``: whether the place's own rules have a word."""
    first = quotes[0].quote if quotes else ""
    if judged and absent_thing(question, lambda w: df(w) > 0):
        # 「参会的有没有加班补助」: no article has a word of what is asked to exist
        return NotSaid(None)
    if judged and (thing := asked_thing(question, groups)) is not None:
        # 「列席的人大代表有补贴没」: no article has the thing a yes/no question asks of; 「简报要先经办公室核准吗」 in
        # 城区: only another place's rules name it (said as such: ``messages``)
        lacked = absence(thing, lambda w: df(w) > 0, here)
        if lacked is not None:
            return NotSaid(None if lacked == "nowhere" else "elsewhere")
    if judged and quotes and all(catch_all(c.quote) for c in quotes):
        # 「哪个地方规定了常务会必须上午开」 quoted 「(九)其他需提请市政府常务会议讨论…的重要事项」: other matters, named
        # by no word of their own (asked what, the list it closes is quoted instead: ``lists``)
        return NotSaid(None)
    if judged and asks_identity(question):
        # 「秘书长是谁」 quoted 「市政府由市长、副市长、秘书长…组成」: the rules name offices, not people
        return NotSaid("person", first)
    if judged and uninvited(question, groups, article.text):
        # 「常务会能请法律顾问列席吗」 against a rule on the meeting that never names one
        return NotSaid("invitee", first)
    if judged and settled and quotes and stand_in_unsaid(question, joined):
        # 「能让副职替他参会吗」 quoted 「…会前向会议主持人请假」: a sentence of the article that sends someone instead
        # answers (「…报市长同意后委托分管负责人参会」), else the rules do not say
        named = with_stating(says_stand_in, groups, article, quotes, context)
        if named is None:
            return NotSaid(None)
        quotes = named
    if judged and quotes and qualifier_unsaid(question, groups, joined, lambda w: df(w) > 0):
        # 「督办用的什么信息化平台」 quoted 「充分利用全市电子政务内网平台」: another platform than the one asked
        return NotSaid("qualified", first)
    if judged and quotes and recipient_unnamed(question, joined):
        # 「副区长请假超过一周要不要报区委」 quoted 「…向区长请假，经批准后，向区政府办公室报备」: no word of 区委
        return NotSaid("recipient", first)
    if judged and settled and quotes and to_whom_unstated(question, joined):
        # 「市长出差要报谁」 quoted who stands in for the mayor: a sentence of the article that turns to someone answers,
        # else the rules do not say whom it goes to
        named = with_stating(turns_to, groups, article, quotes, context)
        if named is None:
            return NotSaid("to_whom", first)
        quotes = named
    if venue_unstated(question, joined):
        # 「常务会在哪开」 quoted the meeting's schedule: no quote names a place, the rules set none
        return NotSaid("venue", mentioning(context))
    if judged and settled and sanction_unstated(question, joined):
        # 「违反请销假制度怎么处分」 quoted 「要严格执行请销假制度」: no quote names a sanction
        named = with_stating(states_sanction, groups, article, quotes, context)
        if named is None:
            return NotSaid("sanction", first)
        quotes = named
    if judged and settled and selection_unstated(question, joined):
        # 「参事是怎么聘任的」 quoted 「支持、配合参事的工作」: no quote says how one is chosen
        person = person_asked(question)
        named = with_stating(lambda u: states_selection(u, person), groups, article, quotes, context)
        if named is None:
            return NotSaid("selection", first)
        quotes = named
    if judged and settled and composition_unstated(question, joined):
        # 「咨询委员会由哪些人组成」 quoted 「…也可邀请…咨询委员会委员…列席会议」: no quote says who it is made up of
        body = body_asked(question)
        named = with_stating(lambda u: states_composition(u, body), groups, article, quotes, context)
        if named is None:
            return NotSaid("composition", first)
        quotes = named
    if judged and settled and meaning_unstated(question, joined):
        # 「13710平台这几个数字代表啥意思」 quoted 「用好“13710”信息化督办平台」: the term used, not explained; an
        # article whose heading the term is (「坚持依法行政。」) explains it in what it says next
        term = term_asked(question)
        named = with_stating(lambda u: states_meaning(u, term), groups, article, quotes, context)
        if named is None and (listing := enumerating(question, context)):
            # 「反馈问题…指哪些」: the item listing its cases (「巡视、督查、检查、重大审计等反馈问题」), alone
            named = (Citation(article, listing),)
        if named is None and (
            next_said := explained_after_heading(term, context) or explained_after_instituting(term, context)
        ):
            named = with_quote(article, quotes, Citation(article, next_said))
        if named is None:
            return NotSaid("meaning", first)
        quotes = named
    if judged and settled and kind_unstated(question, joined):
        # 「咸宁全体会议是什么性质的会议」 quoted who sits in it: no quote says what kind of meeting it is
        named = with_stating(states_kind, groups, article, quotes, context)
        if named is None:
            return NotSaid("kind", first)
        quotes = named
    if judged and settled and (doing := doer_unstated(question, joined)):
        # 「公平竞争审查归哪个部门」 quoted 「加强…公平竞争审查」: no quote says who does it; a sentence of the
        # article that does answers, else the refusal says the rules do not set who
        named = with_stating(lambda u: names_doer(u, doing), groups, article, quotes, context)
        if named is None:
            return NotSaid("doer", first)
        quotes = named
    if judged and quotes and stand_in_away(question, joined):
        # 「要是常务副市长也不在呢」 quoted 「…由常务副市长主持市政府工作」: the one said to be away too
        return NotSaid(None)
    if judged and quotes and lower_meeting_unsaid(question, joined):
        # 「下面县（市）区政府的常务会多久开一次」 quoted the city's own: the rules set no county's meetings
        return NotSaid(None)
    if judged and quotes and choice_unanswered(question, joined):
        # 「套开的话，纪要是分开出还是合一起出」 quoted 「常务会议可与…会议套开」: neither choice is spoken of
        return NotSaid(None)
    if judged and settled and doing_unsaid(question, [g.alternatives for g in groups], joined):
        # 「大同市政府秘书长由谁任命」 quoted the rule on who chairs a meeting: no quote says the doing asked
        return NotSaid(None)
    titled = "".join(c.article.document + c.quote for c in quotes) if judged else ""  # 「本规则由…解释」
    if titled and thing_unnamed(question, groups, titled):
        # 「区政府规章由谁签署」 quoted 「区政府发布的决定和命令…由区长签署」: who signs other things
        return NotSaid("doer", quotes[0].quote)
    return quotes


def with_quote(article: Article, quotes: Sequence[Citation], added: Citation) -> tuple[Citation, ...]:
    """``quotes`` with ``added`` (once), in the order they stand in ``article``."""
    return tuple(sorted({*quotes, added}, key=lambda c: article.text.find(c.quote)))


def with_stating(
    stating: Callable[[str], bool],
    groups: Sequence[Group],
    article: Article,
    quotes: Sequence[Citation],
    context: list[str],
) -> tuple[Citation, ...] | None:
    """The quotes and the sentence of ``article`` (``context``) that states what is asked (``stating``: a
    sanction, who does it) for the question's words (the one covering most of them), in the article's order;
    None when no sentence states it."""
    naming = [u for u in context if stating(u) and coverage(groups, u) > 0]
    if not naming:
        return None
    return with_quote(article, quotes, Citation(article, max(naming, key=lambda u: coverage(groups, u))))
