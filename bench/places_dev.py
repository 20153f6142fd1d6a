"""Place accuracy on the dev set, independent of the events stage.

For every gold event of ../shared/data/dev/gold.jsonl: does the place stage find, in the article
text, a place that resolves within 50 km of the gold coordinates (200 km for region-level gold)?
Also reports how many mentions per article the stage emits and how many of them are far from every
gold place of that article (a rough false-place rate: articles also name places without events).

Usage: python bench/places_dev.py [--shared ../shared] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from kronika.extract.places.recognise import find_places
from kronika.pipeline import parse_published
from kronika.text.doc import analyse
from kronika.text.langid import detect_language


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    dev = Path(args.shared) / "data" / "dev"
    if not (dev / "gold.jsonl").is_file():
        print(f"no dev data at {dev}", file=sys.stderr)
        return 2
    arts = {d["id"]: d for d in map(json.loads, open(dev / "articles.jsonl", encoding="utf-8"))}
    found = total = req_found = req_total = mentions = far = 0
    for line in open(dev / "gold.jsonl", encoding="utf-8"):
        g = json.loads(line)
        a = arts.get(g["id"])
        if a is None or not g.get("events"):
            continue
        text = a["text"]
        lang = a.get("lang") or detect_language(text)
        doc = analyse(text, lang, parse_published(a.get("published")))
        places = [m for m in find_places(doc) if m.latitude is not None]
        pts = [(m.latitude, m.longitude) for m in places]
        golds = [(e["latitude"], e["longitude"]) for e in g["events"] if e.get("latitude") is not None]
        mentions += len(places)
        far += sum(1 for p in pts if all(km(p, q) > 200 for q in golds))
        for e in g["events"]:
            if e.get("latitude") is None:
                continue
            q = (e["latitude"], e["longitude"])
            lim = 200.0 if e.get("geo_precision") == 3 else 50.0
            ok = any(km(p, q) <= lim for p in pts)
            total += 1
            found += ok
            if not e.get("optional"):
                req_total += 1
                req_found += ok
            if not ok and args.verbose:
                print(f"MISS {g['id']} {lang} {e['location']} ({e['country']}, gp {e.get('geo_precision')}); "
                      f"found: {sorted({m.name for m in places})}")
    print(f"gold events with a place: {total}; place found within range: {found} ({found / max(total, 1):.3f})")
    print(f"required events: {req_total}; found: {req_found} ({req_found / max(req_total, 1):.3f})")
    print(f"place mentions emitted: {mentions}; >200 km from every gold place of the article: {far} "
          f"({far / max(mentions, 1):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
