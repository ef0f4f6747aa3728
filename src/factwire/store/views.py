"""The corpus views, rebuilt from the stored article facts by factwire.corpus.

Merged events (kind 'event'), near-duplicate links (articles.duplicate_of) and corpus-level
conflicts (kind 'conflict', scope 'corpus') are derived data: they are recomputed from every
current article's facts in one transaction after each ingest batch. Each article write sets
store_state.views_stale first, so a crash between the articles and their views is repaired the
next time the store is opened or written.
"""

from __future__ import annotations

import hashlib
import sqlite3

from ..records import ClaimRecord, EventMention, EventRecord, ForceRecord
from .keys import FactKeys, date_range
from .write import insert_facts


def views_stale(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM store_state WHERE key = 'views_stale'").fetchone()
    return row is not None and row[0] == "1"


def _keys_from_row(row: sqlite3.Row | tuple) -> FactKeys:
    types, date_lo, date_hi, actors, countries, places, text = row

    def split(joined: str | None) -> list[str]:
        return [v for v in (joined or "").split("|") if v]

    return FactKeys(split(types), date_lo, date_hi, split(actors), split(countries), split(places), [text or ""])


def _stored_keys(conn: sqlite3.Connection) -> dict[str, FactKeys]:
    rows = conn.execute(
        "SELECT f.id, f.types, f.date_lo, f.date_hi, f.actors, f.countries, f.places, t.text"
        " FROM facts f JOIN fact_fts t ON t.rowid = f.pk WHERE f.scope = 'article'"
    )
    return {r[0]: _keys_from_row(r[1:]) for r in rows}


def _records(conn: sqlite3.Connection, kind: str, model):
    rows = conn.execute("SELECT record FROM facts WHERE kind = ? AND scope = 'article' ORDER BY article_id, seq", (kind,))
    return [model.model_validate_json(r[0]) for r in rows]


def rebuild_views(conn: sqlite3.Connection) -> None:
    """Recompute every corpus view (call inside a transaction)."""
    corpus = _corpus_functions()
    articles = conn.execute(
        "SELECT a.id, t.text, a.published FROM articles a JOIN article_fts t ON t.rowid = a.pk ORDER BY a.id"
    ).fetchall()
    duplicates = corpus.find_near_duplicates([(r[0], r[1], r[2]) for r in articles])
    conn.execute("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL")
    conn.executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?", [(v, k) for k, v in duplicates.items()])

    mentions = _records(conn, "mention", EventMention)
    events = corpus.merge_events(mentions, duplicates)
    conflicts = corpus.corpus_conflicts(events, _records(conn, "force", ForceRecord), _records(conn, "claim", ClaimRecord))

    conn.execute("DELETE FROM fact_fts WHERE rowid IN (SELECT pk FROM facts WHERE scope = 'corpus')")
    conn.execute("DELETE FROM facts WHERE scope = 'corpus'")
    stored = _stored_keys(conn)
    rows = []
    parts = []
    for event in events:
        keys = FactKeys(types=[event.type, event.status])
        if event.acled is not None:
            keys.types += [event.acled.event_type, event.acled.sub_event_type]
        keys.add_dates(date_range(event.date)[0], date_range(event.date_end or event.date)[1])
        for m in event.mentions:
            if m.id in stored:
                keys.merge(stored[m.id])
            parts.append((event.id, m.id, m.evidence.article_id))
        rows.append((event.id, "event", "corpus", None, keys, event.model_dump_json()))
    for conflict in conflicts:
        keys = FactKeys(types=[conflict.kind, conflict.scope], text=[conflict.note or ""])
        for item in conflict.items:
            if item.fact_id in stored:
                found = stored[item.fact_id]
                keys.add_dates(found.date_lo, found.date_hi)
                keys.actors += found.actors
                keys.countries += found.countries
                keys.places += found.places
                keys.text += found.text
            parts.append((conflict.id, item.fact_id, item.evidence.article_id))
        rows.append((conflict.id, "conflict", "corpus", None, keys, conflict.model_dump_json()))
    insert_facts(conn, rows)
    conn.executemany("INSERT OR IGNORE INTO fact_parts (fact_id, part_id, article_id) VALUES (?, ?, ?)", parts)
    conn.execute("UPDATE store_state SET value = '0' WHERE key = 'views_stale'")


class _Unmerged:
    """Stand-in while factwire.corpus is absent: one event per mention, no duplicates or conflicts."""

    @staticmethod
    def find_near_duplicates(articles):
        return {}

    @staticmethod
    def merge_events(mentions: list[EventMention], duplicates) -> list[EventRecord]:
        out = []
        for m in mentions:
            date = (m.time.start if m.time is not None else None) or m.evidence.published
            out.append(
                EventRecord(
                    id="ce-" + hashlib.sha1(m.id.encode()).hexdigest()[:16],
                    type=m.type, mode=m.mode, acled=m.acled, actor=m.actor, target=m.target, place=m.place,
                    date=date, date_end=m.time.end if m.time is not None else None, status=m.status,
                    fatalities=m.fatalities, injured=m.injured, articles=1, mentions=[m],
                )
            )
        return out

    @staticmethod
    def corpus_conflicts(events, forces, claims):
        return []


def _corpus_functions():
    try:
        from .. import corpus
    except ImportError:
        return _Unmerged
    if not all(hasattr(corpus, n) for n in ("find_near_duplicates", "merge_events", "corpus_conflicts")):
        return _Unmerged
    return corpus
