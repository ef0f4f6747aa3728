"""GET /api/map: events and force levels as points for the web page's map and timeline.

A fact is drawn at its place's coordinates, or (``approx``) at its country's reference point when
the place is a country or was not geocoded: the same rule the HTML report uses (sitrep.places).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ..records import EventRecord, Filters, ForceRecord
from ..sitrep.places import CountryPoints
from .pagination import json_response
from .params import query_filters
from .problems import PROBLEMS
from .routes_read import open_store

router = APIRouter(prefix="/api", tags=["read"], responses={422: PROBLEMS[422]})


class MapPoint(BaseModel):
    id: str = Field(description="the fact's global id (GET /api/facts/{id})")
    kind: str = Field(description="event | force")
    lat: float | None = None
    lon: float | None = None
    approx: bool = Field(description="drawn at the country's reference point, not the place's own")
    date: str | None = None
    type: str = Field(description="PLOVER type (events) or force type (forces)")
    acled: str | None = None
    status: str
    value: float | None = Field(default=None, description="forces: the count")
    articles: int | None = Field(default=None, description="events: how many articles report it")
    reported: str | None = Field(default=None, description="the earliest publication date of its articles")
    label: str


class MapData(BaseModel):
    events: list[MapPoint]
    forces: list[MapPoint]
    total_events: int
    total_forces: int


def _event_label(e: EventRecord) -> str:
    who = e.actor.name if e.actor else "unknown actor"
    whom = f" on {e.target.name}" if e.target else ""
    where = f" in {e.place.name}" if e.place else ""
    return f"{e.type} by {who}{whom}{where}, {e.date or 'undated'} ({e.status}; {e.articles} article(s))"


def _force_label(f: ForceRecord) -> str:
    owner = f.owner.name if f.owner else (f.owner_country or "unknown")
    where = f.place.name if f.place else (f.place_country or "place not stated")
    return f"{owner}: {f.count.value:,.0f} {f.force} in {where} ({f.status}, {f.date or 'undated'})"


def _point(points: CountryPoints, place, country: str | None) -> tuple[float | None, float | None, bool]:
    found = points.point(place, country)
    if found is None:
        return None, None, False
    exact = place is not None and place.lat is not None and place.lon is not None
    return found[0], found[1], not exact


@router.get("/map", response_model=MapData, summary="Events and force levels as map/timeline points (undrawable ones have null lat/lon)")
def get_map(request: Request, filters: Annotated[Filters, Depends(query_filters)],
            limit: Annotated[int, Query(ge=1, le=5000, description="at most this many of each kind")] = 1000) -> Response:
    capped = filters.model_copy(update={"limit": limit, "offset": 0})
    points = CountryPoints()
    with open_store(request) as store:
        events = store.events(capped)
        forces = store.forces(capped)
    out_events = []
    for e in events.items:
        lat, lon, approx = _point(points, e.place, None)
        reported = min((m.evidence.published for m in e.mentions if m.evidence.published), default=None)
        out_events.append(MapPoint(id=e.id, kind="event", lat=lat, lon=lon, approx=approx, date=e.date, type=e.type,
                                   acled=e.acled.event_type if e.acled else None, status=e.status, articles=e.articles, reported=reported, label=_event_label(e)))
    out_forces = []
    for f in forces.items:
        lat, lon, approx = _point(points, f.place, f.place_country)
        out_forces.append(MapPoint(id=f.id, kind="force", lat=lat, lon=lon, approx=approx, date=f.date, type=f.force,
                                   reported=f.evidence.published,
                                   status=f.status, value=f.count.value, label=_force_label(f)))
    data = MapData(events=out_events, forces=out_forces, total_events=events.total, total_forces=forces.total)
    return json_response(data.model_dump(mode="json"))
