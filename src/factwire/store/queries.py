"""Queries: Filters -> SQL over the filter columns, and rows -> records.

Every kind of fact lives in the `facts` table (kind column) with the same filter columns, so
one WHERE builder serves events, forces, quotes, claims and conflicts; articles have the same
columns in their own table.
"""

from __future__ import annotations

import json
import re
import sqlite3

from ..errors import InputError, StoreError
from ..records import (
    ArticleRecord,
    ClaimRecord,
    ConflictRecord,
    EventMention,
    EventRecord,
    Filters,
    ForceRecord,
    Page,
    QuoteRecord,
)
from .keys import filter_date

# kind in the facts table -> its record model
MODELS = {
    "event": EventRecord,
    "mention": EventMention,
    "force": ForceRecord,
    "quote": QuoteRecord,
    "claim": ClaimRecord,
    "conflict": ConflictRecord,
}

ORDER = {
    "event": "f.date_lo IS NULL, f.date_lo, f.id",
    "mention": "f.date_lo IS NULL, f.date_lo, f.article_id, f.seq",
    "force": "f.date_lo IS NULL, f.date_lo, f.article_id, f.seq",
    "quote": "f.date_lo IS NULL, f.date_lo, f.article_id, f.seq",
    "claim": "f.date_lo IS NULL, f.date_lo, f.article_id, f.seq",
    "conflict": "f.scope DESC, f.date_lo IS NULL, f.date_lo, f.article_id, f.seq, f.id",
}


def _where(filters: Filters, alias: str, fts_table: str, article_sql: str) -> tuple[list[str], dict]:
    where: list[str] = []
    params: dict = {}
    if filters.actor:
        where.append(f"instr({alias}.actors, :actor) > 0")
        params["actor"] = filters.actor.strip().lower()
    if filters.country:
        where.append(f"instr({alias}.countries, :country) > 0")
        params["country"] = f"|{filters.country.strip().upper()}|"
    if filters.place:
        where.append(f"instr({alias}.places, :place) > 0")
        params["place"] = filters.place.strip().lower()
    if filters.type:
        where.append(f"instr({alias}.types, :type) > 0")
        params["type"] = f"|{filters.type.strip().lower()}|"
    if filters.since:
        where.append(f"{alias}.date_hi >= :since")
        params["since"] = filter_date(filters.since, "--since", last=False)
    if filters.until:
        where.append(f"{alias}.date_lo <= :until")
        params["until"] = filter_date(filters.until, "--until", last=True)
    if filters.article:
        where.append(article_sql)
        params["article"] = filters.article
    if filters.text:
        where.append(f"{alias}.pk IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH :text)")
        params["text"] = filters.text
    return where, params


_QUERY_PROBLEM = re.compile(r"fts5|syntax|unterminated|malformed|no such column", re.I)


def _run(conn: sqlite3.Connection, sql: str, params: dict) -> list:
    """Run a query; a --text that is not valid FTS5 syntax is retried as plain words
    ('U.S. troops' -> '"U.S." "troops"', '"U.S.' -> '"U.S."') before it is reported."""
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "text" not in params:
            raise StoreError(f"the query failed ({exc}); if the database is busy, try again") from exc
        words = params["text"].replace('"', " ").split()
        if not words:
            raise InputError("--text: the full-text query is empty; give one or more words") from exc
        retry = dict(params, text=" ".join(f'"{w}"' for w in words))
        try:
            return conn.execute(sql, retry).fetchall()
        except sqlite3.OperationalError as again:
            if not _QUERY_PROBLEM.search(str(again)):
                raise StoreError(f"the query failed ({again}); if the database is busy, try again") from again
            raise InputError(
                f"--text: {params['text']!r} is not a valid full-text query ({again}); use plain words or \"a phrase\""
            ) from again


def _page(items: list, total: int, filters: Filters) -> Page:
    end = filters.offset + filters.limit
    return Page(items=items, total=total, next=str(end) if end < total else None)


