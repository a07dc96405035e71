"""Composing: the places' drafts said as one answer, or as one refusal that says what was found where.

``Composer.compose(slugs, drafts, …)`` lists each place's quotes (a place whose rules are silent is said so,
not dropped), adds the superlative conclusion a comparison asks for (``superlatives``) and the related
clauses of the silent places; when every draft is refused it writes the refusal in plain words
(``messages``). ``refused(…)`` is the one way any stage of the pipeline says no.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from assistant.answering.agreement import Drafted
from assistant.answering.findings import finding_of, quoted, related_clauses
from assistant.answering.kinds import Kinds
from assistant.answering.messages import not_found, not_found_each, place_not_found, rules_called
from assistant.answering.quoting import format_quotes, places_lead
from assistant.answering.superlatives import conclusion, sameness
from assistant.answering.verdicts import verdict
from assistant.knowledge.registry import Registry
from assistant.models import Answer, Citation, Hit, Reason
from assistant.textnorm import without_markup


def refused(
    message: str,
    reason: Reason,
    city: str | None,
    t0: float,
    timings: dict[str, float],
    retrieved: Sequence[Hit] = (),
    related: tuple[Citation, ...] = (),
) -> Answer:
    """A refused answer: ``message`` for the user, ``reason`` for callers, the total time added to ``timings``."""
    timings["total"] = (time.perf_counter() - t0) * 1000
    return Answer(message, True, city, (), tuple(retrieved), timings, reason, related=related)


def merged(ranked_lists: list[Sequence[Hit]]) -> list[Hit]:
    """Interleave per-city rankings (1st of each, then 2nd of each …)."""
    out: list[Hit] = []
    for rank in range(max((len(r) for r in ranked_lists), default=0)):
        out.extend(r[rank] for r in ranked_lists if rank < len(r))
    return out


def _in_reading_order(quotes: Sequence[Citation]) -> tuple[Citation, ...]:
    """``quotes`` grouped by article (in the order the articles are first quoted), each article's in the order
    its text has them: 「常务会谁主持，多久开一次」 quotes who chairs before how often, as the article and the
    question do, rather than the clause that scored best first."""
    first = {c.article.id: i for i, c in reversed(list(enumerate(quotes)))}
    return tuple(sorted(quotes, key=lambda c: (first[c.article.id], c.article.text.find(c.quote))))


def _each_verdict(question: str, compared: list[tuple[str, list[str]]]) -> str:
    """Whether the number (or doer) a question naming no place states is each place's (「汇报稿写两千字可以吧」
    asked of every place): a line per place whose quotes write one of its kind. Not for a question that names
    places (each may be stated a number of its own: 「大同…7个工作日，朝阳是5个工作日吧」): the caller says so."""
    lines = [f"{name}：{line}" for name, quotes in compared if quotes and (line := verdict(question, quotes))]
    # a line that leads into the quote under it (「「…主要任务」共8项：」) ends here, the quotes being above
    lines = [f"{line.removesuffix('：')}。" if line.endswith("：") else line for line in lines]
    return "\n".join(lines)


class Composer:
    def __init__(self, registry: Registry, kinds: Kinds, cities: Sequence[str]) -> None:
        self.registry = registry
        self.kinds = kinds
        self.cities = cities  # the places the knowledge base has articles of

    def compose(
        self,
        slugs: list[str],
        drafts: list[Drafted],
        t0: float,
        timings: dict[str, float],
        compare: bool = False,
        question: str = "",
        placed: bool = False,
    ) -> Answer:
        """``placed``: the question names the places it asks of (as the pipeline's detector reads them)."""
        # the places that answer first: what the answer rests on (a place whose rules are silent is only pointed at)
        retrieved = merged([h for _, _, h in sorted(drafts, key=lambda t: t[1].refused)])
        single = slugs[0] if len(slugs) == 1 else None
        if all(d.refused for _, d, _ in drafts):
            several = not single and (compare or len(slugs) < len(self.cities))
            msg = (
                self._not_found_each(slugs, drafts, question) if several else self._not_found(single, drafts, question)
            )
            return refused(msg, Reason.NOT_FOUND, single, t0, timings, retrieved, related_clauses(drafts))
        citations: list[Citation] = []
        silent: list[tuple[str, str]] = []  # places compared whose rules give no quote, and what is said of them
        parts = []
        for c in slugs:
            mine = [d for city, d, _ in drafts if city == c and not d.refused]
            quotes = _uncontained(tuple(dict.fromkeys(q for d in mine for q in d.citations)))
            if len(mine) > 1:  # quotes for the parts of a question: each article's in reading order, as asked
                quotes = _in_reading_order(quotes)
            citations.extend(quotes)
            # a part of the question the place's rules leave unanswered is said, never silently dropped
            # (as the user said it, without markup pasted in: the answer may be shown as HTML)
            unanswered = [without_markup(d.part) for city, d, _ in drafts if city == c and d.refused and d.part]
            rules = self.rules_called([c])
            said = format_quotes(quotes) + "".join(f"\n（「{p}」：现行{rules}中未找到明确规定。）" for p in unanswered)
            if single:
                parts.append(said)
                continue
            if not quotes:
                finding = finding_of([d for d in drafts if d[0] == c])
                said = place_not_found(*finding, meeting=self.kinds.absent(question, c), rules=rules)
                silent.append((c, said))
            parts.append(f"【{self.registry.by_slug[c].name}】\n{said}")
        everywhere = len(slugs) == len(self.cities) and not compare
        lead = "" if single else places_lead(everywhere)
        timings["total"] = (time.perf_counter() - t0) * 1000
        # 「哪个开得最勤」: the place first by the numbers the quotes state, when one is; 「各地一样吗」: whether they are
        compared = [(self.registry.by_slug[c].name, quoted(c, drafts)) for c in slugs]
        if single:  # 「常务会是每周开一次吧」: whether the number the question states is the rules'
            first = verdict(question, [c.quote for c in citations])
            text = (f"{first}\n" if first else "") + "\n".join(parts)
        else:
            first = (
                conclusion(question, compared)
                or sameness(question, compared)
                or ("" if placed else _each_verdict(question, compared))
            )
            text = lead + "\n".join(parts) + (f"\n{first}" if first else "")
        related = related_clauses([d for d in drafts if d[0] in dict(silent)])
        return Answer(
            text,
            False,
            single,
            tuple(citations),
            tuple(retrieved),
            timings,
            scope=tuple(slugs),
            silent=tuple(silent),
            related=related,
            conclusion=first,
        )

    def _not_found(self, single: str | None, drafts: list[Drafted], question: str) -> str:
        """A refusal in plain words (see ``messages``)."""
        # no place asked: every place searched, named (the nearest article is one place's)
        searched = [single] if single else list(dict.fromkeys(c for c, _, _ in drafts))
        where = f"{self.registry.names_of(searched)}的" if searched else ""
        meeting = self.kinds.absent(question, single) if single else None
        return not_found(
            where, *finding_of(drafts), meeting, rules=self.rules_called([single] if single else self.cities)
        )

    def _not_found_each(self, slugs: list[str], drafts: list[Drafted], question: str) -> str:
        """A refusal for several places asked about: each one's finding (see ``messages``), or the kind of meeting
        asked that its rules never hold."""
        return not_found_each(
            [
                (
                    self.registry.by_slug[c].name,
                    *finding_of([d for d in drafts if d[0] == c]),
                    self.kinds.absent(question, c),
                )
                for c in slugs
            ],
            rules=self.rules_called(slugs),
        )

    def rules_called(self, slugs: Sequence[str]) -> str:
        """What the places' documents are called in a refusal (``messages.rules_called``)."""
        return rules_called([d.title for c in slugs for d in self.registry.documents_of(c)])


def _uncontained(quotes: tuple[Citation, ...]) -> tuple[Citation, ...]:
    """``quotes`` without those another quote of the same article already says in full (「专题会议主要研究以下事项：」
    and its item 2, beside the whole list): quoted once."""
    return tuple(
        q
        for q in quotes
        if not any(
            o.article.id == q.article.id and len(o.quote) > len(q.quote) and q.quote.strip() in o.quote for o in quotes
        )
    )
