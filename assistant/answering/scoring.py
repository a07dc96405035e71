"""Scoring: how well a text covers a question's term groups, and how well a clause answers it.

``clause_score`` = coverage of the question's terms × wanted answer type × word-order agreement.
``ClauseScorer`` finds an article's best clause; it is also the reranker's ``AnswerScorer``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from assistant.answering.analysis import Group, QuestionAnalyzer, TermStats
from assistant.answering.asking import (
    QUESTION_TYPES,
    STRICT_TYPES,
    asked_doing,
    done_by_role,
    listing_asked,
    permitted_doing,
    question_types,
)
from assistant.answering.clauses import DEFINITION, clauses_with_context, sentences_of, specifics
from assistant.answering.kinds import Kinds
from assistant.answering.phrasing import ASKING
from assistant.answering.quantities import asked, asked_unit, states
from assistant.answering.roles import (
    ROLE,
    handed_doing,
    issuer_matches,
    issuer_mismatch,
    leads_alone,
    role_mismatch,
    stand_in_mismatch,
)
from assistant.models import Article, Citation
from assistant.settings import Weights
from assistant.textnorm import matchable, normalize


def weight_share(groups: Sequence[Group], keep: Callable[[Group], bool]) -> float:
    """Share of the question's weight in the groups ``keep`` holds for (0–1; 0 when there is no weight)."""
    total = sum(g.weight for g in groups)
    return sum(g.weight for g in groups if keep(g)) / total if total else 0.0


def coverage(groups: Sequence[Group], text: str) -> float:
    """Share of the question's weight whose terms appear in ``text`` (0–1), read as ``matchable``."""
    t = matchable(text)
    return weight_share(groups, lambda g: g.found(t))


def _share(groups: Sequence[Group], word: str, text: str) -> float:
    """Share of the question's weight in the groups that ``text`` has by an alternative containing ``word``."""
    t = normalize(text)
    return weight_share(groups, lambda g: any(word in a and a in t for a in g.alternatives))


def missing_nouns(groups: Sequence[Group], text: str) -> float:
    """Share of the question's weight in the things it asks about (nouns) that ``text`` lacks."""
    t = normalize(text)
    return weight_share(groups, lambda g: g.noun and not g.found(t))


def most_specific_missing(groups: Sequence[Group], text: str) -> float:
    """The weight of the most specific term ``text`` lacks, relative to the question's top term."""
    t = normalize(text)
    top = max((g.weight for g in groups), default=0.0)
    return max((g.weight for g in groups if not g.found(t)), default=0.0) / top if top else 0.0


_NAMES_DOCUMENT = re.compile(r"条例|规则|办法|细则")  # a question naming a document (or asking of one)


def read_with_title(question: str, article: Article, clause: str, kinds: Kinds | None = None) -> str:
    """``clause`` as the question reads it: with its document's title when the question names a document
    (「政府督查条例是哪天开始实行的」 and 「本条例自2021年2月1日起施行」: 政府督查 is the title's), or the meeting whose
    rules the document is (``kinds``: 「市长办公会汇报能讲多久」 and 《市长办公会议工作规则》's 「议题汇报时间一般控制在
    5 分钟左右」, which never names the meeting it is a rule of)."""
    of_meeting = kinds is not None and bool(kinds.named(question) & kinds.named(article.document))
    return f"{article.document}{clause}" if of_meeting or _NAMES_DOCUMENT.search(question) else clause


def city_missing(stats: TermStats, groups: Sequence[Group], city: str) -> float:
    """Share of the question's weight in terms that no article of ``city`` contains (「新闻记者」 in a
    city whose rules never mention the press): its rules cannot say anything about them."""
    return weight_share(groups, lambda g: not stats.any_in_city(g.alternatives, city))


_SUPPOSED = re.compile(r"^(?:如果|要是|假如|万一|倘若)?(.+?)(?:(?:的话|的时候|期间)[，,]?|时[，,])")


def _ignores_case(question: str, groups: Sequence[Group], unit: str) -> bool:
    """A supposed case (「市长不在的话，…」) whose words, other than a role, the clause has none of."""
    m = _SUPPOSED.match(normalize(question))
    if not m:
        return False
    case = [g for g in groups if any(a in m.group(1) for a in g.alternatives) and not ROLE.fullmatch(g.alternatives[0])]
    t = normalize(unit)
    return bool(case) and not any(g.found(t) for g in case)


# A state negated (协调不下来, 没协调一致, 意见不统一, 来不了, 不能取得一致): not a prohibition (不得, 不准),
# a bound (不超过, 不少于), an A-not-A asking (能不能, 要不要) or a 不 that starts a word (不断, 不定期)
_NEGATED_STATE = re.compile(r"(?<![能要可是会用有])(?:不(?![得准许超少足低高断定同仅但])|没(?!有规定)|未(?!经)|无法)")


