"""`factwire eval NAME PATH...`: score factwire on a gold set and print one table.

Each gold set has a module here with

    evaluate(name, paths, *, make_extractor, limit=None, published=None) -> EvalResult

`make_extractor(components=None)` returns a `factwire.pipeline.Extractor`, with only the named
factwire components when given (an eval of times need not run the quote finder). `limit` asks
for a fixed, evenly spread sample of that many documents: CI runs those quick versions with
floors (tests/test_bench_*.py); `make bench` runs the whole sets.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence, TypeVar

# eval name -> module in this package
EVALS = {
    "seed": "seed",
    "timebank": "timebank",
    "lgl": "geoparsing",
    "trnews": "geoparsing",
    "newsquant": "quantities_cqe",
    "re3d": "re3d",
    "plover": "plover",
    "polnear": "polnear",
}

T = TypeVar("T")


@dataclass
class EvalResult:
    name: str
    table: str  # what `factwire eval` prints
    metrics: dict[str, float] = field(default_factory=dict)  # flat names, for floors and the README
    notes: list[str] = field(default_factory=list)  # misses and diagnostics, printed with --misses


def sample(items: Sequence[T], limit: int | None) -> list[T]:
    """`limit` items spread evenly over `items` (all of them when limit is None): the same every run."""
    if limit is None or limit >= len(items):
        return list(items)
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def evaluate(
    name: str,
    paths: list[Path],
    *,
    make_extractor: Callable,
    limit: int | None = None,
    published: str | None = None,
) -> EvalResult:
    module = importlib.import_module(f".{EVALS[name]}", __name__)
    return module.evaluate(name, paths, make_extractor=make_extractor, limit=limit, published=published)
