"""factwire_places: place mentions, resolved to countries, divisions, cities, bases, regions and seas.

Writes `doc._.fw_places` (schema.Place, ids "p1", "p2"... in order of first mention, one per
distinct place with all its mentions) and the span group "fw_places" (kb_id_ = place id).

Mentions come from three readers:
- the dateline ("WASHINGTON –"), which always names a place;
- a gazetteer scan for countries, divisions, bases, facilities, regions and seas
  (places_gazetteer.py), which finds what NER misses ("al-Assad air base" tagged ORG + noun);
- spaCy's GPE/LOC/FAC entities, resolved against the gazetteer including cities.
A mention naming a state as an agent or owner ("Iran fired", "Iran's proxies", "U.S. forces")
is left to the actors component (places_syntax.py). Cities are chosen by a population prior
and by the countries the rest of the document names.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import schema
from ..docext import evidence, records
from .places_gazetteer import Context, Entry, Gazetteer
from .places_syntax import used_as_place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities a scan match must not be cut out of ("Bank of America", "New York Times").
BLOCKING_LABELS = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
# Directional words kept out of a place's name ("southern Syria" -> Syria).
DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern north-east north-west south-east south-west "
    "north-eastern north-western south-eastern south-western upper lower greater".split()
)


@dataclass
class Mention:
    start: int  # token indices into the doc
    end: int
    entry: Entry | None  # None: not in the gazetteer (a fallback place named from the text)
    text: str  # the name as written, without "the" or a direction word
    source: str  # "dateline" | "scan" | "ner"


@Language.factory(
    "factwire_places",
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.fw_places", "doc.spans"],
    default_config={"min_city_population": 15000, "max_scan_words": 8},
)
def make_places(nlp: Language, name: str, min_city_population: int, max_scan_words: int):
    return PlacesComponent(Gazetteer(min_city_population=min_city_population), max_scan_words)


class PlacesComponent:
    def __init__(self, gazetteer: Gazetteer, max_scan_words: int = 8):
        self.gazetteer = gazetteer
        self.max_words = min(max_scan_words, gazetteer.max_scan_words)

    def __call__(self, doc: Doc) -> Doc:
        every = self.find_all(doc)
        places, spans = group(doc, self.filter(doc, every))
        doc._.fw_places = places
        doc.spans["fw_places"] = spans
        # every place name, also those standing for an actor ("Iran fired"): what a geoparser
        # (and its benchmarks) calls a toponym; the Report keeps only places used as locations
        people = _person_words(doc)
        doc.spans["fw_toponyms"] = [
            Span(doc, m.start, m.end, label=m.entry.feature if m.entry else "other")
            for m in every
            if not _is_person(doc, m, people)
        ]
        return doc

    # --- finding -------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[Mention]:
        """Place mentions used as locations (the filter drops states acting or owning)."""
        return self.filter(doc, self.find_all(doc))

    def find_all(self, doc: Doc) -> list[Mention]:
        """Every name mention of a place, resolved, whatever its role in the sentence."""
        taken, unresolved_ner, context, dateline = self._gather(doc)
        for m in taken:
            if m.source == "scan" and any(e.source == "city" for e in self.gazetteer.candidates(m.text)):
                # "Kirkuk", "Washington": a division's name that is also a city's is weighed like NER's
                m.entry = self.gazetteer.resolve(m.text, _beside(doc[m.start:m.end], taken, context)) or m.entry
        for span in unresolved_ner:
            entry, span = self._resolve_span(span, taken, context)
            if entry is not None and entry.source == "city" and not span.text[:1].isupper():
                entry = None  # "metro": a common noun NER took for a name, not the town called Metro
            mention = Mention(span.start, span.end, entry, span.text, "ner")
            # an entity the scan only partly covered ("Kansas City" over "Kansas") replaces it
            taken = [m for m in taken if not (m.source == "scan" and _overlaps(m, mention))]
            taken.append(mention)
        if dateline is not None and dateline.entry is not None and dateline.entry.source == "city":
            # a dateline city is re-read with the document's countries ("BAGHDAD" -> Iraq)
            dateline.entry = self.gazetteer.resolve(dateline.text, context) or dateline.entry
        taken.sort(key=lambda m: m.start)
        return taken

    def resolve_spans(self, doc: Doc, spans: list[tuple[int, int]]) -> list[Entry | None]:
        """Resolve given character spans (e.g. a gold set's toponyms) as this component would,
        with the context (countries, divisions, the place named right after) read from `doc`."""
        taken, _, context, _ = self._gather(doc)
        resolved: list[Entry | None] = []
        for start, end in spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                resolved.append(None)
                continue
            resolved.append(self._resolve_span(_trim(span) or span, taken, context)[0])
        return resolved

    def _gather(self, doc: Doc) -> tuple[list[Mention], list[Span], Context, Mention | None]:
        """Dateline and scan mentions, the NER spans still to resolve, and the document's context."""
        dateline = self.dateline(doc)
        taken: list[Mention] = [dateline] if dateline else []
        for mention in self.scan(doc):
            if not _overlaps_any(mention, taken):
                taken.append(mention)
        unresolved_ner: list[Span] = []
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            trimmed = _trim(ent)
            if trimmed is None:
                continue
            inside = [m for m in taken if m.start < ent.end and ent.start < m.end]
            if any(m.source == "dateline" for m in inside):
                continue
            if inside and all(m.start <= trimmed.start and m.end >= trimmed.end for m in inside):
                continue  # the scan already has this name, or a longer one around it
            unresolved_ner.append(trimmed)
        return taken, unresolved_ner, self.context(doc, taken, dateline), dateline

    def _resolve_span(self, span: Span, taken: list[Mention], context: Context) -> tuple[Entry | None, Span]:
        local = _beside(span, taken, context)
        entry = self.gazetteer.resolve(span.text, local)
        if entry is None and span.text != _drop_direction(span).text:
            span = _drop_direction(span)
            entry = self.gazetteer.resolve(span.text, local)
        return entry, span

    def dateline(self, doc: Doc) -> Mention | None:
        article = doc._.fw_article
        line = getattr(article, "dateline", None) if article is not None else None
        if not line:
            return None
        place, _, country = line.partition(",")
        place = place.strip()
        head = doc.text[:400]
        at = _find_at_line_start(head, place)
        if at is None:
            return None
        span = doc.char_span(at, at + len(place), alignment_mode="expand")
        if span is None:
            return None
        near = self.gazetteer.resolve(country.strip()) if country.strip() else None
        context = Context(near_country=near.country if near else None, near_admin=near if near and near.feature == "admin" else None)
        entry = self.gazetteer.resolve(place, context)
        name = place.title() if place.isupper() else place
        return Mention(span.start, span.end, entry, name, "dateline")

    def scan(self, doc: Doc) -> list[Mention]:
        """Longest gazetteer names (countries, divisions, bundled, continents) left to right."""
        blocked = [e for e in doc.ents if e.label_ in BLOCKING_LABELS]
        found: list[Mention] = []
        i = 0
        while i < len(doc):
            best: Mention | None = None
            if _may_start_name(doc[i]):
                for n in range(min(self.max_words, len(doc) - i), 0, -1):
                    span = doc[i:i + n]
                    if not _capitalised(span) or "\n" in span.text:
                        continue
                    if span[-1].is_punct and not self.gazetteer.by_exact.get("".join(span.text.split())):
                        continue  # a name ends before the full stop, unless it is "Fla."
                    entries = self.gazetteer.candidates(span.text, scan_only=True)
                    if not entries:
                        continue
                    if any(b.start <= span.start and span.end <= b.end and len(b) > len(span) for b in blocked):
                        continue
                    trimmed = _trim(span) or span
                    entry = max(entries, key=lambda e: _scan_prior(e))
                    best = Mention(span.start, span.end, entry, trimmed.text, "scan")
                    break
            if best is not None:
                found.append(best)
                i = best.end
            else:
                i += 1
        return found

    def context(self, doc: Doc, mentions: list[Mention], dateline: Mention | None) -> Context:
        """Countries the document names (weighted by mentions): the prior for cities."""
        weights: dict[str, float] = {}
        for m in mentions:
            if m.entry is not None and m.entry.country is not None and m.entry.source != "city":
                weights[m.entry.country] = weights.get(m.entry.country, 0.0) + 1.0
        article = doc._.fw_article
        line = getattr(article, "dateline", None) if article is not None else None
        if line and "," in line:
            near = self.gazetteer.resolve(line.partition(",")[2].strip())
            if near is not None and near.country is not None:
                weights[near.country] = weights.get(near.country, 0.0) + 2.0
        admins = tuple(m.entry for m in mentions if m.entry is not None and m.entry.source == "admin")
        return Context(countries=weights, admins=admins)

    def filter(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        people = _person_words(doc)
        kept: list[Mention] = []
        place_tokens = {i for m in mentions for i in range(m.start, m.end)}
        for m in mentions:
            if m.source == "dateline":
                kept.append(m)
                continue
            span = doc[m.start:m.end]
            if _is_person(doc, m, people):
                continue  # "Mackenzie said": a surname NER mistook for a place
            feature = m.entry.feature if m.entry is not None else "other"
            others = place_tokens - set(range(m.start, m.end))
            if used_as_place(span, feature, others):
                kept.append(m)
        return kept


# --- grouping into records -------------------------------------------------------------------

def group(doc: Doc, mentions: list[Mention]) -> tuple[list[schema.Place], list[Span]]:
    places: list[schema.Place] = []
    by_key: dict[tuple, schema.Place] = {}
    spans: list[Span] = []
    for m in mentions:
        key = m.entry.ident if m.entry is not None else ("text", m.text.lower())
        place = by_key.get(key)
        if place is None:
            place = _record(f"p{len(places) + 1}", m)
            by_key[key] = place
            places.append(place)
        span = Span(doc, m.start, m.end, kb_id=place.id)
        spans.append(span)
        place.mentions.append(evidence(doc, span.start_char, span.end_char))
    return places, spans


def _record(ident: str, m: Mention) -> schema.Place:
    e = m.entry
    if e is None:
        # not in the gazetteer: the name as written, and no coordinates rather than invented ones
        return schema.Place(id=ident, name=m.text, feature="other")
    return schema.Place(id=ident, name=e.name, country=e.country, lat=e.lat, lon=e.lon, geonameid=e.geonameid, feature=e.feature)  # type: ignore[arg-type]


# --- small helpers ---------------------------------------------------------------------------

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


def _beside(span: Span, mentions: list[Mention], context: Context) -> Context:
    """`context` plus the country or division named right after ("Baghdad, Iraq", "Paris, Texas")."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return context
    after = next((m for m in mentions if m.start == span.end + 1 and m.entry is not None), None)
    if after is None or after.entry.source not in ("country", "admin"):
        return context
    admin = after.entry if after.entry.source == "admin" else None
    return replace(context, near_country=after.entry.country, near_admin=admin)


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


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _overlaps_any(m: Mention, others: list[Mention]) -> bool:
    return any(_overlaps(m, o) for o in others)


def _person_words(doc: Doc) -> set[str]:
    """Surnames of the PERSON entities: the same word tagged LOC elsewhere is that person."""
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            words.add(ent.text)
            words.add(ent[-1].text)
    return words


def _is_person(doc: Doc, m: Mention, people: set[str]) -> bool:
    if m.source == "dateline" or m.entry is not None:
        return False
    span = doc[m.start:m.end]
    return span.text in people or _is_person_actor(doc, span)


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
