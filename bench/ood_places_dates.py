#!/usr/bin/env python3
"""Out-of-domain checks of kronika's place recogniser and date parser on corpora nobody tuned for.

Usage: python bench/ood_places_dates.py [--corpus nerel|ner-uk|factru|bsnlp|all] [--limit N] [--misses K]
Reads ../shared/data/corpora at run time (never copied into the repo; licences in ../shared/DATA.md).

- NEREL 1.1 (Russian Wikinews, dev+test): CITY / COUNTRY / STATE_OR_PROVINCE recall (a kronika place
  overlapping the span), the kind kronika resolves it to (city / country / admin1: the normalisation
  check), precision (a kronika place overlapping no gold geographic entity is a false place; broken
  down by the gold label it hits instead: ORGANIZATION, PERSON, ...); DATE recall and, for a day,
  month and year written out, the parsed value; TAKES_PLACE_IN / POINT_IN_TIME: for a gold EVENT
  with a place (date) relation, does `event_place` (`event_date`) on the event's clause return the
  related place (date)?
- NER-UK 2.0 (Ukrainian): LOC recall and precision as above (LOC also holds rivers and planets:
  recall is therefore a floor), DATE recall.
- factRuEval-2016 (Russian, test set): Location recall, LocOrg spans ("Россия заявила") reported
  apart: a place recognised there is a place word standing for an actor.
- BSNLP 2021 (ru, uk; base forms of names): for every LOC mention kronika finds, whether its base
  form resolves to the same place as the inflected mention.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kronika.extract import dates
from kronika.extract.context import Context
from kronika.extract.mentions import PlaceMention
from kronika.extract.places import recognise as places
from kronika.text.clauses import clause_of
from kronika.text.doc import analyse

CORPORA = Path(__file__).resolve().parents[1].parent / "shared/data/corpora"
GEO = {"CITY": "city", "COUNTRY": "country", "STATE_OR_PROVINCE": "admin1"}


@dataclass
class Ent:
    label: str
    start: int
    end: int
    text: str


@dataclass
class Doc:
    name: str
    text: str
    ents: dict[str, Ent]
    rels: list[tuple[str, str, str]] = field(default_factory=list)   # (type, arg1, arg2)


def read_brat(ann: Path) -> tuple[dict[str, Ent], list[tuple[str, str, str]]]:
    ents: dict[str, Ent] = {}
    rels: list[tuple[str, str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            if len(parts) >= 5 and parts[2].isdigit() and parts[3].isdigit():   # NER-UK: all tabs
                ents[parts[0]] = Ent(parts[1], int(parts[2]), int(parts[3]), parts[4])
                continue
            head = parts[1].split(" ", 1)
            if len(head) != 2 or len(parts) < 3:
                continue
            spans = [tuple(map(int, r.split())) for r in head[1].split(";") if len(r.split()) == 2]
            if spans:
                ents[parts[0]] = Ent(head[0], spans[0][0], spans[-1][1], parts[2])
        elif parts[0].startswith("R"):
            bits = parts[1].split()
            if len(bits) == 3:
                rels.append((bits[0], bits[1].split(":", 1)[1], bits[2].split(":", 1)[1]))
    return ents, rels


def nerel_docs(limit: int) -> Iterator[Doc]:
    root = CORPORA / "nerel/NEREL-v1.1"
    files = sorted([*root.glob("dev/*.ann"), *root.glob("test/*.ann")])[:limit or None]
    for ann in files:
        txt = ann.with_suffix(".txt")
        if txt.exists():
            ents, rels = read_brat(ann)
            yield Doc(ann.stem, txt.read_text(encoding="utf-8"), ents, rels)


def ner_uk_docs(limit: int) -> Iterator[Doc]:
    files = sorted((CORPORA / "ner-uk/v2.0/data").glob("*/*.ann"))[:limit or None]
    for ann in files:
        txt = ann.with_suffix(".txt")
        if txt.exists():
            ents, _ = read_brat(ann)
            yield Doc(ann.stem, txt.read_text(encoding="utf-8"), ents)


def factru_docs(limit: int) -> Iterator[Doc]:
    """factRuEval: .objects name span ids per entity, .spans give token offsets and lengths."""
    root = CORPORA / "factRuEval-2016/testset"
    for txt in sorted(root.glob("*.txt"))[:limit or None]:
        base = txt.with_suffix("")
        if not base.with_suffix(".spans").exists():
            continue
        spans: dict[str, tuple[int, int]] = {}
        for line in base.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
            bits = line.split()
            if len(bits) >= 4:
                spans[bits[0]] = (int(bits[2]), int(bits[2]) + int(bits[3]))
        text = txt.read_text(encoding="utf-8-sig")
        ents: dict[str, Ent] = {}
        for line in base.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
            head = line.split("#", 1)[0].split()
            if len(head) < 3:
                continue
            got = [spans[s] for s in head[2:] if s in spans]
            if got:
                a, b = min(s for s, _ in got), max(e for _, e in got)
                ents[head[0]] = Ent(head[1], a, b, text[a:b])
        yield Doc(txt.stem, text, ents)


def overlap(a: int, b: int, c: int, d: int) -> bool:
    return a < d and c < b


def pct(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


class PlaceCheck:
    """Recall over gold place spans, precision over kronika's places, kinds, misses."""

    def __init__(self, gold_labels: set[str], ok_labels: set[str], nest: frozenset[str] | set[str] = frozenset()) -> None:
        # nest: labels of a flat annotation whose spans hold place names ("Київської обласної ради"
        # is one ORG in NER-UK): a place inside one is not counted false in the nested precision
        self.gold_labels, self.ok_labels, self.nest = gold_labels, ok_labels, nest
        self.c: Counter[str] = Counter()
        self.miss: Counter[str] = Counter()
        self.false: Counter[str] = Counter()
        self.fp_by: Counter[str] = Counter()
        self.kind_wrong: Counter[str] = Counter()

    def add(self, doc: Doc, pred: list[PlaceMention]) -> None:
        gold = [e for e in doc.ents.values() if e.label in self.gold_labels]
        ok = [e for e in doc.ents.values() if e.label in self.ok_labels]
        for g in gold:
            self.c["gold"] += 1
            hit = [p for p in pred if overlap(p.start, p.end, g.start, g.end)]
            if hit:
                self.c["found"] += 1
                want = GEO.get(g.label)
                if want is not None:
                    self.c["kinded"] += 1
                    kind = "city" if hit[0].kind == "district" else hit[0].kind
                    if kind == want:
                        self.c["kind ok"] += 1
                    else:
                        self.kind_wrong[f"{g.text}:{g.label}->{hit[0].kind} {hit[0].name}"] += 1
            else:
                self.miss[g.text] += 1
        for p in pred:
            self.c["pred"] += 1
            adjective = p.score <= places.ADJ_SCORE
            self.c["pred names"] += not adjective
            if any(overlap(p.start, p.end, g.start, g.end) for g in ok):
                self.c["pred ok"] += 1
                self.c["pred names ok"] += not adjective
                continue
            other = [e.label for e in doc.ents.values() if overlap(p.start, p.end, e.start, e.end)]
            if not adjective and other and other[0] in self.nest:
                self.c["pred names ok"] += 1
            self.fp_by[other[0] if other else "none"] += 1
            self.false[f"{p.text}->{p.name}" + (f" [{other[0]}]" if other else "")] += 1

    def report(self, title: str, k: int) -> None:
        r = self.c["found"] / max(self.c["gold"], 1)
        p = self.c["pred ok"] / max(self.c["pred"], 1)
        print(f"{title} places: recall {pct(self.c['found'], self.c['gold'])}  precision "
              f"{pct(self.c['pred ok'], self.c['pred'])}  F1 {f1(p, r):.3f}")
        pn = self.c["pred names ok"] / max(self.c["pred names"], 1)
        print(f"  names only (adjectival forms apart{', places nested in ' + '/'.join(sorted(self.nest)) if self.nest else ''}"
              f" not false): precision {pct(self.c['pred names ok'], self.c['pred names'])}  F1 {f1(pn, r):.3f}")
        if self.c["kinded"]:
            print(f"  resolved to the gold kind (city/country/admin1): {pct(self.c['kind ok'], self.c['kinded'])}")
        print(f"  false places by gold label hit: {dict(self.fp_by.most_common())}")
        if k:
            print(f"  misses: {self.miss.most_common(k)}")
            print(f"  false: {self.false.most_common(k)}")
            if self.kind_wrong:
                print(f"  kind: {self.kind_wrong.most_common(k)}")


