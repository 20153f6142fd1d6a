#!/usr/bin/env python3
"""Build bench/link_pairs.jsonl: labelled pairs of event records (same real-world event or not).

Two parts:
- dev pairs, *by reference* to ../shared/data/dev/gold.jsonl ("dev:<article id>#<event index>"), so
  no corpus text or annotation is copied into the repo. Labels come from the annotators' coding:
  the same event when both records have the same place (geonameid), the same sub-event family
  and the same exact day (time precision 1 on both); a different event when they share the
  country and the family but differ in place or in day (hard negatives: one city on two days, two
  cities on one day). Pairs whose truth the gold cannot tell (an undated record, week- or
  month-precision records on different days, a record whose article codes two events with the
  same key) are left out; so are pairs within one article.
- hand-written pairs (fields given inline) for what the dev set lacks: uk and ru reports of one
  event with differently spelled fields, two districts of one city on one day, two days of one
  campaign, a region-level record against a city record, actor conflicts, precision tolerance.

Run from the repo root: python bench/link_build.py
"""

from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kronika.link.rules import family  # noqa: E402

GOLD = ROOT.parent / "shared" / "data" / "dev" / "gold.jsonl"
OUT = ROOT / "bench" / "link_pairs.jsonl"


def _ev(article: str, sub: str, date: str | None, tp: int, country: str, admin1: str | None, location: str,
        gid: int | None, lat: float | None, lon: float | None, gp: int, a1: str, a2: str | None) -> dict:
    return {"article": article, "sub_event_type": sub, "date": date, "time_precision": tp, "country": country,
            "admin1": admin1, "location": location, "geonameid": gid, "latitude": lat, "longitude": lon,
            "geo_precision": gp, "actor1": a1, "actor2": a2}


