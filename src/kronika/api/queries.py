"""Read queries the HTTP API needs over the store's SQLite schema (store/schema.py).

Every value from a request reaches SQL as a bound parameter; only fixed column names chosen here
are ever formatted into a statement. Each function takes an open connection and returns plain
dicts shaped for JSON, so the API layer only validates and paginates.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..store import search

_EVENT_COLS = (
    "event_type", "sub_event_type", "disorder_type", "date", "time_precision", "country", "admin1",
    "location", "geonameid", "latitude", "longitude", "geo_precision", "actor1", "actor2", "actor1_name",
    "actor2_name", "fatalities", "confidence", "notes",
)


@dataclass(slots=True)
class EventFilter:
    """Filters shared by events, incidents and stats; None means 'any'."""
    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    disorder_type: str | None = None
    actor: str | None = None
    q: str | None = None  # words in the article text or title (FTS5)
    article_id: str | None = None
    incident_id: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat


@dataclass(slots=True)
class Page:
    total: int
    items: list[dict[str, Any]]


def connect(path: str) -> sqlite3.Connection:
    """A read-only connection for one request (query_only: the API never writes through it)."""
    conn = sqlite3.connect(path, timeout=10, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    # SQLite's NOCASE and lower() fold ASCII only; names here are Cyrillic too ("ТАСС" = "тасс")
    conn.create_function("fold", 1, lambda s: s.casefold() if isinstance(s, str) else s, deterministic=True)
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def _where(f: EventFilter, t: str = "e") -> tuple[str, list[Any]]:
    """WHERE clause over the events table (alias `t`) for a filter."""
    cl: list[str] = []
    ps: list[Any] = []
    if f.date_from:
        cl.append(f"{t}.date >= ?")
        ps.append(f.date_from.isoformat())
    if f.date_to:
        cl.append(f"{t}.date <= ?")
        ps.append(f.date_to.isoformat())
    for col in ("country", "admin1", "event_type", "sub_event_type", "disorder_type"):
        v = getattr(f, col)
        if v:
            cl.append(f"{t}.{col} = ? COLLATE NOCASE")
            ps.append(v)
    if f.actor:
        like = "%" + f.actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        cl.append("(" + " OR ".join(f"{t}.{c} LIKE ? ESCAPE '\\'" for c in
                                    ("actor1", "actor2", "actor1_name", "actor2_name")) + ")")
        ps.extend([like] * 4)
    if f.bbox:
        cl.append(f"{t}.longitude BETWEEN ? AND ? AND {t}.latitude BETWEEN ? AND ?")
        ps.extend([f.bbox[0], f.bbox[2], f.bbox[1], f.bbox[3]])
    if f.article_id:
        cl.append(f"{t}.article_pk = (SELECT pk FROM articles WHERE id = ?)")
        ps.append(f.article_id)
    if f.incident_id:
        cl.append(f"{t}.incident_pk = (SELECT pk FROM incidents WHERE id = ?)")
        ps.append(f.incident_id)
    if f.q:
        cond, cargs = search.condition(f.q, f"{t}.article_pk")
        cl.append(cond)
        ps.extend(cargs)
    return (" WHERE " + " AND ".join(cl)) if cl else "", ps


def _spans(conn: sqlite3.Connection, article_pk: int, owner: str) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for r in conn.execute("SELECT owner_idx, start, end, text FROM spans WHERE article_pk = ? AND owner = ? "
                          "ORDER BY owner_idx, pk", (article_pk, owner)):
        out.setdefault(r["owner_idx"], []).append({"start": r["start"], "end": r["end"], "text": r["text"]})
    return out


# key names as the store's query layer gives them (article, incident), plus the event's own id;
# rows are plain tuples zipped with these keys (sqlite3.Row lookups by name cost 2x on big pages)
_EVENT_KEYS = ("id", "article", "incident", *_EVENT_COLS, "article_pk", "idx")
_EVENT_SELECT = ("SELECT e.pk, a.id, i.id, " + ", ".join(f"e.{c}" for c in _EVENT_COLS) + ", e.article_pk, e.idx "
                 "FROM events e JOIN articles a ON a.pk = e.article_pk LEFT JOIN incidents i ON i.pk = e.incident_pk")


def _events(conn: sqlite3.Connection, sql: str, params: list[Any] | tuple[Any, ...]) -> list[dict[str, Any]]:
    """Event dicts for a query over _EVENT_SELECT; article_pk and idx are kept for the caller to pop."""
    cur = conn.cursor()
    cur.row_factory = None
    return [dict(zip(_EVENT_KEYS, r, strict=True)) for r in cur.execute(sql, params)]


def _public(d: dict[str, Any]) -> dict[str, Any]:
    del d["article_pk"], d["idx"]
    return d


def list_events(conn: sqlite3.Connection, f: EventFilter, limit: int, offset: int,
                with_evidence: bool = False) -> Page:
    where, ps = _where(f, "e")
    total = conn.execute(f"SELECT count(*) FROM events e{where}", ps).fetchone()[0]
    # LIMIT pushdown: pick the page's keys from the narrow events rows (the events_filter index),
    # then join articles and incidents for those rows only, not for every match before the sort
    order = "ORDER BY e.date IS NULL, e.date, e.pk"
    items = _events(conn, f"{_EVENT_SELECT} WHERE e.pk IN (SELECT e.pk FROM events e{where} {order} "
                          f"LIMIT ? OFFSET ?) {order}", [*ps, limit, offset])
    if with_evidence:
        cache: dict[int, dict[int, list[dict[str, Any]]]] = {}
        for d in items:
            spans = cache.get(d["article_pk"])
            if spans is None:
                spans = cache[d["article_pk"]] = _spans(conn, d["article_pk"], "event")
            d["evidence"] = spans.get(d["idx"], [])
    return Page(total, [_public(d) for d in items])


def get_event(conn: sqlite3.Connection, event_id: int) -> dict[str, Any] | None:
    found = _events(conn, f"{_EVENT_SELECT} WHERE e.pk = ?", (event_id,))
    if not found:
        return None
    d = found[0]
    d["evidence"] = _spans(conn, d["article_pk"], "event").get(d["idx"], [])
    _public(d)
    d["figures"] = [_count_dict(c, []) for c in conn.execute(
        "SELECT c.*, NULL AS article_id FROM counts c WHERE c.event_pk = ? ORDER BY c.idx", (event_id,))]
    return d


def event_refs(conn: sqlite3.Connection, article_id: str) -> list[tuple[int, str | None]]:
    """(event id, incident id) of an article's events, in the order of its result's events."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT e.pk, i.id FROM events e JOIN articles a ON a.pk = e.article_pk "
        "LEFT JOIN incidents i ON i.pk = e.incident_pk WHERE a.id = ? ORDER BY e.idx", (article_id,))]


