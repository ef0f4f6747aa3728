"""The read-only JSON API: the store's queries with the CLI's filters as query parameters."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Annotated, Iterator

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from .. import __version__
from ..records import (
    ArticleRecord,
    ClaimRecord,
    ConflictRecord,
    EventMention,
    EventRecord,
    Filters,
    ForceRecord,
    ForceTimeline,
    QuoteRecord,
)
from ..schema import Report
from .pagination import json_response, list_response, page_model, page_response
from .params import query_filters
from .problems import PROBLEMS

router = APIRouter(prefix="/api", tags=["read"], responses={422: PROBLEMS[422]})
FiltersDep = Annotated[Filters, Depends(query_filters)]


@contextmanager
def open_store(request: Request) -> Iterator:
    """The store for one request, opened in the thread that uses it (sqlite3 connections are per thread)."""
    from ..store import Store

    with Store.open(request.app.state.settings.db_path) as store:
        yield store


@router.get("/articles", response_model=page_model(ArticleRecord), summary="Articles in the store (current versions)")
def list_articles(request: Request, filters: FiltersDep) -> Response:
    with open_store(request) as store:
        return page_response(store.articles(filters))


@router.get("/articles/{article_id}", response_model=Report, summary="One article's Report (the per-article contract)",
            responses={404: PROBLEMS[404]})
def get_article(request: Request, article_id: Annotated[str, Path(description="the article's id")]) -> Response:
    with open_store(request) as store:
        report = store.report(article_id)
    if report is None:
        raise HTTPException(404, f"no article with id {article_id!r}; list them with GET /api/articles")
    return json_response(report.model_dump(mode="json"))


@router.get("/events", response_model=page_model(EventRecord), summary="Events merged across articles, each with its mentions")
def list_events(request: Request, filters: FiltersDep) -> Response:
    with open_store(request) as store:
        return page_response(store.events(filters))


@router.get("/forces", response_model=page_model(ForceRecord), summary="Force levels, one per sourced value")
def list_forces(request: Request, filters: FiltersDep) -> Response:
    with open_store(request) as store:
        return page_response(store.forces(filters))


@router.get("/forces/timelines", response_model=page_model(ForceTimeline),
            summary="Force-level timelines per (owner country, place country); every page at once")
def list_force_timelines(request: Request, filters: FiltersDep) -> Response:
    with open_store(request) as store:
        return list_response(store.force_timelines(filters))


@router.get("/quotes", response_model=page_model(QuoteRecord), summary="Quotes (direct, partial, indirect) with their speakers")
def list_quotes(request: Request, filters: FiltersDep) -> Response:
    with open_store(request) as store:
        return page_response(store.quotes(filters))


@router.get("/claims", response_model=page_model(ClaimRecord), summary="Claims: who asserts, accuses, denies or doubts an event")
def list_claims(request: Request, filters: FiltersDep) -> Response:
    with open_store(request) as store:
        return page_response(store.claims(filters))


@router.get("/conflicts", response_model=page_model(ConflictRecord), summary="Conflicts within an article and across articles")
def list_conflicts(request: Request, filters: FiltersDep) -> Response:
    with open_store(request) as store:
        return page_response(store.conflicts(filters))


_KINDS: tuple[tuple[type[BaseModel], str], ...] = (
    (EventRecord, "event"),
    (EventMention, "event_mention"),
    (ForceRecord, "force"),
    (QuoteRecord, "quote"),
    (ClaimRecord, "claim"),
    (ConflictRecord, "conflict"),
    (ArticleRecord, "article"),
)


class Fact(BaseModel):
    kind: str = Field(description="event | event_mention | force | quote | claim | conflict | article")
    item: dict = Field(description="the record, with its evidence")


@router.get("/facts/{fact_id:path}", response_model=Fact, summary="One fact by its global id, with its evidence",
            responses={404: PROBLEMS[404]})
def get_fact(request: Request, fact_id: str) -> Response:
    with open_store(request) as store:
        record = store.fact(fact_id)
    if record is None:
        raise HTTPException(404, f"no fact with id {fact_id!r}; ids look like 'ARTICLE/f1', 'ce-...' or 'cx-...'")
    kind = next((name for cls, name in _KINDS if isinstance(record, cls)), type(record).__name__.lower())
    return json_response({"kind": kind, "item": record.model_dump(mode="json")})


class Stats(BaseModel):
    version: str
    database: str = Field(description="the database file's name")
    writes_enabled: bool = Field(description="whether POST /api/articles is open (the operator set FACTWIRE_TOKEN)")
    counts: dict[str, int]


@router.get("/stats", response_model=Stats, summary="What the store holds, and whether writes are enabled")
def get_stats(request: Request) -> Response:
    settings = request.app.state.settings
    with open_store(request) as store:
        counts = store.stats()
    return json_response(
        {"version": __version__, "database": settings.db_path.name, "writes_enabled": settings.writes_enabled, "counts": counts}
    )
