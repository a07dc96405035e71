"""Questions with parts: 「常务会议纪要由谁签发，多长时间内完成？」 is two questions.

A part is a run of clauses containing a question word; a part without a subject of its own
(「多长时间内完成」) borrows the first part's subject (「常务会议纪要」). Comparison tails
(「有什么不同」) are scope, not a part.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from assistant.answering.asking import ASKS_LIST, EVERY_PLACE, SCOPE_WORDS
from assistant.answering.cities import strip_places
from assistant.answering.kinds import Kinds
from assistant.answering.phrasing import (
    asks_of_a_thing,
    combine,
    fragment,
    meeting_of,
    names_something,
    split_predicate,
)
from assistant.answering.quantities import ITEMS_COUNTED, asked, asked_span, definite
from assistant.answering.roles import ROLE
from assistant.retrieval.tokenizer import default_tokenizer

_CLAUSE = re.compile(r"[^，,；;。？?！!\s]+")  # colloquial questions separate parts with spaces too
_ASKS = re.compile(
    r"谁|什么|啥|多久|多长|多少|几|哪|怎么|怎样|如何|咋|是否|能否|可否|吗|能不能|要不要|需不需要|有没有|(?<=..)不$"
    r"|(.)不\1"  # 去不去, 开不开: yes or no
)
_SUPPOSING = re.compile(r"(?:那么|那)?(?:如果|要是|假如|万一|若是|倘若)")  # a case supposed (「如果有急事呢」)
_JOINERS = re.compile(r"^(另外|还有|同时|以及|并且|而且|那|又)")
MAX_PARTS = 3
# A clause that only asks whether or how the rules say it (有规定吗, 有没有具体要求, 是怎么规定的): no part
_ABOUT_THE_RULES = re.compile(
    r"(?:这个|这|那|对此)?(?:有没有|有|是否有|还有)?(?:什么|啥|具体|明确|相关)?(?:规定|要求|说法|表述|提法|写法|标准|讲究)(?:上)?(?:有)?"
    r"(?:吗|呢|没有|没|不)?"
    r"|(?:具体)?(?:是)?(?:怎么|如何|咋)(?:规定|要求|说|讲|写)的?(?:吗|呢)?"
    r"|[有没是都也又还]*[吗呢么嘛没]?"  # 「各地有区别吗」 without its scope words: nothing asked
    r"|(?:怎么|为什么|为啥|咋)(?:就)?(?:没有|没)(?:这条|这个|这项|这种|这类|规定)?(?:呢|啊)?"  # 「咸宁怎么没有」: why not
)


def question_parts(
    question: str,
    kinds: Kinds | None = None,
    places: Sequence[str] = (),
    has_content: Callable[[str], bool] | None = None,
    known: Callable[[str], bool] | None = None,
) -> list[str]:
    """The question's parts (the whole question when it has one); with the knowledge base's meeting
    ``kinds``, a part that asks of a thing (not a role) of no meeting is the first part's meeting's:
    「专题会谁主持，纪要谁签」 asks 「专题会纪要谁签」.

    With the knowledge base's ``places`` (longest first) and ``has_content`` (whether words hold a term
    to search for), a clause that names places or a comparison's scope and holds nothing else
    (「朝阳和咸宁规定有啥差别」, 「大同、城区、咸宁各是多少」, 「四地一样不」) is the comparison's scope, not a part.

    With ``known`` (whether the rules use a word), a part that asks a quantity of a thing of its own borrows
    only the first part's meeting (「常务会纪要谁签发，几天印发文件」 asks 「常务会几天印发文件」)."""
    tail = (lambda clause: _scope_only(clause, places, has_content)) if has_content else None
    parts = _parts(question, kinds, tail, known)
    if len(parts) == 1 and kinds is not None:
        if each := _each_meeting(question, kinds) or _each_role(question):
            return each
        parts = _each_thing(question, places) or parts
    meeting = meeting_of(parts[0], kinds) if kinds and len(parts) > 1 else None
    if not meeting or kinds is None:
        return parts
    return parts[:1] + [
        meeting + part if asks_of_a_thing(part, kinds) and not SCOPE_WORDS.search(part) else part for part in parts[1:]
    ]


_COORDINATING = re.compile(r"[和与跟及、同，,\s]|以及")  # 「常务会 全体会 专题会」: listed with spaces too
MAX_MEETINGS = 4  # the meetings one question may ask the same of, each asked as a part (the rules know four kinds)


