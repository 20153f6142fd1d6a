"""Language knowledge as data: per-language lexicon folders and the gazetteer.

Each language is a folder `lexicons/<lang>/`: a `language.toml` (its morphology backend, the
language whose files it borrows) and lexicon files `<name>.toml`. Adding a language is adding a
folder. Every file is checked against `lexicons/schema.toml` when loaded; a wrong type raises
`LexiconError` naming the file and the key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources as _res
from importlib.resources.abc import Traversable
from typing import Any

DEFAULT_LANGUAGE = "en"   # what a text in a language without a folder is read as


class LexiconError(ValueError):
    """A lexicon file that does not match its schema."""


@dataclass(frozen=True, slots=True)
class LanguageProfile:
    code: str                       # the folder whose data the language uses
    name: str
    morphology: dict[str, Any]      # `[morphology]`: backend name and its settings
    fallback: str | None = None     # folder to read the lexicon files this one lacks from
    rank: int = 100                 # order of the language where lists of all languages merge
    extra: dict[str, Any] = field(default_factory=dict)


def _root() -> Traversable:
    return _res.files("kronika.resources").joinpath("lexicons")


def _read(path: Traversable) -> dict[str, Any]:
    with path.open("rb") as f:
        try:
            return tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            raise LexiconError(f"{_name(path)}: not valid TOML: {e}") from e


def _name(path: Traversable) -> str:
    parts = str(path).replace("\\", "/").split("/")
    return "/".join(parts[-3:])


@cache
def language_codes() -> tuple[str, ...]:
    """Every language with a folder (a `language.toml`), whether or not it borrows another's data."""
    return tuple(sorted(p.name for p in _root().iterdir() if p.joinpath("language.toml").is_file()))


@cache
def language_data(code: str) -> dict[str, Any]:
    """A language folder's own `language.toml`, checked; {} for a code without a folder."""
    path = _root().joinpath(code, "language.toml")
    if not path.is_file():
        return {}
    raw = _read(path)
    validate(raw, _schema("language"), _name(path))
    return raw


@cache
def language_profile(lang: str) -> LanguageProfile:
    """The profile a language code reads by: its folder's `language.toml`, followed through `uses`
    (a language that borrows another's data whole); the default language's for codes without one."""
    raw = language_data(lang)
    if not raw:
        return language_profile(DEFAULT_LANGUAGE) if lang != DEFAULT_LANGUAGE else \
            LanguageProfile(lang, lang, {"backend": "surface"})
    meta = raw.get("language", {})
    if meta.get("uses"):
        return language_profile(meta["uses"])
    return LanguageProfile(lang, meta.get("name", lang), dict(raw.get("morphology", {"backend": "surface"})),
                           meta.get("fallback"), int(meta.get("rank", 100)),
                           {k: v for k, v in raw.items() if k not in ("language", "morphology")})


def lexicon_lang(lang: str) -> str:
    """The folder a language's lexicons are read from (its own, or the one it uses)."""
    return language_profile(lang).code


def _lexicon_langs() -> tuple[str, ...]:
    """Languages with lexicons of their own, in `rank` order."""
    profiles = [language_profile(c) for c in language_codes()]
    return tuple(p.code for p in sorted({p.code: p for p in profiles}.values(),
                                        key=lambda p: (p.rank, p.code)))



@cache
def load_lexicon(lang: str, name: str) -> dict[str, Any]:
    """Parsed and checked `lexicons/<lang>/<name>.toml`, else its fallback language's file, else {}."""
    profile = language_profile(lang)
    for code in (profile.code, profile.fallback):
        if code is None:
            continue
        path = _root().joinpath(code, f"{name}.toml")
        if path.is_file():
            raw = _read(path)
            validate(raw, _schema(name), _name(path))
            return raw
    return {}


# ---------------------------------------------------------------------------------------------
# schema: `lexicons/schema.toml` gives each file's keys a type written as
#   str | int | float | bool | list[T] | map[T] (any keys, values T) | {key: T, key2: T}
# (a trailing "!" makes the key required) and a TOML table for a table of known keys. A file's keys the schema does not name must still
# be well-formed lexicon data (strings, numbers, lists and tables of them) unless the file's
# schema says `_strict = true`: other parts of the code add keys as they move word lists here.


@cache
def _schema(name: str) -> dict[str, Any]:
    raw = _read(_root().joinpath("schema.toml"))
    got: dict[str, Any] = raw.get(name, {})
    return got


