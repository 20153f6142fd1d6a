"""RSS and Atom feeds, from files or the web, to Articles; a careful fetcher for URLs.

Parsing uses defusedxml (no entity expansion, no external entities); a feed document has a size
limit (readers.MAX_FEED_BYTES) and one without an encoding declaration that is not UTF-8 is
decoded like any text (decode.py). Fetching is http(s) only, with a timeout, an overall deadline,
a size limit on the bytes received and on the bytes decoded (across every Content-Encoding layer,
while streaming), a polite User-Agent, redirects followed by hand (at most MAX_REDIRECTS) and every
hop's host resolved once and checked: addresses that are not globally routable (private, loopback,
link-local, shared, reserved) or multicast are refused unless `allow_private` is given (tests serve
feeds on 127.0.0.1). The connection goes to the address that was checked (Host header and TLS SNI
keep the name), so a DNS answer that changes between check and connect (rebinding) cannot reach
a private address.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import socket
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import urljoin

from .. import __version__
from ..model import Article
from .decode import InputRejected, decode_bytes
from .readers import FEED_EXT, MAX_FEED_BYTES, InputError, Item, MiB, vet

if TYPE_CHECKING:
    import httpx

__all__ = ["FEED_EXT", "FetchError", "Fetched", "fetch", "is_feed", "parse_feed", "read_feed_file",
           "read_feed_stream", "read_url"]

USER_AGENT = f"kronika/{__version__} (news event research; +https://pypi.org/project/kronika/)"
TIMEOUT_S = 20.0
FOLLOW_DEADLINE_S = 300.0  # --follow-links: all item pages of one feed, together
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
# only encodings whose decoding can be bounded while streaming; at most this many layers
ACCEPT_ENCODING = "gzip, deflate"
MAX_ENCODING_LAYERS = 2
_PIECE = 64 * 1024  # most bytes one decompression step may produce

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_RSS1 = "{http://purl.org/rss/1.0/}"
_XML_DECL_ENCODING = re.compile(rb"^\s*<\?xml[^>]{0,200}?encoding\s*=", re.I)


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


@dataclass(slots=True)
class _Target:
    """Where one request goes: the URL as asked for, and the checked address it connects to."""
    url: httpx.URL          # with the checked IP address in place of the name
    host_header: str        # the name (and port) as the URL gave them
    sni: str | None         # the name TLS verifies the certificate against (https only)


def _public(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    # not globally routable covers private, loopback, link-local, shared (100.64/10), reserved
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return addr.is_global and not (addr.is_multicast or addr.is_private or addr.is_loopback)


def _resolve(url: str, allow_private: bool) -> _Target:
    """Resolve the URL's host once, check every address, and aim the request at the first one."""
    import httpx

    try:
        u = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as e:
        raise FetchError(f"not a valid URL: {e}") from e
    if u.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not {u.scheme or 'a bare path'}")
    host = u.raw_host.decode("ascii")
    if not host:
        raise FetchError("URL has no host")
    port = u.port or (443 if u.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as e:
        raise FetchError(f"cannot resolve host {host}: {e.strerror}") from e
    except UnicodeError as e:
        raise FetchError(f"cannot resolve host {host}: {e}") from e
    addrs = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not addrs:
        raise FetchError(f"cannot resolve host {host}")
    if not allow_private:
        for addr in addrs:
            if not _public(addr):
                raise FetchError(f"host {host} resolves to a non-public address ({addr}); "
                                 "refused (allow private addresses explicitly to fetch it)")
    netloc = u.netloc.decode("ascii")  # host[:port], IDNA-encoded, without credentials
    return _Target(u.copy_with(host=str(addrs[0]), username=None, password=None), netloc,
                   host.strip("[]") if u.scheme == "https" else None)


def _check_host(url: str, allow_private: bool) -> None:
    """Raise FetchError when `url` may not be fetched (scheme, host, address)."""
    _resolve(url, allow_private)


def fetch(url: str, *, allow_private: bool = False, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES,
          max_redirects: int = MAX_REDIRECTS, deadline: float | None = None, etag: str | None = None,
          last_modified: str | None = None) -> Fetched:
    """GET a URL with the safety rules above; raises FetchError with the reason.

    `timeout` bounds each connect/read and the whole fetch (redirects included); `deadline` (a
    time.monotonic() value) can end it sooner, so a caller bounds many fetches together. With
    `etag` or `last_modified` (from an earlier Fetched) the GET is conditional: an unchanged
    resource comes back as status 304 with no data."""
    import httpx

    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING,
               "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                         "text/html;q=0.8, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    # a server trickling a byte at a time cannot hold a worker: one deadline bounds it all
    end = time.monotonic() + timeout
    if deadline is not None:
        end = min(end, deadline)
    with httpx.Client(follow_redirects=False, timeout=timeout, headers=headers, trust_env=False) as client:
        for _hop in range(max_redirects + 1):
            if time.monotonic() > end:
                raise FetchError(f"timed out: the response took over {timeout:g} s in all")
            target = _resolve(url, allow_private)
            ext = {"sni_hostname": target.sni} if target.sni else {}
            try:
                with client.stream("GET", target.url, headers={"Host": target.host_header},
                                   extensions=ext) as resp:
                    if resp.status_code == 304:
                        return Fetched(url, resp.headers.get("content-type", ""), b"", 304,
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
                    data = _read_body(resp, max_bytes, end, timeout)
                    return Fetched(url, resp.headers.get("content-type", ""), data, resp.status_code,
                                   resp.headers.get("etag"), resp.headers.get("last-modified"))
            except httpx.TimeoutException as e:
                raise FetchError(f"timed out after {timeout:g} s") from e
            except httpx.HTTPError as e:
                raise FetchError(f"{type(e).__name__}: {e}") from e
    raise FetchError(f"more than {max_redirects} redirects")


def _read_body(resp: httpx.Response, max_bytes: int, end: float, timeout: float) -> bytes:
    """The body, decoded from its Content-Encoding layers here (not by httpx, whose decoders inflate
    a whole chunk at once): each layer inflates at most _PIECE bytes per step, and the bytes every
    layer produces are counted, so a gzip-in-gzip bomb stops at `max_bytes`, not at 1 GiB."""
    layers = _Layers(resp.headers.get("content-encoding", ""), max_bytes)
    out = bytearray()
    received = 0
    for chunk in resp.iter_raw():  # as received: a chunk size would wait for the bytes to pile up
        if time.monotonic() > end:
            raise FetchError(f"timed out: the response took over {timeout:g} s in all")
        received += len(chunk)
        if received > max_bytes:
            raise FetchError(f"too large: over {max_bytes} bytes")
        for piece in layers.feed(chunk):
            out += piece
            if len(out) > max_bytes:
                raise FetchError(f"too large: over {max_bytes} bytes once decompressed")
    layers.finish()
    return bytes(out)


class _Layers:
    """Streaming, bounded decoding of a Content-Encoding list ("gzip, gzip": gzip applied twice)."""

    def __init__(self, header: str, max_bytes: int) -> None:
        codings = [c.strip().lower() for c in header.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        for c in codings:
            if c not in ("gzip", "x-gzip", "deflate"):
                raise FetchError(f"unsupported Content-Encoding {c!r} (only {ACCEPT_ENCODING} are accepted)")
        if len(codings) > MAX_ENCODING_LAYERS:
            raise FetchError(f"Content-Encoding has {len(codings)} layers; at most {MAX_ENCODING_LAYERS} "
                             "are decoded")
        self.codings = list(reversed(codings))  # the last applied is undone first
        self.decoders: list[zlib._Decompress | None] = [None] * len(self.codings)
        self.produced = [0] * len(self.codings)
        self.max_bytes = max_bytes

    def feed(self, data: bytes, layer: int = 0) -> Iterator[bytes]:
        if layer == len(self.codings):
            yield data
            return
        while data:
            d = self.decoders[layer]
            if d is None:
                d = self.decoders[layer] = self._decoder(self.codings[layer], data)
            try:
                out = d.decompress(data, _PIECE)
            except zlib.error as e:
                raise FetchError(f"{self.codings[layer]} body does not decompress: {e}") from e
            self.produced[layer] += len(out)
            if self.produced[layer] > self.max_bytes:
                raise FetchError(f"too large: over {self.max_bytes} bytes once decompressed "
                                 f"(Content-Encoding layer {layer + 1})")
            if out:
                yield from self.feed(out, layer + 1)
            if d.eof:
                # a gzip body may hold several members; anything else after the end is ignored
                rest = d.unused_data
                self.decoders[layer] = None
                data = rest if rest[:2] == b"\x1f\x8b" and "gzip" in self.codings[layer] else b""
            else:
                data = d.unconsumed_tail

    def finish(self) -> None:
        for layer, d in enumerate(self.decoders):
            if d is not None and not d.eof and self.produced[layer] == 0:
                raise FetchError(f"{self.codings[layer]} body is cut off")

    @staticmethod
    def _decoder(coding: str, head: bytes) -> zlib._Decompress:
        if coding != "deflate":
            return zlib.decompressobj(zlib.MAX_WBITS | 16)
        # "deflate" is zlib-wrapped by the standard, raw deflate by some servers
        zlib_header = len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS)


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
        root = fromstring(_xml_bytes(data))
    except InputRejected as e:
        yield InputError(origin, f"feed: {e}")
        return
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
        # a link the readers refuse (a port 99999) makes this item an error, not the feed
        yield vet(Article(text=text, id=ident, url=link, published=published,
                          title=html_to_text(title) if title else None, origin=where), strict=True)


def _xml_bytes(data: bytes) -> bytes:
    """The document as the XML parser should get it. XML without a BOM or an encoding declaration
    is UTF-8 by the standard, but feeds in cp1251/koi8 without one exist: bytes that are not UTF-8
    are decoded like any text input (decode.py) and handed over as UTF-8."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or _XML_DECL_ENCODING.match(data):
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    text, _enc = decode_bytes(data)
    return text.encode("utf-8")


def read_feed_stream(f: BinaryIO, origin: str) -> Iterator[Item]:
    """A feed document from a stream: at most MAX_FEED_BYTES are read; a bigger one is refused."""
    data = f.read(MAX_FEED_BYTES + 1)
    if len(data) > MAX_FEED_BYTES:
        yield InputError(origin, f"feed too large: over {MAX_FEED_BYTES // MiB} MiB for one RSS/Atom "
                                 "document (split it, or give the items as JSONL)")
        return
    yield from parse_feed(data, origin)


def read_feed_file(path: Path) -> Iterator[Item]:
    try:
        with open(path, "rb") as f:
            yield from read_feed_stream(f, str(path))
    except OSError as e:
        yield InputError(str(path), f"cannot read: {e.strerror or e}")


def read_url(url: str, *, allow_private: bool = False, follow_links: bool = False,
             timeout: float = TIMEOUT_S, follow_deadline: float = FOLLOW_DEADLINE_S) -> Iterator[Item]:
    """Articles behind a URL: a feed's items (with `follow_links`, each item's page fetched for the
    full text, the item's own text kept when that fails), or one HTML or text page.

    Following links ends at `follow_deadline` seconds for the whole feed: the items left then keep
    their feed text, and one InputError says how many that was."""
    try:
        got = fetch(url, allow_private=allow_private, timeout=timeout)
    except FetchError as e:
        yield InputError(url, str(e))
        return
    yield from items_of(got, url, allow_private=allow_private, follow_links=follow_links, timeout=timeout,
                        follow_deadline=follow_deadline)


def items_of(got: Fetched, url: str, *, allow_private: bool = False, follow_links: bool = False,
             timeout: float = TIMEOUT_S, follow_deadline: float = FOLLOW_DEADLINE_S) -> Iterator[Item]:
    """Articles in a fetched response: a feed's items, a Telegram preview page's messages, or the
    page itself."""
    if is_feed(got.data) or any(x in got.content_type for x in ("rss", "atom")):
        deadline = time.monotonic() + follow_deadline
        unfollowed = 0
        for item in parse_feed(got.data, url):
            if follow_links and isinstance(item, Article) and item.url:
                if time.monotonic() >= deadline:
                    unfollowed += 1
                else:
                    page = _page_article(item.url, allow_private, timeout, deadline)
                    if isinstance(page, Article):
                        page.id, page.url = item.id, item.url
                        page.title = page.title or item.title
                        page.published = page.published or item.published
                        item = page
            yield item
        if unfollowed:
            yield InputError(url, f"--follow-links stopped at its deadline of {follow_deadline:g} s: "
                                  f"{unfollowed} item(s) kept their feed text")
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


def _page_article(url: str, allow_private: bool, timeout: float, deadline: float) -> Item:
    try:
        got = fetch(url, allow_private=allow_private, timeout=timeout, deadline=deadline)
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