def _each_meeting(question: str, kinds: Kinds) -> list[str]:
    """「全体会和常务会分别多久开一回」: the question once for each meeting it names side by side (joined by
    和, 与, 、 …), or [] when it does not name several so."""
    said = list(kinds.said_all(question))
    if len(said) < 2 or len(said) > MAX_MEETINGS:
        return []
    # the same thing of each (「常务会纪要和专题会纪要」): said after every meeting, the last one's included
    thing = _SAID_OF_EACH.match(question[said[0].end() : said[1].start()])
    own = thing.group(1) if thing and question[said[-1].end() :].startswith(thing.group(1)) else ""
    gaps = [question[a.end() : b.start()].removeprefix(own) for a, b in pairwise(said)]
    if not all(_COORDINATING.fullmatch(gap) for gap in gaps):
        return []
    span = question[said[0].start() : said[-1].end() + len(own)]
    return [question.replace(span, m.group(0) + own, 1) for m in said]


# 「副区长和部门一把手…分别怎么请假」: the same asked of each role, said side by side (with the body it heads)
_DISTRIBUTIVE = re.compile(r"分别|各自")
_HELD_ROLE = re.compile(rf"(?:各?(?:部门|单位|局|科室))?(?:{ROLE.pattern})")


def _each_role(question: str) -> list[str]:
    """「城区副区长和部门一把手离开城区分别怎么请假」: the question once for each role it names side by side (joined
    by 和, 与, 、 …) and asks of each (分别, 各自), without that word; [] when it does not. The rules set each
    role's own way (a sentence each), which one question asked of both would quote only one of."""
    if not (each := _DISTRIBUTIVE.search(question)):
        return []
    said = list(_HELD_ROLE.finditer(question[: each.start()]))
    run = [said[0]] if said else []
    for a, b in pairwise(said):
        if _COORDINATING.fullmatch(question[a.end() : b.start()]):
            run.append(b)
        elif len(run) < 2:
            run = [b]
    if not 2 <= len(run) <= MAX_PARTS:
        return []
    asked = question[: each.start()] + question[each.end() :]
    span = asked[run[0].start() : run[-1].end()]
    return [asked.replace(span, m.group(0), 1) for m in run]


# 「部署专项工作的公文和专项报告，各不超过多少字」: two things named first, then the same asked of each (各 before the
# asking, not 各 before a noun: 各部门)
_OF_EACH = re.compile(r"[，,\s]?(?:分别|各自|各(?=[不多几是要需有由在能可应得]))")
_ITEMS = re.compile(r"以及|[和与跟及、]")
_MAX_SUBJECT = 24


def _each_thing(question: str, places: Sequence[str]) -> list[str]:
    """「部署专项工作的公文和专项报告，各不超过多少字」: the question once for each of two things it begins by naming
    and then asks the same of (各, 分别, 各自): 「部署专项工作的公文不超过多少字」, 「专项报告不超过多少字」; [] when it
    does not. A rule sets each its own figure, which one question asked of both would quote only one of; places
    (a comparison's scope) and meetings or roles (split on their own) are not things here."""
    m = _OF_EACH.search(question)
    if not m or not 0 < m.start() <= _MAX_SUBJECT:
        return []
    subject, asking = question[: m.start()], question[m.end() :]
    # the place the whole question is asked in, said first (「朝阳以市政府名义发文和以办公室名义发文…」), stays with each
    place = next((p for p in places if subject.startswith(p)), "")
    subject = subject[len(place) :]
    if any(p in subject for p in places) or _ASKS.search(subject) or SCOPE_WORDS.search(subject):
        return []
    items = _ITEMS.split(subject)
    if len(items) != 2 or not all(len(i) >= 2 and _has_noun(i) for i in items) or not _ASKS.search(asking):
        return []
    return [place + item + asking for item in _shared_tail(*items)]


def _shared_tail(first: str, second: str) -> tuple[str, str]:
    """Two things named side by side, the doing said after the second only (「以市政府名义和以市政府办公室名义发文」):
    the first with it too (「以市政府名义发文」), where the second goes on past the first's last word (名义)."""
    at = second.find(first[-2:])
    if at < 0 or at + 2 >= len(second) or first.endswith(second[at + 2 :]):
        return first, second
    return first + second[at + 2 :], second


_SAID_OF_EACH = re.compile(r"((?:的)?[\u4e00-\u9fff]{1,4}?)(?=[和与跟及、同]|以及)")


