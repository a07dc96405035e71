"""The shape of a question: its subject and its asking, the words of a follow-up, and how new words
replace old ones (「那常务会议呢？」 after 「全体会议由谁主持？」 → 「常务会议由谁主持」).

Pure functions over text (jieba's parts of speech and the meeting ``kinds``), shared by the dialogue
(follow-ups) and the question parts (「专题会谁主持，纪要谁签」).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answering.cities import positioned
from assistant.answering.kinds import Kinds
from assistant.answering.quantities import SPAN_OF_TIME, asked, without_how_often
from assistant.answering.roles import IN_NAME, ROLE
from assistant.answering.timing import LEAD_TIME
from assistant.retrieval.tokenizer import STOPWORDS, default_tokenizer

# 那种: that kind, no lead; 「那个人发表署名文章呢」: 那 leading 个人 (personally), what the rules say of one's own doings
LEAD = re.compile(r"^(那么|那要是|那(?![种些样次位条])(?!个(?!人.))|还有|另外|如果是|换成|换作|要是)")
_TAIL = re.compile(r"(的话|的)?(呢|怎么样|怎么规定|又如何|如何)?[?？。!！\s]*$")
# Where a question's predicate starts: the first verb, preposition, pronoun (谁, 什么), adverb or
# modal by jieba's part of speech, or a numeral that asks (几, 多少).
_PREDICATE_TAGS = ("v", "p", "r", "d")
ASKING = re.compile(
    r"几|多[久长少]|什么|啥|谁|哪|怎|咋|干嘛|如何|是否|能否|吗|([^有])[不没]\1"
)  # 能不能: yes or no (有没有 names a thing next)
_MODAL = re.compile(r"^(要|需要|需|应|应当|应该|可以|可|能|须|必须|得|是|是否|能否|可否)$")  # 是: 「X是干啥的」
MAX_FOLLOWUP_CHARS = 16
_NOT_A_TOPIC_END = ("d", "a", "r", "u", "y", "c", "p", "m", "x")  # jieba flags: adverb, adjective, pronoun …
# jieba flags of words that can name a subject: noun, adjective, numeral, time, place, abbreviation …
_NOMINAL = ("n", "a", "m", "t", "s", "j", "l", "i")


def fragment(message: str) -> str:
    """The follow-up's own words: 「那常务会议呢？」 → 「常务会议」 (and 「那咸宁的副市长呢」, its place
    taken out, → 「副市长」)."""
    return _TAIL.sub("", LEAD.sub("", message.strip()).lstrip("的")).strip()


def is_followup(message: str) -> bool:
    """Short, and shaped like one: led by 那/还有/换成 …, or ending in 呢; led by one and ending in the
    other (「那部门自己制定的其他规范性文件呢？」), whatever its length up to twice that."""
    m = message.strip()
    # 「那部门一把手呢，直接找区长请就行了？」: the 呢 closes the subject, the asking follows
    led, ends = bool(LEAD.match(m)), m.rstrip("?？。 ").endswith("呢") or bool(re.search("呢[，,]", m))
    if len(m) > MAX_FOLLOWUP_CHARS * (2 if led and ends else 1):
        return False
    return led or ends


def split_predicate(question: str, at_ask: bool = False) -> tuple[str, str]:
    """(subject, predicate): 「副市长出差要向谁请假」 → (「副市长」, 「出差要向谁请假」);
    「要提前几天」 → (「」, 「要提前几天」); no predicate → (question, 「」).

    ``at_ask``: split where the asking starts (a modal or question word) instead of at the first
    verb: 「副区长出差要请假吗」 → (「副区长出差」, 「要请假吗」).
    """
    at = 0
    for word, flag in default_tokenizer().tagged(question):
        if word == "会" and at and not _TAIL.sub("", question[at + 1 :]).strip():
            break  # 「常务会」, 「那全体会呢」: a meeting (会 ending the words after a noun), not 会 the modal
        asks = bool(ASKING.search(word)) or bool(_MODAL.match(word))
        if asks or (not at_ask and flag.startswith(_PREDICATE_TAGS)):
            return question[:at], question[at:]
        at = question.index(word, at) + len(word)
    return question, ""


def shared_head(new: str, previous: str) -> str | None:
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
    return _sibling_word(new, previous, words)


def _sibling_word(new: str, previous: str, words: set[int]) -> str | None:
    """A two-character word of ``previous`` of the same kind as the two-character ``new`` (the same last
    character, its head): 「处级」 replaces 「司级」 in 「国务院部门增设司级内设机构要谁批准」."""
    if len(new) != 2 or not all("\u4e00" <= c <= "\u9fff" for c in new):
        return None
    for at in sorted(words):
        word = previous[at : at + 2]
        if word[-1:] == new[-1] and word != new and at + 2 in words | {len(previous)}:
            return word
    return None


def _word_starts(text: str) -> set[int]:
    """Where ``text``'s words start (jieba's cut, with the knowledge base's words)."""
    return {start for start, _, _ in positioned(text, default_tokenizer().tagged(text))}


