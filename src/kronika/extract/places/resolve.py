"""Resolution of place mentions: which of a name's homonyms the article means.

Homonyms are ranked by population, the countries the article mentions and a language prior; a name
whose best reading is too small for the evidence yields no place at all rather than a guess.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter

from ...resources.gazetteer import (
    ADMIN1,
    CITY,
    COUNTRY,
    MIN_POPULATION,
    VARIANT_COUNTRIES,
    Entry,
    Gazetteer,
    gazetteer,
)
from ...text.doc import Doc
from ...text.normalise import norm, skeleton
from ..context import Context
from ..mentions import PlaceMention
from . import qualify
from .forms import _CYR, ADJ_SCORE, lexicon
from .mentions import _Cand, recognise

# ---------------------------------------------------------------------------------------------
# resolution


def _contribution(g: Gazetteer, c: _Cand) -> tuple[str, int] | None:
    """What a candidate tells of the article's countries: a named country or region, or a big
    place with one clear reading; nothing from adjectives, names that are also words, or a town
    at a sentence start."""
    if c.tier == 2 or c.word in ("person", "common", "function"):
        return None
    e = g.entries[c.ids[0]]
    if c.initial and e.kind == CITY and c.word != "geo" and e.population < 1_000_000:
        return None     # a sentence start is weak evidence, unless the dictionary or the size says place
    if c.word == "known" and e.population < 500_000:
        return None
    if e.kind == COUNTRY:
        return e.country, 2
    if e.kind == ADMIN1:
        return e.country, 1
    if e.population >= 100_000 and (len(c.ids) == 1 or g.entries[c.ids[1]].population * 10 < e.population):
        return e.country, 1
    return None


def _context_countries(g: Gazetteer, cands: list[_Cand]) -> Counter[str]:
    """Countries the article is about (see `_contribution`)."""
    ctx: Counter[str] = Counter()
    for c in cands:
        got = _contribution(g, c)
        if got:
            ctx[got[0]] += got[1]
    return ctx


def _choose(g: Gazetteer, c: _Cand, ctx: Counter[str], prior: frozenset[str],
            doc_lang: str = "en", near: frozenset[str] = frozenset(), region_named: bool = False
            ) -> tuple[Entry, float] | None:
    """The best reading of a candidate, or None when no reading is plausible enough. `region_named`:
    a region noun follows the name ("Oromia region"), so a region the gazetteer cannot place by itself
    stands at its centre town (qualify.placed)."""
    best: tuple[float, Entry] | None = None
    i_best = -1
    cities = {g.entries[i].geonameid for i in c.ids[:50] if g.entries[i].kind == CITY}
    latin = c.single_cap and c.word == "unknown" and not any(_CYR.search(k) for k in c.keys)
    for i in c.ids[:50]:
        e = g.entries[i]
        if region_named and e.kind == ADMIN1 and e.latitude is None:
            e = qualify.placed(g, i)
        if e.latitude is None or (e.kind == ADMIN1 and e.geonameid in cities):
            continue    # unplaceable; or "Берлин": the city, not the city-state around it
        if latin and e.kind == CITY and (e.population < 1_000_000 or c.initial) and norm(e.name) not in c.keys \
                and _plain(e.name) not in c.keys \
                and not any(k in g.aliases for k in c.keys) and i not in c.variant:
            continue    # Latin-script alternate names are full of noise ("Part" for Perth)
        s = math.log10(e.population + 10)
        if e.country in ctx:
            s += 2.0 + min(ctx[e.country], 5) * 0.3
        if e.country in prior:
            s += 0.7
        if e.country in near and e.kind == CITY:
            s += 1.0
        if e.kind == COUNTRY:
            s += 2.0
        elif e.kind == ADMIN1:
            s += 0.5
        if any(g.alias_target.get(k) == i for k in c.keys):
            s += 3.0    # the lexicon says which one a name means ("Вашингтон": the capital)
        if c.keys and skeleton(c.keys[0])[:3] == skeleton(e.name)[:3]:
            s += 0.3    # the name itself, not an odd alternate ("Слов'янськ" is also listed for Nikopol)
        if best is None or s > best[0]:
            best = (s, e)
            i_best = i
    if best is None:
        return None
    s, e = best
    if e.kind == ADMIN1 and c.word in ("person", "common") and e.country not in ctx:
        return None     # "Тичина" is a poet before it is Ticino
    if e.kind in (COUNTRY, ADMIN1) and c.initial and e.country not in ctx \
            and (c.word == "function" or (c.tier == 1 and c.word in ("person", "common", "known"))):
        return None     # "Того вечора", "Сірі чаплі": a pronoun or a word's ending read off at a sentence start
    alias = any(g.alias_target.get(k) == i_best for k in c.keys)
    if e.kind == CITY and c.settled and not (latin and doc_lang != "en"):
        # "селище Борова", "the village of Barani": the text says it is a settlement; any size, but
        # only in a country the article is about (or its language's usual countries)
        known = e.country in ctx or e.country in prior
        if e.population < (0 if known else 5_000) or (not known and e.population < 50_000 and ctx):
            return None
        return e, 0.8
    if e.kind == CITY and ctx and e.country not in ctx and e.country not in near and not alias \
            and max(ctx.values()) >= 3 and e.population < 50_000:
        return None     # a small town abroad in an article clearly about another country ("Glenwood")
    if e.kind == CITY:
        if e.population < MIN_POPULATION:
            return None     # villages only where the text calls them so (above)
        known = e.country in ctx or e.country in prior   # small towns only of the article's countries
        need = (1_000 if known else 15_000) if c.tier != 1 else (5_000 if known else 50_000)
        if latin and doc_lang != "en":
            need = max(need, 15_000)    # Latin words in Cyrillic text are mostly brands and titles
        if c.word == "person" and not alias and (e.population < (20_000 if e.country in ctx else 50_000 if known else 1_000_000)
                                   or (c.tier == 1 and e.country not in ctx and e.population < 200_000)):
            return None     # a name as well: a sizeable town of a country the article is about, or a metropolis
        if c.word == "known" and not known and e.population < 500_000:
            return None     # a Ukrainian dictionary word ("Матері") as a foreign town: only a famous one
        if c.initial and c.word in ("known", "geo") and doc_lang == "uk" \
                and not (e.population >= 500_000 or (e.country in ctx and e.population >= 50_000)):
            return None     # "Розділ третій", "Високий рівень": a capital marking the sentence start
        if c.word == "common" and not (alias and not c.initial):
            # (a name the lexicon pins mid-sentence is a name: "на Оболоні", though оболонь is a word)
            # a common word as well ("Совет", "Изюм"): only a town of a country the article names;
            # at a sentence start ("Час", "Мати") only a big one
            if e.country not in ctx or e.population < 10_000:
                return None
            if c.initial and c.word == "common" and (e.country not in ctx or e.population < 100_000):
                return None
        if c.initial and c.word == "unknown" and not _CYR.search(c.keys[0] if c.keys else "") and not c.before_actor:
            # English sentence starts: "Police", "Part"; but "Avdiivka fell." in an article about
            # Ukraine: long post-Soviet town names are seldom English words (short ones are: "Gay", "Bor")
            post_soviet = e.country in VARIANT_COUNTRIES and e.country in ctx and c.end - c.start >= 6
            need = max(need, 10_000 if post_soviet else 100_000)
        if i_best in c.variant and e.country not in ctx:
            need = max(need, 15_000)    # another spelling of a small town the article is not about
            if e.country not in VARIANT_COUNTRIES and e.country not in near:
                return None     # a GeoNames alternate spelling ("Taizz"): only of a country the text names
        if e.population < need:
            return None
    conf = 0.9 if c.tier == 0 else (0.7 if c.tier == 1 else ADJ_SCORE)
    if len(c.ids) > 1 and c.tier != 2:
        conf -= 0.1
    return e, (ADJ_SCORE if c.tier == 2 else conf)


def _plain(name: str) -> str:
    """'Jalālābād' -> 'jalalabad': GeoNames' main name as English text writes it, without diacritics."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", norm(name)) if not unicodedata.combining(ch))


