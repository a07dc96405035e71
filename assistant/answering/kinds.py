"""Kinds of a body, mined from the knowledge base: which meeting a question or a clause is about.

A question about 全体会议 is not answered by a clause about 常务会议, however many words they
share (「全体会上部门汇报限时几分钟」 against 「议题汇报时间一般控制在 5 分钟左右」 of the
常务会议 rules). The kinds are not typed in: a kind is the noun right before 会议 in the articles
(常务, 全体, 专题, 办公 of 市长办公会议 …), one that names a good share of the meetings the rules speak of.
Questions say 常务会 as often as 常务会议, so a kind is recognised before 会 as well.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.models import Article
from assistant.textnorm import normalize

_BEFORE_MEETING = re.compile(r"([\u4e00-\u9fff]{2})会议")
# 会 of a meeting, not the verb prefix of 会签, 会商, 会同, 会审, 会办 (「部门会签」 is no 部门会议)
_MEETING = "会(?![签商同审不]|办(?!公室))"  # nor 会不会; after a kind's name 会前, 会后 are its (「常务会后多久印发」)
# A kind names at least this share of the meetings the rules name (not 市性 of 全市性会议, nor 电话)…
MIN_SHARE_OF_MEETINGS = 0.05
# …and names a meeting in at least this share of its own uses (部门: 4 of 360; 办公: 34 of 157).
MIN_SHARE = 0.2
Tagger = Callable[[str], list[tuple[str, str]]]
_GOVERNMENT = re.compile(r"^.*?[市区县州]?(?:人民)?政府")  # whose meeting: 大同市人民政府, 市政府
_LEVEL_HEAD = re.compile(r"[市区县州]长$")  # 市长 of 市长办公会议 is part of its name


# Another body's meeting (「市政协全体会议」, 「市委常委会」, 「市人大常委会会议」, 「市政府党组会议」): the party committee's or
# party group's, the people's congress's or the political consultative conference's, which a government's work rules
# do not regulate
_OTHER_BODY = re.compile(
    r"(?P<body>[市区县]委|党委|党组|人大|政协|纪委|监委)的?"
    r"(?:全体会议|全体会|常务会议|常务会|常委会(?:会议)?|主席会议|主席会|主任会议|全会|会议)"
)


def other_body(question: str) -> str | None:
    """The body named as holding the meeting asked about, when it is another than the government (「政协」 of
    「市政协全体会议由谁主持」); None when it is not said or is the government's."""
    m = _OTHER_BODY.search(normalize(question))
    return m.group("body") if m else None


@lru_cache(maxsize=16)
def _pattern(names: frozenset[str]) -> re.Pattern[str]:
    return re.compile(f"({'|'.join(sorted(map(re.escape, names), key=len, reverse=True))}){_MEETING}")


@lru_cache(maxsize=16)
def _said_pattern(names: frozenset[str]) -> re.Pattern[str]:
    kinds = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(f"(?:[市区县]?政府)?(?:[市区县]长)?(?:{kinds}){_MEETING}(?:议(?!题))?")


@lru_cache(maxsize=8192)
def _named(names: frozenset[str], text: str) -> frozenset[str]:
    return frozenset(m.group(1) for m in _pattern(names).finditer(text))


def _narrows(question: str, words: frozenset[str]) -> bool:
    """Whether ``question`` says a word that narrows the meeting, other than inside a title (市委书记)."""
    return any(re.search(f"{re.escape(w)}(?!书记|副书记|常委)", question) for w in words)


