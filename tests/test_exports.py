"""Exports: PLOVER JSON Lines, ACLED-style CSV, GeoJSON (RFC 7946), Parquet, and `factwire export`.

Records are built by hand; the CLI tests store the trimmed demo Reports (tests/fixtures/
demo_reports_trimmed.jsonl, see test_corpus.py) with Store.add_report, which needs no model.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from factwire.cli import main
from factwire.corpus import merge_events
from factwire.exports import (
    ACLED_COLUMNS,
    feature_collection,
    plover_event,
    read_parquet,
    write_acled_csv,
    write_geojson,
    write_parquet,
    write_plover_json,
)
from factwire.records import (
    ActorRef,
    ArticleRecord,
    ConflictItem,
    ConflictRecord,
    EventMention,
    EventRecord,
    Evidence,
    ForceRecord,
    PlaceRef,
    TimeRef,
)
from factwire.schema import Acled, Count, Range, Report

FIXTURES = Path(__file__).parent / "fixtures"

KABUL = PlaceRef(id="ap/p1", name="Kabul", country="AFG", lat=34.5281, lon=69.1723, geonameid=1138958, feature="city")
ASAD = PlaceRef(id="dod/p2", name="Al Asad Airbase", country="IRQ", lat=33.7856, lon=42.4412, feature="base")
ISIS_K = ActorRef(id="ap/a1", name="ISIS-K", kind="armed_group")
USA = ActorRef(id="ap/a2", name="United States", kind="state", country="USA")
IRAN = ActorRef(id="dod/a1", name="Iran", kind="state", country="IRN")
BOMBING = Acled(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb")
MISSILES = Acled(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack")


def evidence(article: str, text: str = "attacked", published: str = "2021-08-26") -> Evidence:
    sentence = f"Terrorists {text} the airport."
    return Evidence(article_id=article, article_title="Remarks", article_url=f"https://example.org/{article}",
                    outlet="The White House", published=published, start=11, end=11 + len(text), text=text,
                    sentence_start=100, sentence=sentence)


def time_ref(start: str, end: str | None = None, value: str | None = None) -> TimeRef:
    return TimeRef(id="t", text=value or start, value=value or start, start=start, end=end or start)


def event(ident: str = "ap/e1", *, type="ASSAULT", acled=BOMBING, actor=ISIS_K, target=USA, place=KABUL,
          time=None, status="occurred", fatalities=None, published="2021-08-26") -> EventRecord:
    m = EventMention(id=ident, type=type, acled=acled, actor=actor, target=target, place=place,
                     time=time if time is not None else time_ref("2021-08-26"), status=status, fatalities=fatalities,
                     evidence=evidence(ident.split("/")[0], published=published))
    [record] = merge_events([m], {})
    return record


def force(ident: str = "ap/f1", place: PlaceRef | None = None, place_country: str | None = "IRQ") -> ForceRecord:
    return ForceRecord(id=ident, owner=USA, owner_country="USA", count=Count(value=2500), place=place,
                       place_country=place_country, date="2021-12-09", evidence=evidence("ap", "2,500 troops"))


# --- PLOVER ------------------------------------------------------------------------------------

def test_plover_record_uses_the_spec_field_names_and_types():
    record = plover_event(event(fatalities=Range(min=13, max=170)))
    assert set(record) >= {"id", "has_event", "date", "enddate", "actor", "recipient", "event", "event_loc",
                           "event_text", "quad_code", "mode", "context", "text", "text_info", "cite_info", "coder"}
    assert record["id"].startswith("ce-") and record["has_event"] is True
    assert record["date"] == "2021-08-26" and record["enddate"] is None
    assert record["event"] == ["ASSAULT"] and record["quad_code"] == 4
    assert record["actor"] == [{"code": None, "sector": "REB", "entity_text": "ISIS-K", "identifier_id": None,
                                "identifier_text": "ISIS-K"}]
    assert record["recipient"][0]["code"] == "USA" and record["recipient"][0]["sector"] == "GOV"
    loc = record["event_loc"]
    assert (loc["geonameid"], loc["lat"], loc["lon"], loc["country_code"], loc["resolution"]) == (1138958, 34.5281, 69.1723, "AFG", 4)
    assert (loc["city"], loc["country"], loc["feature_class"], loc["feature_code"]) == ("Kabul", "Afghanistan", "P", "PPL")
    assert record["event_text"] == ["attacked"]
    assert record["text"] == "Terrorists attacked the airport."
    assert record["text_info"] == {"start": 100, "end": 100 + len(record["text"])}
    assert record["cite_info"]["url"] == "https://example.org/ap" and record["cite_info"]["publication"] == "The White House"
    assert record["dead"] == 13
    assert all(isinstance(record[k], list) for k in ("actor", "recipient", "event", "event_text", "mode", "context"))
    assert record["factwire"]["mentions"] == ["ap/e1"]


def test_plover_categories_renamed_in_2_0_and_month_dates_become_day_spans():
    record = plover_event(event(type="DISAPPROVE", acled=None, time=time_ref("2021-02-01", "2021-02-28", "2021-02")))
    assert record["event"] == ["ACCUSE"] and record["quad_code"] == 3
    assert (record["date"], record["enddate"]) == ("2021-02-01", "2021-02-28")
    assert record["factwire"]["type"] == "DISAPPROVE"
    undated = plover_event(event(type="DEMAND", acled=None, place=None, time=TimeRef(id="t", text="now")))
    assert undated["event"] == ["REQUEST"] and undated["date"] is None and undated["event_loc"] is None


def test_plover_json_lines_one_event_per_line(tmp_path):
    out = tmp_path / "events.jsonl"
    assert write_plover_json([event("ap/e1"), event("dod/e2", place=ASAD)], out) == 2
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["event_loc"]["resolved_place"] for line in lines] == ["Kabul", "Al Asad Airbase"]


# --- ACLED -------------------------------------------------------------------------------------

def acled_rows(events) -> tuple[list[str], list[dict]]:
    buffer = io.StringIO()
    write_acled_csv(events, buffer, timestamp=1700000000)
    buffer.seek(0)
    reader = csv.reader(buffer)
    header = next(reader)
    return header, [dict(zip(header, row)) for row in reader]


def test_acled_csv_header_is_acleds_columns_in_order():
    header, rows = acled_rows([])
    assert header == [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ]
    assert list(ACLED_COLUMNS) == header and rows == []


def test_acled_row_values_follow_acled_conventions():
    _, [row] = acled_rows([event(fatalities=Range(min=13, max=170))])
    assert row["event_id_cnty"].startswith("AFG-ce-")
    assert date.fromisoformat(row["event_date"]) == date(2021, 8, 26)
    assert (int(row["year"]), int(row["time_precision"]), int(row["geo_precision"])) == (2021, 1, 1)
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Political violence", "Explosions/Remote violence", "Suicide bomb")
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "ISIS-K", "Rebel group", "United States", "External/Other forces")
    assert row["interaction"] == "Rebel group-External/Other forces"
    assert (int(row["iso"]), row["region"], row["country"], row["location"]) == (4, "South Asia", "Afghanistan", "Kabul")
    assert (float(row["latitude"]), float(row["longitude"])) == (34.5281, 69.1723)
    assert row["latitude"] == "34.5281"  # four decimals, as ACLED
    assert int(row["fatalities"]) == 13  # the most conservative figure
    assert row["source"] == "The White House" and row["notes"] == "Terrorists attacked the airport."
    assert int(row["timestamp"]) == 1700000000 and row["civilian_targeting"] == ""


def test_acled_state_forces_at_home_and_abroad_and_sole_actor_interaction():
    _, [row] = acled_rows([event("dod/e2", acled=MISSILES, actor=IRAN, target=None, place=ASAD)])
    assert (row["inter1"], row["interaction"], row["country"], row["region"]) == (
        "External/Other forces", "External/Other forces only", "Iraq", "Middle East")
    iraq_army = ActorRef(id="x/a1", name="Iraqi Army", kind="military", country="IRQ")
    _, [row] = acled_rows([event("x/e1", acled=MISSILES, actor=iraq_army, target=ISIS_K, place=ASAD)])
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("State forces", "Rebel group", "State forces-Rebel group")


def test_acled_week_and_month_dates_use_the_middle_and_a_lower_precision():
    week = event(time=time_ref("2021-10-18", "2021-10-24", "2021-W42"))
    month = event("bbc/e1", time=time_ref("2021-02-01", "2021-02-28", "2021-02"))
    _, rows = acled_rows([week, month])
    assert [(r["event_date"], r["time_precision"]) for r in rows] == [("2021-10-21", "2"), ("2021-02-15", "3")]


def test_acled_rows_only_for_acled_typed_reported_dated_events():
    keep = event()
    no_type = event("a/e1", acled=None)
    planned = event("b/e1", status="planned")
    undated = event("c/e1", time=TimeRef(id="t", text="recently"))
    a_year = event("d/e1", time=time_ref("2021-01-01", "2021-12-31", "2021"))
    nowhere = event("e/e1", place=None)
    _, rows = acled_rows([keep, no_type, planned, undated, a_year, nowhere])
    assert [r["event_id_cnty"] for r in rows] == [f"AFG-{keep.id}"]


# --- GeoJSON -----------------------------------------------------------------------------------

POSITION = {"type": "array", "minItems": 2, "maxItems": 3, "items": {"type": "number"},
            "prefixItems": [{"minimum": -180, "maximum": 180}, {"minimum": -90, "maximum": 90}]}
GEOJSON_POINTS = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["type", "features"],
    "not": {"required": ["crs"]},
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object",
            "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "id": {"type": ["string", "number"]},
                "geometry": {"type": "object", "required": ["type", "coordinates"],
                             "properties": {"type": {"const": "Point"}, "coordinates": POSITION}},
                "properties": {"type": ["object", "null"]},
            },
        }},
    },
}


def test_geojson_is_an_rfc_7946_feature_collection_in_lon_lat_order(tmp_path):
    out = tmp_path / "facts.geojson"
    n = write_geojson([event(), event("x/e1", place=None)], [force(), force("b/f1", place_country=None)], out)
    collection = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(collection, GEOJSON_POINTS, cls=jsonschema.Draft202012Validator)
    assert n == 2 == len(collection["features"])
    kabul, troops = collection["features"]
    assert kabul["geometry"]["coordinates"] == [69.1723, 34.5281]  # [longitude, latitude]
    assert kabul["id"] == kabul["properties"]["id"] and kabul["properties"]["kind"] == "event"
    assert kabul["properties"]["date"] == "2021-08-26" and kabul["properties"]["type"] == "ASSAULT"
    assert kabul["properties"]["evidence"] == "Terrorists attacked the airport."
    assert troops["properties"]["kind"] == "force" and troops["properties"]["located"] == "country"
    assert troops["properties"]["count"] == 2500 and troops["properties"]["place_country"] == "IRQ"
    lon, lat = troops["geometry"]["coordinates"]
    assert 38 < lon < 49 and 29 < lat < 38  # inside Iraq


def test_geojson_schema_rejects_swapped_coordinates():
    collection = feature_collection([event(place=KABUL.model_copy(update={"lat": 34.5, "lon": 169.2}))], [])
    collection["features"][0]["geometry"]["coordinates"].reverse()
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(collection, GEOJSON_POINTS, cls=jsonschema.Draft202012Validator)


# --- Parquet -----------------------------------------------------------------------------------

def test_parquet_round_trip_gives_back_the_same_records(tmp_path):
    events = [event(fatalities=Range(min=13, max=170)), event("dod/e2", acled=MISSILES, actor=IRAN, place=ASAD, target=None)]
    forces = [force(), force("b/f1", place=ASAD)]
    articles = [ArticleRecord(id="ap", sha256="0" * 64, title="Remarks", ingested_at="2026-01-01T00:00:00Z",
                              counts={"events": 2, "forces": 1}),
                ArticleRecord(id="dod", sha256="1" * 64, ingested_at="2026-01-01T00:00:00Z", counts={"quotes": 3})]
    conflicts = [ConflictRecord(id="cx-0", kind="count", scope="corpus", note="differ", items=[
        ConflictItem(fact_id="ap/f1", kind="force", summary="2,500 troops", evidence=evidence("ap"))])]
    paths = write_parquet({"events": events, "forces": forces, "articles": articles, "conflicts": conflicts,
                           "quotes": []}, tmp_path / "pq")
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == [
        "articles.parquet", "conflicts.parquet", "events.parquet", "forces.parquet", "quotes.parquet"]
    assert read_parquet(paths["events"], EventRecord) == events
    assert read_parquet(paths["forces"], ForceRecord) == forces
    assert read_parquet(paths["articles"], ArticleRecord) == articles
    assert read_parquet(paths["conflicts"], ConflictRecord) == conflicts
    assert pq.read_table(paths["events"]).num_rows == 2
    assert pq.read_table(paths["quotes"]).num_rows == 0


def test_an_export_that_fails_midway_leaves_no_file(tmp_path):
    def broken():
        yield event()
        raise RuntimeError("store went away")

    out = tmp_path / "events.jsonl"
    with pytest.raises(RuntimeError):
        write_plover_json(broken(), out)
    assert list(tmp_path.iterdir()) == []


# --- factwire export ---------------------------------------------------------------------------

@pytest.fixture
def demo_db(tmp_path) -> Path:
    from factwire.store import Store

    path = tmp_path / "demo.db"
    with Store.open(path) as store:
        for line in (FIXTURES / "demo_reports_trimmed.jsonl").read_text(encoding="utf-8").splitlines():
            store.add_report(Report.model_validate_json(line))
    return path


def test_cli_export_each_format(demo_db, tmp_path):
    runner = CliRunner()
    cases = {
        "plover": (tmp_path / "ev.jsonl", f"factwire: wrote 64 PLOVER events to {tmp_path / 'ev.jsonl'} (JSON Lines)\n"),
        "acled-csv": (tmp_path / "ev.csv", f"factwire: wrote 1 ACLED-style rows to {tmp_path / 'ev.csv'} (63 events left "
                      "out: no ACLED type, not reported as happened, no place, or dated less precisely than a month)\n"),
        "geojson": (tmp_path / "f.geojson", f"factwire: wrote 27 GeoJSON features to {tmp_path / 'f.geojson'} (41 facts "
                    "left out: no coordinates)\n"),
        "parquet": (tmp_path / "pq", f"factwire: wrote 7 Parquet tables to {tmp_path / 'pq'}/: articles (8 rows), events "
                    "(64 rows), event_mentions (71 rows), forces (4 rows), quotes (0 rows), claims (1 rows), conflicts (0 rows)\n"),
    }
    for fmt, (out, expected) in cases.items():
        result = runner.invoke(main, ["export", "--db", str(demo_db), "--format", fmt, "--out", str(out)])
        assert (result.exit_code, result.output) == (0, expected), fmt
    assert len((tmp_path / "ev.jsonl").read_text().splitlines()) == 64
    assert read_parquet(tmp_path / "pq" / "events.parquet", EventRecord)[0].id.startswith("ce-")


def test_cli_export_errors_exit_2_with_what_to_do(tmp_path, demo_db):
    runner = CliRunner()
    missing = tmp_path / "none.db"
    result = runner.invoke(main, ["export", "--db", str(missing), "--format", "plover", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert f"{missing}: no such database; create it first with 'factwire ingest PATH... --db {missing}'" in result.output
    (tmp_path / "file").write_text("x")
    result = runner.invoke(main, ["export", "--db", str(demo_db), "--format", "parquet", "--out", str(tmp_path / "file")])
    assert result.exit_code == 2
    assert "is a file; Parquet export writes one file per table into a folder: give a folder path" in result.output
    result = runner.invoke(main, ["export", "--db", str(demo_db), "--format", "kml", "--out", "x"])
    assert result.exit_code == 2 and "Invalid value for '--format'" in result.output
