"""Questions about a rule document itself: its 文号, who issued it and when, how many articles and chapters it
has, whether it is in force and what it replaced, from when it applies.

「大同市政府工作规则的文号是多少」 asks nothing an article says: the 文号 is printed above the title, the date
under the issuing notice. The registry holds them (``knowledge/registry.toml``: number, issuer, issued,
status, replaces) and the articles give the counts, so these are answered from the document's record, naming
it; when it applies is quoted from its own closing article (「本规则自发布之日起施行」), with the date it was
issued. A question is about a document only when it refers to one (by its title, however shortened — see
``references`` —, or as 规则 / 这个文件) and asks one of these things of it; 「发文要不要编文号」 is a question
about the rules' content and is searched as ever.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Literal

from assistant.answering.quoting import places_lead
from assistant.answering.references import MAIN_RULES, named_document, named_elsewhere
from assistant.knowledge.registry import DocumentEntry, Registry
from assistant.models import Answer, Article, Citation, Hit, Reason
from assistant.numerals import cn_date


class Asked(StrEnum):
    NUMBER = "number"  # 文号
    ISSUER = "issuer"  # 谁印发的
    ISSUED = "issued"  # 什么时候印发的
    ARTICLES = "articles"  # 一共几条
    CHAPTERS = "chapters"  # 分几章
    STATUS = "status"  # 还有效吗
    REPLACES = "replaces"  # 替代了哪个文件
    EFFECTIVE = "effective"  # 什么时候施行
    BASIS = "basis"  # 依据什么制定
    INTERPRETER = "interpreter"  # 由谁解释


_REFERENT = r"(?:工作)?规则|条例|实施细则|(?:管理)?办法|(?:这|该|本)(?:个|份|部)?(?:文件|规定|办法)|(?:这|该|本)个?文"
_WHEN = r"(?:什么|啥)时候|何时|哪(?:一)?(?:天|年|月|日)|几(?:月|号)|多会儿?|(?:从|自)(?:哪|何时)"
_ISSUING = r"印发|发布|出台|制定|下发|颁布|发(?:的|出)|定的|出的|通过"
_EARLIEST = rf"(?:{_ISSUING})(?:得|的)?(?:最|更|比较)(?:早|旧|老)|(?:最|更)(?:早|旧|老)(?:{_ISSUING})?"
_LATEST = rf"(?:{_ISSUING})(?:得|的)?(?:最|更|比较)(?:晚|新|近)|(?:最|更)(?:晚|新|近)(?:{_ISSUING})?"
_OLD_ONE = re.compile(r"(?:旧|老|上一|以前|之前|原来|过去)的?(?:那|这)?(?:一)?(?:个|份)?(?:版|版本|(?:工作)?规则|文件)")
_OLD_STILL = r"(?:旧|老|以前|之前|原来)的(?:那个|那版)?(?:工作)?(?:规则|版本?|文件)?(?:还|仍然?|是否|是不是)(?:有效|管用|适用|生效|执行)"
_REPLACING = "替代|取代|代替|替换|废止|废除|替"  # (替掉, said day to day, is 替代)
_ASKING: dict[Asked, re.Pattern[str]] = {
    Asked.NUMBER: re.compile(r"文号|发文字号|发文号|文件号|哪个文(?:件)?(?:印发|发)|[几哪]号文"),  # 「是几号文」
    Asked.ISSUER: re.compile(
        rf"(?:谁|哪(?:个|一)?(?:单位|部门|机关|机构|级|家))(?:来|负责)?(?:{_ISSUING})|(?:印发|发布|制定)(?:单位|机关|部门)"
    ),
    Asked.ISSUED: re.compile(
        rf"(?:{_WHEN})(?:开始)?(?:{_ISSUING})|(?:{_ISSUING})(?:的)?(?:时间|日期|年份)|(?:是|为)?哪(?:一)?年的|哪年版"
        rf"|{_EARLIEST}|{_LATEST}"
    ),
    Asked.ARTICLES: re.compile(
        rf"(?:{_REFERENT})(?:里|中)?(?:各|分别|一共|总共|共|总计|合计)*(?:有|包括|含)?(?:几|多少)条(?!件|规定|要求)"
        rf"|条(?:文)?数(?:量)?(?:最|更|比较)?(?:多|少)?"
    ),
    Asked.CHAPTERS: re.compile(r"(?:一共|总共|共|有|分|分为|分成|包括)(?:几|多少)(?:个)?(?:章|部分)"),
    Asked.STATUS: re.compile(
        r"(?:还|仍然?|是否|是不是|现在)(?:有效|管用|适用|生效|现行)|(?:作废|废止|失效|过期)了?(?:吗|没|没有)"
    ),
    Asked.REPLACES: re.compile(
        rf"(?:{_REPLACING}|换掉)(?:掉)?了?(?:的是|的)?(?:哪|什么|啥)"
        # 「被替掉的旧规则」: the one replaced, named by its being replaced
        rf"|被(?:{_REPLACING}|换)(?:掉)?(?:了)?的"
        # 「把哪个文件废了」: the one it stopped, asked before the doing
        r"|把(?:哪|什么|啥)[^，,。？?]{0,8}(?:废止|废除|废|替代|取代|替换|代替)(?:了|掉)"
        # the one it replaced, however pointed at (「老的那版」, 「之前那个版本」, 「以前的规则」), or whether it still
        # holds (「旧的还管用吗」: it was stopped)
        rf"|{_OLD_ONE.pattern}"
        rf"|{_OLD_STILL}"
    ),
    Asked.EFFECTIVE: re.compile(
        rf"(?:{_WHEN})(?:开始|起)?(?:施行|生效|实施|执行|起效)|(?:施行|生效|实施)(?:的)?(?:时间|日期)"
    ),
    Asked.INTERPRETER: re.compile(
        r"(?:由|归|找|向)(?:谁|哪(?:个|一)?(?:部门|单位|机关|机构|家))(?:来|负责)?解释|解释权(?:归|在|属于|是)?(?:谁|哪)"
    ),
    Asked.BASIS: re.compile(
        r"(?:依据|根据|参照|按照|依照)(?:了)?(?:什么|啥|哪些|哪个|哪几个?)(?:文件|法律|法规|规定|规则)?(?:制定|定的|出台|写的)?"
        r"|(?:制定|出台)(?:的)?(?:依据|根据)"
    ),
}
# words that only ask or point (请问, 一共, 现在, 分别 …) and punctuation
_ASKING_ONLY = re.compile(
    r"请问|一下|现在|目前|现行|我们|咱们|这个|那个|分别|各地|各自|一共|总共|多少|几|哪|啥|什么|怎么|是否|是不是"
    r"|(?:这|那)?(?:[一二两三四五六七八九十几]|这些|那些)?个?(?:地方|地区|城市)"
    r"|文件|新的|[的是了吗呢啊吧呀嘛么还都又在和与及跟个份部里中有各比\s\W]"
)
_BESIDES_MAX = 2  # characters a question may say besides the document and what is asked of it
_BASIS_CLAUSE = re.compile(r"(?:根据|依据|按照|为了|为)[^。]*?制定本(?:规则|办法|规定|条例|细则)")
_STOPPED = re.compile(r"[^。\n]*(?:停止执行|同时废止)")
_IN_ARTICLES = frozenset({Asked.BASIS, Asked.EFFECTIVE, Asked.INTERPRETER})  # said by a clause, not the record
_INTERPRETING = re.compile(r"本(?:规则|办法|规定|条例|细则)[^。；]{0,20}?由[^。；]{1,30}?解释")
_CLOSING = re.compile(r"本(?:规则|办法|规定|条例|细则)[^。；]*?(?:施行|执行)")


Superlative = Literal["earliest", "latest", "most", "fewest"]
_FEWER = re.compile(r"条(?:文)?数(?:量)?(?:最|更|比较)?少|(?:最|更)少")


@dataclass(frozen=True)
class DocumentQuestion:
    asked: tuple[Asked, ...]
    titles: dict[str, str]  # per place asked about: the title of its document asked about
    superlative: Superlative | None = None  # which document comes first (「哪个印发最早」, 「哪个条数多」)


def _matched(q: str) -> tuple[Asked, ...]:
    return tuple(a for a, pattern in _ASKING.items() if pattern.search(q))


def asked_of_document(q: str) -> tuple[Asked, ...]:
    """What ``q`` asks of a document it refers to (empty when it refers to none or asks nothing of it)."""
    if not re.search(_REFERENT, q):
        return ()
    asked = _matched(q)
    # 「旧的还管用吗」 asks whether the replaced one holds, not the current one's status
    still = re.search(_OLD_STILL, q) and not _ASKING[Asked.STATUS].search(re.sub(_OLD_STILL, "", q))
    # 「老的那版工作规则文号是多少」, 「上一版什么时候印发的」, 「废止的是哪个文号」: the number or date of the replaced
    # one, which only its closing article's 「…印发的《…》（…号）停止执行」 says — not the current one's (what asks
    # of the replaced one includes every pointing at it, ``_OLD_ONE``)
    of_old = [s for s in re.split(r"[，,。？?！!；;]", q) if _ASKING[Asked.REPLACES].search(s)]
    dropped = {a for a in (Asked.NUMBER, Asked.ISSUED) if any(_ASKING[a].search(s) for s in of_old)}
    if still:
        dropped.add(Asked.STATUS)
    return tuple(a for a in asked if a not in dropped)


def of_previous_document(message: str, previous: str) -> str | None:
    """「一共几条」 after 「朝阳市人民政府工作规则的文号是多少」: what the message asks, of the document the previous
    question asked about (「朝阳市人民政府工作规则一共几条」); None when it was not about a document, the message
    names one of its own or asks nothing of one."""
    referent = re.search(_REFERENT, previous) if asked_of_document(previous) else None
    if referent is None or re.search(_REFERENT, message):
        return None
    asked = previous[: referent.end()] + re.sub(r"^(?:那|那么)?(?:它|这个|该)?的?", "", message.strip())
    return asked if asked_of_document(asked) else None


def _superlative(q: str, asked: tuple[Asked, ...]) -> Superlative | None:
    if Asked.ISSUED in asked and re.search(_EARLIEST, q):
        return "earliest"
    if Asked.ISSUED in asked and re.search(_LATEST, q):
        return "latest"
    if Asked.ARTICLES in asked and re.search(r"条(?:文)?数|(?:最|更|比较)(?:多|少)", q):
        return "fewest" if _FEWER.search(q) else "most" if re.search(r"多", q) else None
    return None


def said_besides(q: str, title: str, places: tuple[str, ...], asked: tuple[Asked, ...]) -> str:
    """What ``q`` says besides the document ``title`` (any run of two or more of its characters), places, what
    it asks of the document and words that only ask: 「常务会议决定的事项什么时候执行，规则怎么说」 says
    「决定的事项」 of something else, so it asks about content, not about the document."""
    for place in places:
        q = q.replace(place, " ")
    # the longest asking first: 「旧的还管用吗」 is stripped whole, before 「还管用」 alone could be
    for a in sorted(asked, key=lambda a: -max((len(m.group(0)) for m in _ASKING[a].finditer(q)), default=0)):
        q = _ASKING[a].sub(" ", q)
    q = re.sub(_REFERENT, " ", q)
    out, i = [], 0
    while i < len(q):
        n = next((n for n in range(len(q) - i, 1, -1) if q[i : i + n] in title), 0)
        out.append(" " if n else q[i])
        i += n or 1
    return _ASKING_ONLY.sub("", "".join(out))


# Which documents a place has (「大同一共有几个规则文件」, 「大同的会议规则有哪些」): the knowledge base's own list
_HELD = re.compile(
    r"(?:几|多少|哪些|哪几)(?:个|份|部)?(?P<meetings>会议)?(?:工作)?(?:规则|文件|制度)(?:文件)?"
    r"|(?P<meetings2>会议)?(?:工作)?(?:规则|制度|文件)(?:文件)?(?:都|一共|总共|共)?(?:有|包括)(?:哪些|哪几个?|几个|多少个?)"
)


def asks_documents_held(q: str, places: tuple[str, ...]) -> bool | None:
    """Whether ``q`` asks only which (or how many) documents a place has: None when not, else whether only its
    meeting rules are asked (「会议规则有哪些」)."""
    m = _HELD.search(q)
    if m is None:
        return None
    rest = q[: m.start()] + q[m.end() :]
    for place in places:
        rest = rest.replace(place, " ")
    if len(_ASKING_ONLY.sub("", re.sub(r"一共|总共|都|收录|知识库|政府", "", rest))) > _BESIDES_MAX:
        return None
    return bool(m.group("meetings") or m.group("meetings2"))


class DocumentFacts:
    """Answers from documents' records (``Registry`` entries) and their articles (counts, closing article)."""

    def __init__(self, registry: Registry, articles: list[Article], places: tuple[str, ...]) -> None:
        self.registry = registry
        self.places = places
        self.articles: dict[tuple[str, str], list[Article]] = {}
        for a in articles:
            self.articles.setdefault((a.city, a.document), []).append(a)

    def question(self, q: str, slugs: list[str]) -> DocumentQuestion | None:
        """The document question ``q`` asks of each of ``slugs`` (its title there), or None when it asks none:
        a document named that only some places have is asked of those."""
        asked = asked_of_document(q)
        if not asked:
            return None
        titles: dict[str, str] = {}
        for c in slugs:
            docs = self.registry.documents_of(c)
            names = [d.title for d in docs]
            title = next((t for t in names if t in q), None) or named_document(q, names, self.places)
            if title is None and named_elsewhere(q, c, self.registry) is None:  # not another place's document
                title = self._main(docs)
            # (the words of every asking read, those answered otherwise too: 「上一版哪天印发的」)
            if title is not None and len(said_besides(q, title, self.places, _matched(q))) <= _BESIDES_MAX:
                titles[c] = title
        return DocumentQuestion(asked, titles, _superlative(q, asked)) if titles else None

    def parted(
        self, q: str, slugs: list[str], parts_of: Callable[[str], list[str]]
    ) -> tuple[DocumentQuestion, list[str]] | None:
        """A question ``q`` in parts (``parts_of``) of which some ask about the document and some about its content
        (「朝阳市政府工作规则的文号是哪个？常务会议一个月几次」): the document parts' question, and the other
        parts; None when none of the parts, or every one, is about the document. Split only when ``q`` refers to
        a document at all (a part's referent is one of its words)."""
        parts = parts_of(q) if re.search(_REFERENT, q) else []
        asked = [(p, self.question(p, slugs)) for p in parts] if len(parts) > 1 else []
        about = [d for _, d in asked if d is not None]
        rest = [p for p, d in asked if d is None]
        if not about or not rest:
            return None
        what = tuple(dict.fromkeys(a for d in about for a in d.asked))
        return DocumentQuestion(what, about[0].titles, about[0].superlative), rest

    def _entry(self, c: str, title: str) -> DocumentEntry:
        return next(d for d in self.registry.documents_of(c) if d.title == title)

    @staticmethod
    def _main(docs: list[DocumentEntry]) -> str | None:
        """The place's own work rules (the document whose title names the place's government, not a meeting's),
        or its only document; None when it has several and none is its work rules."""
        mains = [d.title for d in docs if MAIN_RULES.search(d.title)]
        return mains[0] if len(mains) == 1 else docs[0].title if len(docs) == 1 else None

    def answer(self, c: str, title: str, asked: tuple[Asked, ...]) -> tuple[str, tuple[Citation, ...]]:
        """The sentence answering ``asked`` of place ``c``'s document ``title``, with the clauses quoted that say
        from when it applies or what it was made on (its closing and opening articles)."""
        entry = self._entry(c, title)
        arts = self.articles.get((c, title), [])
        # the old rules it replaced are quoted as its closing article stops them, when it does
        stops = _clause(arts[-3:][::-1], _STOPPED) if {Asked.REPLACES, Asked.STATUS} & set(asked) else None
        said = _recorded(entry, arts, asked, quoted_replaced=stops is not None)
        citations: list[Citation] = []
        for what, pattern, among, unsaid in (
            (Asked.BASIS, _BASIS_CLAUSE, arts[:2], "条文中没有写明制定依据"),
            (Asked.EFFECTIVE, _CLOSING, arts[-3:][::-1], "条文中没有写明施行时间"),
            (Asked.INTERPRETER, _INTERPRETING, arts[-3:][::-1], "条文中没有写明由谁解释"),
        ):
            if what not in asked:
                continue
            clause = _clause(among, pattern)
            if clause is None:
                said.append(unsaid)
                continue
            citations.append(clause)
            when = f"（该文件{cn_date(entry.issued)}印发）" if what is Asked.EFFECTIVE and entry.issued else ""
            said.append(_saying(title, clause) + when)
        if stops is not None:
            citations.append(stops)
            said.append(_saying(title, stops))
        number = f"（{entry.number}）" if entry.number and Asked.NUMBER not in asked else ""
        text = f"《{title}》{number}" + "，".join(said)
        return text + ("" if text.endswith("。」") else "。"), tuple(citations)

    def compose(self, dq: DocumentQuestion, everywhere: bool, t0: float, timings: dict[str, float]) -> Answer:
        """The answer for every place asked about (one line each, under its name when several), and which comes
        first when a superlative is asked (「哪个印发最早」, 「哪个条数多」)."""
        lines: list[str] = []
        citations: list[Citation] = []
        for c, title in dq.titles.items():
            text, cited = self.answer(c, title, dq.asked)
            citations.extend(cited)
            lines.append(text if len(dq.titles) == 1 else f"【{self.registry.by_slug[c].name}】{text}")
        lead = "" if len(lines) == 1 else places_lead(everywhere, "各地文件信息如下")
        first = self._first(dq)
        timings["total"] = (time.perf_counter() - t0) * 1000
        slugs = tuple(dq.titles)
        single = slugs[0] if len(slugs) == 1 else None
        text = lead + "\n".join(lines) + (f"\n{first}" if first else "")
        found = tuple(Hit(c.article, 1.0, pinned=True) for c in citations)  # found by their place, not searched
        # only what the articles would say was asked (who interprets it), and no article says it: not answered
        unsaid = not citations and set(dq.asked) <= _IN_ARTICLES
        return Answer(
            text, unsaid, single, tuple(citations), found, timings, Reason.DOCUMENT_FACTS, scope=slugs, conclusion=first
        )

    def held(self, q: str, slugs: list[str], t0: float, timings: dict[str, float]) -> Answer | None:
        """「大同一共有几个规则文件」: the documents the knowledge base holds for each place asked (its meeting rules
        only, when those are asked), with their 文号; None when ``q`` asks no such thing."""
        meetings = asks_documents_held(q, self.places)
        if meetings is None:
            return None
        lines = []
        for c in slugs:
            docs = [d for d in self.registry.documents_of(c) if not meetings or "会议" in d.title]
            name = self.registry.by_slug[c].name
            listed = "、".join(f"《{d.title}》" + (f"（{d.number}）" if d.number else "") for d in docs)
            what = "会议规则" if meetings else "文件"
            lines.append(f"知识库中{name}有{len(docs)}个{what}：{listed}。" if docs else f"知识库中{name}没有{what}。")
        timings["total"] = (time.perf_counter() - t0) * 1000
        single = slugs[0] if len(slugs) == 1 else None
        return Answer("\n".join(lines), False, single, (), (), timings, Reason.DOCUMENT_FACTS, scope=tuple(slugs))

    def _first(self, dq: DocumentQuestion) -> str:
        """The line naming the document first by the superlative asked, or saying they are level ("" for none)."""
        if dq.superlative is None or len(dq.titles) < 2:
            return ""
        by_date = dq.superlative in ("earliest", "latest")
        values: dict[str, str | int] = {}
        for c, title in dq.titles.items():
            entry = self._entry(c, title)
            values[self.registry.by_slug[c].name] = entry.issued if by_date else len(self.articles.get((c, title), []))
        if by_date and not all(values.values()):
            return ""
        best = (max if dq.superlative in ("latest", "most") else min)(values.values())
        named = [n for n, v in values.items() if v == best]
        shown = cn_date(str(best)) if by_date else f"{best}条"
        word = {"earliest": "印发最早", "latest": "印发最晚", "most": "条数最多", "fewest": "条数最少"}[dq.superlative]
        if len(named) == len(values):
            return f"按登记的文件信息：{'、'.join(named)}相同（{shown}）。"
        return f"按登记的文件信息：{'、'.join(named)}{word}（{shown}）。"


