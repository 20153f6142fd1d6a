"""A short fuzz run of the readers (hypothesis): any bytes, under every suffix, never crash.

`read_stream` must always return Articles or InputErrors: no exception escapes, an Article has
real text within the limits, no lone surrogates (they could not be written out as UTF-8), and a
`published` the pipeline can anchor on. Two byte strategies: raw bytes, and bytes glued from
pieces that steer into the interesting paths (BOMs, JSON, HTML, legacy Cyrillic, NULs).
Bounded to a few hundred examples per test: seconds, not minutes.
"""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kronika.ingest.decode import InputRejected, decode_bytes
from kronika.ingest.readers import MAX_TEXT_CHARS, PUBLISHED_YEARS, InputError, read_stream
from kronika.model import Article
from kronika.store.urls import canonical_url

SUFFIXES = ["", ".txt", ".md", ".html", ".htm", ".jsonl", ".json", ".ndjson", ".csv", ".xml", ".rss", ".atom"]
FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])

UK = "Протестувальники вийшли на майдан у Києві 5 січня 2022 року, повідомляє «Укрінформ»."
RU = "В Москве задержали более 200 человек, сообщает ТАСС."
PIECES = [
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00", b"\n", b"\r\n", b"\r", b" ", b"\t",
    b"{", b"}", b"[", b"]", b'"', b":", b",", b'"text"', b'"published"', b'"id"', b'"lang"', b'"title"',
    b'"2022-01-05"', b"null", b"true", b"1e999", b"-0", b"NaN", b'"\\ud800"', b'"\\u0000"', b"\\",
    b'{"text": "', b'"}\n', b'{"id": 1, "text": "abc", "published": "2022-01-05"}\n',
    b"<html>", b"<body>", b"<p>", b"</p>", b"<div>" * 300, b"<!DOCTYPE html>", b"<meta charset=koi8-r>",
    b'<meta charset="x-unknown">', b"<script>", b"<![CDATA[", b"&amp;", b"&#0;", b"&#xD800;",
    UK.encode(), RU.encode(), UK.encode("cp1251", "replace"), RU.encode("koi8-r"), UK.encode("utf-16"),
    RU.encode("utf-16-le"), RU.encode("cp866"), b"\x80\x81\x98", b"\xd0", b"\xe2\x80", b"\xf0\x9f\x94",
    # feeds: any suffix may hold one (readers._sniff), with hostile links and encodings
    b"<?xml version='1.0'?>", b"<?xml version='1.0' encoding='koi8-r'?>", b"<rss>", b"</rss>", b"<channel>",
    b"<item>", b"</item>", b"<link>http://x.example:99999/</link>", b"<link>http://[::1/</link>",
    b"<link>https://ok.example/a</link>", b"<description>", b"</description>", b"<feed xmlns='http://www.w3.org/2005/Atom'>",
    b'<!DOCTYPE r [<!ENTITY a "aaaa">]>', b"&a;", b"<guid>\x01</guid>",
]
glued = st.lists(st.sampled_from(PIECES), max_size=30).map(b"".join)
anything = st.one_of(st.binary(max_size=2048), glued)


def check_items(data: bytes, suffix: str) -> None:
    items = list(read_stream(io.BytesIO(data), "fuzz" + suffix, suffix=suffix))
    for it in items:
        assert isinstance(it, Article | InputError), it
        if isinstance(it, InputError):
            assert it.origin.startswith("fuzz") and isinstance(it.reason, str) and it.reason
            continue
        assert isinstance(it.text, str) and it.text.strip() and len(it.text) <= MAX_TEXT_CHARS
        for v in (it.text, it.id, it.title, it.url, it.lang, it.published):
            assert v is None or isinstance(v, str)
            if v:
                v.encode("utf-8")  # no lone surrogates
        if it.published:
            assert PUBLISHED_YEARS[0] <= int(it.published[:4]) <= PUBLISHED_YEARS[1]
        canonical_url(it.url)  # the store can key every URL a reader lets through
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in it.id)
        json.dumps(it.to_dict(), ensure_ascii=False).encode("utf-8")


@FUZZ
@given(data=anything, suffix=st.sampled_from(SUFFIXES))
def test_read_stream_never_crashes(data: bytes, suffix: str) -> None:
    check_items(data, suffix)


@FUZZ
@given(lines=st.lists(st.one_of(glued, st.binary(max_size=200)), max_size=8))
def test_jsonl_lines_are_independent(lines: list[bytes]) -> None:
    """A good line keeps its place whatever the lines around it hold. (The file starts with a
    good line: a BOM at the very start rightly decides the encoding of the whole file.)"""
    good = json.dumps({"id": "good", "text": UK}).encode()
    clean = [ln.replace(b"\n", b" ").replace(b"\r", b" ") for ln in lines]
    data = b"\n".join([good, *clean, good, *clean]) + b"\n"
    items = list(read_stream(io.BytesIO(data), "fuzz.jsonl", suffix=".jsonl"))
    assert sum(isinstance(i, Article) and i.id == "good" and i.text == UK for i in items) == 2, items
    check_items(data, ".jsonl")


@FUZZ
@given(data=anything, declared=st.none() | st.sampled_from(["cp1251", "koi8-r", "utf-8", "bogus", "", "'latin1'"]))
def test_decode_bytes_decodes_or_refuses(data: bytes, declared: str | None) -> None:
    try:
        text, enc = decode_bytes(data, declared)
    except InputRejected as e:
        assert str(e)
        return
    assert isinstance(text, str) and isinstance(enc, str) and enc


@settings(max_examples=60, deadline=None)
@given(text=st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=300),
       enc=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_round_trips(text: str, enc: str) -> None:
    """Any text written in a Unicode encoding with its BOM (or UTF-8) reads back as itself."""
    # FF FE 00 00 is the UTF-32 LE BOM, and also UTF-16 LE's BOM before a NUL: BOMs cannot tell
    assume(not (enc == "utf-16" and text.startswith("\x00")))
    try:
        got, _ = decode_bytes(text.encode(enc))
    except InputRejected:
        # refusing control-character soup as binary is allowed; refusing real text is not
        assert sum(ch.isprintable() or ch in " \t\n\r" for ch in text) < len(text) * 0.95 or "\x00" in text
        return
    assert got == text
