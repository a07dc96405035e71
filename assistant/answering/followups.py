"""The shapes of follow-up messages: pure tests on a message (and the previous question) that
``dialogue.Dialogue`` uses to decide what a follow-up stands for.

Each shape is recognised by its form — places pointed at or widened (「这两个地方」, 「其他地方」), a
comparison (「跟咸宁比」), a condition (「市长不在的话呢」), a subject in a state (「市长来不了呢」), a
new role with a new asking (「那部门主要负责人呢，先找谁」), a 的-phrase (「那以…名义发的呢」), an
elliptical asking (「要提前几天？」) — never by a list of questions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.asking import EVERY_PLACE, SCOPE_WORDS
from assistant.answering.cities import strip_places
from assistant.answering.parts import without_scope
from assistant.answering.phrasing import ASKING, LEAD, fragment, names_something, split_predicate
from assistant.answering.quantities import asked
from assistant.answering.relocation import JOINED
from assistant.answering.roles import ROLE
from assistant.retrieval.tokenizer import default_tokenizer

# The conversation's two places, pointed at: 「这两个地方」, 「两地」, 「这俩地方」, 「它们」
THESE_TWO = re.compile(r"[这那]?(?:两|俩)个?(?:地方|地区|城市|地|市)|[这那]俩|它们|两者|二者")
# 「两个一样吗」, 「俩有区别吗」, 「它们哪个多」: the two places just talked about, pointed at with no place word
TWO_POINTED = re.compile(r"^(?:那|那么)?(?:这|那)?(?:两|俩)(?:个|者|地|边)?|^(?:它们|二者|两者)")


def unpointed(message: str) -> str:
    """What a message asks of the two places pointed at, without its lead, its end and the pointing
    (「那两个一样吗？」 → 「一样吗」; 「哪个多？」 → 「哪个多」)."""
    return TWO_POINTED.sub("", LEAD.sub("", message).strip("呢？?。！!，, "))


# 「哪个多」, 「谁开得勤」, 「哪边快一些」: which of them, asked with nothing else
WHICH_MORE = re.compile(
    r"(?:哪个|哪家|哪边|哪里|谁)(?:的)?(?:要|更|最|比较)?[\u4e00-\u9fff]{0,3}?(?:多|少|快|慢|早|晚|长|短|勤|频繁|严)"
    r"(?:一些|些|一点|点)?(?:啊|呀|呢|吗)?"
)
# 「这三个地方」, 「这几个地方」: the places the conversation has been about (the last three; all of them)
THESE_SEVERAL = re.compile(r"[这那](?P<n>三|四|几)个?(?:地方|地区|城市|地|市)")
# A follow-up that widens the places (「各地呢」, 「其他地方也一样吗」, 「别的地区是怎么规定的」), and what
# may follow the places without asking anything new
OTHER_PLACES = re.compile(r"(?:其他|其余|别的|另外)(?:[两三四五几]个)?(?:地方|地区|城市|市|区)")
PLACES_WORD = re.compile(rf"{EVERY_PLACE.pattern}|{OTHER_PLACES.pattern}")
SET_AGAINST = re.compile(r"(?<![例对])比(?!例)|相比")  # 「跟大同比」: one place set against another
# 「跟咸宁比谁开得多」, 「大同那边呢，哪个要求更早」: the place named compared with the conversation's place
VERSUS = re.compile(
    SET_AGAINST.pattern
    + r"|对比|比较|区别|不同|差别|差异|(?:哪个|谁)(?:的|要求|规定)?更|(?:哪个|谁)[^，,。？?]{0,4}(?:多|少|早|晚|长|短)"
)
ELSEWHERE_TAIL = re.compile(r"(?:也|都|又)?(?:呢|一样吗|是怎么规定的|怎么规定的?|有规定吗|是什么情况)?")
# 「市长不在的话呢」, 「要是常务副区长也出差了呢」: a condition (not 「如果是区政府呢」, a new subject)
_IF = "(?:那么|那)?(?:要是|如果|假如|万一)"  # the words opening a supposition
CONDITION = re.compile(rf"的话|^{_IF}(?!是)")
# 「市长来不了呢」, 「分管副市长不在呢」: a subject in a state (negated, or 了), also a condition
STATE = re.compile(r"不|没|未|无法|了$")
# someone away: a situation too, said of one pointed at (「那他出差呢」)
AWAY = re.compile(r"出差|外出|出访|休假|离开|出国")
A_NOT_A = re.compile(r"(.)[不没]\1|[不没]$")  # 能不能, 去没去, 能主持不: a yes/no asking
NOMINAL_DE = re.compile(r"(?<!的话)的呢?[?？。!！\s]*$")  # 「…发的呢」: a 的-phrase, a thing
SUBJECT_THEN_ASKING = re.compile(r"^(.+?)呢[，,\s]+(.+)$")  # 「那部门主要负责人呢，先找谁」
PLACE_THEN_ASKING = re.compile(r"^(.{1,12}?呢)[？?，,\s]+(.*[^？?。，,\s].*)$")  # 「大同呢？纪要几天内要弄完？」
# A follow-up, then whether it is the same as before (「那朝阳呢，也是10天吗？」, 「大同副市长呢？也是提前一天？」):
# the check asks nothing the follow-up's answer does not say (not 「跟城区一样吗」, which names a place compared)
FOLLOWUP_CHECKED = re.compile(
    r"^(.{1,20}?呢)[？?，,\s]+(?:是不是|是否)?(?:也|还|都|同样)(?:是|要|得)?[^，,。？?]{0,10}[吗么？?]*$"
)
# A rule pointed at (「也是这个时限吗」): the message leans on the previous question, whatever its shape
POINTING = re.compile(r"这(?:个|条|项|种|些)?(?:规定|规矩|要求|时限|期限|标准|时间|方面)")
# 「咸宁有这规定吗」, 「城区也一样吗」: the words point back at the whole previous question
ANAPHORA = re.compile(rf"{POINTING.pattern}|这(?:个|条|项|种|些)?(?:样|么)|同样|一样|(?<=[也都])是(?=[吗么嘛]|[？?]|$)")
# 「全体会也一样吗」, 「市长办公会也是吗」: a subject and only whether the previous rule holds for it; 「市长办公会
# 也一样不让带吗」: with the previous rule said again, shortly, after 一样
SAME_FOR = re.compile(
    r"(.{1,12}?)(?:也|都|同样)(?:一样(?:[^，,。；;？?]{1,6}?(?=[吗么嘛]))?|是这样|这样|是)(?:的)?(?:吗|么|嘛|不|没)?"
)


def around(words: str, places: re.Match[str]) -> str:
    """``words`` without the places word matched (and a 这/那 pointing at it): 「这几个地方有区别吗」 → 「有区别吗」."""
    return words[: places.start()].rstrip("这那") + words[places.end() :]


def places_compared(words: str) -> bool:
    """「四个地方都一样吗」, 「这几个地方有区别吗」: the places, and only whether they differ."""
    wide = PLACES_WORD.search(words)
    return wide is not None and only_comparing(around(words, wide).strip())


_EACH = re.compile(r"分别|各自")


def for_one_place(question: str) -> str:
    """A question asked of every place (「各地常务会多久开一次」, 「…谁签发 四个地方对比」), asked again of one
    place (「那咸宁呢」): without the words that ask every place and compare them (「常务会多久开一次」)."""
    kept = without_scope(re.sub(r"\s+", "，", question.strip())).strip("，, ")  # a space parts clauses too
    narrowed = JOINED.sub("", _EACH.sub("", EVERY_PLACE.sub("", kept))).strip()
    return narrowed if len(re.findall(r"[\u4e00-\u9fff]", narrowed)) >= 2 else question


def only_comparing(words: str) -> bool:
    """「有什么不同」, 「也一样吗」, 「有区别吗」: the places compared, nothing new asked."""
    bare = words.strip("呢？?。！!，, ")
    rest = re.sub(r"[有没也都吗么嘛]|在哪(?:里|儿)?|是(?:什么|啥)", "", SCOPE_WORDS.sub("", bare))  # 「区别在哪」
    return bool(ELSEWHERE_TAIL.fullmatch(bare) or not rest)


def comparing_only(question: str, place_names: tuple[str, ...]) -> bool:
    """「有区别吗」, 「大同和咸宁一样吗」, 「这几个地方有区别吗」: only whether places differ, with nothing asked of
    them — a follow-up, meaningless without the question it follows. ``place_names`` longest first."""
    bare = strip_places(question, place_names)
    # 「两个一样吗」, 「这俩有区别吗」: the two pointed at, nothing named of them
    return places_compared(question) or only_comparing(JOINED.sub("", TWO_POINTED.sub("", bare.strip())))


# A guess put to be confirmed (「直接找区长请就行了」, 「报备一下就可以吧」): a yes/no asking too
CHECKING = re.compile(r"就行|就可以|就好|就够|对吧|是吧|行吧|可以吧|吧$")


# How a thing is done, said of it as a whole (「流程一样吗」, 「要求也一样吗」): asks nothing new of it
_HOW_DONE = re.compile(r"流程|程序|手续|规定|要求|做法|办法|标准")


def new_subject_and_asking(rest: str, previous: str) -> str | None:
    """「那部门主要负责人呢，先找谁」 after 「副区长离开城区请假要提前几天」: a new role in the previous
    question's situation, with a new asking (「部门主要负责人离开城区请假先找谁」). Roles by their form."""
    m = SUBJECT_THEN_ASKING.match(rest)
    old = ROLE.search(previous)
    asks = ASKING.search(m.group(2)) or CHECKING.search(m.group(2)) if m else None
    if not m or not old or not ROLE.search(m.group(1)) or not asks:
        return None
    swapped = previous[: old.start()] + m.group(1) + previous[old.end() :]
    if same_asked(m.group(2)):
        # 「部门一把手呢，流程一样吗」: the previous question for the new role, its answer shown as it is
        return swapped
    situation, _ = split_predicate(swapped, at_ask=True)
    return situation + m.group(2)


