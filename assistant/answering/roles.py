"""Whose rule a clause is: the roles it is about, as opposed to the roles it names as approvers.

「副市长、秘书长离市出访、出差和休养，应事先向市长请假」 is a rule for 副市长 and 秘书长; 市长 is
who they ask. A question about 市长 himself (「市长自己离开朝阳，要向哪里报备」) is not answered by it,
and 「副市长离市外出怎么请假」 is not answered by the clause for 各部门主要负责同志 that merely
names 分管副市长 as someone informed.

Roles are found by their form — an administrative title (市长, 常务副区长, 秘书长, 办公室主任, 局长,
主要负责同志 …), so a new jurisdiction's titles count too. The subject roles of a text are those named
before the first word that introduces someone else (向, 报, 经 …).
"""

from __future__ import annotations

import re

from assistant.textnorm import normalize

ROLE = re.compile(
    # (an assistant to a head is a post of its own: 市长助理 is no 市长)
    r"[市区县州省乡镇]长助理|(?:常务)?副?[市区县州省乡镇]长|副?秘书长|(?:办公室)?副?主任|[局厅处科]长"
    r"|主要负责(?:同志|人)|负责同志|(?<=部门)负责人|一把手|副职|副?书记"
)
# The doings a question may name a doer of, to be confirmed (「纪要是秘书长签发的吧」, 「全体会是副市长主持吗」)
# (a bare 签 too: 「是办公室主任签的吧」 asks of 签发, 「区长签发」 is found by it)
# (代行 too: 「市长出差由秘书长代行职务对吧」 against 「由负责常务工作的副市长代行市长职务」)
DOINGS = r"主持|召集|签发|审签|签署|审批|审定|审核|批准|起草|确定|代行|签(?![订约收到])"
# … or asked whether it may be handed to someone (「能不能委托秘书长主持」, 「可以让办公室主任主持吗」)
HANDED = re.compile(
    rf"(?:能不能|能否|可不可以|可否|是否可以|可以|能)(?:让|委托|叫|请|由)(?P<role>{ROLE.pattern})(?:来|去)?(?P<doing>{DOINGS})"
)


def handed_doing(question: str) -> str | None:
    """The doing a question asks whether may be handed to someone (「能委托常务副市长主持吗」 → 主持)."""
    m = HANDED.search(normalize(question))
    return m.group("doing") if m else None


# Words after which a role is someone else (the one asked, reported to, approving): not the subject.
# Not 由 or 委托: 「由常务副市长主持」, 「委托办公室主任召开」 name who acts.
# 「常务会议是区委书记主持的吧」: a role said after 是 as the one who does it is the doer guessed, not the subject
_OTHERS = re.compile(
    rf"向|报(?!告|送|文)|经(?!济|费|验|常)|请示|[，,]受|[，,]由|是(?=[\u4e00-\u9fff]{{0,3}}?(?:{ROLE.pattern})(?:来|亲自)?(?:{DOINGS}))"
)


# One name per role: 一把手 is what 主要负责同志 and 主要负责人 are called, and a department's
# (局, 厅, 处, 科) head is its 主要负责人; 办公室主任 is the 主任 a question about the office means.
_SAME = {"主要负责同志": "主要负责", "主要负责人": "主要负责", "一把手": "主要负责", "负责人": "主要负责"}
_SAME |= {f"{unit}长": "部门:主要负责" for unit in "局厅处科"}  # a bureau's head is a department's


# The head of a 县, 区, 乡 or 镇 government (县长, 区长, 镇长) is that government's 主要负责同志: a city's
# rules name them so (「各县(市、区)政府主要负责同志」). A government's head carries the levels it is said
# of (「政府县市区:主要负责」), so a 镇长 is not a 县(市、区) head; a 市长 is the city's own head.
_LOWER_HEAD = re.compile(r"([县区乡镇])长")
_LEVELS = re.compile(r"[县市区乡镇街]")


def _role(name: str) -> str:
    """A 常务副市长 is a 副市长 (the rules for 副市长 apply to him); a 县长 is a 县 government's head."""
    if lower := _LOWER_HEAD.fullmatch(name):
        return f"政府{lower.group(1)}:主要负责"
    return _SAME.get(name, name.removeprefix("办公室").removeprefix("常务"))


