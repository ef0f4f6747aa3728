"""factwire_actors: dictionary, NER repair, alias merging and reference resolution."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import factwire.components  # noqa: F401  (registers the factories)
from factwire.article import Article
from factwire.docext import actor_id_at, register_extensions

NO_SPACE_BEFORE = {".", ",", "’s", "'s", "-", "backed", "?", ":"}
NO_SPACE_AFTER = {"-"}


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("factwire_actors")
    return nlp


def make(nlp, text: str, ents: dict[str, str] | None = None, heads=None, deps=None, pos=None) -> Doc:
    """A Doc from space-separated words; `ents` maps 'word word' -> label (first occurrence)."""
    words = text.split(" ")
    spaces = [
        i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE and words[i] not in NO_SPACE_AFTER
        for i in range(len(words))
    ]
    tags = ["O"] * len(words)
    for phrase, label in (ents or {}).items():
        parts = phrase.split(" ")
        for i in range(len(words) - len(parts) + 1):
            if words[i:i + len(parts)] == parts and all(t == "O" for t in tags[i:i + len(parts)]):
                tags[i] = f"B-{label}"
                for k in range(i + 1, i + len(parts)):
                    tags[k] = f"I-{label}"
                break
    doc = Doc(nlp.vocab, words=words, spaces=spaces, ents=tags, heads=heads, deps=deps, pos=pos)
    return nlp(doc)


def summary(doc: Doc) -> list[tuple]:
    return [(a.name, a.kind, a.country) for a in doc._.fw_actors]


def test_dictionary_demonyms_and_governments(nlp):
    doc = make(nlp, "The Iraqi government said Iraq and the U.S. will talk to NATO .", {"Iraqi": "NORP", "Iraq": "GPE", "U.S.": "GPE"})
    assert summary(doc) == [("Iraq", "state", "IRQ"), ("United States", "state", "USA"), ("NATO", "international_org", None)]
    assert doc._.fw_actors[0].aliases == ["Iraqi government", "Iraq"]
    assert [a.id for a in doc._.fw_actors] == ["a1", "a2", "a3"]
    assert [(s.text, s.kb_id_) for s in doc.spans["fw_actors"]] == [
        ("Iraqi government", "a1"), ("Iraq", "a1"), ("U.S.", "a2"), ("NATO", "a3")
    ]


def test_leader_administration_is_the_state(nlp):
    doc = make(nlp, "the Biden administration decided .", {"Biden": "PERSON"})
    assert summary(doc) == [("United States", "state", "USA")]


def test_titled_person_and_mislabelled_surname(nlp):
    doc = make(
        nlp,
        "Navy Gen. Frank Mackenzie said so . Mackenzie left , Mackenzie said .",
        {"Navy": "ORG", "Frank Mackenzie": "PERSON", "Mackenzie": "LOC"},
    )
    assert summary(doc) == [("Frank Mackenzie", "person", None)]
    actor = doc._.fw_actors[0]
    assert actor.aliases == ["Navy Gen. Frank Mackenzie", "Frank Mackenzie", "Mackenzie"]
    assert [m.text for m in actor.mentions] == ["Navy Gen. Frank Mackenzie", "Mackenzie", "Mackenzie"]


def test_person_country_from_title_nationality(nlp):
    doc = make(nlp, "the assassination of Iraqi Prime Minister Mustafa al - Kazimi failed .",
               {"Iraqi": "NORP", "Mustafa al - Kazimi": "PERSON"})
    assert summary(doc) == [("Mustafa al-Kazimi", "person", "IRQ"), ("Iraq", "state", "IRQ")]
    assert doc._.fw_actors[0].aliases == ["Iraqi Prime Minister Mustafa al-Kazimi", "Mustafa al-Kazimi"]
    # the nationality token is both a mention of Iraq and inside the person's titled mention
    assert actor_id_at(doc, doc[3]) == "a1"
    assert actor_id_at(doc, doc[6]) == "a1"


def test_state_backed_groups_are_one_actor(nlp):
    doc = make(nlp, "Iranian - backed forces and the Iran - backed Shiite militias , Iran ’s proxies , attacked .",
               {"Iranian": "NORP", "Iran": "GPE"})
    assert summary(doc) == [("Iran-backed militias", "armed_group", None)]
    assert doc._.fw_actors[0].aliases == ["Iranian-backed forces", "Iran-backed Shiite militias", "Iran’s proxies"]


def test_entities_cut_at_possessives_and_newlines(nlp):
    words = ["Associated", "Press", "\n", "WASHINGTON", "–", "calling", "China", "America", "’s", "problem", "."]
    spaces = [True, False, False, True, True, True, True, False, True, False, False]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]
    doc = nlp(Doc(nlp.vocab, words=words, spaces=spaces, ents=ents))
    # the dateline is a place, not the US government
    assert summary(doc) == [
        ("Associated Press", "media", "USA"), ("China", "state", "CHN"), ("United States", "state", "USA"),
    ]
    assert doc._.fw_actors[2].aliases == ["America"]


def test_capital_is_an_actor_only_as_a_political_entity(nlp):
    doc = make(nlp, "Tehran denied a strike near Baghdad airport .", {"Tehran": "GPE", "Baghdad": "GPE"})
    assert summary(doc) == [("Iran", "state", "IRN")]


def test_rebels_are_not_the_state(nlp):
    # "Syrian rebel forces" are a Syrian armed group of their own, not the state of Syria
    doc = make(nlp, "assist Syrian rebel forces near the Syrian border .", {"Syrian": "NORP"})
    assert summary(doc) == [("Syrian rebel forces", "armed_group", "SYR"), ("Syria", "state", "SYR")]
    assert [m.text for m in doc._.fw_actors[1].mentions] == ["Syrian"]
    assert doc._.fw_actors[1].mentions[0].start == len("assist Syrian rebel forces near the ")


def test_place_named_org_is_not_an_actor(nlp):
    doc = make(nlp, "missiles hit al - Assad air base .", {"al - Assad": "ORG"})
    assert summary(doc) == []


def test_unknown_org_takes_country_from_its_name(nlp):
    doc = make(nlp, "the Iraqi Interior Ministry said .", {"Iraqi Interior Ministry": "ORG"})
    assert summary(doc) == [("Iraqi Interior Ministry", "organisation", "IRQ")]


def test_byline_and_dateline_are_not_actors(nlp):
    text = "By Jane Doe | Reuters\nLONDON – Britain said ."
    doc = nlp.make_doc(text)
    doc._.fw_article = Article(text=text, authors=["Jane Doe"], dateline="LONDON", outlet="Reuters")
    doc.ents = [doc.char_span(3, 11, "PERSON"), doc.char_span(22, 28, "GPE"), doc.char_span(31, 38, "GPE")]
    doc = nlp(doc)
    assert summary(doc) == [("United Kingdom", "state", "GBR")]


# --- references: hand-built parses ----------------------------------------------------


def parsed(nlp, words, heads, deps, pos, ents):
    spaces = [i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE for i in range(len(words))]
    return nlp(Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents))


def test_pronoun_prefers_the_last_subject_person(nlp):
    #        0       1        2      3       4        5    6     7       8     9
    words = ["Ann", "Smith", "met", "Bob", "Jones", ".", "He", "said", "we", "."]
    heads = [1, 2, 2, 4, 2, 2, 7, 7, 7, 7]
    deps = ["compound", "nsubj", "ROOT", "compound", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PRON", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"]
    doc = parsed(nlp, words, heads, deps, pos, ents)
    refs = [(s.text, s.kb_id_) for s in doc.spans["fw_actor_refs"]]
    assert summary(doc) == [("Ann Smith", "person", None), ("Bob Jones", "person", None)]
    assert refs == [("He", "a1")]  # "we" is never resolved
    assert actor_id_at(doc, doc[6]) == "a1"


def test_lone_words_need_support_to_be_people(nlp):
    doc = make(nlp, "God bless them , Putin said .", {"God": "PERSON", "Putin": "PERSON"})
    assert summary(doc) == [("Vladimir Putin", "person", "RUS")]


def test_title_reference_and_group_reference(nlp):
    words = ["Gen.", "Mark", "Milley", "said", "al", "-", "Qaeda", "grew", ".",
             "The", "general", "said", "Taliban", "leaders", "cut", "ties", "with", "the", "group", "."]
    # a flat parse is enough: each sentence's tokens hang off its verb
    heads = [2, 2, 3, 3, 6, 6, 7, 3, 3, 10, 11, 11, 13, 14, 11, 14, 14, 18, 16, 11]
    deps = ["compound", "compound", "nsubj", "ROOT", "compound", "punct", "nsubj", "ccomp", "punct",
            "det", "nsubj", "ROOT", "compound", "nsubj", "ccomp", "dobj", "prep", "det", "pobj", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT",
           "DET", "NOUN", "VERB", "PROPN", "NOUN", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O",
            "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O", "O"]
    doc = parsed(nlp, words, heads, deps, pos, ents)
    assert summary(doc) == [("Mark Milley", "person", "USA"), ("al-Qaeda", "armed_group", None),
                            ("Taliban", "armed_group", "AFG")]
    # the Taliban are the subject of the clause the group is in, so "the group" is al-Qaeda
    assert [(s.text, s.kb_id_) for s in doc.spans["fw_actor_refs"]] == [("The general", "a1"), ("the group", "a2")]
    assert doc._.fw_actors[0].aliases == ["Gen. Mark Milley", "Mark Milley", "general"]


def test_unresolvable_title_is_left_alone(nlp):
    doc = make(nlp, "the president said the group left .", {})
    assert list(doc.spans["fw_actor_refs"]) == []


# --- the real model on the seed article ---------------------------------------------------

SEED = Path("/work/shared/seed/ap-2021-12-09-mckenzie.txt")


@pytest.fixture(scope="module")
def seed_doc():
    from factwire.article import read_path
    from factwire.pipeline import build, make_doc

    if not SEED.exists():
        pytest.skip("seed article not available")
    model = build(components=("factwire_actors",))
    return model(make_doc(model, read_path(SEED, "2021-12-09")))


@pytest.mark.model
def test_seed_actors(seed_doc):
    got = {a.name: (a.kind, a.country) for a in seed_doc._.fw_actors}
    assert got == {
        "United States": ("state", "USA"),
        "Iraq": ("state", "IRQ"),
        "Iran-backed militias": ("armed_group", None),
        "Syrian rebel forces": ("armed_group", "SYR"),
        "insurgents": ("armed_group", None),  # "troops fought insurgents in the country"
        "Associated Press": ("media", "USA"),
        "Pentagon": ("military", "USA"),
        "Frank Mackenzie": ("person", "USA"),
        "Islamic State": ("armed_group", None),
        "Syria": ("state", "SYR"),
        "Iran": ("state", "IRN"),
        "Mustafa al-Kazimi": ("person", "IRQ"),
        "U.S. Central Command": ("military", "USA"),
        "Afghanistan": ("state", "AFG"),
        "al-Qaeda": ("armed_group", None),
        "Taliban": ("armed_group", "AFG"),
        "NATO": ("international_org", None),
        "China": ("state", "CHN"),
        "Russia": ("state", "RUS"),
    }


@pytest.mark.model
def test_seed_references(seed_doc):
    ids = {a.name: a.id for a in seed_doc._.fw_actors}
    refs = {(s.text, s.start_char): s.kb_id_ for s in seed_doc.spans["fw_actor_refs"]}
    text = seed_doc.text
    assert refs[("the prime minister", text.index("the prime minister is"))] == ids["Mustafa al-Kazimi"]
    assert refs[("the group", text.index("the group would"))] == ids["Islamic State"]
    assert refs[("the group", text.index("the group by 2020"))] == ids["al-Qaeda"]
    assert {v for (t, _), v in refs.items() if t.lower() == "he"} == {ids["Frank Mackenzie"]}


def test_nationality_spans(nlp):
    doc = make(nlp, "Iraqi Security Forces , Kurdish fighters and Iraqis met Syrian officials in the United Arab Emirates .",
               {"Iraqi Security Forces": "ORG", "Kurdish": "NORP", "Iraqis": "NORP", "Syrian": "NORP", "United Arab Emirates": "GPE"})
    spans = [(s.text, s.label_, s.kb_id_) for s in doc.spans["fw_nationalities"]]
    ids = {a.country: a.id for a in doc._.fw_actors if a.kind == "state"}
    # nested adjectives count; a state's plural ("Iraqis") names people and "Arab" in a state's name is no identity
    assert spans == [("Iraqi", "IRQ", ids["IRQ"]), ("Kurdish", "identity", ""), ("Syrian", "SYR", ids["SYR"])]


def test_derived_demonym_gives_a_title_its_country(nlp):
    doc = make(nlp, "Gambian President Dawda Jawara will visit .", {"Gambian": "NORP", "Dawda Jawara": "PERSON"})
    assert ("Dawda Jawara", "person", "GMB") in summary(doc)


def test_operations_and_equipment_are_not_organisations(nlp):
    doc = make(nlp, "troops supported Operation Inherent Resolve and destroyed a VBIED .",
               {"Operation Inherent Resolve": "ORG", "VBIED": "ORG"})
    assert summary(doc) == []


def test_coalition_is_the_coalition_named_before(nlp):
    doc = make(nlp, "the Global Coalition struck . Coalition forces and the coalition advanced , anti - coalition fighters fled .")
    assert summary(doc) == [("Global Coalition to Defeat ISIS", "international_org", None)]
    assert [m.text for m in doc._.fw_actors[0].mentions] == ["Global Coalition", "Coalition", "coalition"]
    doc = make(nlp, "the Coalition struck .")
    assert summary(doc) == [("Coalition", "organisation", None)]


def test_surname_without_arabic_article_and_curly_apostrophe(nlp):
    doc = make(nlp, "Prime Minister Haider al - Abadi met Carter . Abadi said Da’esh lost .",
               {"Haider al - Abadi": "PERSON", "Carter": "PERSON"})
    abadi = next(a for a in doc._.fw_actors if a.name == "Haider al-Abadi")
    assert [m.text for m in abadi.mentions] == ["Prime Minister Haider al-Abadi", "Abadi"]
    assert ("Islamic State", "armed_group", None) in summary(doc)


def test_first_person_in_a_reported_statement_is_the_speaker(nlp):
    words = "Minister Tobias Ellwood said : I welcome my role .".split()
    # heads and deps as the parser gives them: "said" is the root, "Ellwood" its subject
    heads = [2, 2, 3, 3, 3, 6, 3, 8, 6, 3]
    deps = ["compound", "compound", "nsubj", "ROOT", "punct", "nsubj", "ccomp", "poss", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "PRON", "NOUN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=[w.lower() for w in words[:3]] + ["say"] + [w.lower() for w in words[4:]],
              ents=["O", "B-PERSON", "I-PERSON"] + ["O"] * 7)
    doc = nlp(doc)
    assert [(s.text, s.kb_id_) for s in doc.spans["fw_actor_refs"]] == [("I", "a1"), ("my", "a1")]


def test_headings_captions_and_signatures_are_not_people(nlp):
    doc = make(nlp, "Joint Statement on Syria . Debris Removal Soldiers work . photo by Derek Mustard VIRIN 123 . JOSEPH R. BIDEN JR",
               {"Joint Statement": "PERSON", "Debris Removal Soldiers": "PERSON", "Derek Mustard VIRIN": "PERSON", "JOSEPH R. BIDEN JR": "PERSON"})
    assert [a for a in summary(doc) if a[1] == "person"] == []
    doc = make(nlp, "SECRETARY KERRY : We talked .", {"SECRETARY KERRY": "PERSON"})
    assert summary(doc) == [("KERRY", "person", None)]


# --- round 3: unnamed groups, unnamed officials, countries of titled people, group pronouns ----


def tagged(nlp, words, heads, deps, pos, tags=None, ents=None, lemmas=None):
    spaces = [i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE for i in range(len(words))]
    return nlp(Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
                   lemmas=lemmas, ents=ents or ["O"] * len(words)))


def test_demonym_before_a_group_noun_is_a_group_of_that_country(nlp):
    doc = make(nlp, "Five hundred Ugandan rebels surrendered .", {"Ugandan": "NORP"})
    assert summary(doc) == [("Ugandan rebels", "armed_group", "UGA")]
    doc = make(nlp, "Afghan rebel leaders said so .", {"Afghan": "NORP"})
    assert summary(doc) == [("Afghan rebel leaders", "armed_group", "AFG")]
    doc = make(nlp, "Ivory Coast rebels rejected the plan .", {"Ivory Coast": "GPE"})
    assert summary(doc) == [("Ivory Coast rebels", "armed_group", "CIV")]
    doc = make(nlp, "Syrian opposition figures met .", {"Syrian": "NORP"})
    assert summary(doc) == [("Syrian opposition figures", "organisation", "SYR")]


def test_demonym_before_a_people_names_where_they_live(nlp):
    doc = make(nlp, "Bosnian Serbs said so .", {"Bosnian": "NORP", "Serbs": "NORP"})
    assert summary(doc) == [("Bosnian Serbs", "other", "BIH")]
    # "ethnic Albanians" are an identity, not Albania
    doc = make(nlp, "ethnic Albanians protested .", {"Albanians": "NORP"})
    assert summary(doc) == []


def test_group_located_by_its_pp_takes_that_country(nlp):
    #        0             1        2     3           4      5            6
    words = ["Opposition", "groups", "in", "Zimbabwe", "are", "demanding", "."]
    heads = [1, 5, 1, 2, 5, 5, 5]
    deps = ["compound", "nsubj", "prep", "pobj", "aux", "ROOT", "punct"]
    pos = ["NOUN", "NOUN", "ADP", "PROPN", "AUX", "VERB", "PUNCT"]
    tags = ["NN", "NNS", "IN", "NNP", "VBP", "VBG", "."]
    doc = tagged(nlp, words, heads, deps, pos, tags)
    assert summary(doc) == [("Opposition groups", "organisation", "ZWE"), ("Zimbabwe", "state", "ZWE")]
    # a capital locates them too: "demonstrators in Baghdad"
    words = ["Demonstrators", "in", "Baghdad", "blocked", "a", "road", "."]
    heads = [3, 0, 1, 3, 5, 3, 3]
    deps = ["nsubj", "prep", "pobj", "ROOT", "det", "dobj", "punct"]
    pos = ["NOUN", "ADP", "PROPN", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["NNS", "IN", "NNP", "VBD", "DT", "NN", "."]
    doc = tagged(nlp, words, heads, deps, pos, tags)
    assert summary(doc) == [("Demonstrators", "organisation", "IRQ")]


def test_reported_subject_pronoun_is_the_reporting_body(nlp):
    #        0        1       2     3       4           5      6        7      8
    words = ["Syria", "says", "it", "will", "withdraw", "its", "troops", "now", "."]
    heads = [1, 1, 4, 4, 1, 6, 4, 4, 1]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "poss", "dobj", "advmod", "punct"]
    pos = ["PROPN", "VERB", "PRON", "AUX", "VERB", "PRON", "NOUN", "ADV", "PUNCT"]
    tags = ["NNP", "VBZ", "PRP", "MD", "VB", "PRP$", "NNS", "RB", "."]
    doc = tagged(nlp, words, heads, deps, pos, tags)
    assert [(s.text, s.kb_id_) for s in doc.spans["fw_actor_refs"]] == [("it", "a1"), ("its", "a1")]
    # "they" after a group whose nationality names the actor
    words = ["Palestinian", "leaders", "said", "they", "would", "boycott", "talks", "."]
    heads = [1, 2, 2, 5, 5, 2, 5, 2]
    deps = ["amod", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj", "punct"]
    pos = ["ADJ", "NOUN", "VERB", "PRON", "AUX", "VERB", "NOUN", "PUNCT"]
    tags = ["JJ", "NNS", "VBD", "PRP", "MD", "VB", "NNS", "."]
    doc = tagged(nlp, words, heads, deps, pos, tags)
    assert [(s.text, s.kb_id_) for s in doc.spans["fw_actor_refs"]] == [("they", "a1")]
    # a person's "it" is something else
    words = ["Ann", "Smith", "said", "it", "would", "rain", "."]
    heads = [1, 2, 2, 5, 5, 2, 2]
    deps = ["compound", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT"]
    doc = tagged(nlp, words, heads, deps, pos, ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"])
    assert list(doc.spans["fw_actor_refs"]) == []


def test_unnamed_official_of_a_state(nlp):
    doc = make(nlp, "Montenegro 's prime minister resigned .", {"Montenegro": "GPE"})
    assert summary(doc) == [("prime minister of Montenegro", "person", "MNE"), ("Montenegro", "state", "MNE")]
    assert [m.text for m in doc._.fw_actors[0].mentions] == ["Montenegro's prime minister"]
    # followed by a name, the title belongs to the named person
    doc = make(nlp, "Montenegro 's prime minister Milo Djukanovic resigned .", {"Montenegro": "GPE", "Milo Djukanovic": "PERSON"})
    assert summary(doc) == [("Milo Djukanovic", "person", "MNE"), ("Montenegro", "state", "MNE")]
    # "a senior U.S. general": nobody in particular
    doc = make(nlp, "a senior U.S. general died .", {"U.S.": "GPE"})
    assert summary(doc) == [("United States", "state", "USA")]


def test_country_of_titled_people(nlp):
    # a qualifier between the nationality and the title
    words = "Nigerian junior foreign minister Dubem Oniya left .".split()
    pos = ["ADJ", "ADJ", "ADJ", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"]
    doc = make(nlp, " ".join(words), {"Nigerian": "NORP", "Dubem Oniya": "PERSON"}, pos=pos)
    assert summary(doc)[0] == ("Dubem Oniya", "person", "NGA")
    # "King Hassan of Morocco"
    doc = make(nlp, "King Hassan of Morocco spoke .", {"Hassan": "PERSON", "Morocco": "GPE"})
    assert summary(doc) == [("Hassan", "person", "MAR"), ("Morocco", "state", "MAR")]
    # the entity took half a title: "British Defence" + "Secretary Tom King"
    doc = make(nlp, "British Defence Secretary Tom King spoke .", {"British Defence": "ORG", "Tom King": "PERSON"})
    assert summary(doc) == [("Tom King", "person", "GBR"), ("United Kingdom", "state", "GBR")]


def test_domestic_office_holder_takes_the_one_state_of_the_sentence(nlp):
    words = ["President", "Askar", "Akayev", "left", "Kyrgyzstan", "."]
    heads = [2, 2, 3, 3, 3, 3]
    deps = ["compound", "compound", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"]
    doc = tagged(nlp, words, heads, deps, pos, ents=["O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O"])
    assert summary(doc) == [("Askar Akayev", "person", "KGZ"), ("Kyrgyzstan", "state", "KGZ")]
    # a state that is another person's nationality is not a clue
    words = ["President", "Ann", "Smith", "met", "South", "African", "leader", "Bob", "Jones", "."]
    heads = [2, 2, 3, 3, 5, 8, 8, 8, 3, 3]
    deps = ["compound", "compound", "nsubj", "ROOT", "compound", "amod", "compound", "compound", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "PROPN", "ADJ", "NOUN", "PROPN", "PROPN", "PUNCT"]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "B-NORP", "I-NORP", "O", "B-PERSON", "I-PERSON", "O"]
    doc = tagged(nlp, words, heads, deps, pos, ents=ents)
    assert summary(doc)[0] == ("Ann Smith", "person", None)
    assert ("Bob Jones", "person", "ZAF") in summary(doc)


def test_regimes_and_first_person_plural(nlp):
    doc = make(nlp, "Assad 's brutal regime fell .", {"Assad": "PERSON"}, pos=["PROPN", "PART", "ADJ", "NOUN", "VERB", "PUNCT"])
    assert summary(doc) == [("Syria", "state", "SYR")]
    assert [m.text for m in doc._.fw_actors[0].mentions] == ["Assad's brutal regime"]
    doc = make(nlp, "the Asad regime fell . The regime lost .", {"Asad": "PERSON"})
    assert [(s.text, s.kb_id_) for s in doc.spans["fw_actor_refs"]] == [("The regime", "a1")]
    #        0      1         2         3    4     5    6      7      8
    words = ["The", "Foreign", "Office", "said", ":", "We", "are", "concerned", "."]
    heads = [2, 2, 3, 3, 3, 6, 3, 6, 3]
    deps = ["det", "compound", "nsubj", "ROOT", "punct", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["DET", "PROPN", "PROPN", "VERB", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT"]
    lemmas = ["the", "Foreign", "Office", "say", ":", "we", "be", "concerned", "."]
    doc = tagged(nlp, words, heads, deps, pos, ents=["O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"], lemmas=lemmas)
    # "we" in a body's statement is the body
    assert [(s.text, s.kb_id_) for s in doc.spans["fw_actor_refs"]] == [("We", "a1")]


def test_appositive_title_is_a_mention_of_the_person(nlp):
    #        0      1       2        3    4            5     6       7        8          9      10
    words = ["Gen.", "Joseph", "Votel", ",", "commander", "of", "U.S.", "Central", "Command", "said", "."]
    heads = [2, 2, 9, 2, 2, 4, 8, 8, 5, 9, 9]
    deps = ["compound", "compound", "nsubj", "punct", "appos", "prep", "compound", "compound", "pobj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "PUNCT", "NOUN", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]
    doc = tagged(nlp, words, heads, deps, pos, ents=ents)
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans["fw_actor_refs"]] == [
        ("commander of U.S. Central Command", "person", "a1")
    ]


def test_sentence_initial_pronoun_continues_the_previous_subject(nlp):
    #        0      1          2          3    4     5     6      7          8       9
    words = ["The", "Foreign", "Office", "met", "Ann", "Lee", ".", "It", "left", "."]
    heads = [2, 2, 3, 3, 5, 3, 3, 8, 8, 8]
    deps = ["det", "compound", "nsubj", "ROOT", "compound", "dobj", "punct", "nsubj", "ROOT", "punct"]
    pos = ["DET", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"]
    tags = ["DT", "NNP", "NNP", "VBD", "NNP", "NNP", ".", "PRP", "VBD", "."]
    ents = ["O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    doc = tagged(nlp, words, heads, deps, pos, tags, ents)
    assert [(s.text, s.kb_id_) for s in doc.spans["fw_actor_refs"]] == [("It", "a1")]
    # "they" does not continue a singular body
    words[7] = "They"
    doc = tagged(nlp, words, heads, deps, pos, tags, ents)
    assert list(doc.spans["fw_actor_refs"]) == []


def test_definite_head_noun_refers_to_the_body_so_named(nlp):
    doc = make(nlp, "U.S. Central Command struck . The command said so .", {"U.S. Central Command": "ORG"})
    assert [(s.text, s.kb_id_) for s in doc.spans["fw_actor_refs"]] == [("The command", "a1")]
    # "the command post" is a longer phrase, not the body
    doc = make(nlp, "U.S. Central Command struck . The command post burned .", {"U.S. Central Command": "ORG"},
               pos=["PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "NOUN", "VERB", "PUNCT"])
    assert list(doc.spans["fw_actor_refs"]) == []


def test_unnamed_armed_group_without_a_country(nlp):
    #        0         1        2            3     4
    words = ["troops", "fought", "insurgents", "there", "."]
    heads = [1, 1, 1, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "advmod", "punct"]
    pos = ["NOUN", "VERB", "NOUN", "ADV", "PUNCT"]
    tags = ["NNS", "VBD", "NNS", "RB", "."]
    doc = tagged(nlp, words, heads, deps, pos, tags)
    assert summary(doc) == [("insurgents", "armed_group", None)]
    # a named group's own noun is that group ("Islamic State militants"), not a second one
    words = ["Islamic", "State", "militants", "fought", "."]
    doc = tagged(nlp, words, [2, 2, 3, 3, 3], ["compound", "compound", "nsubj", "ROOT", "punct"],
                 ["PROPN", "PROPN", "NOUN", "VERB", "PUNCT"], ["NNP", "NNP", "NNS", "VBD", "."])
    assert summary(doc) == [("Islamic State", "armed_group", None)]


def test_we_outside_quotes_is_the_body_the_first_sentence_speaks_for(nlp):
    #        0      1         2          3           4       5    6     7          8      9    10   11   12    13
    words = ["The", "United", "States", "condemns", "it", ".", "We", "mourn", ".", "“", "We", "won", "”", "."]
    heads = [2, 2, 3, 3, 3, 3, 7, 7, 7, 11, 11, 11, 11, 11]
    deps = ["det", "compound", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct", "punct", "nsubj", "ROOT",
            "punct", "punct"]
    pos = ["DET", "PROPN", "PROPN", "VERB", "PRON", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT",
           "PUNCT"]
    tags = ["DT", "NNP", "NNP", "VBZ", "PRP", ".", "PRP", "VBP", ".", "``", "PRP", "VBD", "''", "."]
    ents = ["O", "B-GPE", "I-GPE"] + ["O"] * 11
    doc = tagged(nlp, words, heads, deps, pos, tags, ents)
    # the quoted "We" is someone else's voice
    assert [(s.text, s.start, s.kb_id_) for s in doc.spans["fw_actor_refs"]] == [("We", 6, "a1")]
    # a past-tense report ("condemned") is news about the body, not its own statement
    tags[3] = "VBD"
    doc = tagged(nlp, words, heads, deps, pos, tags, ents)
    assert list(doc.spans["fw_actor_refs"]) == []


def test_this_country_in_a_states_own_statement_is_that_state(nlp):
    #        0      1         2          3           4       5    6       7           8       9      10
    words = ["The", "United", "States", "condemns", "it", ".", "They", "attacked", "this", "country", "."]
    heads = [2, 2, 3, 3, 3, 3, 7, 7, 9, 7, 7]
    deps = ["det", "compound", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "det", "dobj", "punct"]
    pos = ["DET", "PROPN", "PROPN", "VERB", "PRON", "PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT"]
    ents = ["O", "B-GPE", "I-GPE"] + ["O"] * 8

    def refs(opening_tag: str) -> list[tuple[str, int, str]]:
        tags = ["DT", "NNP", "NNP", opening_tag, "PRP", ".", "PRP", "VBD", "DT", "NN", "."]
        doc = tagged(nlp, words, heads, deps, pos, tags, ents)
        return [(s.text, s.start, s.kb_id_) for s in doc.spans["fw_actor_refs"]]

    assert refs("VBZ") == [("this country", 8, "a1")]
    # a report about a state (past tense) is not its statement: "this country" stays unresolved
    assert refs("VBD") == []


def test_we_outside_quotes_is_the_outlet_when_the_text_names_it(nlp):
    words = ["Troops", "left", "the", "UK", ".", "We", "stay", "."]
    heads = [1, 1, 3, 1, 1, 6, 6, 6]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "nsubj", "ROOT", "punct"]
    pos = ["NOUN", "VERB", "DET", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"]
    tags = ["NNS", "VBD", "DT", "NNP", ".", "PRP", "VBP", "."]
    ents = ["O", "O", "O", "B-GPE", "O", "O", "O", "O"]
    spaces = [i + 1 < len(words) and words[i + 1] != "." for i in range(len(words))]

    def refs(outlet):
        doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents)
        doc._.fw_article = Article(text=doc.text, id="t", outlet=outlet)
        doc = nlp(doc)
        return [(s.text, s.kb_id_) for s in doc.spans["fw_actor_refs"]]

    assert refs("UK Government") == [("We", "a1")]
    # no outlet, or one the text does not name: "we" stays unresolved
    assert refs(None) == []
    assert refs("CENTCOM") == []


def test_ethnic_identities_and_more_state_demonyms(nlp):
    doc = make(nlp, "Sinhalese and Tibetan monks met Maltese officials .", {"Maltese": "NORP"})
    assert [(s.text, s.label_) for s in doc.spans["fw_nationalities"]] == [
        ("Sinhalese", "identity"), ("Tibetan", "identity"), ("Maltese", "MLT")
    ]


def test_a_run_of_it_subjects_stays_with_the_body_and_dummy_it_is_none(nlp):
    #        0      1          2         3     4         5    6     7       8      9    10    11     12
    words = ["The", "Foreign", "Office", "met", "Lee", ".", "It", "left", ".", "It", "ate", "there", "."]
    heads = [2, 2, 3, 3, 3, 3, 7, 7, 7, 10, 10, 10, 10]
    deps = ["det", "compound", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "advmod",
            "punct"]
    pos = ["DET", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT", "PRON", "VERB", "ADV", "PUNCT"]
    tags = ["DT", "NNP", "NNP", "VBD", "NNP", ".", "PRP", "VBD", ".", "PRP", "VBD", "RB", "."]
    ents = ["O", "B-ORG", "I-ORG"] + ["O"] * 10
    doc = tagged(nlp, words, heads, deps, pos, tags, ents)
    # the second "It" continues the first, whose sentence has no named subject
    assert [(s.text, s.start, s.kb_id_) for s in doc.spans["fw_actor_refs"]] == [("It", 6, "a1"), ("It", 9, "a1")]
    #        0      1          2         3     4         5    6     7     8          9       10    11
    words = ["The", "Foreign", "Office", "met", "Lee", ".", "It", "is", "claimed", "that", "Lee", "left", "."]
    heads = [2, 2, 3, 3, 3, 3, 8, 8, 8, 11, 11, 8, 8]
    deps = ["det", "compound", "nsubj", "ROOT", "dobj", "punct", "nsubjpass", "auxpass", "ROOT", "mark", "nsubj",
            "ccomp", "punct"]
    pos = ["DET", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT", "PRON", "AUX", "VERB", "SCONJ", "PROPN", "VERB", "PUNCT"]
    tags = ["DT", "NNP", "NNP", "VBD", "NNP", ".", "PRP", "VBZ", "VBN", "IN", "NNP", "VBD", "."]
    lemmas = ["the", "Foreign", "Office", "meet", "Lee", ".", "it", "be", "claim", "that", "Lee", "leave", "."]
    doc = tagged(nlp, words, heads, deps, pos, tags, ents, lemmas)
    assert list(doc.spans["fw_actor_refs"]) == []
