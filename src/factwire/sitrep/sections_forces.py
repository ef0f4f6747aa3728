"""Forces: one table and one timeline chart per theatre (the country the troops are in)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import ForceRecord, ForceTimeline
from ..schema import Count
from .evidence import EvidenceIndex
from .markup import anchor, esc, evidence_link, more_note, number, table
from .places import CountryPoints


@dataclass
class Theatre:
    key: str
    name: str
    timelines: list[ForceTimeline] = field(default_factory=list)

    @property
    def points(self) -> list[ForceRecord]:
        """Every sourced value, by date (undated last)."""
        return sorted((p for t in self.timelines for p in t.points), key=lambda p: (p.date or "9999", p.id))


def count_text(count: Count) -> str:
    value = number(count.value)
    if count.bound == "range" and count.value_max is not None:
        return f"{value}–{number(count.value_max)}"
    return {"approx": "~", "min": "≥", "max": "≤"}.get(count.bound, "") + value


def force_label(point: ForceRecord) -> str:
    owner = point.owner.name if point.owner else (point.owner_country or "unknown owner")
    where = point.place.name if point.place else (point.place_country or "unknown place")
    return f"{owner}: {count_text(point.count)} {point.force} in {where} ({point.status}, {point.date or 'undated'})"


def theatres(timelines: list[ForceTimeline], countries: CountryPoints) -> list[Theatre]:
    """Timelines grouped by the place's country; theatres with the most sourced values first."""
    by_key: dict[str, Theatre] = {}
    for timeline in timelines:
        key = timeline.place_country or f"place:{timeline.place or 'unknown'}"
        if key not in by_key:
            name = countries.name(timeline.place_country) or timeline.place or "Place not stated"
            by_key[key] = Theatre(key=key, name=name)
        by_key[key].timelines.append(timeline)
    return sorted(by_key.values(), key=lambda t: (-len(t.points), t.name))


def forces_section(timelines: list[ForceTimeline], cap: int, index: EvidenceIndex, countries: CountryPoints) -> tuple[str, list[dict]]:
    """The section's HTML and the chart data per theatre (for charts.js drawForceChart)."""
    groups = theatres(timelines, countries)
    if not groups:
        return '<p class="empty">No force levels match these filters.</p>', []
    html = []
    charts = []
    for number_, theatre in enumerate(groups):
        points = theatre.points
        shown = points[:cap]
        rows = []
        series: dict[str, list[dict]] = {}
        for p in shown:
            link = index.add(p.id, force_label(p), [p.evidence])
            owner = p.owner.name if p.owner else (p.owner_country or "unknown")
            rows.append(
                f'<td>{esc(owner)}</td><td>{esc(p.force)}</td><td class="num">{esc(count_text(p.count))}</td>'
                f'<td><span class="status st-{esc(p.status)}">{esc(p.status)}</span></td><td>{esc(p.date or "undated")}</td>'
                f'<td>{esc(p.place.name if p.place else p.place_country)}</td>'
                f'<td>{esc(p.evidence.outlet or p.evidence.article_id)}</td><td>{evidence_link(p.id)}</td>'
            )
            if p.date:
                series.setdefault(owner, []).append(
                    {
                        "date": p.date,
                        "value": p.count.value,
                        "max": p.count.value_max,
                        "status": p.status,
                        "ev": link,
                        "label": force_label(p),
                    }
                )
        chart_id = f"force-chart-{number_}"
        undated = sum(1 for p in shown if not p.date)
        html.append(
            f'<section class="theatre"><h3>{esc(theatre.name)} <span class="muted">{len(points):,} sourced value(s)</span></h3>'
            f'<div class="chart force-chart" id="{chart_id}" role="img" aria-label="Force levels in {esc(theatre.name)} over time"></div>'
            + (f'<p class="muted">{undated} undated value(s) are in the table only.</p>' if undated else "")
            + table(["Owner", "Force", "Count", "Status", "Date", "Place", "Source", ""], rows, "forces")
            + more_note(len(shown), len(points), f"values for {theatre.name}")
            + "</section>"
        )
        charts.append(
            {"id": chart_id, "theatre": theatre.name, "series": [{"owner": k, "points": v} for k, v in series.items()]}
        )
    return "\n".join(html), charts


def force_map_points(timelines: list[ForceTimeline], cap: int, countries: CountryPoints) -> list[dict]:
    """Force levels at a known point, for the map (the latest value per owner and place)."""
    out = []
    for theatre in theatres(timelines, countries):
        latest: dict[tuple, ForceRecord] = {}
        # the same values the theatre's table shows, so each marker's evidence is in the report
        for p in theatre.points[:cap]:
            key = (p.owner_country, p.owner.name if p.owner else None, p.place.name if p.place else None)
            if p.date or key not in latest:
                latest[key] = p
        for p in latest.values():
            where = countries.point(p.place, p.place_country)
            if where is None:
                continue
            out.append({"lat": where[0], "lon": where[1], "value": p.count.value, "label": force_label(p), "ev": anchor(p.id)})
    return out
