"""Throughput of factwire against bare spaCy on the same texts, in the same run.

The machines are shared and noisy, so the figure that matters is the ratio:
factwire's words/s over the bare model's (full pipeline) words/s.
Run: make bench   (or .venv/bin/python bench/throughput.py [--repeat N])
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from factwire.article import read_inputs
from factwire.demo import corpus_dir
from factwire.pipeline import DEFAULT_MODEL, Extractor

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "ap-2021-12-09-mckenzie.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = [corpus_dir()] + ([SEED] if SEED.exists() else [])
    articles = [a for a in read_inputs(paths) if not isinstance(a, Exception)]
    words = sum(len(a.text.split()) for a in articles)
    bare = spacy.load(DEFAULT_MODEL)
    extractor = Extractor()
    timings = {"spacy": [], "factwire": []}
    for _ in range(args.repeat):
        started = time.perf_counter()
        for article in articles:
            bare(article.text)
        timings["spacy"].append(time.perf_counter() - started)
        started = time.perf_counter()
        for article in articles:
            extractor.extract(article)
        timings["factwire"].append(time.perf_counter() - started)
    best = {k: min(v) for k, v in timings.items()}
    print(f"{len(articles)} articles, {words} words, best of {args.repeat}")
    for name, seconds in best.items():
        print(f"{name:<9} {seconds:6.2f}s {words / seconds:8.0f} words/s")
    print(f"ratio factwire/spacy throughput: {best['spacy'] / best['factwire']:.2f}")
    if SEED.exists():
        seed = next(a for a in articles if a.id == SEED.stem)
        seed.published = "2021-12-09"
        runs = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            extractor.extract(seed)
            runs.append(time.perf_counter() - started)
        print(f"reference article: {min(runs):.2f}s per extraction (model loaded)")


if __name__ == "__main__":
    main()
