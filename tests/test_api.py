"""The HTTP API over a store filled here: every endpoint, its filters, pagination and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from kronika.api import create_app  # noqa: E402
from kronika.model import Article, ArticleResult, Count, Event, Quote, Source, Span  # noqa: E402
from kronika.store import open_store  # noqa: E402

XSS_SCRIPT = "<script>window.__xss = 'script'</script>"
XSS_IMG = "<img src=x onerror=\"window.__xss = 'img'\">"


def span(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part), part)


def event(text: str, part: str, **kw: object) -> Event:
    base: dict[str, object] = dict(
        event_type="Protests", sub_event_type="Peaceful protest", date="2024-03-10", time_precision=1,
        country="UA", admin1=None, location=None, geonameid=None, latitude=None, longitude=None,
        geo_precision=1, actor1="Protesters")
    base.update(kw)
    return Event(evidence=[span(text, part)], **base)  # type: ignore[arg-type]


def sample_articles() -> list[tuple[Article, ArticleResult]]:
    """Invented articles covering every record kind, two articles of one incident, an event without
    coordinates, and one article whose every string is an XSS payload."""
    out = []

    t = ("У неділю, 10 березня, у Києві близько трьохсот людей вийшли на мирний мітинг біля мерії. "
         "Як повідомила поліція Києва, порушень не було. «Ми вимагаємо прозорості», — сказав організатор "
         "Іван Петренко.")
    a = Article(id="kyiv-rally", text=t, lang="uk", published="2024-03-10", title="Мітинг у Києві",
                url="https://example.org/kyiv")
    r = ArticleResult(a.id, "uk", True, published=a.published, title=a.title, url=a.url, events=[
        event(t, "у Києві близько трьохсот людей вийшли на мирний мітинг", country="UA", admin1="Kyiv City",
              location="Kyiv", geonameid=703448, latitude=50.45, longitude=30.52)],
        counts=[Count("participants", 300, "about", "людей", "Київ", "поліція", [span(t, "близько трьохсот")])],
        sources=[Source("поліція", "police", [span(t, "поліція Києва")])],
        quotes=[Quote("Ми вимагаємо прозорості", "Іван Петренко", "організатор", None,
                      [span(t, "Ми вимагаємо прозорості")])])
    out.append((a, r))

    for aid, lang, t, killed, src in (
        ("almaty-en", "en", "On March 5 rioters clashed with police in Almaty; two people were killed and "
                            "more than 500 injured, the health ministry said.", "two people were killed",
         "health ministry"),
        ("almaty-ru", "ru", "5 марта в Алматы погромщики столкнулись с полицией; погибли три человека, "
                            "сообщает ТАСС.", "погибли три человека", "ТАСС"),
    ):
        a = Article(id=aid, text=t, lang=lang, published="2024-03-05", title=f"Almaty riots ({lang})")
        n = 2 if lang == "en" else 3
        r = ArticleResult(a.id, lang, True, events=[event(
            t, t.split(";")[0], event_type="Riots", sub_event_type="Violent demonstration", date="2024-03-05",
            country="KZ", admin1="Almaty", location="Almaty", geonameid=1526384,
            latitude=43.25 if lang == "en" else 43.238, longitude=76.91 if lang == "en" else 76.945,
            actor1="Rioters", actor2="State forces", fatalities=n)],
            counts=[Count("killed", n, "exact", None, "Almaty", src, [span(t, killed)])],
            sources=[Source(src, "government" if lang == "en" else "news_agency", [span(t, src)])])
        out.append((a, r))

    t = ("Shelling of Kharkiv on 20 March damaged 12 buildings, the regional administration said. "
         "A separate report from Odesa gave no place or figures.")
    a = Article(id="kharkiv-shelling", text=t, lang="en", published="2024-03-20", title="Kharkiv shelled")
    r = ArticleResult(a.id, "en", True, events=[
        event(t, "Shelling of Kharkiv on 20 March", event_type="Explosions/Remote violence",
              sub_event_type="Shelling/artillery/missile attack", date="2024-03-20", country="UA",
              admin1="Kharkiv", location="Kharkiv", geonameid=706483, latitude=49.99, longitude=36.23,
              actor1="State forces", actor2="Civilians"),
        event(t, "A separate report from Odesa", event_type="Strategic developments", sub_event_type="Other",
              date="2024-03-19", country="UA", geo_precision=3, actor1="External/Other")],
        counts=[Count("buildings_damaged", 12, "exact", None, "Kharkiv", "regional administration",
                      [span(t, "damaged 12 buildings")])])
    out.append((a, r))

    # Every string a person could put in an article, as an XSS payload.
    t = (f"Protesters in Nairobi on 15 March carried signs reading {XSS_SCRIPT} and {XSS_IMG}. "
         f"Police said 40 were detained. {XSS_IMG} told reporters: \"{XSS_SCRIPT} we stay\".")
    a = Article(id="xss-nairobi", text=t, lang="en", published="2024-03-15",
                title=f"Nairobi {XSS_SCRIPT}{XSS_IMG}", url="javascript:window.__xss='url'")
    r = ArticleResult(a.id, "en", True, events=[
        event(t, "Protesters in Nairobi on 15 March", event_type="Protests",
              sub_event_type="Protest with intervention", date="2024-03-15", country="KE",
              admin1="Nairobi", location=f"Nairobi {XSS_IMG}", geonameid=184745, latitude=-1.28,
              longitude=36.82, actor1="Protesters", actor1_name=XSS_SCRIPT, notes=XSS_IMG)],
        counts=[Count("detained", 40, "exact", XSS_SCRIPT, None, XSS_IMG, [span(t, "40 were detained")])],
        sources=[Source(XSS_IMG, "police", [span(t, "Police said")])],
        quotes=[Quote(f"{XSS_SCRIPT} we stay", XSS_IMG, XSS_SCRIPT, XSS_IMG, [span(t, f"{XSS_SCRIPT} we stay")])])
    out.append((a, r))

    a = Article(id="no-events", text="Погода в Києві буде сонячною.", lang="uk", published="2024-03-12")
    out.append((a, ArticleResult(a.id, "uk", False)))
    return out


def make_store(path: Path) -> Path:
    with open_store(path) as store:
        for a, r in sample_articles():
            store.put(a, r)
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("api") / "kronika.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), raise_server_exceptions=False)


def ids(res: dict) -> list:
    return [x["id"] for x in res["items"]]


# ---------------------------------------------------------------- events
def test_events_all_paginated(client: TestClient) -> None:
    res = client.get("/api/events").json()
    assert res["total"] == 6 and len(res["items"]) == 6
    assert [e["date"] for e in res["items"]] == sorted(e["date"] for e in res["items"])
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 6
    assert len(first["items"]) == 2 and not set(ids(first)) & set(ids(second))
    assert "evidence" not in first["items"][0]
    with_ev = client.get("/api/events", params={"limit": 1, "evidence": True}).json()["items"][0]
    assert with_ev["evidence"] and {"start", "end", "text"} <= set(with_ev["evidence"][0])


@pytest.mark.parametrize("params, n", [
    ({"date_from": "2024-03-10"}, 4), ({"date_to": "2024-03-05"}, 2),
    ({"date_from": "2024-03-05", "date_to": "2024-03-05"}, 2), ({"country": "ua"}, 3),
    ({"country": "KZ"}, 2), ({"admin1": "kharkiv"}, 1), ({"event_type": "Riots"}, 2),
    ({"sub_event_type": "Peaceful protest"}, 1), ({"disorder_type": "Strategic developments"}, 1),
    ({"actor": "state"}, 3), ({"actor": "script"}, 1), ({"q": "мітинг"}, 1), ({"q": "Almaty police"}, 1),
    ({"q": "\" OR 1=1 --"}, 0), ({"q": "NEAR(x y) *"}, 0), ({"article_id": "kharkiv-shelling"}, 2),
    ({"bbox": "20,40,40,55"}, 2), ({"country": "UA", "event_type": "Protests"}, 1),
])
def test_events_filters(client: TestClient, params: dict, n: int) -> None:
    res = client.get("/api/events", params=params)
    assert res.status_code == 200, res.text
    assert res.json()["total"] == n, (params, res.json())


def test_event_detail_and_incident_filter(client: TestClient) -> None:
    ev = client.get("/api/events", params={"country": "KZ"}).json()["items"][0]
    one = client.get(f"/api/events/{ev['id']}").json()
    assert one["article"] in ("almaty-en", "almaty-ru") and one["disorder_type"] == "Demonstrations"
    art = client.get(f"/api/articles/{one['article']}").json()
    for s in one["evidence"]:
        assert art["text"][s["start"]:s["end"]] == s["text"]
    assert one["incident"], "the store links events into incidents"
    same = client.get("/api/events", params={"incident_id": one["incident"]}).json()
    assert same["total"] == 2, "the same riot told by two articles is one incident"


# ---------------------------------------------------------------- incidents
def test_incidents(client: TestClient) -> None:
    res = client.get("/api/incidents").json()
    assert res["total"] == len(res["items"]) >= 4
    kz = client.get("/api/incidents", params={"country": "KZ", "members": True}).json()
    assert kz["total"] == 1
    inc = kz["items"][0]
    assert {a["id"] for a in inc["articles"]} == {"almaty-en", "almaty-ru"}
    detail = client.get(f"/api/incidents/{inc['id']}").json()
    assert {s["name"] for s in detail["sources"]} == {"health ministry", "ТАСС"}
    assert detail["figures"]["killed"]["lowest"] == 2 and detail["figures"]["killed"]["max"] == 3
    assert client.get("/api/incidents", params={"q": "погромщики"}).json()["total"] == 1
    assert client.get("/api/incidents", params={"date_from": "2024-03-16"}).json()["total"] == 2
    assert client.get("/api/incidents", params={"limit": 1, "offset": 1}).json()["items"]


# ---------------------------------------------------------------- articles
def test_articles(client: TestClient) -> None:
    res = client.get("/api/articles").json()
    assert res["total"] == 6
    assert client.get("/api/articles", params={"lang": "uk"}).json()["total"] == 2
    assert client.get("/api/articles", params={"relevant": False}).json()["total"] == 1
    assert client.get("/api/articles", params={"q": "Києві"}).json()["total"] == 2
    assert ids(client.get("/api/articles", params={"date_from": "2024-03-20"}).json()) == ["kharkiv-shelling"]
    assert client.get("/api/articles", params={"date_to": "2024-03-05"}).json()["total"] == 2
    assert len(client.get("/api/articles", params={"limit": 4, "offset": 4}).json()["items"]) == 2


def test_article_text_with_spans(client: TestClient) -> None:
    a = client.get("/api/articles/kyiv-rally").json()
    assert a["title"] == "Мітинг у Києві" and a["text"].startswith("У неділю")
    assert a["events"][0]["id"] == client.get("/api/events", params={"article_id": "kyiv-rally"}).json()[
        "items"][0]["id"]
    for k in ("events", "counts", "sources", "quotes"):
        assert a[k], k
        for rec in a[k]:
            for s in rec["evidence"]:
                assert a["text"][s["start"]:s["end"]] == s["text"]


# ---------------------------------------------------------------- figures, sources, stats
def test_figures(client: TestClient) -> None:
    assert client.get("/api/figures").json()["total"] == 5
    killed = client.get("/api/figures", params={"kind": "killed"}).json()
    assert sorted(f["value"] for f in killed["items"]) == [2, 3]
    assert client.get("/api/figures", params={"source": "тасс"}).json()["total"] == 1
    assert client.get("/api/figures", params={"article_id": "kyiv-rally"}).json()["items"][0]["qualifier"] == "about"
    inc = client.get("/api/incidents", params={"country": "KZ"}).json()["items"][0]["id"]
    assert client.get("/api/figures", params={"incident_id": inc}).json()["total"] == 2
    ev = client.get("/api/events", params={"admin1": "Kharkiv"}).json()["items"][0]["id"]
    f = client.get("/api/figures", params={"event_id": ev}).json()["items"]
    assert [x["kind"] for x in f] == ["buildings_damaged"] and f[0]["evidence"][0]["text"] == "damaged 12 buildings"


def test_sources(client: TestClient) -> None:
    res = client.get("/api/sources").json()
    assert res["total"] == 4
    assert client.get("/api/sources", params={"kind": "police"}).json()["total"] == 2
    assert ids_name(client.get("/api/sources", params={"name": "тасс"}).json()) == ["ТАСС"]
    assert ids_name(client.get("/api/sources", params={"article_id": "kyiv-rally"}).json()) == ["поліція"]
    inc = client.get("/api/incidents", params={"country": "KZ"}).json()["items"][0]["id"]
    assert client.get("/api/sources", params={"incident_id": inc}).json()["total"] == 2
    assert len(client.get("/api/sources", params={"limit": 1, "offset": 3}).json()["items"]) == 1


def ids_name(res: dict) -> list[str]:
    return [x["name"] for x in res["items"]]


def test_stats(client: TestClient) -> None:
    s = client.get("/api/stats").json()
    # the articles and incidents of the matching events; `stored` counts everything
    assert s["events"] == 6 and s["articles"] == 5 and s["stored"]["articles"] == 6
    assert {r["event_type"]: r["count"] for r in s["by_type"]}["Riots"] == 2
    assert {r["country"]: r["count"] for r in s["by_country"]} == {"UA": 3, "KZ": 2, "KE": 1}
    assert {r["date"]: r["count"] for r in s["by_day"]}["2024-03-05"] == 2
    assert sum(r["count"] for r in s["by_day_type"]) == 6
    ua = client.get("/api/stats", params={"country": "UA", "date_from": "2024-03-15"}).json()
    assert ua["events"] == 2 and ua["articles"] == 1 and ua["incidents"] == 2
    assert {r["country"]: r["count"] for r in ua["by_country"]} == {"UA": 2}
    assert ua["stored"] == s["stored"]
    kz = client.get("/api/stats", params={"event_type": "Riots"}).json()
    assert kz["events"] == 2 and kz["articles"] == 2 and kz["incidents"] == 1
    assert [r["event_type"] for r in kz["by_type"]] == ["Riots"]


# ---------------------------------------------------------------- errors
@pytest.mark.parametrize("url, status, words", [
    ("/api/events?date_from=2024-13-45", 422, "date_from"),
    ("/api/events?date_to=yesterday", 422, "date_to"),
    ("/api/stats?date_from=2024-02-30", 422, "date_from"),
    ("/api/articles?date_from=xx", 422, "date_from"),
    ("/api/events?date_from=2024-03-10&date_to=2024-03-01", 422, "after"),
    ("/api/articles?date_from=2024-03-10&date_to=2024-03-01", 422, "after"),
    ("/api/events?event_type=Riot", 422, "event_type"), ("/api/incidents?country=Ukraine", 422, "country"),
    ("/api/events?offset=9223372036854775808", 422, "offset"),
    ("/api/incidents?offset=99999999999999999999999", 422, "offset"),
    ("/api/figures?event_id=9223372036854775808", 422, "event_id"),
    ("/api/events?limit=0", 422, "limit"), ("/api/events?limit=999999", 422, "limit"),
    ("/api/events?offset=-1", 422, "offset"), ("/api/events?bbox=1,2,3", 422, "bbox"),
    ("/api/events/999999", 404, "no event"), ("/api/events/abc", 422, "event_id"),
    ("/api/incidents/nope", 404, "no incident"), ("/api/articles/nope", 404, "no article"),
    ("/api/nothing", 404, "Not Found"),
])
def test_errors_are_clear_and_without_traces(client: TestClient, url: str, status: int, words: str) -> None:
    res = client.get(url)
    assert res.status_code == status, res.text
    body = res.json()
    assert isinstance(body["detail"], str) and words in body["detail"]
    assert "Traceback" not in res.text and "File \"" not in res.text


def test_internal_error_has_no_trace(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kronika.store import query as queries

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("secret internals at /srv/x.py line 3")

    monkeypatch.setattr(queries, "stats", boom)
    res = TestClient(create_app(db), raise_server_exceptions=False).get("/api/stats")
    assert res.status_code == 500 and res.json() == {"detail": "internal error"}
    assert "secret" not in res.text


def test_missing_db_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "absent.db")


# ---------------------------------------------------------------- read-only, ingest, headers
def test_read_only_without_token(client: TestClient) -> None:
    assert client.post("/api/ingest", json={"text": "x"}).status_code in (404, 405)
    assert "/api/ingest" not in client.get("/api/openapi.json").json()["paths"]
    assert client.delete("/api/events/1").status_code == 405


def test_no_cors_and_security_headers(client: TestClient) -> None:
    res = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in {k.lower() for k in res.headers}
    pre = client.options("/api/events", headers={"Origin": "https://evil.example",
                                                 "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in {k.lower() for k in pre.headers}
    page = client.get("/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/events/{event_id}", "/api/incidents", "/api/incidents/{incident_id}",
              "/api/articles", "/api/articles/{article_id}", "/api/figures", "/api/sources", "/api/stats"):
        assert p in paths
    assert client.get("/api/docs").status_code == 200


def test_ingest_with_token(tmp_path: Path) -> None:
    db = make_store(tmp_path / "k.db")
    c = TestClient(create_app(db, token="s3cret-token-for-the-api-tests", max_ingest_bytes=20_000), raise_server_exceptions=False)
    art = {"id": "new-1", "text": "У Львові сьогодні пройшов мітинг.", "lang": "uk", "published": "2024-03-21"}
    assert c.post("/api/ingest", json=art).status_code == 401
    assert c.post("/api/ingest", json=art, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert c.post("/api/ingest", json=art, headers={"Authorization": "Basic s3cret-token-for-the-api-tests"}).status_code == 401
    assert c.post("/api/ingest", json=art, headers={"Authorization": "Bearer s3cret-token-for-the-api-tests2"}).status_code == 401
    auth = {"Authorization": "Bearer s3cret-token-for-the-api-tests"}
    ok = c.post("/api/ingest", json=art, headers=auth)
    assert ok.status_code == 200, ok.text
    assert ok.json()["ingested"][0] == {"id": "new-1", "status": "inserted", "events": ok.json()["ingested"][0][
        "events"]}
    assert c.get("/api/articles/new-1").status_code == 200
    again = c.post("/api/ingest", json={"articles": [art]}, headers=auth).json()
    assert again["ingested"][0]["status"] == "unchanged"
    big = {"text": "x" * 30_000}
    assert c.post("/api/ingest", json=big, headers=auth).status_code == 413
    chunked = c.post("/api/ingest", content=iter([b"[", b" " * 25_000, b"]"]), headers=auth)
    assert chunked.status_code == 413
    assert c.post("/api/ingest", content=b"{not json", headers=auth).status_code == 400
    assert c.post("/api/ingest", json=[{"title": "no text"}], headers=auth).status_code == 400
    assert c.post("/api/ingest", json=[1, 2], headers=auth).status_code == 400
    assert c.post("/api/ingest", json=[], headers=auth).status_code == 400
    assert "/api/ingest" in c.get("/api/openapi.json").json()["paths"]


def test_page_and_vendor_files_are_local(client: TestClient) -> None:
    html = client.get("/").text
    assert "http://" not in html and "https://" not in html, "no CDN: every asset comes from this server"
    for path in ("/static/app.js", "/static/style.css"):
        assert client.get(path).status_code == 200
    from kronika.api.app import vendor_ready
    if not vendor_ready():
        pytest.skip("npm front-end packages not installed (make install installs them)")
    for path in ("/vendor/leaflet/leaflet.js", "/vendor/leaflet.markercluster/leaflet.markercluster.js",
                 "/vendor/topojson-client/topojson-client.min.js", "/vendor/world-atlas/countries-50m.json"):
        assert client.get(path).status_code == 200, path


def test_page_script_never_injects_markup() -> None:
    """The page writes data with textContent / createTextNode only: no innerHTML, outerHTML,
    insertAdjacentHTML, document.write or eval anywhere in its script."""
    js = (Path(__file__).resolve().parents[1] / "src" / "kronika" / "web" / "static" / "app.js").read_text()
    code = "\n".join(line for line in js.splitlines() if not line.lstrip().startswith(("*", "/*", "//")))
    for bad in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                "bindPopup", "bindTooltip"):
        assert bad not in code, bad


def test_json_api_escapes_nothing_but_returns_exact_strings(client: TestClient) -> None:
    a = client.get("/api/articles/xss-nairobi").json()
    assert XSS_SCRIPT in a["title"] and a["sources"][0]["name"] == XSS_IMG
    assert client.get("/api/articles/xss-nairobi").headers["content-type"].startswith("application/json")
    json.dumps(a)  # plain JSON: the page is what must not interpret it


def test_serve_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from kronika.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["serve", "--db", str(tmp_path / "absent.db")])
    assert res.exit_code == 2 and "no database" in res.output
    assert "--token" in runner.invoke(app, ["serve", "--help"]).output
    db = make_store(tmp_path / "k.db")
    seen: dict = {}
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    res = runner.invoke(app, ["serve", "--db", str(db), "--port", "8123", "--token", "t0ken-for-the-serve-command-test"])
    assert res.exit_code == 0, res.output
    assert "http://127.0.0.1:8123/" in res.output and seen["port"] == 8123 and seen["host"] == "127.0.0.1"
    paths = TestClient(seen["app"], base_url="http://127.0.0.1:8123").get("/api/openapi.json").json()["paths"]
    assert "/api/ingest" in paths


def test_loopback_server_refuses_foreign_host_names(db: Path) -> None:
    c = TestClient(create_app(db, allowed_hosts=["localhost", "127.0.0.1"]), base_url="http://127.0.0.1:8000")
    assert c.get("/api/stats").status_code == 200
    assert c.get("/api/stats", headers={"Host": "localhost:8000"}).status_code == 200
    assert c.get("/api/stats", headers={"Host": "rebind.evil.example"}).status_code == 400


@pytest.mark.parametrize("endpoint", ["/api/events", "/api/incidents", "/api/articles", "/api/figures",
                                      "/api/sources"])
def test_integers_beyond_sqlite_range_are_client_errors(client: TestClient, endpoint: str) -> None:
    """SQLite's integers are 64-bit: every integer parameter is bounded before a query sees it."""
    for big in (2**63, 2**64 + 5, 10**30):
        res = client.get(endpoint, params={"offset": big})
        assert res.status_code == 422 and "offset" in res.json()["detail"], res.text
    last = client.get(endpoint, params={"offset": 2**63 - 1})
    assert last.status_code == 200 and last.json()["items"] == [], last.text
    assert client.get(endpoint, params={"limit": 2**63}).status_code == 422
