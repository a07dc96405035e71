"""The FastAPI app: JSON API, OpenAI-compatible API, widget, and the Gradio chat at ``/``.

Assembly only: the routes live in ``routers/``, their dependencies in ``deps``, the error shape
and handlers in ``errors``, CORS, authentication, body size, rate limit and security headers in ``guards`` (the login
routes and session cookies in ``auth``).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from assistant.answering.pipeline import Assistant
from assistant.serve import auth
from assistant.serve.deps import Workers
from assistant.serve.errors import add_error_handlers
from assistant.serve.feedback import FeedbackStore
from assistant.serve.guards import add_guards
from assistant.serve.routers import ask, desk, docs, feedback, knowledge, openai, rules, widget
from assistant.settings import Settings

STATIC = Path(__file__).resolve().parent / "static"


def create_app(assistant: Assistant, settings: Settings | None = None, with_ui: bool = True) -> FastAPI:
    """The service for ``assistant``; server options from ``settings`` (default: the assistant's)."""
    settings = settings or assistant.settings
    app = FastAPI(
        title="市政府工作规则问答 API",
        description="逐条引用、精确出处的政府工作规则问答。另有 OpenAI 兼容接口 /v1/chat/completions。",
        version="0.1.0",
        docs_url=None,  # served by routers.docs from local assets
        redoc_url=None,  # no local ReDoc asset: off rather than blank offline
        redirect_slashes=False,  # 「/api/ask/」 is not found, not redirected to a host the request names
    )
    app.state.assistant = assistant
    app.state.settings = settings
    app.state.feedback = FeedbackStore.in_dir(settings.data_dir)  # the one store: JSON route and chat page
    app.state.workers = Workers.from_settings(settings)
    app.state.catalog = knowledge.Catalog.build(assistant, settings)
    add_error_handlers(app)  # first: its middleware must sit inside the guards and security headers
    add_guards(app, settings)
    for module in (knowledge, ask, feedback, openai, widget, docs, auth, rules, desk):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")  # serve/static/: pages' CSS and scripts
    if with_ui:
        from assistant.serve.ui import mount_ui  # Gradio is slow to import: only when the page is served

        app.state.chat = mount_ui(app, assistant, app.state.feedback)
    return app