# Whose head a 主要负责同志 is, by the words just before: a department's (各部门, 市直单位, 司法局) or a
# government's (各县(市、区)政府, 乡镇): 「部门一把手」 is not answered by the rule for 县政府主要负责同志
_HEAD_OF = (
    ("部门", re.compile(r"(?:部门|单位|[局委办])[^，。；、]{0,2}$")),
    # a government, or the governments under the city named without the word (「县市区主要负责同志」)
    ("政府", re.compile(r"(?:政府|[乡镇街]道?|县市区|县区|区县|县[（(]市[、，]?区?[)）]区?)[^，。；]{0,2}$")),
)


# The governments under the city (县市区, 县（市、区）, 乡镇): their 副职 are not the city's 副市长
_BELOW = re.compile(r"(?:县(?:市区|区)|区县|县[（(]市[、，]?区?[)）]区?|乡镇|镇街|各[县乡镇])[^，。；]{0,2}$")
# A township's, a street office's or a village's 主任 or 书记 (「街道书记主任」) is not the government's 办公室主任
# The bodies under a government: townships, street offices, villages, communities (乡镇, 镇街 included)
_LOCAL_BODY = "[乡镇村]|街道|社区|居委会"
_LOCAL = re.compile(rf"(?:{_LOCAL_BODY})[^，。；、]{{0,5}}$")


_OF_DEPARTMENT = re.compile(r"(?:部门|单位|局|委|办|科室)的?$")


def _qualified(name: str, before: str) -> tuple[str, ...]:
    """A 主要负责 role with whose head it is (「部门:主要负责」) when the words before say so; a 副职 of
    the governments under the city (「县市区的副职」) is theirs (「下级:副职」)."""
    role = _role(name)
    if role == "副职" and _BELOW.search(before):
        return ("下级:副职",)
    if role == "副职" and _OF_DEPARTMENT.search(before):
        return ("部门:副职",)  # 「部门副职」: a department's deputies, not a government's (副市长, 副区长)
    if role in ("主任", "副主任", "书记", "副书记") and _LOCAL.search(before):
        return (f"下级:{role}",)
    holder = re.split(r"[，,。；;]", before)[-1]
    if role == "负责同志" and "政府" in holder:  # 「县(市、区)政府和有关部门负责同志」: of those levels
        departments = "部门" if re.search(r"部门|单位", holder) else ""  # … and of departments too
        return (f"政府{departments}{''.join(dict.fromkeys(_LEVELS.findall(holder)))}:{role}",)
    holders = re.sub(r"[（(][^）)]*[）)]", "", holder)  # 县(市、区) is one holder
    # 「朝阳和咸宁的部门一把手」, 「咸宁和朝阳对县区政府一把手…」 join places, not holders: only what follows 的 (对,
    # 关于) is read, when something does
    holders = re.split(r"的|对|关于", holders)[-1] or holders
    if role != "主要负责":
        return (role,)
    if re.search(r"[、和及与]", holders):  # 「各县区政府、市政府各部门主要负责同志」: the heads of each, not the 市长
        heads = tuple(dict.fromkeys(_head_of(part, part, role) for part in re.split(r"[、和及与]", holders) if part))
        # 「朝阳和咸宁部门一把手」: a part naming no body (a place) is no holder beside one that does
        return tuple(h for h in heads if ":" in h) or heads
    return (_head_of(before, holder, role),)


def _head_of(before: str, holder: str, role: str) -> str:
    """Whose head a 主要负责 role is, by the words ``before`` it (``holder``: those since the last break)."""
    unit = next((unit for unit, pattern in _HEAD_OF if pattern.search(before)), None)
    if unit == "政府":  # whose government: 各县(市、区)政府 → 县市区, 镇街 → 镇街
        unit += "".join(dict.fromkeys(_LEVELS.findall(holder.removesuffix("政府")[-8:])))
    return f"{unit}:{role}" if unit else role


