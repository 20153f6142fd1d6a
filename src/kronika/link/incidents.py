"""Incidents in the store, built incrementally as articles arrive.

Each stored event joins the closest existing incident it is the same event as (rules.same_event
against *every* member, so a chain of near matches cannot drift into one blob), or starts a new
one. Candidates come from the index on (family, country, day) — or (family, cell, day) when the
country is unknown — never from a scan of all incidents. An incident's id is derived from its first
member and never changes while it has members.

These functions run inside the caller's transaction (store.db.Store.put) and do not commit.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from datetime import UTC, datetime

from .reconcile import Report, reconcile
from .rules import DATE_TOLERANCE, EventKey, cell, closeness, day_number, family, same_event

MAX_WINDOW = max(DATE_TOLERANCE.values())

_KEY_COLS = ("a.id", "e.sub_event_type", "e.date", "e.time_precision", "e.country", "e.admin1",
             "e.location", "e.geonameid", "e.latitude", "e.longitude", "e.geo_precision", "e.actor1",
             "e.actor2")
_KEY_SQL = ", ".join(_KEY_COLS)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _key(row: sqlite3.Row | tuple) -> EventKey:
    return EventKey(*tuple(row)[:13])


def _members(conn: sqlite3.Connection, incident_pk: int) -> list[EventKey]:
    rows = conn.execute(f"SELECT {_KEY_SQL} FROM events e JOIN articles a ON a.pk = e.article_pk "
                        "WHERE e.incident_pk = ?", (incident_pk,)).fetchall()
    return [_key(r) for r in rows]


def _candidates(conn: sqlite3.Connection, ev: EventKey) -> list[int]:
    """Incidents that may hold this event, from the indexes only.

    With coordinates: the 3 x 3 cells around it (a cell is wider than any place radius), plus
    incidents of the country without coordinates; without: the country. Either way the day must be
    within the wider of the event's and the incident's date tolerance of the incident's day."""
    day = day_number(ev.date)
    if day is None:
        return []
    fam = family(ev.sub_event_type)
    tol = DATE_TOLERANCE.get(ev.time_precision or 3, MAX_WINDOW)
    lo, hi = day - MAX_WINDOW, day + MAX_WINDOW
    near = "day BETWEEN ? AND ? AND abs(day - ?) <= max(?, tol)"
    rows: list[tuple[int]] = []
    c = cell(ev.latitude, ev.longitude)
    if c is not None:
        y, x = (int(v) for v in c.split(":"))
        cells = [f"{y + dy}:{x + dx}" for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
        rows += conn.execute(f"SELECT pk FROM incidents WHERE family = ? AND cell IN ({','.join('?' * 9)}) "
                             f"AND {near}", (fam, *cells, lo, hi, day, tol)).fetchall()
        if ev.country:
            rows += conn.execute(f"SELECT pk FROM incidents WHERE family = ? AND country = ? AND cell IS NULL "
                                 f"AND {near}", (fam, ev.country, lo, hi, day, tol)).fetchall()
    elif ev.country:
        rows += conn.execute(f"SELECT pk FROM incidents WHERE family = ? AND country = ? AND {near}",
                             (fam, ev.country, lo, hi, day, tol)).fetchall()
    return [r[0] for r in rows]


def link_event(conn: sqlite3.Connection, event_pk: int) -> int:
    """Attach one stored event to an incident (existing or new); returns the incident pk."""
    row = conn.execute(f"SELECT {_KEY_SQL} FROM events e JOIN articles a ON a.pk = e.article_pk "
                       "WHERE e.pk = ?", (event_pk,)).fetchone()
    ev = _key(row)
    best: tuple[float, int] | None = None
    for inc in _candidates(conn, ev):
        members = _members(conn, inc)
        if members and all(same_event(ev, m) for m in members):
            score = max(closeness(ev, m) for m in members)
            if best is None or score > best[0]:
                best = (score, inc)
    if best is not None:
        inc_pk = best[1]
    else:
        inc_pk = _new_incident(conn, ev, event_pk)
    conn.execute("UPDATE events SET incident_pk = ? WHERE pk = ?", (inc_pk, event_pk))
    refresh(conn, inc_pk)
    return inc_pk


def _new_incident(conn: sqlite3.Connection, ev: EventKey, event_pk: int) -> int:
    idx = conn.execute("SELECT idx FROM events WHERE pk = ?", (event_pk,)).fetchone()[0]
    base = "inc-" + hashlib.sha1(f"{ev.article}|{idx}".encode()).hexdigest()[:12]
    ident, n = base, 1
    while conn.execute("SELECT 1 FROM incidents WHERE id = ?", (ident,)).fetchone():
        n += 1
        ident = f"{base}-{n}"
    now = _now()
    cur = conn.execute("INSERT INTO incidents (id, family, event_type, sub_event_type, created_at, updated_at) "
                       "VALUES (?, ?, '', ?, ?, ?)", (ident, family(ev.sub_event_type), ev.sub_event_type, now, now))
    return int(cur.lastrowid or 0)


_EVENT_COLS = ("pk", "event_type", "sub_event_type", "disorder_type", "date", "time_precision", "country",
               "admin1", "location", "geonameid", "latitude", "longitude", "geo_precision", "actor1",
               "actor2", "actor1_name", "actor2_name", "fatalities", "confidence", "article_pk")


# when the outlets split evenly on a demonstration's sub-type, the one reporting more is kept
_SEVERITY = {"Peaceful protest": 1, "Protest with intervention": 2, "Excessive force against protesters": 3,
             "Violent demonstration": 4}


def refresh(conn: sqlite3.Connection, incident_pk: int) -> None:
    """Recompute an incident from its members (or delete it when it has none)."""
    rows = [dict(zip(_EVENT_COLS, r, strict=True)) for r in conn.execute(
        f"SELECT {', '.join('e.' + c for c in _EVENT_COLS)} FROM events e WHERE e.incident_pk = ?",
        (incident_pk,))]
    if not rows:
        conn.execute("DELETE FROM incidents WHERE pk = ?", (incident_pk,))
        return
    subs = Counter(r["sub_event_type"] for r in rows)
    rep = min(rows, key=lambda r: (-subs[r["sub_event_type"]], -_SEVERITY.get(r["sub_event_type"], 0),
                                   r["time_precision"] or 9,
                                   r["geo_precision"] or 9, -(r["confidence"] or 0), r["pk"]))
    dates = sorted(r["date"] for r in rows if r["date"])
    art_ids = dict(conn.execute(
        f"SELECT pk, id FROM articles WHERE pk IN ({','.join('?' * len(rows))})",
        [r["article_pk"] for r in rows]).fetchall())
    event_pks = [r["pk"] for r in rows]
    reports = [Report(k, v, vm, q, s, art_ids[a]) for k, v, vm, q, s, a in conn.execute(
        f"SELECT kind, value, value_max, qualifier, source, article_pk FROM counts "
        f"WHERE event_pk IN ({','.join('?' * len(event_pks))})", event_pks)]
    figures = reconcile(reports, [(r["fatalities"], art_ids[r["article_pk"]]) for r in rows
                                  if r["fatalities"] is not None])
    killed = figures.get("killed", {}).get("lowest")
    conn.execute(
        """UPDATE incidents SET event_type = ?, sub_event_type = ?, disorder_type = ?, date = ?, day = ?,
           date_min = ?, date_max = ?, time_precision = ?, country = ?, admin1 = ?, location = ?,
           geonameid = ?, latitude = ?, longitude = ?, geo_precision = ?, cell = ?, actor1 = ?, actor2 = ?,
           actor1_name = ?, actor2_name = ?, fatalities = ?, n_events = ?, n_articles = ?,
           figures_json = ?, tol = ?, updated_at = ? WHERE pk = ?""",
        (rep["event_type"], rep["sub_event_type"], rep["disorder_type"], rep["date"], day_number(rep["date"]),
         dates[0] if dates else None, dates[-1] if dates else None, rep["time_precision"], rep["country"],
         rep["admin1"], rep["location"], rep["geonameid"], rep["latitude"], rep["longitude"],
         rep["geo_precision"], cell(rep["latitude"], rep["longitude"]), rep["actor1"], rep["actor2"],
         rep["actor1_name"] or next((r["actor1_name"] for r in rows if r["actor1_name"]), None),
         rep["actor2_name"] or next((r["actor2_name"] for r in rows if r["actor2_name"]), None),
         None if killed is None else int(killed), len(rows), len(art_ids),
         json.dumps(figures, ensure_ascii=False),
         max(DATE_TOLERANCE.get(r["time_precision"] or 3, MAX_WINDOW) for r in rows), _now(), incident_pk))


def incidents_of_article(conn: sqlite3.Connection, article_pk: int) -> set[int]:
    return {r[0] for r in conn.execute("SELECT DISTINCT incident_pk FROM events WHERE article_pk = ? "
                                       "AND incident_pk IS NOT NULL", (article_pk,))}
