"""Records as flat rows: the columns of `--format table` and `--format csv`.

A table shows the columns with a width (the last one, the evidence, takes what is left of
TABLE_WIDTH); CSV has every column, untruncated.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Callable

TABLE_WIDTH = 120


@dataclass(frozen=True)
class Column:
    name: str
    get: Callable[[object], object]
    width: int | None = None  # None: CSV only; 0: the table's last, flexible column
    in_csv: bool = True


def _name(ref) -> str | None:
    return ref.name if ref is not None else None


def _count(c) -> str:
    text = f"{c.value:,.0f}"
    if c.bound == "range" and c.value_max is not None:
        return f"{text}-{c.value_max:,.0f}"
    return {"approx": "~", "min": ">=", "max": "<="}.get(c.bound, "") + text


def _number(value: float | None) -> float | int | None:
    return int(value) if value is not None and value.is_integer() else value


def _range(r) -> str | None:
    if r is None:
        return None
    return str(r.min) if r.min == r.max or r.max is None else f"{r.min}-{r.max}"


def _first_evidence(e):
    return e.mentions[0].evidence if e.mentions else None


def _evidence_columns(get_ev) -> list[Column]:
    return [
        Column("article_id", lambda r: get_ev(r).article_id if get_ev(r) else None),
        Column("start", lambda r: get_ev(r).start if get_ev(r) else None),
        Column("end", lambda r: get_ev(r).end if get_ev(r) else None),
        Column("evidence", lambda r: get_ev(r).sentence if get_ev(r) else None, 0),
    ]


COLUMNS: dict[str, list[Column]] = {
    "events": [
        Column("id", lambda e: e.id, 19),
        Column("date", lambda e: e.date, 10),
        Column("type", lambda e: e.type, 9),
        Column("acled_event_type", lambda e: e.acled.event_type if e.acled else None),
        Column("acled_sub_event_type", lambda e: e.acled.sub_event_type if e.acled else None),
        Column("status", lambda e: e.status),
        Column("actor", lambda e: _name(e.actor), 14),
        Column("target", lambda e: _name(e.target)),
        Column("place", lambda e: _name(e.place), 13),
        Column("country", lambda e: e.place.country if e.place else None),
        Column("lat", lambda e: e.place.lat if e.place else None),
        Column("lon", lambda e: e.place.lon if e.place else None),
        Column("fatalities", lambda e: _range(e.fatalities)),
        Column("articles", lambda e: e.articles, 3),
        Column("mentions", lambda e: len(e.mentions)),
        *_evidence_columns(_first_evidence),
    ],
    "forces": [
        Column("id", lambda f: f.id, 22),
        Column("date", lambda f: f.date, 10),
        Column("owner", lambda f: _name(f.owner), 13),
        Column("owner_country", lambda f: f.owner_country),
        Column("count", lambda f: _count(f.count), 8, in_csv=False),
        Column("count_value", lambda f: _number(f.count.value)),
        Column("count_bound", lambda f: f.count.bound),
        Column("count_max", lambda f: _number(f.count.value_max)),
        Column("force", lambda f: f.force, 7),
        Column("status", lambda f: f.status, 7),
        Column("place", lambda f: _name(f.place), 11),
        Column("place_country", lambda f: f.place_country),
        Column("lat", lambda f: f.place.lat if f.place else None),
        Column("lon", lambda f: f.place.lon if f.place else None),
        *_evidence_columns(lambda f: f.evidence),
    ],
    "quotes": [
        Column("id", lambda q: q.id, 24),
        Column("date", lambda q: q.evidence.published, 10),
        Column("speaker", lambda q: _name(q.speaker) or q.speaker_text, 18),
        Column("kind", lambda q: q.kind, 8),
        Column("text", lambda q: q.text, 0),
        Column("article_id", lambda q: q.evidence.article_id),
        Column("start", lambda q: q.evidence.start),
        Column("end", lambda q: q.evidence.end),
    ],
    "claims": [
        Column("id", lambda c: c.id, 24),
        Column("date", lambda c: c.evidence.published, 10),
        Column("stance", lambda c: c.stance, 7),
        Column("source", lambda c: _name(c.source), 16),
        Column("about", lambda c: c.about),
        Column("about_event", lambda c: c.about_event, 19),
        *_evidence_columns(lambda c: c.evidence),
    ],
    "conflicts": [
        Column("id", lambda x: x.id, 24),
        Column("scope", lambda x: x.scope, 7),
        Column("kind", lambda x: x.kind, 11),
        Column("items", lambda x: " | ".join(i.summary for i in x.items), 40),
        Column("item_ids", lambda x: " ".join(i.fact_id for i in x.items)),
        Column("note", lambda x: x.note, 0),
    ],
    "articles": [
        Column("id", lambda a: a.id, 28),
        Column("published", lambda a: a.published, 10),
        Column("version", lambda a: a.version, 3),
        Column("outlet", lambda a: a.outlet, 14),
        Column("url", lambda a: a.url),
        Column("sha256", lambda a: a.sha256),
        Column("events", lambda a: a.counts.get("events", 0)),
        Column("forces", lambda a: a.counts.get("forces", 0)),
        Column("quotes", lambda a: a.counts.get("quotes", 0)),
        Column("duplicate_of", lambda a: a.duplicate_of, 12),
        Column("title", lambda a: a.title, 0),
    ],
}

HEADERS = {"articles": {"version": "v"}, "events": {"articles": "art"}}


def _cell(value: object) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())  # one line per row: newlines in evidence become spaces


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def table(kind: str, records: list) -> str:
    """Aligned columns fitting TABLE_WIDTH characters (cells truncated with '…')."""
    columns = [c for c in COLUMNS[kind] if c.width is not None]
    fixed = sum(c.width for c in columns if c.width) + 2 * (len(columns) - 1)
    widths = [c.width or max(10, TABLE_WIDTH - fixed) for c in columns]
    headers = [HEADERS.get(kind, {}).get(c.name, c.name) for c in columns]
    lines = ["  ".join(_fit(h, w).ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for record in records:
        cells = [_fit(_cell(c.get(record)), w).ljust(w) for c, w in zip(columns, widths)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def csv_text(kind: str, records: list) -> str:
    """Every column, with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = [c for c in COLUMNS[kind] if c.in_csv]
    writer.writerow(c.name for c in columns)
    for record in records:
        writer.writerow("" if (v := c.get(record)) is None else v for c in columns)
    return buffer.getvalue()
