"""Language knowledge as data: per-language lexicon files and the gazetteer.

Lexicons live in `lexicons/<lang>/<name>.toml`; adding a language is adding a folder of files.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources as _res
from typing import Any

LEXICON_LANGS = ("uk", "ru", "en")


def lexicon_lang(lang: str) -> str:
    """Languages without their own lexicons read the closest one (be/kk/ky news is mostly
    Russian-style vocabulary; unknown falls back to English)."""
    if lang in LEXICON_LANGS:
        return lang
    return "ru" if lang in ("be", "kk", "ky") else "en"


@cache
def load_lexicon(lang: str, name: str) -> dict[str, Any]:
    """Parsed `lexicons/<lang>/<name>.toml`; an empty dict when the language lacks that file."""
    path = _res.files("kronika.resources").joinpath("lexicons", lexicon_lang(lang), f"{name}.toml")
    if not path.is_file():
        return {}
    with path.open("rb") as f:
        return tomllib.load(f)
