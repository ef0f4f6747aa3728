"""Where sources disagree across articles: force counts, attribution of an event, fatality counts.

Only disagreements between different articles are reported here (scope "corpus"); those inside
one article are the Report's own conflicts. Rules:

- count (forces): two levels for the same owner country, place country and kind of force (troops,
  forces, soldiers and service members count as one kind), with the same status (a planned level
  and a current one are different facts, not a disagreement), dated the same day, or the same
  month when either gives only the month, whose counts cannot both be true. Bounds are honoured:
  "approximately N" allows 10% either way, "more than N" anything above, a range its span.
- attribution: claims about mentions of one merged event, one asserting or accusing and another
  denying or doubting.
- count (fatalities): mentions of one merged event with fatality ranges that do not overlap.

Ids are "cx-" + 16 hex digits of the SHA-1 of the sorted item ids.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from itertools import combinations

from ..records import ClaimRecord, ConflictItem, ConflictRecord, EventMention, EventRecord, ForceRecord
from ..schema import Count, Range

APPROX_TOLERANCE = 0.10
_TROOPS = frozenset({"troops", "forces", "soldiers", "service members", "servicemembers", "military personnel"})
_POSITIVE = frozenset({"asserts", "accuses"})
_NEGATIVE = frozenset({"denies", "doubts"})


def conflict_id(item_ids: list[str]) -> str:
    return "cx-" + hashlib.sha1("|".join(sorted(item_ids)).encode()).hexdigest()[:16]


def count_bounds(count: Count) -> tuple[float, float]:
    v = count.value
    if count.bound == "approx":
        return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
    if count.bound == "min":
        return v, math.inf
    if count.bound == "max":
        return -math.inf, v
    if count.bound == "range" and count.value_max is not None:
        return min(v, count.value_max), max(v, count.value_max)
    return v, v


def _disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def _count_text(count: Count) -> str:
    words = {"approx": "about ", "min": "at least ", "max": "at most "}
    if count.bound == "range" and count.value_max is not None:
        return f"{count.value:,.0f}-{count.value_max:,.0f}"
    return f"{words.get(count.bound, '')}{count.value:,.0f}"


def _force_summary(f: ForceRecord) -> str:
    return f"{_count_text(f.count)} {f.force} ({f.status}, {f.date or 'undated'})"


def _force_kind(force: str) -> str:
    return "troops" if force.casefold() in _TROOPS else force.casefold()


def _dates_match(a: str, b: str) -> bool:
    if len(a) >= 10 and len(b) >= 10:
        return a[:10] == b[:10]
    return len(a) >= 7 and len(b) >= 7 and a[:7] == b[:7]


def _component(pairs: list[tuple[str, str]]) -> list[list[str]]:
    """Connected groups of ids from disagreeing pairs (a value that disagrees with two others
    makes one conflict of three)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for x in parent:
        groups[find(x)].append(x)
    return [sorted(g) for g in groups.values()]


def force_block(f: ForceRecord) -> tuple | None:
    """The levels a force level is compared with share this (owner, place, kind, status, month);
    None when it cannot conflict (no owner country or no month)."""
    if f.owner_country is None or f.date is None or len(f.date) < 7:
        return None
    return (f.owner_country, f.place_country, _force_kind(f.force), f.status, f.date[:7])


def force_count_conflicts(forces: list[ForceRecord]) -> list[ConflictRecord]:
    blocks: dict[tuple, list[ForceRecord]] = defaultdict(list)
    for f in forces:
        block = force_block(f)
        if block is not None:
            blocks[block].append(f)
    out = []
    for (owner, place, kind, status, _month), group in blocks.items():
        by_id = {f.id: f for f in group}
        pairs = [
            (a.id, b.id)
            for a, b in combinations(group, 2)
            if a.evidence.article_id != b.evidence.article_id
            and _dates_match(a.date, b.date)
            and _disjoint(count_bounds(a.count), count_bounds(b.count))
        ]
        for ids in _component(pairs):
            items = [by_id[i] for i in ids]
            values = " vs ".join(sorted({_count_text(f.count) for f in items}))
            where = f" in {place}" if place else ""
            note = f"sources disagree on {owner} {kind}{where} ({status}, {min(f.date for f in items)}): {values}"
            out.append(
                ConflictRecord(
                    id=conflict_id(ids),
                    kind="count",
                    scope="corpus",
                    note=note,
                    items=[ConflictItem(fact_id=f.id, kind="force", summary=_force_summary(f), evidence=f.evidence) for f in items],
                )
            )
    return out


