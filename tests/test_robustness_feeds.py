"""Hostile feeds and hostile URLs: XML bombs, external entities and DTDs, SSRF, slow and endless
responses. Everything runs on loopback with tiny limits; no test touches the network.

The fetcher under test is kronika.ingest.feeds (`fetch`, `read_url`, `parse_feed`).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kronika.ingest import feeds
from kronika.ingest.feeds import FetchError, fetch, parse_feed, read_url
from kronika.ingest.readers import InputError
from kronika.model import Article

ITEM = "<item><title>Мітинг</title><description>Протестувальники зібралися біля Ради.</description></item>"


class _Hostile(BaseHTTPRequestHandler):
    hits: list[str] = []
    target = ""

    def do_GET(self) -> None:  # noqa: N802
        self.hits.append(self.path)
        if self.path == "/trickle":  # headers, then a byte every 0.3 s for 30 s: each read is "on time"
            self._head({"Content-Type": "application/rss+xml"})
            self._drip(b"<", 100, 0.3)
        elif self.path == "/endless":  # no Content-Length, never ends
            self._head({"Content-Type": "text/plain"})
            self._drip(b"x" * 65536, 10_000, 0)
        elif self.path == "/lying-length":  # says small, sends a lot
            self._head({"Content-Type": "text/plain", "Content-Length": "10"})
            self._drip(b"x" * 65536, 100, 0)
        elif self.path == "/stall":  # headers, then nothing
            self._head({"Content-Type": "text/plain"})
            time.sleep(5)
        elif self.path.startswith("/to/"):  # a redirect to wherever the test says
            self.send_response(302)
            self.send_header("Location", self.target)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/evil.dtd":
            self._head({"Content-Type": "application/xml-dtd"})
            self.wfile.write(b'<!ENTITY x "pwned">')
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def _head(self, headers: dict[str, str]) -> None:
        self.send_response(200)
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()

    def _drip(self, chunk: bytes, times: int, pause: float) -> None:
        try:
            for _ in range(times):
                self.wfile.write(chunk)
                self.wfile.flush()
                if pause:
                    time.sleep(pause)
        except OSError:
            pass  # the client gave up, as it should

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    srv.daemon_threads = True
    _Hostile.hits = []
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def _bounded(fn, limit_s: float):  # type: ignore[no-untyped-def]
    """Run fn in a thread; (finished in time, its exception or None, seconds taken)."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # noqa: BLE001
            box["error"] = e

    t0 = time.monotonic()
    th = threading.Thread(target=run, daemon=True)
    th.start()
    th.join(limit_s)
    return not th.is_alive(), box.get("error"), time.monotonic() - t0


# -- XML: entity expansion, external entities, DTDs ------------------------------------------

BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'.encode()
                             for i in range(1, 10)).replace(b"&lol0;", b"&lol;")
                  + b"]><rss><channel><item><description>&lol9;</description></item></channel></rss>")
QUADRATIC = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "' + b"a" * 50_000 + b'">]><rss><channel><item>'
             b"<description>" + b"&a;" * 50_000 + b"</description></item></channel></rss>")


@pytest.mark.parametrize("doc", [
    BILLION_LAUGHS,
    QUADRATIC,
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<rss><channel><item><description>&x;</description></item></channel></rss>",
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
    b"<rss><channel>" + ITEM.encode() + b"</channel></rss>",
    b'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "http://169.254.169.254/latest/meta-data/">]>'
    b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>&x;</content></entry></feed>',
], ids=["billion-laughs", "quadratic-blowup", "xxe-file", "xxe-parameter", "xxe-http-metadata"])
def test_entity_tricks_are_refused_quickly(doc: bytes) -> None:
    t0 = time.monotonic()
    items = list(parse_feed(doc, "evil.xml"))
    assert time.monotonic() - t0 < 5
    assert len(items) == 1 and isinstance(items[0], InputError), items
    assert items[0].origin == "evil.xml" and "Entit" in items[0].reason
    assert "root:" not in items[0].reason and "pwned" not in items[0].reason


def test_external_dtd_is_never_fetched(server: str) -> None:
    """A DOCTYPE naming an external DTD (RSS 0.91 feeds still carry one) must not make kronika
    fetch it; its entities must not expand."""
    doc = (f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{server}/evil.dtd">'
           f"<rss><channel>{ITEM}<item><description>&x;</description></item></channel></rss>").encode()
    items = list(parse_feed(doc, "dtd.xml"))
    assert "/evil.dtd" not in _Hostile.hits
    assert all("pwned" not in (i.text if isinstance(i, Article) else i.reason) for i in items)


