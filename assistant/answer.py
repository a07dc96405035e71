"""Extractive answers: the sentence(s) of the retrieved articles that answer the question.

Entry point: ``ExtractiveAnswerer(evidence, settings).answer(question, hits)``. Offline and
deterministic. Quotes are verbatim substrings of article text (sentences, or items such as
（三）), each cited as 《文件》第N条. When the best evidence is too weak it refuses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ConfigError
from .evidence import Evidence, Group
from .models import Article, Citation, Hit
from .textnorm import normalize

_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]|[^。！？!?]+$")
_LONG = 110  # a sentence longer than this is split at semicolons


@dataclass(frozen=True)
class AnswerSettings:
    """Refusal and quote-selection thresholds (calibrated on evals/gold, see evals/README.md)."""

    min_coverage: float = 0.55  # answer when the top article covers this much of the question…
    weak_coverage: float = 0.35  # …or at least this much when dense similarity is high too
    min_dense: float = 0.88
    max_quotes: int = 3
    extra_quote_ratio: float = 0.75  # a further sentence must score this close to the best one
    candidate_articles: int = 3

    def __post_init__(self) -> None:
        for name in ("min_coverage", "weak_coverage", "min_dense", "extra_quote_ratio"):
            if not 0 <= getattr(self, name) <= 1:
                raise ConfigError(f"{name} 必须在 0 到 1 之间")
        if self.weak_coverage > self.min_coverage:
            raise ConfigError("weak_coverage 不能大于 min_coverage")
        if self.max_quotes < 1 or self.candidate_articles < 1:
            raise ConfigError("max_quotes 与 candidate_articles 必须为正整数")


def sentences(article: Article) -> list[str]:
    """Quotable units in reading order: sentences; items; long sentences split at ；."""
    units: list[str] = []
    for para in article.paragraphs:
        for m in _SENTENCE.finditer(para):
            s = m.group(0).strip()
            if not s:
                continue
            if len(s) > _LONG and ("；" in s[:-1] or ";" in s[:-1]):
                units.extend(p.strip() for p in re.findall(r"[^；;]*[；;]|[^；;]+$", s) if p.strip())
            else:
                units.append(s)
    return units


@dataclass(frozen=True)
class Draft:
    """What the answerer decided, before formatting."""

    citations: tuple[Citation, ...]
    refused: bool
    coverage: float
    dense: float
    missing: tuple[str, ...]


class ExtractiveAnswerer:
    def __init__(self, evidence: Evidence, settings: AnswerSettings | None = None) -> None:
        self.evidence = evidence
        self.settings = settings or AnswerSettings()

    def supported(self, coverage: float, dense: float) -> bool:
        s = self.settings
        return coverage >= s.min_coverage or (coverage >= s.weak_coverage and dense >= s.min_dense)

    def draft(self, question: str, hits: list[Hit]) -> Draft:
        """Choose quotes from ``hits`` (ranked, one city), or refuse."""
        groups = self.evidence.groups(question)
        if not hits or not groups:
            return Draft((), True, 0.0, 0.0, tuple(g.alternatives[0] for g in groups))
        top = hits[0]
        coverage = Evidence.coverage(groups, f"{top.article.document}{top.article.text}")
        dense = max(h.dense for h in hits[:3])
        if not self.supported(coverage, dense):
            return Draft((), True, coverage, dense, tuple(Evidence.missing(groups, top.article.text)))
        return Draft(self._quotes(groups, hits), False, coverage, dense, ())

    def _quotes(self, groups: list[Group], hits: list[Hit]) -> tuple[Citation, ...]:
        s = self.settings
        best_score = hits[0].score or 1.0
        scored: list[tuple[float, int, int, str, Article]] = []
        for rank, hit in enumerate(hits[: s.candidate_articles]):
            prior = 0.6 + 0.4 * (hit.score / best_score)
            if rank > 0 and hit.score < 0.8 * best_score:
                continue
            for pos, unit in enumerate(sentences(hit.article)):
                cov = Evidence.coverage(groups, unit)
                if cov > 0:
                    scored.append((cov * prior, rank, pos, unit, hit.article))
        if not scored:  # nothing matches word for word: quote the top article's opening sentence
            art = hits[0].article
            return (Citation(art, sentences(art)[0]),)
        scored.sort(key=lambda t: (-t[0], t[1], t[2]))
        best = scored[0]
        chosen = [best]
        covered = {g.alternatives for g in groups if _has(g, best[3])}
        for cand in scored[1:]:
            if len(chosen) >= s.max_quotes or cand[0] < s.extra_quote_ratio * best[0]:
                break
            adds = {g.alternatives for g in groups if _has(g, cand[3])} - covered
            if not adds:
                continue
            chosen.append(cand)
            covered |= adds
        # Quotes of one article read in the article's order; articles in rank order.
        chosen.sort(key=lambda t: (t[1], t[2]))
        return tuple(Citation(art, unit) for _, _, _, unit, art in chosen)


def _has(group: Group, text: str) -> bool:
    t = normalize(text)
    return any(a in t for a in group.alternatives)


def format_quotes(citations: tuple[Citation, ...]) -> str:
    """「quote」《文件》第N条 lines, quotes of one article grouped under one citation."""
    lines: list[str] = []
    i = 0
    while i < len(citations):
        art = citations[i].article
        quotes = []
        while i < len(citations) and citations[i].article.id == art.id:
            quotes.append(f"「{citations[i].quote}」")
            i += 1
        lines.append(f"{''.join(quotes)}——{art.citation}")
    return "\n".join(lines)
