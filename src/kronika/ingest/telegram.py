"""Telegram channels as articles: Telegram Desktop's JSON export and the public preview page.

Each message is an article: its text (a plain string, or the list of text parts with entities,
joined), its date as `published`, the channel as the article's outlet, the message's public link
(`https://t.me/<channel>/<id>`) as its URL; a forwarded message keeps its origin in
`forwarded_from`. Service messages (channel created, pinned, ...) and media without text are
skipped and counted, never reported as failures.

The export (`result.json`, "machine-readable JSON" in Telegram Desktop) can hold a channel's whole
history, hundreds of MB: it is streamed message by message with ijson, so memory stays bounded by
one message. The preview page (`https://t.me/s/<channel>`) is small (about 20 messages) and parsed
with lxml.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, BinaryIO

from ..model import Article
from .readers import InputError, Item, vet

MAX_MESSAGE_CHARS = 200_000
# `"messages": [` within the first bytes of a JSON object marks an export (the channel's name,
# type and id come first); a JSONL article line never has that key
_EXPORT_HEAD = re.compile(rb'^\s*\{[^\[]{0,4000}"messages"\s*:\s*\[', re.S)
_USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")
PREVIEW_MARK = "tgme_widget_message"


@dataclass(slots=True)
class Skipped:
    """What a channel's reading left out, by reason (for one summary line per input)."""

    origin: str
    counts: Counter[str] = field(default_factory=Counter)

    def __str__(self) -> str:
        parts = ", ".join(f"{n} {why}" for why, n in sorted(self.counts.items()))
        return f"{self.origin}: skipped {parts}"


SkipReport = Callable[[Skipped], None]


def is_export(head: bytes) -> bool:
    """Does a file starting with these bytes look like a Telegram Desktop channel export?"""
    return bool(_EXPORT_HEAD.match(head.lstrip(b"\xef\xbb\xbf")))


def is_preview_page(html: str) -> bool:
    return PREVIEW_MARK in html[:200_000] and "t.me" in html


