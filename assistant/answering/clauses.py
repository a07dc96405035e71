"""Quotable units of an article: sentences (items are paragraphs of their own), long ones split at ；."""

from __future__ import annotations

import re

from assistant.models import Article
from assistant.textnorm import SENTENCE_END

_SENTENCE = re.compile(rf"[^{SENTENCE_END}]*[{SENTENCE_END}]|[^{SENTENCE_END}]+$")
_SEMICOLON_PART = re.compile(r"[^；;]*[；;]|[^；;]+$")


def sentences_of(para: str, long: int) -> list[str]:
    """Quotable units of one paragraph: sentences; one longer than ``long`` is split at ；."""
    units: list[str] = []
    for m in _SENTENCE.finditer(para):
        s = m.group(0).strip()
        if not s:
            continue
        if len(s) > long and ("；" in s[:-1] or ";" in s[:-1]):
            units.extend(p.strip() for p in _SEMICOLON_PART.findall(s) if p.strip())
        else:
            units.append(s)
    return units


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
