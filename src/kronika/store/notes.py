"""ACLED's `notes` and `source_scale`, written from the record.

ACLED's notes are one or two English sentences an analyst writes ("On 5 January 2022, rioters stormed
and set fire to the akimat in Almaty. [size=no report]"); kronika writes the same shape from the
coded fields: date, actors, sub-event type, place, then the figures. The source-language evidence is
kept apart (the JSON exports' `evidence_text`), never mixed into the English text.
"""

from __future__ import annotations

import tomllib
from datetime import date as Date
from functools import cache
from importlib import resources as _res
from typing import Any

from .acled import country_info

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

# what actor1 did to actor2 / at the place, per sub-event type ("{a1} {verb} {a2}")
_VERBS = {
    "Peaceful protest": "demonstrated",
    "Protest with intervention": "demonstrated and {a2} intervened",
    "Excessive force against protesters": "used force against {a2}",
    "Violent demonstration": "rioted and clashed with {a2}",
    "Mob violence": "attacked {a2}",
    "Attack": "attacked {a2}",
    "Abduction/forced disappearance": "abducted {a2}",
    "Sexual violence": "committed sexual violence against {a2}",
    "Armed clash": "clashed with {a2}",
    "Government regains territory": "regained territory from {a2}",
    "Non-state actor overtakes territory": "took over territory from {a2}",
    "Shelling/artillery/missile attack": "carried out shelling or missile strikes",
    "Air/drone strike": "carried out an air or drone strike",
    "Remote explosive/landmine/IED": "detonated an explosive device",
    "Grenade": "threw a grenade",
    "Suicide bomb": "carried out a suicide bombing",
    "Chemical weapon": "used a chemical weapon",
    "Arrests": "arrested {a2}",
    "Looting/property destruction": "looted or destroyed property",
    "Agreement": "reached an agreement with {a2}",
    "Change to group/activity": "changed their activity",
    "Headquarters or base established": "established a base",
    "Non-violent transfer of territory": "took over territory without fighting",
    "Disrupted weapons use": "disrupted a weapons attack",
    "Other": "were involved in a development",
}
_NO_A2 = {"demonstrated and {a2} intervened": "demonstrated and the authorities intervened",
          "rioted and clashed with {a2}": "rioted"}


def _day(d: Date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def when(date: str | None, precision: int | None) -> str:
    """"On 5 January 2022" (exact), "Around 5 January 2022" (within a week), "In January 2022"."""
    if not date:
        return "On an unknown date"
    try:
        d = Date.fromisoformat(date[:10])
    except ValueError:
        return "On an unknown date"
    if precision == 3:
        return f"In {MONTHS[d.month - 1]} {d.year}"
    return ("Around " if precision == 2 else "On ") + _day(d)


def where(rec: dict[str, Any]) -> str:
    parts = [p for p in (rec.get("location"), rec.get("admin1")) if p]
    cname = country_info(rec.get("country"))[2]
    if cname and cname not in parts:
        parts.append(cname)
    parts = list(dict.fromkeys(parts))
    return "in " + ", ".join(parts) if parts else "at an unknown place"


def _people(n: float | int) -> str:
    n = int(n)
    return "1 person" if n == 1 else f"{n} people"


def english_notes(rec: dict[str, Any], actor1: str, actor2: str) -> str:
    """One or two English sentences and ACLED's bracketed size tag, from the record's fields."""
    sub = rec.get("sub_event_type") or "Other"
    verb = _VERBS.get(sub, "were involved in an event")
    if "{a2}" in verb:
        verb = verb.format(a2=actor2) if actor2 else _NO_A2.get(verb, verb.split(" {a2}")[0].rsplit(" ", 1)[0])
    subject = actor1 or "Unidentified actors"
    text = f"{when(rec.get('date'), rec.get('time_precision'))}, {subject} {verb} {where(rec)}."
    figures = rec.get("figures") or {}
    said: list[tuple[int, str]] = []
    if rec.get("fatalities"):
        said.append((int(rec["fatalities"]), "killed"))
    for kind, word in (("injured", "injured"), ("detained", "detained"), ("hospitalized", "hospitalised")):
        v = figures.get(kind, {}).get("lowest")
        if v:
            said.append((int(v), word))
    if said:
        n0, w0 = said[0]
        parts = [f"{_people(n0)} {'was' if n0 == 1 else 'were'} {w0}"] + [f"{n} {w}" for n, w in said[1:]]
        text += " " + (parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]) + "."
    if rec.get("event_type") in ("Protests", "Riots"):
        size = figures.get("participants", {}).get("lowest")
        text += f" [size={int(size) if size is not None else 'no report'}]"
    return text


@cache
def _outlets() -> dict[str, Any]:
    path = _res.files("kronika.resources").joinpath("data", "outlets.toml")
    with path.open("rb") as f:
        return tomllib.load(f)


SCALE_ORDER = ("New media", "Subnational", "National", "Regional", "International")


def outlet_scale(host: str, event_country: str | None) -> str | None:
    """ACLED's scale of one outlet: listed international outlets; a country's own top-level domain
    is National for an event in that country, International otherwise; else unknown."""
    data = _outlets()
    host = host.lower()
    for dom, scale in data.get("scale", {}).items():
        if host == dom or host.endswith("." + dom):
            return str(scale)
    tld = host.rsplit(".", 1)[-1]
    cc = data.get("tld_country", {}).get(tld, tld.upper() if len(tld) == 2 else None)
    if cc is None or not event_country:
        return None
    return "National" if cc == event_country.upper() else "International"


def source_scale(hosts: list[str], new_media: bool, event_country: str | None) -> str:
    """ACLED's source_scale of a record: the scales of its outlets joined ("National-International")."""
    scales = {s for h in hosts if (s := outlet_scale(h, event_country))}
    if new_media:
        scales.add("New media")
    return "-".join(s for s in SCALE_ORDER if s in scales)
