"""Read articles from files, folders and stdin.

Every input yields Articles or InputErrors (which input, why); one bad input never stops the
rest. JSONL is streamed line by line, so memory stays bounded on any file size; one text or HTML
document, one JSON line and one article text each have a hard size limit (below).
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from ..model import Article
from .decode import InputRejected, decode_bytes

MiB = 1024 * 1024
MAX_DOC_BYTES = 8 * MiB        # one .txt/.html document (HTML carries markup, UTF-16 doubles)
MAX_LINE_BYTES = 16 * MiB      # one JSON line (\\uXXXX escapes take 6 bytes per character)
MAX_TEXT_CHARS = 200_000       # one article's text: 16x the longest dev article; a book is not news
MAX_FEED_BYTES = 32 * MiB      # one RSS/Atom document: a feed of 200 full-text items is a few MiB
MAX_URL_CHARS = 8192           # browsers and servers refuse longer URLs
MAX_ID_CHARS = 1000
MAX_TITLE_CHARS = 5000
PUBLISHED_YEARS = (1800, 2100)  # outside this a `published` date is a data error, not an anchor
TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson", ".json"}
FEED_EXT = {".xml", ".rss", ".atom", ".rdf"}
READABLE_EXT = TEXT_EXT | HTML_EXT | JSONL_EXT | FEED_EXT
# BCP 47 as news feeds write it: language, then an optional script and region ("uk", "uk-UA", "sr-Latn-RS")
_LANG = re.compile(r"[a-z]{2,3}(?:[-_][a-z]{4})?(?:[-_](?:[a-z]{2}|\d{3}))?")
# UTF-32 LE first: its BOM starts with the UTF-16 LE one
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# C0/C1 controls and DEL: never part of an id or a URL (they would also reach terminals raw)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)


@dataclass(slots=True)
class InputError:
    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Item = Article | InputError


def read_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Articles from each path in order: files, folders (recursively, sorted), '-' for stdin.
    RSS/Atom/XML documents are read as feeds wherever they come from (readers.read_stream)."""
    for p in paths:
        if p == "-":
            yield from read_stream(stdin or sys.stdin.buffer, "<stdin>")
            continue
        path = Path(p)
        try:
            if path.is_dir():
                files = folder_files(path)
                if not files:
                    yield InputError(p, "folder holds no .jsonl, .txt, .html or feed files")
                for f in files:
                    if isinstance(f, InputError):
                        yield f
                    else:
                        yield from read_file(f)
            elif path.exists():
                yield from read_file(path)
            else:
                yield InputError(p, "no such file or folder")
        except OSError as e:  # unreadable folder, too deep a tree, a name the OS refuses
            yield InputError(p, f"cannot read: {e.strerror or e}")


def folder_files(path: Path) -> list[Path | InputError]:
    """The readable files under a folder, sorted. A symbolic link (to a file or a folder) that
    leads out of the folder is not followed: an InputError names it instead, so a link to
    /etc/passwd dropped into a folder of articles is never read, stored or served."""
    root = path.resolve()
    out: list[tuple[str, Path | InputError]] = []
    for where, dirs, names in os.walk(path):  # does not descend into symlinked folders: no loops
        for d in list(dirs):
            link = Path(where, d)
            if not d.startswith(".") and link.is_symlink() and not _inside(link, root):
                out.append((str(link), InputError(str(link), _outside(link))))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for n in names:
            f = Path(where, n)
            if n.startswith(".") or f.suffix.lower() not in READABLE_EXT:
                continue
            if f.is_symlink() and not _inside(f, root):
                out.append((str(f), InputError(str(f), _outside(f))))
            elif f.is_file():
                out.append((str(f), f))
    return [x for _, x in sorted(out, key=lambda kv: kv[0])]


def _inside(link: Path, root: Path) -> bool:
    try:
        return link.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links
        return False


