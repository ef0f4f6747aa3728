"""Events: the event timeline, the events table (merged corpus events) and their map markers."""

from __future__ import annotations

from ..records import EventRecord, Range
from .evidence import EvidenceIndex
from .markup import anchor, esc, evidence_link, more_note, table
from .places import CountryPoints


def range_text(value: Range | None) -> str:
    if value is None or (value.min is None and value.max is None):
        return ""
    if value.min is not None and value.max is not None and value.min != value.max:
        return f"{value.min:,}–{value.max:,}"
    return f"{(value.min if value.min is not None else value.max):,}"


def reported_on(event: EventRecord) -> str | None:
    """The first publication date among the event's reports (for events whose own date is unstated)."""
    dates = [m.evidence.published for m in event.mentions if m.evidence.published]
    return min(dates) if dates else None


def event_label(event: EventRecord) -> str:
    actor = event.actor.name if event.actor else "unknown actor"
    target = f" → {event.target.name}" if event.target else ""
    where = f" in {event.place.name}" if event.place else ""
    when = event.date or (f"date not stated, reported {reported_on(event)}" if reported_on(event) else "undated")
    return f"{event.type}: {actor}{target}{where} ({event.status}, {when})"


def events_section(events: list[EventRecord], total: int, index: EvidenceIndex) -> str:
    if not events:
        return '<p class="empty">No events match these filters.</p>'
    rows = []
    for e in events:
        index.add(e.id, event_label(e), [m.evidence for m in e.mentions])
        acled = e.acled.event_type + (f" / {e.acled.sub_event_type}" if e.acled.sub_event_type else "") if e.acled else ""
        outlets = sorted({m.evidence.outlet or m.evidence.article_id for m in e.mentions})
        when = esc(e.date) if e.date else f'<span class="muted">reported {esc(reported_on(e) or "?")}</span>'
        rows.append(
            f"<td>{when}</td>"
            f'<td><span class="type t-{esc(e.type)}">{esc(e.type)}</span></td>'
            f"<td>{esc(acled)}</td><td>{esc(e.actor.name if e.actor else None)}</td>"
            f"<td>{esc(e.target.name if e.target else None)}</td><td>{esc(e.place.name if e.place else None)}</td>"
            f'<td><span class="status st-{esc(e.status)}">{esc(e.status)}</span></td><td class="num">{esc(range_text(e.fatalities))}</td>'
            f'<td class="num" title="{esc("; ".join(outlets))}">{e.articles}</td><td>{evidence_link(e.id)}</td>'
        )
    return (
        '<div class="chart" id="event-timeline" role="img" aria-label="Events over time by PLOVER type"></div>'
        + '<p class="chart-controls">Colour by <label><input type="radio" name="event-colour" value="plover" checked> PLOVER type</label> '
        + '<label><input type="radio" name="event-colour" value="acled"> ACLED event type</label></p>'
        + table(["Date", "PLOVER", "ACLED", "Actor", "Target", "Place", "Status", "Fatalities", "Articles", ""], rows, "events")
        + more_note(len(events), total, "events")
    )


def event_chart_items(events: list[EventRecord], countries: CountryPoints) -> list[dict]:
    """One item per shown event for the timeline and map (charts.js)."""
    out = []
    for e in events:
        where = countries.point(e.place)
        out.append(
            {
                "ev": anchor(e.id),
                # an event without a date of its own is drawn, hollow, at the date it was first reported
                "date": e.date or reported_on(e),
                "dated": e.date is not None,
                "type": e.type,
                "acled": e.acled.event_type if e.acled else None,
                "status": e.status,
                "articles": e.articles,
                "lat": where[0] if where else None,
                "lon": where[1] if where else None,
                "label": event_label(e),
            }
        )
    return out
