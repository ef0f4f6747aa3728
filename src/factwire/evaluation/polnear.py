"""`factwire eval polnear PATH`: quotations and their speakers against PolNeAR attributions.

PolNeAR (Newell et al., LREC 2018) marks every attribution in US political news as brat
standoff: a content span (possibly in pieces), a cue and a source (absent for some). PATH is the
dataset folder, a split folder (`dev/`, `train/`) or .ann files; each .ann is read with its
text in the sibling `text/` folder. An article annotated by several annotators is scored once,
against the first annotator's file (sorted by name). Publication dates come from the file names.

How it scores (the same rules for every split):

- A predicted attribution is a factwire quote, or several sharing one cue (a quotation split
  around its cue, "“A,” he said, “B.”", is one attribution in PolNeAR).
- Spans are compared as character sets after trimming whitespace, quotation marks and edge
  punctuation from each piece, so that marks in or out of a span do not matter.
- overlap(gold, pred) = min(|g ∩ p| / |g|, |g ∩ p| / |p|): each span must cover that share of
  the other (stricter than the Gender Gap Tracker's |g ∩ p| / |g|, which rewards overlong
  spans). Pairs at or above a threshold (0.3, 0.5; "exact" = identical trimmed sets) are
  matched one to one, best overlap first; P = matched predictions / predictions, R = matched
  gold / gold.
- direct: the content (a prediction's with the marks right around it) opens with a quotation
  mark and ends with one (before a final . or ,); every other attribution is indirect (this
  includes partial quotations embedded in the author's sentence). The direct and indirect rows
  use the one global matching, split by the class of the gold (R) or prediction (P) item.
- source accuracy, over matched attributions: the speaker is right when (a) the predicted
  speaker_text, located at its occurrence nearest the cue, overlaps the gold source span, or
  (b) a mention of the predicted speaker actor overlaps it, or (c) the gold source names the
  predicted actor (its name or an alias contains the gold source's last word), or (d) the gold
  source is a relative pronoun right after the predicted speaker ("an architect, who said"):
  the coreference-resolved forms; a gold attribution without a source is right when the prediction
  has no speaker either.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..article import Article
from ..errors import GoldError
from ..schema import Report
from . import EvalResult, sample

THRESHOLDS: tuple[tuple[str, float | None], ...] = (("0.3", 0.3), ("0.5", 0.5), ("exact", None))
MARKS = set("\"\u201c\u201d\u2018\u2019'\u00ab\u00bb`")
TRIM = MARKS | set(" \t\r\n.,;:!?\u2014\u2013-()")
DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
RELATIVE = {"who", "which", "that"}
SPEAKER_WINDOW = 400  # characters around the cue in which speaker_text is looked for


@dataclass
class Attr:
    pieces: list[tuple[int, int]]
    chars: frozenset[int]
    direct: bool
    source: tuple[int, int] | None = None  # gold
    source_text: str | None = None
    speaker: str | None = None  # predicted actor id
    speaker_text: str | None = None
    cue: tuple[int, int] | None = None


@dataclass
class Doc:
    name: str
    text: str
    published: str | None
    gold: list[Attr] = field(default_factory=list)


# --- reading the gold set ------------------------------------------------------------------


def _ann_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files.extend(sorted(path.rglob("*.ann")))
        elif path.suffix == ".ann":
            files.append(path)
    if not files:
        raise GoldError(f"no PolNeAR .ann files under {', '.join(map(str, paths))}; pass shared/datasets/polnear or its dev/ folder")
    return files


def _text_for(ann: Path) -> Path:
    stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)  # the annotator's id ends the .ann name
    return ann.parent.parent / "text" / f"{stem}.txt"


def _ranges(field_text: str) -> list[tuple[int, int]]:
    out = []
    for piece in field_text.split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def char_set(text: str, pieces: list[tuple[int, int]]) -> frozenset[int]:
    chars: set[int] = set()
    for s, e in pieces:
        s, e = trim(text, s, e)
        chars.update(range(s, e))
    return frozenset(chars)


def is_direct(text: str, pieces: list[tuple[int, int]], widen: bool = False) -> bool:
    """Content set off by quotation marks (each piece opens with one and ends with one)."""
    for s, e in pieces:
        if widen:
            # a predicted span may stop inside the marks: take the marks right around it
            while s > 0 and text[s - 1] in " \t" and s - 1 > 0 and text[s - 2] in MARKS:
                s -= 1
            if s > 0 and text[s - 1] in MARKS:
                s -= 1
            j = e
            while j < len(text) and text[j] in ".,!?;:":
                j += 1
            if j < len(text) and text[j] in MARKS:
                e = j + 1
        piece = text[s:e].strip()
        body = piece.rstrip(".,;: ")
        if len(piece) < 2 or piece[0] not in MARKS or not body or body[-1] not in MARKS:
            return False
    return True


def read_gold(ann: Path) -> Doc:
    text_path = _text_for(ann)
    try:
        text = text_path.read_text(encoding="utf-8")
        lines = ann.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"{ann}: cannot read it or its text {text_path} ({exc})") from exc
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, str]] = []
    for line in lines:
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, rest = parts[1].partition(" ")
            spans[parts[0]] = (label, _ranges(rest))
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, str] = {}
            for item in parts[1].split():
                role, _, ident = item.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), ident)
                if role.startswith("Content") and role != "Content":
                    roles[role] = ident
            relations.append(roles)
    match = DATE.search(ann.name)
    doc = Doc(ann.stem, text, match.group(1) if match else None)
    for rel in relations:
        pieces: list[tuple[int, int]] = []
        for role, ident in rel.items():
            if role.startswith("Content") and ident in spans:
                pieces.extend(spans[ident][1])
        if not pieces:
            continue
        pieces = sorted(set(pieces))
        source = None
        source_text = None
        if "Source" in rel and rel["Source"] in spans:
            src = spans[rel["Source"]][1]
            source = (src[0][0], src[-1][1])
            source_text = text[source[0] : source[1]]
        cue = None
        if "Cue" in rel and rel["Cue"] in spans:
            c = spans[rel["Cue"]][1]
            cue = (c[0][0], c[-1][1])
        doc.gold.append(Attr(pieces, char_set(text, pieces), is_direct(text, pieces), source, source_text, cue=cue))
    return doc


def load(paths: list[Path]) -> list[Doc]:
    chosen: dict[Path, Path] = {}
    for ann in _ann_files(paths):
        chosen.setdefault(_text_for(ann), ann)  # sorted: the first annotator of each article
    return [read_gold(ann) for _, ann in sorted(chosen.items())]


# --- predictions ---------------------------------------------------------------------------


def predicted(report: Report) -> list[Attr]:
    text = report.article.text
    groups: dict[object, list] = {}
    for q in report.quotes:
        key = (q.cue.start, q.cue.end) if q.cue is not None else q.id
        groups.setdefault(key, []).append(q)
    out = []
    for quotes in groups.values():
        pieces = sorted((q.start, q.end) for q in quotes)
        speaker = next((q.speaker for q in quotes if q.speaker), None)
        speaker_text = next((q.speaker_text for q in quotes if q.speaker_text), None)
        cue = quotes[0].cue
        out.append(
            Attr(pieces, char_set(text, pieces), is_direct(text, pieces, widen=True), speaker=speaker,
                 speaker_text=speaker_text, cue=(cue.start, cue.end) if cue else None)
        )
    return out


def overlap(g: Attr, p: Attr) -> float:
    if not g.chars or not p.chars:
        return 0.0
    common = len(g.chars & p.chars)
    return min(common / len(g.chars), common / len(p.chars))


def match(gold: list[Attr], pred: list[Attr], threshold: float | None) -> dict[int, int]:
    """gold index -> prediction index, one to one, best overlap first."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if threshold is None:
                if g.chars and g.chars == p.chars:
                    pairs.append((1.0, i, j))
                continue
            score = overlap(g, p)
            if score >= threshold and score > 0:
                pairs.append((score, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    out: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in pairs:
        if i in out or j in taken:
            continue
        out[i] = j
        taken.add(j)
    return out


def _speaker_span(text: str, p: Attr) -> tuple[int, int] | None:
    if not p.speaker_text:
        return None
    anchor = p.cue if p.cue else p.pieces[0]
    lo, hi = max(0, anchor[0] - SPEAKER_WINDOW), min(len(text), anchor[1] + SPEAKER_WINDOW)
    best: tuple[int, int] | None = None

    def gap(s: int, e: int) -> int:  # characters between the occurrence and the cue
        return max(anchor[0] - e, s - anchor[1], 0)

    for m in re.finditer(re.escape(p.speaker_text), text[lo:hi]):
        s, e = lo + m.start(), lo + m.end()
        if best is None or gap(s, e) < gap(*best):
            best = (s, e)
    return best


def speaker_right(report: Report, g: Attr, p: Attr) -> bool:
    if g.source is None:
        return p.speaker is None and p.speaker_text is None
    text = report.article.text
    gs, ge = g.source
    span = _speaker_span(text, p)
    if span is not None and span[0] < ge and gs < span[1]:
        return True
    if span is not None and (g.source_text or "").lower() in RELATIVE and 0 <= gs - span[1] <= 3:
        return True  # "an architect, who said": the relative pronoun resolves to the noun before it
    actor = next((a for a in report.actors if a.id == p.speaker), None) if p.speaker else None
    if actor is None:
        return False
    if any(m.start < ge and gs < m.end for m in actor.mentions):
        return True
    words = re.findall(r"[A-Za-z][\w'-]*", g.source_text or "")
    if not words or not words[-1][0].isupper():
        return False  # a pronoun or description cannot be checked against names
    last = words[-1].lower()
    return any(last in re.findall(r"[\w'-]+", n.lower()) for n in [actor.name, *actor.aliases])


# --- the table -----------------------------------------------------------------------------


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    gold_hit: int = 0
    pred_hit: int = 0
    speaker_ok: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.pred_hit / self.pred if self.pred else 0.0
        r = self.gold_hit / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(name: str, paths: list, *, make_extractor: Callable, limit=None, published=None) -> EvalResult:
    docs = sample(load([Path(p) for p in paths]), limit)
    extractor = make_extractor(components=("factwire_actors", "factwire_quotes"))
    tallies = {(cls, t): Tally() for cls in ("all", "direct", "indirect") for t, _ in THRESHOLDS}
    notes: list[str] = []
    started = time.perf_counter()
    for doc in docs:
        report = extractor.extract(Article(text=doc.text, id=doc.name, published=published or doc.published))
        pred = predicted(report)
        for label, threshold in THRESHOLDS:
            pairs = match(doc.gold, pred, threshold)
            inverse = {j: i for i, j in pairs.items()}
            for cls in ("all", "direct", "indirect"):
                tally = tallies[(cls, label)]
                want = (lambda a: True) if cls == "all" else (lambda a, d=(cls == "direct"): a.direct == d)
                for i, g in enumerate(doc.gold):
                    if not want(g):
                        continue
                    tally.gold += 1
                    if i in pairs:
                        tally.gold_hit += 1
                        tally.speaker_ok += speaker_right(report, g, pred[pairs[i]])
                for j, p in enumerate(pred):
                    if want(p):
                        tally.pred += 1
                        tally.pred_hit += j in inverse
            if label == "0.5":
                notes.extend(_notes(doc, report, pred, pairs))
    elapsed = time.perf_counter() - started
    return EvalResult(name=name, table=_table(tallies, len(docs), elapsed), metrics=_metrics(tallies, elapsed), notes=notes)


def _snippet(text: str, pieces: list[tuple[int, int]]) -> str:
    s = " | ".join(text[a:b] for a, b in pieces).replace("\n", " ")
    return s if len(s) <= 110 else s[:60] + " ... " + s[-45:]


def _notes(doc: Doc, report: Report, pred: list[Attr], pairs: dict[int, int]) -> list[str]:
    out = []
    taken = set(pairs.values())
    for i, g in enumerate(doc.gold):
        kind = "direct" if g.direct else "indirect"
        if i not in pairs:
            out.append(f"{doc.name}: missed {kind}: {_snippet(doc.text, g.pieces)!r}")
        elif not speaker_right(report, g, pred[pairs[i]]):
            p = pred[pairs[i]]
            out.append(f"{doc.name}: speaker {p.speaker_text!r} for {g.source_text!r}: {_snippet(doc.text, g.pieces)[:60]!r}")
    for j, p in enumerate(pred):
        if j not in taken:
            out.append(f"{doc.name}: spurious {'direct' if p.direct else 'indirect'}: {_snippet(doc.text, p.pieces)!r}")
    return out


def _table(tallies: dict[tuple[str, str], Tally], ndocs: int, elapsed: float) -> str:
    head = f"{'class':<9} {'overlap':<7} {'gold':>5} {'pred':>5} {'match':>5} {'P':>5} {'R':>5} {'F1':>5} {'source':>6}"
    lines = [head, "-" * len(head)]
    for (cls, label), t in tallies.items():
        p, r, f = t.prf()
        acc = t.speaker_ok / t.gold_hit if t.gold_hit else 0.0
        lines.append(f"{cls:<9} {label:<7} {t.gold:>5} {t.pred:>5} {t.gold_hit:>5} {p:>5.2f} {r:>5.2f} {f:>5.2f} {acc:>6.2f}")
    lines.append("")
    lines.append(
        f"{ndocs} documents, {elapsed:.1f}s. overlap = min share of each span covered by the other; "
        "source = speaker accuracy on matched attributions."
    )
    lines.append("Published (other data): SFU Gender Gap Tracker quote F1 0.837 (overlap 0.3), speaker accuracy 0.86.")
    return "\n".join(lines)


def _metrics(tallies: dict[tuple[str, str], Tally], elapsed: float) -> dict[str, float]:
    out: dict[str, float] = {"seconds": elapsed}
    for (cls, label), t in tallies.items():
        p, r, f = t.prf()
        key = f"{cls}.{label}"
        out.update({f"{key}.precision": p, f"{key}.recall": r, f"{key}.f1": f})
        out[f"{key}.source"] = t.speaker_ok / t.gold_hit if t.gold_hit else 0.0
        out[f"{key}.gold"] = float(t.gold)
        out[f"{key}.pred"] = float(t.pred)
    return out
