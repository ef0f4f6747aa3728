"""Ingest: articles -> Reports -> the store, one transaction per article, with progress.

An article already stored (same text) is skipped before extraction, so re-running a batch
after a crash or Ctrl-C only extracts what is missing. A bad item is recorded in the summary
and the batch goes on.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Callable, Iterable, Protocol, Union

from pydantic import BaseModel, Field

from ..article import Article
from ..errors import InputError
from ..schema import Report
from .db import transaction
from .write import plan, write_report


class ReportExtractor(Protocol):
    def extract(self, article: Article) -> Report: ...


# An extractor, or a function that makes one: called only when an article needs extracting,
# so a batch of already-stored articles never loads the model.
ExtractorSource = Union[ReportExtractor, Callable[[], ReportExtractor]]


class Failure(BaseModel):
    article: str | None = Field(description="the article id, where known")
    reason: str


class IngestSummary(BaseModel):
    added: int = 0
    unchanged: int = 0
    versioned: int = 0
    failed: list[Failure] = Field(default_factory=list)
    seconds: float = 0.0

    @property
    def done(self) -> int:
        return self.added + self.unchanged + self.versioned + len(self.failed)


class Progress(BaseModel):
    """Where a batch is: passed to `on_progress` after each item."""

    done: int
    total: int | None = None
    elapsed: float
    article: str | None = None
    outcome: str = Field(description="added | unchanged | versioned | failed")

    @property
    def rate(self) -> float:
        """Items per second so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the rate so far, when the total is known."""
        if self.total is None or self.done == 0:
            return None
        return max(0.0, (self.total - self.done) / self.rate) if self.rate else None


def ingest(
    conn: sqlite3.Connection,
    items: Iterable[Article | InputError],
    extractor: ExtractorSource,
    on_progress: Callable[[Progress], None] | None = None,
    total: int | None = None,
) -> IngestSummary:
    """Extract and store every article. KeyboardInterrupt propagates (the article being
    written is rolled back; every one before it is stored)."""
    summary = IngestSummary()
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    started = time.perf_counter()
    resolved: list[ReportExtractor] = []
    loading = [0.0]  # seconds spent loading the model: not part of the rate, which predicts the ETA

    def get_extractor() -> ReportExtractor:
        if not resolved:
            load_started = time.perf_counter()
            resolved.append(extractor if hasattr(extractor, "extract") else extractor())  # type: ignore[operator]
            loading[0] = time.perf_counter() - load_started
        return resolved[0]

    for item in items:
        ident, outcome = _ingest_one(conn, item, get_extractor, summary)
        if on_progress is not None:
            elapsed = time.perf_counter() - started - loading[0]
            on_progress(Progress(done=summary.done, total=total, elapsed=elapsed, article=ident, outcome=outcome))
    summary.seconds = time.perf_counter() - started
    return summary


def _ingest_one(conn, item, get_extractor, summary: IngestSummary) -> tuple[str | None, str]:
    if isinstance(item, InputError):
        summary.failed.append(Failure(article=item.ident, reason=str(item)))
        return item.ident, "failed"
    ident = item.ident
    if plan(conn, ident, item.sha256, item.url).outcome == "unchanged":
        summary.unchanged += 1
        return ident, "unchanged"
    try:
        report = get_extractor().extract(item)
    except Exception as exc:  # one bad article must not end the batch
        reason = f"{ident}: extraction failed ({type(exc).__name__}: {exc}); please report this input"
        summary.failed.append(Failure(article=ident, reason=reason))
        return ident, "failed"
    try:
        with transaction(conn):
            outcome = write_report(conn, report).outcome
    except Exception as exc:
        reason = f"{ident}: could not be stored ({type(exc).__name__}: {exc}); nothing of it was written"
        summary.failed.append(Failure(article=ident, reason=reason))
        return ident, "failed"
    setattr(summary, outcome, getattr(summary, outcome) + 1)
    return ident, outcome
