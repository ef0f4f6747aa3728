"""Store benchmark: how fast add_report (with its incremental corpus-view update) is on stores of
100, 1,000 and 2,000 articles, and how long a full rebuild of the views takes. No model: the
articles are synthetic (factwire.corpus.synthetic) made from tests/fixtures/demo_reports_trimmed.jsonl.

    .venv/bin/python bench/ingest.py [--sizes 100,1000,2000] [--added 20] [--seed 0] [--copy-share 0.3]
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from factwire.corpus.synthetic import COPY_SHARE, synthetic_corpus
from factwire.schema import Report
from factwire.store import Store

SOURCES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "demo_reports_trimmed.jsonl"


def sources() -> list[Report]:
    return [Report.model_validate_json(line) for line in SOURCES.read_text(encoding="utf-8").splitlines()]


def bench_size(size: int, added: int, seed: int, folder: Path, copy_share: float) -> dict[str, float]:
    reports = synthetic_corpus(sources(), size + added, seed=seed, copy_share=copy_share)
    path = folder / f"bench-{size}.db"
    with Store.open(path) as store:
        started = time.perf_counter()
        for report in reports[:size]:
            store.add_report(report, update_views=False)
        write_seconds = time.perf_counter() - started
        started = time.perf_counter()
        store.rebuild_views()
        rebuild_seconds = time.perf_counter() - started
        times = []
        for report in reports[size:]:
            started = time.perf_counter()
            store.add_report(report)  # writes the article and updates the views incrementally
            times.append(time.perf_counter() - started)
        mentions = store.stats()["event_mentions"]
    conn = sqlite3.connect(path)
    copies = conn.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
    conn.close()
    times.sort()
    return {
        "articles": size,
        "mentions": mentions,
        "copies": copies,
        "write_per_article_ms": 1000 * write_seconds / size,
        "rebuild_s": rebuild_seconds,
        "add_report_per_s": len(times) / sum(times),
        "add_report_median_ms": 1000 * times[len(times) // 2],
        "add_report_max_ms": 1000 * times[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,2000", help="store sizes, comma-separated")
    parser.add_argument("--added", type=int, default=20, help="articles added one by one to each store")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--copy-share", type=float, default=COPY_SHARE, help="share of articles that are wire copies")
    args = parser.parse_args()
    print(f"{'store':>6} {'mentions':>8} {'copies':>6} {'rebuild s':>9} {'add/s':>7} {'median ms':>9} {'max ms':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            r = bench_size(size, args.added, args.seed, Path(folder), args.copy_share)
            print(
                f"{r['articles']:>6} {r['mentions']:>8} {r['copies']:>6} {r['rebuild_s']:>9.2f} {r['add_report_per_s']:>7.1f}"
                f" {r['add_report_median_ms']:>9.0f} {r['add_report_max_ms']:>7.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
