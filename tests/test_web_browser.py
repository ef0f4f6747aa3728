"""The web page in headless Chromium: load, filter, the map and timeline, a fact's evidence, escaping.

Needs Debian's `chromium` and `chromium-driver` (apt-get install -y chromium chromium-driver); without
them every test here is skipped, saying so. The server runs in a thread on 127.0.0.1 at a free port,
over the same fixture store as tests/test_server.py.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time

import pytest

from test_server import build_db

pytestmark = pytest.mark.browser

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
INSTALL = "install Debian's browser and driver: apt-get install -y chromium chromium-driver"


def _find_browser() -> tuple[str | None, str | None]:
    binary = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
    return binary, shutil.which("chromedriver")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    import uvicorn

    from factwire.server import create_app

    db = build_db(tmp_path_factory.mktemp("web") / "web.db")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def driver():
    binary, chromedriver = _find_browser()
    if binary is None or chromedriver is None:
        missing = " and ".join(n for n, p in (("chromium", binary), ("chromedriver", chromedriver)) if p is None)
        pytest.skip(f"{missing} not found: {INSTALL}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(arg)
    browser = webdriver.Chrome(service=Service(chromedriver), options=options)
    yield browser
    browser.quit()


def _wait(driver, condition, what: str, timeout: float = 15):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: condition(d), message=f"timed out waiting for {what}")


def _loaded(driver) -> None:
    _wait(driver, lambda d: d.execute_script(
        "return !!document.body.dataset.loaded && !document.querySelector('#view').hasAttribute('aria-busy')"), "the page to load")


def _open(driver, url: str) -> None:
    driver.get(url)
    _loaded(driver)


def _css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def _api_total(base_url: str, route: str) -> int:
    import httpx

    return httpx.get(base_url + route).json()["total"]


def _evidence(driver):
    _wait(driver, lambda d: _css(d, "#evidence:not([hidden]) #evidence-body mark"), "the evidence panel")
    return _css(driver, "#evidence-body")[0]


def test_page_loads_with_the_map_and_a_timeline(driver, base_url):
    _open(driver, base_url + "/")
    assert _css(driver, "#stats")[0].text.startswith("5 articles · ")
    assert len(_css(driver, "#map svg path.country")) > 100  # the bundled world outline
    assert len(_css(driver, "#map svg circle.mark")) >= 3  # event markers
    assert len(_css(driver, "#map svg rect.mark")) >= 1  # force levels
    assert len(_css(driver, "#timeline svg circle.mark")) >= 3
    total = _api_total(base_url, "/api/events")
    assert len(_css(driver, "#view tr.fact")) == min(total, 100)
    assert _css(driver, '.tabs [data-view="events"] .count')[0].text == f"({total})"
    assert driver.execute_script("return document.querySelectorAll('script:not([src])').length") == 0


def test_filtering_by_country_narrows_the_views_and_the_url(driver, base_url):
    _open(driver, base_url + "/")
    before = len(_css(driver, "#map svg circle.mark"))
    country = _css(driver, "#filters input[name=country]")[0]
    country.clear()
    country.send_keys("SYR")
    _css(driver, "#apply")[0].click()
    _loaded(driver)
    assert "country=SYR" in driver.current_url
    total = _api_total(base_url, "/api/events?country=SYR")
    assert 0 < total < _api_total(base_url, "/api/events")
    assert len(_css(driver, "#view tr.fact")) == total
    assert _css(driver, '.tabs [data-view="events"] .count')[0].text == f"({total})"
    assert 0 < len(_css(driver, "#map svg circle.mark")) < before
    driver.back()  # the previous filters come back from the URL
    _loaded(driver)
    assert _css(driver, "#filters input[name=country]")[0].get_attribute("value") == ""


def test_clicking_a_fact_opens_its_evidence_sentence(driver, base_url):
    _open(driver, base_url + "/?place=basra&view=forces")
    rows = _css(driver, "#view tr.fact")
    assert [r.get_attribute("data-id") for r in rows] == ["hostile-1/f1", "hostile-1/f2"]
    rows[0].click()
    panel = _evidence(driver)
    assert _css(driver, "#evidence-body mark")[0].text == "300 U.S. troops"
    assert "Officials said 300 U.S. troops were in Basra on Monday." in panel.find_element("css selector", "blockquote").text
    assert "fact=hostile-1%2Ff1" in driver.current_url
    assert len(_css(driver, ".force-chart svg .mark")) == 2  # the theatre chart: both levels (f2 dated by publication)


def test_a_map_marker_opens_the_evidence_of_its_facts(driver, base_url):
    _open(driver, base_url + "/?place=basra")
    marker = _css(driver, "#map svg circle.mark")[0]
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", marker)
    _evidence(driver)
    assert _css(driver, "#evidence-body mark")[0].text == "attack"


def test_a_shared_url_restores_filters_view_and_evidence(driver, base_url):
    _open(driver, base_url + "/?country=IRQ&view=quotes&fact=hostile-1%2Fq1")
    assert _css(driver, "#filters input[name=country]")[0].get_attribute("value") == "IRQ"
    assert _css(driver, '.tabs [aria-selected="true"]')[0].get_attribute("data-view") == "quotes"
    _evidence(driver)
    assert _css(driver, "#evidence-body mark")[0].text.startswith("We did not attack <img src=x onerror=alert(1)>")


def test_article_text_is_shown_as_text_never_run(driver, base_url):
    from selenium.common.exceptions import NoAlertPresentException

    _open(driver, base_url + "/?view=articles")
    row = next(r for r in _css(driver, "#view tr.fact") if r.get_attribute("data-id") == "hostile-1")
    assert '<script>alert("title")</script> Basra' in row.text
    row.click()
    _wait(driver, lambda d: _css(d, "#evidence:not([hidden]) #evidence-body dl"), "the article panel")
    assert "javascript:alert(1)" in _css(driver, "#evidence-body")[0].text
    assert not [a for a in _css(driver, "#evidence-body a") if (a.get_attribute("href") or "").startswith("javascript:")]
    _open(driver, base_url + "/?view=quotes&fact=hostile-1%2Fq1")
    _evidence(driver)
    assert _css(driver, "#view img, #evidence img") == []
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
