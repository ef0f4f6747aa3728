"""factwire_equipment: lexicon variants, coordination, designations, senses to avoid, records and spans."""

from __future__ import annotations

import pytest
import spacy

from factwire.components.equipment_lexicon import EquipmentLexicon, variant_regex


@pytest.fixture(scope="module")
def nlp():
    model = spacy.blank("en")
    model.add_pipe("factwire_equipment")
    return model


def items(nlp, text: str) -> list[tuple]:
    doc = nlp(text)
    return [(e.id, e.name, e.kind, e.category, [m.text for m in e.mentions]) for e in doc._.fw_equipment]


def names(nlp, text: str) -> list[str]:
    return [e.name for e in nlp(text)._.fw_equipment]


def test_variant_regex_reads_hyphen_space_and_plural():
    import re

    rx = re.compile(variant_regex("MQ-9 Reaper"))
    assert [bool(rx.fullmatch(t)) for t in ["MQ-9 Reaper", "MQ9 Reaper", "MQ 9 Reapers", "mq-9 reaper"]] == [
        True, True, True, False,
    ]
    rx = re.compile(variant_regex("air defense battery"))
    assert [bool(rx.fullmatch(t)) for t in ["Air defense batteries", "air-defense battery", "air defense batterys"]] == [
        True, True, False,
    ]


def test_class_mention_and_record(nlp):
    assert items(nlp, "Iran fired a missile at the base.") == [("w1", "missile", "weapon", "missile", ["missile"])]


def test_coordinated_heads(nlp):
    assert items(nlp, "Iran's production of ballistic and cruise missiles as well as armed drones.") == [
        ("w1", "ballistic missile", "weapon", "missile", ["ballistic and cruise missiles"]),
        ("w2", "cruise missile", "weapon", "missile", ["cruise missiles"]),
        ("w3", "armed drone", "platform", "drone", ["armed drones"]),
    ]


def test_three_way_coordination(nlp):
    assert names(nlp, "ballistic, cruise and hypersonic missiles") == [
        "ballistic missile", "cruise missile", "hypersonic missile",
    ]


def test_drone_strike_is_a_drone_platform(nlp):
    assert items(nlp, "He was killed in a U.S. drone strike. Another drone strike followed.") == [
        ("w1", "drone", "platform", "drone", ["drone", "drone"])
    ]


def test_one_record_per_item_with_all_mentions_and_spans(nlp):
    doc = nlp("An MQ-9 Reaper flew; later two MQ9 drones and a Reaper drone.")
    assert [(e.id, e.name, [m.text for m in e.mentions]) for e in doc._.fw_equipment] == [
        ("w1", "MQ-9 Reaper", ["MQ-9 Reaper", "MQ9 drones", "Reaper drone"])
    ]
    assert [(s.text, s.kb_id_) for s in doc.spans["fw_equipment"]] == [
        ("MQ-9 Reaper", "w1"), ("MQ9 drones", "w1"), ("Reaper drone", "w1"),
    ]
    first = doc._.fw_equipment[0].mentions[0]
    assert doc.text[first.start:first.end] == "MQ-9 Reaper"


def test_designation_absorbs_its_class_word(nlp):
    assert items(nlp, "They launched Fateh-110 missiles and Shahed-136 drones.") == [
        ("w1", "Fateh-110", "weapon", "missile", ["Fateh-110 missiles"]),
        ("w2", "Shahed-136", "platform", "drone", ["Shahed-136 drones"]),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("two F-16s", ["F-16"]),
        ("an F-15E Strike Eagle", ["F-15E"]),
        ("B-52 bombers", ["B-52"]),
        ("AH-64 Apache helicopters", ["AH-64 Apache"]),
        ("M1A2 Abrams tanks", ["M1 Abrams"]),
        ("the S-400 system", ["S-400"]),
        ("AK-47s and RPG-7s", ["AK-47", "RPG-7"]),
        ("Katyusha rockets", ["Katyusha"]),
        ("an IED and a VBIED", ["IED", "car bomb"]),
        ("a Humvee", ["Humvee"]),
    ],
)
def test_designations(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a think tank in Washington",
        "the suicide bomber blew himself up",
        "a patriot and an apache fan named Bradley Abrams",
        "the fuel tank leaked",
        "arms control talks",
        "3rd Battalion, 321st Field Artillery Regiment",
        "an Explosive Ordnance Disposal unit",
        "new gun control laws",
    ],
)
def test_other_senses_are_not_equipment(nlp, text):
    assert names(nlp, text) == []


def test_named_ships(nlp):
    assert items(nlp, "USS Mahan and HMS Ocean sailed.") == [
        ("w1", "USS Mahan", "platform", "ship", ["USS Mahan"]),
        ("w2", "HMS Ocean", "platform", "ship", ["HMS Ocean"]),
    ]


def test_platform_and_weapon_kinds(nlp):
    doc = nlp("Helicopters dropped barrel bombs; tanks and mortars fired.")
    assert [(e.name, e.kind, e.category) for e in doc._.fw_equipment] == [
        ("helicopter", "platform", "helicopter"),
        ("barrel bomb", "weapon", "explosive"),
        ("tank", "platform", "armoured vehicle"),
        ("mortar", "weapon", "artillery"),
    ]


def test_lexicon_claims_cover_longest_reading():
    lex = EquipmentLexicon()
    claims = lex.match("a ballistic missile")
    assert [(c.start, c.end, [m.item.name for m in c.mentions]) for c in claims] == [(2, 19, ["ballistic missile"])]


def test_a_weapon_naming_a_site_is_not_a_mention(nlp):
    assert names(nlp, "one strike destroyed a VBIED factory, two weapons caches and a VBIED.") == ["car bomb"]
