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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.answering.analysis import EVERY_PLACE
from assistant.answering.cities import CityDetector, positioned
from assistant.answering.kinds import Kinds
from assistant.answering.quantities import asked
from assistant.answering.relocation import JOINED, LEVELS, Relocator
from assistant.answering.roles import ROLE
from assistant.retrieval.tokenizer import STOPWORDS, default_tokenizer

_LEAD = re.compile(r"^(那么|那要是|那|还有|另外|如果是|换成|换作|要是)")
_TAIL = re.compile(r"(的话|的)?(呢|怎么样|怎么规定|又如何|如何)?[?？。!！\s]*$")
# Where a question's predicate starts: the first verb, preposition, pronoun (谁, 什么), adverb or
# modal by jieba's part of speech, or a numeral that asks (几, 多少).
_PREDICATE_TAGS = ("v", "p", "r", "d")
_ASKING = re.compile(
    r"几|多[久长少]|什么|啥|谁|哪|怎|咋|如何|是否|能否|吗|([^有])[不没]\1"
)  # 能不能: yes or no (有没有 names a thing next)
_MODAL = re.compile(r"^(要|需要|需|应|应当|应该|可以|可|能|须|必须|得|是|是否|能否|可否)$")  # 是: 「X是干啥的」
_LEVEL_WORDS = re.compile(r"市政府|区政府|县政府|政府|市里|区里|县里|那边|这边|[?？。，,\s]")
MAX_FOLLOWUP_CHARS = 16
_NOT_A_TOPIC_END = ("d", "a", "r", "u", "y", "c", "p", "m", "x")  # jieba flags: adverb, adjective, pronoun …
# jieba flags of words that can name a subject: noun, adjective, numeral, time, place, abbreviation …
_NOMINAL = ("n", "a", "m", "t", "s", "j", "l", "i")
MAX_OWN_SUBJECT = 5  # a new question with a longer subject of its own does not lean on the previous one
# How far the evidence that the rules answer ``question`` in ``city`` is above the answer threshold
# (≥ 0: the answerer would answer), counting only answers whose article covers ``own`` words too.
Judge = Callable[[str, str | None, str], float]


@dataclass(frozen=True)
class Resolved:
    question: str  # what to ask
    city: str | None  # the jurisdiction to ask it for (None: from the question, or every city)
    topic: str | None = None  # the jurisdiction the conversation is about now (carried to the next turn)


def fragment(message: str) -> str:
    """The follow-up's own words: 「那常务会议呢？」 → 「常务会议」 (and 「那咸宁的副市长呢」, its place
    taken out, → 「副市长」)."""
    return _TAIL.sub("", _LEAD.sub("", message.strip()).lstrip("的")).strip()


def is_followup(message: str) -> bool:
    """Short, and shaped like one: led by 那/还有/换成 …, or ending in 呢."""
    m = message.strip()
    if len(m) > MAX_FOLLOWUP_CHARS:
        return False
    return bool(_LEAD.match(m)) or m.rstrip("?？。 ").endswith("呢")


def split_predicate(question: str, at_ask: bool = False) -> tuple[str, str]:
    """(subject, predicate): 「副市长出差要向谁请假」 → (「副市长」, 「出差要向谁请假」);
    「要提前几天」 → (「」, 「要提前几天」); no predicate → (question, 「」).

    ``at_ask``: split where the asking starts (a modal or question word) instead of at the first
    verb: 「副区长出差要请假吗」 → (「副区长出差」, 「要请假吗」).
    """
    at = 0
    for word, flag in default_tokenizer().tagged(question):
        asks = bool(_ASKING.search(word)) or bool(_MODAL.match(word))
        if asks or (not at_ask and flag.startswith(_PREDICATE_TAGS)):
            return question[:at], question[at:]
        at = question.index(word, at) + len(word)
    return question, ""


