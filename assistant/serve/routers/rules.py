"""The rules reading pages: ``/rules`` (every city's documents), ``/rules/{article_id}`` (the whole
document with that article highlighted and anchored: element id = article id, so every citation's
``url`` ``/rules/{id}#{id}`` lands on it) and ``/rules/doc/{city}/{slug}`` (the document alone).

HTML from Jinja2 templates in ``serve/templates/rules/`` with autoescaping on (article text is data);
styles and the small script (scroll to the article on a visit without ``#id``, copy a citation) in
``serve/static/rules.*``. An unknown article, document or path under ``/rules`` is a Chinese HTML 404.
Articles come from the assistant's index, document metadata from the ``Catalog``; ids are never parsed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from assistant.models import Article
from assistant.numerals import article_label, cn_date
from assistant.serve.deps import AssistantDep
from assistant.serve.pages import templates
from assistant.serve.routers.knowledge import Catalog, CatalogDep

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
MAX_SHOWN = 80  # characters of an unknown path echoed on the 404 page
MAX_QUOTE = 2000  # characters of quotes to mark (a citation's own quotes are far shorter)


@dataclass(frozen=True)
class Section:
    """One chapter of a document (``title`` empty for a document without chapters) and its articles."""

    anchor: str
    title: str
    articles: list[dict[str, Any]]


def document_url(city: str, slug: str) -> str:
    return f"/rules/doc/{quote(city, safe='')}/{quote(slug, safe='')}"


_BEFORE = "。；;：:！？!?，,、）)」”"  # what may precede a quoted clause
_ENDS = "。；;：:！？!?"  # what a quoted clause may end with


def whole(paragraph: str, quote: str) -> int:
    """Where ``quote`` occurs in ``paragraph`` as a whole clause (from a clause start to a clause end),
    or -1: 「市长」 inside a sentence is no quote."""
    at = paragraph.find(quote)
    while at >= 0:
        end = at + len(quote)
        starts = at == 0 or paragraph[at - 1] in _BEFORE
        ends = end == len(paragraph) or quote[-1] in _ENDS or paragraph[end] in _ENDS + "，,"
        if starts and ends:
            return at
        at = paragraph.find(quote, at + 1)
    return -1


def marked(paragraph: str, quotes: tuple[str, ...]) -> list[tuple[str, bool]]:
    """The paragraph as (text, quoted) runs: each quote found in it as a whole clause is marked once."""
    spans = sorted((at, at + len(q)) for q in quotes if (at := whole(paragraph, q)) >= 0)
    runs: list[tuple[str, bool]] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            continue  # overlapping quotes: the first one is marked
        if start > pos:
            runs.append((paragraph[pos:start], False))
        runs.append((paragraph[start:end], True))
        pos = end
    if pos < len(paragraph) or not runs:
        runs.append((paragraph[pos:], False))
    return runs


def article_view(a: Article, quotes: tuple[str, ...] = ()) -> dict[str, Any]:
    """What the template shows of one article; ``quotes``: the sentences a citation quoted from it."""
    canonical = article_label(a.article)
    source = a.source  # the citation as a reader copies it: 大同市《…》第十四条
    return {
        "id": a.id,
        "label": a.label,
        "short": a.label.rstrip("、"),
        "canonical": canonical if canonical != a.label else "",
        "paragraphs": [marked(p, quotes) for p in a.paragraphs if p.strip()],
        "source": source,
        # (not "copy": a template reads a.copy as the dict's own copy method)
        "citation": f"{source}（{a.document_number}）" if a.document_number else source,
        "ask": "/?" + urlencode({"q": f"{source}是怎么规定的？", "city": a.city}),
    }


def sections(articles: tuple[Article, ...], current: str = "", quotes: tuple[str, ...] = ()) -> list[Section]:
    """The document's articles grouped by chapter, in order; ``quotes`` marked in the ``current`` one."""
    out: list[Section] = []
    for a in articles:
        title = a.chapter.label if a.chapter else ""
        if not out or out[-1].title != title:
            out.append(Section(f"chapter-{a.chapter.number}" if a.chapter else "articles", title, []))
        out[-1].articles.append(article_view(a, quotes if a.id == current else ()))
    return out


