"""RSS and Atom feeds, from files or the web, to Articles; a careful fetcher for URLs.

Parsing uses defusedxml (no entity expansion, no external entities). Fetching is http(s) only,
with a timeout, a size limit, a polite User-Agent, redirects followed by hand (at most
MAX_REDIRECTS) and every hop's host checked: addresses that are not globally routable (private,
loopback, link-local, shared, reserved) or multicast are refused unless `allow_private` is given (tests serve feeds on 127.0.0.1).
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..model import Article
from .decode import InputRejected, decode_bytes
from .readers import InputError, Item, vet

USER_AGENT = f"kronika/{__version__} (news event research; +https://pypi.org/project/kronika/)"
TIMEOUT_S = 20.0
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
FEED_EXT = {".xml", ".rss", ".atom", ".rdf"}

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_RSS1 = "{http://purl.org/rss/1.0/}"


class FetchError(Exception):
    """A URL that could not be fetched; the message says why."""


@dataclass(slots=True)
class Fetched:
    url: str            # the final URL after redirects
    content_type: str
    data: bytes
    status: int = 200   # 304 when a conditional GET found the resource unchanged (data is empty)
    etag: str | None = None
    last_modified: str | None = None


def _check_host(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not {parts.scheme or 'a bare path'}")
    host = parts.hostname
    if not host:
        raise FetchError("URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except socket.gaierror as e:
        raise FetchError(f"cannot resolve host {host}: {e.strerror}") from e
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        # not globally routable covers private, loopback, link-local, shared (100.64/10), reserved
        if not addr.is_global or addr.is_multicast or addr.is_private or addr.is_loopback:
            raise FetchError(f"host {host} resolves to a non-public address ({addr}); "
                             "refused (allow private addresses explicitly to fetch it)")


def fetch(url: str, *, allow_private: bool = False, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES,
          max_redirects: int = MAX_REDIRECTS, etag: str | None = None,
          last_modified: str | None = None) -> Fetched:
    """GET a URL with the safety rules above; raises FetchError with the reason. With `etag` or
    `last_modified` (from an earlier Fetched) the GET is conditional: an unchanged resource comes
    back as status 304 with no data."""
    import httpx

    headers = {"User-Agent": USER_AGENT,
               "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                         "text/html;q=0.8, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    # `timeout` bounds each connect/read; the deadline bounds the whole fetch, redirects included,
    # so a server trickling a byte at a time cannot hold a worker
    deadline = time.monotonic() + timeout
    with httpx.Client(follow_redirects=False, timeout=timeout, headers=headers, trust_env=False) as client:
        for _hop in range(max_redirects + 1):
            _check_host(url, allow_private)
            try:
                with client.stream("GET", url) as resp:
                    if resp.status_code == 304:
                        return Fetched(str(resp.url), resp.headers.get("content-type", ""), b"", 304,
                                       resp.headers.get("etag") or etag,
                                       resp.headers.get("last-modified") or last_modified)
                    if resp.is_redirect:
                        loc = resp.headers.get("location")
                        if not loc:
                            raise FetchError(f"redirect ({resp.status_code}) without a Location")
                        url = urljoin(url, loc)
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"HTTP {resp.status_code}")
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(f"too large: {declared} bytes (limit {max_bytes})")
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in resp.iter_bytes():
                        if time.monotonic() > deadline:
                            raise FetchError(f"timed out: the response took over {timeout:g} s in all")
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchError(f"too large: over {max_bytes} bytes")
                        chunks.append(chunk)
                    return Fetched(str(resp.url), resp.headers.get("content-type", ""), b"".join(chunks),
                                   resp.status_code, resp.headers.get("etag"),
                                   resp.headers.get("last-modified"))
            except httpx.TimeoutException as e:
                raise FetchError(f"timed out after {timeout:g} s") from e
            except httpx.HTTPError as e:
                raise FetchError(f"{type(e).__name__}: {e}") from e
    raise FetchError(f"more than {max_redirects} redirects")


def is_feed(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head.startswith(b"<"):
        return False
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def html_to_text(html: str) -> str:
    """Feed item HTML to plain text, one paragraph per line."""
    if "<" not in html:
        return "\n".join(" ".join(ln.split()) for ln in html.splitlines() if ln.strip())
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - broken markup: fall back to the raw text
        return " ".join(html.split())
    for el in list(root.iter("script", "style")):
        el.drop_tree()
    for el in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"):
        el.tail = "\n" + (el.tail or "")
    text = root.text_content()
    return "\n".join(" ".join(ln.split()) for ln in text.splitlines() if ln.strip())


def _text(el, tag: str) -> str | None:  # type: ignore[no-untyped-def]
    child = el.find(tag)
    if child is None:
        return None
    return "".join(child.itertext()).strip() or None


def _date(value: str | None) -> str | None:
    if not value:
        return None
    v = value.strip()
    try:
        return parsedate_to_datetime(v).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return v[:25] if v[:4].isdigit() else None


def parse_feed(data: bytes, origin: str) -> Iterator[Item]:
    """Articles from the items of an RSS 2.0/1.0 or Atom document."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(data)
    except (ParseError, DefusedXmlException, ValueError) as e:
        yield InputError(origin, f"feed is not well-formed XML: {e}")
        return
    if root.tag == f"{_ATOM}feed":
        entries = [(e, "atom") for e in root.iter(f"{_ATOM}entry")]
    elif root.tag == "rss":
        entries = [(e, "rss") for e in root.iter("item")]
    elif root.tag.endswith("RDF"):
        entries = [(e, "rss1") for e in root.iter(f"{_RSS1}item")]
    else:
        yield InputError(origin, f"not an RSS or Atom feed (root element {root.tag})")
        return
    if not entries:
        yield InputError(origin, "feed holds no items")
        return
    for n, (el, kind) in enumerate(entries, 1):
        where = f"{origin}#item{n}"
        if kind == "atom":
            title = _text(el, f"{_ATOM}title")
            link = None
            for ln in el.findall(f"{_ATOM}link"):
                if ln.get("rel", "alternate") == "alternate" and ln.get("href"):
                    link = ln.get("href")
                    break
            guid = _text(el, f"{_ATOM}id")
            published = _date(_text(el, f"{_ATOM}published") or _text(el, f"{_ATOM}updated"))
            body = _text(el, f"{_ATOM}content") or _text(el, f"{_ATOM}summary")
        else:
            ns = _RSS1 if kind == "rss1" else ""
            title = _text(el, f"{ns}title")
            link = _text(el, f"{ns}link")
            guid = _text(el, "guid")
            published = _date(_text(el, "pubDate") or _text(el, _DC_DATE))
            body = _text(el, _CONTENT) or _text(el, f"{ns}description")
        text = html_to_text(body or "")
        if not text.strip():
            yield InputError(where, "feed item holds no text")
            continue
        key = guid or link
        ident = "feed-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16] if key else ""
        yield vet(Article(text=text, id=ident, url=link, published=published,
                          title=html_to_text(title) if title else None, origin=where))