def _borrowed(first: str, kinds: Kinds | None) -> str:
    """The subject a part without one borrows from the first part: its words before the asking, or only
    its meeting when they name nothing else (「常务会一般一个月开几次」 lends 「常务会」, not 「常务会一般一个月
    开」; 「常务会议纪要由谁签发」 lends 「常务会议纪要」), without a preposition left hanging (「由」)."""
    subject = split_predicate(first, at_ask=True)[0].rstrip("由向经报对被给把在找跟")
    # 「这里说的编制具体指啥」 lends 「这里说的编制」, not what it is asked to be
    subject = _COPULA_END.sub("", subject)
    subject = _HAVING_END.sub("", subject)  # 「组成人员有哪些」 lends 「组成人员」, not 「组成人员有」
    if _YES_NO_END.search(first) and (modal := _MODAL.search(subject)) and modal.start() >= 2:
        subject = subject[: modal.start()]  # 「常务会能带手机吗」 lends 「常务会」, not what it asks may be done
    meeting = meeting_of(first, kinds) if kinds else None
    if meeting and meeting in subject and not _has_noun(subject.replace(meeting, "", 1)):
        return meeting
    return subject


_YES_NO_END = re.compile(r"[吗么嘛][？?！!。]*$")
_HAVING_END = re.compile(r"(?<=..)(?:都|也|还)?(?:有|包括)$")
_COPULA_END = re.compile(r"(?<=..)(?:具体|到底|究竟)?(?:指的是|是指|指|是|叫|算)$")
_MODAL = re.compile(r"能|可以|可不可以|是否|要不要|需要|应该|应当|必须|得")
# A part that opens with a modal (「会通报吗」, 「要报备吗」) has no subject of its own; 「会上」, 「会议」 are meetings
_MODAL_FIRST = re.compile(rf"会(?![议上前后中期场])|要|是不是|{_MODAL.pattern}")


def _has_noun(words: str) -> bool:
    """Whether ``words`` name a thing: a noun, a verbal noun, or a set phrase (「迟到早退」, an idiom to jieba)."""
    return bool(words) and any(f.startswith("n") or f in ("vn", "i", "l") for _, f in default_tokenizer().tagged(words))


def _clauses(question: str) -> list[str]:
    """The question's clauses; a clause of askings listed with 、 is one clause each (「常务会谁主持、多久开一次、
    纪要几天完成」), while a 、 between things (「市长、副市长谁主持」) stays inside its clause."""
    out: list[str] = []
    for clause in filter(None, (c.strip() for c in _CLAUSE.findall(question))):
        listed = [p for p in clause.split("、") if p]
        out.extend(listed if len(listed) > 1 and all(_ASKS.search(p) for p in listed) else [clause])
    return out


# A clause that only asks which place comes first (「是不是比它快」, 「哪个更早」, 「比大同多吗」): the comparison's
# verdict answers it, no part of its own
_COMPARATIVE = re.compile(
    r"(?:是不是|是否|会不会)?(?:哪个|哪家|哪边|谁)?(?:的)?(?:要)?(?:比(?:它|他|她|这个|那个|前者|后者)?)?"
    r"(?:要|还|更|最|比较)?(?:快|慢|早|晚|多|少|长|短|勤|频繁)(?:一些|些|一点|点)?(?:吗|呢|啊|吧)?"
    r"|(?:两者|两个|二者|它们|中间)?(?:相)?差(?:多少|几[天次个日]?|多久|多大)(?:呢|啊)?"  # 「差多少」: what the answers show
)


def _scope_only(clause: str, places: Sequence[str], has_content: Callable[[str], bool]) -> bool:
    bare = strip_places(clause, places)
    if _COMPARATIVE.fullmatch(bare.strip()):
        return True
    if bare == clause and not SCOPE_WORDS.search(clause):
        return False
    rest = SCOPE_WORDS.sub("", bare)
    return bool(_ABOUT_THE_RULES.fullmatch(rest)) or not has_content(rest)


# A case the part is asked in, not what it is asked of: 「涉及企业经营的」, 「要是碰到重大事项」
_CASE = re.compile(r"^(?:涉及|如果|要是|假如|若|遇到|碰到|万一)|的[还也都又再就]*$")


