"""Human-readable renderings of a Report (Markdown), for `extract --format md` and the demo."""

from __future__ import annotations

import re

from .schema import Report


def _flat(text: str) -> str:
    """Evidence as one line: the article's hard wraps would break a Markdown list item."""
    return re.sub(r"\s+", " ", text).strip()


def _count(value: float | None, bound: str, value_max: float | None) -> str:
    if value is None:
        return "?"
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    if bound == "range" and value_max is not None:
        return f"{number}–{value_max:,.0f}"
    return {"approx": "about ", "min": "more than ", "max": "at most "}.get(bound, "") + number


class _Names:
    def __init__(self, report: Report):
        self.names = {}
        for group in (report.actors, report.places):
            for item in group:
                self.names[item.id] = item.name
        for time in report.times:
            self.names[time.id] = time.value or time.text

    def __call__(self, ident: str | None, fallback: str = "?") -> str:
        return self.names.get(ident, fallback) if ident else fallback


def report_markdown(report: Report) -> str:
    a = report.article
    name = _Names(report)
    title = a.title or a.id
    lines = [f"## {title}", ""]
    meta = [x for x in (a.outlet, a.published, ", ".join(a.authors) or None, a.dateline) if x]
    if meta:
        lines += [" · ".join(meta), ""]
    lines.append(f"**Forces** ({len(report.forces)})")
    for f in report.forces:
        where = name(f.place, f.place_country or "?")
        when = name(f.time, "")
        lines.append(
            f"- {name(f.owner, f.owner_country or '?')}: {_count(f.count.value, f.count.bound, f.count.value_max)} "
            f"{f.force} in {where} ({f.status}{', ' + when if when else ''}) — “{_flat(f.evidence.text)}”"
        )
    lines += ["", f"**Events** ({len(report.events)})"]
    for e in report.events:
        parts = [e.type, e.status]
        if e.actor:
            parts.append(f"by {name(e.actor)}")
        if e.target:
            parts.append(f"on {name(e.target)}")
        if e.place:
            parts.append(f"at {name(e.place)}")
        if e.time:
            parts.append(f"when {name(e.time)}")
        lines.append(f"- {' '.join(parts)} — “{_flat(e.evidence.text)}”")
    lines += ["", f"**Quotes** ({len(report.quotes)})"]
    for q in report.quotes:
        speaker = name(q.speaker, q.speaker_text or "unknown")
        lines.append(f"- {speaker} ({q.kind}): “{_flat(q.text)}”")
    if report.claims or report.conflicts:
        lines += ["", f"**Claims** ({len(report.claims)}), **conflicts** ({len(report.conflicts)})"]
        for c in report.claims:
            lines.append(f"- {name(c.source, 'unnamed source')} {c.stance}: “{_flat(c.evidence.text)}”")
        for x in report.conflicts:
            lines.append(f"- conflict ({x.kind}): {x.note or ', '.join(x.items)}")
    return "\n".join(lines) + "\n"
