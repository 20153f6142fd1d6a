"""Place-name mentions: every capitalised token or phrase the gazetteer knows, guards applied.

Recognition walks the capitalised tokens and looks each one up under several forms: the surface,
pymorphy3's lemmas and inflection-stripped forms (`forms.stripped_forms`). Multiword names are tried
first when the first word starts some gazetteer name. Adjectives ("київська", "алматинский") and region
phrases ("Мангистауская область", "Lviv region") are read too. Guards drop common words that are also
place names (a per-language stoplist, part of speech, sentence-initial capitals), person names
(pymorphy3's Name/Surn/Patr next to another name) and organisations ("Kyiv Post").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ...resources.gazetteer import ADMIN1, CITY, COUNTRY, Gazetteer, gazetteer
from ...text.doc import Doc, Token
from ...text.normalise import norm
from .forms import (
    _ADJ_ENDINGS,
    _CYR,
    _EN_BEFORE_PLACE,
    _POS_NOT_NAME,
    Lexicon,
    _adjective_place,
    _exact_forms,
    _known_first_name,
    _may_be_first_name,
    _may_be_surname,
    _names_town,
    _nominative_adjective,
    _plural_nominative,
    _variant_ids,
    fold,
    hyphen_forms,
    lexicon,
    respelled,
    stripped_forms,
    word_class,
)
from .guards import (
    _CLOSE_QUOTES,
    _after_settlement_noun,
    _in_quoted_title,
    _is_cap,
    _org_run,
    _particle_run,
    _road_endpoint,
    _sentence_initial,
    _street_name,
    _surnames,
)
from .roles import after_follower, roles

# ---------------------------------------------------------------------------------------------
# recognition


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    t0: int                  # first token index
    t1: int                  # last token index + 1
    ids: tuple[int, ...]
    tier: int                # 0 surface/lemma, 1 stripped form, 2 adjective
    single_cap: bool = False  # one capitalised word, open to the common-word guards
    keys: tuple[str, ...] = ()  # the lookup keys that matched
    word: str = "geo"        # what the word is besides a name (see word_class)
    initial: bool = False    # first word of its sentence
    variant: frozenset[int] = frozenset()  # ids found under another Latin spelling ("Zaporozhye")
    settled: bool = False    # after a settlement noun ("селище Борова", "the village of Barani")
    district: bool = False   # a district named after its centre ("у Бориспільському районі")
    before_actor: bool = False  # a Latin name before a crowd or actor noun ("Kherson residents")


def _lookup(g: Gazetteer, keys: Iterable[str], hit: list[str] | None = None) -> tuple[int, ...]:
    ids: list[int] = []
    for k in keys:
        found = g.index.get(k, ())
        if found and hit is not None:
            hit.append(k)
        for i in found:
            if i not in ids:
                ids.append(i)
    return tuple(ids)


def _multi(g: Gazetteer, doc: Doc, i: int, end: int) -> _Cand | None:
    """The longest multiword gazetteer name starting at token i (2-4 tokens within the sentence)."""
    toks = doc.tokens
    first = _exact_forms(toks[i])
    if doc.lang != "en" and i + 1 < end and toks[i].an.pos in ("ADJF", "PRTF"):
        adj = _nominative_adjective(doc.lang, toks[i].text, toks[i + 1].text)
        if adj:
            first.append(adj)
        if toks[i + 1].an.number == "plur":
            first.append(_plural_nominative(doc.lang, toks[i].text) or "")
    latin = not _CYR.search(toks[i].text)
    if not any(f in g.heads for f in first) and not (latin and fold(toks[i].text) in g.variant_heads):
        return None
    for n in (4, 3, 2):
        j = i + n
        if j > end:
            continue
        span = toks[i:j]
        if not _is_cap(span[-1]) or not all(t.is_word for t in span):
            continue
        if any(toks[k + 1].start - toks[k].end > 1 for k in range(i, j - 1)):
            continue
        keys = [" ".join(norm(t.text) for t in span)]
        if doc.lang != "en":
            # per-token lemma combinations ("Кривому Розі" -> "кривий ріг"), bounded
            forms = [list(dict.fromkeys([norm(t.text), *t.an.lemmas[:3]])) for t in span]
            for k, t in enumerate(span[:-1]):
                adj = _nominative_adjective(doc.lang, t.text, span[-1].text)
                if adj:
                    forms[k].append(adj)   # "Великої Британії" -> "велика британія"
            if span[-1].an.number == "plur":   # "Соединенных Штатов" -> "соединенные штаты"
                for k, t in enumerate(span):
                    pl = _plural_nominative(doc.lang, t.text)
                    if pl and pl not in forms[k]:
                        forms[k].insert(1, pl)
            combos = [""]
            for fl in forms:
                combos = [(c + " " + f).strip() for c in combos for f in fl][:64]
            keys += combos
        hit: list[str] = []
        ids = _lookup(g, keys, hit)
        if not ids and doc.lang != "en" and lexicon(doc.lang).other_spelling:
            ids = _lookup(g, respelled(lexicon(doc.lang), keys[:8]), hit)   # "Новому Пазарі" -> "нови пазар"
        variant: tuple[int, ...] = ()
        if latin:      # "Kryvyi Rih", "Krivoy Rog"
            vk, variant = _variant_ids(g, keys[:1])
            variant = tuple(v for v in variant if v not in ids)
            if variant:
                ids = ids + tuple(v for v in variant if v not in ids)
                hit = hit or [vk]
        if ids:
            return _Cand(span[0].start, span[-1].end, i, j, ids, 0, keys=tuple(hit), variant=frozenset(variant))
    return None


def _single(g: Gazetteer, doc: Doc, t: Token) -> _Cand | None:
    hit: list[str] = []
    forms = _exact_forms(t)
    cyr = bool(_CYR.search(t.text))
    lemmas_only = set(t.an.lemmas) - {norm(t.text)}
    surface = [f for f in forms if f not in lemmas_only]
    # a Latin name found as written is that name: "Sagaing" is not the lemma "saga" (Saga, Japan)
    ids = (not cyr and _lookup(g, surface, hit)) or _lookup(g, forms, hit)
    tier = 0
    variant: tuple[int, ...] = ()
    if not cyr and forms[0] not in lexicon(doc.lang).adjectives:   # "Syrian" is no spelling of "Sirjan"
        vk, variant = _variant_ids(g, forms[:2])
        variant = tuple(i for i in variant if i not in ids)   # found only under another spelling
        if variant:
            ids = ids + tuple(i for i in variant if i not in ids)
            if not hit:
                hit.append(vk)
    if not ids and doc.lang != "en" and cyr:
        ids = _lookup(g, stripped_forms(t.text), hit)
        tier = 1
    if not ids and cyr and "-" in t.text:
        ids = _lookup(g, hyphen_forms(doc.lang, t.text), hit)   # "Каменце-Подольском"
        tier = 1
    if not ids and cyr and lexicon(doc.lang).other_spelling:
        # "Ніш", "Новому Пазарі": a name GeoNames holds in Russian spelling only
        ids = _lookup(g, respelled(lexicon(doc.lang), [*forms, *stripped_forms(t.text)[:12]]), hit)
        tier = 1
    if not ids:
        return None
    if cyr:
        word = word_class(doc.lang, t.text, tuple(hit), tier == 1)
    else:
        word = "unknown"
    nxt = doc.tokens[t.i + 1] if t.i + 1 < len(doc.tokens) and doc.tokens[t.i + 1].sent == t.sent else None
    actor = not cyr and nxt is not None and (nxt.lower in roles(doc.lang).actor_nouns
                                             or nxt.an.lemma in roles(doc.lang).actor_nouns)
    return _Cand(t.start, t.end, t.i, t.i + 1, ids, tier, True, tuple(hit), word, _sentence_initial(doc, t),
                 frozenset(variant), before_actor=actor)


def _region_phrase(g: Gazetteer, lx: Lexicon, doc: Doc, i: int, end: int) -> _Cand | None:
    """'Київській області' / 'Мангистауской области' / 'Lviv region' / 'провінції Фарс' / 'штат Техас':
    a first-level region."""
    toks = doc.tokens
    if i + 1 >= end:
        return None
    a, b = toks[i], toks[i + 1]
    if a.an.lemma in lx.region_nouns and b.text[:1].isupper() and doc.lang != "en" \
            and (not a.text[:1].isupper() or not _sentence_initial(doc, a)):   # "Республики Алтай"
        # the region noun before the name: only a region reading of the name counts
        keys = [*_exact_forms(b), *stripped_forms(b.text)]
        ids = tuple(j for j in _lookup(g, keys) if g.entries[j].kind == ADMIN1)
        if ids:
            return _Cand(b.start, b.end, i + 1, i + 2, ids, 0, keys=tuple(keys[:1]))
    noun = b.an.lemma or norm(b.text)
    if noun not in lx.region_nouns or not a.is_word:
        return None
    if doc.lang == "en":
        ids = _lookup(g, [norm(a.text) + " " + norm(b.text), norm(a.text) + " oblast"])
        if not ids:   # "the Sahel region": a first-level region named without its noun
            ids = tuple(j for j in _lookup(g, _exact_forms(a)) if g.entries[j].kind == ADMIN1)
        if not ids:
            towns = _lookup(g, _exact_forms(a)) + _variant_ids(g, _exact_forms(a)[:2])[1]
            ids = tuple(dict.fromkeys(g.region_of_centre[c] for c in towns if c in g.region_of_centre))
        return _Cand(a.start, b.end, i, i + 2, ids, 0) if ids else None
    if not _is_cap(a) and a.an.pos != "ADJF":
        return None
    adj = _nominative_adjective(doc.lang, a.text, b.text)
    keys = [f"{adj} {noun}"] if adj else []
    keys += [f"{lem} {noun}" for lem in a.an.lemmas]
    ids = tuple(i2 for i2 in _lookup(g, keys) if g.entries[i2].kind == ADMIN1)
    if not ids:
        city = _adjective_place(g, lx, a)
        if city is not None and city in g.region_of_centre:
            ids = (g.region_of_centre[city],)
    return _Cand(a.start, b.end, i, i + 2, ids, 0) if ids else None


def _generic_district(doc: Doc, lx: Lexicon, i: int, end: int) -> bool:
    """'у Київському районі' (of Kharkiv), 'в Ленинском районе': a town district's generic or
    borrowed name, which names no place by its adjective."""
    toks = doc.tokens
    return i + 1 < end and any(lem in lx.generic_districts for lem in toks[i].an.lemmas) \
        and (toks[i + 1].an.lemma in lx.district_nouns or norm(toks[i + 1].text) in lx.district_nouns)


def _district_phrase(g: Gazetteer, lx: Lexicon, doc: Doc, i: int, end: int) -> _Cand | None:
    """'у Бориспільському районі', 'Зиньковского района': a district named by the adjective of its
    centre town, read as that town (kind 'district': the event is in the area, not the town). Not a
    district of a town named right after ('в Печерському районі Києва': the town is the place) nor
    one of the generic Soviet-era names towns give their districts ('Ленинский район')."""
    toks = doc.tokens
    if i + 1 >= end or doc.lang == "en":
        return None
    a, b = toks[i], toks[i + 1]
    if not _is_cap(a) or a.an.pos != "ADJF" or a.text.isupper() or not (b.an.lemma in lx.district_nouns
                                                                       or norm(b.text) in lx.district_nouns):
        return None
    if _generic_district(doc, lx, i, end):
        return None
    if i + 2 < end and _is_cap(toks[i + 2]) and toks[i + 2].an.case == "gent":
        return None
    p = _adjective_place(g, lx, a, 5_000)
    if p is None or g.entries[p].kind != CITY:
        return None
    return _Cand(a.start, b.end, i, i + 2, (p,), 0, keys=(a.an.lemma,), settled=True, district=True)


def _after_preposition(doc: Doc, t: Token) -> bool:
    """'у Хмельницькому.', 'в Миколаєві та': an adjective-shaped name standing alone after a
    preposition is a place; 'в Северном потоке' (a noun follows) is not."""
    toks = doc.tokens
    if t.i == 0 or toks[t.i - 1].an.pos != "PREP" or toks[t.i - 1].sent != t.sent:
        return False
    return _stands_alone(doc, t)


_OPEN_QUOTES = frozenset('«"„“')
def _in_place_list(doc: Doc, t: Token, out: list[_Cand]) -> bool:
    """'над Белгородом, Курском и Брянском': an adjective-shaped name right after a town name and a
    comma or 'and' is the next town of the list."""
    k = t.i - 1
    if k < 1 or not out or out[-1].t1 != k or out[-1].tier == 2 or doc.tokens[k].sent != t.sent:
        return False
    return norm(doc.tokens[k].text) in lexicon(doc.lang).list_joiners and _stands_alone(doc, t)


def _region_list(doc: Doc, lx: Lexicon, t: Token, end: int, nouns: frozenset[str] | None = None) -> bool:
    """Whether a list of capitalised adjectives starting at t ends in a region noun
    ("Харківській, Сумській та Чернігівській областях"); with `nouns`, whether t or a list starting
    at it qualifies one of those nouns ("Покровському та Бахмутському напрямках")."""
    toks = doc.tokens
    k = t.i + 1
    seen_joiner = nouns is not None
    nouns = lx.region_nouns if nouns is None else nouns
    while k < min(end, t.i + 12):
        x = toks[k]
        if norm(x.text) in lx.list_joiners:
            seen_joiner = True
        elif x.an.lemma in nouns:
            return seen_joiner
        elif not (_is_cap(x) and (x.an.pos == "ADJF" or doc.lang == "en")):
            return False
        k += 1
    return False


def _stands_alone(doc: Doc, t: Token) -> bool:
    """No noun follows that the word could qualify ('в Северном потоке')."""
    toks = doc.tokens
    if t.i + 1 >= len(toks) or toks[t.i + 1].sent != t.sent:
        return True
    nxt = toks[t.i + 1]
    return not nxt.is_word or _is_cap(nxt) or nxt.an.pos in ("CONJ", "PREP", "PRCL")


def _big_place(g: Gazetteer, t: Token) -> bool:
    """The word names a region, a country or a town of 100,000+ (not a village called 'Богдан')."""
    return any(g.entries[j].kind != CITY or g.entries[j].population >= 100_000 for j in _lookup(g, _exact_forms(t)))


def _after_first_name(doc: Doc, g: Gazetteer, k: int) -> bool:
    """Token k follows a capitalised first name that is no place ("Богдана Хмельницького")."""
    toks = doc.tokens
    if k == 0 or toks[k - 1].sent != toks[k].sent:
        return False
    prv = toks[k - 1]
    return _is_cap(prv) and not prv.text.isupper() and _CYR.search(prv.text) is not None \
        and toks[k].start - prv.end == 1 and _known_first_name(doc.lang, prv.text) and not _big_place(g, prv)


def _first_name_pair(doc: Doc, g: Gazetteer, c: _Cand) -> bool:
    """'Владимир Путин', 'Дмитрий Быков', 'Сергій Коваленко': a first name and a surname make one
    person's name even where either word is also a town (Vladimir, Bykov). The candidate is the
    first name (a surname that no gazetteer holds follows) or the surname (a first name that is no
    town precedes); a preposition before the pair ("во Владимир Иванов приехал") keeps the place."""
    toks = doc.tokens
    t = toks[c.t0]
    if g.entries[c.ids[0]].kind != CITY or not _CYR.search(t.text) or t.text.isupper():
        return False
    prv = toks[c.t0 - 1] if c.t0 > 0 and toks[c.t0 - 1].sent == t.sent else None
    nxt = toks[c.t1] if c.t1 < len(toks) and toks[c.t1].sent == t.sent else None
    if prv is not None and prv.an.pos == "PREP":
        return False
    if nxt is not None and _is_cap(nxt) and _CYR.search(nxt.text) and not nxt.text.isupper() \
            and nxt.start - t.end == 1 and _known_first_name(doc.lang, t.text) \
            and _may_be_surname(doc.lang, nxt.text) and not _big_place(g, nxt):
        return True
    return prv is not None and _is_cap(prv) and _CYR.search(prv.text) is not None and t.start - prv.end == 1 \
        and not prv.text.isupper() and _known_first_name(doc.lang, prv.text) \
        and _may_be_surname(doc.lang, t.text) and not _big_place(g, prv)


def _guarded(doc: Doc, lx: Lexicon, c: _Cand, g: Gazetteer, lower: frozenset[str] = frozenset()) -> str | None:
    """Why a candidate must be dropped whatever it resolves to ("stop", "person", "org", ...), None
    when it may stay. Guards that depend on the resolved place are in `_choose`."""
    toks = doc.tokens
    t = toks[c.t0]
    if not c.single_cap and norm(doc.text[c.start:c.end]) in lx.stop:
        return "other"   # a multiword false friend: "White House" is an alternate name of Casablanca
    if c.single_cap:
        key = norm(t.text)
        if key in lx.stop or t.an.lemma in lx.stop:
            return "other"
        if key in lower and g.entries[c.ids[0]].kind == CITY and not t.text.isupper():
            return "word"   # the article also writes it in lower case: a common word ("Police", "мир")
        if t.text.isupper() and len(t.text) <= 4 and g.entries[c.ids[0]].kind == CITY \
                and g.entries[c.ids[0]].population < 500_000:
            return "abbr"   # abbreviations: ОМОН, МВД, UN
        if len(t.text) > 2 and t.text[:2].isupper() and not t.text.isupper():
            return "abbr"   # an inflected abbreviation: "ОМОНом"
        best = g.entries[c.ids[0]]
        if ((c.word == "function" and best.kind != COUNTRY)
                or (t.an.pos in _POS_NOT_NAME and c.word not in ("geo", "unknown", "function"))) \
                and not _after_settlement_noun(doc, lx, t):
            return "word"   # "Вони", "Багато", "Кому", "Утром"
    # a person: a first name right before it ("Єржан Бабакумаров"), a surname right after a word
    # that may be a first name ("Ярослав Железняк")
    k = c.t0 - 1
    if k >= 0 and toks[k].sent == t.sent and _is_cap(toks[k]) and _CYR.search(toks[k].text) \
            and (toks[k].an.tags & {"Name"} or (c.word == "person" and _may_be_first_name(doc.lang, toks[k].text))) \
            and (c.word != "geo" or c.tier == 1) \
            and not any(g.entries[j].kind != CITY or g.entries[j].population >= 100_000
                        for j in _lookup(g, _exact_forms(toks[k]))):
        return "person"
    k = c.t1
    if c.single_cap and c.word in ("person", "common") and k < len(toks) and toks[k].sent == t.sent \
            and _is_cap(toks[k]) and toks[k].an.tags & {"Surn", "Patr"}:
        return "person"
    if c.single_cap and _first_name_pair(doc, g, c):
        return "person"
    if g.entries[c.ids[0]].kind != COUNTRY and after_follower(doc, c.t0):
        return "person"   # "сторонники Мурси", "supporters of Ruto"
    # a name inside a short quoted title or slogan: «Тавуш во имя Родины», "Echo of Moscow"
    if _in_quoted_title(doc, lx, c):
        return "other"
    # a street, square or part of a town named after a place: "вулиця Київська", "Kyiv Street"
    if _street_name(doc, lx, c):
        return "street"
    # a part of a town named like another place: "the Tierra Nueva neighbourhood of Ciudad X"
    if _quarter_of(g, doc, lx, c):
        return "quarter"
    # the towns a road joins: "траса Київ - Чоп", "the Kyiv-Chop highway"
    if _road_endpoint(doc, lx, c):
        return "road"
    # a name in quotes is a unit, team, ship or brand («Азов», "Moskva")
    # (a space inside the quotes too: «  Азов  » in tokenised or hand-typed text)
    before, after = doc.text[:c.start].rstrip(" ")[-1:], doc.text[c.end:].lstrip(" ")[:1]
    if before and before in _OPEN_QUOTES and after and after in _CLOSE_QUOTES:
        prv = toks[c.t0 - 2] if c.t0 >= 2 else None    # the word before the opening quote
        if prv is None or (prv.an.lemma not in lx.facility_nouns and norm(prv.text) not in lx.facility_nouns):
            return "other"
    # an organisation named after the place
    if c.t1 < len(toks) and toks[c.t1].sent == t.sent:
        nxt = toks[c.t1]
        if (norm(nxt.text) in lx.org_after or nxt.an.lemma in lx.org_after) \
                and (_is_cap(nxt) or _CYR.search(nxt.text)):   # «Нью-Йорк таймс» is written in lower case
            return "other"
    if c.t0 > 0 and toks[c.t0 - 1].sent == t.sent:
        prv = toks[c.t0 - 1]
        if norm(prv.text) in lx.org_before or prv.an.lemma in lx.org_before:
            return "other"
    # "the Kampala Youth Forum": a Latin run ending in a word for an organisation
    if c.single_cap and not _CYR.search(t.text) and _org_run(doc, lx, c):
        return "other"
    # a Latin word joined by a particle to other capitalised words: "Rue de Rivoli", "Forum des Halles"
    if c.single_cap and not _CYR.search(t.text) and g.entries[c.ids[0]].kind == CITY \
            and g.entries[c.ids[0]].population < 100_000 and _particle_run(doc, lx, c):
        return "run"
    # a Latin word inside a longer run of capitalised words ("Deutsche Welle", "Nord Stream", "Ariel
    # Falcón"); a big place may be followed by a title ("Kyiv Mayor")
    if c.single_cap and not _CYR.search(t.text):
        small = g.entries[c.ids[0]].kind == CITY and g.entries[c.ids[0]].population < 100_000
        k = c.t0 - 1
        if k >= 0 and toks[k].sent == t.sent and toks[k].is_word and _is_cap(toks[k]) \
                and toks[k].end + 1 >= t.start and not _CYR.search(toks[k].text) \
                and (small or not _sentence_initial(doc, toks[k])) \
                and not any(g.entries[j].kind != CITY for j in _lookup(g, _exact_forms(toks[k]))):
            return "run"   # ("In Bydgoszcz": a big place after a sentence-initial capital stays)
        k = c.t1
        best = g.entries[c.ids[0]]
        if k < len(toks) and toks[k].sent == t.sent and toks[k].is_word and _is_cap(toks[k]) \
                and toks[k].start <= t.end + 1 and not _CYR.search(toks[k].text) \
                and norm(toks[k].text) not in lx.titles_after and norm(toks[k].text) not in lx.area_suffixes:
            # "Orange Revolution", "Nord Stream"; a place followed by a title stays ("Kyiv Mayor")
            if best.kind == CITY and best.population < 500_000:
                return "run"
            # "Chad Smith", "Jordan Peterson": a country as a first name, unless after a preposition
            prev = toks[c.t0 - 1] if c.t0 > 0 and toks[c.t0 - 1].sent == t.sent else None
            if best.kind == COUNTRY and (prev is None or prev.text.lower() not in _EN_BEFORE_PLACE) \
                    and not norm(t.text).endswith(("'s", "'")) \
                    and not any(g.entries[j].kind != CITY for j in _lookup(g, _exact_forms(toks[k]))):
                return "firstname"
        # "Christopher A. Wray", "Department of Justice"
        if small and c.t0 >= 2 and toks[c.t0 - 1].sent == t.sent:
            a, b = toks[c.t0 - 2], toks[c.t0 - 1]
            if (b.text == "." and len(a.text) == 1 and a.text.isupper()) or (b.text == "of" and _is_cap(a)):
                return "run"
    return None


def _first_of_pair(g: Gazetteer, doc: Doc, lx: Lexicon, t: Token) -> _Cand | None:
    """'the Djibo-Arbinda area', 'the Tal Afar-Sinjar axis': two places joined by a hyphen before a word
    for the stretch between them; the event is placed at the first."""
    toks = doc.tokens
    if "-" not in t.text.strip("-") or t.i + 1 >= len(toks) or toks[t.i + 1].sent != t.sent:
        return None
    nxt = toks[t.i + 1]
    if nxt.lower not in lx.span_nouns and nxt.an.lemma not in lx.span_nouns:
        return None
    first = t.text.split("-", 1)[0]
    if len(first) < 3 or not first[:1].isupper():
        return None
    part = Token(first, t.start, t.start + len(first), t.i, t.sent, t.an)
    c = _single(g, doc, part)
    if c is None:
        return None
    c.t1 = t.i + 1
    return c


def _quarter_of(g: Gazetteer, doc: Doc, lx: Lexicon, c: _Cand) -> bool:
    """'the Tierra Blanca neighbourhood of Culiacan', 'Kibera ward in Nairobi': a name before a word for a
    part of a town and a preposition names that part; the town after it is the place. A district noun
    does so only before a town: 'the Dniprovskyi district of Kherson' is a part of the city, 'the Hays
    district of Al Hudaydah' (a region as well) is an area of its own."""
    toks = doc.tokens
    k = c.t1
    if k + 2 >= len(toks) or toks[k + 2].sent != toks[c.t0].sent:
        return False
    if toks[k + 1].lower not in lx.quarter_preps or not _is_cap(toks[k + 2]):
        return False
    if toks[k].lower in lx.quarter_nouns or toks[k].an.lemma in lx.quarter_nouns:
        return True
    if not (toks[k].lower in lx.district_nouns or toks[k].an.lemma in lx.district_nouns):
        return False
    a, end = doc.sent_tokens[toks[k + 2].sent]
    town = _multi(g, doc, k + 2, end) or _single(g, doc, toks[k + 2])
    return town is not None and all(g.entries[i].kind == CITY for i in town.ids[:5])


