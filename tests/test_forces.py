"""factwire_forces on hand-built, hand-parsed Docs (no model), plus the seed with the model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from factwire import schema
from factwire.article import Article
from factwire.components.forces import ForcesComponent
from factwire.components.forces_lexicon import ForceLexicon
from factwire.docext import register_extensions

register_extensions()


@pytest.fixture(scope="module")
def component() -> ForcesComponent:
    return ForcesComponent(ForceLexicon.load())


# (word, head index, dep, pos, tag, lemma)
Row = tuple[str, int, str, str, str, str]


def parsed(rows: list[Row], published: str | None = "2021-12-09") -> Doc:
    nlp = spacy.blank("en")
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][2] != "punct" for i in range(len(rows))]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        sent_starts=[i == 0 for i in range(len(rows))],
    )
    doc._.fw_article = Article(text=doc.text, published=published)
    for attr, group in (("fw_actors", "fw_actors"), ("fw_places", "fw_places"), ("fw_times", "fw_times"), ("fw_quantities", "fw_quantities")):
        setattr(doc._, attr, [])
        doc.spans[group] = []
    return doc


def _span(doc: Doc, group: str, start: int, end: int, ident: str) -> None:
    span = Span(doc, start, end)
    span.kb_id_ = ident
    doc.spans[group] = [*doc.spans[group], span]


def actor(doc: Doc, start: int, end: int, ident: str, country: str | None, kind: str = "state") -> None:
    doc._.fw_actors = [*doc._.fw_actors, schema.Actor(id=ident, name=doc[start:end].text, kind=kind, country=country)]
    _span(doc, "fw_actors", start, end, ident)


def place(doc: Doc, start: int, end: int, ident: str, country: str | None, feature: str = "country") -> None:
    doc._.fw_places = [*doc._.fw_places, schema.Place(id=ident, name=doc[start:end].text, country=country, feature=feature)]
    _span(doc, "fw_places", start, end, ident)


def time(doc: Doc, start: int, end: int, ident: str, value: str) -> None:
    span = doc[start:end]
    doc._.fw_times = [
        *doc._.fw_times,
        schema.Time(id=ident, start=span.start_char, end=span.end_char, text=span.text, type="DATE", value=value),
    ]
    _span(doc, "fw_times", start, end, ident)


def quantity(doc: Doc, start: int, end: int, ident: str, value: float, bound: str = "exact") -> None:
    span = doc[start:end]
    doc._.fw_quantities = [
        *doc._.fw_quantities,
        schema.Quantity(id=ident, start=span.start_char, end=span.end_char, text=span.text, value=value, bound=bound),
    ]
    _span(doc, "fw_quantities", start, end, ident)


def summary(force: schema.Force) -> tuple:
    return (force.id, force.owner, force.owner_country, force.force, force.count.value, force.count.bound,
            force.place, force.place_country, force.time, force.status, force.evidence.text)


def keep_doc() -> Doc:
    # "the United States will keep 2,500 troops in Iraq in the near future ."
    doc = parsed([
        ("The", 2, "det", "DET", "DT", "the"),
        ("United", 2, "compound", "PROPN", "NNP", "United"),
        ("States", 4, "nsubj", "PROPN", "NNP", "States"),
        ("will", 4, "aux", "AUX", "MD", "will"),
        ("keep", 4, "ROOT", "VERB", "VB", "keep"),
        ("2,500", 6, "nummod", "NUM", "CD", "2,500"),
        ("troops", 4, "dobj", "NOUN", "NNS", "troop"),
        ("in", 6, "prep", "ADP", "IN", "in"),
        ("Iraq", 7, "pobj", "PROPN", "NNP", "Iraq"),
        ("in", 4, "prep", "ADP", "IN", "in"),
        ("the", 12, "det", "DET", "DT", "the"),
        ("near", 12, "amod", "ADJ", "JJ", "near"),
        ("future", 9, "pobj", "NOUN", "NN", "future"),
        (".", 4, "punct", "PUNCT", ".", "."),
    ])
    actor(doc, 0, 3, "a1", "USA")
    place(doc, 8, 9, "p1", "IRQ")
    quantity(doc, 5, 6, "q1", 2500)
    return doc


def test_planned_level_with_owner_from_subject_and_place_from_pp(component):
    doc = component(keep_doc())
    assert [summary(f) for f in doc._.fw_forces] == [
        ("f1", "a1", "USA", "troops", 2500, "exact", "p1", "IRQ", None, "planned", "will keep 2,500 troops in Iraq")
    ]


def test_time_falls_back_to_a_mention_of_the_publication_date(component):
    doc = keep_doc()
    # "the near future" has no calendar value; a mention resolving to today stands for "now"
    doc._.fw_times = [schema.Time(id="t1", start=0, end=3, text="The", type="DATE", value="FUTURE_REF")]
    doc.spans["fw_times"] = []
    _span(doc, "fw_times", 10, 13, "t1")
    time(doc, 13, 14, "t2", "2021-12-09")
    forces = component(doc)._.fw_forces
    assert (forces[0].time, forces[0].status) == ("t2", "planned")


def test_number_of_troops_is_close_to(component):
    doc = parsed([
        ("The", 1, "det", "DET", "DT", "the"),
        ("number", 7, "nsubj", "NOUN", "NN", "number"),
        ("of", 1, "prep", "ADP", "IN", "of"),
        ("U.S.", 4, "compound", "PROPN", "NNP", "U.S."),
        ("troops", 2, "pobj", "NOUN", "NNS", "troop"),
        ("in", 4, "prep", "ADP", "IN", "in"),
        ("Syria", 5, "pobj", "PROPN", "NNP", "Syria"),
        ("is", 7, "ROOT", "AUX", "VBZ", "be"),
        ("close", 7, "acomp", "ADJ", "JJ", "close"),
        ("to", 8, "prep", "ADP", "IN", "to"),
        ("900", 9, "pobj", "NUM", "CD", "900"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ])
    actor(doc, 3, 4, "a1", "USA")
    place(doc, 6, 7, "p1", "SYR")
    quantity(doc, 8, 11, "q1", 900, "approx")
    forces = component(doc)._.fw_forces
    assert [summary(f) for f in forces] == [
        ("f1", "a1", "USA", "troops", 900, "approx", "p1", "SYR", None, "current",
         "The number of U.S. troops in Syria is close to 900")
    ]


def test_casualties_are_not_a_force_level(component):
    doc = parsed([
        ("More", 2, "amod", "ADJ", "JJR", "more"),
        ("than", 2, "quantmod", "ADP", "IN", "than"),
        ("100", 3, "nummod", "NUM", "CD", "100"),
        ("servicemen", 4, "nsubj", "NOUN", "NNS", "serviceman"),
        ("received", 4, "ROOT", "VERB", "VBD", "receive"),
        ("brain", 6, "compound", "NOUN", "NN", "brain"),
        ("injuries", 4, "dobj", "NOUN", "NNS", "injury"),
        (".", 4, "punct", "PUNCT", ".", "."),
    ])
    quantity(doc, 0, 3, "q1", 100, "min")
    assert component(doc)._.fw_forces == []


def test_killed_militants_are_not_a_force_level(component):
    doc = parsed([
        ("Forces", 1, "nsubj", "NOUN", "NNS", "force"),
        ("killed", 1, "ROOT", "VERB", "VBD", "kill"),
        ("30", 3, "nummod", "NUM", "CD", "30"),
        ("militants", 1, "dobj", "NOUN", "NNS", "militant"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])
    quantity(doc, 2, 3, "q1", 30)
    assert component(doc)._.fw_forces == []


def test_peak_with_owner_from_earlier_subject_and_the_country(component):
    doc = parsed([
        ("The", 2, "det", "DET", "DT", "the"),
        ("United", 2, "compound", "PROPN", "NNP", "United"),
        ("States", 3, "nsubj", "PROPN", "NNP", "States"),
        ("invaded", 3, "ROOT", "VERB", "VBD", "invade"),
        ("Iraq", 3, "dobj", "PROPN", "NNP", "Iraq"),
        ("in", 3, "prep", "ADP", "IN", "in"),
        ("2003", 5, "pobj", "NUM", "CD", "2003"),
        (",", 3, "punct", "PUNCT", ",", ","),
        ("and", 3, "cc", "CCONJ", "CC", "and"),
        ("at", 17, "prep", "ADP", "IN", "at"),
        ("its", 11, "poss", "PRON", "PRP$", "its"),
        ("peak", 9, "pobj", "NOUN", "NN", "peak"),
        (",", 17, "punct", "PUNCT", ",", ","),
        ("more", 15, "amod", "ADJ", "JJR", "more"),
        ("than", 15, "quantmod", "ADP", "IN", "than"),
        ("170,000", 16, "nummod", "NUM", "CD", "170,000"),
        ("troops", 17, "nsubj", "NOUN", "NNS", "troop"),
        ("fought", 3, "conj", "VERB", "VBD", "fight"),
        ("insurgents", 17, "dobj", "NOUN", "NNS", "insurgent"),
        ("in", 18, "prep", "ADP", "IN", "in"),
        ("the", 21, "det", "DET", "DT", "the"),
        ("country", 19, "pobj", "NOUN", "NN", "country"),
        (".", 17, "punct", "PUNCT", ".", "."),
    ])
    actor(doc, 0, 3, "a1", "USA")
    place(doc, 4, 5, "p1", "IRQ")
    time(doc, 6, 7, "t1", "2003")
    quantity(doc, 13, 16, "q1", 170000, "min")
    forces = component(doc)._.fw_forces
    assert [summary(f) for f in forces] == [
        ("f1", "a1", "USA", "troops", 170000, "min", "p1", "IRQ", None, "peak", "more than 170,000 troops fought")
    ]


def test_drawn_down_to_a_level(component):
    doc = parsed([
        ("He", 1, "nsubj", "PRON", "PRP", "he"),
        ("drew", 1, "ROOT", "VERB", "VBD", "draw"),
        ("U.S.", 3, "compound", "PROPN", "NNP", "U.S."),
        ("Forces", 1, "dobj", "PROPN", "NNPS", "Forces"),
        ("down", 1, "advmod", "ADP", "RP", "down"),
        ("to", 4, "prep", "ADP", "IN", "to"),
        ("a", 8, "det", "DET", "DT", "a"),
        ("bare", 8, "amod", "ADJ", "JJ", "bare"),
        ("minimum", 5, "pobj", "NOUN", "NN", "minimum"),
        ("of", 8, "prep", "ADP", "IN", "of"),
        ("2,500", 9, "pobj", "NUM", "CD", "2,500"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])
    actor(doc, 2, 3, "a1", "USA")
    quantity(doc, 10, 11, "q1", 2500)
    forces = component(doc)._.fw_forces
    assert [summary(f) for f in forces] == [
        # told as history ("drew"), the level reached is a past level, not the current one
        ("f1", "a1", "USA", "forces", 2500, "exact", None, None, None, "past",
         "drew U.S. Forces down to a bare minimum of 2,500")
    ]


def test_change_ahead_from_level_is_current_and_to_level_a_target(component):
    # "The U.S. will cut forces from 3,000 to 2,500 ." (the parse spaCy gives: "to" a quantmod)
    doc = parsed([
        ("The", 1, "det", "DET", "DT", "the"),
        ("U.S.", 3, "nsubj", "PROPN", "NNP", "U.S."),
        ("will", 3, "aux", "AUX", "MD", "will"),
        ("cut", 3, "ROOT", "VERB", "VB", "cut"),
        ("forces", 3, "dobj", "NOUN", "NNS", "force"),
        ("from", 3, "prep", "ADP", "IN", "from"),
        ("3,000", 5, "pobj", "NUM", "CD", "3,000"),
        ("to", 8, "quantmod", "ADP", "IN", "to"),
        ("2,500", 5, "pobj", "NUM", "CD", "2,500"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ])
    actor(doc, 1, 2, "a1", "USA")
    quantity(doc, 6, 9, "q1", 2500, "range")  # one range span: split into the two ends of the change
    got = [(f.count.value, f.count.bound, f.status, f.evidence.text) for f in component(doc)._.fw_forces]
    assert got == [(3000, "exact", "current", "will cut forces from 3,000"), (2500, "exact", "target", "will cut forces from 3,000 to 2,500")]


def test_perfect_change_holds_now_and_request_is_planned(component):
    # "They have reduced forces to 2,500 ." / "He called for 20,000 troops ."
    done = parsed([
        ("They", 2, "nsubj", "PRON", "PRP", "they"),
        ("have", 2, "aux", "AUX", "VBP", "have"),
        ("reduced", 2, "ROOT", "VERB", "VBN", "reduce"),
        ("forces", 2, "dobj", "NOUN", "NNS", "force"),
        ("to", 2, "prep", "ADP", "IN", "to"),
        ("2,500", 4, "pobj", "NUM", "CD", "2,500"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ])
    quantity(done, 5, 6, "q1", 2500)
    asked = parsed([
        ("He", 1, "nsubj", "PRON", "PRP", "he"),
        ("called", 1, "ROOT", "VERB", "VBD", "call"),
        ("for", 1, "prep", "ADP", "IN", "for"),
        ("20,000", 4, "nummod", "NUM", "CD", "20,000"),
        ("troops", 2, "pobj", "NOUN", "NNS", "troop"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])
    quantity(asked, 3, 4, "q1", 20000)
    assert [f.status for f in component(done)._.fw_forces] == ["current"]
    assert [f.status for f in component(asked)._.fw_forces] == ["planned"]


def test_elided_force_noun_in_a_list(component):
    # "2,500 troops are in Iraq ; 900 are in Syria ." (War Powers style)
    doc = parsed([
        ("2,500", 1, "nummod", "NUM", "CD", "2,500"),
        ("troops", 2, "nsubj", "NOUN", "NNS", "troop"),
        ("are", 7, "ccomp", "AUX", "VBP", "be"),
        ("in", 2, "prep", "ADP", "IN", "in"),
        ("Iraq", 3, "pobj", "PROPN", "NNP", "Iraq"),
        (";", 7, "punct", "PUNCT", ":", ";"),
        ("900", 7, "nsubj", "NUM", "CD", "900"),
        ("are", 7, "ROOT", "AUX", "VBP", "be"),
        ("in", 7, "prep", "ADP", "IN", "in"),
        ("Syria", 8, "pobj", "PROPN", "NNP", "Syria"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ])
    place(doc, 4, 5, "p1", "IRQ")
    place(doc, 9, 10, "p2", "SYR")
    quantity(doc, 0, 1, "q1", 2500)
    quantity(doc, 6, 7, "q2", 900)
    got = [(f.force, f.count.value, f.place, f.status, f.evidence.text) for f in component(doc)._.fw_forces]
    assert got == [("troops", 2500, "p1", "current", "2,500 troops are in Iraq"), ("troops", 900, "p2", "current", "900 are in Syria")]


def test_paragraph_start():
    from factwire.components.forces_rules import paragraph_start

    text = "Iraq.\n  \nTroops stayed.\nMore came."
    assert (paragraph_start(text, 3), paragraph_start(text, 12), paragraph_start(text, len(text))) == (0, 9, 9)


def test_small_counts_and_unrelated_numbers_are_skipped(component):
    doc = parsed([
        ("Two", 1, "nummod", "NUM", "CD", "two"),
        ("soldiers", 2, "nsubj", "NOUN", "NNS", "soldier"),
        ("spent", 2, "ROOT", "VERB", "VBD", "spend"),
        ("50", 4, "nummod", "NUM", "CD", "50"),
        ("days", 2, "dobj", "NOUN", "NNS", "day"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ])
    quantity(doc, 0, 1, "q1", 2)
    quantity(doc, 3, 5, "q2", 50)
    assert component(doc)._.fw_forces == []


def test_without_a_parse_the_next_force_noun_is_counted(component):
    nlp = spacy.blank("en")
    doc = nlp.make_doc("About 5,000 U.S. Marines arrived.")
    doc._.fw_article = Article(text=doc.text, published=None)
    doc._.fw_actors, doc._.fw_places, doc._.fw_times = [], [], []
    doc.spans["fw_actors"], doc.spans["fw_places"], doc.spans["fw_times"] = [], [], []
    doc._.fw_quantities = []
    doc.spans["fw_quantities"] = []
    actor(doc, 2, 3, "a1", "USA")
    quantity(doc, 0, 2, "q1", 5000, "approx")
    forces = component(doc)._.fw_forces
    assert [(f.force, f.count.value, f.count.bound, f.owner_country, f.evidence.text) for f in forces] == [
        ("Marines", 5000, "approx", "USA", "About 5,000 U.S. Marines")
    ]


def test_no_quantities_no_forces(component):
    doc = spacy.blank("en").make_doc("Troops arrived.")
    doc._.fw_article = Article(text=doc.text)
    assert component(doc)._.fw_forces == []


def test_lexicon_normalises_force_nouns():
    lex = ForceLexicon.load()
    assert (lex.nouns["servicemen"], lex.nouns["marines"], lex.nouns["troop"]) == ("service members", "Marines", "troops")
    assert lex.min_count == 10


@pytest.mark.model
def test_seed_force_levels(seed_report):
    places = {p.id: p for p in seed_report.places}
    times = {t.id: t for t in seed_report.times}
    got = [
        (
            f.owner_country,
            f.place_country or (places[f.place].name if f.place else None),
            f.count.value,
            f.count.bound,
            f.status,
            times[f.time].value[:7] if f.time else None,
        )
        for f in seed_report.forces
    ]
    assert got == [
        ("USA", "IRQ", 2500, "exact", "planned", "2021-12"),
        ("USA", "IRQ", 170000, "min", "peak", None),
        ("USA", "SYR", 900, "approx", "current", "2021-12"),
        ("USA", "Middle East", 80000, "exact", "peak", "2020"),
    ]
