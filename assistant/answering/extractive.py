"""Extractive answers: the sentence(s) of the retrieved articles that answer the question.

Entry point: ``ExtractiveAnswerer(analyzer, scorer, weights).draft(question, hits)``. Offline and
deterministic. Quotes are verbatim substrings of article text (sentences, or items such as
（三）), each cited as 《文件》第N条. When the best evidence is too weak it refuses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from assistant.answering import subdivisions
from assistant.answering.analysis import Group, QuestionAnalyzer
from assistant.answering.asking import ASKS_REQUIREMENTS
from assistant.answering.attendance import asks_sitting_in, brings_in, sitting_in
from assistant.answering.clauses import ClauseVectors, sentences
from assistant.answering.extras import Scored, asked_extras
from assistant.answering.lists import asks_for_list, lead_of, listed, with_list
from assistant.answering.quantities import (
    LEVEL,
    PROPORTION,
    SCORE,
    asked,
    asked_unit,
    held_as_needed,
    states,
)
from assistant.answering.refusal import RefusalModel, Signals, complete_evidence
from assistant.answering.roles import handed_doing, issuer_mismatch, role_mismatch, subject_roles
from assistant.answering.scoring import (
    ClauseScorer,
    bigram_overlap,
    city_missing,
    coverage,
    missing_nouns,
    most_specific_missing,
    negated_case,
    read_with_title,
    states_negated_case,
    unknown_share,
)
from assistant.answering.stated import asked_of, quantity_elsewhere
from assistant.answering.timing import lead_time_unstated
from assistant.answering.unsaid import NotSaid, not_said, with_quote
from assistant.answering.variants import varying
from assistant.answering.verdicts import doer_checked
from assistant.models import Article, Citation, Hit
from assistant.settings import Weights
from assistant.textnorm import normalize

_AHEAD = re.compile(r"提前|会前|[之以]前")
_STATES_RULE = re.compile(r"要|应|须|不得|严禁|禁止|必须|一律|不准|不能|不宜")  # a sentence that is a rule of its own
_GOES_ON_RULING = re.compile(
    r"^(?:不得|不准|严禁|禁止|要|应|须|必须|一律|未经|并|同时)"
)  # … with no subject of its own
_BEFOREHAND = re.compile(r"事先|提前|会前|[之以]前|及时")  # a lead time said without a number of days


@dataclass(frozen=True)
class Draft:
    """What the answerer decided, before formatting."""

    citations: tuple[Citation, ...]
    refused: bool
    # refused because the asked quantity is stated nowhere: a QuantityKind, "amount" (of money), "share" or "lead" (time);
    # or "role": the clause is the rule for other roles than the question asks of; "as_needed": no schedule, held
    # when needed; "recipient": no word of whom it is asked to be reported to; see ``messages._UNSTATED``
    unstated: str | None = None
    signals: Signals | None = None  # the evidence the decision was made on (None: pinned or nothing found)
    part: str = ""  # the part of a question with parts it answers ("": the whole question)
    said: str = ""  # refused for "lead" or "role": the clause of the top article said instead (in the refusal)


def _unstated(question: str) -> str | None:
    """What the rules were found not to set: an amount of money (「多少钱」), a share (「多少比例」, 「过半」), else
    the kind of quantity asked."""
    unit = asked_unit(question)
    return _UNSTATED_UNITS.get(unit or "") or asked(question)


# what is not set, by the unit asked (see ``messages._UNSTATED``)
_UNSTATED_UNITS = {
    "元": "amount",
    PROPORTION: "share",
    LEVEL: "level",
    SCORE: "score",
    "字": "length",
    "人": "headcount",
}


class ExtractiveAnswerer:
    def __init__(
        self,
        analyzer: QuestionAnalyzer,
        scorer: ClauseScorer,
        weights: Weights | None = None,
        refusal: RefusalModel | None = None,
        clause_vectors: ClauseVectors | None = None,
    ) -> None:
        self.analyzer = analyzer
        self.scorer = scorer
        self.weights = weights or Weights()
        self.refusal = refusal
        self.clause_vectors = clause_vectors

    def supported(self, s: Signals, question: str = "", best: str = "") -> bool:
        """Answer or refuse: the fitted model when there is one, else the hand-set thresholds. An article
        that has none of the question's words answers it whatever the model says: the model is linear and
        fitted where there is some evidence, and far out there (no word shared) it can still say yes
        (「公务员考试报名条件是啥」 in a city's rules on work discipline)."""
        if s.coverage == 0:
            return False
        if self.refusal is not None:
            return self.refusal.answers(s) or complete_evidence(s, question, best)
        w = self.weights
        if s.unknown_share >= w.max_unknown_share or s.quantity_unstated:
            return False
        return s.coverage >= w.min_coverage or (s.coverage >= w.weak_coverage and s.dense_max_gap >= w.min_dense_gap)

    def signals(
        self, question: str, groups: Sequence[Group], hits: Sequence[Hit], vector: tuple[float, ...] = ()
    ) -> Signals:
        top = hits[0]
        vectors = self.clause_vectors
        full = f"{top.article.document}{top.article.text}"
        best_score, _, best = self.scorer.best_unit(question, top.article)
        kind = asked(question)
        cov = coverage(groups, full)
        return Signals(
            coverage=cov,
            clause_coverage=(
                coverage(groups, read_with_title(question, top.article, best, self.analyzer.kinds)) if best else 0.0
            ),
            clause_score=best_score,
            dense_gap=top.dense - top.dense_base if top.dense else 0.0,
            dense_max_gap=max((h.dense - h.dense_base for h in hits[:3] if h.dense), default=0.0),
            unknown_share=unknown_share(self.analyzer.stats, groups, full),
            missing_nouns=missing_nouns(groups, full),
            most_specific_missing=most_specific_missing(groups, full),
            asks_quantity=float(kind is not None),
            quantity_unstated=float(self.unstated_quantity(question, full) is not None),
            margin=top.score - self._competitor(question, hits[1:], best),
            lexical_found=float(top.lexical > 0),
            groups=float(len(groups)),
            plain_coverage=0.0 if kind else cov,
            quantity_in_clause=float(
                kind is not None and states(normalize(best), kind, asked_unit(question), question)
            ),
            clause_similarity=vectors.similarity(vector, top.article) if vectors else 0.0,
            kind_mismatch=float(self.analyzer.kinds.mismatch(question, top.article, best)),
            role_mismatch=float(role_mismatch(question, best)),
            city_missing=city_missing(self.analyzer.stats, groups, top.article.city),
        )

    def _competitor(self, question: str, others: Sequence[Hit], best: str) -> float:
        """The score of the best-scored other article that does not restate ``best`` (0: none); the
        others are judged best first, so usually only the first is read."""
        for h in sorted(others, key=lambda h: -h.score):
            if not self._agrees(question, h.article, best):
                return h.score
        return 0.0

    def _agrees(self, question: str, article: Article, clause: str) -> bool:
        """Whether ``article`` says what ``clause`` says: word for word (大同's meeting rules repeat its work
        rules), or in its own best clause for the question nearly so (「市政府常务会议讨论通过决定印发的文件，
        原则上在会议结束后7个工作日内印发」 restates the work rules' sentence on both meetings): a
        restatement agrees with the top article rather than competing with it."""
        if _repeats(article, clause):
            return True
        if not clause or self.weights.agree_overlap > 1:
            return False
        theirs = self.scorer.best_unit(question, article)[2]
        overlap = bigram_overlap(clause, theirs)
        return overlap > 0 and overlap >= self.weights.agree_overlap

    def _stated_elsewhere(self, question: str, groups: Sequence[Group], hits: Sequence[Hit]) -> Citation | None:
        """The best clause of the next articles that states the asked quantity of the thing asked, when the top
        article's is another thing's: 「常务会纪要几天内印发」 and the top article's 7 days are the documents'
        (「…通过决定印发的文件…7个工作日内印发」), the next one's 「常务会议纪要…5个工作日内完成」."""
        kind, thing = asked(question), asked_of(question, groups)
        if kind is None or thing is None:
            return None
        for h in hits:
            best = self.scorer.best_unit(question, h.article)[2]
            if not best or not states(normalize(best), kind, asked_unit(question), question):
                continue
            if self.analyzer.kinds.mismatch(question, h.article, best) or role_mismatch(question, best):
                continue  # another meeting's minutes, another role's days
            if not thing.found(normalize(h.article.document + best)):
                continue  # what the quantity is asked of is named there (read with its title)
            cited = Citation(h.article, best)
            context = sentences(h.article, self.weights.long_sentence)
            if not quantity_elsewhere(question, groups, (cited,), context, h.article.document):
                return cited  # and the quantity is of it
        return None

    @staticmethod
    def unstated_quantity(question: str, text: str) -> str | None:
        """The kind of quantity asked for ("time" for 多久/几天/什么时候, "count" for 几个/多少) when
        ``text`` states none of that kind, else None."""
        kind = asked(question)
        return kind if kind and not states(normalize(text), kind, asked_unit(question), question) else None

    def draft(self, question: str, hits: Sequence[Hit], vector: tuple[float, ...] = (), agreed: bool = False) -> Draft:
        """Choose quotes from ``hits`` (ranked, one city), or refuse.

        ``vector``: the question's embedding from retrieval (compared with the top article's clauses).
        ``agreed``: another place compared answers with a clause the top article's best clause restates, so that
        answer's evidence stands for it (the other checks still hold).
        A pinned top hit (the question named it: "第三十三条怎么规定的") is quoted even when the
        question has no other words to match: whole, if nothing matches.
        """
        groups = self.analyzer.groups(question)
        if hits and hits[0].pinned:
            art = hits[0].article
            if (part := subdivisions.asked(question)) and (text := subdivisions.text_of(art, part)):
                return Draft((Citation(art, text, part.label),), False)  # 「第三十一条第七项」: that item, as printed
            # the words naming the document (also as said day to day: 市政府 for 市人民政府) are no part of what is
            # asked of the article (「大同市政府工作规则第三十三条怎么规定的」: its 政府 picked one paragraph)
            title = normalize(art.document)
            sought = [g for g in groups if not (g.found(title) or g.found(title.replace("人民政府", "政府")))]
            quotes = self._quotes(question, sought, art) if sought else ()
            if not quotes or not any(coverage(sought, c.quote) for c in quotes):
                quotes = (Citation(art, art.text),)
            return Draft(quotes, False)
        if not hits or not groups:
            return Draft((), True)
        s = self.signals(question, groups, hits, vector)
        quotes = self._quotes(question, groups, hits[0].article)
        # on the best clause's evidence; or, agreed, on another place's (not for another meeting or role)
        best = self.scorer.best_unit(question, hits[0].article)[2]
        judged = (agreed and s.coverage > 0 and not s.kind_mismatch and not s.role_mismatch) or self.supported(
            s, question, best
        )
        if s.role_mismatch and s.coverage >= self.weights.weak_coverage and quotes:
            # 「副市长出差谁主持工作」: the best clause is the rule for 市长, another of the article is the rule
            # for 副市长 (「互为AB角的副市长，一位…出差…期间，由另一位代行…」): that one answers
            # 「纪要是办公室主任签的吧」 and 「…由区长签发」: a premise the clause corrects (or confirms, the one stated
            # among others), not another role's rule; the verdict line says whose doing it is (before a clause that
            # only names the role stated: 「纪要副区长签就行吧」 and 「…副区长…参加」)
            premise = bool(best) and doer_checked(question, best)
            own = best if premise else self._own_role_clause(question, hits[0].article)
            if not own:
                # 「区长离开城区向谁请假」 and the clause is the rule for 副区长 (who ask 区长): whatever the
                # other evidence says, it is someone else's rule; the refusal quotes it (the clause judged to be
                # another role's, not the quote chosen for the words: 「市长离开本地要怎么报批」 is told the 副市长's
                # leave rule, not a rule on 著作 that says 报批)
                said = self.scorer.best_unit(question, hits[0].article)[2] or quotes[0].quote
                return Draft((), True, "role", s, said=said)
            # the evidence was of the other role's clause: the asked role's own clause is checked as any
            # quote is (the asked quantity stated for what is asked, a lead time in days) below
            quotes = (Citation(hits[0].article, own),)
            art = hits[0].article
            if handed_doing(question):  # 「能不能委托秘书长主持」: and to whom the rule lets it be handed
                for _, _, handed in self._handed_to(question, art, self.scorer.ranked(question, art), []):
                    if handed != own:
                        quotes = with_quote(art, quotes, Citation(art, handed))
            judged = True  # that evidence was of another role's clause; the asked role's own clause answers
        # a rule that refuses whatever the evidence says: the asked quantity is not stated for what is asked
        context = sentences(hits[0].article, self.weights.long_sentence)
        ruled_out = quantity_elsewhere(question, groups, quotes, context, hits[0].article.document)
        if ruled_out == "another" and (elsewhere := self._stated_elsewhere(question, groups, hits[1:3])):
            # 「常务会纪要几天内印发」: the minutes' own rule (of the same meeting and role), not the documents'
            quotes, ruled_out, judged = (elsewhere,), None, True
        # the asked quantity is stated by none of the quotes (「会议经费标准是多少」: 「…经费要纳入预算管理」)
        # (a lead time asked is looked for in the article's other clauses below)
        joined = "".join(c.quote for c in quotes)
        silent = (
            not ruled_out
            and self.unstated_quantity(question, joined) is not None
            and not lead_time_unstated(question, joined)
        )
        if silent and judged and (stating := self._stating_clause(question, groups, hits[0].article, quotes, context)):
            # 「…商量谁来受理有没有时限」: 「由最先收到…的机关受理」 and, in the article, 「…在10日内协商确定」
            quotes, silent = with_quote(hits[0].article, quotes, stating), False
            joined = "".join(c.quote for c in quotes)  # what the quotes say now (「定期还是有事才搞」: 「要定期督查」)
        settled = not ruled_out and not silent
        checked = not_said(
            question,
            groups,
            hits[0].article,
            quotes,
            context,
            joined,
            judged,
            settled,
            self.analyzer.stats.df,
            lambda w: self.analyzer.stats.in_city(w, hits[0].article.city),
        )
        if isinstance(checked, NotSaid):
            return Draft((), True, checked.kind, s, said=checked.said)
        quotes = checked
        if not judged or ruled_out or silent:
            # "区政府全体会议多久开一次": the article is about the meeting but states no frequency.
            # said only of an article about the question's topic (not 「食堂几点开饭」 against a meeting rule)
            about = (ruled_out or silent or s.quantity_unstated) and s.coverage >= self.weights.weak_coverage
            # ruled out: the quoted clause states a quantity, of something else or how often: say it
            said = quotes[0].quote if about and ruled_out and quotes else ""
            frequency = about and not said and _unstated(question) == "frequency"
            needed = next((c.quote for c in quotes if held_as_needed(c.quote)), "") if frequency else ""
            if needed:
                # 「区长办公会多久开一次」: no schedule is set, the meeting is held when needed — all the rule says
                return Draft((), True, "as_needed", s, said=needed)
            return Draft((), True, _unstated(question) if about else None, s, said=said)
        if lead_time_unstated(question, joined):
            art = hits[0].article
            days = [
                u
                for u in sentences(art, self.weights.long_sentence)
                # days set ahead of something (会前 2 日, 提前3天), for the same role: not a deadline after it
                if _AHEAD.search(u) and not lead_time_unstated(question, u) and not role_mismatch(question, u)
            ]
            if not days:
                # 「副市长出差要提前几天请假」 and the rule says only 事先: no number of days is set; the
                # refusal says so and names the article.
                said = next((c.quote for c in quotes if _BEFOREHAND.search(c.quote)), "")
                return Draft((), True, "lead", s, said=said)
            # the article sets the days in another clause (「…会前 2 日…通知…，会议有关材料一般应同时送达」)
            best = max(days, key=lambda u: coverage(groups, u))
            quotes = with_quote(art, quotes, Citation(art, best))
        if extra := sitting_in(question, quotes, context):  # 「哪些人参加」: the members, and who sits in
            quotes = with_quote(hits[0].article, quotes, Citation(hits[0].article, extra))
        if asks_sitting_in(question) and not any(brings_in(c.quote) for c in quotes):
            # 「常务会能让哪些人列席」 quoted what 列席人员 must do: the clause that says whom it brings in answers
            quotes = next(((c,) for c in self._bringing_in(question, hits)), quotes)
        if asked(question) is not None and (other := self._varying(question, quotes, hits)):
            quotes = (*quotes, other)  # 「汇报稿最多写多少字」: 1500 字 for 常务会议, 1200 字 for 市长办公会议
        return Draft(quotes, False, None, s)

    def _bringing_in(self, question: str, hits: Sequence[Hit]) -> Iterator[Citation]:
        """Clauses of the top articles (of the top one's place) that say whom a meeting brings in to sit in, for
        the meeting asked of."""
        for h in hits[: self.weights.elsewhere_depth]:
            if h.article.city != hits[0].article.city:
                continue
            for u in sentences(h.article, self.weights.long_sentence):
                if brings_in(u) and not self._about_another(question, h.article, u):
                    yield Citation(h.article, u)

    def _varying(self, question: str, quotes: tuple[Citation, ...], hits: Sequence[Hit]) -> Citation | None:
        """Another document's clause setting the quoted provision's quantity differently (``variants``)."""
        return varying(
            quotes,
            hits,
            lambda art: self.scorer.best_unit(question, art)[2],
            lambda art, clause: self._about_another(question, art, clause),
            self.weights.variant_overlap,
            self.weights.elsewhere_depth,
        )

    def _stating_clause(
        self, question: str, groups: Sequence[Group], article: Article, quotes: Sequence[Citation], context: list[str]
    ) -> Citation | None:
        """The sentence of ``article`` that states the asked quantity for what is asked and names the question's
        terms at least as well as the quotes do (None: no such sentence)."""
        kind, unit = asked(question), asked_unit(question)
        floor = max((coverage(groups, c.quote) for c in quotes), default=0.0)
        found = [
            (coverage(groups, u), u)
            for u in context
            if kind
            and states(normalize(u), kind, unit, question)
            and not self._about_another(question, article, u)
            and not quantity_elsewhere(question, groups, (Citation(article, u),), context, article.document)
        ]
        cov, best = max(found, default=(0.0, ""))
        if best and cov >= floor:
            return Citation(article, best)
        # or the nearest in a quote's paragraph, after it (「…的，由最先收到…受理；同时收到…的，…10日内协商确定」) or
        # before it (「频率是多少」 and the quote on what is studied: 「一般两个月安排一次专题学习」 opens the paragraph)
        near = [
            u
            for c, u in found
            if c > 0
            and any(_same_paragraph(article, q.quote, u) or _same_paragraph(article, u, q.quote) for q in quotes)
        ]
        after = [u for u in near if any(_same_paragraph(article, q.quote, u) for q in quotes)]
        return (
            Citation(article, min(after, key=article.text.find) if after else max(near, key=article.text.find))
            if near
            else None
        )

    def _own_role_clause(self, question: str, article: Article) -> str | None:
        """The best-scored clause of ``article`` that is the rule for the role the question asks of."""
        return next(
            (
                unit
                for _, _, unit in sorted(self.scorer.scored_clauses(question, article), key=lambda t: -t[0])
                if subject_roles(unit) and not role_mismatch(question, unit)
            ),
            None,
        )

    def best_quote(self, question: str, article: Article) -> str:
        """The clause of ``article`` that best answers ``question`` (verbatim)."""
        quotes = [c.quote for c in self._quotes(question, self.analyzer.groups(question), article)]
        return next((q for q in quotes if not q.endswith(("：", ":"))), quotes[0])  # the item, not its lead

    def _about_another(self, question: str, article: Article, clause: str) -> bool:
        """Whether ``clause`` is about another kind of meeting, another role or another issuer (以…名义)
        than the question asks of."""
        return (
            self.analyzer.kinds.mismatch(question, article, clause)
            or role_mismatch(question, clause)
            or issuer_mismatch(question, clause)
        )

    def _follow_on(
        self, question: str, article: Article, scored: Sequence[tuple[float, int, str]], best: tuple[float, int, str]
    ) -> tuple[float, int, str] | None:
        """The clause after ``best`` in its paragraph, when it completes the answer: after a short clause that
        says what (「副市长之间实行AB角互补工作制度。」), the clause saying how, unless the best one states the
        quantity asked or the next one opens a list; after a rule, for a question about a case not met
        (「部门之间协调不下来咋办」), the clause that states that case (「经协调不能取得一致意见的，…」)."""
        nxt = next((c for c in scored if c[1] == best[1] + 1), None)
        if (
            nxt is None
            or self._about_another(question, article, nxt[2])
            or not _same_paragraph(article, best[2], nxt[2])
        ):
            return None
        kind = asked(question)
        answered = kind is not None and states(normalize(best[2]), kind, asked_unit(question), question)
        if len(best[2]) <= self.weights.short_clause and not answered and not nxt[2].endswith(("：", ":")):
            return nxt
        if negated_case(question) and not states_negated_case(best[2]) and states_negated_case(nxt[2]):
            return nxt
        return None

    def _handed_to(
        self, question: str, article: Article, scored: Sequence[Scored], chosen: list[Scored]
    ) -> list[Scored]:
        """For 「能不能委托秘书长主持」, the clause saying to whom the doing may be handed (「必要时，市长可委托负责常务工作的
        副市长召集并主持」), when it is not quoted already."""
        if not (handed := handed_doing(question)):
            return []
        found = next(
            (
                c
                for c in scored
                if "委托" in c[2]
                and handed in c[2]
                and c not in chosen
                # (of the meeting asked; its doer is another than the one asked of: that is the answer)
                and not self.analyzer.kinds.mismatch(question, article, c[2])
            ),
            None,
        )
        return [found] if found else []

    def _rules_going_on(
        self,
        question: str,
        groups: Sequence[Group],
        article: Article,
        scored: Sequence[Scored],
        chosen: list[Scored],
    ) -> list[Scored]:
        """The requirements asked (「参会人员有什么纪律要求」): the rules going on from the best clause in its
        paragraph (「不得携带手机…」「未经允许，不得将涉密文件…带出会场」), each a rule of its own, up to
        ``max_quotes`` quotes in all."""
        out: list[Scored] = []
        if not ASKS_REQUIREMENTS.search(question) or asked(question):  # 「调研的时间有什么要求」 asks a quantity
            return out
        best, at = chosen[0], chosen[0][1]
        units = sentences(article, self.weights.long_sentence)  # a rule need not share words with the question
        if asks_for_list(question) and (run := self._particulars(question, article, units, best)):
            return [run]
        while len(chosen) + len(out) < self.weights.max_quotes and at + 1 < len(units):
            nxt = next((c for c in scored if c[1] == at + 1), (0.0, at + 1, units[at + 1]))
            if (
                not _same_paragraph(article, best[2], nxt[2])
                or not _STATES_RULE.search(nxt[2])
                # a rule with a subject of its own is on what was asked as much as half the best one is (not
                # 「领导干部一律不得参加…营利性会议」 after the leave rules, for its 领导干部)
                or not (
                    _GOES_ON_RULING.match(nxt[2]) or coverage(groups, nxt[2]) >= 0.5 * coverage(groups, best[2]) > 0
                )
                or self._about_another(question, article, nxt[2])
            ):
                break
            if nxt not in chosen:
                out.append(nxt)
            at += 1
        return out

    def _particulars(self, question: str, article: Article, units: list[str], best: Scored) -> Scored | None:
        """Asked which requirements (「精简文件简报都有哪些要求」) of a clause that states one in general (「…要精简文件
        简报。」): the rules that follow it in its paragraph are its particulars, though they share no word with the
        question (「…只向区政府报送1种简报」「…一律不发」): the rest of the paragraph, quoted as one run of the text when
        it is within ``Weights.particulars_chars`` (and none of it is about another meeting or role)."""
        at, run = best[1], []
        while at + 1 < len(units):
            nxt = units[at + 1]
            if not _same_paragraph(article, best[2], nxt):
                break
            if self._about_another(question, article, nxt):
                break
            run.append(nxt)
            at += 1
        if len(run) < 2:
            return None  # one rule more is what the plain going-on gives
        start = article.text.find(run[0])
        end = article.text.find(run[-1], start) + len(run[-1])
        if start < 0 or end - start > self.weights.particulars_chars:
            return None
        return (0.0, best[1] + 1, article.text[start:end])

    def _list_asked(
        self, question: str, groups: Sequence[Group], article: Article, scored: Sequence[tuple[float, int, str]]
    ) -> tuple[float, int, str]:
        """The best clause; for a question that asks for a list (哪几件事, 哪些), the clause that introduces a
        list when it has every word of the question the best has and scores as close to it as a further quote
        must (「区政府全体会议的主要任务是：」 over the sentence on who sits in it, for 「全体会主要干哪几件事」)."""
        best = scored[0]
        asks_list = asks_for_list(question) and asked(question) is None  # not of 多久
        if not asks_list or lead_of(article, best[2]) or best[2].endswith(("：", ":")):
            return best
        return next(
            (
                c
                for c in scored[1:]
                if c[0] >= self.weights.extra_quote_ratio * best[0]
                and coverage(groups, c[2]) >= coverage(groups, best[2])
                and c[2].endswith(("：", ":"))
                and with_list(article, c[2]) != c[2]
                and not self._about_another(question, article, c[2])
            ),
            best,
        )

    def _quotes(self, question: str, groups: Sequence[Group], article: Article) -> tuple[Citation, ...]:
        """The best clause of the top article, plus clauses of it that add further facts asked for."""
        w = self.weights
        scored = self.scorer.ranked(question, article)
        if not scored:  # nothing matches word for word: quote the opening clause
            return (Citation(article, sentences(article, w.long_sentence)[0]),)
        if (item := subdivisions.item_alone(question)) and (said := subdivisions.text_of(article, item)):
            # 「常务会议的第三项任务是什么」: that item of the article's list, with the clause leading it
            lead = lead_of(article, said.strip())
            return (*((Citation(article, lead),) if lead else ()), Citation(article, said, item.label))
        best = self._list_asked(question, groups, article, scored)
        chosen = [best]
        covered = {g.alternatives for g in groups if g.found(normalize(best[2]))}
        total = sum(g.weight for g in groups)
        for cand in scored[1:]:
            if len(chosen) >= w.max_quotes or cand[0] < w.extra_quote_ratio * best[0]:
                break
            if self._about_another(question, article, cand[2]):
                continue  # 「区长主持召开区长办公会议」 adds 主持 to 「…召开区政府专题会议」, for another meeting
            adds = {g.alternatives for g in groups if g.found(normalize(cand[2]))} - covered
            if sum(g.weight for g in groups if g.alternatives in adds) < w.extra_quote_min_gain * total:
                continue
            chosen.append(cand)
            covered |= adds
        # what the asking calls for besides: the list enumerated, each limit set (``extras``)
        chosen += asked_extras(question, groups, scored, chosen, w.extra_quote_ratio)[
            : max(0, w.max_quotes - len(chosen))
        ]
        if len(chosen) < w.max_quotes:
            chosen += self._handed_to(question, article, scored, chosen)
        nxt = self._follow_on(question, article, scored, best) if len(chosen) < w.max_quotes else None
        if nxt is not None and nxt not in chosen:
            chosen.append(nxt)
        chosen += self._rules_going_on(question, groups, article, scored, chosen)
        chosen = [c for c in chosen if not any(o[2] != c[2] and c[2] in o[2] for o in chosen)]  # (in a run quoted)
        chosen.sort(key=lambda t: t[1])  # reading order
        return listed(question, groups, article, [unit for _, _, unit in chosen])


def _same_paragraph(article: Article, first: str, second: str) -> bool:
    return any(first in p and second in p and p.index(first) < p.index(second) for p in article.paragraphs)


def _repeats(article: Article, clause: str) -> bool:
    """Whether ``article`` repeats ``clause`` word for word: a provision restated in another document
    (大同's meeting rules repeat its work rules) agrees with the top article rather than competing."""
    return bool(clause) and normalize(clause) in normalize(article.text)
