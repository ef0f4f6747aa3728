"""The corpus views are updated incrementally and give the same answer as a full rebuild.

Synthetic corpora (factwire.corpus.synthetic) made from the trimmed demo Reports: wire copies
arriving in any date order (so the original of a group changes), texts that change (so groups
split and events lose mentions), places moved between countries. No model is needed.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from factwire.corpus.synthetic import synthetic_corpus, synthetic_report
from factwire.schema import Report
from factwire.store import Store, StoredReport

FIXTURES = Path(__file__).parent / "fixtures"


def sources() -> list[Report]:
    lines = (FIXTURES / "demo_reports_trimmed.jsonl").read_text(encoding="utf-8").splitlines()
    return [Report.model_validate_json(line) for line in lines]


def snapshot(path: Path) -> dict[str, list]:
    """Everything the views store, in a fixed order."""
    conn = sqlite3.connect(path)
    queries = {
        "copies": "SELECT id, duplicate_of FROM articles ORDER BY id",
        "facts": "SELECT f.id, f.kind, f.seq, f.types, f.date_lo, f.date_hi, f.actors, f.countries, f.places, f.record, t.text"
        " FROM facts f JOIN fact_fts t ON t.rowid = f.pk WHERE f.scope = 'corpus' ORDER BY f.id",
        "parts": "SELECT fact_id, part_id, article_id FROM fact_parts ORDER BY 1, 2",
        "sources": "SELECT fact_id, source FROM view_sources ORDER BY 1",
        "event_blocks": "SELECT mention_id, article_id, role, key FROM event_blocks ORDER BY 1, 2, 3, 4",
        "force_blocks": "SELECT force_id, article_id, block FROM force_blocks ORDER BY 1, 2, 3",
        "bands": "SELECT band, value, article_id FROM article_bands ORDER BY 1, 2, 3",
        "pending": "SELECT article_id FROM view_pending",
    }
    out = {name: conn.execute(sql).fetchall() for name, sql in queries.items()}
    conn.close()
    return out


def incremental_then_rebuilt(tmp_path: Path, reports: list[Report]) -> tuple[dict, dict]:
    path = tmp_path / "views.db"
    with Store.open(path) as store:
        for report in reports:
            store.add_report(report)  # one article at a time: the incremental path
    incremental = snapshot(path)
    with Store.open(path) as store:
        store.rebuild_views()
    return incremental, snapshot(path)


@pytest.mark.parametrize("seed, copy_share", [(1, 0.3), (2, 0.3), (3, 0.7)])
def test_incremental_views_equal_a_full_rebuild_on_a_random_corpus(tmp_path, seed, copy_share):
    base = sources()
    reports = synthetic_corpus(base, 60, seed=seed, copy_share=copy_share)
    rng = random.Random(seed)
    # new versions of stored articles: their texts (so their copy groups) and facts change
    for n in rng.sample(range(60), 8):
        reports.append(synthetic_report(base[rng.randrange(len(base))], f"syn-{n:05d}", rng))
    incremental, rebuilt = incremental_then_rebuilt(tmp_path, reports)
    assert incremental["pending"] == []
    assert len(incremental["facts"]) > 50 and any(d for _, d in incremental["copies"])  # a corpus worth the test
    for name in rebuilt:
        assert incremental[name] == rebuilt[name], name


def test_a_copy_published_earlier_becomes_the_original_of_its_group(tmp_path):
    base = sources()[0]
    rng = random.Random(0)
    first, second = (synthetic_report(base, f"wire-{n}", rng) for n in range(2))
    first.article.text = base.article.text + "\n(first)"
    second.article.text = base.article.text + "\n(second)"
    first.article.published, second.article.published = "2021-08-27", "2021-08-26"
    for r in (first, second):
        r.article.sha256 = __import__("hashlib").sha256(r.article.text.encode()).hexdigest()
    path = tmp_path / "copies.db"
    with Store.open(path) as store:
        store.add_report(first)
        assert store.fact("wire-0").duplicate_of is None
        store.add_report(second)
        assert (store.fact("wire-0").duplicate_of, store.fact("wire-1").duplicate_of) == ("wire-1", None)


def test_store_report_says_where_the_text_is_stored(tmp_path):
    report = sources()[0]
    with Store.open(tmp_path / "ids.db") as store:
        assert store.store_report(report) == StoredReport(outcome="added", article_id=report.article.id, version=1)
        other_id = report.model_copy(update={"article": report.article.model_copy(update={"id": "elsewhere"})})
        assert store.store_report(other_id) == StoredReport(outcome="unchanged", article_id=report.article.id, version=1)
        assert store.add_report(other_id) == "unchanged"  # add_report still answers with the outcome alone


def test_a_crash_while_updating_the_views_keeps_the_article_pending_until_the_next_open(tmp_path, monkeypatch):
    import factwire.store.views as views

    reports = synthetic_corpus(sources(), 12, seed=5)
    path = tmp_path / "crash.db"
    with Store.open(path) as store:
        for report in reports[:-1]:
            store.add_report(report)
        before = snapshot(path)

        def crash(*args, **kwargs):
            raise KeyboardInterrupt

        monkeypatch.setattr(views, "remerge", crash)
        with pytest.raises(KeyboardInterrupt):
            store.add_report(reports[-1])
    after_crash = snapshot(path)
    assert after_crash["pending"] == [(reports[-1].article.id,)]  # the article is stored, its views wait
    new_id = reports[-1].article.id
    after_crash["copies"] = [row for row in after_crash["copies"] if row[0] != new_id]  # its row is stored
    assert {k: v for k, v in after_crash.items() if k != "pending"} == {k: v for k, v in before.items() if k != "pending"}
    monkeypatch.undo()
    with Store.open(path) as store:  # catches up
        assert store.stats()["articles"] == 12
    caught_up = snapshot(path)
    with Store.open(path) as store:
        store.rebuild_views()
    assert caught_up == snapshot(path)
