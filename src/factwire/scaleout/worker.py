"""What runs on a Dask worker: one Extractor per worker process, and the per-batch task.

The extractor is held by a WorkerPlugin registered on every worker (and on workers that join
later). It is built lazily, by the first task that needs it, in the task's thread: loading a
model in the plugin's `setup` would block the worker's event loop (and its heartbeats) for
the whole load.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

from distributed import WorkerPlugin, get_worker

from ..article import Article
from .shards import ShardRow

PLUGIN_NAME = "factwire-extractor"


def default_factory():
    """The full pipeline (spaCy model + every factwire component)."""
    from ..pipeline import Extractor

    return Extractor()


class ExtractorPlugin(WorkerPlugin):
    """Holds one extractor per worker process, made by `factory` (a picklable zero-argument
    callable: a module-level function or class, or a functools.partial of one)."""

    name = PLUGIN_NAME

    def __init__(self, factory: Callable[[], object] = default_factory):
        self.factory = factory
        self._extractor = None
        self._failure: Exception | None = None
        self._lock: threading.Lock | None = None

    def setup(self, worker) -> None:
        self._lock = threading.Lock()

    def extractor(self):
        """The worker's extractor, made on first use (once, whatever the number of threads)."""
        assert self._lock is not None, "the plugin is used before its setup"
        with self._lock:
            if self._failure is not None:  # a broken install stays broken: fail fast, not once per batch
                raise self._failure
            if self._extractor is None:
                try:
                    self._extractor = self.factory()
                except Exception as exc:
                    self._failure = exc
                    raise
            return self._extractor

    def __getstate__(self):  # only the factory travels to the workers
        return {"factory": self.factory}

    def __setstate__(self, state) -> None:
        self.factory = state["factory"]
        self._extractor = None
        self._failure = None
        self._lock = None


def plugin_name(factory: Callable[[], object]) -> str:
    """The plugin's name for this factory: a run with the same factory reuses the extractors
    already loaded on a long-lived cluster instead of loading them again."""
    from dask.base import tokenize

    return f"{PLUGIN_NAME}-{tokenize(factory)}"


def ensure_plugin(client, factory: Callable[[], object]) -> str:
    """Register the extractor plugin for `factory` unless every worker already has it."""
    name = plugin_name(factory)
    present = client.run(lambda dask_worker: name in dask_worker.plugins)
    if not present or not all(present.values()):
        client.register_plugin(ExtractorPlugin(factory), name=name)
    return name


def extract_batch(batch: list[tuple[int, Article]], plugin: str = PLUGIN_NAME) -> list[ShardRow]:
    """The Dask task: extract every (seq, article) with the worker's extractor.

    Never raises for a bad article: its row carries the reason instead, so one article does
    not fail (and retry) the whole batch.
    """
    worker = get_worker()
    try:
        extractor = worker.plugins[plugin].extractor()
    except Exception as exc:  # e.g. no model package on this worker: say so per article, as the serial path does
        reason = f"the pipeline could not be loaded on worker {worker.address} ({type(exc).__name__}: {exc})"
        return [
            ShardRow(seq=seq, article_id=a.ident, sha256=a.sha256, url=a.url, title=a.title, published=a.published,
                     error=f"{a.ident}: {reason}", worker=worker.address)
            for seq, a in batch
        ]
    return [extract_one(extractor, seq, article, worker.address) for seq, article in batch]


def extract_one(extractor, seq: int, article: Article, worker: str | None = None) -> ShardRow:
    row = ShardRow(
        seq=seq, article_id=article.ident, sha256=article.sha256, url=article.url,
        title=article.title, published=article.published, worker=worker,
    )
    started = time.perf_counter()
    try:
        row.report = extractor.extract(article).model_dump_json()
    except Exception as exc:  # reported per article, like the serial path
        row.error = f"{article.ident}: extraction failed ({type(exc).__name__}: {exc}); please report this input"
    row.seconds = time.perf_counter() - started
    return row
