"""The one write route: POST /api/articles, guarded by the operator's bearer token.

Rules (DESIGN.md): no token configured on the server -> 403 (writes disabled); a missing or wrong
token -> 401; the token is compared in constant time. Authentication happens before the body is
read, so an unauthenticated client learns nothing about what the body should be.
"""

from __future__ import annotations

import hmac
import json
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from ..article import Article, normalise_published
from ..errors import InputError
from ..schema import Report
from .pagination import json_response
from .problems import Problem, error_response
from .routes_read import open_store

router = APIRouter(prefix="/api", tags=["write"])
MAX_BODY_BYTES = 10 * 1024 * 1024


class ArticleIn(BaseModel):
    """One article, as a line of `factwire extract --jsonl` input."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="the article text (plain text; offsets index it)")
    published: str | None = Field(default=None, description="publication date, YYYY-MM-DD")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    id: str | None = Field(default=None, description="the article's id (default: the first 16 hex of its sha256)")


def _check_token(request: Request) -> None:
    expected = request.app.state.settings.token
    if expected is None:
        raise HTTPException(403, "writes are disabled: the server was started without FACTWIRE_TOKEN; "
                                 "restart it with FACTWIRE_TOKEN set to enable POST /api/articles")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "missing token: send 'Authorization: Bearer <FACTWIRE_TOKEN>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(401, "wrong token: send the FACTWIRE_TOKEN the server was started with",
                            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


async def _read_article(request: Request) -> Article | Response:
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        return error_response(413, f"request body is {len(body):,} bytes; the limit is {MAX_BODY_BYTES:,}: split the article")
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return error_response(422, f"request body: not JSON ({exc}); send one object such as {{\"text\": \"...\", \"published\": \"2021-12-09\"}}")
    if not isinstance(data, dict):
        return error_response(422, "request body: must be one JSON object with at least 'text'")
    try:
        given = ArticleIn.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "body"
        message = "unknown field; allowed: text, published, title, url, outlet, id" if first["type"] == "extra_forbidden" else first["msg"]
        return error_response(422, f"body field '{field}': {message}")
    try:
        published = normalise_published(given.published, "body field 'published'")
    except InputError as exc:
        return error_response(422, str(exc))
    return Article(text=given.text, id=given.id, title=given.title, url=given.url, outlet=given.outlet, published=published)


def _extract_and_store(request: Request, article: Article) -> tuple[Report, str, str]:
    """The Report, the store's outcome, and the article id the text is stored under (a text
    already stored under another id, or a new version matched by url, keeps its old key)."""
    settings = request.app.state.settings
    with settings.extractor_lock:
        if settings.extractor is None:
            settings.extractor = settings.extractor_factory()
        report = settings.extractor.extract(article)
        with open_store(request) as store:
            stored = store.store_report(report)  # updates the corpus views when something changed
    return report, stored.outcome, stored.article_id


@router.post(
    "/articles",
    status_code=201,
    response_model=Report,
    summary="Extract one article and add it to the store (needs the operator's token)",
    responses={
        401: {"model": Problem, "description": "missing or wrong token"},
        403: {"model": Problem, "description": "writes are disabled (no FACTWIRE_TOKEN on the server)"},
        413: {"model": Problem, "description": "body too large"},
        422: {"model": Problem, "description": "the body is not a valid article"},
    },
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": ArticleIn.model_json_schema()}}},
        "security": [{"bearer": []}],
    },
)
async def post_article(request: Request) -> Response:
    """201 with the Report; header `X-Factwire-Outcome` says added, unchanged (same text seen before) or versioned."""
    _check_token(request)
    article = await _read_article(request)
    if isinstance(article, Response):
        return article
    try:
        report, outcome, stored_as = await run_in_threadpool(_extract_and_store, request, article)
    except InputError as exc:
        return error_response(422, str(exc))
    headers = {"X-Factwire-Outcome": outcome}
    headers["Location"] = f"/api/articles/{quote(stored_as, safe='')}"
    return json_response(report.model_dump(mode="json"), status=201, headers=headers)
