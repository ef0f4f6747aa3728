"""Ingest: one transaction per article, idempotent re-runs, versioning, failures that do not stop
a batch, and crashes (Ctrl-C, an exception mid-write, a killed process) that leave the database
consistent so the next run completes it. A stub extractor stands in for the model."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factwire.article import Article
from factwire.errors import InputError
from factwire.report_records import report_records
from factwire.schema import ArticleMeta, Report
from factwire.store import Progress, Store
from factwire.store.progress import ProgressPrinter, progress_line

FIXTURES = Path(__file__).parent / "fixtures"
HANDMADE = [Report.model_validate_json(line) for line in (FIXTURES / "store_handmade.jsonl").read_text().splitlines()]


def article(report: Report, text: str | None = None) -> Article:
    a = report.article
    return Article(text=text or a.text, id=a.id, title=a.title, url=a.url, outlet=a.outlet, published=a.published)


class StubExtractor:
    """Returns the fixture Report of a known text (else a Report with no facts); can be told to
    raise on its n-th call."""

    def __init__(self, raise_on: int | None = None, exc: BaseException | None = None):
        self.calls: list[str] = []
        self.raise_on = raise_on
        self.exc = exc

    def extract(self, item: Article) -> Report:
        self.calls.append(item.ident)
        if self.raise_on is not None and len(self.calls) == self.raise_on:
            raise self.exc
        for report in HANDMADE:
            if report.article.sha256 == item.sha256:
                return report.model_copy(update={"article": report.article.model_copy(update={"id": item.ident})})
        return Report(article=ArticleMeta(id=item.ident, text=item.text, url=item.url, published=item.published, sha256=item.sha256))


def dump(path: Path) -> list[str]:
    """Every row of every table (ingest times included), to compare a database before and after."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def assert_consistent(path: Path) -> list[str]:
    """integrity_check passes and every stored article has exactly its Report's facts; returns the ids."""
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    stored = []
    for ident, report_json in conn.execute(
        "SELECT article_id, report FROM article_versions WHERE superseded_at IS NULL ORDER BY article_id"
    ):
        facts = report_records(Report.model_validate_json(report_json))
        expected = {f.id for kind in (facts.events, facts.forces, facts.quotes, facts.claims, facts.conflicts) for f in kind}
        got = {r[0] for r in conn.execute("SELECT id FROM facts WHERE article_id = ?", (ident,))}
        assert got == expected, ident
        stored.append(ident)
    articles = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    assert articles == stored
    fts = conn.execute("SELECT count(*) FROM fact_fts").fetchone()[0]
    assert fts == conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    conn.close()
    return stored


def test_ingest_stores_every_article_then_a_second_run_changes_nothing(tmp_path):
    path = tmp_path / "t.db"
    stub = StubExtractor()
    with Store.open(path) as store:
        summary = store.ingest([article(r) for r in HANDMADE], stub)
    assert (summary.added, summary.unchanged, summary.versioned, summary.failed) == (3, 0, 0, [])
    assert assert_consistent(path) == ["ap-c", "wire-a", "wire-b"]
    before = dump(path)

    again = StubExtractor()
    with Store.open(path) as store:
        summary = store.ingest([article(r) for r in HANDMADE], again)
        assert store.events().total == 2
    assert (summary.added, summary.unchanged, summary.versioned) == (0, 3, 0)
    assert again.calls == []  # stored texts are not even extracted
    assert dump(path) == before


def test_a_changed_text_is_versioned_not_duplicated(tmp_path):
    path = tmp_path / "t.db"
    with Store.open(path) as store:
        store.ingest([article(r) for r in HANDMADE], StubExtractor())
        summary = store.ingest([article(HANDMADE[2], "Kabul airport reopened on Friday.")], StubExtractor())
        assert (summary.added, summary.versioned) == (0, 1)
        record = store.articles().items[0]
        assert (record.id, record.version, record.counts["events"]) == ("ap-c", 2, 0)
        assert store.events().total == 1  # the old version's Kabul event is gone from the views
    conn = sqlite3.connect(path)
    versions = conn.execute(
        "SELECT version, superseded_at IS NOT NULL FROM article_versions WHERE article_id = 'ap-c' ORDER BY version"
    ).fetchall()
    assert versions == [(1, 1), (2, 0)]
    conn.close()
    assert_consistent(path)


def test_bad_items_are_reported_and_the_batch_goes_on(tmp_path):
    items = [
        article(HANDMADE[0]),
        InputError("broken.jsonl:3: not valid JSON (Expecting value at column 1)", ident=None),
        article(HANDMADE[1]),
        article(HANDMADE[2]),
    ]
    with Store.open(tmp_path / "t.db") as store:
        summary = store.ingest(items, StubExtractor(raise_on=2, exc=ValueError("no verbs")))
    assert (summary.added, len(summary.failed)) == (2, 2)
    assert [f.article for f in summary.failed] == [None, "wire-b"]
    assert summary.failed[0].reason == "broken.jsonl:3: not valid JSON (Expecting value at column 1)"
    assert summary.failed[1].reason == "wire-b: extraction failed (ValueError: no verbs); please report this input"
    assert assert_consistent(tmp_path / "t.db") == ["ap-c", "wire-a"]


