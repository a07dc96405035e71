"""A follow-up made whole: the short message (「那常务会议呢？」, 「要提前几天？」, 「市长不在的话呢」) and the
previous question it leans on give the full question it stands for (see ``dialogue`` for the kinds).

``Dialogue`` decides where the conversation is and whether the message leans on it; this module only puts
the follow-up and the previous question together.
"""

from __future__ import annotations

import re

from assistant.answering import followups, subdivisions
from assistant.answering.carrying import LEVEL_WORDS, Carrier
from assistant.answering.kinds import Kinds
from assistant.answering.phrasing import (
    LEAD,
    combine,
    fragment,
    join,
    meeting_of,
    names_something,
    shared_head,
    split_predicate,
)
from assistant.answering.references import ARTICLE_REF
from assistant.answering.relocation import Relocator
from assistant.answering.roles import IN_NAME, ROLE
from assistant.retrieval.tokenizer import default_tokenizer

# a quantity of a thing, asked alone as a follow-up (「那字数呢」): asked of the previous question's subject
_QUANTITY_OF = re.compile(r"字数|人数|篇幅")
_QUANTITY_NOUN = "时间|时长|字数|人数|篇幅|期限|时限"  # the quantities a thing is asked for by name
_QUANTITY_SAID = re.compile(rf"的?(?:{_QUANTITY_NOUN}|次数|天数)$")  # the quantity a subject ends with
# … said with what it is of (「汇报时间」, 「发言时长」)
_THING_QUANTITY = re.compile(rf"([\u4e00-\u9fff]{{2,4}}?)(?:{_QUANTITY_NOUN})")
# a follow-up that names only another article (「那第十七条呢」, 「第五条说啥」)
_ARTICLE_ONLY = re.compile(
    rf"({ARTICLE_REF.pattern})(?:呢|又?(?:是|说|讲|写)(?:了)?(?:啥|什么|些什么)|怎么(?:说|规定)的?)?[？?。]*"
)
_IN_IT = re.compile(r"在(?:这|那)?里面|(?:这|那)里面|在其中|这中间|(?:这|那)件事(?:里|上|中)")  # in what was asked of
# an issuer's name said without the 以 of 「以…名义」 (「区政府办公室名义发文」)
_ISSUER_UNLED = re.compile(r"(?<![以用])[市区县]?政府(?:办公室|办)?名义")


