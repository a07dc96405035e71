"""Follow-ups about the answer just given: 「还有别的要求吗」, 「第二款呢」, 「下一条呢」.

「第二款呢」 and 「下一条呢」 point into the article the answer quoted: they are made whole as a question naming
the paragraph or article (``onward``), so that the conversation goes on from there.

Said after an answer, 「还有呢」, 「还有别的规定吗」, 「其他要求呢」, 「就这些吗」, 「没别的了吗」 ask what else the
rules say on it: the rest of the article(s) the answer quoted, not the answer again. The message is
recognised by its form alone — words of "more" (还有, 别的, 其他, 其余, 就这些 …), maybe a general noun for
what rules say (要求, 规定, 内容 …), and nothing else: a message with a subject of its own (「还有什么会要提前报」)
is a question of its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from assistant.answering import subdivisions
from assistant.answering.clauses import is_heading, sentences_of
from assistant.answering.quoting import format_quotes
from assistant.answering.references import ARTICLE_REF
from assistant.models import Article, Citation
from assistant.numerals import article_label, parse_number
from assistant.textnorm import match_key

# what rules say, in general words (no subject of a rule)
_SAID = r"(?:注意事项|要求|规定|内容|说法|条件|事项|程序|手续|环节|讲究|限制|规矩|东西|情况|条款)"
_ASK = r"(?:吗|呢|没有|没|么|嘛|不|啊|呀)?"
_OTHER = r"(?:别的|其他|其它|其余|剩下|另外|更多|什么|啥|哪些)"
_FORMS = (
    # 还有呢, 还有吗, 还有别的要求吗, 除此之外还有什么规定, 还有没有其他的
    rf"(?:除此之外|除此以外|除了这些?|此外|另外)?还有(?:没有)?(?:{_OTHER}的?)?{_SAID}?{_ASK}",
    # 其他呢, 别的要求呢, 其余的呢, 剩下的规定有哪些
    rf"(?:别的|其他|其它|其余|剩下)的?{_SAID}?(?:{_ASK}|还有吗|有吗|有没有|有哪些|是什么|是啥)",
    # 就这些吗, 只有这些吗, 就这么多吗
    rf"(?:就|只有|只)(?:这些|这么多|这一条|这一句|这几条|这一点)了?{_ASK}",
    # 没别的了吗, 没有其他要求了吗
    rf"没有?(?:别的|其他|其它)的?{_SAID}?了?{_ASK}",
    # 还规定了什么, 还要求啥
    rf"还(?:规定|要求|说)了?(?:{_OTHER}|些什么){_SAID}?{_ASK}",
    # 然后呢, 接下来呢
    r"(?:然后|接下来|接着|后面)呢",
    # 请详细说明, 具体说说, 详细点, 能说得具体点吗
    r"(?:请|麻烦)?(?:你|您)?(?:能|能不能|可以)?(?:再)?(?:说|讲)?得?(?:详细|具体|仔细)(?:地|点|些|一点|一些)?"
    r"(?:说明|说说|说一下|讲讲|讲一下|解释|介绍|展开)?(?:一下)?(?:吗|么|吧)?",
    # 请解释一下, 展开说说
    r"(?:请|麻烦)?(?:你|您)?(?:再)?(?:解释|展开(?:说说|讲讲)?|说明)(?:一下)?",
    # 具体怎么规定的, 原文怎么写的
    r"(?:具体|详细|原文|条文)(?:是)?(?:怎么|如何)(?:规定|说|要求|写)的?(?:呢)?",
)
_MORE = re.compile("|".join(f"(?:{f})" for f in _FORMS))
_LEAD = re.compile(r"^(?:那么?|嗯+|哦+|噢|好的?|明白了?|知道了|了解了?|谢谢|请问)[，,、\s]*")
_TAIL = re.compile(r"[？?。！!～~…,，\s]+$")


def asks_more(message: str) -> bool:
    """Whether ``message`` only asks for more of what was just answered (「还有别的要求吗」)."""
    said = _TAIL.sub("", unicodedata.normalize("NFKC", message).strip())
    while (lead := _LEAD.match(said)) and lead.end():
        said = said[lead.end() :]
    return bool(said) and _MORE.fullmatch(said) is not None


@dataclass(frozen=True)
class Rest:
    """What an article says besides what was quoted from it: its units not quoted (in order, within the
    length allowed), and whether some were left out for length."""

    article: Article
    units: tuple[str, ...]
    cut: bool


def rest_of(article: Article, quoted: Sequence[str], long: int, most: int, shown: int = 0) -> Rest:
    """The sentences of ``article`` no quote in ``quoted`` holds (nor overlaps), in order, up to ``most``
    characters: those of the paragraphs quoted from first (a long article goes on to other matters:
    「要严格执行请销假制度。…」 is the paragraph of a 请假 answer, 财经纪律 another one), then the rest of the
    article; a heading sentence (「坚持党的领导。」) says nothing of its own and is left out. ``shown``: how many
    such parts were given already (「还有呢」 asked again goes on from where the last one stopped)."""
    said = [match_key(q) for q in quoted if q.strip()]

    def quoted_in(unit: str) -> bool:
        return any(match_key(unit) in q or q in match_key(unit) for q in said)

    paragraphs = [sentences_of(p, long) for p in article.paragraphs]
    if paragraphs and paragraphs[0] and is_heading(paragraphs[0][0]):
        paragraphs[0] = paragraphs[0][1:]
    near = [u for units in _with_items(paragraphs, quoted_in) for u in units if not quoted_in(u)]
    far = [u for units in paragraphs for u in units if not quoted_in(u) and u not in near]
    parts = [*_windows(near, most), *_windows(far, most)]  # a part is of the quoted paragraphs or of the others
    kept = parts[shown] if shown < len(parts) else []
    return Rest(article, tuple(kept), shown + 1 < len(parts))


def _with_items(paragraphs: list[list[str]], quoted_in: Callable[[str], bool]) -> list[list[str]]:
    """The paragraphs quoted from, each with the items of the list it opens (「…主要任务是：」 and its (一)…(六)):
    a list's lead goes on in its items."""
    out: list[list[str]] = []
    opened = False
    for units in paragraphs:
        item = opened and bool(units) and subdivisions.is_item(units[0])
        if item or any(map(quoted_in, units)):
            out.append(units)
            opened = item or (bool(units) and units[-1].rstrip().endswith((":", "：")))
        else:
            opened = False
    return out


