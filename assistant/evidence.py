"""How well a text covers a question: weighted term groups shared by answering and refusal.

A question becomes groups of alternatives (a word, or a colloquial phrase with the terms the
rules use for it). Each group weighs its specificity: log(1 + N / (1 + df)), df = articles
containing it. A term that no article contains weighs the most — it is usually the very thing
asked about, and its absence is why the rules do not answer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .models import Article
from .retrieve import synonyms
from .textnorm import normalize
from .tokenize import STOPWORDS, Tokenizer

_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]|[^。！？!?]+$")
_LONG = 110  # a sentence longer than this is split at semicolons

# What kind of answer the question wants, and what such an answer looks like in a clause.
_ROLE = r"(市长|区长|秘书长|主任|副市长|副区长|同志|负责人|部门|办公室|局|机构|书记)"
QUESTION_TYPES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "who": (
        re.compile(r"谁|哪个部门|哪些人|哪位|什么人|哪个机构|哪个单位|由哪"),
        re.compile(
            rf"(由|经|报|委托|向|授权)[^，。；,;]{{0,14}}{_ROLE}|{_ROLE}[^，。；,;]{{0,12}}"
            r"(签发|签署|审签|签|主持|召开|召集|负责|审核|审批|审定|确定|提出|起草|请假|参加|组成)"
        ),
    ),
    "number": (
        re.compile(r"几|多少|多久|多长|什么时候|何时|时限|期限|频次|数量|字数"),
        re.compile(
            r"[0-9０-９]|[一二两三四五六七八九十半]+\s*(个|次|日|天|年|月|周|字|种|分钟)|每(月|年|周|两周|半年)|两个月|"
            r"之日起|起施行|即日|期间|以前|以后|会前|会后|事先|提前|及时"  # "when": not always a number
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
        re.compile(r"什么情况|哪些情况|什么情形|哪些情形|什么原因|何种情况|什么条件"),
        re.compile(r"除.{0,60}外|情形|情况下|原因|如有|特殊情况|确需"),
    ),
    "yesno": (
        re.compile(r"吗|能否|可否|是否|能不能|可不可以|行不行|让不让"),
        re.compile(r"不得|严禁|一律|不|可以|可|须|应"),
    ),
}
TYPE_BONUS = 0.25
# A clause that lacks these cues cannot answer the question, however many of its words it shares.
STRICT_TYPES = frozenset({"number", "condition"})


def question_types(question: str) -> tuple[str, ...]:
    return tuple(t for t, (asks, _) in QUESTION_TYPES.items() if asks.search(question))


def type_bonus(types: tuple[str, ...], unit: str) -> float:
    """+TYPE_BONUS for each wanted answer type the clause has; −TYPE_BONUS for a strict one it lacks."""
    score = 1.0
    for t in types:
        if QUESTION_TYPES[t][1].search(unit):
            score += TYPE_BONUS
        elif t in STRICT_TYPES:
            score -= TYPE_BONUS
    return score


def bigrams(text: str) -> set[str]:
    t = "".join(c for c in normalize(text) if c.isalnum())
    return {t[i : i + 2] for i in range(len(t) - 1)}


@lru_cache(maxsize=1024)
def question_bigrams(question: str) -> frozenset[str]:
    """``bigrams`` of a question, computed once per question rather than once per clause."""
    return frozenset(bigrams(question))


@lru_cache(maxsize=1024)
def intent_hints(question: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Question-intent phrases with their expansions (多久 → 每月 每年 …): what the answer should mention."""
    q = normalize(question)
    return tuple((phrase, alts) for phrase, alts in synonyms(intent=True) if phrase in q)


def clause_score(question: str, groups: Sequence[Group], types: tuple[str, ...], unit: str, context: str = "") -> float:
    """Coverage of the question's terms × wanted answer type × word-order agreement (bigrams).

    ``context`` (the document title and the clause's paragraph opening) counts at half weight:
    "坚持督考合一…" is about 考评 because its paragraph says so.
    """
    own = Evidence.coverage(groups, unit)
    if own == 0:
        return 0.0
    cov = own + 0.5 * (Evidence.coverage(groups, context + unit) - own) if context else own
    q = question_bigrams(question)
    focus = len(q & bigrams(unit)) / len(q) if q else 0.0
    t = normalize(unit)
    hints = sum(1 for _, alts in intent_hints(question) if any(a in t for a in alts))
    return cov * (type_bonus(types, unit) + TYPE_BONUS * hints) * (0.75 + 0.25 * focus)


def sentences_of(para: str) -> list[str]:
    """Quotable units of one paragraph: sentences (items are paragraphs); long ones split at ；."""
    units: list[str] = []
    for m in _SENTENCE.finditer(para):
        s = m.group(0).strip()
        if not s:
            continue
        if len(s) > _LONG and ("；" in s[:-1] or ";" in s[:-1]):
            units.extend(p.strip() for p in re.findall(r"[^；;]*[；;]|[^；;]+$", s) if p.strip())
        else:
            units.append(s)
    return units


def sentences(article: Article) -> list[str]:
    """Quotable units in reading order."""
    return [u for para in article.paragraphs for u in sentences_of(para)]


