"""What the drafts of one question found, for the answer: each place's quotes, and for a refusal the nearest
article, the kind of quantity the rules set nowhere and the clause quoted instead (``Draft.said``), with its
source (``Answer.related``)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering.agreement import Drafted
from assistant.models import Article, Citation, Hit


def finding_of(drafts: Sequence[Drafted]) -> tuple[Article | None, str | None, str]:
    """What refused ``drafts`` found: the nearest article (the first top hit that shares a word with the
    question: 「今天天气怎么样」 has none), the kind of quantity asked that the rules set nowhere, if any,
    and what that article says instead (「事先向市长请假」)."""
    unstated = next(((d, hits) for _, d, hits in drafts if d.unstated), None)
    if unstated is not None:
        # the article of the same place as the clause said (not another place's first article: several places
        # drafted, each refused, the clause and its source are one place's)
        d, hits = unstated
        return _saying(d.said, hits) or (hits[0].article if hits else None), d.unstated, d.said
    nearest = next((h[0].article for _, d, h in drafts if h and d.signals is not None and d.signals.coverage > 0), None)
    return nearest, None, ""


def quoted(city: str, drafts: Sequence[Drafted]) -> list[str]:
    """What ``city``'s answering drafts quote."""
    return [c.quote for c2, d, _ in drafts if c2 == city and not d.refused for c in d.citations]


def related_clauses(drafts: Sequence[Drafted]) -> tuple[Citation, ...]:
    """The clause each place's refused ``drafts`` are said to state instead: the first one's ``Draft.said``, as
    ``finding_of`` and ``messages`` quote it, with the article of that place that has it."""
    out: list[Citation] = []
    for c in dict.fromkeys(c for c, _, _ in drafts):
        first = next((d for c2, d, _ in drafts if c2 == c and d.unstated), None)
        said = first.said if first is not None and not first.said.endswith(("：", ":")) else ""
        hits = [h for c2, _, found in drafts if c2 == c for h in found]
        if (article := _saying(said, hits)) is not None:
            out.append(Citation(article, said))
    return tuple(out)


def _saying(said: str, hits: Sequence[Hit]) -> Article | None:
    """The article among ``hits`` that has the clause ``said`` (None: none, or nothing said)."""
    return next((h.article for h in hits if said and said in h.article.text), None)
