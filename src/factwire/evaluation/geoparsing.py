"""`factwire eval lgl PATH` / `factwire eval trnews PATH`: toponym recognition and resolution.

PATH is the folder shared/datasets/geoparsing (LGL: lgl.xml; TR-News: TR-News.xml, both from
milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation) or the XML file itself. Each <article>
has its <text>, a download time (<dltime>, read as the article's `published` date) and
<toponym>s with character offsets and, for most, a <gaztag> with the GeoNames id and point.
Its <url> (else <domain>) is passed on as the article's address, as a news feed gives it: the
places component reads where the outlet is from it (components/places_outlet.py).

Two tables' worth of figures, in one table:

- resolution on GOLD spans (the usual geocoding set-up, as Mordecai3 and CamCoder report it): the
  places component is handed each gold toponym's span and resolves it with the context it reads
  from the document (`PlacesComponent.resolve_spans`). Scored over gold toponyms that have a
  GeoNames point: accuracy within 161 km, exact GeoNames id, mean and median error in km, and
  the AUC of the log error curve (Gritta et al. 2018; lower is better). An unresolved toponym
  counts as the largest error on Earth (20,039 km).
- end to end: the toponyms factwire finds by itself (doc.spans["fw_toponyms"]: every place name,
  also one that stands for an actor, "Russia said"), matched one-to-one to gold by character
  overlap. Recognition P/R/F1 over all gold toponyms; end-to-end F1 counts a match as right
  only when its point is also within 161 km of gold (over gold toponyms with a point, and
  predictions not matched to a gold toponym without one).

Published figure: Mordecai3 on LGL (gold spans): 82.7% within 161 km, 79.4% exact GeoNames id.
"""

from __future__ import annotations

import math
import re
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..article import Article, article_from_text
from ..errors import GoldError
from . import EvalResult, sample

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
FILES = {"lgl": "lgl.xml", "trnews": "TR-News.xml"}
WITHIN_KM = 161.0
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error of an unresolved toponym
PUBLISHED = {"lgl": "Mordecai3 on LGL (gold spans): acc@161km 0.827, exact GeoNames id 0.794"}


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float | None
    lon: float | None


@dataclass
class Document:
    ident: str
    text: str
    title: str | None
    published: str | None
    url: str | None = None  # the article's address: where its outlet is (places_outlet.py)
    toponyms: list[Toponym] = field(default_factory=list)


@dataclass
class Counts:
    gold: int = 0  # gold toponyms (recognition) / with a point (resolution)
    predicted: int = 0
    matched: int = 0
    errors: list[float] = field(default_factory=list)  # km, one per gold toponym with a point
    exact: int = 0
    e2e_gold: int = 0
    e2e_predicted: int = 0
    e2e_right: int = 0


def find_file(name: str, paths: list[Path]) -> Path:
    wanted = FILES[name]
    for path in paths:
        path = Path(path)
        if path.is_file():
            return path
        hits = sorted(path.rglob(wanted)) if path.is_dir() else []
        if hits:
            return hits[0]
    raise GoldError(f"no {wanted} under {', '.join(str(p) for p in paths)}: pass the geoparsing dataset folder or the file")


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def load(path: Path) -> list[Document]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise GoldError(f"{path}: not readable XML ({exc})") from exc
    docs: list[Document] = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        # a few TR-News download times are clock times only ("9:27 AM ET"): no date then
        day = _DAY.search(art.findtext("dltime") or "")
        url = (art.findtext("url") or "").strip() or (art.findtext("domain") or "").strip() or None
        doc = Document(art.get("docid") or str(len(docs)), text, (art.findtext("title") or "").strip() or None, day.group(0) if day else None,
                       url)
        for top in art.iter("toponym"):
            start, end = int(top.findtext("start")), int(top.findtext("end"))
            gaz = top.find("gaztag")
            gid = gaz.get("geonameid") if gaz is not None else None
            lat = _float(gaz.findtext("lat")) if gaz is not None else None
            lon = _float(gaz.findtext("lon")) if gaz is not None else None
            phrase = top.findtext("phrase") or text[start:end]
            start, end = _realign(text, phrase, start, end)
            doc.toponyms.append(Toponym(start, end, phrase, int(gid) if gid else None, lat, lon))
        docs.append(doc)
    return docs