def _name_key(doc: Doc, c: _Cand) -> tuple[str, ...]:
    return c.keys or (norm(doc.text[c.start:c.end]),)


def resolve(doc: Doc, cands: list[_Cand]) -> list[PlaceMention]:
    g = gazetteer()
    prior = lexicon(doc.lang).prior
    ctx = _context_countries(g, cands)
    # countries and regions named in the same sentence ("Alexandria, Virginia") weigh most
    near: dict[int, set[str]] = {}
    for c in cands:
        e = g.entries[c.ids[0]]
        if e.kind in (COUNTRY, ADMIN1) and c.tier != 2:
            near.setdefault(doc.tokens[c.t0].sent, set()).add(e.country)
    # what each name (all its mentions together) contributes: a name is no evidence for its own
    # reading ("Paris" does not vote for France, nor does its second mention for its first)
    by_name: dict[tuple[str, ...], Counter[str]] = {}
    for c in cands:
        got = _contribution(g, c)
        if got:
            by_name.setdefault(_name_key(doc, c), Counter())[got[0]] += got[1]
    out: list[PlaceMention] = []
    # "X district (Admin2, Admin1)": the units choose among X's namesakes and are no places of their own
    cands = qualify.region_named(doc, lexicon(doc.lang), g, cands)
    groups = qualify.find(doc, lexicon(doc.lang), g, cands)
    units = {id(u) for grp in groups for u in grp.unit_cands}
    heads = {id(grp.head): grp for grp in groups if grp.head is not None}
    known = {id(c) for c in cands}
    # a name the guards set aside ("Gwoza LGA (Borno)"): the units say it is a place
    cands = sorted([*cands, *(grp.head for grp in groups if grp.head is not None and id(grp.head) not in known)],
                   key=lambda c: c.start)
    for c in cands:
        if id(c) in units:
            continue
        grp = heads.get(id(c))
        if grp is not None:
            qm = _qualified(doc, g, c, grp)
            if qm is not None:
                out.append(qm)
                continue
        own = by_name.get(_name_key(doc, c))
        cctx = ctx
        if own:
            cctx = +(ctx - own)
        r = _choose(g, c, cctx, prior, doc.lang, frozenset(near.get(doc.tokens[c.t0].sent, ())),
                    _region_after(doc, c))
        if r is None:
            continue
        e, conf = r
        m = _mention(doc, c.start, c.end, e, conf)
        out.append(_as_kind(m, "district") if e.kind == CITY and (c.district or _area_named(doc, c)) else m)
    for grp in groups:
        if grp.head is None:
            sp = qualify.respelled_head(doc, g, grp)
            if sp is not None and grp.name is not None:
                # "Bogura (Bogura, Rajshahi)": the units' town GeoNames spells "Bogra"
                m = _mention(doc, grp.name[0], grp.name[1], sp, 0.7)
                out.append(_as_kind(m, "district") if grp.area else m)
                continue
            fb = qualify.fallback(g, grp)
            if fb is not None:
                out.append(_as_kind(_mention(doc, fb[0].start, fb[0].end, fb[1], 0.8), fb[2]))
    out.sort(key=lambda m: m.start)
    return out + _capitals(doc, g, ctx, out)


