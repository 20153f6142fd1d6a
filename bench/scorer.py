"""The shared scorer (`../shared/eval/score.py`) loaded as a module, for the invented check sets that
score with its own matching (fold, similar, same_quote, same_place ...) rather than a copy of it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


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
