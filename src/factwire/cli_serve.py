"""CLI command serving a store over HTTP (serve): filled in by issue 6 work."""

COMMANDS: tuple = ()