def test_ctrl_c_mid_batch_keeps_what_was_stored_and_the_next_run_completes_it(tmp_path):
    path = tmp_path / "t.db"
    with Store.open(path) as store:
        with pytest.raises(KeyboardInterrupt):
            store.ingest([article(r) for r in HANDMADE], StubExtractor(raise_on=3, exc=KeyboardInterrupt()))
    assert assert_consistent(path) == ["wire-a", "wire-b"]
    with Store.open(path) as store:
        assert store.events().total == 1  # views repaired on open: the two Erbil mentions, merged
        summary = store.ingest([article(r) for r in HANDMADE], StubExtractor())
        assert (summary.added, summary.unchanged) == (1, 2)
        assert store.events().total == 2
    assert assert_consistent(path) == ["ap-c", "wire-a", "wire-b"]


def test_an_interrupt_in_the_middle_of_writing_an_article_leaves_none_of_it(tmp_path, monkeypatch):
    from factwire.store import write

    real_insert = write.insert_facts

    def insert_half_then_die(conn, rows):
        if rows and rows[0][3] == "wire-b":
            real_insert(conn, rows[:1])
            raise KeyboardInterrupt
        real_insert(conn, rows)

    monkeypatch.setattr(write, "insert_facts", insert_half_then_die)
    path = tmp_path / "t.db"
    with Store.open(path) as store:
        with pytest.raises(KeyboardInterrupt):
            store.ingest([article(r) for r in HANDMADE], StubExtractor())
    assert assert_consistent(path) == ["wire-a"]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM article_versions WHERE article_id = 'wire-b'").fetchone()[0] == 0
    conn.close()
    monkeypatch.setattr(write, "insert_facts", real_insert)
    with Store.open(path) as store:
        assert store.ingest([article(r) for r in HANDMADE], StubExtractor()).added == 2
    assert assert_consistent(path) == ["ap-c", "wire-a", "wire-b"]


KILLED_INGEST = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {tests!r})
    from test_store_ingest import HANDMADE, StubExtractor, article
    from factwire.store import Store, write

    real_insert = write.insert_facts
    def insert_then_die(conn, rows):
        real_insert(conn, rows[:1])
        if rows and rows[0][3] == "wire-b":
            os._exit(9)  # the process dies mid-transaction: no rollback, no cleanup
        real_insert(conn, rows[1:])
    write.insert_facts = insert_then_die
    with Store.open({db!r}) as store:
        store.ingest([article(r) for r in HANDMADE], StubExtractor())
    """
)


def test_a_process_killed_mid_write_leaves_a_consistent_database(tmp_path):
    path = tmp_path / "t.db"
    script = KILLED_INGEST.format(tests=str(Path(__file__).parent), db=str(path))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 9, result.stderr
    assert assert_consistent(path) == ["wire-a"]
    with Store.open(path) as store:
        summary = store.ingest([article(r) for r in HANDMADE], StubExtractor())
        assert (summary.added, summary.unchanged) == (2, 1)
        assert store.events().total == 2
    assert assert_consistent(path) == ["ap-c", "wire-a", "wire-b"]


def test_progress_is_reported_after_each_item(tmp_path):
    seen: list[Progress] = []
    with Store.open(tmp_path / "t.db") as store:
        store.ingest([article(r) for r in HANDMADE], StubExtractor(), on_progress=seen.append)
    assert [(p.done, p.total, p.article, p.outcome) for p in seen] == [
        (1, 3, "wire-a", "added"),
        (2, 3, "wire-b", "added"),
        (3, 3, "ap-c", "added"),
    ]


def test_the_extractor_factory_is_called_only_when_something_needs_extracting(tmp_path):
    made = []

    def factory():
        made.append(1)
        return StubExtractor()

    with Store.open(tmp_path / "t.db") as store:
        store.ingest([article(HANDMADE[0])], factory)
        store.ingest([article(HANDMADE[0])], factory)
    assert made == [1]


def test_progress_lines_give_rate_and_eta():
    assert progress_line(Progress(done=2, total=8, elapsed=4.0, outcome="added")) == (
        "factwire: 2/8 articles (25%), 0.50 articles/s, ETA 12s"
    )
    assert progress_line(Progress(done=8, total=8, elapsed=4.0, outcome="added")) == (
        "factwire: 8/8 articles (100%), 2.00 articles/s"
    )
    assert progress_line(Progress(done=3, elapsed=600.0, outcome="added")) == "factwire: 3 articles, 0.01 articles/s"
    assert progress_line(Progress(done=1, total=1000, elapsed=10.0, outcome="added")) == (
        "factwire: 1/1000 articles (0%), 0.10 articles/s, ETA 2h46m"
    )


def test_progress_printer_rewrites_one_line_on_a_tty():
    out = io.StringIO()
    printer = ProgressPrinter(out, tty=True)
    printer(Progress(done=1, total=2, elapsed=1.0, outcome="added"))
    printer(Progress(done=2, total=2, elapsed=2.0, outcome="added"))
    printer.finish()
    assert out.getvalue() == (
        "\rfactwire: 1/2 articles (50%), 1.00 articles/s, ETA 1s"
        "\rfactwire: 2/2 articles (100%), 1.00 articles/s" + " " * 7 + "\n"
    )


def test_progress_printer_writes_periodic_lines_to_a_log():
    out = io.StringIO()
    now = [0.0]
    printer = ProgressPrinter(out, tty=False, interval=3.0, clock=lambda: now[0])
    for done in range(1, 5):
        now[0] = done * 2.0
        printer(Progress(done=done, total=4, elapsed=now[0], outcome="added"))
    printer.finish()
    assert out.getvalue().splitlines() == [
        "factwire: 1/4 articles (25%), 0.50 articles/s, ETA 6s",
        "factwire: 3/4 articles (75%), 0.50 articles/s, ETA 2s",
        "factwire: 4/4 articles (100%), 0.50 articles/s",
    ]
