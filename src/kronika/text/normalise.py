"""One normaliser and one transliteration for every module that compares words or names.

`norm` is the lookup key of lexicon entries, tokens and gazetteer names. `_ROMAN` is the one
Cyrillic -> Latin table (uk, ru, be, kk letters); `romanise` writes a Cyrillic name in Latin,
`fold` makes a spelling-insensitive key of a Latin name, `name_key` makes a comparison key of a
display name (case, hyphens, spaces).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOS = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "–": "-", "—": "-", "ё": "е", "Ё": "е"})
_WS = re.compile(r"\s+")


@lru_cache(maxsize=200_000)
def norm(s: str) -> str:
    """The lookup key of a word, a name or a stretch of text: lower case, one apostrophe (’ʼ`‘ -> '),
    one dash (– — -> -), е for ё, single spaces, no outer space. Every lexicon entry and every
    token compared with one goes through it."""
    return _WS.sub(" ", s.translate(_APOS).lower()).strip()


# One romanisation table for Ukrainian, Russian, Belarusian and Kazakh Cyrillic, close to the
# Ukrainian national system and BGN/PCGN; `fold` then erases the differences between the systems
# (y/i, ia/ya, ie/ye, kh/h...). Г is written both ways: h (uk, be) and g (ru).
_ROMAN = {
    "а": "a", "б": "b", "в": "v", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ye", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "w", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "'": "", "’": "",
    "ʼ": "", "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    "-": "-", " ": " ",
}
_FOLD_STEPS = (
    (re.compile(r"['’ʼ`´ʹ]"), ""),
    (re.compile(r"zhzh"), "zh"),
    (re.compile(r"shch"), "sch"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"[yj]"), "i"),             # ia/ya, ie/ye, iu/yu, iy/yi
    (re.compile(r"(.)\1+"), r"\1"),        # doubled letters: Odessa/Odesa, Mykolayiv -> "mikolaiiv"
)
# е/ё after a vowel, ь/ъ or at the start is "ye" in BGN/PCGN ("Zaporozhye", "Yelets")
_YE = re.compile(r"(?:(?<=[аеёиоуыэюяіїєьъ])|^)[её]")


def romanise(name: str) -> tuple[str, ...]:
    """Latin forms of a Cyrillic name (one with г as h, one with г as g); () if not Cyrillic."""
    low = _YE.sub("є", name.lower())
    if not any("а" <= ch <= "я" or ch in "ёіїєґўәғқңөұүһ" for ch in low):
        return ()
    out = []
    for g in ("h", "g"):
        r = []
        for ch in low:
            if ch == "г":
                r.append(g)
            elif ch in _ROMAN:
                r.append(_ROMAN[ch])
            elif ch.isascii():
                r.append(ch)
            else:
                return ()
        out.append("".join(r))
    return tuple(dict.fromkeys(out))


def translit(s: str, g: str = "h") -> str:
    """`s` lower-cased with its Cyrillic letters in Latin by the one table (г as `g`), other
    characters kept: a key that lets a Cyrillic and a Latin spelling of a name meet."""
    return "".join(g if ch == "г" else _ROMAN.get(ch, ch) for ch in s.lower())


@lru_cache(maxsize=50_000)
def skeleton(name: str) -> str:
    """A rough Latin skeleton of a name in either script, diacritics and spelling systems folded
    (g/h too: "Gomel" and "Гомель" meet); for comparing a name's first letters, not for lookup."""
    return fold(translit(name)).replace("g", "h")


def fold(name: str) -> str:
    """A spelling-insensitive key of a Latin place name: 'Zaporizhzhia', 'Zaporizhia' and
    'Zaporizhzhya' fold together, as do 'Mykolaiv'/'Mykolayiv', 'Kiev'/'Kiyev', 'Homel'/'Homyel''.
    Kept narrow so that English words do not fold into town names ("Soviet", "Mass")."""
    s = "".join(ch for ch in unicodedata.normalize("NFKD", norm(name)) if not unicodedata.combining(ch))
    for rx, rep in _FOLD_STEPS:
        s = rx.sub(rep, s)
    return s


def name_key(s: str | None) -> str:
    """'Kryvyi-Rih ' and 'kryvyi rih' compare equal: casefolded, hyphens as spaces, single spaces."""
    return " ".join((s or "").casefold().replace("-", " ").split())
