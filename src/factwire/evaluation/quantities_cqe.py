"""`factwire eval newsquant PATH`: quantities on NewsQuant (590 news sentences, ~900 quantities).

NewsQuant (Almasian et al., "CQE: A Comprehensive Quantity Extractor", EMNLP 2023) annotates each
quantity with a value ("12.0", or "low-high" for a range), a change (=, ~, >, <, up, down), a unit
and its normalised name, and the concepts it refers to. The published figures (CQE, quantulum3 ...)
come from CQE's `evaluation/evaluate_models.py`; this module follows it:

- sentences are scored one by one, gold against predicted quantities of the same sentence;
- values match with numpy's isclose (rtol 1e-5, atol 1e-8); a range matches a range only;
- P = correct / predicted, R = correct / gold, over the whole set (micro);
- value+unit compares normalised unit names, lower-cased; "-" is no unit;
- value+change compares the change; concept "partial" means the predicted concept shares a word
  with the gold one, "complete" that both word sets are equal (split on commas and spaces).

Where we differ, and why:
- matching is one-to-one (each prediction serves one gold quantity, preferring one that also
  agrees on unit, then change). CQE's loop lets one prediction count for several gold quantities
  of equal value and credits unit/change for every value-equal pair; its counting is printed in
  the "CQE-count" column for comparison.
- a range matches regardless of order: the contract stores ranges as (min, max), while NewsQuant
  writes "from $36,040 to $34,935" as 36040-34935.
- factwire's bound has no up/down (the contract's enum is exact|approx|min|max|range): gold "up" and
  "down" count as "=", and so do factwire's "exact" and "range". Our "value+change" is therefore
  value+bound, not CQE's value+change (which needs the direction), and is marked so.
- units: factwire's canonical units are mapped to NewsQuant's normalised names through the
  lexicon's `unit_long_names`; counted nouns are compared by their singular, lower-cased.
"""

from __future__ import annotations

import csv
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import GoldError

COMPONENTS = ("factwire_times", "factwire_quantities")
# the contract's bound as NewsQuant's change
BOUND_CHANGE = {"exact": "=", "range": "=", "approx": "~", "min": ">", "max": "<"}
# NewsQuant's change as what factwire can say: up/down are directions, not bounds
GOLD_CHANGE = {"=": "=", "up": "=", "down": "=", "~": "~", ">": ">", "<": "<"}
Value = float | tuple[float, float]
_FLOAT = r"-?\d*\.?\d+(?:[eE][-+]?\d+)?"


@dataclass
class Q:
    value: Value
    unit: str  # normalised name, lower-cased; "-" for none
    change: str  # = ~ > < (gold may also say up/down)
    concepts: list[str]
    text: str = ""


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    value: int = 0
    unit: int = 0
    change: int = 0
    change_raw: int = 0  # gold change taken literally (up/down never match)
    concept_partial: int = 0
    concept_complete: int = 0
    updown_gold: int = 0
    misses: list[str] = field(default_factory=list)


def _find_file(paths: list[Path]) -> Path:
    for path in paths:
        path = Path(path)
        if path.is_file():
            return path
        hits = sorted(path.glob("NewsQuant*.json")) or sorted(path.glob("*.json"))
        if hits:
            return hits[0]
    raise GoldError(f"no NewsQuant JSON file in {', '.join(map(str, paths))}: pass the datasets/newsquant folder")


def _published(path: Path) -> dict[str, dict[str, tuple[float, float, float]]]:
    """published_results.csv beside the data: {model: {type: (P, R, F1)}}."""
    out: dict[str, dict[str, tuple[float, float, float]]] = {}
    csv_path = path.parent / "published_results.csv"
    if not csv_path.exists():
        return out
    with csv_path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            out.setdefault(row["model"], {})[row["type"]] = (float(row["P"]), float(row["R"]), float(row["F1"]))
    return out


def gold_value(raw: str) -> Value:
    raw = str(raw).strip()
    # CQE splits on "-"; a number in scientific notation ("1.99E-5") keeps its exponent's sign
    m = re.fullmatch(rf"({_FLOAT})\s*-\s*({_FLOAT})", raw)
    if m:
        return (float(m.group(1)), float(m.group(2)))
    return float(raw)


