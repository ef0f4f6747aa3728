"""The browser side: the web page at /, its static files, an offline /docs page, and the world outline.

FastAPI's own /docs and /redoc pull Swagger UI / ReDoc from a CDN, which breaks offline use (and
leaks the analyst's browsing to a third party), so /docs is a small page of ours that renders
/openapi.json. Every page is sent with a Content-Security-Policy allowing only this origin: the
data shown is untrusted article text, and the policy is the second line of defence after escaping.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

WEB = Path(str(resources.files("factwire") / "web"))
DATA = Path(str(resources.files("factwire") / "data"))
# The world outline the sitrep helper bundles for charts.js (first existing name wins).
WORLD_FILES = ("world_110m.geojson", "world_110m.json", "world.geojson")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _page(name: str) -> HTMLResponse:
    path = WEB / name
    if not path.is_file():
        raise HTTPException(500, f"the web page {name} is missing from the installed package; reinstall factwire")
    return HTMLResponse(path.read_text(encoding="utf-8"))


def world_outline_path() -> Path | None:
    return next((DATA / n for n in WORLD_FILES if (DATA / n).is_file()), None)


def install_pages(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    @app.middleware("http")
    async def _security_headers(request: Request, call_next):
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.get("/", include_in_schema=False)
    def index() -> HTMLResponse:
        return _page("index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return _page("docs.html")

    @app.get("/world.geojson", include_in_schema=False)
    def world() -> FileResponse:
        path = world_outline_path()
        if path is None:
            raise HTTPException(404, "no world outline is bundled with this installation; the map draws points only")
        return FileResponse(path, media_type="application/geo+json")

    def openapi() -> dict:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            schema.setdefault("components", {}).setdefault("securitySchemes", {})["bearer"] = {
                "type": "http", "scheme": "bearer", "description": "the FACTWIRE_TOKEN the operator set",
            }
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi
