"""Scale-out: the per-article extraction on Dask workers, results streamed back to one writer.

    >>> from factwire.scaleout import local_client, ingest_distributed
    >>> from factwire.store import Store
    >>> with local_client(workers=2) as client, Store.open("factwire.db") as store:
    ...     summary = ingest_distributed(client, articles, store=store, shards=Path("shards"))

`factwire ingest PATH... --db FILE --workers N` (a LocalCluster on 127.0.0.1) or
`--scheduler tcp://HOST:PORT` (a running cluster) is the CLI over it; `--shards DIR` also writes
Parquet shards, and `--from-shards DIR` loads them into a store without the model.
docs/scaleout.md describes the flow, the shard columns and the measured speed.
"""

from .cluster import check_scheduler_address, local_client, remote_client
from .run import ingest_distributed, load_shards
from .shards import SHARD_SCHEMA, ShardRow, read_shard, shard_files
from .worker import ExtractorPlugin, default_factory

__all__ = [
    "ExtractorPlugin",
    "SHARD_SCHEMA",
    "ShardRow",
    "check_scheduler_address",
    "default_factory",
    "ingest_distributed",
    "load_shards",
    "local_client",
    "read_shard",
    "remote_client",
    "shard_files",
]
