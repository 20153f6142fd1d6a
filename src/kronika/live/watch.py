"""`kronika watch`: poll feeds, pages and Telegram preview pages, store what is new, tell subscribers.

Each poll fetches every source that is due with a conditional GET (ETag / Last-Modified from its
previous answer, so an unchanged feed costs one small request), extracts and stores only articles
the store does not hold with the same text (one transaction per article, so stopping never leaves
half an article), and prints one line. A source that fails waits twice as long each time (up to
MAX_BACKOFF polls' worth) and is back on schedule after its next success. SIGINT and SIGTERM stop
the watcher after the article in hand. The fetcher's SSRF rules apply to sources and to the
notification URL alike.
"""

from __future__ import annotations

import json
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import FrameType
from typing import Any, TextIO

from ..ingest.feeds import Fetched, FetchError, fetch, items_of
from ..ingest.readers import InputError
from ..model import Article
from ..pipeline import extract
from ..store import Store
from ..store.changes import incident_ids_of_article, incident_with_evidence

MAX_BACKOFF = 32          # a failing source is retried at most every 32 intervals
NOTIFY_TIMEOUT_S = 10.0
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_UNIT_S = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_interval(text: str) -> float:
    """'10m', '30s', '1h', '1.5h', '500ms' or bare seconds to seconds; ValueError names the value."""
    m = _INTERVAL.match(text)
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"not an interval like 10m, 30s or 1h: {text!r}")
    return float(m.group(1)) * _UNIT_S[m.group(2) or "s"]


@dataclass(slots=True)
class SourceState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    due: float = 0.0            # monotonic time of its next poll
    last_error: str | None = None


@dataclass(slots=True)
class PollStats:
    n: int
    sources: int = 0
    not_modified: int = 0
    failed: int = 0
    items: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    bad: int = 0
    incidents: set[str] = field(default_factory=set)

    def line(self) -> str:
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return (f"{now} poll {self.n}: {self.sources} sources ({self.not_modified} not modified, "
                f"{self.failed} failed), {self.items} items: {self.new} new, {self.replaced} changed, "
                f"{self.unchanged} unchanged, {self.bad} unreadable; "
                f"{len(self.incidents)} incidents new or updated")


Notifier = Callable[[dict[str, Any]], None]


def stdout_notifier(out: TextIO = sys.stdout) -> Notifier:
    def send(incident: dict[str, Any]) -> None:
        out.write(json.dumps(incident, ensure_ascii=False, default=str) + "\n")
        out.flush()
    return send


def http_notifier(url: str, *, allow_private: bool = False, err: TextIO = sys.stderr) -> Notifier:
    """POST each incident as JSON; a failed POST is reported and does not stop the watcher."""
    import httpx

    from ..ingest.feeds import USER_AGENT, check_url

    check_url(url, allow_private)   # refuse a private target before the first poll, not at it

    def send(incident: dict[str, Any]) -> None:
        try:
            check_url(url, allow_private)   # DNS may change between polls
            r = httpx.post(url, json=incident, timeout=NOTIFY_TIMEOUT_S, follow_redirects=False,
                           headers={"User-Agent": USER_AGENT}, trust_env=False)
            if r.status_code >= 400:
                err.write(f"kronika: notify {url}: HTTP {r.status_code}\n")
        except (FetchError, httpx.HTTPError) as e:
            err.write(f"kronika: notify {url}: {type(e).__name__}: {e}\n")
    return send