def read_feed_file(path: Path) -> Iterator[Item]:
    try:
        data = path.read_bytes()
    except OSError as e:
        yield InputError(str(path), f"cannot read: {e.strerror or e}")
        return
    yield from parse_feed(data, str(path))


def read_url(url: str, *, allow_private: bool = False, follow_links: bool = False,
             timeout: float = TIMEOUT_S) -> Iterator[Item]:
    """Articles behind a URL: a feed's items (with `follow_links`, each item's page fetched for the
    full text, the item's own text kept when that fails), or one HTML or text page."""
    try:
        got = fetch(url, allow_private=allow_private, timeout=timeout)
    except FetchError as e:
        yield InputError(url, str(e))
        return
    yield from items_of(got, url, allow_private=allow_private, follow_links=follow_links, timeout=timeout)


def items_of(got: Fetched, url: str, *, allow_private: bool = False, follow_links: bool = False,
             timeout: float = TIMEOUT_S) -> Iterator[Item]:
    """Articles in a fetched response: a feed's items, a Telegram preview page's messages, or the
    page itself."""
    if is_feed(got.data) or any(x in got.content_type for x in ("rss", "atom")):
        for item in parse_feed(got.data, url):
            if follow_links and isinstance(item, Article) and item.url:
                page = _page_article(item.url, allow_private, timeout)
                if isinstance(page, Article):
                    page.id, page.url = item.id, item.url
                    page.title = page.title or item.title
                    page.published = page.published or item.published
                    item = page
            yield item
        return
    if "html" in got.content_type:
        from .telegram import is_preview_page, read_preview

        text = _decoded(got)
        if text is not None and is_preview_page(text):
            yield from read_preview(text, url)
            return
    page = _article_of(got, url)
    yield page


def _decoded(got: Fetched) -> str | None:
    try:
        return decode_bytes(got.data)[0]
    except InputRejected:
        return None


def _page_article(url: str, allow_private: bool, timeout: float) -> Item:
    try:
        got = fetch(url, allow_private=allow_private, timeout=timeout)
    except FetchError as e:
        return InputError(url, str(e))
    return _article_of(got, url)


def _article_of(got: Fetched, origin: str) -> Item:
    try:
        text, _enc = decode_bytes(got.data)
    except InputRejected as e:
        return InputError(origin, str(e))
    if "html" in got.content_type or text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        from .html import article_from_html

        try:
            art = article_from_html(text, origin)
        except InputRejected as e:
            return InputError(origin, str(e))
        art.url = art.url or got.url
        return vet(art)
    if not text.strip():
        return InputError(origin, "empty: no text")
    return vet(Article(text=text, url=got.url, origin=origin))


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise FetchError unless url is http(s) to a public host (the rule every fetch applies)."""
    _check_host(url, allow_private)