def isclose(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-8 + 1e-5 * abs(b)  # numpy.isclose, as CQE uses it


def values_match(gold: Value, pred: Value) -> bool:
    if isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple):
        g = sorted(gold)
        p = sorted(pred)  # type: ignore[arg-type]
        return isclose(g[0], p[0]) and isclose(g[1], p[1])
    return isclose(gold, pred)  # type: ignore[arg-type]


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def norm_unit(unit: str | None) -> str:
    if unit is None or not unit.strip() or unit.strip() == "-":
        return "-"
    words = unit.lower().strip().split()
    return " ".join(words[:-1] + [_singular(words[-1])])


def split_concepts(text: str | None) -> list[str]:
    return [w for w in re.split(r"[,\s]+", text or "") if w]


def predicted(report, long_names: dict[str, str]) -> list[Q]:
    out = []
    for q in report.quantities:
        if q.value is None:
            continue
        value: Value = (q.value, q.value_max) if q.bound == "range" and q.value_max is not None else q.value
        out.append(Q(value, norm_unit(unit_name(q.unit, q.concept, long_names)), BOUND_CHANGE[q.bound], split_concepts(q.concept), q.text))
    return out


def unit_name(unit: str | None, concept: str | None, long_names: dict[str, str]) -> str | None:
    """factwire's unit in NewsQuant's words: "USD per barrel" -> "dollar per barrel".

    For a counted noun NewsQuant's unit is the whole noun phrase ("lightning strikes", "NBA
    teams"), which factwire keeps as the concept while its unit is the head noun: the phrase is
    compared when its last word is the unit."""
    if unit is None:
        return None
    lower = {k.lower(): v for k, v in long_names.items()}
    named = unit in long_names or unit.lower() in lower
    if not named and concept and " per " not in unit and _singular(concept.split()[-1].lower()) == _singular(unit.lower()):
        return concept
    return " per ".join(long_names.get(part, lower.get(part.lower(), part)) for part in unit.split(" per "))


def gold_items(sentence: dict) -> list[Q]:
    return [
        Q(gold_value(g["value"]), norm_unit(g.get("normalized_unit")), g.get("change", "="), split_concepts(g.get("referred_concepts")))
        for g in sentence["quantities"]
    ]


def concept_match(gold: list[str], pred: list[str]) -> tuple[bool, bool]:
    common = set(gold) & set(pred)
    return len(common) == len(gold) == len(pred), bool(common)