def query_facts(conn: sqlite3.Connection, kind: str, filters: Filters, *, paged: bool = True) -> Page:
    where, params = _where(
        filters,
        "f",
        "fact_fts",
        "(f.article_id = :article OR f.id IN (SELECT fact_id FROM fact_parts WHERE article_id = :article))",
    )
    where.insert(0, "f.kind = :kind")
    params["kind"] = kind
    clause = " AND ".join(where)
    total = _run(conn, f"SELECT count(*) FROM facts f WHERE {clause}", params)[0][0]
    columns = "f.record"
    if kind == "claim":  # the merged event a claim is about is known only once the views are built
        columns += (
            ", (SELECT p.fact_id FROM fact_parts p JOIN facts e ON e.id = p.fact_id AND e.kind = 'event'"
            " WHERE p.part_id = json_extract(f.record, '$.about') LIMIT 1)"
        )
    sql = f"SELECT {columns} FROM facts f WHERE {clause} ORDER BY {ORDER[kind]}"
    if paged:
        sql += " LIMIT :limit OFFSET :offset"
        params.update(limit=filters.limit, offset=filters.offset)
    model = MODELS[kind]
    items = []
    for row in _run(conn, sql, params):
        record = model.model_validate_json(row[0])
        if kind == "claim":
            record.about_event = row[1]
        items.append(record)
    return _page(items, total, filters) if paged else Page(items=items, total=total)


ARTICLE_COLUMNS = "a.id, a.sha256, a.title, a.url, a.outlet, a.published, a.version, a.duplicate_of, a.ingested_at, a.counts"


def article_record(row: tuple) -> ArticleRecord:
    ident, sha, title, url, outlet, published, version, duplicate_of, ingested_at, counts = row
    return ArticleRecord(
        id=ident,
        sha256=sha,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        version=version,
        supersedes=f"{ident}@v{version - 1}" if version > 1 else None,
        duplicate_of=duplicate_of,
        ingested_at=ingested_at,
        counts=json.loads(counts),
    )


def query_articles(conn: sqlite3.Connection, filters: Filters) -> Page:
    where, params = _where(filters, "a", "article_fts", "a.id = :article")
    clause = " AND ".join(where) or "1"
    total = _run(conn, f"SELECT count(*) FROM articles a WHERE {clause}", params)[0][0]
    params.update(limit=filters.limit, offset=filters.offset)
    rows = _run(
        conn,
        f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE {clause}"
        " ORDER BY a.published IS NULL, a.published, a.id LIMIT :limit OFFSET :offset",
        params,
    )
    return _page([article_record(r) for r in rows], total, filters)


def get_fact(conn: sqlite3.Connection, global_id: str):
    row = conn.execute("SELECT kind, record, id FROM facts WHERE id = ?", (global_id,)).fetchone()
    if row is not None:
        record = MODELS[row[0]].model_validate_json(row[1])
        if row[0] == "claim" and record.about:
            found = conn.execute(
                "SELECT p.fact_id FROM fact_parts p JOIN facts e ON e.id = p.fact_id AND e.kind = 'event'"
                " WHERE p.part_id = ? LIMIT 1",
                (record.about,),
            ).fetchone()
            record.about_event = found[0] if found else None
        return record
    row = conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?", (global_id,)).fetchone()
    return article_record(row) if row is not None else None


def get_report_json(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The current version's Report JSON for an article id, or version N's for '<id>@vN'."""
    match = re.fullmatch(r"(.+)@v(\d+)", article_id)
    if match:
        row = conn.execute(
            "SELECT report FROM article_versions WHERE article_id = ? AND version = ?",
            (match.group(1), int(match.group(2))),
        ).fetchone()
        if row is not None:
            return row[0]
    row = conn.execute(
        "SELECT report FROM article_versions WHERE article_id = ? AND superseded_at IS NULL", (article_id,)
    ).fetchone()
    return row[0] if row is not None else None
