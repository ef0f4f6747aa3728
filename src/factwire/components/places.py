"""factwire_places: place mentions, resolved to countries, divisions, cities, bases, regions and seas.

Writes `doc._.fw_places` (schema.Place, ids "p1", "p2"... in order of first mention, one per
distinct place with all its mentions) and the span group "fw_places" (kb_id_ = place id).

Mentions come from three readers:
- the dateline ("WASHINGTON –"), which always names a place;
- a gazetteer scan for countries, divisions, bases, facilities, regions and seas
  (places_gazetteer.py), which finds what NER misses ("al-Assad air base" tagged ORG + noun);
- spaCy's GPE/LOC/FAC entities, resolved against the gazetteer including cities.
A mention naming a state as an agent or owner ("Iran fired", "Iran's proxies", "U.S. forces")
is left to the actors component (places_syntax.py). Cities are chosen by a population prior,
by the countries and states the rest of the document names, and by nearness to the readings of
its other town and county names (places_score.py), and by where the article's outlet is: its
country-code domain and the home town its name spells ("palestineherald.com", places_outlet.py).
A country's name is the home country's town or state in a story that names no other country
and ties that town down ("Lebanon" beside "Zionsville", Indiana). The gazetteer is built once
and cached on disk (places_cache.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import schema
from ..docext import evidence
from .places_gazetteer import Context, Entry, Gazetteer, name_key, state_key
from .places_fallback import fallback
from .places_outlet import outlet_country, outlet_letters
from .places_spans import _capitalised, _drop_direction, _find_at_line_start, _is_person_actor, _may_start_name, _person_words, _scan_prior, _trim
from .places_syntax import used_as_place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_COUNTY_WORDS = frozenset({"county", "counties", "parish", "parishes"})
# Entities a scan match must not be cut out of ("Bank of America", "New York Times").
# The country of an outlet's country-code domain counts as one country named in the text (a
# dateline's country counts 2.0).
OUTLET_COUNTRY_WEIGHT = 1.0
BLOCKING_LABELS = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})


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
    default_config={"min_city_population": 500, "max_scan_words": 8},
)
def make_places(nlp: Language, name: str, min_city_population: int, max_scan_words: int):
    return PlacesComponent(Gazetteer.cached(min_city_population=min_city_population), max_scan_words)


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
        return self._read(doc)[0]

    def _read(self, doc: Doc) -> tuple[list[Mention], list[Mention]]:
        """The mentions, and the hints: names inside organisations' names ("Edgar County
        Sheriff's Office") that are no place mentions but tell where the story is."""
        taken, unresolved_ner, context, dateline, hints = self._gather(doc)
        for m in taken:
            if m.source == "scan" and any(e.source == "city" for e in self.gazetteer.candidates(m.text)):
                # "Kirkuk", "Washington": a division's name that is also a city's is weighed like NER's
                m.entry = self.gazetteer.resolve(m.text, _beside(doc[m.start:m.end], taken, context)) or m.entry
        people = _person_words(doc) if unresolved_ner else set()
        for span in unresolved_ner:
            entry, span = self._resolve_span(span, taken, context)
            if entry is None:
                entry = self._last_reading(span, taken, context, people)
            if entry is not None and entry.source == "city" and not span.text[:1].isupper():
                entry = None  # "metro": a common noun NER took for a name, not the town called Metro
            mention = Mention(span.start, span.end, entry, span.text, "ner")
            # an entity the scan only partly covered ("Kansas City" over "Kansas") replaces it
            taken = [m for m in taken if not (m.source == "scan" and _overlaps(m, mention))]
            taken.append(mention)
        taken.sort(key=lambda m: m.start)
        # second reading: each name again, with what the other names were read as (the towns'
        # states and countries now count too: "Jackson" beside "Athens" and "Oconee County")
        rereads = [(m, self._reread(doc, m, taken, dateline, hints)) for m in taken]
        for m, entry in rereads:
            m.entry = entry
        return taken, hints

    def _reread(self, doc: Doc, m: Mention, taken: list[Mention], dateline: Mention | None, hints: list[Mention]) -> Entry | None:
        if m.source == "dateline" and m.entry is not None and m.entry.source != "city":
            return m.entry
        if m.source == "scan" and m.entry is not None and m.entry.source not in ("admin", "county", "country"):
            return m.entry  # bases, seas, continents: one reading
        local = _beside(doc[m.start:m.end], taken, self.context(doc, taken + hints, dateline, skip=name_key(m.text)))
        entry = self.gazetteer.resolve(m.text, local)
        if entry is not None and entry.source == "city" and not m.text[:1].isupper():
            return None if m.source == "ner" else m.entry  # "metro": a common noun, not the town
        return entry or m.entry

    def resolve_spans(self, doc: Doc, spans: list[tuple[int, int]]) -> list[Entry | None]:
        """Resolve given character spans (e.g. a gold set's toponyms) as this component would,
        with the context (countries, divisions, the place named right after) read from `doc`."""
        taken, hints = self._read(doc)
        dateline = next((m for m in taken if m.source == "dateline"), None)
        people = _person_words(doc)
        resolved: list[Entry | None] = []
        for start, end in spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                resolved.append(None)
                continue
            span = _trim(span) or span
            context = self.context(doc, taken + hints, dateline, skip=name_key(span.text))
            entry, _ = self._resolve_span(span, taken, context)
            if entry is None and doc.text[start:end] != span.text:
                # the span cuts a token ("U.S." of "U.S.-led", "Calif" of "Calif."): the name as
                # given, or as written with the full stop that makes it an AP abbreviation
                given = doc.text[start:end]
                if doc.text[end:end + 1] == "." and self.gazetteer.by_exact.get("".join(given.split()) + "."):
                    given += "."
                entry = self.gazetteer.resolve(given, _beside(span, taken, context))
            if entry is None:
                entry = self._last_reading(span, taken, context, people)
            resolved.append(entry)
        return resolved

    def _gather(self, doc: Doc) -> tuple[list[Mention], list[Span], Context, Mention | None, list[Mention]]:
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
        hints = [m for m in self.scan(doc, inside_names=True) if not _overlaps_any(m, taken)]
        return taken, unresolved_ner, self.context(doc, taken + hints, dateline), dateline, hints

    def _resolve_span(self, span: Span, taken: list[Mention], context: Context) -> tuple[Entry | None, Span]:
        local = _beside(span, taken, context)
        county = self._county_in_list(span, local)
        if county is not None:
            return county, span
        doc = span.doc
        if doc.text[span.end_char:span.end_char + 1] == "." and self.gazetteer.by_exact.get("".join(span.text.split()) + "."):
            return self.gazetteer.resolve(span.text + ".", local), span  # "Man." is Manitoba, not the town of Man
        entry = self.gazetteer.resolve(span.text, local)
        if entry is None and span.text != _drop_direction(span).text:
            span = _drop_direction(span)
            entry = self.gazetteer.resolve(span.text, local)
        return entry, span

    def _last_reading(self, span: Span, taken: list[Mention], context: Context, people: set[str]) -> Entry | None:
        """A name with no reading at all: "Platte Co.", "Avoyelles", "Ohioans" (places_fallback.py),
        unless it names a person ("Hall said": NER's GPE for a surname)."""
        if span.text in people or _is_person_actor(span.doc, span):
            return None
        return fallback(self.gazetteer, span.text, _beside(span, taken, context))

    def _county_in_list(self, span: Span, context: Context) -> Entry | None:
        """"Barrow, Clarke and Oconee counties", "Butler County": a bare name in a list that a
        "county"/"counties" (or "parish") closes is that county."""
        doc = span.doc
        for token in doc[span.end:min(span.end + 40, len(doc))]:  # a list of up to ~20 names
            word = token.lower_
            if word in _COUNTY_WORDS:
                suffix = "Parish" if word.startswith("parish") else "County"
                entry = self.gazetteer.resolve(f"{span.text} {suffix}", context)
                return entry if entry is not None and entry.source == "county" else None
            if not (token.is_punct and token.text == ",") and token.lower_ not in ("and", "or", "&") and not token.text[:1].isupper():
                return None
        return None

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

    def scan(self, doc: Doc, inside_names: bool = False) -> list[Mention]:
        """Longest gazetteer names (countries, divisions, bundled, continents) left to right."""
        blocked = [] if inside_names else [e for e in doc.ents if e.label_ in BLOCKING_LABELS]
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

    def context(self, doc: Doc, mentions: list[Mention], dateline: Mention | None, skip: str | None = None) -> Context:
        """Countries and divisions the document's places lie in (weighted by mentions), and its
        towns' points: the prior for cities and counties. Mentions of the name being resolved
        (`skip`, a name_key), and mentions read as a place of that name, are left out, so "Georgia"
        x4 does not vote for its own first reading."""
        weights: dict[str, float] = {}
        states: dict[str, float] = {}
        points: list[tuple[str, float, float]] = []
        for m in mentions:
            e = m.entry
            if e is None or (skip is not None and skip in (name_key(m.text), name_key(e.name))):
                continue  # the name itself, also as read elsewhere ("Dublin City", "Clarke" -> Clarke County)
            # a town tells less about the country than a country or division named outright
            share = 0.5 if e.source == "city" else 1.0
            if e.country is not None:
                weights[e.country] = weights.get(e.country, 0.0) + share
            key = state_key(e)
            if key is not None:
                states[key] = states.get(key, 0.0) + share
                if e.source == "city" and e.lat is not None and e.lon is not None:
                    points.append((key, e.lat, e.lon))
        article = doc._.fw_article
        line = getattr(article, "dateline", None) if article is not None else None
        if line and "," in line:
            near = self.gazetteer.resolve(line.partition(",")[2].strip())
            if near is not None and near.country is not None:
                weights[near.country] = weights.get(near.country, 0.0) + 2.0
        home = tuple(self.gazetteer.outlet_towns(outlet_letters(article))) if article is not None else ()
        # the outlet's country-code domain: a weaker prior than a dateline's country (places_outlet.py)
        outlet_iso3 = outlet_country(article, self.gazetteer.tld_country) if article is not None else None
        if outlet_iso3 is not None:
            weights[outlet_iso3] = weights.get(outlet_iso3, 0.0) + OUTLET_COUNTRY_WEIGHT
        admins = tuple(m.entry for m in mentions if m.entry is not None and m.entry.source == "admin")
        return Context(countries=weights, admins=admins, states=states, points=tuple(points),
                       neighbours=self._neighbours(mentions, skip, home), outlet=home)

    def _neighbours(self, mentions: list[Mention], skip: str | None, home: tuple[str, ...] = ()) -> tuple[tuple[float, tuple[tuple[float, float], ...]], ...]:
        """Every reading of each other town or county name (once per name): where the document
        may be. A name with many readings ("Springfield") says less than one with few. The town
        the outlet's name spells ("columbuslocalnews") counts as one more such name: a local
        paper reports on the towns around its own."""
        seen: set[str] = set()
        out = []
        names = [m.text for m in mentions if m.entry is not None and m.entry.source in ("city", "county") and m.text[:1].isupper()]
        for name in names + [town.title() for town in home]:
            key = name_key(name)
            if key == skip or key in seen:
                continue  # a country's or state's name speaks through the country and state priors
            seen.add(key)
            points = tuple((e.lat, e.lon) for e in self.gazetteer.candidates(name)
                           if e.source in ("city", "county") and e.lat is not None and e.lon is not None)
            if points:
                out.append((1.0 if len(points) <= 3 else 0.5 if len(points) <= 15 else 0.25, points))
        return tuple(out)

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


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _overlaps_any(m: Mention, others: list[Mention]) -> bool:
    return any(_overlaps(m, o) for o in others)


def _is_person(doc: Doc, m: Mention, people: set[str]) -> bool:
    if m.source == "dateline" or m.entry is not None:
        return False
    span = doc[m.start:m.end]
    return span.text in people or _is_person_actor(doc, span)


