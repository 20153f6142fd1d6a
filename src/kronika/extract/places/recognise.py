"""Stage 'places': find and resolve place names (uk, ru, en) and locate events for ACLED.

Recognition walks the capitalised tokens and looks each one up in the gazetteer under several
forms: the surface, pymorphy3's lemmas, and inflection-stripped forms with nominative endings put
back ("Актобі" -> "Актобе", "Львові" -> "Львів", "Розі" -> "Ріг") - pymorphy3 does not know most
foreign names and mislemmatises some Ukrainian ones. Multiword names are tried first when the first
word starts some gazetteer name. Adjectives ("київська", "алматинский") and region phrases
("Мангистауская область", "Lviv region") are read too. Guards drop common words that are also
place names (a per-language stoplist, part of speech, sentence-initial capitals), person names
(pymorphy3's Name/Surn/Patr next to another name) and organisations ("Kyiv Post").

Resolution ranks homonyms by population, the countries the article mentions and a language prior;
a name whose best reading is too small for the evidence yields no place at all rather than a guess.

`event_place` is the helper for the events stage (see its docstring).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ...resources import lexicon_lang, load_lexicon
from ...resources.gazetteer import ADMIN1, CITY, COUNTRY, VARIANT_COUNTRIES, Entry, Gazetteer, gazetteer, norm
from ...resources.gazetteer import fold as _fold_key
from ...text.doc import Doc, Token, morph_for
from ...text.normalise import skeleton
from ..context import Context
from ..mentions import PlaceMention

ADJ_SCORE = 0.5          # PlaceMention.score of a place read from an adjective ("київська влада")
_CYR = re.compile(r"[а-яіїєґё]", re.I)
_POS_NOT_NAME = frozenset({"PREP", "CONJ", "PRCL", "ADVB", "VERB", "INFN", "NPRO", "PRED", "INTJ", "ADJS",
                           "COMP", "GRND", "PRTS", "NUMR"})
_PERSON = frozenset({"Name", "Surn", "Patr"})
# case endings of uk/ru nouns (longest first) and the nominative endings to put back
_ENDINGS = tuple(sorted({
    "ами", "ями", "ові", "еві", "єві", "ого", "ому", "ої", "ій", "ом", "ем", "ём", "єм", "ою", "ею", "єю",
    "ой", "ей", "ах", "ях", "ам", "ям", "ів", "ов", "ев", "ым", "им", "ых", "их", "і", "ї", "ы", "и", "у", "ю",
    "е", "є", "а", "я", "ь", "й", "о",
}, key=len, reverse=True))
_NOMINATIVE = ("", "а", "я", "ь", "ы", "и", "о", "е", "й", "і", "ія", "ия")
_ADJ_SUFFIXES = ("инський", "инский", "енський", "енский", "ський", "ский", "цький", "цкий")
_EN_BEFORE_PLACE = frozenset({"in", "of", "to", "from", "into", "across", "throughout", "near", "the", "and",
                              ",", "at", "for", "with", "against", "by", "over", "around", "outside"})
_ADJ_ENDINGS = ("ий", "ій", "ый", "ой", "ая", "яя", "ое", "ее", "ьке", "ське", "цьке", "ька", "ська", "цька")
_VOWELS = set("аеиоуыэюяіїєё")
# uk: the vowel of a closed final syllable alternates with і/ї ("Львова" ~ "Львів", "Києва" ~ "Київ"),
# and г/к/х soften before -і ("Розі" ~ "Ріг", "Луці" ~ "Лука")
_SOFT = {"з": "г", "ц": "к", "с": "х"}
_ALT_VOWEL = {"о": "і", "е": "і", "є": "ї"}


@dataclass(slots=True, frozen=True)
class Lexicon:
    stop: frozenset[str]
    region_nouns: frozenset[str]
    district_nouns: frozenset[str]
    near_cues: frozenset[str]
    near_skip: frozenset[str]       # words between a near cue and the place ("near the town of")
    org_after: frozenset[str]
    org_before: frozenset[str]
    titles_after: frozenset[str]    # capitalised words after a place that keep it a place ("Mayor")
    direction_nouns: frozenset[str]  # "на Лиманському напрямку": the adjective names a frontline town
    facility_nouns: frozenset[str]  # "аэропорт «Домодедово»": a quoted name after these is still a place
    adjectives: dict[str, int]      # adjective lemma -> gazetteer entry id
    prior: frozenset[str]           # countries a news text in this language most often means


_PRIORS = {"uk": ("UA", "RU", "BY", "KZ", "MD"), "ru": ("RU", "UA", "BY", "KZ", "KG", "UZ", "MD"),
           "en": ("US", "GB")}


@lru_cache(maxsize=8)
def lexicon(lang: str) -> Lexicon:
    lx = load_lexicon(lang, "places")
    g = gazetteer()
    adj = {}
    for k, target in (lx.get("adjectives") or {}).items():
        i = g.resolve(target)
        if i is not None:
            adj[norm(k)] = i

    def fs(name: str, every_language: bool = False) -> frozenset[str]:
        lexes = [load_lexicon(lg, "places") for lg in ("uk", "ru", "en")] if every_language else [lx]
        return frozenset(norm(w) for one in lexes for w in one.get(name) or ())

    return Lexicon(fs("stop"), fs("region_nouns"), fs("district_nouns"), fs("near_cues"), fs("near_skip"),
                   fs("org_after", True),
                   fs("org_before", True), fs("titles_after", True), fs("direction_nouns"),
                   fs("facility_nouns", True), adj, frozenset(_PRIORS.get(lexicon_lang(lang), ())))


# ---------------------------------------------------------------------------------------------
# word forms


@lru_cache(maxsize=200_000)
def stripped_forms(word: str) -> tuple[str, ...]:
    """Nominative candidates of an inflected uk/ru name: strip a case ending, put back endings."""
    w = norm(word)
    out: list[str] = []
    for end in _ENDINGS:
        if not w.endswith(end) or len(w) - len(end) < 3:
            continue
        stem = w[: -len(end)]
        stems = [stem]
        if end in ("і", "ї") and stem[-1] in _SOFT:
            stems.append(stem[:-1] + _SOFT[stem[-1]])
        for s in list(stems):
            alt = _alternate(s)
            if alt:
                stems.append(alt)
        for s in stems:
            for nom in _NOMINATIVE:
                f = s + nom
                if f != w and f not in out:
                    out.append(f)
    return tuple(out)


def _alternate(stem: str) -> str | None:
    """'львов' -> 'львів', 'києв' -> 'київ', 'роз'... the closed-syllable і of Ukrainian nominatives."""
    n = len(stem)
    j = n - 1
    while j >= 0 and stem[j] not in _VOWELS:
        j -= 1
    if 0 < j < n - 1 and stem[j] in _ALT_VOWEL:
        return stem[:j] + _ALT_VOWEL[stem[j]] + stem[j + 1:]
    return None


def _exact_forms(tok: Token) -> list[str]:
    """Surface and lemma keys of a token (possessive 's dropped)."""
    s = norm(tok.text)
    out = [s]
    if s.endswith(("'s", "'")) and len(s) > 3:
        out.append(s[:-2] if s.endswith("'s") else s[:-1])
    for lem in tok.an.lemmas:
        if lem and lem not in out:
            out.append(lem)
    return out


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


def _is_cap(t: Token) -> bool:
    c = t.text[:1]
    return c.isupper()


def _sentence_initial(doc: Doc, t: Token) -> bool:
    a, _ = doc.sent_tokens[t.sent]
    for k in range(a, t.i):
        if doc.tokens[k].is_word:
            return False
    return True


def _lookup(g: Gazetteer, keys, hit: list[str] | None = None) -> tuple[int, ...]:
    ids: list[int] = []
    for k in keys:
        found = g.index.get(k, ())
        if found and hit is not None:
            hit.append(k)
        for i in found:
            if i not in ids:
                ids.append(i)
    return tuple(ids)


_FUNCTION = frozenset({"PREP", "CONJ", "PRCL", "ADVB", "NPRO", "PRED", "INTJ", "VERB", "INFN", "COMP"})


@lru_cache(maxsize=100_000)
def word_class(lang: str, word: str, keys: tuple[str, ...], stripped: bool) -> str:
    """What a capitalised Cyrillic word is apart from a name, by the dictionaries.

    'function' (a pronoun, adverb, verb...: "Коли", "Вони", "Того"), 'person' (Name/Surn/Patr:
    "Коля", "Сава"), 'geo' (Russian's dictionary tags the matched name Geox; Ukrainian's tags no
    places), 'common' (a known common word: "Час", "Мати"; or a known word whose dictionary lemma
    is no place, found only by stripping its ending: "Діло"), 'known' (Ukrainian's dictionary knows
    the word, place or not: "Київ", "Розділ"), 'unknown' (no dictionary knows it: most foreign places).
    Tags are read from `tag.grammemes`: `in tag` raises once uk's dictionary loads after ru's."""
    own = morph_for(lang if lang in ("uk", "ru") else "ru")._an
    ru = morph_for("ru")._an
    w = norm(word)
    parses = own.parse(w)[:6]
    if parses and (parses[0].tag.POS in _FUNCTION or "Apro" in parses[0].tag.grammemes):
        return "function"
    if any(p.tag.POS in _FUNCTION and p.score >= 0.1 for p in parses):
        return "function"
    if own is not ru and ru.word_is_known(w):
        top = ru.parse(w)[0]
        if top.tag.POS in _FUNCTION or "Apro" in top.tag.grammemes:
            return "function"      # "Того": a pronoun both languages share
    if own is ru:
        if ru.word_is_known(w) and any("Geox" in p.tag.grammemes for p in parses):
            return "geo"
        top = parses[0] if parses else None
        if top is not None and top.tag.grammemes & _PERSON and (stripped or top.normal_form in keys):
            return "person"
        return "common" if ru.word_is_known(w) else "unknown"
    # Ukrainian: its dictionary tags people but not places; Russian's tells places and common words
    if any(p.tag.grammemes & _PERSON for p in parses[:3]):
        return "person"
    if any(ru.parse(k)[0].tag.grammemes & _PERSON for k in keys if ru.word_is_known(k)):
        return "person"   # "Ярослав": a first name Russian's dictionary knows and Ukrainian's does not tag
    if any("Geox" in ru.parse(k)[0].tag.grammemes for k in keys if ru.word_is_known(k)):
        return "geo"
    if any(ru.word_is_known(k) for k in keys):
        return "common"
    if own.word_is_known(w):
        return "common" if stripped else "known"
    return "unknown"


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


fold = lru_cache(maxsize=100_000)(_fold_key)   # per-word cache: the regexes run once per word form


def _variant_ids(g: Gazetteer, forms: list[str]) -> tuple[str, tuple[int, ...]]:
    """Post-Soviet places under another Latin spelling ("Zaporozhye", "Mykolaiv", "Kharkov")."""
    for f in forms:
        k = fold(f)
        ids = g.variants.get(k)
        if ids:
            return k, ids
    return "", ()


def _single(g: Gazetteer, doc: Doc, t: Token) -> _Cand | None:
    hit: list[str] = []
    forms = _exact_forms(t)
    ids = _lookup(g, forms, hit)
    tier = 0
    cyr = bool(_CYR.search(t.text))
    variant: tuple[int, ...] = ()
    if not cyr:
        vk, variant = _variant_ids(g, forms[:2])
        variant = tuple(i for i in variant if i not in ids)   # found only under another spelling
        if variant:
            ids = ids + tuple(i for i in variant if i not in ids)
            if not hit:
                hit.append(vk)
    if not ids and doc.lang != "en" and cyr:
        ids = _lookup(g, stripped_forms(t.text), hit)
        tier = 1
    if not ids:
        return None
    if cyr:
        word = word_class(doc.lang, t.text, tuple(hit), tier == 1)
    else:
        word = "unknown"
    return _Cand(t.start, t.end, t.i, t.i + 1, ids, tier, True, tuple(hit), word, _sentence_initial(doc, t),
                 frozenset(variant))


def _region_phrase(g: Gazetteer, lx: Lexicon, doc: Doc, i: int, end: int) -> _Cand | None:
    """'Київській області' / 'Мангистауской области' / 'Lviv region': a first-level region."""
    toks = doc.tokens
    if i + 1 >= end:
        return None
    a, b = toks[i], toks[i + 1]
    noun = b.an.lemma or norm(b.text)
    if noun not in lx.region_nouns or not a.is_word:
        return None
    if doc.lang == "en":
        ids = _lookup(g, [norm(a.text) + " " + norm(b.text), norm(a.text) + " oblast"])
        if not ids:
            city = _lookup(g, _exact_forms(a)) + _variant_ids(g, _exact_forms(a)[:2])[1]
            ids = tuple(dict.fromkeys(g.region_of_centre[c] for c in city if c in g.region_of_centre))
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


@lru_cache(maxsize=20_000)
def _plural_nominative(lang: str, word: str) -> str | None:
    """'Соединенных' -> 'соединенные', 'Штатов' -> 'штаты': a plural name's nominative."""
    an = morph_for(lang)._an
    if an is None:
        return None
    for p in an.parse(word)[:4]:
        if "plur" in p.tag.grammemes:
            f = p.inflect({"plur", "nomn"})
            if f is not None:
                return norm(f.word)
    return None


@lru_cache(maxsize=20_000)
def _nominative_adjective(lang: str, adj: str, noun: str) -> str | None:
    """'Київській' before 'області' -> 'київська' (the adjective agreeing with the noun's lemma)."""
    an = morph_for(lang)._an
    if an is None:
        return None
    np = an.parse(noun)[0]
    gender = np.tag.gender or "femn"
    for p in an.parse(adj)[:3]:
        if p.tag.POS in ("ADJF", "PRTF"):
            f = p.inflect({gender, "nomn"}) or p.inflect({gender, "sing", "nomn"})
            if f is not None:
                return norm(f.word)
    return None


def _adjective_place(g: Gazetteer, lx: Lexicon, t: Token, min_pop: int = 150_000) -> int | None:
    """The place an adjective names: the lexicon's list, else the suffix rule for big cities
    ("харківський" -> Харків, "алматинский" -> Алматы); smaller towns of the post-Soviet countries
    where the caller passes a lower `min_pop` ("Лиманському напрямку" -> Лиман)."""
    for lem in t.an.lemmas:
        i = lx.adjectives.get(lem)
        if i is not None:
            return i
    lem = t.an.lemma
    for suf in _ADJ_SUFFIXES:
        if lem.endswith(suf) and len(lem) - len(suf) >= 3:
            stem = lem[: -len(suf)]
            # "курский" -> "курск", "донецький" -> "донецьк": the town name is the adjective without -ий
            for cand in (lem[:-2], stem, stem + "ы", stem + "и", stem + "а", stem + "ь", _alternate(stem) or ""):
                for i in g.index.get(cand, ()):
                    e = g.entries[i]
                    if e.kind == CITY and e.population >= min_pop \
                            and (min_pop >= 150_000 or e.country in VARIANT_COUNTRIES):
                        return i
            break
    return None


def _names_town(g: Gazetteer, t: Token, p: int) -> bool:
    """Whether an inflection-stripped form of the word is a name of town p ("Донецьку" -> "донецьк")."""
    return any(p in g.index.get(f, ()) for f in stripped_forms(t.text))


@lru_cache(maxsize=20_000)
def _may_be_first_name(lang: str, word: str) -> bool:
    """'Вера', 'Надежда': a word one of whose readings is a first name."""
    an = morph_for(lang if lang in ("uk", "ru") else "ru")._an
    return any("Name" in p.tag.grammemes for p in an.parse(norm(word))[:4])


def _after_preposition(doc: Doc, t: Token) -> bool:
    """'у Хмельницькому.', 'в Миколаєві та': an adjective-shaped name standing alone after a
    preposition is a place; 'в Северном потоке' (a noun follows) is not."""
    toks = doc.tokens
    if t.i == 0 or toks[t.i - 1].an.pos != "PREP" or toks[t.i - 1].sent != t.sent:
        return False
    return _stands_alone(doc, t)


_OPEN_QUOTES = frozenset('«"„“')
_CLOSE_QUOTES = frozenset('»"“”')
_LIST_JOINERS = frozenset({",", "и", "і", "й", "та", "або", "или", "and", "or"})


def _in_place_list(doc: Doc, t: Token, out: list[_Cand]) -> bool:
    """'над Белгородом, Курском и Брянском': an adjective-shaped name right after a town name and a
    comma or 'and' is the next town of the list."""
    k = t.i - 1
    if k < 1 or not out or out[-1].t1 != k or out[-1].tier == 2 or doc.tokens[k].sent != t.sent:
        return False
    return norm(doc.tokens[k].text) in _LIST_JOINERS and _stands_alone(doc, t)


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
        if norm(x.text) in _LIST_JOINERS:
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


def _guarded(doc: Doc, lx: Lexicon, c: _Cand, g: Gazetteer, lower: frozenset[str] = frozenset()) -> str | None:
    """Why a candidate must be dropped whatever it resolves to ("stop", "person", "org", ...), None
    when it may stay. Guards that depend on the resolved place are in `_choose`."""
    toks = doc.tokens
    t = toks[c.t0]
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
        if (c.word == "function" and best.kind != COUNTRY) \
                or (t.an.pos in _POS_NOT_NAME and c.word not in ("geo", "unknown", "function")):
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
    # a name in quotes is a unit, team, ship or brand («Азов», "Moskva")
    if c.start > 0 and doc.text[c.start - 1] in _OPEN_QUOTES and doc.text[c.end:c.end + 1] in _CLOSE_QUOTES \
            and doc.text[c.end:c.end + 1]:
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
                and norm(toks[k].text) not in lx.titles_after:
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


def recognise(doc: Doc, skip: list[tuple[int, int]] | None = None) -> list[_Cand]:
    """Every place-name candidate in the document, longest match first, guards applied."""
    g = gazetteer()
    lx = lexicon(doc.lang)
    toks = doc.tokens
    out: list[_Cand] = []
    skip = skip or []
    people: set[str] = set()    # words seen as part of a person's name: one sense per article
    lower = frozenset(t.text for t in toks if t.text.islower())
    for si in range(len(doc.sentences)):
        a, end = doc.sent_tokens[si]
        i = a
        while i < end:
            t = toks[i]
            if not t.is_word or any(s <= t.start < e for s, e in skip):
                i += 1
                continue
            c = _region_phrase(g, lx, doc, i, end)
            adjective = doc.lang != "en" and (t.an.pos == "ADJF" or any(m in lx.adjectives for m in t.an.lemmas))
            if c is None and _is_cap(t) and adjective:
                c = _multi(g, doc, i, end)
                if c is not None and _guarded(doc, lx, c, g, lower):
                    c = None
            if c is None and _is_cap(t) and not adjective:
                c = _multi(g, doc, i, end) or _single(g, doc, t)
                if c is not None:
                    why = "person" if t.an.lemma in people and (c.word != "geo" or c.tier == 1) \
                        and g.entries[c.ids[0]].kind == CITY else _guarded(doc, lx, c, g, lower)
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
            if c is None and adjective:
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
                    if c is not None and (c.tier != 0 or (any(k in t.an.lemmas and k.endswith(_ADJ_ENDINGS) for k in c.keys)
                                                          and not _after_preposition(doc, t))
                                          or _guarded(doc, lx, c, g, lower)):
                        c = None
            if c is None and doc.lang == "en" and _is_cap(t):
                p = lexicon(doc.lang).adjectives.get(norm(t.text))
                if p is not None:
                    c = _Cand(t.start, t.end, i, i + 1, (p,), 2)
            if c is not None:
                out.append(c)
                i = c.t1
            else:
                i += 1
    return out


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
            doc_lang: str = "en", near: frozenset[str] = frozenset()) -> tuple[Entry, float] | None:
    """The best reading of a candidate, or None when no reading is plausible enough."""
    best: tuple[float, Entry] | None = None
    i_best = -1
    cities = {g.entries[i].geonameid for i in c.ids[:50] if g.entries[i].kind == CITY}
    latin = c.single_cap and c.word == "unknown" and not any(_CYR.search(k) for k in c.keys)
    for i in c.ids[:50]:
        e = g.entries[i]
        if e.latitude is None or (e.kind == ADMIN1 and e.geonameid in cities):
            continue    # unplaceable; or "Берлин": the city, not the city-state around it
        if latin and e.kind == CITY and (e.population < 1_000_000 or c.initial) and norm(e.name) not in c.keys \
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
    if e.kind == CITY:
        known = e.country in ctx or e.country in prior   # small towns only of the article's countries
        need = (1_000 if known else 15_000) if c.tier != 1 else (5_000 if known else 50_000)
        if latin and doc_lang != "en":
            need = max(need, 15_000)    # Latin words in Cyrillic text are mostly brands and titles
        if c.word == "person" and (e.population < (20_000 if e.country in ctx else 50_000 if known else 1_000_000)
                                   or (c.tier == 1 and e.country not in ctx and e.population < 200_000)):
            return None     # a name as well: a sizeable town of a country the article is about, or a metropolis
        if c.word == "known" and not known and e.population < 500_000:
            return None     # a Ukrainian dictionary word ("Матері") as a foreign town: only a famous one
        if c.initial and c.word in ("known", "geo") and doc_lang == "uk" \
                and not (e.population >= 500_000 or (e.country in ctx and e.population >= 50_000)):
            return None     # "Розділ третій", "Високий рівень": a capital marking the sentence start
        if c.word == "common":
            # a common word as well ("Совет", "Изюм"): only a town of a country the article names;
            # at a sentence start ("Час", "Мати") only a big one
            if e.country not in ctx or e.population < 10_000:
                return None
            if c.initial and c.word == "common" and (e.country not in ctx or e.population < 100_000):
                return None
        if c.initial and c.word == "unknown" and not _CYR.search(c.keys[0] if c.keys else ""):
            # English sentence starts: "Police", "Part"; but "Avdiivka fell." in an article about
            # Ukraine: long post-Soviet town names are seldom English words (short ones are: "Gay", "Bor")
            post_soviet = e.country in VARIANT_COUNTRIES and e.country in ctx and c.end - c.start >= 6
            need = max(need, 10_000 if post_soviet else 100_000)
        if i_best in c.variant and e.country not in ctx:
            need = max(need, 15_000)    # another spelling of a small town the article is not about
        if e.population < need:
            return None
    conf = 0.9 if c.tier == 0 else (0.7 if c.tier == 1 else ADJ_SCORE)
    if len(c.ids) > 1 and c.tier != 2:
        conf -= 0.1
    return e, (ADJ_SCORE if c.tier == 2 else conf)


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
    out: list[PlaceMention] = []
    for c in cands:
        own = _contribution(g, c)
        cctx = ctx
        if own:     # a name is no evidence for its own reading ("Paris" does not vote for France)
            cctx = ctx.copy()
            cctx[own[0]] -= own[1]
            cctx = +cctx
        r = _choose(g, c, cctx, prior, doc.lang, frozenset(near.get(doc.tokens[c.t0].sent, ())))
        if r is None:
            continue
        e, conf = r
        out.append(PlaceMention(c.start, c.end, doc.text[c.start:c.end], e.name, e.geonameid, e.country,
                                e.admin1 if e.kind != COUNTRY else None, e.latitude, e.longitude, e.kind,
                                e.population, conf))
    return out


