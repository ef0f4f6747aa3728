"""Synthetic corpora for benchmarks and tests: real Reports perturbed into many articles.

No model is needed. An original synthetic article is a real Report (e.g. from
tests/fixtures/demo_reports_trimmed.jsonl) under a new id, its dates shifted, often its places
moved to another country, and its text's letters permuted (so its words, and its shingles, are
new: it is no near-duplicate of anything). A wire copy repeats an earlier synthetic original
with a line appended, published the same day or a day either side (so a copy may be the
earliest of its group). Offsets stay valid because every edit keeps the text's length or only
appends to it.
"""

from __future__ import annotations

import hashlib
import random
import string
from datetime import date, timedelta

from ..schema import Report

# Countries a synthetic article's places may move to, with a representative point.
COUNTRIES = (
    ("IRQ", 33.3, 44.4), ("SYR", 34.8, 38.9), ("AFG", 34.5, 69.2), ("YEM", 15.4, 44.2),
    ("SOM", 2.0, 45.3), ("UKR", 50.4, 30.5), ("MLI", 12.6, -8.0), ("LBY", 32.9, 13.2),
)
COPY_SHARE = 0.3
MOVE_SHARE = 0.5
MAX_SHIFT_DAYS = 400


def _shift(value: str | None, days: int) -> str | None:
    if value is None or len(value) < 10:
        return value
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]
    except ValueError:
        return value


def _permuted(text: str, rng: random.Random) -> str:
    letters = list(string.ascii_lowercase)
    rng.shuffle(letters)
    table = str.maketrans(string.ascii_lowercase + string.ascii_uppercase, "".join(letters) + "".join(letters).upper())
    return text.translate(table)


def synthetic_report(source: Report, ident: str, rng: random.Random) -> Report:
    """An original synthetic article made from `source` (see the module docstring)."""
    report = source.model_copy(deep=True)
    days = rng.randint(-MAX_SHIFT_DAYS, MAX_SHIFT_DAYS)
    art = report.article
    _set_text(report, ident, _permuted(art.text, rng) + f"\n\n({ident})")
    art.published = _shift(art.published, days)
    for t in report.times:
        t.value = _shift(t.value, days)
        if t.interval is not None:
            t.interval.start, t.interval.end = _shift(t.interval.start, days), _shift(t.interval.end, days)
    if rng.random() < MOVE_SHARE:
        moved: dict[str, str] = {}
        for place in report.places:
            if place.country is None:
                continue
            country, lat, lon = COUNTRIES[rng.randrange(len(COUNTRIES))]
            moved[place.country] = country
            place.country, place.lat, place.lon = country, lat + rng.uniform(-2, 2), lon + rng.uniform(-2, 2)
            if place.geonameid is not None:
                place.geonameid += 10_000_000 * (1 + COUNTRIES.index((country, lat, lon)))
        for force in report.forces:
            force.place_country = moved.get(force.place_country, force.place_country) if force.place_country else None
    return report


def wire_copy(original: Report, ident: str, rng: random.Random) -> Report:
    """A near-duplicate of `original`: a line appended, published within a day of it."""
    report = original.model_copy(deep=True)
    _set_text(report, ident, original.article.text + f"\n(Updated {ident}.)")
    report.article.published = _shift(original.article.published, rng.choice((-1, 0, 0, 1)))
    return report


def _set_text(report: Report, ident: str, text: str) -> None:
    art = report.article
    art.id, art.text, art.url = ident, text, None
    art.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()


def synthetic_corpus(
    sources: list[Report], count: int, seed: int = 0, prefix: str = "syn", copy_share: float = COPY_SHARE
) -> list[Report]:
    """`count` synthetic articles, ids `<prefix>-00000`..., reproducible for a seed; about
    `copy_share` of them wire copies of earlier ones."""
    rng = random.Random(seed)
    out: list[Report] = []
    originals: list[Report] = []
    for n in range(count):
        ident = f"{prefix}-{n:05d}"
        if originals and rng.random() < copy_share:
            out.append(wire_copy(originals[rng.randrange(len(originals))], ident, rng))
        else:
            originals.append(synthetic_report(sources[rng.randrange(len(sources))], ident, rng))
            out.append(originals[-1])
    return out
