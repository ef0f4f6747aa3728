"""Every table as Parquet: one file per table in a folder, nested records kept as Arrow structs and
lists (DuckDB, pandas and Spark read them as such), so each row reads back as the same record.

A dict-valued field (ArticleRecord.counts) is stored as an Arrow map, since its keys vary by row.
"""

from __future__ import annotations

import os
import re
import typing
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from ..errors import StoreError

TABLE_NAME = re.compile(r"[a-z][a-z0-9_]*$")


def _map_fields(model: type[BaseModel]) -> dict[str, pa.DataType]:
    out = {}
    for name, info in model.model_fields.items():
        if typing.get_origin(info.annotation) is dict:
            key, value = typing.get_args(info.annotation)
            arrow = {str: pa.string(), int: pa.int64(), float: pa.float64()}
            out[name] = pa.map_(arrow.get(key, pa.string()), arrow.get(value, pa.string()))
    return out


def records_table(records: list[BaseModel], model: type[BaseModel] | None = None) -> pa.Table:
    """An Arrow table with one column per model field (all-null columns for an empty table)."""
    model = model or (type(records[0]) if records else None)
    if model is None:
        return pa.table({})
    maps = _map_fields(model)
    rows = [r.model_dump(mode="json") for r in records]
    columns = {}
    for name in model.model_fields:
        values = [row[name] for row in rows]
        if name in maps:
            columns[name] = pa.array([list(v.items()) if v is not None else None for v in values], type=maps[name])
        else:
            columns[name] = pa.array(values) if values else pa.array([], type=pa.null())
    return pa.table(columns)


def write_parquet(
    tables: dict[str, Iterable[BaseModel]], out_dir: Path | str, models: dict[str, type[BaseModel]] | None = None
) -> dict[str, Path]:
    """Write ``<out_dir>/<name>.parquet`` per table; returns the paths. ``models`` names each table's
    record type, so an empty table still gets its columns."""
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder} is a file; Parquet export writes one file per table into a folder: give a folder path")
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, records in tables.items():
        if not TABLE_NAME.match(name):
            raise StoreError(f"table name {name!r} is not a plain lower-case name; use e.g. 'events'")
        table = records_table(list(records), (models or {}).get(name))
        path = folder / f"{name}.parquet"
        tmp = folder / f".{name}.parquet.tmp-{os.getpid()}"
        try:
            pq.write_table(table, tmp)
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)
        written[name] = path
    return written


def read_parquet(path: Path | str, model: type[BaseModel]) -> list[BaseModel]:
    """The records of one exported table, as ``model`` instances."""
    table = pq.read_table(path)
    maps = _map_fields(model)
    out = []
    for row in table.to_pylist():
        for name in maps:
            if row.get(name) is not None:
                row[name] = dict(row[name])
        out.append(model.model_validate(row))
    return out
