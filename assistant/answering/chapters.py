"""A list a chapter makes: 「市政府工作原则有哪几条」, 「区政府要接受哪些方面的监督」.

Rules set some things out as a chapter, one article each: 第三章 工作原则 is 「坚持党的领导。…」 …
「坚持清正廉洁。…」, 第四章 监督制度 is one article per body that oversees the government. A question that asks
for the list of what a chapter's title names is answered by every article of that chapter — the heading
sentence each opens with (「坚持人民至上。」), or else its sentences that name the thing asked (「…自觉接受
市政协的民主监督…」) — not by the one article that ranks first.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence

from assistant.answering.clauses import is_heading, sentences
from assistant.answering.quoting import format_quotes, places_lead
from assistant.models import Answer, Article, Citation, Hit

# 「工作原则有哪几条」, 「监督有哪些方面」: the thing whose list is asked, before the asking
_SUBJECT = re.compile(
    r"([\u4e00-\u9fff]{2,6}?)(?:都|一共|主要|分别|各自)?(?:有|包括|包含|分为|讲究)(?:哪几条|哪些|哪几个|哪几项|哪几方面)"
)
# 「接受哪些方面的监督」, 「讲究哪几条原则」: the thing after the asking
_OBJECT = re.compile(r"哪(?:些|几)(?:条|个|项|类|种|方面)?的?([\u4e00-\u9fff]{2,4}?)(?:[？?。！!，,\s]|呢|吗|$)")
# 「受谁监督」, 「接受谁的监督」: who does it to the government — the bodies the chapter lists, one article each
_BY_WHOM = re.compile(r"(?:受|接受)谁的?([\u4e00-\u9fff]{2,4}?)(?:[？?。！!，,\s]|呢|吗|$)")
# words of a chapter's title that name no thing of their own (第四章 监督制度: 监督)
_GENERIC = re.compile(r"制度|工作")


def asked_things(question: str) -> list[str]:
    """What ``question`` may ask the list of: the words before its asking (「市政府工作原则有哪几条」 → 「政府工作
    原则」) and after it (「工作讲究哪几条原则」 → 「原则」, 「受谁监督」 → 「监督」)."""
    return [m.group(1) for pattern in (_SUBJECT, _OBJECT, _BY_WHOM) if (m := pattern.search(question))]


def _core(title: str) -> str:
    """A chapter title without its generic words (「工作原则」 → 「原则」, 「监督制度」 → 「监督」)."""
    return _GENERIC.sub("", title)


def chapter_named(thing: str, title: str) -> bool:
    """Whether ``thing`` (as the question says it) names the chapter ``title``: the title itself, said at the end
    of it (「政府工作原则」), or the title's own word alone (「原则」 of 工作原则, 「监督」 of 监督制度; not
    「司法监督」, one kind of it)."""
    core = _core(title)
    return len(core) >= 2 and (thing.endswith(title) or thing == core)


def _quoted(article: Article, core: str, long: int) -> list[str]:
    """What ``article`` says as an item of its chapter: its heading sentence, or its sentences naming ``core``."""
    units = sentences(article, long)
    if units and is_heading(units[0]):
        return units[:1]
    return [u for u in units if core in u]


class ChapterLists:
    """Answers a list question from the chapter whose title names the thing asked (one place, one document)."""

    def __init__(self, articles: Sequence[Article], long: int, most: int) -> None:
        self.long = long
        self.most = most  # a chapter of more articles lists too much to be one answer
        # per place: each chapter of each of its documents, (title, articles in order)
        self.chapters: dict[str, list[tuple[str, list[Article]]]] = {}
        by_chapter: dict[tuple[str, str, int], tuple[str, list[Article]]] = {}
        for a in articles:
            if a.chapter is not None:
                key = (a.city, a.document, a.chapter.number)
                if key not in by_chapter:
                    by_chapter[key] = (a.chapter.title, [])
                    self.chapters.setdefault(a.city, []).append(by_chapter[key])
                by_chapter[key][1].append(a)

    def quotes(self, q: str, city: str) -> tuple[Citation, ...]:
        """The chapter's items quoted, when ``q`` asks for the list a chapter of ``city``'s rules makes (else ())."""
        things = asked_things(q)
        found = [
            (title, arts) for title, arts in self.chapters.get(city, []) if any(chapter_named(t, title) for t in things)
        ]
        if len(found) != 1 or len(found[0][1]) > self.most:
            return ()  # none, or several documents' chapters (which one is asked is not said)
        title, arts = found[0]
        core = _core(title)
        quotes = tuple(Citation(a, said) for a in arts for said in _quoted(a, core, self.long))
        return quotes if len({c.article.id for c in quotes}) >= 2 else ()

    def answer(
        self, q: str, places: Sequence[tuple[str, str]], everywhere: bool, t0: float, timings: dict[str, float]
    ) -> Answer | None:
        """The chapter's items for each of ``places`` (slug, name), under its name when several (``everywhere``:
        the question named none), when ``q`` asks for the list a chapter makes and every place's rules have that
        chapter; else None."""
        each = [(c, name, self.quotes(q, c)) for c, name in places]
        if not each or any(not quotes for _, _, quotes in each):
            return None
        single = each[0][0] if len(each) == 1 else None
        if single:
            text = format_quotes(each[0][2])
        else:
            text = places_lead(everywhere) + "\n".join(
                f"【{name}】\n{format_quotes(quotes)}" for _, name, quotes in each
            )
        quotes = tuple(c for _, _, qs in each for c in qs)
        timings["total"] = (time.perf_counter() - t0) * 1000
        hits = tuple(Hit(c.article, 1.0, pinned=True) for c in quotes)
        return Answer(text, False, single, quotes, hits, timings, scope=tuple(c for c, _, _ in each))
