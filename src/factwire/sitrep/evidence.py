"""The evidence section: every fact the report shows, with the sentence it was read in.

Each fact gets one anchor (markup.anchor of its global id); tables, the map and the charts link to
it. The block shows the sentence with the fact's own span highlighted and the article it came from
(title, outlet, date, link), so a reader can check every figure against its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Evidence
from .markup import anchor, esc, safe_url

# Sentences can run long (the scan stops at 800 characters either side): show this much context.
_CONTEXT = 280
# A widely reported event can have hundreds of mentions: show the first few (earliest articles).
MENTIONS_SHOWN = 8


@dataclass
class EvidenceIndex:
    """The facts a report links to, in the order first linked."""

    entries: dict[str, tuple[str, list[Evidence]]] = field(default_factory=dict)

    def add(self, fact_id: str, label: str, evidence: list[Evidence]) -> str:
        """Register a fact (once) and return its anchor."""
        if fact_id not in self.entries:
            self.entries[fact_id] = (label, evidence)
        return anchor(fact_id)

    def __len__(self) -> int:
        return len(self.entries)

    def render(self) -> str:
        blocks = [render_block(fact_id, label, evs) for fact_id, (label, evs) in self.entries.items()]
        return "\n".join(blocks)


def highlighted_sentence(ev: Evidence) -> str:
    """The sentence around the fact, escaped, with the fact's span in <mark>."""
    sentence = ev.sentence
    lo = max(0, min(len(sentence), ev.start - ev.sentence_start))
    hi = max(lo, min(len(sentence), ev.end - ev.sentence_start))
    if lo == hi and ev.text and ev.text in sentence:
        # offsets outside the stored sentence: fall back to finding the span's text in it
        lo = sentence.index(ev.text)
        hi = lo + len(ev.text)
    before, span, after = sentence[:lo], sentence[lo:hi], sentence[hi:]
    if len(before) > _CONTEXT:
        before = "…" + before[-_CONTEXT:]
    if len(after) > _CONTEXT:
        after = after[:_CONTEXT] + "…"
    if len(span) > 3 * _CONTEXT:
        span = span[: 3 * _CONTEXT] + "…"
    return f"{esc(before)}<mark>{esc(span)}</mark>{esc(after)}"


def source_line(ev: Evidence) -> str:
    title = esc(ev.article_title or ev.article_id)
    url = safe_url(ev.article_url)
    linked = f'<a href="{esc(url)}" rel="noopener noreferrer" target="_blank">{title}</a>' if url else title
    parts = [linked]
    if ev.outlet:
        parts.append(esc(ev.outlet))
    if ev.published:
        parts.append(esc(ev.published))
    where = f"@{ev.start}–{ev.end}" if not ev.article_title else f"{ev.article_id} @{ev.start}–{ev.end}"
    parts.append(f'<span class="muted">{esc(where)}</span>')
    return " · ".join(parts)


def render_block(fact_id: str, label: str, evidence: list[Evidence]) -> str:
    quotes = "\n".join(
        f'<blockquote class="sentence">{highlighted_sentence(ev)}</blockquote><p class="source">{source_line(ev)}</p>'
        for ev in evidence[:MENTIONS_SHOWN]
    )
    if len(evidence) > MENTIONS_SHOWN:
        quotes += f'<p class="capped">and {len(evidence) - MENTIONS_SHOWN:,} more reports of this event.</p>'
    return (
        f'<div class="evidence" id="{anchor(fact_id)}">'
        f'<h4>{esc(label)} <span class="fact-id">{esc(fact_id)}</span></h4>\n{quotes}</div>'
    )
