"""`factwire eval timebank PATH`: TIMEX3 recognition and normalisation on TimeML (TempEval-3 style).

PATH is a folder of TimeML `.tml` files (TBAQ-cleaned: TimeBank + AQUAINT), searched
recursively, or single files. Each document's text is the content of its <TEXT> element with
the inline tags stripped and XML entities decoded; gold TIMEX3 offsets are computed on that
text. The document creation time (the DCT element's TIMEX3, functionInDocument CREATION_TIME)
is the article's `published` date and not a mention to find.

Scores, per corpus (the folder a file sits in: TimeBank, AQUAINT) and overall, as TempEval-3
reports them:

- relaxed span P/R/F1: a prediction matches a gold TIMEX3 when their extents overlap
  (one-to-one, largest overlap first);
- strict span P/R/F1: the extents are identical;
- value accuracy: matched (relaxed) pairs whose values are equal, over matched pairs;
- value F1: TempEval-3's attribute F1: value-correct matches over predictions and over gold;
- type accuracy: matched pairs whose types (DATE|TIME|DURATION|SET) are equal.

Values are compared as written, except that ISO week numbers are zero-padded on both sides
(some AQUAINT files write "2000-W7" for 2000-W07: the same week).

Published figures: HeidelTime on TempEval-3 value F1 0.776; CogComp strict span F1 0.794,
value F1 0.705.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..article import Article
from ..errors import GoldError
from . import EvalResult, sample

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class GoldDoc:
    ident: str
    corpus: str
    text: str
    dct: str | None
    timexes: list[GoldTimex]


def dct_date(value: str | None) -> str | None:
    """YYYY-MM-DD from a DCT value ("1998-01-08", "19980108", "1998-01-08T18:30:00")."""
    if not value:
        return None
    m = re.match(r"^(\d{4})-?(\d{2})-?(\d{2})", value)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def parse_tml(path: Path, corpus: str) -> GoldDoc:
    """The text of <TEXT> without tags, and its TIMEX3s with offsets into that text."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    dct_m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    if dct_m:
        dct = dct_date(dict(_ATTR.findall(dct_m.group(1))).get("value"))
    body_m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if body_m is None:
        raise GoldError(f"{path}: no <TEXT> element; is this a TimeML file?")
    body = body_m.group(1)
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict] | None = None
    timexes: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos: m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            open_timex = None
            if attrs.get("functionInDocument") == "CREATION_TIME":
                continue
            timexes.append(GoldTimex(start, length, "", attrs.get("type", ""), attrs.get("value", "")))
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    timexes = [GoldTimex(t.start, t.end, text[t.start: t.end], t.type, t.value) for t in timexes]
    if dct is None:
        # a DCT inside the text (some AQUAINT files) still dates the document
        m = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*functionInDocument="CREATION_TIME"', raw)
        dct = dct_date((m.group(1) or m.group(2)) if m else None)
    return GoldDoc(path.stem, corpus, text, dct, timexes)


def find_files(paths: list[Path]) -> list[tuple[Path, str]]:
    out: list[tuple[Path, str]] = []
    for p in paths:
        p = Path(p)
        files = sorted(p.rglob("*.tml")) if p.is_dir() else [p]
        for f in files:
            out.append((f, f.parent.name))
    if not out:
        raise GoldError(f"no .tml files under {', '.join(map(str, paths))}; expected the TimeML folder (datasets/timebank/)")
    return out


# ------------------------------------------------------------------------ scoring