_BOUNDARY = "的，,。？?、"


def meeting_of(question: str, kinds: Kinds) -> str | None:
    """The one meeting ``question`` is about, as it says it, with the words before it in its subject
    that narrow it (「落实市委重大决策部署的那个专题会」); None: no meeting, or several."""
    said = kinds.said(question)
    if not said or len(kinds.named(question)) != 1:
        return None
    subject, _ = split_predicate(question, at_ask=True)
    return subject[: subject.index(said) + len(said)] if said in subject else said


def asks_of_a_thing(question: str, kinds: Kinds) -> bool:
    """Whether ``question`` asks of a thing of its own (「纪要谁签」), neither a role nor a meeting."""
    own, _ = split_predicate(question, at_ask=True)
    return names_something(own) and not ROLE.search(own) and not kinds.named(question)


def _trimmed(text: str) -> str:
    """``text``'s words without trailing adverbs, adjectives, pronouns, particles (``_NOT_A_TOPIC_END``)."""
    words = default_tokenizer().tagged(text)
    while words and words[-1][1].startswith(_NOT_A_TOPIC_END):
        words = words[:-1]
    return "".join(w for w, _ in words)


_YES_NO_LEAD = re.compile(r"(?:能不能|可不可以|可以不可以|要不要|需不需要|该不该|是否|能否|可否)(?=[\u4e00-\u9fff]{2})")


# a question in clauses (comma or a space between words): those before the last, and the last
_CLAUSE_BEFORE = re.compile(r"(?s)(?:(.*[\u4e00-\u9fff])([，,；;]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])))?(.*)")


_TIME_ASKED_WITH = re.compile(r"的?(?:提前|(?:时间|时长|期限|时限|日期)(?:是|要|为|有)?)$")


def _subject_before_asking(question: str) -> str:
    """The words before the asking, without trailing function words: 「常务会议由谁主持」 → 「常务会议」,
    「市长不在时，常务会议由谁主持」 → 「市长不在时，常务会议」 (the whole condition kept), 「部门要开全市性会议
    先得征得谁同意」 → 「部门要开全市性会议」 (a clause before the one asking is kept whole, its modal too)."""
    context, _, last = _CLAUSE_BEFORE.fullmatch(question.strip()).groups()  # type: ignore[union-attr]
    if context and not ASKING.search(context):
        own = _subject_before_asking(last)
        return context + (f"，{own}" if names_something(own) else "")
    subject, predicate = split_predicate(question, at_ask=True)
    kept = _trimmed(subject)
    subject = subject[: subject.rindex(kept) + len(kept)] if kept and kept in subject else subject
    if asked(question) == "time" and names_something(timeless := _TIME_ASKED_WITH.sub("", subject)):
        # 「常务会汇报时间多长」, 「全市性会议提前多久报请示」: the time (提前, 时间) is the asking's, not the topic
        subject = timeless
    # 「市领导个人能不能出书」: a yes/no asking with the doing after it; the doing is what was asked about
    doing = _YES_NO_LEAD.match(predicate)
    return subject + _TAIL.sub("", predicate[doing.end() :]).rstrip("吗么") if doing else subject


