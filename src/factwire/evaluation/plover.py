"""`factwire eval plover`: event type and source/target country on the PLOVER gold standard
records (openeventdata/PLOVER, PLOVER_GSR_CAMEO.txt, CC BY-SA 4.0).

Each record is one sentence coded with one event: its PLOVER type, its source and target
actors (CAMEO country codes + sector). factwire reads the sentence as a one-sentence
article and its *main event* is compared with the record:

- main event: of the events factwire finds in the sentence, the one whose trigger word sits
  highest in the dependency tree (fewest steps to the root: the event the sentence is about,
  not one nested in it); ties go to the earlier trigger. No event = a miss.
- type accuracy: the main event's PLOVER type == gold type (factwire's planned or conditional
  cooperative / conflictual events are AGREE / THREATEN in PLOVER: events_plover.py), over the records of the 18 current types (the
  file's older FIGHT is today's ASSAULT; its DOCUMENT record is not an event).
- source / target country P/R/F1: micro over records; gold = the set of ISO3 codes of the
  record's source (target) actors; predicted = the country of the main event's actor (target:
  actor, or a place's country when the target is a place). Codes that are not countries (IGO,
  NGO, IMG, ...) are not gold countries, so naming a country for the UN is a false positive.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from spacy.tokens import Doc, Token

from .. import docext
from ..article import Article
from ..components.events_plover import plover_type
from ..errors import GoldError
from . import EvalResult, sample

GOLD_FILE = "PLOVER_GSR_CAMEO.txt"
COMPONENTS = ("factwire_actors", "factwire_places", "factwire_times", "factwire_events")
# PLOVER renamed its event types between the GSR file (2016) and the current manual.
OLD_TYPES = {"FIGHT": "ASSAULT"}
# The GSR file spells a few countries with non-ISO (older CAMEO or typo) codes.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# The record date in the file is a placeholder, not the story's date.
PLACEHOLDER_DATES = ("2000-01-01",)


@dataclass
class Record:
    id: str
    text: str
    type: str
    sources: set[str]
    targets: set[str]
    date: str | None


@dataclass
class Prf:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[str], pred: set[str]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


@dataclass
class Score:
    n: int = 0
    correct: int = 0
    no_event: int = 0
    predicted_events: int = 0
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted or "-") -> n
    source: Prf = field(default_factory=Prf)
    target: Prf = field(default_factory=Prf)
    notes: list[str] = field(default_factory=list)


def parse_lenient(text: str) -> list[dict]:
    """The file is JSON with trailing commas before closing brackets."""
    try:
        return json.loads(re.sub(r",(\s*[\]}])", r"\1", text))
    except json.JSONDecodeError as exc:
        raise GoldError(f"cannot parse the PLOVER GSR file ({exc}); is it {GOLD_FILE} from openeventdata/PLOVER?") from exc


def countries(actors) -> set[str]:
    if not isinstance(actors, list):
        return set()  # "" or a stray string: no coded actor
    out = set()
    for a in actors:
        code = CAMEO_TO_ISO.get(str(a.get("code") or ""), str(a.get("code") or ""))
        if re.fullmatch(r"[A-Z]{3}", code) and code not in ("IGO", "NGO", "IMG", "ISM", "MNC"):
            out.add(code)
    return out


def load_records(paths: list[Path]) -> list[Record]:
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.rglob(GOLD_FILE)) if p.is_dir() else [p])
    if not files:
        raise GoldError(f"no {GOLD_FILE} under {', '.join(map(str, paths))}")
    out = []
    for f in files:
        for rec in parse_lenient(f.read_text(encoding="utf-8")):
            kind = OLD_TYPES.get(rec.get("event", ""), rec.get("event", ""))
            if kind == "DOCUMENT" or not rec.get("text"):
                continue
            date = rec.get("date")
            out.append(
                Record(
                    id=rec["id"],
                    text=rec["text"],
                    type=kind,
                    sources=countries(rec.get("source")),
                    targets=countries(rec.get("target")),
                    date=None if date in PLACEHOLDER_DATES else date,
                )
            )
    return out


def depth(tok: Token) -> int:
    n = 0
    while tok.head is not tok and n < 50:
        tok, n = tok.head, n + 1
    return n


def main_event(doc: Doc):
    """The event whose trigger is closest to the root of its sentence (see the module doc)."""
    events = docext.records(doc, "fw_events")
    best, best_key = None, None
    for span in doc.spans["fw_events"] if "fw_events" in doc.spans else []:
        event = docext.by_id(events, span.kb_id_)
        key = (depth(span.root), span.start)
        if event is not None and (best_key is None or key < best_key):
            best, best_key = event, key
    return best


def country_of(doc: Doc, ident: str | None) -> str | None:
    actor = docext.by_id(docext.records(doc, "fw_actors"), ident)
    if actor is not None:
        return actor.country
    place = docext.by_id(docext.records(doc, "fw_places"), ident)
    return place.country if place is not None else None


def score_record(doc: Doc, rec: Record, result: Score) -> None:
    result.n += 1
    result.predicted_events += len(docext.records(doc, "fw_events"))
    event = main_event(doc)
    got = plover_type(event) if event is not None else "-"
    result.no_event += event is None
    result.correct += got == rec.type
    result.confusion[(rec.type, got)] += 1
    src = {c for c in [country_of(doc, event.actor if event else None)] if c}
    tgt = {c for c in [country_of(doc, event.target if event else None)] if c}
    result.source.add(rec.sources, src)
    result.target.add(rec.targets, tgt)
    if got != rec.type or src != rec.sources or tgt != rec.targets:
        result.notes.append(
            f"{rec.id}: gold {rec.type} {sorted(rec.sources)}->{sorted(rec.targets)}, "
            f"got {got} {sorted(src)}->{sorted(tgt)} | {rec.text}"
        )


def format_table(s: Score) -> str:
    acc = s.correct / s.n if s.n else 0.0
    lines = [
        f"PLOVER GSR: {s.n} gold sentences, {s.predicted_events} predicted events, "
        f"{s.no_event} sentences with no event ({s.no_event / max(s.n, 1):.0%})",
        "",
        f"{'metric':<24}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}{'tp':>7}",
        f"{'event type accuracy':<24}{'':>7}{'':>7}{acc:>7.3f}{s.n:>7}{s.n - s.no_event:>7}{s.correct:>7}",
    ]
    for label, prf in (("source country", s.source), ("target country", s.target)):
        lines.append(
            f"{label:<24}{prf.p:>7.3f}{prf.r:>7.3f}{prf.f1:>7.3f}{prf.tp + prf.fn:>7}{prf.tp + prf.fp:>7}{prf.tp:>7}"
        )
    gold_types = sorted({g for g, _ in s.confusion})
    cols = gold_types + sorted({p for _, p in s.confusion} - set(gold_types) - {"-"}) + ["-"]
    abbrev = {c: c[:4] for c in cols}
    lines += ["", "confusion (rows gold, columns predicted; - = no event; first 4 letters of each type)"]
    lines.append(f"{'':<12}" + "".join(f"{abbrev[c]:>5}" for c in cols) + f"{'acc':>6}")
    for g in gold_types:
        row = [s.confusion.get((g, c), 0) for c in cols]
        total = sum(row)
        lines.append(
            f"{g:<12}" + "".join(f"{(n or '.')!s:>5}" for n in row) + f"{s.confusion.get((g, g), 0) / total:>6.2f}"
        )
    return "\n".join(lines)


def evaluate(name: str, paths: list, *, make_extractor: Callable, limit=None, published=None) -> EvalResult:
    records = sample(load_records([Path(p) for p in paths]), limit)
    extractor = make_extractor(components=COMPONENTS)
    result = Score()
    began = time.perf_counter()
    for rec in records:
        doc = extractor.doc(Article(text=rec.text, published=published or rec.date))
        score_record(doc, rec, result)
    elapsed = time.perf_counter() - began
    metrics = {
        "type_accuracy": result.correct / result.n if result.n else 0.0,
        "no_event_rate": result.no_event / result.n if result.n else 0.0,
        "source_p": result.source.p,
        "source_r": result.source.r,
        "source_f1": result.source.f1,
        "target_p": result.target.p,
        "target_r": result.target.r,
        "target_f1": result.target.f1,
    }
    table = format_table(result) + f"\n\nextraction: {elapsed:.1f}s for {result.n} sentences after the model was loaded"
    return EvalResult(name=name, table=table, metrics=metrics, notes=result.notes)
