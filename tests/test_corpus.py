"""Corpus views: near-duplicate articles, merged events, force timelines, cross-article conflicts.

Most tests build records by hand. The demo-corpus tests read tests/fixtures/demo_reports_trimmed.jsonl:
the Reports `factwire demo` wrote for the 8 bundled texts (src/factwire/demo/, public-domain U.S.
government texts), trimmed to the facts events, forces and claims refer to (quantities, equipment
and quotes dropped; article text kept, since evidence offsets point into it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factwire.corpus import (
    NEAR_DUPLICATE_JACCARD,
    claim_event_ids,
    corpus_conflicts,
    find_near_duplicates,
    force_timelines,
    merge_events,
)
from factwire.records import ActorRef, ClaimRecord, EventMention, Evidence, ForceRecord, PlaceRef, TimeRef
from factwire.report_records import report_records
from factwire.schema import Acled, Count, Range, Report

FIXTURES = Path(__file__).parent / "fixtures"

KABUL = PlaceRef(id="p/kabul", name="Kabul", country="AFG", lat=34.53, lon=69.17, geonameid=1138958, feature="city")
BAGRAM = PlaceRef(id="p/bagram", name="Bagram", country="AFG", lat=34.95, lon=69.27, geonameid=1147290, feature="city")
KANDAHAR = PlaceRef(id="p/kandahar", name="Kandahar", country="AFG", lat=31.61, lon=65.71, geonameid=1138336, feature="city")
AFGHANISTAN = PlaceRef(id="p/afg", name="Afghanistan", country="AFG", lat=33.0, lon=65.0, geonameid=1149361, feature="country")
IRAQ = PlaceRef(id="p/irq", name="Iraq", country="IRQ", lat=33.0, lon=44.0, geonameid=99237, feature="country")
USA_PLACE = PlaceRef(id="p/usa", name="United States", country="USA", lat=39.76, lon=-98.5, geonameid=6252001, feature="country")
ISIS_K = ActorRef(id="a/isk", name="ISIS-K", kind="armed_group", country=None)
TALIBAN = ActorRef(id="a/tal", name="Taliban", kind="armed_group", country="AFG")
USA = ActorRef(id="a/usa", name="United States", kind="state", country="USA")


def evidence(article: str, published: str | None = "2021-08-26", text: str = "attack") -> Evidence:
    return Evidence(article_id=article, published=published, start=0, end=len(text), text=text, sentence_start=0, sentence=text)


def day(value: str) -> TimeRef:
    return TimeRef(id="t/" + value, text=value, value=value, start=value, end=value)


def mention(ident: str, *, type="ASSAULT", actor=None, target=None, place=None, time=None, published="2021-08-26",
            status="occurred", fatalities=None, acled=None) -> EventMention:
    article = ident.split("/")[0]
    return EventMention(id=ident, type=type, actor=actor, target=target, place=place, time=time, status=status,
                        fatalities=fatalities, acled=acled, evidence=evidence(article, published))


def groups(events) -> list[list[str]]:
    return sorted(sorted(m.id for m in e.mentions) for e in events)


# --- near duplicates -------------------------------------------------------------------------

WIRE = (
    "KABUL, Afghanistan (AP) — Two suicide bombers and gunmen attacked crowds of Afghans flocking to Kabul's "
    "airport on Thursday, killing at least 60 Afghans and 13 U.S. troops, Afghan and U.S. officials said. "
    "The U.S. said it would continue evacuating foreigners and Afghan allies despite the attack. "
    "General McKenzie said the military was prepared for further attacks by the Islamic State group, "
    "which claimed responsibility for the bombing, and that commanders were watching closely for rockets. "
)


def test_wire_copy_and_light_edit_are_near_duplicates_of_the_earliest():
    edited = WIRE.replace("on Thursday", "late on Thursday") + "Reporters in Washington contributed."
    other = "The Pentagon said on Friday that talks with Iraq on the future of U.S. forces there would resume next month in Baghdad."
    copies = find_near_duplicates([
        ("b-copy", WIRE, "2021-08-27"),
        ("a-original", WIRE, "2021-08-26"),
        ("c-edited", edited, "2021-08-28"),
        ("d-other", other, "2021-08-27"),
    ])
    assert copies == {"b-copy": "a-original", "c-edited": "a-original"}


def test_near_duplicate_original_is_the_smallest_id_on_a_tie_and_undated_sorts_last():
    assert find_near_duplicates([("z", WIRE, None), ("y", WIRE, "2021-08-26"), ("x", WIRE, "2021-08-26")]) == {
        "y": "x",
        "z": "x",
    }


def test_different_stories_on_the_same_topic_are_not_near_duplicates():
    first = "U.S. forces conducted a strike in eastern Syria on Thursday against facilities used by Iran-backed militias."
    second = "Iran-backed militias fired rockets at a base hosting U.S. forces in western Iraq on Sunday, officials said."
    assert find_near_duplicates([("a", first, None), ("b", second, None)]) == {}
    assert 0.3 < NEAR_DUPLICATE_JACCARD < 1


# --- merging events --------------------------------------------------------------------------

def test_same_event_across_two_articles_merges_into_one_record():
    a = mention("ap/e1", actor=ISIS_K, place=KABUL, time=day("2021-08-26"), fatalities=Range(min=13, max=13))
    b = mention("reuters/e4", actor=ISIS_K, place=AFGHANISTAN, time=day("2021-08-27"), published="2021-08-27",
                fatalities=Range(min=60, max=170))
    [event] = merge_events([b, a], {})
    assert event.id.startswith("ce-") and len(event.id) == 19
    assert [m.id for m in event.mentions] == ["ap/e1", "reuters/e4"]
    assert event.articles == 2
    assert event.place == KABUL  # the most specific place
    assert event.date == "2021-08-26"
    assert event.fatalities == Range(min=13, max=170)


def test_merged_event_id_is_stable_and_comes_from_the_earliest_mention():
    a = mention("ap/e1", place=KABUL, time=day("2021-08-26"))
    b = mention("reuters/e4", place=KABUL, time=day("2021-08-26"), published="2021-08-27")
    first = merge_events([a, b], {})
    again = merge_events([b, a], {})
    assert first == again
    assert merge_events([a], {})[0].id == first[0].id


def test_different_days_do_not_merge():
    a = mention("ap/e1", place=KABUL, time=day("2021-08-26"))
    b = mention("bbc/e1", place=KABUL, time=day("2021-08-29"), published="2021-08-29")
    assert groups(merge_events([a, b], {})) == [["ap/e1"], ["bbc/e1"]]


def test_one_day_apart_merges_and_places_within_50_km_merge():
    a = mention("ap/e1", place=KABUL, time=day("2021-08-26"))
    b = mention("bbc/e2", place=BAGRAM, time=day("2021-08-27"), published="2021-08-27")  # about 48 km
    c = mention("cnn/e3", place=KANDAHAR, time=day("2021-08-26"))  # about 480 km
    assert groups(merge_events([a, b, c], {})) == [["ap/e1", "bbc/e2"], ["cnn/e3"]]


def test_country_holds_its_cities_but_not_other_countries():
    a = mention("ap/e1", place=KABUL, time=day("2021-08-26"))
    b = mention("bbc/e1", place=AFGHANISTAN, time=day("2021-08-26"))
    c = mention("cnn/e1", place=IRAQ, time=day("2021-08-26"))
    assert groups(merge_events([a, b, c], {})) == [["ap/e1", "bbc/e1"], ["cnn/e1"]]


def test_actors_must_agree_unless_one_is_unknown():
    a = mention("ap/e1", actor=ISIS_K, place=KABUL, time=day("2021-08-26"))
    b = mention("bbc/e1", actor=TALIBAN, place=KABUL, time=day("2021-08-26"))
    c = mention("cnn/e1", actor=None, place=KABUL, time=day("2021-08-26"))
    assert groups(merge_events([a, b, c], {})) == [["ap/e1", "cnn/e1"], ["bbc/e1"]]


def test_types_must_agree_but_violent_acled_types_are_compatible():
    strike = Acled(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    clash = Acled(event_type="Battles", sub_event_type="Armed clash")
    a = mention("ap/e1", type="ASSAULT", acled=strike, place=KABUL, time=day("2021-08-26"))
    b = mention("bbc/e1", type="COERCE", acled=clash, place=KABUL, time=day("2021-08-26"))
    c = mention("cnn/e1", type="CONSULT", place=KABUL, time=day("2021-08-26"))
    assert groups(merge_events([a, b, c], {})) == [["ap/e1", "bbc/e1"], ["cnn/e1"]]


def test_month_interval_overlaps_a_day_in_it():
    month = TimeRef(id="t/aug", text="August", value="2021-08", start="2021-08-01", end="2021-08-31")
    a = mention("ap/e1", place=KABUL, time=day("2021-08-26"))
    b = mention("bbc/e1", place=KABUL, time=month, published="2021-09-02")
    [event] = merge_events([a, b], {})
    assert event.date == "2021-08-26" and event.date_end is None


def test_dated_mentions_across_articles_need_a_shared_anchor():
    # same type and day but nothing else known on both sides: two unrelated reports
    a = mention("ap/e1", type="CONSULT", time=day("2021-08-26"))
    b = mention("bbc/e1", type="CONSULT", time=day("2021-08-26"))
    assert groups(merge_events([a, b], {})) == [["ap/e1"], ["bbc/e1"]]
    # within one article the same type and day is enough
    c = mention("ap/e2", type="CONSULT", time=day("2021-08-26"))
    assert groups(merge_events([a, c], {})) == [["ap/e1", "ap/e2"]]


def test_undated_mentions_merge_only_on_an_exact_match_or_through_a_wire_copy():
    exact_a = mention("ap/e1", type="RETREAT", place=AFGHANISTAN, published="2021-08-14")
    exact_b = mention("wh/e3", type="RETREAT", place=AFGHANISTAN, published="2021-08-30")
    months_later = mention("dod/e1", type="RETREAT", place=AFGHANISTAN, published="2021-12-01")
    other_target = mention("cnn/e1", type="RETREAT", place=AFGHANISTAN, target=USA, published="2021-08-20")
    no_place = mention("bbc/e1", type="RETREAT", published="2021-08-20")
    assert groups(merge_events([exact_a, exact_b, months_later, other_target, no_place], {})) == [
        ["ap/e1", "wh/e3"], ["bbc/e1"], ["cnn/e1"], ["dod/e1"]]
    # a wire copy's mention merges with its original's even with no place and no date
    copy = mention("copy/e1", type="RETREAT", published="2021-08-21")
    assert groups(merge_events([no_place, copy], {"copy": "bbc"})) == [["bbc/e1", "copy/e1"]]
    assert groups(merge_events([no_place, copy], {})) == [["bbc/e1"], ["copy/e1"]]


def test_an_undated_mention_may_leave_actor_and_target_unknown_but_not_contradict_them():
    stated = mention("wh/e1", type="RETREAT", actor=USA, place=AFGHANISTAN, published="2021-08-14")
    vague = mention("ap/e1", type="RETREAT", place=AFGHANISTAN, published="2021-08-30")
    other = mention("bbc/e1", type="RETREAT", actor=TALIBAN, place=AFGHANISTAN, published="2021-08-30")
    assert groups(merge_events([stated, vague, other], {})) == [["ap/e1", "wh/e1"], ["bbc/e1"]]


def test_an_undated_mention_is_compared_with_the_events_own_date_not_with_its_reports():
    # announced in July for 31 August; an undated report in late September is of the same withdrawal
    planned = mention("wh/e1", type="RETREAT", place=AFGHANISTAN, time=day("2021-08-31"), status="planned",
                      published="2021-07-08")
    later = mention("ap/e1", type="RETREAT", place=AFGHANISTAN, published="2021-09-20")
    much_later = mention("dod/e1", type="RETREAT", place=AFGHANISTAN, published="2021-12-20")
    assert groups(merge_events([planned, later, much_later], {})) == [["ap/e1", "wh/e1"], ["dod/e1"]]
    # a speech in August 2021 recalls the attacks of 2001; an undated attack on the same country
    # reported a few days later is not one of them
    recalled = mention("wh/e2", place=USA_PLACE, time=day("2001-09-11"), published="2021-08-14")
    threatened = mention("wh2/e1", place=USA_PLACE, published="2021-08-26")
    assert groups(merge_events([recalled, threatened], {})) == [["wh/e2"], ["wh2/e1"]]


def test_merged_status_follows_the_documented_precedence():
    planned = mention("wh/e1", type="RETREAT", place=AFGHANISTAN, time=day("2021-08-31"), status="planned")
    done = mention("ap/e1", type="RETREAT", place=AFGHANISTAN, time=day("2021-08-31"), status="occurred")
    [event] = merge_events([planned, done], {})
    assert event.status == "occurred"


def test_every_mention_lands_in_exactly_one_event_and_blocking_keeps_far_apart_events_apart():
    mentions = [mention(f"a{i}/e1", place=KABUL, time=day(f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}")) for i in range(300)]
    events = merge_events(mentions, {})
    assert sorted(m.id for e in events for m in e.mentions) == sorted(m.id for m in mentions)
    assert all(len({m.time.start for m in e.mentions}) == 1 for e in events)
    assert len(events) == len({m.time.start for m in mentions})


def test_claim_event_ids_maps_mentions_to_their_merged_event():
    a = mention("ap/e1", place=KABUL, time=day("2021-08-26"))
    b = mention("bbc/e1", place=KABUL, time=day("2021-08-26"))
    [event] = merge_events([a, b], {})
    assert claim_event_ids([event]) == {"ap/e1": event.id, "bbc/e1": event.id}


# --- the bundled demo corpus -------------------------------------------------------------------

def demo_reports() -> list[Report]:
    lines = (FIXTURES / "demo_reports_trimmed.jsonl").read_text(encoding="utf-8").splitlines()
    return [Report.model_validate_json(line) for line in lines]


def test_demo_events_reported_by_more_than_one_text_come_out_as_one_merged_event_each():
    # The bundled texts share these real-world events:
    # - the end of the U.S. military mission in Afghanistan (the withdrawal): 03 "after our troops have
    #   withdrawn", 06 "end the U.S. military involvement in Afghanistan", 13 "as we end our military
    #   mission in Afghanistan", 14 "ending our military mission";
    # - the Kabul airport attack of 2021-08-26 (03; 14 "the 13 service members ... who gave their lives
    #   last week"); the 9/11 attacks (06, 13); the Taliban deal with a May 1 deadline (06, 13).
    # From the extracted Reports only the withdrawal has mentions in several texts that can be the
    # same event: 14 has no event for the airport attack, the 9/11 mentions carry wrong dates
    # (2021-04 and 2020-09-11), 13 has no AGREE for the deal, and 06's withdrawal mention names the
    # United States as its target, so it does not match the undated ones exactly.
    reports = demo_reports()
    records = [report_records(r) for r in reports]
    copies = find_near_duplicates([(r.article.id, r.article.text, r.article.published) for r in reports])
    events = merge_events([m for r in records for m in r.events], copies)
    shared = [e for e in events if e.articles > 1]
    assert [(e.type, e.place.name, sorted(m.id for m in e.mentions)) for e in shared] == [
        ("RETREAT", "Afghanistan", [
            "03_wh-biden-remarks-hkia-attack/e14",
            "13_wh-biden-statement-afghanistan-5000-troops/e1",
            "14_wh-biden-statement-end-of-airlift-aug30-2021/e3",
        ])
    ]
    # within one text, the attack at Kabul airport is one event with all three of its mentions
    kabul = next(e for e in events if e.place is not None and e.place.name == "Kabul" and e.type == "ASSAULT")
    assert sorted(m.id.split("/")[1] for m in kabul.mentions) == ["e1", "e2", "e3"]
    assert kabul.date == "2021-08-26"
    assert sum(len(e.mentions) for e in events) == sum(len(r.events) for r in records)


def test_demo_texts_are_not_near_duplicates_of_each_other():
    reports = demo_reports()
    arts = [(r.article.id, r.article.text, r.article.published) for r in reports]
    assert find_near_duplicates(arts) == {}
    # a copy of one of them, re-published a day later with a new first line, is found
    first = reports[0].article
    copy = ("copy-of-03", "Updated at 9 p.m.\n" + first.text, "2021-08-27")
    assert find_near_duplicates(arts + [copy]) == {"copy-of-03": first.id}


# The real-world events the bundled texts share, and which of them the pipeline's Reports merge
# today. Shared by more than one text:
# - the end of the U.S. military mission in Afghanistan (31 Aug 2021): 03 "after our troops have
#   withdrawn", 06 "end the U.S. military involvement" / "will conclude on August 31st", 13 "as we
#   end our military mission in Afghanistan", 14 "ending our military mission" / "retrograde";
# - the attack at Kabul airport on 26 Aug 2021: 03 "This evening in Kabul ... terrorists attacked",
#   14 "the 13 service members in Afghanistan who gave their lives last week";
# - the attacks of 11 September 2001: 06 "the terrorists who attacked us on 9/11", 13 "the forces
#   that attacked this country on September 11th";
# - the Kabul airlift / evacuation (03, 13, 14); the Doha deal with the Taliban (06, 13).
# Merged: the withdrawal, the Kabul attack and the 9/11 attacks.
# Not merged, because no text gives what a merge needs (a date, or a place or a participant known on
# both sides): the airlift (03 "an airlift, an evacuation effort ... in the last 11 days" and
# "continue the evacuation" name no place; 14's "evacuated tens of thousands more people" from Kabul
# has no date, 13's "working to evacuate thousands" neither); the deal (06 "made an agreement ...
# with the Taliban", 13 "a deal cut by my predecessor": both undated and placeless, 37 days apart).
DEMO_SHARED_EVENTS = [
    # (PLOVER type, place, date, texts)
    ("ASSAULT", "Kabul", "2021-08-26", ["03", "14"]),
    # the withdrawal: 06's "our military mission in Afghanistan will conclude on August 31st" dates it
    ("RETREAT", "Afghanistan", "2021-08-31", ["03", "06", "13", "14"]),
    # the attacks of 11 September 2001: 06's "attacked us on 9/11", 13's "the forces that attacked
    # this country on September 11th" (the place is the state attacked: 'us', 'this country')
    ("ASSAULT", "United States", "2001-09-11", ["06", "13"]),
]


@pytest.mark.model
def test_demo_events_reported_by_several_texts_merge_when_extracted_by_the_pipeline(tmp_path):
    from factwire.article import read_inputs
    from factwire.demo import corpus_dir
    from factwire.pipeline import Extractor
    from factwire.records import Filters
    from factwire.store import Store

    extractor = Extractor()
    with Store.open(tmp_path / "demo.db") as store:
        for article in read_inputs([corpus_dir()]):
            store.add_report(extractor.extract(article))
        events = store.events(Filters(limit=10000)).items
        assert store.articles().total == 8
    shared = sorted((
        (e.type, e.place.name if e.place else None, e.date, sorted({m.evidence.article_id[:2] for m in e.mentions}))
        for e in events
        if e.articles > 1
    ), key=repr)
    assert shared == sorted(DEMO_SHARED_EVENTS, key=repr)


# --- force timelines ---------------------------------------------------------------------------

def force(ident: str, value: float, date: str | None, *, owner="USA", place="IRQ", status="current", bound="exact",
          published: str | None = None, force_kind="troops") -> ForceRecord:
    article = ident.split("/")[0]
    return ForceRecord(id=ident, owner=USA if owner == "USA" else None, owner_country=owner, force=force_kind,
                       count=Count(value=value, bound=bound), place_country=place, date=date, status=status,
                       evidence=evidence(article, published or date, f"{value:,.0f} troops"))


def test_force_timelines_group_by_owner_and_place_and_sort_by_date_undated_last():
    forces = [
        force("b/f1", 2500, "2021-12-09"),
        force("a/f1", 5200, "2020-01-05"),
        force("c/f1", 900, "2021-12-09", place="SYR"),
        force("d/f1", 3000, None, status="past"),
    ]
    timelines = force_timelines(forces)
    assert [(t.owner_country, t.place_country, t.place, [p.id for p in t.points]) for t in timelines] == [
        ("USA", "IRQ", "Iraq", ["a/f1", "b/f1", "d/f1"]),
        ("USA", "SYR", "Syria", ["c/f1"]),
    ]
    assert timelines[0].owner == "United States"


# --- conflicts ---------------------------------------------------------------------------------

def test_different_counts_for_the_same_force_place_and_day_conflict():
    forces = [force("a/f1", 2500, "2021-12-09"), force("b/f2", 3500, "2021-12-09")]
    [conflict] = corpus_conflicts([], forces, [])
    assert conflict.kind == "count" and conflict.scope == "corpus"
    assert conflict.id.startswith("cx-") and len(conflict.id) == 19
    assert [i.fact_id for i in conflict.items] == ["a/f1", "b/f2"]
    assert conflict.note == "sources disagree on USA troops in IRQ (current, 2021-12-09): 2,500 vs 3,500"


def test_agreeing_or_incomparable_counts_do_not_conflict():
    cases = [
        [force("a/f1", 2500, "2021-12-09"), force("b/f1", 2500, "2021-12-09")],  # same value
        [force("a/f1", 2500, "2021-12-09"), force("b/f1", 2400, "2021-12-09", bound="approx")],  # about
        [force("a/f1", 2500, "2021-12-09"), force("b/f1", 2000, "2021-12-09", bound="min")],  # more than
        [force("a/f1", 2500, "2021-12-09"), force("b/f1", 3500, "2021-12-09", status="planned")],  # plan
        [force("a/f1", 2500, "2021-12-09"), force("b/f1", 3500, "2021-12-20")],  # other day
        [force("a/f1", 2500, "2021-12-09"), force("a/f2", 3500, "2021-12-09")],  # one article
        [force("a/f1", 2500, "2021-12-09"), force("b/f1", 900, "2021-12-09", place="SYR")],  # other place
        [force("a/f1", 2500, None, status="past"), force("b/f1", 3500, None, status="past")],  # undated
    ]
    for forces in cases:
        assert corpus_conflicts([], forces, []) == [], forces


def test_month_only_date_is_compared_within_its_month():
    forces = [force("a/f1", 2500, "2021-12"), force("b/f1", 3500, "2021-12-09")]
    assert len(corpus_conflicts([], forces, [])) == 1


def claim(ident: str, stance: str, about: str, source=None) -> ClaimRecord:
    article = ident.split("/")[0]
    return ClaimRecord(id=ident, stance=stance, source=source, about=about, evidence=evidence(article))


def test_an_event_one_source_attributes_and_another_denies_conflicts():
    a = mention("ap/e1", place=KABUL, time=day("2021-08-26"))
    b = mention("irna/e2", place=KABUL, time=day("2021-08-26"))
    events = merge_events([a, b], {})
    claims = [claim("ap/c1", "accuses", "ap/e1", USA), claim("irna/c1", "denies", "irna/e2", TALIBAN)]
    [conflict] = corpus_conflicts(events, [], claims)
    assert conflict.kind == "attribution"
    assert [i.summary for i in conflict.items] == ["United States accuses", "Taliban denies"]
    # two sources that agree do not conflict, and claims about unrelated events do not either
    assert corpus_conflicts(events, [], [claims[0], claim("irna/c1", "asserts", "irna/e2")]) == []
    other = mention("cnn/e1", place=IRAQ, time=day("2021-08-26"))
    events = merge_events([a, other], {})
    assert corpus_conflicts(events, [], [claims[0], claim("cnn/c1", "denies", "cnn/e1")]) == []


def test_differing_fatality_counts_for_one_merged_event_conflict():
    a = mention("ap/e1", place=KABUL, time=day("2021-08-26"), fatalities=Range(min=13, max=13))
    b = mention("bbc/e1", place=KABUL, time=day("2021-08-26"), fatalities=Range(min=11, max=11))
    c = mention("cnn/e1", place=KABUL, time=day("2021-08-26"), fatalities=Range(min=10, max=20))
    events = merge_events([a, b, c], {})
    [conflict] = corpus_conflicts(events, [], [])
    assert conflict.kind == "count"
    assert [i.fact_id for i in conflict.items] == ["ap/e1", "bbc/e1"]
    assert conflict.note == f"sources disagree on the death toll of event {events[0].id}: 11 vs 13 killed"


def test_conflict_ids_are_stable():
    forces = [force("a/f1", 2500, "2021-12-09"), force("b/f2", 3500, "2021-12-09")]
    assert corpus_conflicts([], forces, []) == corpus_conflicts([], list(reversed(forces)), [])
