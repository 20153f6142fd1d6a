"""One input reader for every command: files, folders, stdin, feeds and URLs to Articles.

`kronika extract`, `kronika ingest` and the process pool all read through `read_all`, so a kind of
input is recognised the same way everywhere: JSONL by its suffix or a leading `{`, RSS/Atom/XML by
its suffix or its first element (a feed, whatever the suffix; an XML bomb is refused, never read as
text), HTML and plain text otherwise; http(s) URLs are fetched (ingest/feeds.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO

from .readers import Item, read_inputs


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def read_all(paths: Iterable[str], *, allow_private: bool = False, follow_links: bool = False,
             stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Articles and InputErrors from each input in order (see the module's docstring)."""
    for p in paths:
        if is_url(p):
            from .feeds import read_url

            yield from read_url(p, allow_private=allow_private, follow_links=follow_links)
        else:
            yield from read_inputs([p], stdin=stdin)
