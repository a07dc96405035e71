"""Places compared answer alike: the rules were written from one model, so where one place's answer is unlike
all the others' (or it is refused on weak evidence), its clause that restates theirs is its answer
(``consensus``). And asked which places have a rule (「哪个地方规定了…要提前1天请假」), a place whose quotes
lack what the others' name does not have it (``stating_asked``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from assistant.answering.analysis import Group, QuestionAnalyzer
from assistant.answering.asking import WHICH_PLACE
from assistant.answering.consensus import likeness, most_alike, restates
from assistant.answering.extractive import Draft, ExtractiveAnswerer
from assistant.answering.quantities import amounts
from assistant.answering.roles import ROLE
from assistant.answering.scoring import ClauseScorer, coverage
from assistant.models import Hit
from assistant.retrieval.retrievers import Retriever, Vector
from assistant.settings import Settings
from assistant.textnorm import normalize

Drafted = tuple[str, Draft, Sequence[Hit]]  # a place, its draft, the hits it was drafted from

# A level word (市政府, 区长, 县里) or a role (负责人 here, 负责同志 there): each place says its own, not a thing
# one place names and another lacks
_OWN_WORDING = re.compile(rf"[省市区县乡镇]|{ROLE.pattern}|(?:人|同志|人员)$")


def stating_asked(q: str, drafts: list[Drafted], groups_of: Callable[[str], Sequence[Group]]) -> list[Drafted]:
    """「哪个地方规定了…要提前1天请假」, 「哪个地方常务会可以请法律顾问列席」: asked which places have a rule,
    a place whose quotes do not set the number asked (「应事先请假」), or whose quoted articles lack a thing
    asked (a noun, not a level word: 市 or 区) that another place's quotes name, does not have that rule, and
    is said to be silent rather than answering. ``groups_of``: the question's term groups (read only for such
    questions)."""
    if not WHICH_PLACE.search(q):
        return drafts
    stated = amounts(q)
    quoted = {c: normalize("".join(q2.quote for q2 in d.citations)) for c, d, _ in drafts if not d.refused}
    # the articles quoted: a thing is lacked when the whole article never names it (not only the quote)
    cited = {
        c: normalize("\n".join(dict.fromkeys(q2.article.text for q2 in d.citations)))
        for c, d, _ in drafts
        if not d.refused
    }
    things = [g for g in groups_of(q) if g.noun and not any(_OWN_WORDING.search(a) for a in g.alternatives)]
    named = [g for g in things if any(g.found(t) for t in quoted.values())]

    def lacks(c: str) -> bool:
        return bool(stated and not stated & amounts(quoted[c])) or any(not g.found(cited[c]) for g in named)

    if not stated and not named:
        return drafts
    return [
        (c, Draft((), True, signals=d.signals), hits) if not d.refused and lacks(c) else (c, d, hits)
        for c, d, hits in drafts
    ]


class Agreement:
    """Places compared, each place's draft moved to its clause alike to the others' answers (``agreeing``).
    ``searched_as``: a question as searched (its places taken out)."""

    def __init__(
        self,
        settings: Settings,
        analyzer: QuestionAnalyzer,
        scorer: ClauseScorer,
        answerer: ExtractiveAnswerer,
        retriever: Retriever,
        searched_as: Callable[[str], str],
    ) -> None:
        self.settings = settings
        self.analyzer = analyzer
        self.scorer = scorer
        self.answerer = answerer
        self.retriever = retriever
        self.searched_as = searched_as

    def agreeing(
        self, asked: dict[str, str], drafts: list[Drafted], vectors: dict[str, tuple[float, ...]]
    ) -> list[Drafted]:
        """Places compared answer from alike clauses (see ``consensus``): a place's answer moves to
        another of its top articles when that one's clause answers nearly as well and is much more
        like the other places' answers."""
        w = self.settings.weights
        out = []
        for c, draft, hits in drafts:
            others = [o.citations[0].quote for c2, o, _ in drafts if c2 != c and o.citations]
            if draft.refused and others and not draft.part and not WHICH_PLACE.search(asked[c]):
                draft, hits = self._restating(asked, c, drafts, draft, hits, vectors.get(c, ()))
                out.append((c, draft, hits))
                continue
            if (
                draft.refused
                or not others
                or draft.part
                or w.consensus_weight <= 0
                or max(likeness(q2.quote, o) for q2 in draft.citations for o in others) >= w.consensus_outlier
            ):  # answering alike already
                out.append((c, draft, hits))
                continue
            top, q, own, own_hits = hits[: w.consensus_depth], asked[c], draft, hits
            best = [self.scorer.best_unit(q, h.article) for h in top]
            pick = most_alike([(score, clause) for score, _, clause in best], others, w.consensus_weight)
            if pick:
                reordered = (top[pick], *(h for h in hits if h is not top[pick]))
                moved = self.answerer.draft(q, reordered, vectors[c])
                # the place's own alike clause, even when it does not state the quantity asked (「事先」 where
                # the others say 提前10个工作日): that is the place's answer, not an unlike clause that has a number
                if not moved.refused or moved.unstated is not None:
                    draft, hits = moved, reordered
            elif not WHICH_PLACE.search(q):
                # none of its top articles is alike: the place's article that restates the others' answer,
                # wherever it ranks (「一把手不在谁主持工作」: 大同's 第五条, behind its rule on department heads)
                draft, hits = self._restating(asked, c, drafts, draft, hits, vectors.get(c, ()))
            if self._narrower(q, draft, own):
                # 「参加营利性会议活动」: the place's own clause has words asked that the alike one lacks
                draft, hits = own, own_hits
            out.append((c, draft, hits))
        return out

    def _narrower(self, q: str, moved: Draft, own: Draft) -> bool:
        """Whether the ``moved`` draft's quotes have only some of the words of ``q`` that the place's ``own`` had
        (a strict subset): a place's own clause on the very thing asked (咸宁's 「…不得参加…营利性会议和活动」) is
        no outlier to move off, however unlike the other places' (大同's, silent on it, quoting its rule on
        meetings); a clause with words of its own (列席 for 「常务会列席人员…能请哪些人」) may be."""
        if moved is own or moved.refused or own.refused:
            return False
        groups = self.analyzer.groups(q)
        said = [
            {i for i, g in enumerate(groups) if g.found(normalize("".join(c.quote for c in d.citations)))}
            for d in (moved, own)
        ]
        return said[0] < said[1]

    def _answering(self, q: str, draft: Draft) -> str:
        """The quote of ``draft`` that has most of the question's words (not a clause quoted beside it)."""
        groups = self.analyzer.groups(q)
        return max(draft.citations, key=lambda c: coverage(groups, c.quote)).quote

    def _restating(
        self,
        asked: dict[str, str],
        c: str,
        drafts: list[Drafted],
        draft: Draft,
        hits: Sequence[Hit],
        vector: Vector,
    ) -> tuple[Draft, Sequence[Hit]]:
        """A place refused on weak evidence (not for an unstated quantity or another role's rule), or answering
        unlike the others, whose top article (or one searched with their words: ``_parallel``) has a best clause
        that restates another place's answer (levels aside, both ways, as closely as two
        documents' restating clauses agree: ``Weights.agree_overlap``) answers with it: the rules were written from one
        model, and the other place's evidence stands for the same provision. Not when the question asks which
        places have a rule (``WHICH_PLACE``): there a place without it is part of the answer. A place refused
        for an unstated quantity stays refused, its top clause said beside the refusal when it restates another's."""
        w = self.settings.weights
        if not hits or w.consensus_weight <= 0 or (draft.unstated is None and draft.signals is None):
            return draft, hits  # (consensus_weight 0: each place on its own)
        q = asked[c]
        # the other places' answers: each one's quote with most of its question's words
        others = [self._answering(asked[c2], o) for c2, o, _ in drafts if c2 != c and o.citations]
        if draft.unstated is not None:
            # the quantity asked is set nowhere here, but the top article's best clause restates another place's
            # answer (咸宁's 「…应先征得…同意后，再正式向市政府报送请示」 for 大同's 「…应提前10个工作日正式…报送请示」):
            # the place's own rule on it, said beside its refusal
            clause = self.scorer.best_unit(q, hits[0].article)[2] if not draft.said else ""
            if clause and max((restates(clause, o) for o in others), default=0.0) >= w.agree_overlap:
                return replace(draft, said=clause), hits
            return draft, hits
        top = [*hits[: w.consensus_depth], *self._parallel(c, others, hits[: w.consensus_depth])]
        clauses = [self.scorer.best_unit(q, h.article)[2] for h in top]
        alike = [max((restates(clause, o) for o in others), default=0.0) if clause else 0.0 for clause in clauses]
        best = max(range(len(top)), key=lambda i: (alike[i], -i))
        if alike[best] < w.agree_overlap:
            return draft, hits
        reordered = (top[best], *(h for h in hits if h is not top[best]))
        moved = self.answerer.draft(q, reordered, vector, agreed=True)
        return (moved, reordered) if not moved.refused else (draft, hits)

    def _parallel(self, c: str, others: list[str], seen: Sequence[Hit]) -> list[Hit]:
        """Place ``c``'s articles most like the other places' answers (searched with their words), beyond
        ``seen``: where its rules, written from the same model, would restate them."""
        if not others:
            return []
        ids = {h.article.id for h in seen}
        found = self.retriever.retrieve(self.searched_as("".join(others)), c, self.settings.weights.consensus_depth)
        return [h for h in found.hits if h.article.id not in ids]
