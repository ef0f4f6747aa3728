"""Writing an export to a path (atomically: a temporary file renamed into place) or to an open stream."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import StoreError


@contextlib.contextmanager
def text_output(out: Path | str | IO[str]) -> Iterator[IO[str]]:
    """Yield a text stream; for a path, nothing appears there unless the whole export succeeded."""
    if not isinstance(out, (str, Path)):
        yield out
        return
    path = Path(out)
    if path.is_dir():
        raise StoreError(f"{path} is a folder; give a file name for this export (e.g. {path / 'events.json'})")
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        tmp.replace(path)
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}; check the folder exists and is writable") from exc
    finally:
        tmp.unlink(missing_ok=True)