# (a, b, same, note): hand-written cases
KYIV = (50.45466, 30.5238)
SYNTHETIC = [
    # uk and ru versions of one report: same event, fields spelled or coded differently
    (_ev("uk-1", "Violent demonstration", "2020-11-17", 1, "UA", "Kyiv City", "Kyiv", 703448, *KYIV, 1,
         "Rioters", "State forces"),
     _ev("ru-1", "Protest with intervention", "2020-11-17", 1, "UA", "Kyiv", "Kiev", 703448, *KYIV, 1,
         "Protesters", "State forces"), True, "uk/ru versions: riot vs protest with intervention"),
    (_ev("uk-2", "Peaceful protest", "2022-01-04", 1, "KZ", "Nur-Sultan", "Nur-Sultan", 1526273, 51.1801, 71.44598,
         1, "Protesters", None),
     _ev("ru-2", "Peaceful protest", "2022-01-04", 1, "KZ", None, "Astana", 1526273, 51.1801, 71.44598, 1,
         "Protesters", None), True, "uk/ru versions: old and new city name, one geonameid"),
    (_ev("uk-3", "Arrests", "2021-01-23", 1, "RU", "Moscow", "Moscow", 524901, 55.75222, 37.61556, 1,
         "State forces", "Protesters"),
     _ev("ru-3", "Arrests", "2021-01-23", 1, "RU", "Moscow", "Москва", 524901, 55.75222, 37.61556, 1,
         "State forces", "Civilians"), True, "uk/ru versions: arrested coded Protesters vs Civilians"),
    (_ev("uk-4", "Violent demonstration", "2022-01-05", 1, "KZ", "Almaty", "Almaty", 1526384, 43.25, 76.91667, 1,
         "Rioters", "State forces"),
     _ev("ru-4", "Violent demonstration", "2022-01-05", 1, "KZ", "Almaty", "Almaty", 1526384, 43.25, 76.91667, 1,
         "Rioters", None), True, "one outlet omits the police"),
    (_ev("en-5", "Peaceful protest", "2020-08-16", 1, "BY", "Minsk City", "Minsk", 625144, 53.9, 27.56667, 1,
         "Protesters", None),
     _ev("ru-5", "Peaceful protest", "2020-08-16", 1, "BY", "Minsk City", "Minsk", None, 53.902, 27.561, 1,
         "Protesters", None), True, "one record without geonameid, same coordinates"),
    (_ev("en-6", "Peaceful protest", "2020-08-16", 2, "BY", "Minsk City", "Minsk", 625144, 53.9, 27.56667, 1,
         "Protesters", None),
     _ev("ru-6", "Peaceful protest", "2020-08-17", 1, "BY", "Minsk City", "Minsk", 625144, 53.9, 27.56667, 1,
         "Protesters", None), True, "week precision against an exact day next to it"),
    (_ev("en-7", "Violent demonstration", "2018-11-01", 1, "PK", "Punjab", "Lahore", 1172451, 31.558, 74.35071, 2,
         "Rioters", None),
     _ev("ru-7", "Violent demonstration", "2018-11-01", 1, "PK", "Punjab", "Lahore", 1172451, 31.558, 74.35071, 1,
         "Rioters", None), True, "near the city vs the city"),
    (_ev("en-8", "Shelling/artillery/missile attack", "2022-03-01", 1, "UA", "Kharkivska", "Kharkiv", 706483,
         49.98081, 36.25272, 1, "External/Other", "Civilians"),
     _ev("uk-8", "Air/drone strike", "2022-03-01", 1, "UA", "Kharkivska", "Kharkiv", 706483, 49.98081, 36.25272, 1,
         "External/Other", "Civilians"), True, "missile strike reported as shelling by one, air strike by another"),
    # different events
    (_ev("uk-9", "Peaceful protest", "2022-01-25", 1, "UA", "Kyiv City", "Podilskyi district", 11611717, 50.4766,
         30.4926, 1, "Protesters", None),
     _ev("ru-9", "Peaceful protest", "2022-01-25", 1, "UA", "Kyiv City", "Pecherskyi district", 11611721, 50.4291,
         30.5555, 1, "Protesters", None), False, "two districts of one city on one day"),
    (_ev("uk-10", "Peaceful protest", "2022-01-25", 1, "UA", "Kyiv City", "Obolon", None, 50.5012, 30.4981, 1,
         "Protesters", None),
     _ev("ru-10", "Peaceful protest", "2022-01-25", 1, "UA", "Kyiv City", "Holosiiv", None, 50.3826, 30.5100, 1,
         "Protesters", None), False, "two districts, no geonameids, 13 km apart"),
    (_ev("en-11", "Peaceful protest", "2020-08-16", 1, "BY", "Minsk City", "Minsk", 625144, 53.9, 27.56667, 1,
         "Protesters", None),
     _ev("ru-11", "Peaceful protest", "2020-08-17", 1, "BY", "Minsk City", "Minsk", 625144, 53.9, 27.56667, 1,
         "Protesters", None), False, "two days of one campaign"),
    (_ev("en-12", "Protest with intervention", "2020-08-23", 1, "BY", "Minsk City", "Minsk", 625144, 53.9,
         27.56667, 1, "Protesters", "State forces"),
     _ev("ru-12", "Protest with intervention", "2020-08-30", 1, "BY", "Minsk City", "Minsk", 625144, 53.9,
         27.56667, 1, "Protesters", "State forces"), False, "weekly Sunday marches"),
    (_ev("en-13", "Violent demonstration", "2018-11-01", 1, "PK", "Punjab", "Punjab", 1167710, 31.558, 74.35071, 3,
         "Rioters", None),
     _ev("ru-13", "Violent demonstration", "2018-11-01", 1, "PK", "Punjab", "Lahore", 1172451, 31.558, 74.35071, 1,
         "Rioters", None), False, "region-level record against a city record"),
    (_ev("en-14", "Armed clash", "2014-05-26", 1, "UA", "Donetsk", "Donetsk", 709717, 48.023, 37.80224, 1,
         "State forces", "Rebel group"),
     _ev("ru-14", "Armed clash", "2014-05-26", 1, "UA", "Donetsk", "Donetsk", 709717, 48.023, 37.80224, 1,
         "Rebel group", "Identity militia"), False, "one place and day, different parties"),
    (_ev("en-15", "Peaceful protest", "2022-01-05", 1, "KZ", "Almaty", "Almaty", 1526384, 43.25, 76.91667, 1,
         "Protesters", None),
     _ev("ru-15", "Arrests", "2022-01-05", 1, "KZ", "Almaty", "Almaty", 1526384, 43.25, 76.91667, 1,
         "State forces", "Protesters"), False, "a protest and an arrest campaign"),
    (_ev("en-16", "Peaceful protest", None, 1, "BY", "Minsk City", "Minsk", 625144, 53.9, 27.56667, 1,
         "Protesters", None),
     _ev("ru-16", "Peaceful protest", None, 1, "BY", "Minsk City", "Minsk", 625144, 53.9, 27.56667, 1,
         "Protesters", None), False, "undated records are not merged (the day cannot be checked)"),
    (_ev("en-17", "Peaceful protest", "2021-07-11", 1, "CU", "La Habana", "Havana", 3553478, 23.13302, -82.38304, 1,
         "Protesters", None),
     _ev("es-17", "Peaceful protest", "2021-07-11", 1, "CU", "Santiago de Cuba", "Santiago de Cuba", 3536729,
         20.02083, -75.82667, 1, "Protesters", None), False, "two cities on one day"),
    (_ev("en-18", "Peaceful protest", "2022-01-04", 2, "KZ", "Mangistau", "Zhanaozen", 609404, 43.3412, 52.8619, 1,
         "Protesters", None),
     _ev("ru-18", "Peaceful protest", "2022-01-12", 2, "KZ", "Mangistau", "Zhanaozen", 609404, 43.3412, 52.8619, 1,
         "Protesters", None), False, "week precision, eight days apart"),
]


