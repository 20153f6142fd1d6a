"""Place recognition measured on the annotated corpora in ../shared/data/corpora.

- Recall of gold place mentions (ner-uk LOC; factRuEval-2016 Location/LocOrg names; NEREL CITY,
  COUNTRY, STATE_OR_PROVINCE) that are GeoNames populated places (>= 1000 people), countries or
  first-level regions: a gold mention is in scope when its text, a dictionary lemma or an
  inflection-stripped form of it (all words) is such a gazetteer name - the lenient oracle, without
  the stage's guards or context; found when the place stage emits a mention overlapping it.
- BSNLP 2019/2021 (uk, ru): gold mentions with their base forms. In scope: LOC mentions whose base
  form is a gazetteer name (exactly). Recall as above (by surface in the document), and base-form
  accuracy: of the inflected mentions found (surface != base form), the share resolved to a place
  that the base form names.
- Recall counts places read from adjectives too (NEREL marks "московского" as a CITY).
- Precision proxy: the share of emitted mentions (names; places read from adjectives are left out)
  that overlap any gold LOC/GPE-like span (the corpora do not mark every place, and mark places
  inside organisation names as ORG, so this is a lower bound).

Usage: python bench/places_report.py [--shared ../shared] [--limit N]
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

from kronika.extract.places.recognise import ADJ_SCORE, find_places, stripped_forms
from kronika.resources.gazetteer import CITY, gazetteer, norm
from kronika.text.doc import analyse, morph_for

MIN_POP = 1000


def in_gazetteer(text: str, lang: str, lenient: bool = True) -> bool:
    g = gazetteer()
    words = text.split()
    options: list[list[str]] = []
    m = morph_for(lang)
    for w in words:
        f = [norm(w)]
        if lenient:
            f += list(m.analyse(w).lemmas[:3])
            if lang != "en":
                f += list(stripped_forms(w))[:12]
        options.append(list(dict.fromkeys(f)))
    keys = [""]
    for fl in options:
        keys = [(k + " " + f).strip() for k in keys for f in fl][:200]
    for k in keys:
        for i in g.index.get(k, ()):
            e = g.entries[i]
            if e.kind != CITY or e.population >= MIN_POP:
                return True
    return False


def overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and a < e for s, e in spans)


class Tally:
    def __init__(self) -> None:
        self.gold = self.found = self.emitted = self.emitted_ok = 0
        self.chars = 0
        self.seconds = 0.0

    def line(self, name: str) -> str:
        r = self.found / max(self.gold, 1)
        p = self.emitted_ok / max(self.emitted, 1)
        return (f"{name:28s} in-scope gold {self.gold:5d}  found {self.found:5d}  recall {r:.3f}   "
                f"emitted {self.emitted:5d}  overlapping gold {p:.3f}")


def score_doc(t: Tally, text: str, lang: str, gold: list[tuple[int, int]], any_gold: list[tuple[int, int]]) -> None:
    t0 = time.perf_counter()
    places = find_places(analyse(text, lang))
    t.seconds += time.perf_counter() - t0
    t.chars += len(text)
    got = [(m.start, m.end) for m in places]
    names = [(m.start, m.end) for m in places if m.score > ADJ_SCORE]   # names, not adjectives
    for a, b in gold:
        if in_gazetteer(text[a:b], lang):
            t.gold += 1
            ok = overlaps(got, a, b)
            t.found += ok
            if not ok:
                MISSES.append(f"{lang}\t{text[a:b]}\t{text[max(a - 40, 0):b + 20]!r}")
    t.emitted += len(names)
    t.emitted_ok += sum(1 for a, b in names if overlaps(any_gold, a, b))


def brat(path: str) -> list[tuple[str, int, int]]:
    out = []
    for line in open(path, encoding="utf-8"):
        if not line.startswith("T"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2:
            continue
        # standard brat "T1<TAB>LOC 0 5<TAB>text"; ner-uk writes "T1<TAB>LOC<TAB>0<TAB>5<TAB>text"
        bits = parts[1].replace(";", " ").split() if " " in parts[1] else parts[1:4]
        try:
            out.append((bits[0], int(bits[1]), int(bits[-1])))
        except (ValueError, IndexError):
            continue
    return out


def ner_uk(root: Path, limit: int) -> Tally:
    t = Tally()
    for ann in sorted(glob.glob(str(root / "ner-uk/v2.0/data/*/*.ann")))[:limit]:
        text = open(ann[:-4] + ".txt", encoding="utf-8").read()
        ents = brat(ann)
        loc = [(a, b) for k, a, b in ents if k == "LOC"]
        score_doc(t, text, "uk", loc, loc)
    return t


def nerel(root: Path, limit: int) -> Tally:
    t = Tally()
    anns = sorted(glob.glob(str(root / "nerel/NEREL-v1.1/dev/*.ann")) + glob.glob(str(root / "nerel/NEREL-v1.1/test/*.ann")))
    for ann in anns[:limit]:
        text = open(ann[:-4] + ".txt", encoding="utf-8").read()
        ents = brat(ann)
        gold = [(a, b) for k, a, b in ents if k in ("CITY", "COUNTRY", "STATE_OR_PROVINCE")]
        anyg = [(a, b) for k, a, b in ents if k in ("CITY", "COUNTRY", "STATE_OR_PROVINCE", "LOCATION",
                                                    "DISTRICT", "NATIONALITY", "ORGANIZATION", "FACILITY")]
        score_doc(t, text, "ru", gold, anyg)
    return t


def factru(root: Path, limit: int) -> Tally:
    t = Tally()
    books = sorted(glob.glob(str(root / "factRuEval-2016/devset/*.objects")) + glob.glob(str(root / "factRuEval-2016/testset/*.objects")))
    for obj in books[:limit]:
        base = obj[: -len(".objects")]
        text = open(base + ".txt", encoding="utf-8").read()
        spans = {}
        for line in open(base + ".spans", encoding="utf-8"):
            bits = line.split()
            if len(bits) >= 4:
                spans[bits[0]] = (bits[1], int(bits[2]), int(bits[2]) + int(bits[3]))
        gold, anyg = [], []
        for line in open(obj, encoding="utf-8"):
            head = line.split("#")[0].split()
            if len(head) < 3:
                continue
            kind, ids = head[1], head[2:]
            names = [spans[i] for i in ids if i in spans and spans[i][0] == "loc_name"]
            if not names:
                continue
            a, b = min(s[1] for s in names), max(s[2] for s in names)
            anyg.append((a, b))
            if kind in ("Location", "LocOrg"):
                gold.append((a, b))
        score_doc(t, text, "ru", gold, anyg)
    return t


def bsnlp(root: Path, lang: str, limit: int) -> tuple[Tally, int, int]:
    """Recall by surface and base-form accuracy on BSNLP documents of one language."""
    g = gazetteer()
    t = Tally()
    inflected = base_ok = 0
    files = sorted(glob.glob(str(root / f"bsnlp2021/ul-fri/*/annotated/{lang}/*.out")))[:limit]
    for out in files:
        raw = out.replace("/annotated/", "/raw/")[: -len(".out")] + ".txt"
        if not os.path.exists(raw):
            continue
        lines = open(raw, encoding="utf-8").read().split("\n")
        text = "\n".join(lines[4:])   # id, lang, date, url, then the title and text
        t0 = time.perf_counter()
        places = [m for m in find_places(analyse(text, lang)) if m.score > ADJ_SCORE]
        t.seconds += time.perf_counter() - t0
        t.chars += len(text)
        by_surface = defaultdict(list)
        for m in places:
            by_surface[norm(m.text)].append(m)
        t.emitted += len(places)
        gold_surfaces = set()
        for line in open(out, encoding="utf-8").read().split("\n")[1:]:
            bits = line.split("\t")
            if len(bits) < 4:
                continue
            surface, base, kind = bits[0], bits[1], bits[2]
            gold_surfaces.add(norm(surface))
            if kind != "LOC":
                continue
            ids = [i for i in g.index.get(norm(base), ()) if g.entries[i].kind != CITY or g.entries[i].population >= MIN_POP]
            if not ids:
                continue
            t.gold += 1
            found = by_surface.get(norm(surface))
            t.found += bool(found)
            if not found:
                MISSES.append(f"{lang}\t{surface}\t{base}")
            if found and norm(surface) != norm(base):
                inflected += 1
                names = {(g.entries[i].name, g.entries[i].country) for i in ids}
                base_ok += (found[0].name, found[0].country) in names
        t.emitted_ok += sum(len(v) for k, v in by_surface.items() if k in gold_surfaces)
    return t, inflected, base_ok


MISSES: list[str] = []


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    ap.add_argument("--limit", type=int, default=100_000, help="documents per corpus")
    ap.add_argument("--misses", help="write the missed gold mentions to this file")
    args = ap.parse_args()
    root = Path(args.shared) / "data" / "corpora"
    if not root.is_dir():
        print(f"no corpora at {root}", file=sys.stderr)
        return 2
    gazetteer()
    results = {}
    for name, fn in (("ner-uk (uk, LOC)", lambda: ner_uk(root, args.limit)),
                     ("factRuEval-2016 (ru)", lambda: factru(root, args.limit)),
                     ("NEREL 1.1 dev+test (ru)", lambda: nerel(root, args.limit))):
        t = fn()
        results[name] = t
        print(t.line(name), flush=True)
    for lang in ("uk", "ru"):
        t, infl, ok = bsnlp(root, lang, args.limit)
        results[f"BSNLP ({lang})"] = t
        print(t.line(f"BSNLP ({lang})") + f"   base form: {ok}/{infl} = {ok / max(infl, 1):.3f}", flush=True)
    chars = sum(t.chars for t in results.values())
    secs = sum(t.seconds for t in results.values())
    print(f"analysis + place stage: {chars} characters in {secs:.1f} s ({chars / max(secs, 1e-9):,.0f} chars/s)")
    if args.misses:
        Path(args.misses).write_text("\n".join(MISSES) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
