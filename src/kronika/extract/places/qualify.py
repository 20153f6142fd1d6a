"""A place qualified by its administrative units in parentheses: "X district (Admin2, Admin1)".

News and event notes write "Hays district (Al Hudaydah)", "Djibo (Soum, Sahel)", "Kalinovka village
(Odesa oblast)", "в Харкові (Україна)". The parenthesis says which X is meant and is no place of its
own: X is read only among its namesakes in the country (and near the unit) the parenthesis names; the
units yield no mention. Where X is not in the gazetteer (a village, an upazila) or no namesake lies in
that unit, the innermost unit that resolves stands for the place: a town as the district's seat
(kind "district", ACLED geo_precision 2), a region at its centre ("admin1", precision 3).

A parenthesis is read as such only when it holds one to three comma-separated name phrases (capitalised
words, name particles, region nouns), none an abbreviation ("(JCD)", "(AP)"), right after a name or a
place-kind word ("upazila", "township": `place_suffixes` of lexicons/<lang>/places.toml).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from ...resources.gazetteer import ADMIN1, CITY, COUNTRY, Entry, Gazetteer, entry_km
from ...text.doc import Doc, Token
from ...text.normalise import fold, norm, romanise
from . import spelling
from .forms import _CYR, Lexicon
from .mentions import _Cand, _multi, _single

MAX_UNITS = 3            # "(Admin3, Admin2, Admin1)"
MAX_PHRASE_WORDS = 4     # "Lanao del Sur", "Khyber Pakhtunkhwa"
MAX_NAME_WORDS = 3       # a name the gazetteer lacks, before its parenthesis
SEAT_MIN_POPULATION = 5_000   # a unit read as a town this small says nothing of where its district lies
REGION_REACH_KM = 300.0  # a town of a region lies this close to the region's centre
SEAT_REACH_KM = 120.0    # ... and of a district this close to its seat
FAR_REGION_KM = 600.0    # ... or this close, where the name has one town in the country


@dataclass(slots=True)
class Qualified:
    """One "X (units)" group: the name before the parenthesis and the units inside it."""

    head: _Cand | None             # the candidate right before the parenthesis (None: X is unknown)
    units: list[list[_Cand]]       # per comma-separated phrase, the candidates that make it up whole
    unit_cands: list[_Cand] = field(default_factory=list)   # every candidate inside the parenthesis
    area: bool = False             # X is followed by an admin-area word ("district", "LGA")
    close: int = 0                 # offset of the closing parenthesis
    name: tuple[int, int] | None = None   # offsets of X where the gazetteer lacks it (head None)


def _phrase_ok(toks: list[Token], lx: Lexicon) -> bool:
    """A unit's name: capitalised words, with name particles and region nouns between or after them."""
    words = [t for t in toks if t.is_word]
    if not words or len(words) > MAX_PHRASE_WORDS or not words[0].is_title:
        return False
    if any(not t.is_word and t.text not in ("-", "'", "’", ".") for t in toks):
        return False
    for t in words:
        if t.is_title:
            if t.text.isupper() and len(t.text) <= 4:
                return False       # an abbreviation: "(JCD)", "(AP)", "(UN)"
        elif t.lower not in lx.name_particles and t.lower not in lx.region_nouns \
                and t.an.lemma not in lx.region_nouns and t.lower not in lx.area_suffixes:
            return False
    return True


def _latin(word: str) -> bool:
    return not _CYR.search(word)


def _unguarded(g: Gazetteer, doc: Doc, b: int) -> _Cand | None:
    """The gazetteer name ending at token b, guards aside: a parenthesis of units after it says it is a
    place ("Gwoza LGA (Borno)", where a capitalised word after a small town reads as a longer name)."""
    a, end = doc.sent_tokens[doc.tokens[b].sent]
    for i in range(max(a, b - 3), b):
        c = _multi(g, doc, i, end)
        if c is not None and c.t1 == b + 1:
            return c
    return _single(g, doc, doc.tokens[b])


def _unit_region(g: Gazetteer, doc: Doc, phrase: list[Token]) -> _Cand | None:
    """A unit the recognition set aside as a common word ("(Unity)", "(Lakes)"): inside the parenthesis
    it is a region where the gazetteer has one of that name (towns of such names are noise)."""
    words = [t for t in phrase if t.is_word]
    if not words:
        return None
    a, end = doc.sent_tokens[words[0].sent]
    c = _multi(g, doc, words[0].i, end) if len(words) > 1 else _single(g, doc, words[0])
    if c is None or c.t1 != words[-1].i + 1:
        return None
    ids = tuple(i for i in c.ids if g.entries[i].kind == ADMIN1)
    if not ids:
        return None
    c.ids = ids
    return c


