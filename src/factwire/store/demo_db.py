"""Build a store from the bundled demo corpus, for development and tests of the views on top.

    python -m factwire.store.demo_db OUT.db [REPORTS_DIR]

Uses the Report JSON files in REPORTS_DIR (default /tmp/demo_reports, as written by
`factwire demo --out /tmp/demo_reports`) when there are any, so no model is needed;
otherwise extracts the bundled texts with the pipeline.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..schema import Report
from .store import Store

DEFAULT_REPORTS = Path("/tmp/demo_reports")


def build_demo_db(out: Path, reports_dir: Path = DEFAULT_REPORTS) -> dict[str, int]:
    files = sorted(reports_dir.glob("*.json")) if reports_dir.is_dir() else []
    with Store.open(out) as store:
        if files:
            for path in files:
                store.add_report(Report.model_validate_json(path.read_text(encoding="utf-8")), update_views=False)
            store.rebuild_views()
        else:
            from ..article import read_inputs
            from ..demo import corpus_dir
            from ..pipeline import Extractor

            store.ingest(list(read_inputs([corpus_dir()])), lambda: Extractor())
        return store.stats()


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    reports = Path(argv[1]) if len(argv) > 1 else DEFAULT_REPORTS
    stats = build_demo_db(Path(argv[0]), reports)
    print(f"{argv[0]}: " + ", ".join(f"{n} {k}" for k, n in stats.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
