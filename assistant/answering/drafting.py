"""Drafting: per place and per question part, the answerer's draft from that place's best articles.

``Drafter.drafts(question, places)`` searches each place (the places' names taken out of the search:
they are a filter, not content), drafts the whole question and each of its parts (``parts``), keeps a
part's own quotes where the whole question's do not answer it as well, and, when places are compared,
lets a place whose answer is unlike all the others' take its clause alike to theirs (``consensus``).
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from assistant.answering import subdivisions
from assistant.answering.agreement import Agreement, Drafted, stating_asked
from assistant.answering.analysis import QuestionAnalyzer
from assistant.answering.asking import QUESTION_TYPES, STRICT_TYPES, URGENT, asked_permission, question_types
from assistant.answering.cities import CityDetector, strip_places
from assistant.answering.extractive import Draft, ExtractiveAnswerer
from assistant.answering.messages import SAID_ONLY
from assistant.answering.parts import as_said, question_parts, without_scope
from assistant.answering.phrasing import reaching, rejoined, unable
from assistant.answering.quantities import asked, asked_unit, plain_asking, states
from assistant.answering.references import ARTICLE_REF, named_document, named_elsewhere, unknown_title
from assistant.answering.relevance import bears_on
from assistant.answering.relocation import Relocator, one_level
from assistant.answering.roles import doer_unguessed, role_mismatch
from assistant.answering.scoring import ClauseScorer, coverage
from assistant.answering.stated import quantity_elsewhere
from assistant.answering.timing import lead_time_unstated
from assistant.knowledge.registry import Registry
from assistant.knowledge.segment import compact
from assistant.models import Article, Hit
from assistant.numerals import NUMBER, article_label, parse_number
from assistant.retrieval.index import KnowledgeIndex
from assistant.retrieval.retrievers import Retrieval, Retriever, Vector
from assistant.settings import Settings
from assistant.textnorm import normalize

# being away, as the rules say it (离同, 离咸 are mined: ``QuestionAnalyzer.leaving``)
_OWN_WORDS = 2  # a later part naming this many words of its own asks of them, not of the borrowed subject
_AWAY_WORDS = re.compile(r"外出|出差|离开|出访|出国|出境|休假|休养")
_DEEPER = 6  # a named document's articles are looked for this many times deeper than the hits asked for
# the kinds of answer a part's words alone do not give: a quote answers it only by an answer of that kind
_OWN_ANSWER = STRICT_TYPES | {"who", "composition"}


def _own_roles_rule(part: str, whole: Draft, draft: Draft) -> bool:
    """Whether ``draft`` answers ``part`` with the rule for the role it asks of, where the whole question's quotes are
    the rule for others: 「咸宁副市长出差向谁请假？部门负责人呢？」 is answered for 部门负责人 by 「各部门主要负责同志
    离咸外出…」, though it says 负责同志 where the question says 负责人."""
    quoted = [c.quote for c in whole.citations]
    return (
        not draft.refused
        and bool(draft.citations)
        and bool(quoted)
        and all(role_mismatch(part, q) for q in quoted)
        and not any(role_mismatch(part, c.quote) for c in draft.citations)
    )


def _gives_kind(part: str, draft: Draft) -> bool:
    """Whether ``draft``'s quotes give an answer of each kind ``part`` asks that its words alone do not give
    (``_OWN_ANSWER``: who, a number …); a refusal gives none."""
    text = "".join(c.quote for c in draft.citations)
    types = [t for t in question_types(part) if t in _OWN_ANSWER]
    return not draft.refused and all(QUESTION_TYPES[t][1].search(text) for t in types)


_CONNECTOR = re.compile(r"^[和与及、，,\s]+")  # what is left in front once the places are taken out
# An article named, with the words pointing at it (「根据第六十条规定」, 「第47条说」): nothing the question asks
_POINTED = re.compile(
    rf"(?:根据|按照|依据|按)?(?:《[^》]*》)?第\s*(?:{NUMBER})\s*条(?:的)?(?:规定|说|讲|写明|写|要求)?(?:的|了)?"
)


_BETWEEN_WORDS = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


class Drafter:
    def __init__(
        self,
        settings: Settings,
        registry: Registry,
        index: KnowledgeIndex,
        retriever: Retriever,
        detector: CityDetector,
        place_names: tuple[str, ...],
        analyzer: QuestionAnalyzer,
        scorer: ClauseScorer,
        answerer: ExtractiveAnswerer,
        relocator: Relocator,
    ) -> None:
        self.settings = settings
        self.registry = registry
        self.index = index
        self.retriever = retriever
        self.detector = detector
        self.place_names = place_names
        self.analyzer = analyzer
        self.scorer = scorer
        self.answerer = answerer
        self.relocator = relocator  # a question compared across places is asked at each place's level
        # a place said as whose a thing is (「大同的」), the longest name first (晋城市城区, not its 城区)
        names = "|".join(re.escape(n) for n in sorted(place_names, key=len, reverse=True))
        self._possessor = re.compile(f"(?:{names})的(?=[\u4e00-\u9fff])")
        # the article that answered a conversation's previous question, per place: the same for each part and
        # each place a follow-up is drafted in (retrieval is deterministic over one index)
        self._previous_top = lru_cache(maxsize=256)(self._top_hit)
        self.agreement = Agreement(settings, analyzer, scorer, answerer, retriever, self._without_places)

    def drafts(
        self,
        q: str,
        slugs: list[str],
        timings: dict[str, float],
        placed: dict[str, str] | None = None,
        previous: str = "",
    ) -> tuple[list[Drafted], str | None]:
        """Per city (and per question part), the answerer's draft; or why the named article does not exist.
        ``placed``: a place's own question, where the question asks each place something else
        (「大同常务会多久开一次？咸宁全体会呢？」). ``previous``: the conversation's previous question, whose
        article a follow-up is answered from when it answers as well (``_in_context``)."""
        drafts: list[Drafted] = []
        q = self._whole(q)  # 「请个假」 is 请假
        placed = {c: self._whole(p) for c, p in (placed or {}).items()}
        parts = self.parts(q)
        if len(parts) == 1 and _BETWEEN_WORDS.search(q):
            q = parts[0] = _BETWEEN_WORDS.sub("", q)  # 「常务会 多久 开」: keywords of one question, read as one
        several = len(slugs) > 1
        # places found only by their form (阳高县) are no words of the question either
        others = tuple(p for p in self.detector.detect(q).unknown if p not in self.place_names)
        vectors: dict[str, Vector] = {}
        as_asked: dict[str, Vector] = {}  # a question's embedding, as asked (not at another place's level)
        asked: dict[str, str] = {}  # each place's question, as drafted
        for c in slugs:
            whole: Draft | None = None
            question = (placed or {}).get(c, q)
            # each place asked at its own level, and of its own quantity when compared by a superlative
            mine = plain_asking(self.relocator.at_level(question, self.registry.by_slug[c].level)) if several else q
            own_parts = self.parts(mine) if mine != q else parts
            asked[c] = strip_places(mine, others) or mine
            for part in [mine] if len(own_parts) == 1 else [mine, *own_parts]:
                # a part is searched with the whole question's embedding (``Weights.parts_embedded``), and the
                # question asked at another place's level (区长 for 市长) with the question's as asked …
                shared: Vector = ()
                if not self.settings.weights.parts_embedded:
                    if part is not mine:
                        shared = vectors.get(c, ())
                    elif mine != question:
                        shared = as_asked.get(question, ())
                found, no_such_article, draft = self._searched(part, c, others, shared, timings, previous)
                if no_such_article:
                    if len(slugs) == 1:
                        return [(c, Draft((), True), found.hits)], no_such_article
                    break
                if shared and draft.refused:  # … and with its own when that finds no answer to it
                    found, _, draft = self._searched(part, c, others, (), timings, previous)
                elif shared and not _gives_kind(part, draft):
                    # … or only a quote with no answer of the kind it asks (the whole question's again), when its own
                    # search finds one: 「…组成人员有哪些，研究人事任免要多少人出席」
                    again, _, own = self._searched(part, c, others, (), timings, previous)
                    if _gives_kind(part, own) and self._answered_by(part, own):
                        found, draft = again, own
                if absent := len(own_parts) > 1 and self.analyzer.kinds.absent(part, c) is not None:
                    # 「咸宁的市长办公会多久开一次？纪要谁签？」: a meeting the place never holds, whose parts no quote of
                    # another meeting answers (the whole question's would: 专题会议纪要由…签发), nor the part as said
                    draft = Draft((), True, part="" if part is mine else part)
                said = as_said(part, mine) if part is not mine and not absent else None
                own_role = whole is not None and _own_roles_rule(part, whole, draft)  # (the role's own rule found)
                if (
                    said
                    and len(self.analyzer.groups(said)) >= _OWN_WORDS
                    and not own_role
                    and not self._answered_by(part, draft)
                ):
                    # a part that borrowed the first part's subject and is not answered so, naming things of its own:
                    # as the question says it (「会签几天内回复」 after 「全区性会议提前几天报」 asks of 会签, not of the
                    # meeting; 「最多写多少字」 after 「专题会的汇报材料有字数要求吗」 names nothing of its own)
                    again, _, own = self._searched(said, c, others, (), timings, previous)
                    if self._answered_by(said, own):
                        found, draft, part = again, own, said
                if whole is None:
                    whole = draft
                    vectors[c] = found.vector
                    if mine == question:
                        as_asked.setdefault(question, found.vector)
                    if absent:
                        continue
                elif (
                    not (covered := self._answered_by(part, whole, draft))
                    and not self._answered_by(part, draft)
                    and not own_role
                ):
                    draft = Draft((), True, part=part)  # said to be unanswered, not silently dropped
                elif draft.refused or self._provided_for(part, whole) or not self._adds(draft, whole, covered):
                    continue
                drafts.append((c, draft, found.hits))
        drafts = self._answered_elsewhere(drafts)
        if several and len(parts) == 1 and not placed:
            drafts = stating_asked(q, self.agreement.agreeing(asked, drafts, vectors), self.analyzer.groups)
        return drafts, None

    def _whole(self, q: str) -> str:
        """``q`` with its separable verbs said whole, as the rules write them (``phrasing.rejoined``), and
        a level's bracketed other level taken out (``relocation.one_level``: 「全市（区）性会议」), going somewhere said as
        being away (「局长去北京开会」 → 「局长去北京外出开会」: the rules' 外出), a count of
        people to be reached as reaching it (``phrasing.reaching``)."""
        q = unable(reaching(rejoined(one_level(q), self.analyzer.tokenizer.tagged, self.analyzer.stats.df)))
        end = self.detector.going_away(q)
        if end is None or _AWAY_WORDS.search(q) or any(w in q for w in self.analyzer.leaving):
            return q
        return f"{q[:end]}外出{q[end:]}"

    def parts(self, q: str) -> list[str]:
        """The parts ``q`` asks (one when it asks one thing): see ``parts.question_parts``."""
        return question_parts(
            q,
            self.analyzer.kinds,
            self.place_names,
            lambda words: bool(self.analyzer.groups(words)),
            lambda word: self.analyzer.stats.df(word) > 0,
        )

    def _searched(
        self,
        part: str,
        c: str,
        others: tuple[str, ...],
        vector: Vector,
        timings: dict[str, float],
        previous: str = "",
    ) -> tuple[Retrieval, str | None, Draft]:
        """``part`` searched in place ``c`` (with ``vector``, if given) and drafted, in the context of the
        ``previous`` question; the stages' times are added to ``timings`` (summed over the places and parts
        searched)."""
        found, no_such_article = self._hits(self._without_places(part), c, vector=vector)
        found = replace(found, hits=self._of_the_meeting_asked(part, found.hits))
        for stage, ms in found.timings.items():
            timings[stage] = timings.get(stage, 0.0) + ms
        t = time.perf_counter()
        asked = self._possessor_dropped(strip_places(part, others) or part)
        draft = self.answerer.draft(asked, found.hits, found.vector)
        found = replace(found, hits=_quoted_first(draft, found.hits))
        if draft.refused and draft.said and draft.unstated not in SAID_ONLY:
            groups = self.analyzer.groups(asked)
            if not bears_on(draft.said, asked, groups, self.analyzer.kinds):  # not said beside the refusal as related
                draft = replace(draft, said="")
        if previous and found.hits and not found.hits[0].pinned:
            found, draft = self._in_context(asked, c, previous, found, draft)
        timings["answer"] = timings.get("answer", 0.0) + (time.perf_counter() - t) * 1000
        return found, no_such_article, draft

    def _top_hit(self, question: str, c: str) -> Hit | None:
        """The first hit for ``question`` (its places aside) in place ``c``, if any."""
        found, _ = self._hits(self._without_places(question), c)
        return found.hits[0] if found.hits else None

    def _in_context(self, q: str, c: str, previous: str, found: Retrieval, draft: Draft) -> tuple[Retrieval, Draft]:
        """A follow-up answered from the article that answered the previous question, when that one answers it
        too (not refused on its own evidence) and its best clause scores at least as well as the top article's:
        「批下来以后还要干啥」 after 「部门主要负责人出城要提前几天请假」 is asked of the leave rule's 报备, not of a rule
        on approving documents. Users go on about the clause just quoted."""
        before = self._previous_top(previous, c)
        if before is None or before.article.id == found.hits[0].article.id:
            return found, draft
        art = before.article
        hit = next((h for h in found.hits if h.article.id == art.id), before)
        reordered = (hit, *(h for h in found.hits if h.article.id != art.id))
        moved = self.answerer.draft(q, reordered, found.vector)
        if moved.refused:
            return found, draft
        best = self.scorer.best_unit
        if best(q, art)[0] >= best(q, found.hits[0].article)[0]:
            return replace(found, hits=reordered), moved
        return found, draft

    def _of_the_document_named(self, q: str, city: str, found: Retrieval, k: int) -> Retrieval:
        """The hits from the document the question names first (in their order; searched deeper when none of
        the top ones is from it): 「大同市政府工作规则什么时候施行」 is asked of the work rules, not of the
        meeting rules whose last article says the same words."""
        docs = self.registry.documents_of(city)
        if len(docs) < 2 or not found.hits:
            return found
        titles = [d.title for d in docs]
        named = next((t for t in titles if t in compact(q)), None) or named_document(
            q, titles, self.registry.by_slug[city].names
        )
        if named is None:
            return found
        hits = found.hits
        if not any(h.article.document == named for h in hits):
            hits = (*hits, *self.retriever.retrieve(q, city, _DEEPER * k, found.vector).hits)
        own = [h for h in hits if h.article.document == named]
        if not own:
            return found
        seen = {h.article.id for h in own}
        rest = [h for h in hits if h.article.id not in seen and h.article.document != named]
        return replace(found, hits=tuple([*own, *rest][:k]))

    def _of_the_meeting_asked(self, q: str, hits: tuple[Hit, ...]) -> tuple[Hit, ...]:
        """The first of the top articles about the meeting asked, first: 「专题会议主要研究啥」 ranks the
        narrowed 落实市委重大决策部署专题会议's article above the plain 专题会议's, which answers it."""
        kinds = self.analyzer.kinds
        asked = kinds.named(q)
        if not hits or hits[0].pinned or not asked:
            return hits
        top = hits[: self.settings.weights.consensus_depth]
        fits = [self._fits_meeting(q, asked, h.article) for h in top]
        # a rule on the government's meetings at large fits, but one naming the meeting asked fits better
        # (「开全体会…请假怎么弄」: the 全体会议's own rule on leave, not the rule on 有关会议)
        named = [f and bool(kinds.named(h.article.document + h.article.text)) for f, h in zip(fits, top, strict=True)]
        if named[0]:
            return hits
        if fits[0] and any(named):
            # … when it has every word the rule at large answers with, besides the meeting (not 咸宁's 第十九条 on who
            # sits in the 全体会议, without 请假, for 「全体会议可以请假吗」)
            said = normalize(self.scorer.best_unit(q, top[0].article)[2])
            words = [g for g in self.analyzer.groups(q) if g.found(said) and not kinds.named(g.alternatives[0])]
            texts = [normalize(h.article.document + h.article.text) for h in top]
            named = [n and all(g.found(t) for g in words) for n, t in zip(named, texts, strict=True)]
        if not any(fits) or (fits[0] and not any(named)):
            return hits
        i = named.index(True) if any(named) else fits.index(True)
        return (hits[i], *hits[:i], *hits[i + 1 :])

    def _fits_meeting(self, q: str, asked: frozenset[str], article: Article) -> bool:
        """Whether ``article`` is about the meeting ``asked``: it names that meeting, as the one asked; or it is a
        rule on the government's meetings at large, naming no kind of meeting and speaking of 有关会议
        (「…应当按照要求参加市政府有关会议，原则上不应请假」), so it holds for the one asked."""
        kinds = self.analyzer.kinds
        named = kinds.named(article.document + article.text)
        if not named:
            return "有关会议" in article.text
        return bool(asked & named) and not kinds.mismatch(q, article, self.scorer.best_unit(q, article)[2])

    def _answered_elsewhere(self, drafts: list[Drafted]) -> list[Drafted]:
        """A part said to be unanswered that another part's quotes for the same place do answer is not
        (「常务会到会人数有要求吗？来多少人才能开」: the second part's 「半数以上」 answers the first)."""
        return [
            (c, d, hits)
            for c, d, hits in drafts
            if not (d.part and d.refused)
            or not any(c2 == c and not o.refused and self._answered_by(d.part, o) for c2, o, _ in drafts)
        ]

    def _possessor_dropped(self, q: str) -> str:
        """「哪些事不能上大同的常务会」 drafted as 「哪些事不能上常务会」: a place said as whose a thing is stands between
        the words the clause is found by (the place is the search's filter)."""

        def dropped(m: re.Match[str]) -> str:
            # inside a phrase only (「上大同的常务会」), not opening it or one of places listed (「城区和咸宁的」)
            before = q[: m.start()]
            inside = re.search(r"[\u4e00-\u9fff]$", before) and not re.search(r"(?:[和与跟及同]|以及)$", before)
            return "" if inside else m.group(0)

        return self._possessor.sub(dropped, q)

    def _without_places(self, q: str) -> str:
        """The question as searched: jurisdictions are a filter, not content (their names pull the
        question's embedding away from the articles): 「大同和咸宁全体会一年各开几次」 → 「全体会一年各开几次」."""
        found = self.detector.detect(q).unknown  # 阳高县, found by its form
        names = tuple(sorted((*self.place_names, *found), key=len, reverse=True)) if found else self.place_names
        return without_scope(_CONNECTOR.sub("", strip_places(self._possessor_dropped(q), names)) or q)

    def without_reference(self, q: str) -> str | None:
        """The question without the article it names and the words pointing at it (「第六十条规定副市长可以不
        请假，对吗」 → 「副市长可以不请假，对吗」), when what is left asks about two things or more of its
        own (not 「大同工作规则第六十条说的是什么」); None otherwise."""
        rest = self.rest_of(q)
        titles = "".join(d.title for d in self.registry.documents)
        own = [g for g in self.analyzer.groups(rest) if not any(a in titles for a in g.alternatives)]
        return rest if len(own) >= 2 else None

    def rest_of(self, q: str) -> str:
        """``q`` without the article it names, the words pointing at it and the document's title."""
        rest = _POINTED.sub("", q)
        for doc in self.registry.documents:
            rest = rest.replace(f"《{doc.title}》", "").replace(doc.title, "")  # with its brackets first
        return _CONNECTOR.sub("", self._without_places(rest)).strip("，,。；;：: ")

    def silent_reference(self, q: str, drafts: list[Drafted]) -> tuple[Article, str] | None:
        """The article ``q`` names and the rest of ``q`` (``rest_of``), when the article has too little of what
        the rest asks to answer it (「大同工作规则第二十条里说副市长出差要请假吗」: 第二十条 is on who sits on the
        常务会议); None when it has enough, or nothing else is asked (「第二十条说的是什么」)."""
        pinned = next((hits[0].article for _, _, hits in drafts if hits and hits[0].pinned), None)
        if pinned is None:
            return None
        title, rest = normalize(pinned.document), self.rest_of(q)
        groups = [g for g in self.analyzer.groups(rest) if not g.found(title)]
        enough = self.settings.weights.min_coverage
        return (pinned, rest) if groups and coverage(groups, pinned.text) < enough else None

    def _hits(self, q: str, city: str, k: int = 5, vector: Vector = ()) -> tuple[Retrieval, str | None]:
        """Ranked hits; with "第N条" in the question, that article first (or why it does not exist)."""
        # 「…都是市政府办公室起草的吧」: searched as who does it (the one named is the guess the answer checks), with its
        # own embedding (``vector`` is the question's as asked, guess and all)
        unguessed = doer_unguessed(q)
        found = (
            self.retriever.retrieve(unguessed, city, k) if unguessed else self.retriever.retrieve(q, city, k, vector)
        )
        if "duty" in question_types(q) and self.analyzer.kinds.named(q):
            # what a meeting does (「常务会主要研究哪些事」) is said as its 主要任务 (「…的主要任务是：」): searched for
            # too, and its hits taken when they put another article first (else the question's own, on which the
            # refusal's evidence is weighed)
            tasks = self.retriever.retrieve(f"{q}的主要任务", city, k)
            if tasks.hits and found.hits and tasks.hits[0].article.id != found.hits[0].article.id:
                found = tasks
        ref = ARTICLE_REF.search(q)
        if not ref:
            return self._of_the_document_named(q, city, found, k), None
        raw = ref.group(1)
        number = parse_number(raw)
        docs = self.registry.documents_of(city)
        place = self.registry.by_slug[city]
        named = [d for d in docs if d.title in compact(q)] or [
            d for d in docs if d.title == named_document(q, [d.title for d in docs], place.names)
        ]
        if not named and unknown_title(q, self.registry):
            # 「《大同市人民政府差旅管理办法》第三条」: not a document of the knowledge base, so not its work rules' 第三条
            # (the title is not repeated: the place's name has been taken out of the question here)
            titles = "、".join(f"《{d.title}》" for d in docs)
            return found, f"知识库中没有问题所说的这份文件。{place.name}现有的规则是：{titles}。"
        if not named and (elsewhere := named_elsewhere(q, city, self.registry)):
            # 「常务会议工作规则第五条」 asked of every place: only 大同 has that document, the others' work rules
            # have a 第五条 of their own, which is not what was asked for
            return found, f"{place.name}的规则中没有《{elsewhere}》。"
        doc = (named or docs)[0]
        target = next(
            (a for a in self.index.articles if a.city == city and a.document == doc.title and a.article == number),
            None,
        )
        if target is None:
            count = sum(1 for a in self.index.articles if a.city == city and a.document == doc.title)
            said = article_label(number) if 0 < number < 10000 else f"第{raw}条"  # 第零条, 第10000条
            if number == 0 and raw == "0":  # 「上一条呢」 after 第一条 (a step made as 第0条)
                return found, f"《{doc.title}》共 {count} 条，第一条之前没有条文。"
            return found, f"《{doc.title}》共 {count} 条，没有{said}。"
        if (part := subdivisions.asked(q)) and subdivisions.text_of(target, part) is None:
            return found, subdivisions.missing(target, part)  # 「第三十三条第四款」 of an article of three
        top = found.hits[0].score if found.hits else 1.0
        rest = [h for h in found.hits if h.article.id != target.id][: k - 1]
        return replace(found, hits=(Hit(target, top * 2, pinned=True), *rest)), None

    @staticmethod
    def _adds(draft: Draft, whole: Draft, covered: bool) -> bool:
        """Whether a part's own quotes add to the whole question's: new quotes, and either from an
        article already quoted (another sentence of the same rule) or for a part the whole's leave
        unanswered (``covered``: whether they answer it)."""
        if set(draft.citations) <= set(whole.citations):
            return False
        quoted = {c.article.id for c in whole.citations}
        return any(c.article.id in quoted for c in draft.citations) or not covered

    @staticmethod
    def _provided_for(part: str, whole: Draft) -> bool:
        """Whether ``part`` supposes an urgent case (急事, 紧急情况) that the whole question's quotes provide for
        (「常务会多久开一次？要是有急事呢？」 and 「…如有需要可随时召开」): nothing else of the rule answers it."""
        text = "".join(c.quote for c in whole.citations)
        return not whole.refused and bool(re.search(URGENT, part) and QUESTION_TYPES["unscheduled"][1].search(text))

    def _answered_by(self, part: str, whole: Draft, own: Draft | None = None) -> bool:
        """Whether the whole question's quotes already answer ``part`` (its terms, its asked quantity),
        and as well as the part's ``own`` quotes do: 「部门报市政府的公文谁签发？涉及两个以上部门的走啥程序？」
        quoted for 会签 mentions 公文 and 部门 but not who signs, which the part's own clause says."""
        if whole.refused:
            return False
        w = self.settings.weights
        text = "".join(c.quote for c in whole.citations)
        doing = asked_permission(part)
        if doing and re.search(rf"可(?:以)?[^，。；]{{0,4}}{re.escape(doing)}", normalize(text)):
            return True  # 「市长不在能委托别人吗」 and 「必要时，市长可委托…」: the permission asked, stated
        if self._provided_for(part, whole):
            return True
        groups = self.analyzer.groups(part)
        if lead_time_unstated(part, text):
            return False  # 「…？要提前几天」 and the quote says only 事先
        if not groups:  # 「…？有什么例外」: nothing of its own but what it asks, which the quotes must say (除…外)
            types = question_types(part)
            return bool(types) and all(QUESTION_TYPES[t][1].search(text) for t in types)
        kind = asked(part)
        if kind and (
            not states(text, kind, asked_unit(part), part) or quantity_elsewhere(part, groups, whole.citations)
        ):
            return False  # 「纪要几天内印发」 and the days quoted are the documents'
        if own is not None and not _gives_kind(part, whole):
            # another part's quote (the whole question's) gives no answer of the kind the part asks: 「组成人员有哪些，
            # …要多少人出席」 and the quorum's 「组成人员的半数」, which names no one
            return False
        titled = "".join(c.article.document + c.quote for c in whole.citations)  # read with its document's title
        if coverage(groups, titled) < w.part_coverage:
            return False
        if own is None or own.refused:
            return True
        return self.scorer.quote_score(part, whole.citations) >= w.part_score_ratio * self.scorer.quote_score(
            part, own.citations
        )


def _quoted_first(draft: Draft, hits: Sequence[Hit]) -> tuple[Hit, ...]:
    """``hits`` with the article ``draft`` quotes first, when it quotes one of the others (the clause that says whom
    a meeting brings in, the minutes' own deadline): the sources lead with the article that answers."""
    if draft.refused or not draft.citations or not hits:
        return tuple(hits)
    quoted = draft.citations[0].article.id
    at = next((i for i, h in enumerate(hits) if h.article.id == quoted), 0)
    return tuple(hits) if at == 0 else (hits[at], *hits[:at], *hits[at + 1 :])
