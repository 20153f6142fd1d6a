"""Incidents in the store, built incrementally as articles arrive (the rules: `link/`).

These functions read and write the incident rows for `link.incidents`' pure decisions; they run
inside the caller's transaction (`Store.put`, `delete`, `relink`) and do not commit. Candidate
incidents come from the indexes on (family, cell, day) and (family, country, day) only.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

from ..link.incidents import Window, best_incident, incident_id, summarise, window
from ..link.reconcile import Report
from ..link.rules import EventKey, family
from .filters import actors_folded

_KEY_SQL = ", ".join(("a.id", "e.sub_event_type", "e.date", "e.time_precision", "e.country", "e.admin1",
                      "e.location", "e.geonameid", "e.latitude", "e.longitude", "e.geo_precision", "e.actor1",
                      "e.actor2"))
_MEMBER_COLS = ("pk", "event_type", "sub_event_type", "disorder_type", "date", "time_precision", "country",
                "admin1", "location", "geonameid", "latitude", "longitude", "geo_precision", "actor1",
                "actor2", "actor1_name", "actor2_name", "fatalities", "confidence", "article_pk")
# the incident columns `summarise` gives, in UPDATE order
_SUMMARY_COLS = ("event_type", "sub_event_type", "disorder_type", "date", "day", "date_min", "date_max",
                 "time_precision", "country", "admin1", "location", "geonameid", "latitude", "longitude",
                 "geo_precision", "cell", "actor1", "actor2", "actor1_name", "actor2_name", "fatalities",
                 "n_events", "n_articles", "tol")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _members(conn: sqlite3.Connection, incident_pk: int) -> list[EventKey]:
    rows = conn.execute(f"SELECT {_KEY_SQL} FROM events e JOIN articles a ON a.pk = e.article_pk "
                        "WHERE e.incident_pk = ?", (incident_pk,)).fetchall()
    return [EventKey(*r) for r in rows]


def candidates(conn: sqlite3.Connection, w: Window) -> list[int]:
    """Incidents in an event's window, from the indexes only: the day must be within the wider of
    the event's and the incident's date tolerance of the incident's day."""
    near = "day BETWEEN ? AND ? AND abs(day - ?) <= max(?, tol)"
    span = (w.lo, w.hi, w.day, w.tol)
    rows: list[tuple[int]] = []
    if w.cells is not None:
        rows += conn.execute(f"SELECT pk FROM incidents WHERE family = ? AND cell IN ({','.join('?' * len(w.cells))}) "
                             f"AND {near}", (w.family, *w.cells, *span)).fetchall()
        if w.country:
            rows += conn.execute(f"SELECT pk FROM incidents WHERE family = ? AND country = ? AND cell IS NULL "
                                 f"AND {near}", (w.family, w.country, *span)).fetchall()
    elif w.country:
        rows += conn.execute(f"SELECT pk FROM incidents WHERE family = ? AND country = ? AND {near}",
                             (w.family, w.country, *span)).fetchall()
    return [r[0] for r in rows]


def link_event(conn: sqlite3.Connection, event_pk: int) -> int:
    """Attach one stored event to an incident (existing or new); returns the incident pk."""
    row = conn.execute(f"SELECT {_KEY_SQL}, e.idx FROM events e JOIN articles a ON a.pk = e.article_pk "
                       "WHERE e.pk = ?", (event_pk,)).fetchone()
    ev = EventKey(*row[:13])
    w = window(ev)
    found = None
    if w is not None:
        found = best_incident(ev, {inc: _members(conn, inc) for inc in candidates(conn, w)})
    inc_pk = found if found is not None else _new_incident(conn, ev, row[13])
    conn.execute("UPDATE events SET incident_pk = ? WHERE pk = ?", (inc_pk, event_pk))
    refresh(conn, inc_pk)
    return inc_pk


def _new_incident(conn: sqlite3.Connection, ev: EventKey, idx: int) -> int:
    n = 1
    while conn.execute("SELECT 1 FROM incidents WHERE id = ?", (incident_id(ev.article, idx, n),)).fetchone():
        n += 1
    now = _now()
    cur = conn.execute("INSERT INTO incidents (id, family, event_type, sub_event_type, created_at, updated_at) "
                       "VALUES (?, ?, '', ?, ?, ?)",
                       (incident_id(ev.article, idx, n), family(ev.sub_event_type), ev.sub_event_type, now, now))
    return int(cur.lastrowid or 0)


def refresh(conn: sqlite3.Connection, incident_pk: int) -> None:
    """Recompute an incident from its members (or delete it when it has none)."""
    rows = [dict(zip(_MEMBER_COLS, r, strict=True)) for r in conn.execute(
        f"SELECT {', '.join('e.' + c for c in _MEMBER_COLS)} FROM events e WHERE e.incident_pk = ?",
        (incident_pk,))]
    if not rows:
        conn.execute("DELETE FROM incidents WHERE pk = ?", (incident_pk,))
        return
    art_ids: dict[int, str] = dict(conn.execute(
        f"SELECT pk, id FROM articles WHERE pk IN ({','.join('?' * len(rows))})",
        [r["article_pk"] for r in rows]).fetchall())
    event_pks = [r["pk"] for r in rows]
    reports = [Report(k, v, vm, q, s, art_ids[a]) for k, v, vm, q, s, a in conn.execute(
        f"SELECT kind, value, value_max, qualifier, source, article_pk FROM counts "
        f"WHERE event_pk IN ({','.join('?' * len(event_pks))})", event_pks)]
    s = summarise(rows, art_ids, reports)
    conn.execute(
        f"UPDATE incidents SET {', '.join(c + ' = ?' for c in _SUMMARY_COLS)}, figures_json = ?, actors_fold = ?, "
        "updated_at = ? WHERE pk = ?",
        (*[s[c] for c in _SUMMARY_COLS], json.dumps(s["figures"], ensure_ascii=False),
         actors_folded(s["actor1"], s["actor2"], s["actor1_name"], s["actor2_name"]), _now(), incident_pk))


def incidents_of_article(conn: sqlite3.Connection, article_pk: int) -> set[int]:
    return {r[0] for r in conn.execute("SELECT DISTINCT incident_pk FROM events WHERE article_pk = ? "
                                       "AND incident_pk IS NOT NULL", (article_pk,))}
