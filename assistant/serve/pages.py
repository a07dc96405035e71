"""The one Jinja2 environment for the server's own HTML pages (``serve/templates/``), autoescaped:
the desk page, the rules pages and the HTML 404."""

from __future__ import annotations

from pathlib import Path

import jinja2
from fastapi.templating import Jinja2Templates

TEMPLATES = Path(__file__).resolve().parent / "templates"
env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True
)
templates = Jinja2Templates(env=env)
