"""Place names' word forms and the per-language place lexicon.

Nominative candidates of inflected uk/ru names ("Актобі" -> "Актобе", "Львові" -> "Львів", "Розі" ->
"Ріг"; pymorphy3 does not know most foreign names and mislemmatises some Ukrainian ones), what a
capitalised word is besides a name (`word_class`), the nominatives of adjectives and plurals, and the
place an adjective names ("харківський" -> Харків).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...resources import lexicon_lang, load_lexicon
from ...resources.gazetteer import CITY, VARIANT_COUNTRIES, Gazetteer, gazetteer
from ...text.doc import Token
from ...text.morph import morph_for
from ...text.normalise import fold as _fold_key
from ...text.normalise import norm

ADJ_SCORE = 0.5          # PlaceMention.score of a place read from an adjective ("київська влада")
_CYR = re.compile(r"[а-яіїєґё]", re.I)
_POS_NOT_NAME = frozenset({"PREP", "CONJ", "PRCL", "ADVB", "VERB", "INFN", "NPRO", "PRED", "INTJ", "ADJS",
                           "COMP", "GRND", "PRTS", "NUMR"})
_PERSON = frozenset({"Name", "Surn", "Patr"})
_EN_BEFORE_PLACE = frozenset({"in", "of", "to", "from", "into", "across", "throughout", "near", "the", "and",
                              ",", "at", "for", "with", "against", "by", "over", "around", "outside"})


def _morphology(key: str) -> list[Any]:
    """One [morphology] table of uk and ru places.toml together (either language names places in both)."""
    out: list[Any] = []
    for lang in ("uk", "ru"):
        v = load_lexicon(lang, "places").get("morphology", {}).get(key, [])
        out += list(v.items()) if isinstance(v, dict) else list(v)
    return out


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


# case endings of uk/ru nouns (longest first) and the nominative endings to put back
_ENDINGS = _longest_first(_morphology("case_endings"))
_NOMINATIVE = tuple(dict.fromkeys(_morphology("nominative_endings")))
_ADJ_SUFFIXES = _longest_first(_morphology("town_adjective_suffixes"))
_ADJ_ENDINGS = _longest_first(_morphology("adjective_endings"))
_VOWELS = frozenset(_morphology("vowels"))
# uk: г/к/х soften before -і ("Розі" ~ "Ріг"); a closed final syllable's vowel alternates with і/ї
_SOFT_ENDINGS = frozenset(_morphology("soft_endings"))
_SOFT: dict[str, str] = {str(k): str(v) for k, v in _morphology("soften")}
_ALT_VOWEL: dict[str, str] = {str(k): str(v) for k, v in _morphology("closed_syllable")}


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
    capital_nouns: frozenset[str] = frozenset()     # "в столиці": the article's country's capital
    capital_preps: frozenset[str] = frozenset()     # "в/у/in (the)" before it: a place, not a topic
    road_nouns: frozenset[str] = frozenset()        # "траса Київ - Чоп": endpoints are no event places
    settlement_nouns: frozenset[str] = frozenset()  # "селище Борова": the next name is a settlement
    name_particles: frozenset[str] = frozenset()    # "Rue de Rivoli": a Latin name run, not a town
    street_nouns: frozenset[str] = frozenset()      # "вулиця Київська", "Kyiv Street": a street
    other_spelling: tuple[tuple[str, str], ...] = ()  # "Ніш" -> "ниш": the neighbour language's letters
    list_joiners: frozenset[str] = frozenset()      # "Харкові, Сумах та Полтаві"
    generic_districts: frozenset[str] = frozenset()  # "Ленинский район": no town's name
    locative_preps: frozenset[str] = frozenset()    # "в Афганистане": where the clause's event is
    area_suffixes: frozenset[str] = frozenset()     # "Gwoza LGA", "Hays district": an admin area named X
    quarter_nouns: frozenset[str] = frozenset()     # "the X neighbourhood of Y": X is a part of town Y
    quarter_preps: frozenset[str] = frozenset()
    span_nouns: frozenset[str] = frozenset()        # "the X-Y area": the stretch between two places
    within_preps: frozenset[str] = frozenset()      # "село X на Запоріжжі": X lies in the region after it
    region_preps: frozenset[str] = frozenset()      # "на Запоріжжі": a region centre's name is its region
    org_heads: frozenset[str] = frozenset()         # "the Kampala Youth Forum": a Latin run naming an organisation
    town_parts: frozenset[str] = frozenset()        # "Оболонь": a part of a town, placed at the town


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
                   fs("facility_nouns", True), adj, frozenset(_PRIORS.get(lexicon_lang(lang), ())),
                   fs("capital_nouns"), fs("capital_preps"), fs("road_nouns"), fs("settlement_nouns"), fs("name_particles", True),
                   fs("street_nouns"), tuple((a, b) for a, b in lx.get("other_spelling") or ()),
                   fs("list_joiners", True) | {","}, fs("generic_districts"), fs("locative_preps"),
                   fs("area_suffixes"), fs("quarter_nouns"), fs("quarter_preps"), fs("span_nouns"),
                   fs("within_preps"), fs("region_preps"), fs("org_heads", True),
                   frozenset(norm(k) for lg in ("uk", "ru", "en") for k in load_lexicon(lg, "places").get("town_parts") or ()))


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
        if end in _SOFT_ENDINGS and stem[-1] in _SOFT:
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


def respelled(lx: Lexicon, forms: Iterable[str]) -> list[str]:
    """The forms written with the neighbour language's letters (`other_spelling`), where they differ."""
    out: list[str] = []
    for f in forms:
        r = _respell(lx.other_spelling, f)
        if r != f and r not in out:
            out.append(r)
    return out


