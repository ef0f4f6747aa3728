"""Writing one article's Report and all its facts, in the caller's transaction.

Idempotent by content hash: a text already stored (as the current version of any article) is
"unchanged" and writes nothing; a new text under a stored article's key (its id, else its url)
is a new version of that article: the old version's Report is kept in article_versions, marked
superseded, and the article's facts are replaced by the new version's. Global fact ids
('<article id>/<fact id>') therefore always name facts of current versions.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from ..report_records import report_records
from ..schema import Report
from .keys import FactKeys, claim_keys, conflict_keys, date_range, force_keys, joined, mention_keys, quote_keys

Outcome = Literal["added", "unchanged", "versioned"]


class StoredReport(BaseModel):
    """What storing a Report did, and under which article id and version the text is stored."""

    outcome: Outcome
    article_id: str
    version: int


@dataclass
class Plan:
    outcome: Outcome
    article_id: str  # the key the article is (or would be) stored under
    version: int


def now_utc() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def plan(conn: sqlite3.Connection, ident: str, sha256: str, url: str | None) -> Plan:
    """What storing a text with this id, hash and url would do (reads only)."""
    same_text = conn.execute("SELECT id, version FROM articles WHERE sha256 = ?", (sha256,)).fetchone()
    if same_text is not None:
        return Plan("unchanged", same_text[0], same_text[1])
    row = conn.execute("SELECT id, version FROM articles WHERE id = ?", (ident,)).fetchone()
    if row is None and url:
        row = conn.execute("SELECT id, version FROM articles WHERE url = ?", (url,)).fetchone()
    if row is None:
        return Plan("added", ident, 1)
    return Plan("versioned", row[0], row[1] + 1)


def mark_views_pending(conn: sqlite3.Connection, article_id: str) -> None:
    """The corpus views must take this article in (done in the article's own transaction, so a
    crash leaves the article either absent or stored and pending)."""
    conn.execute("INSERT OR IGNORE INTO view_pending (article_id) VALUES (?)", (article_id,))


def write_report(conn: sqlite3.Connection, report: Report) -> StoredReport:
    """Store `report` (call inside a transaction); returns what it did."""
    art = report.article
    p = plan(conn, art.id, art.sha256, art.url)
    stored = StoredReport(outcome=p.outcome, article_id=p.article_id, version=p.version)
    if p.outcome == "unchanged":
        return stored
    if p.article_id != art.id:  # matched by url: keep the stored key so ids stay stable
        report = report.model_copy(update={"article": art.model_copy(update={"id": p.article_id})})
        art = report.article
    now = now_utc()
    if p.outcome == "versioned":
        _remove_current(conn, p.article_id, now)
    _write_facts_and_article(conn, report, p, now)
    mark_views_pending(conn, art.id)
    return stored


def _remove_current(conn: sqlite3.Connection, article_id: str, now: str) -> None:
    conn.execute(
        "UPDATE article_versions SET superseded_at = ? WHERE article_id = ? AND superseded_at IS NULL",
        (now, article_id),
    )
    conn.execute("DELETE FROM fact_fts WHERE rowid IN (SELECT pk FROM facts WHERE article_id = ?)", (article_id,))
    conn.execute("DELETE FROM facts WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM article_fts WHERE rowid = (SELECT pk FROM articles WHERE id = ?)", (article_id,))


def _write_facts_and_article(conn: sqlite3.Connection, report: Report, p: Plan, now: str) -> None:
    art = report.article
    facts = report_records(report)
    aliases = {f"{art.id}/{a.id}": a.aliases for a in report.actors}
    rows: list[tuple[str, str, FactKeys, str]] = []  # (id, kind, keys, json)
    keys_by_id: dict[str, FactKeys] = {}
    for m in facts.events:
        keys_by_id[m.id] = mention_keys(m, aliases)
        rows.append((m.id, "mention", keys_by_id[m.id], m.model_dump_json()))
    for f in facts.forces:
        keys_by_id[f.id] = force_keys(f, aliases)
        rows.append((f.id, "force", keys_by_id[f.id], f.model_dump_json()))
    for q in facts.quotes:
        keys_by_id[q.id] = quote_keys(q, aliases)
        rows.append((q.id, "quote", keys_by_id[q.id], q.model_dump_json()))
    for c in facts.claims:
        keys_by_id[c.id] = claim_keys(c, aliases, keys_by_id.get(c.about) if c.about else None)
        rows.append((c.id, "claim", keys_by_id[c.id], c.model_dump_json()))
    for x in facts.conflicts:
        rows.append((x.id, "conflict", conflict_keys(x, keys_by_id), x.model_dump_json()))

    all_types = [t for _, _, k, _ in rows for t in k.types]
    actor_names = [n.lower() for a in report.actors for n in (a.name, *a.aliases)]
    countries = [a.country for a in report.actors] + [pl.country for pl in report.places]
    lo, hi = date_range(art.published)
    counts = {name: len(getattr(report, name)) for name in ("events", "forces", "quotes", "claims", "conflicts")}
    columns = {
        "id": art.id,
        "version": p.version,
        "sha256": art.sha256,
        "title": art.title,
        "url": art.url,
        "outlet": art.outlet,
        "published": art.published,
        "language": art.language,
        "ingested_at": now,
        "counts": json.dumps(counts),
        "types": joined(t.lower() for t in all_types),
        "date_lo": lo,
        "date_hi": hi,
        "actors": joined(actor_names),
        "countries": joined(c.upper() for c in countries if c),
        "places": joined(pl.name.lower() for pl in report.places),
    }
    if p.outcome == "added":
        names = ", ".join(columns)
        conn.execute(f"INSERT INTO articles ({names}) VALUES ({', '.join('?' * len(columns))})", tuple(columns.values()))
    else:
        sets = ", ".join(f"{k} = ?" for k in columns if k != "id")
        values = [v for k, v in columns.items() if k != "id"]
        # duplicate_of stays until the views regroup the article: its old group is found through it
        conn.execute(f"UPDATE articles SET {sets} WHERE id = ?", (*values, art.id))
    conn.execute(
        "INSERT INTO article_versions (article_id, version, sha256, ingested_at, superseded_at, report)"
        " VALUES (?, ?, ?, ?, NULL, ?)",
        (art.id, p.version, art.sha256, now, report.model_dump_json()),
    )
    pk = conn.execute("SELECT pk FROM articles WHERE id = ?", (art.id,)).fetchone()[0]
    conn.execute("INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)", (pk, art.title or "", art.text))
    insert_facts(conn, [(fid, kind, "article", art.id, keys, record) for fid, kind, keys, record in rows])


def insert_facts(conn: sqlite3.Connection, rows: list[tuple[str, str, str, str | None, FactKeys, str]], *, seq: int | None = None) -> None:
    """Insert facts (id, kind, scope, article id, keys, JSON) and their full-text rows, numbered
    in order unless `seq` is given (corpus facts: their order is by date and id, not insertion)."""
    for number, (fid, kind, scope, article_id, keys, record) in enumerate(rows):
        cols = keys.columns()
        cursor = conn.execute(
            "INSERT INTO facts (id, kind, scope, article_id, seq, types, date_lo, date_hi, actors, countries, places, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (fid, kind, scope, article_id, number if seq is None else seq, cols["types"], cols["date_lo"], cols["date_hi"], cols["actors"],
             cols["countries"], cols["places"], record),
        )
        conn.execute("INSERT INTO fact_fts (rowid, text) VALUES (?, ?)", (cursor.lastrowid, keys.fts_text()))

