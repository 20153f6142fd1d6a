"""Operations under faults (issue 16): pool workers and their parent's death, the server's Host
check on every address, strong tokens, security headers on errors, a newer schema, a read-only
or full store. Code: scale/pool.py, api/app.py, api/serve.py, store/db.py, ingest/batch.py.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from kronika.api import create_app  # noqa: E402
from kronika.api.app import WeakToken  # noqa: E402
from kronika.api.serve import allowed_hosts  # noqa: E402
from kronika.ingest.batch import store_items  # noqa: E402
from kronika.model import Article  # noqa: E402
from kronika.store import open_store  # noqa: E402
from kronika.store.schema import SchemaTooNew, StoreError  # noqa: E402

KRONIKA = [sys.executable, "-c", "from kronika.cli import main; main()"]
ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
TOKEN = "a-token-long-enough-for-the-api-tests"
CITIES = ["Києві", "Львові", "Харкові", "Одесі", "Дніпрі", "Полтаві", "Черкасах", "Житомирі"]


def articles(n: int) -> list[dict[str, str]]:
    return [{"id": f"op-{i}", "lang": "uk", "published": "2022-02-10",
             "text": f"У {CITIES[i % 8]} {i + 20} людей вийшли на мітинг біля міської ради, повідомила поліція. "
                     f"Учасники акції вимагали відставки голови адміністрації. Затримано {i % 5 + 1} осіб."}
            for i in range(n)]


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


# ---------------------------------------------------------------- 7: workers end with their parent
def _children(pid: int) -> list[int]:
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = Path(f"/proc/{d}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(d))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG and /proc are Linux's")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_workers_end_with_their_parent(tmp_path: Path, sig: signal.Signals) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", articles(400))
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([*KRONIKA, "extract", str(src), "-o", str(out), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            time.sleep(0.2)
        workers = _children(proc.pid)
        assert len(workers) >= 2, workers
        proc.send_signal(sig)
        proc.wait(timeout=60)
        end = time.monotonic() + 20
        while time.monotonic() < end and any(_alive(w) for w in workers):
            time.sleep(0.2)
        assert not [w for w in workers if _alive(w)], "workers outlived their parent"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    lines = out.read_text(encoding="utf-8").splitlines()
    if sig == signal.SIGTERM:
        assert proc.returncode == 128 + signal.SIGTERM
        assert proc.stderr is not None and "stopped by SIGTERM" in proc.stderr.read().decode()
        assert lines and all(json.loads(line)["id"].startswith("op-") for line in lines)  # complete lines only
        assert len(lines) < 400


# ---------------------------------------------------------------- 12: Host check on every address
@pytest.fixture
def db(tmp_path: Path) -> Path:
    p = tmp_path / "k.db"
    with open_store(p):
        pass
    return p


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "::1", "127.0.0.1", "192.0.2.10", "news.example.org"])
def test_every_listening_address_keeps_the_host_check(db: Path, host: str) -> None:
    c = TestClient(create_app(db, allowed_hosts=allowed_hosts(host, ["kronika.example.org"])))
    for good in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "kronika.example.org", "192.0.2.77:8000",
                 "[2001:db8::1]:8000"):
        assert c.get("/api/stats", headers={"Host": good}).status_code == 200, (host, good)
    for bad in ("rebind.evil.example", "rebind.evil.example:8000", "localhost.evil.example", "", "[::1"):
        r = c.get("/api/stats", headers={"Host": bad})
        assert r.status_code == 400, (host, bad)
        assert r.headers["x-frame-options"] == "DENY"
    if host == "news.example.org":
        assert c.get("/api/stats", headers={"Host": "news.example.org"}).status_code == 200


# ---------------------------------------------------------------- 12: tokens
@pytest.mark.parametrize("token", ["x", "short-token", "a" * 23])
def test_weak_tokens_are_refused(db: Path, token: str) -> None:
    with pytest.raises(WeakToken, match="at least 24"):
        create_app(db, token=token)


def test_serve_refuses_a_weak_token_and_generates_a_strong_one(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from kronika.cli import app

    seen: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    res = CliRunner().invoke(app, ["serve", "--db", str(db), "--token", "1"])
    assert res.exit_code == 2 and "at least 24 characters" in res.output and not seen
    res = CliRunner().invoke(app, ["serve", "--db", str(db), "--token", "generate", "--host", "0.0.0.0"])
    assert res.exit_code == 0, res.output
    token = res.output.split("token (keep it secret): ")[1].split()[0]
    assert len(token) >= 24
    c = TestClient(seen["app"], base_url="http://localhost")
    art = {"text": "У Полтаві пройшов мітинг.", "lang": "uk"}
    assert c.post("/api/ingest", json=art, headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert c.get("/api/stats", headers={"Host": "evil.example"}).status_code == 400  # 0.0.0.0 checks too


# ---------------------------------------------------------------- 12: headers on every answer
def test_security_headers_on_error_responses(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kronika.store import query as queries

    def broken(*a: object, **k: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(queries, "stats", broken)
    c = TestClient(create_app(db, token=TOKEN, max_ingest_bytes=1000), raise_server_exceptions=False)
    answers = {
        404: c.get("/api/no-such-endpoint"), 405: c.delete("/api/events"), 422: c.get("/api/events?limit=0"),
        401: c.post("/api/ingest", json={"text": "x"}), 413: c.post("/api/ingest", content=b"x" * 5000,
                                                                    headers={"Authorization": f"Bearer {TOKEN}"}),
        500: c.get("/api/stats"), 200: c.get("/api/events"),
    }
    for status, r in answers.items():
        assert r.status_code == status, (status, r.text)
        assert r.headers["x-content-type-options"] == "nosniff", status
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"], status
        assert "a bug" not in r.text and "Traceback" not in r.text


# ---------------------------------------------------------------- 12: schema versions
def test_a_newer_schema_is_refused_everywhere(db: Path) -> None:
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA user_version = 99")
    with pytest.raises(SchemaTooNew, match="newer than this kronika"):
        create_app(db)
    with pytest.raises(SchemaTooNew):
        open_store(db, readonly=True)
    for args in (["serve", "--db", str(db)], ["events", "--db", str(db)], ["ingest", "--db", str(db), str(db)]):
        done = subprocess.run([*KRONIKA, *args], capture_output=True, text=True, env=ENV, timeout=120)
        assert done.returncode == 2, (args, done.stderr)
        assert "schema version 99 is newer" in done.stderr and "Traceback" not in done.stderr, args


def test_a_sqlite_file_that_is_not_kronika_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a kronika store"):
        create_app(other)


# ---------------------------------------------------------------- 12: read-only and full stores
def _ingested(db: Path) -> list[str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in c.execute("SELECT id FROM articles ORDER BY pk")]
        # every stored article is whole: its events are there
        for (aid,) in c.execute("SELECT id FROM articles WHERE relevant = 1"):
            assert c.execute("SELECT count(*) FROM events e JOIN articles a ON a.pk = e.article_pk "
                             "WHERE a.id = ?", (aid,)).fetchone()[0] > 0
    return ids


def test_a_full_disk_stops_ingest_with_a_clear_error_and_keeps_what_was_stored(tmp_path: Path) -> None:
    """RLIMIT_FSIZE stands for the full disk (the write fails as on a full device, for any user)."""
    db = tmp_path / "k.db"
    first = write_jsonl(tmp_path / "first.jsonl", articles(3))
    assert subprocess.run([*KRONIKA, "ingest", str(first), "--db", str(db)], env=ENV, capture_output=True,
                          timeout=300).returncode == 0
    limit = 600_000

    def cap() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the cap fails (EFBIG) instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    big = write_jsonl(tmp_path / "more.jsonl", [dict(a, id=f"more-{i}", text=a["text"] * 30)
                                                 for i, a in enumerate(articles(120))])
    done = subprocess.run([*KRONIKA, "ingest", str(big), "--db", str(db)], env=ENV, capture_output=True,
                          text=True, timeout=600, preexec_fn=cap)
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert f"cannot write to {db}" in done.stderr and "every article stored before it is kept" in done.stderr
    ids = _ingested(db)
    assert ids[:3] == ["op-0", "op-1", "op-2"] and 3 < len(ids) < 123


def test_a_full_store_in_process_rolls_back_only_the_article_in_flight(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with open_store(db) as s:
        s.conn.execute("PRAGMA max_page_count = 60")  # SQLite's own SQLITE_FULL, at a few pages
        arts = [Article(text=a["text"] * 40, id=a["id"], lang="uk", published=a["published"]) for a in articles(40)]
        done = []
        with pytest.raises(StoreError, match="disk is full"):
            for o in store_items(s, arts):
                done.append(o.id)
        assert done and len(done) < 40
    assert _ingested(db) == done


def test_a_read_only_store_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's read-only open mode gives the error a read-only file gives (root ignores chmod)."""
    db = tmp_path / "k.db"
    with open_store(db) as s:
        s.conn.execute("PRAGMA journal_mode = DELETE")
    from kronika.store import db as dbmod

    real = dbmod.connect

    def read_only(path: object, readonly: bool = False) -> sqlite3.Connection:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
        return conn if not readonly else real(path, readonly=True)

    monkeypatch.setattr(dbmod, "connect", read_only)
    arts = [Article(text=a["text"], id=a["id"], lang="uk") for a in articles(2)]
    with open_store(db) as s, pytest.raises(StoreError, match="the database file is read-only; nothing was changed"):
        list(store_items(s, arts))
    assert _ingested(db) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders and files")
