"""Feeds: RSS/Atom parsing, and the fetcher's safety rules (schemes, private hosts, size, redirects)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kronika.ingest.feeds import FetchError, fetch, html_to_text, is_feed, parse_feed, read_url
from kronika.ingest.readers import InputError
from kronika.model import Article

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
<item><title>Протест у Києві</title><link>https://example.org/news/1</link><guid>n-1</guid>
<pubDate>Wed, 05 Jan 2022 10:00:00 +0200</pubDate>
<description>short</description>
<content:encoded><![CDATA[<p>Мітинг біля <b>Ради</b>.</p><p>Поліція затримала 11 людей.</p>]]></content:encoded>
</item>
<item><title>Empty</title><link>https://example.org/news/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Rally in Minsk</title><link rel="alternate" href="https://example.org/a/1"/><id>urn:x:1</id>
<published>2020-08-16T12:00:00Z</published><summary type="html">&lt;p&gt;Thousands marched.&lt;/p&gt;</summary>
</entry></feed>"""


def test_rss_items_become_articles() -> None:
    items = list(parse_feed(RSS.encode(), "feed.xml"))
    art, err = items
    assert isinstance(art, Article) and isinstance(err, InputError)
    assert art.text == "Мітинг біля Ради.\nПоліція затримала 11 людей."
    assert art.title == "Протест у Києві" and art.url == "https://example.org/news/1"
    assert art.published == "2022-01-05T10:00:00+02:00" and art.id.startswith("feed-")
    assert "item2" in err.origin and "no text" in err.reason
    # the id follows the guid, so an updated item replaces the stored one
    assert next(iter(parse_feed(RSS.replace("11 людей", "12 людей").encode(), "f"))).id == art.id  # type: ignore[union-attr]


def test_atom_entries_become_articles() -> None:
    (art,) = list(parse_feed(ATOM.encode(), "a.atom"))
    assert isinstance(art, Article)
    assert art.text == "Thousands marched." and art.url == "https://example.org/a/1"
    assert art.published and art.published.startswith("2020-08-16")


def test_bad_feeds_are_reported() -> None:
    assert isinstance(next(parse_feed(b"<rss><channel>", "x")), InputError)
    assert "not an RSS" in str(next(parse_feed(b"<html></html>", "x")))
    bomb = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            b"<rss><channel><item><description>&b;</description></item></channel></rss>")
    assert isinstance(next(parse_feed(bomb, "x")), InputError)  # defusedxml refuses entities
    assert is_feed(RSS.encode()) and is_feed(ATOM.encode()) and not is_feed(b"<html><body>")


def test_html_to_text() -> None:
    assert html_to_text("<p>a <i>b</i></p><script>x()</script><p>c</p>") == "a b\nc"
    assert html_to_text("plain   text") == "plain text"


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802
        status, headers, body = self.routes.get(self.path, (404, {}, b"no"))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{srv.server_address[1]}"
    _Handler.routes = {
        "/feed": (200, {"Content-Type": "application/rss+xml"}, RSS.encode()),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/hop": (302, {"Location": "/feed"}, b""),
        "/big": (200, {"Content-Type": "text/plain"}, b"x" * 5000),
        "/page": (200, {"Content-Type": "text/html; charset=utf-8"},
                  ("<html><head><title>P</title></head><body><article><p>" + "Протестувальники зібралися біля Ради. "
                   * 20 + "</p></article></body></html>").encode()),
    }
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield base
    srv.shutdown()
    srv.server_close()


def test_fetch_refuses_private_addresses_unless_allowed(server: str) -> None:
    with pytest.raises(FetchError, match="non-public"):
        fetch(server + "/feed")
    for url in ("http://127.0.0.1/", "http://[::1]/", "http://169.254.169.254/latest", "http://10.1.2.3/",
                "http://localhost/", "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/", "http://2130706433/"):
        with pytest.raises(FetchError):
            fetch(url, timeout=2)
    with pytest.raises(FetchError, match="only http"):
        fetch("file:///etc/passwd")
    with pytest.raises(FetchError, match="only http"):
        fetch("ftp://example.org/x")


def test_fetch_limits(server: str) -> None:
    got = fetch(server + "/hop", allow_private=True)
    assert got.url.endswith("/feed") and got.data == RSS.encode()
    with pytest.raises(FetchError, match="redirects"):
        fetch(server + "/loop", allow_private=True)
    with pytest.raises(FetchError, match="too large"):
        fetch(server + "/big", allow_private=True, max_bytes=1000)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(server + "/missing", allow_private=True)


def test_read_url_feed_and_page(server: str) -> None:
    items = list(read_url(server + "/feed", allow_private=True))
    assert isinstance(items[0], Article) and isinstance(items[1], InputError)
    (page,) = list(read_url(server + "/page", allow_private=True))
    assert isinstance(page, Article) and "Протестувальники" in page.text
    (err,) = list(read_url(server + "/feed"))
    assert isinstance(err, InputError) and "non-public" in err.reason


def test_every_redirect_hop_is_checked(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import kronika.ingest.feeds as feeds

    real = feeds._resolve
    asked: list[str] = []

    def check(url: str, allow_private: bool) -> feeds._Target:
        asked.append(url)
        if url.endswith("/feed"):  # the redirect target stands for a private host
            raise FetchError("host resolves to a non-public address")
        return real(url, True)

    monkeypatch.setattr(feeds, "_resolve", check)
    with pytest.raises(FetchError, match="non-public"):
        fetch(server + "/hop")
    assert asked == [server + "/hop", server + "/feed"]


def test_follow_links_fetches_each_items_page(server: str) -> None:
    feed = (f'<rss><channel><item><guid>g1</guid><link>{server}/page</link><title>T</title>'
            f'<pubDate>Wed, 05 Jan 2022 10:00:00 +0000</pubDate><description>teaser</description></item>'
            f'<item><guid>g2</guid><link>{server}/missing</link><description>kept teaser</description></item>'
            f'</channel></rss>').encode()
    _Handler.routes["/linked"] = (200, {"Content-Type": "application/rss+xml"}, feed)
    page, teaser = list(read_url(server + "/linked", allow_private=True, follow_links=True))
    assert isinstance(page, Article) and "Протестувальники" in page.text
    assert page.url == f"{server}/page" and page.published and page.published.startswith("2022-01-05")
    assert page.id == next(iter(parse_feed(feed, "f"))).id  # type: ignore[union-attr]
    # the page failed (404): the item's own text is kept
    assert isinstance(teaser, Article) and teaser.text == "kept teaser"
