"""The HTTP API (factwire.server): every route, the envelope, filters, errors, the token rules, the pages.

A small store is built from stored Reports (tests/fixtures/server_reports.jsonl, four demo articles)
plus one hand-built hostile article, so no model is needed: POST uses a stub extractor.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from factwire import schema
from factwire.article import Article
from factwire.errors import StoreError
from factwire.records import Filters
from factwire.server import create_app
from factwire.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "server_reports.jsonl"
TOKEN = "s3cret-token"
LISTS = ("articles", "events", "forces", "quotes", "claims", "conflicts")

HOSTILE_TEXT = (
    'BASRA <script>alert("t")</script> - Officials said 300 U.S. troops were in Basra on Monday. '
    'A second official said 500 U.S. troops were in Basra. '
    '"We did not attack <img src=x onerror=alert(1)>," the militia spokesman said.'
)


def _span(text: str, needle: str) -> schema.Span:
    start = text.index(needle)
    return schema.Span(start=start, end=start + len(needle), text=needle)


def hostile_report() -> schema.Report:
    """An article whose title, quote and url try to inject markup and script (the page must escape them)."""
    t = HOSTILE_TEXT
    art = Article(text=t, id="hostile-1", title='<script>alert("title")</script> Basra', url="javascript:alert(1)",
                  outlet="<b>Wire</b>", published="2021-12-06")
    q = _span(t, 'We did not attack <img src=x onerror=alert(1)>,')
    return schema.Report(
        article=schema.ArticleMeta(id=art.ident, text=t, title=art.title, url=art.url, outlet=art.outlet,
                                   published=art.published, sha256=art.sha256),
        actors=[schema.Actor(id="a1", name="United States", kind="state", country="USA", mentions=[_span(t, "U.S.")]),
                schema.Actor(id="a2", name="militia spokesman", kind="person", mentions=[_span(t, "militia spokesman")])],
        places=[schema.Place(id="p1", name="Basra", country="IRQ", lat=30.51, lon=47.78, feature="city",
                             mentions=[_span(t, "Basra on")])],
        times=[schema.Time(id="t1", start=t.index("Monday"), end=t.index("Monday") + 6, text="Monday", type="DATE",
                           value="2021-12-06", interval=schema.Interval(start="2021-12-06", end="2021-12-06"))],
        events=[schema.Event(id="e1", type="ASSAULT", actor="a2", place="p1", time="t1", status="denied",
                             evidence=_span(t, "attack"))],
        forces=[schema.Force(id="f1", owner="a1", owner_country="USA", count=schema.Count(value=300), place="p1",
                             place_country="IRQ", time="t1", evidence=_span(t, "300 U.S. troops")),
                schema.Force(id="f2", owner="a1", owner_country="USA", count=schema.Count(value=500), place="p1",
                             place_country="IRQ", evidence=_span(t, "500 U.S. troops"))],
        quotes=[schema.Quote(id="q1", start=q.start, end=q.end, text=q.text, kind="direct", speaker="a2",
                             speaker_text="the militia spokesman")],
        claims=[schema.Claim(id="c1", about="e1", source="a2", stance="denies", evidence=_span(t, "We did not attack"))],
        conflicts=[schema.Conflict(id="x1", kind="count", items=["f1", "f2"], note="300 or 500 troops in Basra"),
                   schema.Conflict(id="x2", kind="attribution", items=["e1", "c1"], note="the militia denies the attack")],
    )


def build_db(path: Path) -> Path:
    """The fixture store: the four demo Reports and the hostile one."""
    with Store.open(path) as store:
        for line in FIXTURE.read_text(encoding="utf-8").splitlines():
            store.add_report(schema.Report.model_validate_json(line), update_views=False)
        store.add_report(hostile_report(), update_views=False)
        store.rebuild_views()
    return path


class StubExtractor:
    """Stands in for the spaCy pipeline: one MOBILIZE event on the article's first word."""

    made = 0

    def __init__(self):
        StubExtractor.made += 1

    def extract(self, article: Article) -> schema.Report:
        word = article.text.split()[0]
        return schema.Report(
            article=schema.ArticleMeta(id=article.ident, text=article.text, title=article.title, url=article.url,
                                       outlet=article.outlet, published=article.published, sha256=article.sha256),
            events=[schema.Event(id="e1", type="MOBILIZE", evidence=schema.Span(start=0, end=len(word), text=word))],
        )


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_db(tmp_path_factory.mktemp("server") / "fixture.db")


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db))


