"""Whether a place lacks a provision other places have: 「全区性会议是不是提倡开视频会」 asked of 城区.

城区's rules never mention 视频会议; 大同, 朝阳 and 咸宁 say 「全市性会议提倡采用加密电视电话会议、网络视频会议形式」.
城区's own article on the same meetings answers other things (whom a meeting may invite), and it covers the rest of
the question well enough to be quoted. The things asked about (nouns) that no article of the place has are found in
another place's answer; when no phrase of the place's rules is close to that answer's phrase naming them, the place
has no such provision. A different wording of the same provision stays close (「区人大代表建议和区政协委员提案」
against 「人大代表议案建议和政协提案」).

Compared phrase by phrase (the parts of a clause between commas), not clause by clause: the places' clauses
restate one another with a phrase added or left out, and a whole clause stays close to its parallel either way.
How far is too far (``Weights.provision_gap``) is chosen by leave-one-set-out cross-validation on the development
sets (``benchmarks/provision_cv.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.answering.analysis import Group, TermStats
from assistant.answering.clauses import Embed, unit_rows
from assistant.answering.roles import ROLE
from assistant.models import Article, Citation
from assistant.textnorm import normalize

_PHRASE = re.compile(r"[^，。；：,;:！？!?、\n]{4,}")  # the parts of a clause between its commas (4 characters or more)


def phrases(text: str) -> list[str]:
    return [p.strip() for p in _PHRASE.findall(text) if len(p.strip()) >= 4]


# a code named as a thing (「“13710”信息化督办平台」): a name no place says in other words, though no noun to jieba;
# not a number with its unit after it (「5000字」, 「2024年」), which is a quantity
_CODE = re.compile(r"\d{4,}(?![\s\d]*[字年月日天周个次人元万%％条项件名份岁小时分钟])")


def codes(question: str) -> frozenset[str]:
    """The codes ``question`` names as things (see ``_CODE``)."""
    return frozenset(_CODE.findall(normalize(question)))


def lacking(stats: TermStats, groups: Sequence[Group], city: str, named: frozenset[str] = frozenset()) -> list[Group]:
    """The things asked about (nouns; the codes ``named``) that no article of ``city`` contains."""
    return [g for g in groups if (g.noun or g.alternatives[0] in named) and not stats.any_in_city(g.alternatives, city)]


@dataclass(frozen=True)
class Elsewhere:
    """Another place's answer with the phrase naming what the asked place lacks, and how far its closest is."""

    city: str
    citation: Citation
    phrase: str
    gap: float  # 1 − the cosine of the asked place's closest phrase


class Provisions:
    """Every article's phrases, embedded once (with the knowledge base's cached embedder), by place."""

    def __init__(self, embed: Embed, articles: Sequence[Article]) -> None:
        self.embed = embed
        by_city: dict[str, list[str]] = {}
        for article in articles:
            by_city.setdefault(article.city, []).extend(phrases(article.text))
        self.rows = {city: unit_rows(embed(ps)) for city, ps in by_city.items() if ps}
        # each phrase's row, to compare a quote's phrases without reading the embedding cache again
        self._row = {p: row for city, ps in by_city.items() if ps for p, row in zip(ps, self.rows[city], strict=True)}

    def elsewhere(
        self, things: Sequence[Group], city: str, answers: Sequence[tuple[str, Citation]]
    ) -> Elsewhere | None:
        """Of ``answers`` (other places' quotes for the question), the one with a phrase naming every one of
        ``things`` whose closest phrase in ``city`` is farthest; None when no answer names them all."""
        own = self.rows.get(city)
        if own is None or not things:
            return None
        found: Elsewhere | None = None
        for other, citation in answers:
            named = [p for p in phrases(citation.quote) if all(g.found(normalize(p)) for g in things)]
            if not named:
                continue
            closest = (self._vectors(named) @ own.T).max(axis=1)
            i = int(np.argmin(closest))
            # a code is said by no other words: however alike the phrases, the place lacks it (gap 1)
            gap = 1.0 if any(_CODE.fullmatch(g.alternatives[0]) for g in things) else 1.0 - float(closest[i])
            if found is None or gap > found.gap:
                found = Elsewhere(other, citation, _said_with(named[i], citation.quote), gap)
        return found

    def lacking_among(
        self,
        stats: TermStats,
        groups: Sequence[Group],
        answers: Sequence[tuple[str, Citation]],
        gap: float,
        among: set[str],
        named: frozenset[str] = frozenset(),
    ) -> set[str]:
        """Of the places compared that answered (``answers``: each one's first quote), those ``among`` the ones
        judged that lack the provision another's answer has (see ``elsewhere``; ``gap``: ``Weights.provision_gap``):
        「全市性会议提倡开视频会，大同和城区都有这条吗」 — 城区 quoted its rule on the same meetings, which never names
        视频."""
        out = set()
        for city in {c for c, _ in answers} & among:
            others = [a for a in answers if a[0] != city]
            # thing by thing: the places say their own level's words (全市性会议 of 全区性会议), each phrase names one
            things = [
                g
                for g in lacking(stats, groups, city, named)
                # an office is named as each government names it (副秘书长 is a district's 办公室副主任)
                if not stats.any_in_city(at_other_levels(g), city) and not any(ROLE.search(w) for w in g.alternatives)
            ]
            found = [self.elsewhere([thing], city, others) for thing in things]
            if any(f is not None and f.gap >= gap for f in found):
                out.add(city)
        return out

    def _vectors(self, texts: list[str]) -> np.ndarray:
        """Unit rows of ``texts``: the articles' own phrases from memory (a quote's phrases are theirs), any
        other embedded."""
        missing = [t for t in texts if t not in self._row]
        embedded = dict(zip(missing, unit_rows(self.embed(missing)), strict=True)) if missing else {}
        return np.vstack([self._row[t] if t in self._row else embedded[t] for t in texts])


_LEVEL = re.compile("[市区县]")


def at_other_levels(group: Group) -> list[str]:
    """A group's words said at the other levels of government (市长 → 区长, 县长; 全市性会议 → 全区性会议): a city
    district names its own level where a city names its."""
    return [_LEVEL.sub(level, word) for word in group.alternatives for level in "市区县" if _LEVEL.search(word)]


def _said_with(phrase: str, quote: str) -> str:
    """The part of ``quote`` between its commas that holds ``phrase`` (a phrase cut at 、 reads whole again)."""
    return next((part for part in re.split(r"[，。；,;]", quote) if phrase in part), phrase).strip()