@lru_cache(maxsize=100_000)
def _respell(pairs: tuple[tuple[str, str], ...], word: str) -> str:
    for a, b in pairs:
        word = word.replace(a, b)
    return word


def _exact_forms(tok: Token) -> list[str]:
    """Surface and lemma keys of a token (possessive 's dropped)."""
    s = norm(tok.text)
    out = [s]
    if s.endswith(("'s", "'")) and len(s) > 3:
        out.append(s[:-2] if s.endswith("'s") else s[:-1])
    for lem in tok.an.lemmas:
        if lem and lem not in out:
            out.append(lem)
    if "-" in s and s.strip("-"):
        out.append(s.replace("-", " "))     # "El-Fasher" for GeoNames' "El Fasher"
    return out


def _analyzer(lang: str) -> Any:
    """pymorphy3's analyser of uk or ru (Russian's for other languages); untyped library."""
    an = morph_for(lang if lang in ("uk", "ru") else "ru")._an
    assert an is not None
    return an


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
    own = _analyzer(lang)
    ru = _analyzer("ru")
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


fold = lru_cache(maxsize=100_000)(_fold_key)   # per-word cache: the regexes run once per word form


def _variant_ids(g: Gazetteer, forms: list[str]) -> tuple[str, tuple[int, ...]]:
    """Post-Soviet places under another Latin spelling ("Zaporozhye", "Mykolaiv", "Kharkov")."""
    for f in forms:
        k = fold(f)
        ids = g.variants.get(k)
        if ids:
            return k, ids
    return "", ()


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


def hyphen_forms(lang: str, word: str) -> list[str]:
    """The nominative readings of an inflected two-part name (`_hyphen_forms`)."""
    return list(_hyphen_forms(lang, word))


@lru_cache(maxsize=50_000)   # a pure function of the word: many articles repeat the same names
def _hyphen_forms(lang: str, word: str) -> tuple[str, ...]:
    """'Каменце-Подольском' -> 'каменец-подольский', 'Новограде-Волынском' -> 'новоград-волынский': an
    inflected two-part name, each part put in the nominative (the noun by its lemmas and stripped
    forms, the adjective agreeing with it), for names the dictionary reads only as a whole."""
    parts = word.split("-")
    if len(parts) != 2 or min(len(p) for p in parts) < 3 or not _CYR.search(word):
        return ()
    an = _analyzer(lang)
    firsts = list(dict.fromkeys([*(p.normal_form for p in an.parse(parts[0].lower())[:3]),
                                 *stripped_forms(parts[0])[:8]]))
    out: list[str] = []
    for a in firsts:
        seconds = [_nominative_adjective(lang, parts[1], a), *(p.normal_form for p in an.parse(parts[1].lower())[:2])]
        for b in dict.fromkeys(x for x in seconds if x):
            out.append(norm(f"{a}-{b}"))
    return tuple(list(dict.fromkeys(out))[:32])