def list_articles(conn: sqlite3.Connection, *, q: str | None, lang: str | None, date_from: date | None,
                  date_to: date | None, relevant: bool | None, limit: int, offset: int) -> Page:
    cl: list[str] = []
    ps: list[Any] = []
    if q:
        cond, cargs = search.condition(q, "a.pk")
        cl.append(cond)
        ps.extend(cargs)
    if lang:
        cl.append("a.lang = ?")
        ps.append(lang)
    if date_from:
        cl.append("substr(a.published, 1, 10) >= ?")
        ps.append(date_from.isoformat())
    if date_to:
        cl.append("substr(a.published, 1, 10) <= ?")
        ps.append(date_to.isoformat())
    if relevant is not None:
        cl.append("a.relevant = ?")
        ps.append(int(relevant))
    where = (" WHERE " + " AND ".join(cl)) if cl else ""
    total = conn.execute(f"SELECT count(*) FROM articles a{where}", ps).fetchone()[0]
    rows = conn.execute(
        "SELECT a.id, a.lang, a.url, a.published, a.title, a.relevant, length(a.text) AS chars, "
        "(SELECT count(*) FROM events e WHERE e.article_pk = a.pk) AS n_events "
        f"FROM articles a{where} ORDER BY a.published IS NULL, a.published DESC, a.pk LIMIT ? OFFSET ?",
        [*ps, limit, offset]).fetchall()
    return Page(total, [dict(r) | {"relevant": bool(r["relevant"])} for r in rows])


def _count_dict(r: sqlite3.Row, evidence: list[dict[str, Any]]) -> dict[str, Any]:
    d = {k: r[k] for k in ("kind", "value", "value_max", "qualifier", "subject", "location", "source")}
    for k in ("value", "value_max"):
        if isinstance(d[k], float) and d[k].is_integer():
            d[k] = int(d[k])
    if r["article_id"] is not None:
        d["article"] = r["article_id"]
    d["event_id"] = r["event_pk"]
    d["evidence"] = evidence
    return d


