"""What a situation report shows: the records a store returns for some filters, capped.

A report must stay readable and small on a corpus of thousands of facts, so each list is
fetched up to a limit and the store's total is kept beside it ("showing 500 of 4,210").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from ..records import Filters, ForceTimeline, Page


class RecordSource(Protocol):
    """The part of factwire.store.Store a report reads (any object with these methods will do)."""

    def articles(self, filters: Filters) -> Page: ...
    def events(self, filters: Filters) -> Page: ...
    def force_timelines(self, filters: Filters) -> list[ForceTimeline]: ...
    def quotes(self, filters: Filters) -> Page: ...
    def conflicts(self, filters: Filters) -> Page: ...


@dataclass(frozen=True)
class SitrepLimits:
    """How many of each kind of fact a report shows at most (the rest are counted, not shown)."""

    articles: int = 1000
    events: int = 500
    force_points: int = 200  # per theatre
    quotes: int = 300
    quotes_per_speaker: int = 50
    conflicts: int = 200


@dataclass
class Shown:
    """A capped list and the number of matching records in the store."""

    items: list
    total: int

    @property
    def capped(self) -> bool:
        return self.total > len(self.items)


@dataclass
class SitrepData:
    """Everything one report draws, already filtered and capped."""

    title: str
    filters: Filters
    articles: Shown
    events: Shown
    timelines: list[ForceTimeline]
    quotes: Shown
    conflicts: Shown
    limits: SitrepLimits = field(default_factory=SitrepLimits)
    generated: str | None = None
    corpus: str | None = None  # what was read: the database file name, for the header

    @property
    def force_points(self) -> int:
        return sum(len(t.points) for t in self.timelines)

    def date_range(self) -> tuple[str | None, str | None]:
        """First and last date any shown fact or article carries (YYYY[-MM[-DD]])."""
        dates: list[str] = [a.published for a in self.articles.items if a.published]
        dates += [e.date for e in self.events.items if e.date]
        dates += [p.date for t in self.timelines for p in t.points if p.date]
        if not dates:
            return None, None
        return min(dates), max(dates)


def _page(source_call, filters: Filters, limit: int) -> Shown:
    page = source_call(filters.model_copy(update={"limit": max(1, min(limit, 10000)), "offset": 0}))
    return Shown(items=list(page.items), total=page.total)


def collect(
    source: RecordSource,
    filters: Filters | None = None,
    *,
    title: str = "Situation report",
    limits: SitrepLimits | None = None,
    generated: str | None = None,
    corpus: str | None = None,
) -> SitrepData:
    """Read what a report shows from a store (or anything with the Store's query methods)."""
    filters = filters or Filters()
    limits = limits or SitrepLimits()
    return SitrepData(
        title=title,
        filters=filters,
        articles=_page(source.articles, filters, limits.articles),
        events=_page(source.events, filters, limits.events),
        timelines=list(source.force_timelines(filters)),
        quotes=_page(source.quotes, filters, limits.quotes),
        conflicts=_page(source.conflicts, filters, limits.conflicts),
        limits=limits,
        generated=generated,
        corpus=corpus,
    )

