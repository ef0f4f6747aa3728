"""The corpus views: near-duplicate links (articles.duplicate_of), merged events (kind 'event')
and corpus-level conflicts (kind 'conflict', scope 'corpus'), derived from the article facts.

Writing an article records it in view_pending (in the article's own transaction); update_views
then brings the views up to date for the pending articles only: their copy groups, the merged
events their mentions can reach (view_events.py), the conflicts of those events and of the
force blocks their force levels fall in. rebuild_views recomputes everything from the article
facts and gives the same views (tests/test_store_views.py checks that on a random corpus); it
runs when store_state.views_stale is set (after a migration) or when so many articles are
pending that one pass over the corpus is cheaper.
"""

from __future__ import annotations

import json
import sqlite3

from ..corpus.conflicts import attribution_conflicts, corpus_conflicts, fatality_conflicts, force_block, force_count_conflicts
from ..corpus.events_merge import merge_events
from ..records import ClaimRecord, ConflictRecord, EventMention, EventRecord, ForceRecord
from .keys import FactKeys, date_range
from .view_copies import rebuild_copies, update_copies
from .view_events import duplicates_of, index_keys_of, rebuild_blocks, remerge, store_blocks
from .write import insert_facts

# Above this many pending articles (and this share of the store) a full rebuild is cheaper.
FULL_REBUILD_MIN = 200
FULL_REBUILD_SHARE = 0.25


