#!/usr/bin/env python3
"""Places of events on invented ru/uk/en news (issue 14, class 2), scored like ../shared/eval/score.py.

Each case of bench/places_cases.py is one short article; `kronika.pipeline.extract` runs on it and
every event it emits is a prediction. The gold events are matched with score.py's own `same_place`
(50 km, 200 km for region-level gold) and `score_events`, as its `places` metric does: an event at
a wrong place is a false positive and a miss, an event where the gold has none is a false positive.
Prints P/R/F1 per half, per class and per language; --verbose lists every case that is not exact.

Usage: python bench/places_check.py [--half held_out|tune|both] [--verbose]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from places_cases import HELD_OUT, TUNE, Case  # noqa: E402
from scorer import prf, run_halves  # noqa: E402

from kronika.model import Article  # noqa: E402
from kronika.pipeline import extract  # noqa: E402

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def _gold(c: Case) -> list[dict[str, Any]]:
    return [{"latitude": g.lat, "longitude": g.lon, "geo_precision": g.geo_precision, "location": g.name}
            for g in c.gold]


def check(cases: list[Case], sc: ModuleType, verbose: bool) -> tuple[int, int, int]:
    per_cls: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    no_event = 0
    for k, c in enumerate(cases):
        res = extract(Article(text=c.text, id=f"case{k}", lang=c.lang, published="2024-06-01"))
        preds = [{"latitude": e.latitude, "longitude": e.longitude, "location": e.location}
                 for e in res.events]
        no_event += bool(c.gold) and not preds
        acc = sc.PRF()
        sc.score_events(_gold(c), preds, sc.same_place, acc)
        for bucket in (per_cls[c.cls], per_lang[c.lang]):
            bucket[0] += acc.tp
            bucket[1] += acc.fp
            bucket[2] += acc.fn
        if verbose and (acc.fp or acc.fn):
            print(f"  [{k}] {c.cls} {c.lang}: {c.text[:100]}")
            print(f"      gold {[(g.name, g.geo_precision) for g in c.gold]}")
            for e in res.events:
                print(f"      pred {e.sub_event_type}: {e.location} ({e.latitude}, {e.longitude}) gp{e.geo_precision}")
            if not res.events:
                print("      pred: no event")
    tot = [sum(v[i] for v in per_lang.values()) for i in range(3)]
    p, r, f = prf(*tot)
    print(f"places P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {tot[0]} fp {tot[1]} fn {tot[2]}; "
          f"{no_event} cases without any event)")
    for name, table in (("lang", per_lang), ("class", per_cls)):
        print(f"  by {name}: " + "  ".join(f"{key} {prf(*v)[2]:.2f} ({v[0]}/{v[0] + v[2]})"
                                          for key, v in sorted(table.items())))
    return tot[0], tot[1], tot[2]


def main() -> int:
    return run_halves(__doc__.split("\n")[0], SHARED, [("held_out", HELD_OUT), ("tune", TUNE)], check)


if __name__ == "__main__":
    sys.exit(main())
