"""CLI commands that write outputs from a store (export, report): filled in by issue 6 work."""

COMMANDS: tuple = ()
