"""Read articles from files, folders and stdin.

Every input yields Articles or InputErrors (which input, why); one bad input never stops the
rest. JSONL is streamed line by line, so memory stays bounded on any file size.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..model import Article
from .decode import InputRejected, decode_bytes

MAX_DOC_BYTES = 20 * 1024 * 1024      # one text/HTML document, or one JSON line
TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson", ".json"}
READABLE_EXT = TEXT_EXT | HTML_EXT | JSONL_EXT


@dataclass(slots=True)
class InputError:
    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Item = Article | InputError


def read_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Articles from each path in order: files, folders (recursively, sorted), '-' for stdin."""
    for p in paths:
        if p == "-":
            yield from read_stream(stdin or sys.stdin.buffer, "<stdin>")
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in READABLE_EXT
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
            if not files:
                yield InputError(p, "folder holds no .jsonl, .txt or .html files")
            for f in files:
                yield from read_file(f)
        elif path.exists():
            yield from read_file(path)
        else:
            yield InputError(p, "no such file or folder")


def read_file(path: Path) -> Iterator[Item]:
    origin = str(path)
    try:
        with open(path, "rb") as f:
            yield from read_stream(f, origin, suffix=path.suffix.lower())
    except OSError as e:
        yield InputError(origin, f"cannot read: {e.strerror or e}")


def read_stream(f: BinaryIO, origin: str, suffix: str = "") -> Iterator[Item]:
    head = f.read(4096)
    kind = _sniff(head, suffix)
    rest = _Prefixed(head, f)
    if kind == "jsonl":
        yield from _read_jsonl(rest, origin)
        return
    data = rest.read(MAX_DOC_BYTES + 1)
    if len(data) > MAX_DOC_BYTES:
        yield InputError(origin, f"too large: over {MAX_DOC_BYTES // (1024 * 1024)} MiB for one document "
                                 "(split it, or give it as JSONL with one article per line)")
        return
    try:
        text, _enc = decode_bytes(data)
    except InputRejected as e:
        yield InputError(origin, str(e))
        return
    if kind == "html":
        yield from _html_article(text, origin)
    else:
        yield from _text_article(text, origin, Path(origin).stem if origin != "<stdin>" else "")


def _sniff(head: bytes, suffix: str) -> str:
    if suffix in JSONL_EXT:
        return "jsonl"
    if suffix in HTML_EXT:
        return "html"
    if suffix in TEXT_EXT:
        return "text"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "jsonl"
    low = stripped[:512].lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<body" in low or b"<p>" in low:
        return "html"
    return "text"


def _text_article(text: str, origin: str, stem: str) -> Iterator[Item]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        yield InputError(origin, "empty: no text")
        return
    yield Article(text=text, origin=origin)


def _html_article(html: str, origin: str) -> Iterator[Item]:
    from .html import article_from_html

    try:
        art = article_from_html(html, origin)
    except InputRejected as e:
        yield InputError(origin, str(e))
        return
    yield art


def _read_jsonl(f: BinaryIO, origin: str) -> Iterator[Item]:
    lineno = 0
    while True:
        raw = f.readline(MAX_DOC_BYTES + 1)
        if not raw:
            break
        lineno += 1
        where = f"{origin}:{lineno}"
        if len(raw) > MAX_DOC_BYTES and not raw.endswith(b"\n"):
            # skip the rest of the over-long line without holding it in memory
            while raw and not raw.endswith(b"\n"):
                raw = f.readline(1024 * 1024)
            yield InputError(where, f"line too long: over {MAX_DOC_BYTES // (1024 * 1024)} MiB")
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
            yield InputError(where, f"malformed JSON line: {e.msg} at column {e.colno}")
            continue
        if not isinstance(obj, dict):
            yield InputError(where, "JSON line is not an object")
            continue
        try:
            art = Article.from_dict(obj, origin=where)
        except ValueError as e:
            yield InputError(where, str(e))
            continue
        if not art.text.strip():
            yield InputError(where, "empty: field 'text' holds no text")
            continue
        yield art


class _Prefixed(io.RawIOBase):
    """A binary stream with bytes already read from it put back in front."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            out, self._head = self._head + self._rest.read(), b""
            return out
        out, self._head = self._head[:n], self._head[n:]
        if len(out) < n:
            out += self._rest.read(n - len(out))
        return out

    def readline(self, limit: int = -1) -> bytes:
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
        if p != "-" and os.path.isfile(p):
            n += os.path.getsize(p)
        elif p != "-" and os.path.isdir(p):
            for root, _, files in os.walk(p):
                n += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return n
