"""Which of a place's documents a question names, however it shortens the title.

People name a document by what sets it apart, not by its full title: 「常务会议工作规则第十五条」,
「常务会议规则第二十条」, 「专题会规则第九条」 and 「大同市政府全体会议工作规则第四条」 (the place
taken out before the search leaves 「政府全体会议工作规则」) all name one of 大同's meeting rules. A title
and the question are compared by their cores: without the place, the government that issued it
(市政府, 人民政府 …), 工作, and with 会议 said 会. The longest core the question contains names the
document (「落实市委重大决策部署专题会规则」 before 「专题会规则」); a core of one word (规则, the main work
rules) names nothing by itself, but 「市政府工作规则」, 「区人民政府工作规则」 name a place's main work rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.knowledge.registry import Registry
from assistant.numerals import NUMBER

# an article named (「第三十三条」, 「第33条」), its number the group
ARTICLE_REF = re.compile(rf"第\s*({NUMBER})\s*条")
_ISSUER = re.compile(r"[市区县]?(?:人民)?政府")
_MIN_CORE = 4  # 「常务会规则」 names a document; 「规则」 alone does not


def _core(text: str, places: Sequence[str]) -> str:
    for place in sorted(places, key=len, reverse=True):
        text = text.replace(place, "")
    return _ISSUER.sub("", text.replace("工作", "").replace("会议", "会"))


def named_document(question: str, titles: Sequence[str], places: Sequence[str]) -> str | None:
    """The title among ``titles`` that ``question`` names (by its core), or None."""
    said = _core(re.sub(r"\s", "", question), places)
    cores = {t: _core(t, places) for t in titles}
    # the title whose core the question says at most length of: whole, or its end said short (「办公会规则第三条」:
    # 市长办公会规则; 「决策部署专题会规则」 is the 落实…专题会's, not the plain 专题会's), one title alone
    said_of = {t: _said_length(core, said) for t, core in cores.items()}
    longest = max(said_of.values(), default=0)
    named = [t for t, n in said_of.items() if n and n == longest]
    if len(named) > 1:
        return None
    if not named and MAIN_RULES.search(question):
        # 「大同市政府工作规则什么时候施行」: the place's own work rules (no core of their own), not its meeting rules
        named = [t for t, core in cores.items() if len(core) < _MIN_CORE] or []
        return named[0] if len(named) == 1 else None
    return named[0] if named else None


def _said_length(core: str, said: str) -> float:
    """How much of ``core`` (a title's core, 「市长办公会规则」) ``said`` has: all of it (and a half more: a whole
    core said is the one named before another's end said as long, 「专题会规则」), or its end of ``_MIN_CORE``
    characters or more with the word naming a document (规则, 办法 …) it ends in (「办公会规则」); 0 for neither."""
    if len(core) >= _MIN_CORE and core in said:
        return len(core) + 0.5
    if not _DOCUMENT_WORD.search(core):
        return 0
    return next((len(core) - i for i in range(1, len(core) - _MIN_CORE + 1) if core[i:] in said), 0)


_DOCUMENT_WORD = re.compile(r"(?:规则|办法|规定|条例|细则)$")
MAIN_RULES = re.compile(r"政府工作规则")  # a place's own work rules (its name may have been taken out)


def _place_names(registry: Registry) -> list[str]:
    """Every name of every place (a document's title is read without them)."""
    return [n for j in registry.jurisdictions for n in j.names]


def named_elsewhere(question: str, city: str, registry: Registry) -> str | None:
    """The title of another place's document that ``question`` names by its own core, when ``city`` has no
    document of that name (「常务会议工作规则第五条」 asked of 朝阳); else None. Not the work rules: every place
    has its own (「市政府工作规则第五条」 is asked of each)."""
    places = _place_names(registry)
    others = [d.title for j in registry.jurisdictions if j.slug != city for d in registry.documents_of(j.slug)]
    title = named_document(question, others, places)
    own = [d.title for d in registry.documents_of(city)]
    if title is None or named_document(question, own, places) is not None or MAIN_RULES.search(question):
        return None
    return title


def holding(question: str, registry: Registry) -> list[str]:
    """The places holding the document ``question`` names by its own core (「市长办公会议工作规则第三条」: 大同's
    alone; no other place has a document of that name), in the registry's order; [] when it names none, or a
    place's work rules (every place has its own)."""
    places = _place_names(registry)
    held = [(j.slug, d.title) for j in registry.jurisdictions for d in registry.documents_of(j.slug)]
    title = named_document(question, [t for _, t in held], places)
    if title is None or MAIN_RULES.search(question) or len(core := _core(title, places)) < _MIN_CORE:
        return []
    return list(dict.fromkeys(slug for slug, t in held if _core(t, places) == core))


_TITLED = re.compile(r"《([^《》]{2,40})》")


def unknown_title(question: str, registry: Registry) -> str | None:
    """A document ``question`` names in 《》 that no place of the knowledge base has (「《大同市人民政府差旅管理办法》
    第三条怎么说」), else None: its article is not another document's of the same number. A place's work rules
    said another way (《大同市政府工作规则》) and a document named by its core (《常务会议工作规则》) are known."""
    m = _TITLED.search(question)
    if m is None:
        return None
    title = m.group(1)
    places = _place_names(registry)
    titles = [d.title for j in registry.jurisdictions for d in registry.documents_of(j.slug)]
    if MAIN_RULES.search(title) or named_document(title, titles, places) is not None:
        return None
    return title
