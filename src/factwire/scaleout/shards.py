"""Parquet shards of extracted Reports: one file per Dask task batch.

A shard is what a batch of articles came to: one row per article, its Report as JSON or the
reason it failed. Shards are written whole (to a hidden temporary name, then renamed), so a
crash never leaves half a file under a shard's name. `factwire ingest --from-shards DIR --db FILE`
loads them into a store without the model; pyarrow, DuckDB or Spark read them as they are
(`duckdb -c "SELECT article_id, error FROM 'DIR/*.parquet'"`). docs/scaleout.md documents the
columns; SHARD_SCHEMA below is the binding definition.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel, Field

from ..errors import InputError

SHARD_FORMAT = 1
SHARD_PREFIX = "part-"
SHARD_SUFFIX = ".parquet"

SHARD_SCHEMA = pa.schema(
    [
        pa.field("shard_format", pa.int32(), nullable=False),
        pa.field("seq", pa.int64(), nullable=False),  # the article's position in its run's input
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("sha256", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("title", pa.string()),
        pa.field("published", pa.string()),
        pa.field("report", pa.string()),  # schema.Report as JSON; null when the article failed
        pa.field("error", pa.string()),  # why it failed; null when it has a report
        pa.field("seconds", pa.float64(), nullable=False),  # extraction time on the worker
        pa.field("worker", pa.string()),  # the Dask worker's address
    ],
    metadata={b"factwire.shard_format": str(SHARD_FORMAT).encode()},
)


class ShardRow(BaseModel):
    """One article's result, as a worker returns it and a shard stores it."""

    seq: int
    article_id: str
    sha256: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    report: str | None = Field(default=None, description="the Report JSON, or None if extraction failed")
    error: str | None = None
    seconds: float = 0.0
    worker: str | None = None


def shard_name(run: str, batch: int) -> str:
    """File name of a run's batch: names sort in run order, then batch order."""
    return f"{SHARD_PREFIX}{run}-{batch:06d}{SHARD_SUFFIX}"


def write_shard(directory: Path, name: str, rows: list[ShardRow]) -> Path:
    """Write `rows` as one Parquet file, atomically (temporary name, then rename)."""
    directory.mkdir(parents=True, exist_ok=True)
    columns = {field.name: [] for field in SHARD_SCHEMA}
    for row in rows:
        values = row.model_dump()
        values["shard_format"] = SHARD_FORMAT
        for key in columns:
            columns[key].append(values[key])
    table = pa.Table.from_pydict(columns, schema=SHARD_SCHEMA)
    final = directory / name
    temporary = directory / f".{name}.tmp"
    pq.write_table(table, temporary, compression="zstd")
    os.replace(temporary, final)
    return final


def shard_files(directory: Path) -> list[Path]:
    """The shards in `directory`, in the order they were written (temporary files left out)."""
    if not directory.is_dir():
        raise InputError(f"{directory}: no such folder of shards; give the --shards folder of an earlier ingest")
    return sorted(p for p in directory.iterdir() if p.name.startswith(SHARD_PREFIX) and p.name.endswith(SHARD_SUFFIX))


def read_shard(path: Path) -> list[ShardRow]:
    """The rows of one shard, in input order; InputError if it is not a factwire shard."""
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"{path}: not a readable Parquet file ({exc}); delete it and ingest its articles again") from exc
    missing = [f.name for f in SHARD_SCHEMA if f.name not in table.column_names]
    if missing:
        raise InputError(f"{path}: not a factwire shard (no column {', '.join(missing)})")
    formats = set(table.column("shard_format").to_pylist())
    if formats - {SHARD_FORMAT}:
        raise InputError(f"{path}: shard format {sorted(formats)} is not {SHARD_FORMAT}; upgrade factwire to read it")
    fields = set(ShardRow.model_fields)
    rows = [ShardRow(**{k: v for k, v in rec.items() if k in fields}) for rec in table.to_pylist()]
    return sorted(rows, key=lambda r: r.seq)


def iter_shards(directory: Path) -> Iterator[tuple[Path, list[ShardRow] | InputError]]:
    """Every shard with its rows, or the error that makes it unreadable (the caller goes on)."""
    for path in shard_files(directory):
        try:
            yield path, read_shard(path)
        except InputError as exc:
            yield path, exc


def extracted_hashes(directory: Path) -> set[str]:
    """sha256 of every text a shard in `directory` holds a Report of (for resuming a shards-only run)."""
    if not directory.exists():
        return set()
    hashes: set[str] = set()
    for path in shard_files(directory):
        try:
            table = pq.read_table(path, columns=["sha256", "report"])
        except (OSError, pa.ArrowException):
            continue  # an unreadable shard holds nothing usable: its articles are extracted again
        for sha, report in zip(table.column("sha256").to_pylist(), table.column("report").to_pylist()):
            if report is not None:
                hashes.add(sha)
    return hashes
