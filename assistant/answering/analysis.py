"""Question analysis: what kind of answer is wanted, and the question as weighted term groups.

A question becomes groups of alternatives (a word, or a colloquial phrase with the terms the
rules use for it). Each group weighs its specificity: log(1 + N / (1 + df)), df = articles
containing it (``TermStats``). A term that no article contains weighs the most — it is usually
the very thing asked about, and its absence is why the rules do not answer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from assistant.answering.kinds import Kinds
from assistant.answering.quantities import AS_NEEDED, BOUNDS, asked_span, asked_unit, checked, checks
from assistant.answering.roles import ROLE
from assistant.models import Article
from assistant.retrieval.lexicon import ASKED_PERSON, found_in, leaving_words, synonyms
from assistant.retrieval.tokenizer import STOPWORDS, Tokenizer
from assistant.textnorm import normalize

# What kind of answer the question wants, and what such an answer looks like in a clause.
# A role or body by its form, not by a list of titles: a word ending in a head that names one
# (县长, 常务副市长, 办公室主任, 分管领导同志, 会议主持人, 司法局 …), so new jurisdictions' titles count too.
_ROLE = r"([\u4e00-\u9fff]{0,6}?(长|主任|书记|同志|负责人|主持人|召集人|领导|委员|主席|部门|办公室|机构|单位|局|厅))"
# 不 negating what follows, not the A-not-A asking (能不能, 要不要, 可不可以); the modals it negates
_NEGATED = "(?<![能要可是让准行])不"
_NEGATED_MODALS = "得|能|准|许|可|要|用|必|宜"
# Words that only ask whether a doing is limited (no rule says 「限制」 or 「门槛」; it says 不得, 不超过, 方可)
_ASKS_LIMIT = "限制|限定|门槛|红线|禁区"
# Words that ask whether a meeting may be held outside its schedule (the rules say 随时, 适时, 根据需要)
_ASKS_UNSCHEDULED = r"(?:临时|随时|额外|另外)(?:召|加)?开|加开|(?:别的|其他|其余)时[候间][^，。？?]{0,4}开"
_URGENT = r"急事|紧急(?:情况|事项|的事)?|突发(?:情况|事件)?"
QUESTION_TYPES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "who": (
        # 「报哪」, 「交给哪儿」: where a thing goes is a body too
        re.compile(r"谁|哪个部门|哪些人|哪位|什么人|哪个机构|哪个单位|由哪|(?:报|交|送|找)(?:给|到)?哪"),
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
    # to whom (「请假找谁」, 「向谁报告」, 「报给哪」): a clause naming the one turned to (向…, 报…) answers it,
    # not one that only says who must do it (「…负责同志应当…参加…，原则上不应请假」)
    "recipient": (
        re.compile(r"(?:找|向|跟|给|报给?|交给?|送给?)(?:谁|哪)"),
        re.compile(rf"(?:向|报|找|交|送|呈)(?:给|经)?[^，。；,;]{{0,14}}{_ROLE}"),
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
        re.compile(rf"{_ASKS_LIMIT}|约束|不许|管控|卡得"),
        re.compile(r"不得|严禁|禁止|不准|不能|未经|从严|严格控制|一律不|不再|不超过|以内|以上|至少|方可"),
    ),
    # a meeting held outside its schedule (「有急事能不能临时开」, 「别的时候还能开吗」): the clause that says it
    # may be held as needed (如有需要可随时召开, 根据需要适时召开) answers it
    "unscheduled": (
        re.compile(_ASKS_UNSCHEDULED),
        re.compile(rf"{AS_NEEDED}|如有需要|如遇|可随时"),
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
_NOT_ALLOWED = re.compile(rf"{_NEGATED}(?:{_NEGATED_MODALS})")
_CHECKED_ROLE = re.compile(f"是({ROLE.pattern})")
# A clause that lacks these cues cannot answer the question, however many of its words it shares.
STRICT_TYPES = frozenset({"number", "condition", "negative"})

# Words that set the scope of a comparison across jurisdictions (not what is asked about).
# A yes/no question's asking words: the A-not-A form (能不能, 要不要, 可不可以, 是不是) and its synonyms.
ASKS_YES_NO = re.compile(r"([\u4e00-\u9fff])不\1|有没有|是否|能否|可否")
# Words that ask for an enumeration (哪些事, 哪几种, 都研究些啥, 包括什么): the answer is the whole list.
ASKS_LIST = re.compile(
    r"哪些|哪几|(?:有|包括|包含)(?:哪些|些)?(?:什么|啥)|(?:什么|啥)事|都(?:干|做|讨论|研究|管|负责)些?(?:啥|什么)"
)
# Words that ask about every place in the knowledge base, whatever jurisdiction is chosen.
EVERY_PLACE = re.compile(
    r"各地|各市|各个地方|几个地方|[两三四五]地|[两三四五]个地方|所有地方|每个地方|哪个(?:地方|地区|城市)|哪(?:些|几个)地区"
)
SCOPE_WORDS = re.compile(
    r"各地|各市|各区|各个地方|几个地方|哪些地方|哪个(?:地方|地区|城市)|哪(?:些|几个)地区|几地|[两三四五]地|[两三四五]个地方|分别|各自|各有|都是|"
    r"有什么不同|有何不同|有啥不同|有什么区别|有啥区别|区别|差别|异同|不一样|一样吗|相同吗|对比|比较一下|比较"
)
# Colloquial fillers that are not in the stopword list used for BM25.
_FILLERS = frozenset(
    [
        "哪些地方",
        "什么地方",
        "哪些方面",
        "什么方面",
        "哪方面",
        "哪些事",
        "什么事",
        "啥",
        "咋",
        "咋办",
        "嘛",
        "呀",
        "哪儿",
        "哪里",
        "要不要",
        "能",
        "行",
        "不行",
        "可不可以",
        "到底",
        "究竟",
        "一共",
        "总共",
        "怎么办",
        "必须",
        "么",
        "哪位",
        "谁来",
        "谁负责",
        "情况",
        "时候",
        "事情",
        "东西",
        "方面",
        "问题",
        "现在",
        "目前",
        "具体",
        "规定",
        "要求",
        "一次",
        "几",
        "之内",
        "分别",
        "各自",
        "两地",
        "有啥",
        "什么样",
        "限制",
    ]
)
_DIGITS = re.compile(r"^\d+$")
_ASKING_WORD = re.compile(r"谁|啥|什么|哪|咋")
# jieba POS classes that never name a topic: numeral, pronoun, adverb, preposition, conjunction,
# particles, classifier, locality. Modal-led pairs ("能报", "可发") are fragments too.
_FUNCTION_TAGS = frozenset({"m", "mq", "r", "rr", "rz", "d", "p", "c", "u", "uj", "ul", "uz", "y", "q", "f"})
_MODALS = frozenset("能可要应会该得想")


# 「哪几个人」, 「哪几种情况」, 「哪几类事」: which ones (哪些), not how many
_WHICH_ONES = re.compile(r"哪几(?:个|位|种|类|项|条|件|样)?")


def question_types(question: str) -> tuple[str, ...]:
    q = _WHICH_ONES.sub("哪些", question)
    return tuple(t for t, (asks, _) in QUESTION_TYPES.items() if asks.search(q))


# The doing a who-question asks the doer of: 「专题会谁主持」 → 主持, 「纪要由谁签」 → 签, 「谁来汇报」 → 汇报.
_WHO_DOES = re.compile(r"谁(?:来|去|负责|能|可以|可|应该|应|要|会|都|又|先)?([\u4e00-\u9fff]{1,2})")
_NOT_DOING = frozenset("的呢啊呀吗是在有")


def asked_doing(question: str) -> str | None:
    """The verb whose doer a who-question asks (None: not one of these)."""
    m = _WHO_DOES.search(question)
    return m.group(1) if m and m.group(1)[0] not in _NOT_DOING else None


def done_by_role(unit: str, doing: str) -> bool:
    """Whether ``unit`` says who does ``doing``, rather than naming it only in a modifier of something
    else: 「纪要由主持召开会议的领导同志签发」 says who signs, not who chairs (主持 qualifies 领导同志)."""
    for m in re.finditer(re.escape(doing), unit):
        attributive = re.match(r"[^，。；,;、]{0,8}?的", unit[m.end() :])
        if not attributive or re.search(rf"{_ROLE}$", unit[: m.start()]):
            return True
    return False


@dataclass(frozen=True)
class Group:
    alternatives: tuple[str, ...]
    weight: float
    noun: bool = False  # a thing asked about (jieba POS n…/vn); only nouns can be "unknown"

    def found(self, normalized: str) -> bool:
        """Whether any alternative occurs in ``normalized`` (text passed through ``normalize``); a unit of
        measure alone (字) only after a number: 「1500字」 says how many characters, 「题字」 does not."""
        return any(
            (_COUNTED_IN[a].search(normalized) is not None) if a in _COUNTED_IN else a in normalized
            for a in self.alternatives
        )


# Units of measure that stand alone as a group's alternative (「字数」 → 字): found only as a count
_COUNTED_IN = {"字": re.compile(r"[0-9０-９一二三四五六七八九十百千万]\s*字")}


# A time asked for, counted from an event just before the asking: 「会后多长时间内」, 「会前几天」
# (not 提前, which asks how far ahead: the lead time's own word)
_ANCHORED = re.compile(r"((?!提)[\u4e00-\u9fff][前后])$")
# Directional complements (出来, 上去, 回来 …): 「印出来」 is 印 done to completion, 「报上去」 is 报 upwards
_DIRECTIONAL = re.compile(r"[上下进出回过起开][来去]$|(?<=.)给$")  # 印出来, 报上去; 租给, 交给 (to whom)
_MIN_EXPANSION_DF = 3  # an expansion is a word of the rules, not a chance sequence of characters


class TermStats:
    """Document frequencies of terms over the articles (document title + text), computed lazily."""

    def __init__(self, articles: list[Article]) -> None:
        self.texts = [normalize(f"{a.document}{a.text}") for a in articles]
        self.cities = [a.city for a in articles]
        self.n = len(self.texts)
        self._df: dict[str, int] = {}
        self._in_city: dict[tuple[str, str], bool] = {}
        self._expansion: dict[str, tuple[str, ...]] = {}

    def in_city(self, term: str, city: str) -> bool:
        """Whether some article of ``city`` contains ``term``."""
        key = (term, city)
        if key not in self._in_city:
            self._in_city[key] = any(term in t for t, c in zip(self.texts, self.cities, strict=True) if c == city)
        return self._in_city[key]

    def df(self, term: str) -> int:
        if term not in self._df:
            self._df[term] = sum(1 for t in self.texts if term in t)
        return self._df[term]

    def weight(self, term: str) -> float:
        return math.log(1 + self.n / (1 + self.df(term)))

    def known_parts(self, term: str) -> tuple[str, ...]:
        """For a word no article contains, its longest ending that some do: 「下基层」 → 「基层」.

        Only an ending: a Chinese compound's head comes last, so 「会议室」 is no 「会议」 and
        「公务车」 no 「公务」, while 「下基层」 is still about 「基层」.
        """
        if len(term) < 3 or self.df(term) > 0:
            return ()
        return next(((term[i:],) for i in range(1, len(term) - 1) if self.df(term[i:]) > 0), ())

    def expansion(self, term: str) -> tuple[str, ...]:
        """For a word no article contains, the word of the rules it abbreviates: its characters in order,
        with at most two others between each (「市府」 → 「市政府」, 「会签件」 → 「会签文件」), the spelling
        most articles have when at least ``_MIN_EXPANSION_DF`` do. Chinese abbreviates by keeping
        characters of the full name, first and last among them."""
        if term not in self._expansion:
            self._expansion[term] = self._expand(term)
        return self._expansion[term]

    def _expand(self, term: str) -> tuple[str, ...]:
        if len(term) < 2 or self.df(term) > 0 or not all("\u4e00" <= c <= "\u9fff" for c in term):
            return ()
        gap = "[\u4e00-\u9fff]{0,2}"
        pattern = re.compile(gap.join(re.escape(c) for c in term))
        counts: dict[str, int] = {}
        for text in self.texts:
            for m in set(pattern.findall(text)):
                counts[m] = counts.get(m, 0) + 1
        best = max(counts.items(), key=lambda kv: (kv[1], -len(kv[0])), default=("", 0))
        return (best[0],) if best[1] >= _MIN_EXPANSION_DF else ()

    def verb_of(self, word: str) -> tuple[str, ...]:
        """For a verb no article contains, its verb without the directional complement or the 给 (to whom) after
        it (closed classes of Chinese grammar): 「印出来」 → 「印」, 「报上去」 → 「报」, 「租给」 → 「租」, when the rules
        have that verb."""
        m = _DIRECTIONAL.search(word)
        if m is None or m.start() == 0 or self.df(word) > 0 or self.df(word[: m.start()]) == 0:
            return ()
        return (word[: m.start()],)

    def unknown(self, group: Group) -> bool:
        """A noun group that no article contains."""
        return group.noun and all(self.df(a) == 0 for a in group.alternatives)


# Cannot attend, said colloquially: a verb of coming or attending with 不了 / 不成, or 不能来
_CANNOT_ATTEND = re.compile(r"(?:参加|出席|参会|到会|与会|来|去|到|赶)(?:不了|不成)|不能(?:来|去|到会|参会)")
_ABSENT_AS_RULES_SAY = ("不能出席", "不能参加", "不能到会", "请假", "缺席")
_SUPPOSING_AFTER = re.compile(r"[的了]*(?:的话|的时候)")
_SUPPOSING_BEFORE = re.compile(r"(?:如果|要是|假如|万一|倘若)[^，,。；;]*$")


# A head of government before a meeting's name is part of the name: 「市长办公会」 is the rules' 市长办公会议
_HEAD_BEFORE = re.compile(r"[市区县镇乡]长$")


def _headed(q: str, meeting: str) -> str:
    """``meeting`` as ``q`` names it, with the head in front of it (「市长办公会」, not 市长 asked about)."""
    head = _HEAD_BEFORE.search(q[: q.find(meeting)])
    return head.group(0) + meeting if head else meeting


def _asking_quantity(q: str) -> list[str]:
    """The words of normalized ``q`` that ask for a quantity or check one (not topic words)."""
    span = asked_span(q)
    intents = [q[span[0] : span[1]]] if span else []  # the words that ask for a quantity
    if span and (anchor := _ANCHORED.search(q, 0, span[0])):
        intents.append(anchor.group(1))  # 「会后多长时间内」: when the time is counted from is the asking too
    intents += [m.group(0) for m in BOUNDS.finditer(q)] if span else []  # 「上限」, 「至少」: its bound
    intents += checked(q)  # 「是不是每两周开一次」: 每两周 is the value checked, not a topic
    if checks(q):  # 「以办公室名义发文是区长签发吗」: 区长 is the one checked, the answer may name another
        intents += [m.group(1) for m in _CHECKED_ROLE.finditer(q)]
    return intents


def _asking_words(q: str) -> list[str]:
    """The other words of normalized ``q`` that say how it asks or where, not what about."""
    intents = [m.group(0) for m in SCOPE_WORDS.finditer(q)]  # 各地, 分别, 有什么不同: scope, not topic
    intents += [m.group(0) for m in ASKS_YES_NO.finditer(q)]  # 能不能, 要不要, 是否: the asking, not topic
    intents += [m.group(0) for m in _NOT_ALLOWED.finditer(q)]  # 不能, 不得: what the clause must negate
    intents += re.findall(_ASKS_LIMIT, q)  # 「有没有门槛」: the asking for a limit, not a topic
    if unscheduled := re.findall(_ASKS_UNSCHEDULED, q):  # 「能不能临时开」: the asking, not a topic
        # and the urgency it is for (「碰上急事」); 随时 is the rules' own word, a topic word still
        intents += [u for u in unscheduled if "随时" not in u] + re.findall(_URGENT, q)
    # 「哪些领导」, 「什么人」: the asking says a person is wanted; the word is the answer's type, not a topic
    intents += [m.group(0) for m in ASKED_PERSON.finditer(q)]
    return intents


class QuestionAnalyzer:
    """Turns a question into weighted term groups; ``groups`` is cached per question."""

    def __init__(
        self,
        stats: TermStats,
        tokenizer: Tokenizer,
        places: set[str] | None = None,
        kinds: Kinds | None = None,
        leaving: tuple[str, ...] | None = None,
    ) -> None:
        self.stats = stats
        self.tokenizer = tokenizer
        self.places = frozenset(places or ())
        self.kinds = kinds or Kinds(frozenset(), {})  # meeting kinds of the knowledge base
        # 离咸, 离同: the rules' words for being away (the index's, when it is given; else mined here)
        self.leaving = leaving if leaving is not None else leaving_words(stats.texts)
        # The reranker and the answerer both need a question's groups, once per city in scope.
        self.groups = lru_cache(maxsize=1024)(self._groups)

    def own_words(self, question: str) -> str:
        """What ``question`` names, whether or not a term group can be made of it: its words without the
        asking, stopwords, fillers and function words (「年假怎么休」 → 「假休」, though no group is made of
        年假; 「有急事能不能临时开一次」 → 「」: it only asks, of what was talked about)."""
        q = normalize(question)
        for asking in sorted(_asking_quantity(q) + _asking_words(q), key=len, reverse=True):
            q = q.replace(asking, "，")
        return "".join(
            tok
            for tok, flag in self.tokenizer.tagged(q)
            if any(c.isalnum() for c in tok)
            and tok not in STOPWORDS
            and tok not in _FILLERS
            and flag not in _FUNCTION_TAGS
            and not _ASKING_WORD.search(tok)
        )

    def _skip(self, tok: str, q: str, phrases: list[str], intents: list[str]) -> bool:
        return (
            len(tok) < 2
            or tok in self.places
            or any(tok in p or p in tok for p in self.places if len(p) >= 2 and len(tok) >= 2 and p in q)
            or tok in STOPWORDS
            or tok in _FILLERS
            or bool(_DIGITS.match(tok) and len(tok) < 3)
            or not any(c.isalnum() for c in tok)
            or bool(_ASKING_WORD.search(tok))  # 「归谁」, 「干啥」: jieba joins the asking to a word
            or any(tok in p or p in tok for p in phrases)
            or any(tok in p or p in tok for p in intents)
        )

    def _inside_a_word(self, phrase: str, alts: tuple[str, ...], words: list[str]) -> bool:
        """A one-character phrase (签) that is part of another word of the rules in the question (会签): that
        word is what is asked about, not the phrase's sense (签发)."""
        return len(phrase) == 1 and any(
            len(w) > 1 and phrase in w and w not in alts and self.stats.df(w) > 0 for w in words
        )

    def _words(self, q: str) -> Iterator[tuple[str, str]]:
        """The question's tagged words; a word jieba made up (its HMM joins characters its dictionary lacks)
        that no article contains, nor abbreviates a word of one, is read as dictionary words instead:
        「我们局能以…」 is 局 + 能, not 局能."""
        for tok, flag in self.tokenizer.tagged(q):
            if (
                len(tok) > 1
                and self.stats.df(tok) == 0
                and not self.tokenizer.in_dictionary(tok)
                and not self.stats.expansion(tok)
            ):
                yield from self.tokenizer.tagged(tok, new_words=False)
            else:
                yield tok, flag

    def _groups(self, question: str) -> tuple[Group, ...]:
        q = normalize(question)
        intents = _asking_quantity(q)
        # 「一个月开几次」: a phrase inside the words that ask for a quantity is the asking, not the topic.
        tagged = list(self._words(q))  # read once: for the phrases inside a word, then word by word
        words = [tok for tok, _ in tagged]
        phrases = [
            (p, alts)
            for p, alts in found_in(q, synonyms(False, self.leaving))
            if not any(p in i for i in intents) and not self._inside_a_word(p, alts, words)
        ]
        # 「常务会」 is the 常务会议 (kinds mined from the rules), not 常务 (of 常务副市长) and 会
        meetings = [_headed(q, m) for m in self.kinds.short_names(q) if not any(m in p for p, _ in phrases)]
        phrases += [(m, ()) for m in meetings]
        # 「来不了」, 「去不成」: cannot attend, in the rules' words (「不能出席」, 「请假」); not in a case supposed
        # (「市长来不了的话，常务会谁主持」 is answered by who is delegated, which says nothing of absence)
        phrases += [
            (m.group(0), _ABSENT_AS_RULES_SAY)
            for m in _CANNOT_ATTEND.finditer(q)
            if not any(m.group(0) in p or p in m.group(0) for p, _ in phrases)
            and not _SUPPOSING_AFTER.match(q, m.end())
            and not _SUPPOSING_BEFORE.search(q[: m.start()])
        ]
        intents += _asking_words(q)
        groups: list[tuple[str, ...]] = [(p, *alts) for p, alts in phrases]
        phrase_words = [p for p, _ in phrases]
        nouns = set(meetings)
        function_words = set()
        unit, at = asked_unit(q), 0
        for tok, flag in tagged:
            start = q.find(tok, at)
            at = start + len(tok) if start >= 0 else at
            if unit and len(tok) > 1 and tok[0] == unit[0] and q[:start].endswith(("多少", "几")):
                continue  # 「多少人才能开」 is 多少人 + 才, not 人才: the unit asked in, glued to the next word
            tok = tok.strip()
            if flag.startswith("n") or flag == "vn":
                nouns.add(tok)
            if flag in _FUNCTION_TAGS or (len(tok) == 2 and tok[0] in _MODALS):
                function_words.add(tok)
            if not self._skip(tok, q, phrase_words, intents):
                alike = (
                    (self.stats.known_parts(tok) or self.stats.expansion(tok))
                    if flag.startswith("n")
                    else self.stats.verb_of(tok)
                    if flag.startswith("v")
                    else ()  # not 「接下来」 (next), an idiom
                )
                groups.append((tok, *alike))
        out: list[Group] = []
        for alts in dict.fromkeys(groups):
            known = [self.stats.weight(a) for a in alts if self.stats.df(a) > 0]
            if not known and len(alts) == 1 and (alts[0] in function_words or alts[0] not in nouns):
                continue  # "几种", "能报", "新版", "开饭": no article has it, and only a noun names a topic
            weight = max(known) if known else self.stats.weight(alts[0])
            out.append(Group(alts, weight, noun=alts[0] in nouns and (len(alts) == 1 or alts[0] not in phrase_words)))
        return tuple(out)
