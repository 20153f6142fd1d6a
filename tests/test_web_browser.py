"""The map page in a real headless Chromium: one marker per incident, a click to the highlighted
evidence, the timeline brush, filters (type, sub-type, actor, country, dates) kept in the URL,
downloads of the filtered view, the table view, the list panning to an incident, undated incidents
last, country names, the page in three languages, a phone-sized screen, XSS payloads shown as text,
and /api/docs rendered offline.

Skips (with the reason) when Chromium, ChromeDriver, selenium or the npm front-end packages are
missing; `make test` installs all of them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kronika.model import Article, ArticleResult, Event, Span
from test_api import XSS_SCRIPT, make_store

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
DRIVER = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)

if CHROMIUM is None or DRIVER is None:
    pytest.skip("Debian's chromium and chromium-driver are not installed (make install installs them)",
                allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (dev extra)")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from kronika.api import create_app  # noqa: E402
from kronika.api.app import vendor_ready  # noqa: E402

if not vendor_ready():
    pytest.skip("the page's npm packages are not installed (make install runs npm ci)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


UNDATED = "Protesters gathered in Minsk, date unknown."


def _store(path: Path) -> Path:
    """The API tests' store plus an undated incident that has a place (it must list after the dated)."""
    make_store(path)
    from kronika.store import open_store

    ev = Event("Protests", "Peaceful protest", None, 1, "BY", "Minsk City", "Minsk", 625144, 53.9, 27.5667, 1,
               "Protesters", evidence=[Span.of(UNDATED, 0, 29)])
    with open_store(path) as s:
        s.put(Article(UNDATED, id="minsk-undated", lang="en"), ArticleResult("minsk-undated", "en", True, [ev]))
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    db = _store(tmp_path_factory.mktemp("web") / "kronika.db")
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kronika-chromium-")
    opts = Options()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=en-US",
                 f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=opts)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _wait(driver: Any, cond: Any, timeout: float = 15) -> Any:
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

    # the page redraws markers and panels as it goes: an element caught mid-redraw is looked up again
    return WebDriverWait(driver, timeout, ignored_exceptions=(NoSuchElementException,
                                                              StaleElementReferenceException)).until(cond)


