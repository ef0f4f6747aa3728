"""The bundled demo corpus (public-domain U.S. government texts) and `factwire demo`.

The demo is the main job end to end: ingest the corpus into a store, write the HTML situation
report from it, and say how to browse it with the server.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Callable

from .article import read_inputs


def corpus_dir() -> Path:
    return Path(str(resources.files("factwire") / "demo"))


def run_demo(db: Path, report: Path, echo: Callable[[str], None] = print) -> int:
    """Ingest every bundled text into `db`, write the situation report to `report`."""
    from .pipeline import Extractor
    from .sitrep.build import write_sitrep
    from .store import Store
    from .store.progress import ProgressPrinter

    items = list(read_inputs([corpus_dir()]))
    db.parent.mkdir(parents=True, exist_ok=True)
    with Store.open(db) as store:
        summary = store.ingest(items, lambda: Extractor(), on_progress=ProgressPrinter(sys.stderr), total=len(items))
        echo(
            f"{db}: {summary.added} added, {summary.unchanged} unchanged, "
            f"{summary.versioned} versioned, {len(summary.failed)} failed"
        )
        for failure in summary.failed:
            echo(f"error: {failure}")
        counts = store.stats()
        echo("stored: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))
        write_sitrep(store, None, report, title="Situation report: factwire demo corpus", corpus=db.name)
    echo(f"report: {report}")
    echo(f"browse it: factwire serve --db {db}   (then open http://127.0.0.1:8000/)")
    return 1 if summary.failed else 0