# The case stated as a condition by a clause (「经协调不能取得一致意见的，」, 「主要负责人不能参加会议的，」), or
# as an unmet requirement of a prohibition (「未按有关规定报经批准，不得邀请…」, 「未经批准不得擅自开展」)
_NEGATED_CONDITION = re.compile(
    rf"(?:{_NEGATED_STATE.pattern})[^，。；,;]{{0,12}}的[，,]"
    r"|未(?:经|按)[^，。；,;]{0,14}[，,]?(?:不得|不能|不准|不予|一律不|严禁)"
)


def states_negated_case(unit: str) -> bool:
    """Whether ``unit`` states a case that did not happen as its condition (「经协调不能取得一致意见的，…」)."""
    return bool(_NEGATED_CONDITION.search(unit))


@lru_cache(maxsize=1024)
def negated_case(question: str) -> bool:
    """Whether the question asks about a case that did not happen or cannot (「部门之间协调不下来咋办」):
    a negated state in the words before its asking."""
    q = normalize(question)
    at = ASKING.search(q)
    return bool(_NEGATED_STATE.search(q[: at.start()] if at else q))


def unknown_share(stats: TermStats, groups: Sequence[Group], text: str) -> float:
    """Share of the question's weight in terms that no article contains and ``text`` lacks."""
    t = normalize(text)
    return weight_share(groups, lambda g: stats.unknown(g) and not g.found(t))


def type_bonus(types: tuple[str, ...], unit: str, bonus: float) -> float:
    """+``bonus`` for each wanted answer type the clause has; −``bonus`` for a strict one it lacks."""
    score = 1.0
    for t in types:
        if QUESTION_TYPES[t][1].search(unit):
            score += bonus
        elif t in STRICT_TYPES:
            score -= bonus
    return score


@lru_cache(maxsize=8192)
def bigrams(text: str) -> frozenset[str]:
    """Character pairs of ``text``'s letters and digits (a clause's are asked for by every question: cached)."""
    t = "".join(c for c in normalize(text) if c.isalnum())
    return frozenset(t[i : i + 2] for i in range(len(t) - 1))


def bigram_overlap(a: str, b: str) -> float:
    """Share of the shorter text's character pairs (``bigrams``) the other has too (0–1; 0 if either has none)."""
    x, y = bigrams(a), bigrams(b)
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def _says_doing(groups: Sequence[Group], doing: str, unit: str) -> bool:
    """Whether ``unit`` says the asked doing, in its words or the rules' (the doing's group's alternatives)."""
    said = next((g.alternatives for g in groups if doing in g.alternatives[0] or g.alternatives[0] in doing), ())
    return any(a in unit for a in (doing, *said))


def clause_score(
    question: str, groups: Sequence[Group], types: tuple[str, ...], unit: str, context: str, w: Weights
) -> float:
    """Coverage of the question's terms × wanted answer type × word-order agreement (bigrams).

    ``context`` (the document title and the clause's paragraph opening) counts at
    ``w.context_weight``: "坚持督考合一…" is about 考评 because its paragraph says so.
    """
    own = coverage(groups, unit)
    if own == 0:
        return 0.0
    doing = (asked_doing(question) if "who" in types else None) or ""
    # 「副秘书长能不能主持专题会」: the doing asked of someone, its doer only checked, not asked
    may_do = (permitted_doing(question) if "permission" in types else None) or ""
    modifier = next((d for d in (doing, may_do) if d and d in unit and not done_by_role(unit, d)), "")
    cov = own + w.context_weight * (coverage(groups, context + unit) - own) if context else own
    if modifier:
        # 「纪要由主持召开会议的领导同志签发」 for 「谁主持」: its 主持 qualifies who signs; it is not the asked doing
        cov -= _share(groups, modifier, unit)
    q = bigrams(question)
    focus = len(q & bigrams(unit)) / len(q) if q else 0.0
    kind = asked(question)
    # 1 when the asked quantity is stated here
    hints = 1 if kind and states(normalize(unit), kind, asked_unit(question), question) else 0
    order = 1 - w.word_order_weight + w.word_order_weight * focus
    bonus = type_bonus(types, unit, w.type_bonus)
    if modifier or ((handed := handed_doing(question)) and handed not in unit):
        # the asked doing is here, but not said of anyone; or a doing asked to be handed to someone is not here
        # at all (「能委托常务副市长主持吗」: not the minutes' 「秘书长、常务副市长审核后」)
        bonus -= w.type_bonus
    elif doing and _says_doing(groups, doing, unit):
        bonus += w.type_bonus  # 「谁批」: 「…报会议主持人审批」 says who does it, 「原则上不应请假」 does not
    if negated_case(question) and states_negated_case(unit):
        bonus += w.type_bonus  # 「协调不下来咋办」: 「经协调不能取得一致的，…附协调说明」, not 「与相关部门协调一致」
    if listing_asked(question, unit):
        bonus += w.type_bonus  # 「要建成哪几种政府」: 「…法治政府、创新政府、廉洁政府…」 lists them
    if "supposing" in types and _ignores_case(question, groups, unit):
        bonus -= w.type_bonus  # 「市长不在的话，常务会议由谁主持」: 「由市长召集和主持」 ignores the case
    return cov * (bonus + w.type_bonus * hints) * order


