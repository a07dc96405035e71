"""``/docs``: Swagger UI served from this machine (the ``swagger-ui-bundle`` package), no CDN.

ReDoc is off (``redoc_url=None``): no package ships its script, and a page that needs the
internet is blank on an intranet.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from swagger_ui_bundle import swagger_ui_path

router = APIRouter(include_in_schema=False)
ASSETS_URL = "/docs/assets"
ASSETS = {
    "swagger-ui-bundle.js": "application/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "favicon-32x32.png": "image/png",
}


@router.get("/docs")
def swagger_ui(request: Request) -> HTMLResponse:
    app = request.app
    return get_swagger_ui_html(
        openapi_url=app.openapi_url,
        title=f"{app.title} · API 文档",
        swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS_URL}/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from swagger.io
    )


@router.get(ASSETS_URL + "/{name}")
def swagger_asset(name: str) -> Response:
    if name not in ASSETS:
        raise StarletteHTTPException(404)
    return FileResponse(
        Path(str(swagger_ui_path)) / name, media_type=ASSETS[name], headers={"Cache-Control": "max-age=86400"}
    )
