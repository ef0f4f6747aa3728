"""Merge event mentions from many articles into corpus events (one per real-world event).

Mentions are taken in a fixed order (publication date, article id, mention number) and each joins
the first existing event it is compatible with, else starts a new one; an event is compared by
its merged fields (the most specific place, the narrowest dates), so a chain of loose matches
cannot drift. Two mentions can be the same event when (compat.py):

- type: same PLOVER type, or violent ACLED types (Battles, Explosions/Remote violence, Violence
  against civilians) that one source may code as another;
- actor and target: same country or same name, or one side unknown;
- place: same place, within 50 km, or one is the country holding the other, or one unknown;
- time: intervals that overlap with one day of slack. Across articles a dated match also needs
  one anchor known on both sides (a place, an actor or a target), or two reports that merely
  share a type and a day would merge.
- undated (either side has no calendar interval): only through a near-duplicate article (a
  wire copy reports the same events as its original), or when type and place are identical
  (the place known), the mention's actor and target are unknown or the event's, and the
  mention was published (or is dated) within UNDATED_WINDOW_DAYS of the event's own dates
  (of a report of it, when the event is undated).

Candidates come from blocks keyed by type and month (or year for long intervals), country, and
for undated mentions the exact place or the near-duplicate group, so the work grows with the
block sizes, not the square of the corpus. An event is filed under the union of its mentions'
blocks (mention_index_keys), so the events a mention can meet follow from the mentions alone:
the store replays this merge for just the mentions a change can reach (store/view_events.py,
with order_text, event_state, can_join and event_record below).

Merged fields: the most specific place; the narrowest date interval; actor, target, mode and
ACLED type from the first mention that has one; fatalities and injured as the range over the
mentions; status by STATUS_PRECEDENCE (a report that it happened outranks plans and
predictions of it; a claim outranks a denial, whose disagreement corpus_conflicts reports).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..records import ActorRef, EventMention, EventRecord, PlaceRef
from ..schema import Acled, Range
from .compat import (
    ACLED_VIOLENT,
    PLACE_RANK,
    actor_compatible,
    actor_key,
    interval,
    place_compatible,
    place_key,
    published_day,
    time_compatible,
    type_compatible,
)

UNDATED_WINDOW_DAYS = 31
LONG_INTERVAL_DAYS = 62
STATUS_PRECEDENCE = ("occurred", "ongoing", "alleged", "denied", "negated", "planned", "predicted", "hypothetical")
_NUMBER = re.compile(r"(\d+)")
DaySpan = tuple[date, date] | None  # the days an event covers, None when undated


def mention_order(mention: EventMention) -> tuple:
    """Publication date (undated last), article id, then the local id with its number compared as a number."""
    aid = mention.evidence.article_id
    local = mention.id[len(aid) + 1 :] if mention.id.startswith(aid + "/") else mention.id
    parts = tuple(int(p) if p.isdigit() else p for p in _NUMBER.split(local))
    published = mention.evidence.published
    return (published is None, published or "", aid, parts, mention.id)


def event_id(first_mention_id: str) -> str:
    return "ce-" + hashlib.sha1(first_mention_id.encode()).hexdigest()[:16]


@dataclass
class _Cluster:
    """A merged event being built; its merged fields are kept up to date as mentions join."""

    index: int
    mentions: list[EventMention]
    span: DaySpan
    groups: set[str]
    articles: set[str] = field(default_factory=set)
    published: list[date] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    acled: Acled | None = None
    actor: ActorRef | None = None
    target: ActorRef | None = None
    mode: str | None = None
    place: PlaceRef | None = None

    @property
    def head(self) -> EventMention:
        return self.mentions[0]

    def add(self, m: EventMention, span: DaySpan, group: str, published: date | None) -> None:
        if m is not self.head:
            self.mentions.append(m)
        self.span = _narrower(self.span, span)
        self.groups.add(group)
        self.articles.add(m.evidence.article_id)
        self.types.update(_type_blocks(m))
        if published is not None:
            self.published.append(published)
        self.acled = self.acled or m.acled
        self.actor = self.actor or m.actor
        self.target = self.target or m.target
        self.mode = self.mode or m.mode
        if m.place is not None and (self.place is None or PLACE_RANK.get(m.place.feature, 3) < PLACE_RANK.get(self.place.feature, 3)):
            self.place = m.place


def _type_blocks(mention: EventMention) -> list[str]:
    blocks = [mention.type]
    if mention.acled is not None:
        kind = mention.acled.event_type
        blocks.append("acled:" + ("violent" if kind in ACLED_VIOLENT else kind))
    return blocks


def _months(span: tuple[date, date]) -> list[str]:
    start, end = span[0] - timedelta(days=1), span[1] + timedelta(days=1)
    months, cur = [], date(start.year, start.month, 1)
    while cur <= end:
        months.append(f"{cur.year:04d}-{cur.month:02d}")
        cur = date(cur.year + (cur.month == 12), cur.month % 12 + 1, 1)
    return months


def _years(span: tuple[date, date]) -> list[int]:
    return list(range((span[0] - timedelta(days=1)).year, (span[1] + timedelta(days=1)).year + 1))


def _is_long(span: tuple[date, date]) -> bool:
    return (span[1] - span[0]).days > LONG_INTERVAL_DAYS


def _country(place) -> str:
    return place.country if place is not None and place.country else "?"


def _key(*parts) -> str:
    return "\x1f".join(str(p) for p in parts)


def mention_index_keys(m: EventMention, group: str) -> set[str]:
    """The blocks a mention is filed under once it is in an event (an event: the union of its
    mentions' blocks)."""
    keys: set[str] = set()
    span = interval(m.time)
    country = _country(m.place)
    pk = place_key(m.place)
    dated = "D" if span is not None else "U"
    for t in _type_blocks(m):
        if span is not None:
            long = _is_long(span)
            for month in [] if long else _months(span):
                keys.update({_key(t, "M", month, country), _key(t, "M", month, "*")})
            for year in _years(span):
                keys.update({_key(t, "L" if long else "S", year, country), _key(t, "L" if long else "S", year, "*")})
        if pk is not None:
            keys.add(_key(t, "P" + dated, pk))
        keys.add(_key(t, "G" + dated, group))
    return keys


def mention_query_keys(m: EventMention, group: str) -> set[str]:
    """The blocks searched for events a mention may join (matched against index keys)."""
    keys: set[str] = set()
    span = interval(m.time)
    country = _country(m.place)
    pk = place_key(m.place)
    wanted = ("U", "D") if span is None else ("U",)
    for t in _type_blocks(m):
        if span is not None:
            countries = ("*",) if country == "?" else (country, "?")
            if _is_long(span):
                for year in _years(span):
                    keys.update(_key(t, kind, year, c) for kind in ("S", "L") for c in countries)
            else:
                for month in _months(span):
                    keys.update(_key(t, "M", month, c) for c in countries)
                for year in _years(span):
                    keys.update(_key(t, "L", year, c) for c in countries)
        for dated in wanted:
            if pk is not None:
                keys.add(_key(t, "P" + dated, pk))
            keys.add(_key(t, "G" + dated, group))
    return keys


def _anchor(m: EventMention, c: _Cluster) -> bool:
    """A field known on both sides (beyond type and time) that agrees: place, actor or target."""
    if m.place is not None and c.place is not None:
        return True
    actor, target = c.actor, c.target
    return (m.actor is not None and actor is not None) or (m.target is not None and target is not None)


def _joins(m: EventMention, span: DaySpan, group: str, published: date | None, c: _Cluster) -> bool:
    head = c.head
    if not type_compatible(m.type, m.acled, head.type, c.acled):
        return False
    actor, target = c.actor, c.target
    if not (actor_compatible(m.actor, actor) and actor_compatible(m.target, target)):
        return False
    if not place_compatible(m.place, c.place):
        return False
    article = m.evidence.article_id
    same_article = article in c.articles
    if span is not None and c.span is not None:
        return time_compatible(span, c.span) and (same_article or _anchor(m, c))
    # One side undated: a wire copy of an article in the event, or a match on type and place
    # (known on both sides) whose actor and target the mention leaves unknown or gives as the
    # event does, reported near the event's time.
    if group in c.groups and not same_article:
        return True
    matches = (
        m.type == head.type
        and (m.actor is None or actor_key(m.actor) == actor_key(actor))
        and (m.target is None or actor_key(m.target) == actor_key(target))
        and m.place is not None
        and place_key(m.place) == place_key(c.place)
    )
    return matches and _reported_near(span, published, c)


def _days_between(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days from one interval to the other (0 when they overlap)."""
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def _reported_near(span: DaySpan, published: date | None, c: _Cluster) -> bool:
    """Within UNDATED_WINDOW_DAYS: the mention's publication (or its dates) and the event's own
    dates, or for an undated event its reports' publication dates. An undated report of an event
    is most likely published around it: 'the end of our military mission' on 30 August is the
    withdrawal dated 31 August. A dated event's later reports do not widen the window: a speech
    that recalls the attacks of 2001 does not make an undated attack it mentions one of them."""
    mine = [(published, published)] if published is not None else []
    if span is not None:
        mine.append(span)
    theirs = [c.span] if c.span is not None else [(p, p) for p in c.published]
    return any(_days_between(a, b) <= UNDATED_WINDOW_DAYS for a in mine for b in theirs)


def _narrower(a: DaySpan, b: DaySpan) -> DaySpan:
    if a is None or b is None:
        return a or b
    return a if (a[1] - a[0]) <= (b[1] - b[0]) else b


def _date_fields(span: tuple[date, date] | None) -> tuple[str | None, str | None]:
    """The interval as EventRecord.date/date_end: a day, a whole month, a whole year, or a range."""
    if span is None:
        return None, None
    start, end = span
    if start == end:
        return start.isoformat(), None
    next_month = date(end.year + (end.month == 12), end.month % 12 + 1, 1)
    if start.day == 1 and start.year == end.year and start.month == end.month and end + timedelta(days=1) == next_month:
        return f"{start.year:04d}-{start.month:02d}", None
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"{start.year:04d}", None
    return start.isoformat(), end.isoformat()


def _range(values: list[Range | None]) -> Range | None:
    known = [v for v in values if v is not None and (v.min is not None or v.max is not None)]
    if not known:
        return None
    lows = [v.min if v.min is not None else v.max for v in known]
    highs = [v.max if v.max is not None else v.min for v in known]
    return Range(min=min(lows), max=max(highs))


def _record(c: _Cluster) -> EventRecord:
    mentions = c.mentions
    start, end = _date_fields(c.span)
    status = min((m.status for m in mentions), key=STATUS_PRECEDENCE.index)
    return EventRecord(
        id=event_id(mentions[0].id),
        type=mentions[0].type,
        mode=c.mode,
        acled=c.acled,
        actor=c.actor,
        target=c.target,
        place=c.place,
        date=start,
        date_end=end,
        status=status,
        fatalities=_range([m.fatalities for m in mentions]),
        injured=_range([m.injured for m in mentions]),
        articles=len({m.evidence.article_id for m in mentions}),
        mentions=mentions,
    )


def merge_events(mentions: list[EventMention], duplicates: dict[str, str] | None = None) -> list[EventRecord]:
    """Every mention ends up in exactly one EventRecord; records sorted by (date, undated last; id).

    ``duplicates`` is find_near_duplicates' answer ({copy article id: original article id}).
    """
    duplicates = duplicates or {}
    clusters: list[_Cluster] = []
    index: dict[tuple, list[int]] = {}
    for m in sorted(mentions, key=mention_order):
        span = interval(m.time)
        article = m.evidence.article_id
        group = duplicates.get(article, article)
        published = published_day(m.evidence.published)
        candidates = sorted({i for key in mention_query_keys(m, group) for i in index.get(key, ())})
        target = next((clusters[i] for i in candidates if _joins(m, span, group, published, clusters[i])), None)
        if target is None:
            target = _Cluster(index=len(clusters), mentions=[m], span=None, groups=set())
            clusters.append(target)
        target.add(m, span, group, published)
        for key in mention_index_keys(m, group) - target.keys:
            index.setdefault(key, []).append(target.index)
            target.keys.add(key)
    records = [_record(c) for c in clusters]
    records.sort(key=lambda r: (r.date is None, r.date or "", r.id))
    return records


# --- the same rules one mention at a time, for a store that re-merges only what a change reaches


def order_text(mention: EventMention) -> str:
    """mention_order as a string that sorts the same way (for SQL)."""
    closed, published, aid, parts, ident = mention_order(mention)
    pieces = ["1" if closed else "0" + published, aid]
    pieces += [f"{p:012d}" if isinstance(p, int) else p for p in parts]
    return "\x00".join([*pieces, ident])


def event_state(members: list[EventMention], duplicates: dict[str, str]) -> _Cluster:
    """The event as merge_events holds it once `members` (in mention_order) have joined it."""
    state = _Cluster(index=0, mentions=[members[0]], span=None, groups=set())
    for m in members:
        advance_state(state, m, duplicates)
    return state


def advance_state(state: _Cluster, m: EventMention, duplicates: dict[str, str]) -> None:
    """Let `m` join the event in `state` (as merge_events does once it decided so)."""
    article = m.evidence.article_id
    state.add(m, interval(m.time), duplicates.get(article, article), published_day(m.evidence.published))


def can_join(m: EventMention, duplicates: dict[str, str], state: _Cluster) -> bool:
    """Whether merge_events would let `m` join the event in `state` (its blocks aside)."""
    article = m.evidence.article_id
    return _joins(m, interval(m.time), duplicates.get(article, article), published_day(m.evidence.published), state)


def event_record(members: list[EventMention], duplicates: dict[str, str]) -> EventRecord:
    """The EventRecord merge_events makes of these members (in mention_order)."""
    return _record(event_state(members, duplicates))


def claim_event_ids(events: list[EventRecord]) -> dict[str, str]:
    """Mention id -> id of the merged event holding it (to fill ClaimRecord.about_event)."""
    return {m.id: e.id for e in events for m in e.mentions}
