"""The `factwire` command: a thin shell over the library."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from . import __version__
from .article import Article, iter_jsonl, normalise_published, read_inputs
from .errors import FactwireError, InputError
from .evaluation import EVALS
from .schema import ErrorReport, json_schema

FORMATS = ("json", "jsonl", "md")


def _extractor():
    from .pipeline import Extractor

    started = time.perf_counter()
    extractor = Extractor()
    click.echo(f"factwire: model loaded in {time.perf_counter() - started:.1f}s", err=True)
    return extractor


def _error_line(ident: str | None, message: str) -> str:
    return ErrorReport(article={"id": ident}, error=message).model_dump_json()


def _emit(report, fmt: str, first: bool) -> None:
    from .render import report_markdown

    if fmt == "jsonl":
        click.echo(report.model_dump_json())
    elif fmt == "md":
        click.echo(("" if first else "\n") + report_markdown(report), nl=False)
    else:
        click.echo(report.model_dump_json(indent=2))


def _run_batch(items, fmt: str) -> int:
    """Extract every Article in `items`; an InputError item is reported and skipped. Returns failures."""
    extractor = None
    failures = done = 0
    started = time.perf_counter()
    for item in items:
        if isinstance(item, InputError):
            failures += 1
            click.echo(f"factwire: error: {item}", err=True)
            if fmt == "jsonl":
                click.echo(_error_line(item.ident, str(item)))
            continue
        if extractor is None:
            extractor = _extractor()
        try:
            report = extractor.extract(item)
        except Exception as exc:  # one bad article must not end the batch
            failures += 1
            message = f"{item.ident}: extraction failed ({type(exc).__name__}: {exc}); please report this input"
            click.echo(f"factwire: error: {message}", err=True)
            if fmt == "jsonl":
                click.echo(_error_line(item.ident, message))
            continue
        _emit(report, fmt, first=done == 0)
        done += 1
    elapsed = time.perf_counter() - started
    click.echo(f"factwire: {done} article(s) extracted, {failures} failed, in {elapsed:.1f}s", err=True)
    return failures


class CliError(click.ClickException):
    exit_code = 2


class FactwireGroup(click.Group):
    """Shows factwire's own errors as one clear line with exit code 2, not a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except FactwireError as exc:
            raise CliError(str(exc)) from exc


@click.group(cls=FactwireGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factwire")
def main() -> None:
    """factwire: sourced records of armed conflict and military deployments from news text.

    \b
    Example:
      factwire extract article.txt --published 2021-12-09
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--published", help="Publication date YYYY-MM-DD (overrides the input's own date).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None, help="Output format (default json; jsonl with --jsonl).")
@click.option("--jsonl", "jsonl", type=click.Path(allow_dash=True, path_type=Path), help="Read JSONL lines {id, text, published, title, url, outlet} from FILE or - (stdin).")
def extract(paths: tuple[Path, ...], published: str | None, fmt: str | None, jsonl: Path | None) -> None:
    """Extract a Report from each article: text, HTML, folders, or - for stdin.

    \b
    Examples:
      factwire extract story.txt --published 2021-12-09
      factwire extract stories/ --format jsonl > reports.jsonl
      factwire extract --jsonl articles.jsonl > reports.jsonl
    """
    if not paths and jsonl is None:
        raise click.UsageError("give one or more PATHs (or - for stdin), or --jsonl FILE")
    if published is not None:
        try:
            normalise_published(published, "--published")
        except InputError as exc:
            raise click.BadParameter(str(exc), param_hint="--published") from exc
    if jsonl is not None:
        fmt = fmt or "jsonl"
        if str(jsonl) == "-":
            items = iter_jsonl(sys.stdin, "<stdin>")
        else:
            try:
                handle = jsonl.open(encoding="utf-8-sig")
            except OSError as exc:
                raise click.BadParameter(f"{jsonl}: cannot be read ({exc.strerror})", param_hint="--jsonl") from exc
            items = iter_jsonl(handle, str(jsonl))
        items = (_with_published(i, published) for i in items)
    else:
        items = read_inputs(list(paths), published)
        if fmt is None:
            fmt = "json"
    if fmt == "json":
        # several articles as JSON: one array, so the output stays one JSON document
        items = list(items)
        if sum(isinstance(i, Article) for i in items) > 1:
            failures = _json_array(items)
            sys.exit(1 if failures else 0)
    failures = _run_batch(items, fmt)
    sys.exit(1 if failures else 0)


def _with_published(item, published: str | None):
    if published and isinstance(item, Article) and item.published is None:
        item.published = normalise_published(published)
    return item


def _json_array(items) -> int:
    from io import StringIO

    buffer = StringIO()
    reports = []
    failures = 0
    extractor = _extractor()
    for item in items:
        if isinstance(item, InputError):
            failures += 1
            click.echo(f"factwire: error: {item}", err=True)
            reports.append(json.loads(_error_line(item.ident, str(item))))
            continue
        try:
            reports.append(extractor.extract(item).model_dump(mode="json"))
        except Exception as exc:
            failures += 1
            message = f"{item.ident}: extraction failed ({type(exc).__name__}: {exc}); please report this input"
            click.echo(f"factwire: error: {message}", err=True)
            reports.append(json.loads(_error_line(item.ident, message)))
    json.dump(reports, buffer, indent=2, ensure_ascii=False)
    click.echo(buffer.getvalue())
    return failures


@main.command()
def schema() -> None:
    """Print the JSON Schema of the Report (the output contract).

    \b
    Example:
      factwire schema > report.schema.json
    """
    click.echo(json.dumps(json_schema(), indent=2))


@main.command(name="eval")
@click.argument("name", type=click.Choice(sorted(EVALS)))
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--published", help="seed: publication date of the article, YYYY-MM-DD (default: the gold file's).")
@click.option("--limit", type=click.IntRange(min=1), help="Score a fixed, evenly spread sample of N documents.")
@click.option("--misses/--no-misses", default=True, help="List the facts missed or wrong.")
def evaluate(name: str, paths: tuple[Path, ...], published: str | None, limit: int | None, misses: bool) -> None:
    """Score factwire on a gold set and print one table.

    \b
    seed: PATHS are GOLD.json ARTICLE (the format of shared/seed/gold.json).
    Example:
      factwire eval seed ../shared/seed/gold.json ../shared/seed/ap-2021-12-09-mckenzie.txt --published 2021-12-09
    """
    from .evaluation import evaluate as run_eval

    def make_extractor(components=None):
        if components is None:
            return _extractor()
        from .pipeline import Extractor

        return Extractor(components=components)

    result = run_eval(name, list(paths), make_extractor=make_extractor, limit=limit, published=published)
    click.echo(result.table)
    if misses and result.notes:
        click.echo("\nmisses:\n" + "\n".join(f"- {n}" for n in result.notes))


@main.command()
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=Path("out/demo.db"), show_default=True, help="Store to ingest the demo corpus into.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("out/sitrep.html"), show_default=True, help="Where to write the HTML situation report.")
def demo(db: Path, out: Path) -> None:
    """Ingest the bundled demo corpus into a store and write its situation report.

    \b
    Example:
      factwire demo --db out/demo.db --out out/sitrep.html
      factwire serve --db out/demo.db
    """
    from .demo import run_demo

    sys.exit(run_demo(db, out, echo=click.echo))


# Commands over a store live in their own modules; each lists its click commands in COMMANDS.
def _register_store_commands() -> None:
    from importlib import import_module

    for module_name in ("cli_store", "cli_outputs", "cli_serve"):
        for command in import_module(f".{module_name}", __package__).COMMANDS:
            main.add_command(command)


_register_store_commands()
