"""Score a Report against a hand annotation in the format of shared/seed/gold.json.

Each gold fact names an `evidence` string that occurs once in the article. A predicted fact
*matches* a gold fact when its evidence span overlaps that string's span (actors match by
name or alias instead). Each section then counts:

- found:   predicted facts whose span overlaps some gold fact
- key:     matched gold facts whose key fields agree (the figure the issues set targets on)
- all:     matched gold facts whose every annotated field agrees
- recall is over non-optional gold facts; precision is over predicted facts, and a predicted
  fact that matches an optional gold fact is not counted against it.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import GoldError
from ..schema import Report

# Fields that must agree for a matched fact to count, per section (the issues' targets).
KEY_FIELDS = {
    "forces": ("owner_country", "place", "count", "bound"),
    "events": ("type",),
    "quotes": ("speaker",),
    "times": ("value",),
    "places": ("country",),
    "claims": ("stance", "about"),
    "actors": ("kind",),
}
COORD_TOLERANCE_KM = 25.0


@dataclass
class Miss:
    section: str
    evidence: str
    problem: str


@dataclass
class SectionScore:
    name: str
    gold: int = 0  # non-optional gold facts
    predicted: int = 0
    found: int = 0  # non-optional gold facts with an overlapping prediction
    key: int = 0
    all: int = 0
    spurious: int = 0  # predictions overlapping no gold fact

    @property
    def recall(self) -> float:
        return self.key / self.gold if self.gold else 1.0

    @property
    def recall_all(self) -> float:
        return self.all / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return 1 - self.spurious / self.predicted if self.predicted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class SeedScore:
    sections: list[SectionScore] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)

    def section(self, name: str) -> SectionScore:
        return next(s for s in self.sections if s.name == name)


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"^(the)\s+", "", text.strip())
    return re.sub(r"[\s\-]+", " ", text).strip(" .")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


class Lookup:
    """Id resolution over one report."""

    def __init__(self, report: Report):
        self.report = report
        self.by_id = {}
        for name in ("actors", "places", "times", "events", "quotes", "claims", "forces", "quantities", "equipment"):
            for item in getattr(report, name):
                self.by_id[item.id] = item

    def get(self, ident):
        return self.by_id.get(ident) if ident else None

    def actor_country(self, ident):
        actor = self.get(ident)
        return actor.country if actor else None

    def actor_names(self, ident) -> set[str]:
        actor = self.get(ident)
        if actor is None:
            return set()
        return {norm(actor.name), *(norm(a) for a in actor.aliases)}

    def place_country(self, ident):
        place = self.get(ident)
        return place.country if place else None

    def time_value(self, ident):
        time = self.get(ident)
        return time.value if time else None


def evidence_span(article: str, evidence: str, where: str) -> tuple[int, int]:
    start = article.find(evidence)
    if start < 0:
        raise GoldError(f"{where}: evidence {evidence!r} does not occur in the article; is it the right article?")
    return start, start + len(evidence)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def time_agrees(predicted: str | None, gold: str) -> bool:
    """A predicted value agrees with a gold one when it is the same or a date inside it."""
    return predicted is not None and (predicted == gold or predicted.startswith(gold + "-"))


# --- per-section field checks: each returns {field: ok} for the fields the gold item has ---

def check_force(g: dict, p, lk: Lookup) -> dict[str, bool]:
    out = {}
    if "owner_country" in g:
        out["owner_country"] = (p.owner_country or lk.actor_country(p.owner)) == g["owner_country"]
    if "place_country" in g:
        out["place"] = (p.place_country or lk.place_country(p.place)) == g["place_country"]
    elif "place_name" in g:
        place = lk.get(p.place)
        out["place"] = place is not None and norm(place.name) == norm(g["place_name"])
    out["count"] = p.count.value == g["count"]
    out["bound"] = p.count.bound == g["bound"]
    if "status" in g:
        out["status"] = p.status == g["status"]
    if "when" in g:
        out["when"] = time_agrees(lk.time_value(p.time), g["when"])
    return out


def check_event(g: dict, p, lk: Lookup) -> dict[str, bool]:
    out = {"type": p.type == g["type"]}
    if "mode" in g:
        out["mode"] = p.mode == g["mode"]
    if "actor_country" in g:
        out["actor_country"] = lk.actor_country(p.actor) == g["actor_country"]
    if "target_country" in g:
        out["target_country"] = lk.actor_country(p.target) == g["target_country"] or lk.place_country(p.target) == g["target_country"]
    if "place_country" in g:
        out["place_country"] = lk.place_country(p.place) == g["place_country"]
    if "when" in g:
        out["when"] = time_agrees(lk.time_value(p.time), g["when"])
    if "status" in g:
        out["status"] = p.status == g["status"]
    for key, attr, bound in (
        ("fatalities_min", "fatalities", "min"),
        ("fatalities_max", "fatalities", "max"),
        ("injured_min", "injured", "min"),
        ("injured_max", "injured", "max"),
    ):
        if key in g:
            rng = getattr(p, attr)
            out[key] = rng is not None and getattr(rng, bound) == g[key]
    return out


def check_quote(g: dict, p, lk: Lookup) -> dict[str, bool]:
    speaker = norm(g["speaker"])
    named = speaker in lk.actor_names(p.speaker) or (p.speaker_text is not None and norm(p.speaker_text) == speaker)
    return {"speaker": named, "kind": p.kind == g["kind"]}


def check_time(g: dict, p, lk: Lookup) -> dict[str, bool]:
    return {"value": p.value == g["value"]}


def check_place(g: dict, p, lk: Lookup) -> dict[str, bool]:
    out = {"country": p.country == g.get("country"), "name": norm(p.name) == norm(g["name"])}
    if g.get("lat") is not None:
        out["coordinates"] = p.lat is not None and haversine_km(p.lat, p.lon, g["lat"], g["lon"]) <= COORD_TOLERANCE_KM
    return out


@dataclass
class Candidate:
    item: object
    span: tuple[int, int]


def candidates(report: Report, section: str) -> list[Candidate]:
    out = []
    if section == "places":
        for place in report.places:
            for m in place.mentions:
                out.append(Candidate(place, (m.start, m.end)))
        return out
    for item in getattr(report, section):
        if section in ("times", "quotes"):
            out.append(Candidate(item, (item.start, item.end)))
            if section == "quotes" and item.cue is not None:
                # gold evidence of reported speech spans cue and content
                out.append(Candidate(item, (min(item.start, item.cue.start), max(item.end, item.cue.end))))
        else:
            out.append(Candidate(item, (item.evidence.start, item.evidence.end)))
    return out


def score_section(
    name: str,
    gold_items: list[dict],
    report: Report,
    check: Callable[[dict, object, Lookup], dict[str, bool]],
    lk: Lookup,
    result: SeedScore,
    extra: Callable[[dict, object], dict[str, bool]] | None = None,
) -> dict[str, object]:
    """Greedy one-to-one matching, best-agreeing candidate first; returns gold id -> prediction."""
    text = report.article.text
    section = SectionScore(name)
    cands = candidates(report, name)
    section.predicted = len({id(c.item) for c in cands})
    used: set = set()
    matched_items: set[int] = set()

    def claim_key(c: Candidate):
        # a place is one record with many mentions: each mention may match its own gold fact
        return (id(c.item), c.span) if name == "places" else id(c.item)

    matched: dict[str, object] = {}
    key_fields = KEY_FIELDS[name]
    spans = [evidence_span(text, g["evidence"], f"gold {name}[{i}]") for i, g in enumerate(gold_items)]
    for i, g in enumerate(gold_items):
        optional = bool(g.get("optional"))
        section.gold += 0 if optional else 1
        best = None
        for c in cands:
            if claim_key(c) in used or not overlaps(c.span, spans[i]):
                continue
            fields = check(g, c.item, lk)
            if extra:
                fields.update(extra(g, c.item))
            rank = (sum(fields.get(k, True) for k in key_fields), sum(fields.values()))
            if best is None or rank > best[0]:
                best = (rank, c, fields)
        if best is None:
            if not optional:
                result.misses.append(Miss(name, g["evidence"], "not found"))
            continue
        _, c, fields = best
        used.add(claim_key(c))
        matched_items.add(id(c.item))
        if "id" in g:
            matched[g["id"]] = c.item
        if optional:
            continue
        section.found += 1
        key_ok = all(fields.get(k, True) for k in key_fields)
        section.key += key_ok
        section.all += all(fields.values())
        wrong = [k for k, ok in fields.items() if not ok]
        if wrong:
            result.misses.append(Miss(name, g["evidence"], "wrong " + ", ".join(wrong) + ("" if key_ok else " (key)")))
    # a prediction overlapping any gold span (even one taken by another) is not spurious
    section.spurious = len(
        {id(c.item) for c in cands if id(c.item) not in matched_items and not any(overlaps(c.span, s) for s in spans)}
    )
    result.sections.append(section)
    return matched


def score_actors(gold_items: list[dict], report: Report, result: SeedScore) -> None:
    section = SectionScore("actors", predicted=len(report.actors))
    used = set()
    for g in gold_items:
        section.gold += 1
        names = {norm(g["name"]), *(norm(a) for a in g.get("aliases", []))}
        hit = next(
            (a for a in report.actors if a.id not in used and ({norm(a.name), *(norm(x) for x in a.aliases)} & names)),
            None,
        )
        if hit is None:
            result.misses.append(Miss("actors", g["name"], "not found"))
            continue
        used.add(hit.id)
        section.found += 1
        fields = {"kind": hit.kind == g["kind"], "country": hit.country == g.get("country"), "name": norm(hit.name) == norm(g["name"])}
        section.key += fields["kind"]
        section.all += all(fields.values())
        wrong = [k for k, ok in fields.items() if not ok]
        if wrong:
            result.misses.append(Miss("actors", g["name"], "wrong " + ", ".join(wrong) + f" (got {hit.name!r}, {hit.kind}, {hit.country})"))
    section.spurious = section.predicted - len(used)
    result.sections.append(section)


def score_conflicts(gold_items: list[dict], report: Report, lk: Lookup, result: SeedScore) -> None:
    text = report.article.text
    section = SectionScore("conflicts", predicted=len(report.conflicts))
    used = set()
    for i, g in enumerate(gold_items):
        section.gold += 1
        wanted = [evidence_span(text, e, f"gold conflicts[{i}]") for e in g["between"]]
        for conflict in report.conflicts:
            spans = []
            for ident in conflict.items:
                item = lk.get(ident)
                ev = getattr(item, "evidence", None)
                if ev is not None:
                    spans.append((ev.start, ev.end))
            if conflict.id not in used and all(any(overlaps(s, w) for s in spans) for w in wanted):
                used.add(conflict.id)
                section.found += 1
                section.key += 1
                section.all += 1
                break
        else:
            result.misses.append(Miss("conflicts", " / ".join(g["between"]), "not found"))
    section.spurious = section.predicted - len(used)
    result.sections.append(section)


def load_gold(path: Path) -> dict:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc}); expected JSON like shared/seed/gold.json") from exc
    if not isinstance(gold, dict) or "article" not in gold:
        raise GoldError(f"{path}: a gold file is a JSON object with 'article' and fact lists (see shared/seed/gold.json)")
    return gold


def score(report: Report, gold: dict) -> SeedScore:
    result = SeedScore()
    lk = Lookup(report)
    score_section("forces", gold.get("forces", []), report, check_force, lk, result)
    events = score_section("events", gold.get("events", []), report, check_event, lk, result)

    def claim_fields(g: dict, p) -> dict[str, bool]:
        out = {"stance": p.stance == g["stance"], "about": p.about is not None and getattr(events.get(g["about"]), "id", None) == p.about}
        if "source_country" in g:
            out["source_country"] = lk.actor_country(p.source) == g["source_country"]
        return out

    score_section("claims", gold.get("claims", []), report, lambda g, p, lk: {}, lk, result, extra=claim_fields)
    score_conflicts(gold.get("conflicts", []), report, lk, result)
    score_section("quotes", gold.get("quotes", []), report, check_quote, lk, result)
    score_section("times", gold.get("times", []), report, check_time, lk, result)
    score_section("places", gold.get("places", []), report, check_place, lk, result)
    score_actors(gold.get("actors", []), report, result)
    return result


def format_table(result: SeedScore) -> str:
    head = f"{'section':<10} {'gold':>4} {'pred':>4} {'found':>5} {'key':>4} {'all':>4} {'P':>5} {'R(key)':>6} {'F1':>5} {'R(all)':>6}  key fields"
    lines = [head, "-" * len(head)]
    for s in result.sections:
        lines.append(
            f"{s.name:<10} {s.gold:>4} {s.predicted:>4} {s.found:>5} {s.key:>4} {s.all:>4} "
            f"{s.precision:>5.2f} {s.recall:>6.2f} {s.f1:>5.2f} {s.recall_all:>6.2f}  "
            + (", ".join(KEY_FIELDS.get(s.name, ("found",))))
        )
    return "\n".join(lines)


def format_misses(result: SeedScore) -> str:
    if not result.misses:
        return "no misses"
    return "\n".join(f"- {m.section}: {m.problem}: {m.evidence!r}" for m in result.misses)


def evaluate(name: str, paths: list, *, make_extractor, limit=None, published=None):
    """`factwire eval seed GOLD.json ARTICLE`."""
    import time

    from ..article import read_path
    from . import EvalResult

    if len(paths) != 2:
        raise GoldError("seed takes two paths: GOLD.json ARTICLE")
    gold = load_gold(paths[0])
    article = read_path(Path(paths[1]), published or gold["article"].get("published"))
    extractor = make_extractor()
    started = time.perf_counter()
    report = extractor.extract(article)
    elapsed = time.perf_counter() - started
    result = score(report, gold)
    metrics = {"seconds": elapsed}
    for s in result.sections:
        metrics.update({f"{s.name}.recall": s.recall, f"{s.name}.precision": s.precision, f"{s.name}.f1": s.f1, f"{s.name}.recall_all": s.recall_all})
    table = format_table(result) + f"\n\nextraction: {elapsed:.2f}s after the model was loaded"
    notes = [f"{m.section}: {m.problem}: {m.evidence!r}" for m in result.misses]
    return EvalResult(name=name, table=table, metrics=metrics, notes=notes)