def _meeting_replaced(new: str, first: str, kinds: Kinds | None) -> str | None:
    """The meeting ``first`` names, as it says it, when ``new`` is only another meeting (「专题会」) and ``first``
    names one: 「大同的常务会开会能带手机吗？专题会呢」 asks 「大同的专题会开会能带手机吗」."""
    if kinds is None or kinds.said(new) != new or len(kinds.named(first)) != 1:
        return None
    return kinds.said(first)


# a clause that only asks how many items (「一共几项」, 「总共有多少条」)
_COUNT_ONLY = re.compile(rf"(?:那|一共|总共|共|总计|合计)?(?:有|是)?(?:{ITEMS_COUNTED.pattern})[？?呢吗啊。]*")


def _parts(
    question: str,
    kinds: Kinds | None = None,
    scope_only: Callable[[str], bool] | None = None,
    known: Callable[[str], bool] | None = None,
) -> list[str]:
    clauses = _clauses(question)
    # 「几个部门协商完还是谈不拢，请示该怎么报」: a clause whose 几 only says "some" asks nothing (``definite``)
    marked = _clauses(definite(question))
    asking = marked if len(marked) == len(clauses) else clauses
    parts: list[str] = []
    complete: set[int] = set()  # parts already whole questions (no subject to borrow)
    pending = ""
    context = ""  # a clause before the first part that only says what it is about
    for clause, said in zip(clauses, asking, strict=True):
        if parts and clause.endswith("呢") and not _ASKS.search(said) and not SCOPE_WORDS.search(clause):
            # 「以区政府名义发文谁签发？以区府办名义的呢」: the first part asked again of a new subject; 「大同的常务会
            # 开会能带手机吗？专题会呢」: of another meeting, in the first part's meeting's place
            new = fragment(clause)
            meeting = _meeting_replaced(new, parts[0], kinds)
            if _SUPPOSING.match(new) and not meeting:
                # 「常务会多久开一次？如果有急事呢」: the first part asked again in that case
                parts.append(f"{new.removesuffix('的话')}，{parts[0]}")
            else:
                parts.append(parts[0].replace(meeting, new, 1) if meeting else combine(new, parts[0]))
            complete.add(len(parts) - 1)
            continue
        if parts and _COUNT_ONLY.fullmatch(clause) and ASKS_LIST.search(parts[-1]):
            # 「有哪几项主要任务，一共几项」: how many of the list just asked for, counted in its answer
            parts[-1] += "，" + clause
            continue
        if _ABOUT_THE_RULES.fullmatch(SCOPE_WORDS.sub("", clause)) or (
            (parts or len(clauses) > 1) and scope_only and scope_only(clause)
        ):
            # 「…怎么开，有规定吗」, 「各地咋规定的」: asks whether or how the rules say, which the answer shows;
            # 「咸宁怎么没有，它开什么会…」: a place and an asking of nothing
            continue
        if SCOPE_WORDS.fullmatch(clause.rstrip("呢吗")) or not _ASKS.search(SCOPE_WORDS.sub("", said)):
            # context for the next part, or a comparison tail; 「那纪要呢，几天内印发」: 纪要 is what it asks of
            pending += _JOINERS.sub("", clause[:-1]) if clause.endswith("呢") else clause + "，"
            continue
        if not parts and pending:
            context = pending.rstrip("，")  # 「报…的规范性文件，合法性审核咋走？…还要做啥审查」: what every part is of
        parts.append(pending + clause)
        pending = ""
    if parts and pending and not SCOPE_WORDS.search(pending):
        # 「常务会 多久 开」: keywords after the asking finish the last part
        parts[-1] += pending.rstrip("，")
    if len(parts) < 2 or len(parts) > MAX_PARTS:
        return [question]
    # the later parts borrow that clause, not the first part's own subject (合法性审核)
    subject = context if context and names_something(context) else _borrowed(parts[0], kinds)
    meeting = meeting_of(parts[0], kinds) if kinds else None
    out = [parts[0]]
    for i, part in enumerate(parts[1:], 1):
        part = _JOINERS.sub("", part)
        own, _ = split_predicate(part)
        asked_of, _ = split_predicate(part, at_ask=True)
        # 「一个月开几次」, 「一般多久开一次」: the words before the verb name nothing, the subject is borrowed;
        # 「考评结果怎么用」: a verbal noun first (考评) still names what is asked of, before the asking; a case
        # (「涉及企业经营的还要…」) is no subject
        named = asked_of != own and names_something(asked_of) and not _CASE.search(asked_of)
        named = named and not _MODAL_FIRST.match(asked_of)  # 「会通报吗」: a modal, then the asking's own verb
        # 「督查组的组长由谁来定？督查组又对谁负责」: the part says its subject again (督查组), in words jieba
        # may not read as a noun
        again = _says_again(asked_of, subject)
        if names_something(own) or named or again or i in complete:
            out.append(part)
            if not context and names_something(own) and i not in complete:
                # 「专题会谁主持，纪要谁签发，几天内完成」: a later part borrows the subject of the part just before it
                # (纪要), as it is said, not the first part's (专题会)
                subject = _borrowed(part, kinds)
                if meeting and kinds and meeting not in subject and asks_of_a_thing(part, kinds):
                    subject = meeting + subject  # (纪要 of the first part's meeting: 专题会纪要)
        else:
            # 「常务会纪要谁签发，几天印发文件」: a part with a thing of its own (文件) borrows the meeting, not 纪要
            of_meeting = meeting if meeting and subject.startswith(meeting) and subject != meeting else None
            borrows_meeting = of_meeting and known and own_thing(part, subject, known)
            # how often is said of a meeting (「组成人员有哪些？多久开一次？」: the meeting's, not its members')
            borrows_meeting = borrows_meeting or asked(part) == "frequency"
            out.append((of_meeting if of_meeting and borrows_meeting else subject) + part)
    return out


