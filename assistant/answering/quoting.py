"""How quotes are written: the 「quote」——source lines of an answer (``Article.source``: 《文件》第N条, with the
city when the title does not name it)."""

from __future__ import annotations

from assistant.models import Citation


def places_lead(everywhere: bool, listed: str = "各地规定如下") -> str:
    """The line before an answer given place by place: every place, the question naming none, or those it names."""
    return "问题未指明地区，以下按地区分别列出：\n" if everywhere else f"{listed}：\n"


def format_quotes(citations: tuple[Citation, ...]) -> str:
    """「quote」《文件》第N条 lines, quotes of one article grouped under one citation."""
    lines: list[str] = []
    i = 0
    while i < len(citations):
        art = citations[i].article
        quotes, parts = [], set()
        while i < len(citations) and citations[i].article.id == art.id:
            quotes.append(f"「{citations[i].quote}」")
            parts.add(citations[i].part)
            i += 1
        part = parts.pop() if len(parts) == 1 else ""  # 「…」——《…》第三十三条第二款: the paragraph named, when one
        lines.append(f"{''.join(quotes)}——{art.source}{part}")
    return "\n".join(lines)