def find(doc: Doc, lx: Lexicon, g: Gazetteer, cands: list[_Cand]) -> list[Qualified]:
    """Every "X (units)" group of the document."""
    toks = doc.tokens
    by_first = {c.t0: c for c in cands}
    by_last = {c.t1 - 1: c for c in cands}
    out: list[Qualified] = []
    for k, t in enumerate(toks):
        if t.text != "(" or k == 0 or toks[k - 1].sent != t.sent:
            continue
        # the closing parenthesis within the sentence
        j = k + 1
        while j < len(toks) and toks[j].text != ")" and toks[j].sent == t.sent and j - k <= 16:
            j += 1
        if j >= len(toks) or toks[j].text != ")":
            continue
        phrases: list[list[Token]] = [[]]
        for x in toks[k + 1:j]:
            if x.text == ",":
                phrases.append([])
            else:
                phrases[-1].append(x)
        if len(phrases) > MAX_UNITS or not all(_phrase_ok(p, lx) for p in phrases):
            continue
        # what stands before: a place-kind word ("district", "village") after the name, or the name
        b = k - 1
        area = False
        prv = toks[b]
        kind_word = False
        if _stretch(prv, lx):
            # "on the Filingue-Niamey road (Filingue, Tillaberi)": the road lies in the units; the towns
            # it joins are no place of the event (guards), so the innermost unit stands for it
            if all(_latin(x.text) == _latin(prv.text) for p in phrases for x in p if x.is_word):
                out.append(_units_of(phrases, by_first, g, doc, None, True, toks[j].start))
            continue
        if not prv.is_title and (prv.lower in lx.area_suffixes or prv.lower in lx.settlement_nouns
                                 or prv.an.lemma in lx.area_suffixes):
            area = prv.lower in lx.area_suffixes or prv.an.lemma in lx.area_suffixes
            kind_word = True
            b -= 1
        elif prv.is_title and prv.lower in lx.area_suffixes:
            area = kind_word = True        # "Maiduguri LGA (Borno)"
            b -= 1
        if b < 0 or toks[b].sent != t.sent or not toks[b].is_word or not toks[b].is_title:
            continue
        head = by_last.get(b)
        if head is None and kind_word:
            head = _unguarded(g, doc, b)
        if head is not None and g.entries[head.ids[0]].kind == COUNTRY:
            continue        # a country has no units above it: "(...)" after one says something else
        if any(_latin(x.text) != _latin(toks[b].text) for p in phrases for x in p if x.is_word):
            continue        # "Oyan (Проснись)": a translation, not the units of a place
        grp = _units_of(phrases, by_first, g, doc, head, area, toks[j].start)
        if head is None:
            grp.name = _name_before(doc, b)
        out.append(grp)
    out = _district_of(doc, lx, cands, out)
    taken = {id(q.head) for q in out}
    out += _comma_units(doc, lx, g, cands, taken)
    taken |= {id(q.head) for q in out}
    return out + _within_units(doc, lx, g, cands, taken)


def _name_before(doc: Doc, b: int) -> tuple[int, int]:
    """Offsets of the capitalised name ending at token b: up to three words, hyphens and apostrophes
    between them ("Mrauk-U", "Maidan Shahr")."""
    toks = doc.tokens
    a = b
    words = 1
    while a > 0 and toks[a - 1].sent == toks[b].sent and words < MAX_NAME_WORDS:
        prv = toks[a - 1]
        if prv.text in ("-", "'", "’") and a > 1 and toks[a - 2].is_title:
            a -= 2
        elif prv.is_word and prv.is_title and not (toks[a - 1].i == doc.sent_tokens[prv.sent][0]):
            a -= 1
        else:
            break
        words += 1
    return toks[a].start, toks[b].end


def _stretch(t: Token, lx: Lexicon) -> bool:
    """'road', 'highway', 'axis', 'corridor': a word for a stretch of land between places."""
    return not t.is_title and any(w in lx.road_nouns or w in lx.span_nouns for w in (t.lower, t.an.lemma))


