"""The events page after LIMIT pushdown holds the same rows, in the same order, as joining and
sorting every match would; and the load bench's store and server helpers work on loopback."""

from __future__ import annotations

import asyncio
import importlib.util
import random
import sys
from datetime import date
from pathlib import Path

import pytest

from kronika.store import open_store, query
from kronika.store.filters import Filters, parse_filters

ROOT = Path(__file__).resolve().parents[1]


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("load_api", ROOT / "bench" / "load_api.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["load_api"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("paging") / "p.db"
    bench = _bench()
    rnd = random.Random(5)
    with open_store(path) as store:
        for i in range(150):
            art, res = bench.synthetic(i, rnd)
            if i % 17 == 0:
                res.events[0].date = None  # undated events sort last
            store.put(art, res)
    return path


FILTERS = [parse_filters(), parse_filters(country="UA"), parse_filters(actor="protest"),
           parse_filters(date_from=date(2022, 6, 1), date_to=date(2023, 3, 1)), parse_filters(text="shelling"),
           parse_filters(bbox="30,45,40,52"), parse_filters(event_type="Protests", country="KZ")]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: ",".join(k for k in f.__slots__ if k not in ("limit", "offset")
                                                           and getattr(f, k)) or "none")
def test_pushdown_page_equals_full_sort(db: Path, f: Filters) -> None:
    conn = query.read_connection(db)
    full = [r[0] for r in conn.execute(*query.event_query(f.paged(None, 0)))]
    assert full, "the filter should match something in the synthetic store"
    for limit, offset in ((10, 0), (25, 7), (100, 0), (5, len(full) - 3), (10, len(full) + 5)):
        page = query.list_events(conn, f.paged(limit, offset))
        assert page.total == len(full)
        assert [e["id"] for e in page.items] == full[offset:offset + limit]
    conn.close()


def test_load_bench_drives_a_loopback_server(db: Path, tmp_path: Path) -> None:
    bench = _bench()
    port = bench.free_port()
    server = bench.start_server(db, port, tmp_path / "serve.log", [])
    try:
        res = asyncio.run(bench.drive(f"http://127.0.0.1:{port}", clients=4, max_requests=40, max_seconds=20))
        path, variants = bench.SCENARIOS["heavy"]
        heavy = asyncio.run(bench.drive(f"http://127.0.0.1:{port}", clients=3, max_requests=6, max_seconds=60,
                                        path=path, variants=variants))
        mem = bench.server_memory(server.pid)
    finally:
        bench.stop(server)
    out = bench.report(res)
    assert out["requests"] == 40 and out["errors"] == 0, out
    assert out["p50_ms"] <= out["p95_ms"] <= out["p99_ms"]
    assert bench.report(heavy, variants)["errors"] == 0
    assert mem is not None and 0 < mem["rss"] <= mem["peak"]


def test_big_pages_are_streamed_with_the_same_rows(db: Path) -> None:
    from fastapi.testclient import TestClient

    from kronika.api import create_app

    client = TestClient(create_app(db))
    with query.read_connection(db) as conn:
        want = query.list_incidents(conn, parse_filters(limit=5000), members=True)
    assert want.total > 200, "more incidents than one chunk of the stream"
    res = client.get("/api/incidents", params={"limit": 5000, "members": "true"})
    assert res.status_code == 200 and "content-length" not in res.headers  # chunked: streamed
    body = res.json()
    assert body["total"] == want.total and body["items"] == want.items
    small = client.get("/api/incidents", params={"limit": 10})
    assert small.headers["content-length"] and len(small.json()["items"]) == 10


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("paging") / "big.db"
    _bench().build_store(path, 3000)
    return path


def test_memory_of_a_page_does_not_grow_with_its_limit(big_db: Path) -> None:
    """Reading and encoding 2,000 incidents with their members holds no more than reading 200:
    the rows are read and encoded a chunk at a time."""
    import tracemalloc

    import orjson

    def peak(limit: int) -> int:
        with query.read_connection(big_db) as conn:
            tracemalloc.start()
            n = 0
            for row in query.iter_incidents(conn, parse_filters(limit=limit), members=True):
                n += len(orjson.dumps(row))
            _, top = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        assert n > 0
        return top

    small, large = peak(200), peak(2000)
    assert large < 2 * small, (small, large)


def test_pooled_connections_see_every_commit(db: Path, tmp_path: Path) -> None:
    """Read connections are reused between requests; each request still sees what was committed
    before it, also after a streamed page left off in the middle."""
    import random
    import shutil

    from fastapi.testclient import TestClient

    from kronika.api import create_app

    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    client = TestClient(create_app(copy))
    before = client.get("/api/events", params={"limit": 1}).json()["total"]
    with client.stream("GET", "/api/incidents", params={"limit": 5000, "members": "true"}) as res:
        next(res.iter_bytes())  # read a little of a streamed page and leave
    art, result = _bench().synthetic(10_000, random.Random(1))
    with open_store(copy) as s:
        s.put(art, result)
    for _ in range(3):
        assert client.get("/api/events", params={"limit": 1}).json()["total"] == before + len(result.events)
        assert client.get("/api/stats").json()["events"] == before + len(result.events)
