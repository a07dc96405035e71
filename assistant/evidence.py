"""How well a text covers a question: weighted term groups shared by answering and refusal.

A question becomes groups of alternatives (a word, or a colloquial phrase with the terms the
rules use for it). Each group weighs its specificity: log(1 + N / (1 + df)), df = articles
containing it. A term that no article contains weighs the most — it is usually the very thing
asked about, and its absence is why the rules do not answer.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .models import Article
from .retrieve import synonyms
from .textnorm import normalize
from .tokenize import STOPWORDS, Tokenizer

# Colloquial fillers that are not in the stopword list used for BM25.
_FILLERS = frozenset(
    "啥 咋 咋办 嘛 呀 哪儿 哪里 要不要 能 行 不行 可不可以 到底 究竟 一共 总共 怎么办 必须 么 哪位 谁来 谁负责 "
    "情况 时候 事情 东西 方面 问题 现在 目前 具体 规定 要求 一次 几 之内".split()
)
_DIGITS = re.compile(r"^\d+$")


@dataclass(frozen=True)
class Group:
    alternatives: tuple[str, ...]
    weight: float


class Evidence:
    """Document frequencies over the articles; builds question groups and scores coverage."""

    def __init__(self, articles: list[Article], tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.texts = [normalize(f"{a.document}{a.text}") for a in articles]
        self.n = len(self.texts)
        self._df: dict[str, int] = {}

    def df(self, term: str) -> int:
        if term not in self._df:
            self._df[term] = sum(1 for t in self.texts if term in t)
        return self._df[term]

    def weight(self, term: str) -> float:
        return math.log(1 + self.n / (1 + self.df(term)))

    def groups(self, question: str) -> list[Group]:
        q = normalize(question)
        phrases = [(p, alts) for p, alts in synonyms() if p in q]
        groups: list[tuple[str, ...]] = [(p, *alts) for p, alts in phrases]
        for tok in self.tokenizer.cut(q):
            tok = tok.strip()
            if (
                len(tok) < 2
                or tok in STOPWORDS
                or tok in _FILLERS
                or _DIGITS.match(tok)
                or not any(c.isalnum() for c in tok)
                or any(tok in p or p in tok for p, _ in phrases)
            ):
                continue
            groups.append((tok,))
        out: list[Group] = []
        seen: set[tuple[str, ...]] = set()
        for alts in groups:
            if alts in seen:
                continue
            seen.add(alts)
            known = [self.weight(a) for a in alts if self.df(a) > 0]
            weight = max(known) if known else self.weight(alts[0])
            out.append(Group(alts, weight))
        return out

    @staticmethod
    def coverage(groups: list[Group], text: str) -> float:
        """Share of the question's weight whose terms appear in ``text`` (0–1)."""
        total = sum(g.weight for g in groups)
        if total == 0:
            return 0.0
        t = normalize(text)
        return sum(g.weight for g in groups if any(a in t for a in g.alternatives)) / total

    @staticmethod
    def missing(groups: list[Group], text: str) -> list[str]:
        t = normalize(text)
        return [g.alternatives[0] for g in groups if not any(a in t for a in g.alternatives)]
