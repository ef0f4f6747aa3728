"""Where a force level is: the place of a factwire_forces record.

In order: a locative phrase on the figure, the force noun or the verbs holding it ("2,500 troops in
Iraq", "deployed to Saudi Arabia"); a place elsewhere in the clause; a country or region named
shortly before in the same paragraph; the country the document is about; the owner's own country.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from .. import schema
from ..docext import place_id_at
from .forces_rules import (
    LOCATIVE_PREPS,
    Anchor,
    clause_tokens,
    in_sentence_before,
    locative_pobjs,
    owner_tokens,
    paragraph_start,
)

# "the country" / "the region" refer back to the last place of that feature.
REFERRING_NOUNS = {"country": "country", "nation": "country", "region": "region", "area": "region"}
CONTEXT_FEATURES = frozenset({"country", "region"})
# How far back a place named before a force level may be taken as its place (same paragraph only)
CONTEXT_SENTENCES = 3
# The document's focus country: named at least this often, and this many times as often as the next
FOCUS_MIN_MENTIONS = 2
FOCUS_MARGIN = 2
CONTEXT_CHARS = 1000


class PlaceFinder:
    """Place lookups over one document's place records and mentions."""

    def __init__(self, doc: Doc, places: dict[str, schema.Place]):
        self.doc = doc
        self.places = places
        self.place_spans = sorted(doc.spans["fw_places"], key=lambda s: s.start) if "fw_places" in doc.spans else []

    def place_country(self, ident: str | None) -> str | None:
        place = self.places.get(ident) if ident else None
        return place.country if place else None

    def place(self, anchor: Anchor, owner_country: str | None) -> tuple[str | None, list[Token]]:
        """(place id, tokens of the phrase that gave it)."""
        # a bare figure's own phrase first ("and approximately 900 to Syria"); an elided noun's
        # phrases belong to the figure it was named with
        heads = [] if anchor.direct else [anchor.number]
        if not anchor.elided:
            heads.append(anchor.noun)
            if anchor.outer is not None:
                heads.append(anchor.outer)
        heads += [t for t in anchor.path if t.pos_ in ("VERB", "AUX")]
        if anchor.verb is not None and anchor.verb not in heads:
            heads.append(anchor.verb)
        for pobj in locative_pobjs(heads, LOCATIVE_PREPS):
            ident = self._place_in(pobj)
            if ident:
                return ident, [pobj.head, *pobj.subtree]
        excluded = {t.i for t in owner_tokens(anchor)}
        clause = [t for t in clause_tokens(anchor) if t.i not in excluded]
        home: str | None = None
        for token in sorted(clause, key=lambda t: abs(t.i - anchor.number.i)):
            ident = place_id_at(self.doc, token) or self._referred_place(token)
            if ident and self.place_country(ident) != owner_country:
                return ident, []
            home = home or ident
        # "the Taliban's 60,000 fighters control much of Afghanistan": at home, when nothing else is named
        return self._context_place(anchor, owner_country) or home, []

    def _place_in(self, pobj: Token) -> str | None:
        for token in [pobj, *pobj.subtree]:
            ident = place_id_at(self.doc, token) or self._referred_place(token)
            if ident:
                return ident
        return None

    def _referred_place(self, token: Token) -> str | None:
        """ "the country" -> the last country named before it."""
        feature = REFERRING_NOUNS.get(token.lower_)
        if feature is None or not any(c.lower_ in ("the", "that", "this") for c in token.lefts):
            return None
        for span in reversed(self.place_spans):
            place = self.places.get(span.kb_id_)
            if span.end <= token.i and place is not None and place.feature == feature:
                return place.id
        return None

    def _context_place(self, anchor: Anchor, owner_country: str | None) -> str | None:
        """The last country or region named shortly before in the same paragraph; else the
        country the document is about; the owner's own country from the window last."""
        start, end = in_sentence_before(self.doc, anchor.noun, CONTEXT_SENTENCES)
        # short lines (interview turns, headings) make many small sentences: look back far enough
        start = min(start, max(0, end - CONTEXT_CHARS))
        # a new paragraph often turns to another country: do not read across a blank line
        start = max(start, paragraph_start(self.doc.text, end))
        home = None
        for span in reversed(self.place_spans):
            place = self.places.get(span.kb_id_)
            if place is None or span.start_char < start or span.end_char > end or place.feature not in CONTEXT_FEATURES:
                continue
            if place.country is not None and place.country == owner_country:
                home = home or place.id
                continue
            return place.id
        return self._focus_country() or home

    def _focus_country(self) -> str | None:
        """The country named clearly most often in the document (at least twice), if any."""
        counts: Counter[str] = Counter()
        first: dict[str, str] = {}
        for span in self.place_spans:
            place = self.places.get(span.kb_id_)
            if place is None or place.feature != "country" or place.country is None:
                continue
            counts[place.country] += 1
            first.setdefault(place.country, place.id)
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < FOCUS_MIN_MENTIONS:
            return None
        if len(ranked) > 1 and ranked[1][1] * FOCUS_MARGIN > ranked[0][1]:
            return None  # two countries share the story: no single focus
        return first[ranked[0][0]]