@dataclass(frozen=True)
class Kinds:
    """The meeting kinds of a knowledge base, and which jurisdictions' rules have each."""

    names: frozenset[str]
    by_city: dict[str, frozenset[str]]
    # document title → the words that narrow the meeting it is about (「落实市委重大决策部署」 of
    # 「市政府落实市委重大决策部署专题会议工作规则」): a question that says none of them asks of the plain meeting
    qualifiers: dict[str, frozenset[str]] = field(default_factory=dict)
    # jurisdiction → the titles of its documents (whose narrowed meetings it holds)
    titles: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def mine(cls, articles: Iterable[Article], tagger: Tagger) -> Kinds:
        articles = list(articles)
        counts: Counter[str] = Counter()
        texts = [normalize(f"{a.document} {a.text}") for a in articles]
        for text in texts:
            counts.update(m.group(1) for m in _BEFORE_MEETING.finditer(text))
        names = frozenset(
            w
            for w, n in counts.items()
            if n >= MIN_SHARE_OF_MEETINGS * sum(counts.values())
            and n >= MIN_SHARE * sum(t.count(w) for t in texts)
            and [f for _, f in tagger(w)] == ["n"]
        )
        kinds = cls(names, {})
        by_city: dict[str, set[str]] = {}
        titles: dict[str, set[str]] = {}
        for a in articles:
            by_city.setdefault(a.city, set()).update(kinds.named(f"{a.document} {a.text}"))
            titles.setdefault(a.city, set()).add(a.document)
        qualifiers = {t: q for t in {a.document for a in articles} if (q := kinds._qualifier(t, tagger))}
        return cls(
            names,
            {c: frozenset(k) for c, k in by_city.items()},
            qualifiers,
            {c: frozenset(t) for c, t in titles.items()},
        )

    def _narrowed_elsewhere(self, question: str, asked: frozenset[str], city: str) -> bool:
        """The question names a meeting as another jurisdiction's document narrows it (most of the words of
        「落实市委重大决策部署」 with 专题会), and ``city`` has no document narrowing it so."""
        if city not in self.titles:
            return False

        return any(self._says(question, asked, t) for t in self.qualifiers) and not any(
            self._says(question, asked, t) for t in self.titles[city]
        )

    def _says(self, question: str, asked: frozenset[str], title: str) -> bool:
        """Whether ``question`` names the meeting of ``title`` as the title narrows it (most of its qualifier's words)."""
        words = self.qualifiers.get(title, frozenset())
        said = sum(1 for w in words if w in question)
        return bool(asked & self.named(title)) and said >= 2 and 2 * said >= len(words)

    def _qualifier(self, title: str, tagger: Tagger) -> frozenset[str]:
        """The words of a document title between whose meeting it is (市政府, 市长) and its kind."""
        m = _pattern(self.names).search(title) if self.names else None
        if not m:
            return frozenset()
        before = _LEVEL_HEAD.sub("", _GOVERNMENT.sub("", title[: m.start()]))
        return frozenset(w for w, _ in tagger(before) if len(w) >= 2)

    def named(self, text: str) -> frozenset[str]:
        """The kinds ``text`` names (「常务会」 and 「常务会议」 alike)."""
        if not self.names:
            return frozenset()
        return _named(self.names, normalize(text))

    def short_names(self, text: str) -> list[str]:
        """The meetings ``text`` names short (「常务会」, 「专题会」, not 「常务会议」): how questions say them."""
        if not self.names:
            return []
        t = normalize(text)  # matched and read on one string (normalising may shift positions)
        return [m.group(0) for m in _pattern(self.names).finditer(t) if not t[m.end() :].startswith("议")]

    def said(self, text: str) -> str | None:
        """The first meeting ``text`` names, as it says it: 「市政府专题会」, 「市长办公会议」, 「常务会」
        (not 「常务会议题」's 议)."""
        if not self.names:
            return None
        m = _said_pattern(self.names).search(text)
        return m.group(0) if m else None

    def said_all(self, text: str) -> Iterator[re.Match[str]]:
        """Every meeting ``text`` names, as it says it (see ``said``)."""
        if self.names:
            yield from _said_pattern(self.names).finditer(text)

    def absent(self, question: str, city: str) -> str | None:
        """The words naming a kind of meeting that ``city``'s rules never hold (「市长办公会」 in 咸宁), if any."""
        held = self.by_city.get(city, self.names)
        for m in re.finditer(f"(?:[市区县]长)?({'|'.join(map(re.escape, self.names))}){_MEETING}议?", question):
            if self.names and m.group(1) not in held:
                return m.group(0)
        return None

    def mismatch(self, question: str, article: Article, clause: str) -> bool:
        """The question names a kind of meeting that ``article``'s jurisdiction never holds, or that the
        clause (else its article, else its document) does not name while naming another kind; or another body's
        meeting (「市政协全体会议」) that the clause does not name that body with."""
        if (body := other_body(question)) is not None and body not in normalize(clause):
            return True
        asked = self.named(question)
        if not asked:
            return False
        if not asked & self.by_city.get(article.city, asked):
            return True
        narrowed = self.qualifiers.get(article.document)
        if narrowed and not _narrows(question, narrowed) and asked & self.named(article.document):
            return True  # 「专题会纪要谁签」 is not asked of the 落实市委重大决策部署专题会议
        if self._narrowed_elsewhere(question, asked, article.city):
            return True  # 「落实市委重大决策部署专题会议」 asked of a place that holds no such meeting
        # … and asked of a place that holds it, not answered from the rules of the kind at large (大同's
        # 《市政府专题会议工作规则》 for 「落实市委重大决策部署的专题会议能让副秘书长主持吗」: 由市长主持)
        if (
            not narrowed
            and asked & self.named(article.document)
            and any(self._says(question, asked, t) for t in self.titles.get(article.city, ()) if self.qualifiers.get(t))
        ):
            return True
        # a clause naming none is of the meeting its paragraph named before it (「根据会议议题可安排…法律顾问列席
        # 会议」 after 「区政府常务会议每月至少召开1次」), though the article names others in passing (its list's
        # 「提请区政府全体会议审议的…事项」)
        before = next((p[: p.index(clause)] for p in article.paragraphs if clause and clause in p), "")
        for text in (clause, before, article.text, article.document):
            said = self.named(text)
            if said:
                return not asked & said
        return False
