"""The Doc attributes factwire's components read and write, and small helpers over them.

Components communicate only through these: each record list holds contract models
(`factwire.schema`), and each span group holds the mentions behind them, with
``span.kb_id_`` set to the record's id. Nothing is kept in module state.

| attribute / span group       | written by          | holds                                   |
|------------------------------|---------------------|-----------------------------------------|
| doc._.fw_article             | pipeline            | the `Article` (published date, dateline) |
| doc._.fw_actors, "fw_actors" | factwire_actors     | `Actor` records; named mentions          |
| "fw_actor_refs"              | factwire_actors     | pronoun / title references to actors     |
| "fw_nationalities"           | factwire_actors     | demonyms; label ISO3 or "identity"       |
| doc._.fw_places, "fw_places" | factwire_places     | `Place` records; mentions                |
| "fw_toponyms"                | factwire_places     | every place name, actor uses included    |
| doc._.fw_times, "fw_times"   | factwire_times      | `Time` records; one span each            |
| doc._.fw_quantities, "fw_quantities" | factwire_quantities | `Quantity` records                |
| doc._.fw_equipment, "fw_equipment"   | factwire_equipment  | `Equipment` records; mentions     |
| doc._.fw_forces              | factwire_forces     | `Force` records                          |
| doc._.fw_events, "fw_events" | factwire_events     | `Event` records; one span per trigger    |
| doc._.fw_quotes              | factwire_quotes     | `Quote` records                          |
| doc._.fw_claims              | factwire_claims     | `Claim` records                          |
| doc._.fw_conflicts           | factwire_conflicts  | `Conflict` records                       |
"""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span, Token

from . import schema

RECORD_ATTRS = (
    "fw_article",
    "fw_actors",
    "fw_places",
    "fw_times",
    "fw_quantities",
    "fw_equipment",
    "fw_forces",
    "fw_events",
    "fw_quotes",
    "fw_claims",
    "fw_conflicts",
)


def register_extensions() -> None:
    """Declare the attributes once per process; safe to call repeatedly."""
    for name in RECORD_ATTRS:
        if not Doc.has_extension(name):
            # default None, never a list: a shared mutable default would leak between docs
            Doc.set_extension(name, default=None)


register_extensions()


def records(doc: Doc, attr: str) -> list:
    """The record list `attr` of `doc`, or [] when its component has not run."""
    value = getattr(doc._, attr)
    return value if value is not None else []


def evidence(doc: Doc, start_char: int, end_char: int) -> schema.Span:
    """A contract Span over doc characters (report.py re-slices text from the article)."""
    return schema.Span(start=start_char, end=end_char, text=doc.text[start_char:end_char])


def span_evidence(span: Span) -> schema.Span:
    return evidence(span.doc, span.start_char, span.end_char)


def spans_covering(doc: Doc, group: str, token: Token) -> list[Span]:
    """Spans of `group` that contain `token`."""
    if group not in doc.spans:
        return []
    return [s for s in doc.spans[group] if s.start <= token.i < s.end]


def spans_in(doc: Doc, group: str, start: int, end: int) -> list[Span]:
    """Spans of `group` lying within tokens [start, end)."""
    if group not in doc.spans:
        return []
    return [s for s in doc.spans[group] if s.start >= start and s.end <= end]


def by_id(items: Iterable, ident: str | None):
    if ident is None:
        return None
    for item in items:
        if item.id == ident:
            return item
    return None


def actor_id_at(doc: Doc, token: Token) -> str | None:
    """The actor a token names or refers to (named mention first, then pronoun/title)."""
    for group in ("fw_actors", "fw_actor_refs"):
        found = spans_covering(doc, group, token)
        if found:
            # the longest mention is the most specific reading
            best = max(found, key=len)
            return best.kb_id_ or None
    return None


def place_id_at(doc: Doc, token: Token) -> str | None:
    found = spans_covering(doc, "fw_places", token)
    return max(found, key=len).kb_id_ or None if found else None


def time_id_at(doc: Doc, token: Token) -> str | None:
    found = spans_covering(doc, "fw_times", token)
    return max(found, key=len).kb_id_ or None if found else None