def message_text(value: Any) -> str:
    """A message's text: a string, or Telegram's list of strings and {"type", "text"} parts."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        out = []
        for part in value:
            if isinstance(part, str):
                out.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                out.append(part["text"])
        return "".join(out)
    return ""


def _published(msg: dict[str, Any]) -> str | None:
    """UTC time of the message: `date_unixtime` is unambiguous; `date` is the exporting machine's
    local time, kept as written when the epoch is missing."""
    unix = msg.get("date_unixtime")
    if isinstance(unix, (str, int)) and str(unix).isdigit():
        return datetime.fromtimestamp(int(unix), UTC).isoformat().replace("+00:00", "Z")
    d = msg.get("date")
    return d[:19] if isinstance(d, str) and d[:4].isdigit() else None


def _channel_key(username: str | None, channel_id: Any) -> tuple[str, str]:
    """(id prefix, link base): the public username when known, else the numeric id's private
    link form (t.me/c/<id>/<msg>), which works for members of the channel."""
    if username:
        return username.lower(), f"https://t.me/{username}"
    cid = str(channel_id or "").removeprefix("channel")
    cid = cid if cid.isdigit() else "unknown"
    return cid, f"https://t.me/c/{cid}"


def read_export(f: BinaryIO, origin: str, *, username: str | None = None,
                on_skip: SkipReport | None = None) -> Iterator[Item]:
    """Articles from a Telegram Desktop export, streamed; `username` gives the public links."""
    import ijson

    if username and not _USERNAME.match(username):
        yield InputError(origin, f"not a Telegram channel username: {username!r}")
        return
    name: str | None = None
    channel_id: Any = None
    skipped = Skipped(origin)
    seen_list = False
    n = 0
    builder: Any = None
    try:
        # one pass over parse events: the channel's name and id come before its messages, and
        # each message is built alone, so memory holds one message whatever the file's size
        for prefix, event, value in ijson.parse(_ReadOnly(f), use_float=True):
            if builder is not None:
                builder.event(event, value)
                if prefix == "messages.item" and event in ("end_map", "end_array"):
                    n += 1
                    key, base = _channel_key(username, channel_id)
                    item = _message(builder.value, n, origin, key, base, name, skipped)
                    builder = None
                    if item is not None:
                        yield item
            elif prefix == "messages.item" and event in ("start_map", "start_array"):
                builder = ijson.ObjectBuilder()
                builder.event(event, value)
            elif prefix == "messages.item":   # a scalar where a message should be
                n += 1
                yield InputError(f"{origin}#message{n}", "a message that is not a JSON object")
            elif prefix == "messages" and event == "start_array":
                seen_list = True
            elif prefix == "name" and event == "string":
                name = value
            elif prefix == "id" and event == "number":
                channel_id = value
    except ijson.JSONError as e:
        yield InputError(origin, f"the Telegram export is not valid JSON: {e}")
        return
    if not seen_list:
        yield InputError(origin, "a JSON object without a 'messages' list: not a Telegram export")
        return
    if skipped.counts:
        (on_skip or _print_skip)(skipped)


class _ReadOnly:
    """Only .read(n): ijson prefers readinto where a stream has one, which raw wrappers lack."""

    def __init__(self, f: BinaryIO) -> None:
        self.read = f.read


def _message(msg: Any, n: int, origin: str, key: str, base: str, channel: str | None,
             skipped: Skipped) -> Item | None:
    where = f"{origin}#message{n}"
    if not isinstance(msg, dict):
        return InputError(where, "a message that is not a JSON object")
    if msg.get("type") != "message":
        skipped.counts["service messages"] += 1
        return None
    text = message_text(msg.get("text_entities")) or message_text(msg.get("text"))
    if not text.strip():
        skipped.counts["messages without text"] += 1
        return None
    if len(text) > MAX_MESSAGE_CHARS:
        return InputError(where, f"message text over {MAX_MESSAGE_CHARS} characters")
    mid = msg.get("id")
    if not isinstance(mid, int):
        return InputError(where, "message without a numeric id")
    forwarded = msg.get("forwarded_from")
    return vet(Article(
        text=text.replace("\r\n", "\n"), id=f"tg-{key}-{mid}", url=f"{base}/{mid}",
        published=_published(msg), origin=where, outlet=channel or (msg.get("from") or None),
        forwarded_from=forwarded if isinstance(forwarded, str) and forwarded else None))


def _print_skip(s: Skipped) -> None:
    import sys

    print(f"kronika: {s}", file=sys.stderr)


def read_preview(html: str, origin: str, on_skip: SkipReport | None = None) -> Iterator[Item]:
    """Articles from a channel's public preview page (`https://t.me/s/<channel>`)."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception as e:  # noqa: BLE001 - hostile markup is this page's problem only
        yield InputError(origin, f"HTML could not be parsed: {type(e).__name__}")
        return
    title = root.xpath('string(//meta[@property="og:title"]/@content)').strip() or None
    skipped = Skipped(origin)
    found = False
    for el in root.xpath('//div[contains(concat(" ", normalize-space(@class), " "), '
                         '" tgme_widget_message ")][@data-post]'):
        found = True
        post = el.get("data-post", "")
        m = re.fullmatch(r"([A-Za-z][A-Za-z0-9_]{3,31})/(\d+)", post)
        where = f"{origin}#{post}"
        if not m:
            yield InputError(where, "a message whose data-post is not channel/id")
            continue
        if "service_message" in (el.get("class") or ""):
            skipped.counts["service messages"] += 1
            continue
        texts = el.xpath('.//div[contains(@class, "tgme_widget_message_text")]')
        text = _element_text(texts[0]) if texts else ""
        if not text.strip():
            skipped.counts["messages without text"] += 1
            continue
        when = el.xpath('string(.//a[contains(@class, "tgme_widget_message_date")]//time/@datetime)')
        fwd = el.xpath('string(.//*[contains(@class, "tgme_widget_message_forwarded_from_name")])')
        channel, mid = m.group(1), m.group(2)
        yield vet(Article(text=text, id=f"tg-{channel.lower()}-{mid}", url=f"https://t.me/{channel}/{mid}",
                          published=when.strip() or None, origin=where, outlet=title or channel,
                          forwarded_from=" ".join(fwd.split()) or None))
    if not found:
        yield InputError(origin, "a Telegram preview page without messages")
    if skipped.counts:
        (on_skip or _print_skip)(skipped)


def _element_text(el: Any) -> str:
    """Text of a message element with <br> as line breaks (the page's only paragraph marker)."""
    for br in el.iter("br"):
        br.tail = "\ue000" + (br.tail or "")   # a marker: the markup's own newlines are only spaces
    return "\n".join(" ".join(ln.split()) for ln in el.text_content().split("\ue000") if ln.strip())