def test_feed_from_file_with_bomb_is_reported_by_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "bomb.rss"
    f.write_bytes(BILLION_LAUGHS)
    (err,) = list(feeds.read_feed_file(f))
    assert isinstance(err, InputError) and err.origin == str(f)


# -- SSRF: schemes, addresses, names, redirects ------------------------------------------------

@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "file://localhost/etc/passwd", "ftp://127.0.0.1/", "gopher://127.0.0.1:70/",
    "dict://127.0.0.1:11211/", "data:text/plain,hello", "/etc/passwd", "javascript:alert(1)",
])
def test_non_http_schemes_refused(url: str) -> None:
    with pytest.raises(FetchError, match="only http"):
        fetch(url, timeout=1)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://127.1/", "http://0.0.0.0/", "http://0/", "http://localhost/",
    "http://LOCALHOST./", "http://[::1]/", "http://[::]/", "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/", "http://2130706433/", "http://0x7f000001/", "http://017700000001/",
    "http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.1.1/", "http://100.64.0.1/",
    "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://[fc00::1]/",
    "http://224.0.0.1/", "http://255.255.255.255/", "http://user:pw@127.0.0.1:8080/",
    "https://127.0.0.1:443/",
])
def test_private_and_special_addresses_refused(url: str) -> None:
    ok, err, took = _bounded(lambda: fetch(url, timeout=1), 10)
    assert ok and isinstance(err, FetchError), (url, err)
    assert took < 5


def test_public_looking_name_resolving_to_private_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo

    def fake(host, *a, **k):  # type: ignore[no-untyped-def]
        if host == "news.example.com":  # DNS rebinding / a name pointing inside
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", 80)),
                    (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80))]
        return real(host, *a, **k)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with pytest.raises(FetchError, match="non-public"):
        fetch("http://news.example.com/rss", timeout=1)


@pytest.mark.parametrize("target", [
    "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/", "http://localhost:9/",
    "http://[::1]:9/", "http://10.0.0.1/", "gopher://127.0.0.1/",
])
def test_redirects_to_forbidden_places_refused(server: str, target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first hop (our loopback server) stands for a public host; where it redirects is checked."""
    real = feeds._resolve
    first = server + "/to/x"

    def check(url: str, allow_private: bool) -> feeds._Target:
        return real(url, url == first or allow_private)

    monkeypatch.setattr(feeds, "_resolve", check)
    _Hostile.target = target
    with pytest.raises(FetchError) as e:
        fetch(first, timeout=2)
    assert "only http" in str(e.value) or "non-public" in str(e.value)
    assert _Hostile.hits == ["/to/x"]


def test_read_url_reports_the_refusal_by_url() -> None:
    (err,) = list(read_url("http://169.254.169.254/latest/meta-data/", timeout=1))
    assert isinstance(err, InputError) and err.origin.startswith("http://169.254.169.254")


# -- slow, stalled, endless, lying responses ---------------------------------------------------

def test_endless_response_is_cut_at_the_size_limit(server: str) -> None:
    ok, err, took = _bounded(lambda: fetch(server + "/endless", allow_private=True, timeout=5,
                                           max_bytes=1_000_000), 30)
    assert ok and isinstance(err, FetchError) and "too large" in str(err)


def test_lying_content_length_does_not_get_past_the_limit(server: str) -> None:
    ok, err, took = _bounded(lambda: fetch(server + "/lying-length", allow_private=True, timeout=5,
                                           max_bytes=100_000), 30)
    assert ok
    # httpx stops at the declared length, or the size limit stops it: never more than the limit
    assert err is None or isinstance(err, FetchError)


def test_stalled_response_times_out(server: str) -> None:
    ok, err, took = _bounded(lambda: fetch(server + "/stall", allow_private=True, timeout=1), 20)
    assert ok and isinstance(err, FetchError) and "timed out" in str(err)
    assert took < 4


def test_trickling_response_is_bounded_in_total_time(server: str) -> None:
    ok, err, took = _bounded(lambda: fetch(server + "/trickle", allow_private=True, timeout=1), 6)
    assert ok and took < 5 and isinstance(err, FetchError)
