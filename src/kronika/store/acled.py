"""ACLED's vocabulary for exports: column order, country names and regions, actor and interaction text.

Column names and order are those of ACLED's current data export, so scripts written for ACLED read
a kronika CSV unchanged. Since 2024 ACLED writes inter1/inter2 as actor-kind text and interaction as
"<kind>-<kind>" or "<kind> only"; kronika follows that.
"""

from __future__ import annotations

from functools import lru_cache

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


def actor_text(kind: str | None, name: str | None, country: str | None) -> str:
    """ACLED-style actor: the named group, else the kind with the country ("Protesters (Kazakhstan)")."""
    if name:
        return name
    if not kind:
        return ""
    cname = country_info(country)[2]
    return f"{kind} ({cname})" if cname else kind


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
