"""CLI commands that write outputs from a store (export, report): filled in by issue 6 work."""

from pathlib import Path

import click

COMMANDS: tuple = ()


# --- factwire report: the HTML situation report (factwire.sitrep) ---

_REPORT_FILTERS = (
    ("--actor", "Actor name or alias (case-insensitive substring)."),
    ("--country", "ISO 3166-1 alpha-3 code of an actor or place involved, e.g. IRQ."),
    ("--place", "Place name (case-insensitive substring)."),
    ("--type", "PLOVER or ACLED type for events, force type or status for forces, kind for quotes and conflicts."),
    ("--since", "Only facts dated on or after YYYY-MM-DD."),
    ("--until", "Only facts dated on or before YYYY-MM-DD."),
    ("--text", "Full-text query over the evidence (SQLite FTS5 syntax, or plain words)."),
    ("--article", "Only facts from this article id."),
)


def _report_filter_options(func):
    for flag, help_text in reversed(_REPORT_FILTERS):
        func = click.option(flag, help=help_text)(func)
    return func


@click.command(name="report")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default="factwire.db", show_default=True, help="The SQLite database to report on.")
@_report_filter_options
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The HTML file to write.")
@click.option("--title", default="Situation report", show_default=True, help="The report's heading.")
def report(db: Path, out: Path, title: str, **filters: str | None) -> None:
    """Write a self-contained HTML situation report: forces per theatre, event timeline, map,
    quotes by speaker, conflicts, and the sentence behind every fact. It loads nothing from the
    network, so it opens from disk or mail anywhere.

    \b
    Examples:
      factwire report --db factwire.db --out sitrep.html
      factwire report --db factwire.db --country IRQ --since 2021-01-01 --out iraq.html
    """
    from .records import Filters
    from .sitrep import write_sitrep
    from .store import Store

    with Store.open(db, create=False) as store:
        data = write_sitrep(store, Filters(**filters), out, title=title, corpus=db.name)
    size = out.stat().st_size
    click.echo(
        f"factwire: wrote {out} ({size / 1024:,.0f} KB): {data.articles.total} articles, {data.events.total} events, "
        f"{data.force_points} force levels, {data.quotes.total} quotes, {data.conflicts.total} conflicts"
    )


COMMANDS = COMMANDS + (report,)


# --- factwire export: PLOVER JSON, ACLED-style CSV, GeoJSON, Parquet (factwire.exports) ---


@click.command(name="export")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default="factwire.db", show_default=True, help="The SQLite database to export.")
@click.option("--format", "fmt", type=click.Choice(("plover", "acled-csv", "geojson", "parquet")), required=True,
              help="plover: PLOVER 2.0 JSON Lines of merged events; acled-csv: ACLED's columns; geojson: events and forces; parquet: every table.")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="The file to write (a folder for parquet).")
def export(db: Path, fmt: str, out: Path) -> None:
    """Export the store's records in a standard format. A file is written whole or not at all.

    \b
    Examples:
      factwire export --db factwire.db --format plover --out events.plover.jsonl
      factwire export --db factwire.db --format acled-csv --out events.csv
      factwire export --db factwire.db --format geojson --out facts.geojson
      factwire export --db factwire.db --format parquet --out parquet/
    """
    from .exports import export_store
    from .store import Store

    with Store.open(db, create=False) as store:
        summary = export_store(store, fmt, out)
    click.echo(f"factwire: {summary.message()}")


COMMANDS = COMMANDS + (export,)
