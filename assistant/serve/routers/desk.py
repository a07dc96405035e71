"""The desk chat at ``/``: one HTML page; its script and styles are ``/static/desk.js`` and ``/static/desk.css``.

The page (``templates/desk.html``, autoescaped) carries the title, the knowledge summary and, as a JSON
data block, the cities with their example questions. ``static/desk.js`` talks to ``/api/ask/stream`` and
``/api/feedback`` and keeps the conversation in the browser's localStorage. No external request and no
inline script or style: the page works under ``default-src 'self'``.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse

from assistant.answering.pipeline import MAX_QUESTION_CHARS, Assistant
from assistant.serve.deps import AssistantDep
from assistant.serve.pages import env
from assistant.serve.routers.knowledge import Catalog, CatalogDep

SERVE = Path(__file__).resolve().parents[1]
ASSETS = ("desk.js", "desk.css")
DOCUMENT_KEYS = ("title", "number", "issued", "status")
router = APIRouter(include_in_schema=False)


@cache
def template() -> jinja2.Template:
    return env.get_template("desk.html")


def version() -> str:
    """Changes with the script and styles, so a browser never runs an old script against a new page."""
    digest = hashlib.sha256()
    for name in ASSETS:
        digest.update((SERVE / "static" / name).read_bytes())
    return digest.hexdigest()[:12]


def page_data(assistant: Assistant, catalog: Catalog) -> dict[str, Any]:
    """What the script needs at start: the general examples; each city's name, examples and documents."""
    return {
        "examples": assistant.registry.examples,
        "cities": [
            {
                "slug": c["slug"],
                "name": c["name"],
                "examples": assistant.registry.by_slug[c["slug"]].examples,
                "documents": [
                    {k: d.get(k, "") for k in DOCUMENT_KEYS}
                    | {"slug": catalog.documents.get((c["slug"], d["title"]), {}).get("slug", "")}
                    for d in c["documents"]
                ],
            }
            for c in catalog.cities
        ],
    }


def summary(catalog: Catalog) -> str:
    names = "、".join(c["name"] for c in catalog.cities)
    total = sum(c["articles"] for c in catalog.cities)
    return f"知识库：{names}的现行政府工作规则，共 {total} 条。回答逐字引用条文原文并注明出处；规则没有规定的，会明确告知。"


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> RedirectResponse:
    """Browsers ask for it on any page (the widget's frame, a rules page): the site's icon, not a 404."""
    return RedirectResponse("/static/desk.svg", status_code=301)


@router.get("/", response_class=HTMLResponse)
def desk(assistant: AssistantDep, catalog: CatalogDep) -> HTMLResponse:
    """问答首页。"""
    page = template().render(
        title=assistant.settings.title,
        summary=summary(catalog),
        data=page_data(assistant, catalog),
        version=version(),
        max_chars=MAX_QUESTION_CHARS,
    )
    return HTMLResponse(page, headers={"Cache-Control": "no-cache"})
