"""Assemble the self-contained HTML situation report.

    >>> from factwire.sitrep import write_sitrep
    >>> with Store.open("factwire.db") as store:
    ...     write_sitrep(store, Filters(country="IRQ"), Path("sitrep.html"))

Everything the page needs is inline (CSS, the drawing code, the data, the world outline), so the
file opens from disk, by mail or on an air-gapped machine, and loads nothing from any host.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime, timezone
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from string import Template

from ..errors import FactwireError
from ..records import Filters
from .data import RecordSource, SitrepData, SitrepLimits, collect
from .evidence import EvidenceIndex
from .markup import esc, script_json
from .places import CountryPoints
from .sections_events import event_chart_items, events_section
from .sections_forces import force_map_points, forces_section
from .sections_text import conflicts_section, header_section, quotes_section


def _resource(name: str) -> str:
    """A file shipped in the factwire package (path relative to it)."""
    return files("factwire").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def world_outline() -> dict:
    """The bundled world outline (data/world_110m.geojson), geometry only."""
    data = json.loads(_resource("data/world_110m.geojson"))
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": f.get("id"), "properties": f["properties"], "geometry": f["geometry"]}
            for f in data["features"]
        ],
    }


def charts_js() -> str:
    """The drawing code shared with the web page (web/static/charts.js)."""
    return _resource("web/static/charts.js")


def render_sitrep(data: SitrepData) -> str:
    """The report as one HTML document."""
    countries = CountryPoints()
    index = EvidenceIndex()
    forces_html, force_charts = forces_section(data.timelines, data.limits.force_points, index, countries)
    events_html = events_section(data.events.items, data.events.total, index)
    quotes_html = quotes_section(data.quotes.items, data.quotes.total, data.limits.quotes_per_speaker, index)
    conflicts_html = conflicts_section(data.conflicts.items, data.conflicts.total, index)
    chart_data = {
        "world": world_outline(),
        "events": event_chart_items(data.events.items, countries),
        "forces": force_map_points(data.timelines, data.limits.force_points, countries),
        "forceCharts": force_charts,
    }
    body = "\n".join(
        [
            header_section(data, len(index)),
            _nav(),
            _section("map", "Map of events and forces", _map_html(chart_data)),
            _section("forces", "Forces by theatre", forces_html),
            _section("events", "Event timeline", events_html),
            _section("quotes", "Quotes by speaker", quotes_html),
            _section("conflicts", "Conflicting reports", conflicts_html),
            _section("evidence", "Evidence", '<p class="muted">Each fact with the sentence it was read in; the fact\'s own words are highlighted.</p>' + index.render()),
        ]
    )
    page = Template(_resource("sitrep/template.html"))
    return page.substitute(
        title=esc(data.title),
        css=_resource("sitrep/sitrep.css"),
        body=body,
        data=script_json(chart_data),
        charts_js=charts_js(),
        report_js=_resource("sitrep/report.js"),
    )


def _nav() -> str:
    links = [("map", "Map"), ("forces", "Forces"), ("events", "Events"), ("quotes", "Quotes"), ("conflicts", "Conflicts"), ("evidence", "Evidence")]
    return '<nav class="toc">' + "".join(f'<a href="#{k}">{v}</a>' for k, v in links) + "</nav>"


def _section(key: str, heading: str, inner: str) -> str:
    return f'<section class="part" id="{key}"><h2>{esc(heading)}</h2>\n{inner}\n</section>'


def _map_html(chart_data: dict) -> str:
    located = sum(1 for e in chart_data["events"] if e["lat"] is not None)
    return (
        '<div class="chart map" id="map-chart" role="img" aria-label="Map of events and force levels"></div>'
        '<p class="chart-controls"><button type="button" id="map-fit">Fit to facts</button> '
        '<button type="button" id="map-world">Whole world</button> '
        f'<span class="muted">{located:,} of {len(chart_data["events"]):,} shown events have a place on the map; '
        f'{len(chart_data["forces"]):,} force level(s) drawn at their place.</span></p>'
    )


def build_sitrep(
    source: RecordSource,
    filters: Filters | None = None,
    *,
    title: str = "Situation report",
    limits: SitrepLimits | None = None,
    corpus: str | None = None,
) -> str:
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    data = collect(source, filters, title=title, limits=limits, generated=generated, corpus=corpus)
    return render_sitrep(data)


def write_sitrep(source: RecordSource, filters: Filters | None, out: Path, **options) -> SitrepData:
    """Write the report to `out` atomically (a half-written report never replaces a good one)."""
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    data = collect(source, filters, generated=generated, **options)
    html = render_sitrep(data)
    out = Path(out)
    tmp = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(html)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the report from a web server or a colleague
        os.replace(tmp, out)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise FactwireError(f"{out}: the report cannot be written ({exc.strerror or exc}); choose another --out path") from exc
    return data