def leads_alone(question: str, unit: str) -> bool:
    """Whether ``unit`` opens with the one role ``question`` is about, as its own subject, not listed with others:
    「秘书长在市长领导下，负责处理…」 for 「秘书长的职责是什么」 (not 「副市长、秘书长协助市长工作…」)."""
    asked = subject_roles(question)
    if len(asked) != 1:
        return False
    t = normalize(unit)
    first = ROLE.search(t)
    if first is None or t[first.end() : first.end() + 1] in ("、", "和", "及", "与", "，", ","):
        return False
    return bool(asked.intersection(_qualified(first.group(0), t[: first.start()]))) and not ROLE.search(
        t[: first.start()]
    )


def subject_roles(text: str) -> frozenset[str]:
    """The roles ``text`` is about: those named before the first word that introduces someone else."""
    t = normalize(text)
    other = _OTHERS.search(t)
    t = t[: other.start()] if other else t
    # 市长 of 市长办公会议 is part of a meeting's name, not a role
    return frozenset(
        role
        for m in ROLE.finditer(t)
        if not t.startswith("办公会", m.end())
        for role in _qualified(m.group(0), t[: m.start()])
    )


_DEPUTY_HEAD = re.compile(r"副[市区县州省乡镇]长")  # what a government's 副职 (deputy) is called
_HEAD = re.compile(r"[市区县州省乡镇]长")  # a government's 一把手 (its 主要负责人)


def _common_level(a: str, b: str) -> bool:
    """Two roles said of governments are of a level in common (「政府县:主要负责」, 「政府县市区:…」), or one
    names no level."""
    levels_a, levels_b = (set(_LEVELS.findall(r.partition(":")[0])) for r in (a, b))
    return not levels_a or not levels_b or bool(levels_a & levels_b)


def _same(a: str, b: str) -> bool:
    """One role, or one of them said without whose head it is; a 副职 is a 副市长 (副区长 …), and a
    一把手 (主要负责人) said of no body in particular is a 市长 (区长 …), the head of a government."""
    if a.startswith("下级:") != b.startswith("下级:"):
        return False  # a township's 主任 is not the government's 办公室主任, its 副职 not a 副市长
    if "副职" in (a, b):
        return bool(_DEPUTY_HEAD.fullmatch(b if a == "副职" else a)) or a == b
    if a.endswith("负责同志") or b.endswith("负责同志"):  # any responsible official: heads among them …
        said, other = (a, b) if a.endswith("负责同志") else (b, a)
        if other.rpartition(":")[2] not in ("主要负责", "负责同志"):
            return False
        if other.startswith("部门") and ":" in said and "部门" not in said:
            return False  # 「市政府分管负责同志」 is no department's head
        # … of the governments named, if named
        return _common_level(said, other) if other.startswith("政府") else True
    if "主要负责" in (a, b):
        other = b if a == "主要负责" else a
        return bool(_HEAD.fullmatch(other)) or other.rpartition(":")[2] == "主要负责"
    if a.startswith("政府") and b.startswith("政府"):  # two governments' heads: of a level in common
        return _common_level(a, b)
    return a == b or a.rpartition(":")[2] == b or b.rpartition(":")[2] == a


# A clause that speaks of the governments, towns, streets or villages under the city at all
_OF_LOWER = re.compile(rf"县|{_LOCAL_BODY}")


def role_mismatch(question: str, clause: str) -> bool:
    """The question is about roles the clause is not about, while the clause is about others; or about a
    lower government's officials only (「村主任」, 「街道书记」) and the clause names no lower body at all."""
    asked = subject_roles(question)
    if asked and all(a.startswith("下级:") for a in asked) and not _OF_LOWER.search(normalize(clause)):
        return True
    if any(a.endswith("助理") and a not in normalize(clause) for a in asked):
        return True  # 「市长助理能主持专题会吗」: a post of its own, which a clause must name to be about it
    said = subject_roles(clause)
    if not (asked and said and not any(_same(a, b) for a in asked for b in said)):
        return False
    # 「以办公室名义发文是不是都得市长亲自签」: 「一般由秘书长签发；重要文件报…或市长签发」 says what the asked one does
    if _doer_of(question, asked) and _doer_of(clause, asked):
        return False
    # 「区长批了假就完事了吗」: the one asked approves, and the clause names them as the one asked (「向区长请假」)
    return not (_named_before(question, asked, _APPROVING) and _named_after(clause, asked, "向"))


