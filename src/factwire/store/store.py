"""Store: the one object the CLI, the HTTP server, the exports and the report read and write through."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Callable, Iterable

from ..article import Article
from ..errors import InputError, StoreError
from ..records import Filters, ForceRecord, ForceTimeline, Page
from ..schema import Report
from .db import connect, transaction
from .ingest import ExtractorSource, IngestSummary, Progress, ingest
from .queries import get_fact, get_report_json, query_articles, query_facts
from .views import rebuild_views, update_views, views_behind
from .write import Outcome, StoredReport, plan, write_report

DEFAULT_DB = "factwire.db"


class Store:
    """A factwire database. Open it with `Store.open(path)`; use it as a context manager.

    One connection, shared by the threads of a server: calls are serialised by a lock.
    Queries read the corpus views as they are: articles whose views a crash left pending are
    taken in when a store is opened or written, not by a query (which could otherwise redo the
    views over and over while another process is ingesting).
    """

    def __init__(self, conn: sqlite3.Connection, path: str):
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path | str = DEFAULT_DB, *, create: bool = True) -> Store:
        """Open (and migrate) the database at `path`; with create=False a missing file is an error."""
        name = str(path)
        if not create and name != ":memory:" and not Path(name).exists():
            raise StoreError(
                f"{name}: no such database; create it first with 'factwire ingest PATH... --db {name}'"
            )
        if name != ":memory:" and not Path(name).parent.exists():
            raise StoreError(f"{name}: the folder {Path(name).parent} does not exist; create it or choose another --db")
        store = cls(connect(name), name)
        store._repair_views()
        return store

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing -----------------------------------------------------------------------

    def add_report(self, report: Report, *, update_views: bool = True) -> Outcome:
        """Store one Report (no model needed): "added", "unchanged" or "versioned".

        With update_views=False the corpus views lag until update_views() (or the next write
        or open): for batches."""
        return self.store_report(report, update_views=update_views).outcome

    def store_report(self, report: Report, *, update_views: bool = True) -> StoredReport:
        """Like add_report, and says which article id the text is stored under: a text already
        stored under another id, or a new version matched by url, keeps the stored id."""
        with self._lock:
            with transaction(self._conn):
                stored = write_report(self._conn, report)
            if update_views:
                self.update_views()
            return stored

    def outcome(self, article: Article) -> Outcome:
        """What storing this article's text would do, without extracting or writing."""
        with self._lock:
            return plan(self._conn, article.ident, article.sha256, article.url).outcome

    def ingest(
        self,
        items: Iterable[Article | InputError],
        extractor: ExtractorSource,
        on_progress: Callable[[Progress], None] | None = None,
        total: int | None = None,
    ) -> IngestSummary:
        """Extract and store a batch, then update the corpus views once.

        `extractor` has `.extract(Article) -> Report`, or is a function returning one (called
        only if some article needs extracting). On KeyboardInterrupt every article before the
        current one stays stored and the views are repaired on the next open.
        """
        with self._lock:
            summary = ingest(self._conn, items, extractor, on_progress, total)
            self.update_views()
            return summary

    def update_views(self) -> None:
        """Bring the corpus views up to date with the stored articles: incrementally for the
        articles written since the last update (a full rebuild when the views are marked stale,
        or when so many are pending that one pass is cheaper)."""
        with self._lock:
            if views_behind(self._conn):
                with transaction(self._conn):
                    update_views(self._conn)

    def rebuild_views(self) -> None:
        """Recompute the corpus views (merged events, duplicates, corpus conflicts) from scratch."""
        with self._lock:
            with transaction(self._conn):
                rebuild_views(self._conn)

    def _repair_views(self) -> None:
        self.update_views()

    # --- reading -----------------------------------------------------------------------

    def _facts(self, kind: str, filters: Filters | None) -> Page:
        with self._lock:
            return query_facts(self._conn, kind, filters or Filters())

    def articles(self, filters: Filters | None = None) -> Page:
        """Page[ArticleRecord]: current versions only."""
        with self._lock:
            return query_articles(self._conn, filters or Filters())

    def report(self, article_id: str) -> Report | None:
        """The current Report of an article (or version N's, for '<id>@vN')."""
        with self._lock:
            found = get_report_json(self._conn, article_id)
        return Report.model_validate_json(found) if found is not None else None

    def events(self, filters: Filters | None = None) -> Page:
        """Page[EventRecord]: merged corpus events, each with its mentions."""
        return self._facts("event", filters)

    def event_mentions(self, filters: Filters | None = None) -> Page:
        """Page[EventMention]: every article's report of an event, unmerged."""
        return self._facts("mention", filters)

    def forces(self, filters: Filters | None = None) -> Page:
        """Page[ForceRecord]."""
        return self._facts("force", filters)

    def force_timelines(self, filters: Filters | None = None) -> list[ForceTimeline]:
        """The timelines of every force level matching `filters` (limit/offset ignored)."""
        with self._lock:
            forces = query_facts(self._conn, "force", filters or Filters(), paged=False).items
        return _timelines(forces)

    def quotes(self, filters: Filters | None = None) -> Page:
        """Page[QuoteRecord]."""
        return self._facts("quote", filters)

    def claims(self, filters: Filters | None = None) -> Page:
        """Page[ClaimRecord], with about_event set to the merged event."""
        return self._facts("claim", filters)

    def conflicts(self, filters: Filters | None = None) -> Page:
        """Page[ConflictRecord]: corpus-level first, then article-level (type filter: kind or scope)."""
        return self._facts("conflict", filters)

    def fact(self, global_id: str):
        """The record with this id (event, mention, force, quote, claim, conflict, article) or None."""
        with self._lock:
            return get_fact(self._conn, global_id)

    def stats(self) -> dict[str, int]:
        """How many of each thing the store holds (current versions)."""
        with self._lock:
            out = {"articles": self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]}
            for kind, name in (("event", "events"), ("mention", "event_mentions"), ("force", "forces"),
                               ("quote", "quotes"), ("claim", "claims"), ("conflict", "conflicts")):
                out[name] = self._conn.execute("SELECT count(*) FROM facts WHERE kind = ?", (kind,)).fetchone()[0]
            return out


def _timelines(forces: list[ForceRecord]) -> list[ForceTimeline]:
    try:
        from ..corpus import force_timelines
    except ImportError:  # factwire.corpus not there yet: group by (owner country, place country)
        groups: dict[tuple, list[ForceRecord]] = {}
        for f in forces:
            groups.setdefault((f.owner_country, f.place_country), []).append(f)
        return [
            ForceTimeline(
                owner_country=oc, owner=pts[0].owner.name if pts[0].owner else None, place_country=pc,
                place=pts[0].place.name if pts[0].place else None,
                points=sorted(pts, key=lambda f: (f.date is None, f.date or "", f.id)),
            )
            for (oc, pc), pts in groups.items()
        ]
    return force_timelines(forces)


__all__ = ["Store", "StoredReport", "DEFAULT_DB"]
