"""A figure's source on the development sets: `python bench/figure_sources.py [--out DIR] [--sets dev dev2]`.

Reads the predictions bench/accuracy.py wrote (--out, default /tmp/kronika-accuracy/<set>.jsonl) and
the gold of ../shared/data/<set>/gold.jsonl. Each gold COUNT with a `source` is paired with the first
predicted count of its article that has the same kind and value (../shared/eval/score.py's
`same_value`); the figure's source is right when the two names are equal, or one contains the other,
after case folding and apostrophe normalising ("Таймерденов" for "Канат Таймерденов"); `exact` counts
equal names only. Prints, per set: gold figures with a source, how many were matched, right (loose and
exact). With --list, also the matched figures whose source is wrong (kind, value, gold and predicted
names; no article text).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KRONIKA_SHARED", ROOT.parent / "shared"))


def _same_value() -> Callable[[dict[str, Any], dict[str, Any]], bool]:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    fn: Callable[[dict[str, Any], dict[str, Any]], bool] = mod.same_value
    return fn


def _fold(name: str | None) -> str:
    return (name or "").lower().replace("’", "'").replace("«", "").replace("»", "").strip()


def loose_match(gold: str | None, pred: str | None) -> bool:
    g, p = _fold(gold), _fold(pred)
    return bool(g and p) and (g == p or g in p or p in g)


def _read(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return {row["id"]: row for row in map(json.loads, f)}


def measure(gold: dict[str, dict[str, Any]], pred: dict[str, dict[str, Any]],
            same: Callable[[dict[str, Any], dict[str, Any]], bool]) -> tuple[int, int, int, int, list[str]]:
    """(gold figures with a source, matched, right loose, right exact, wrong lines)."""
    total = matched = loose = exact = 0
    wrong: list[str] = []
    for aid, g in gold.items():
        preds = [c for c in (pred.get(aid, {}).get("counts") or []) if isinstance(c, dict)]
        used: set[int] = set()
        for gc in g.get("counts") or []:
            k = next((i for i, pc in enumerate(preds) if i not in used and pc.get("kind") == gc.get("kind")
                      and same(gc, pc)), None)
            if k is not None:
                used.add(k)
            if not gc.get("source"):
                continue
            total += 1
            if k is None:
                continue
            matched += 1
            got = preds[k].get("source")
            loose += loose_match(gc["source"], got)
            exact += _fold(gc["source"]) == _fold(got)
            if not loose_match(gc["source"], got):
                wrong.append(f"  {aid} {gc['kind']} {gc['value']}: gold {gc['source']!r}, predicted {got!r}")
    return total, matched, loose, exact, wrong


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=["dev", "dev2"])
    ap.add_argument("--out", type=Path, default=Path("/tmp/kronika-accuracy"))
    ap.add_argument("--list", action="store_true", help="list the matched figures whose source is wrong")
    args = ap.parse_args()
    if not (SHARED / "eval" / "score.py").exists():
        print(f"skipped: {SHARED / 'eval' / 'score.py'} is absent")
        return 0
    same = _same_value()
    for name in args.sets:
        pred_path = args.out / f"{name}.jsonl"
        if not pred_path.exists():
            print(f"{name}: no predictions at {pred_path} (run bench/accuracy.py --out {args.out} first)")
            continue
        total, matched, loose, exact, wrong = measure(_read(SHARED / "data" / name / "gold.jsonl"),
                                                      _read(pred_path), same)
        print(f"{name}: figures with a gold source {total}, matched {matched}, source right {loose} "
              f"(exact name {exact})")
        if args.list:
            print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