def _windows(units: list[str], most: int) -> list[list[str]]:
    """``units`` in order, in parts of up to ``most`` characters (a longer unit is a part of its own)."""
    out: list[list[str]] = []
    for unit in units:
        if out and sum(map(len, out[-1])) + len(unit) <= most:
            out[-1].append(unit)
        else:
            out.append([unit])
    return out


def rests(citations: Sequence[Citation], long: int, most: int, shown: int = 0) -> list[Rest]:
    """Per article quoted (in order, once each), what else it says (after ``shown`` parts of it)."""
    quoted: dict[str, list[str]] = {}
    articles: dict[str, Article] = {}
    for c in citations:
        articles.setdefault(c.article.id, c.article)
        quoted.setdefault(c.article.id, []).append(c.quote)
    return [rest_of(articles[aid], quoted[aid], long, most, shown) for aid in articles]


def _joined(rest: Rest) -> list[Citation]:
    """The rest's units as quotes, adjacent ones (verbatim together in the article) as one."""
    quotes: list[str] = []
    for unit in rest.units:
        if quotes and quotes[-1] + unit in rest.article.text:
            quotes[-1] += unit
        else:
            quotes.append(unit)
    return [Citation(rest.article, q) for q in quotes]


def said_more(found: Sequence[Rest], shown: int = 0) -> tuple[str, tuple[Citation, ...]]:
    """The answer to 「还有呢」 and its citations (none: nothing is left that was not quoted)."""
    sources = "、".join(r.article.source for r in found)
    told = [r for r in found if r.units]
    if not told:
        return f"{sources}的内容上面已全部引用，该条没有别的规定了。如要了解其他方面的规定，请具体说明要问什么。", ()
    cites = tuple(c for r in told for c in _joined(r))
    lead = "除上面已引用的内容外，" if not shown else "接着上面，"
    lines = [f"{lead}{'该条' if len(found) == 1 else '这些条文'}还规定：", format_quotes(cites)]
    if cut := [r.article.source for r in told if r.cut]:
        lines.append(f"（{'、'.join(cut)}还有其他内容，未全部列出，可再问「还有呢」或查看原文。）")
    if whole := [r.article.source for r in found if not r.units]:
        lines.append(f"{'、'.join(whole)}的内容上面已全部引用。")
    return "\n".join(lines), cites


