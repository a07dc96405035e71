"""Deterministic verification of a generated answer against the articles it was given.

Entry point: ``verify(text, articles, scope)``. Every ``[n]`` must point at a given article of a
city in scope; every 「quote」 must be a substring of an article cited in the same sentence
(after normalising whitespace and punctuation width); a sentence without a citation is flagged.
``display(text, articles)`` replaces markers with 《文件》第N条 — users never see a raw ``[n]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.models import Article
from assistant.settings import Weights
from assistant.textnorm import SENTENCE_END, keyed

MARKER = re.compile(r"\[(\d{1,3})\]")
QUOTE = re.compile(r"「([^「」]{2,})」")
SENTENCE = re.compile(rf"[^{SENTENCE_END}\n]+(?:[{SENTENCE_END}]+)?(?:\s*\[\d{{1,3}}\])*")
# A short connective sentence ("具体如下：") may go uncited; the default is Weights'.
SHORT: int = Weights.model_fields["uncited_max_chars"].default
_CLOSING = "。；;，,！!？?"

CheckStatus = Literal["ok", "bad-index", "wrong-city", "quote-not-found"]
PROBLEM: dict[str, str] = {
    "bad-index": "引用了不存在的条文编号",
    "wrong-city": "引用了其他地区的条文",
    "quote-not-found": "引文与条文原文不符",
}


@dataclass(frozen=True)
class Check:
    marker: int
    article_id: str | None
    status: CheckStatus
    quote: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"marker": self.marker, "article_id": self.article_id, "status": self.status, "quote": self.quote}


@dataclass(frozen=True)
class Verification:
    checks: tuple[Check, ...]
    uncited: tuple[str, ...]  # sentences without any citation
    refused: bool
    short: int = SHORT  # an uncited sentence this short (a connective) is no problem

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.status == "ok" for c in self.checks) and not self.unsupported

    @property
    def unsupported(self) -> tuple[str, ...]:
        return tuple(s for s in self.uncited if len(s) > self.short)

    def problems(self) -> list[str]:
        """What failed, in words for users; the rejected text itself is never repeated."""
        failed = [c for c in self.checks if c.status != "ok"]
        out = [f"{PROBLEM[c.status]}（[{c.marker}]）" for c in failed]
        if self.unsupported:
            out.append(f"{len(self.unsupported)} 句没有注明出处")
        return out


def verbatim(quote: str, article: Article) -> str | None:
    """The exact span of ``article.text`` that ``quote`` matches after normalisation, or None."""
    key, _ = keyed(quote)
    if not key:
        return None
    norm, index = keyed(article.text)
    at = norm.find(key)
    if at < 0:
        return None
    start, end = index[at], index[at + len(key) - 1] + 1
    if quote.rstrip()[-1:] in _CLOSING and end < len(article.text) and article.text[end] in _CLOSING:
        end += 1  # keep the clause's closing punctuation when the quote had it
    return article.text[start:end]


def sentences(text: str) -> list[str]:
    return [m.group(0).strip() for m in SENTENCE.finditer(text) if m.group(0).strip()]


def verify(text: str, articles: list[Article], scope: set[str], refusal: str, short: int = SHORT) -> Verification:
    if text.strip().startswith(refusal[:8]):
        return Verification((), (), True)
    checks: list[Check] = []
    uncited: list[str] = []
    for sentence in sentences(text):
        markers = [int(m) for m in MARKER.findall(sentence)]
        if not markers:
            if QUOTE.search(sentence) or len(sentence) > short:
                uncited.append(sentence)
            continue
        valid: list[tuple[int, Article]] = []
        for m in markers:
            if not 1 <= m <= len(articles):
                checks.append(Check(m, None, "bad-index"))
            elif articles[m - 1].city not in scope:
                checks.append(Check(m, articles[m - 1].id, "wrong-city"))
            else:
                valid.append((m, articles[m - 1]))
        quotes = QUOTE.findall(sentence)
        if not valid:
            continue
        for q in quotes:  # each quote must come from an article cited in its sentence
            source = next(((m, art) for m, art in valid if verbatim(q, art)), None)
            if source is None:
                checks.append(Check(valid[0][0], valid[0][1].id, "quote-not-found", q))
            else:
                checks.append(Check(source[0], source[1].id, "ok", q))
        quoted = {c.marker for c in checks[-len(quotes) :]} if quotes else set()
        checks.extend(Check(m, art.id, "ok") for m, art in valid if m not in quoted)
    return Verification(tuple(checks), tuple(uncited), False, short)


def display(text: str, articles: list[Article]) -> str:
    """Replace ``[n]`` with 《文件》第N条; drop markers that point nowhere."""

    def sub(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return f"（{articles[n - 1].citation}）" if 1 <= n <= len(articles) else ""

    return MARKER.sub(sub, text).replace("）（", "、").strip()
