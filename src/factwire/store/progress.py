"""Progress of an ingest batch on a terminal or a log: done/total, articles/s, ETA.

On a TTY one line is rewritten in place; otherwise (a log, CI) a line is written every
`interval` seconds and at the end, so logs stay short.
"""

from __future__ import annotations

import time
from typing import Callable, TextIO

from .ingest import Progress


def format_seconds(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def progress_line(p: Progress) -> str:
    if p.total:
        done = f"{p.done}/{p.total} articles ({100 * p.done // p.total}%)"
    else:
        done = f"{p.done} articles"
    line = f"factwire: {done}, {p.rate:.2f} articles/s"
    if p.eta is not None and p.total and p.done < p.total:
        line += f", ETA {format_seconds(p.eta)}"
    return line


class ProgressPrinter:
    """An `on_progress` callback writing to `stream` (stderr in the CLI)."""

    def __init__(self, stream: TextIO, *, tty: bool | None = None, interval: float = 5.0,
                 clock: Callable[[], float] = time.monotonic):
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.interval = interval
        self.clock = clock
        self._last_written: float | None = None
        self._width = 0
        self._pending: str | None = None

    def __call__(self, p: Progress) -> None:
        line = progress_line(p)
        if self.tty:
            self.stream.write("\r" + line.ljust(self._width))
            self._width = len(line)
            self.stream.flush()
            return
        now = self.clock()
        finished = p.total is not None and p.done >= p.total
        if finished or self._last_written is None or now - self._last_written >= self.interval:
            self.stream.write(line + "\n")
            self.stream.flush()
            self._last_written = now
            self._pending = None
        else:
            self._pending = line

    def finish(self) -> None:
        """End the progress display (a newline on a TTY; the last unwritten line otherwise)."""
        if self.tty and self._width:
            self.stream.write("\n")
        elif self._pending is not None:
            self.stream.write(self._pending + "\n")
        self._pending = None
        self.stream.flush()