def _recorded(
    entry: DocumentEntry, arts: list[Article], asked: tuple[Asked, ...], quoted_replaced: bool = False
) -> list[str]:
    """What the document's record says of ``asked`` (文号, who issued it and when, counts, status, what it
    replaced: not when ``quoted_replaced``, its own article stopping the old rules being quoted), one phrase each."""
    said: list[str] = []
    if Asked.NUMBER in asked:
        said.append(f"文号为{entry.number}" if entry.number else "登记的文件信息中没有文号")
    if Asked.ISSUER in asked or Asked.ISSUED in asked:
        who = entry.issuer if Asked.ISSUER in asked and entry.issuer else ""
        when = f"于{cn_date(entry.issued)}" if entry.issued else ""
        said.append(f"由{who}{when}印发" if who else f"{when}印发" if when else "登记的文件信息中没有印发单位和日期")
    if Asked.ARTICLES in asked:
        said.append(f"共{len(arts)}条")
    if Asked.CHAPTERS in asked:
        chapters = {a.chapter.number for a in arts if a.chapter}
        said.append(f"分{len(chapters)}章" if chapters else "不分章")
    if Asked.STATUS in asked:
        said.append(f"状态为{entry.status}" if entry.status else "登记的文件信息中没有效力状态")
    if not quoted_replaced and (Asked.REPLACES in asked or (Asked.STATUS in asked and entry.replaces)):
        replaced = f"替代了{'、'.join(entry.replaces)}" if entry.replaces else ""
        said.append(("它" if said else "") + replaced if replaced else "登记的文件信息中没有它所替代的文件")
    return said


def _saying(title: str, clause: Citation) -> str:
    """「第四十三条规定「…」」: a clause of the document ``title`` quoted, by its article."""
    return f"{clause.article.citation.removeprefix(f'《{title}》')}规定「{clause.quote}」"


def _clause(arts: list[Article], pattern: re.Pattern[str]) -> Citation | None:
    """The first sentence of ``arts`` (in the order given) that ``pattern`` finds, quoted whole."""
    for a in arts:
        if m := pattern.search(a.text):
            start = max(a.text.rfind("。", 0, m.start()) + 1, a.text.rfind("\n", 0, m.start()) + 1)
            end = m.end() + (1 if a.text[m.end() : m.end() + 1] in "。；" else 0)
            return Citation(a, a.text[start:end].strip())
    return None


def with_facts(facts: Answer, rest: str, other: Answer) -> Answer:
    """The document facts answering some parts of a question, then the answer to its ``rest`` (``other``: said
    to be that part's when refused)."""
    said = other.answer if not other.refused else f"「{rest}」：{other.answer}"
    return replace(
        other,
        answer=f"{facts.answer}\n{said}",
        refused=False,
        citations=(*facts.citations, *other.citations),
        reason=other.reason if not other.refused else None,
        scope=facts.scope,
    )
