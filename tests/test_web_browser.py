"""The map page in a real headless Chromium: markers, a click to the highlighted evidence, the timeline
brush filtering the map, and XSS payloads in every string shown as text.

Skips (with the reason) when Chromium, ChromeDriver, selenium or the npm front-end packages are
missing; `make test` installs all of them.
"""

from __future__ import annotations

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

import pytest

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


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    db = make_store(tmp_path_factory.mktemp("web") / "kronika.db")
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
def browser() -> Iterator[object]:
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kronika-chromium-")
    opts = Options()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 "--disable-dev-shm-usage", "--window-size=1400,900", f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=opts)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _wait(driver: object, cond: object, timeout: float = 15) -> object:
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

    # the page redraws markers and panels as it goes: an element caught mid-redraw is looked up again
    return WebDriverWait(driver, timeout, ignored_exceptions=(NoSuchElementException,  # type: ignore[arg-type]
                                                              StaleElementReferenceException)).until(cond)


def _shown(driver: object) -> int:
    return int(driver.find_element(By.TAG_NAME, "body").get_attribute("data-shown"))  # type: ignore[attr-defined]


def _markers_on_map(driver: object) -> int:
    """Events the map shows: single markers plus the counts written on clusters."""
    js = ("var n = document.querySelectorAll('.ev-marker').length;"
          "document.querySelectorAll('.ev-cluster div').forEach(function (c) { n += +c.textContent; });"
          "return n;")
    return int(driver.execute_script(js))  # type: ignore[attr-defined]


