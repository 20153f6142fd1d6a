"""`kronika ingest` end to end: idempotent, atomic under kill -9, feeds over HTTP, readers alongside.

The extractor is improved in parallel, so these tests check what the store does with whatever it
extracts (row counts, article identity, integrity), never exact extraction output.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kronika.cli import app
from kronika.store import open_store, query

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev" / "articles.jsonl"
KRONIKA = [sys.executable, "-c", "from kronika.cli import main; main()"]

CITIES = [("Києві", "Kyiv"), ("Львові", "Lviv"), ("Харкові", "Kharkiv"), ("Одесі", "Odesa")]


def corpus(n: int) -> list[dict[str, str]]:
    out = []
    for i in range(n):
        uk, _en = CITIES[i % len(CITIES)]
        day = 1 + i % 28
        out.append({"id": f"syn-{i}", "lang": "uk", "published": f"2022-01-{day:02d}",
                    "url": f"https://example.org/news/{i}",
                    "title": f"Протест у {uk} №{i}",
                    "text": f"{day} січня у {uk} понад {100 + i} протестувальників вийшли на мітинг біля міськради. "
                            f"Поліція затримала {i % 7 + 2} учасників акції, повідомили у поліції."})
    return out


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def counts(db: Path) -> dict[str, int]:
    with open_store(db) as s:
        return s.row_counts()


runner = CliRunner()


def test_ingest_twice_gives_identical_rows(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    write_jsonl(src / "a.jsonl", corpus(8))
    (src / "b.txt").write_text("Учора в Дніпрі сотні людей протестували проти підвищення тарифів.", encoding="utf-8")
    (src / "c.html").write_text("<html><body><article><p>" + "В Минске прошёл митинг оппозиции. " * 10
                                + "</p></article></body></html>", encoding="utf-8")
    db = tmp_path / "k.db"
    r1 = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert r1.exit_code == 0, r1.output
    first = counts(db)
    assert first["articles"] == 10
    r2 = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert r2.exit_code == 0 and "10 unchanged" in r2.output
    assert counts(db) == first
    r3 = runner.invoke(app, ["ingest", str(src), "--db", str(db), "--force"])
    assert r3.exit_code == 0 and "10 replaced" in r3.output
    assert counts(db) == first


def test_changed_article_replaces_and_failures_are_reported(tmp_path: Path) -> None:
    rows = corpus(3)
    db = tmp_path / "k.db"
    assert runner.invoke(app, ["ingest", str(write_jsonl(tmp_path / "a.jsonl", rows)), "--db", str(db)]).exit_code == 0
    rows[1]["text"] += " Оновлено: затримано ще трьох."
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(write_jsonl(tmp_path / "a.jsonl", rows)), str(tmp_path / "nope.jsonl"),
                            str(bad), "--db", str(db)])
    assert r.exit_code == 1
    assert "nope.jsonl: no such file" in r.output and "bad.jsonl:1" in r.output and "bad.jsonl:2" in r.output
    assert "some inputs failed" in r.output and "1 replaced" in r.output and "2 unchanged" in r.output
    assert counts(db)["articles"] == 3
    with open_store(db) as s:
        assert "Оновлено" in query.get_article(s.conn, "syn-1")["text"]  # type: ignore[index]


def test_query_and_export_commands(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    runner.invoke(app, ["ingest", str(write_jsonl(tmp_path / "a.jsonl", corpus(6))), "--db", str(db)])
    r = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "--limit", "3"])
    assert r.exit_code == 0
    lines = [json.loads(x) for x in r.output.splitlines() if x.startswith("{")]
    assert len(lines) <= 3 and all(x["article"].startswith("syn-") for x in lines)
    for cmd in (["events"], ["incidents"], ["incidents", "--format", "jsonl", "-q", "мітинг", "--country", "UA"]):
        assert runner.invoke(app, [*cmd, "--db", str(db)]).exit_code == 0
    for fmt in ("acled-csv", "geojson", "parquet", "jsonl"):
        out = tmp_path / f"x.{fmt}"
        r = runner.invoke(app, ["export", "--format", fmt, "-o", str(out), "--db", str(db)])
        assert r.exit_code == 0 and out.exists(), r.output
    assert runner.invoke(app, ["export", "--format", "xls", "-o", str(out), "--db", str(db)]).exit_code != 0
    assert runner.invoke(app, ["events", "--db", str(tmp_path / "missing.db")]).exit_code == 2


def test_workers_store_the_same(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", corpus(12))
    one, two = tmp_path / "1.db", tmp_path / "2.db"
    assert runner.invoke(app, ["ingest", str(src), "--db", str(one)]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(src), "--db", str(two), "--workers", "2"]).exit_code == 0
    assert counts(one) == counts(two)


def _wait_for_articles(db: Path, n: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> int:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if db.exists():
            try:
                c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
                got = c.execute("SELECT count(*) FROM articles").fetchone()[0]
                c.close()
                if got >= n:
                    return got
            except sqlite3.OperationalError:
                pass  # schema not created yet
        if proc.poll() is not None:
            pytest.fail(f"ingest ended before {n} articles: {proc.stderr.read().decode() if proc.stderr else ''}")
        time.sleep(0.05)
    pytest.fail("ingest too slow")


def test_kill_9_midway_then_rerun_stores_each_article_once(tmp_path: Path) -> None:
    rows = corpus(200)
    src = write_jsonl(tmp_path / "a.jsonl", rows)
    db = tmp_path / "k.db"
    proc = subprocess.Popen([*KRONIKA, "ingest", str(src), "--db", str(db)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    got = _wait_for_articles(db, 10, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert got < len(rows)
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = c.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 10 <= partial < len(rows)
    # no half article: every stored article has its full result's records
    for (result_json, pk) in c.execute("SELECT result_json, pk FROM articles"):
        n_ev = len(json.loads(result_json)["events"])
        assert c.execute("SELECT count(*) FROM events WHERE article_pk = ?", (pk,)).fetchone()[0] == n_ev
    c.close()
    done = subprocess.run([*KRONIKA, "ingest", str(src), "--db", str(db)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{partial} unchanged" in done.stderr
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert c.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (len(rows), len(rows))
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    c.close()


def test_reading_while_ingesting(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", corpus(80))
    db = tmp_path / "k.db"
    proc = subprocess.Popen([*KRONIKA, "ingest", str(src), "--db", str(db)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _wait_for_articles(db, 1, proc)
    reads = 0
    with open_store(db, readonly=True) as r:
        while proc.poll() is None:
            query.list_events(r.conn, query.Filters(text="мітинг", limit=20))
            query.list_incidents(r.conn, query.Filters(country="UA", limit=20), members=True)
            query.count_events(r.conn)
            reads += 1
    assert proc.returncode == 0, proc.stderr.read().decode() if proc.stderr else ""
    assert reads > 0 and counts(db)["articles"] == 80


class _Feed(BaseHTTPRequestHandler):
    body = b""

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def feed_url() -> Iterator[str]:
    items = "".join(
        f"<item><title>{r['title']}</title><link>{r['url']}</link><guid>{r['id']}</guid>"
        f"<pubDate>Wed, 05 Jan 2022 10:00:00 +0000</pubDate><description>{r['text']}</description></item>"
        for r in corpus(5))
    _Feed.body = f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Feed)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/rss"
    srv.shutdown()
    srv.server_close()


def test_feed_url_is_ingested(tmp_path: Path, feed_url: str) -> None:
    db = tmp_path / "k.db"
    r = runner.invoke(app, ["ingest", feed_url, "--db", str(db)])
    assert r.exit_code == 1 and "non-public" in r.output  # private address refused by default
    r = runner.invoke(app, ["ingest", feed_url, "--db", str(db), "--allow-private"])
    assert r.exit_code == 0, r.output
    assert counts(db)["articles"] == 5
    r = runner.invoke(app, ["ingest", feed_url, "--db", str(db), "--allow-private"])
    assert "5 unchanged" in r.output and counts(db)["articles"] == 5
    feed_file = tmp_path / "f.xml"
    feed_file.write_bytes(_Feed.body)
    r = runner.invoke(app, ["ingest", str(feed_file), "--db", str(db)])
    assert r.exit_code == 0 and "5 unchanged" in r.output


@pytest.mark.slow
def test_dev_set_twice_identical(tmp_path: Path) -> None:
    if not DEV.exists():
        pytest.skip(f"{DEV} is absent (../shared data is not on this machine)")
    db = tmp_path / "dev.db"
    subprocess.run([*KRONIKA, "ingest", str(DEV), "--db", str(db)], capture_output=True, timeout=600)
    first = counts(db)
    assert first["articles"] > 0
    again = subprocess.run([*KRONIKA, "ingest", str(DEV), "--db", str(db)], capture_output=True, text=True,
                           timeout=600)
    assert counts(db) == first
    assert f"{first['articles']} unchanged" in again.stderr


def test_folder_with_feed_files_and_a_record_the_store_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in"
    src.mkdir()
    items = "".join(f"<item><guid>{r['id']}</guid><description>{r['text']}</description></item>" for r in corpus(2))
    (src / "f.rss").write_text(f"<rss><channel>{items}</channel></rss>", encoding="utf-8")
    write_jsonl(src / "a.jsonl", corpus(3)[2:])
    db = tmp_path / "k.db"
    r = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert counts(db)["articles"] == 3

    import kronika.store.db as store_db

    def refuse(self, article, result, chash):  # type: ignore[no-untyped-def]
        raise sqlite3.IntegrityError("NOT NULL constraint failed")

    monkeypatch.setattr(store_db.Store, "_insert", refuse)
    r = runner.invoke(app, ["ingest", str(write_jsonl(tmp_path / "b.jsonl", corpus(5)[3:])), "--db", str(db)])
    assert r.exit_code == 1 and "could not store" in r.output and "2 failed" in r.output
    assert counts(db)["articles"] == 3


def test_two_writers_at_once_store_each_article_once(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", corpus(40))
    db = tmp_path / "k.db"
    procs = [subprocess.Popen([*KRONIKA, "ingest", str(src), "--db", str(db)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE) for _ in range(2)]
    for p in procs:
        _out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    c = sqlite3.connect(db)
    assert c.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (40, 40)
    assert c.execute("SELECT count(*) FROM events WHERE incident_pk IS NULL").fetchone()[0] == 0
    c.close()
