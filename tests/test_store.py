"""The store: migrations, add_report (idempotency, versioning), every query filter, facts by id,
and the corpus views kept in step. Hand-built Reports (tests/fixtures/store_handmade.jsonl) and
real ones (tests/fixtures/store_reports/) so no model is needed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from factwire.errors import InputError, StoreError
from factwire.records import ArticleRecord, ClaimRecord, EventRecord, Filters, ForceRecord
from factwire.report_records import report_records
from factwire.schema import Report
from factwire.store import Store
from factwire.store.db import schema_version

FIXTURES = Path(__file__).parent / "fixtures"
HANDMADE = FIXTURES / "store_handmade.jsonl"
REAL = sorted((FIXTURES / "store_reports").glob("*.json"))


def handmade() -> list[Report]:
    return [Report.model_validate_json(line) for line in HANDMADE.read_text(encoding="utf-8").splitlines()]


def changed(report: Report, text: str) -> Report:
    """The same article with new text (and no facts, which a new text may well have)."""
    import hashlib

    meta = report.article.model_copy(update={"text": text, "sha256": hashlib.sha256(text.encode()).hexdigest()})
    return Report(article=meta)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "t.db") as s:
        for report in handmade():
            s.add_report(report)
        yield s


def ids(page) -> list[str]:
    return [r.id for r in page.items]


# --- opening and migrations ------------------------------------------------------------------

def test_open_creates_a_migrated_wal_database_and_reopens_it(tmp_path):
    path = tmp_path / "new.db"
    with Store.open(path) as s:
        assert s.stats()["articles"] == 0
        s.add_report(handmade()[0])
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_version() == 2
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "article_versions", "facts", "fact_parts", "store_state", "article_fts", "fact_fts"} <= tables
    conn.close()
    with Store.open(path, create=False) as s:
        assert s.stats()["articles"] == 1


def test_missing_database_without_create_says_to_ingest_first(tmp_path):
    with pytest.raises(StoreError, match=r"no\.db: no such database; create it first with 'factwire ingest PATH\.\.\. --db "):
        Store.open(tmp_path / "no.db", create=False)
    assert not (tmp_path / "no.db").exists()


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not sqlite at all, " * 100)
    with pytest.raises(StoreError, match="cannot be opened as a factwire database"):
        Store.open(path)


def test_a_database_from_a_newer_factwire_is_refused(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="schema version 99 is newer than this factwire's"):
        Store.open(path)


def test_a_failing_migration_leaves_the_database_at_its_previous_version(tmp_path, monkeypatch):
    from factwire.store import db as store_db

    path = tmp_path / "m.db"
    with Store.open(path) as s:
        s.add_report(handmade()[0])
    real = store_db.migrations()
    last = real[-1][0]
    broken = (last + 1, f"{last + 1:04d}_broken.sql", "ALTER TABLE articles ADD COLUMN extra TEXT;\nTHIS IS NOT SQL;")
    monkeypatch.setattr(store_db, "migrations", lambda: [*real, broken])
    with pytest.raises(StoreError, match=rf"migration {last + 1:04d}_broken\.sql failed .*; the database is unchanged"):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == last
    assert "extra" not in [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
    conn.close()
    extra = (last + 1, f"{last + 1:04d}_extra.sql", "ALTER TABLE articles ADD COLUMN extra TEXT;")
    monkeypatch.setattr(store_db, "migrations", lambda: [*real, extra])
    with Store.open(path) as s:
        assert s.stats()["articles"] == 1
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == last + 1


# --- add_report: idempotency and versioning ----------------------------------------------------

def test_add_report_is_idempotent_by_content_hash(store):
    before = store.stats()
    for report in handmade():
        assert store.add_report(report) == "unchanged"
    # the same text under another id is the same article, not a new one
    copy = handmade()[0]
    copy.article.id = "another-id"
    assert store.add_report(copy) == "unchanged"
    assert store.stats() == before


def test_changed_text_under_the_same_id_is_a_new_version(store):
    old = handmade()[1]
    assert store.add_report(changed(old, "Rockets struck Erbil again on Tuesday.")) == "versioned"
    page = store.articles(Filters(article="wire-b"))
    assert page.total == 1
    record = page.items[0]
    assert (record.version, record.supersedes) == (2, "wire-b@v1")
    assert store.report("wire-b").article.text == "Rockets struck Erbil again on Tuesday."
    assert store.report("wire-b@v1").article.text == old.article.text
    # queries show the current version only: the old version's facts are gone
    assert store.forces(Filters(article="wire-b")).total == 0
    assert store.fact("wire-b/f1") is None
    assert store.stats()["articles"] == 3


def test_changed_text_under_the_same_url_keeps_the_stored_id(store):
    new = changed(handmade()[0], "U.S. troops will stay in Iraq, officials said.")
    new.article.id = "a-new-slug"
    assert store.add_report(new) == "versioned"
    assert ids(store.articles()) == ["ap-c", "wire-a", "wire-b"]
    assert store.report("wire-a").article.id == "wire-a"
    assert store.report("a-new-slug") is None


# --- queries and filters ------------------------------------------------------------------------

def test_events_are_merged_across_articles_with_their_mentions(store):
    page = store.events()
    assert page.total == 2 and page.next is None
    erbil = next(e for e in page.items if e.place and e.place.name == "Erbil")
    assert isinstance(erbil, EventRecord) and erbil.id.startswith("ce-")
    assert erbil.articles == 2
    assert sorted(m.id for m in erbil.mentions) == ["wire-a/e1", "wire-b/e1"]
    assert store.event_mentions().total == 3


@pytest.mark.parametrize(
    ("kind", "filters", "expected"),
    [
        ("quotes", Filters(actor="mckenzie"), ["wire-a/qt1"]),
        ("quotes", Filters(actor="President Biden"), ["ap-c/qt1"]),  # an alias
        ("forces", Filters(actor="u.s."), ["wire-a/f1", "wire-b/f1"]),
        ("forces", Filters(actor="iran"), []),
        ("claims", Filters(country="irn"), ["wire-a/c1"]),
        ("claims", Filters(place="erbil"), ["wire-a/c1"]),  # through the event it is about
        ("forces", Filters(country="IRQ"), ["wire-a/f1", "wire-b/f1"]),
        ("forces", Filters(place="kabul"), []),
        ("quotes", Filters(type="direct"), ["ap-c/qt1", "wire-a/qt1"]),
        ("quotes", Filters(type="indirect"), []),
        ("claims", Filters(type="denies"), ["wire-a/c1"]),
        ("forces", Filters(type="troops"), ["wire-a/f1", "wire-b/f1"]),
        ("forces", Filters(since="2021-12-10"), []),
        ("forces", Filters(until="2021-12"), ["wire-a/f1", "wire-b/f1"]),
        ("quotes", Filters(until="2021-09-01"), ["ap-c/qt1"]),
        ("quotes", Filters(text="hunt"), ["ap-c/qt1"]),
        ("forces", Filters(text="U.S. troops"), ["wire-a/f1", "wire-b/f1"]),  # not FTS syntax: read as words
        ("forces", Filters(text='"2,000 troops"'), ["wire-b/f1"]),
        ("forces", Filters(text='"U.S.'), ["wire-a/f1", "wire-b/f1"]),  # unbalanced quote: read as words
        ("forces", Filters(article="wire-b"), ["wire-b/f1"]),
        ("conflicts", Filters(type="corpus"), ["cx-004e8953bae43c1e"]),
        ("conflicts", Filters(type="article"), []),
        ("conflicts", Filters(article="wire-b"), ["cx-004e8953bae43c1e"]),
        ("conflicts", Filters(article="ap-c"), []),
        ("articles", Filters(country="AFG"), ["ap-c"]),
        ("articles", Filters(text="Kurdish"), ["wire-b"]),
        ("articles", Filters(since="2021-12-01"), ["wire-a", "wire-b"]),
    ],
)
def test_each_filter(store, kind, filters, expected):
    assert ids(getattr(store, kind)(filters)) == expected


@pytest.mark.parametrize(
    ("filters", "places"),
    [
        (Filters(type="ASSAULT"), ["Kabul", "Erbil"]),
        (Filters(type="suicide bomb"), ["Kabul"]),
        (Filters(type="Explosions/Remote violence"), ["Kabul", "Erbil"]),
        (Filters(country="AFG"), ["Kabul"]),
        (Filters(place="erb"), ["Erbil"]),
        (Filters(since="2021-12-06", until="2021-12-06"), ["Erbil"]),
        (Filters(until="2021-08"), ["Kabul"]),
        (Filters(text="rockets"), ["Erbil"]),
        (Filters(article="wire-b"), ["Erbil"]),
        (Filters(country="AFG", text="rockets"), []),
    ],
)
def test_event_filters(store, filters, places):
    assert [e.place.name for e in store.events(filters).items] == places


def test_a_bad_date_filter_names_the_option(store):
    with pytest.raises(InputError, match=r"--since: cannot read '2021-13-01' as a date"):
        store.events(Filters(since="2021-13-01"))


def test_an_empty_text_query_is_an_input_error(store):
    with pytest.raises(InputError, match="--text: the full-text query is empty"):
        store.quotes(Filters(text='"'))


def test_pages_carry_a_cursor_to_the_next(store):
    first = store.quotes(Filters(limit=1))
    assert (ids(first), first.total, first.next) == (["ap-c/qt1"], 2, "1")
    second = store.quotes(Filters(limit=1, offset=int(first.next)))
    assert (ids(second), second.total, second.next) == (["wire-a/qt1"], 2, None)


def test_fact_finds_any_record_by_its_global_id(store):
    assert isinstance(store.fact("wire-a/f1"), ForceRecord)
    event = store.events(Filters(place="erbil")).items[0]
    assert store.fact(event.id) == event
    claim = store.fact("wire-a/c1")
    assert isinstance(claim, ClaimRecord) and claim.about == "wire-a/e1" and claim.about_event == event.id
    assert isinstance(store.fact("ap-c"), ArticleRecord)
    assert store.fact("wire-a/nope") is None


def test_report_returns_the_stored_report(store):
    assert store.report("ap-c") == handmade()[2]
    assert store.report("unknown") is None


def test_force_timelines_hold_every_sourced_value(store):
    [timeline] = store.force_timelines(Filters(country="IRQ"))
    assert (timeline.owner_country, timeline.place_country) == ("USA", "IRQ")
    assert sorted(p.id for p in timeline.points) == ["wire-a/f1", "wire-b/f1"]


def test_article_records_count_their_facts(store):
    record = store.articles(Filters(article="wire-a")).items[0]
    assert record.counts == {"events": 1, "forces": 1, "quotes": 1, "claims": 1, "conflicts": 0}
    assert (record.version, record.supersedes, record.duplicate_of) == (1, None, None)


# --- the corpus views stay in step ------------------------------------------------------------

def test_pending_views_are_updated_on_the_next_open(tmp_path):
    path = tmp_path / "t.db"
    with Store.open(path) as s:
        for report in handmade():
            s.add_report(report, update_views=False)  # as if the process died before the views
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM view_pending").fetchone()[0] == len(handmade())
    assert conn.execute("SELECT count(*) FROM facts WHERE kind = 'event'").fetchone()[0] == 0
    conn.close()
    with Store.open(path) as s:
        assert s.events().total == 2
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM view_pending").fetchone()[0] == 0


def test_stale_views_are_rebuilt_on_the_next_open(tmp_path):
    path = tmp_path / "t.db"
    with Store.open(path) as s:
        for report in handmade():
            s.add_report(report)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE store_state SET value = '1' WHERE key = 'views_stale'")
    conn.execute("DELETE FROM fact_fts WHERE rowid IN (SELECT pk FROM facts WHERE scope = 'corpus')")
    conn.execute("DELETE FROM facts WHERE scope = 'corpus'")  # as if a migration dropped the views
    conn.commit()
    conn.close()
    with Store.open(path) as s:
        assert s.events().total == 2
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM store_state WHERE key = 'views_stale'").fetchone()[0] == "0"


def test_real_reports_are_stored_with_all_their_facts(tmp_path):
    reports = [Report.model_validate_json(p.read_text(encoding="utf-8")) for p in REAL]
    with Store.open(tmp_path / "real.db") as s:
        for report in reports:
            assert s.add_report(report, update_views=False) == "added"
        s.rebuild_views()
        for report in reports:
            facts = report_records(report)
            only = Filters(article=report.article.id, limit=10000)
            assert {m.id for m in s.event_mentions(only).items} == {m.id for m in facts.events}
            assert {f.id for f in s.forces(only).items} == {f.id for f in facts.forces}
            assert {q.id for q in s.quotes(only).items} == {q.id for q in facts.quotes}
            assert {c.id for c in s.claims(only).items} == {c.id for c in facts.claims}
            assert s.report(report.article.id) == report
        merged = s.events(Filters(limit=10000)).items
        # every mention is in exactly one merged event
        assert sorted(m.id for e in merged for m in e.mentions) == sorted(
            m.id for r in reports for m in report_records(r).events
        )
    conn = sqlite3.connect(tmp_path / "real.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
