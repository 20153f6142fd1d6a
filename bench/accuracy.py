"""Accuracy on the development sets: `python bench/accuracy.py [--sets dev dev2] [--full]`.

Extracts ../shared/data/<set>/articles.jsonl with this checkout's code (the same `kronika extract`
path a user runs) and scores it with ../shared/eval/score.py. Prints the summary lines of each set
(with --full also the per-story lines) so a change's before/after numbers come from one command.
The outputs are kept in --out (default /tmp/kronika-accuracy/<set>.jsonl) for diffing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KRONIKA_SHARED", ROOT.parent / "shared"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=["dev", "dev2"])
    ap.add_argument("--out", type=Path, default=Path("/tmp/kronika-accuracy"))
    ap.add_argument("--full", action="store_true", help="print per-story lines too")
    args = ap.parse_args()
    score = SHARED / "eval" / "score.py"
    if not score.exists():
        print(f"skipped: {score} is absent (the shared data is not beside this checkout)")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    for name in args.sets:
        arts = SHARED / "data" / name / "articles.jsonl"
        gold = SHARED / "data" / name / "gold.jsonl"
        out = args.out / f"{name}.jsonl"
        subprocess.run([sys.executable, "-m", "kronika.cli", "extract", str(arts), "-o", str(out)],
                       check=True, env=env)
        res = subprocess.run([sys.executable, str(score), str(gold), str(out)],
                             check=True, env=env, capture_output=True, text=True)
        print(f"== {name}")
        for line in res.stdout.splitlines():
            if args.full or not line.startswith("events{"):
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
