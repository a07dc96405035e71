"""Normalisation for search and for comparing quotes — never for what users read."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
# Characters removed when comparing quotes: whitespace and every punctuation mark.
_PUNCT_OR_SPACE = re.compile(r"[\s\W_]+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def normalize(text: str) -> str:
    """NFKC (full-width → half-width), lower-case, single spaces."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().lower()


def match_key(text: str) -> str:
    """A key for verbatim comparison that ignores whitespace and punctuation width."""
    return _PUNCT_OR_SPACE.sub("", unicodedata.normalize("NFKC", text)).lower()


def strip_control(text: str) -> str:
    """Remove control and zero-width characters (keeps newlines and tabs as spaces)."""
    return _CONTROL.sub("", text.replace("\t", " "))


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)
