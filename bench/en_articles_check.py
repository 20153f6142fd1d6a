#!/usr/bin/env python3
"""English events on invented multi-sentence news articles, scored as ../shared/eval/score.py does.

The articles (bench/en_articles_data.py) are wire copy with datelines, features and local news, with
a `published` date: protests and strikes on four continents, riots, drone and artillery attacks in
civil wars, kidnappings, shootings, and articles that hold no event (background, planned or
threatened protests, denials, verdicts, sport, markets, accidents, hoaxes, commemorations,
forecasts). HELD_OUT was written before any code change and is not tuned on; HELD_OUT_B was written
after the first fixes and is not tuned on either; TUNE is the half fixes are developed against.

Prints, per half: events strict P/R/F1 (type, place, date: score.py's `score_events`), relaxed F1
(type, place), sub-type and date accuracy on matched events, relevance, and the false events on the
articles that hold none; --verbose lists every article whose prediction differs from its gold.

Usage: python bench/en_articles_check.py [--half held_out|held_out_b|tune|both] [--verbose]
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from en_articles_data import HELD_OUT, HELD_OUT_B, PLACES, TUNE, Art
from scorer import run_halves

from kronika.model import Article
from kronika.pipeline import extract


def _gold(a: Art) -> list[dict[str, Any]]:
    out = []
    for e in a.events:
        lat, lon = PLACES[e.place]
        out.append({"event_type": e.event_type, "sub_event_type": e.sub_event_type, "date": e.date,
                    "latitude": lat, "longitude": lon, "geo_precision": e.geo_precision, "location": e.place,
                    "optional": e.optional})
    return out


def check(arts: list[Art], sc: ModuleType, verbose: bool) -> dict[str, float]:
    strict_prf, relaxed_prf, rel_prf = sc.PRF(), sc.PRF(), sc.PRF()
    sub_ok = sub_all = date_ok = date_all = false_on_empty = 0
    for a in arts:
        res = extract(Article(text=a.text, id=a.id, lang="en", published=a.published))
        preds = [{"event_type": e.event_type, "sub_event_type": e.sub_event_type, "date": e.date,
                  "latitude": e.latitude, "longitude": e.longitude, "location": e.location,
                  "country": e.country} for e in res.events]
        gold = _gold(a)
        strict = lambda g, p: g.get("event_type") == p.get("event_type") and sc.same_place(g, p) \
            and sc.same_date(g, p)  # noqa: E731
        relaxed = lambda g, p: g.get("event_type") == p.get("event_type") and sc.same_place(g, p)  # noqa: E731
        before = (strict_prf.tp, strict_prf.fp, strict_prf.fn)
        pairs = sc.score_events(gold, preds, strict, strict_prf)
        required = [g for g in gold if not g["optional"]]
        for gi, pi in pairs:
            sub_all += 1
            sub_ok += required[gi]["sub_event_type"] == preds[pi]["sub_event_type"]
        for gi, pi in sc.score_events(gold, preds, relaxed, relaxed_prf):
            date_all += 1
            date_ok += sc.same_date(required[gi], preds[pi])
        gr = bool(required)
        pr = any((p["event_type"], p["sub_event_type"]) != ("Strategic developments", "Other") for p in preds)
        if not (gold and not required):
            rel_prf.add(int(gr and pr), int(pr and not gr), int(gr and not pr))
        if not gold:
            false_on_empty += len(preds)
        after = (strict_prf.tp, strict_prf.fp, strict_prf.fn)
        if verbose and (after[1] > before[1] or after[2] > before[2]):
            print(f"  [{a.id} {a.cls}] {a.text[:100]!r}")
            for g in gold:
                print(f"      gold {g['event_type']} / {g['sub_event_type']} {g['date']} {g['location']}"
                      f"{' (optional)' if g['optional'] else ''}")
            for e in res.events:
                ev = e.evidence[0].text[:80] if e.evidence else ""
                print(f"      pred {e.event_type} / {e.sub_event_type} {e.date} {e.location} {e.country} "
                      f"gp{e.geo_precision}  <- {ev!r}")
    s, r, rel = strict_prf.as_dict(), relaxed_prf.as_dict(), rel_prf.as_dict()
    print(f"events strict P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} "
          f"(tp {s['tp']} fp {s['fp']} fn {s['fn']}); relaxed F1 {r['f1']:.3f}; "
          f"sub-type acc {sub_ok / sub_all if sub_all else 0:.3f}; date acc {date_ok / date_all if date_all else 0:.3f}; "
          f"relevance F1 {rel['f1']:.3f}; false events on no-event articles {false_on_empty}")
    return {"P": s["precision"], "R": s["recall"], "F1": s["f1"]}


if __name__ == "__main__":
    raise SystemExit(run_halves(__doc__.split("\n")[0], Path(__file__).resolve().parents[1] / ".." / "shared",
                                [("held_out", HELD_OUT), ("held_out_b", HELD_OUT_B), ("tune", TUNE)], check))
