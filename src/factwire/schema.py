"""The output contract (DESIGN.md, schema_version 1) as pydantic models.

Other tools read these reports: field names, types and enumerations here are binding.
A change to them bumps SCHEMA_VERSION and is stated in CHANGELOG.md.
Offsets are Python string indices into ``article.text``; unknown values are ``None``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

ActorKind = Literal[
    "state",
    "government",
    "military",
    "armed_group",
    "person",
    "international_org",
    "media",
    "organisation",
    "other",
]
PlaceFeature = Literal["country", "admin", "city", "base", "facility", "region", "water", "other"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
TimeMod = Literal["START", "MID", "END", "APPROX", "BEFORE", "AFTER"]
Bound = Literal["exact", "approx", "min", "max", "range"]
EquipmentKind = Literal["weapon", "platform"]
PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "INVESTIGATE",
    "DEMAND",
    "DISAPPROVE",
    "REJECT",
    "THREATEN",
    "SANCTION",
    "PROTEST",
    "CRIME",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
EventStatus = Literal[
    "occurred", "ongoing", "planned", "predicted", "hypothetical", "negated", "alleged", "denied"
]
ForceStatus = Literal["current", "planned", "peak", "past", "target"]
QuoteKind = Literal["direct", "partial", "indirect"]
ClaimStance = Literal["asserts", "accuses", "denies", "doubts"]
ConflictKind = Literal["attribution", "count", "date", "outcome"]


class Model(BaseModel):
    # Extra keys are a bug in the producer, not something to carry silently.
    model_config = ConfigDict(extra="forbid")


class Span(Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class ArticleMeta(Model):
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = Field(default_factory=list)
    dateline: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD, or YYYY-MM / YYYY when only that is known")
    language: str | None = "en"
    sha256: str


class Actor(Model):
    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class Place(Model):
    id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: PlaceFeature = "other"
    mentions: list[Span] = Field(default_factory=list)


class Interval(Model):
    start: str
    end: str


class Time(Model):
    id: str
    start: int
    end: int
    text: str
    type: TimeType
    value: str | None = Field(default=None, description="TIMEX3 value")
    mod: TimeMod | None = None
    interval: Interval | None = None


class Quantity(Model):
    id: str
    start: int
    end: int
    text: str
    value: float | None = None
    bound: Bound = "exact"
    value_max: float | None = None
    unit: str | None = None
    concept: str | None = None


class Equipment(Model):
    id: str
    name: str
    kind: EquipmentKind
    category: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class Acled(Model):
    event_type: str
    sub_event_type: str | None = None


class Range(Model):
    min: int | None = None
    max: int | None = None


class Event(Model):
    id: str
    type: PloverType
    mode: str | None = None
    acled: Acled | None = None
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    time: str | None = None
    status: EventStatus = "occurred"
    fatalities: Range | None = None
    injured: Range | None = None
    source: str | None = None
    evidence: Span


class Count(Model):
    value: float
    bound: Bound = "exact"
    value_max: float | None = None


class Force(Model):
    id: str
    owner: str | None = None
    owner_country: str | None = None
    force: str = "troops"
    count: Count
    place: str | None = None
    place_country: str | None = None
    time: str | None = None
    status: ForceStatus = "current"
    evidence: Span


class Quote(Model):
    id: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_text: str | None = None
    cue: Span | None = None


class Claim(Model):
    id: str
    about: str | None = None
    source: str | None = None
    stance: ClaimStance
    evidence: Span


class Conflict(Model):
    id: str
    kind: ConflictKind
    items: list[str]
    note: str | None = None


class Report(Model):
    schema_version: Literal[1] = SCHEMA_VERSION
    article: ArticleMeta
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    equipment: list[Equipment] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    forces: list[Force] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)


class ErrorReport(Model):
    """What a batch writes in place of a Report for an input it could not process."""

    article: dict[str, str | None]
    error: str


def json_schema() -> dict:
    return Report.model_json_schema()
