"""CLI commands over a store (ingest and the queries): filled in by the store work (issue 6)."""

COMMANDS: tuple = ()
