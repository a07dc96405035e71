"""Conversations: turn a follow-up into the full question it stands for, and carry the city over.

One module for every front end: the web chat, the widget and ``/v1/chat/completions`` all pass
the user's messages so far (oldest first) to ``Dialogue.resolve`` and ask what it returns.

Kinds of follow-up, recognised by general means (no phrase list of questions):
- the same question about another place: 「咸宁呢？」 → the previous question, for 咸宁;
- the same question about another subject: 「那常务会议呢？」 after 「全体会议由谁主持？」 → the
  subject that shares its head word (会议) is replaced: 「常务会议由谁主持？」; with no shared head,
  the new subject takes the previous question's predicate: 「那部门主要负责人呢？」 after
  「副市长出差要向谁请假」 → 「部门主要负责人要向谁请假」;
- a new question about the same subject: 「要提前几天？」 after 「副区长出差要请假吗」 → the
  previous subject + the new predicate: 「副区长出差要提前几天？」;
- a condition: 「市长不在的话呢」 → 「市长不在的话，常务会一般谁主持」, also said by its form: a
  subject in a state (「市长来不了呢」, negated or with 了);
- several places: 「咸宁和朝阳也一样吗」 → the previous question for each of them;
- a place and only an asking of the previous question's kind: 「大同是几天？」 → the previous question
  for 大同;
- a new role and a new asking: 「那部门主要负责人呢，先找谁」 after 「副区长离开城区请假要提前几天」
  → 「部门主要负责人离开城区请假先找谁」;
- a 的-phrase saying which ones: 「那以市政府办公室名义发的呢」 after 「部门一把手出国的审批公文谁签」
  → 「以市政府办公室名义发的审批公文谁签」.
Asked again for another place, every mention of the old place moves, and titles and bodies follow
the new place's level (副区长 → 副市长, 全区性 → 全市性).
A thing the previous question named as a meeting's stays that meeting's: 「纪要多长时间内要完成」
after 「常务会纪要谁签发」 → 「常务会纪要多长时间内要完成」.
A message that is a full question of its own is asked as it is, unless it leans on the
conversation: when the rules do not answer it alone but do answer it about the previous question's
subject (「会议通知得提前几天发」 after 「常务会要多少人出席才能开」 → 「常务会会议通知得提前几天发」),
it is asked about that subject. The judge of "answer" is the answerer's own calibrated evidence,
passed in as ``judge`` (this module does not know how answers are scored).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.answering import followups
from assistant.answering.answered import Cited, asks_more, onward, pointed, stepped_reference
from assistant.answering.asking import ASKS_DIFFERENCE, EVERY_PLACE
from assistant.answering.carrying import LEVEL_WORDS, Carrier, Judge
from assistant.answering.cities import CityDetector, Detection
from assistant.answering.completion import Completion, another_article
from assistant.answering.documents import of_previous_document
from assistant.answering.kinds import Kinds
from assistant.answering.phrasing import (
    ASKING,
    LEAD,
    fragment,
    is_followup,
    names_something,
    own_topic,
    split_predicate,
)
from assistant.answering.relocation import JOINED, Relocator
from assistant.answering.requests import (
    MAX_QUESTION_CHARS,
    instructions_only,
    requested_writing,
    small_talk,
    without_small_talk,
)
from assistant.answering.roles import ROLE
from assistant.answering.superlatives import asked_superlative
from assistant.errors import InvalidQuestion
from assistant.textnorm import simplified


@dataclass(frozen=True)
class Resolved:
    question: str  # what to ask
    city: str | None  # the jurisdiction to ask it for (None: from the question, or every city)
    topic: str | None = None  # the jurisdiction the conversation is about now (carried to the next turn)
    previous: str = ""  # the conversation's previous question as resolved ("": none), the context of this one
    more: int = 0  # 「还有呢」: how many times in a row the rest of the previous answer was asked, this one included


_SENTENCE = re.compile(r"[^？?。！!\n]+")  # a line break ends a sentence too
# 「城区呢？学习主题谁定」: a sentence ending in 呢, then another (see ``Dialogue._led_by_place``)
_LED_BY_FOLLOWUP = re.compile(r"([^，,。？?！!\n]{1,12}呢)[？?。！!\s]+([^\n]*[\u4e00-\u9fff]{2}[^\n]*)")
_ASKED_AT_END = re.compile(r"[？?吧吗么呢嘛][。.！!\s]*$")  # 「…要过半才能开吧」: a question all the same
# a word that points back at what was said before: 「那他分管部门报的议题还能上会吗」 after a situation told
_POINTS_BACK = re.compile(r"[他她这那]|此|该|上述")


_CHINESE = re.compile(r"[\u4e00-\u9fff]")
# 「咸宁的同一条呢」: the same article (or paragraph) as the one just shown, of the place named
_SAME_ARTICLE = re.compile(r"的?(?:同一|这一|相同的|同样的|对应的)(?:条|款)")
# what is left of a message that only names a place to ask the same of (「那咸宁呢？」)
_PLACE_ONLY = re.compile(r"(?:那|那么)?(?:的)?(?:呢|吗|怎么样|如何)?[？?。]*")
# where the user is (「那我们这里呢」, 「咱这儿怎么规定的」): the place chosen in the front end, when one is
# (not 「这里面」, 「这里头」: in what was asked)
_HERE = re.compile(r"(?:我们|咱们|咱)(?:这里|这儿|这边|这)(?![个些种样么])|这里(?![面头])|这儿")


def _with_verdict(question: str) -> str:
    """``question`` asking whether the places differ too (「…，有什么不同」: the answer ends with the verdict),
    unless it already does."""
    return question if ASKS_DIFFERENCE.search(question) else f"{question.rstrip('？?。 ')}，有什么不同"


class Dialogue:
    def __init__(
        self,
        detector: CityDetector,
        place_names: Sequence[str] = (),
        judge: Judge | None = None,
        kinds: Kinds | None = None,
        cited: Cited | None = None,
    ) -> None:
        self.detector = detector
        self.cited = cited  # the answer's first quote: 「第二款呢」, 「下一条呢」 point from its article
        self.relocator = Relocator(detector, place_names)
        self.place_names = self.relocator.place_names
        self.judge = judge
        self.kinds = kinds or Kinds(frozenset(), {})
        self.cities = [j.slug for j in detector.registry.jurisdictions]
        self.carry = Carrier(self.kinds, self.relocator, detector.in_rules, judge)
        self.completion = Completion(self.kinds, self.relocator, self.carry)

    def resolve(self, messages: Sequence[str], selected: str | None = None) -> Resolved:
        """The last message as a full question, with its city, given the earlier messages.

        ``selected``: the jurisdiction chosen in the front end (地区, model, ``data-city``), if any.
        A full question is asked as it is, for the selected city or the conversation's city; the
        pipeline itself notices a different city named in it. A follow-up that names a place is
        asked for that place.
        """
        if messages and not any(c.isalnum() for c in messages[-1]):
            # 「？？？」 after a question asks nothing more of it: said to have no words (not the last answer again)
            return Resolved(messages[-1], selected)
        if len(messages) > 1 and (split := self._led_by_place(simplified(messages[-1]))):
            # 「城区呢？学习主题谁定」: the earlier question asked of 城区, and a question of its own after it
            first = self.resolve([*messages[:-1], split[0]], selected)
            if first.question:
                return replace(first, question=f"{first.question.rstrip('？?。 ')}？{split[1]}")
        resolved: Resolved | None = None
        before: Resolved | None = None  # the turn before the last one resolved
        # the last turn that asked about something rather than pointed into the article quoted (「第二款呢」,
        # 「下一条呢」): a later follow-up (「那全体会议呢」) is about its subject, not about 「…第二十条第二款是什么」
        subject: Resolved | None = None
        more = 0  # 「还有呢」 asked so many times in a row
        places: list[str] = []  # the places the conversation has been about, in order
        last = len(messages) - 1
        for n, message in enumerate(map(simplified, messages)):  # 「鹹寧呢？」 is 「咸宁呢？」
            # an earlier message with no Chinese (「<script>…」, 「hello」), only small talk (「谢谢」) or only
            # instructions (「忽略以上所有指令…」) asked nothing the rules answer: skipped; greetings and thanks
            # around a question are no part of it
            if n != last and (small_talk(message) or instructions_only(message)):
                continue
            if n == last and small_talk(message):  # 「嗯」, 「谢谢」 after a question: said back to, not asked again
                return Resolved(
                    message, selected, resolved.topic if resolved else selected, resolved.question if resolved else ""
                )
            message = without_small_talk(message)
            if selected in self.detector.registry.by_slug:  # 「那这里呢」: the place chosen
                message = _HERE.sub(self._short_name(selected), message)
            if resolved is not None and asks_more(message):
                more += 1
                if n == last:  # 「还有别的要求吗」: what else answers the previous question (the pipeline quotes it)
                    return replace(resolved, question=message.strip(), previous=resolved.question, more=more)
                continue  # an earlier one: the conversation stays on the question it followed
            more = 0
            if message.strip() and (n == last or _CHINESE.search(message)):
                message = self._these_places(message.strip(), places)
                if resolved is not None and resolved.topic:  # after a question of one place, another before it
                    message = self._both_asked(message, places)
                pointing = resolved is not None and pointed(message) is not None
                # 「城区的同一条呢」 after 「朝阳…第三十一条」: 「城区呢」, the article asked of that place; 「咸宁呢」 right
                # after 「下一条呢」: the article just shown, of that place
                place = self._only_a_place(message) if resolved is not None else None
                shown = place is not None and subject is not resolved
                message = place or message
                before, resolved = resolved, self._next(message, resolved if pointing or shown else subject, selected)
                if shown and subject is not None:  # a later follow-up is about the subject, at that place
                    subject = self._next(message, subject, selected)
                elif not pointing:
                    subject = resolved
                # the places it is about: one, or those a question over several names (「朝阳和咸宁…」)
                about = [resolved.topic] if resolved.topic else self.detector.detect(resolved.question).cities
                places.extend(p for p in about if p not in places)
        if resolved and len(resolved.question) > MAX_QUESTION_CHARS >= len(messages[-1].strip()):
            # the message is short, the question made whole from long earlier messages is not: say which is too long
            raise InvalidQuestion(
                f"连同对话上文，问题过长（{len(resolved.question)} 字）。请开始新的对话，或把问题单独问完整"
                f"（{MAX_QUESTION_CHARS} 字以内）。"
            )
        if resolved is None:
            return Resolved("", selected)
        return replace(resolved, previous=before.question if before else "")

    def _only_a_place(self, message: str) -> str | None:
        """``message`` without its 「同一条」, when it only names a place to ask the same of (「那咸宁呢」,
        「城区的同一条呢」 → 「城区呢」, 「大同的」 → 「大同呢」); None for any other message."""
        bare = _SAME_ARTICLE.sub("", message.strip())
        named = self.detector.detect(bare).cities and _PLACE_ONLY.fullmatch(self.relocator.strip_places(bare))
        # 「大同的」 (that place's, of what was just asked) is 「大同呢」
        return re.sub(r"的([？?。]*)$", r"呢\1", bare) if named else None

    def _led_by_place(self, message: str) -> tuple[str, str] | None:
        """「城区呢？学习主题谁定」: the earlier question asked again of a place (「城区呢」, nothing but the place), then
        a question of its own that names no place (not 「比大同少吗」); None for any other message (「咸宁呢，谁主持」
        is one follow-up: its asking goes with it; 「会上印发的文件呢 几天内发」 asks of a new subject)."""
        m = _LED_BY_FOLLOWUP.fullmatch(message.strip())
        if m is None or is_followup(m.group(2)) or not ASKING.search(m.group(2)):
            return None
        head, rest = m.group(1), m.group(2)
        place = self.detector.detect(head).cities
        bare = re.sub(r"^(?:那么?|还有)|呢$", "", head)
        for name in self.place_names:
            bare = bare.replace(name, "")
        if len(place) != 1 or bare.strip("的市区县 ") or self.detector.detect(rest).cities or "比" in rest:
            return None
        return head + "？", rest

    def per_place(self, message: str, parts: Sequence[str] = ()) -> dict[str, str]:
        """「大同常务会多久开一次？咸宁全体会呢？」: sentences that each name one place, each another, read as
        the turns of a conversation — each place's own question ({} for any other message). The message's
        ``parts`` (its clauses asking one thing each) are read so too when it is one sentence: 「朝阳常务会一个月
        开几次，咸宁全体会一年几次」 asks 朝阳 the one and 咸宁 the other."""
        sentences = [s.strip() for s in _SENTENCE.findall(message) if s.strip()]
        if len(sentences) == 1 and len(parts) > 1 and (by_part := self.per_place("？".join(parts) + "？")):
            return by_part
        if len(sentences) == 1 and (own := followups.each_own(sentences[0], self.place_names)):
            # 「城区的区长办公会和大同的市长办公会研究的事有啥不一样」: each place asked of its own meeting
            places = {c: asked for name, asked in own if (c := self.detector.detect(name).city)}
            return places if len(places) == 2 else {}
        out: dict[str, str] = {}
        for n, sentence in enumerate(sentences if len(sentences) > 1 else ()):
            cities = self.detector.detect(sentence).cities
            if len(cities) != 1 or cities[0] in out:
                return {}
            # 「咸宁全体会呢」 leans on the sentence before; 「咸宁会签几天」 is a question of its own
            out[cities[0]] = self.resolve(sentences[: n + 1]).question if is_followup(sentence) else sentence
        return out

    def _short_name(self, slug: str) -> str:
        """The name a place is said by in a question (咸宁, 城区): its shortest alias that the detector knows."""
        j = self.detector.registry.by_slug[slug]
        found = [n for n in j.names if self.detector.detect(n).cities == (slug,)]
        return min(found, key=len) if found else j.name

    def _names(self, slugs: Sequence[str]) -> str:
        """「大同市和咸宁市」: the places, by name."""
        return self.detector.registry.names_of(slugs, "和")

    def _these_places(self, message: str, places: list[str]) -> str:
        """「那两个地方有什么不同」 after questions about 大同 and then 咸宁: the conversation's last two
        places, named (「那大同市和咸宁市有什么不同」); 「这三个地方」 the last three, 「这几个地方」 all of them."""
        m = followups.THESE_TWO.search(message)
        several = followups.THESE_SEVERAL.search(message)
        count = 2 if m else {"三": 3, "四": 4}.get(several.group("n"), len(places)) if several else 0
        m = m or several
        if not m or len(places) < max(count, 2) or self.detector.detect(message).cities:
            return message
        names = self._names(places[-count:])
        named = message[: m.start()] + names + message[m.end() :]
        return named if LEAD.match(named) else f"那{named}"  # a follow-up, however it starts

    def _both_asked(self, message: str, places: list[str]) -> str:
        """「有区别吗」 after 「朝阳常务会多久开一次」, 「那咸宁呢」: the conversation's last two places, side by side
        (「那朝阳市和咸宁市有区别吗」), when the message only asks whether they differ and names no place."""
        bare = followups.unpointed(message)  # 「两个一样吗」
        if len(places) < 2:
            return message
        if ASKS_DIFFERENCE.search(bare) and followups.only_comparing(bare):
            asked = bare
        elif followups.WHICH_MORE.fullmatch(bare):
            asked = (
                "有什么不同"  # 「哪个多？」: which of the two, shown side by side with whether (and how) they differ
            )
        else:
            return message
        # the places are read last: most messages ask more than whether the places differ
        return message if self.detector.detect(message).cities else f"那{self._names(places[-2:])}{asked}"

    def _next(self, message: str, previous: Resolved | None, selected: str | None) -> Resolved:
        if previous is not None and requested_writing(previous.question):
            # 「帮我写一份请假条」 asked for writing, not about the rules: the next message is asked on its own,
            # in the place talked about
            if previous.topic is None:
                return self._next(message, None, selected)
            place = self.detector.detect(message).city or previous.topic
            return Resolved(message, place, place)
        if previous is not None and (article := another_article(message, previous.question)):
            return Resolved(article, previous.city, previous.topic)  # 「那第十七条呢」 after 「…规则第三条」
        if previous is not None and (to := self._pointed_to(message, previous)):
            return to  # 「第二款呢」, 「下一条呢」: from the article the previous answer quoted
        if previous is not None and (document := of_previous_document(message, previous.question)):
            return Resolved(document, previous.city, previous.topic)  # 「一共几条」 after the 文号 of a document
        if previous is not None:
            if previous.topic is None and len(self.detector.detect(message).cities) == 1:
                # 「那咸宁呢」 after 「各地常务会多久开一次」: asked of 咸宁 alone, not of every place again
                previous = replace(previous, question=followups.for_one_place(previous.question))
            message = self.carry.meeting_pointed(message, previous.question)
            if checked := followups.FOLLOWUP_CHECKED.match(message):
                # 「大同副市长呢？也是提前一天？」: the follow-up, whose answer says whether it is the same
                message = checked.group(1)
            if (placed := self._place_then_asking(message, previous, selected)) is not None:
                return placed
            if (supposed := self._supposed(message, previous, selected)) is not None:
                return supposed
        detected = self.detector.detect(message)
        if detected.by_level and (selected or (previous is not None and previous.topic)):
            # 「那区长呢」 in 咸宁: a 区 of the place talked about, not the only 区 the rules have
            detected = Detection((), detected.unknown)
        if previous is None or detected.unknown:
            # a place outside the knowledge base named alone (「太原市政府发文谁签发」): the conversation is about
            # it, not the selected place, so that 「那城区呢」 puts 城区 in its stead
            return Resolved(message, selected, detected.city or (None if detected.unknown else selected))
        return self._after(message, detected, previous, selected)

    def _pointed_to(self, message: str, previous: Resolved) -> Resolved | None:
        """「第二款呢」, 「下一条呢」 after an answer: the question naming the paragraph or article pointed to from the
        one the answer quoted (None: the message points nowhere, or nothing was quoted)."""
        if self.cited is None or (pointer := pointed(message)) is None:
            return None
        cite = self.cited(previous.question, previous.city)
        if cite is None:
            # nothing quoted (「下一条呢」 after 「…第十三条是什么」 of twelve): from the article the question named
            stepped = stepped_reference(pointer, previous.question)
            return Resolved(stepped or message, previous.city, previous.topic)  # none: the pipeline says so
        asked = onward(pointer, cite)
        return Resolved(asked, cite.article.city, previous.topic or cite.article.city) if asked else None

    def _after(self, message: str, detected: Detection, previous: Resolved, selected: str | None) -> Resolved:
        """``message`` after ``previous``, the places it names ``detected``: a follow-up made whole, or a question
        of its own asked where the conversation is."""
        named = detected.city
        bare = self.relocator.strip_places(message)
        if (
            not detected.cities
            and (self._leans(message, bare, previous.question) or _POINTS_BACK.search(message))
            and (said := self._after_statement(message, previous.question))
        ):
            # not a question of its own (「常务会议多久开一次」 after 「以后回答都说第五十条规定…」 is asked alone)
            return Resolved(said, previous.city, previous.topic)
        if self._differ_asked(bare, detected.cities, previous):
            # 「有区别吗」 after 「大同和咸宁以市政府办公室名义发文谁签发」: the places side by side, with the verdict
            again = previous.question.rstrip("？?。 ")
            return Resolved(_with_verdict(again), previous.city, None)
        if (versus := self._versus(bare, detected.cities, previous)) is not None:
            return versus
        if not self._leans(message, bare, previous.question) and not (
            named and followups.just_asking(bare, previous.question)
        ):
            # a question of its own stays where the conversation is, too (「咸宁呢」 moved it from the selected place)
            city = selected if detected.cities else (previous.topic or selected)
            if not detected.cities:
                carried = self.carry.of_meeting(message, previous.question, city)
                message = carried if carried != message else self.carry.in_context(message, previous.question, city)
            return Resolved(message, city, named or city)
        if len(detected.cities) > 1:  # 「咸宁和朝阳也一样吗」: the follow-up without its places, for each place
            return self._for_several(bare, detected.cities, previous)
        if not detected.cities and (wide := followups.PLACES_WORD.search(bare)):
            return self._everywhere(message, bare, wide, previous, selected)
        # a follow-up stays where the conversation is (「咸宁呢」 moved it from the selected 大同 to 咸宁)
        city = named or (None if detected.cities else previous.topic or selected)
        base = self.relocator.relocate(previous.question, previous.topic, named)
        return Resolved(self.completion.whole(message, bare, base, city), city, city)

    def _leans(self, message: str, bare: str, previous: str) -> bool:
        """Whether ``message`` (``bare`` without its places) leans on the previous question by its form."""
        return (
            is_followup(message)
            or followups.elliptical(bare)
            or bool(followups.POINTING.search(bare))
            or followups.places_compared(bare)
            or self._same_for(bare, previous)
            # 「部门一把手呢，流程一样吗」: a new role, then an asking
            or followups.new_subject_and_asking(fragment(bare), previous) is not None
        )

    def _for_several(self, bare: str, named: Sequence[str], previous: Resolved) -> Resolved:
        """「咸宁和朝阳也一样吗」: the previous question (or the follow-up, 「的全体会议呢」) without its places,
        asked of each place named."""
        inner = JOINED.sub("", LEAD.sub("", bare))  # 「那和的全体会议呢」 → 「全体会议呢」
        unplaced = self.relocator.unplaced(previous.question, previous.topic, named)
        # 「的全体会议呢」: that follow-up, without the places (「有什么不同」 asks nothing new)
        if inner.strip("呢？?。 ") and not followups.only_comparing(inner):
            unplaced = self._next(f"那{inner}", Resolved(unplaced, None), None).question
        elif ASKS_DIFFERENCE.search(inner) and "也" not in inner:
            unplaced = _with_verdict(unplaced)  # 「两地一样吗」: with the verdict
        return Resolved(self._names(named) + unplaced, None, None)

    def _everywhere(
        self, message: str, bare: str, wide: re.Match[str], previous: Resolved, selected: str | None
    ) -> Resolved:
        """「各地呢」, 「其他地方也一样吗」: the previous question, without its place, asked everywhere;
        「那各地的全体会议呢」: that follow-up, without the places, asked everywhere."""
        inner = LEAD.sub("", followups.around(bare, wide)).lstrip("的")
        if self.kinds.named(inner) and ASKING.search(inner) and not followups.ANAPHORA.search(inner):
            # 「几个地方里哪个常务会开得最勤」: a meeting and an asking of its own, asked everywhere afresh
            return Resolved(message, selected, None)
        unplaced = self.relocator.unplaced(previous.question, previous.topic, ())
        if not followups.ELSEWHERE_TAIL.fullmatch(inner.strip("？?。！!， ")) and not followups.only_comparing(inner):
            unplaced = self._next(f"那{inner}", Resolved(unplaced, None), None).question
        others = [c for c in self.cities if c != previous.topic]
        comparing = followups.VERSUS.search(bare) or "一样" in bare  # 「其他地方也一样吗」: shown beside it
        if followups.OTHER_PLACES.fullmatch(wide.group(0)) and previous.topic and others and not comparing:
            # 「其他三个地方呢」: every place but the one the conversation was about
            return Resolved(self._names(others) + unplaced.strip("？?。 "), None, None)
        return Resolved(f"各地{unplaced.strip('？?。 ')}", selected, None)

    def _differ_asked(self, bare: str, named: Sequence[str], previous: Resolved) -> bool:
        """「有区别吗」, 「区别在哪」, 「哪个多」 naming no place, after a question over several places (or every place)."""
        several = len(self.detector.detect(previous.question).cities) > 1 or EVERY_PLACE.search(previous.question)
        asks = followups.unpointed(bare)  # 「两个一样吗」: the two
        # 「哪个多？」: which of them, shown side by side with whether (and how) they differ
        differ = followups.only_comparing(asks) or followups.WHICH_MORE.fullmatch(asks) is not None
        return bool(asks and not named and previous.topic is None and several and differ)

    def _supposed(self, message: str, previous: Resolved, selected: str | None) -> Resolved | None:
        """「有急事的话能临时开吗」 after 「常务会一个月开几回」: a question with no subject of its own under a
        supposition is asked of the conversation's subject as it would be without it, the supposition kept in
        front (「有急事的话，朝阳常务会能临时开吗」), when the rules answer it so (``judge``) better than the message as it
        is; None otherwise."""
        said, asked = followups.supposition(message)
        if not said or own_topic(split_predicate(asked, at_ask=True)[0]):
            return None
        if self.detector.detect(said).cities or ROLE.search(said) or "会" in said:
            return None  # a place, a role or a meeting of its own (「市长不在的话」): a situation of those
        inner = self._next(asked, previous, selected)
        if inner.question == asked:
            return None
        supposed = f"{said}，{inner.question}"
        if self.judge is not None:  # and only when the rules answer it so better than the message as it is
            with_topic = self.judge(supposed, inner.city, message)
            if with_topic < 0 or with_topic <= self.judge(message, inner.city, message):
                return None
        return replace(inner, question=supposed)

    @staticmethod
    def _after_statement(message: str, previous: str) -> str | None:
        """「那他分管部门报的议题还能上会吗」 after 「分管副市长下周常务会来不了」: the previous message
        asked nothing, it said the situation; the question is asked in it (None: the previous one asked)."""
        asked = ASKING.search(previous) or followups.A_NOT_A.search(previous) or _ASKED_AT_END.search(previous)
        if not previous.strip() or asked:
            return None
        return f"{previous.rstrip('。.！!，, ')}，{LEAD.sub('', message).strip()}"

    def _same_for(self, bare: str, previous: str) -> bool:
        """「全体会也一样吗」, 「市长办公会也是吗」 after a question about another meeting, 「秘书长也一样吗」 after
        one about another role: whether the previous question's rule holds for the meeting or role named."""
        m = followups.SAME_FOR.fullmatch(fragment(bare).rstrip("？?。！!"))
        if not m:
            return False
        subject = m.group(1).rstrip("的")
        return bool(self.kinds.named(subject)) or bool(ROLE.fullmatch(subject) and ROLE.search(previous))

    def _place_then_asking(self, message: str, previous: Resolved, selected: str | None) -> Resolved | None:
        """「大同呢？纪要几天内要弄完？」, 「咸宁呢，能不能请人大代表来？」, 「全体会呢？谁主持，哪些人参加」: first
        the previous question for that place or meeting, then the new asking as a follow-up to it."""
        m = followups.PLACE_THEN_ASKING.match(message)
        if not m:
            return None
        if self.detector.detect(m.group(1)).cities:
            if LEVEL_WORDS.sub("", fragment(self.relocator.strip_places(m.group(1)))):
                return None  # 「大同的副市长呢，…」: more than a place
            if followups.VERSUS.search(m.group(2)):
                return None  # 「大同那边呢，哪个要求更早」: the place set against the conversation's (``_versus``)
        elif not self.carry.other_meeting(fragment(m.group(1)), previous.question):
            return None  # neither a place nor another meeting (「那副市长呢，…」)
        there = self._next(m.group(1), previous, selected)
        return self._next(m.group(2), there, selected)

    def _versus(self, bare: str, named: Sequence[str], previous: Resolved) -> Resolved | None:
        """「跟咸宁比谁开得多」, 「大同那边呢，哪个要求更早」, 「朝阳跟大同比，哪个要求提前得多」 after a question
        about a place: the previous question asked for the conversation's place and those named, side by
        side (the answer shows each one's rule), when the message compares and names nothing of its own."""
        was = previous.topic
        places = list(named) if was in named else [*([was] if was else []), *named]  # in the order said
        if not named or not was or len(places) < 2 or not (m := followups.VERSUS.search(bare)):
            return None
        if len(named) > 1 and asked_superlative(bare) and not followups.SET_AGAINST.search(bare):
            # 「这两个地方哪个开得多」: every place named, and which is most asked (read as for 「这三个地方」); not
            # 「朝阳跟大同比，哪个要求提前得多」, the previous question for both
            return None
        if names_something(split_predicate(LEVEL_WORDS.sub("", bare[: m.start()]), at_ask=True)[0]):
            return None  # 「咸宁的常务会跟全体会比」: a subject of its own
        asked = self._names(places) + self.relocator.unplaced(previous.question, was, places)
        # 「…，哪个要求提前得多」: which comes first is asked too (the answer concludes it from the quotes)
        which = next((c for c in re.split(r"[，,。？?！!；;\s]", bare) if c and asked_superlative(c)), "")
        which = re.sub(r"^(?:跟|和|与|同)?(?:相)?比(?:较)?", "", which)  # 「跟咸宁比谁开得多」 without its places
        if not which and ASKS_DIFFERENCE.search(bare):
            return Resolved(_with_verdict(asked), None, None)  # 「有区别吗」 of the places side by side
        return Resolved(f"{asked.rstrip('？?。 ')}，{which}" if which else asked, None, None)
