"""Incidents: which incident an event joins, and what an incident says, from its members.

Pure functions over records; the store (`store/linking.py`) reads and writes the rows and calls
these. Each stored event joins the closest existing incident it is the same event as
(`rules.same_event` against *every* member, so a chain of near matches cannot drift into one
blob), or starts a new one. Candidates come from an index window (`Window`): the 3 x 3 cells
around the event's coordinates (plus the country's incidents without coordinates), or the country
when it has none, within the date tolerance — never a scan of all incidents. An incident's id is
derived from its first member and never changes while it has members.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .reconcile import Report, reconcile
from .rules import DATE_TOLERANCE, EventKey, cell, closeness, day_number, family, same_event

MAX_WINDOW = max(DATE_TOLERANCE.values())

# when the outlets split evenly on a demonstration's sub-type, the one reporting more is kept
_SEVERITY = {"Peaceful protest": 1, "Protest with intervention": 2, "Excessive force against protesters": 3,
             "Violent demonstration": 4}


@dataclass(slots=True, frozen=True)
class Window:
    """Where an event's candidate incidents are: the family, the day range, the event's own date
    tolerance, and either the cells around it (plus its country's incidents without coordinates)
    or, without coordinates, its country."""
    family: str
    day: int
    lo: int
    hi: int
    tol: int
    cells: tuple[str, ...] | None
    country: str | None


def window(ev: EventKey) -> Window | None:
    """The candidate window of an event; None when it is undated (undated events never link)."""
    day = day_number(ev.date)
    if day is None:
        return None
    c = cell(ev.latitude, ev.longitude)
    cells = None
    if c is not None:
        y, x = (int(v) for v in c.split(":"))
        cells = tuple(f"{y + dy}:{x + dx}" for dy in (-1, 0, 1) for dx in (-1, 0, 1))
    return Window(family(ev.sub_event_type), day, day - MAX_WINDOW, day + MAX_WINDOW,
                  DATE_TOLERANCE.get(ev.time_precision or 3, MAX_WINDOW), cells, ev.country)


def best_incident(ev: EventKey, candidates: Mapping[int, Sequence[EventKey]]) -> int | None:
    """The candidate incident whose every member is the same event as `ev`, the closest one."""
    best: tuple[float, int] | None = None
    for inc, members in candidates.items():
        if members and all(same_event(ev, m) for m in members):
            score = max(closeness(ev, m) for m in members)
            if best is None or score > best[0]:
                best = (score, inc)
    return None if best is None else best[1]


def incident_id(article: str, idx: int, n: int = 1) -> str:
    """The id of an incident founded by an article's idx-th event (n > 1: the n-th on a clash)."""
    base = "inc-" + hashlib.sha1(f"{article}|{idx}".encode()).hexdigest()[:12]
    return base if n == 1 else f"{base}-{n}"


def summarise(rows: Sequence[Mapping[str, Any]], art_ids: Mapping[int, str],
              reports: Sequence[Report]) -> dict[str, Any]:
    """An incident's fields from its member events (dicts of the events columns with `pk` and
    `article_pk`), their articles' ids and the figures attributed to them."""
    subs = Counter(r["sub_event_type"] for r in rows)
    rep = min(rows, key=lambda r: (-subs[r["sub_event_type"]], -_SEVERITY.get(r["sub_event_type"], 0),
                                   r["time_precision"] or 9,
                                   r["geo_precision"] or 9, -(r["confidence"] or 0), r["pk"]))
    dates = sorted(r["date"] for r in rows if r["date"])
    figures = reconcile(reports, [(r["fatalities"], art_ids[r["article_pk"]]) for r in rows
                                  if r["fatalities"] is not None])
    killed = figures.get("killed", {}).get("lowest")
    return {
        "event_type": rep["event_type"], "sub_event_type": rep["sub_event_type"],
        "disorder_type": rep["disorder_type"], "date": rep["date"], "day": day_number(rep["date"]),
        "date_min": dates[0] if dates else None, "date_max": dates[-1] if dates else None,
        "time_precision": rep["time_precision"], "country": rep["country"], "admin1": rep["admin1"],
        "location": rep["location"], "geonameid": rep["geonameid"], "latitude": rep["latitude"],
        "longitude": rep["longitude"], "geo_precision": rep["geo_precision"],
        "cell": cell(rep["latitude"], rep["longitude"]), "actor1": rep["actor1"], "actor2": rep["actor2"],
        "actor1_name": rep["actor1_name"] or next((r["actor1_name"] for r in rows if r["actor1_name"]), None),
        "actor2_name": rep["actor2_name"] or next((r["actor2_name"] for r in rows if r["actor2_name"]), None),
        "fatalities": None if killed is None else int(killed), "n_events": len(rows),
        "n_articles": len({r["article_pk"] for r in rows}), "figures": figures,
        "tol": max(DATE_TOLERANCE.get(r["time_precision"] or 3, MAX_WINDOW) for r in rows),
    }
