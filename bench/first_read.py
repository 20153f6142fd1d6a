"""kronika on articles it reads for the first time, warm from other texts as in a long run.

`python bench/first_read.py ARTICLES.jsonl [--warm N]`: loads the resources, extracts up to N other
Russian texts (NEREL's, where ../shared has them, else dev2's articles) so that the per-word caches
hold what a process that has run for a while holds, then times one pass over the Russian articles
of ARTICLES.jsonl, none of which it has read before. Prints one JSON line: articles, CPU seconds.
bench/run.py compares it with natasha on the same articles (the peer)."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kronika.ingest.readers import article_from_json
from kronika.model import Article
from kronika.pipeline import extract
from kronika.scale.pool import warm_up

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def warm_texts(limit: int) -> list[Article]:
    nerel = sorted((SHARED / "corpora" / "nerel").glob("*/*/*_text.txt"))[:limit]
    if nerel:
        return [Article(text=p.read_text(encoding="utf-8"), lang="ru") for p in nerel]
    dev2 = SHARED / "dev2" / "articles.jsonl"
    if dev2.exists():
        return [article_from_json(json.loads(line)) for line in dev2.open(encoding="utf-8") if line.strip()]
    return []


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", type=Path)
    ap.add_argument("--warm", type=int, default=300, help="other texts read first (default 300)")
    args = ap.parse_args()
    arts = [article_from_json(json.loads(line)) for line in args.articles.open(encoding="utf-8") if line.strip()]
    ru = [a for a in arts if a.lang == "ru"]
    warm_up()
    for a in warm_texts(args.warm):
        extract(a)
    t0 = time.process_time()
    for a in ru:
        extract(a)
    print(json.dumps({"articles": len(ru), "seconds": time.process_time() - t0}))


if __name__ == "__main__":
    main()
