#!/usr/bin/env python3
"""Recall of NER-UK 2.0 DATE/TIME and QUANT mentions by kronika's date and number recognisers.

Usage: python bench/ner_uk_dates_numbers.py [PATH_TO_ner-uk/v2.0/data]
(default ../shared/data/corpora/ner-uk/v2.0/data). Prints recall (a predicted mention overlapping
the gold span), exact-boundary recall, and the most frequent kinds of misses. Numbers are given twice:
as figures (money, units, ages, years dropped: what the pipeline keeps) and raw (every number the
scanner reads, unit exclusions off), because NER-UK's QUANT are mostly measures ("51 кг", "сорок
кілометрів"), which are not unrest figures.
"""

from __future__ import annotations

import dataclasses
import re
import sys
import time
from collections import Counter
from pathlib import Path

from kronika.extract import dates
from kronika.extract.context import Context
from kronika.extract.figures import numbers
from kronika.text.doc import analyse

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/data/corpora/ner-uk/v2.0/data"


def read_ann(path: Path) -> list[tuple[str, int, int, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or not parts[0].startswith("T"):
            continue
        if len(parts) >= 5 and parts[2].isdigit() and parts[3].isdigit():
            # this corpus: id, label, start, end, text (all tab-separated)
            out.append((parts[1], int(parts[2]), int(parts[3]), parts[4]))
            continue
        head = parts[1].split(" ", 1)   # standard brat: "LABEL start end[;start end]"
        if len(head) != 2:
            continue
        spans = [tuple(map(int, r.split())) for r in head[1].split(";") if len(r.split()) == 2]
        if spans:
            out.append((head[0], spans[0][0], spans[-1][1], parts[2]))
    return out


def overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for s, e in spans)


def shape(text: str) -> str:
    """A coarse pattern of a missed mention, for the report."""
    t = text.lower()
    if re.fullmatch(r"\d{4}\s*(р|рр|року|році|рік)?\s*\.?", t):
        return "year"
    if re.search(r"\d{2,4}\s*-?\s*(х|ті|тих|го)\b|[а-яіїє]+их\b", t) and "рок" not in t:
        return "decade/ordinal year"
    if re.search(r"\b(року|рік|році|років|роки)\b", t):
        return "year phrase"
    if re.search(r"\d", t):
        return "other with digits"
    return "words only"


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else DEFAULT
    if not root.is_dir():
        print(f"NER-UK data not found at {root}")
        return 1
    stats: Counter[str] = Counter()
    misses: dict[str, Counter[str]] = {"DATE": Counter(), "QUANT": Counter()}
    examples: dict[str, list[str]] = {"DATE": [], "QUANT": []}
    t0 = time.perf_counter()
    docs = 0
    for ann in sorted(root.glob("*/*.ann")):
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        gold = read_ann(ann)
        ctx = Context(analyse(text, "uk", None))
        dates.run(ctx)
        numbers.run(ctx)
        figures = list(ctx.numbers)
        raw_scanner = numbers._Scanner(ctx)
        raw_scanner.lex = dataclasses.replace(raw_scanner.lex, exclude_after=frozenset(),
                                              exclude_before=frozenset())
        raw_scanner.date_spans = []
        raw = raw_scanner.scan()
        docs += 1
        date_spans = [(d.start, d.end) for d in ctx.dates]
        date_exact = {(d.start, d.end) for d in ctx.dates}
        fig_spans = [(n.start, n.end) for n in figures]
        raw_spans = [(n.start, n.end) for n in raw]
        for label, s, e, surface in gold:
            if label in ("DATE", "TIME"):
                key = label
                stats[f"{key} gold"] += 1
                hit = overlaps(s, e, date_spans)
                stats[f"{key} found"] += hit
                stats[f"{key} exact"] += (s, e) in date_exact
                if not hit and label == "DATE":
                    misses["DATE"][shape(surface)] += 1
                    if len(examples["DATE"]) < 25:
                        examples["DATE"].append(surface)
            elif label == "QUANT":
                stats["QUANT gold"] += 1
                stats["QUANT figure"] += overlaps(s, e, fig_spans)
                hit = overlaps(s, e, raw_spans)
                stats["QUANT raw"] += hit
                if not hit:
                    misses["QUANT"][shape(surface)] += 1
                    if len(examples["QUANT"]) < 25:
                        examples["QUANT"].append(surface)
    dt = time.perf_counter() - t0

    def pct(a: str, b: str) -> str:
        return f"{stats[a] / stats[b]:.3f} ({stats[a]}/{stats[b]})" if stats[b] else "n/a"

    print(f"NER-UK 2.0: {docs} documents in {dt:.1f} s")
    print(f"DATE  recall (overlap)   {pct('DATE found', 'DATE gold')}")
    print(f"DATE  recall (exact)     {pct('DATE exact', 'DATE gold')}")
    print(f"TIME  recall (overlap)   {pct('TIME found', 'TIME gold')}")
    print(f"QUANT recall, figures    {pct('QUANT figure', 'QUANT gold')}  (units/money/ages dropped by design)")
    print(f"QUANT recall, raw number {pct('QUANT raw', 'QUANT gold')}")
    for k, c in misses.items():
        print(f"{k} misses by shape: {dict(c.most_common())}")
        print(f"  e.g. {examples[k][:25]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
