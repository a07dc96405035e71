"""The embeddable widget: ``/widget.js`` for a ``<script>`` tag, ``/widget`` for an ``<iframe>``."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, Response

STATIC = Path(__file__).resolve().parents[1] / "static"
router = APIRouter(include_in_schema=False)


@router.get("/widget.js")
def widget_js() -> Response:
    return FileResponse(STATIC / "widget.js", media_type="application/javascript; charset=utf-8")


@router.get("/widget")
def widget_page() -> Response:
    return FileResponse(STATIC / "widget.html", media_type="text/html; charset=utf-8")