def _region_after(doc: Doc, c: _Cand) -> bool:
    """'Oromia region', 'Borno state': a region noun right after the name (or ending it)."""
    lx = lexicon(doc.lang)
    toks = doc.tokens
    for t in (toks[c.t1 - 1], toks[c.t1] if c.t1 < len(toks) else None):
        if t is not None and t.sent == toks[c.t0].sent and t.i > c.t0 - 1 \
                and (t.lower in lx.region_nouns or t.an.lemma in lx.region_nouns):
            return True
    return False


def _area_named(doc: Doc, c: _Cand) -> bool:
    """'Gwoza LGA', 'Hays district', 'the Djibo-Arbinda area': the area around the town is meant (the
    town stands for it, ACLED geo_precision 2)."""
    lx = lexicon(doc.lang)
    k = c.t1
    if k >= len(doc.tokens) or doc.tokens[k].sent != doc.tokens[c.t0].sent:
        return False
    t = doc.tokens[k]
    return t.lower in lx.area_suffixes or t.an.lemma in lx.area_suffixes or t.lower in lx.span_nouns


def _as_kind(m: PlaceMention, kind: str) -> PlaceMention:
    m.kind = kind
    return m


def _qualified(doc: Doc, g: Gazetteer, c: _Cand, q: qualify.Qualified) -> PlaceMention | None:
    """The mention of a name its parenthesis qualifies; None where the units say nothing (no unit
    resolves), so the name is read as if alone."""
    e, said = qualify.head_reading(g, q)
    if not said:
        return None
    if e is not None:
        kind = "district" if q.area and e.kind == CITY else e.kind
        return _as_kind(_mention(doc, c.start, c.end, e, 0.9), kind)
    fb = qualify.fallback(g, q)
    if fb is None:
        return None
    return _as_kind(_mention(doc, fb[0].start, fb[0].end, fb[1], 0.8), fb[2])