def _units_of(phrases: list[list[Token]], by_first: dict[int, _Cand], g: Gazetteer, doc: Doc,
              head: _Cand | None, area: bool, close: int) -> Qualified:
    """The group of a parenthesis: per phrase, the one candidate that makes it up whole (or none)."""
    units: list[list[_Cand]] = []
    inside: list[_Cand] = []
    for p in phrases:
        got: list[_Cand] = []
        i = p[0].i
        words = [x for x in p if x.is_word]
        while i <= p[-1].i:
            c = by_first.get(i)
            if c is not None:
                got.append(c)
                inside.append(c)
                i = c.t1
            else:
                i += 1
        covered = {i for c in got for i in range(c.t0, c.t1)}
        whole = all(x.i in covered or not x.is_title for x in words)
        if not got:
            region = _unit_region(g, doc, p)
            if region is not None:
                got, whole = [region], True
        units.append(got if whole and len(got) == 1 else [])
    return Qualified(head, units, inside, area, close)


def _district_of(doc: Doc, lx: Lexicon, cands: list[_Cand], groups: list[Qualified]) -> list[Qualified]:
    """'X village of Y district (Admin1)': the district is X's innermost unit, and the parenthesis
    after it (read first as Y's units) is X's too; Y is no place of its own."""
    toks = doc.tokens
    by_first = {c.t0: c for c in cands}
    by_head = {id(q.head): q for q in groups if q.head is not None}
    out = list(groups)
    for c in cands:
        k = c.t1
        if k + 2 >= len(toks) or id(c) in by_head or toks[k].is_title or toks[k].lower not in lx.settlement_nouns \
                or toks[k + 1].lower not in lx.within_preps:
            continue
        unit = by_first.get(k + 2)
        if unit is None or unit.t1 >= len(toks) or toks[unit.t0].sent != toks[c.t0].sent \
                or (toks[unit.t1].lower not in lx.area_suffixes and toks[unit.t1].an.lemma not in lx.area_suffixes):
            continue
        inner = by_head.get(id(unit))
        if inner is not None:
            out.remove(inner)
        out.append(Qualified(c, [[unit], *(inner.units if inner else [])],
                             [unit, *(inner.unit_cands if inner else [])], False,
                             inner.close if inner else toks[unit.t1].end))
    return out


def region_named(doc: Doc, lx: Lexicon, g: Gazetteer, cands: list[_Cand]) -> list[_Cand]:
    """The candidates, a region centre's name in the locative after a region preposition read as the
    region named after it: uk "на Запоріжжі" is the region, "у Запоріжжі" the city (`region_preps` of
    lexicons/<lang>/places.toml). Not "на Запоріжжя" (a direction) nor "на Дніпрі" (the region is
    named otherwise: the river or the city is meant)."""
    if not lx.region_preps:
        return cands
    out: list[_Cand] = []
    for c in cands:
        tok = doc.tokens[c.t0]
        prv = doc.tokens[c.t0 - 1] if c.t0 > 0 else None
        if prv is not None and prv.sent == tok.sent and prv.lower in lx.region_preps and c.t1 - c.t0 == 1 \
                and tok.an.case in ("loct", "loc2") \
                and not any(k in lx.town_parts for k in c.keys):
            # (not a part of a town the lexicon names: "на Позняках" is in Kyiv, not its region)
            region = next((r for i in c.ids if g.entries[i].kind == CITY
                           for r in (g.region_of_centre.get(i),)
                           if r is not None and fold(g.entries[r].name).split()[:1] == [fold(g.entries[i].name)]),
                          None)
            if region is not None:
                c = replace(c, ids=(region,))
        out.append(c)
    return out


def _within_units(doc: Doc, lx: Lexicon, g: Gazetteer, cands: list[_Cand], taken: set[int]) -> list[Qualified]:
    """'село X на Запоріжжі', 'в селе X в Курской области', 'в X Харьковской области': a region
    named right after a settlement, after a preposition of `within_preps` or in the genitive, says
    which X is meant, as a parenthesis does (a town after it, "з Харкова у Київ", is no unit: only a
    region reading qualifies)."""
    toks = doc.tokens
    by_first = {c.t0: c for c in cands}
    out: list[Qualified] = []
    for c in cands:
        if id(c) in taken or c.tier == 2 or not c.ids or g.entries[c.ids[0]].kind != CITY:
            continue
        k = c.t1
        if k < len(toks) and toks[k].lower in lx.within_preps:
            k += 1
        unit = by_first.get(k)
        if unit is None or toks[unit.t0].sent != toks[c.t0].sent or not unit.ids \
                or any(g.entries[i].kind != ADMIN1 for i in unit.ids):
            continue
        out.append(Qualified(c, [[unit]], [unit], False, toks[unit.t1 - 1].end))
    return out


