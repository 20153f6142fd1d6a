"""When two event records are the same real-world event.

ACLED events are atomic: one day, one place, one type, one actor pair. Two records from different
articles are one event when all of these hold:
- the same sub-event *family* (outlets disagree on "peaceful" vs "with intervention" vs "violent"
  for one protest, but an arrest campaign and a protest are different events);
- dates both known and within the looser record's time precision (exact days must be equal:
  two days of one campaign stay apart);
- places within the looser record's precision radius; two exact places must be the same place
  (same geonameid, or a few km apart when one has none), so two districts of a city stay apart;
  region- or country-level records only join records of the same region/country level;
- compatible actors (the same kinds once crowd kinds are folded together).
Records from the same article are never merged: the extractor already told them apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from ..resources.gazetteer import haversine_km
from ..text.normalise import name_key

# sub-event type -> family; sub-events not listed form a family of their own
FAMILIES: dict[str, str] = {
    "Peaceful protest": "demonstration",
    "Protest with intervention": "demonstration",
    "Excessive force against protesters": "demonstration",
    "Violent demonstration": "demonstration",
    "Armed clash": "battle",
    "Government regains territory": "battle",
    "Non-state actor overtakes territory": "battle",
    "Shelling/artillery/missile attack": "remote",
    "Air/drone strike": "remote",
    "Remote explosive/landmine/IED": "explosive",
    "Grenade": "explosive",
    "Suicide bomb": "explosive",
}

# largest date difference, in days, that a time precision allows (1 exact day, 2 a week, 3 a month)
DATE_TOLERANCE = {1: 0, 2: 3, 3: 15}
# place radius in km by geo precision (1 the place itself, 2 near it / part of a region, 3 region)
EXACT_RADIUS_KM = 3.0
NEAR_RADIUS_KM = 25.0
CELL_DEG = 1.0  # candidate-index cell: coordinates rounded to this many degrees

# crowd kinds are one party for linking: one outlet's protesters are another's rioters
_ACTOR_FOLD = {"Protesters": "crowd", "Rioters": "crowd"}
# in arrests, who is arrested is coded Civilians or Protesters depending on the outlet
_ARREST_FOLD = {"Protesters": "crowd", "Rioters": "crowd", "Civilians": "crowd"}


@dataclass(slots=True)
class EventKey:
    """The fields of an event record that linking reads."""

    article: str
    sub_event_type: str
    date: str | None
    time_precision: int | None
    country: str | None
    admin1: str | None
    location: str | None
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    actor1: str | None
    actor2: str | None


def family(sub_event_type: str) -> str:
    return FAMILIES.get(sub_event_type, sub_event_type)


def day_number(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def cell(lat: float | None, lon: float | None) -> str | None:
    if lat is None or lon is None:
        return None
    return f"{math.floor(lat / CELL_DEG)}:{math.floor(lon / CELL_DEG)}"


def tolerance_days(a: EventKey, b: EventKey) -> int:
    return max(DATE_TOLERANCE.get(a.time_precision or 3, 15), DATE_TOLERANCE.get(b.time_precision or 3, 15))


def dates_match(a: EventKey, b: EventKey) -> bool:
    da, db = day_number(a.date), day_number(b.date)
    if da is None or db is None:  # an undated record cannot be placed on the same day as another
        return False
    return abs(da - db) <= tolerance_days(a, b)



def _coords(e: EventKey) -> tuple[float, float] | None:
    if e.latitude is None or e.longitude is None:
        return None
    return e.latitude, e.longitude


def places_match(a: EventKey, b: EventKey) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    pa, pb = a.geo_precision or 3, b.geo_precision or 3
    if pa == 3 or pb == 3:
        # region/country level joins only the same region/country level
        if pa != pb:
            return False
        if a.geonameid and b.geonameid:
            return a.geonameid == b.geonameid
        return bool(a.country) and a.country == b.country and name_key(a.admin1) == name_key(b.admin1) \
            and name_key(a.location) == name_key(b.location)
    ca, cb = _coords(a), _coords(b)
    if pa == 1 and pb == 1:
        if a.geonameid and b.geonameid:
            return a.geonameid == b.geonameid
        if ca and cb:
            return haversine_km(*ca, *cb) <= EXACT_RADIUS_KM
        return bool(a.location) and name_key(a.location) == name_key(b.location)
    # one of them only near the place: the same place, or within the near radius
    if a.geonameid and b.geonameid and a.geonameid == b.geonameid:
        return True
    if ca and cb:
        return haversine_km(*ca, *cb) <= NEAR_RADIUS_KM
    return bool(a.location) and name_key(a.location) == name_key(b.location)


def _actor_set(e: EventKey) -> tuple[str | None, set[str]]:
    fold = _ARREST_FOLD if e.sub_event_type == "Arrests" else _ACTOR_FOLD
    a1 = fold.get(e.actor1 or "", e.actor1) if e.actor1 else None
    a2 = fold.get(e.actor2 or "", e.actor2) if e.actor2 else None
    return a1, {x for x in (a1, a2) if x}


def actors_match(a: EventKey, b: EventKey) -> bool:
    """Same kinds once crowds are folded; a record that names no second party is compatible with
    one that does (outlets often omit the police), as long as the first parties agree."""
    a1, sa = _actor_set(a)
    b1, sb = _actor_set(b)
    if not sa or not sb:
        return True
    if a.actor2 and b.actor2:
        return sa == sb
    return bool(sa & sb)


def same_event(a: EventKey, b: EventKey) -> bool:
    """All linking rules; symmetric."""
    if a.article == b.article:
        return False
    return (family(a.sub_event_type) == family(b.sub_event_type) and dates_match(a, b)
            and places_match(a, b) and actors_match(a, b))


def closeness(a: EventKey, b: EventKey) -> float:
    """Higher is closer: ranks several matching incidents for one record."""
    score = 0.0
    if a.sub_event_type == b.sub_event_type:
        score += 2
    da, db = day_number(a.date), day_number(b.date)
    if da is not None and db is not None:
        score -= abs(da - db)
    ca, cb = _coords(a), _coords(b)
    if ca and cb:
        score -= haversine_km(*ca, *cb) / 10
    if (a.geo_precision or 3) == (b.geo_precision or 3):
        score += 0.5
    if a.actor1 == b.actor1 and a.actor2 == b.actor2:
        score += 0.5
    return score
