"""Merged events as an ACLED-style CSV: ACLED's columns, in ACLED's order, with ACLED's conventions.

Columns and conventions follow the ACLED Codebook (acleddata.com knowledge base, 2024 edition:
text Inter codes such as "State forces", Interaction as "State forces-Rebel group" or "Rebel group
only"):

- one row per merged event that has an ACLED event type, was reported as having happened
  (status occurred, ongoing or alleged; ACLED records no planned, hypothetical, negated or denied
  events), has a place in a known country (ACLED records every event at a named location), and
  whose date is known at least to the month (ACLED "does not include events with less temporal
  information");
- event_date is YYYY-MM-DD; time_precision 1 for a day, 2 for a period of up to a week (its middle
  day is recorded), 3 for up to a month (its middle day; the first or last day when the report
  says "early"/"late" is not known to factwire, so the midpoint is always used);
- geo_precision 1 for a town, base or facility, 2 for a named area or landmark, 3 for a province,
  region or a whole country (ACLED codes those to a representative point);
- fatalities is the lowest reported figure (ACLED's most conservative estimate), 0 when unknown;
- inter codes come from the actor's kind: government, state and military actors are "State forces"
  at home and "External/Other forces" abroad (ACLED codes a state's military active outside its
  country as External/Other forces), armed groups "Rebel group", international organisations
  "External/Other forces"; other kinds are left blank;
- iso is the ISO 3166-1 numeric code; region and country use ACLED's names (acled_geography.tsv);
- event_id_cnty is the country code and the factwire event id ("AFG-ce-0123456789abcdef");
- notes is the sentence of the first report; source lists the outlets of every report.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import IO

import pycountry

from ..records import ActorRef, EventRecord
from ._output import text_output

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
REPORTED = frozenset({"occurred", "ongoing", "alleged"})
INTER = ("State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters", "Civilians",
         "External/Other forces")
GEO_PRECISION = {"city": 1, "base": 1, "facility": 1, "water": 2, "other": 2, "admin": 3, "region": 3, "country": 3}
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB_EVENT = {"Excessive force against protesters": "Political violence; Demonstrations",
                         "Mob violence": "Political violence"}


def acled_geography() -> dict[str, tuple[str, str]]:
    """alpha-3 -> (ACLED region, ACLED country name or "" when it is pycountry's)."""
    text = (resources.files("factwire") / "exports" / "acled_geography.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {r[0]: (r[1], r[2] if len(r) > 2 else "") for r in rows[1:]}


def country_fields(iso3: str | None, geography: dict[str, tuple[str, str]]) -> tuple[int | None, str | None, str | None]:
    """(ISO numeric, ACLED region, ACLED country name) for an alpha-3 code."""
    if iso3 is None:
        return None, None, None
    region, acled_name = geography.get(iso3, (None, ""))
    record = pycountry.countries.get(alpha_3=iso3)
    numeric = int(record.numeric) if record is not None else None
    name = acled_name or (record and (getattr(record, "common_name", None) or record.name)) or iso3
    return numeric, region, name


def inter_code(actor: ActorRef | None, country: str | None) -> str | None:
    if actor is None:
        return None
    name = actor.name.casefold()
    if "civilian" in name:
        return "Civilians"
    if "protester" in name:
        return "Protesters"
    if actor.kind in ("government", "state", "military"):
        abroad = actor.country is not None and country is not None and actor.country != country
        return "External/Other forces" if abroad else "State forces"
    if actor.kind == "armed_group":
        return "Rebel group"
    if actor.kind == "international_org":
        return "External/Other forces"
    return None


def interaction(inter1: str | None, inter2: str | None) -> str | None:
    codes = sorted((c for c in (inter1, inter2) if c is not None), key=INTER.index)
    if not codes:
        return None
    return f"{codes[0]} only" if len(codes) == 1 else f"{codes[0]}-{codes[1]}"


def acled_date(value: str | None, end: str | None) -> tuple[str, int] | None:
    """(event_date, time_precision) under ACLED's rules, or None when vaguer than a month."""
    if value is None:
        return None
    if len(value) == 10 and end is None:
        return value, 1
    if len(value) == 7:
        first = date(int(value[:4]), int(value[5:7]), 1)
        return (first + timedelta(days=14)).isoformat(), 3
    if len(value) == 10 and end is not None:
        start, stop = date.fromisoformat(value), date.fromisoformat(end)
        days = (stop - start).days + 1
        if days <= 31:
            return (start + timedelta(days=(days - 1) // 2)).isoformat(), 2 if days <= 7 else 3
    return None


def acled_row(event: EventRecord, timestamp: int, geography: dict[str, tuple[str, str]]) -> dict | None:
    """The CSV row of one merged event, or None when ACLED would not record it."""
    if event.acled is None or event.status not in REPORTED:
        return None
    when = acled_date(event.date, event.date_end)
    if when is None:
        return None
    place = event.place
    if place is None or place.country is None:
        return None
    iso3 = place.country
    numeric, region, country = country_fields(iso3, geography)
    inter1, inter2 = inter_code(event.actor, iso3), inter_code(event.target, iso3)
    outlets = list(dict.fromkeys(m.evidence.outlet for m in event.mentions if m.evidence.outlet))
    sub = event.acled.sub_event_type
    fatalities = event.fatalities.min if event.fatalities and event.fatalities.min is not None else 0
    civilians = event.acled.event_type == "Violence against civilians" or inter2 == "Civilians"
    return {
        "event_id_cnty": f"{iso3}-{event.id}",
        "event_date": when[0],
        "year": int(when[0][:4]),
        "time_precision": when[1],
        "disorder_type": DISORDER_BY_SUB_EVENT.get(sub or "") or DISORDER.get(event.acled.event_type),
        "event_type": event.acled.event_type,
        "sub_event_type": sub,
        "actor1": event.actor.name if event.actor else None,
        "assoc_actor_1": None,
        "inter1": inter1,
        "actor2": event.target.name if event.target else None,
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilians targeted" if civilians else None,
        "iso": numeric,
        "region": region,
        "country": country,
        "admin1": place.name if place.feature == "admin" else None,
        "admin2": None,
        "admin3": None,
        "location": place.name,
        "latitude": f"{place.lat:.4f}" if place.lat is not None else None,
        "longitude": f"{place.lon:.4f}" if place.lon is not None else None,
        "geo_precision": GEO_PRECISION.get(place.feature),
        "source": "; ".join(outlets) or None,
        "source_scale": None,
        "notes": " ".join(event.mentions[0].evidence.sentence.split()),
        "fatalities": fatalities,
        "tags": None,
        "timestamp": timestamp,
    }


def write_acled_csv(events: Iterable[EventRecord], out: Path | str | IO[str], timestamp: int | None = None) -> int:
    """Write the header and one row per recordable event; returns the number of rows.

    ``timestamp`` (ACLED: when the row was uploaded) defaults to now, in Unix seconds.
    """
    stamp = int(time.time()) if timestamp is None else timestamp
    geography = acled_geography()
    n = 0
    with text_output(out) as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for event in events:
            row = acled_row(event, stamp, geography)
            if row is None:
                continue
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
            n += 1
    return n
