"""The client side of a distributed ingest: skip what is stored, send batches to the workers,
stream the results back and write them, one article per transaction, in input order.

SQLite has one writer, so only this process writes the store. Results are written in input
order (a batch that finishes early waits for the ones before it), so a distributed run
stores exactly what the serial path stores, versions included. At most `window` batches are
out at once (sent and not yet written), which bounds both the futures in flight and the
results held back. On Ctrl-C every article written so far stays; outstanding tasks are
cancelled; the next run skips the stored articles and does the rest.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..article import Article
from ..errors import InputError
from ..schema import Report
from ..store.ingest import Failure, IngestSummary, Progress
from .shards import ShardRow, extracted_hashes, iter_shards, shard_name, write_shard
from . import worker as worker_module
from .worker import ensure_plugin, extract_batch

DEFAULT_BATCH = 8


@dataclass
class _Entry:
    """One input item, in input order, and what became of it."""

    seq: int
    ident: str | None
    article: Article | None = None
    outcome: str | None = None  # set when known without the workers (failed/unchanged)
    reason: str | None = None
    same_as: int | None = None  # an earlier entry with the same text: sent once
    row: ShardRow | None = None
    ready: bool = False


@dataclass
class _Batch:
    number: int
    entries: list[_Entry]
    future: object = None


@dataclass
class _Run:
    entries: list[_Entry]
    batches: list[_Batch] = field(default_factory=list)


def ingest_distributed(
    client,
    items: Sequence[Article | InputError] | Iterable[Article | InputError],
    *,
    store=None,
    shards: Path | None = None,
    factory: Callable[[], object] | None = None,
    batch_size: int | None = None,
    window: int | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> IngestSummary:
    """Extract `items` on the cluster behind `client`; store them in `store` (a Store) and/or
    write Parquet shards to `shards`. Returns the same summary as Store.ingest.

    `factory` makes a worker's extractor (a picklable zero-argument callable; default: the
    full pipeline); it runs once per worker process and is reused by later runs on the
    same cluster."""
    if store is None and shards is None:
        raise InputError("nowhere to put the results: give a store (--db) or a shards folder (--shards)")
    items = list(items)
    started = time.perf_counter()
    summary = IngestSummary()
    run = _plan(items, store, shards)
    workers = _workers(client)
    pending = [e for e in run.entries if e.article is not None and e.same_as is None and not e.ready]
    size = batch_size or _auto_batch(len(pending), workers)
    run.batches = [_Batch(n, pending[i:i + size]) for n, i in enumerate(range(0, len(pending), size))]
    window = window or 2 * workers
    written = [0]  # entries written so far (a prefix of run.entries)
    run_id = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + uuid.uuid4().hex[:6]

    def write_ready() -> None:
        while written[0] < len(run.entries) and run.entries[written[0]].ready:
            entry = run.entries[written[0]]
            _write(entry, run.entries, store, summary)
            written[0] += 1
            if on_progress is not None:
                on_progress(Progress(done=summary.done, total=len(items), elapsed=time.perf_counter() - started,
                                     article=entry.ident, outcome=entry.outcome or "failed"))

    changed = False
    try:
        if run.batches:
            from distributed import as_completed

            plugin = ensure_plugin(client, factory or worker_module.default_factory)
            queue = list(run.batches)
            completed = as_completed()
            out: list[_Batch] = []
            by_future: dict = {}

            def submit_more() -> None:
                while queue and len(out) < window:
                    batch = queue.pop(0)
                    payload = [(e.seq, e.article) for e in batch.entries]
                    batch.future = client.submit(extract_batch, payload, plugin, pure=False, key=f"factwire-{run_id}-{batch.number}")
                    by_future[batch.future.key] = batch
                    completed.add(batch.future)
                    out.append(batch)

            write_ready()
            submit_more()
            for future in completed:
                batch = by_future.pop(future.key)
                _collect(batch, future, shards, run_id)
                batch.future = None
                future.release()
                write_ready()
                out[:] = [b for b in out if b.entries[-1].seq >= written[0]]  # still holding unwritten entries
                submit_more()
        write_ready()
        changed = summary.added + summary.versioned > 0
    except BaseException:
        _cancel(client, run.batches)
        raise
    if store is not None and changed:
        store.update_views()  # incremental: only the articles written since the last update
    summary.seconds = time.perf_counter() - started
    return summary


def load_shards(store, directory: Path, on_progress: Callable[[Progress], None] | None = None) -> IngestSummary:
    """Store every Report the shards in `directory` hold (no model needed), in the order they
    were extracted. A stored text is unchanged; a failed row or an unreadable shard is a failure."""
    started = time.perf_counter()
    summary = IngestSummary()
    for path, rows in iter_shards(directory):
        if isinstance(rows, InputError):
            summary.failed.append(Failure(article=None, reason=str(rows)))
            continue
        for row in rows:
            entry = _Entry(seq=row.seq, ident=row.article_id, row=row, ready=True)
            _write(entry, [], store, summary)
            if on_progress is not None:
                on_progress(Progress(done=summary.done, total=None, elapsed=time.perf_counter() - started,
                                     article=row.article_id, outcome=entry.outcome or "failed"))
    if summary.added + summary.versioned:
        store.update_views()  # incremental: only the articles written since the last update
    summary.seconds = time.perf_counter() - started
    return summary


# --- steps --------------------------------------------------------------------------------


def _plan(items: list, store, shards: Path | None) -> _Run:
    """Decide, before anything is sent, what each item needs: nothing (bad input, text already
    stored), the result of an earlier item with the same text, or extraction."""
    done_in_shards = extracted_hashes(shards) if (store is None and shards is not None) else set()
    first_with_text: dict[str, int] = {}
    entries: list[_Entry] = []
    for seq, item in enumerate(items):
        if isinstance(item, InputError):
            entries.append(_Entry(seq, item.ident, outcome="failed", reason=str(item), ready=True))
            continue
        entry = _Entry(seq, item.ident, article=item)
        sha = item.sha256
        if sha in first_with_text:
            entry.same_as = first_with_text[sha]
            entry.ready = True  # resolved from the earlier entry when written (always after it)
        elif (store is not None and store.outcome(item) == "unchanged") or sha in done_in_shards:
            entry.outcome, entry.ready = "unchanged", True
        else:
            first_with_text[sha] = seq
        entries.append(entry)
    return _Run(entries)


def _collect(batch: _Batch, future, shards: Path | None, run_id: str) -> None:
    """Take a finished batch's rows (a lost batch: every article failed); write its shard."""
    try:
        rows = future.result()
    except Exception as exc:  # the worker died or the task could not run: the batch's articles fail
        rows = [
            ShardRow(seq=e.seq, article_id=e.ident, sha256=e.article.sha256,
                     error=f"{e.ident}: the Dask task failed ({type(exc).__name__}: {exc}); run the same command again")
            for e in batch.entries
        ]
    by_seq = {row.seq: row for row in rows}
    for entry in batch.entries:
        entry.row = by_seq.get(entry.seq) or ShardRow(
            seq=entry.seq, article_id=entry.ident, sha256=entry.article.sha256,
            error=f"{entry.ident}: the worker returned no result; run the same command again",
        )
        entry.ready = True
    if shards is not None:
        write_shard(shards, shard_name(run_id, batch.number), [e.row for e in batch.entries])