def _outside(link: Path) -> str:
    try:
        target = os.readlink(link)
    except OSError:
        target = "?"
    return f"symbolic link leading out of the folder (to {target}); skipped"


def read_file(path: Path) -> Iterator[Item]:
    origin = str(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            # a FIFO or device would block or never end; '-' is the way to pipe text in
            yield InputError(origin, "not a regular file (use - to read from a pipe)")
            return
        with open(path, "rb") as f:
            yield from read_stream(f, origin, suffix=path.suffix.lower())
    except OSError as e:
        yield InputError(origin, f"cannot read: {e.strerror or e}")


def read_stream(f: BinaryIO, origin: str, suffix: str = "") -> Iterator[Item]:
    head = f.read(4096)
    kind = _sniff(head, suffix)
    rest = _Prefixed(head, f)
    if kind == "jsonl":
        from .telegram import is_export, read_export

        if is_export(head):   # one JSON object holding a channel's messages, not JSON lines
            yield from read_export(rest, origin)  # type: ignore[arg-type]  # a binary stream
            return
        yield from _read_jsonl(rest, origin, head)  # type: ignore[arg-type]  # a binary stream
        return
    if kind == "feed":  # RSS/Atom (or any XML): its items are the articles, never its markup as text
        from .feeds import read_feed_stream

        yield from read_feed_stream(rest, origin)  # type: ignore[arg-type]  # a binary stream
        return
    data = rest.read(MAX_DOC_BYTES + 1)
    if len(data) > MAX_DOC_BYTES:
        yield InputError(origin, f"too large: over {MAX_DOC_BYTES // MiB} MiB for one document "
                                 "(split it, or give it as JSONL with one article per line)")
        return
    declared = None
    if kind == "html":
        m = _META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii") if m else None
    try:
        text, _enc = decode_bytes(data, declared)
    except InputRejected as e:
        yield InputError(origin, str(e))
        return
    del data
    if kind == "html":
        yield from _html_article(text, origin)
    else:
        yield from _text_article(text, origin)


def _sniff(head: bytes, suffix: str) -> str:
    """jsonl, feed, html or text: the suffix decides for JSONL and feeds; an XML document decides
    for itself under any other suffix (a .txt holding RSS is a feed, with the feed size limit)."""
    if suffix in JSONL_EXT:
        return "jsonl"
    if suffix in FEED_EXT:
        return "feed"
    for bom, enc in _WIDE_BOMS:
        if head.startswith(bom):  # sniff what the wide text says, not its bytes
            head = head[: len(head) // 4 * 4].decode(enc, "ignore").encode("utf-8")
            break
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    low = stripped[:1024].lower()
    if _is_xml(low):
        return "feed"
    if suffix in HTML_EXT:
        return "html"
    if suffix in TEXT_EXT:
        return "text"
    if stripped.startswith(b"{"):
        return "jsonl"
    if low.startswith((b"<!doctype html", b"<html")) or b"<body" in low or b"<p>" in low:
        return "html"
    return "text"


_XML_START = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]")


def _is_xml(low: bytes) -> bool:
    """An XML document that is not XHTML: a declaration or DOCTYPE first, or a feed's root element."""
    if _XML_START.match(low):
        return True
    if not low.startswith((b"<?xml", b"<!doctype")):
        return False
    return not re.search(rb"<!doctype\s+html|<html[\s>]", low)


def _text_article(text: str, origin: str) -> Iterator[Item]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        yield InputError(origin, "empty: no text")
        return
    yield from _checked(Article(text=_clean(text) or "", origin=origin))


def _html_article(html: str, origin: str) -> Iterator[Item]:
    from .html import article_from_html
    from .telegram import is_preview_page, read_preview

    if is_preview_page(html):   # a channel's public page (t.me/s/<name>): one article a message
        yield from read_preview(html, origin)
        return

    try:
        art = article_from_html(html, origin)
    except InputRejected as e:
        yield InputError(origin, str(e))
        return
    yield vet(art)


def vet(art: Article, strict: bool = False) -> Item:
    """An Article from elsewhere (HTML metadata, feed items, the API) made safe for the pipeline
    and the output: lone surrogates replaced, an unreadable or implausible `published` dropped,
    the text-length limit applied (an InputError then). A URL, id or title the readers refuse
    (a port 99999, control characters) is an InputError when `strict` (feed items: the item's own
    link), else dropped (page metadata a site got wrong)."""
    art.text = _clean(art.text) or ""
    art.title = _clean(art.title) or None
    art.url = _clean(art.url) or None
    art.published = _published(art.published, strict=False)
    where = art.origin or art.id
    for name, check in (("url", _url), ("title", _title)):
        try:
            setattr(art, name, check(getattr(art, name)))
        except ValueError as e:
            if strict:
                return InputError(where, str(e))
            setattr(art, name, None)
    try:
        art.id = _ident(art.id)
    except ValueError as e:
        return InputError(where, str(e))
    if not art.text.strip():
        return InputError(art.origin or art.id, "empty: no text")
    return next(_checked(art))


def _checked(art: Article) -> Iterator[Item]:
    if len(art.text) > MAX_TEXT_CHARS:
        yield InputError(art.origin or art.id, f"text too long: {len(art.text):,} characters, the limit "
                                               f"for one article is {MAX_TEXT_CHARS:,}")
        return
    yield art


def _read_jsonl(f: BinaryIO, origin: str, head: bytes) -> Iterator[Item]:
    lineno = 0
    for raw, complete in _json_lines(f, head):
        lineno += 1
        where = f"{origin}:{lineno}"
        if raw is None:
            yield InputError(where, f"line too long: over {MAX_LINE_BYTES // MiB} MiB")
            continue
        if not raw.strip():
            continue
        try:
            line, _ = decode_bytes(raw)
        except InputRejected as e:
            yield InputError(where, str(e))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            cut = "" if complete else " (the last line is cut off: a truncated file?)"
            yield InputError(where, f"malformed JSON line: {e.msg} at column {e.colno}{cut}")
            continue
        except RecursionError:
            yield InputError(where, "malformed JSON line: nested too deeply")
            continue
        except ValueError as e:  # e.g. an integer with more digits than Python converts
            yield InputError(where, f"malformed JSON line: {str(e).split(':')[0]}")
            continue
        if not isinstance(obj, dict):
            yield InputError(where, f"JSON line is not an object but {_json_type(obj)}")
            continue
        try:
            art = article_from_json(obj, origin=where)
        except ValueError as e:
            yield InputError(where, str(e))
            continue
        yield from _checked(art)


def _json_lines(f: BinaryIO, head: bytes) -> Iterator[tuple[bytes | None, bool]]:
    """(UTF-8 bytes of a line or None when over-long, whether it ended with a newline)."""
    for bom, enc in _WIDE_BOMS:
        if head.startswith(bom):
            yield from _wide_lines(f, enc)
            return
    while True:
        raw = f.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            # skip the rest of the over-long line without holding it in memory
            while raw and not raw.endswith(b"\n"):
                raw = f.readline(MiB)
            yield None, True
            continue
        yield raw, raw.endswith(b"\n")


def _wide_lines(f: BinaryIO, enc: str) -> Iterator[tuple[bytes | None, bool]]:
    """Lines of a UTF-16/32 file (a BOM says which), re-encoded as UTF-8, bounded like the rest."""
    dec = codecs.getincrementaldecoder(enc)(errors="replace")
    buf, skipping = "", False
    while True:
        chunk = f.read(MiB)
        buf += dec.decode(chunk, final=not chunk)
        while True:
            i = buf.find("\n")
            if i < 0:
                break
            line, buf = buf[: i + 1], buf[i + 1:]
            if skipping:
                skipping = False
            else:
                yield line.encode("utf-8", "surrogatepass"), True
        if len(buf) * 4 > MAX_LINE_BYTES:
            if not skipping:
                yield None, True
            buf, skipping = "", True
        if not chunk:
            if buf and not skipping:
                yield buf.encode("utf-8", "surrogatepass"), False
            return


def article_from_json(d: dict[str, Any], origin: str | None = None) -> Article:
    """An Article from a SCHEMA.md input object, its field types checked; ValueError says which."""
    text = d.get("text")
    if not isinstance(text, str):
        raise ValueError(f"field 'text' is {'missing' if text is None else _json_type(text)}, not a string")
    if not text.strip():
        raise ValueError("empty: field 'text' holds no text")
    aid = d.get("id")
    if isinstance(aid, bool) or not isinstance(aid, str | int | type(None)):
        raise ValueError(f"field 'id' is {_json_type(aid)}, not a string")
    lang = d.get("lang")
    if lang is not None and lang != "":
        if not isinstance(lang, str) or not _LANG.fullmatch(lang.strip().lower()):
            raise ValueError(f"field 'lang' is not a language code like 'uk': {_show(lang)}")
        lang = re.split(r"[-_]", lang.strip().lower())[0]  # uk-UA -> uk
    for key in ("url", "title", "outlet", "forwarded_from"):
        v = d.get(key)
        if v is not None and not isinstance(v, str):
            raise ValueError(f"field '{key}' is {_json_type(v)}, not a string")
    return Article(text=_clean(text) or "", id=_ident((_clean(str(aid)) or "") if aid not in (None, "") else ""),
                   lang=lang or None, url=_url(_clean(d.get("url"))),
                   published=_published(d.get("published")), title=_title(_clean(d.get("title"))),
                   origin=origin, outlet=_title(_clean(d.get("outlet"))),
                   forwarded_from=_title(_clean(d.get("forwarded_from"))))


def _url(v: str | None) -> str | None:
    """An article URL as stored and compared (store/urls.py): stripped, parseable, a port in range,
    no whitespace or control characters inside. ValueError names what is wrong."""
    if v is None or not v.strip():
        return None
    v = v.strip()
    if len(v) > MAX_URL_CHARS:
        raise ValueError(f"field 'url' is {len(v):,} characters long, over the limit of {MAX_URL_CHARS:,}")
    v = v.replace(" ", "%20")  # a sloppy feed's unencoded space: the address it means
    if _CONTROL.search(v) or any(ch.isspace() for ch in v):
        raise ValueError(f"field 'url' holds line breaks, tabs or control characters: {_show(v)}")
    try:
        parts = urlsplit(v)
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError as e:
        raise ValueError(f"field 'url' is not a valid URL ({e}): {_show(v)}") from None
    if parts.scheme.lower() in ("http", "https") and not parts.hostname:
        raise ValueError(f"field 'url' has no host: {_show(v)}")
    return v


def _ident(v: str) -> str:
    if len(v) > MAX_ID_CHARS:
        raise ValueError(f"field 'id' is {len(v):,} characters long, over the limit of {MAX_ID_CHARS:,}")
    if _CONTROL.search(v):
        raise ValueError(f"field 'id' holds control characters: {_show(v)}")
    return v


def _title(v: str | None) -> str | None:
    if v is None or not v.strip():
        return None
    if len(v) > MAX_TITLE_CHARS:
        raise ValueError(f"field 'title' is {len(v):,} characters long, over the limit of {MAX_TITLE_CHARS:,}")
    return v


def _published(v: Any, strict: bool = True) -> str | None:
    """`published` as an ISO string. ISO dates and datetimes (also a bare year or year-month) are
    kept as given; RFC 2822 (feeds, mail), dd.mm.yyyy and written-out dates become ISO; null or
    '' is absent. Anything else raises ValueError (strict) or is dropped (HTML metadata)."""
    if v is None or v == "":
        return None
    if isinstance(v, str):
        iso = _iso_published(v.strip()) if len(v) <= 100 else None
        if iso is not None and PUBLISHED_YEARS[0] <= int(iso[:4]) <= PUBLISHED_YEARS[1]:
            return iso
        if strict:
            why = "not a date" if iso is None else "not a plausible publication date"
            raise ValueError(f"field 'published' is {why}: {_show(v)}")
        return None
    if strict:
        raise ValueError(f"field 'published' is {_json_type(v)}, not an ISO date string like "
                         f"2022-01-05: {_show(v)}")
    return None


_YEAR_MONTH = re.compile(r"(1[89]|20|21)\d\d(-(0[1-9]|1[0-2]))?")
_DMY = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")


def _iso_published(s: str) -> str | None:
    if _YEAR_MONTH.fullmatch(s):
        return s
    try:
        datetime.fromisoformat(s.replace("Z", "+00:00"))
        return s
    except ValueError:
        pass
    try:
        date.fromisoformat(s[:10])
        if s[10:11] in ("T", " "):  # a date with a time part Python does not read: keep the day
            return s[:10]
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(s).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    m = _DMY.fullmatch(s)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            return None
    if not any(ch.isalpha() for ch in s) or not any(ch.isdigit() for ch in s):
        return None
    import dateparser  # written-out dates ("5 January 2022", "5 січня 2022"); rare, so imported late

    try:
        dt = dateparser.parse(s, languages=["en", "uk", "ru"],
                              settings={"STRICT_PARSING": True, "PREFER_DATES_FROM": "past"})
    except Exception:  # noqa: BLE001 - dateparser on odd strings; the date is then unreadable
        dt = None
    return dt.date().isoformat() if dt else None


def _clean(s: str | None) -> str | None:
    """Lone surrogates (from JSON \\ud800 escapes or broken decoders) cannot be written as UTF-8;
    U+FFFD keeps every character offset the same."""
    if s is None or not isinstance(s, str):
        return s
    return _SURROGATE.sub("\ufffd", s) if _SURROGATE.search(s) else s


def _json_type(v: Any) -> str:
    return {dict: "an object", list: "an array", bool: "a boolean", int: "a number", float: "a number",
            str: "a string", type(None): "null"}.get(type(v), type(v).__name__)


def _show(v: Any) -> str:
    r = json.dumps(v, ensure_ascii=False, default=str)
    return r if len(r) <= 60 else r[:57] + "..."


class _Prefixed(io.RawIOBase):
    """A binary stream with bytes already read from it put back in front."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def read(self, n: int | None = -1) -> bytes:
        if n is None or n < 0:
            out, self._head = self._head + self._rest.read(), b""
            return out
        out, self._head = self._head[:n], self._head[n:]
        if len(out) < n:
            out += self._rest.read(n - len(out))
        return out

    def readline(self, limit: int | None = -1) -> bytes:
        limit = -1 if limit is None else limit
        if self._head:
            i = self._head.find(b"\n")
            if i >= 0 and (limit < 0 or i + 1 <= limit):
                out, self._head = self._head[: i + 1], self._head[i + 1:]
                return out
            out, self._head = self._head, b""
            if limit >= 0:
                if len(out) >= limit:
                    self._head = out[limit:]
                    return out[:limit]
                return out + self._rest.readline(limit - len(out))
            return out + self._rest.readline()
        return self._rest.readline(limit)


def total_input_bytes(paths: Iterable[str]) -> int:
    """Size of the file inputs (for deciding on a progress bar); stdin counts as 0."""
    n = 0
    for p in paths:
        try:
            if p != "-" and os.path.isfile(p):
                n += os.path.getsize(p)
            elif p != "-" and os.path.isdir(p):
                for root, _, files in os.walk(p):
                    for f in files:
                        try:
                            n += os.path.getsize(os.path.join(root, f))
                        except OSError:  # a broken symlink, a file removed meanwhile
                            pass
        except OSError:
            pass
    return n