def _shared_head(new: str, previous: str) -> str | None:
    """The span of ``previous`` that ``new`` replaces: a run as long as ``new`` ending in its head word.

    「常务会议」 in 「朝阳市政府全体会议由谁主持」 replaces 「全体会议」 (head 会议);
    「以市政府名义」 in 「以市政府办公室名义发文由谁签发」 replaces 「以市政府办公室名义」 (same start, same head);
    「副市长」 in 「市长出差谁代行」 replaces 「市长」 (head 市长).
    """
    words = _word_starts(previous)
    for size in (3, 2):
        head = new[-size:]
        if len(new) < size or head not in previous or head in new[:-size]:
            continue
        end = previous.index(head) + size
        for p in range(len(new) - size, 1, -1):  # 「以市政府名义」 for 「以市政府办公室名义」: both ends agree
            at = previous.rfind(new[:p], 0, end - size)
            if at >= 0 and at in words:  # 市长 does not start inside 副市长
                return previous[at:end]
        start = end - size
        while start > 0 and (end - start < len(new) or start not in words) and previous[start - 1] not in _BOUNDARY:
            start -= 1  # 「市长」 after 「副市长出差…」 replaces the whole word 副市长
        return previous[start:end]
    return None


def _word_starts(text: str) -> set[int]:
    """Where ``text``'s words start (jieba's cut, with the knowledge base's words)."""
    return {start for start, _, _ in positioned(text, default_tokenizer().tagged(text))}


# A follow-up that widens the places (「各地呢」, 「其他地方也一样吗」, 「别的地区是怎么规定的」), and what
# may follow the places without asking anything new
_PLACES_WORD = re.compile(rf"{EVERY_PLACE.pattern}|其他地方|别的地方|其他地区|别的地区|其他城市")
_ELSEWHERE_TAIL = re.compile(r"(?:也|都|又)?(?:呢|一样吗|是怎么规定的|怎么规定的?|有规定吗|是什么情况)?")
_BOUNDARY = "的，,。？?、"
# 「市长不在的话呢」, 「要是常务副区长也出差了呢」: a condition (not 「如果是区政府呢」, a new subject)
_CONDITION = re.compile(r"的话|^(?:那么|那)?(?:要是|如果|假如|万一)(?!是)")
# 「市长来不了呢」, 「分管副市长不在呢」: a subject in a state (negated, or 了), also a condition
_STATE = re.compile(r"不|没|未|无法|了$")
_A_NOT_A = re.compile(r"(.)[不没]\1|[不没]$")  # 能不能, 去没去, 能主持不: a yes/no asking
_NOMINAL_DE = re.compile(r"(?<!的话)的呢?[?？。!！\s]*$")  # 「…发的呢」: a 的-phrase, a thing
_SUBJECT_THEN_ASKING = re.compile(r"^(.+?)呢[，,\s]+(.+)$")  # 「那部门主要负责人呢，先找谁」
# 「咸宁有这规定吗」, 「城区也一样吗」: the words point back at the whole previous question
_ANAPHORA = re.compile(r"这(?:个|条|项|种|些)?(?:规定|要求|样|么)|同样|一样")
_GOVERNMENT = f"[{LEVELS}]?政府"  # 市政府常务会议: whose meeting
_LEVEL_HEAD = f"[{LEVELS}]长"  # 市长办公会议: part of the name (not a role of ``roles.ROLE``)


