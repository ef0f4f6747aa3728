"""Where the work runs: a LocalCluster on 127.0.0.1, or the scheduler the user names.

Nothing here contacts any other host: the local cluster's scheduler, nannies and workers
listen on 127.0.0.1 only, with no dashboard; with `--scheduler` the client connects to that
address alone (direct_to_workers=False: results come through the scheduler's connection
rather than from worker addresses the scheduler hands out).
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from typing import Iterator

from ..errors import InputError

LOCAL_HOST = "127.0.0.1"
_ADDRESS = re.compile(r"^(tcp|tls)://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$")


def check_scheduler_address(address: str) -> str:
    """`tcp://HOST:PORT` (or tls://), else InputError saying what is expected."""
    match = _ADDRESS.match(address.strip())
    if match is None or not 0 < int(match.group(3)) < 65536:
        raise InputError(
            f"--scheduler {address!r}: not a scheduler address; give tcp://HOST:PORT, "
            "e.g. tcp://127.0.0.1:8786 (what `dask scheduler` prints)"
        )
    return address.strip()


@contextmanager
def local_client(workers: int) -> Iterator[object]:
    """A Client on a fresh LocalCluster of `workers` processes with one thread each."""
    if workers < 1:
        raise InputError(f"--workers {workers}: give 1 or more")
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,  # one pipeline per process: spaCy is not faster with threads
        processes=True,
        host=LOCAL_HOST,
        scheduler_port=0,  # any free port: two runs side by side must not collide
        dashboard_address=None,
        worker_dashboard_address=None,
        # dask's own warnings (a slow worker shutdown, a port taken) are not the user's business
        silence_logs=logging.ERROR,
    )
    try:
        with Client(cluster, direct_to_workers=False) as client:
            yield client
    finally:
        cluster.close()


@contextmanager
def remote_client(address: str, timeout: float | None = None) -> Iterator[object]:
    """A Client of the scheduler at `address` (tcp://HOST:PORT), and of nothing else. The
    connect timeout defaults to dask's `distributed.comm.timeouts.connect` (30 s)."""
    from distributed import Client

    address = check_scheduler_address(address)
    try:
        options = {} if timeout is None else {"timeout": timeout}
        client = Client(address, direct_to_workers=False, set_as_default=False, **options)
    except (OSError, TimeoutError) as exc:
        raise InputError(
            f"--scheduler {address}: cannot connect ({type(exc).__name__}: {exc}); "
            "is `dask scheduler` running there and the port reachable?"
        ) from exc
    try:
        yield client
    finally:
        client.close()


def worker_count(client) -> int:
    """How many workers the cluster has now (at least 1, for sizing batches)."""
    return max(1, len(client.scheduler_info().get("workers", {})))