def recognise(doc: Doc, skip: list[tuple[int, int]] | None = None) -> list[_Cand]:
    """Every place-name candidate in the document, longest match first, guards applied."""
    g = gazetteer()
    lx = lexicon(doc.lang)
    toks = doc.tokens
    out: list[_Cand] = []
    skip = skip or []
    people = _surnames(doc)     # words seen as part of a person's name: one sense per article
    lower = frozenset(t.text for t in toks if t.text.islower())
    for si in range(len(doc.sentences)):
        a, end = doc.sent_tokens[si]
        i = a
        while i < end:
            t = toks[i]
            if not t.is_word or any(s <= t.start < e for s, e in skip):
                i += 1
                continue
            c = _region_phrase(g, lx, doc, i, end) or _district_phrase(g, lx, doc, i, end)
            adjective = doc.lang != "en" and (t.an.pos == "ADJF" or any(m in lx.adjectives for m in t.an.lemmas))
            if c is None and _is_cap(t) and adjective:
                c = _multi(g, doc, i, end)
                if c is not None and _guarded(doc, lx, c, g, lower):
                    c = None
            if c is None and _is_cap(t) and not adjective:
                c = _multi(g, doc, i, end) or _single(g, doc, t) or _first_of_pair(g, doc, lx, t)
                if c is not None:
                    why = "person" if t.an.lemma in people and g.entries[c.ids[0]].kind == CITY \
                        and (c.word != "geo" or c.tier == 1 or (_may_be_surname(doc.lang, t.text)
                                                                 and not (i > a and toks[i - 1].an.pos == "PREP"))) \
                        else _guarded(doc, lx, c, g, lower)
                    if why in ("person", "run", "firstname") and c.single_cap:
                        people.add(t.an.lemma)   # "Ariel Falcón" ... "arrested Ariel"
                    if why == "firstname":
                        i = c.t1 + 1             # and its surname ("Chad Smith")
                        continue
                    if why:
                        c = None
                if c is not None and doc.lang == "en" and c.single_cap and _region_list(doc, lx, t, end):
                    # "Luhansk and Donetsk regions": each town names its region
                    regions = tuple(dict.fromkeys(g.region_of_centre[j] for j in c.ids if j in g.region_of_centre))
                    if regions:
                        c = _Cand(c.start, c.end, c.t0, c.t1, regions, 0, keys=c.keys)
            if c is None and adjective and not _generic_district(doc, lx, i, end):
                p = _adjective_place(g, lx, t)
                if p is None and _is_cap(t) and _region_list(doc, lx, t, end, lx.direction_nouns):
                    p = _adjective_place(g, lx, t, 5_000)
                if p is not None and _is_cap(t) and g.entries[p].kind == CITY \
                        and (_after_preposition(doc, t) or _in_place_list(doc, t, out)) \
                        and norm(g.entries[p].name) != t.an.lemma and _names_town(g, t, p):
                    # "у Донецьку", "в Луганську": the dictionary reads the town's locative as the
                    # adjective's, but alone after a preposition it is the town itself
                    c = _Cand(t.start, t.end, i, i + 1, (p,), 0, True, (t.an.lemma,), "geo")
                elif p is not None and p in g.region_of_centre and _is_cap(t) and _region_list(doc, lx, t, end):
                    # "у Харківській, Сумській та Чернігівській областях": each adjective is a region
                    c = _Cand(t.start, t.end, i, i + 1, (g.region_of_centre[p],), 0, keys=(t.an.lemma,))
                elif p is not None:
                    c = _Cand(t.start, t.end, i, i + 1, (p,), 2)
                elif _is_cap(t) and not _sentence_initial(doc, t):
                    # pymorphy3 reads some inflected names as adjectives ("з Луцька": луцький or
                    # Луцьк): a name only under a lemma other than the adjective's own
                    c = _single(g, doc, t)
                    if c is not None and _after_settlement_noun(doc, lx, t):
                        c.settled = True    # "селище Борова": a name, whatever the adjective reading
                        if _guarded(doc, lx, c, g, lower):
                            c = None
                    elif c is not None and ((c.tier != 0 and not _after_preposition(doc, t)
                                             and not any("-" in k for k in c.keys))   # "Каменце-Подольском"
                                            or (any(k in t.an.lemmas and k.endswith(_ADJ_ENDINGS) for k in c.keys)
                                                and not _after_preposition(doc, t))
                                            or _guarded(doc, lx, c, g, lower)):
                        # ("в Солікамську,": a town's locative read as an adjective, found by its
                        # stripped or respelled form, alone after a preposition)
                        c = None
            if c is None and doc.lang == "en" and _is_cap(t):
                p = lexicon(doc.lang).adjectives.get(norm(t.text))
                if p is not None:
                    c = _Cand(t.start, t.end, i, i + 1, (p,), 2)
            if c is not None and adjective and c.t1 - c.t0 == 1 and not c.district \
                    and (_after_first_name(doc, g, c.t0) or (t.an.lemma in people and not _after_preposition(doc, t))):
                c = None    # "Богдана Хмельницького": a surname shaped like the town's adjective
            if c is not None and c.tier == 2 and _street_name(doc, lx, c):
                c = None    # "на вулиці Київській": a street named after the town
            if c is not None:
                if c.tier != 2 and not c.settled:
                    c.settled = _after_settlement_noun(doc, lx, t)
                out.append(c)
                i = c.t1
            else:
                i += 1
    return out