class Dialogue:
    def __init__(
        self,
        detector: CityDetector,
        place_names: Sequence[str] = (),
        judge: Judge | None = None,
        kinds: Kinds | None = None,
    ) -> None:
        self.detector = detector
        self.relocator = Relocator(detector, place_names)
        self.place_names = self.relocator.place_names
        self.judge = judge
        self.kinds = kinds or Kinds(frozenset(), {})

    def _other_meeting(self, words: str, previous: str) -> str | None:
        """「那全体会呢？」 after 「大同常务会多久开一次」: the same question about another kind of meeting
        (kinds mined from the rules, see ``kinds``), the old meeting's name replaced where it stood."""
        new, old = self.kinds.named(words), self.kinds.named(previous)
        if len(new) != 1 or len(old) != 1 or new == old:
            return None
        (kind,) = new
        if not re.fullmatch(rf"(?:{_GOVERNMENT})?(?:{_LEVEL_HEAD}{kind}|{kind})会议?的?", words):
            return None
        (was,) = old
        # 市政府 before the old name stays (it says whose meeting); 市长 of 市长办公会议 is part of the name
        said = re.search(rf"(?:{_LEVEL_HEAD})?{was}会(?:议(?!题))?", previous)
        new_name = re.sub(f"^(?:{_GOVERNMENT})", "", words.removesuffix("的"))  # the old question keeps its own 市政府
        return previous.replace(said.group(0), new_name, 1) if said else None

    def resolve(self, messages: Sequence[str], selected: str | None = None) -> Resolved:
        """The last message as a full question, with its city, given the earlier messages.

        ``selected``: the jurisdiction chosen in the front end (地区, model, ``data-city``), if any.
        A full question is asked as it is, for the selected city or the conversation's city; the
        pipeline itself notices a different city named in it. A follow-up that names a place is
        asked for that place.
        """
        resolved: Resolved | None = None
        for message in messages:
            if message.strip():
                resolved = self._next(message.strip(), resolved, selected)
        return resolved or Resolved("", selected)

    def _next(self, message: str, previous: Resolved | None, selected: str | None) -> Resolved:
        detected = self.detector.detect(message)
        named = detected.city
        if previous is None or detected.unknown:
            return Resolved(message, selected, named or selected)
        bare = self.relocator.strip_places(message)
        if not is_followup(message) and not _elliptical(bare) and not (named and _just_asking(bare, previous.question)):
            city = selected or (None if detected.cities else previous.topic)
            if not detected.cities:
                carried = self._kind_carried(message, previous.question)
                message = carried if carried != message else self._in_context(message, previous.question, city)
            return Resolved(message, city, named or city)
        city = named or (None if detected.cities else selected or previous.topic)
        if len(detected.cities) > 1:  # 「咸宁和朝阳也一样吗」: the follow-up without its places, for each place
            inner = JOINED.sub("", _LEAD.sub("", bare))  # 「那和的全体会议呢」 → 「全体会议呢」
            unplaced = self.relocator.unplaced(previous.question, previous.topic, detected.cities)
            if inner.strip("呢？?。 "):  # 「的全体会议呢」: that follow-up, without the places
                unplaced = self._next(f"那{inner}", Resolved(unplaced, None), None).question
            names = "和".join(self.detector.registry.by_slug[c].name for c in detected.cities)
            return Resolved(names + unplaced, None, None)
        if not detected.cities and (wide := _PLACES_WORD.search(bare)):
            # 「各地呢」, 「其他地方也一样吗」: the previous question, without its place, asked everywhere;
            # 「那各地的全体会议呢」: that follow-up, without the places, asked everywhere
            unplaced = self.relocator.unplaced(previous.question, previous.topic, ())
            inner = _LEAD.sub("", bare[: wide.start()] + bare[wide.end() :]).lstrip("的")
            if not _ELSEWHERE_TAIL.fullmatch(inner.strip("？?。！!， ")):
                unplaced = self._next(f"那{inner}", Resolved(unplaced, None), None).question
            return Resolved(f"各地{unplaced.strip('？?。 ')}", selected, None)
        base = self.relocator.relocate(previous.question, previous.topic, named)
        rest = fragment(bare)
        same = _ANAPHORA.search(rest)
        if same and _names_something(rest[same.end() :]):
            same = None  # 「要是这样的话，纪要多久印发」: a question of its own after the pointing word
        head = fragment(re.split(r"[？?，,。；;]", rest[: same.start()])[0]).rstrip("也都还") if same else ""
        if same and _names_something(head):
            rest = head  # 「那全体会议也一样吗」: the previous question, about 全体会议
        elif same:
            rest = ""  # 「咸宁有这规定吗」: the previous question as it was
        if _just_asking(rest, base):
            rest = ""  # 「大同的标准是多少」, 「咸宁是几天」: the previous question as it was, for that place
        previous_question = base.strip("？?。 ")
        if (asked := _new_subject_and_asking(rest, previous_question)) is not None:
            return Resolved(asked, city, city)
        if _asks_on_its_own(rest):  # 「那专题会纪要谁签？」: a question of its own, in the same place
            # … unless it leans on the previous one (「那秘书长能主持吗」 after 「常务会议谁主持」)
            own = self._kind_carried(_LEAD.sub("", message).strip(), previous_question)
            if ROLE.search(own) and self.kinds.named(previous_question) and not self.kinds.named(own):
                own = self._in_context(own, previous_question, city)  # a role, at the previous meeting
            return Resolved(own, city, city)
        if rest and _is_condition(bare, rest):
            # 「市长不在的话呢」 after 「常务会一般谁主持」: the previous question under a condition
            return Resolved(f"{rest}的话，{previous_question}", city, city)
        if other := self._other_meeting(rest, previous_question):
            return Resolved(other, city, city)
        if (
            rest
            and _NOMINAL_DE.search(bare)
            and split_predicate(rest)[1]
            and not _shared_head(rest + "的", base)
            and not self.kinds.named(rest)  # 「那市长办公会定的呢」: another meeting's, not a kind of thing
        ):
            return Resolved(_of_a_kind(rest, previous_question), city, city)
        if rest and (_shared_head(rest, base) or len(_LEVEL_WORDS.sub("", rest)) >= 2):
            base = combine(rest, base.strip("？?。 "))
        return Resolved(base, city, city)

    def _kind_carried(self, message: str, previous: str) -> str:
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
        if len(thing) < 2 or not flag.startswith(("n", "vn")) or not message.startswith(thing[:2]):
            return message
        return said + message

    def _in_context(self, message: str, previous: str, city: str | None) -> str:
        """``message`` asked about the previous question's subject, when it has at most a short subject
        of its own (「纪要谁签」, 「报之前要先找谁同意」) and is then answered on better evidence."""
        own, _ = split_predicate(message, at_ask=True)
        topic = _LEVEL_WORDS.sub("", self.relocator.strip_places(_topic(previous)))
        if self.judge is None or len(own) > MAX_OWN_SUBJECT or len(topic) < 2 or topic in message:
            return message
        asked = _join(topic, message)
        # 「年假怎么休」 after 「市长出差期间谁代行职务」 must not be answered by the 市长出差 article:
        # the answer has to cover the new question's own words as well.
        with_topic = self.judge(asked, city, message)
        return asked if with_topic >= 0 and with_topic > self.judge(message, city, message) else message