def _realign(text: str, phrase: str, start: int, end: int, slack: int = 40) -> tuple[int, int]:
    """Some TR-News documents' offsets run a character or two off their text (lost carriage
    returns): the phrase's nearest occurrence within `slack` characters is taken instead."""
    if text[start:end] == phrase or not phrase:
        return start, end
    best: int | None = None
    at = text.find(phrase, max(0, start - slack))
    while at != -1 and at <= start + slack:
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = text.find(phrase, at + 1)
    return (best, best + len(phrase)) if best is not None else (start, end)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _error(gold: Toponym, lat: float | None, lon: float | None) -> float:
    if lat is None or lon is None or gold.lat is None or gold.lon is None:
        return MAX_ERROR_KM
    return km(gold.lat, gold.lon, lat, lon)


def auc(errors: list[float]) -> float | None:
    """Area under the curve of sorted log errors, scaled to 0..1 (0: every toponym exact)."""
    if len(errors) < 2:
        return None
    logs = sorted(math.log(e + 1) for e in errors)
    area = sum((a + b) / 2 for a, b in zip(logs, logs[1:]))
    return area / (len(logs) - 1) / math.log(MAX_ERROR_KM)


def _article(doc: Document) -> Article:
    article = article_from_text(doc.text, ident=doc.ident, name=doc.ident, published=doc.published, title=doc.title, url=doc.url)
    if article.text != doc.text:  # front matter or a byline was cut off: offsets must stay the text's
        article = Article(text=doc.text, id=doc.ident, title=doc.title, published=article.published, url=doc.url)
    return article


