"""Score factwire's actors, places, nationalities and equipment on Dstl's re3d gold set.

re3d (github.com/dstl/re3d) has one folder per source, each with `documents.json` and
`entities.json` (one JSON object a line, offsets into the document's `text`). Its entity types
and the factwire output each is compared with:

| re3d type        | factwire output                                                                  |
|------------------|----------------------------------------------------------------------------------|
| Person           | "fw_actors" and "fw_actor_refs" spans of kind person ("Gen. Votel", "he")        |
| Organisation     | "fw_actors"/"fw_actor_refs" spans of kind organisation, military, armed_group,    |
|                  | government, international_org, media; and a state's mention when the places       |
|                  | component did not read it as a place (re3d: "the UK said" is an Organisation,     |
|                  | "in Iraq" a Location)                                                             |
| Nationality      | "fw_nationalities" spans ("Iraqi", "Kurdish", "Yazidi"); a state mention that is  |
|                  | only such an adjective is a Nationality, not an Organisation                      |
| Location         | "fw_places" spans                                                                 |
| Weapon           | "fw_equipment" spans whose record has kind weapon                                 |
| MilitaryPlatform | "fw_equipment" spans whose record has kind platform                               |

re3d's Organisation and Person spans include their article ("the British Army", "the prime
minister"), factwire's mentions do not: a "the" right before a predicted mention joins it. A
state's mention that ends in a government noun ("the Asad regime") is an Organisation even where a
place reading overlaps it, and one followed by a force noun ("U.S. forces") takes the noun along.

Gold: entities with confidence > 0. re3d's annotation model gives confidence 0 to the
annotations its crowd did not confirm (they include "hope" and "may" as Person next to real
ones); those are *don't care*: not required, and a prediction that matches only such an entity
of its type is not counted at all.

Per type: exact-span P/R/F1 (same start and end) and overlap P/R/F1 (a gold entity is found
when some prediction of its type overlaps it; a prediction is right when it overlaps some gold
entity of its type). "Org+Person" sums the two types' counts (micro average). re3d has no
document dates; none are needed for these types.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..article import Article
from ..docext import records
from . import EvalResult, sample

TYPES = ("Organisation", "Person", "Nationality", "Location", "Weapon", "MilitaryPlatform")
ORG_KINDS = frozenset(["organisation", "military", "armed_group", "government", "international_org", "media"])
# nouns after a nationality adjective that make it name a group ("Iraqi forces", "Syrian people")
GROUP_HEADS = frozenset(
    "forces troops military army navy soldiers personnel people government officials authorities security "
    "partners allies fighters units opposition regime leaders delegation counterparts".split()
)
# a state's mention ending in one of these names its government, never a place
GOVERNMENT_HEADS = frozenset("government regime administration authorities cabinet ministry junta".split())
COMPONENTS = ("factwire_actors", "factwire_places", "factwire_equipment")
MAX_NOTES_PER_TYPE = 40

Spans = dict[str, set[tuple[int, int]]]  # type -> {(start, end)}


@dataclass
class GoldDoc:
    ident: str
    source: str
    text: str
    outlet: str | None = None  # documents.json's sourceName: the publisher ("UK Government")
    required: Spans = field(default_factory=lambda: defaultdict(set))
    optional: Spans = field(default_factory=lambda: defaultdict(set))


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    exact_tp_gold: int = 0  # gold found with the same span
    exact_tp_pred: int = 0
    exact_pred: int = 0  # predictions counted for exact precision (don't-care matches left out)
    overlap_tp_gold: int = 0
    overlap_tp_pred: int = 0

    def add(self, other: "Counts") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def prf(self, mode: str) -> tuple[float, float, float]:
        if mode == "exact":
            p = _ratio(self.exact_tp_pred, self.exact_pred)
            r = _ratio(self.exact_tp_gold, self.gold)
        else:
            p = _ratio(self.overlap_tp_pred, self.predicted)
            r = _ratio(self.overlap_tp_gold, self.gold)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def load(paths: list[Path]) -> list[GoldDoc]:
    """Every document under `paths` (folders searched for documents.json), sorted by source and id."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files += sorted(path.rglob("documents.json"))
        elif path.name == "documents.json":
            files.append(path)
        elif path.name == "entities.json":
            files.append(path.with_name("documents.json"))
    docs: dict[str, GoldDoc] = {}
    for file in files:
        source = file.parent.name
        for line in file.read_text(encoding="utf-8-sig").splitlines():
            if line.strip():
                raw = json.loads(line)
                docs[raw["_id"]] = GoldDoc(raw["_id"], source, raw["text"], raw.get("sourceName") or source)
        entities = file.with_name("entities.json")
        if not entities.exists():
            continue
        for line in entities.read_text(encoding="utf-8-sig").splitlines():
            if not line.strip():
                continue
            ent = json.loads(line)
            doc = docs.get(ent["documentId"])
            if doc is None or ent["type"] not in TYPES or not doc.text[ent["begin"]:ent["end"]].strip():
                continue
            span = _trim(doc.text, ent["begin"], ent["end"])
            target = doc.required if ent["confidence"] > 0 else doc.optional
            target[ent["type"]].add(span)
    return sorted(docs.values(), key=lambda d: (d.source, d.ident))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Gold spans sometimes carry a trailing space ("the U.S.-led "): compare the words only."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def predict(doc) -> Spans:
    """factwire's output on one Doc as re3d-typed character spans (the mapping in the docstring)."""
    out: Spans = defaultdict(set)
    place_chars = {i for s in doc.spans.get("fw_places", []) for i in range(s.start_char, s.end_char)}
    # "Iraqi" in "Iraqi officials said" is the state's actor mention and, for re3d, a Nationality
    adjectives = {(s.start_char, s.end_char) for s in doc.spans.get("fw_nationalities", [])}
    for group in ("fw_actors", "fw_actor_refs"):
        for span in doc.spans.get(group, []):
            key = (span.start_char, span.end_char)
            nxt = doc[span.end] if span.end < len(doc) else None
            if span.label_ == "person":
                out["Person"].add(_with_article(doc, span.start, key))
            elif span.label_ in ORG_KINDS:
                out["Organisation"].add(_with_article(doc, span.start, key))
            elif span.label_ == "state" and key in adjectives:
                # "Iraqi forces": re3d's Organisation is the group the adjective and its noun name
                if nxt is not None and nxt.lower_ in GROUP_HEADS:
                    out["Organisation"].add(_with_article(doc, span.start, (span.start_char, nxt.idx + len(nxt))))
            elif span.label_ == "state" and (span[-1].lower_ in GOVERNMENT_HEADS or not place_chars.intersection(range(*key))):
                # "the Asad regime" is a government even where a place reading overlaps it
                if nxt is not None and nxt.lower_ in GROUP_HEADS and span[-1].lower_ not in GOVERNMENT_HEADS:
                    key = (span.start_char, nxt.idx + len(nxt))  # "U.S. forces"
                out["Organisation"].add(_with_article(doc, span.start, key))
    for span in doc.spans.get("fw_nationalities", []):
        out["Nationality"].add((span.start_char, span.end_char))
    for span in doc.spans.get("fw_places", []):
        out["Location"].add((span.start_char, span.end_char))
    kinds = {rec.id: rec.kind for rec in records(doc, "fw_equipment")}
    for span in doc.spans.get("fw_equipment", []):
        kind = kinds.get(span.kb_id_)
        if kind == "weapon":
            out["Weapon"].add((span.start_char, span.end_char))
        elif kind == "platform":
            out["MilitaryPlatform"].add((span.start_char, span.end_char))
    return out


