"""What a question asks: the kind of answer it wants (who, a number, how, a condition, yes or no …) and
what such an answer looks like in a clause, and the words that only ask (能不能, 各地, 哪些).

Read by the analyzer (those words are not topics), the clause scorer (the wanted type's cues) and the
drafter; pure patterns and functions over text, by the form of the words, not by lists of questions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answering.quantities import AS_NEEDED, ITEMS_COUNTED, asked, definite
from assistant.retrieval.tokenizer import default_tokenizer
from assistant.textnorm import normalize

# What kind of answer the question wants, and what such an answer looks like in a clause.
# A role or body by its form, not by a list of titles: a word ending in a head that names one
# (县长, 常务副市长, 办公室主任, 分管领导同志, 会议主持人, 司法局 …), so new jurisdictions' titles count too.
_ROLE = r"([\u4e00-\u9fff]{0,6}?(长|主任|书记|同志|负责人|主持人|召集人|领导|委员|主席|部门|办公室|机构|单位|局|厅))"
# 不 negating what follows, not the A-not-A asking (能不能, 要不要, 可不可以); the modals it negates
_NEGATED = "(?<![能要可是让准行])不"
_NEGATED_MODALS = "得|能|准|许|可|要|用|必|宜"
# Words that only ask whether a doing is limited (no rule says 「限制」 or 「门槛」; it says 不得, 不超过, 方可)
ASKS_LIMIT = "限制|限定|门槛|红线|禁区"
# Words that ask whether a meeting may be held outside its schedule (the rules say 随时, 适时, 根据需要)
ASKS_UNSCHEDULED = r"(?:临时|随时|额外|另外)(?:召|加)?开|加开|(?:再|多)(?:召)?开一?[次回场个]|(?:别的|其他|其余)时[候间][^，。？?]{0,4}开"
URGENT = r"急事|紧急(?:情况|事项|的事)?|突发(?:情况|事件)?"
# What kind of thing something is, asked (「常务会是个啥性质的会」, 「属于什么会议」, 「定位是啥」): the asking, not a topic
# (not 「算什么」 alone: 「过期不回算啥」, 「一把手算什么责任人」 ask what a case or a person counts as)
ASKS_KIND = (
    r"(?:(?:属于|算是?)(?:个|一个)?)?(?:什么|啥|何种|哪种)性质|性质(?:上|是)|属于(?:个|一个)?(?:什么|啥|哪种|哪类|哪一类)"
    r"|定位(?:是)?(?:什么|啥)"
)
# Who a body or meeting is made up of, asked (「由哪些人组成」, 「组成人员有哪些」, 「成员都有谁」, 「怎么组成」)
ASKS_COMPOSITION = (
    r"(?:由|是)?(?:哪些|哪几个?|什么|谁|啥)(?:人|人员|单位|部门)?(?:来)?组成"
    r"|(?:组成人员|成员)(?:都|包括|主要)?(?:有|是)?(?:哪些|谁|什么人|啥人)"
    r"|(?:怎么|如何|怎样)组成"
    # the members compared (「组成人员一样吗」, 「成员有什么不同」): who they are, in each place
    r"|(?:组成人员|成员)(?:都|是否|是不是)?(?:一样|相同|不同|有(?:什么|啥|何)(?:不同|区别|差别))"
)
QUESTION_TYPES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "who": (
        # 「报哪」, 「交给哪儿」: where a thing goes is a body too
        # 「组成人员有啥」, 「成员是哪些」: the persons asked for are who
        re.compile(
            r"谁|哪个部门|哪些人|哪位|什么人|哪个机构|哪个单位|由哪|(?:报|交|送|找)(?:给|到)?哪"
            r"|(?:人员|成员)(?:上|方面)?(?:都|分别|各自)?(?:有|是|包括)(?:哪些|啥|什么)"  # 「在组成人员上有啥…」
            # … not what they must keep to (「参会人员有什么纪律要求」 asks the requirements)
            r"(?!的?(?:纪律|要求|规定|规矩|义务|职责|任务|条件|责任|注意|讲究|限制))"
        ),
        re.compile(
            rf"(由|经|报|委托|向|授权)[^，。；,;]{{0,14}}{_ROLE}|{_ROLE}[^，。；,;]{{0,12}}"
            r"(签发|签署|审签|签|主持|召开|召集|负责|审核|审批|审定|确定|提出|起草|请假|参加|组成)"
        ),
    ),
    "number": (
        re.compile(r"几|多少|多久|多长|什么时候|何时|时限|期限|频次|数量|字数"),
        re.compile(
            r"[0-9０-９]|[一二两三四五六七八九十半]+\s*(个|次|日|天|年|月|周|字|种|分钟)|每(月|年|周|两周|半年)|两个月|"
            r"半数|过半|[一二三四五六七八九十]+分之[一二三四五六七八九十]+|"  # shares: 半数以上, 三分之二以上
            r"之日起|起施行|即日|期间|以前|以后|会前|会后|事先|提前|及时"  # "when": not always a number
            rf"|{AS_NEEDED}"  # "how often": as needed
        ),
    ),
    "how": (
        re.compile(r"怎么|如何|怎样|流程|程序|手续|咋"),
        # procedure, not mere obligation (应当/须 say that, not how)
        re.compile(
            r"手续|程序|审批|审核|报送|报备|报批|报请|提交|会签|协商|备案|附|列明|"
            r"向[^，。；,;]{1,12}(请假|报告|报送|报备|请示)|由[^，。；,;]{1,14}(负责|审核|签发|确定|协调|决定)|"
            r"经[^，。；,;]{1,16}(讨论|审议|批准|同意|决定|审核)"
        ),
    ),
    "condition": (
        re.compile(r"什么情况|哪些情况|什么情形|哪些情形|什么原因|何种情况|什么条件|例外|除外"),
        re.compile(r"除.{0,60}外|情形|情况下|原因|如有|特殊情况|确需"),
    ),
    "yesno": (
        re.compile(r"吗|能否|可否|是否|能不能|可不可以|行不行|让不让"),
        re.compile(r"不得|严禁|一律|不|可以|可|须|应"),
    ),
    # whether something may be done (「能不能请…来」, 「可以…吗」): a clause that permits or forbids answers it,
    # rather than one that only says what is to be done (「应提前10个工作日…报送请示」)
    "permission": (
        re.compile(r"能不能|可不可以|能否|可否|让不让|准不准|行不行|允许|(?:能|可以)[^，。？?]{1,16}吗"),
        re.compile(r"不得|严禁|禁止|不准|不能|不宜|不越|未经|可以|可(?!能)|允许|一律|除[^，。；]{0,40}外"),
    ),
    # to whom (「请假找谁」, 「向谁报告」, 「报给哪」, 「对谁负责」): a clause naming the one turned to (向…, 报…) answers it,
    # not one that only says who must do it (「…负责同志应当…参加…，原则上不应请假」)
    "recipient": (
        re.compile(r"(?:找|向|跟|给|对|报给?|交给?|送给?)(?:谁|哪)"),  # 对谁负责: to whom it answers
        re.compile(
            rf"(?:向|报|找|交|送|呈)(?:给|经)?[^，。；,;]{{0,14}}{_ROLE}|对[^，。；,;]{{0,14}}(?:{_ROLE}|政府|机关)负责"
        ),
    ),
    # what someone or something is for (「全体会主要干啥」, 「办公室主任负责什么」, 「副秘书长的职责是什么」):
    # a clause that says its tasks or duties answers it, not the one on who makes it up
    "duty": (
        re.compile(
            r"(?:(?<=主要)|(?<![要还得再该需]))(?:干|做|管|搞)(?:些?(?:啥|什么|嘛)|哪些事|哪几类事)"
            r"|(?:任务|职责|职能|作用)(?:是|有)?(?:啥|什么|哪些)"
            r"|(?:负责|研究|讨论|审议)些?(?:啥|什么|哪些)"
        ),
        re.compile(r"主要任务|任务是|职责|职能|负责(?!人|同志)|研究|讨论|决定|部署|审议|协助|处理"),
    ),
    # what limits a doing (「督查有啥限制」, 「有没有门槛」, 「有什么红线」): a clause that forbids, caps or
    # requires approval answers it, not the one that says what the doing is for
    "limit": (
        re.compile(rf"{ASKS_LIMIT}|约束|不许|管控|卡得"),
        # (a count capped with 只: 「每个部门原则上只向市政府报送1种简报」)
        re.compile(
            r"不得|严禁|禁止|不准|不能|未经|从严|严格控制|一律不|不再|不超过|以内|以上|至少|方可"
            r"|只[^，。；,;]{0,10}?[0-9一二两三四五六七八九十]+\s*[种个项件份名次]"
        ),
    ),
    # a meeting held outside its schedule (「有急事能不能临时开」, 「别的时候还能开吗」): the clause that says it
    # may be held as needed (如有需要可随时召开, 根据需要适时召开) answers it
    "unscheduled": (
        re.compile(ASKS_UNSCHEDULED),
        re.compile(rf"{AS_NEEDED}|如有需要|如遇|可随时"),
    ),
    # who stands in for someone away (「副市长出差了，他分管的事谁来顶」, 「副区长出差谁补位」, 「他的活谁来干」): the clause
    # that names a stand-in (代行, 代为处理, 补位, 缺位代理, AB角) answers it, not the one on asking leave
    "standin": (
        re.compile(
            # (not 「谁代行」: the rules' own word, matched as a word of the question)
            r"谁(?:来|去)?(?:顶|替|补位|接手|接管|代(?:签|批|管|办|审))|(?:顶替|顶班|补位)(?:的)?(?:是)?谁"
            # (「他手上的工作有人接吗」, 「他分管的活谁来弄」: 弄, 搞 are the colloquial doing of anything)
            r"|(?:事|活|工作|职责|担子|摊子)[^，。？?]{0,4}(?:谁|有人|有没有人)(?:来|去)?(?:管|干|做|负责|处理|扛|抓|盯|弄|搞|接)"
        ),
        re.compile(r"代行|代为|补位|缺位代理|AB\s*角|互为|另一位"),
    ),
    # what kind of thing something is (「常务会是个啥性质的会」, 「属于什么会议」, 「定位是啥」): the clause saying what it is
    # (「市政府常务会议是讨论决定市政府重要事项的决策性会议」)
    "kind": (
        re.compile(ASKS_KIND),
        re.compile(r"是[^，。；？：,;:]{2,40}的[^，。；：,;:]{0,8}(?:会议|制度|机制|机构|组织|平台)"),
    ),
    # who a body is made up of: the clause that says it (「由市长、副市长、秘书长组成」), not one that names its
    # members as such (「…通知常务会议组成人员」)
    "composition": (
        re.compile(ASKS_COMPOSITION),
        re.compile(r"由[^，。；]{2,60}(?:组成|构成)|组成(?!人员|部门|单位)"),
    ),
    # a case supposed (「常务副市长也出差了的话」, 「要是市长不在」): the clause that states a case answers it
    "supposing": (
        re.compile(r"的话|的时候|期间|如果|要是|假如|万一|倘若"),
        re.compile(r"^如|如果|如遇|若|倘若|同时|[^，。；,;]{2,12}时[，,]|[^，。；,;]{2,}的[，,]"),
    ),
    # what may not be done or is left out (「哪些事项不列入议题」, 「不能带手机」): a negated doing, not the
    # A-not-A asking (能不能, 要不要) — answered only by a clause that negates, forbids or excepts
    "negative": (
        re.compile(rf"{_NEGATED}(?:{_NEGATED_MODALS}|予|列入|纳入|属于|需|参加|上会)"),
        re.compile(r"不|未|无|禁止|严禁|杜绝|避免|除[^，。；]{0,40}外|免"),
    ),
}
# The negating modal of a question about what may not be done: the asking (「不能」 is no topic word; the
# answering clause may say 不列入, 不得 or 严禁)
NOT_ALLOWED = re.compile(rf"{_NEGATED}(?:{_NEGATED_MODALS})")
# A clause that lacks these cues cannot answer the question, however many of its words it shares (「汇报稿有没有
# 限制」: not 「文件按汇报稿、相关资料两部分准备」).
STRICT_TYPES = frozenset({"number", "condition", "negative", "limit", "standin", "kind"})

# Words that set the scope of a comparison across jurisdictions (not what is asked about).
# A yes/no question's asking words: the A-not-A form (能不能, 要不要, 可不可以, 是不是) and its synonyms.
ASKS_YES_NO = re.compile(r"([\u4e00-\u9fff])不\1|有没有|是否|能否|可否")
# Words that ask for an enumeration (哪些事, 哪几种, 都研究些啥, 包括什么): the answer is the whole list.
ASKS_LIST = re.compile(
    rf"{ITEMS_COUNTED.pattern}|哪些|哪几|(?:有|包括|包含)(?:哪些|些)?(?:什么|啥)|(?:什么|啥)事|都(?:干|做|讨论|研究|管|负责)些?(?:啥|什么)"
)
# Words that ask for the requirements on something (「参会人员有什么纪律要求」, 「要注意哪些」): each rule the
# provision sets, not the first of them
ASKS_REQUIREMENTS = re.compile(
    r"(?:有|是)(?:什么|哪些|啥|些什么|哪几条)(?:具体)?的?[\u4e00-\u9fff]{0,2}?(?:要求|规定|规矩|纪律|注意事项)"
    r"|(?:要|需要|应该|得)(?:注意|遵守)(?:什么|哪些|啥)"
)
# Words that ask about every place in the knowledge base, whatever jurisdiction is chosen.
EVERY_PLACE = re.compile(
    r"各地|各市|各个地方|几个地方|[两三四五]地|[两三四五]个地方|所有地方|每个地方|哪个(?:地方|地区|城市)|哪(?:些|几个)地区"
)
# Whether a rule is one place's alone (「这是不是大同独有的要求」, 「是只有大同这么规定吗」): every place is asked, to
# tell; in the 只有 form the words between must name the place (not 「大同只有市长才能签发吗」)
ONLY_HERE = re.compile(
    r"独有|特有|(?:只有|仅有|就只有)(?P<place>[^，,。；;？?]{2,8}?)(?:这么|这样|才|有|规定|可以|能|要求|对)"
)
# Places beyond any knowledge base of local rules: the whole country or province asked over (「全国哪个城市…」,
# 「全国各地的常务会…」), not a 全国性/全省性 thing the rules name
BEYOND_PLACES = re.compile(
    r"(?:全国|全省|国内|外省)(?:范围内|范围|上)?的?(?:哪|各|所有|其他|别的|多数|大多数)(?:个|些|几个)?"
    r"(?:城市|地方|地区|地|省份|省|市|县|区|政府)"
    r"|(?:全国|国内)(?:的|各级)(?P<kept>[市区县]长|[市区县]?政府)"  # 「全国的市长出差…」: asked of 各地市长
)
# Asking which places have a rule (「几个市里哪个规定了…」, 「哪几个地方规定了…」, 「这几个地方里哪个对…有要求」)
WHICH_PLACE = re.compile(r"哪(?:个|些|几个)(?:地方|地区|城市)|哪(?:个|些|几个)[市区地]?(?=规定|对|有|要求|提|写|的|里)")
# (a place something is sent or taken to is no jurisdiction compared: 「市长出差要报哪些地方」 asks to whom)
SCOPE_WORDS = re.compile(
    r"各地|各市|各区|各个地方|几个地方|(?<![报送交递去到])哪些地方|(?<![报送交递去到])哪个地方|哪个(?:地区|城市)|哪(?:些|几个)地区|几地|[两三四五]地|[两三四五]个地方|分别|各自|各有|都是|"
    r"有什么不同|有何不同|有啥不同|有什么区别|有啥区别|区别|差别|异同|不一样|一样吗|相同吗|对比|比较一下|比较"
)


# What a term means, asked (「常务会议是什么意思」, 「代表啥」, 「什么叫督考合一」): the asking, not a topic
ASKS_MEANING = re.compile(
    r"(?:什么|啥|何)(?:意思|含义|意义)|(?:意思|含义)(?:是|指)?(?:什么|啥)"
    r"|(?:具体)?(?:指|代表|指代)(?:的是)?(?:什么|啥|哪些)|怎么理解|(?:什么|啥)叫|何谓"
)

# Whether places differ is asked (「有什么不同」, 「一样吗」, 「对比一下」)
ASKS_DIFFERENCE = re.compile(r"不同|区别|差别|差异|异同|一样|相同|对比|比较")

# 「哪几个人」, 「哪几种情况」, 「哪几类事」: which ones (哪些), not how many
_WHICH_ONES = re.compile(r"哪几(?:个|位|种|类|项|条|件|样)?")


# 「啥情况下」, 「啥条件」: 啥 is 什么, said day to day (before a noun; 「干啥」, 「为啥」 are matched as said)
_WHAT_SAID = re.compile(r"啥(?=情况|情形|原因|条件|时候|人|事|样)")


# a premise put to be confirmed (「副市长出差不用请假吧」): its 不用 is the claim checked, not a question of what may not
# be done; the clause that decides it may say either (「应事先向市长请假」)
_PREMISE = re.compile(r"吧[？?。！!\s]*$")


def question_types(question: str) -> tuple[str, ...]:
    q = _WHAT_SAID.sub("什么", _WHICH_ONES.sub("哪些", definite(question)))
    premise = _PREMISE.search(q) is not None
    return tuple(
        t
        for t, (asks, _) in QUESTION_TYPES.items()
        if (asks.search(q) and not (premise and t == "negative"))
        or (t == "unscheduled" and urgent_schedule(q))
        # whatever the quantity detector reads as asked (「频率是多少」, 「多久一回」) asks a number
        or (t == "number" and asked(q) is not None)
    )


def urgent_schedule(question: str) -> bool:
    """How often a meeting is held, asked for an urgent case (「临时有急事的话，常务会一个月开几次」): whether it
    may be held outside its schedule, which the clause that says it may be held as needed answers."""
    return asked(question) == "frequency" and re.search(URGENT, question) is not None


# The doing a who-question asks the doer of: 「专题会谁主持」 → 主持, 「纪要由谁签」 → 签, 「谁来汇报」 → 汇报.
# 「哪些人能主持」, 「哪位领导签发」 ask the doer as 谁 does.
_WHO_DOES = re.compile(
    r"(?:谁|哪些人|哪个人|什么人|哪位(?:领导)?|哪个领导|哪些领导)"
    r"(?:来|去|负责|能|可以|可|应该|应|要|会|都|又|先)?([\u4e00-\u9fff]{1,2})"
)
_NOT_DOING = frozenset("的呢啊呀吗是在有")
# 「副秘书长能不能主持专题会」: the doing whose doer a yes/no question asks about
_MAY_DO = re.compile(r"(?:能不能|能否|可不可以|可否|是否可以|可以)(?:来|去)?([\u4e00-\u9fff]{2})")


def asked_doing(question: str) -> str | None:
    """The verb whose doer a who-question asks (None: not one of these)."""
    m = _WHO_DOES.search(question)
    return m.group(1) if m and m.group(1)[0] not in _NOT_DOING else None


def permitted_doing(question: str) -> str | None:
    """The doing a yes/no question asks whether someone may do (「副秘书长能不能主持专题会」 → 主持)."""
    m = _MAY_DO.search(question)
    return m.group(1) if m and m.group(1)[0] not in _NOT_DOING else None


# whether a doing may be done, asked with a bare 能 (「市长不在能委托别人吗」; not 可能, 职能, 功能 …)
_MAY_BARE = re.compile(r"(?<![可职功本智才性技效])能([\u4e00-\u9fff]{2})[^，。？?]{0,6}[吗么]")


def asked_permission(question: str) -> str | None:
    """The doing a yes/no question asks whether may be done: as ``permitted_doing`` reads it, or the two
    characters after a bare 能 (「市长不在能委托别人吗」 → 委托)."""
    if doing := permitted_doing(question):
        return doing
    m = _MAY_BARE.search(question)
    return m.group(1) if m else None


# 「能给企业题词吗」, 「可不可以收礼」: whether something may be done at all
_MAY = re.compile(r"能不能|能否|可不可以|可否|可以|允许|准不准|让不让|(?<![才就])能(?=[^，。？?]{0,10}[吗么嘛])")
_PROHIBITED = r"(?:不得|不准|不许|严禁|禁止|一律不|不)"
_WHETHER_MAY = frozenset({"能不能", "能否", "可不可以", "可否", "准不准", "让不让"})  # ask whether by themselves


def prohibits(question: str, clause: str) -> bool:
    """Whether ``clause`` forbids outright a doing a yes/no question asks may be done: 「不题词、题字、作序」 for
    「市领导能给企业题词吗」 — whatever it would be done for (给企业), it is not done. The doing is a word of two
    or more characters after the asking that the clause says right after a negation (within a list)."""
    m = _MAY.search(question)
    whether = m is not None and (m.group(0) in _WHETHER_MAY or re.search(r"[吗么嘛？?]", question[m.end() :]))
    if not m or not whether:
        return False
    words = [w for w, f in default_tokenizer().tagged(question[m.end() :]) if len(w) >= 2 and f.startswith(("v", "n"))]
    # 「不发贺信」, 「不公开出版著作」: a verb or adverb of up to two characters between; 「不题词、题字」: a list
    between = r"[\u4e00-\u9fff]{0,2}?(?:[^，。；,;！!？?]{0,6}?、)?"
    return any(re.search(rf"{_PROHIBITED}{between}{re.escape(w)}", clause) for w in words)


def done_by_role(unit: str, doing: str) -> bool:
    """Whether ``unit`` says who does ``doing``, rather than naming it only in a modifier of something
    else: 「纪要由主持召开会议的领导同志签发」 says who signs, not who chairs (主持 qualifies 领导同志, a doer);
    「领导同志一般不出席部门的工作会议」 says who does not attend (the 的 is its object's)."""
    for m in re.finditer(re.escape(doing), unit):
        attributive = re.match(rf"[^，。；,;、]{{0,8}}?的{_ROLE}", unit[m.end() :])
        if not attributive or re.search(rf"{_ROLE}$", unit[: m.start()]):
            return True
    return False


# The things a list question asks for, named after its 哪些 (「要听取哪些方面的意见」: 意见)
# (「听哪些人的意见」, 「哪些部门的意见」: whose — the people or bodies listed before it)
_LISTED_THING = re.compile(
    r"哪(?:些|几)(?:(?:人|部门|单位|机关)的|(?:个|种|类|项|方面)?的?)([\u4e00-\u9fff]{1,4}?)(?:[？?。！!，,\s]|呢|吗|$)"
)


# whose things a question asks for, several (「要听哪些人的意见」, 「哪些部门的意见」, 「都要听谁的」): a list of people
# or bodies
_WHOSE_LISTED = re.compile(r"哪(?:些|几)(?:个|类)?(?:人|部门|单位|机关|方面)的|(?:听|听取|征求|征询)谁的|谁的意见")


def asks_whose(question: str) -> bool:
    """Whether ``question`` asks for the people or bodies whose thing it names (「要听哪些人的意见」): a list of
    them, though 哪些人 alone asks who."""
    return _WHOSE_LISTED.search(question) is not None


# 「都要听谁的」, 「要征求谁的意见」: whose 意见 (what one 听 or 征求 of someone), said or not
_HEARD_FROM = re.compile(r"(?:听|听取|征求|征询)谁的([\u4e00-\u9fff]{0,4}?)(?:[？?。！!，,\s]|呢|吗|$)")


@lru_cache(maxsize=1024)
def _listed_thing(question: str) -> str | None:
    m = _LISTED_THING.search(question)
    if m is None and (heard := _HEARD_FROM.search(question)):
        return re.escape(heard.group(1) or "意见")
    return re.escape(m.group(1)) if m else None


def enumerating(question: str, unit: str) -> bool:
    """Whether ``unit`` enumerates the things the list question asks for, right before naming them
    (「…听取市政府参事、专家和社会公众意见」 for 「要听取哪些方面的意见」; not 「广泛听取各方面的意见」)."""
    thing = _listed_thing(question)
    if thing is None:
        return False
    return re.search(rf"、[^，,。；;：:、]{{0,12}}?{thing}", normalize(unit)) is not None


def listing_asked(question: str, unit: str) -> bool:
    """Whether ``unit`` lists three or more of the things the list question asks for, right before naming them
    (「…法治政府、创新政府、廉洁政府和服务型政府」 for 「要建成哪几种政府」), not one word beside another
    (「研究、处理市政府具体事项」 for 「研究哪些事」)."""
    thing = _listed_thing(question)
    if thing is None:
        return False
    items = r"[^，,。；;：:、]{1,12}"
    return re.search(rf"、{items}、[^，,。；;：:、]{{0,16}}?{thing}", normalize(unit)) is not None


# the government's level before a body or post of its own (「市政府咨询委员会」: 咨询委员会)
_LEVEL_BEFORE = re.compile(r"^(?:[市区县]人民政府|[市区县]政府|政府)(?=.{2})")


def named_before(question: str, asking: re.Pattern[str], around: re.Pattern[str]) -> str:
    """What ``question`` names right before its ``asking`` (in the same clause), without the ``around`` words
    between them (「是」, 「都」) and the government's level before it: the body whose members, the post whose
    filling, the term whose meaning is asked (「区政府法律顾问是怎么选聘的」 → 「法律顾问」); "" when not asked."""
    q = normalize(question)
    m = asking.search(q)
    if not m:
        return ""
    before = re.split(r"[，,。？?；;]", q[: m.start()])[-1]
    return _LEVEL_BEFORE.sub("", around.sub("", before))
