"""Opening the store and writing articles into it.

Connections use WAL (readers never block the writer and see only committed articles), foreign
keys, and a busy timeout so a reader and a writer in different processes coexist without
"database is locked". Each `Store.put` is one IMMEDIATE transaction holding the whole article —
its row, records, spans and incident links — so a crash (even kill -9) loses at most the article
in flight and never leaves half of one. All SQL takes parameters; no value is formatted into SQL.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from .. import __version__
from ..link.reconcile import attribute_counts
from ..model import Article, ArticleResult, Span
from . import search
from .filters import actors_folded, prepare
from .linking import incidents_of_article, link_event, refresh
from .schema import SCHEMA_VERSION, SchemaTooNew, StoreError, migrate
from .urls import canonical_url, content_hash

DEFAULT_DB = "kronika.db"
BUSY_TIMEOUT_MS = 30_000

PutStatus = Literal["inserted", "replaced", "unchanged"]


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, foreign keys on."""
    if readonly:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                               isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    prepare(conn)
    if not readonly:
        # switching a new file to WAL while another process does the same can answer SQLITE_BUSY at
        # once, without the busy handler: retry within the same time budget
        _retry_locked(lambda: conn.execute("PRAGMA journal_mode = WAL"))
        # WAL + NORMAL: a commit survives a process crash; only an OS crash may lose the last ones
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _retry_locked(fn: Callable[[], Any]) -> Any:
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.01
    while True:
        try:
            return fn()
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


@dataclass(slots=True)
class Existing:
    pk: int
    id: str
    content_hash: str


