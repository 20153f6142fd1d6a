"""Counted nouns: is the noun after a figure a word for people?

Not a closed list: for Ukrainian and Russian any animate common noun is a person (pymorphy3's
`anim` grammeme over every parse of the form: "шахтарів", "призывников", "дунган", "депутатов"),
except names (Name/Surn/Patr parses) and the animals listed in `[people_morphology] animals`
of lexicons/<lang>/counts.toml. English has no animacy tags: a person is a lemma of the `people`,
`protesters` or `military` head classes (roles, professions), a word with a person suffix
("activists", "Ukrainians", "gunmen") or a capitalised plural with a demonym ending ("Kenyans",
"Pakistanis", "Burmese"), all from the same lexicon table.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...resources import lexicon_lang, load_lexicon
from ...text.doc import Token
from ...text.morph import analyzer
from ...text.normalise import norm

_NAMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


@dataclass(frozen=True, slots=True)
class PeopleMorphology:
    animals: frozenset[str]           # animate nouns that are no people
    suffixes: tuple[str, ...]         # en: person suffixes of a lower-case plural
    demonym_suffixes: tuple[str, ...]  # en: endings of a capitalised demonym
    listed: frozenset[str]             # lemmas of the people, protesters and military head classes


@lru_cache(maxsize=8)
def people_morphology(lang: str) -> PeopleMorphology:
    lex = load_lexicon(lexicon_lang(lang), "counts")
    raw = lex.get("people_morphology", {})
    heads = lex.get("heads", {})
    return PeopleMorphology(
        animals=frozenset(norm(w) for w in raw.get("animals", [])),
        suffixes=tuple(raw.get("suffixes", [])),
        demonym_suffixes=tuple(raw.get("demonym_suffixes", [])),
        listed=frozenset(norm(w) for cls in ("people", "protesters", "military") for w in heads.get(cls, [])),
    )


@lru_cache(maxsize=100_000)
def animate_lemma(lang: str, word: str) -> str | None:
    """The lemma of an animate common-noun reading of `word` (any parse), else None."""
    if lang not in ("uk", "ru"):
        return None
    try:
        parses = analyzer(lang).parse(word)
    except ValueError:
        return None
    for p in parses:
        grammemes = set(str(p.tag).replace(" ", ",").split(","))   # names differ by dictionary
        if "NOUN" in grammemes and "anim" in grammemes and not grammemes & _NAMES:
            return str(p.normal_form).replace("ё", "е")
    return None


def is_person(tok: Token, lang: str) -> bool:
    """Is this token a noun for people (see the module doc)?"""
    if not tok.is_word:
        return False
    lex = people_morphology(lang)
    if lang in ("uk", "ru"):
        lem = animate_lemma(lang, tok.lower)
        return lem is not None and lem not in lex.animals
    low = tok.lower
    if low in lex.listed or norm(tok.an.lemma) in lex.listed:
        return True
    if any(low.endswith(s) and len(low) > len(s) + 2 for s in lex.suffixes):
        return True
    return tok.text[:1].isupper() and any(low.endswith(s) and len(low) > len(s) + 2
                                          for s in lex.demonym_suffixes)
