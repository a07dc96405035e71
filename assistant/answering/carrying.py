"""What a follow-up carries over from the previous question: its meeting and its topic.

A question asked after another may name only a thing of a meeting (「纪要谁签」 after 「常务会多久开一次」),
another kind of meeting (「那全体会呢」), or nothing of its own to ask of (「由谁去报？」). These helpers give
the question it stands for; ``dialogue.Dialogue`` decides when to ask them. Whether the rules answer a
question better so is judged by the answerer's calibrated evidence, passed in as ``judge``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from assistant.answering import followups
from assistant.answering.kinds import Kinds
from assistant.answering.parts import own_thing
from assistant.answering.phrasing import asks_of_a_thing, join, meeting_of, own_topic, split_predicate, topic_of
from assistant.answering.quantities import asked as asked_quantity
from assistant.answering.references import ARTICLE_REF
from assistant.answering.relocation import LEVELS, Relocator
from assistant.answering.roles import ROLE, another_bodys
from assistant.retrieval.tokenizer import default_tokenizer

MAX_OWN_SUBJECT = 3  # a new question naming more of a topic of its own does not lean on the previous one


class Judge(Protocol):
    """How far the evidence that the rules answer ``question`` in ``city`` is above the answer threshold
    (≥ 0: the answerer would answer), counting only answers whose article covers ``own`` words too (half of
    their weight; ``whole``: all of it)."""

    def __call__(self, question: str, city: str | None, own: str = "", whole: bool = False) -> float: ...


LEVEL_WORDS = re.compile(r"市政府|区政府|县政府|政府|市里|区里|县里|那边|这边|[?？。，,\s]")
# 「这个会」, 「那次会议」, 「该会」: the meeting the conversation is about
# 「会上通过的文件」 opening a message: the meeting talked about
_THIS_MEETING = re.compile(r"(?:这个|那个|这次|那次|这|该|此)会(?:议(?!题))?|(?:^|(?<=^那))会(?=[上后])")
_POINTING_AT = re.compile(r"^(?:这个|那个|这份|那份|这些|那些|这|该|此)")  # 「这个纪要」 opening a message
_GOVERNMENT = f"[{LEVELS}]?政府"  # 市政府常务会议: whose meeting
_LEVEL_HEAD = f"[{LEVELS}]长"  # 市长办公会议: part of the name (not a role of ``roles.ROLE``)


class Carrier:
    """The previous question's meeting or topic, carried into a new one."""

    def __init__(
        self, kinds: Kinds, relocator: Relocator, in_rules: Callable[[str], bool], judge: Judge | None = None
    ) -> None:
        self.kinds = kinds
        self.relocator = relocator
        self.in_rules = in_rules  # whether the rules' text uses a word
        self.judge = judge

    def other_meeting(self, words: str, previous: str) -> str | None:
        """「那全体会呢？」 after 「大同常务会多久开一次」: the same question about another kind of meeting
        (kinds mined from the rules, see ``kinds``), the old meeting's name replaced where it stood."""
        new, old = self.kinds.named(words), self.kinds.named(previous)
        if len(new) != 1 or len(old) != 1:
            return None
        if new == old:
            return self._unnarrowed(words, previous)
        (kind,) = new
        # 「那开专题会呢」: the meeting, after a verb of holding or attending it
        m = re.match(
            rf"(?:召?开|参加|在)?(?P<name>(?:{_GOVERNMENT})?(?:{_LEVEL_HEAD}{kind}|{kind})会(?:议(?!题))?)", words
        )
        tail = words[m.end() :] if m else ""
        # 「那常务会的汇报稿呢」 after 「市长办公会的汇报稿最多多少字」: the thing it names is the previous one's
        if not m or (tail not in ("", "的") and tail.removeprefix("的") not in previous):
            return None
        (was,) = old
        # 市政府 before the old name stays (it says whose meeting); 市长 of 市长办公会议 is part of the name
        said = re.search(rf"(?P<narrowed>[^，。？?、]{{2,20}}的)?(?:{_LEVEL_HEAD})?{was}会(?:议(?!题))?", previous)
        if said is None:
            return None
        new_name = re.sub(f"^(?:{_GOVERNMENT})", "", m.group("name"))  # the old question keeps its own 市政府
        old_name = said.group(0)
        if (narrowed := said.group("narrowed")) and self._qualifier_at(narrowed) is None:
            old_name = old_name[len(narrowed) :]  # 「大同的」 stays; 「落实市委重大决策部署的」 was the old meeting's
        return previous.replace(old_name, new_name, 1)

    def _unnarrowed(self, words: str, previous: str) -> str | None:
        """「那专题会议呢」 after 「落实市委重大决策部署的专题会议由谁主持」: the same question of the kind at large,
        the words narrowing the old one (the rules' qualifier) taken out; None when neither narrows or both do."""
        (kind,) = self.kinds.named(words)
        if re.sub(rf"^那|(?:{_GOVERNMENT})|(?:{_LEVEL_HEAD})?{kind}会议?|呢|[？?。]", "", words):
            return None  # words of its own (「那普通的专题会呢」): not the kind at large alone
        said = re.search(rf"(?P<narrowed>[^，。？?、]{{2,20}}?的?)(?:{_LEVEL_HEAD})?{kind}会(?:议(?!题))?", previous)
        if said is None or (start := self._qualifier_at(narrowed := said.group("narrowed"))) is None:
            return None
        # from its first word of a qualifier on (a place before it stays: 「大同落实…的专题会」)
        return previous.replace(narrowed, narrowed[:start], 1)

    def _qualifier_at(self, words: str) -> int | None:
        """Where ``words`` first say which ones of a kind of meeting (a word of the rules' qualifiers: 落实市委重大
        决策部署); None when they say none."""
        return min((words.find(w) for q in self.kinds.qualifiers.values() for w in q if w in words), default=None)

    def meeting_pointed(self, message: str, previous: str) -> str:
        """「那这个会的纪要谁签」 after questions about 区政府专题会: the meeting pointed at, named."""
        m = _THIS_MEETING.search(message)
        meeting = meeting_of(previous, self.kinds) if m else None
        if not m or not meeting:
            return message
        return message[: m.start()] + self.relocator.strip_places(meeting) + message[m.end() :]

    def kind_carried(self, message: str, previous: str) -> str:
        """「纪要多长时间内要完成」 after 「常务会纪要最后是谁签发」: the thing the previous question named
        as a meeting's (常务会纪要, 市长办公会汇报稿), when the new one starts with it and names no meeting,
        is still that meeting's: 「常务会纪要多长时间内要完成」."""
        said = self.kinds.said(previous)
        if len(self.kinds.named(previous)) != 1 or self.kinds.named(message) or not said:
            return message
        words = default_tokenizer().tagged(previous[previous.index(said) + len(said) :])
        if not words:
            return message
        thing, flag = words[0]
        pointed = _POINTING_AT.sub("", message, count=1)  # 「这个纪要」: the thing the previous question named
        if len(thing) < 2 or not flag.startswith(("n", "vn")) or not pointed.startswith(thing[:2]):
            return message
        # with the words that narrow the meeting (「落实市委决策部署的专题会」), as the previous question said it
        meeting = meeting_of(previous, self.kinds) or said
        return (self.relocator.strip_places(meeting) or said) + pointed

    def of_meeting(self, message: str, previous: str, city: str | None) -> str:
        """「纪要谁签」 after 「常务会多久开一次」: a thing (not a role) asked of in the previous question's
        meeting is that meeting's (「常务会纪要谁签」), when the rules answer it so (``judge``)."""
        carried = self.kind_carried(message, previous)
        meeting = meeting_of(previous, self.kinds)
        if carried != message or self.judge is None or not meeting or not asks_of_a_thing(message, self.kinds):
            return carried
        said = self.relocator.strip_places(meeting) or meeting
        asked = said + message
        own = re.split(r"[，,；;]", message)[0]  # a question with parts: judged on its first
        return asked if self._better_there(said + own, own, city, message) else message

    def own_thing_at_meeting(self, words: str, previous: str) -> str | None:
        """「几天内印发文件」 after 「常务会议纪要谁签发」: a quantity asked of a thing of its own (not the 纪要 the
        previous question was about), at the previous question's meeting: 「常务会议几天内印发文件」."""
        meeting = meeting_of(previous, self.kinds)
        if not words or not meeting or self.kinds.named(words):
            return None
        if not own_thing(words, topic_of(previous), self.in_rules):
            return None
        return join(self.relocator.strip_places(meeting), words)

    def held(self, words: str, previous: str) -> str | None:
        """The previous question's meeting when ``words`` ask how often and name no meeting: 「一个月开几次」 after
        「常务会纪要谁签发」 asks how often the meeting is held, not its 纪要."""
        meeting = meeting_of(previous, self.kinds)
        asks_often = bool(words) and asked_quantity(words) == "frequency" and not self.kinds.named(words)
        return meeting if meeting and asks_often else None

    def _better_there(self, there: str, alone: str, city: str | None, own: str) -> bool:
        """Whether the rules answer ``there`` (a message asked of the previous question's subject, covering its
        ``own`` words), unless the message ``alone`` is answered by an article with all of those words and ``there``
        by one without:
        「副市长出差要向谁请假」 after a question on 常务会议 is answered by the leave rule for trips (the meeting's rule
        on missing it has no 出差), 「纪要谁签」 by the meeting's own rule (``judge``)."""
        assert self.judge is not None
        if self.judge(there, city, own, True) >= 0:  # there by an article with every word of its own (so by half)
            return True
        # else not when the message alone is answered by an article with every word of its own
        return self.judge(there, city, own) >= 0 and self.judge(alone, city, own, True) < 0

    def in_context(self, message: str, previous: str, city: str | None) -> str:
        """``message`` asked about the previous question's subject, when it has at most a short subject
        of its own (「纪要谁签」, 「报之前要先找谁同意」) and is then answered on better evidence."""
        own = own_topic(split_predicate(message, at_ask=True)[0])
        # of two questions asked in one message, the later is what a continuation goes on from (「副市长出差要跟谁
        # 请假？部门一把手要离开朝阳又是什么流程」 → 「府办收到后再报给哪几位领导」: the department head's leave)
        previous = [q for q in re.split(r"(?<=[？?])", previous) if q.strip()][-1] if previous.strip() else previous
        topic = LEVEL_WORDS.sub("", self.relocator.strip_places(topic_of(previous)))
        if self.judge is None or own > MAX_OWN_SUBJECT or len(topic) < 2 or topic in message:
            return message
        if ARTICLE_REF.search(topic):
            return message  # 「副市长出差向谁请假」 after 「…第十六条说的什么」: an article asked about is no subject to carry
        if self.kinds.named(message) and self.kinds.named(topic):
            return message  # 「市长办公会谁主持」 after a question on 常务会议: a meeting of its own, not the previous one's
        if another_bodys(message, topic_of(previous)):
            return message  # 「部门一把手外出要提前几天请假」 after one on 县政府一把手: a role of its own, not theirs
        if held := self.held(message, previous):
            topic = LEVEL_WORDS.sub("", self.relocator.strip_places(held))
        asked = join(topic, message)
        if own == 0 and not followups.PLACES_WORD.search(message):
            # 「由谁去报？」, 「我是部门负责人，还要做什么？」: nothing to ask of but the previous topic (「各地副市长出差
            # 要提前几天请假」 asks every place a question of its own) …
            return message if self._stands_alone(asked, message, city) else asked
        # 「年假怎么休」 after 「市长出差期间谁代行职务」 must not be answered by the 市长出差 article:
        # the answer has to cover the new question's own words as well.
        with_topic = self.judge(asked, city, message)
        return asked if with_topic >= 0 and with_topic > self.judge(message, city, message) else message

    def _stands_alone(self, there: str, message: str, city: str | None) -> bool:
        """… unless its subject is a word of the rules the tagger calls a doing (请示) and it is answered alone, on
        better evidence, by an article with every word of its own, ``there`` (it asked of the previous question's
        subject) by one without: 「请示一般不超过多少字」 after a question on 常务会议 (汇报稿's 1500 字 has no 请示)."""
        assert self.judge is not None
        subject = ROLE.sub("", split_predicate(message, at_ask=True)[0])
        words = default_tokenizer().tagged(subject) if subject else []
        if not any(len(w) >= 2 and f.startswith("v") and self.in_rules(w) for w, f in words):
            return False
        alone = self.judge(message, city, message, True)
        return alone >= 0 and alone > self.judge(there, city, message) and self.judge(there, city, message, True) < 0
