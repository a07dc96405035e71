"""How quotes are written: an article's label (《文件》第N条, with the city when the title does not name it)
and the 「quote」——label lines of an answer."""

from __future__ import annotations

from assistant.models import Article, Citation


def label(article: Article) -> str:
    """《文件》第N条, with the city in front when the document title does not name it."""
    return article.source


def format_quotes(citations: tuple[Citation, ...]) -> str:
    """「quote」《文件》第N条 lines, quotes of one article grouped under one citation."""
    lines: list[str] = []
    i = 0
    while i < len(citations):
        art = citations[i].article
        quotes = []
        while i < len(citations) and citations[i].article.id == art.id:
            quotes.append(f"「{citations[i].quote}」")
            i += 1
        lines.append(f"{''.join(quotes)}——{label(art)}")
    return "\n".join(lines)
