"""The SQLite connection and the schema migrations.

A database's schema version is SQLite's ``PRAGMA user_version``. Migrations are the files
``migrations/NNNN_name.sql``; opening a database applies, in order and each in its own
transaction, every file whose number is above its version, then sets the version to that
number. A migration file is never edited once released: a schema change is a new file
(docs/store.md).
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterator

from ..errors import StoreError

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
BUSY_TIMEOUT_MS = 10_000


def migrations() -> list[tuple[int, str, str]]:
    """(number, file name, SQL) of every bundled migration, in order."""
    found = []
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    return found


def schema_version() -> int:
    """The schema version this factwire writes (the last migration's number)."""
    return migrations()[-1][0]


def connect(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at `path`.

    Autocommit mode: every write goes through `transaction()`, so what is in a transaction
    is visible in the code rather than decided by the sqlite3 module.
    """
    name = str(path)
    try:
        conn = sqlite3.connect(name, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"{name}: cannot be opened ({exc}); check the path and its permissions") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if name != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL still commits each transaction whole or not at all; it only skips
            # the fsync per commit (the last transactions may be lost on power loss, never torn).
            conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn, name)
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(
            f"{name}: cannot be opened as a factwire database ({exc}); "
            "give another --db path or move this file away"
        ) from exc
    return conn


def migrate(conn: sqlite3.Connection, name: str = "database") -> int:
    """Apply the pending migrations; returns the schema version reached."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    known = migrations()
    if version > known[-1][0]:
        raise StoreError(
            f"{name}: its schema version {version} is newer than this factwire's ({known[-1][0]}); "
            "upgrade factwire to read it"
        )
    for number, file_name, sql in known:
        if number <= version:
            continue
        # executescript() would COMMIT first; BEGIN/COMMIT inside the script keep the migration
        # and its version bump in one transaction, so a crash leaves the previous version intact.
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"{name}: migration {file_name} failed ({exc}); the database is unchanged") from exc
        version = number
    return version


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: everything in the block is stored, or (on any exception,
    KeyboardInterrupt included) nothing is."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