def _with_article(doc, start: int, key: tuple[int, int]) -> tuple[int, int]:
    """re3d's names of organisations and people include their article ("the British Army",
    "the prime minister"); factwire's mentions leave it out."""
    if start > 0 and doc[start - 1].lower_ == "the" and not doc[start - 1].whitespace_ == "":
        return (doc[start - 1].idx, key[1])
    return key


def _overlaps(span: tuple[int, int], others: set[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in others)


def _context(text: str, span: tuple[int, int], width: int = 40) -> str:
    left = text[max(0, span[0] - width):span[0]].replace("\n", " ")
    right = text[span[1]:span[1] + width].replace("\n", " ")
    return f"…{left}[{text[span[0]:span[1]]}]{right}…"


def score_doc(gold: GoldDoc, pred: Spans, notes: dict[str, list[str]]) -> dict[str, Counts]:
    out = {}
    for kind in TYPES:
        g, opt, p = gold.required.get(kind, set()), gold.optional.get(kind, set()), pred.get(kind, set())
        c = Counts(gold=len(g))
        c.exact_tp_gold = len(g & p)
        c.overlap_tp_gold = sum(1 for s in g if _overlaps(s, p))
        for s in sorted(p):
            exact, overlap = s in g, _overlaps(s, g)
            # a prediction matching only a don't-care entity is not counted either way
            if exact or not (s in opt or _overlaps(s, opt)):
                c.exact_pred += 1
                c.exact_tp_pred += exact
            if overlap or not _overlaps(s, opt):
                c.predicted += 1
                c.overlap_tp_pred += overlap
            if not overlap and not _overlaps(s, opt):
                notes[kind].append(f"{kind} spurious: {_context(gold.text, s)} ({gold.source})")
        for s in sorted(g):
            if not _overlaps(s, p):
                notes[kind].append(f"{kind} missed: {_context(gold.text, s)} ({gold.source})")
        out[kind] = c
    return out


def evaluate(
    name: str,
    paths: list[Path],
    *,
    make_extractor: Callable,
    limit: int | None = None,
    published: str | None = None,
) -> EvalResult:
    docs = sample(load(paths), limit)
    extractor = make_extractor(components=COMPONENTS)
    totals = {kind: Counts() for kind in TYPES}
    notes: dict[str, list[str]] = defaultdict(list)
    for gold in docs:
        doc = extractor.doc(Article(text=gold.text, id=gold.ident, outlet=gold.outlet, published=published))
        for kind, counts in score_doc(gold, predict(doc), notes).items():
            totals[kind].add(counts)
    org_person = Counts()
    org_person.add(totals["Organisation"])
    org_person.add(totals["Person"])

    metrics: dict[str, float] = {}
    rows = []
    for label, c in [*totals.items(), ("Org+Person", org_person)]:
        ep, er, ef = c.prf("exact")
        op, orc, of = c.prf("overlap")
        key = label.lower().replace("+", "_")
        metrics.update({
            f"{key}_exact_p": ep, f"{key}_exact_r": er, f"{key}_exact_f1": ef,
            f"{key}_overlap_p": op, f"{key}_overlap_r": orc, f"{key}_overlap_f1": of,
        })
        rows.append(f"{label:<17}{c.gold:>6}{c.predicted:>6}  {ep:6.2f}{er:6.2f}{ef:6.2f}  {op:6.2f}{orc:6.2f}{of:6.2f}")
    header = (
        f"re3d: {len(docs)} documents (gold: confidence > 0; confidence-0 entities are don't care)\n"
        f"{'type':<17}{'gold':>6}{'pred':>6}  {'exact':^18}  {'overlap':^18}\n"
        f"{'':<29}{'P':>6}{'R':>6}{'F1':>6}  {'P':>6}{'R':>6}{'F1':>6}"
    )
    targets = (
        f"targets: Org+Person overlap F1 >= 0.75 (now {metrics['org_person_overlap_f1']:.2f}); "
        f"Weapon F1 >= 0.60 (exact {metrics['weapon_exact_f1']:.2f}, overlap {metrics['weapon_overlap_f1']:.2f}); "
        f"MilitaryPlatform F1 >= 0.60 (exact {metrics['militaryplatform_exact_f1']:.2f}, "
        f"overlap {metrics['militaryplatform_overlap_f1']:.2f})"
    )
    table = "\n".join([header, *rows, targets])
    flat = [n for kind in TYPES for n in notes[kind][:MAX_NOTES_PER_TYPE]]
    return EvalResult(name=name, table=table, metrics=metrics, notes=flat)
