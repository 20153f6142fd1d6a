#!/usr/bin/env python3
"""Russian and Ukrainian events on invented multi-sentence news articles, scored as ../shared/eval/score.py does.

The articles (headline + 3-8 sentences, a `published` date) live in bench/ruuk_articles/*.toml, every
sentence written for kronika (issue 14, classes 3-6): local and environmental protests, pickets in
series, car rallies, hunger strikes, road and border blockades, brawls turning into riots, shootings
in public places, detentions at protests, round-ups and per-city tallies, and the look-alikes that
are no event (anniversaries, forecasts, threats, denials, court cases about old protests).
- held_out.toml was written first, before any code change, and is never tuned on;
- tune.toml is the half fixes are developed against.
The headline is the text's first line (as many outlets' dumps give it). Each half prints relevance,
events strict P/R/F1 (type, place within 50 km / 200 km for geo_precision 3, date), per language,
sub-event accuracy on matched events and date accuracy on type+place matches; --verbose lists
every article whose events differ from the gold.

Usage: python bench/ruuk_articles_check.py [--half held_out|tune|both] [--verbose]
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from scorer import run_halves

from kronika.model import Article
from kronika.pipeline import extract

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent / ".." / "shared"


def load(name: str) -> list[dict[str, Any]]:
    """The articles of one half, each gold event with the coordinates of its [places] row."""
    data = tomllib.loads((HERE / "ruuk_articles" / f"{name}.toml").read_text(encoding="utf-8"))
    places: dict[str, list[float]] = data["places"]
    out = []
    for a in data["article"]:
        gold = []
        for e in a["events"]:
            lat, lon = places[e["place"]]
            gold.append({"event_type": e["type"], "sub_event_type": e["sub"], "date": e["date"],
                         "location": e["place"], "latitude": lat, "longitude": lon,
                         "geo_precision": e["gp"], "optional": e.get("optional", False)})
        out.append({**a, "gold": gold})
    return out


def _pred(a: dict[str, Any]) -> list[dict[str, Any]]:
    res = extract(Article(text=f"{a['title']}\n\n{a['text']}", id=a["id"], lang=a["lang"],
                          published=a["published"], title=a["title"]))
    return [{"event_type": e.event_type, "sub_event_type": e.sub_event_type, "date": e.date,
             "location": e.location, "latitude": e.latitude, "longitude": e.longitude,
             "geo_precision": e.geo_precision, "country": e.country} for e in res.events]


def _line(e: dict[str, Any]) -> str:
    return f"{e['event_type']}/{e['sub_event_type']} {e.get('date')} {e.get('location')}"


def check(articles: list[dict[str, Any]], sc: ModuleType, verbose: bool) -> None:
    strict = lambda g, p: (g.get("event_type") == p.get("event_type") and sc.same_place(g, p)  # noqa: E731
                           and sc.same_date(g, p))
    relaxed = lambda g, p: g.get("event_type") == p.get("event_type") and sc.same_place(g, p)  # noqa: E731
    total, rel = sc.PRF(), sc.PRF()
    by_lang: dict[str, Any] = defaultdict(sc.PRF)
    sub_ok = sub_n = date_ok = date_n = 0
    for a in articles:
        gold, preds = a["gold"], _pred(a)
        gr = bool(gold)
        pr = any((p["event_type"], p["sub_event_type"]) != ("Strategic developments", "Other") for p in preds)
        rel.add(int(gr and pr), int(pr and not gr), int(gr and not pr))
        before = (total.tp, total.fp, total.fn)
        pairs = sc.score_events(gold, preds, strict, total)
        sc.score_events(gold, preds, strict, by_lang[a["lang"]])
        for gi, pi in pairs:
            sub_n += 1
            sub_ok += gold[gi]["sub_event_type"] == preds[pi]["sub_event_type"]
        for gi, _pi in sc.match(gold, preds, relaxed):
            date_n += 1
            date_ok += sc.same_date(gold[gi], preds[_pi])
        missed = (total.tp, total.fp, total.fn) != (before[0] + len(gold), before[1], before[2])
        wrong_sub = any(gold[gi]["sub_event_type"] != preds[pi]["sub_event_type"] for gi, pi in pairs)
        if verbose and (missed or wrong_sub):
            print(f"  {a['id']} ({a['lang']}, published {a['published']})")
            for g in gold:
                print(f"     gold {_line(g)}")
            for p in preds:
                print(f"     pred {_line(p)}")
    r, e = rel.as_dict(), total.as_dict()
    print(f"  relevance       P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}")
    print(f"  events strict   P {e['precision']:.3f} R {e['recall']:.3f} F1 {e['f1']:.3f}"
          f"   (tp {e['tp']}, fp {e['fp']}, fn {e['fn']})")
    for lang, prf in sorted(by_lang.items()):
        d = prf.as_dict()
        print(f"  events[{lang}]      P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f}")
    print(f"  sub-type acc {sub_ok / sub_n if sub_n else 0:.3f} ({sub_ok}/{sub_n}); "
          f"date acc {date_ok / date_n if date_n else 0:.3f} ({date_ok}/{date_n})")


def main() -> int:
    halves: list[tuple[str, Sequence[Any]]] = [
        (name, load(name)) for name in ("held_out", "tune") if (HERE / "ruuk_articles" / f"{name}.toml").exists()]
    return run_halves(__doc__.splitlines()[0], SHARED, halves, check)


if __name__ == "__main__":
    raise SystemExit(main())
