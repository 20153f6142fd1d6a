"""Date resolution on the dev set's dated gold events: `python bench/dates_dev.py [--set dev|dev2]`.

For every gold event with a date, the evidence sentence is located in its article and
`extract.dates.event_date` is asked for that span alone (the dates stage, not the events stage's
choice of span): the share it dates right isolates date resolution from event detection. Reads
../shared/data (prints a message and exits 0 where it is absent).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kronika.extract import dates  # noqa: E402
from kronika.model import Article  # noqa: E402
from kronika.pipeline import build_context  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="dev", choices=("dev", "dev2"))
    args = ap.parse_args()
    data = ROOT.parent / "shared" / "data" / args.set
    if not (data / "gold.jsonl").exists():
        print(f"skipped: {data} is absent")
        return 0
    articles = {}
    for line in (data / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        articles[d["id"]] = d
    ok = total = 0
    for line in (data / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        events = [e for e in gold["events"] if not e.get("optional") and e.get("date")]
        if not events or gold["id"] not in articles:
            continue
        article = Article.from_dict(articles[gold["id"]])
        ctx = build_context(article)
        dates.run(ctx)
        for e in events:
            ev = e["evidence"] if isinstance(e["evidence"], str) else e["evidence"][0]["text"]
            s = article.text.find(ev)
            if s < 0:
                continue
            total += 1
            ok += str(dates.event_date(ctx, s, s + len(ev))[0]) == e["date"]
    print(f"{args.set}: event_date on the gold evidence right for {ok}/{total} = {ok / max(total, 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