def list_figures(conn: sqlite3.Connection, *, kind: str | None, source: str | None, article_id: str | None,
                 incident_id: str | None, event_id: int | None, limit: int, offset: int) -> Page:
    """Every reported figure (the counts), with who gave it and the article it came from."""
    cl: list[str] = []
    ps: list[Any] = []
    for cond, val in (("c.kind = ?", kind), ("fold(c.source) = fold(?)", source), ("a.id = ?", article_id),
                      ("c.event_pk = ?", event_id),
                      ("c.event_pk IN (SELECT e.pk FROM events e JOIN incidents i ON i.pk = e.incident_pk "
                       "WHERE i.id = ?)", incident_id)):
        if val is not None and val != "":
            cl.append(cond)
            ps.append(val)
    where = (" WHERE " + " AND ".join(cl)) if cl else ""
    base = f"FROM counts c JOIN articles a ON a.pk = c.article_pk{where}"
    total = conn.execute(f"SELECT count(*) {base}", ps).fetchone()[0]
    rows = conn.execute(f"SELECT c.*, a.id AS article_id {base} ORDER BY a.pk, c.idx LIMIT ? OFFSET ?",
                        [*ps, limit, offset]).fetchall()
    spans: dict[int, dict[int, list[dict[str, Any]]]] = {}
    items = []
    for r in rows:
        if r["article_pk"] not in spans:
            spans[r["article_pk"]] = _spans(conn, r["article_pk"], "count")
        items.append(_count_dict(r, spans[r["article_pk"]].get(r["idx"], [])))
    return Page(total, items)


def list_sources(conn: sqlite3.Connection, *, name: str | None, kind: str | None, article_id: str | None,
                 incident_id: str | None, limit: int, offset: int) -> Page:
    """Who claims are attributed to, one row per (name, kind) with how many articles cite it."""
    cl: list[str] = []
    ps: list[Any] = []
    for cond, val in (("fold(s.name) = fold(?)", name), ("s.kind = ?", kind),
                      ("s.article_pk = (SELECT pk FROM articles WHERE id = ?)", article_id),
                      ("s.article_pk IN (SELECT e.article_pk FROM events e JOIN incidents i "
                       "ON i.pk = e.incident_pk WHERE i.id = ?)", incident_id)):
        if val:
            cl.append(cond)
            ps.append(val)
    where = (" WHERE " + " AND ".join(cl)) if cl else ""
    grouped = f"SELECT s.name, s.kind, count(DISTINCT s.article_pk) AS articles FROM sources s{where} " \
              "GROUP BY s.name, s.kind"
    total = conn.execute(f"SELECT count(*) FROM ({grouped})", ps).fetchone()[0]
    rows = conn.execute(f"{grouped} ORDER BY articles DESC, s.name LIMIT ? OFFSET ?",
                        [*ps, limit, offset]).fetchall()
    return Page(total, [dict(r) for r in rows])


def stats(conn: sqlite3.Connection, f: EventFilter) -> dict[str, Any]:
    """Event counts by day (and type), by type and by country, under the same filters as events."""
    where, ps = _where(f, "e")

    def grouped(cols: Sequence[str]) -> list[dict[str, Any]]:
        sel = ", ".join(f"e.{c}" for c in cols)
        return [dict(r) for r in conn.execute(
            f"SELECT {sel}, count(*) AS count FROM events e{where} GROUP BY {sel} ORDER BY {sel}", ps)]

    by_day_type = grouped(("date", "event_type"))
    by_day: dict[str | None, int] = {}
    for r in by_day_type:
        by_day[r["date"]] = by_day.get(r["date"], 0) + r["count"]
    return {
        "events": conn.execute(f"SELECT count(*) FROM events e{where}", ps).fetchone()[0],
        "articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
        "incidents": conn.execute("SELECT count(*) FROM incidents").fetchone()[0],
        "by_day": [{"date": d, "count": n} for d, n in by_day.items()],
        "by_day_type": by_day_type,
        "by_type": sorted(grouped(("event_type",)), key=lambda r: -r["count"]),
        "by_country": sorted(grouped(("country",)), key=lambda r: -r["count"]),
    }