def _says_again(words: str, subject: str) -> bool:
    """Whether ``words`` (before a part's asking) repeat three characters running of the borrowed ``subject``."""
    return any(subject[i : i + 3] in words for i in range(len(subject) - 2))


def own_thing(part: str, subject: str, known: Callable[[str], bool]) -> bool:
    """Whether ``part`` asks a quantity of a thing (a plain noun of the rules, not a role, nor a doing the tagger
    calls a proper noun: 印发) that ``subject`` does not name: 「几天印发文件」 (not 「会前几天通知大家」, 「签完几天内要印发」)."""
    span = asked_span(part)
    if span is None:
        return False
    words = default_tokenizer().tagged(part[: span[0]] + part[span[1] :])
    return any(f == "n" and len(w) >= 2 and w not in subject and not ROLE.search(w) and known(w) for w, f in words)


# What a clause that only sets the scope says besides the places and scope words: how the rules put it
# (怎么规定的, 咋写的), whether they differ (一样吗, 有啥区别), a call to compare (比一比) and particles.
_LOOK = r"(?:看|查|说|讲|列|瞧)(?:看|一看|一下|说|讲|查|瞧)?"  # 「城区和大同都看看」, 「两地都查一下」: a call to look
_SCOPE_FILLER = re.compile(
    rf"说法|(?:是|都是|各是)?(?:怎么|咋|如何|怎样)?(?:规定|要求|写|说|定|讲)的?|比一比|比比|比较一下|一下|{_LOOK}"
    r"|有(?:什么|啥|没有)?(?:区别|不同|差别|差异)?|一样|相同|[和与及、各都也又是的呢吗么嘛没有啊呀\s]"
)
_CLAUSE_AND_STOP = re.compile(r"[^，,？?。；;！!]+[，,？?。；;！!]*")


def without_scope(question: str) -> str:
    """The question without its clauses that only set the scope (「…谁主持工作，几个地方分别怎么规定」 →
    「…谁主持工作，」, 「…多久开一次？各地一样吗」): places are searched one by one, and those words would
    pull the question's embedding away from the articles. Unchanged when nothing else would be left."""
    kept = [
        c
        for c in _CLAUSE_AND_STOP.findall(question)
        if not (
            SCOPE_WORDS.search(c) or EVERY_PLACE.search(c) or re.fullmatch(rf"[和与及、都也\s]*{_LOOK}[，,。！!]*", c)
        )
        or _SCOPE_FILLER.sub("", EVERY_PLACE.sub("", SCOPE_WORDS.sub("", c.strip("，,？?。；;！! "))))
    ]
    # (the comma before a clause taken out is no part of what is searched)
    return "".join(kept).rstrip("，,；; ") if kept else question


def as_said(part: str, question: str) -> str | None:
    """The words ``part`` was made of as ``question`` says them, when the part borrowed a subject (「全区性会议提前几天报？
    会签几天内回复？」 makes 「全区性会议提前会签几天内回复」 of 「会签几天内回复」); None when nothing was borrowed."""
    if part in question:
        return None
    return next((part[k:] for k in range(1, len(part) - 1) if part[k:] in question), None)
