#!/usr/bin/env python3
"""Event dates on invented multi-sentence articles in uk, ru, en (issue 14, class 1).

Each article of bench/dates_cases.py goes through the whole pipeline (`kronika.pipeline.extract`), so
dates are scored as the events stage binds them. Scoring follows ../shared/eval/score.py (loaded, not
copied): events matched relaxed (type and place) give the date accuracy (same day, the way score.py
counts it), strict matches (type, place and date) give the strict F1. Halves: `held` (the held-out
check, written before any code change and never tuned on) and `tune`.

Usage: python bench/dates_check.py [--half held|tune|both] [--verbose]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from dates_cases import HELD, TUNE, Case  # noqa: E402
from scorer import prf, run_halves  # noqa: E402

from kronika.model import Article  # noqa: E402
from kronika.pipeline import extract  # noqa: E402


def check(cases: list[Case], sc: ModuleType, verbose: bool) -> None:
    strict, relaxed = sc.PRF(), sc.PRF()
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])   # class or [lang]: dated right, matched, gold
    date_ok = date_all = 0
    for k, (cls, lang, pub, title, text, gold) in enumerate(cases):
        res = extract(Article(text=text, id=f"dates-{k}", lang=lang, published=pub, title=title))
        pred: list[dict[str, Any]] = [{"event_type": e.event_type, "location": e.location, "country": e.country,
                                       "date": e.date} for e in res.events]
        golds = [{"event_type": t, "location": loc, "country": c, "date": d} for t, loc, c, d in gold]
        for p in pred:      # a gazetteer spelling the gold lists stands for the gold's first one
            for g in golds:
                if sc.fold(p["location"]) in {sc.fold(x) for x in g["location"].split("|")}:
                    p["location"] = g["location"]
        sc.score_events(golds, pred, lambda a, b: a["event_type"] == b["event_type"] and sc.same_place(a, b)
                        and sc.same_date(a, b), strict)
        pairs = sc.score_events(golds, pred, lambda a, b: a["event_type"] == b["event_type"]
                                and sc.same_place(a, b), relaxed)
        right = sum(bool(sc.same_date(golds[gi], pred[pi])) for gi, pi in pairs)
        date_ok += right
        date_all += len(pairs)
        for key in (cls, f"[{lang}]"):
            per[key][0] += right
            per[key][1] += len(pairs)
            per[key][2] += len(golds)
        if verbose and (right < len(golds) or len(pred) > len(pairs)):
            got = ", ".join(f"{p['event_type'][:9]}/{p['location']}/{p['date']}" for p in pred)
            want = ", ".join(f"{g['event_type'][:9]}/{g['location']}/{g['date']}" for g in golds)
            print(f"  [{cls}/{lang} pub {pub}] want {want}\n      got {got or '-'}\n      {text[:160]!r}")
    for cls, (ok, matched, n) in sorted(per.items()):
        print(f"  {cls:<14} dated right {ok}/{matched} matched of {n}")
    s = prf(strict.tp, strict.fp, strict.fn)
    r = prf(relaxed.tp, relaxed.fp, relaxed.fn)
    print(f"  date accuracy {date_ok}/{date_all} = {date_ok / max(date_all, 1):.3f}; events strict F1 {s[2]:.3f} "
          f"(P {s[0]:.3f} R {s[1]:.3f}); relaxed F1 {r[2]:.3f}")


def main() -> int:
    return run_halves(__doc__.splitlines()[0], ROOT.parent / "shared", [("held", HELD), ("tune", TUNE)], check)


if __name__ == "__main__":
    sys.exit(main())