class Completion:
    """Follow-ups made whole in one knowledge base's words (its kinds of thing, places and meetings)."""

    def __init__(self, kinds: Kinds, relocator: Relocator, carry: Carrier) -> None:
        self.kinds = kinds
        self.relocator = relocator
        self.place_names = relocator.place_names
        self.carry = carry

    def whole(self, message: str, bare: str, base: str, city: str | None) -> str:
        """The follow-up ``message`` (``bare`` without its places) made whole with ``base``, the previous
        question asked where the conversation is now."""
        rest = fragment(bare)
        m = followups.SUBJECT_THEN_ASKING.match(rest)
        # 「部门一把手呢，流程一样吗」: the previous question for that role (not 「一样」 read as pointing back)
        swapped = followups.new_subject_and_asking(rest, base.strip("？?。 ")) if m else None
        if m and swapped is not None and followups.same_asked(m.group(2)):
            return swapped
        rest = self._asked_anew(rest, base)
        previous_question = base.strip("？?。 ")
        if re.match(r"以[^，。？?]{2,10}名义", rest):  # 「那以区政府名义发的呢」 after 「区政府办公室名义发文谁签」:
            previous_question = _ISSUER_UNLED.sub(lambda m: "以" + m.group(0), previous_question)  # the rules' 以…名义
        if (
            (of_thing := _THING_QUANTITY.fullmatch(rest))
            and of_thing.group(1) in previous_question
            and (meeting := meeting_of(previous_question, self.kinds))
        ):
            # 「那汇报时间呢」 after 「市长办公会汇报稿最多多少字」: another quantity of what was asked about (汇报), at the
            # same meeting; how much of it is asked, not the previous question's 多少字
            return f"{self.relocator.strip_places(meeting) or meeting}{rest}是多少"
        if _QUANTITY_OF.fullmatch(rest) and (subject := split_predicate(previous_question, at_ask=True)[0]):
            # 「那字数呢？」 after 「市长办公会议的汇报稿怎么准备」: the length of what was asked about, not in its stead;
            # after 「常务会议汇报时间多长」 in place of the quantity asked before (the 汇报's 字数, not its 时间's)
            return f"{_QUANTITY_SAID.sub('', subject)}{rest}有什么要求"
        if (of_meeting := self.carry.own_thing_at_meeting(rest, previous_question)) is not None:
            return of_meeting
        if (asked := followups.new_subject_and_asking(rest, previous_question)) is not None:
            return asked
        rest = followups.object_first(rest)  # 「那谁签纪要」: 「纪要谁签」
        if followups.asks_on_its_own(rest):  # 「那专题会纪要谁签？」: a question of its own, in the same place
            # … unless it leans on the previous one (「那秘书长能主持吗」 after 「常务会议谁主持」)
            own = self.carry.of_meeting(followups.object_first(LEAD.sub("", message).strip()), previous_question, city)
            at_previous = self.kinds.named(previous_question) and not self.kinds.named(own)
            if ROLE.search(own) and (at_previous or _IN_IT.search(own)):
                # a role, at the previous meeting, or in what the previous question was about (「在里面干啥」)
                own = self.carry.in_context(own, previous_question, city)
            return own
        if rest and followups.is_condition(bare, rest):
            return _under_condition(rest, previous_question)
        if other := self.carry.other_meeting(rest, previous_question):
            return other
        if (
            rest
            and followups.NOMINAL_DE.search(bare)
            and split_predicate(rest)[1]
            and not shared_head(rest + "的", base)
            and not shared_head(rest.removesuffix("的"), base)  # 「以区政府名义的」: in place of 以区政府办公室名义
            and not self.kinds.named(rest)  # 「那市长办公会定的呢」: another meeting's, not a kind of thing
        ):
            return self._led_like_previous(rest, previous_question) or followups.of_a_kind(rest, previous_question)
        if held := self.carry.held(rest, previous_question):
            return join(held, rest)
        if rest and (shared_head(rest, base) or len(LEVEL_WORDS.sub("", rest)) >= 2):
            return combine(rest, previous_question, self.place_names)
        return base

    @staticmethod
    def _led_like_previous(rest: str, previous: str) -> str | None:
        """The previous question with its phrase of the same frame put in the stead of the 的-phrase's lead
        (「那以市政府名义制发的呢」 after 「以市政府办公室名义发文谁签发」: 以市政府名义 for 以市政府办公室名义);
        None when the 的-phrase leads with no such phrase, or with one the previous question already has; or when
        it is issued in a name (以…名义) and the previous question names none (「那以市政府办公室名义发的呢」 after
        「市政府人事任免的公文谁签发」: another kind of document, not 「以市政府人事任免的公文…」)."""
        if IN_NAME.match(rest) and not IN_NAME.search(previous):
            return None
        for end in range(len(rest) - 1, 3, -1):
            lead = rest[:end]
            if (span := shared_head(lead, previous)) is not None and span.endswith(lead[-2:]):
                if span == lead:
                    return None
                doing = rest[end:].removesuffix("的")
                subject, asking = split_predicate(previous, at_ask=True)
                theirs = subject[subject.index(span) + len(span) :] if span in subject else ""
                if _doings_differ(rest, end, doing, theirs) and asking:
                    # 「那以市政府办名义发的呢」 after 「以市政府名义报省政府的请示谁签发」: a doing of its own (发) in the
                    # stead of the previous one's (报省政府的请示), the asking kept (the same doing, 「只用市政府名义报省政府
                    # 的呢」, narrows the previous one's: only the lead is put in its stead)
                    return f"{subject[: subject.index(span)]}{rest.removesuffix('的')}的{asking}"
                return previous.replace(span, lead, 1)
        return None

    @staticmethod
    def _asked_anew(rest: str, base: str) -> str:
        """What of the follow-up ``rest`` is asked anew of the previous question ``base`` ("" for nothing: the
        previous question as it was)."""
        same = followups.ANAPHORA.search(rest)
        if same and names_something(rest[same.end() :]):
            same = None  # 「要是这样的话，纪要多久印发」: a question of its own after the pointing word
        head = fragment(re.split(r"[？?，,。；;]", rest[: same.start()])[0]).rstrip("也都还是的") if same else ""
        if same and names_something(head):
            rest = head  # 「那全体会议也一样吗」: the previous question, about 全体会议
        elif same:
            rest = ""  # 「咸宁有这规定吗」: the previous question as it was
        if followups.just_asking(rest, base):
            rest = ""  # 「大同的标准是多少」, 「咸宁是几天」: the previous question as it was, for that place
        return rest


