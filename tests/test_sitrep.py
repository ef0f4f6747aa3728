"""The HTML situation report (factwire.sitrep, `factwire report`).

Fixtures: tests/fixtures/sitrep_reports.jsonl holds three real Reports (the AP reference article
and two bundled demo texts, quantities and equipment trimmed) and this file builds one hostile
article by hand, so no test needs the spaCy model. The browser test needs Debian's chromium and
chromium-driver and skips, saying why, without them.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from factwire.cli import main
from factwire.records import (
    ActorRef,
    ConflictItem,
    ConflictRecord,
    EventMention,
    EventRecord,
    Evidence,
    Filters,
    ForceRecord,
    ForceTimeline,
    Page,
    PlaceRef,
    QuoteRecord,
)
from factwire.schema import Count, Report
from factwire.sitrep import SitrepLimits, build_sitrep, collect, render_sitrep, world_outline
from factwire.sitrep.evidence import highlighted_sentence
from factwire.sitrep.markup import anchor, safe_url, script_json
from factwire.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "sitrep_reports.jsonl"
HOSTILE = "<script>alert(1)</script>"


def hostile_report() -> Report:
    """An article whose title, quote, names and URL try to inject markup and script."""
    text = (
        f'Rebels said "{HOSTILE} we attacked the base" on Monday. '
        "Government forces shelled Gao, killing 3 people. "
        "About 1,200 French troops are in Mali."
    )
    span = lambda s: {"start": text.index(s), "end": text.index(s) + len(s), "text": s}  # noqa: E731
    quote = f"{HOSTILE} we attacked the base"
    return Report.model_validate(
        {
            "article": {
                "id": "hostile-1",
                "text": text,
                "title": HOSTILE,
                "url": "javascript:alert(1)",
                "outlet": '<img src=x onerror="alert(2)">',
                "published": "2024-03-04",
                "sha256": hashlib.sha256(text.encode()).hexdigest(),
            },
            "actors": [
                {"id": "a1", "name": "Government forces<b>", "kind": "military", "country": "MLI"},
                {"id": "a2", "name": "France", "kind": "state", "country": "FRA"},
                {"id": "a3", "name": f"Rebels {HOSTILE}", "kind": "armed_group", "country": None},
            ],
            "places": [
                {"id": "p1", "name": "Gao", "country": "MLI", "lat": 16.27, "lon": -0.04, "feature": "city"},
                {"id": "p2", "name": "Mali", "country": "MLI", "lat": 17.0, "lon": -4.0, "feature": "country"},
            ],
            "events": [
                {
                    "id": "e1",
                    "type": "ASSAULT",
                    "acled": {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"},
                    "actor": "a1",
                    "place": "p1",
                    "fatalities": {"min": 3, "max": 3},
                    "evidence": span("Government forces shelled Gao"),
                }
            ],
            "forces": [
                {
                    "id": "f1",
                    "owner": "a2",
                    "owner_country": "FRA",
                    "count": {"value": 1200, "bound": "approx"},
                    "place": "p2",
                    "place_country": "MLI",
                    "status": "current",
                    "evidence": span("About 1,200 French troops are in Mali"),
                }
            ],
            "quotes": [
                {"id": "q1", **{k: v for k, v in span(quote).items()}, "kind": "direct", "speaker": "a3", "speaker_text": "Rebels"}
            ],
        }
    )


def fixture_reports() -> list[Report]:
    lines = FIXTURES.read_text(encoding="utf-8").splitlines()
    return [Report.model_validate_json(line) for line in lines if line.strip()] + [hostile_report()]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sitrep") / "sitrep.db"
    with Store.open(path) as store:
        for report in fixture_reports():
            store.add_report(report, update_views=False)
        store.rebuild_views()
    return path


@pytest.fixture(scope="module")
def page(db, tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("sitrep-out") / "sitrep.html"
    result = CliRunner().invoke(main, ["report", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


class Doc(HTMLParser):
    """Parses a page, checking that every element is closed in order, and keeps what tests ask about."""

    VOID = {"meta", "link", "br", "hr", "img", "input", "source", "wbr", "area", "base", "col", "embed", "track"}
    SVG_LEAVES = {"path", "circle", "rect", "line", "polyline"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.stack_ids: list[tuple[str, str | None]] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.ids: dict[str, dict] = {}
        self.marks_in: dict[str, int] = {}
        self.scripts: list[str] = []
        self._script: list[str] | None = None
        self.feed(html)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {self.stack}")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            if attrs["id"] in self.ids:
                self.errors.append(f"duplicate id {attrs['id']}")
            self.ids[attrs["id"]] = attrs
        if tag == "mark":
            for open_tag, open_id in reversed(self.stack_ids):
                if open_id:
                    self.marks_in[open_id] = self.marks_in.get(open_id, 0) + 1
                    break
        if tag == "script":
            self._script = []
        if tag not in self.VOID:
            self.stack.append(tag)
            self.stack_ids.append((tag, attrs.get("id")))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()
        self.stack_ids.pop()

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)


@pytest.fixture(scope="module")
def doc(page) -> Doc:
    return Doc(page)


# ---------- the command ----------


def test_report_command_prints_what_it_wrote(db, tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", "--db", str(db), "--out", str(out)])
    with Store.open(db, create=False) as store:
        events = store.events(Filters()).total
        forces = sum(len(t.points) for t in store.force_timelines(Filters()))
        quotes = store.quotes(Filters()).total
        conflicts = store.conflicts(Filters()).total
    size = out.stat().st_size
    assert result.exit_code == 0
    assert result.output == (
        f"factwire: wrote {out} ({size / 1024:,.0f} KB): 4 articles, {events} events, "
        f"{forces} force levels, {quotes} quotes, {conflicts} conflicts\n"
    )
    assert not list(tmp_path.glob(".r.html.*")), "the temporary file must be renamed into place"


def test_report_on_a_missing_database_fails_clearly(tmp_path):
    result = CliRunner().invoke(main, ["report", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "none.db" in result.output
    assert not (tmp_path / "r.html").exists()


def test_report_with_a_bad_date_names_the_option(db, tmp_path):
    result = CliRunner().invoke(main, ["report", "--db", str(db), "--since", "2021-13-45", "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "--since" in result.output


def test_report_needs_out():
    result = CliRunner().invoke(main, ["report", "--db", "x.db"])
    assert result.exit_code == 2
    assert "Missing option '--out'" in result.output


# ---------- the page ----------


def test_page_is_well_formed_html(doc):
    assert doc.errors == []
    names = [t for t, _ in doc.tags]
    assert names[:1] == ["html"] and names.count("body") == 1 and names.count("title") == 1


def test_page_loads_nothing_from_the_network(page, doc):
    for tag, attrs in doc.tags:
        if tag == "a":
            continue  # a link the reader may follow is not a load
        for name in ("src", "href", "srcset", "data", "poster", "action", "xlink:href"):
            assert name not in attrs, f"<{tag} {name}={attrs.get(name)!r}> loads a resource"
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", page, re.I)
    assert not re.search(r"@import", page, re.I)
    assert not re.search(r"\b(fetch|XMLHttpRequest|importScripts|WebSocket)\s*\(", page)
    csp = [a for t, a in doc.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]["content"]


def test_hostile_article_text_is_escaped(page, doc):
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "onerror=" not in page.replace("onerror=&quot;", "")  # only ever as escaped text
    assert not any(t == "img" for t, _ in doc.tags)
    assert all(not a.get("href", "").lower().startswith("javascript:") for _, a in doc.tags)
    # exactly our three scripts: the data, the drawing code and the page logic
    assert len(doc.scripts) == 3
    # the chart data keeps the text as it was (charts.js sets it with textContent), \u-escaped
    assert "<" not in doc.scripts[0], "the data island must not hold a raw '<'"
    data = json.loads(doc.scripts[0])
    assert any(e["label"].startswith("ASSAULT: Government forces<b> in Gao") for e in data["events"])


def test_page_has_every_section(doc):
    for key in ("top", "map", "forces", "events", "quotes", "conflicts", "evidence", "map-chart", "event-timeline", "force-chart-0", "evidence-panel"):
        assert key in doc.ids, key


def test_every_fact_links_to_its_evidence(db, doc):
    links = [a for t, a in doc.tags if t == "a" and "ev-link" in a.get("class", "")]
    assert len(links) > 20
    for a in links:
        target = a["href"].lstrip("#")
        assert doc.ids.get(target, {}).get("class") == "evidence", a
        assert doc.marks_in.get(target, 0) >= 1, f"{target}: the fact's span is not highlighted"
    with Store.open(db, create=False) as store:
        facts = [e.id for e in store.events(Filters(limit=1000)).items]
        facts += [p.id for t in store.force_timelines(Filters()) for p in t.points]
        facts += [q.id for q in store.quotes(Filters(limit=1000)).items]
        facts += [i.fact_id for c in store.conflicts(Filters(limit=1000)).items for i in c.items]
    linked = {a["href"].lstrip("#") for a in links}
    assert facts and all(anchor(f) in linked for f in facts)


def test_map_and_chart_data_point_at_evidence(doc):
    data = json.loads(doc.scripts[0])
    assert len(data["world"]["features"]) > 150
    gao = [e for e in data["events"] if e["lat"] == 16.27]
    assert gao and gao[0]["type"] == "ASSAULT" and gao[0]["acled"] == "Explosions/Remote violence"
    assert {f["label"].split(":")[0] for f in data["forces"]} >= {"France"}
    marks = [e["ev"] for e in data["events"]] + [f["ev"] for f in data["forces"]]
    marks += [p["ev"] for c in data["forceCharts"] for s in c["series"] for p in s["points"]]
    assert marks and all(m in doc.ids for m in marks)


def test_conflict_items_are_shown_side_by_side(doc, page):
    conflicts = [a for t, a in doc.tags if t == "article" and "conflict" in a.get("class", "")]
    assert conflicts
    assert page.count('class="side"') >= 2


def test_filters_narrow_the_report(db, tmp_path):
    out = tmp_path / "mli.html"
    result = CliRunner().invoke(main, ["report", "--db", str(db), "--country", "MLI", "--out", str(out)])
    assert result.exit_code == 0, result.output
    narrow = Doc(out.read_text(encoding="utf-8"))
    data = json.loads(narrow.scripts[0])
    assert [e["type"] for e in data["events"]] == ["ASSAULT"]
    html = out.read_text(encoding="utf-8")
    assert "country = <code>MLI</code>" in html
    shown = html[: html.index('<script type="application/json"')]  # the page without the world outline's names
    assert "<h3>Mali " in shown and "Syria" not in shown and "Afghanistan" not in shown


# ---------- the parts ----------


def _evidence(start: int, end: int, sentence: str, sentence_start: int = 0) -> Evidence:
    return Evidence(
        article_id="a", start=start, end=end, text=sentence[start - sentence_start : end - sentence_start],
        sentence_start=sentence_start, sentence=sentence,
    )


def test_sentence_highlights_exactly_the_span():
    ev = _evidence(104, 113, "About 900 <troops> are in Syria.", sentence_start=100)
    assert highlighted_sentence(ev) == "Abou<mark>t 900 &lt;tr</mark>oops&gt; are in Syria."


def test_script_json_cannot_close_its_script():
    text = script_json({"x": "</script><!-- & >"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"x": "</script><!-- & >"}


def test_only_http_links_are_made():
    assert safe_url("https://example.org/a b (via x)") == "https://example.org/a"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url(None) is None


def test_world_outline_is_bundled_with_its_source():
    raw = json.loads((Path(__file__).parents[1] / "src/factwire/data/world_110m.geojson").read_text())
    assert "Natural Earth" in raw["source"] and "public domain" in raw["license"]
    world = world_outline()
    names = {f["properties"]["name"] for f in world["features"]}
    assert {"Iraq", "Syria", "Afghanistan", "Mali"} <= names
    for feature in world["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)


class ManyFacts:
    """A source with thousands of facts, to check the report stays small and says what it left out."""

    def __init__(self, n: int):
        sentence = "Forces shelled the town of Gao on Monday."
        self.ev = Evidence(article_id="big", start=7, end=14, text="shelled", sentence_start=0, sentence=sentence, published="2024-01-01")
        self.n = n

    def _page(self, make, filters: Filters) -> Page:
        items = [make(i) for i in range(filters.offset, min(self.n, filters.offset + filters.limit))]
        return Page(items=items, total=self.n, next=None)

    def articles(self, filters):
        return Page(items=[], total=1)

    def events(self, filters):
        place = PlaceRef(id="big/p1", name="Gao", country="MLI", lat=16.27, lon=-0.04)

        def make(i):
            mention = EventMention(id=f"big/e{i}", type="ASSAULT", place=place, evidence=self.ev)
            return EventRecord(id=f"ce-{i:016x}", type="ASSAULT", place=place, date=f"2024-01-{i % 28 + 1:02d}", articles=1, mentions=[mention])

        return self._page(make, filters)

    def force_timelines(self, filters):
        owner = ActorRef(id="big/a1", name="France", kind="state", country="FRA")
        points = [
            ForceRecord(id=f"big/f{i}", owner=owner, owner_country="FRA", count=Count(value=1000 + i), place_country="MLI", date=f"2024-01-{i % 28 + 1:02d}", evidence=self.ev)
            for i in range(self.n)
        ]
        return [ForceTimeline(owner_country="FRA", owner="France", place_country="MLI", place="Mali", points=points)]

    def quotes(self, filters):
        return self._page(lambda i: QuoteRecord(id=f"big/q{i}", kind="direct", text=f"quote {i}", speaker_text="A spokesman", evidence=self.ev), filters)

    def conflicts(self, filters):
        item = ConflictItem(fact_id="big/e1", kind="event", summary="x", evidence=self.ev)
        return self._page(lambda i: ConflictRecord(id=f"cx-{i:016x}", kind="count", scope="corpus", items=[item, item]), filters)


def test_a_large_corpus_is_capped_and_counted():
    limits = SitrepLimits(events=300, force_points=100, quotes=200, quotes_per_speaker=10, conflicts=50)
    html = build_sitrep(ManyFacts(5000), limits=limits)
    assert len(html) < 3_000_000
    assert "Showing 300 of 5,000 events" in html
    assert "Showing 100 of 5,000 values for Mali" in html
    assert "Showing 200 of 5,000 quotes" in html and "Showing 10 of 200 quotes by this speaker" in html
    assert "Showing 50 of 5,000 conflicts" in html
    assert "<b>5,000</b><span>events</span>" in html


def test_collect_reads_capped_pages_with_the_filters():
    seen = []

    class Spy(ManyFacts):
        def events(self, filters):
            seen.append(filters)
            return super().events(filters)

    data = collect(Spy(50), Filters(country="MLI", limit=7), limits=SitrepLimits(events=20))
    assert seen[0].country == "MLI" and seen[0].limit == 20 and seen[0].offset == 0
    assert len(data.events.items) == 20 and data.events.total == 50
    assert data.date_range() == ("2024-01-01", "2024-01-28")


def test_an_empty_corpus_still_makes_a_report():
    class Empty(ManyFacts):
        def force_timelines(self, filters):
            return []

    html = render_sitrep(collect(Empty(0)))
    assert "No events match these filters." in html and "No force levels match these filters." in html
    assert HOSTILE not in html


# ---------- in a browser ----------


def _chrome():
    if not shutil.which("chromium") or not shutil.which("chromedriver"):
        pytest.skip("chromium and chromedriver are not installed (make browser-deps installs Debian's chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))


@pytest.mark.browser
def test_report_draws_and_opens_evidence_in_chromium(page, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    path = tmp_path / "sitrep.html"
    path.write_text(page, encoding="utf-8")
    driver = _chrome()
    try:
        driver.get(path.as_uri())
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []
        assert len(driver.find_elements(By.CSS_SELECTOR, "#map-chart path.country")) > 150
        assert driver.find_elements(By.CSS_SELECTOR, "#map-chart circle.mark")
        assert driver.find_elements(By.CSS_SELECTOR, "#map-chart rect.mark")
        assert driver.find_elements(By.CSS_SELECTOR, "#event-timeline circle.mark")
        assert driver.find_elements(By.CSS_SELECTOR, "#force-chart-0 .mark")
        panel = driver.find_element(By.ID, "evidence-panel")
        assert not panel.is_displayed()
        dot = driver.find_element(By.CSS_SELECTOR, "#event-timeline circle.mark")
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", dot)
        assert panel.is_displayed()
        assert panel.find_element(By.TAG_NAME, "mark").text
        driver.find_element(By.CSS_SELECTOR, "#evidence-panel .close").click()
        assert not panel.is_displayed()
        driver.find_element(By.CSS_SELECTOR, "#quotes a.ev-link").click()
        assert panel.is_displayed() and panel.find_element(By.TAG_NAME, "mark").text
        # drag across the event timeline to zoom into a span, then back out
        svg = driver.find_element(By.CSS_SELECTOR, "#event-timeline svg")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", svg)
        before = len(driver.find_elements(By.CSS_SELECTOR, "#event-timeline circle.mark"))
        width = svg.size["width"]
        ActionChains(driver).move_to_element_with_offset(svg, int(width * 0.2), 2).click_and_hold().move_by_offset(
            int(width * 0.1), 0
        ).release().perform()
        assert "outside this span" in driver.find_element(By.CSS_SELECTOR, "#event-timeline p.muted").text
        assert len(driver.find_elements(By.CSS_SELECTOR, "#event-timeline circle.mark")) < before
        driver.find_element(By.XPATH, "//*[@id='event-timeline']//button[text()='Show all dates']").click()
        assert len(driver.find_elements(By.CSS_SELECTOR, "#event-timeline circle.mark")) == before
        with pytest.raises(NoAlertPresentException):
            driver.switch_to.alert.text
    finally:
        driver.quit()
