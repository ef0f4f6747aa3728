"""When two reports can describe the same real-world event: the field-by-field rules merge_events uses.

Each rule answers for one field and treats an unknown value as no evidence against a match,
except where stated.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from ..records import ActorRef, EventMention, PlaceRef, TimeRef
from ..schema import Acled

PLACE_RADIUS_KM = 50.0
DAY_TOLERANCE = 1
# Violent ACLED types one source may code as another (a strike that another calls a clash).
ACLED_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Most specific first: merged events keep the most specific place any mention gives.
PLACE_RANK = {"base": 0, "facility": 0, "city": 1, "admin": 2, "region": 3, "water": 3, "other": 3, "country": 4}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")


def type_compatible(a_type: str, a_acled: Acled | None, b_type: str, b_acled: Acled | None) -> bool:
    """Same PLOVER type, or ACLED types that can describe one incident."""
    if a_type == b_type:
        return True
    if a_acled is None or b_acled is None:
        return False
    if a_acled.event_type == b_acled.event_type:
        return True
    return a_acled.event_type in ACLED_VIOLENT and b_acled.event_type in ACLED_VIOLENT


def actor_key(actor: ActorRef | None) -> str | None:
    if actor is None:
        return None
    return actor.country or actor.name.casefold()


def actor_compatible(a: ActorRef | None, b: ActorRef | None) -> bool:
    """Same country, or same name, or one side unknown."""
    if a is None or b is None:
        return True
    if a.country is not None and a.country == b.country:
        return True
    return a.name.casefold() == b.name.casefold()


def distance_km(a: PlaceRef, b: PlaceRef) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def place_key(place: PlaceRef | None) -> str | None:
    if place is None:
        return None
    if place.geonameid is not None:
        return f"g{place.geonameid}"
    return f"{place.country or ''}:{place.name.casefold()}"


def place_compatible(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    """Same place, within PLACE_RADIUS_KM, or one is the country holding the other; unknown matches."""
    if a is None or b is None:
        return True
    if place_key(a) == place_key(b):
        return True
    if a.feature == "country" and a.country is not None and a.country == b.country:
        return True
    if b.feature == "country" and b.country is not None and b.country == a.country:
        return True
    if a.feature == "country" or b.feature == "country":
        return False
    km = distance_km(a, b)
    return km is not None and km <= PLACE_RADIUS_KM


def interval(time: TimeRef | None) -> tuple[date, date] | None:
    """The days a mention's time covers, or None when it gives no calendar interval."""
    if time is None or time.start is None or time.end is None:
        return None
    try:
        start, end = date.fromisoformat(time.start), date.fromisoformat(time.end)
    except ValueError:
        return None
    return (start, end) if start <= end else (end, start)


def time_compatible(a: tuple[date, date], b: tuple[date, date]) -> bool:
    """The intervals overlap, allowing DAY_TOLERANCE days either side (reports differ by a day
    across time zones and 'last night')."""
    slack = timedelta(days=DAY_TOLERANCE)
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def published_day(published: str | None) -> date | None:
    """A publication date as a day: YYYY-MM and YYYY count from their first day."""
    if published is None:
        return None
    text = published if _DAY.match(published) else (published + "-01-01")[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None

