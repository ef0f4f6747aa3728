"""The bundled demo corpus (public-domain U.S. government texts) and `factwire demo`."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Callable

from .article import read_inputs
from .errors import InputError


def corpus_dir() -> Path:
    return Path(str(resources.files("factwire") / "demo"))


def run_demo(out: Path, echo: Callable[[str], None] = print) -> int:
    """Extract every bundled text, write one JSON Report each to `out`, print summaries."""
    from .pipeline import Extractor
    from .render import report_markdown

    out.mkdir(parents=True, exist_ok=True)
    extractor = Extractor()
    failures = 0
    written = []
    for item in read_inputs([corpus_dir()]):
        if isinstance(item, InputError):
            failures += 1
            echo(f"error: {item}")
            continue
        report = extractor.extract(item)
        path = out / f"{report.article.id}.json"
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(report.model_dump_json(indent=2), encoding="utf-8")
        tmp.replace(path)  # never leave a half-written report behind
        written.append(path)
        echo(report_markdown(report))
    echo(f"{len(written)} reports written to {out}/ ({failures} failed)")
    return 1 if failures else 0
