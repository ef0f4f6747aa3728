"""factwire_claims on hand-built, hand-parsed Docs (no model), plus the seed with the model."""

from __future__ import annotations

import pytest

from factwire.components.claims import ClaimExtractor
from factwire.components.events import EventExtractor
from factwire.components.events_lexicon import load_lexicon

from test_events import BLAMED, Row, actor, parsed, time


@pytest.fixture(scope="module")
def run():
    lex = load_lexicon()
    events, claims = EventExtractor(lex), ClaimExtractor(lex)

    def go(doc):
        return claims(events(doc))

    return go


# "Iranian officials said Tehran had nothing to do with the attack last month ."
DENIAL: list[Row] = [
    ("Iranian", 1, "amod", "ADJ", "JJ", "iranian"),
    ("officials", 2, "nsubj", "NOUN", "NNS", "official"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("Tehran", 4, "nsubj", "PROPN", "NNP", "Tehran"),
    ("had", 2, "ccomp", "VERB", "VBD", "have"),
    ("nothing", 4, "dobj", "PRON", "NN", "nothing"),
    ("to", 7, "aux", "PART", "TO", "to"),
    ("do", 5, "relcl", "VERB", "VB", "do"),
    ("with", 7, "prep", "ADP", "IN", "with"),
    ("the", 10, "det", "DET", "DT", "the"),
    ("attack", 8, "pobj", "NOUN", "NN", "attack"),
    ("last", 12, "amod", "ADJ", "JJ", "last"),
    ("month", 10, "npadvmod", "NOUN", "NN", "month"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def shifted(rows: list[Row], by: int) -> list[Row]:
    return [(w, h + by, d, p, t, lem) for w, h, d, p, t, lem in rows]


def accused_then_denied():
    doc = parsed(BLAMED + shifted(DENIAL, len(BLAMED)))
    n = len(BLAMED)
    actor(doc, 0, 3, "a1", "Iran's proxies", kind="armed_group", country="IRN")
    actor(doc, 10, 12, "a2", "the minister", kind="person", country="IRQ")
    actor(doc, n, n + 2, "a3", "Iranian officials", kind="government", country="IRN")
    actor(doc, n + 3, n + 4, "a4", "Tehran", kind="government", country="IRN")
    time(doc, 12, 14, "t1", "2021-11")
    time(doc, n + 11, n + 13, "t2", "2021-11")
    return doc


def test_accusation_and_denial_of_one_event(run):
    doc = run(accused_then_denied())
    [event] = [e for e in doc._.fw_events if e.type == "ASSAULT"]
    assert event.id == "e2"
    assert [(c.id, c.about, c.stance, c.source) for c in doc._.fw_claims] == [
        ("c1", "e2", "accuses", None),
        ("c2", "e2", "denies", "a3"),
    ]
    assert doc._.fw_claims[0].evidence.text == "Iran's proxies have been blamed for the assassination"
    assert doc._.fw_claims[1].evidence.text == "Iranian officials said Tehran had nothing to do with the attack"
    assert event.status == "alleged"


def test_behind_under_believe_is_an_accusation_by_the_believer(run):
    # "Officials believe Iran was behind the strike ."
    doc = parsed([
        ("Officials", 1, "nsubj", "NOUN", "NNS", "official"),
        ("believe", 1, "ROOT", "VERB", "VBP", "believe"),
        ("Iran", 3, "nsubj", "PROPN", "NNP", "Iran"),
        ("was", 1, "ccomp", "AUX", "VBD", "be"),
        ("behind", 3, "prep", "ADP", "IN", "behind"),
        ("a", 7, "det", "DET", "DT", "a"),
        ("drone", 7, "compound", "NOUN", "NN", "drone"),
        ("strike", 4, "pobj", "NOUN", "NN", "strike"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])
    actor(doc, 0, 1, "a1", "officials", kind="government")
    actor(doc, 2, 3, "a2", "Iran", country="IRN")
    run(doc)
    [event] = doc._.fw_events
    assert (event.actor, event.status, event.mode) == ("a2", "alleged", "aerial")
    [claim] = doc._.fw_claims
    assert (claim.about, claim.stance, claim.source) == ("e1", "accuses", "a1")
    assert claim.evidence.text == "Officials believe Iran was behind a drone strike"


def test_no_event_no_claim(run):
    # "They blamed the weather ." -- nothing violent to be about
    doc = parsed([
        ("They", 1, "nsubj", "PRON", "PRP", "they"),
        ("blamed", 1, "ROOT", "VERB", "VBD", "blame"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("weather", 1, "dobj", "NOUN", "NN", "weather"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])
    run(doc)
    assert doc._.fw_claims == []


@pytest.mark.model
def test_seed_claims(seed_report):
    stances = [(c.stance, c.evidence.text) for c in seed_report.claims]
    assert ("accuses", "Iran’s proxies have recently been blamed for the assassination") in stances
    assert ("accuses", "Officials say they believe Iran was behind a drone strike") in stances
    denial = next(c for c in seed_report.claims if c.stance == "denies")
    accusation = next(c for c in seed_report.claims if c.stance == "accuses")
    assert denial.about == accusation.about
