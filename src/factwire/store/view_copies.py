"""The near-duplicate view (articles.duplicate_of), kept up to date one article at a time.

Each article's shingles and LSH band values are stored (article_shingles, article_bands), so a
changed article is compared only with the articles sharing a band with it, and the groups of
copies it may join, split or bridge are regrouped from their stored shingles: the same answer
find_near_duplicates gives for the whole corpus, without reading every text again.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

import numpy as np

from ..corpus.near_duplicates import band_hashes, copies_from_buckets, shingles


def _blob(shingle_set: set[int]) -> bytes:
    return np.array(sorted(shingle_set), dtype="<u8").tobytes()


def _unblob(blob: bytes) -> set[int]:
    return set(np.frombuffer(blob, dtype="<u8").tolist())


def store_signature(conn: sqlite3.Connection, article_id: str, text: str) -> set[int]:
    """(Re)write an article's shingles and band values; returns the shingles."""
    conn.execute("DELETE FROM article_shingles WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM article_bands WHERE article_id = ?", (article_id,))
    shingle_set = shingles(text)
    conn.execute("INSERT INTO article_shingles (article_id, shingles) VALUES (?, ?)", (article_id, _blob(shingle_set)))
    conn.executemany(
        "INSERT INTO article_bands (band, value, article_id) VALUES (?, ?, ?)",
        [(band, value, article_id) for band, value in enumerate(band_hashes(shingle_set))],
    )
    return shingle_set


def _texts(conn: sqlite3.Connection, ids: list[str] | None) -> list[tuple[str, str]]:
    sql = "SELECT a.id, t.text FROM articles a JOIN article_fts t ON t.rowid = a.pk"
    if ids is None:
        return conn.execute(sql + " ORDER BY a.id").fetchall()
    return [row for i in ids for row in conn.execute(sql + " WHERE a.id = ?", (i,))]


def _published(conn: sqlite3.Connection, ids) -> dict[str, str | None]:
    return {i: conn.execute("SELECT published FROM articles WHERE id = ?", (i,)).fetchone()[0] for i in ids}


def _set_copies(conn: sqlite3.Connection, members: set[str], copies: dict[str, str]) -> set[str]:
    """Write duplicate_of for `members`; returns those whose group (original) changed."""
    changed = set()
    for ident in sorted(members):
        old = conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", (ident,)).fetchone()[0]
        new = copies.get(ident)
        if old != new:
            conn.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", (new, ident))
            changed.add(ident)
    return changed


def rebuild_copies(conn: sqlite3.Connection) -> dict[str, str]:
    """Recompute every signature and duplicate_of; returns {copy: original}."""
    conn.execute("DELETE FROM article_shingles")
    conn.execute("DELETE FROM article_bands")
    sets = {ident: store_signature(conn, ident, text) for ident, text in _texts(conn, None)}
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for band, value, ident in conn.execute("SELECT band, value, article_id FROM article_bands"):
        buckets[(band, value)].append(ident)
    copies = copies_from_buckets(sets, _published(conn, sets), buckets.values())
    conn.execute("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL")
    conn.executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?", [(v, k) for k, v in copies.items()])
    return copies


def _group_of(conn: sqlite3.Connection, ident: str) -> set[str]:
    """The article and every article in its current group of copies."""
    row = conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", (ident,)).fetchone()
    root = row[0] if row is not None and row[0] is not None else ident
    members = {r[0] for r in conn.execute("SELECT id FROM articles WHERE duplicate_of = ?", (root,))}
    return members | {root, ident}


def update_copies(conn: sqlite3.Connection, changed: list[str]) -> set[str]:
    """Regroup after `changed` articles were added or got a new text; returns every article
    whose original (duplicates.get(id, id)) changed, the changed ones included."""
    affected: set[str] = set()
    for ident in changed:
        affected |= _group_of(conn, ident)  # an old group may split when a member's text changes
    for ident, text in _texts(conn, changed):
        shingle_set = store_signature(conn, ident, text)
        for band, value in enumerate(band_hashes(shingle_set)):
            for (other,) in conn.execute("SELECT article_id FROM article_bands WHERE band = ? AND value = ?", (band, value)):
                if other not in affected:
                    affected |= _group_of(conn, other)
    # `affected` now holds whole groups, old and new: regroup just them.
    sets: dict[str, set[int]] = {}
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for ident in sorted(affected):
        row = conn.execute("SELECT shingles FROM article_shingles WHERE article_id = ?", (ident,)).fetchone()
        sets[ident] = _unblob(row[0]) if row is not None else set()
        for band, value in conn.execute("SELECT band, value FROM article_bands WHERE article_id = ?", (ident,)):
            buckets[(band, value)].append(ident)
    copies = copies_from_buckets(sets, _published(conn, sets), buckets.values())
    return _set_copies(conn, affected, copies) | set(changed)
