"""factwire's HTTP server: a read-only JSON API over a store, token-guarded ingest, and the web page.

    >>> from factwire.server import create_app
    >>> app = create_app("factwire.db", token=os.environ.get("FACTWIRE_TOKEN"))
    >>> uvicorn.run(app, host="127.0.0.1", port=8000)

Routes (DESIGN.md, Interfaces): ``GET /api/articles|events|forces|quotes|claims|conflicts`` with the
CLI's filters as query parameters, answering ``{"items", "total", "next"}``; ``GET /api/articles/{id}``;
``POST /api/articles`` (Bearer token); ``GET /api/forces/timelines``, ``/api/facts/{id}``, ``/api/stats``;
``GET /openapi.json``, ``/docs`` (served without any external asset) and ``/`` (the web page).
"""

from .app import create_app

__all__ = ["create_app"]
