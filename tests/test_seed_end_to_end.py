"""The reference article end to end: exact facts a careful analyst extracts by hand."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _actor(report, ident):
    return next(a for a in report.actors if a.id == ident)


def _place(report, ident):
    return next(p for p in report.places if p.id == ident) if ident else None


def _time_value(report, ident):
    return next((t.value for t in report.times if t.id == ident), None)


def test_four_force_levels(seed_report):
    got = set()
    for force in seed_report.forces:
        place = _place(seed_report, force.place)
        where = force.place_country or (place.name if place else None)
        got.add((force.owner_country, where, force.count.value, force.count.bound))
    assert got >= {
        ("USA", "IRQ", 2500, "exact"),
        ("USA", "IRQ", 170000, "min"),
        ("USA", "SYR", 900, "approx"),
        ("USA", "Middle East", 80000, "exact"),
    }
    assert all(_actor(seed_report, f.owner).country == "USA" for f in seed_report.forces)


def test_every_direct_quote_has_its_speaker(seed_report):
    direct = [q for q in seed_report.quotes if q.kind == "direct"]
    assert len(direct) >= 13
    for quote in direct:
        assert quote.speaker is not None, quote.text
        assert _actor(seed_report, quote.speaker).name == "Frank Mackenzie", quote.text


def test_quote_after_he_said_and_the_unclosed_one(seed_report):
    texts = {q.text: q for q in seed_report.quotes}
    assert _actor(seed_report, texts["Iran still intends to expel us,"].speaker).name == "Frank Mackenzie"
    unclosed = next(q for q in seed_report.quotes if q.text.startswith("And they see the main battleground in Iraq."))
    assert unclosed.text.endswith("where we leave off.")
    assert _actor(seed_report, unclosed.speaker).name == "Frank Mackenzie"


@pytest.mark.parametrize(
    "context, text, value",
    [
        ("al-Kazimi last month", "last month", "2021-11"),
        ("drone strike last month", "last month", "2021-11"),
        ("left in late August", "late August", "2021-08"),
        ("said Thursday that", "Thursday", "2021-12-09"),
        ("three years later", "three years later", "2014"),
    ],
)
def test_resolved_times(seed_report, context, text, value):
    article = seed_report.article.text
    start = article.index(context)
    end = start + len(context)
    hits = [t for t in seed_report.times if t.start < end and start < t.end]
    assert [t.value for t in hits] == [value], hits


def test_article_metadata(seed_report):
    a = seed_report.article
    assert a.authors == ["Lolita C. Baldor", "Robert Burns"]
    assert a.outlet == "Associated Press"
    assert a.dateline == "WASHINGTON"
    assert a.published == "2021-12-09"


def test_every_offset_indexes_the_article_text(seed_report):
    text = seed_report.article.text
    spans = []
    for group in (seed_report.actors, seed_report.places):
        for item in group:
            spans += item.mentions
    spans += [e.evidence for e in seed_report.events] + [f.evidence for f in seed_report.forces]
    spans += [c.evidence for c in seed_report.claims]
    for span in spans:
        assert text[span.start:span.end] == span.text
    for item in [*seed_report.times, *seed_report.quantities, *seed_report.quotes]:
        assert text[item.start:item.end] == item.text


def test_ids_unique_and_references_resolve(seed_report):
    ids = [i.id for name in ("actors", "places", "times", "quantities", "equipment", "events", "forces", "quotes", "claims", "conflicts") for i in getattr(seed_report, name)]
    assert len(ids) == len(set(ids))
    known = set(ids)
    for e in seed_report.events:
        for ref in (e.actor, e.target, e.place, e.time, e.source):
            assert ref is None or ref in known
    for c in seed_report.conflicts:
        assert set(c.items) <= known


def test_the_accusation_and_denial_conflict(seed_report):
    article = seed_report.article.text
    claims = {c.id: c for c in seed_report.claims}
    found = False
    for conflict in seed_report.conflicts:
        texts = " | ".join(claims[i].evidence.text for i in conflict.items if i in claims)
        if "blamed" in texts and "nothing to do with" in texts:
            found = True
    assert found, [c.model_dump() for c in seed_report.conflicts]
    assert article  # the evidence above is sliced from it
