"""The factwire store: Reports and their facts in SQLite, the corpus views, and queries.

    >>> from factwire.store import Store
    >>> with Store.open("factwire.db") as store:
    ...     store.add_report(report)                       # "added" | "unchanged" | "versioned"
    ...     page = store.events(Filters(country="IRQ"))    # Page[EventRecord]

docs/store.md documents the schema and the migration rule.
"""

from .ingest import Failure, IngestSummary, Progress
from .store import Store
from .write import StoredReport

__all__ = ["Store", "StoredReport", "IngestSummary", "Progress", "Failure"]