def _without_asked_doing(subject: str, previous: str, new: str) -> str:
    """``subject`` without the doing that ends it when the previous question asked that doing's object and the
    new words bring a doing of their own: 「谁参加」 after 「市长办公会议研究什么事项」 asks who attends the meeting
    (「市长办公会议谁参加」), not 「…研究谁参加」; 「要提前几天」 after 「副市长出差向谁请假」 keeps 出差."""
    _, predicate = split_predicate(previous, at_ask=True)
    tagger = default_tokenizer().tagged
    last = tagger(subject)[-1][0] if subject else ""
    if ASKING.search(new) and len(last) >= 2 and last in new and names_something(subject[: -len(last)]):
        return subject[: -len(last)]  # 「谁来汇报」 after 「常务会汇报时间多长」: the new words say the doing again
    if not ASKING.search(new) or any(f.startswith("v") for _, f in tagger(predicate)):
        return subject
    if not any(f.startswith("v") for _, f in tagger(ASKING.sub("", new))):
        return subject
    words = tagger(subject)
    while len(words) > 1 and words[-1][1].startswith("v"):
        words.pop()
    return "".join(w for w, _ in words)


def _without_doing(text: str) -> str:
    """``text`` without a one-character verb after an adverbial of how often or how much (「全体会一年开」 →
    「全体会一年」): the doing asked about, not the topic; trimmed next to 「全体会」."""
    words = default_tokenizer().tagged(text)
    doing = len(words) > 2 and len(words[-1][0]) == 1 and words[-1][1].startswith("v")
    return text[:-1] if doing and words[-2][1].startswith((*_NOT_A_TOPIC_END, "t", "q")) else text


def topic_of(question: str) -> str:
    """What a question is about: its first clause's words before the asking, trimmed (「部门开全市性
    会议要提前几天报请示」 → 「部门开全市性会议」, 「专题会一般谁召集」 → 「专题会」, 「区常务会每月至少开几次」
    → 「区常务会」)."""
    subject, predicate = split_predicate(question, at_ask=True)
    if (lead := LEAD_TIME.search(question)) and lead.start() < len(subject):
        subject = subject[: lead.start()]  # 「…的会提前多少天报」: 提前 belongs to the asking, not the topic
    topic = _trimmed(_without_doing(re.split(r"[，,；;。？?]", subject)[0]))
    if not topic and (lead := _ASKING_LEAD.match(predicate)):
        # 「哪些情况下可以请假不参加市政府的会」: asked first, the topic comes after (请假不参加市政府的会)
        return _trimmed(re.split(r"[，,；;。？?]", predicate[lead.end() :])[0])
    return topic


# The asking a question may start with, and its modal: 「哪些情况下可以」, 「什么时候要」, 「啥情况能」
_ASKING_LEAD = re.compile(
    r"(?:哪些|哪种|什么|啥|何种)(?:情况|情形|时候|条件)下?(?:才)?(?:可以|能够|能|要|需要|需|得|应当|应)?"
)


def names_something(subject: str) -> bool:
    """Whether the words before a predicate name a subject: two characters or more of nominal words
    (nouns, verbal nouns, numerals, adjectives …) that are not stopwords. 「一般」 in 「一般多久开一次」,
    「报之前」 in 「报之前要先找谁同意」 and 「有这规定」 do not; 「年假」 does, though jieba reads it as
    a numeral and an adjective."""
    words = default_tokenizer().tagged(subject) if subject else []
    return sum(len(w) for w, f in words if _nominal(w, f)) >= 2


# Words jieba tags as adjectives or nouns that only say how something is asked (「具体怎么补位」)
_HOW_ASKED = frozenset({"具体", "一般", "通常", "平时", "到底", "究竟", "大概", "大致"})


def _nominal(word: str, flag: str) -> bool:
    """A word naming something; not a span of time (「一个月开几次」 names no subject)."""
    return (
        word not in STOPWORDS
        and word not in _HOW_ASKED
        and (flag.startswith(_NOMINAL) or flag == "vn")
        and not SPAN_OF_TIME.fullmatch(word)
    )


_COUNTING = re.compile(r"[一二两三四五六七八九十几另每其这那]+[个位次件]?")  # 「一个出差了，另一个」: who, counted


def own_topic(subject: str) -> int:
    """How much a subject names a topic of its own: characters of its nominal words (as ``names_something``
    counts them) once roles are taken out. 「办公室副主任能开」 and 「正式报之前还」 name none; a role
    (or a number of people: 「一个」, 「另一个」) is who, not what, so it does not stop a question leaning
    on the previous one's topic."""
    bare = ROLE.sub("", subject)
    words = default_tokenizer().tagged(bare) if bare else []
    return sum(len(w) for w, f in words if _nominal(w, f) and not _COUNTING.fullmatch(w))