@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_read_only_folder_or_file_is_a_clear_error(tmp_path: Path, what: str) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "k.db"
    src = write_jsonl(tmp_path / "in.jsonl", articles(2))
    if what == "file":
        with open_store(db) as s:
            s.conn.execute("PRAGMA journal_mode = DELETE")
        db.chmod(0o444)
    else:
        folder.chmod(0o555)
    try:
        done = subprocess.run([*KRONIKA, "ingest", str(src), "--db", str(db)], env=ENV,
                              capture_output=True, text=True, timeout=300)
    finally:
        folder.chmod(0o755)
        if db.exists():
            db.chmod(0o644)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "not writable" in done.stderr or "read-only" in done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG and /proc are Linux's")
def test_sigterm_during_a_pooled_ingest_keeps_every_finished_article_whole(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", articles(300))
    db = tmp_path / "k.db"
    proc = subprocess.Popen([*KRONIKA, "ingest", str(src), "--db", str(db), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            if db.exists():
                try:
                    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
                        if c.execute("SELECT count(*) FROM articles").fetchone()[0] >= 5:
                            break
                except sqlite3.Error:
                    pass
            time.sleep(0.2)
        workers = _children(proc.pid)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        end = time.monotonic() + 20
        while time.monotonic() < end and any(_alive(w) for w in workers):
            time.sleep(0.2)
        assert not [w for w in workers if _alive(w)]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 128 + signal.SIGTERM
    assert proc.stderr is not None and "every article stored before it is kept" in proc.stderr.read().decode()
    ids = _ingested(db)
    assert 5 <= len(ids) < 300
    again = subprocess.run([*KRONIKA, "ingest", str(src), "--db", str(db)], capture_output=True, text=True,
                           env=ENV, timeout=600)
    assert f"{len(ids)} unchanged" in again.stderr and f"{300 - len(ids)} inserted" in again.stderr


# ---------------------------------------------------------------- Host header, fuzzed
from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

label = st.from_regex(r"[a-zA-Z0-9][a-zA-Z0-9\-]{0,20}", fullmatch=True)
port = st.one_of(st.just(""), st.integers(1, 65535).map(lambda p: f":{p}"))


@settings(max_examples=150, deadline=None)
@given(label, label, port, st.sampled_from(["localhost", "kronika.example.org", "LocalHost", "KRONIKA.example.ORG"]))
@example("VM", "0", "", "localhost")   # found by hypothesis on a machine called vm
def test_foreign_names_are_refused_and_allowed_ones_pass_in_any_case_and_port(
        a: str, b: str, p: str, good: str) -> None:
    from kronika.api.app import create_app as make

    global _FUZZ_APP
    if _FUZZ_APP is None:
        import tempfile

        d = Path(tempfile.mkdtemp()) / "k.db"
        with open_store(d):
            pass
        _FUZZ_APP = TestClient(make(d, allowed_hosts=allowed_hosts("0.0.0.0", ["kronika.example.org"])))
    c = _FUZZ_APP
    # a bracketed label is refused unless it is one of the allowed names (the machine's own
    # hostname is allowed, and hypothesis may draw it: "vm" on a machine called vm)
    own = {h.lower().strip("[]") for h in allowed_hosts("0.0.0.0", ["kronika.example.org"])}
    for bad in (f"{a}.{b}.evil.example{p}", f"localhost.{a}{p}", f"{a}.kronika.example.org{p}", f"[{a}]{p}"):
        if bad.startswith("[") and a.lower() in own:
            continue
        assert c.get("/api/stats", headers={"Host": bad}).status_code == 400, bad
    assert c.get("/api/stats", headers={"Host": good + p}).status_code == 200, good + p


_FUZZ_APP: TestClient | None = None