def views_stale(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM store_state WHERE key = 'views_stale'").fetchone()
    return row is not None and row[0] == "1"


def pending_articles(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT article_id FROM view_pending ORDER BY article_id")]


def views_behind(conn: sqlite3.Connection) -> bool:
    """Whether the views lag the stored articles (stale, or articles pending)."""
    return views_stale(conn) or conn.execute("SELECT 1 FROM view_pending LIMIT 1").fetchone() is not None


def update_views(conn: sqlite3.Connection) -> None:
    """Bring the views up to date with the stored articles (call inside a transaction)."""
    if views_stale(conn):
        rebuild_views(conn)
        return
    pending = pending_articles(conn)
    if not pending:
        return
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    if len(pending) > max(FULL_REBUILD_MIN, total * FULL_REBUILD_SHARE):
        rebuild_views(conn)
        return
    _apply_changes(conn, pending)
    conn.execute("DELETE FROM view_pending")


def _json_list(values) -> str:
    return json.dumps(sorted(values))


def _records(conn: sqlite3.Connection, kind: str, model, article_ids=None) -> list:
    sql = "SELECT record FROM facts WHERE kind = ? AND scope = 'article'"
    params: tuple = (kind,)
    if article_ids is not None:
        sql = "SELECT record FROM facts INDEXED BY facts_article WHERE article_id IN (SELECT value FROM json_each(?))"
        sql += " AND kind = ? AND scope = 'article'"
        params = (_json_list(article_ids), kind)
    rows = conn.execute(sql + " ORDER BY article_id, seq", params)
    return [model.model_validate_json(r[0]) for r in rows]


def _block_text(block: tuple) -> str:
    return json.dumps(list(block))


# --- full rebuild ------------------------------------------------------------------------------

def rebuild_views(conn: sqlite3.Connection) -> None:
    """Recompute every corpus view from the article facts (call inside a transaction)."""
    copies = rebuild_copies(conn)
    mentions = _records(conn, "mention", EventMention)
    rebuild_blocks(conn, mentions, copies)
    events = merge_events(mentions, copies)
    forces = _records(conn, "force", ForceRecord)
    conn.execute("DELETE FROM force_blocks")
    conn.executemany(
        "INSERT INTO force_blocks (force_id, article_id, block) VALUES (?, ?, ?)",
        [(f.id, f.evidence.article_id, _block_text(b)) for f in forces if (b := force_block(f)) is not None],
    )
    claims = _records(conn, "claim", ClaimRecord)
    conflicts = corpus_conflicts(events, forces, claims)
    conn.execute("DELETE FROM fact_fts WHERE rowid IN (SELECT pk FROM facts WHERE scope = 'corpus')")
    conn.execute("DELETE FROM facts WHERE scope = 'corpus'")
    conn.execute("DELETE FROM fact_parts")  # only corpus facts have parts; no orphan may survive
    conn.execute("DELETE FROM view_sources")
    _insert_events(conn, events)
    _insert_conflicts(conn, conflicts, events, claims)
    conn.execute("DELETE FROM view_pending")
    conn.execute("UPDATE store_state SET value = '0' WHERE key = 'views_stale'")


# --- incremental update ------------------------------------------------------------------------

def _apply_changes(conn: sqlite3.Connection, pending: list[str]) -> None:
    regrouped = update_copies(conn, pending)
    old_keys = index_keys_of(conn, regrouped)
    store_blocks(conn, regrouped, duplicates_of(conn, regrouped))
    old, events = remerge(conn, regrouped, old_keys)
    old_json = {ident: e.model_dump_json() for ident, e in old.items()}
    new_json = {e.id: e.model_dump_json() for e in events}
    gone = [ident for ident in old if new_json.get(ident) != old_json[ident]]
    fresh = [e for e in events if old_json.get(e.id) != new_json[e.id]]
    _delete_facts(conn, gone)
    _insert_events(conn, fresh)

    # Conflicts within merged events: for every event replaced, and every event holding a
    # mention of a pending article (its claims may have changed with the article).
    pending_set = set(pending)
    touched = set(gone) | {e.id for e in fresh}
    touched |= {e.id for e in events if any(m.evidence.article_id in pending_set for m in e.mentions)}
    _delete_sources(conn, [f"event:{ident}" for ident in sorted(touched)])
    remade = [e for e in events if e.id in touched]
    claims = _records(conn, "claim", ClaimRecord, {m.evidence.article_id for e in remade for m in e.mentions})
    _insert_conflicts(conn, attribution_conflicts(remade, claims) + fatality_conflicts(remade), remade, claims)

    # Force-count conflicts: every block a pending article's force levels left or entered.
    blocks = {r[0] for r in conn.execute("SELECT block FROM force_blocks WHERE article_id IN (SELECT value FROM json_each(?))", (_json_list(pending),))}
    conn.execute("DELETE FROM force_blocks WHERE article_id IN (SELECT value FROM json_each(?))", (_json_list(pending),))
    new_rows = [
        (f.id, f.evidence.article_id, _block_text(b))
        for f in _records(conn, "force", ForceRecord, pending)
        if (b := force_block(f)) is not None
    ]
    conn.executemany("INSERT INTO force_blocks (force_id, article_id, block) VALUES (?, ?, ?)", new_rows)
    blocks |= {row[2] for row in new_rows}
    _delete_sources(conn, [f"force:{b}" for b in sorted(blocks)])
    forces = [
        ForceRecord.model_validate_json(r[0])
        for r in conn.execute(
            "SELECT f.record FROM force_blocks b JOIN facts f ON f.id = b.force_id"
            " WHERE b.block IN (SELECT value FROM json_each(?)) ORDER BY f.article_id, f.seq",
            (_json_list(blocks),),
        )
    ]
    _insert_conflicts(conn, force_count_conflicts(forces), [], [])


def _delete_facts(conn: sqlite3.Connection, ids: list[str]) -> None:
    conn.execute("DELETE FROM fact_fts WHERE rowid IN (SELECT pk FROM facts WHERE id IN (SELECT value FROM json_each(?)))", (_json_list(ids),))
    conn.execute("DELETE FROM facts WHERE id IN (SELECT value FROM json_each(?))", (_json_list(ids),))


def _delete_sources(conn: sqlite3.Connection, sources: list[str]) -> None:
    ids = [r[0] for r in conn.execute("SELECT fact_id FROM view_sources WHERE source IN (SELECT value FROM json_each(?))", (_json_list(sources),))]
    _delete_facts(conn, ids)


# --- writing corpus facts ----------------------------------------------------------------------

def _keys_from_row(row: tuple) -> FactKeys:
    types, date_lo, date_hi, actors, countries, places, text = row

    def split(joined: str | None) -> list[str]:
        return [v for v in (joined or "").split("|") if v]

    return FactKeys(split(types), date_lo, date_hi, split(actors), split(countries), split(places), [text or ""])


def _stored_keys(conn: sqlite3.Connection, ids) -> dict[str, FactKeys]:
    rows = conn.execute(
        "SELECT f.id, f.types, f.date_lo, f.date_hi, f.actors, f.countries, f.places, t.text"
        " FROM facts f INDEXED BY sqlite_autoindex_facts_1 JOIN fact_fts t ON t.rowid = f.pk"
        " WHERE f.id IN (SELECT value FROM json_each(?)) AND f.scope = 'article'",
        (_json_list(ids),),
    )
    return {r[0]: _keys_from_row(r[1:]) for r in rows}


def _insert_events(conn: sqlite3.Connection, events: list[EventRecord]) -> None:
    stored = _stored_keys(conn, {m.id for e in events for m in e.mentions})
    rows, parts = [], []
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
    insert_facts(conn, rows, seq=0)
    conn.executemany("INSERT OR IGNORE INTO fact_parts (fact_id, part_id, article_id) VALUES (?, ?, ?)", parts)


def _insert_conflicts(conn: sqlite3.Connection, conflicts: list[ConflictRecord], events: list[EventRecord], claims: list[ClaimRecord]) -> None:
    event_of = {m.id: e.id for e in events for m in e.mentions}
    event_of.update({c.id: event_of[c.about] for c in claims if c.about in event_of})
    item_ids = {item.fact_id for c in conflicts for item in c.items}
    stored = _stored_keys(conn, item_ids)
    block_of = {
        r[0]: r[1]
        for r in conn.execute("SELECT force_id, block FROM force_blocks WHERE force_id IN (SELECT value FROM json_each(?))", (_json_list(item_ids),))
    }
    rows, parts, sources = [], [], []
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
        first = conflict.items[0].fact_id
        sources.append((conflict.id, f"event:{event_of[first]}" if first in event_of else f"force:{block_of.get(first)}"))
    insert_facts(conn, rows, seq=0)
    conn.executemany("INSERT OR IGNORE INTO fact_parts (fact_id, part_id, article_id) VALUES (?, ?, ?)", parts)
    conn.executemany("INSERT INTO view_sources (fact_id, source) VALUES (?, ?)", sources)
