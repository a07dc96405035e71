"""A paragraph (款) or an item (项) of an article, named with it: 「第三十三条第二款」, 「第二十条第十项」.

Chinese rule texts divide an article into paragraphs (款) and a paragraph into numbered items (项, （一）
(二) …). An item is printed on a line of its own but belongs to the paragraph that introduces it
(「…的主要任务是：」), so paragraphs are the article's lines with their items' lines joined to them.
The quote of a subdivision is its lines as printed (the item with its marker), so it stays verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.answering.references import ARTICLE_REF
from assistant.models import Article
from assistant.numerals import NUMBER, article_label, parse_number, to_chinese_number

Unit = Literal["款", "项"]

# the subdivision right after the article (「第三十三条第四款」, 「第二十条的第十项」); or said alone, its article
# named before in the conversation (「第七项呢」)
_PART = rf"第\s*({NUMBER})\s*([款项])"
SAID_AFTER_ARTICLE = re.compile(rf"\s*的?\s*{_PART}")  # matched where the article's naming ends
_AFTER_ARTICLE = re.compile(rf"(?:{ARTICLE_REF.pattern}){SAID_AFTER_ARTICLE.pattern}")
PART_ONLY = re.compile(
    rf"(?:那么|那|还有)?({_PART})(?:呢|又?(?:是|说|讲|写)了?(?:啥|什么)|怎么(?:说|规定)的?)?[？?。]*"
)
_ITEM_LINE = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]|^\s*\d+[.．、]")


@dataclass(frozen=True)
class Subdivision:
    unit: Unit
    number: int

    @property
    def label(self) -> str:
        """「第二款」; a number no Chinese numeral of the rules says (0, 10000 or more) as given: 「第0款」."""
        said = to_chinese_number(self.number) if 0 < self.number < 10000 else str(self.number)
        return f"第{said}{self.unit}"


def asked(question: str) -> Subdivision | None:
    """The paragraph or item named right after an article in ``question`` (None: none named)."""
    m = _AFTER_ARTICLE.search(question)
    if not m:
        return None
    raw, unit = m.group(2), m.group(3)
    number = parse_number(raw)
    return Subdivision("款" if unit == "款" else "项", number)


# an item named with no article (「常务会议的第三项任务是什么」): of the list the answer's article holds
_ITEM_ALONE = re.compile(rf"第\s*({NUMBER})\s*项")


def item_alone(question: str) -> Subdivision | None:
    """The item a question names with no article before it (None: none, or an article is named)."""
    if ARTICLE_REF.search(question) or not (m := _ITEM_ALONE.search(question)):
        return None
    return Subdivision("项", parse_number(m.group(1)))


def paragraphs(article: Article) -> list[str]:
    """The article's paragraphs as printed: each line, with the item lines after it joined to it."""
    out: list[str] = []
    for line in article.text.split("\n"):
        if out and _ITEM_LINE.match(line):
            out[-1] = f"{out[-1]}\n{line}"
        elif line.strip():
            out.append(line)
    return out


def is_item(line: str) -> bool:
    """Whether ``line`` is an item of a list, as printed (「（三）…」, 「3.…」)."""
    return _ITEM_LINE.match(line) is not None


def items(article: Article) -> list[str]:
    """The article's item lines as printed (with their markers), in order."""
    return [line for line in article.text.split("\n") if is_item(line)]


def text_of(article: Article, part: Subdivision) -> str | None:
    """The subdivision's lines (None: the article has no such paragraph or item)."""
    units = paragraphs(article) if part.unit == "款" else items(article)
    return units[part.number - 1] if 0 < part.number <= len(units) else None


def missing(article: Article, part: Subdivision) -> str:
    """What to tell when ``article`` has no such subdivision: 「第三十三条共 3 款，没有第四款」."""
    units = paragraphs(article) if part.unit == "款" else items(article)
    where = f"《{article.document}》{article_label(article.article)}"
    if not units:
        return f"{where}没有分项，也就没有{part.label}。"
    return f"{where}共 {len(units)} {part.unit}，没有{part.label}。"