def _mention(doc: Doc, start: int, end: int, e: Entry, conf: float) -> PlaceMention:
    return PlaceMention(start, end, doc.text[start:end], e.name, e.geonameid, e.country,
                        e.admin1 if e.kind != COUNTRY else None, e.latitude, e.longitude, e.kind,
                        e.population, conf)


_ARTICLES = frozenset({"the", "a"})


def _capitals(doc: Doc, g: Gazetteer, ctx: Counter[str], found: list[PlaceMention]) -> list[PlaceMention]:
    """'у столиці', 'в украинской столице', 'in the capital', 'the Kenyan capital': the capital city of
    the country an adjective names, else of the one the article is about. Only after a preposition of
    place ('закон о столице' is a topic) and where no name follows to say which ('столица Казахстана'
    takes that country; 'the capital, Nairobi' and 'the capital of South Kordofan' leave it to the name)."""
    lx = lexicon(doc.lang)
    if not lx.capital_nouns:
        return []
    top = ctx.most_common(2)
    main = top[0][0] if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]) else None
    toks = doc.tokens
    out: list[PlaceMention] = []
    for t in toks:
        if not t.is_word or not (t.lower in lx.capital_nouns or t.an.lemma in lx.capital_nouns):
            continue
        cc: str | None = None
        after = [m for m in found if t.end <= m.start and doc.token_at(m.start) - t.i <= 3
                 and toks[doc.token_at(m.start)].sent == t.sent]
        if after:
            k = doc.token_at(after[0].start)
            between = [x.lower for x in toks[t.i + 1:k]]
            if after[0].kind != COUNTRY or between not in ([], ["of"]):
                continue    # a name in apposition, or the capital of a region
            cc = after[0].country
        k = t.i - 1
        while k >= 0 and toks[k].sent == t.sent and (toks[k].lower in _ARTICLES or toks[k].an.pos in ("ADJF", "PRTF")
                                                    or toks[k].lower in lx.adjectives
                                                    or any(lem in lx.adjectives for lem in toks[k].an.lemmas)):
            p = lx.adjectives.get(toks[k].lower)
            if p is None:
                p = next((lx.adjectives[lem] for lem in toks[k].an.lemmas if lem in lx.adjectives), None)
            if p is not None and g.entries[p].kind == COUNTRY and cc is None:
                cc = g.entries[p].country   # "в українській столиці", "the Kenyan capital"
            k -= 1
        if k < 0 or toks[k].sent != t.sent or not (toks[k].lower in lx.capital_preps
                                                   or toks[k].an.lemma in lx.capital_preps):
            continue
        cc = cc or main
        cap = g.capitals.get(cc) if cc else None
        if cap is None:
            continue
        out.append(_mention(doc, t.start, t.end, g.entries[cap], 0.8))
    return out


def find_places(doc: Doc, skip: list[tuple[int, int]] | None = None) -> list[PlaceMention]:
    """All resolved place mentions of a document, sorted by start."""
    return sorted(resolve(doc, recognise(doc, skip)), key=lambda m: m.start)


def run(ctx: Context) -> None:
    """Fill ctx.places with every resolved place mention outside boilerplate, sorted by start."""
    ctx.places = find_places(ctx.doc, ctx.skip)
