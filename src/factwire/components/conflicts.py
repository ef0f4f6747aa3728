"""factwire_conflicts: where the article's sources disagree.

Writes ``doc._.fw_conflicts`` (schema.Conflict, ids "x1".."):

- attribution: one claim accuses someone of (or asserts) an event and another denies it;
  items are the claim ids, accusation first.
- count: two force levels for the same owner, place, time and status give different counts;
  items are the force ids. Likewise two casualty figures for one event that cannot both hold
  (claims.py turns each into an "asserts" claim about the event); items are those claim ids.
"""

from __future__ import annotations

from itertools import combinations

from spacy.language import Language
from spacy.tokens import Doc

from .. import docext, schema
from .events_casualties import disjoint, figure_at
from .events_lexicon import Lexicon, load_lexicon

POSITIVE = ("accuses", "asserts")
NEGATIVE = ("denies", "doubts")


def _name(doc: Doc, ident: str | None) -> str:
    actor = docext.by_id(docext.records(doc, "fw_actors"), ident)
    return actor.name if actor is not None else "an unnamed source"


def attribution_conflicts(doc: Doc) -> list[tuple[list[str], str]]:
    claims: list[schema.Claim] = docext.records(doc, "fw_claims")
    events = docext.records(doc, "fw_events")
    out = []
    for about in dict.fromkeys(c.about for c in claims if c.about):
        pos = [c for c in claims if c.about == about and c.stance in POSITIVE]
        neg = [c for c in claims if c.about == about and c.stance in NEGATIVE]
        # a source that both accuses and denies is not a disagreement between sources
        pairs = [(p, n) for p in pos for n in neg if p.source is None or p.source != n.source]
        if not pairs:
            continue
        event = docext.by_id(events, about)
        what = f"{event.type.lower()} event {about}" if event is not None else f"event {about}"
        if event is not None and event.target:
            what += f" against {_name(doc, event.target)}"
        p, n = pairs[0]
        verb = {"accuses": "attributes", "asserts": "claims"}[p.stance]
        how = "denies" if n.stance == "denies" else "doubts"
        note = f"{_name(doc, p.source)} {verb} the {what}" + (
            f" to {_name(doc, event.actor)}" if event is not None and event.actor and p.stance == "accuses" else ""
        ) + f"; {_name(doc, n.source)} {how} it"
        items = list(dict.fromkeys([c.id for pair in pairs for c in pair]))
        out.append((items, note))
    return out


def _same(a_id, b_id, a_val, b_val) -> bool:
    """Same owner / place: by id when both have one, else by country."""
    if a_id is not None and b_id is not None:
        return a_id == b_id
    return a_val is not None and a_val == b_val


def _interval(count: schema.Count) -> tuple[float, float]:
    v = count.value
    if count.bound == "min":
        return v, float("inf")
    if count.bound == "max":
        return float("-inf"), v
    if count.bound == "approx":
        return v * 0.9, v * 1.1  # "about 2,500": within ten percent
    if count.bound == "range" and count.value_max is not None:
        return v, count.value_max
    return v, v


def _disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def count_conflicts(doc: Doc) -> list[tuple[list[str], str]]:
    forces: list[schema.Force] = docext.records(doc, "fw_forces")
    times = {t.id: t.value for t in docext.records(doc, "fw_times")}
    out = []
    for a, b in combinations(forces, 2):
        if a.status != b.status or a.force != b.force:
            continue
        if not _same(a.owner, b.owner, a.owner_country, b.owner_country):
            continue
        if not _same(a.place, b.place, a.place_country, b.place_country):
            continue
        ta, tb = times.get(a.time or ""), times.get(b.time or "")
        if ta != tb:
            continue
        if not _disjoint(_interval(a.count), _interval(b.count)):
            continue  # "up to 3,000" and "2,500" can both hold
        note = f"{a.force} of {_name(doc, a.owner) if a.owner else a.owner_country}: {a.evidence.text!r} vs {b.evidence.text!r}"
        out.append(([a.id, b.id], note))
    return out


def casualty_conflicts(doc: Doc, lex: Lexicon) -> list[tuple[list[str], str]]:
    """Figure claims (claims.py) about one event whose casualty figures are disjoint."""
    claims: list[schema.Claim] = docext.records(doc, "fw_claims")
    out = []
    for about in dict.fromkeys(c.about for c in claims if c.about):
        figures: dict[str, list[tuple[schema.Claim, schema.Range]]] = {}
        for span in doc.spans["fw_casualties"] if "fw_casualties" in doc.spans else []:
            if span.kb_id_ != about:
                continue
            claim = next(
                (c for c in claims if c.about == about and c.stance == "asserts" and c.evidence.start <= span.start_char < c.evidence.end),
                None,
            )
            rng = figure_at(lex, doc, span.root)
            if claim is not None and rng is not None:
                figures.setdefault(span.label_, []).append((claim, rng))
        for kind, found in figures.items():
            ids = [c.id for c, r in found if any(disjoint(r, other) for _, other in found)]
            if len(ids) < 2:
                continue
            texts = "; ".join(f"{_name(doc, c.source)}: {c.evidence.text!r}" for c, _ in found if c.id in ids)
            out.append((list(dict.fromkeys(ids)), f"{kind} of event {about} differ: {texts}"))
    return out


class ConflictFinder:
    def __init__(self, lex: Lexicon | None = None):
        self.lex = lex if lex is not None else load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        found = [("attribution", items, note) for items, note in attribution_conflicts(doc)]
        found += [("count", items, note) for items, note in count_conflicts(doc)]
        found += [("count", items, note) for items, note in casualty_conflicts(doc, self.lex)]
        doc._.fw_conflicts = [
            schema.Conflict(id=f"x{i}", kind=kind, items=items, note=note) for i, (kind, items, note) in enumerate(found, 1)
        ]
        return doc


@Language.factory(
    "factwire_conflicts",
    requires=["doc._.fw_claims", "doc._.fw_forces", "doc._.fw_events"],
    assigns=["doc._.fw_conflicts"],
)
def make_conflicts(nlp: Language, name: str) -> ConflictFinder:
    return ConflictFinder(load_lexicon())
