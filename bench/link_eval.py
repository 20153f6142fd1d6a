#!/usr/bin/env python3
"""Measure linking on bench/link_pairs.jsonl: false merges and missed merges.

Two measurements:
- rules: link.rules.same_event on each pair on its own;
- store: every article of the pairs stored through Store.put (incremental linking, candidate
  index, complete-link against all incident members), then whether the two records ended up in
  one incident.
false merge rate = pairs labelled different that were merged / pairs labelled different;
missed merge rate = pairs labelled same that were not merged / pairs labelled same.
Dev pairs reference ../shared/data/dev/gold.jsonl; without it only the hand-written pairs run.

With --extracted, also end to end: the dev articles of the pairs are run through the extractor and
stored; each gold event of a pair is aligned one to one to the extractor's event of the same article
with the same place (geonameid, else location name) and day, and a pair counts when both sides were
found. This measures linking on the extractor's own records (types, actors, precisions as it gives
them) against the annotators' labels; pairs with a side the extractor missed (or misdated or
misplaced) are reported as not covered.

Usage: python bench/link_eval.py [--verbose] [--extracted]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kronika.link.rules import EventKey, same_event  # noqa: E402
from kronika.model import SUB_TO_TYPE, Article, ArticleResult, Event  # noqa: E402
from kronika.store import open_store  # noqa: E402

PAIRS = ROOT / "bench" / "link_pairs.jsonl"
GOLD = ROOT.parent / "shared" / "data" / "dev" / "gold.jsonl"
FIELDS = ("sub_event_type", "date", "time_precision", "country", "admin1", "location", "geonameid", "latitude",
          "longitude", "geo_precision", "actor1", "actor2")


def load() -> tuple[list[dict], dict[str, list[dict]], int]:
    gold: dict[str, list[dict]] = {}
    if GOLD.exists():
        for line in GOLD.open(encoding="utf-8"):
            g = json.loads(line)
            gold[g["id"]] = g["events"]
    pairs, skipped = [], 0
    for line in PAIRS.open(encoding="utf-8"):
        p = json.loads(line)
        if "ref" in p["a"] and not gold:
            skipped += 1
            continue
        pairs.append(p)
    return pairs, gold, skipped


def resolve(side: dict, gold: dict[str, list[dict]]) -> tuple[str, int, dict]:
    """(article id, event index, event fields) of one side of a pair."""
    if "ref" in side:
        aid, idx = side["ref"][4:].rsplit("#", 1)
        return aid, int(idx), gold[aid][int(idx)]
    return side["article"], 0, side


def key(article: str, e: dict) -> EventKey:
    return EventKey(article, *(e.get(f) for f in FIELDS))


def rates(results: list[tuple[bool, bool]]) -> tuple[float, float, int, int, int, int]:
    diff = [m for same, m in results if not same]
    same = [m for s, m in results if s]
    fm, mm = sum(diff), sum(not m for m in same)
    return (fm / len(diff) if diff else 0.0, mm / len(same) if same else 0.0, fm, len(diff), mm, len(same))


def store_links(pairs: list[dict], gold: dict[str, list[dict]]) -> list[bool]:
    articles: dict[str, list[dict]] = {}
    for p in pairs:
        for side in (p["a"], p["b"]):
            aid, _idx, e = resolve(side, gold)
            if aid not in articles:
                articles[aid] = gold[aid] if "ref" in side else [e]
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "link.db") as store:
        for aid, evs in articles.items():
            text = f"article {aid}"
            result = ArticleResult(aid, "xx", True, events=[
                Event(SUB_TO_TYPE[e["sub_event_type"]], e["sub_event_type"], e.get("date"),
                      e.get("time_precision") or 1, e.get("country"), e.get("admin1"), e.get("location"),
                      e.get("geonameid"), e.get("latitude"), e.get("longitude"), e.get("geo_precision"),
                      e.get("actor1") or "Protesters", e.get("actor2")) for e in evs])
            store.put(Article(text=text, id=aid), result)
        inc = {(a, i): n for a, i, n in store.conn.execute(
            "SELECT a.id, e.idx, e.incident_pk FROM events e JOIN articles a ON a.pk = e.article_pk")}
    out = []
    for p in pairs:
        a, ai, _ = resolve(p["a"], gold)
        b, bi, _ = resolve(p["b"], gold)
        out.append(inc[(a, ai)] == inc[(b, bi)])
    return out


def _align(gold_events: list[dict], extracted: list[dict]) -> dict[int, int]:
    """Gold event index -> extracted event index, one to one: the extractor's event at the same place
    (geonameid, else location name) on the same day, preferring the same sub-event family."""
    from kronika.link.rules import family

    out: dict[int, int] = {}
    used: set[int] = set()
    for gi, g in enumerate(gold_events):
        if not g.get("date"):
            continue
        cands = [i for i, e in enumerate(extracted) if i not in used and e.get("date") == g["date"]
                 and ((g.get("geonameid") and e.get("geonameid") == g["geonameid"])
                      or (not e.get("geonameid") and e.get("location") and e.get("location") == g.get("location")))]
        if cands:
            best = min(cands, key=lambda i: family(extracted[i]["sub_event_type"]) != family(g["sub_event_type"]))
            out[gi] = best
            used.add(best)
    return out


def extracted_eval(pairs: list[dict], gold: dict[str, list[dict]], verbose: bool) -> None:
    from kronika.pipeline import extract

    dev = ROOT.parent / "shared" / "data" / "dev" / "articles.jsonl"
    wanted = {s[4:].rsplit("#", 1)[0] for p in pairs for s in (p["a"]["ref"], p["b"]["ref"])}
    arts = {}
    for line in dev.open(encoding="utf-8"):
        d = json.loads(line)
        if d["id"] in wanted:
            arts[d["id"]] = Article.from_dict(d)
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "x.db") as store:
        evs: dict[str, list[dict]] = {}
        align: dict[str, dict[int, int]] = {}
        for aid, art in arts.items():
            res = extract(art)
            store.put(art, res)
            evs[aid] = [e.to_dict() for e in res.events]
            align[aid] = _align(gold[aid], evs[aid])
        inc = {(a, i): n for a, i, n in store.conn.execute(
            "SELECT a.id, e.idx, e.incident_pk FROM events e JOIN articles a ON a.pk = e.article_pk")}
    results, uncovered = [], 0
    for p in pairs:
        sides = []
        for s in (p["a"]["ref"], p["b"]["ref"]):
            aid, idx = s[4:].rsplit("#", 1)
            j = align.get(aid, {}).get(int(idx))
            sides.append(None if j is None else (aid, j))
        if None in sides:
            uncovered += 1
            continue
        merged = inc[sides[0]] == inc[sides[1]]  # type: ignore[index]
        results.append((p["same"], merged))
        if verbose and merged != p["same"]:
            print("WRONG extracted", p["note"], sides, [evs[a][j] | {"evidence": None} for a, j in sides])  # type: ignore[misc]
    fmr, mmr, fm, nd, mm, ns = rates(results)
    print(f"extracted (end to end, {len(results)} pairs covered, {uncovered} not extracted): "
          f"false merges {fm}/{nd} = {fmr:.1%}   missed merges {mm}/{ns} = {mmr:.1%}")


def main() -> int:
    verbose = "--verbose" in sys.argv
    pairs, gold, skipped = load()
    rule_results, rows = [], []
    for p in pairs:
        a_id, _, a = resolve(p["a"], gold)
        b_id, _, b = resolve(p["b"], gold)
        merged = same_event(key(a_id, a), key(b_id, b))
        rule_results.append((p["same"], merged))
        rows.append((p, a, b, merged))
    stored = store_links(pairs, gold)
    store_results = [(p["same"], m) for p, m in zip(pairs, stored, strict=True)]
    print(f"{len(pairs)} pairs ({sum(p['same'] for p in pairs)} same)"
          + (f"; {skipped} dev pairs skipped: no ../shared/data/dev" if skipped else ""))
    for name, res in (("rules", rule_results), ("store", store_results)):
        fmr, mmr, fm, nd, mm, ns = rates(res)
        print(f"{name:6s} false merges {fm}/{nd} = {fmr:.1%}   missed merges {mm}/{ns} = {mmr:.1%}")
    if "--extracted" in sys.argv and gold:
        extracted_eval([p for p in pairs if "ref" in p["a"]], gold, verbose)
    if verbose:
        for (p, a, b, merged), st in zip(rows, stored, strict=True):
            if merged != p["same"] or st != p["same"]:
                print("WRONG", p["note"], "| rules", merged, "store", st)
                print("   ", {f: a.get(f) for f in FIELDS})
                print("   ", {f: b.get(f) for f in FIELDS})
    return 0


if __name__ == "__main__":
    sys.exit(main())