class DateCheck:
    """Recall over gold DATE spans; value check where the span writes a day, a month and a year."""

    def __init__(self, lang: str) -> None:
        self.lex = dates.lexicon(lang)
        self.c: Counter[str] = Counter()
        self.miss: Counter[str] = Counter()
        self.wrong: Counter[str] = Counter()

    def expected(self, ctx: Context, g: Ent) -> date | None:
        """'20 марта 2017 года': digits, a month lemma, a four-digit year, in that order."""
        toks = [t for t in ctx.doc.tokens if g.start <= t.start and t.end <= g.end and t.is_word or
                (g.start <= t.start and t.end <= g.end and t.text.isdigit())]
        for k in range(len(toks) - 2):
            d, m, y = toks[k], toks[k + 1], toks[k + 2]
            month = self.lex.months.get(m.an.lemma) or self.lex.months.get(m.lower)
            if d.text.isdigit() and month and re.fullmatch(r"\d{4}", y.text):
                try:
                    return date(int(y.text), month, int(d.text))
                except ValueError:
                    return None
        return None

    def add(self, doc: Doc, ctx: Context) -> None:
        for g in doc.ents.values():
            if g.label != "DATE":
                continue
            self.c["gold"] += 1
            hit = [d for d in ctx.dates if overlap(d.start, d.end, g.start, g.end)]
            self.c["found"] += bool(hit)
            if not hit:
                self.miss[g.text.lower()] += 1
            want = self.expected(ctx, g)
            if want is not None:
                self.c["dmy"] += 1
                if any(want in (d.value, d.value_end) for d in hit):   # "с 25 по 28 июля 2019 года"
                    self.c["dmy ok"] += 1
                else:
                    self.wrong[f"{g.text} -> {[(d.text, str(d.value)) for d in hit]}"] += 1

    def report(self, title: str, k: int) -> None:
        print(f"{title} DATE: recall (overlap) {pct(self.c['found'], self.c['gold'])}; "
              f"day-month-year value right {pct(self.c['dmy ok'], self.c['dmy'])}")
        if k:
            print(f"  misses: {self.miss.most_common(k)}")
            if self.wrong:
                print(f"  wrong: {self.wrong.most_common(k)}")