def join(head: str, tail: str) -> str:
    """``head + tail`` without repeating what ends one and starts the other: 「全体会」+「会一个月开几次」."""
    for size in range(min(len(head), len(tail), 3), 0, -1):
        if head.endswith(tail[:size]):
            return head + tail[size:]
    return head + tail


_PERSONS = re.compile(r"(?:的|其他|其余|别的)(?:人|人员|同志)$|(?:人员|同志)$")  # people, said by what they do


# roles listed with the one a follow-up replaces: 「副市长、」 before 「秘书长」, 「和秘书长」 after 「副市长」
_ROLES_BEFORE = re.compile(rf"(?:(?:{ROLE.pattern})[、和及与])+$")
_ROLES_AFTER = re.compile(rf"(?:[、和及与](?:{ROLE.pattern}))+")


def _listed(text: str, start: int, end: int, after: bool = True) -> tuple[int, int]:
    """The span ``start:end`` of ``text``, widened over the roles listed with it: before it, and after it
    unless ``after`` is false."""
    before = _ROLES_BEFORE.search(text[:start])
    following = _ROLES_AFTER.match(text[end:]) if after else None
    return (before.start() if before else start, end + (following.end() if following else 0))


# whose role it is, said before it: 「各部门」, 「县（市、区）政府」, 「市直单位」
_HOLDER_WORDS = r"[\u4e00-\u9fff（）()、]{0,8}?(?:部门|单位|政府)"
_HOLDER = re.compile(f"{_HOLDER_WORDS}$")
_SELF = re.compile(r"自己|本人|本身")
# What may come before a role in a follow-up naming it: what it does there (「列席的」), then whose it is (「部门」)
_DESCRIBED_ROLE = re.compile(rf"(?:[\u4e00-\u9fff]{{1,4}}的)?(?:{_HOLDER_WORDS})?")


def _new_role(new: str, previous: str) -> str | None:
    """「那副市长呢」 after 「大同各部门主要负责人离同外出要怎么请假」, 「那区长自己出差呢」 after 「副区长、办公室
    主任离开城区出差向谁请假」, 「那列席的部门负责人请假呢」 after 「常务会副市长来不了跟谁请假」: the new role (with
    what it does there and whose it is, as said) in place of the previous question's roles (all those listed,
    with whose they are), the rest as it was; None when ``new`` says more than a role (its 自己, or words the
    previous question has)."""
    lead, old = ROLE.search(new), ROLE.search(previous)
    if not lead or not old or new.startswith("办公会", lead.end()) or previous.startswith("办公会", old.end()):
        return None
    # 「列席的部门负责人请假」: the role may be said with whose it is and what it does there
    if not _DESCRIBED_ROLE.fullmatch(new[: lead.start()]):
        return None
    rest = _SELF.sub("", new[lead.end() :])
    if (rest and rest not in previous) or ROLE.search(rest) or new[: lead.end()] == old.group(0):
        return None
    start, end = _listed(previous, old.start(), old.end())
    holder = _HOLDER.search(previous[:start])
    return previous[: holder.start() if holder else start] + new[: lead.end()] + previous[end:]


def described_thing(words: str) -> bool:
    """Whether ``words`` name a thing by what is done with it: a 的-phrase and then its head noun
    (「以市政府名义发的文件」, 「部门报送的一般性请示」), asking nothing; its verb is inside the description,
    not a predicate."""
    if ASKING.search(words):
        return False
    tagged = default_tokenizer().tagged(words)
    marks = [i for i, (w, _) in enumerate(tagged) if w == "的"]
    if not marks or marks[-1] == len(tagged) - 1:
        return False
    after = tagged[marks[-1] + 1 :]
    return all(_nominal(w, f) for w, f in after) and after[-1][1].startswith(("n", "vn", "l", "j"))


def _plain_thing(words: str) -> bool:
    """One noun of two to four characters, not a role: 「纪要」, 「文件」, 「请示」 (not 「副市长」, 「常务会」)."""
    tagged = default_tokenizer().tagged(words)
    return (
        len(tagged) == 1
        and 2 <= len(words) <= 4
        and tagged[0][1].startswith(("n", "vn"))
        and not ROLE.search(words)
        and not words.endswith(("会", "会议"))
    )