def test_map_click_evidence_brush_and_xss(server: str, browser: object) -> None:
    d = browser
    d.get(server)  # type: ignore[attr-defined]
    _wait(d, lambda x: x.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    # the offline base map: Natural Earth country outlines drawn from the npm package
    _wait(d, lambda x: len(x.find_elements(By.CSS_SELECTOR, ".leaflet-overlay-pane path")) > 0)

    # markers: every event with coordinates is on the map (5 of the 6; one has no place)
    assert _shown(d) == 5
    _wait(d, lambda x: _markers_on_map(x) == 5)

    # click the Nairobi marker (its article is the one full of XSS payloads)
    nairobi = json.load(urllib.request.urlopen(server + "api/events?country=KE"))["items"][0]
    marker = _wait(d, lambda x: x.find_element(By.CSS_SELECTOR, f".ev-marker[data-event-id='{nairobi['id']}']"))
    marker.click()  # type: ignore[attr-defined]
    mark = _wait(d, lambda x: x.find_element(By.CSS_SELECTOR, "#detail mark.evidence"))
    assert mark.text == "Protesters in Nairobi on 15 March"  # type: ignore[attr-defined]
    detail = d.find_element(By.ID, "detail")  # type: ignore[attr-defined]
    # the payloads are shown as the characters they are, and none of them ran or became an element
    assert XSS_SCRIPT in d.find_element(By.CSS_SELECTOR, "#detail .article-text").text  # type: ignore[attr-defined]
    assert XSS_SCRIPT in d.find_element(By.CSS_SELECTOR, "#detail .article-title").text  # type: ignore[attr-defined]
    assert "<img src=x onerror" in detail.text and "window.__xss" in detail.text
    assert d.execute_script("return document.querySelectorAll('#detail img, #detail script').length") == 0  # type: ignore[attr-defined]
    assert d.execute_script("return typeof window.__xss") == "undefined"  # type: ignore[attr-defined]
    assert d.execute_script("return document.querySelectorAll('a[href^=\"javascript\"]').length") == 0  # type: ignore[attr-defined]
    sources = d.find_element(By.CSS_SELECTOR, "#detail ul.sources").text  # type: ignore[attr-defined]
    assert "onerror" in sources and "(police)" in sources

    # the timeline brush: drag over the last third of the days → only events of those days stay
    tl = d.find_element(By.ID, "timeline")  # type: ignore[attr-defined]
    w = tl.size["width"]
    ActionChains(d).move_to_element_with_offset(tl, int(w * 0.1), 0).click_and_hold() \
        .move_by_offset(int(w * 0.38), 0).release().perform()
    label = _wait(d, lambda x: x.find_element(By.ID, "brush-label").text.startswith("selected") and
                  x.find_element(By.ID, "brush-label").text)
    day_from, day_to = str(label).removeprefix("selected ").split(" – ")
    want = json.load(urllib.request.urlopen(
        f"{server}api/events?date_from={day_from}&date_to={day_to}&bbox=-180,-90,180,90"))["total"]
    assert 0 < want < 5
    _wait(d, lambda x: _shown(x) == want)
    _wait(d, lambda x: _markers_on_map(x) == want)
    # clearing the selection brings every marker back
    d.find_element(By.ID, "brush-clear").click()  # type: ignore[attr-defined]
    _wait(d, lambda x: _markers_on_map(x) == 5)

    # an incident told by two articles: open the cluster, click one, then read the other article
    from selenium.webdriver.support.ui import Select

    Select(d.find_element(By.ID, "f-type")).select_by_value("Riots")  # type: ignore[attr-defined]
    d.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()  # type: ignore[attr-defined]
    _wait(d, lambda x: _shown(x) == 2)
    kz = json.load(urllib.request.urlopen(server + "api/events?country=KZ"))["items"]
    time.sleep(1)  # the map flies to the two events; the cluster is redrawn when it lands
    # Almaty's two events form a cluster: a click zooms in until they stand apart
    _wait(d, lambda x: x.find_element(By.CSS_SELECTOR, ".ev-cluster")).click()  # type: ignore[attr-defined]
    m = _wait(d, lambda x: x.find_element(By.CSS_SELECTOR, f".ev-marker[data-event-id='{kz[0]['id']}']"))
    _wait(d, lambda x: m.is_displayed())  # type: ignore[attr-defined]
    time.sleep(0.5)  # the zoom animation
    m.click()  # type: ignore[attr-defined]
    _wait(d, lambda x: len(x.find_elements(By.CSS_SELECTOR, "#detail .incident-articles button")) == 2)
    assert d.find_element(By.CSS_SELECTOR, "#detail .article-title").text.startswith("Almaty riots")  # type: ignore[attr-defined]
    other = [b for b in d.find_elements(By.CSS_SELECTOR, "#detail .incident-articles button")  # type: ignore[attr-defined]
             if "current" not in b.get_attribute("class")][0]
    title = other.text
    other.click()
    _wait(d, lambda x: x.find_element(By.CSS_SELECTOR, "#detail .article-title").text == title)
    marked = d.find_element(By.CSS_SELECTOR, "#detail mark.evidence").text  # type: ignore[attr-defined]
    assert marked in ("On March 5 rioters clashed with police in Almaty", "5 марта в Алматы погромщики столкнулись с полицией")
    figures = d.find_element(By.CSS_SELECTOR, "#detail table.figures").text  # type: ignore[attr-defined]
    assert "killed" in figures and "2–3" in figures  # reconciled: lowest 2, reports 2 and 3

    shot = os.environ.get("KRONIKA_MAP_PNG")  # docs/map.png is made this way
    if shot:
        d.save_screenshot(shot)  # type: ignore[attr-defined]


def test_filters_refetch(server: str, browser: object) -> None:
    d = browser
    d.get(server)  # type: ignore[attr-defined]
    _wait(d, lambda x: x.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    from selenium.webdriver.support.ui import Select

    _wait(d, lambda x: len(x.find_elements(By.CSS_SELECTOR, "#f-country option")) > 1)
    Select(d.find_element(By.ID, "f-country")).select_by_value("UA")  # type: ignore[attr-defined]
    d.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()  # type: ignore[attr-defined]
    _wait(d, lambda x: _shown(x) == 2)  # Kyiv and Kharkiv (the third UA event has no coordinates)
    d.find_element(By.ID, "f-reset").click()  # type: ignore[attr-defined]
    _wait(d, lambda x: _shown(x) == 5)
    # the panel lists every event in view, those without coordinates too, and opens each
    items = _wait(d, lambda x: len(x.find_elements(By.CSS_SELECTOR, "#detail .event-list button")) == 6 and
                  x.find_elements(By.CSS_SELECTOR, "#detail .event-list button"))
    [b for b in items if " · Other · " in b.text][0].click()  # type: ignore[union-attr]
    mark = _wait(d, lambda x: x.find_element(By.CSS_SELECTOR, "#detail mark.evidence"))
    assert mark.text == "A separate report from Odesa"  # type: ignore[attr-defined]
    d.find_element(By.CSS_SELECTOR, "#detail button.back").click()  # type: ignore[attr-defined]
    _wait(d, lambda x: len(x.find_elements(By.CSS_SELECTOR, "#detail .event-list button")) == 6)
    d.find_element(By.ID, "f-q").send_keys("погромщики")  # type: ignore[attr-defined]
    d.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()  # type: ignore[attr-defined]
    _wait(d, lambda x: _shown(x) == 1)