@dataclass
class Tally:
    docs: int = 0
    gold: int = 0
    pred: int = 0
    relaxed: int = 0  # matched pairs
    strict: int = 0
    value: int = 0  # matched pairs with the gold value
    type: int = 0

    def add(self, other: "Tally") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _f1(hit: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = hit / pred if pred else 0.0
        r = hit / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def metrics(self) -> dict[str, float]:
        out: dict[str, float] = {"gold": self.gold, "predicted": self.pred, "docs": self.docs}
        for name, hit in (("relaxed", self.relaxed), ("strict", self.strict), ("value", self.value)):
            p, r, f = self._f1(hit, self.pred, self.gold)
            out.update({f"{name}.p": p, f"{name}.r": r, f"{name}.f1": f})
        out["value.accuracy"] = self.value / self.relaxed if self.relaxed else 0.0
        out["type.accuracy"] = self.type / self.relaxed if self.relaxed else 0.0
        return out


@dataclass
class DocScore:
    tally: Tally
    notes: list[str] = field(default_factory=list)


def match(gold: list[GoldTimex], pred: list) -> list[tuple[GoldTimex, object]]:
    """One-to-one pairs of overlapping extents, the largest overlap first."""
    pairs = []
    for g in gold:
        for p in pred:
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                pairs.append((-overlap, g.start, p.start, g, p))
    pairs.sort(key=lambda x: (x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, _, g, p in pairs:
        if id(g) in used_g or id(p) in used_p:
            continue
        used_g.add(id(g))
        used_p.add(id(p))
        out.append((g, p))
    return out


def canonical(value: str | None) -> str | None:
    """The same TIMEX3 value in one spelling: week numbers with two digits."""
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value) if value else value


def score_doc(doc: GoldDoc, times: list) -> DocScore:
    t = Tally(docs=1, gold=len(doc.timexes), pred=len(times))
    notes: list[str] = []
    pairs = match(doc.timexes, times)
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    for g, p in pairs:
        t.relaxed += 1
        exact = (g.start, g.end) == (p.start, p.end)
        t.strict += exact
        value_ok = canonical(p.value) == canonical(g.value)
        t.value += value_ok
        t.type += p.type == g.type
        if not value_ok or p.type != g.type:
            notes.append(f"{doc.ident}: wrong: {g.text!r} gold {g.type} {g.value} got {p.text!r} {p.type} {p.value}")
        elif not exact:
            notes.append(f"{doc.ident}: extent: gold {g.text!r} got {p.text!r}")
    for g in doc.timexes:
        if id(g) not in matched_g:
            notes.append(f"{doc.ident}: missed: {g.text!r} {g.type} {g.value} | {_context(doc.text, g.start, g.end)}")
    for p in times:
        if id(p) not in matched_p:
            notes.append(f"{doc.ident}: spurious: {p.text!r} {p.type} {p.value} | {_context(doc.text, p.start, p.end)}")
    return DocScore(t, notes)


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width): start].replace("\n", " ")
    right = text[end: end + width].replace("\n", " ")
    return f"...{left}[{text[start:end]}]{right}..."


def format_table(rows: list[tuple[str, Tally]]) -> str:
    head = (f"{'corpus':<9} {'docs':>4} {'gold':>5} {'pred':>5} | {'relaxed P':>9} {'R':>5} {'F1':>5} | "
            f"{'strict P':>8} {'R':>5} {'F1':>5} | {'value acc':>9} {'value F1':>8} | {'type acc':>8}")
    lines = [head, "-" * len(head)]
    for name, tally in rows:
        m = tally.metrics()
        lines.append(
            f"{name:<9} {tally.docs:>4} {tally.gold:>5} {tally.pred:>5} | {m['relaxed.p']:>9.3f} {m['relaxed.r']:>5.3f} {m['relaxed.f1']:>5.3f} | "
            f"{m['strict.p']:>8.3f} {m['strict.r']:>5.3f} {m['strict.f1']:>5.3f} | {m['value.accuracy']:>9.3f} {m['value.f1']:>8.3f} | "
            f"{m['type.accuracy']:>8.3f}"
        )
    lines.append("")
    lines.append("published (TempEval-3 test): HeidelTime value F1 0.776; CogComp strict span F1 0.794, value F1 0.705")
    lines.append("targets (issue 3): relaxed span F1 >= 0.90, strict span F1 >= 0.80, value accuracy >= 0.85")
    return "\n".join(lines)


def evaluate(
    name: str,
    paths: list[Path],
    *,
    make_extractor: Callable,
    limit: int | None = None,
    published: str | None = None,
) -> EvalResult:
    """`factwire eval timebank ../shared/datasets/timebank [--limit N]`."""
    files = sample(find_files(paths), limit)
    docs = [parse_tml(path, corpus) for path, corpus in files]
    extractor = make_extractor(components=("factwire_times",))
    articles = [Article(text=d.text, id=d.ident, published=d.dct or published) for d in docs]
    started = time.perf_counter()
    reports = list(extractor.extract_many(articles))
    elapsed = time.perf_counter() - started
    per_corpus: dict[str, Tally] = {}
    total = Tally()
    notes: list[str] = []
    for doc, report in zip(docs, reports):
        scored = score_doc(doc, report.times)
        per_corpus.setdefault(doc.corpus, Tally()).add(scored.tally)
        total.add(scored.tally)
        notes.extend(scored.notes)
    rows = sorted(per_corpus.items()) + [("overall", total)]
    metrics: dict[str, float] = {"seconds": elapsed}
    for corpus, tally in rows:
        prefix = "" if corpus == "overall" else f"{corpus}."
        metrics.update({prefix + k: v for k, v in tally.metrics().items()})
    table = format_table(rows) + f"\n\nextraction: {elapsed:.1f}s for {len(docs)} documents after the model was loaded"
    return EvalResult(name=name, table=table, metrics=metrics, notes=notes)
