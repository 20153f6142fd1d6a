#!/usr/bin/env python3
"""Store and link throughput as the chronicle grows: synthetic articles, timed per batch.

Each article has 1-3 events over 300 places x 730 days in 3 families, so incidents accumulate and
the candidate lookup is exercised; the per-batch rate should stay flat (indexed lookup, no scan).

Usage: python bench/link_scale.py [N=20000]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kronika.model import SUB_TO_TYPE, Article, ArticleResult, Count, Event, Span  # noqa: E402
from kronika.store import open_store  # noqa: E402

SUBS = ("Peaceful protest", "Violent demonstration", "Arrests", "Armed clash")


def article(i: int, rnd: random.Random) -> tuple[Article, ArticleResult]:
    text = f"Synthetic report {i}: " + "words " * 200
    events = []
    for _ in range(rnd.randint(1, 3)):
        place = rnd.randrange(300)
        d = date(2022, 1, 1) + timedelta(days=rnd.randrange(730))
        sub = rnd.choice(SUBS)
        events.append(Event(SUB_TO_TYPE[sub], sub, d.isoformat(), 1, "UA", f"R{place % 25}", f"P{place}",
                            100000 + place, 44 + place % 30 * 0.3, 22 + place // 30 * 1.5, 1,
                            "State forces" if sub in ("Arrests", "Armed clash") else "Protesters",
                            "Rebel group" if sub == "Armed clash" else None, evidence=[Span.of(text, 0, 20)]))
    counts = [Count("detained", rnd.randint(1, 500), "exact", None, None, "police", [Span.of(text, 21, 30)])]
    return Article(text, id=f"s{i}"), ArticleResult(f"s{i}", "en", True, events, counts)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rnd = random.Random(7)
    batch = max(1, n // 5)
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "s.db") as store:
        t0 = time.perf_counter()
        tb = t0
        for i in range(n):
            store.put(*article(i, rnd))
            if (i + 1) % batch == 0:
                now = time.perf_counter()
                c = store.row_counts()
                print(f"{i + 1:>7} articles  {batch / (now - tb):7.0f} articles/s in this batch  "
                      f"{c['events']} events  {c['incidents']} incidents")
                tb = now
        print(f"total {n / (time.perf_counter() - t0):.0f} articles/s")


if __name__ == "__main__":
    main()