class Store:
    """The chronicle in one SQLite file. Use as a context manager or call close()."""

    def __init__(self, conn: sqlite3.Connection, path: str | Path) -> None:
        self.conn = conn
        self.path = Path(path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- identity ---------------------------------------------------------------------------------
    def find(self, article: Article) -> Existing | None:
        """The stored copy of this article: same id, else same canonical URL (its own or one it was
        seen under), else same text."""
        canon = canonical_url(article.url)
        for sql, arg in (("SELECT pk, id, content_hash FROM articles WHERE id = ?", article.id),
                         ("SELECT pk, id, content_hash FROM articles WHERE canonical_url = ?", canon),
                         ("SELECT a.pk, a.id, a.content_hash FROM sightings s JOIN articles a ON a.pk = s.article_pk "
                          "WHERE s.canonical_url = ? ORDER BY s.pk LIMIT 1", canon),
                         ("SELECT pk, id, content_hash FROM articles WHERE content_hash = ?",
                          content_hash(article.text))):
            if arg is None:
                continue
            row = self.conn.execute(sql, (arg,)).fetchone()
            if row:
                return Existing(*row)
        return None

    def is_unchanged(self, article: Article) -> bool:
        """Stored already with the same text (so extracting it again can be skipped)."""
        ex = self.find(article)
        return ex is not None and ex.content_hash == content_hash(article.text)

    def seen_again(self, article: Article) -> bool | None:
        """For an article stored already with the same text: record its URL as a sighting and say
        whether that URL is new (True) or known (False). None when it is not stored unchanged (it
        must be extracted and `put`)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            ex = self.find(article)
            if ex is None or ex.content_hash != content_hash(article.text):
                self.conn.execute("COMMIT")
                return None
            new = self._sight(ex.pk, article)
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        return new

    def sightings(self, article_id: str) -> list[dict[str, Any]]:
        """Every URL the article was seen under, first seen first."""
        rows = self.conn.execute(
            "SELECT s.url, s.origin, s.seen_at FROM sightings s JOIN articles a ON a.pk = s.article_pk "
            "WHERE a.id = ? ORDER BY s.pk", (article_id,)).fetchall()
        return [{"url": u, "origin": o, "seen_at": t} for u, o, t in rows]

    def _sight(self, pk: int, article: Article, seen_at: str | None = None) -> bool:
        canon = canonical_url(article.url)
        if not article.url or not canon:
            return False
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO sightings (article_pk, url, canonical_url, origin, seen_at) VALUES (?,?,?,?,?)",
            (pk, article.url, canon, article.origin, seen_at or _now()))
        return cur.rowcount > 0

    # -- writing ----------------------------------------------------------------------------------
    def put(self, article: Article, result: ArticleResult, force: bool = False) -> PutStatus:
        """Store one article with its records and link its events, atomically.

        The same article (id, canonical URL or text) already stored with the same text is left as
        it is ("unchanged") unless `force`; with a changed text (or `force`) its old records are
        replaced in the same transaction ("replaced")."""
        chash = content_hash(article.text)
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            ex = self.find(article)
            if ex is not None and ex.content_hash == chash and not force:
                self._sight(ex.pk, article)  # the same text under a new URL: another sighting
                self.conn.execute("COMMIT")
                return "unchanged"
            touched: set[int] = set()
            seen: list[tuple[str, str, str | None, str]] = []
            if ex is not None:
                touched = incidents_of_article(self.conn, ex.pk)
                seen = self.conn.execute("SELECT url, canonical_url, origin, seen_at FROM sightings "
                                         "WHERE article_pk = ? ORDER BY pk", (ex.pk,)).fetchall()
                self.conn.execute("DELETE FROM articles WHERE pk = ?", (ex.pk,))
            pk = self._insert(article, result, chash)
            # a replaced article keeps the addresses it was seen under, its new one added
            self.conn.executemany(
                "INSERT OR IGNORE INTO sightings (article_pk, url, canonical_url, origin, seen_at) VALUES (?,?,?,?,?)",
                [(pk, *row) for row in seen])
            self._sight(pk, article)
            for inc in touched:  # incidents that lost members: recompute or drop
                refresh(self.conn, inc)
            for (epk,) in self.conn.execute("SELECT pk FROM events WHERE article_pk = ? ORDER BY idx",
                                            (pk,)).fetchall():
                link_event(self.conn, epk)
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        return "replaced" if ex is not None else "inserted"

    def delete(self, article_id: str) -> bool:
        """Remove an article and its records; incidents it supported are recomputed."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            row = self.conn.execute("SELECT pk FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row:
                touched = incidents_of_article(self.conn, row[0])
                self.conn.execute("DELETE FROM articles WHERE pk = ?", (row[0],))
                for inc in touched:
                    refresh(self.conn, inc)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return row is not None

    def relink(self, on_event: Callable[[], object] | None = None) -> int:
        """Rebuild every incident from the stored events, in ingest order (after the linking rules
        changed). One transaction; incident ids derive from their first member, so an unchanged
        grouping keeps its ids. `on_event` is called after each event (progress display). Returns
        the number of incidents."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute("UPDATE events SET incident_pk = NULL")
            self.conn.execute("DELETE FROM incidents")
            for (epk,) in self.conn.execute("SELECT pk FROM events ORDER BY article_pk, idx").fetchall():
                link_event(self.conn, epk)
                if on_event is not None:
                    on_event()
            n = self.conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return int(n)

    def _insert(self, article: Article, result: ArticleResult, chash: str) -> int:
        c = self.conn
        cur = c.execute(
            """INSERT INTO articles (id, canonical_url, url, content_hash, lang, published, title, text, origin,
               relevant, result_json, extractor, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (article.id, canonical_url(article.url), article.url, chash, result.lang or article.lang,
             article.published, article.title, article.text, article.origin, int(result.relevant),
             json.dumps(result.to_dict(), ensure_ascii=False), __version__, _now()))
        pk = int(cur.lastrowid or 0)
        search.index_article(c, pk, article.title, article.text, result.lang or article.lang)
        spans: list[tuple[int, str, int, int, int, str]] = []

        def keep(owner: str, idx: int, ev: list[Span]) -> None:
            spans.extend((pk, owner, idx, s.start, s.end, s.text) for s in ev)

        event_pks: list[int] = []
        for i, e in enumerate(result.events):
            cur = c.execute(
                """INSERT INTO events (article_pk, idx, event_type, sub_event_type, disorder_type, date,
                   time_precision, country, admin1, location, geonameid, latitude, longitude, geo_precision,
                   actor1, actor2, actor1_name, actor2_name, fatalities, confidence, notes, actors_fold,
                   actor1_country, actor2_country, actor1_force, actor2_force)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                (pk, i, e.event_type, e.sub_event_type, e.disorder_type, e.date, e.time_precision, e.country,
                 e.admin1, e.location, e.geonameid, e.latitude, e.longitude, e.geo_precision, e.actor1,
                 e.actor2, e.actor1_name, e.actor2_name, e.fatalities, e.confidence, e.notes,
                 actors_folded(e.actor1, e.actor2, e.actor1_name, e.actor2_name), e.actor1_country,
                 e.actor2_country, e.actor1_force, e.actor2_force))
            event_pks.append(int(cur.lastrowid or 0))
            keep("event", i, e.evidence)
        owners = attribute_counts(result)
        c.executemany(
            """INSERT INTO counts (article_pk, idx, event_pk, kind, value, value_max, qualifier, subject,
               location, source) VALUES (?,?,?,?,?,?,?,?,?,?)""",
            [(pk, i, None if owner is None else event_pks[owner], n.kind, n.value, n.value_max,
              n.qualifier, n.subject, n.location, n.source)
             for i, (n, owner) in enumerate(zip(result.counts, owners, strict=True))])
        for i, n in enumerate(result.counts):
            keep("count", i, n.evidence)
        c.executemany("INSERT INTO sources (article_pk, idx, name, kind) VALUES (?,?,?,?)",
                      [(pk, i, s.name, s.kind) for i, s in enumerate(result.sources)])
        for i, s in enumerate(result.sources):
            keep("source", i, s.evidence)
        c.executemany("INSERT INTO quotes (article_pk, idx, text, speaker, speaker_role, via) VALUES (?,?,?,?,?,?)",
                      [(pk, i, q.text, q.speaker, q.speaker_role, q.via) for i, q in enumerate(result.quotes)])
        for i, q in enumerate(result.quotes):
            keep("quote", i, q.evidence)
        c.executemany("INSERT INTO spans (article_pk, owner, owner_idx, start, end, text) VALUES (?,?,?,?,?,?)",
                      spans)
        return pk

    # -- facts ------------------------------------------------------------------------------------
    def row_counts(self) -> dict[str, int]:
        tables = ("articles", "events", "counts", "sources", "quotes", "spans", "incidents", "sightings")
        # table names come from the constant above, never from input
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def open_store(path: str | Path = DEFAULT_DB, readonly: bool = False) -> Store:
    """Open (creating and migrating when needed) the store at `path`.

    Raises StoreError with a message for the user when the file cannot be used: read-only (the
    file, or the folder SQLite keeps its journal in), a full disk, not a kronika database, or a
    schema newer than this kronika's."""
    if readonly and not Path(path).exists():
        raise FileNotFoundError(f"no kronika database at {path}")
    try:
        conn = connect(path, readonly=readonly)
        if readonly:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as e:
        if not readonly:
            raise store_error(e, path) from e
        # a WAL store on read-only media (no -shm can be made): read it as a file nobody writes
        try:
            conn = sqlite3.connect(f"file:{Path(path)}?mode=ro&immutable=1", uri=True, isolation_level=None,
                                   check_same_thread=False)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            raise store_error(e, path) from e
    try:
        if readonly:
            check_version(conn, path)
        else:
            _retry_locked(lambda: migrate(conn))
            _retry_locked(lambda: search.backfill(conn))
    except SchemaTooNew as e:
        conn.close()
        raise SchemaTooNew(f"{path}: {e}") from None
    except sqlite3.Error as e:
        conn.close()
        raise store_error(e, path) from e
    return Store(conn, path)


def check_version(conn: sqlite3.Connection, path: str | Path) -> int:
    """The schema version of an existing database; StoreError when this kronika cannot read it
    (a newer schema, or a SQLite file that is not a kronika store)."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(f"{path}: database schema version {version} is newer than this kronika's "
                           f"({SCHEMA_VERSION}); upgrade kronika to read it")
    has_articles = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'").fetchone()
    if version == 0 and not has_articles:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        if tables:
            raise StoreError(f"{path} is a SQLite database but not a kronika store")
    return version


def store_error(e: sqlite3.Error, path: str | Path) -> StoreError:
    """A StoreError naming the file and what the operator can do, from SQLite's error."""
    msg = str(e).lower()
    code = getattr(e, "sqlite_errorname", "") or ""
    where = Path(path)
    if "readonly" in code.lower() or "read-only" in msg or "readonly" in msg:
        folder = where.resolve().parent
        if not os.access(folder, os.W_OK):
            why = f"the folder {folder} is read-only (SQLite keeps its write-ahead log next to the database)"
        else:
            why = "the database file is read-only"
        return StoreError(f"cannot write to {path}: {why}; nothing was changed")
    if "full" in msg or code == "SQLITE_FULL":
        return StoreError(f"cannot write to {path}: the disk is full; the article being stored was "
                          "rolled back, every article stored before it is kept")
    if "disk i/o" in msg or code.startswith("SQLITE_IOERR"):
        return StoreError(f"cannot write to {path}: disk I/O error ({e}); the article being stored was "
                          "rolled back, every article stored before it is kept")
    if "unable to open" in msg or code.startswith("SQLITE_CANTOPEN"):
        folder = where.resolve().parent
        why = (f"the folder {folder} is not writable" if folder.exists() and not os.access(folder, os.W_OK)
               else "the file or its folder cannot be opened")
        return StoreError(f"cannot open {path}: {why}")
    if "not a database" in msg or code == "SQLITE_NOTADB":
        return StoreError(f"{path} is not a SQLite database (not a kronika store)")
    return StoreError(f"database {path}: {e}")


def is_fatal(e: sqlite3.Error) -> bool:
    """Errors after which no other article can be stored either (so a batch stops): read-only,
    full, I/O, corrupt. Constraint failures belong to one article."""
    if isinstance(e, sqlite3.IntegrityError):
        return False
    msg = str(e).lower()
    code = (getattr(e, "sqlite_errorname", "") or "").upper()
    return (any(w in msg for w in ("readonly", "read-only", "full", "disk i/o", "unable to open", "malformed",
                                   "not a database"))
            or code.startswith(("SQLITE_READONLY", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN",
                                "SQLITE_CORRUPT", "SQLITE_NOTADB")))
