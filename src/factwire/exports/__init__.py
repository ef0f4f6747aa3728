"""Exports of a store's records: PLOVER JSON Lines, ACLED-style CSV, GeoJSON, Parquet.

Each writer takes records (records.py) and a path or an open stream; a path is written whole or
not at all.

    >>> write_plover_json(events, "events.plover.jsonl")
    >>> write_acled_csv(events, "events.acled.csv")
    >>> write_geojson(events, forces, "facts.geojson")
    >>> write_parquet({"events": events, "forces": forces}, "parquet/")
"""

from .acled_csv import COLUMNS as ACLED_COLUMNS
from .acled_csv import write_acled_csv
from .from_store import FORMATS, ExportSummary, export_store
from .geojson import feature_collection, write_geojson
from .parquet import read_parquet, write_parquet
from .plover_json import plover_event, write_plover_json

__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "ExportSummary",
    "export_store",
    "feature_collection",
    "plover_event",
    "read_parquet",
    "write_acled_csv",
    "write_geojson",
    "write_parquet",
    "write_plover_json",
]