_APPROVING = re.compile(r"(?:亲自|本人)?(?:批(?![评判注])|同意|准(?![备确时]))")


def _named_before(text: str, roles: frozenset[str], doing: re.Pattern[str]) -> bool:
    """Whether ``text`` names one of ``roles`` right before ``doing``."""
    t = normalize(text)
    return any(
        doing.match(t, m.end()) and any(_same(a, r) for r in _qualified(m.group(0), t[: m.start()]) for a in roles)
        for m in ROLE.finditer(t)
    )


def _named_after(text: str, roles: frozenset[str], word: str) -> bool:
    """Whether ``text`` names one of ``roles`` right after ``word`` (「向区长请假」)."""
    t = normalize(text)
    return any(
        t[: m.start()].endswith(word)
        and any(_same(a, r) for r in _qualified(m.group(0), t[: m.start()]) for a in roles)
        for m in ROLE.finditer(t)
    )


_DOING_AFTER = re.compile(rf"(?:亲自|本人|来|去|负责)?(?:{DOINGS})")


def _doer_of(text: str, roles: frozenset[str]) -> bool:
    """Whether ``text`` names one of ``roles`` right before a doing (「市长签发」, 「市长亲自签」)."""
    return _named_before(text, roles, _DOING_AFTER)


def same_role(a: str, b: str) -> bool:
    """Whether two namings of a role name the same one: the same words, or a 一把手 (主要负责人) of no body in
    particular and a government's head (「一把手」 and 「市长」, 「区长」); not 「副局长」 and 「主要负责同志」."""

    def head(roles: frozenset[str]) -> bool:
        return any(_HEAD.fullmatch(r) or (r.startswith("政府") and r.endswith(":主要负责")) for r in roles)

    ra, rb = subject_roles(a), subject_roles(b)
    return a == b or (ra == {"主要负责"} and head(rb)) or (rb == {"主要负责"} and head(ra))


def another_bodys(question: str, text: str) -> bool:
    """The question is about a role of another body than the one ``text`` is about, under the same title:
    「部门一把手」 against 「县市区政府一把手」 (both 主要负责), not 区长 against 副区长 (who asks whom)."""
    asked, said = subject_roles(question), subject_roles(text)
    return any(
        a != b and ":" in a and ":" in b and a.rpartition(":")[2] == b.rpartition(":")[2] and not _same(a, b)
        for a in asked
        for b in said
    )


_STANDS_IN_FOR = re.compile(r"代行([\u4e00-\u9fff]{1,6}?)职(?:务|权)")  # 「由其他副区长代行区长职务」: whose duties


def stand_in_mismatch(question: str, clause: str) -> bool:
    """The question asks who stands in for a role (「副区长出差谁替他」) and the clause says who stands in for
    another (「…由其他副区长代行区长职务」: the 区长's duties), not for the one asked."""
    said = [r for m in _STANDS_IN_FOR.finditer(normalize(clause)) for r in subject_roles(m.group(1))]
    if not said:  # most clauses: no one stands in for anyone (and the question's roles are not read)
        return False
    asked = subject_roles(question)
    return bool(asked) and not any(_same(a, b) for a in asked for b in said)


# in whose name something is issued: 「以市政府办公室名义」
IN_NAME = re.compile(r"[以用]([\u4e00-\u9fff（）()、]{2,16}?)(?:的)?名义")


# a government (or its office) issuing, said without 名义 (「市政府发文」, 「市政府的文件」; not 「报市政府的文件」)
_ISSUING = re.compile(r"(?<![报向给送呈至到市区县])([市区县]?(?:人民)?政府(?:办公室)?)的?(?:发文|文件|公文|发的文)")
# … said without 以 (「市政府办名义的发文」): a government or its office
_GOVERNMENT_NAME = re.compile(r"([市区县]?(?:人民)?政府(?:办公室|办)?)的?名义")


