"""Place records and how factwire_places weighs one reading of a name against another.

`Entry` is one place the gazetteer knows; `Context` is what the rest of a document says about
where it is; `score` combines a kind-of-place prior, a population prior and agreement with the
context (countries, states, the place named beside the mention, and nearby towns).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable

# Kinds of source, in the order a tie is broken: a country name beats a city of the same name.
SOURCE_PRIOR = {"country": 100.0, "bundled": 90.0, "continent": 80.0, "admin": 50.0, "county": 45.0, "city": 0.0, "demonym": -50.0}
# The neighbour prior: a reading within these km of one of the other names' readings earns this
# share of NEIGHBOUR_WEIGHT (summed over the other names, at most twice).
NEAR_KM = ((40.0, 1.0), (100.0, 0.6), (250.0, 0.25))
NEIGHBOUR_WEIGHT = 30.0
# A town of a country's name ("Lebanon", Indiana) is the domestic reading when another of the
# document's towns lies this close.
DOMESTIC_KM = 100.0


@dataclass(frozen=True)
class Entry:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str
    source: str  # a key of SOURCE_PRIOR
    population: int = 0
    admin1: str | None = None  # GeoNames admin1 code of a city (US: the state's postal code)

    @property
    def ident(self) -> tuple:
        return (self.geonameid,) if self.geonameid is not None else (self.name, self.country, self.feature)


@dataclass
class Context:
    """What the rest of the document says about where it is."""

    countries: dict[str, float] = field(default_factory=dict)  # ISO3 -> weight
    near_country: str | None = None  # "Baghdad, Iraq": the country named right after the mention
    near_admin: Entry | None = None  # "Alexandria, Louisiana"
    admins: tuple[Entry, ...] = ()  # divisions the document names anywhere
    # "USA.GA" (country + GeoNames admin1 code) -> weight: the divisions the document's places lie in
    states: dict[str, float] = field(default_factory=dict)
    # (division key, lat, lon) of the document's towns, in text order: where its counties are
    points: tuple[tuple[str, float, float], ...] = ()
    # the document's other town and county names, each as (weight, the points it may be): local
    # news names places near one another, so "Paris" beside "Henry County" is Paris, Tennessee
    neighbours: tuple[tuple[float, tuple[tuple[float, float], ...]], ...] = ()
    # the towns the outlet's name spells ("palestine" of palestineherald.com): its home town
    outlet: tuple[str, ...] = ()


def state_key(entry: Entry) -> str | None:
    return f"{entry.country}.{entry.admin1}" if entry.country and entry.admin1 else None


def score(entry: Entry, context: Context) -> float:
    """Source prior + population prior + agreement with the document's other places."""
    value = SOURCE_PRIOR[entry.source]
    if entry.source == "city":
        # 20k people -> 43, 1M -> 60, 10M -> 70: a big city is the likelier reading
        value += 10.0 * math.log10(max(entry.population, 10))
    if entry.source in ("city", "admin", "county"):
        if entry.country is not None:
            # a document about Iraq means the Iraqi town of that name
            value += 30.0 * min(context.countries.get(entry.country, 0.0), 2.0)
            if entry.country == context.near_country:
                value += 40.0
        key = state_key(entry)
        if key is not None:
            near = context.near_admin
            if near is not None and state_key(near) == key:
                value += 50.0  # "Alexandria, La."
            else:
                # a document about Georgia's towns means the Georgian (US) Jackson
                value += 20.0 * min(context.states.get(key, 0.0), 2.0)
    if entry.source in ("city", "county") and entry.lat is not None and entry.lon is not None and context.neighbours:
        value += NEIGHBOUR_WEIGHT * min(closeness(entry.lat, entry.lon, context.neighbours), 2.0)
    return value


def closeness(lat: float, lon: float, neighbours: Iterable[tuple[float, tuple[tuple[float, float], ...]]]) -> float:
    """How many of the document's other names have a reading near (lat, lon), each weighted."""
    total = 0.0
    for weight, points in neighbours:
        best = 0.0
        for plat, plon in points:
            if abs(plat - lat) > NEAR_KM[-1][0] / 111.0:
                continue  # more than the largest radius apart in latitude alone
            d = _km(lat, lon, plat, plon)
            best = max(best, next((share for radius, share in NEAR_KM if d <= radius), 0.0))
        total += weight * best
    return total


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _beside_matches(entry: Entry, context: Context) -> bool:
    near = context.near_admin
    return (near is not None and state_key(near) is not None and state_key(near) == state_key(entry)) or (
        context.near_admin is None and context.near_country is not None and entry.country == context.near_country
    )


def domestic(text: str, found: list[Entry], context: Context) -> list[Entry]:
    """The readings of a country's name ("Lebanon", "Georgia") that lie in the one country a
    document is about, where the text ties them down firmly: a state whose towns or counties the
    document names; a town spelled exactly as written that is named beside its state, whose
    state the document names, or that lies within DOMESTIC_KM of one of the document's other towns, or has a single, unambiguous
    neighbour name within ~40 km. A US local story names no foreign country; one that names any
    keeps the country reading, and so does one whose towns are far away ("Italy" in a story
    about Springfield, Massachusetts is no Italy, Texas)."""
    named = {c for c, w in context.countries.items() if w > 0.0}
    if len(named) != 1:
        return []
    home = next(iter(named))
    out = []
    for e in found:
        if e.source not in ("city", "admin", "county") or e.country != home:
            continue
        key = state_key(e)
        if e.source != "city":
            if _beside_matches(e, context) or (key is not None and context.states.get(key, 0.0) > 0.0):
                out.append(e)
        elif _letters(e.name) == _letters(text) and e.lat is not None and e.lon is not None and (
                _beside_matches(e, context)
                or any(state_key(a) == key for a in context.admins)  # its state named outright
                or any(_km(e.lat, e.lon, lat, lon) <= DOMESTIC_KM for _, lat, lon in context.points)
                or max((closeness(e.lat, e.lon, (n,)) for n in context.neighbours), default=0.0) >= 1.0):
            out.append(e)
    return out


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalpha())  # "Iraan" is not "Iran"


def tied_down(town: Entry, context: Context) -> bool:
    """The text places this town: its state or country named beside it, its state named in the
    document (or the state of another of its towns), or another of its towns nearby."""
    key = state_key(town)
    return (
        _beside_matches(town, context)
        or (key is not None and context.states.get(key, 0.0) > 0.0)
        or (town.lat is not None and town.lon is not None and closeness(town.lat, town.lon, context.neighbours) > 0.0)
    )