def _claim_summary(c: ClaimRecord) -> str:
    return f"{c.source.name if c.source else 'unnamed source'} {c.stance}"


def attribution_conflicts(events: list[EventRecord], claims: list[ClaimRecord]) -> list[ConflictRecord]:
    event_of = {m.id: e for e in events for m in e.mentions}
    event_by_id = {e.id: e for e in events}
    by_event: dict[str, list[ClaimRecord]] = defaultdict(list)
    for claim in claims:
        event = event_of.get(claim.about or "") or event_by_id.get(claim.about_event or "")
        if event is not None:
            by_event[event.id].append(claim)
    out = []
    for eid, group in by_event.items():
        pairs = [
            (a.id, b.id)
            for a, b in combinations(group, 2)
            if a.evidence.article_id != b.evidence.article_id
            and {a.stance, b.stance} & _POSITIVE
            and {a.stance, b.stance} & _NEGATIVE
        ]
        by_id = {c.id: c for c in group}
        for ids in _component(pairs):
            items = [by_id[i] for i in ids]
            said = "; ".join(_claim_summary(c) for c in items)
            out.append(
                ConflictRecord(
                    id=conflict_id(ids),
                    kind="attribution",
                    scope="corpus",
                    note=f"sources disagree on who is responsible for event {eid}: {said}",
                    items=[ConflictItem(fact_id=c.id, kind="claim", summary=_claim_summary(c), evidence=c.evidence) for c in items],
                )
            )
    return out


def _range_text(r: Range) -> str:
    if r.min is not None and r.max is not None and r.min != r.max:
        return f"{r.min}-{r.max}"
    return str(r.min if r.min is not None else r.max)


def _bounds(r: Range) -> tuple[float, float]:
    low = r.min if r.min is not None else r.max
    high = r.max if r.max is not None else r.min
    return float(low), float(high)


def _event_summary(m: EventMention) -> str:
    who = m.actor.name if m.actor else "unknown actor"
    dead = f", {_range_text(m.fatalities)} killed" if m.fatalities else ""
    return f"{m.type} by {who} ({m.status}{dead})"


def fatality_conflicts(events: list[EventRecord]) -> list[ConflictRecord]:
    out = []
    for event in events:
        counted = [m for m in event.mentions if m.fatalities is not None and (m.fatalities.min, m.fatalities.max) != (None, None)]
        pairs = [
            (a.id, b.id)
            for a, b in combinations(counted, 2)
            if a.evidence.article_id != b.evidence.article_id and _disjoint(_bounds(a.fatalities), _bounds(b.fatalities))
        ]
        by_id = {m.id: m for m in counted}
        for ids in _component(pairs):
            items = [by_id[i] for i in ids]
            values = " vs ".join(sorted({_range_text(m.fatalities) for m in items}))
            out.append(
                ConflictRecord(
                    id=conflict_id(ids),
                    kind="count",
                    scope="corpus",
                    note=f"sources disagree on the death toll of event {event.id}: {values} killed",
                    items=[ConflictItem(fact_id=m.id, kind="event", summary=_event_summary(m), evidence=m.evidence) for m in items],
                )
            )
    return out


def corpus_conflicts(events: list[EventRecord], forces: list[ForceRecord], claims: list[ClaimRecord]) -> list[ConflictRecord]:
    """Every cross-article disagreement, sorted by id."""
    found = force_count_conflicts(forces) + attribution_conflicts(events, claims) + fatality_conflicts(events)
    return sorted(found, key=lambda c: c.id)
