"""The corpus records (records.py) of one Report: local ids resolved, evidence with its sentence.

The corpus layer works only on stored Reports and never re-parses text, so the sentence around a
fact is found here with a light boundary scan of the article text rather than the parser's.

    >>> facts = report_records(report)
    >>> facts.forces[0].owner.name, facts.forces[0].evidence.sentence
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .records import (
    ActorRef,
    ClaimRecord,
    ConflictItem,
    ConflictRecord,
    EventMention,
    Evidence,
    ForceRecord,
    PlaceRef,
    QuoteRecord,
    TimeRef,
)
from .schema import Report, Span

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace, or
# at a blank line / a line break that starts a new paragraph.
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n\s*\n|\n(?=\s*[\"“‘'A-Z0-9(\[-])")
_MAX_REACH = 800
# Abbreviations whose final period is not a sentence end ("U.S. troops", "Gen. Smith").
_ABBREV = re.compile(r"(?:\b[A-Z]\.(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Sen|Rep|Gov|Pres|St|Jr|Sr|No|Vol|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|a\.m|p\.m|etc|vs|approx)\.)$")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) covering text[start:end], by a boundary scan."""
    lo = max(0, start - _MAX_REACH)
    sent_start = lo if lo > 0 else 0
    for m in _END.finditer(text, lo, start):
        if m.group().startswith(".") and _ABBREV.search(text[max(0, m.start() - 12) : m.start() + 1]):
            continue
        sent_start = m.end()
    while sent_start < start and text[sent_start].isspace():
        sent_start += 1
    sent_end = min(len(text), end + _MAX_REACH)
    for m in _END.finditer(text, max(end - 1, start), sent_end):
        if m.group().startswith(".") and _ABBREV.search(text[max(0, m.start() - 12) : m.start() + 1]):
            continue
        sent_end = m.end() if not m.group().startswith("\n") else m.start()
        break
    while sent_end > end and text[sent_end - 1].isspace():
        sent_end -= 1
    return sent_start, max(sent_end, end)


@dataclass
class ReportRecords:
    """Every fact of one Report as corpus records (ids global: '<article id>/<local id>')."""

    article_id: str
    events: list[EventMention] = field(default_factory=list)
    forces: list[ForceRecord] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    conflicts: list[ConflictRecord] = field(default_factory=list)


def _date_of(time: TimeRef | None, published: str | None, status: str) -> str | None:
    """The date a force level holds: its own time (as precise as stated), else, for a level
    reported as current or planned, the publication date; a past level with no time is undated."""
    if time is not None:
        if time.value and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", time.value):
            return time.value
        if time.start is not None:
            return time.start
    return published if status in ("current", "planned", "target") else None


def report_records(report: Report) -> ReportRecords:
    art = report.article
    text = art.text
    aid = art.id

    def gid(local: str) -> str:
        return f"{aid}/{local}"

    def evidence(span: Span | None, start: int | None = None, end: int | None = None) -> Evidence:
        s = span.start if span is not None else start
        e = span.end if span is not None else end
        assert s is not None and e is not None
        ss, se = sentence_bounds(text, s, e)
        return Evidence(
            article_id=aid,
            article_title=art.title,
            article_url=art.url,
            outlet=art.outlet,
            published=art.published,
            start=s,
            end=e,
            text=text[s:e],
            sentence_start=ss,
            sentence=text[ss:se],
        )

    actors = {a.id: ActorRef(id=gid(a.id), name=a.name, kind=a.kind, country=a.country) for a in report.actors}
    places = {
        p.id: PlaceRef(
            id=gid(p.id), name=p.name, country=p.country, lat=p.lat, lon=p.lon, geonameid=p.geonameid, feature=p.feature
        )
        for p in report.places
    }
    times = {
        t.id: TimeRef(
            id=gid(t.id),
            text=t.text,
            value=t.value,
            start=t.interval.start if t.interval else None,
            end=t.interval.end if t.interval else None,
        )
        for t in report.times
    }

    out = ReportRecords(article_id=aid)
    for ev in report.events:
        out.events.append(
            EventMention(
                id=gid(ev.id),
                type=ev.type,
                mode=ev.mode,
                acled=ev.acled,
                actor=actors.get(ev.actor) if ev.actor else None,
                target=actors.get(ev.target) if ev.target else None,
                place=places.get(ev.place) if ev.place else None,
                time=times.get(ev.time) if ev.time else None,
                status=ev.status,
                fatalities=ev.fatalities,
                injured=ev.injured,
                source=actors.get(ev.source) if ev.source else None,
                evidence=evidence(ev.evidence),
            )
        )
    for fo in report.forces:
        time = times.get(fo.time) if fo.time else None
        out.forces.append(
            ForceRecord(
                id=gid(fo.id),
                owner=actors.get(fo.owner) if fo.owner else None,
                owner_country=fo.owner_country,
                force=fo.force,
                count=fo.count,
                place=places.get(fo.place) if fo.place else None,
                place_country=fo.place_country,
                time=time,
                date=_date_of(time, art.published, fo.status),
                status=fo.status,
                evidence=evidence(fo.evidence),
            )
        )
    for qt in report.quotes:
        out.quotes.append(
            QuoteRecord(
                id=gid(qt.id),
                kind=qt.kind,
                text=qt.text,
                speaker=actors.get(qt.speaker) if qt.speaker else None,
                speaker_text=qt.speaker_text,
                evidence=evidence(None, qt.start, qt.end),
            )
        )
    for cl in report.claims:
        out.claims.append(
            ClaimRecord(
                id=gid(cl.id),
                stance=cl.stance,
                source=actors.get(cl.source) if cl.source else None,
                about=gid(cl.about) if cl.about else None,
                evidence=evidence(cl.evidence),
            )
        )

    by_id: dict[str, tuple[str, str, Evidence]] = {}
    for em in out.events:
        who = em.actor.name if em.actor else "unknown actor"
        by_id[em.id] = ("event", f"{em.type} by {who} ({em.status})", em.evidence)
    for fr in out.forces:
        by_id[fr.id] = ("force", f"{fr.count.value:,.0f} {fr.force} ({fr.status}, {fr.date or 'undated'})", fr.evidence)
    for cr in out.claims:
        who = cr.source.name if cr.source else "unnamed source"
        by_id[cr.id] = ("claim", f"{who} {cr.stance}", cr.evidence)
    for qr in out.quotes:
        by_id[qr.id] = ("quote", qr.text[:80], qr.evidence)
    for cx in report.conflicts:
        items = []
        for local in cx.items:
            found = by_id.get(gid(local))
            if found is not None:
                kind, summary, ev = found
                items.append(ConflictItem(fact_id=gid(local), kind=kind, summary=summary, evidence=ev))
        out.conflicts.append(ConflictRecord(id=gid(cx.id), kind=cx.kind, scope="article", note=cx.note, items=items))
    return out