class Cited(Protocol):
    """The first quote of the answer to ``question`` in ``city`` (None: refused, or nothing quoted)."""

    def __call__(self, question: str, city: str | None) -> Citation | None: ...


Unit = Literal["款", "项", "条"]
# 「下一款呢」, 「上一条说的什么」, 「后一项」: the paragraph, item or article next to the one quoted
_NEXT = re.compile(
    r"(?:那么?)?(?:它的|这条的|该条的)?([上下前后])一?([款项条])"
    r"(?:呢|又?(?:是|说|讲|写)[了的]?(?:啥|什么|些什么)|怎么(?:说|规定)的?)?[？?。]*"
)


@dataclass(frozen=True)
class Pointer:
    """Where a follow-up points: a subdivision by number (「第二款呢」), or a step from the one quoted."""

    unit: Unit
    number: int | None = None  # None: by ``step``
    step: int = 0


def pointed(message: str) -> Pointer | None:
    """The paragraph, item or article a follow-up points to (None: it points nowhere)."""
    said = unicodedata.normalize("NFKC", message).strip()
    if m := _NEXT.fullmatch(said):
        unit: Unit = "款" if m.group(2) == "款" else "项" if m.group(2) == "项" else "条"
        return Pointer(unit, step=1 if m.group(1) in "下后" else -1)
    if m := subdivisions.PART_ONLY.fullmatch(said):
        return Pointer("款" if m.group(3) == "款" else "项", number=parse_number(m.group(2)))
    return None


def _current(citation: Citation, unit: Unit) -> int:
    """The number of the paragraph (or item) ``citation`` quotes: the one it names, or the first holding it."""
    if citation.part.endswith(unit) and (n := parse_number(citation.part[1:-1])):
        return n
    units = subdivisions.paragraphs(citation.article) if unit == "款" else subdivisions.items(citation.article)
    quote = match_key(citation.quote)
    return next((i for i, u in enumerate(units, 1) if quote in match_key(u) or match_key(u) in quote), 0)


def onward(pointer: Pointer, citation: Citation) -> str | None:
    """The question asking for what ``pointer`` points to from the article ``citation`` quotes (「市政府常务会议工作
    规则第十五条是什么」); None when the quote is in no paragraph or item to step from."""
    art = citation.article
    if pointer.unit == "条":
        return f"{art.document}{_article_said(art.article + pointer.step)}是什么"
    if pointer.number is not None:
        number = pointer.number
    elif current := _current(citation, pointer.unit):
        number = current + pointer.step
    else:
        return None
    part = subdivisions.Subdivision("款" if pointer.unit == "款" else "项", number).label
    return f"{art.document}{article_label(art.article)}{part}是什么"


def stepped_reference(pointer: Pointer, question: str) -> str | None:
    """``question`` with the article (or the paragraph or item) it names stepped as ``pointer`` says
    (「市政府全体会议工作规则第十三条是什么」 and 「上一条呢」 → 「…第十二条是什么」); None when it names none to step."""
    said = ARTICLE_REF.search(question)
    if said is None or pointer.step == 0:
        return None
    if pointer.unit == "条":
        stepped = _article_said(parse_number(said.group(1)) + pointer.step)
        return question[: said.start()] + stepped + question[said.end() :]
    part = subdivisions.asked(question)
    if part is None or part.unit != pointer.unit:
        return None
    return question.replace(part.label, subdivisions.Subdivision(part.unit, part.number + pointer.step).label, 1)


def _article_said(n: int) -> str:
    """「第十二条」; a step before 第一条 as 「第0条」, which the drafter says no article is."""
    return article_label(n) if n > 0 else f"第{n}条"