def clauses_with_context(article: Article) -> list[tuple[str, str]]:
    """Each quotable clause with its context: the document title and its paragraph's opening clause."""
    out: list[tuple[str, str]] = []
    for para in article.paragraphs:
        units = sentences_of(para)
        for i, unit in enumerate(units):
            out.append((unit, article.document + (units[0] if i else "")))
    return out


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
# jieba POS classes that never name a topic: numeral, pronoun, adverb, preposition, conjunction,
# particles, classifier, locality. Modal-led pairs ("能报", "可发") are fragments too.
_FUNCTION_TAGS = frozenset({"m", "mq", "r", "rr", "rz", "d", "p", "c", "u", "uj", "ul", "uz", "y", "q", "f"})
_MODALS = frozenset("能可要应会该得想")


@dataclass(frozen=True)
class Group:
    alternatives: tuple[str, ...]
    weight: float
    noun: bool = False  # a thing asked about (jieba POS n…/vn); only nouns can be "unknown"

    def found(self, normalized: str) -> bool:
        """Whether any alternative occurs in ``normalized`` (text passed through ``normalize``)."""
        return any(a in normalized for a in self.alternatives)


class Evidence:
    """Document frequencies over the articles; builds question groups and scores coverage."""

    def __init__(self, articles: list[Article], tokenizer: Tokenizer, places: set[str] | None = None) -> None:
        self.tokenizer = tokenizer
        self.places = frozenset(places or ())
        self.texts = [normalize(f"{a.document}{a.text}") for a in articles]
        self.n = len(self.texts)
        self._df: dict[str, int] = {}
        # The reranker and the answerer both need a question's groups, once per city in scope.
        self.groups = lru_cache(maxsize=1024)(self._groups)

    def df(self, term: str) -> int:
        if term not in self._df:
            self._df[term] = sum(1 for t in self.texts if term in t)
        return self._df[term]

    def weight(self, term: str) -> float:
        return math.log(1 + self.n / (1 + self.df(term)))

    def _groups(self, question: str) -> tuple[Group, ...]:
        """The question as weighted term groups (see the module docstring); cached in ``groups``."""
        q = normalize(question)
        phrases = [(p, alts) for p, alts in synonyms(intent=False) if p in q]
        intents = [p for p, _ in synonyms(intent=True) if p in q]
        groups: list[tuple[str, ...]] = [(p, *alts) for p, alts in phrases]
        nouns = set()
        function_words = set()
        singles: list[str] = []
        for tok, flag in self.tokenizer.tagged(q):
            tok = tok.strip()
            if flag.startswith("n") or flag == "vn":
                nouns.add(tok)
            if flag in _FUNCTION_TAGS or (len(tok) == 2 and tok[0] in _MODALS):
                function_words.add(tok)
            singles.append(tok)
        for tok in singles:
            if (
                len(tok) < 2
                or tok in self.places
                or any(tok in p or p in tok for p in self.places if len(p) >= 2 and len(tok) >= 2 and p in q)
                or tok in STOPWORDS
                or tok in _FILLERS
                or (_DIGITS.match(tok) and len(tok) < 3)
                or not any(c.isalnum() for c in tok)
                or any(tok in p or p in tok for p, _ in phrases)
                or any(tok in p or p in tok for p in intents)
            ):
                continue
            groups.append((tok,))
        out: list[Group] = []
        seen: set[tuple[str, ...]] = set()
        for alts in groups:
            if alts in seen:
                continue
            seen.add(alts)
            noun = len(alts) == 1 and alts[0] in nouns
            known = [self.weight(a) for a in alts if self.df(a) > 0]
            if not known and len(alts) == 1 and alts[0] in function_words:
                continue  # "几种", "每个", "能报" (modal + verb): no article has it, and it is no topic
            weight = max(known) if known else self.weight(alts[0])
            out.append(Group(alts, weight, noun=noun))
        return tuple(out)

    @staticmethod
    def coverage(groups: Sequence[Group], text: str) -> float:
        """Share of the question's weight whose terms appear in ``text`` (0–1)."""
        total = sum(g.weight for g in groups)
        if total == 0:
            return 0.0
        t = normalize(text)
        return sum(g.weight for g in groups if g.found(t)) / total

    def best_unit(self, question: str, groups: Sequence[Group], article: Article) -> tuple[float, int, str]:
        """(score, position, clause) of the clause that best answers the question."""
        types = question_types(question)
        best = (0.0, 0, "")
        for pos, (unit, context) in enumerate(clauses_with_context(article)):
            score = clause_score(question, groups, types, unit, context)
            if score > best[0]:
                best = (score, pos, unit)
        return best

    def unknown_share(self, groups: Sequence[Group], text: str) -> float:
        """Share of the question's weight in terms that no article contains and ``text`` lacks."""
        total = sum(g.weight for g in groups)
        if total == 0:
            return 0.0
        t = normalize(text)
        unknown = [g for g in groups if g.noun and all(self.df(a) == 0 for a in g.alternatives) and not g.found(t)]
        return sum(g.weight for g in unknown) / total

    @staticmethod
    def missing(groups: Sequence[Group], text: str) -> list[str]:
        t = normalize(text)
        return [g.alternatives[0] for g in groups if not g.found(t)]
