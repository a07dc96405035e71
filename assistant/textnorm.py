"""Normalisation for search and for comparing quotes — never for what users read."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

_SPACE = re.compile(r"\s+")
_ESCAPE = re.compile(
    r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])"
)  # ANSI CSI, OSC, two-byte
# control, zero-width and bidirectional formatting characters (「\u202e」 reverses what follows on screen)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """NFKC (full-width → half-width), lower-case, single spaces. Remembered: the same clauses are
    normalised for every question that scores them."""
    return _normalized(text)


def _normalized(text: str) -> str:
    """``normalize`` without remembering (for passing pieces of text that would crowd the clauses out)."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().lower()


# full-width Latin letters and digits (ｄａｔｏｎｇ, １２) and their half-width forms, one for one (positions kept)
_HALFWIDTH_ALNUM = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}
)


def halfwidth_alnum(text: str) -> str:
    """``text`` with full-width Latin letters and digits half-width, every other character as it is (the length
    and positions kept, unlike ``normalize``): 「ｄａｔｏｎｇ」 is 「datong」."""
    return text.translate(_HALFWIDTH_ALNUM)


@lru_cache(maxsize=1)
def _to_simplified() -> Any:
    from opencc import OpenCC  # dictionaries bundled with the package: nothing downloaded

    return OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional characters read as simplified (「常務會議多久開一次」 → 「常务会议多久开一次」), word by word:
    the rules, the word lists and the places are in simplified characters. For questions only — quotes are
    never touched."""
    return str(_to_simplified().convert(text)) if text else text


def keyed(text: str) -> tuple[str, list[int]]:
    """``match_key(text)`` with, for each of its characters, the position in ``text`` it came from."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for n in unicodedata.normalize("NFKC", ch).lower():
            if n.isalnum():
                chars.append(n)
                index.append(i)
    return "".join(chars), index


def match_key(text: str) -> str:
    """A key for verbatim comparison that ignores whitespace, punctuation and character width."""
    return keyed(text)[0]


def strip_control(text: str) -> str:
    """Remove terminal escape sequences (a colour code pasted from a console: 「\x1b[31m」), control, zero-width
    and bidirectional formatting characters (keeps newlines and tabs as spaces)."""
    return _CONTROL.sub("", _ESCAPE.sub("", text.replace("\t", " ")))


# a link pasted with a question: 「[通知](http://…)」 keeps its words, a bare address (http://…, www.…) none
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]*)\]\((?:https?://|www\.)[^()\s]*\)")
_URL = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+")


def strip_links(text: str) -> str:
    """A question without the web addresses pasted into it (a link's own words kept): an address names
    nothing the rules say, and its letters would be read as words no article has."""
    return _URL.sub(" ", _MARKDOWN_LINK.sub(r"\1", text))


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def in_kana(text: str) -> bool:
    """Whether ``text`` is Japanese: its kanji read as Chinese, its kana (two or more) as no Chinese."""
    return sum("\u3040" <= c <= "\u30ff" for c in text) >= 2


# What ends a sentence, for every splitter (clauses to quote, LLM sentences to verify, streaming).
SENTENCE_END = "。！？!?"


_ALTERNATIVE = re.compile(r"\(([^()]{1,4})\)")  # 县(区), 县(市)区, 出国(境), 镇(街道): a short alternative


@lru_cache(maxsize=16384)
def matchable(text: str) -> str:
    """``normalize(text)``, and where it gives a short alternative in brackets (「县（区）政府」), also read
    with the brackets gone (「县区政府」) and without the alternative (「县政府」): the words a question may
    use for it."""
    t = normalize(text)
    readings = [t]
    if "(" in t:
        readings += [_ALTERNATIVE.sub(r"\1", t), _ALTERNATIVE.sub("", t)]
    if "、副" in t and _DEPUTY_AFTER.search(t):
        readings.append(_DEPUTY_AFTER.sub(r"\1\2、\1副\2", t))
    return "\n".join(readings)


# 「办公室主任、副主任」: the deputy of the same body (办公室副主任), its name said once
_DEPUTY_AFTER = re.compile(r"([\u4e00-\u9fff]{2,6})(主任|局长|处长|科长|秘书长)、副\2")


# markup pasted into a question (HTML, with a script's or a style's body): no words of it
_MARKUP = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1>|$)|<[^<>]*>?", re.IGNORECASE | re.DOTALL)


def without_markup(text: str) -> str:
    """``text`` without HTML tags (and the bodies of scripts and styles): what of a user's words an answer repeats."""
    return _MARKUP.sub("", text).strip()


def as_written(fragment: str, sources: Sequence[str]) -> str:
    """``fragment`` of ``normalize``-d text as one of ``sources`` writes it (full-width brackets, its spaces):
    a phrase found in normalised text and quoted back to the user is quoted verbatim; ``fragment`` itself when no
    source has it."""
    for source in sources:
        for i in range(len(source)):
            first = _normalized(source[i])
            if not first or not fragment.startswith(first):
                continue
            for j in range(i + 1, len(source) + 1):
                said = _normalized(source[i:j])
                if said == fragment:
                    return source[i:j].strip()
                if len(said) > len(fragment) or not fragment.startswith(said):
                    break
    return fragment
