"""The filter columns of a stored record: what `Filters` matches against.

Each record is stored as its JSON plus these few columns, so a query filters with SQL alone.
Lists are stored delimited ('|a|b|') so a whole-key test is one `instr`; names are lower case
because the actor and place filters are case-insensitive substrings.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from ..errors import InputError
from ..records import (
    ActorRef,
    ClaimRecord,
    ConflictRecord,
    EventMention,
    ForceRecord,
    PlaceRef,
    QuoteRecord,
)

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_range(value: str | None) -> tuple[str | None, str | None]:
    """The first and last day a YYYY[-MM[-DD]] date covers; (None, None) if it is not one."""
    if not value:
        return None, None
    match = _PARTIAL_DATE.match(value[:10])
    if not match:
        return None, None
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None, None
    if day:
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def filter_date(value: str | None, option: str, *, last: bool) -> str | None:
    """A --since/--until value as a day: a partial date counts from its first (since) or to its
    last (until) day."""
    if value is None:
        return None
    lo, hi = date_range(value.strip())
    if lo is None:
        raise InputError(f"{option}: cannot read {value!r} as a date; give it as YYYY-MM-DD (or YYYY-MM, YYYY)")
    return hi if last else lo


def joined(values) -> str:
    """'|a|b|' from the distinct non-empty values, in first-seen order ('' when none)."""
    seen = list(dict.fromkeys(v for v in values if v))
    return "|" + "|".join(seen) + "|" if seen else ""


@dataclass
class FactKeys:
    types: list[str] = field(default_factory=list)
    date_lo: str | None = None
    date_hi: str | None = None
    actors: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)  # what the full-text index holds

    def add_actor(self, actor: ActorRef | None, aliases: dict[str, list[str]]) -> None:
        if actor is None:
            return
        self.actors.extend(n.lower() for n in [actor.name, *aliases.get(actor.id, [])])
        if actor.country:
            self.countries.append(actor.country)

    def add_place(self, place: PlaceRef | None) -> None:
        if place is None:
            return
        self.places.append(place.name.lower())
        if place.country:
            self.countries.append(place.country)

    def add_dates(self, lo: str | None, hi: str | None) -> None:
        if lo is not None and (self.date_lo is None or lo < self.date_lo):
            self.date_lo = lo
        if hi is not None and (self.date_hi is None or hi > self.date_hi):
            self.date_hi = hi

    def merge(self, other: FactKeys) -> None:
        self.types.extend(other.types)
        self.add_dates(other.date_lo, other.date_hi)
        self.actors.extend(other.actors)
        self.countries.extend(other.countries)
        self.places.extend(other.places)
        self.text.extend(other.text)

    def columns(self) -> dict[str, str | None]:
        return {
            "types": joined(t.lower() for t in self.types),
            "date_lo": self.date_lo,
            "date_hi": self.date_hi,
            "actors": joined(self.actors),
            "countries": joined(c.upper() for c in self.countries),
            "places": joined(self.places),
        }

    def fts_text(self) -> str:
        return "\n".join(dict.fromkeys(t for t in self.text if t))


def mention_keys(m: EventMention, aliases: dict[str, list[str]]) -> FactKeys:
    keys = FactKeys(types=[m.type, m.status])
    if m.acled is not None:
        keys.types.append(m.acled.event_type)
        if m.acled.sub_event_type:
            keys.types.append(m.acled.sub_event_type)
    for actor in (m.actor, m.target, m.source):
        keys.add_actor(actor, aliases)
    keys.add_place(m.place)
    lo, hi = (m.time.start, m.time.end) if m.time is not None and m.time.start else (None, None)
    if lo is None and m.time is not None:
        lo, hi = date_range(m.time.value)
    if lo is None:  # an undated event is placed at its report's date
        lo, hi = date_range(m.evidence.published)
    keys.add_dates(lo, hi or lo)
    keys.text.append(m.evidence.sentence)
    return keys


def force_keys(f: ForceRecord, aliases: dict[str, list[str]]) -> FactKeys:
    keys = FactKeys(types=[f.force, f.status], countries=[c for c in (f.owner_country, f.place_country) if c])
    keys.add_actor(f.owner, aliases)
    keys.add_place(f.place)
    keys.add_dates(*date_range(f.date))
    keys.text.append(f.evidence.sentence)
    return keys


def quote_keys(q: QuoteRecord, aliases: dict[str, list[str]]) -> FactKeys:
    keys = FactKeys(types=[q.kind])
    keys.add_actor(q.speaker, aliases)
    if q.speaker is None and q.speaker_text:
        keys.actors.append(q.speaker_text.lower())
    keys.add_dates(*date_range(q.evidence.published))
    keys.text += [q.text, q.evidence.sentence]
    return keys


def claim_keys(c: ClaimRecord, aliases: dict[str, list[str]], about: FactKeys | None) -> FactKeys:
    keys = FactKeys(types=[c.stance])
    keys.add_actor(c.source, aliases)
    if about is not None:  # a claim is about its event's actors and places too
        keys.actors += about.actors
        keys.countries += about.countries
        keys.places += about.places
    keys.add_dates(*date_range(c.evidence.published))
    keys.text.append(c.evidence.sentence)
    return keys


def conflict_keys(c: ConflictRecord, items: dict[str, FactKeys]) -> FactKeys:
    keys = FactKeys(types=[c.kind, c.scope], text=[c.note or ""])
    for item in c.items:
        found = items.get(item.fact_id)
        if found is not None:
            keys.merge(found)
            keys.types = [c.kind, c.scope]
        else:
            keys.add_dates(*date_range(item.evidence.published))
            keys.text.append(item.evidence.sentence)
    return keys