def _adjective_place(g: Gazetteer, lx: Lexicon, t: Token, min_pop: int = 150_000) -> int | None:
    """The place an adjective names: the lexicon's list, else the suffix rule for big cities
    ("харківський" -> Харків, "алматинский" -> Алматы); smaller towns of the post-Soviet countries
    where the caller passes a lower `min_pop` ("Лиманському напрямку" -> Лиман)."""
    for lem in t.an.lemmas:
        i = lx.adjectives.get(lem)
        if i is not None:
            return i
    lem = t.an.lemma
    for suf in _ADJ_SUFFIXES:     # every suffix that fits: "гатчинский" is -ский of "гатчина", not -инский
        if lem.endswith(suf) and len(lem) - len(suf) >= 3:
            stem = lem[: -len(suf)]
            # "кременчуцький" -> "кременчук": the suffix's first consonant is the town's, softened
            hard = lem[: -len(suf) + 1]
            hard = hard[:-1] + _SOFT[hard[-1]] if hard[-1] in _SOFT else ""
            # "курский" -> "курск", "донецький" -> "донецьк": the town name is the adjective without -ий
            # "хмельницький": first the adjective-shaped town itself
            for cand in (lem, lem[:-2], stem, stem + "ы", stem + "и", stem + "а", stem + "ь", _alternate(stem) or "",
                         hard):
                for i in g.index.get(cand, ()):
                    e = g.entries[i]
                    if e.kind == CITY and e.population >= min_pop \
                            and (min_pop >= 150_000 or e.country in VARIANT_COUNTRIES):
                        return i
    return None


def _names_town(g: Gazetteer, t: Token, p: int) -> bool:
    """Whether an inflection-stripped form of the word is a name of town p ("Донецьку" -> "донецьк")."""
    return any(p in g.index.get(f, ()) for f in stripped_forms(t.text))


@lru_cache(maxsize=20_000)
def _may_be_first_name(lang: str, word: str) -> bool:
    """'Вера', 'Надежда': a word one of whose readings is a first name."""
    return any("Name" in p.tag.grammemes for an in {_analyzer(lang), _analyzer("ru")}
               for p in an.parse(norm(word))[:4])


@lru_cache(maxsize=20_000)
def _may_be_surname(lang: str, word: str) -> bool:
    """'Быков', 'Путин', 'Коваленко': a word one of whose readings (in its own language's dictionary
    or Russian's, which tags more surnames) is a surname or a patronymic, a capitalised masculine
    adjective, or a word no dictionary knows (the word follows a first name where this is asked)."""
    w = norm(word)
    own = _analyzer(lang).parse(w)
    if own and own[0].tag.POS == "ADJF" and "masc" in own[0].tag.grammemes:
        return True   # "Зеленський": Ukrainian's dictionary reads such surnames as adjectives
    if any(p.tag.grammemes & {"Surn", "Patr"} for an in {_analyzer(lang), _analyzer("ru")}
           for p in (own if an is _analyzer(lang) else an.parse(w))[:6]):
        return True
    # "Квачков", "Габбард": a word no dictionary knows, after a first name, is a surname
    return not any(an.word_is_known(w) for an in {_analyzer(lang), _analyzer("ru")})


@lru_cache(maxsize=20_000)
def _known_first_name(lang: str, word: str) -> bool:
    """'Владимир', 'Сергій': a word a dictionary holds with a first-name reading (a guessed
    reading of an unknown word, "Зокрема", does not count)."""
    w = norm(word)
    return any(an.word_is_known(w) and any("Name" in p.tag.grammemes for p in an.parse(w)[:4])
               for an in {_analyzer(lang), _analyzer("ru")})
