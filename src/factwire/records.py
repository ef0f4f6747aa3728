"""Corpus-level records: what the store's queries return and what exports, the HTML report and
the HTTP API consume.

A Report (schema.py) describes one article with ids local to it. These records describe facts
across a corpus: actor, place and time references are resolved into small value objects (so a
record can be read without its Report), ids are global, and every fact carries its Evidence:
the article it came from, the exact span, and the sentence around it.

Global ids: an article's id is ``ArticleMeta.id`` (unique in a store); a fact from an article is
``"<article id>/<fact id>"`` (e.g. ``"ap-2021-12-09-mckenzie/f1"``); a merged corpus event is
``"ce-<16 hex>"``; a corpus conflict is ``"cx-<16 hex>"``. These records are part of the HTTP API
and the exports: changing them is a contract change (bump RECORDS_VERSION, note it in CHANGELOG).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .schema import (
    Acled,
    ActorKind,
    ClaimStance,
    ConflictKind,
    Count,
    EventStatus,
    ForceStatus,
    Model,
    PlaceFeature,
    PloverType,
    QuoteKind,
    Range,
)

RECORDS_VERSION = 1


class Evidence(Model):
    """Where a fact was read: the article, the fact's own span and the sentence holding it."""

    article_id: str
    article_title: str | None = None
    article_url: str | None = None
    outlet: str | None = None
    published: str | None = None
    start: int = Field(ge=0, description="offset of the fact's span in the article text")
    end: int = Field(ge=0)
    text: str
    sentence_start: int = Field(ge=0)
    sentence: str


class ActorRef(Model):
    """An actor as named in one article (``id`` is the global fact id of that article's actor)."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None


class PlaceRef(Model):
    id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: PlaceFeature = "other"


class TimeRef(Model):
    id: str
    text: str
    value: str | None = None
    start: str | None = Field(default=None, description="first day covered, YYYY-MM-DD")
    end: str | None = Field(default=None, description="last day covered, YYYY-MM-DD")


class ArticleRecord(Model):
    id: str
    sha256: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    version: int = Field(default=1, description="1 for the first text seen under this key, +1 per changed text")
    supersedes: str | None = Field(default=None, description="id of the previous version's article row")
    duplicate_of: str | None = Field(default=None, description="an earlier article this one is a near-copy of")
    ingested_at: str
    counts: dict[str, int] = Field(default_factory=dict, description="facts per kind: events, forces, quotes, ...")


class EventMention(Model):
    """One article's report of an event (the Report's Event, resolved)."""

    id: str
    type: PloverType
    mode: str | None = None
    acled: Acled | None = None
    actor: ActorRef | None = None
    target: ActorRef | None = None
    place: PlaceRef | None = None
    time: TimeRef | None = None
    status: EventStatus = "occurred"
    fatalities: Range | None = None
    injured: Range | None = None
    source: ActorRef | None = None
    evidence: Evidence


class EventRecord(Model):
    """One real-world event, merged from every mention of it across the corpus."""

    id: str
    type: PloverType
    mode: str | None = None
    acled: Acled | None = None
    actor: ActorRef | None = None
    target: ActorRef | None = None
    place: PlaceRef | None = None
    date: str | None = Field(default=None, description="YYYY-MM-DD, YYYY-MM or YYYY as precise as the mentions allow")
    date_end: str | None = None
    status: EventStatus = "occurred"
    fatalities: Range | None = None
    injured: Range | None = None
    articles: int = Field(description="number of distinct articles that report it")
    mentions: list[EventMention]


class ForceRecord(Model):
    id: str
    owner: ActorRef | None = None
    owner_country: str | None = None
    force: str = "troops"
    count: Count
    place: PlaceRef | None = None
    place_country: str | None = None
    time: TimeRef | None = None
    date: str | None = Field(default=None, description="the level's date: its time, else the article's publication date")
    status: ForceStatus = "current"
    evidence: Evidence


class ForceTimeline(Model):
    """Every sourced value of one force level over time: (owner country, place country)."""

    owner_country: str | None = None
    owner: str | None = Field(default=None, description="display name of the owner")
    place_country: str | None = None
    place: str | None = Field(default=None, description="display name of the place")
    points: list[ForceRecord] = Field(description="sorted by date, undated last")


class QuoteRecord(Model):
    id: str
    kind: QuoteKind
    text: str
    speaker: ActorRef | None = None
    speaker_text: str | None = None
    evidence: Evidence


class ClaimRecord(Model):
    id: str
    stance: ClaimStance
    source: ActorRef | None = None
    about: str | None = Field(default=None, description="global id of the event mention it is about")
    about_event: str | None = Field(default=None, description="id of the merged corpus event")
    evidence: Evidence


class ConflictItem(Model):
    fact_id: str
    kind: Literal["event", "force", "claim", "quote"]
    summary: str = Field(description="what this item says, for display: '2,500 troops (current, 2021-12-09)'")
    evidence: Evidence


class ConflictRecord(Model):
    id: str
    kind: ConflictKind
    scope: Literal["article", "corpus"] = Field(description="found inside one article, or between articles")
    note: str | None = None
    items: list[ConflictItem]


class Filters(Model):
    """Filters shared by the CLI (--actor ...), the Python API and the HTTP API (?actor=...)."""

    actor: str | None = Field(default=None, description="actor name or alias, case-insensitive substring")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3 of an actor or place involved")
    place: str | None = Field(default=None, description="place name, case-insensitive substring")
    type: str | None = Field(default=None, description="PLOVER type, ACLED event type, force type or quote kind")
    since: str | None = Field(default=None, description="YYYY-MM-DD: facts dated on or after")
    until: str | None = Field(default=None, description="YYYY-MM-DD: facts dated on or before")
    text: str | None = Field(default=None, description="full-text query (SQLite FTS5 syntax) over evidence")
    article: str | None = Field(default=None, description="only facts from this article id")
    limit: int = Field(default=100, ge=1, le=10000)
    offset: int = Field(default=0, ge=0)


class Page(Model):
    """One page of query results: the HTTP API's ``{"items", "total", "next"}``."""

    items: list
    total: int
    next: str | None = None
