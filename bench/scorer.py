"""The shared scorer (`../shared/eval/score.py`) loaded as a module, for the invented check sets that
score with its own matching (fold, similar, same_quote, same_place ...) rather than a copy of it."""

from __future__ import annotations

import argparse
import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any


def load_score(shared: Path) -> ModuleType | None:
    """score.py under `shared`, or None where the shared folder is absent."""
    path = shared / "eval" / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("kronika_score", path)
    if spec is None or spec.loader is None:
        return None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_halves(description: str, shared: Path, halves: list[tuple[str, Sequence[Any]]],
               check: Callable[[Any, ModuleType, bool], object]) -> int:
    """The command line of a check set with a held-out and a tuned half: `--half`, `--verbose`;
    each half scored by `check(cases, score_module, verbose)`."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--half", choices=(*(name for name, _ in halves), "both"), default="both")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    sc = load_score(shared)
    if sc is None:
        print(f"skipped: {shared / 'eval' / 'score.py'} is absent (the shared data is not beside this checkout)")
        return 0
    for name, cases in halves:
        if args.half in (name, "both") and cases:
            print(f"== {name} ({len(cases)} articles)")
            check(cases, sc, args.verbose)
    return 0
