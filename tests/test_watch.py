"""`kronika watch` against a local HTTP server whose feed grows (invented items)."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from kronika.ingest.feeds import FetchError
from kronika.live.watch import Watcher, parse_interval
from kronika.store import open_store

KRONIKA = [sys.executable, "-c", "from kronika.cli import main; main()"]

ITEMS = [
    ("Протест у Черкасах", "У Черкасах 12 березня близько 400 людей вийшли на мітинг проти "
                           "підвищення тарифів. Поліція затримала трьох учасників."),
    ("Пікет у Вінниці", "У Вінниці 12 березня активісти пікетували обласну адміністрацію."),
    ("Rally in Tbilisi", "Thousands of people rallied in Tbilisi on 12 March against the new law, "
                         "police said."),
]


def rss(n: int) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>https://example.org/n/{i}</link><guid>g-{i}</guid>"
        f"<pubDate>Sun, 12 Mar 2023 1{i}:00:00 +0000</pubDate><description>{d}</description></item>"
        for i, (t, d) in enumerate(ITEMS[:n]))
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


class Feed:
    """A feed that shows `n` items, answers conditional GETs with 304, and can be made to fail."""

    def __init__(self) -> None:
        self.n = 1
        self.fail = False
        self.requests: list[dict[str, str]] = []
        self.posts: list[dict[str, Any]] = []

    def etag(self) -> str:
        return f'"v{self.n}"'


@pytest.fixture()
def server() -> Iterator[tuple[str, Feed]]:
    feed = Feed()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *a: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            feed.requests.append(dict(self.headers))
            if feed.fail:
                self.send_response(503)
                self.end_headers()
                return
            if self.headers.get("If-None-Match") == feed.etag():
                self.send_response(304)
                self.send_header("ETag", feed.etag())
                self.end_headers()
                return
            body = rss(feed.n)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", feed.etag())
            self.send_header("Last-Modified", format_datetime(datetime(2023, 3, 12, tzinfo=UTC), usegmt=True))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802
            n = int(self.headers.get("Content-Length", "0"))
            feed.posts.append(json.loads(self.rfile.read(n)))
            self.send_response(204)
            self.end_headers()

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", feed
    srv.shutdown()


def test_parse_interval() -> None:
    assert parse_interval("10m") == 600 and parse_interval("30s") == 30 and parse_interval("1.5h") == 5400
    assert parse_interval("250ms") == 0.25 and parse_interval("45") == 45
    for bad in ("", "0s", "ten minutes", "-5m", "5y"):
        with pytest.raises(ValueError, match="interval"):
            parse_interval(bad)


def test_growing_feed_ingests_only_new_items(server: tuple[str, Feed], tmp_path: Path) -> None:
    base, feed = server
    sent: list[dict[str, Any]] = []
    err = io.StringIO()
    with open_store(tmp_path / "w.db") as store:
        w = Watcher(store, [base + "/feed.xml"], every=0.01, notify=sent.append, allow_private=True, err=err)
        s1 = w.poll()
        assert (s1.items, s1.new, s1.unchanged) == (1, 1, 0)
        assert sent and all("evidence" in ev for inc in sent for ev in inc["events"])
        time.sleep(0.02)
        s2 = w.poll()                     # nothing changed: the server answers 304
        assert s2.not_modified == 1 and s2.items == 0, err.getvalue()
        assert feed.requests[-1].get("If-None-Match") == '"v1"'
        assert feed.requests[-1].get("If-Modified-Since")
        feed.n = 3
        time.sleep(0.02)
        sent.clear()
        s3 = w.poll()                     # two new items; the first is stored already
        assert (s3.items, s3.new, s3.unchanged) == (3, 2, 1)
        assert {inc["id"] for inc in sent} == s3.incidents
        assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert "poll 3" in s3.line() and "2 new" in s3.line()


def test_failing_source_backs_off_and_recovers(server: tuple[str, Feed], tmp_path: Path) -> None:
    base, feed = server
    feed.fail = True
    err = io.StringIO()
    with open_store(tmp_path / "w.db") as store:
        w = Watcher(store, [base + "/f"], every=0.05, allow_private=True, err=err)
        src = w.sources[0]
        assert w.poll().failed == 1 and src.failures == 1
        first_due = src.due
        src.due = 0                           # force the next try now
        w.poll()
        assert src.failures == 2 and src.due - time.monotonic() > first_due - time.monotonic()
        assert "HTTP 503" in err.getvalue() and "failure 2" in err.getvalue()
        feed.fail = False
        src.due = 0
        s = w.poll()
        assert s.failed == 0 and s.new == 1 and src.failures == 0


def test_private_addresses_are_refused_without_the_flag(server: tuple[str, Feed], tmp_path: Path) -> None:
    base, _feed = server
    err = io.StringIO()
    with open_store(tmp_path / "w.db") as store:
        s = Watcher(store, [base + "/f"], every=1, err=err).poll()
    assert s.failed == 1 and "non-public address" in err.getvalue()
    from kronika.live.watch import http_notifier

    with pytest.raises(FetchError):
        http_notifier(base + "/hook")


def test_cli_watch_notifies_over_http_and_stdout(server: tuple[str, Feed], tmp_path: Path) -> None:
    base, feed = server
    feed.n = 2
    db = tmp_path / "c.db"
    r = subprocess.run([*KRONIKA, "watch", base + "/feed", "--db", str(db), "--every", "50ms",
                        "--max-polls", "2", "--allow-private", "--notify", base + "/hook"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stderr.count(" poll ") == 2 and "2 new" in r.stderr
    assert feed.posts and all(p["id"].startswith("inc-") or p["id"] for p in feed.posts)
    feed.n = 3
    r = subprocess.run([*KRONIKA, "watch", base + "/feed", "--db", str(db), "--every", "1s",
                        "--max-polls", "1", "--allow-private", "--notify", "-"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    lines = [json.loads(ln) for ln in r.stdout.splitlines()]
    assert lines and all("events" in inc for inc in lines)
    assert "1 new" in r.stderr and "2 unchanged" in r.stderr


def test_cli_watch_refuses_bad_arguments(tmp_path: Path) -> None:
    r = subprocess.run([*KRONIKA, "watch", "feed.xml", "--db", str(tmp_path / "x.db")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "http(s) URLs" in r.stderr
    r = subprocess.run([*KRONIKA, "watch", "https://example.org/f", "--every", "soon"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "--every" in r.stderr


def test_sigterm_stops_cleanly(server: tuple[str, Feed], tmp_path: Path) -> None:
    base, feed = server
    feed.n = 3
    db = tmp_path / "t.db"
    p = subprocess.Popen([*KRONIKA, "watch", base + "/feed", "--db", str(db), "--every", "1h",
                          "--allow-private"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 90
    line = ""
    assert p.stderr is not None
    while time.monotonic() < deadline and " poll 1" not in line:
        line = p.stderr.readline()
    os.kill(p.pid, signal.SIGTERM)
    rest = p.communicate(timeout=60)[1]
    assert p.returncode == 0 and "SIGTERM" in rest
    import sqlite3

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