def metadata(catalog: Catalog, articles: tuple[Article, ...]) -> dict[str, Any]:
    """The document's metadata from the catalog (or, were it missing there, what its articles say)."""
    first = articles[0]
    known = catalog.documents.get((first.city, first.document))
    doc = known or {"slug": "", "title": first.document, "number": first.document_number, "issuer": "", "status": ""}
    doc = {"city": first.city, "city_name": first.city_name, "issued": "", "replaces": []} | doc
    url = document_url(first.city, doc["slug"]) if doc["slug"] else ""
    prefix = "" if doc["city_name"] in doc["title"] else doc["city_name"]  # 大同市《市政府常务会议工作规则》
    return doc | {"issued_text": cn_date(doc["issued"]), "url": url, "city_prefix": prefix}


def document_page(
    request: Request, catalog: Catalog, articles: tuple[Article, ...], current: str = "", quote: str = ""
) -> Response:
    doc = metadata(catalog, articles)
    here = next((a for a in articles if a.id == current), None)
    quotes = tuple(q for q in quote.split("\n") if q.strip())
    label = article_label(here.article) if here else ""
    context = {
        "doc": doc,
        "sections": sections(articles, current, quotes),
        "unmatched": bool(quotes)
        and here is not None
        and not any(whole(p, q) >= 0 for p in here.paragraphs for q in quotes),
        "count": len(articles),
        "current": current,
        "current_label": label,
        "page_title": f"{label} · {doc['title']}" if here else doc["title"],
    }
    return templates.TemplateResponse(request, "rules/document.html", context)


def missing(request: Request, what: str) -> Response:
    """The Chinese 404 page, naming (escaped, at most ``MAX_SHOWN`` characters) what was asked for."""
    log.debug("no rules page for %r", what)
    what = "".join(ch if ch.isprintable() else "�" for ch in what)  # no NUL or control bytes in the page
    shown = what if len(what) <= MAX_SHOWN else what[:MAX_SHOWN] + "…"
    context = {"what": shown, "page_title": "未找到"}
    return templates.TemplateResponse(request, "rules/missing.html", context, status_code=404)


def city_index(catalog: Catalog) -> list[dict[str, Any]]:
    """Every city, in the catalog's order, with its documents and their chapters."""
    out = []
    for city in catalog.cities:
        docs = []
        for (doc_city, title), d in catalog.documents.items():
            articles = catalog.contents.get((doc_city, title), ())
            if doc_city != city["slug"] or not articles:
                continue
            url = document_url(doc_city, d["slug"])
            chapters = {a.chapter.number: a.chapter.label for a in articles if a.chapter}
            docs.append(
                d
                | {
                    "url": url,
                    "count": len(articles),
                    "issued_text": cn_date(d["issued"]),
                    "chapter_links": [(f"{url}#chapter-{n}", label) for n, label in chapters.items()],
                }
            )
        out.append(city | {"docs": docs})
    return out


@router.get("/rules", response_class=HTMLResponse)
def rules_index(request: Request, catalog: CatalogDep) -> Response:
    """规则文件目录：按地区列出文件，可直达各章。"""
    context = {"cities": city_index(catalog), "page_title": "规则文件"}
    return templates.TemplateResponse(request, "rules/index.html", context)


@router.get("/rules/doc/{city}/{slug}", response_class=HTMLResponse)
def rules_document(request: Request, city: str, slug: str, catalog: CatalogDep) -> Response:
    """一个文件的全文。"""
    for (doc_city, title), d in catalog.documents.items():
        if doc_city == city and d["slug"] == slug and catalog.contents.get((city, title)):
            return document_page(request, catalog, catalog.contents[(city, title)])
    return missing(request, f"{city}/{slug}")


@router.get("/rules/{article_id}", response_class=HTMLResponse)
def rules_article(
    request: Request, article_id: str, assistant: AssistantDep, catalog: CatalogDep, q: str = ""
) -> Response:
    """条文所在文件的全文，该条高亮并定位（元素 id 即条文 id）；``q``：引文（可多句，换行分隔），在该条中标出。"""
    a = assistant.article(article_id)
    articles = catalog.contents.get((a.city, a.document), ()) if a else ()
    if a is None or not articles:
        return missing(request, article_id)
    return document_page(request, catalog, articles, current=a.id, quote=q[:MAX_QUOTE])


@router.get("/rules/{rest:path}", response_class=HTMLResponse)
def rules_elsewhere(request: Request, rest: str) -> Response:
    """``/rules/`` is the index; any other path under ``/rules`` an HTML 404 (not the APIs' JSON one)."""
    if not rest:
        return RedirectResponse("/rules", status_code=308)
    return missing(request, rest)