def _match(gold: list[Toponym], predicted: list[tuple[int, int, object]]) -> list[tuple[Toponym, tuple]]:
    """One-to-one pairs by character overlap, largest overlap first."""
    pairs = []
    for g in gold:
        for p in predicted:
            overlap = min(g.end, p[1]) - max(g.start, p[0])
            if overlap > 0:
                pairs.append((overlap, g, p))
    pairs.sort(key=lambda x: -x[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, g, p in pairs:
        if id(g) in used_g or id(p) in used_p:
            continue
        used_g.add(id(g))
        used_p.add(id(p))
        out.append((g, p))
    return out


def score_document(doc: Document, spacy_doc, places, counts: Counts, notes: list[str]) -> None:
    with_point = [t for t in doc.toponyms if t.lat is not None and t.lon is not None]
    resolved = places.resolve_spans(spacy_doc, [(t.start, t.end) for t in with_point])
    for t, entry in zip(with_point, resolved):
        err = _error(t, entry.lat if entry else None, entry.lon if entry else None)
        counts.errors.append(err)
        if entry is not None and entry.geonameid == t.geonameid:
            counts.exact += 1
        elif err <= WITHIN_KM:
            got = f"{entry.name} ({entry.country}, {entry.geonameid}, {entry.source})" if entry else "nothing"
            notes.append(f"id: {doc.ident}: {t.phrase!r} -> {got}, {err:.0f} km off gold {t.geonameid}")
        if err > WITHIN_KM:
            got = f"{entry.name} ({entry.country}, {entry.geonameid}, {entry.source})" if entry else "nothing"
            notes.append(f"{doc.ident}: {t.phrase!r} -> {got}, {err:.0f} km off gold {t.geonameid}")
    # end to end
    spans = spacy_doc.spans["fw_toponyms"] if "fw_toponyms" in spacy_doc.spans else []
    predicted = [(s.start_char, s.end_char, s) for s in spans]
    entries = places.resolve_spans(spacy_doc, [(p[0], p[1]) for p in predicted])
    point = {id(p): e for p, e in zip(predicted, entries)}
    counts.gold += len(doc.toponyms)
    counts.predicted += len(predicted)
    pairs = _match(doc.toponyms, predicted)
    counts.matched += len(pairs)
    counts.e2e_gold += len(with_point)
    matched_pointless = sum(1 for g, _ in pairs if g.lat is None)
    counts.e2e_predicted += len(predicted) - matched_pointless
    for g, p in pairs:
        e = point[id(p)]
        if g.lat is not None and e is not None and _error(g, e.lat, e.lon) <= WITHIN_KM:
            counts.e2e_right += 1


def _prf(right: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def metrics_of(c: Counts) -> dict[str, float]:
    n = len(c.errors)
    m: dict[str, float] = {
        "gold": float(c.gold),
        "predicted": float(c.predicted),
        "resolution.n": float(n),
        "resolution.acc161": sum(1 for e in c.errors if e <= WITHIN_KM) / n if n else 0.0,
        "resolution.exact": c.exact / n if n else 0.0,
        "resolution.mean_km": statistics.fmean(c.errors) if n else 0.0,
        "resolution.median_km": statistics.median(c.errors) if n else 0.0,
    }
    area = auc(c.errors)
    if area is not None:
        m["resolution.auc"] = area
    p, r, f = _prf(c.matched, c.predicted, c.gold)
    m.update({"recognition.precision": p, "recognition.recall": r, "recognition.f1": f})
    p, r, f = _prf(c.e2e_right, c.e2e_predicted, c.e2e_gold)
    m.update({"e2e.precision": p, "e2e.recall": r, "e2e.f1": f})
    return m


def format_table(name: str, m: dict[str, float], docs: int, seconds: float) -> str:
    rows = [
        ("documents", f"{docs}"),
        ("gold toponyms / predicted", f"{int(m['gold'])} / {int(m['predicted'])}"),
        ("resolution on gold spans (n)", f"{int(m['resolution.n'])}"),
        ("  accuracy within 161 km", f"{m['resolution.acc161']:.3f}"),
        ("  exact GeoNames id", f"{m['resolution.exact']:.3f}"),
        ("  mean error km", f"{m['resolution.mean_km']:.0f}"),
        ("  median error km", f"{m['resolution.median_km']:.1f}"),
        ("  AUC (lower is better)", f"{m.get('resolution.auc', float('nan')):.3f}"),
        ("recognition P / R / F1", f"{m['recognition.precision']:.3f} / {m['recognition.recall']:.3f} / {m['recognition.f1']:.3f}"),
        ("end-to-end (161 km) P / R / F1", f"{m['e2e.precision']:.3f} / {m['e2e.recall']:.3f} / {m['e2e.f1']:.3f}"),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"{name}: toponyms (factwire_places)", ""] + [f"{k:<{width}}  {v}" for k, v in rows]
    if name in PUBLISHED:
        lines += ["", f"published: {PUBLISHED[name]}"]
    lines.append(f"\n{seconds:.1f}s for {docs} documents after the model was loaded")
    return "\n".join(lines)


def evaluate(name: str, paths: list, *, make_extractor: Callable, limit: int | None = None, published: str | None = None) -> EvalResult:
    if name not in FILES:
        raise GoldError(f"geoparsing evaluates {', '.join(FILES)}, not {name!r}")
    docs = sample(load(find_file(name, [Path(p) for p in paths])), limit)
    # the actors component runs first in the full pipeline: the places filter reads it
    extractor = make_extractor(components=("factwire_actors", "factwire_places"))
    places = extractor.nlp.get_pipe("factwire_places")
    counts = Counts()
    notes: list[str] = []
    started = time.perf_counter()
    for doc in docs:
        article = _article(doc)
        if published and not article.published:
            article = Article(text=article.text, id=article.id, title=article.title, published=published, dateline=article.dateline, url=article.url)
        spacy_doc = extractor.doc(article)
        score_document(doc, spacy_doc, places, counts, notes)
    seconds = time.perf_counter() - started
    m = metrics_of(counts)
    m["seconds"] = seconds
    return EvalResult(name=name, table=format_table(name, m, len(docs), seconds), metrics=m, notes=notes)