def _new_subject_and_asking(rest: str, previous: str) -> str | None:
    """「那部门主要负责人呢，先找谁」 after 「副区长离开城区请假要提前几天」: a new role in the previous
    question's situation, with a new asking (「部门主要负责人离开城区请假先找谁」). Roles by their form."""
    m = _SUBJECT_THEN_ASKING.match(rest)
    old = ROLE.search(previous)
    if not m or not old or not ROLE.search(m.group(1)) or not _ASKING.search(m.group(2)):
        return None
    situation, _ = split_predicate(previous[: old.start()] + m.group(1) + previous[old.end() :], at_ask=True)
    return situation + m.group(2)


# Words that name the rule itself, not a topic: 「大同的标准是多少」 asks the previous question again
_THE_RULE = re.compile(r"标准|规定|要求|做法|情况|时限|期限|办法|说法|[是的呢也还都又有吗了啊呀]|[?？，,。！!\s]")
_ONLY_ASKING = re.compile(
    r"(?:几天|几个工作日|几日|多少天?|多久|多长时间|什么时候|何时|谁|什么|啥|怎样|怎么样|如何|几次|几个)+"
)


def _just_asking(message: str, previous: str) -> bool:
    """「大同的标准是多少」, 「咸宁是几天」 (its place taken out): only an asking, of the same kind of
    quantity as the previous question's (「几天内印发」), so the previous question is asked again."""
    rest = _THE_RULE.sub("", fragment(message))
    return bool(rest) and bool(_ONLY_ASKING.fullmatch(rest)) and asked(rest) == asked(previous)


def _is_condition(message: str, rest: str) -> bool:
    """「市长不在的话呢」, 「要是市长出差了呢」, 「市长来不了呢」: a subject and a predicate that is a
    situation, said as one (的话, 要是 …) or by its form (negated, or done: 了) with no asking."""
    subject, predicate = split_predicate(rest)
    if not predicate:
        return False
    if _CONDITION.search(message):
        return True
    asks = _ASKING.search(predicate) or _A_NOT_A.search(predicate)  # 「副市长能不能主持呢」 asks
    return _names_something(subject) and bool(_STATE.search(predicate)) and not asks