def same_asked(words: str) -> bool:
    """「流程一样吗」, 「要求也一样吗」: only whether the rule is the same."""
    return only_comparing(_HOW_DONE.sub("", words))


# Words that name the rule itself, not a topic: 「大同的标准是多少」 asks the previous question again
THE_RULE = re.compile(
    r"标准|规定|要求|做法|情况|时限|期限|办法|说法|对应|相应|[是的呢也还都又有吗了啊呀]|[?？，,。！!\s]"
)
ONLY_ASKING = re.compile(
    r"(?:几天|几个工作日|几日|多少天?|多久|多长时间|什么时候|何时|谁|什么|啥|怎样|怎么样|如何|几次|几个)+"
)


def just_asking(message: str, previous: str) -> bool:
    """「大同的标准是多少」, 「咸宁是几天」 (its place taken out): only an asking, of the same kind of
    quantity as the previous question's (「几天内印发」), so the previous question is asked again."""
    words = fragment(message)
    rest = THE_RULE.sub("", words)
    # the kind asked, with the rule's own words (「时限是多少」 asks a time, not a count)
    kind = asked(words) or asked(rest)
    return bool(rest) and bool(ONLY_ASKING.fullmatch(rest)) and kind == asked(previous)


def is_condition(message: str, rest: str) -> bool:
    """「市长不在的话呢」, 「要是市长出差了呢」, 「市长来不了呢」: a subject and a predicate that is a
    situation, said as one (的话, 要是 …) or by its form (negated, or done: 了) with no asking."""
    subject, predicate = split_predicate(rest)
    if pronoun := PRONOUN.match(rest.removeprefix("那")):  # 「他不在的时候」: jieba reads no subject in it
        subject, predicate = pronoun.group(0), rest.removeprefix("那")[pronoun.end() :]
    if not predicate:
        return False
    if CONDITION.search(message):
        return True
    asks = ASKING.search(predicate) or A_NOT_A.search(predicate)  # 「副市长能不能主持呢」 asks
    # 「他不在的时候呢」: someone of the previous exchange, said by a pronoun, is a subject too
    someone = names_something(subject) or bool(PRONOUN.fullmatch(subject))
    state = STATE.search(predicate) or (PRONOUN.fullmatch(subject) and AWAY.search(predicate))
    return someone and bool(state) and not asks


