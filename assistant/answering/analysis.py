"""Question analysis: the question as weighted term groups (what kind of answer it wants: ``asking``).

A question becomes groups of alternatives (a word, or a colloquial phrase with the terms the
rules use for it). Each group weighs its specificity: log(1 + N / (1 + df)), df = articles
containing it (``TermStats``). A term that no article contains weighs the most — it is usually
the very thing asked about, and its absence is why the rules do not answer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from assistant.answering.asking import (
    ASKS_KIND,
    ASKS_LIMIT,
    ASKS_MEANING,
    ASKS_UNSCHEDULED,
    ASKS_YES_NO,
    NOT_ALLOWED,
    SCOPE_WORDS,
    URGENT,
    urgent_schedule,
)
from assistant.answering.kinds import Kinds
from assistant.answering.modifiers import adverbial, noun_modifiers
from assistant.answering.quantities import BOUNDS, asked_span, asked_unit, checked, checked_length, checked_time, checks
from assistant.answering.roles import ROLE
from assistant.models import Article
from assistant.retrieval.lexicon import ASKED_PERSON, found_in, leaving_words, synonyms
from assistant.retrieval.tokenizer import STOPWORDS, Tokenizer
from assistant.textnorm import normalize

_CHECKED_ROLE = re.compile(f"(?:是|由)({ROLE.pattern})")  # 「…由常务副市长主持，对不对」 too

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
        # prepositions that introduce what is asked about (「关于春天的诗」), and are none of it
        "关于",
        "对于",
        "至于",
    ]
)
_DIGITS = re.compile(r"^\d+$")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z+#.]{2,}")
# English words that only frame a question (「请问 Chaoyang 的全体会议 how often 开一次」) and markup (<img src=…>)
_ENGLISH_FRAME = frozenset(
    """how often what when where which who whom why can could may must should will would the and are does did
    please many much long time times day days ok okay you your i me my we is am be a an to of in on for it this
    that now""".split()  # noqa: SIM905 (a word list)
)
_MARKUP = re.compile(r"<[^<>]*>?|\[/?[A-Za-z_]+\]")  # HTML tags, and chat-template tags ([INST], [/INST])
# a number or pointer with its measure word (「新设一个省」, 「这项工作」): how many or which, not what is asked about
_MEASURED = re.compile(r"^[一这那某][个项名位件种条份]$")
_ASKING_WORD = re.compile(r"谁|啥|什么|哪|咋")
# whose a question is, and nothing more: a government or its office, at any level (区政府, 市政府办公室, 政府)
_NAMED_FOR_ITS_HEAD = re.compile(r"[市区县]长办公会")  # a meeting named for the government's head
_GOVERNMENT = re.compile(r"[市区县镇乡]?(?:人民)?政府(?:办公室|办)?|[市区县]里|本[市区县]")
# jieba POS classes that never name a topic: numeral, pronoun, adverb, preposition, conjunction,
# particles, classifier, locality. Modal-led pairs ("能报", "可发") are fragments too.
_FUNCTION_TAGS = frozenset({"m", "mq", "r", "rr", "rz", "d", "p", "c", "u", "uj", "ul", "uz", "y", "q", "f"})
_MODALS = frozenset("能可要应会该得想")
_MODAL_WORDS = frozenset({"必须", "需要", "须", "务必", "应当", "应该", "可以", "能够"})


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


def named_ends(text: str, groups: Sequence[Group]) -> list[tuple[int, Group]]:
    """The ``groups`` said in ``text``, each with where its last saying ends (the words just before an asking
    are what it is asked of: 「常务会纪要几天内」 → 纪要 ends last)."""
    return [
        (max(text.rfind(a) + len(a) for a in g.alternatives if a in text), g)
        for g in groups
        if any(a in text for a in g.alternatives)
    ]


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

    def any_in_city(self, terms: Sequence[str], city: str) -> bool:
        """Whether some article of ``city`` contains one of ``terms`` (a group's alternatives)."""
        return any(self.in_city(t, city) for t in terms)

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
# (not the A-not-A asking 「能不能去参加」, which asks whether one may go)
_CANNOT_ATTEND = re.compile(r"(?:参加|出席|参会|到会|与会|来|去|到|赶)(?:不了|不成)|(?<!能)不能(?:来|去|到会|参会)")
_ABSENT_AS_RULES_SAY = ("不能出席", "不能参加", "不能到会", "请假", "缺席")
_SUPPOSING_AFTER = re.compile(r"[的了]*(?:的话|的时候)")
_SUPPOSING_BEFORE = re.compile(r"(?:如果|要是|假如|万一|倘若)[^，,。；;]*$")


# A verb no article has that still says a doing of the rules, colloquially: led by a modal or an adverb (才能, 得回,
# 只能), ended by a complement (弄完, 搞定, 开得, 送到, 替掉) or said with a potential one (来不及, 赶不上); a
# verb of aspect, hearsay or likeness (开始, 完事, 听说, 类似); an adverb (实在); the way a thing is said (说法, 写法)
_COLLOQUIAL = re.compile(
    r"^[才能得应只还不没别是着要会可该想完]|[完定了来去出进给到掉上下起住好成得法]$|.不.|^(?:开始|听说|据说|类似|实在|确实)$"
)

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
    # 「是不是每两周开一次」: 每两周 is the value checked, not a topic (so are 「提前5个工作日」, 「2000字以内」)
    intents += checked(q) + checked_time(q) + checked_length(q)
    if checks(q):  # 「以办公室名义发文是区长签发吗」: 区长 is the one checked, the answer may name another
        intents += [m.group(1) for m in _CHECKED_ROLE.finditer(q)]
    return intents


def _asking_words(q: str) -> list[str]:
    """The other words of normalized ``q`` that say how it asks or where, not what about."""
    intents = [m.group(0) for m in SCOPE_WORDS.finditer(q)]  # 各地, 分别, 有什么不同: scope, not topic
    intents += [m.group(0) for m in ASKS_YES_NO.finditer(q)]  # 能不能, 要不要, 是否: the asking, not topic
    intents += [m.group(0) for m in NOT_ALLOWED.finditer(q)]  # 不能, 不得: what the clause must negate
    intents += re.findall(ASKS_LIMIT, q)  # 「有没有门槛」: the asking for a limit, not a topic
    intents += re.findall(ASKS_KIND, q)  # 「算啥性质的会」: the asking for what kind it is, not a topic
    intents += [m.group(0) for m in ASKS_MEANING.finditer(q)]  # 「是什么意思」: the asking for a meaning
    unscheduled = re.findall(ASKS_UNSCHEDULED, q)  # 「能不能临时开」: the asking, not a topic
    if unscheduled or urgent_schedule(q):
        # and the urgency it is for (「碰上急事」, 「临时有急事的话」); 随时 is the rules' own word, a topic word still
        intents += [u for u in unscheduled if "随时" not in u] + re.findall(rf"(?:临时)?有?(?:{URGENT})", q)
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
        self.noun_modifiers = noun_modifiers(stats.texts, tokenizer.tagged)
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
            or bool(_MEASURED.match(tok))
            or not any(c.isalnum() for c in tok)
            or bool(_ASKING_WORD.search(tok))  # 「归谁」, 「干啥」: jieba joins the asking to a word
            or any(tok in p or p in tok for p in phrases)
            or any(tok in p or p in tok for p in intents)
        )

    def _place_spans(self, q: str) -> list[tuple[int, int]]:
        """Where ``q`` names a place (two characters or more), longest names first, spans not overlapping."""
        spans: list[tuple[int, int]] = []
        for p in sorted((p for p in self.places if len(p) >= 2 and p in q), key=len, reverse=True):
            for m in re.finditer(re.escape(p), q):
                if not any(b < m.end() and m.start() < e for b, e in spans):
                    spans.append(m.span())
        return spans

    def _inside_a_word(self, phrase: str, alts: tuple[str, ...], words: list[str]) -> bool:
        """A one-character phrase (签) that is part of another word of the rules in the question (会签): that
        word is what is asked about, not the phrase's sense (签发)."""
        return len(phrase) == 1 and any(
            len(w) > 1 and phrase in w and w not in alts and self.stats.df(w) > 0 for w in words
        )

    def _named_in_letters(self, q: str) -> frozenset[str]:
        """Words in Latin letters that name things asked about, when a question names two or more
        (「Python 怎么读取 json 文件」: not the rules' 文件); one English word in a Chinese question
        (「大同常务会议纪要的 deadline 是几天」), places (datong) and question words (how often) are no topic."""
        words = {
            w.lower() for w in _LATIN_WORD.findall(_MARKUP.sub(" ", q)) if w.lower() not in self.places
        } - _ENGLISH_FRAME
        return frozenset(words) if len(words) >= 2 else frozenset()

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """The words of the rules as the tokenizer reads them (titles and texts)."""
        return frozenset(w for t in self.stats.texts for w in self.tokenizer.words(t))

    def written_locative(self, tok: str) -> tuple[str, ...]:
        """A place-word said with the spoken locative 里 as the rules write it, with 中 or 内: 「文里」 → 「文中」."""
        if len(tok) < 2 or not tok.endswith("里") or tok in self.vocabulary:
            return ()
        return tuple(w for w in (tok[:-1] + "中", tok[:-1] + "内") if w in self.vocabulary)

    def _words(self, q: str) -> Iterator[tuple[str, str]]:
        """The question's tagged words; a word jieba made up (its HMM joins characters its dictionary lacks)
        that no article has as a word, nor abbreviates a word of one, is read as dictionary words instead:
        「我们局能以…」 is 局 + 能, not 局能; 「发布前要市政府批吗」 is 前 + 要, though 「会前要…」 has the two
        characters side by side."""
        for tok, flag in self.tokenizer.tagged(q):
            if (
                len(tok) > 1
                and not self.tokenizer.in_dictionary(tok)
                and tok not in self.vocabulary
                and not self.stats.expansion(tok)
                and not self.written_locative(tok)
            ):
                yield from self.tokenizer.tagged(tok, new_words=False)
            else:
                yield tok, flag

    def _topic_doing(self, word: str, verbs: set[str]) -> bool:
        """Whether ``word``, which no article has, names a doing a question can be about (体检, 离婚): a verb of two
        characters (a word, not a phrase: 打个招呼) in the tokenizer's dictionary (not a guess at a new word: 没回会 cut
        as 没/回会), and no colloquial saying of a doing of the rules (弄完, 送到, 开始: ``_COLLOQUIAL``)."""
        return len(word) == 2 and word in verbs and self.tokenizer.in_dictionary(word) and not _COLLOQUIAL.search(word)

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
        # the doings a question speaks of, not the one its yes/no asks right after a modal (「必须照办吗」: whether to comply)
        modal = [(tok[:1] in _MODALS and len(tok) <= 2) or tok in _MODAL_WORDS for tok, _ in tagged]
        verbs = {tok for i, (tok, flag) in enumerate(tagged) if flag.startswith("v") and not (i and modal[i - 1])}
        unit, at = asked_unit(q), 0
        named_in_letters = self._named_in_letters(q)
        placed = self._place_spans(q)
        how = adverbial(tagged, self.noun_modifiers)  # 「主要讨论」: mainly, not 主要负责人 (see ``modifiers``)
        for i, (tok, flag) in enumerate(tagged):
            if i in how:
                continue
            start = q.find(tok, at)
            at = start + len(tok) if start >= 0 else at
            if unit and len(tok) > 1 and tok[0] == unit[0] and q[:start].endswith(("多少", "几")):
                continue  # 「多少人才能开」 is 多少人 + 才, not 人才: the unit asked in, glued to the next word
            tok = tok.strip()
            if len(tok) > 3 and tok[0] in "市区县" and any(q[:start].endswith(p) for p in self.places if len(p) >= 2):
                # 「咸宁市政府常务会议」: 市 is the place's (咸宁市), 政府常务会议 the body's, at any level
                tok, start = tok[1:], start + 1
            if _GOVERNMENT.fullmatch(tok) and _NAMED_FOR_ITS_HEAD.match(q, start + len(tok)):
                continue  # 「区政府区长办公会议」: whose meeting, which its name (区长办公会议) says already
            if self.stats.df(tok) == 0 and any(b < start + len(tok) and start < e for b, e in placed):
                # 「跟大同比」 read as 大 + 同比: a word cut out of a place's name, and none of the rules', is no
                # word of the question (「大同市长」 is still 大同 + 市长)
                continue
            # j: jieba's abbreviations (社保, 医保), named things; a named period (t: 节假日, 双休日) names a topic, where
            # a time said from now (今年, 平时, 以后) does not
            nominal = flag.startswith("n") or flag == "j" or (flag == "t" and len(tok) >= 3)
            if nominal or flag == "vn" or tok.lower() in named_in_letters:
                nouns.add(tok)
            if flag in _FUNCTION_TAGS or (len(tok) == 2 and tok[0] in _MODALS):
                function_words.add(tok)
            if not self._skip(tok, q, phrase_words, intents):
                alike = self.written_locative(tok) or (
                    (self.stats.known_parts(tok) or self.stats.expansion(tok))
                    if nominal
                    else self.stats.verb_of(tok)
                    if flag.startswith("v")
                    else ()  # not 「接下来」 (next), an idiom
                )
                groups.append((tok, *alike))
        out: list[Group] = []
        unnamed: list[str] = []  # doings no article has, left out
        for alts in dict.fromkeys(groups):
            known = [self.stats.weight(a) for a in alts if self.stats.df(a) > 0]
            if not known and len(alts) == 1 and (alts[0] in function_words or alts[0] not in nouns):
                if alts[0] not in function_words and len(alts[0]) > 1:
                    unnamed.append(alts[0])
                continue  # "几种", "能报", "新版", "开饭": no article has it, and only a noun names a topic
            weight = max(known) if known else self.stats.weight(alts[0])
            out.append(Group(alts, weight, noun=alts[0] in nouns and (len(alts) == 1 or alts[0] not in phrase_words)))
        if len(unnamed) > 1 and out and all(_GOVERNMENT.fullmatch(g.alternatives[0]) for g in out):
            # 「区政府加班补助怎么算」: nothing left but whose it is (区政府); the doings no article has (加班, 补助)
            # are then what it asks about, and no rule can be matched by the government's name alone. (One such
            # doing may be a colloquial verb for the rules' own: 「县政府想撤掉一个局」 is 撤销.)
            out += [Group((w,), self.stats.weight(w), noun=True) for w in unnamed]
        elif len(out) == 1 and (topics := [w for w in unnamed if self._topic_doing(w, verbs)]):
            # 「单位体检一年安排几次」: one word of the rules left (单位), beside a doing no article has (体检): that doing
            # is what it asks about
            out += [Group((w,), self.stats.weight(w), noun=True) for w in topics]
        return tuple(out)