def another_article(message: str, previous: str) -> str | None:
    """「那第十七条呢」 after 「市长办公会议工作规则第三条」: the previous question with the article it names put in the
    stead of the one the previous named (that document's 第十七条, asked as the previous was); else None."""
    said = ARTICLE_REF.search(previous)
    if said is None:
        return None
    # the subdivision the previous question named with its article (「第三十三条第二款」), if any
    end = m.end() if (m := subdivisions.SAID_AFTER_ARTICLE.match(previous, said.end())) else said.end()
    if part := subdivisions.PART_ONLY.fullmatch(message.strip()):
        # 「第七项呢」 after 「…第三十一条是什么」 (or 「…第三十一条第二项是什么」): that subdivision of the same article
        return previous[: said.end()] + part.group(1) + previous[end:]
    other = _ARTICLE_ONLY.fullmatch(_LEAD_THEN.sub("", message.strip()))
    # 「那第二十条呢」 after 「…第三十三条第二款」: the whole other article, not its second paragraph
    return previous[: said.start()] + other.group(1) + previous[end:] if other else None


def _doings_differ(rest: str, end: int, doing: str, theirs: str) -> bool:
    """Whether ``doing`` (what follows the lead, ``rest[:end]``, in a follow-up's 的-phrase, the lead a whole word)
    and ``theirs`` (what follows the same lead in the previous question) start differently: 发 and 报省政府的请示;
    not 省政府 and 省里的事项 (the lead 「…名义报」 the same doing of both), nor 制发 and 发文."""
    ends, at = set(), 0
    for word, _ in default_tokenizer().tagged(rest):
        at += len(word)
        ends.add(at)
    if not doing or not theirs or end not in ends or _NOT_A_DOING.match(doing) or _NOT_A_DOING.match(theirs):
        return False
    return not set(doing[:2]) & set(theirs[:2])  # 制发 and 发文 are one doing


# what continues a phrase rather than starting a doing: 「或省直部门」, 「的事项」
_NOT_A_DOING = re.compile(r"[或和及与的、，,]")


_LEAD_THEN = re.compile(r"^(?:那么|那|还有)")


def _under_condition(rest: str, previous: str) -> str:
    """「市长不在的话呢」 after 「常务会一般谁主持」: the previous question under a condition; 「那副市长出差呢」
    after 「市长出差谁代行」, the role in that situation."""
    if swapped := followups.role_in_situation(rest, previous):
        return swapped
    said = "" if rest.endswith(("的时候", "的话", "期间")) else "的话"  # not 「不在的时候的话」
    if (pronoun := followups.PRONOUN.match(rest)) and (role := ROLE.search(previous)):
        rest = role.group(0) + rest[pronoun.end() :]  # 「那他出差呢」 after 「区长办公会议谁主持」: the 区长
    return f"{rest}{said}，{previous}"