def _open(d: Any, url: str) -> None:
    d.get(url)
    _wait(d, lambda x: x.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")


def _shown(d: Any) -> int:
    return int(d.find_element(By.TAG_NAME, "body").get_attribute("data-shown"))


def _markers_on_map(d: Any) -> int:
    """Incidents the map shows: single markers plus the counts written on clusters."""
    js = ("var n = document.querySelectorAll('.ev-marker').length;"
          "document.querySelectorAll('.ev-cluster div').forEach(function (c) { n += +c.textContent; });"
          "return n;")
    return int(d.execute_script(js))


def _get(url: str) -> Any:
    return json.load(urllib.request.urlopen(url))


def _mapped(server: str, **params: str) -> int:
    qs = "&".join(f"{k}={v}" for k, v in params.items())
    items = _get(f"{server}api/incidents?limit=1000&{qs}")["items"]
    return sum(1 for i in items if i["latitude"] is not None)


def _list_rows(d: Any) -> list[Any]:
    return d.find_elements(By.CSS_SELECTOR, "#detail .event-list button")


def test_one_marker_per_incident_evidence_brush_and_xss(server: str, browser: Any) -> None:
    d = browser
    _open(d, server)
    # the offline base map: Natural Earth country outlines drawn from the npm package
    _wait(d, lambda x: len(x.find_elements(By.CSS_SELECTOR, ".leaflet-overlay-pane path")) > 0)
    want = _mapped(server)
    assert want == 5  # 6 incidents (7 article records: Almaty's riot is told twice), one without a place
    assert _shown(d) == want
    _wait(d, lambda x: _markers_on_map(x) == want)

    # click the Nairobi marker (its article is the one full of XSS payloads)
    nairobi = _get(server + "api/incidents?country=KE")["items"][0]
    marker = _wait(d, lambda x: x.find_element(By.CSS_SELECTOR, f".ev-marker[data-incident-id='{nairobi['id']}']"))
    marker.click()
    mark = _wait(d, lambda x: x.find_element(By.CSS_SELECTOR, "#detail mark.evidence"))
    assert mark.text == "Protesters in Nairobi on 15 March"
    detail = d.find_element(By.ID, "detail")
    # the payloads are shown as the characters they are, and none of them ran or became an element
    assert XSS_SCRIPT in d.find_element(By.CSS_SELECTOR, "#detail .article-text").text
    assert XSS_SCRIPT in d.find_element(By.CSS_SELECTOR, "#detail .article-title").text
    assert "<img src=x onerror" in detail.text and "window.__xss" in detail.text
    assert d.execute_script("return document.querySelectorAll('#detail img, #detail script').length") == 0
    assert d.execute_script("return typeof window.__xss") == "undefined"
    assert d.execute_script("return document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    sources = d.find_element(By.CSS_SELECTOR, "#detail ul.sources").text
    assert "onerror" in sources and "(police)" in sources
    assert "Kenya" in detail.text  # country names, not codes
    assert f"sel={nairobi['id']}" in d.current_url

    # the timeline brush: drag over part of the days → only incidents of those days stay
    tl = d.find_element(By.ID, "timeline")
    w = tl.size["width"]
    ActionChains(d).move_to_element_with_offset(tl, int(-w * 0.4), 0).click_and_hold() \
        .move_by_offset(int(w * 0.38), 0).release().perform()
    label = _wait(d, lambda x: x.find_element(By.ID, "brush-label").text.startswith("selected") and
                  x.find_element(By.ID, "brush-label").text)
    day_from, day_to = str(label).removeprefix("selected ").split(" – ")
    n = _mapped(server, date_from=day_from, date_to=day_to)
    assert 0 < n < want
    _wait(d, lambda x: _shown(x) == n)
    _wait(d, lambda x: _markers_on_map(x) == n)
    assert f"dates={day_from}..{day_to}" in d.current_url
    d.find_element(By.ID, "brush-clear").click()
    _wait(d, lambda x: _markers_on_map(x) == want)

    # an incident told by two articles is one marker: its panel lists both and shows each one's evidence
    kz = _get(server + "api/incidents?country=KZ")["items"][0]
    _wait(d, lambda x: x.find_element(By.CSS_SELECTOR, f".ev-marker[data-incident-id='{kz['id']}']")).click()
    _wait(d, lambda x: len(x.find_elements(By.CSS_SELECTOR, "#detail .incident-articles button")) == 2)
    # actors as ACLED names them, from their own side (crowds: the event's country)
    assert "Rioters (Kazakhstan) · Rioters" in d.find_element(By.CSS_SELECTOR, "#detail table.fields").text
    other = [b for b in d.find_elements(By.CSS_SELECTOR, "#detail .incident-articles button")
             if "current" not in b.get_attribute("class")][0]
    title = other.text
    other.click()
    _wait(d, lambda x: x.find_element(By.CSS_SELECTOR, "#detail .article-title").text == title)
    marked = d.find_element(By.CSS_SELECTOR, "#detail mark.evidence").text
    assert marked in ("On March 5 rioters clashed with police in Almaty", "5 марта в Алматы погромщики столкнулись с полицией")
    figures = d.find_element(By.CSS_SELECTOR, "#detail table.figures").text
    assert "killed" in figures and "2–3" in figures  # reconciled: lowest 2, reports 2 and 3

    shots = os.environ.get("KRONIKA_SCREENSHOTS")  # docs/map*.png are made this way
    if shots:
        d.save_screenshot(str(Path(shots) / "map.png"))


def test_filters_url_state_and_downloads(server: str, browser: Any) -> None:
    from selenium.webdriver.support.ui import Select

    d = browser
    _open(d, server)
    _wait(d, lambda x: len(x.find_elements(By.CSS_SELECTOR, "#f-country option")) > 1)
    names = [o.text for o in d.find_elements(By.CSS_SELECTOR, "#f-country option")]
    assert any(n.startswith("Ukraine (") for n in names) and any(n.startswith("Kazakhstan (") for n in names)
    Select(d.find_element(By.ID, "f-country")).select_by_value("UA")
    d.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    _wait(d, lambda x: _shown(x) == _mapped(server, country="UA") == 2)  # Kyiv, Kharkiv (a third has no place)
    # type, sub-type and actor narrow it further
    Select(d.find_element(By.ID, "f-type")).select_by_value("Explosions/Remote violence")
    Select(d.find_element(By.ID, "f-sub")).select_by_value("Shelling/artillery/missile attack")
    d.find_element(By.ID, "f-actor").send_keys("state")
    d.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    _wait(d, lambda x: _shown(x) == 1)
    url = d.current_url
    for part in ("country=UA", "type=Explosions", "sub=Shelling", "actor=state"):
        assert part in url, url
    (row,) = _list_rows(d)
    assert "Kharkiv" in row.text and "Ukraine" in row.text

    # the downloads carry the same filters: ACLED CSV and GeoJSON of exactly this view
    csv_href = d.find_element(By.ID, "dl-csv").get_attribute("href")
    geo_href = d.find_element(By.ID, "dl-geojson").get_attribute("href")
    rows = list(csv.DictReader(io.StringIO(urllib.request.urlopen(csv_href).read().decode("utf-8"))))
    assert len(rows) == 1 and rows[0]["location"] == "Kharkiv" and rows[0]["country"] == "Ukraine"
    feats = _get(geo_href)["features"]
    assert len(feats) == 1 and feats[0]["geometry"]["type"] == "Point"

    # a link reopens the view: the same filters, the same selection
    row.click()
    _wait(d, lambda x: x.find_element(By.CSS_SELECTOR, "#detail mark.evidence"))
    link = d.current_url
    assert "sel=" in link
    d.get("about:blank")
    _open(d, link)
    assert d.find_element(By.ID, "f-country").get_attribute("value") == "UA"
    assert d.find_element(By.ID, "f-sub").get_attribute("value") == "Shelling/artillery/missile attack"
    _wait(d, lambda x: _shown(x) == 1)
    _wait(d, lambda x: "Kharkiv" in x.find_element(By.ID, "detail").text and
          x.find_elements(By.CSS_SELECTOR, "#detail mark.evidence"))
    d.find_element(By.ID, "f-reset").click()
    _wait(d, lambda x: _shown(x) == 5)


def test_table_list_order_and_pan(server: str, browser: Any) -> None:
    d = browser
    _open(d, server)
    rows = _wait(d, lambda x: len(_list_rows(x)) == 6 and _list_rows(x))
    texts = [r.text for r in rows]
    dates = [t.split(" · ")[0] for t in texts]
    assert dates[-1] == "undated" and "Minsk" in texts[-1]  # undated after the dated ones
    assert dates[:-1] == sorted(dates[:-1], reverse=True)
    # a row pans the map to its incident and opens it
    kyiv = [r for r in rows if "Kyiv" in r.text][0]
    kyiv.click()
    _wait(d, lambda x: "Kyiv" in x.find_element(By.CSS_SELECTOR, "#detail table.fields").text)
    inc = _get(server + "api/incidents?country=UA&event_type=Protests")["items"][0]
    marker = _wait(d, lambda x: x.find_element(By.CSS_SELECTOR, f".ev-marker[data-incident-id='{inc['id']}']"))
    _wait(d, lambda x: "selected" in marker.get_attribute("class"))
    # the marker is in the middle of the map now
    box = d.find_element(By.ID, "map").rect
    m = marker.rect
    assert abs(m["x"] + m["width"] / 2 - (box["x"] + box["width"] / 2)) < 30
    assert abs(m["y"] + m["height"] / 2 - (box["y"] + box["height"] / 2)) < 30

    # the table view: a row per incident in the same order; a click goes back to the map, on the incident
    d.find_element(By.ID, "view-table").click()
    trs = _wait(d, lambda x: x.find_elements(By.CSS_SELECTOR, "#incident-table tbody tr"))
    assert len(trs) == 6 and trs[-1].text.startswith("undated")
    assert "view=table" in d.current_url
    shots = os.environ.get("KRONIKA_SCREENSHOTS")
    if shots:
        d.save_screenshot(str(Path(shots) / "map-table.png"))
    [tr for tr in trs if "Kharkiv" in tr.text][0].click()
    _wait(d, lambda x: x.find_element(By.ID, "table-wrap").get_attribute("hidden") is not None)
    _wait(d, lambda x: "Kharkiv" in x.find_element(By.CSS_SELECTOR, "#detail table.fields").text)
    assert "view=table" not in d.current_url


def test_languages(server: str, browser: Any) -> None:
    from selenium.webdriver.support.ui import Select

    d = browser
    _open(d, server + "?lang=uk")
    assert d.find_element(By.CSS_SELECTOR, "#filters-box summary").text == "Фільтри"
    assert d.execute_script("return document.documentElement.lang") == "uk"
    _wait(d, lambda x: any(o.text.startswith("Україна") for o in x.find_elements(By.CSS_SELECTOR, "#f-country option")))
    assert "Протести" in d.find_element(By.ID, "legend").text
    Select(d.find_element(By.ID, "lang")).select_by_value("ru")
    _wait(d, lambda x: x.find_element(By.CSS_SELECTOR, "#filters-box summary").text == "Фильтры")
    _wait(d, lambda x: any(o.text.startswith("Украина") for o in x.find_elements(By.CSS_SELECTOR, "#f-country option")))
    assert "lang=ru" in d.current_url
    Select(d.find_element(By.ID, "lang")).select_by_value("en")
    _wait(d, lambda x: x.find_element(By.CSS_SELECTOR, "#filters-box summary").text == "Filters")


def test_usable_on_a_phone(server: str, browser: Any) -> None:
    d = browser
    d.set_window_size(390, 844)
    try:
        _open(d, server)
        assert d.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
        box = d.find_element(By.ID, "map").rect
        assert box["height"] > 250 and box["width"] > 300
        assert d.find_element(By.ID, "detail").rect["y"] >= box["y"] + box["height"] - 1  # the panel under the map
        assert d.find_element(By.ID, "filters-box").get_attribute("open") is None  # filters a tap away
        _wait(d, lambda x: _markers_on_map(x) == 5)
        shots = os.environ.get("KRONIKA_SCREENSHOTS")
        if shots:
            d.save_screenshot(str(Path(shots) / "map-phone.png"))
    finally:
        d.set_window_size(1400, 900)


def test_api_docs_render_offline(server: str, browser: Any) -> None:
    from kronika.api.app import DOCS_VENDOR, NODE_MODULES

    if not all((NODE_MODULES / p).is_dir() for p in DOCS_VENDOR.values()):
        pytest.skip("swagger-ui-dist is not installed (make install runs npm ci)")
    d = browser
    d.get(server + "api/docs")
    ops = _wait(d, lambda x: x.find_elements(By.CSS_SELECTOR, ".swagger-ui .opblock"), timeout=20)
    assert len(ops) >= 8
    hosts = d.execute_script("return performance.getEntriesByType('resource').map(function (e) {"
                             " return new URL(e.name).host; });")
    assert set(hosts) <= {server.split("/")[2]}, hosts  # nothing from a CDN