def _write(entry: _Entry, entries: list[_Entry], store, summary: IngestSummary) -> None:
    """Account for one entry (and store its Report): its own transaction, in input order."""
    if entry.same_as is not None:
        original = entries[entry.same_as]
        if original.outcome == "failed":
            entry.outcome = "failed"
            entry.reason = f"{entry.ident}: same text as {original.ident}, which failed"
        else:
            entry.outcome = "unchanged"
    elif entry.row is not None:
        entry.outcome, entry.reason = _store_row(entry.row, store)
    if entry.outcome == "failed":
        summary.failed.append(Failure(article=entry.ident, reason=entry.reason or "failed"))
    else:
        setattr(summary, entry.outcome, getattr(summary, entry.outcome) + 1)


def _store_row(row: ShardRow, store) -> tuple[str, str | None]:
    if row.report is None:
        return "failed", row.error or f"{row.article_id}: no report"
    if store is None:
        return "added", None  # shards only: a new Report was written to its shard
    try:
        report = Report.model_validate_json(row.report)
        return store.add_report(report, update_views=False), None
    except Exception as exc:
        return "failed", f"{row.article_id}: could not be stored ({type(exc).__name__}: {exc}); nothing of it was written"


def _cancel(client, batches: list[_Batch]) -> None:
    futures = [b.future for b in batches if b.future is not None]
    if futures:
        try:
            client.cancel(futures)
        except Exception:  # the cluster may already be going down (Ctrl-C); nothing to keep
            pass


def _workers(client) -> int:
    from .cluster import worker_count

    return worker_count(client)


def _auto_batch(pending: int, workers: int) -> int:
    """Batches big enough to keep shards few, small enough that every worker gets several."""
    if pending == 0:
        return 1
    return max(1, min(DEFAULT_BATCH, -(-pending // (2 * workers))))
