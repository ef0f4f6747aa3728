"""Export a whole store in one format: what `factwire export` runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal

from ..records import (
    ArticleRecord,
    ClaimRecord,
    ConflictRecord,
    EventMention,
    EventRecord,
    Filters,
    ForceRecord,
    Page,
    QuoteRecord,
)
from .acled_csv import write_acled_csv
from .geojson import write_geojson
from .parquet import write_parquet
from .plover_json import write_plover_json

ExportFormat = Literal["plover", "acled-csv", "geojson", "parquet"]
FORMATS: tuple[str, ...] = ("plover", "acled-csv", "geojson", "parquet")
PAGE_SIZE = 10000
TABLES = {
    "articles": ("articles", ArticleRecord),
    "events": ("events", EventRecord),
    "event_mentions": ("event_mentions", EventMention),
    "forces": ("forces", ForceRecord),
    "quotes": ("quotes", QuoteRecord),
    "claims": ("claims", ClaimRecord),
    "conflicts": ("conflicts", ConflictRecord),
}


@dataclass
class ExportSummary:
    format: str
    path: Path
    written: int
    left_out: int = 0
    tables: dict[str, int] = field(default_factory=dict)

    def message(self) -> str:
        if self.format == "parquet":
            parts = ", ".join(f"{name} ({n} rows)" for name, n in self.tables.items())
            return f"wrote {len(self.tables)} Parquet tables to {self.path}/: {parts}"
        if self.format == "acled-csv":
            return (f"wrote {self.written} ACLED-style rows to {self.path} ({self.left_out} events left out: "
                    "no ACLED type, not reported as happened, no place, or dated less precisely than a month)")
        if self.format == "geojson":
            return f"wrote {self.written} GeoJSON features to {self.path} ({self.left_out} facts left out: no coordinates)"
        return f"wrote {self.written} PLOVER events to {self.path} (JSON Lines)"


def every(fetch: Callable[[Filters], Page]) -> list:
    """All records of one store query, page by page."""
    items: list = []
    offset = 0
    while True:
        page = fetch(Filters(limit=PAGE_SIZE, offset=offset))
        items += page.items
        if page.next is None:
            return items
        offset = int(page.next)


def export_store(store, fmt: ExportFormat, out: Path) -> ExportSummary:
    """Write every record of ``store`` needed by ``fmt`` to ``out`` (a file; a folder for parquet)."""
    if fmt == "parquet":
        tables = {name: every(getattr(store, method)) for name, (method, _model) in TABLES.items()}
        write_parquet(tables, out, models={name: model for name, (_m, model) in TABLES.items()})
        counts = {name: len(rows) for name, rows in tables.items()}
        return ExportSummary(fmt, out, sum(counts.values()), tables=counts)
    events = every(store.events)
    if fmt == "plover":
        return ExportSummary(fmt, out, write_plover_json(events, out))
    if fmt == "acled-csv":
        n = write_acled_csv(events, out)
        return ExportSummary(fmt, out, n, left_out=len(events) - n)
    if fmt == "geojson":
        forces = every(store.forces)
        n = write_geojson(events, forces, out)
        return ExportSummary(fmt, out, n, left_out=len(events) + len(forces) - n)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
