"""Reading the chronicle: the one query layer of the CLI, the HTTP API, the map and the exports.

Every function takes an open sqlite3 connection (`Store.conn`, or `read_connection(path)`) and a
validated `Filters` (`filters.parse_filters`); results are plain dicts ready for JSON. Lists come as
a `Page` (the rows and how many matched in all), or as iterators that read the rows in chunks, so
memory stays bounded on any limit. All values reach SQL as parameters; only column names chosen
here are formatted into statements.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from . import search
from .filters import FilterError, Filters, event_where, incident_where, parse_filters, prepare

__all__ = ["FilterError", "Filters", "Page", "ReadPool", "parse_filters", "read_connection", "list_events", "iter_events",
           "count_events", "get_event", "event_refs", "list_incidents", "iter_incidents", "count_incidents",
           "get_incident", "get_article", "list_articles", "list_figures", "list_sources", "stats"]

CHUNK = 200  # rows fetched (and incidents given members) at a time by the iterators
MEMBERS = 50  # articles, events and sources listed per incident in a list (`members_cut` says when cut)
MEMBERS_ONE = 1000  # the same for one incident by id


@dataclass(slots=True)
class Page:
    total: int
    items: list[dict[str, Any]]


def read_connection(path: str | Path, busy_timeout_s: float = 10) -> sqlite3.Connection:
    """A connection for reading (query_only: nothing can write through it), with the functions the
    filters call. The functions of this module take connections from here or `db.connect` (or
    given `filters.prepare`); registering them again per query would expire SQLite's statement cache."""
    conn = sqlite3.connect(str(path), timeout=busy_timeout_s, check_same_thread=False, isolation_level=None)
    prepare(conn)
    conn.execute("PRAGMA query_only = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
    return conn


class ReadPool:
    """Read connections kept open between requests, one user at a time each. A new connection pays
    for reading the schema and starts with a cold page cache (about 3 ms of a 4 ms request on the
    load bench); a pooled one does not. A connection outside a statement sees every commit (WAL),
    so reuse never serves stale rows."""

    def __init__(self, path: str | Path, keep: int = 16) -> None:
        self.path, self.keep = path, keep
        self._idle: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def acquire(self) -> sqlite3.Connection:
        with self._lock:
            if self._idle:
                return self._idle.pop()  # the most recently used: its cache is the warmest
        return read_connection(self.path)

    def release(self, conn: sqlite3.Connection) -> None:
        with self._lock:
            if len(self._idle) < self.keep:
                self._idle.append(conn)
                return
        conn.close()

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        conn = self.acquire()
        try:
            yield conn
        finally:
            self.release(conn)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for c in idle:
            c.close()


def _dicts(cur: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    for r in cur:
        yield dict(zip(names, r, strict=True))


def _page_sql(f: Filters) -> tuple[str, list[int]]:
    if f.limit is None:
        return (" LIMIT -1 OFFSET ?", [f.offset]) if f.offset else ("", [])
    return " LIMIT ? OFFSET ?", [f.limit, f.offset]


# -- events -----------------------------------------------------------------------------------------
EVENT_COLS = ("event_type", "sub_event_type", "disorder_type", "date", "time_precision", "country", "admin1",
              "location", "geonameid", "latitude", "longitude", "geo_precision", "actor1", "actor2",
              "actor1_name", "actor2_name", "fatalities", "confidence", "notes")
_EVENT_KEYS = ("id", "article", "incident", *EVENT_COLS)
_ARTICLE_KEYS = ("url", "title", "published", "lang")
_EVENT_ORDER = "ORDER BY e.date IS NULL, e.date, e.pk"


def _event_select(articles: bool) -> str:
    extra = ", a.url, a.title, a.published, a.lang" if articles else ""
    return ("SELECT e.pk, a.id, i.id, " + ", ".join(f"e.{c}" for c in EVENT_COLS) + f"{extra}, e.article_pk, e.idx "
            "FROM events e JOIN articles a ON a.pk = e.article_pk LEFT JOIN incidents i ON i.pk = e.incident_pk")


def _spans(conn: sqlite3.Connection, article_pk: int, owner: str) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for idx, s, e, t in conn.execute("SELECT owner_idx, start, end, text FROM spans WHERE article_pk = ? AND "
                                     "owner = ? ORDER BY owner_idx, pk", (article_pk, owner)):
        out.setdefault(idx, []).append({"start": s, "end": e, "text": t})
    return out


def event_query(f: Filters, *, articles: bool = False) -> tuple[str, list[Any]]:
    """The SELECT of the filtered, ordered, paged events (public for the paging test)."""
    where, ps = event_where(f)
    page, pp = _page_sql(f)
    if f.limit is not None:
        # LIMIT pushdown: pick the page's keys from the narrow events rows (the events_filter index),
        # then join articles and incidents for those rows only, not for every match before the sort
        return (f"{_event_select(articles)} WHERE e.pk IN (SELECT e.pk FROM events e{where} {_EVENT_ORDER}{page}) "
                f"{_EVENT_ORDER}", [*ps, *pp])
    return f"{_event_select(articles)}{where} {_EVENT_ORDER}{page}", [*ps, *pp]


def iter_events(conn: sqlite3.Connection, f: Filters, *, evidence: bool = False,
                articles: bool = False) -> Iterator[dict[str, Any]]:
    """The matching events in order (f.limit None: all of them), read in chunks. Each has its id,
    article and incident ids, every event field, with `articles` the article's url, title,
    published and lang, with `evidence` its evidence spans."""
    sql, ps = event_query(f, articles=articles)
    keys = (*_EVENT_KEYS, *(_ARTICLE_KEYS if articles else ()))
    cur = conn.execute(sql, ps)
    cache: tuple[int, dict[int, list[dict[str, Any]]]] | None = None
    try:
        while rows := cur.fetchmany(CHUNK):
            for r in rows:
                d = dict(zip(keys, r, strict=False))
                if evidence:
                    art_pk, idx = r[-2], r[-1]
                    if cache is None or cache[0] != art_pk:
                        cache = (art_pk, _spans(conn, art_pk, "event"))
                    d["evidence"] = cache[1].get(idx, [])
                yield d
    finally:
        cur.close()


def count_events(conn: sqlite3.Connection, f: Filters | None = None) -> int:
    where, ps = event_where(f or Filters())
    return int(conn.execute(f"SELECT count(*) FROM events e{where}", ps).fetchone()[0])


def list_events(conn: sqlite3.Connection, f: Filters, *, evidence: bool = False, articles: bool = False) -> Page:
    return Page(count_events(conn, f), list(iter_events(conn, f, evidence=evidence, articles=articles)))


def get_event(conn: sqlite3.Connection, event_id: int) -> dict[str, Any] | None:
    """One event by id, with its evidence and the figures attributed to it."""
    row = conn.execute(f"{_event_select(False)} WHERE e.pk = ?", (event_id,)).fetchone()
    if row is None:
        return None
    d = dict(zip(_EVENT_KEYS, row, strict=False))
    d["evidence"] = _spans(conn, row[-2], "event").get(row[-1], [])
    d["figures"] = _figures(conn, " WHERE c.event_pk = ?", [event_id], with_article=False)
    return d


def event_refs(conn: sqlite3.Connection, article_id: str) -> list[tuple[int, str | None]]:
    """(event id, incident id) of an article's events, in the order of its result's events."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT e.pk, i.id FROM events e JOIN articles a ON a.pk = e.article_pk "
        "LEFT JOIN incidents i ON i.pk = e.incident_pk WHERE a.id = ? ORDER BY e.idx", (article_id,))]


# -- incidents --------------------------------------------------------------------------------------
INCIDENT_COLS = ("id", "event_type", "sub_event_type", "disorder_type", "date", "date_min", "date_max",
                 "time_precision", "country", "admin1", "location", "geonameid", "latitude", "longitude",
                 "geo_precision", "actor1", "actor2", "actor1_name", "actor2_name", "fatalities",
                 "n_events", "n_articles", "figures_json", "created_at", "updated_at")
_INCIDENT_SELECT = "SELECT i.pk, " + ", ".join("i." + c for c in INCIDENT_COLS) + " FROM incidents i"


def _incident(row: Sequence[Any]) -> dict[str, Any]:
    d = dict(zip(INCIDENT_COLS, row[1:], strict=True))
    d["figures"] = json.loads(d.pop("figures_json") or "{}")
    return d


def _in(pks: Sequence[int]) -> str:
    return ",".join("?" * len(pks))


def _members(conn: sqlite3.Connection, pks: Sequence[int], cap: int) -> dict[int, dict[str, list[dict[str, Any]]]]:
    """The articles, events and sources of several incidents, at most `cap` of each per incident
    (one more when there are more), in three queries for all of them."""
    out: dict[int, dict[str, list[dict[str, Any]]]] = {p: {"articles": [], "events": [], "sources": []} for p in pks}
    if not pks:
        return out
    arts = conn.execute(
        "SELECT inc, id, url, title, published, lang FROM (SELECT inc, id, url, title, published, lang, "
        "row_number() OVER (PARTITION BY inc ORDER BY id) AS n FROM (SELECT DISTINCT e.incident_pk AS inc, a.id, "
        "a.url, a.title, a.published, a.lang FROM events e JOIN articles a ON a.pk = e.article_pk "
        f"WHERE e.incident_pk IN ({_in(pks)}))) WHERE n <= ? ORDER BY inc, id", [*pks, cap + 1])
    for inc, aid, url, title, pub, lang in arts:
        out[inc]["articles"].append({"id": aid, "url": url, "title": title, "published": pub, "lang": lang})
    evs = conn.execute(
        "SELECT inc, aid, idx, sub_event_type, date, location, fatalities FROM (SELECT e.incident_pk AS inc, "
        "a.id AS aid, e.idx, e.sub_event_type, e.date, e.location, e.fatalities, row_number() OVER "
        "(PARTITION BY e.incident_pk ORDER BY a.id, e.idx) AS n FROM events e JOIN articles a ON a.pk = e.article_pk "
        f"WHERE e.incident_pk IN ({_in(pks)})) WHERE n <= ? ORDER BY inc, aid, idx", [*pks, cap + 1])
    for inc, aid, idx, sub, day, loc, killed in evs:
        out[inc]["events"].append({"article": aid, "idx": idx, "sub_event_type": sub, "date": day,
                                   "location": loc, "fatalities": killed})
    srcs = conn.execute(
        "SELECT inc, name, kind, aid FROM (SELECT inc, name, kind, aid, sidx, row_number() OVER (PARTITION BY inc "
        "ORDER BY aid, sidx) AS n FROM (SELECT DISTINCT e.incident_pk AS inc, s.pk, s.name, s.kind, a.id AS aid, "
        "s.idx AS sidx FROM events e JOIN sources s ON s.article_pk = e.article_pk JOIN articles a ON "
        f"a.pk = s.article_pk WHERE e.incident_pk IN ({_in(pks)}))) WHERE n <= ? ORDER BY inc, aid, sidx",
        [*pks, cap + 1])
    for inc, name, kind, aid in srcs:
        out[inc]["sources"].append({"name": name, "kind": kind, "article": aid})
    return out


def _with_members(conn: sqlite3.Connection, rows: Sequence[Sequence[Any]], cap: int) -> list[dict[str, Any]]:
    members = _members(conn, [r[0] for r in rows], cap)
    out = []
    for r in rows:
        d = _incident(r)
        m = members[r[0]]
        d["members_cut"] = any(len(v) > cap for v in m.values())
        d.update({k: v[:cap] for k, v in m.items()})
        out.append(d)
    return out


def iter_incidents(conn: sqlite3.Connection, f: Filters, *, members: bool = False,
                   cap: int = MEMBERS) -> Iterator[dict[str, Any]]:
    """The matching incidents in order (f.limit None: all), with reconciled `figures` and, when
    `members`, up to `cap` of their `articles` (id, url, title, published, lang), `events`
    (article, idx, sub_event_type, date, location, fatalities) and `sources` (name, kind, article)
    each; `members_cut` is true when some were left out (the full lists: /api/events?incident_id=)."""
    where, ps = incident_where(f)
    page, pp = _page_sql(f)
    cur = conn.execute(f"{_INCIDENT_SELECT}{where} ORDER BY i.date IS NULL, i.date, i.id{page}", [*ps, *pp])
    try:
        while rows := cur.fetchmany(CHUNK):
            if members:
                yield from _with_members(conn, rows, cap)
            else:
                yield from (_incident(r) for r in rows)
    finally:
        cur.close()


def count_incidents(conn: sqlite3.Connection, f: Filters | None = None) -> int:
    where, ps = incident_where(f or Filters())
    return int(conn.execute(f"SELECT count(*) FROM incidents i{where}", ps).fetchone()[0])


def list_incidents(conn: sqlite3.Connection, f: Filters, *, members: bool = False) -> Page:
    return Page(count_incidents(conn, f), list(iter_incidents(conn, f, members=members)))


def get_incident(conn: sqlite3.Connection, incident_id: str) -> dict[str, Any] | None:
    """One incident by id with its members (up to MEMBERS_ONE of each), or None."""
    row = conn.execute(f"{_INCIDENT_SELECT} WHERE i.id = ?", (incident_id,)).fetchone()
    return None if row is None else _with_members(conn, [row], MEMBERS_ONE)[0]


# -- articles -------------------------------------------------------------------------------------
def get_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """One article: its metadata, text and the full ArticleResult the extractor gave ("result")."""
    keys = ("id", "url", "canonical_url", "lang", "published", "title", "text", "origin", "relevant",
            "result", "extractor", "ingested_at")
    r = conn.execute("SELECT id, url, canonical_url, lang, published, title, text, origin, relevant, "
                     "result_json, extractor, ingested_at FROM articles WHERE id = ?", (article_id,)).fetchone()
    if not r:
        return None
    d = dict(zip(keys, r, strict=True))
    d["relevant"] = bool(d["relevant"])
    d["result"] = json.loads(d["result"])
    return d


def list_articles(conn: sqlite3.Connection, *, q: str | None = None, lang: str | None = None,
                  date_from: date | None = None, date_to: date | None = None, relevant: bool | None = None,
                  limit: int = 100, offset: int = 0) -> Page:
    """Articles by publication day, newest first."""
    cl: list[str] = []
    ps: list[Any] = []
    if q:
        cond, cargs = search.condition(q, "a.pk")
        cl.append(cond)
        ps += cargs
    for cond, val in (("a.lang = ?", lang), ("substr(a.published, 1, 10) >= ?", date_from and date_from.isoformat()),
                      ("substr(a.published, 1, 10) <= ?", date_to and date_to.isoformat()),
                      ("a.relevant = ?", None if relevant is None else int(relevant))):
        if val is not None and val != "":
            cl.append(cond)
            ps.append(val)
    where = (" WHERE " + " AND ".join(cl)) if cl else ""
    total = conn.execute(f"SELECT count(*) FROM articles a{where}", ps).fetchone()[0]
    cur = conn.execute(
        "SELECT a.id, a.lang, a.url, a.published, a.title, a.relevant, length(a.text) AS chars, "
        "(SELECT count(*) FROM events e WHERE e.article_pk = a.pk) AS n_events "
        f"FROM articles a{where} ORDER BY a.published IS NULL, a.published DESC, a.pk LIMIT ? OFFSET ?",
        [*ps, limit, offset])
    return Page(int(total), [d | {"relevant": bool(d["relevant"])} for d in _dicts(cur)])


# -- figures and sources --------------------------------------------------------------------------
def _figures(conn: sqlite3.Connection, where: str, ps: list[Any], *, with_article: bool = True,
             page: str = "", pp: Iterable[int] = ()) -> list[dict[str, Any]]:
    cur = conn.execute(
        "SELECT c.article_pk, c.idx, c.kind, c.value, c.value_max, c.qualifier, c.subject, c.location, c.source, "
        f"c.event_pk, a.id FROM counts c JOIN articles a ON a.pk = c.article_pk{where} ORDER BY a.pk, c.idx{page}",
        [*ps, *pp])
    spans: dict[int, dict[int, list[dict[str, Any]]]] = {}
    items = []
    for art_pk, idx, kind, value, vmax, qual, subj, loc, src, event_pk, aid in cur.fetchall():
        if art_pk not in spans:
            spans[art_pk] = _spans(conn, art_pk, "count")
        d: dict[str, Any] = {"kind": kind, "value": _num(value), "value_max": _num(vmax), "qualifier": qual,
                             "subject": subj, "location": loc, "source": src}
        if with_article:
            d["article"] = aid
        d["event_id"] = event_pk
        d["evidence"] = spans[art_pk].get(idx, [])
        items.append(d)
    return items


def _num(v: float | None) -> float | int | None:
    return int(v) if isinstance(v, float) and v.is_integer() else v


def list_figures(conn: sqlite3.Connection, *, kind: str | None = None, source: str | None = None,
                 article_id: str | None = None, incident_id: str | None = None, event_id: int | None = None,
                 limit: int = 100, offset: int = 0) -> Page:
    """Every reported figure (the counts), with who gave it and the article it came from."""
    cl: list[str] = []
    ps: list[Any] = []
    for cond, val in (("c.kind = ?", kind), ("kfold(c.source) = kfold(?)", source), ("a.id = ?", article_id),
                      ("c.event_pk = ?", event_id),
                      ("c.event_pk IN (SELECT e.pk FROM events e JOIN incidents i ON i.pk = e.incident_pk "
                       "WHERE i.id = ?)", incident_id)):
        if val is not None and val != "":
            cl.append(cond)
            ps.append(val)
    where = (" WHERE " + " AND ".join(cl)) if cl else ""
    total = conn.execute(f"SELECT count(*) FROM counts c JOIN articles a ON a.pk = c.article_pk{where}",
                         ps).fetchone()[0]
    return Page(int(total), _figures(conn, where, ps, page=" LIMIT ? OFFSET ?", pp=(limit, offset)))


def list_sources(conn: sqlite3.Connection, *, name: str | None = None, kind: str | None = None,
                 article_id: str | None = None, incident_id: str | None = None, limit: int = 100,
                 offset: int = 0) -> Page:
    """Who claims are attributed to, one row per (name, kind) with how many articles cite it."""
    cl: list[str] = []
    ps: list[Any] = []
    for cond, val in (("kfold(s.name) = kfold(?)", name), ("s.kind = ?", kind),
                      ("s.article_pk = (SELECT pk FROM articles WHERE id = ?)", article_id),
                      ("s.article_pk IN (SELECT e.article_pk FROM events e JOIN incidents i "
                       "ON i.pk = e.incident_pk WHERE i.id = ?)", incident_id)):
        if val:
            cl.append(cond)
            ps.append(val)
    where = (" WHERE " + " AND ".join(cl)) if cl else ""
    grouped = (f"SELECT s.name, s.kind, count(DISTINCT s.article_pk) AS articles FROM sources s{where} "
               "GROUP BY s.name, s.kind")
    total = conn.execute(f"SELECT count(*) FROM ({grouped})", ps).fetchone()[0]
    cur = conn.execute(f"{grouped} ORDER BY articles DESC, s.name LIMIT ? OFFSET ?", [*ps, limit, offset])
    return Page(int(total), list(_dicts(cur)))


# -- stats ----------------------------------------------------------------------------------------
def stats(conn: sqlite3.Connection, f: Filters) -> dict[str, Any]:
    """Under the same filters as the events: how many events, the articles and incidents they belong
    to, and the events by day (and type), by type and by country; `stored` counts the whole store."""
    where, ps = event_where(f)

    def grouped(cols: Sequence[str]) -> list[dict[str, Any]]:
        sel = ", ".join(f"e.{c}" for c in cols)
        return list(_dicts(conn.execute(
            f"SELECT {sel}, count(*) AS count FROM events e{where} GROUP BY {sel} ORDER BY {sel}", ps)))

    n_events, n_articles, n_incidents = conn.execute(
        f"SELECT count(*), count(DISTINCT e.article_pk), count(DISTINCT e.incident_pk) FROM events e{where}",
        ps).fetchone()
    by_day_type = grouped(("date", "event_type"))
    by_day: dict[str | None, int] = {}
    for r in by_day_type:
        by_day[r["date"]] = by_day.get(r["date"], 0) + r["count"]
    stored = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "incidents")}
    return {
        "events": n_events, "articles": n_articles, "incidents": n_incidents, "stored": stored,
        "by_day": [{"date": d, "count": n} for d, n in by_day.items()],
        "by_day_type": by_day_type,
        "by_type": sorted(grouped(("event_type",)), key=lambda r: -r["count"]),
        "by_country": sorted(grouped(("country",)), key=lambda r: -r["count"]),
    }