def score_sentence(text: str, gold: list[Q], preds: list[Q], t: Tally) -> None:
    """One-to-one: value-equal pairs are taken best first (unit and change agreeing), each side once."""
    t.gold += len(gold)
    t.predicted += len(preds)
    t.updown_gold += sum(g.change in ("up", "down") for g in gold)
    pairs = [
        ((p.unit == g.unit, p.change == GOLD_CHANGE[g.change]), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(preds)
        if values_match(g.value, p.value)
    ]
    pairs.sort(key=lambda x: (-x[0][0], -x[0][1], x[1], x[2]))  # stable: text order breaks ties
    taken_g: dict[int, int] = {}
    taken_p: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in taken_g and pi not in taken_p:
            taken_g[gi] = pi
            taken_p.add(pi)
    for gi, g in enumerate(gold):
        if gi not in taken_g:
            t.misses.append(f"missed {g.value} {g.unit} ({g.change}): {text[:160]}")
            continue
        p = preds[taken_g[gi]]
        t.value += 1
        t.unit += p.unit == g.unit
        t.change += p.change == GOLD_CHANGE[g.change]
        t.change_raw += p.change == g.change
        complete, partial = concept_match(g.concepts, p.concepts)
        t.concept_complete += complete
        t.concept_partial += partial
        if p.unit != g.unit:
            t.misses.append(f"unit {p.unit!r} != {g.unit!r} for {p.text!r}: {text[:120]}")
        if p.change != GOLD_CHANGE[g.change]:
            t.misses.append(f"bound {p.change} != {g.change} for {p.text!r}: {text[:120]}")
    for pi, p in enumerate(preds):
        if pi not in taken_p:
            t.misses.append(f"spurious {p.text!r} = {p.value}: {text[:160]}")


def cqe_count(gold: list[Q], preds: list[Q], c: dict[str, int]) -> None:
    """CQE's own counting (evaluate_models.calculate_metrics), kept to show how far it differs."""
    c["gold"] += len(gold)
    c["predicted"] += len(preds)
    left = len(gold)
    for g in gold:
        for p in preds:
            if values_match(g.value, p.value):
                if left > 0:
                    c["value"] += 1
                    left -= 1
                c["unit"] += p.unit == g.unit
                c["change"] += p.change == GOLD_CHANGE[g.change]


def prf(correct: int, gold: int, predicted: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(name: str, paths: list, *, make_extractor: Callable, limit=None, published=None):
    from ..article import Article
    from ..components.quantities_lexicon import Lexicon
    from . import EvalResult, sample

    path = _find_file(paths)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read NewsQuant ({exc}); expected a JSON list of {{text, quantities}}") from exc
    sentences = sample(data, limit)
    long_names = Lexicon().data.get("unit_long_names", {})
    extractor = make_extractor(components=COMPONENTS)
    started = time.perf_counter()
    # NewsQuant has no document dates; dates only block numbers from being counted
    reports = list(extractor.extract_many(Article(text=s["text"], published=published) for s in sentences))
    elapsed = time.perf_counter() - started
    t = Tally()
    cqe = {"gold": 0, "predicted": 0, "value": 0, "unit": 0, "change": 0}
    for sentence, report in zip(sentences, reports):
        gold, preds = gold_items(sentence), predicted(report, long_names)
        score_sentence(sentence["text"], gold, preds, t)
        cqe_count(gold, preds, cqe)
    table, metrics = _table(t, cqe, _published(path), len(sentences), elapsed)
    return EvalResult(name=name, table=table, metrics=metrics, notes=t.misses)


def _table(t: Tally, cqe: dict[str, int], pub: dict, n: int, elapsed: float) -> tuple[str, dict[str, float]]:
    rows = [
        ("value", t.value, cqe["value"], "value"),
        ("value+unit", t.unit, cqe["unit"], "value+unit"),
        ("value+bound*", t.change, cqe["change"], "value+change"),
        ("value+concept partial", t.concept_partial, None, "value+concept_partial"),
        ("value+concept complete", t.concept_complete, None, "value+concept_compelete"),
    ]
    head = f"{'metric':<23} {'P':>5} {'R':>5} {'F1':>5} {'CQE-count F1':>12} | {'CQE P/R/F1':>16} | {'quantulum3 P/R/F1':>17}"
    lines = [head, "-" * len(head)]
    metrics: dict[str, float] = {"gold": t.gold, "predicted": t.predicted, "seconds": elapsed}
    for label, correct, cqe_correct, ptype in rows:
        p, r, f = prf(correct, t.gold, t.predicted)
        key = label.rstrip("*").replace(" ", "_").replace("+", "_")
        metrics.update({f"{key}.precision": p, f"{key}.recall": r, f"{key}.f1": f})
        cf = f"{prf(cqe_correct, cqe['gold'], cqe['predicted'])[2] * 100:12.1f}" if cqe_correct is not None else f"{'':>12}"
        cols = []
        for model in ("CQE-Numparser", "quantulum3"):
            got = pub.get(model, {}).get(ptype)
            cols.append(f"{got[0]:.1f}/{got[1]:.1f}/{got[2]:.1f}" if got else "-")
        lines.append(f"{label:<23} {p * 100:5.1f} {r * 100:5.1f} {f * 100:5.1f} {cf} | {cols[0]:>16} | {cols[1]:>17}")
    matched = t.value or 1
    metrics.update({
        "bound_accuracy": t.change / matched,
        "unit_accuracy": t.unit / matched,
        "concept_partial_accuracy": t.concept_partial / matched,
        "concept_complete_accuracy": t.concept_complete / matched,
    })
    lines += [
        "",
        f"sentences {n}, gold {t.gold}, predicted {t.predicted}, matched values {t.value}",
        f"on matched values: bound accuracy {metrics['bound_accuracy']:.3f}, unit accuracy {metrics['unit_accuracy']:.3f}, "
        f"concept partial {metrics['concept_partial_accuracy']:.3f} / complete {metrics['concept_complete_accuracy']:.3f}",
        f"up/down: not applicable (the contract's bound has no direction); {t.updown_gold} gold quantities carry one and "
        "count as '=' above; with them taken literally value+change F1 would be "
        f"{prf(t.change_raw, t.gold, t.predicted)[2] * 100:.1f}",
        "* value+bound: CQE's value+change with up/down read as '=' (not the same metric as CQE's, which needs the direction)",
        f"extraction: {elapsed:.1f}s for {n} sentences after the model was loaded",
    ]
    return "\n".join(lines), metrics