@pytest.fixture(scope="module")
def guarded(tmp_path_factory) -> TestClient:
    """A server with a token (for the refusals: nothing gets written)."""
    db = build_db(tmp_path_factory.mktemp("guarded") / "g.db")
    return TestClient(create_app(db, token=TOKEN, extractor_factory=StubExtractor))


@pytest.fixture()
def writable(tmp_path) -> TestClient:
    """A server with a token over a fresh copy of the store, and a stub extractor."""
    StubExtractor.made = 0
    return TestClient(create_app(build_db(tmp_path / "w.db"), token=TOKEN, extractor_factory=StubExtractor))


def store_page(db: Path, kind: str, **filters):
    with Store.open(db) as store:
        return getattr(store, kind)(Filters(**filters))


# --- the list routes -------------------------------------------------------------------------

@pytest.mark.parametrize("kind", LISTS)
def test_list_routes_answer_the_envelope_with_the_store_records(client, db, kind):
    got = client.get(f"/api/{kind}", params={"limit": 1000})
    assert got.status_code == 200
    body = got.json()
    assert set(body) == {"items", "total", "next"}
    expected = store_page(db, kind, limit=1000)
    assert body["total"] == expected.total > 0
    assert [i["id"] for i in body["items"]] == [r.id for r in expected.items]
    assert body["next"] is None


