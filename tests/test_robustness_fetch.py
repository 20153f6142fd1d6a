"""The fetcher against a hostile server, round two (issue 16): Content-Encoding bombs in layers,
DNS rebinding between check and connect, and the overall deadline of --follow-links. Everything
runs on loopback; no test touches the network. Code: ingest/feeds.py.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from kronika.ingest import feeds
from kronika.ingest.feeds import FetchError, fetch, read_url
from kronika.ingest.readers import InputError
from kronika.model import Article

MiB = 1024 * 1024


def _gzip_stream(chunks: Iterator[bytes]) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    return b"".join(c.compress(ch) for ch in chunks) + c.flush()


# 256 MiB of zeros, gzipped twice: about 1 KB on the wire
INNER = _gzip_stream(b"\0" * MiB for _ in range(256))
BOMB2 = gzip.compress(INNER, 9)
FEED = (b'<rss><channel><item><link>/page</link><description>Protesters gathered outside the council.'
        b"</description></item></channel></rss>")


class _Server(BaseHTTPRequestHandler):
    hosts: list[str] = []
    routes: dict[str, tuple[dict[str, str], bytes, float]] = {}

    def do_GET(self) -> None:  # noqa: N802
        self.hosts.append(self.headers.get("Host", ""))
        headers, body, pause = self.routes.get(self.path, ({}, b"", 0.0))
        if pause:
            time.sleep(pause)
        self.send_response(200 if self.path in self.routes else 404)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    srv.daemon_threads = True
    _Server.hosts, _Server.routes = [], {}
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


# ---------------------------------------------------------------- 1: layered compression
@pytest.mark.parametrize("encoding,body", [("gzip, gzip", BOMB2), ("gzip", INNER), ("x-gzip", INNER)])
def test_compression_bombs_stop_at_the_limit_with_bounded_memory(server: str, encoding: str, body: bytes) -> None:
    _Server.routes["/bomb"] = ({"Content-Encoding": encoding, "Content-Type": "application/rss+xml"}, body, 0)
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match="once decompressed"):
            fetch(server + "/bomb", allow_private=True, max_bytes=2 * MiB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * MiB, peak  # httpx's own decoders took 256 MiB here (and 2.1 GB at 1 GiB)


@pytest.mark.parametrize("encoding,encode", [
    ("gzip", gzip.compress), ("deflate", zlib.compress),
    ("deflate", lambda b: zlib.compress(b)[2:-4]),  # raw deflate, as some servers send it
    ("gzip, gzip", lambda b: gzip.compress(gzip.compress(b))),
    ("deflate, gzip", lambda b: gzip.compress(zlib.compress(b))),
    ("identity", lambda b: b), ("", lambda b: b),
    ("gzip", lambda b: gzip.compress(b[:50]) + gzip.compress(b[50:])),  # two gzip members
])
def test_honest_encodings_decode(server: str, encoding: str, encode: Any) -> None:
    _Server.routes["/feed"] = ({"Content-Encoding": encoding, "Content-Type": "application/rss+xml"}, encode(FEED), 0)
    assert fetch(server + "/feed", allow_private=True).data == FEED


@pytest.mark.parametrize("encoding,body,why", [
    ("br", b"\x1b\x00", "unsupported Content-Encoding"),
    ("gzip, gzip, gzip", gzip.compress(gzip.compress(gzip.compress(FEED))), "layers"),
    ("gzip", b"not gzip at all", "does not decompress"),
])
def test_bad_encodings_are_named_errors(server: str, encoding: str, body: bytes, why: str) -> None:
    _Server.routes["/x"] = ({"Content-Encoding": encoding}, body, 0)
    with pytest.raises(FetchError, match=why):
        fetch(server + "/x", allow_private=True)


# ---------------------------------------------------------------- 4: DNS rebinding
def test_the_connection_goes_to_the_address_that_was_checked(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A name answers a public address to the check and a private one to any later lookup. The
    fetcher resolves once and connects to what it checked, with the name in Host (and SNI)."""
    port = int(server.rsplit(":", 1)[1])
    real = socket.getaddrinfo
    lookups: list[str] = []

    def rebinding(host: Any, *args: Any, **kw: Any) -> Any:
        if host != "news.rebind.test":
            return real(host, *args, **kw)
        lookups.append(host)
        # first answer: the test server, standing for a public host; later: somewhere private
        addr = "127.0.0.1" if len(lookups) == 1 else "10.255.255.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (addr, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(feeds, "_public", lambda addr: str(addr) == "127.0.0.1")
    _Server.routes["/feed"] = ({"Content-Type": "application/rss+xml"}, FEED, 0)
    got = fetch(f"http://news.rebind.test:{port}/feed", timeout=3)
    assert got.data == FEED and got.url == f"http://news.rebind.test:{port}/feed"
    assert lookups == ["news.rebind.test"]              # one resolution, the checked one
    assert _Server.hosts == [f"news.rebind.test:{port}"]  # the site's name kept for the server


def test_https_keeps_the_name_for_sni(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo",
                        lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 443))])
    t = feeds._resolve("https://user:pw@News.Example.com/a?b=1", allow_private=False)
    assert str(t.url) == "https://93.184.216.34/a?b=1"
    assert t.host_header == "news.example.com" and t.sni == "news.example.com"


# ---------------------------------------------------------------- 13: --follow-links deadline
def test_follow_links_has_an_overall_deadline(server: str) -> None:
    items = "".join(f"<item><guid>g{i}</guid><link>{server}/slow{i}</link><description>Item {i} text about a "
                    f"protest.</description></item>" for i in range(6))
    _Server.routes["/feed"] = ({"Content-Type": "application/rss+xml"}, f"<rss><channel>{items}</channel></rss>".encode(), 0)
    for i in range(6):
        _Server.routes[f"/slow{i}"] = ({"Content-Type": "text/plain"}, b"A page that took its time.", 0.8)
    t0 = time.monotonic()
    got = list(read_url(server + "/feed", allow_private=True, follow_links=True, timeout=5, follow_deadline=1.5))
    took = time.monotonic() - t0
    arts = [g for g in got if isinstance(g, Article)]
    errs = [g for g in got if isinstance(g, InputError)]
    assert len(arts) == 6 and took < 4.5  # six pages at 0.8 s would take 4.8 s
    assert arts[0].text == "A page that took its time."
    assert any(a.text.startswith("Item 5") for a in arts)  # past the deadline: the feed's own text
    assert len(errs) == 1 and "deadline" in errs[0].reason