def find_places(doc: Doc, skip: list[tuple[int, int]] | None = None) -> list[PlaceMention]:
    """All resolved place mentions of a document, sorted by start."""
    return sorted(resolve(doc, recognise(doc, skip)), key=lambda m: m.start)


def run(ctx: Context) -> None:
    """Fill ctx.places with every resolved place mention outside boilerplate, sorted by start."""
    ctx.places = find_places(ctx.doc, ctx.skip)


# ---------------------------------------------------------------------------------------------
# event location

_PARA = re.compile(r"\n\s*\n|\n")
_SPECIFIC = {CITY: 0, "district": 0, ADMIN1: 1, COUNTRY: 2}


def _paragraph_start(text: str, offset: int) -> int:
    k = text.rfind("\n", 0, offset)
    return k + 1 if k >= 0 else 0


def _near(doc: Doc, lx: Lexicon, m: PlaceMention) -> bool:
    """'под Харьковом', 'near Minsk', 'в районі Києва', 'near the town of Bakhmut', 'близ села X':
    the event is near the place. Up to four words back, over prepositions and settlement nouns."""
    k = doc.token_at(m.start) - 1
    sent = doc.tokens[k + 1].sent
    for _ in range(4):
        if k < 0 or doc.tokens[k].sent != sent:
            return False
        t = doc.tokens[k]
        w = norm(t.text)
        if w in lx.near_cues or t.an.lemma in lx.near_cues:
            # "в Шевченківському районі Києва", "in Kyiv's Podilskyi district": a district of the
            # town is in it; "в районі Бахмута" (the area of) is near it
            return not (t.an.lemma in lx.district_nouns and k > 0 and doc.tokens[k - 1].an.pos == "ADJF")
        if t.an.pos != "PREP" and w not in lx.near_skip and t.an.lemma not in lx.near_skip:
            return False
        k -= 1
    return False


