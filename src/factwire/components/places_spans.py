"""Span helpers for factwire_places: trimming names, finding the dateline, telling people apart."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..docext import records
from .places_score import Entry

# Directional words kept out of a place's name ("southern Syria" -> Syria).
DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern north-east north-west south-east south-west "
    "north-eastern north-western south-eastern south-western upper lower greater".split()
)


def _trim(span: Span) -> Span | None:
    """Drop a leading "the" and a trailing possessive; None when nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "'s", "’s"):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


def _drop_direction(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in DIRECTIONS:
        start += 1
    return span.doc[start:span.end]


def _find_at_line_start(text: str, place: str) -> int | None:
    at = text.find(place)
    while at != -1:
        if at == 0 or text[:at].rstrip(" \t").endswith("\n") or text[:at].strip() == "":
            return at
        at = text.find(place, at + 1)
    return None


def _person_words(doc: Doc) -> set[str]:
    """Surnames of the PERSON entities: the same word tagged LOC elsewhere is that person."""
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            words.add(ent.text)
            words.add(ent[-1].text)
    return words


def _is_person_actor(doc: Doc, span: Span) -> bool:
    # the actors component (run before this one) may know the name is a person
    if "fw_actors" not in doc.spans:
        return False
    actors = {a.id: a for a in records(doc, "fw_actors")}
    for s in doc.spans["fw_actors"]:
        if s.start <= span.start and span.end <= s.end:
            actor = actors.get(s.kb_id_)
            if actor is not None and actor.kind == "person":
                return True
    return False


def _scan_prior(entry: Entry) -> float:
    order = {"country": 4, "bundled": 3, "continent": 2, "admin": 1}
    return order.get(entry.source, 0)


def _may_start_name(token) -> bool:
    return token.is_alpha or token.text[:1].isupper() or token.lower_ == "the"


def _capitalised(span: Span) -> bool:
    words = [t for t in span if t.is_alpha]
    if not words or span[0].is_punct:
        return False
    return any(t.text[:1].isupper() for t in words if t.lower_ not in ("the", "al", "el"))
