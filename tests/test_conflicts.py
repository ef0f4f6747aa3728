"""factwire_conflicts over hand-made claim and force records."""

from __future__ import annotations

import pytest
import spacy

from factwire import schema
from factwire.components.claims import ClaimExtractor
from factwire.components.conflicts import ConflictFinder
from factwire.components.events import EventExtractor
from factwire.components.events_lexicon import load_lexicon
from factwire.docext import register_extensions

from test_claims import accused_then_denied

register_extensions()


def span(text: str) -> schema.Span:
    return schema.Span(start=0, end=len(text), text=text)


def force(ident: str, value: float, bound: str = "exact", place: str | None = "p1", status: str = "current") -> schema.Force:
    return schema.Force(
        id=ident, owner="a1", owner_country="USA", count=schema.Count(value=value, bound=bound),
        place=place, place_country="IRQ", status=status, evidence=span(f"{value:g} troops"),
    )


def blank_doc():
    doc = spacy.blank("en")("x")
    doc._.fw_actors = [schema.Actor(id="a1", name="United States", kind="state", country="USA")]
    return doc


def test_accusation_and_denial_make_an_attribution_conflict():
    lex = load_lexicon()
    doc = ConflictFinder()(ClaimExtractor(lex)(EventExtractor(lex)(accused_then_denied())))
    [conflict] = doc._.fw_conflicts
    assert (conflict.id, conflict.kind, conflict.items) == ("x1", "attribution", ["c1", "c2"])
    assert conflict.note == (
        "an unnamed source attributes the assault event e2 against the minister to Iran's proxies; "
        "Iranian officials denies it"
    )


def test_two_counts_for_the_same_force_conflict():
    doc = blank_doc()
    doc._.fw_forces = [force("f1", 2500), force("f2", 3000), force("f3", 900, place="p2")]
    ConflictFinder()(doc)
    assert [(c.kind, c.items) for c in doc._.fw_conflicts] == [("count", ["f1", "f2"])]
    assert doc._.fw_conflicts[0].note == "troops of United States: '2500 troops' vs '3000 troops'"


@pytest.mark.parametrize(
    "other",
    [force("f2", 2500), force("f2", 3000, status="planned"), force("f2", 2000, bound="min"), force("f2", 2600, bound="approx")],
)
def test_compatible_or_differently_planned_counts_do_not_conflict(other):
    doc = blank_doc()
    first = force("f1", 2500, bound="max")
    doc._.fw_forces = [first, other]
    ConflictFinder()(doc)
    assert doc._.fw_conflicts == []


@pytest.mark.model
def test_seed_conflict(seed_report):
    [conflict] = [c for c in seed_report.conflicts if c.kind == "attribution"]
    claims = {c.id: c for c in seed_report.claims}
    assert sorted(claims[i].stance for i in conflict.items) == ["accuses", "denies"]


@pytest.mark.model
def test_two_casualty_figures_for_one_event_conflict(extractor):
    from factwire.article import Article

    text = (
        "A suicide bomber attacked a mosque in Kunduz on Friday. The provincial governor said 40 people "
        "were killed in the attack. The Taliban said at least 55 people died in the bombing."
    )
    report = extractor.extract(Article(text=text, published="2021-12-09"))
    [event] = report.events
    assert event.fatalities == schema.Range(min=40, max=40)  # the first figure stays on the event
    figures = [c for c in report.claims if c.stance == "asserts"]
    assert [(c.about, c.evidence.text) for c in figures] == [
        (event.id, "The provincial governor said 40 people were killed in the attack"),
        (event.id, "The Taliban said at least 55 people died in the bombing"),
    ]
    [conflict] = [x for x in report.conflicts if x.kind == "count"]
    assert conflict.items == [c.id for c in figures]


@pytest.mark.model
def test_compatible_casualty_figures_do_not_conflict(extractor):
    from factwire.article import Article

    text = (
        "A suicide bomber attacked a mosque in Kunduz on Friday. The provincial governor said at least 40 people "
        "were killed in the attack. The Taliban said 55 people died in the bombing."
    )
    report = extractor.extract(Article(text=text, published="2021-12-09"))
    assert not report.claims and not report.conflicts
