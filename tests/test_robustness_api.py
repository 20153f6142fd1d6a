"""Hostile requests to the HTTP API: SQL-ish payloads in every filter, odd parameter values, and
hostile article bodies on POST /api/ingest. Nothing may answer 500 or leak a trace; a bad article
is an outcome naming the field (400 when every article of the request is bad), and nothing of a
bad article is stored.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from kronika.api import create_app  # noqa: E402
from kronika.store import open_store  # noqa: E402

TOKEN = "t0ken-for-the-robustness-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
GOOD = {"id": "good-1", "text": "У Львові сьогодні понад 200 людей вийшли на мітинг, повідомила поліція.",
        "lang": "uk", "published": "2024-03-21"}
PAYLOADS = [
    "' OR 1=1 --", "\" OR \"\"=\"", "1; DROP TABLE articles; --", "%' UNION SELECT sql FROM sqlite_master --",
    "*", "\"", "NEAR(", "a OR", "title:x", "^", "\\", "\x00", "\ud7ff", "🔥" * 50, "' ; ATTACH DATABASE '/tmp/x' AS x; --",
    "<script>alert(1)</script>", "../../etc/passwd", "%00", "1e309", "-1",
]
LIST_ENDPOINTS = ["/api/events", "/api/incidents", "/api/articles", "/api/figures", "/api/sources", "/api/stats"]


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    db = tmp_path / "k.db"
    with open_store(db):
        pass
    c = TestClient(create_app(db, token=TOKEN, max_ingest_bytes=200_000), raise_server_exceptions=False)
    assert c.post("/api/ingest", json=GOOD, headers=AUTH).status_code == 200
    return c


def stored_ids(c: TestClient) -> list[str]:
    r = c.get("/api/articles", params={"limit": 100})
    assert r.status_code == 200, r.text
    return sorted(a["id"] for a in r.json()["items"])


def no_trace(text: str) -> None:
    assert "Traceback" not in text and 'File "' not in text and "sqlite3." not in text


@pytest.mark.parametrize("endpoint", LIST_ENDPOINTS)
@pytest.mark.parametrize("param", ["q", "country", "admin1", "event_type", "actor", "article_id", "incident_id",
                                   "bbox", "date_from"])
def test_injection_payloads_in_filters(client: TestClient, endpoint: str, param: str) -> None:
    for p in PAYLOADS:
        r = client.get(endpoint, params={param: p})
        assert r.status_code in (200, 400, 404, 422), (endpoint, param, p, r.status_code, r.text)
        no_trace(r.text)
    assert stored_ids(client) == ["good-1"]  # nothing dropped, nothing attached


@pytest.mark.parametrize("url", [
    "/api/events?limit=0", "/api/events?limit=999999999999999999999", "/api/events?offset=-1",
    "/api/events?limit=abc", "/api/events?date_from=2024-02-30", "/api/events?date_from=99999-01-01",
    "/api/events?bbox=1,2,3", "/api/events?bbox=nan,nan,nan,nan", "/api/events?bbox=-999,-999,999,999",
    "/api/events/99999999999999999999999", "/api/events/-1", "/api/events/%00",
    "/api/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/api/incidents/' OR 1=1 --",
    "/api/events?country=" + "A" * 10_000, "/api/events?q=" + "x" * 7_000,
])
def test_odd_parameters_are_client_errors(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code < 500, (url, r.status_code, r.text)
    no_trace(r.text)


@pytest.mark.parametrize("body,why", [
    ({"text": "abc", "title": ["x"]}, "title"),
    ({"text": "abc", "lang": 5}, "lang"),
    ({"text": "abc", "lang": "no-such-language-code-at-all"}, "lang"),
    ({"text": "abc", "url": {"href": "x"}}, "url"),
    ({"text": "abc", "id": {"x": 1}}, "id"),
    ({"text": "abc", "published": {"y": 2024}}, "published"),
    ({"text": "abc", "published": "2024-13-45"}, "published"),
    ({"text": "abc", "published": "0001-01-01"}, "published"),
    ({"text": "   "}, "empty"),
])
def test_hostile_articles_refused_by_field(client: TestClient, body: dict, why: str) -> None:
    r = client.post("/api/ingest", content=json.dumps(body), headers=AUTH)
    no_trace(r.text)
    assert r.status_code == 400, (body, r.status_code, r.text)
    assert why in r.json()["detail"]
    assert stored_ids(client) == ["good-1"]


@pytest.mark.parametrize("raw", [
    (b'{"text": "ab\\ud800cd", "id": "surrogate"}'),
    b'{"text": "a", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    (b"[" * 100_000),
    b'{"text": "abc", "published": ' + b"9" * 5000 + b"}",
    b"\xff\xfe{\x00}\x00",
    b'{"text": "\\u0000\\u0000"}',
])
def test_hostile_bodies_never_500(client: TestClient, raw: bytes) -> None:
    r = client.post("/api/ingest", content=raw, headers=AUTH)
    assert r.status_code < 500, (raw[:60], r.status_code, r.text)
    no_trace(r.text)


def test_a_bad_article_in_a_list_is_named_and_the_rest_stored(client: TestClient) -> None:
    """One per-article path (ingest/batch.py): each article's outcome is in the answer (207 when
    some failed), the good ones are stored whole, the bad ones not at all."""
    batch = [{"id": "ok-2", "text": GOOD["text"] + " Ще раз."}, {"id": "bad", "text": 5},
             {"id": "bad-port", "text": GOOD["text"] + " Знову.", "url": "https://example.com:99999/x"},
             {"id": "ok-3", "text": GOOD["text"] + " Втретє."}]
    r = client.post("/api/ingest", json=batch, headers=AUTH)
    no_trace(r.text)
    assert r.status_code == 207, r.text
    got = r.json()["ingested"]
    assert [o["status"] for o in got] == ["inserted", "failed", "failed", "inserted"]
    assert "'text' is a number" in got[1]["reason"] and "port" in got[2]["reason"].lower()
    assert "bad article 2" in r.json()["detail"]
    assert stored_ids(client) == ["good-1", "ok-2", "ok-3"]
