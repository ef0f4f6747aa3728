"""CLI command serving a store over HTTP: `factwire serve --db FILE [--host] [--port]`."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .errors import StoreError

TOKEN_ENV = "FACTWIRE_TOKEN"


def startup_lines(db: Path, host: str, port: int, token: str | None) -> list[str]:
    """What `serve` says before it starts: where to look, and whether writes are on."""
    shown = f"[{host}]" if ":" in host else host
    lines = [
        f"factwire: serving {db} at http://{shown}:{port}/ (API docs: http://{shown}:{port}/docs); Ctrl-C stops",
        f"factwire: writes enabled: POST /api/articles needs 'Authorization: Bearer <{TOKEN_ENV}>'"
        if token
        else f"factwire: writes disabled (no {TOKEN_ENV} set); the API is read-only",
    ]
    if host not in ("127.0.0.1", "localhost", "::1"):
        lines.append(f"factwire: warning: listening on {host}, reachable from other machines; the API has no TLS")
    return lines


@click.command()
@click.option("--db", "db", type=click.Path(path_type=Path), default=Path("factwire.db"), show_default=True, help="The database to serve.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
def serve(db: Path, host: str, port: int) -> None:
    """Serve a store: the JSON API, its docs and the web page.

    The write token comes from the environment variable FACTWIRE_TOKEN; without it
    the server is read-only (POST /api/articles answers 403).

    \b
    Example:
      factwire serve --db factwire.db --port 8000
      FACTWIRE_TOKEN=s3cret factwire serve --db factwire.db
    """
    import uvicorn

    from .server import create_app

    if not db.is_file():
        raise StoreError(f"{db}: no such database; create it with 'factwire ingest PATH... --db {db}'")
    token = os.environ.get(TOKEN_ENV) or None
    app = create_app(db, token=token)
    for line in startup_lines(db, host, port, token):
        click.echo(line, err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


COMMANDS: tuple = (serve,)