PRONOUN = re.compile(r"他们|她们|他|她|对方|此人|这个人|这人")


# A supposition opening a message, then its question: 「有急事的话能临时开吗」, 「要是有急事呢？能临时开吗」
_SUPPOSITION = re.compile(
    rf"^((?:{_IF})?[^，,。；;？?！!]{{1,12}}?的话|{_IF}[^，,。；;？?！!呢]{{1,12}}(?=[呢，,。？?]))呢?[，,。？?\s]*(?=.)"
)


def supposition(message: str) -> tuple[str, str]:
    """``message`` split into a supposition it opens with and the question asked under it
    (「有急事的话能临时开吗」 → 「有急事的话」, 「能临时开吗」); ("", message) when it opens with none or asks
    nothing after it."""
    m = _SUPPOSITION.match(message)
    if not m:
        return "", message
    rest = message[m.end() :]
    if not (ASKING.search(rest) or A_NOT_A.search(rest)):
        return "", message
    said = m.group(1).removesuffix("的话")
    said = re.sub(f"^{_IF}", "", said)
    return f"{said}的话", rest


ALSO = re.compile(r"也|都|同时|还|又")


def role_in_situation(rest: str, previous: str) -> str | None:
    """「那副市长出差了呢」 after 「市长离开朝阳谁主持工作」: another role in a situation of its own, asked
    the previous question's asking (「副市长出差了，谁主持工作」), not a condition on the previous role's
    situation; 「要是常务副市长也出差了呢」 (也, 同时 …) adds a condition to it."""
    subject, asking = split_predicate(previous, at_ask=True)
    if not ROLE.match(rest) or not ROLE.search(subject) or not asking or ALSO.search(rest):
        return None
    return f"{rest.removesuffix('的话')}，{asking}"