def _comma_units(doc: Doc, lx: Lexicon, g: Gazetteer, cands: list[_Cand], taken: set[int]) -> list[Qualified]:
    """'in Kalynivka village, Donetsk oblast', 'in Zurmi LGA, Zamfara state': a region named with its
    region noun right after a name and a comma qualifies it as a parenthesis does (a list of towns,
    "Kyiv, Lviv and Odesa", names no region noun)."""
    toks = doc.tokens
    by_first = {c.t0: c for c in cands}
    out: list[Qualified] = []
    for c in cands:
        if id(c) in taken or c.tier == 2 or any(g.entries[i].kind != CITY for i in c.ids[:1]):
            continue    # "Kharkiv region, Zaporizhzhia region": a list of regions, not a town and its region
        k = c.t1
        area = False
        if k < len(toks) and (toks[k].lower in lx.area_suffixes or toks[k].lower in lx.settlement_nouns):
            area = toks[k].lower in lx.area_suffixes
            k += 1
        if k + 1 >= len(toks) or toks[k].text != "," or toks[k].sent != toks[c.t0].sent:
            continue
        unit = by_first.get(k + 1)
        if unit is None:
            continue
        # the region noun ends the unit's candidate ("Donetsk oblast") or follows it ("Zamfara state")
        last = toks[unit.t1 - 1] if unit.t1 - 1 > unit.t0 else (toks[unit.t1] if unit.t1 < len(toks) else None)
        if last is None or last.sent != toks[c.t0].sent \
                or (last.lower not in lx.region_nouns and last.an.lemma not in lx.region_nouns):
            continue
        out.append(Qualified(c, [[unit]], [unit], area, last.end))
    return out + _comma_unknown(doc, lx, cands, taken | {id(q.head) for q in out})


def _comma_unknown(doc: Doc, lx: Lexicon, cands: list[_Cand], taken: set[int]) -> list[Qualified]:
    """'in Woldia town, Amhara region': a name the gazetteer lacks, after a preposition of place, then a
    region with its region noun after a comma: the region qualifies it as a parenthesis does (the name
    may be a spelling the gazetteer has otherwise; else the region stands for the place)."""
    toks = doc.tokens
    by_last = {c.t1 - 1 for c in cands}
    preps = lx.capital_preps | lx.near_cues
    out: list[Qualified] = []
    for unit in cands:
        k = unit.t0 - 1
        if id(unit) in taken or k < 2 or toks[k].text != ",":
            continue
        # the region noun ends the unit's candidate ("Donetsk oblast") or follows it ("Amhara region")
        last = toks[unit.t1 - 1] if unit.t1 - 1 > unit.t0 else (toks[unit.t1] if unit.t1 < len(toks) else None)
        if last is None or last.sent != toks[unit.t0].sent \
                or (last.lower not in lx.region_nouns and last.an.lemma not in lx.region_nouns):
            continue
        b = k - 1
        area = toks[b].lower in lx.area_suffixes
        if not toks[b].is_title and (area or toks[b].lower in lx.settlement_nouns):
            b -= 1
        if b < 1 or not toks[b].is_title or b in by_last or toks[b].sent != toks[unit.t0].sent:
            continue
        start, end = _name_before(doc, b)
        first = doc.token_at(start)
        if first < 1 or toks[first - 1].lower not in preps:
            continue
        out.append(Qualified(None, [[unit]], [unit], area, last.end, (start, end)))
    return out



def _country(g: Gazetteer, q: Qualified) -> str | None:
    """The country the units and the name agree on: most units with a reading there, then the name's
    own readings, then the larger places."""
    votes: dict[str, float] = {}
    for unit in q.units:
        if not unit:
            continue
        seen: set[str] = set()
        for i in unit[0].ids:
            e = g.entries[i]
            if e.country not in seen:
                seen.add(e.country)
                votes[e.country] = votes.get(e.country, 0.0) + 1.0
    if not votes:
        return None
    if q.head is not None:
        for cc in {g.entries[i].country for i in q.head.ids}:
            votes[cc] = votes.get(cc, 0.0) + 0.5
    size: dict[str, int] = {}
    for unit in q.units:
        for i in unit[0].ids if unit else ():
            e = g.entries[i]
            size[e.country] = max(size.get(e.country, 0), e.population + (10**9 if e.kind != CITY else 0))
    return max(votes, key=lambda cc: (votes[cc], size.get(cc, 0)))


def placed(g: Gazetteer, i: int) -> Entry:
    """Entry i, a region without coordinates placed at its centre where the unit data knows it."""
    e = g.entries[i]
    c = g.unit_centres.get(i) if e.latitude is None else None
    if c is None:
        return e
    return e._replace(latitude=g.entries[c].latitude, longitude=g.entries[c].longitude, geonameid=None)


