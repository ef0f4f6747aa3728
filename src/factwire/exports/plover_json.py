"""Merged events as PLOVER JSON Lines.

Field names follow the PLOVER "Event, Actor and Data Interchange Specification", draft version 2.0
(Open Event Data Alliance, 4 February 2024), chapter 6 "Data Fields" (/work/shared/datasets/plover-gsr/
PLOVER_MANUAL.pdf): the event record (Table 6.1: id, has_event, date, enddate, actor, recipient,
event, event_loc, event_text, quad_code, mode, context, text, text_info, cite_info, coder,
comment), entity objects (Table 6.2: code, sector, entity_text, identifier_id, identifier_text),
the text object (6.3), citation object (6.5), location object (6.6) and, for ASSAULT, the "dead"
and "injured" fields of chapter 7. As the manual suggests, one event per line (JSONL).

Event categories: factwire codes the PLOVER categories of the GSR release it was built on; the
2.0 names replace four of them (DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, as
in the manual's CAMEO table; CRIME, dropped in 2.0, stays CRIME with the "crime" context the manual
recommends). The factwire category, status, mentions and fatality range are kept under the
provider field "factwire", which the manual allows ("Providers should feel free to include named
fields beyond those provided here"). An event with no known date has "date": null.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import IO

from .. import __version__
from ..records import ActorRef, EventRecord, PlaceRef
from ..corpus.timelines import country_name
from ._output import text_output

SPEC = "PLOVER Event, Actor and Data Interchange Specification, draft 2.0 (OEDA, 2024-02-04)"
CATEGORY_2_0 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
# Table 7.2: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
QUAD_CODE = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, "CRIME": 4,
}
# PLOVER sector codes (Table 5.2) for factwire's actor kinds; None where the kind does not say.
SECTOR = {"government": "GOV", "state": "GOV", "military": "MIL", "armed_group": "REB", "media": "JRN"}
# Location resolution (Table 6.6): 5 sub-city, 4 city, 3 district, 2 province, 1 country.
RESOLUTION = {"base": 5, "facility": 5, "city": 4, "admin": 2, "country": 1}
FEATURE = {"base": ("S", "MILB"), "facility": ("S", None), "city": ("P", "PPL"), "admin": ("A", "ADM1"),
           "country": ("A", "PCLI"), "water": ("H", None), "region": ("L", None)}


def entity(actor: ActorRef) -> dict:
    return {
        "code": actor.country,
        "sector": SECTOR.get(actor.kind),
        "entity_text": actor.name,
        "identifier_id": None,
        "identifier_text": actor.name,
    }


def location(place: PlaceRef, extracted: str | None) -> dict:
    feature_class, feature_code = FEATURE.get(place.feature, (None, None))
    return {
        "extracted_place": extracted or place.name,
        "resolved_place": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "city": place.name if place.feature == "city" else None,
        "district": None,
        "province": place.name if place.feature == "admin" else None,
        "country": country_name(place.country),
        "country_code": place.country,
        "feature_class": feature_class,
        "feature_code": feature_code,
        "resolution": RESOLUTION.get(place.feature),
    }


def day_span(value: str | None, end: str | None) -> tuple[str | None, str | None]:
    """EventRecord.date (YYYY-MM-DD | YYYY-MM | YYYY) and date_end as PLOVER date/enddate (days)."""
    if value is None:
        return None, None
    if len(value) == 10:
        return value, end
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        return f"{value}-01", last.isoformat()
    return f"{value}-01-01", f"{value}-12-31"


def plover_event(event: EventRecord) -> dict:
    first = event.mentions[0]
    category = CATEGORY_2_0.get(event.type, event.type)
    start, end = day_span(event.date, event.date_end)
    ev = first.evidence
    extracted = next((m.place.name for m in event.mentions if m.place is not None and m.place.id == (event.place.id if event.place else None)), None)
    record = {
        "id": event.id,
        "has_event": True,
        "date": start,
        "enddate": end,
        "actor": [entity(event.actor)] if event.actor else [],
        "recipient": [entity(event.target)] if event.target else [],
        "event": [category],
        "event_loc": location(event.place, extracted) if event.place else None,
        "event_text": [m.evidence.text for m in event.mentions],
        "quad_code": QUAD_CODE.get(category),
        "mode": [event.mode] if event.mode else [],
        "context": ["crime"] if event.type == "CRIME" else [],
        "text": ev.sentence,
        "text_info": {"start": ev.sentence_start, "end": ev.sentence_start + len(ev.sentence)},
        "cite_info": {
            "url": ev.article_url,
            "title": ev.article_title,
            "publication": ev.outlet,
            "language": "en",
            "coder": f"factwire {__version__}",
            "codebook": SPEC,
        },
        "coder": f"factwire {__version__}",
        "comment": None if event.status == "occurred" else f"reported as {event.status}",
        "factwire": {
            "type": event.type,
            "status": event.status,
            "articles": event.articles,
            "mentions": [m.id for m in event.mentions],
            "fatalities": event.fatalities.model_dump() if event.fatalities else None,
            "acled": event.acled.model_dump() if event.acled else None,
        },
    }
    if event.fatalities is not None and category == "ASSAULT":
        record["dead"] = event.fatalities.min if event.fatalities.min is not None else event.fatalities.max
    if event.injured is not None and category == "ASSAULT":
        record["injured"] = event.injured.min if event.injured.min is not None else event.injured.max
    return record


def write_plover_json(events: Iterable[EventRecord], out: Path | str | IO[str]) -> int:
    """Write one PLOVER JSON object per line; returns the number of events written."""
    n = 0
    with text_output(out) as stream:
        for event in events:
            stream.write(json.dumps(plover_event(event), ensure_ascii=False) + "\n")
            n += 1
    return n
