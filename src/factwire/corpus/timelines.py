"""Force-level timelines: every sourced value for one (owner country, place country) over time."""

from __future__ import annotations

from collections import Counter, defaultdict

import pycountry

from ..records import ForceRecord, ForceTimeline


def country_name(iso3: str | None) -> str | None:
    if iso3 is None:
        return None
    record = pycountry.countries.get(alpha_3=iso3)
    if record is None:
        return iso3
    return getattr(record, "common_name", None) or record.name


def _point_order(force: ForceRecord) -> tuple:
    return (force.date is None, force.date or "", force.evidence.published or "", force.id)


def _display(names: list[str], fallback: str | None) -> str | None:
    if not names:
        return fallback
    counts = Counter(names)
    # most often used, ties to the alphabetically first so the answer does not depend on input order
    return min(counts, key=lambda n: (-counts[n], n))


def force_timelines(forces: list[ForceRecord]) -> list[ForceTimeline]:
    """One timeline per (owner_country, place_country), points sorted by date (undated last).

    A level whose place country is unknown takes its place's country when it has one.
    Timelines are sorted by owner then place country (unknown last).
    """
    groups: dict[tuple[str | None, str | None], list[ForceRecord]] = defaultdict(list)
    for force in forces:
        place_country = force.place_country or (force.place.country if force.place else None)
        owner_country = force.owner_country or (force.owner.country if force.owner else None)
        groups[(owner_country, place_country)].append(force)
    timelines = []
    for (owner_country, place_country), points in groups.items():
        owners = [f.owner.name for f in points if f.owner is not None]
        places = [f.place.name for f in points if f.place is not None and f.place.country == place_country]
        timelines.append(
            ForceTimeline(
                owner_country=owner_country,
                owner=_display(owners, country_name(owner_country)),
                place_country=place_country,
                place=country_name(place_country) if place_country else _display(places, None),
                points=sorted(points, key=_point_order),
            )
        )
    timelines.sort(key=lambda t: (t.owner_country is None, t.owner_country or "", t.place_country is None, t.place_country or ""))
    return timelines
