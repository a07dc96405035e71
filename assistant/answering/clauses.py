"""Quotable units of an article: sentences (items are paragraphs of their own), long ones split at ；."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from assistant.models import Article
from assistant.textnorm import SENTENCE_END

_SENTENCE = re.compile(rf"[^{SENTENCE_END}]*[{SENTENCE_END}]|[^{SENTENCE_END}]+$")
_HEADING_MOST = 12  # an article opening with a sentence this short opens with its heading (「坚持党的领导。」)
_SEMICOLON_PART = re.compile(r"[^；;]*[；;]|[^；;]+$")


# A sentence that goes on from the one before without a subject of its own (「市政府专题会议纪要由办公室起草。
# 按程序报主持召开会议的市政府领导同志签发」; 「…专题会议（以下简称专题会议）。由市长主持」): one unit with it,
# not a conditional of its own (「按程序报经…批准的，须…」)
_GOES_ON = re.compile(r"^(?:由|按程序报(?!经)|并)(?![^，,]*的[，,])")


# A sentence that only names something and its short name (「市政府落实市委重大决策部署专题会议（以下简称专题会议）。」):
# it states nothing, so it answers no question
DEFINITION = re.compile(r"[^，,。；;]*[（(]以下简称[^）)]*[）)][。；;]?")


def sentences_of(para: str, long: int) -> list[str]:
    """Quotable units of one paragraph: sentences; one longer than ``long`` is split at ；; a sentence
    going on from the one before without a subject of its own is one unit with it (see ``_GOES_ON``)."""
    units: list[str] = []
    for m in _SENTENCE.finditer(para):
        s = m.group(0).strip()
        if not s:
            continue
        if units and _GOES_ON.match(s) and units[-1].endswith("。") and not DEFINITION.fullmatch(units[-1]):
            units[-1] += s
            continue
        if len(s) > long and ("；" in s[:-1] or ";" in s[:-1]):
            units.extend(p.strip() for p in _SEMICOLON_PART.findall(s) if p.strip())
        else:
            units.append(s)
    return units


# What makes a clause a rule rather than a slogan: a number with its unit (「1种」, 「5个工作日」), a bound or an
# obligation (「原则上」, 「不超过」, 「一律不」, 「须」, 「应当」), a regulation it holds to (「《…》」), or a case it
# applies to (「…的，」)
_SPECIFIC = re.compile(
    r"[0-9０-９一二两三四五六七八九十半]+\s*(?:个|种|次|名|人|天|日|周|月|年|字|项|件|份|期|分之)"
    r"|原则上|不超过|不少于|至少|一律|严禁|不得|禁止|必须|须|应当|只|《"
    r"|的[，,]"
)


def specifics(unit: str) -> int:
    """How many specifics (a number with its unit, a bound or obligation, a case) ``unit`` states."""
    return len(_SPECIFIC.findall(unit))


def is_heading(first: str) -> bool:
    """Whether ``first``, an article's opening sentence, is its heading (「坚持依法行政。」): short enough."""
    return len(first) <= _HEADING_MOST


def sentences(article: Article, long: int) -> list[str]:
    """Quotable units in reading order."""
    return [u for para in article.paragraphs for u in sentences_of(para, long)]


def clauses_with_context(article: Article, long: int) -> list[tuple[str, str]]:
    """Each quotable clause with its context: the document title and its paragraph's opening clause."""
    out: list[tuple[str, str]] = []
    for para in article.paragraphs:
        units = sentences_of(para, long)
        for i, unit in enumerate(units):
            out.append((unit, article.document + (units[0] if i else "")))
    return out


Embed = Callable[[list[str]], list[list[float]]]


def unit_rows(vectors: list[list[float]]) -> np.ndarray:
    """Row-normalised vectors (an empty 0×1 array for none)."""
    if not vectors:
        return np.zeros((0, 1), np.float32)
    rows = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms == 0, 1, norms)


class ClauseVectors:
    """Embeddings of articles' clauses, so that a question can be compared with each clause rather than
    with the whole article: 「全体会一年开几次」 is close to 「市政府全体会议一般每年召开 1-2 次」 wherever
    that sentence stands. ``embed`` is the knowledge base's cached embedder (vectors ship with it)."""

    def __init__(self, embed: Embed, long: int) -> None:
        self.embed = embed
        self.long = long
        self._vectors: dict[tuple[str, str], np.ndarray] = {}

    @staticmethod
    def _key(article: Article) -> tuple[str, str]:
        # a tuple of the article's own strings: their hashes are cached, no text is copied per lookup
        return (article.id, article.text)

    def of(self, article: Article) -> np.ndarray:
        """One unit-length row per clause, in reading order."""
        key = self._key(article)
        if key not in self._vectors:
            units = sentences(article, self.long)
            self._vectors[key] = unit_rows(self.embed(units) if units else [])
        return self._vectors[key]

    def warm(self, articles: list[Article]) -> None:
        """Every article's clause vectors in one batch (read from the cache, or computed once for articles
        without shipped vectors), so that no answer waits on them later."""
        todo = [a for a in articles if self._key(a) not in self._vectors]
        units = [sentences(a, self.long) for a in todo]
        flat = self.embed([u for us in units for u in us]) if any(units) else []
        at = 0
        for article, us in zip(todo, units, strict=True):
            self._vectors[self._key(article)] = unit_rows(flat[at : at + len(us)])
            at += len(us)

    def similarity(self, vector: tuple[float, ...], article: Article) -> float:
        """The highest cosine between the question's ``vector`` and a clause of ``article`` (0 without one)."""
        if not vector:
            return 0.0
        q = np.asarray(vector, dtype=np.float32)
        norm = float(np.linalg.norm(q))
        rows = self.of(article)
        return float(np.max(rows @ (q / norm))) if norm and len(rows) else 0.0
