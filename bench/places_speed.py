"""Speed and size of the place stage.

- index build from a clean cache (a temporary $KRONIKA_CACHE), and load time from the cache;
- memory of the loaded index (RSS growth of this process);
- the place stage alone (documents analysed beforehand) in characters per second on one core, on
  the dev articles (../shared/data/dev) or, without them, on the repo's samples.

Usage: python bench/places_speed.py [--shared ../shared] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# CPU time of the child (wall time on a shared machine measures the neighbours too)
CHILD = """
import time
t = time.process_time()
from kronika.resources.gazetteer import gazetteer
g = gazetteer()
print(time.process_time() - t, len(g.entries), len(g.index))
"""


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_child(cache: str) -> str:
    env = dict(os.environ, KRONIKA_CACHE=cache)
    return subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build = timed_child(tmp).split()
        load = timed_child(tmp).split()
        size = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e6
        print(f"index build from a clean cache: {float(build[0]):.1f} s CPU ({build[1]} entries, {build[2]} names); "
              f"cache file {size:.0f} MB")
        print(f"index load from the cache: {float(load[0]):.2f} s CPU (incl. imports)")
        os.environ["KRONIKA_CACHE"] = tmp
        from kronika.extract.places.recognise import find_places
        from kronika.resources.gazetteer import gazetteer
        from kronika.text.doc import analyse

        r0 = rss_mb()
        gazetteer()
        print(f"memory of the loaded index: {rss_mb() - r0:.0f} MB")
        dev = Path(args.shared) / "data" / "dev" / "articles.jsonl"
        if dev.is_file():
            arts = [json.loads(line) for line in open(dev, encoding="utf-8")]
        else:
            arts = [{"text": p.read_text(encoding="utf-8"), "lang": None}
                    for p in Path(__file__).resolve().parents[1].joinpath("samples").glob("*.txt")]
        docs = [analyse(a["text"], a.get("lang")) for a in arts]
        chars = sum(len(d.text) for d in docs)
        for d in docs:          # warm the per-process caches once, as a long run would have them
            find_places(d)
        best = None
        for _ in range(args.repeat):
            t = time.process_time()
            for d in docs:
                find_places(d)
            dt = time.process_time() - t
            best = dt if best is None else min(best, dt)
        cold = None
        # a cold run: caches of word forms cleared (a stream of new vocabulary)
        from kronika.extract.places import recognise as places
        places.stripped_forms.cache_clear()
        places.word_class.cache_clear()
        places._nominative_adjective.cache_clear()
        t = time.process_time()
        for d in docs:
            find_places(d)
        cold = time.process_time() - t
        print(f"place stage alone: {len(docs)} documents, {chars} characters: warm {chars / best:,.0f} chars/s, "
              f"cold caches {chars / cold:,.0f} chars/s (one core, CPU time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