def test_cursor_pages_through_every_event_once(client, db):
    seen, cursor, pages = [], None, 0
    while True:
        body = client.get("/api/events", params={"limit": 7, **({"cursor": cursor} if cursor else {})}).json()
        seen += [e["id"] for e in body["items"]]
        pages += 1
        cursor = body["next"]
        if cursor is None:
            break
    total = store_page(db, "events").total
    assert len(seen) == len(set(seen)) == total
    assert pages == -(-total // 7)


@pytest.mark.parametrize(
    "kind, params",
    [
        ("events", {"country": "syr"}),
        ("events", {"actor": "iran"}),
        ("events", {"place": "basra"}),
        ("events", {"type": "ASSAULT"}),
        ("events", {"since": "2021-08-01", "until": "2021-08-31"}),
        ("events", {"text": "missile"}),
        ("forces", {"article": "hostile-1"}),
        ("quotes", {"type": "direct"}),
        ("claims", {"type": "denies"}),
        ("conflicts", {"type": "count"}),
    ],
)
def test_filters_are_the_stores_filters(client, db, kind, params):
    body = client.get(f"/api/{kind}", params=params).json()
    expected = store_page(db, kind, **{k: (v.upper() if k == "country" else v) for k, v in params.items()})
    assert [i["id"] for i in body["items"]] == [r.id for r in expected.items]
    assert 0 < body["total"] < store_page(db, kind).total


def test_blank_filters_mean_no_filter(client, db):
    body = client.get("/api/events", params={"actor": "", "country": " ", "since": ""}).json()
    assert body["total"] == store_page(db, "events").total


@pytest.mark.parametrize(
    "query, param",
    [
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
        ("limit=many", "limit"),
        ("since=2021-02-30", "since"),
        ("until=yesterday", "until"),
        ("since=2021-09-01&until=2021-08-01", "until"),
        ("country=Iraq", "country"),
        ("cursor=abc", "cursor"),
        ("text=%22", "text"),
    ],
)
def test_bad_parameters_answer_422_naming_the_parameter(client, query, param):
    got = client.get(f"/api/events?{query}")
    assert got.status_code == 422
    assert got.json()["error"].startswith(f"query parameter '{param}': ")


# --- single records ----------------------------------------------------------------------------

def test_article_route_answers_the_report(client):
    got = client.get("/api/articles/hostile-1")
    assert got.status_code == 200
    report = schema.Report.model_validate(got.json())
    assert report.article.title == hostile_report().article.title
    assert [f.id for f in report.forces] == ["f1", "f2"]


def test_unknown_article_is_a_404_json_error(client):
    got = client.get("/api/articles/no-such-article")
    assert got.status_code == 404
    assert got.json() == {"error": "no article with id 'no-such-article'; list them with GET /api/articles"}


def test_fact_route_answers_any_kind_with_evidence(client):
    force = client.get("/api/facts/hostile-1/f1").json()
    assert force["kind"] == "force"
    assert force["item"]["evidence"]["text"] == "300 U.S. troops"
    assert force["item"]["evidence"]["sentence"].endswith("- Officials said 300 U.S. troops were in Basra on Monday.")
    event_id = client.get("/api/events", params={"article": "hostile-1"}).json()["items"][0]["id"]
    event = client.get(f"/api/facts/{event_id}").json()
    assert event["kind"] == "event" and event["item"]["mentions"][0]["evidence"]["text"] == "attack"
    assert client.get("/api/facts/hostile-1/q1").json()["kind"] == "quote"
    missing = client.get("/api/facts/hostile-1/f99")
    assert missing.status_code == 404 and "hostile-1/f99" in missing.json()["error"]


def test_timelines_group_force_levels(client):
    body = client.get("/api/forces/timelines", params={"country": "IRQ"}).json()
    assert body["total"] == len(body["items"]) == 1
    line = body["items"][0]
    assert (line["owner_country"], line["place_country"]) == ("USA", "IRQ")
    assert sorted(p["count"]["value"] for p in line["points"]) == [300.0, 500.0]


def test_stats_counts_the_store_and_says_writes_are_off(client, db):
    body = client.get("/api/stats").json()
    with Store.open(db) as store:
        assert body["counts"] == store.stats()
    assert body["writes_enabled"] is False and body["database"] == "fixture.db"


def test_map_places_events_and_forces(client):
    body = client.get("/api/map", params={"article": "hostile-1"}).json()
    assert [(p["kind"], p["lat"], p["lon"], p["approx"]) for p in body["forces"]] == [
        ("force", 30.51, 47.78, False), ("force", 30.51, 47.78, False)]
    assert body["events"][0]["type"] == "ASSAULT" and body["total_events"] == 1
    assert body["forces"][0]["label"] == "United States: 300 troops in Basra (current, 2021-12-06)"


# --- read-only -----------------------------------------------------------------------------------

@pytest.mark.parametrize("method, path", [("put", "/api/events"), ("delete", "/api/articles/hostile-1"),
                                          ("patch", "/api/forces"), ("post", "/api/events"), ("delete", "/api/articles")])
def test_everything_but_post_articles_is_read_only(client, method, path):
    got = getattr(client, method)(path)
    assert got.status_code == 405
    assert "read-only" in got.json()["error"]


def test_unknown_route_is_a_404_json_error(client):
    got = client.get("/api/nothing")
    assert got.status_code == 404 and got.json()["error"].startswith("no such resource: /api/nothing")


# --- POST /api/articles and the token rules --------------------------------------------------

ARTICLE = {"text": "Deployed: 200 marines reached Erbil.", "published": "2021-12-10", "title": "Marines",
           "url": "https://example.org/m", "outlet": "Example"}


def test_post_without_a_configured_token_is_403(client):
    for headers in ({}, {"Authorization": "Bearer anything"}, {"Authorization": "Bearer "}):
        got = client.post("/api/articles", json=ARTICLE, headers=headers)
        assert got.status_code == 403
        assert got.json()["error"].startswith("writes are disabled")


def test_an_empty_token_does_not_enable_writes(db):
    got = TestClient(create_app(db, token="")).post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer "})
    assert got.status_code == 403


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": "Bearer"}])
def test_post_without_the_right_token_is_401(guarded, headers):
    got = guarded.post("/api/articles", json=ARTICLE, headers=headers)
    assert got.status_code == 401
    assert got.headers["www-authenticate"].startswith("Bearer")
    assert guarded.app.state.settings.extractor is None  # nothing is loaded for an unauthenticated client


def test_bad_body_without_a_token_is_still_401(guarded):
    assert guarded.post("/api/articles", content=b"not json").status_code == 401


def test_token_is_compared_in_constant_time(guarded, monkeypatch):
    import factwire.server.routes_write as routes_write

    calls = []
    real = routes_write.hmac.compare_digest
    monkeypatch.setattr(routes_write.hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    guarded.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer nope"})
    assert calls == [(b"nope", TOKEN.encode())]


def test_post_extracts_stores_and_updates_the_views(writable):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = writable.get("/api/events").json()["total"]
    got = writable.post("/api/articles", json={**ARTICLE, "id": "marines-1"}, headers=auth)
    assert got.status_code == 201
    assert got.headers["x-factwire-outcome"] == "added"
    assert got.headers["location"] == "/api/articles/marines-1"
    report = schema.Report.model_validate(got.json())
    assert (report.article.id, report.article.published, report.events[0].evidence.text) == ("marines-1", "2021-12-10", "Deployed:")
    assert writable.get("/api/articles/marines-1").json()["article"]["title"] == "Marines"
    assert writable.get("/api/events").json()["total"] == before + 1
    again = writable.post("/api/articles", json={**ARTICLE, "id": "marines-1"}, headers=auth)
    assert (again.status_code, again.headers["x-factwire-outcome"]) == (201, "unchanged")
    changed = writable.post("/api/articles", json={**ARTICLE, "id": "marines-1", "text": ARTICLE["text"] + " More."}, headers=auth)
    assert changed.headers["x-factwire-outcome"] == "versioned"
    assert StubExtractor.made == 1  # loaded lazily, once
    assert writable.get("/api/stats").json()["writes_enabled"] is True


@pytest.mark.parametrize(
    "body, message",
    [
        (b"{not json", "request body: not JSON"),
        (b"[1, 2]", "request body: must be one JSON object"),
        (json.dumps({"published": "2021-12-10"}).encode(), "body field 'text': Field required"),
        (json.dumps({"text": ""}).encode(), "body field 'text': String should have at least 1 character"),
        (json.dumps({"text": "x", "colour": "red"}).encode(), "body field 'colour': unknown field"),
        (json.dumps({"text": "x", "published": "someday soon"}).encode(), "body field 'published': cannot read"),
    ],
)
def test_post_with_a_bad_body_is_422(guarded, body, message):
    got = guarded.post("/api/articles", content=body, headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert got.status_code == 422
    assert got.json()["error"].startswith(message)


# --- docs, the page, security headers ------------------------------------------------------------

def test_openapi_lists_every_route(client):
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/articles", "/api/articles/{article_id}", "/api/events", "/api/forces", "/api/forces/timelines",
        "/api/quotes", "/api/claims", "/api/conflicts", "/api/facts/{fact_id}", "/api/stats", "/api/map",
    }
    assert set(spec["paths"]["/api/articles"]) == {"get", "post"}
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert names == {"actor", "country", "place", "type", "since", "until", "text", "article", "limit", "cursor"}
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert spec["paths"]["/api/events"]["get"]["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Problem"}
    assert spec["paths"]["/api/articles"]["post"]["requestBody"]["content"]["application/json"]["schema"]["required"] == ["text"]


@pytest.mark.parametrize("path", ["/", "/docs"])
def test_pages_load_nothing_from_another_host(client, path):
    got = client.get(path)
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in got.headers["content-security-policy"]
    html = got.text
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    assets = re.findall(r'<(?:script|link)[^>]*(?:src|href)="([^"]+)"', html)
    assert assets and all(a.startswith("/static/") or a.startswith("data:") for a in assets), assets
    for asset in (a for a in assets if a.startswith("/static/")):
        served = client.get(asset)
        assert served.status_code == 200, asset
        # no URL to another host in the scripts and styles either (a url() or fetch would load it)
        assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", served.text), asset


def test_world_outline_is_served(client):
    got = client.get("/world.geojson")
    assert got.status_code == 200 and got.json()["type"] == "FeatureCollection"


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such database; create it with 'factwire ingest"):
        create_app(tmp_path / "none.db")


# --- the serve command ------------------------------------------------------------------------------

def test_serve_command_without_a_database_exits_2(tmp_path):
    from factwire.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert f"{tmp_path / 'none.db'}: no such database" in result.output


@pytest.mark.parametrize("token, line", [(None, "factwire: writes disabled (no FACTWIRE_TOKEN set); the API is read-only"),
                                         ("t", "factwire: writes enabled: POST /api/articles needs 'Authorization: Bearer <FACTWIRE_TOKEN>'")])
def test_serve_command_says_where_and_whether_writes_are_on(db, monkeypatch, token, line):
    import uvicorn

    from factwire.cli import main

    ran = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, log_level: ran.update(app=app, host=host, port=port))
    env = {"FACTWIRE_TOKEN": token} if token else {"FACTWIRE_TOKEN": ""}
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", "8123"], env=env)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"factwire: serving {db} at http://127.0.0.1:8123/ (API docs: http://127.0.0.1:8123/docs); Ctrl-C stops", line]
    assert (ran["host"], ran["port"]) == ("127.0.0.1", 8123)
    assert ran["app"].state.settings.token == token


@pytest.mark.model
def test_post_runs_the_real_pipeline(tmp_path, extractor):
    app = create_app(build_db(tmp_path / "m.db"), token=TOKEN, extractor_factory=lambda: extractor)
    client = TestClient(app)
    text = "About 2,500 U.S. troops remain in Iraq, the Pentagon said on Thursday."
    got = client.post("/api/articles", json={"text": text, "published": "2021-12-09", "id": "pentagon-1"},
                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert got.status_code == 201
    forces = client.get("/api/forces", params={"article": "pentagon-1"}).json()["items"]
    assert [(f["count"]["value"], f["owner_country"], f["place_country"]) for f in forces] == [(2500.0, "USA", "IRQ")]
    assert forces[0]["evidence"]["sentence"] == text
