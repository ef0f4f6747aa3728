"""The application factory: settings on ``app.state``, routers, error handlers and the static web page.

Nothing here is module-level state: every app carries its own settings, extractor slot and lock,
so tests can build several apps against several databases in one process.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from fastapi import FastAPI

from .. import __version__
from ..errors import StoreError
from .pages import install_pages
from .problems import install_error_handlers
from .routes_map import router as map_router
from .routes_read import router as read_router
from .routes_write import router as write_router

ExtractorFactory = Callable[[], object]


def _default_extractor():
    from ..pipeline import Extractor

    return Extractor()


@dataclass
class ServerSettings:
    db_path: Path
    token: str | None
    extractor_factory: ExtractorFactory
    # The model takes seconds to load and spaCy pipelines are not documented as thread-safe:
    # one extractor, loaded on the first POST, used by one request at a time.
    extractor: object | None = None
    extractor_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def writes_enabled(self) -> bool:
        return self.token is not None


def create_app(db_path: str | Path, token: str | None = None, extractor_factory: ExtractorFactory | None = None) -> FastAPI:
    """A FastAPI app serving the store at `db_path` (which must exist).

    `token`: the bearer token POST /api/articles requires; None disables writes (403).
    `extractor_factory`: builds the extractor on the first POST (default: the spaCy pipeline).
    """
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"{path}: no such database; create it with 'factwire ingest PATH... --db {path}'")
    if token is not None and not token.strip():
        token = None  # an empty FACTWIRE_TOKEN must not make the empty string a valid credential
    app = FastAPI(
        title="factwire",
        version=__version__,
        description=(
            "Sourced records of armed conflict and military deployments: events, force levels, quotes, "
            "claims and conflicts, each with its evidence. Read-only, except POST /api/articles with "
            "`Authorization: Bearer <FACTWIRE_TOKEN>`."
        ),
        docs_url=None,  # FastAPI's /docs loads Swagger UI from a CDN; pages.py serves an offline one
        redoc_url=None,
    )
    app.state.settings = ServerSettings(db_path=path, token=token, extractor_factory=extractor_factory or _default_extractor)
    install_error_handlers(app)
    app.include_router(read_router)
    app.include_router(map_router)
    app.include_router(write_router)
    install_pages(app)
    return app