def _issuers(text: str) -> list[str]:
    """In whose name a text issues something: 「以市政府或者市政府办公室名义印发」 → 市政府, 市政府办公室; the
    office said short (市政府办) as the rules name it."""
    said = normalize(text)
    named = [a for m in IN_NAME.finditer(said) for a in re.split(r"或者|或|、|和|及", m.group(1)) if a]
    named = named or [m.group(1) for m in _GOVERNMENT_NAME.finditer(said)]
    return [re.sub(r"政府办$", "政府办公室", a) for a in named]


def _issuer_asked(question: str, clause: str) -> tuple[str, list[str]] | None:
    """The one body in whose name the question asks about what is issued, and those the clause names, both
    without their level (「以政府名义」 asked of every place: the government at whatever level); None when the
    question asks of no single issuer or the clause names none."""
    if "名义" not in clause or question.count("名义") > 1:
        return None
    # 「以办公室名义发文」: the government's office, as the rules say it (以市政府办公室名义); 「市政府发文」,
    # 「市政府的文件」: what the government itself issues
    named = _issuers(question) if "名义" in question else [m.group(1) for m in _ISSUING.finditer(normalize(question))]
    asked = [_unleveled(a) if a != "办公室" else "政府办公室" for a in named]
    said = [_unleveled(a) for a in _issuers(clause)]
    return (asked[0], said) if len(asked) == 1 and said else None


def issuer_mismatch(question: str, clause: str) -> bool:
    """The question asks about what is issued in one body's name (「以市政府名义发文」) and the clause is
    about another's whose name begins alike (「以市政府办公室名义发文」), or the other way round."""
    if (issuers := _issuer_asked(question, clause)) is None:
        return False
    asked, said = issuers
    return asked not in said and any(a.startswith(asked) or asked.startswith(a) for a in said)


def issuer_matches(question: str, clause: str) -> bool:
    """The clause is about what is issued in the one body's name the question asks about (「以区政府名义发文，
    …由区长签发」 for 「以区政府名义的文件」)."""
    issuers = _issuer_asked(question, clause)
    return issuers is not None and issuers[0] in issuers[1]


def _unleveled(issuer: str) -> str:
    """「市政府办公室」 → 「政府办公室」: an issuer without its level."""
    return re.sub(r"^[市区县](?=(?:人民)?政府)", "", issuer)


# 「专题会的会议材料都是市政府办公室起草的吧」, 「常务会是区委书记主持的吧」: a yes/no question that names who it
# supposes does something asks who does it; the one named is the guess to be checked, not what to search for
_GUESSED_DOER = re.compile(
    rf"(?:都是|就是|是|由)(?P<who>[\u4e00-\u9fff]{{2,8}}?)(?:亲自|来|去|负责|在)?(?:{DOINGS})"
    r"[\u4e00-\u9fff]{0,4}?的?(?:吧|吗|嘛|么|对吧|是吧|对不对|是不是)[？?！!。]*$"
)
# 「公文分管副县长签发就行了吧」: the one said to be enough to do it is the guess, as well
_SUFFICING_DOER = re.compile(
    rf"(?P<who>(?:分管的?|主管的?)?(?:{ROLE.pattern}))(?:来|去|负责)?(?:{DOINGS})[\u4e00-\u9fff]{{0,2}}?(?:一下)?的?"
    r"(?:就行|就可以|就够|也行|行不行|可不可以)"
)
_BODY = re.compile(r"(?:办公室|部门|单位|机关|政府|机构|[局委办厅处科])$")


def doer_unguessed(question: str) -> str | None:
    """``question`` with the doer it supposes said as 谁 (「…都是谁起草的吧」), when it names one (a role or a
    body, before a doing); else None."""
    q = normalize(question)
    m = _GUESSED_DOER.search(q)
    if m is None or not (ROLE.search(m.group("who")) or _BODY.search(m.group("who"))):
        m = _SUFFICING_DOER.search(q)
    if m is None:
        return None
    return q[: m.start("who")] + "谁" + q[m.end("who") :]