def dev_pairs() -> list[dict]:
    if not GOLD.exists():
        sys.exit(f"no dev gold at {GOLD}")
    evs = []
    for line in GOLD.open(encoding="utf-8"):
        g = json.loads(line)
        keys = [(family(e["sub_event_type"]), e.get("geonameid"), e.get("date")) for e in g["events"]]
        for i, e in enumerate(g["events"]):
            if e.get("geonameid") is None or keys.count(keys[i]) > 1:
                continue  # no place id, or the article itself codes two events with this key
            evs.append((g["id"], i, e))
    out = []
    for (aid, ai, a), (bid, bi, b) in combinations(evs, 2):
        if aid == bid or a["country"] != b["country"] or family(a["sub_event_type"]) != family(b["sub_event_type"]):
            continue
        if not a.get("date") or not b.get("date"):
            continue
        same_place = a["geonameid"] == b["geonameid"] and a.get("geo_precision") == b.get("geo_precision")
        exact = a.get("time_precision") == 1 and b.get("time_precision") == 1
        if same_place and a["date"] == b["date"] and exact:
            label, note = True, "gold: same place, family and exact day"
        elif not same_place and a["date"] == b["date"]:
            label, note = False, "gold: same day and family, different place"
        elif same_place and a["date"] != b["date"] and exact:
            label, note = False, "gold: same place and family, different exact day"
        else:
            continue  # the gold cannot tell
        out.append({"a": {"ref": f"dev:{aid}#{ai}"}, "b": {"ref": f"dev:{bid}#{bi}"}, "same": label, "note": note})
    return out


def main() -> None:
    rows = dev_pairs()
    rows += [{"a": a, "b": b, "same": same, "note": note} for a, b, same, note in SYNTHETIC]
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    pos = sum(r["same"] for r in rows)
    print(f"{len(rows)} pairs ({pos} same, {len(rows) - pos} different) written to {OUT}")


if __name__ == "__main__":
    main()
