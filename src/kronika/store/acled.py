"""ACLED's vocabulary for exports: column order, country names and regions, actor and interaction text.

Column names and order are those of ACLED's current data export, so scripts written for ACLED read
a kronika CSV unchanged. Since 2024 ACLED writes inter1/inter2 as actor-kind text and interaction as
"<kind>-<kind>" or "<kind> only"; kronika follows that.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date as Date
from functools import cache, lru_cache
from importlib import resources as _res

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

# ACLED's order of actor kinds (its old inter codes 1..8): interactions name the lower one first
KIND_ORDER = {"State forces": 1, "Rebel group": 2, "Political militia": 3, "Identity militia": 4,
              "Rioters": 5, "Protesters": 6, "Civilians": 7, "External/Other": 8}

# where ACLED's country name differs from ISO's short name
_NAMES = {"RU": "Russia", "IR": "Iran", "SY": "Syria", "KR": "South Korea", "KP": "North Korea",
          "VE": "Venezuela", "BO": "Bolivia", "TZ": "Tanzania", "LA": "Laos", "VN": "Vietnam",
          "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "MD": "Moldova",
          "TW": "Taiwan", "PS": "Palestine", "CZ": "Czech Republic", "TR": "Turkey", "XK": "Kosovo"}

_REGIONS: dict[str, tuple[str, ...]] = {
    "Caucasus and Central Asia": ("AM", "AZ", "GE", "KZ", "KG", "TJ", "TM", "UZ"),
    "Europe": ("AL", "AD", "AT", "BY", "BE", "BA", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
               "GR", "HU", "IS", "IE", "IT", "XK", "LV", "LI", "LT", "LU", "MT", "MD", "MC", "ME", "NL",
               "MK", "NO", "PL", "PT", "RO", "RU", "SM", "RS", "SK", "SI", "ES", "SE", "CH", "UA", "GB",
               "VA", "GI", "FO", "IM", "JE", "GG"),
    "Middle East": ("BH", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "AE", "YE"),
    "South Asia": ("AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK"),
    "East Asia": ("CN", "HK", "JP", "MO", "MN", "KP", "KR", "TW"),
    "Southeast Asia": ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"),
    "North America": ("US", "CA", "GL", "BM", "PM"),
    "Caribbean": ("AG", "BS", "BB", "CU", "DM", "DO", "GD", "HT", "JM", "KN", "LC", "VC", "TT", "PR", "AW",
                  "CW", "KY", "TC", "VG", "VI", "AI", "MS", "GP", "MQ", "BL", "MF", "SX", "BQ"),
    "Central America": ("BZ", "CR", "SV", "GT", "HN", "MX", "NI", "PA"),
    "South America": ("AR", "BO", "BR", "CL", "CO", "EC", "GY", "PY", "PE", "SR", "UY", "VE", "GF", "FK"),
    "Northern Africa": ("DZ", "EG", "LY", "MA", "SD", "TN", "EH"),
    "Western Africa": ("BJ", "BF", "CV", "CI", "GM", "GH", "GN", "GW", "LR", "ML", "MR", "NE", "NG", "SN",
                       "SL", "TG"),
    "Middle Africa": ("AO", "CM", "CF", "TD", "CG", "CD", "GQ", "GA", "ST"),
    "Eastern Africa": ("BI", "KM", "DJ", "ER", "ET", "KE", "MG", "MW", "MU", "MZ", "RW", "SC", "SO", "SS",
                       "TZ", "UG", "ZM", "ZW", "YT", "RE"),
    "Southern Africa": ("BW", "SZ", "LS", "NA", "ZA"),
    "Oceania": ("AU", "FJ", "KI", "MH", "FM", "NR", "NZ", "PW", "PG", "WS", "SB", "TO", "TV", "VU", "NC", "PF",
                "GU"),
}
_REGION_OF = {c: r for r, cs in _REGIONS.items() for c in cs}


@lru_cache(maxsize=512)
def country_info(alpha2: str | None) -> tuple[str, int | None, str, str]:
    """(alpha-3, ISO numeric, ACLED country name, ACLED region) for an alpha-2 code."""
    if not alpha2:
        return ("", None, "", "")
    import pycountry

    c = pycountry.countries.get(alpha_2=alpha2.upper())
    if c is None:
        return (alpha2.upper(), None, alpha2.upper(), _REGION_OF.get(alpha2.upper(), ""))
    name = _NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
    return (c.alpha_3, int(c.numeric), name, _REGION_OF.get(c.alpha_2, ""))


@dataclass(slots=True, frozen=True)
class Period:
    start: Date
    end: Date | None
    label: str


@cache
def governments() -> dict[str, tuple[Period, ...]]:
    """Government periods per country (resources/data/governments.toml), validated on load."""
    path = _res.files("kronika.resources").joinpath("data", "governments.toml")
    with path.open("rb") as f:
        raw = tomllib.load(f)
    out: dict[str, tuple[Period, ...]] = {}
    for cc, items in raw.items():
        if len(cc) != 2 or not cc.isupper() or not isinstance(items, list):
            raise ValueError(f"governments.toml: {cc!r} is not an ISO alpha-2 code with a list of periods")
        periods = []
        for it in items:
            start = Date.fromisoformat(it["from"])
            end = Date.fromisoformat(it["to"]) if "to" in it else None
            if end is not None and end < start or not it.get("label"):
                raise ValueError(f"governments.toml: bad period {it!r} for {cc}")
            periods.append(Period(start, end, str(it["label"])))
        out[cc] = tuple(sorted(periods, key=lambda p: p.start))
    return out


def period_label(country: str | None, day: str | None) -> str | None:
    """The bracketed period of the government in power on `day` ("2019-"), None when unknown."""
    if not country or not day:
        return None
    try:
        d = Date.fromisoformat(day[:10])
    except ValueError:
        return None
    for p in reversed(governments().get(country.upper(), ())):
        if p.start <= d and (p.end is None or d < p.end):
            return p.label
    return None


ARMED_GROUPS = frozenset({"Rebel group", "Political militia", "Identity militia"})


def actor_names(kind: str | None, name: str | None, country: str | None, force: str | None = None,
                day: str | None = None) -> tuple[str, str]:
    """ACLED's (actor, associated actor) for one side of an event.

    State forces are named by branch, country and government period ("Military Forces of Russia
    (2000-)", "Police Forces of Kazakhstan (2019-)"); crowds and civilians by kind and country
    ("Protesters (Kazakhstan)"). A named party, union, movement or unit goes to assoc_actor beside
    them; an armed group's own name is the actor. `country` is the actor's, not the event's place."""
    if not kind:
        return "", ""
    cname = country_info(country)[2]
    if kind == "State forces":
        if not cname:
            return "State forces", name or ""
        branch = "Police Forces" if force == "police" else "Military Forces"
        label = period_label(country, day)
        return f"{branch} of {cname}" + (f" ({label})" if label else ""), name or ""
    if kind in ARMED_GROUPS:
        if name:
            return name, ""
        return (f"Unidentified Armed Group ({cname})" if cname else "Unidentified Armed Group"), ""
    if kind == "External/Other":
        return (name or kind), ""
    return (f"{kind} ({cname})" if cname else kind), name or ""


def actor_text(kind: str | None, name: str | None, country: str | None) -> str:
    """The actor column alone (see actor_names)."""
    return actor_names(kind, name, country)[0]


def interaction(kind1: str | None, kind2: str | None) -> str:
    if not kind1:
        return ""
    if not kind2:
        return f"{kind1} only"
    a, b = sorted((kind1, kind2), key=lambda k: KIND_ORDER.get(k, 9))
    return f"{a}-{b}"


def civilian_targeting(event_type: str | None, actor2: str | None) -> str:
    if actor2 == "Civilians" and event_type in ("Violence against civilians", "Explosions/Remote violence",
                                                "Riots", "Battles"):
        return "Civilian targeting"
    return ""