def _thing_replaced(new: str, previous: str) -> str | None:
    """「那一般以市政府名义发的文件呢」 after 「政府规章和给人大的议案谁签署」: a described thing in place of
    the previous question's thing (its words before the asking), when that is a thing too; the asking stays."""
    subject, asking = split_predicate(previous, at_ask=True)
    of = subject.rfind("的")
    if asking and of >= 0 and _plain_thing(new) and _plain_thing(subject[of + 1 :]):
        # 「那纪要呢」 after 「常务会通过的文件几天内印发」: the thing in place of the described one, whose doing
        # (通过的) described only the old thing: 「常务会纪要几天内印发」
        owner = subject[:of]
        words = default_tokenizer().tagged(owner)
        while len(words) > 1 and words[-1][1].startswith(("v", "p")) and not owner.endswith(("会", "会议")):
            owner = owner[: -len(words.pop()[0])]  # (jieba reads 常务会 as 常务 + the verb 会, 通过 as a preposition)
        return owner + new + asking
    if not asking or not described_thing(new):
        return None
    words = default_tokenizer().tagged(subject)
    if not words or ROLE.search(subject):
        return None  # 「副市长出差要向谁请假」: a role in a situation, not a thing
    described = "的" in subject and len(subject) - subject.rindex("的") <= 5  # 「报省政府的请示」 (请示 read as a verb)
    return new + asking if described or _nominal(*words[-1]) else None


_CLAUSE_START = re.compile(r"[^，,。；;？?！!]*$")


def _kind_replaced(new: str, head: str, previous: str, places: Sequence[str]) -> str | None:
    """「那普通的专题会呢」 after 「大同落实市委重大决策部署的专题会，纪要几天出」: a 的-phrase naming another
    kind of the same thing takes the place of the previous one's whole 的-phrase (from where its clause
    starts, after the places), not just of the head."""
    if not new.endswith(f"的{head}") or f"的{head}" not in previous:
        return None
    end = previous.index(f"的{head}") + len(head) + 1
    clause = _CLAUSE_START.search(previous[:end])
    start = end - len(clause.group(0)) if clause else 0
    while place := next((p for p in places if p and previous.startswith(p, start)), None):
        start += len(place)  # a place (「大同」) says where, not which kind: it stays
    return previous[:start] + new + previous[end:]


_BODY = re.compile(r"^[\u4e00-\u9fff]{0,8}(?:政府|办公室|办公厅|部门|机关)$")  # a body, by its head word


def combine(new: str, previous: str, places: Sequence[str] = ()) -> str:
    """The previous question asked of ``new`` words: a new subject, or a new predicate for the old subject.
    ``places``: the place names a subject may start with (longest first)."""
    if (replaced := _new_role(new, previous)) is not None:
        return replaced
    issuer = IN_NAME.search(previous)
    said = issuer.group(1) if issuer else ""
    if issuer and new != said and (new.startswith(said) or said.startswith(new)) and _BODY.search(new):
        # 「那区政府办公室呢」 after 「城区以区政府名义发文谁签发」: in the name of that government's office (not
        # 「那区政府呢」 after 「以市政府办公室名义…」, which asks the same of the 区's)
        return previous[: issuer.start(1)] + new + previous[issuer.end(1) :]
    if new.endswith("的") and shared_head(new[:-1], previous):
        new = new[:-1]  # 「以区政府名义的」 after 「以区政府办公室名义发文谁签」: those said 以区政府名义
    _, predicate = split_predicate(previous)
    new_subject, _ = split_predicate(new)
    new_subject = new_subject if names_something(new_subject) else ""
    span = shared_head(new, previous)
    if span and (kind := _kind_replaced(new, span, previous, places)) is not None:
        return kind
    sibling = len(span or "") == len(new) == 2 and span is not None and span[-1] == new[-1]  # 处级 for 司级
    # 「以市政府名义」 starts with a preposition, yet replaces
    if span and (new_subject or span[0] == new[0] or sibling):
        if ROLE.match(span) and ROLE.match(new):
            # 「那市长自己出差呢」 after 「副市长、秘书长离咸出差…」: in place of all the roles listed
            at = previous.index(span)
            start, end = _listed(previous, at, at + len(span), after=bool(ROLE.fullmatch(span)))
            span = previous[start:end]
        return previous.replace(span, new, 1)
    if (thing := _thing_replaced(new, previous)) is not None:
        return thing
    role = ROLE.search(previous)
    if role and _PERSONS.search(new) and not ROLE.search(new):
        # 「那其他列席的人呢」 after 「开常务会副市长来不了要跟谁请假」: other people in the role's place
        return previous[: role.start()] + new + previous[role.end() :]
    if not new_subject:  # the new words are a predicate: keep the previous subject and its context
        # 「谁来主持」 after 「区政府隔多久搞一次专题学习」: what is done (专题学习) follows the old asking
        done = without_how_often(previous) if asked(new) != "frequency" else None
        if done and not ASKING.search(done):
            return join(done, new)
        return _without_asked_doing(_subject_before_asking(previous), previous, new) + new
    if not previous.strip("？?。，, "):
        return new
    if predicate and (doing := _own_doing(new, previous)) is not None:
        return doing
    return join(new, predicate) if predicate else f"{new}（接上问：{previous}）"