# "affix": a string that may be empty (a word ending, where "" is the bare stem); every other string
# must hold text, so a stray "" in a word list is caught at load
_SCALARS: dict[str, tuple[type, ...]] = {"str": (str,), "affix": (str,), "int": (int,), "float": (float, int),
                                         "bool": (bool,), "any": (object,)}
_TYPE_TOKEN = re.compile(r"\s*([A-Za-z_][\w-]*|\[|\]|\{|\}|:|,)")


@cache
def _parse_type(spec: str) -> Any:
    """'map[list[str]]' -> ('map', ('list', 'str')); '{window: int}' -> ('rec', {...})."""
    toks = _TYPE_TOKEN.findall(spec)
    if "".join(toks).replace(" ", "") != spec.replace(" ", ""):
        raise LexiconError(f"schema: bad type {spec!r}")
    pos = 0

    def take() -> str:
        nonlocal pos
        pos += 1
        tok: str = toks[pos - 1]
        return tok

    def one() -> Any:
        t = take()
        if t in ("list", "map"):
            assert take() == "["
            inner = one()
            assert take() == "]"
            return (t, inner)
        if t == "{":
            fields: dict[str, Any] = {}
            while toks[pos] != "}":
                key = take()
                assert take() == ":"
                fields[key] = one()
                if toks[pos] == ",":
                    take()
            take()
            return ("rec", fields)
        if t not in _SCALARS:
            raise LexiconError(f"schema: unknown type {t!r} in {spec!r}")
        return t

    try:
        out = one()
    except (AssertionError, IndexError) as e:
        raise LexiconError(f"schema: bad type {spec!r}") from e
    return out


def _check(value: Any, typ: Any, where: str) -> None:
    if isinstance(typ, str):
        ok = isinstance(value, _SCALARS[typ]) and not (typ in ("int", "float") and isinstance(value, bool))
        if not ok:
            raise LexiconError(f"{where}: expected {typ}, found {type(value).__name__} {value!r:.60}")
        if typ == "str" and not value.strip():
            raise LexiconError(f"{where}: empty string")
        return
    kind, inner = typ
    if kind == "list":
        if not isinstance(value, list):
            raise LexiconError(f"{where}: expected a list, found {type(value).__name__}")
        for i, v in enumerate(value):
            _check(v, inner, f"{where}[{i}]")
    elif kind == "map":
        if not isinstance(value, dict):
            raise LexiconError(f"{where}: expected a table, found {type(value).__name__}")
        for k, v in value.items():
            _check(v, inner, f"{where}.{k}")
    else:  # rec
        if not isinstance(value, dict):
            raise LexiconError(f"{where}: expected a table, found {type(value).__name__}")
        for k, t in inner.items():
            if k not in value:
                raise LexiconError(f"{where}: missing key {k!r}")
            _check(value[k], t, f"{where}.{k}")
        for k in value.keys() - inner.keys():
            raise LexiconError(f"{where}: unknown key {k!r}")


def _well_formed(value: Any, where: str) -> None:
    """Any lexicon data: strings (non-empty), numbers, booleans, and lists and tables of them."""
    if isinstance(value, dict):
        for k, v in value.items():
            _well_formed(v, f"{where}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _well_formed(v, f"{where}[{i}]")
    elif isinstance(value, str):
        if not value.strip():
            raise LexiconError(f"{where}: empty string")
    elif not isinstance(value, int | float | bool):
        raise LexiconError(f"{where}: {type(value).__name__} is no lexicon value")


def validate(data: dict[str, Any], schema: dict[str, Any], where: str) -> None:
    """Check `data` (one file, or one of its tables) against its schema; raise LexiconError
    naming the file and the key path of the first mismatch."""
    strict = bool(schema.get("_strict", False))
    for key, value in data.items():
        at = f"{where}: {key}" if ": " not in where else f"{where}.{key}"
        spec = schema.get(key)
        if spec is None:
            if strict:
                raise LexiconError(f"{at}: unknown key (not in lexicons/schema.toml)")
            _well_formed(value, at)
        elif isinstance(spec, dict):
            if not isinstance(value, dict):
                raise LexiconError(f"{at}: expected a table, found {type(value).__name__}")
            validate(value, {"_strict": strict, **spec}, at)
        else:
            _check(value, _parse_type(spec.rstrip("!")), at)
    for key, spec in schema.items():
        if isinstance(spec, str) and spec.endswith("!") and key not in data:
            raise LexiconError(f"{where}: missing key {key!r}")


LEXICON_LANGS = _lexicon_langs()   # after `validate`: reading the profiles checks them
