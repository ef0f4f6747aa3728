"""CLI commands over a store: `ingest` and the queries (articles, events, forces, quotes,
claims, conflicts). Thin shells over factwire.store."""

from __future__ import annotations

import json
import sys
import time
from contextlib import nullcontext
from pathlib import Path

import click

from .article import Article, iter_jsonl, normalise_published, read_inputs
from .errors import InputError
from .records import Filters
from .store.store import DEFAULT_DB

QUERY_FORMATS = ("table", "json", "csv")


def _load_extractor():
    from .pipeline import Extractor

    started = time.perf_counter()
    extractor = Extractor()
    click.echo(f"factwire: model loaded in {time.perf_counter() - started:.1f}s", err=True)
    return extractor


def _read_items(paths: tuple[Path, ...], jsonl: Path | None, published: str | None) -> list:
    items: list = []
    if jsonl is not None:
        if str(jsonl) == "-":
            items += iter_jsonl(sys.stdin, "<stdin>")
        else:
            try:
                with jsonl.open(encoding="utf-8-sig") as handle:
                    items += iter_jsonl(handle, str(jsonl))
            except OSError as exc:
                raise click.BadParameter(f"{jsonl}: cannot be read ({exc.strerror})", param_hint="--jsonl") from exc
        if published:
            for item in items:
                if isinstance(item, Article) and item.published is None:
                    item.published = normalise_published(published)
    items += read_inputs(list(paths), published)
    return items


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB, show_default=True, help="The SQLite database (created if missing).")
@click.option("--published", help="Publication date YYYY-MM-DD for inputs without one.")
@click.option("--jsonl", type=click.Path(allow_dash=True, path_type=Path), help="Also read JSONL lines {id, text, published, title, url, outlet} from FILE or - (stdin).")
@click.option("--workers", type=int, metavar="N", help="Extract on a local Dask cluster of N worker processes (127.0.0.1 only).")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Extract on the running Dask cluster at tcp://HOST:PORT.")
@click.option("--shards", type=click.Path(file_okay=False, path_type=Path), metavar="DIR", help="Also write Parquet shards of the Reports to DIR (with --workers/--scheduler; without an explicit --db: shards only).")
@click.option("--from-shards", "from_shards", type=click.Path(file_okay=False, path_type=Path), metavar="DIR", help="Load the Reports in the shards in DIR into --db (no model needed).")
@click.option("--batch-size", "batch_size", type=click.IntRange(1, 1000), metavar="N", help="Articles per Dask task (default: up to 8, so every worker gets several).")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], db: Path, published: str | None, jsonl: Path | None,
           workers: int | None, scheduler: str | None, shards: Path | None, from_shards: Path | None,
           batch_size: int | None) -> None:
    """Extract articles and store them and their facts; update the corpus views.

    Re-ingesting a stored text changes nothing; a changed text under the same id (or url)
    becomes a new version. After a crash or Ctrl-C, run the same command again: stored
    articles are skipped and the rest completed. Exit 1 if any input failed.

    With --workers N or --scheduler tcp://HOST:PORT the extraction runs on Dask workers (one
    pipeline each) and this process writes the results; --shards DIR also writes them as
    Parquet, which --from-shards DIR loads later. See docs/scaleout.md.

    \b
    Examples:
      factwire ingest stories/ --db factwire.db
      factwire ingest --jsonl articles.jsonl --db factwire.db
      factwire ingest stories/ --db factwire.db --workers 4
      factwire ingest stories/ --scheduler tcp://10.0.0.5:8786 --shards shards/
      factwire ingest --from-shards shards/ --db factwire.db
    """
    from .store import Store
    from .store.progress import ProgressPrinter

    distributed = workers is not None or scheduler is not None
    _check_ingest_options(paths, jsonl, workers, scheduler, shards, from_shards, distributed)
    if published is not None:
        try:
            normalise_published(published, "--published")
        except InputError as exc:
            raise click.BadParameter(str(exc), param_hint="--published") from exc
    db_given = ctx.get_parameter_source("db") != click.core.ParameterSource.DEFAULT
    use_db = not (shards is not None and not db_given)
    items = [] if from_shards is not None else _read_items(paths, jsonl, published)
    printer = ProgressPrinter(sys.stderr)
    started = time.perf_counter()
    where = str(db) if use_db else str(shards)
    with (Store.open(db) if use_db else nullcontext()) as store:
        try:
            if from_shards is not None:
                from .scaleout import load_shards

                summary = load_shards(store, from_shards, on_progress=printer)
            elif distributed:
                summary = _ingest_distributed(items, store, shards, workers, scheduler, batch_size, printer)
            else:
                summary = store.ingest(items, _load_extractor, on_progress=printer, total=len(items))
        except KeyboardInterrupt:
            printer.finish()
            click.echo(
                f"factwire: interrupted; every article stored so far is complete in {where}. "
                "Run the same command again to resume (stored articles are skipped).",
                err=True,
            )
            sys.exit(130)
    printer.finish()
    click.echo(f"factwire: done in {time.perf_counter() - started:.1f}s", err=True)
    click.echo(
        f"{where}: {summary.added} added, {summary.unchanged} unchanged, {summary.versioned} versioned, "
        f"{len(summary.failed)} failed"
    )
    for failure in summary.failed:
        click.echo(f"failed: {failure.reason}")
    sys.exit(1 if summary.failed else 0)