def _of_a_kind(rest: str, previous: str) -> str:
    """「那以市政府办公室名义发的呢」 after 「部门一把手出国的审批公文谁签」: the 的-phrase says which ones
    (「以市政府办公室名义发的审批公文谁签」), in place of the previous one's 的-phrase if it has one."""
    subject, asking = split_predicate(previous, at_ask=True)
    thing = subject[subject.rindex("的") + 1 :] if "的" in subject else subject
    return f"{rest}的{thing}{asking}"


def _trimmed(text: str) -> str:
    """``text``'s words without trailing adverbs, adjectives, pronouns, particles (``_NOT_A_TOPIC_END``)."""
    words = default_tokenizer().tagged(text)
    while words and words[-1][1].startswith(_NOT_A_TOPIC_END):
        words = words[:-1]
    return "".join(w for w, _ in words)


def _subject_before_asking(question: str) -> str:
    """The words before the asking, without trailing function words: 「常务会议由谁主持」 → 「常务会议」,
    「市长不在时，常务会议由谁主持」 → 「市长不在时，常务会议」 (the whole condition kept)."""
    subject, _ = split_predicate(question, at_ask=True)
    kept = _trimmed(subject)
    return subject[: subject.rindex(kept) + len(kept)] if kept and kept in subject else subject


def _topic(question: str) -> str:
    """What a question is about: its first clause's words before the asking, trimmed (「部门开全市性
    会议要提前几天报请示」 → 「部门开全市性会议」, 「专题会一般谁召集」 → 「专题会」)."""
    subject, _ = split_predicate(question, at_ask=True)
    return _trimmed(re.split(r"[，,；;。？?]", subject)[0])


def _names_something(subject: str) -> bool:
    """Whether the words before a predicate name a subject: two characters or more of nominal words
    (nouns, verbal nouns, numerals, adjectives …) that are not stopwords. 「一般」 in 「一般多久开一次」,
    「报之前」 in 「报之前要先找谁同意」 and 「有这规定」 do not; 「年假」 does, though jieba reads it as
    a numeral and an adjective."""
    words = default_tokenizer().tagged(subject) if subject else []
    return sum(len(w) for w, f in words if w not in STOPWORDS and (f.startswith(_NOMINAL) or f == "vn")) >= 2


def _elliptical(message: str) -> bool:
    """「要提前几天？」, 「一般多久开一次」, 「报给谁」: a short predicate with no subject of its own."""
    subject, predicate = split_predicate(message.strip())
    return len(message) <= 10 and not _names_something(subject) and bool(predicate)


def _asks_on_its_own(words: str) -> bool:
    """A subject and an asking predicate of its own: 「专题会纪要谁签」 (not 「常务会议」, not 「要提前几天」)."""
    subject, predicate = split_predicate(words, at_ask=True)
    return _names_something(subject) and bool(_ASKING.search(predicate))


def _join(head: str, tail: str) -> str:
    """``head + tail`` without repeating what ends one and starts the other: 「全体会」+「会一个月开几次」."""
    for size in range(min(len(head), len(tail), 3), 0, -1):
        if head.endswith(tail[:size]):
            return head + tail[size:]
    return head + tail


def combine(new: str, previous: str) -> str:
    """The previous question asked of ``new`` words: a new subject, or a new predicate for the old subject."""
    _, predicate = split_predicate(previous)
    new_subject, _ = split_predicate(new)
    new_subject = new_subject if _names_something(new_subject) else ""
    span = _shared_head(new, previous)
    if span and (new_subject or span[0] == new[0]):  # 「以市政府名义」 starts with a preposition, yet replaces
        return previous.replace(span, new, 1)
    if not new_subject:  # the new words are a predicate: keep the previous subject and its context
        return _subject_before_asking(previous) + new
    if not previous.strip("？?。，, "):
        return new
    return _join(new, predicate) if predicate else f"{new}（接上问：{previous}）"