def run_ctx(text: str, lang: str) -> Context:
    ctx = Context(analyse(text, lang, None))
    places.run(ctx)
    dates.run(ctx)
    return ctx


def nerel(limit: int, k: int) -> None:
    pc = PlaceCheck(set(GEO), {*GEO, "LOCATION", "DISTRICT", "FACILITY"})
    dc = DateCheck("ru")
    bind: Counter[str] = Counter()
    wrong_bind: Counter[str] = Counter()
    t0 = time.perf_counter()
    n = 0
    for doc in nerel_docs(limit):
        n += 1
        ctx = run_ctx(doc.text, "ru")
        pc.add(doc, ctx.places)
        dc.add(doc, ctx)
        for rel, a1, a2 in doc.rels:
            ev, arg = doc.ents.get(a1), doc.ents.get(a2)
            if ev is None or arg is None or ev.label != "EVENT":
                continue
            tok = ctx.doc.token_at(ev.start)
            clause = clause_of(ctx.doc, tok) if tok >= 0 else None
            if clause is None:
                continue
            if rel == "TAKES_PLACE_IN" and arg.label in GEO:
                gold = [p for p in ctx.places if overlap(p.start, p.end, arg.start, arg.end)]
                if not gold:
                    bind["place: gold place not recognised"] += 1
                    continue
                bind["place"] += 1
                got = places.event_place(ctx, clause.start, clause.end)
                if got is not None and got[0].geonameid == gold[0].geonameid:
                    bind["place ok"] += 1
                else:
                    wrong_bind[f"{ev.text} @{arg.text} -> {got[0].text if got else None}"] += 1
            elif rel == "POINT_IN_TIME" and arg.label == "DATE":
                gold_d = [d for d in ctx.dates if overlap(d.start, d.end, arg.start, arg.end) and d.value
                          and d.kind in dates.DAY_KINDS]
                if not gold_d:
                    bind["date: gold date without a day-level value"] += 1
                    continue
                bind["date"] += 1
                day, _ = dates.event_date(ctx, clause.start, clause.end)
                if day == gold_d[0].value:
                    bind["date ok"] += 1
                else:
                    wrong_bind[f"{ev.text} @{arg.text} -> {day}"] += 1
    print(f"NEREL 1.1 dev+test: {n} documents in {time.perf_counter() - t0:.1f} s")
    pc.report("NEREL", k)
    dc.report("NEREL", k)
    print(f"NEREL TAKES_PLACE_IN bound to the event's clause: {pct(bind['place ok'], bind['place'])} "
          f"(gold place not recognised: {bind['place: gold place not recognised']})")
    print(f"NEREL POINT_IN_TIME bound to the event's clause: {pct(bind['date ok'], bind['date'])} "
          f"(gold date without a day-level value: {bind['date: gold date without a day-level value']})")
    if k:
        print(f"  wrong binding: {wrong_bind.most_common(k)}")