def _slogans(article: Article, long: int, tied: Sequence[tuple[float, int, str]]) -> set[int]:
    """Positions of the clauses that open a paragraph and state no specifics of their own, where a clause after
    them in that paragraph, among the ``tied`` (the best scored alike), does: the paragraph's topic, which the
    clauses after it make rules of (「市政府及各部门要精简文件简报。」 before 「…简报原则上一个单位只保留1种」)."""
    specific = {pos for _, pos, unit in tied if specifics(unit)}
    if not specific:
        return set()  # no rule among the tied to give way to (most ties): the paragraphs are not read
    out, start = set(), 0
    for para in article.paragraphs:
        units = sentences_of(para, long)
        end = start + len(units)
        if units and not specifics(units[0]) and specific & set(range(start + 1, end)):
            out.add(start)
        start = end
    return out


class ClauseScorer:
    """Scores an article's clauses against a question (groups from the ``QuestionAnalyzer``)."""

    def __init__(self, analyzer: QuestionAnalyzer, weights: Weights) -> None:
        self.analyzer = analyzer
        self.weights = weights
        # The reranker, the refusal signals and quoting all score the top article's clauses for the
        # same question: once per (question, article).
        self.scored_clauses = lru_cache(maxsize=4096)(self._scored_clauses)
        self.ranked = lru_cache(maxsize=4096)(self._ranked)

    def _scored_clauses(self, question: str, article: Article) -> tuple[tuple[float, int, str], ...]:
        """(score, position, clause) of every clause with a positive score, in reading order."""
        groups = self.analyzer.groups(question)
        types = question_types(question)
        w = self.weights
        out = []
        for pos, (unit, context) in enumerate(clauses_with_context(article, w.long_sentence)):
            if DEFINITION.fullmatch(unit):
                continue  # a name and its short name state nothing
            score = self._penalised(question, article, unit, clause_score(question, groups, types, unit, context, w))
            if score > 0:
                out.append((score, pos, unit))
        if any(issuer_matches(question, u) for _, _, u in out):
            # 「办公室主任能签发以区政府名义的文件吗」: the clause on what is issued in 区政府's name answers (由区长签发),
            # not the one on 区政府办公室's, however many of the question's words that one has
            out = [(sc, pos, u) for sc, pos, u in out if not issuer_mismatch(question, u)]
        return tuple(out)

    def _penalised(self, question: str, article: Article, unit: str, score: float) -> float:
        w = self.weights
        if score > 0 and w.kind_penalty and self.analyzer.kinds.mismatch(question, article, unit):
            score *= 1 - w.kind_penalty  # 「常务会纪要」 asked, a 专题会议 clause answers less
        if score > 0 and w.role_penalty and role_mismatch(question, unit):
            score *= 1 - w.role_penalty  # 「副市长…请假」 asked, the rule for 主要负责同志 answers less
        if score > 0 and w.role_penalty and stand_in_mismatch(question, unit):
            score *= 1 - w.role_penalty  # 「副区长出差谁替他」 asked, 「…由其他副区长代行区长职务」 answers less
        if score > 0 and w.role_penalty and issuer_mismatch(question, unit):
            score *= 1 - w.role_penalty  # 「以市政府名义发文」 asked, the rule for 以市政府办公室名义 answers less
        return score

    def quote_score(self, question: str, quotes: Sequence[Citation]) -> float:
        """How well the best of ``quotes`` answers ``question``: a quote scored as a clause of its own, read
        with its document's title (as clauses are)."""
        groups = self.analyzer.groups(question)
        types = question_types(question)
        return max(
            (
                self._penalised(
                    question,
                    c.article,
                    c.quote,
                    clause_score(question, groups, types, c.quote, c.article.document, self.weights),
                )
                for c in quotes
            ),
            default=0.0,
        )

    def _ranked(self, question: str, article: Article) -> tuple[tuple[float, int, str], ...]:
        """(score, position, clause) of the article's scored clauses, best first, in reading order when scored
        alike; of the best scored alike, one whose own subject is the role asked (``leads_alone``) first."""
        ranked = sorted(self.scored_clauses(question, article), key=lambda t: (-t[0], t[1]))
        tied = [t for t in ranked if t[0] == ranked[0][0]] if ranked else []
        if len(tied) > 1:
            slogans = _slogans(article, self.weights.long_sentence, tied)
            tied.sort(key=lambda t: (not leads_alone(question, t[2]), t[1] in slogans))
            ranked[: len(tied)] = tied
        return tuple(ranked)

    def best_unit(self, question: str, article: Article) -> tuple[float, int, str]:
        """(score, position, clause) of the clause that best answers the question."""
        ranked = self.ranked(question, article)
        return ranked[0] if ranked else (0.0, 0, "")

    def answer_scores(self, question: str, article: Article) -> tuple[float, float]:
        """For reranking: (best clause score, coverage of the question by the whole article)."""
        groups = self.analyzer.groups(question)
        clause, _, _ = self.best_unit(question, article)
        return clause, coverage(groups, f"{article.document}{article.text}")
