"""The report's header, quotes grouped by speaker, and conflicts with their items side by side."""

from __future__ import annotations

from ..records import ConflictRecord, Filters, QuoteRecord
from .data import SitrepData
from .evidence import EvidenceIndex, highlighted_sentence, source_line
from .markup import anchor, esc, evidence_link, more_note

_FILTER_NAMES = ("actor", "country", "place", "type", "since", "until", "text", "article")


def active_filters(filters: Filters) -> list[tuple[str, str]]:
    return [(name, str(getattr(filters, name))) for name in _FILTER_NAMES if getattr(filters, name) is not None]


def header_section(data: SitrepData, evidence_count: int) -> str:
    first, last = data.date_range()
    filters = active_filters(data.filters)
    shown = ", ".join(f"{esc(k)} = <code>{esc(v)}</code>" for k, v in filters) if filters else "none (the whole corpus)"
    mentions = sum(len(e.mentions) for e in data.events.items)
    counts = [
        ("articles", data.articles.total),
        ("events", data.events.total),
        ("event mentions shown", mentions),
        ("force levels", data.force_points),
        ("force theatres", len({t.place_country or t.place for t in data.timelines})),
        ("quotes", data.quotes.total),
        ("conflicts", data.conflicts.total),
        ("facts with evidence", evidence_count),
    ]
    cells = "".join(f'<div class="count"><b>{n:,}</b><span>{esc(label)}</span></div>' for label, n in counts)
    meta = []
    if data.corpus:
        meta.append(f"Corpus: <code>{esc(data.corpus)}</code>")
    meta.append(f"Filters: {shown}")
    meta.append(f"Dates: {esc(first or 'unknown')} to {esc(last or 'unknown')}")
    if data.generated:
        meta.append(f"Generated {esc(data.generated)} by factwire")
    return (
        f'<header id="top"><h1>{esc(data.title)}</h1><p class="meta">{" · ".join(meta)}</p>'
        f'<div class="counts">{cells}</div></header>'
    )


def speaker_name(quote: QuoteRecord) -> str:
    if quote.speaker is not None:
        return quote.speaker.name
    return quote.speaker_text or "Unattributed"


def quotes_section(quotes: list[QuoteRecord], total: int, per_speaker: int, index: EvidenceIndex) -> str:
    if not quotes:
        return '<p class="empty">No quotes match these filters.</p>'
    groups: dict[str, list[QuoteRecord]] = {}
    for q in quotes:
        groups.setdefault(speaker_name(q), []).append(q)
    html = []
    for speaker, items in sorted(groups.items(), key=lambda kv: (kv[0] == "Unattributed", -len(kv[1]), kv[0])):
        first = items[0].speaker
        country = f" ({esc(first.country)})" if first is not None and first.country else ""
        lis = []
        for q in items[:per_speaker]:
            text = q.text if len(q.text) <= 600 else q.text[:600] + "…"
            index.add(q.id, f"Quote ({q.kind}) by {speaker}", [q.evidence])
            # direct and partial quotes are shown in quotation marks unless their text already has them
            marked = q.kind == "indirect" or text[:1] in "\"“‘'"
            opener, closer = ("", "") if marked else ("“", "”")
            lis.append(
                f'<li><span class="kind">{esc(q.kind)}</span> {opener}{esc(text)}{closer} '
                f'<span class="muted">— {esc(q.evidence.outlet or q.evidence.article_id)}, {esc(q.evidence.published or "undated")}</span> '
                f"{evidence_link(q.id)}</li>"
            )
        html.append(
            f'<section class="speaker"><h3>{esc(speaker)}{country} <span class="muted">{len(items)} quote(s)</span></h3>'
            f'<ul class="quotes">{"".join(lis)}</ul>{more_note(len(lis), len(items), "quotes by this speaker")}</section>'
        )
    return "\n".join(html) + more_note(len(quotes), total, "quotes")


def conflicts_section(conflicts: list[ConflictRecord], total: int, index: EvidenceIndex) -> str:
    if not conflicts:
        return '<p class="empty">No conflicting reports match these filters.</p>'
    html = []
    for c in sorted(conflicts, key=lambda c: (c.scope != "corpus", c.kind, c.id)):
        cols = []
        for item in c.items:
            index.add(item.fact_id, item.summary, [item.evidence])
            cols.append(
                f'<div class="side"><p class="summary"><span class="kind">{esc(item.kind)}</span> {esc(item.summary)}</p>'
                f'<blockquote class="sentence">{highlighted_sentence(item.evidence)}</blockquote>'
                f'<p class="source">{source_line(item.evidence)} {evidence_link(item.fact_id)}</p></div>'
            )
        html.append(
            f'<article class="conflict scope-{esc(c.scope)}" id="{anchor(c.id).replace("ev-", "cf-")}">'
            f'<h3><span class="badge">{esc(c.kind)}</span> <span class="badge scope">{esc(c.scope)}</span> {esc(c.note or "")}'
            f' <span class="fact-id">{esc(c.id)}</span></h3><div class="sides">{"".join(cols)}</div></article>'
        )
    return "\n".join(html) + more_note(len(conflicts), total, "conflicts")