def ner_uk(limit: int, k: int) -> None:
    pc = PlaceCheck({"LOC"}, {"LOC"}, {"ORG", "MISC", "DOC", "JOB", "ART"})
    dc = DateCheck("uk")
    t0 = time.perf_counter()
    n = 0
    for doc in ner_uk_docs(limit):
        n += 1
        ctx = run_ctx(doc.text, "uk")
        pc.add(doc, ctx.places)
        dc.add(doc, ctx)
    print(f"NER-UK 2.0: {n} documents in {time.perf_counter() - t0:.1f} s")
    pc.report("NER-UK", k)
    dc.report("NER-UK", k)


def factru(limit: int, k: int) -> None:
    pc = PlaceCheck({"Location"}, {"Location", "LocOrg"})
    locorg: Counter[str] = Counter()
    t0 = time.perf_counter()
    n = 0
    for doc in factru_docs(limit):
        n += 1
        ctx = run_ctx(doc.text, "ru")
        pc.add(doc, ctx.places)
        for e in doc.ents.values():
            if e.label == "LocOrg":
                locorg["gold"] += 1
                locorg["as place"] += any(overlap(p.start, p.end, e.start, e.end) for p in ctx.places)
    print(f"factRuEval-2016 test: {n} documents in {time.perf_counter() - t0:.1f} s")
    pc.report("factRuEval Location", k)
    print(f"  LocOrg (a place standing for an actor) recognised as a place: {pct(locorg['as place'], locorg['gold'])}"
          " (the events stage decides whether it is the event's place)")


def bsnlp(limit: int, k: int) -> None:
    """BSNLP 2021 annotations: 'mention<TAB>base form<TAB>type<TAB>id' per document."""
    root = CORPORA / "bsnlp2021"
    c: Counter[str] = Counter()
    bad: Counter[str] = Counter()
    files = sorted(p for p in root.glob("**/annotated/*/*") if p.parent.name in ("ru", "uk") and p.is_file())
    for path in files[:limit or None]:
        lang = path.parent.name
        lines = path.read_text(encoding="utf-8-sig").splitlines()[1:]
        for line in lines:
            bits = line.split("\t")
            if len(bits) < 3 or bits[2].strip() != "LOC":
                continue
            mention, base = bits[0].strip(), bits[1].strip()
            if mention == base:
                continue
            pm = places.find_places(analyse(f"Это было в {mention}." if lang == "ru" else f"Це було в {mention}.",
                                            lang, None))
            pb = places.find_places(analyse(base, lang, None))
            if not pb:
                continue
            c[f"{lang} gold"] += 1
            if pm and pm[0].geonameid == pb[0].geonameid:
                c[f"{lang} ok"] += 1
            else:
                bad[f"{mention} ({base}) -> {pm[0].name if pm else None}"] += 1
    for lang in ("ru", "uk"):
        print(f"BSNLP {lang}: inflected LOC mention resolves as its base form: {pct(c[lang + ' ok'], c[lang + ' gold'])}")
    if k:
        print(f"  wrong: {bad.most_common(k)}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="all", choices=["all", "nerel", "ner-uk", "factru", "bsnlp"])
    ap.add_argument("--limit", type=int, default=0, help="documents per corpus (0: all)")
    ap.add_argument("--misses", type=int, default=0, help="print the K most frequent misses")
    args = ap.parse_args()
    if not CORPORA.is_dir():
        print(f"corpora not found at {CORPORA}")
        return 1
    runs = {"nerel": nerel, "ner-uk": ner_uk, "factru": factru, "bsnlp": bsnlp}
    for name, fn in runs.items():
        if args.corpus in ("all", name):
            fn(args.limit, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