def _first_unit(g: Gazetteer, q: Qualified, cc: str) -> list[Entry]:
    """The readings in country cc of the innermost unit that has any (a unit may be a town and a region)."""
    for unit in q.units:
        if unit:
            es = [placed(g, i) for i in unit[0].ids if g.entries[i].country == cc
                  and (g.entries[i].kind != CITY or g.entries[i].population >= SEAT_MIN_POPULATION)]
            if es:
                return es
    return []


def _inside(e: Entry, unit: Entry) -> bool:
    """Whether town e may lie in the unit (a region by its admin1 name where both are known, else by
    distance from its centre; a district by distance from its seat)."""
    if unit.kind == COUNTRY:
        return True
    if unit.kind == ADMIN1 and e.admin1 and unit.admin1:
        return norm(e.admin1) == norm(unit.admin1)
    d = entry_km(e, unit)
    if d == math.inf:
        return True           # an unplaced region: the country is all we know
    return d <= (REGION_REACH_KM if unit.kind == ADMIN1 else SEAT_REACH_KM)


def head_reading(g: Gazetteer, q: Qualified) -> tuple[Entry | None, bool]:
    """The name's reading the units allow, and whether the units said anything at all (False: no unit
    resolves, so the name is read as if it stood alone)."""
    cc = _country(g, q)
    if cc is None:
        return None, False
    if q.head is None:
        return None, True
    unit = _first_unit(g, q, cc)
    mine = [g.entries[i] for i in q.head.ids if g.entries[i].country == cc and g.entries[i].latitude is not None]
    if not mine and all(u.kind == CITY for us in q.units if us for i in us[0].ids
                        for u in (g.entries[i],) if u.country == cc):
        # "San Pedro Sula (Cortes)": the units are known only as towns of another country than any
        # reading of the name (namesakes abroad of a unit the gazetteer lacks): the name stands alone
        return None, False
    towns = [e for e in mine if e.kind == CITY]
    fits = [e for e in towns if not unit or any(_inside(e, u) for u in unit)]
    if not fits and len(towns) == 1 and any(u.kind == ADMIN1 and entry_km(towns[0], u) <= FAR_REGION_KM for u in unit):
        # "Tamu township, Sagaing region": the name's only town in the country, in a region too large for
        # the usual reach from its centre (the unit data knows no admin1 of the town)
        fits = towns
    if not fits and unit and not any(u.kind == ADMIN1 for u in unit):
        # the unit is known only as towns, none near the name: a namesake village of a district the
        # gazetteer lacks ("Tumaco municipality (Narino)"); the country is what it says
        fits = towns
    if not fits:
        fits = [e for e in mine if e.kind != CITY]
    if not fits:
        return None, True
    # the name itself before an alternate name; near a district seat; the larger place
    seats = [u for u in unit if u.kind == CITY]
    keys = set(q.head.keys) | {fold(k) for k in q.head.keys} \
        | {fold(r) for k in q.head.keys if _CYR.search(k) for r in romanise(k)}   # "Калинівка" ~ Kalynivka
    return min(fits, key=lambda e: (norm(e.name) not in keys, fold(e.name) not in keys,
                                    min((entry_km(e, u) for u in seats), default=0.0), -e.population)), True


def respelled_head(doc: Doc, g: Gazetteer, q: Qualified) -> Entry | None:
    """A name the gazetteer lacks, read as a town of the units' country it spells otherwise
    (spelling.respelled), inside the innermost unit that resolves."""
    if q.head is not None or q.name is None:
        return None
    cc = _country(g, q)
    if cc is None:
        return None
    return spelling.respelled(doc.text[q.name[0]:q.name[1]], cc, _first_unit(g, q, cc), _inside)


def fallback(g: Gazetteer, q: Qualified) -> tuple[_Cand, Entry, str] | None:
    """The innermost unit that resolves in the agreed country: (its candidate, its reading, kind)."""
    cc = _country(g, q)
    if cc is None:
        return None
    last = max((n for n, u in enumerate(q.units) if u), default=-1)
    for n, unit in enumerate(q.units):
        if not unit:
            continue
        es = [e for e in (placed(g, i) for i in unit[0].ids) if e.country == cc and e.latitude is not None]
        if not es:
            continue
        # the outermost unit is the region where it has a region reading; inner ones are district seats
        region = next((e for e in es if e.kind == ADMIN1), None)
        town = next((e for e in es if e.kind == CITY), None)
        if region is not None and (n == last or town is None):
            return unit[0], region, ADMIN1
        if town is not None:
            return unit[0], town, "district"
        return unit[0], es[0], es[0].kind
    return None