_ONES_OWN = re.compile(r"^(?:个人|自己|本人)")  # one's own doing: the previous question's subject doing it
_ASKING_LED = re.compile(r"(?:有|要|需要|是)$")  # what leads the asking (「有什么要求」)


def _own_doing(new: str, previous: str) -> str | None:
    """「个人发表署名文章」 after 「市政府领导出席会议活动有什么要求」: a subject with a doing of its own, asked as the
    previous question asked of its doing (「…个人发表署名文章有什么要求」; the previous subject kept when the new one
    is one's own self); None when ``new`` has no doing, or asks itself."""
    subject, doing = split_predicate(new)
    if not doing or ASKING.search(doing) or not default_tokenizer().tagged(doing)[0][1].startswith("v"):
        return None  # (「市长办公会那个」: a pointing word, no doing)
    lead, asking = split_predicate(previous, at_ask=True)
    if not asking or not lead:
        return None
    said = m.group(0) if (m := _ASKING_LED.search(lead)) else ""
    own = split_predicate(previous)[0] if _ONES_OWN.match(subject) else ""
    return f"{own}{new}{said}{asking}"


# A separable verb with a measure word inside (「请个假」, 「开个会」, 「出趟差」, 「题个字」): the rules
# write it whole (请假, 开会, 出差, 题字)
_SEPARATED = re.compile(r"([\u4e00-\u9fff])(?:了个|个|本|趟|次)([\u4e00-\u9fff])")


def rejoined(question: str, tagged: Callable[[str], list[tuple[str, str]]], df: Callable[[str], int]) -> str:
    """``question`` with each separable verb said apart made whole again, when the whole is one word
    (``tagged``) that some article uses (``df``), a verb or a thing done, not a number (几月)."""

    def whole(m: re.Match[str]) -> str:
        word = m.group(1) + m.group(2)
        tags = tagged(word)
        if len(tags) == 1 and tags[0][1][:1] in ("v", "n") and df(word) > 0:
            return word
        return m.group(0)

    return _SEPARATED.sub(whole, question)


# 到 before a number of people asked is reaching it (「得到多少人才能开」: 达到, the rules' word), not arriving
_REACHING = re.compile(r"(?<!达)到(?=(?:多少|几)个?人)")


def reaching(question: str) -> str:
    """``question`` with a count of people to be reached said as the rules say it: 「至少得到多少人」 →
    「至少得达到多少人」."""
    return _REACHING.sub("达到", question)


# 「上不了常务会」, 「签不了」: a doing that cannot be done, said with the potential complement 不了, is said as the
# rules say it, 不能 before the verb (「不能上常务会」); only verbs of the procedures (not 少不了, 免不了: idioms;
# not 来不了, 去不了: not attending, read by ``analysis._CANNOT_ATTEND``)
_CANNOT = re.compile(r"([上开报批签发办])不了")


def unable(question: str) -> str:
    """``question`` with 「V不了」 said as 「不能V」: 「哪些事儿上不了常务会」 → 「哪些事儿不能上常务会」."""
    return _CANNOT.sub(r"不能\1", question)