def of_a_kind(rest: str, previous: str) -> str:
    """「那以市政府办公室名义发的呢」 after 「部门一把手出国的审批公文谁签」: the 的-phrase says which ones
    (「以市政府办公室名义发的审批公文谁签」), in place of the previous one's 的-phrase if it has one."""
    subject, asking = split_predicate(previous, at_ask=True)
    thing = subject[subject.rindex("的") + 1 :] if "的" in subject else subject
    return f"{rest}的{thing}{asking}"


def elliptical(message: str) -> bool:
    """「要提前几天？」, 「一般多久开一次」, 「报给谁」: a short predicate with no subject of its own."""
    subject, predicate = split_predicate(message.strip())
    return len(message) <= 10 and not names_something(subject) and bool(predicate)


# 「谁签纪要」, 「由谁来审核文件」: the one asked for before the doing, and the thing done after it
_WHO_FIRST = re.compile(r"(由谁|谁|哪位领导|哪个部门)(来)?(?!来)([\u4e00-\u9fff]{3,10})([？?。]?)")


def object_first(words: str) -> str:
    """「谁签纪要」 said as 「纪要谁签」: the thing done first, as a question of its own says it (so that it is read as
    naming its own subject); unchanged unless a doing (a verb) is followed by words naming a thing."""
    m = _WHO_FIRST.fullmatch(words)
    tagged = default_tokenizer().tagged(m.group(3)) if m else []
    if not m or len(tagged) < 2 or not tagged[0][1].startswith("v"):
        return words
    doing, thing = tagged[0][0], "".join(w for w, _ in tagged[1:])
    if not names_something(thing):
        return words
    return f"{thing}{m.group(1)}{m.group(2) or ''}{doing}{m.group(4)}"


def asks_on_its_own(words: str) -> bool:
    """A subject and an asking predicate of its own: 「专题会纪要谁签」 (not 「常务会议」, not 「要提前几天」)."""
    subject, predicate = split_predicate(words, at_ask=True)
    return names_something(subject) and bool(ASKING.search(predicate))


# 「常务会议每月两次，那全体会议一年几次」: a statement, then 那 and a question of its own — the statement is what the
# asker takes as known, not a part asked (its meeting and number would pick the clause)
_SAID_THEN = re.compile(r"^(?P<said>[^，,。；;？?！!]{2,40})[，,]\s*那(?:么)?(?P<asked>[^，,。；;？?！!]{3,}[？?]?)$")


def asked_after_said(question: str, place_names: tuple[str, ...]) -> str:
    """The question without a statement that opens it before 那 (``_SAID_THEN``), the place it names kept
    (「大同常务会每月两次，那全体会呢一年几次」 → 「大同全体会…」); the question itself otherwise."""
    m = _SAID_THEN.match(question.strip())
    if not m or ASKING.search(m.group("said")) or not asks_on_its_own(m.group("asked")):
        return question
    place = next((p for p in place_names if p in m.group("said")), "")
    return place + m.group("asked")


def each_own(message: str, names: Sequence[str]) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """「城区的区长办公会和大同的市长办公会研究的事有啥不一样」: two places, each with a thing of its own, then what is
    asked of both — each place's name with its own question (「区长办公会研究的事有啥不一样」, 「市长办公会研究的事
    有啥不一样」); None for any other message. The second thing ends as the first does (会, 会议, 长): the same kind
    of thing, named at its place's level."""
    # 「朝阳市长办公会」: 朝阳's 市长办公会, not 朝阳市's 长办公会
    alternation = "|".join(
        re.escape(n) + ("(?!长)" if n[-1] in "市区县" else "") for n in sorted(names, key=len, reverse=True) if n
    )
    if not alternation:
        return None
    m = re.match(
        rf"(?P<p1>{alternation})的?(?P<x>[^，,。？?和与跟、的]{{2,10}})(?:和|与|跟|、)(?P<p2>{alternation})的?", message
    )
    if m is None:
        return None
    x, rest = m.group("x"), message[m.end() :]
    k = next((k for k in range(2, min(len(rest), 12) + 1) if rest[:k].endswith(x[-1])), 0)
    if not k or rest[:k] == x or not rest[k:].strip("？?。 "):
        return None
    return (m.group("p1"), x + rest[k:]), (m.group("p2"), rest[:k] + rest[k:])