def _check_ingest_options(paths, jsonl, workers, scheduler, shards, from_shards, distributed: bool) -> None:
    if workers is not None and scheduler is not None:
        raise click.UsageError("give --workers N (a local cluster) or --scheduler tcp://HOST:PORT, not both")
    if workers is not None and workers < 1:
        raise click.BadParameter(f"{workers}: give 1 or more workers", param_hint="--workers")
    if scheduler is not None:
        from .scaleout import check_scheduler_address

        try:
            check_scheduler_address(scheduler)
        except InputError as exc:
            raise click.BadParameter(str(exc), param_hint="--scheduler") from exc
    if from_shards is not None:
        if paths or jsonl is not None or distributed or shards is not None:
            raise click.UsageError("--from-shards DIR loads shards into --db: give no PATHs, --jsonl, --workers, --scheduler or --shards with it")
        return
    if shards is not None and not distributed:
        raise click.UsageError("--shards DIR needs --workers N or --scheduler tcp://HOST:PORT")
    if not paths and jsonl is None:
        raise click.UsageError("give one or more PATHs (or - for stdin), or --jsonl FILE")


def _ingest_distributed(items, store, shards, workers, scheduler, batch_size, printer):
    from .scaleout import ingest_distributed, local_client, remote_client

    started = time.perf_counter()
    opening = local_client(workers) if workers is not None else remote_client(scheduler)
    with opening as client:
        where = f"{workers} local worker(s)" if workers is not None else scheduler
        click.echo(f"factwire: Dask cluster ready in {time.perf_counter() - started:.1f}s ({where})", err=True)
        return ingest_distributed(client, items, store=store, shards=shards, batch_size=batch_size, on_progress=printer)


def filter_options(func):
    """The filters shared by every query command (Filters' fields)."""
    options = [
        click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB, show_default=True, help="The SQLite database."),
        click.option("--actor", help="Actor name or alias (case-insensitive substring)."),
        click.option("--country", help="ISO 3166-1 alpha-3 code of an actor or place involved, e.g. IRQ."),
        click.option("--place", help="Place name (case-insensitive substring)."),
        click.option("--type", "type_", help="PLOVER or ACLED type, force type, quote kind, claim stance, conflict kind."),
        click.option("--since", help="Only facts dated on or after YYYY-MM-DD."),
        click.option("--until", help="Only facts dated on or before YYYY-MM-DD."),
        click.option("--text", help="Full-text query over the evidence (SQLite FTS5 syntax, or plain words)."),
        click.option("--article", help="Only facts from this article id."),
        click.option("--limit", type=click.IntRange(1, 10000), default=100, show_default=True, help="At most N records."),
        click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True, help="Skip the first N records (paging)."),
        click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True, help="Output format."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def run_query(kind: str, db: Path, fmt: str, type_: str | None, **filters) -> None:
    from .store import Store
    from .store.flat import csv_text, table

    with Store.open(db, create=False) as store:
        page = getattr(store, kind)(Filters(type=type_, **filters))
    if fmt == "json":
        click.echo(json.dumps([r.model_dump(mode="json") for r in page.items], indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(csv_text(kind, page.items), nl=False)
    else:
        if page.items:
            click.echo(table(kind, page.items))
        footer = f"{len(page.items)} of {page.total} {kind}"
        click.echo(footer + (f"; next page: --offset {page.next}" if page.next else ""))


def _query_command(kind: str, summary: str, example: str) -> click.Command:
    def command(**options) -> None:
        run_query(kind, **options)

    command.__doc__ = f"""{summary}

    \b
    Example:
      {example}
    """
    return click.command(name=kind)(filter_options(command))


COMMANDS = (
    ingest,
    _query_command("articles", "List the stored articles (current versions).", "factwire articles --db factwire.db --since 2021-08-01"),
    _query_command("events", "List events, merged across articles, each with its sources.", "factwire events --db factwire.db --country AFG --type ASSAULT"),
    _query_command("forces", "List force levels (who has how many troops where, when).", "factwire forces --db factwire.db --country IRQ --format csv"),
    _query_command("quotes", "List quotes with their speakers.", "factwire quotes --db factwire.db --actor Biden --text troops"),
    _query_command("claims", "List claims: who asserts, accuses, denies or doubts which event.", "factwire claims --db factwire.db --type denies"),
    _query_command("conflicts", "List conflicts within and across articles.", "factwire conflicts --db factwire.db --type corpus --format json"),
)
