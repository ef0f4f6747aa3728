"""Merged events and force levels as GeoJSON (RFC 7946).

One FeatureCollection; each feature is a Point in [longitude, latitude] order (WGS 84, no "crs"
member, as RFC 7946 requires), with the fact's id as the feature id and its properties: kind
("event" | "force"), type, dates, status, actors, place, counts, and the evidence sentence with
its article. An event needs a place with coordinates. A force level without a geocoded place is
placed at its place country's reference point (data/places_countries.tsv), marked
"located": "country"; one with neither is left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import IO

from ..records import EventRecord, Evidence, ForceRecord, PlaceRef
from ._output import text_output


def country_points() -> dict[str, tuple[float, float]]:
    """alpha-3 -> (lat, lon) reference point of each country the gazetteer knows."""
    text = (resources.files("factwire") / "data" / "places_countries.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    header = rows[0]
    i_iso, i_lat, i_lon = header.index("iso3"), header.index("lat"), header.index("lon")
    return {r[i_iso]: (float(r[i_lat]), float(r[i_lon])) for r in rows[1:] if r[i_lat] and r[i_lon]}


def _point(lat: float, lon: float) -> dict:
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def _evidence(ev: Evidence) -> dict:
    return {
        "article_id": ev.article_id,
        "article_title": ev.article_title,
        "article_url": ev.article_url,
        "published": ev.published,
        "evidence": ev.sentence,
        "evidence_start": ev.sentence_start,
    }


def _place(place: PlaceRef | None) -> dict:
    if place is None:
        return {"place": None, "place_id": None, "country": None, "geonameid": None}
    return {"place": place.name, "place_id": place.id, "country": place.country, "geonameid": place.geonameid}


def event_feature(event: EventRecord) -> dict | None:
    place = event.place
    if place is None or place.lat is None or place.lon is None:
        return None
    properties = {
        "id": event.id,
        "kind": "event",
        "type": event.type,
        "acled_event_type": event.acled.event_type if event.acled else None,
        "acled_sub_event_type": event.acled.sub_event_type if event.acled else None,
        "date": event.date,
        "date_end": event.date_end,
        "status": event.status,
        "actor": event.actor.name if event.actor else None,
        "target": event.target.name if event.target else None,
        **_place(place),
        "fatalities_min": event.fatalities.min if event.fatalities else None,
        "fatalities_max": event.fatalities.max if event.fatalities else None,
        "articles": event.articles,
        "mentions": [m.id for m in event.mentions],
        **_evidence(event.mentions[0].evidence),
    }
    return {"type": "Feature", "id": event.id, "geometry": _point(place.lat, place.lon), "properties": properties}


def force_feature(force: ForceRecord, countries: dict[str, tuple[float, float]]) -> dict | None:
    place = force.place
    if place is not None and place.lat is not None and place.lon is not None:
        lat, lon, located = place.lat, place.lon, "place"
    elif force.place_country in countries:
        (lat, lon), located = countries[force.place_country], "country"
    else:
        return None
    properties = {
        "id": force.id,
        "kind": "force",
        "type": force.force,
        "owner": force.owner.name if force.owner else None,
        "owner_country": force.owner_country,
        "count": force.count.value,
        "count_bound": force.count.bound,
        "count_max": force.count.value_max,
        "status": force.status,
        "date": force.date,
        **_place(place),
        "place_country": force.place_country,
        "located": located,
        **_evidence(force.evidence),
    }
    return {"type": "Feature", "id": force.id, "geometry": _point(lat, lon), "properties": properties}


def feature_collection(events: Iterable[EventRecord], forces: Iterable[ForceRecord]) -> dict:
    countries = country_points()
    features = [f for f in (event_feature(e) for e in events) if f is not None]
    features += [f for f in (force_feature(x, countries) for x in forces) if f is not None]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(events: Iterable[EventRecord], forces: Iterable[ForceRecord], out: Path | str | IO[str]) -> int:
    """Write the FeatureCollection; returns the number of features."""
    collection = feature_collection(events, forces)
    with text_output(out) as stream:
        json.dump(collection, stream, ensure_ascii=False)
        stream.write("\n")
    return len(collection["features"])