def _genitive_modifier(doc: Doc, m: PlaceMention) -> bool:
    """'одне з міст Казахстану', 'cities of Kazakhstan': the country qualifies another noun."""
    t = doc.tokens[doc.token_at(m.start)]
    if doc.lang == "en":
        k = t.i - 1
        return k >= 0 and doc.tokens[k].text.lower() == "of"
    if t.an.case != "gent":
        return False
    k = t.i - 1
    return k >= 0 and doc.tokens[k].an.pos in ("NOUN",) and doc.tokens[k].sent == t.sent


def _line_start(text: str, offset: int) -> int:
    k = offset
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k if k == 0 or text[k - 1] == "\n" else -1


def _dateline(ctx: Context) -> PlaceMention | None:
    """'MINSK (Reuters) -', 'КИЇВ, 5 січня -', 'Minsk (AP) -': a town opening a line near the top,
    in capitals or followed by a bracket, comma or dash."""
    for m in ctx.places:
        if m.start > 80:
            return None
        if m.kind == CITY and (m.text.isupper() or (m.start == _line_start(ctx.doc.text, m.start)
                                                    and ctx.doc.text[m.end:m.end + 3].lstrip()[:1] in ("(", ",", "—", "-", "–"))):
            return m
    return None


def event_place(ctx: Context, start: int, end: int) -> tuple[PlaceMention, int] | None:
    """Where an event happened and its ACLED geo_precision, for the event whose clause is text[start:end].

    Call it from the events stage after `run` has filled ctx.places, with the span of the clause
    (or sentence) that reports the event:

        found = places.event_place(ctx, clause_start, clause_end)
        if found:
            pm, precision = found   # Event(location=pm.name, geonameid=pm.geonameid, country=pm.country,
                                    #       admin1=pm.admin1, latitude=pm.latitude, longitude=pm.longitude,
                                    #       geo_precision=precision)

    The order of evidence: (1) the most specific place inside the clause - a town (precision 1, or 2
    when the text says "near"/"під"/"под"), a region (3, at its centre) or a country (3, at its capital);
    a country that only qualifies a noun ("одне з міст Казахстану") yields to a town of that country
    named just before; (2) the last town named before the clause in the same paragraph (1), else
    earlier in the article (2); (3) the dateline ("MINSK (Reuters)", 2); (4) a region or country
    named before the clause or anywhere in the article (3). None when the article names no place.
    Places read only from adjectives ("київська поліція") count only when nothing else is there (2).
    """
    doc = ctx.doc
    lx = lexicon(doc.lang)
    places = [m for m in ctx.places if not ctx.skipped(m.start, m.end)]
    inside = [m for m in places if start <= m.start and m.end <= end and m.score > ADJ_SCORE]
    before = [m for m in places if m.end <= start and m.score > ADJ_SCORE]
    para = _paragraph_start(doc.text, start)
    if inside:
        best = min(inside, key=lambda m: (_SPECIFIC.get(m.kind, 2), m.start))
        if best.kind in (CITY, "district"):
            return best, 2 if _near(doc, lx, best) else 1
        if best.kind == COUNTRY and _genitive_modifier(doc, best):
            prev = [m for m in before if m.kind == CITY and m.country == best.country
                    and m.start >= _paragraph_start(doc.text, max(para - 1, 0))]
            if prev:
                return prev[-1], 1
        return best, 3
    dl = _dateline(ctx)
    towns = [m for m in before if m.kind in (CITY, "district") and m is not dl]
    if towns:
        same_para = [m for m in towns if m.start >= para]
        if same_para:
            return same_para[-1], 1
        return towns[-1], 2
    adj = [m for m in places if start <= m.start and m.end <= end and m.score <= ADJ_SCORE and m.kind == CITY]
    if adj:
        return adj[0], 2
    if dl is not None:
        return dl, 2
    wide = [m for m in before if m.kind in (ADMIN1, COUNTRY)]
    if wide:
        return min(wide[-3:], key=lambda m: _SPECIFIC[m.kind]), 3
    countries = Counter(m.country for m in places if m.country)
    if countries:
        cc = countries.most_common(1)[0][0]
        cm = next((m for m in places if m.country == cc and m.kind == COUNTRY), None)
        if cm is not None:
            return cm, 3
        any_m = next(m for m in places if m.country == cc)
        return any_m, 3 if any_m.kind != CITY else 2
    return None