class Watcher:
    """Polls sources into a store; `run` loops until stopped, `poll` does one round."""

    def __init__(self, store: Store, urls: list[str], every: float, *, notify: Notifier | None = None,
                 allow_private: bool = False, follow_links: bool = False,
                 fetcher: Callable[..., Fetched] = fetch, err: TextIO = sys.stderr) -> None:
        self.store = store
        self.sources = [SourceState(u) for u in dict.fromkeys(urls)]
        self.every = every
        self.notify = notify
        self.allow_private = allow_private
        self.follow_links = follow_links
        self.fetcher = fetcher
        self.err = err
        self.stop = threading.Event()
        self.polls = 0

    # -- the loop ---------------------------------------------------------------------------------
    def run(self, max_polls: int | None = None) -> None:
        while not self.stop.is_set():
            stats = self.poll()
            self.err.write(stats.line() + "\n")
            self.err.flush()
            if max_polls is not None and self.polls >= max_polls:
                break
            self.stop.wait(self._sleep_for())

    def _sleep_for(self) -> float:
        now = time.monotonic()
        return max(0.0, min(s.due for s in self.sources) - now) if self.sources else self.every

    def install_signals(self) -> None:
        """SIGINT and SIGTERM end the loop after the article in hand (its transaction completes)."""
        def handler(signum: int, _frame: FrameType | None) -> None:
            self.err.write(f"kronika: {signal.Signals(signum).name}: stopping after the current article\n")
            self.stop.set()
        signal.signal(signal.SIGINT, handler)
        signal.signal(signal.SIGTERM, handler)

    # -- one poll ---------------------------------------------------------------------------------
    def poll(self) -> PollStats:
        self.polls += 1
        stats = PollStats(self.polls)
        now = time.monotonic()
        for src in self.sources:
            if self.stop.is_set():
                break
            if src.due > now:
                continue
            stats.sources += 1
            self._poll_source(src, stats)
        if self.notify is not None:
            for iid in sorted(stats.incidents):
                inc = incident_with_evidence(self.store.conn, iid)
                if inc is not None:
                    self.notify(inc)
        return stats

    def _poll_source(self, src: SourceState, stats: PollStats) -> None:
        try:
            got = self.fetcher(src.url, allow_private=self.allow_private, etag=src.etag,
                               last_modified=src.last_modified)
        except FetchError as e:
            self._failed(src, stats, str(e))
            return
        src.etag, src.last_modified = got.etag, got.last_modified
        if got.status == 304:
            stats.not_modified += 1
            self._succeeded(src)
            return
        read = unreadable = 0   # this source's own, not the poll's
        for item in self._items(got, src.url):
            if self.stop.is_set():
                break
            if isinstance(item, InputError):
                unreadable += 1
                stats.bad += 1
                self.err.write(f"kronika: {item}\n")
                continue
            read += 1
            stats.items += 1
            self._store(item, stats)
        if unreadable and not read:
            self._failed(src, stats, "no readable item")
        else:
            self._succeeded(src)

    def _items(self, got: Fetched, url: str) -> Iterator[Article | InputError]:
        yield from items_of(got, url, allow_private=self.allow_private, follow_links=self.follow_links)

    def _store(self, art: Article, stats: PollStats) -> None:
        if self.store.is_unchanged(art):
            stats.unchanged += 1
            return
        try:
            status = self.store.put(art, extract(art))
        except (ValueError, TypeError) as e:   # a record the schema refuses: this article only
            stats.bad += 1
            self.err.write(f"kronika: {art.origin or art.id}: could not store: {e}\n")
            return
        if status == "unchanged":
            stats.unchanged += 1
            return
        if status == "replaced":
            stats.replaced += 1
        else:
            stats.new += 1
        stats.incidents.update(incident_ids_of_article(self.store.conn, art.id))

    def _succeeded(self, src: SourceState) -> None:
        src.failures, src.last_error = 0, None
        src.due = time.monotonic() + self.every

    def _failed(self, src: SourceState, stats: PollStats, why: str) -> None:
        stats.failed += 1
        src.failures += 1
        src.last_error = why
        wait = self.every * min(2 ** (src.failures - 1), MAX_BACKOFF)
        src.due = time.monotonic() + wait
        self.err.write(f"kronika: {src.url}: {why} (failure {src.failures}; next try in {wait:g} s)\n")
