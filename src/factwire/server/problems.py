"""Error responses: every failure is JSON ``{"error": message}`` naming what was wrong and what to do.

FastAPI's default is ``{"detail": ...}`` with pydantic's error list; a client (or a person reading
curl output) should instead get one sentence that names the parameter. The pydantic details are
kept under ``errors`` for programs.
"""

from __future__ import annotations

import re
import sqlite3

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import FactwireError, InputError, StoreError


class Problem(BaseModel):
    """Every error response's body."""

    error: str = Field(description="what was wrong, naming the parameter or input, and what to do")
    errors: list[dict] | None = Field(default=None, description="422: one entry per bad parameter {param, in, message}")


PROBLEMS = {
    404: {"model": Problem, "description": "no such record"},
    422: {"model": Problem, "description": "a parameter has a value the API cannot use"},
}


class ParameterError(Exception):
    """A request parameter has a value the API cannot use (answered with 422)."""

    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


def error_response(status: int, message: str, headers: dict[str, str] | None = None, **extra) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status, headers=headers)


def _where(loc: tuple) -> str:
    # ("query", "limit") -> "query parameter 'limit'"; ("body", "text") -> "body field 'text'"
    if not loc:
        return "request"
    source, rest = loc[0], [str(p) for p in loc[1:]]
    name = ".".join(rest) if rest else None
    if source == "query":
        return f"query parameter '{name}'"
    if source == "path":
        return f"path parameter '{name}'"
    if source == "body":
        return f"body field '{name}'" if name else "request body"
    return name or str(source)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"param": ".".join(str(p) for p in e.get("loc", ())[1:]) or None, "in": (e.get("loc") or ("request",))[0], "message": e.get("msg")}
            for e in exc.errors()
        ]
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        message = f"{_where(tuple(first.get('loc', ())))}: {first.get('msg')}"
        return error_response(422, message, errors=errors)

    @app.exception_handler(ParameterError)
    async def _parameter(request: Request, exc: ParameterError) -> JSONResponse:
        return error_response(422, f"query parameter '{exc.param}': {exc.message}", errors=[{"param": exc.param, "in": "query", "message": exc.message}])

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}; see /docs for the routes"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}: this API is read-only except POST /api/articles"
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> JSONResponse:
        # The store words its filter errors for the CLI ("--text: ..."); here they are query parameters.
        message = re.sub(r"^--([a-z]+):", r"query parameter '\1':", str(exc))
        return error_response(422, message)

    @app.exception_handler(sqlite3.OperationalError)
    async def _sqlite(request: Request, exc: sqlite3.OperationalError) -> JSONResponse:
        # A full-text query SQLite cannot parse is the client's mistake, not the server's.
        if request.query_params.get("text"):
            return error_response(422, f"query parameter 'text': not a valid full-text query ({exc}); use plain words or \"a phrase\"")
        return error_response(503, f"the database cannot be read: {exc}")

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        return error_response(503, f"the database cannot be read: {exc}")

    @app.exception_handler(FactwireError)
    async def _factwire(request: Request, exc: FactwireError) -> JSONResponse:
        return error_response(500, str(exc))
