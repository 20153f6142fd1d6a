"""Lemmas and grammatical features: pymorphy3 for uk/ru, a small rule lemmatiser for en.

Analysers are created once per process and every word form is analysed once (a dict cache):
news repeats its vocabulary, so the cache turns ~40k words/s into millions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(slots=True, frozen=True)
class Analysis:
    lemma: str                 # best lemma, lower case
    lemmas: tuple[str, ...]    # every distinct lemma among the parses (ambiguity kept for matching)
    pos: str | None            # NOUN, VERB, ADJF, NUMR, PRTF, ... (OpenCorpora tags), None for en
    case: str | None           # nomn, gent, datv, accs, ablt, loct, ...
    number: str | None         # sing, plur
    tags: frozenset[str]       # grammemes of the best parse (Name, Surn, Geox, Abbr, ...)


@lru_cache(maxsize=4)
def analyzer(lang: str) -> Any:
    import pymorphy3  # imported lazily: the en path needs no dictionaries

    return pymorphy3.MorphAnalyzer(lang=lang)


class Morph:
    """Per-language analyser with a cache of analyses by lower-cased surface form."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._cache: dict[str, Analysis] = {}
        self._an = analyzer(lang) if lang in ("uk", "ru") else None

    def analyse(self, word: str) -> Analysis:
        key = word.lower()
        a = self._cache.get(key)
        if a is None:
            a = self._analyse(key)
            if len(self._cache) < 500_000:  # bounded: long runs must not grow without end
                self._cache[key] = a
        return a

    def lemma(self, word: str) -> str:
        return self.analyse(word).lemma

    def _analyse(self, w: str) -> Analysis:
        if self._an is None:
            lem = english_lemma(w)
            return Analysis(lem, (lem,) if lem == w else (lem, w), None, None, None, frozenset())
        try:
            parses = self._an.parse(w)
        except ValueError:  # pymorphy3 rejects letters outside its alphabets (e.g. Tangut)
            parses = []
        if not parses:
            return Analysis(w, (w,), None, None, None, frozenset())
        best = parses[0]
        lemmas: list[str] = []
        for p in parses[:6]:
            nf = p.normal_form.replace("ё", "е")
            if nf not in lemmas:
                lemmas.append(nf)
        tag = best.tag
        grammemes = frozenset(str(tag).replace(" ", ",").split(","))
        return Analysis(lemmas[0], tuple(lemmas), tag.POS, tag.case, tag.number, grammemes)


_EN_IRREGULAR = {
    "men": "man", "women": "woman", "people": "person", "children": "child", "police": "police",
    "was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "has": "have", "had": "have",
    "did": "do", "does": "do", "said": "say", "told": "tell", "took": "take", "taken": "take",
    "fled": "flee", "shot": "shoot", "fought": "fight", "threw": "throw", "thrown": "throw",
    "held": "hold", "led": "lead", "left": "leave", "went": "go", "gone": "go", "began": "begin",
    "begun": "begin", "broke": "break", "broken": "break", "burnt": "burn", "beat": "beat",
    "beaten": "beat", "seized": "seize", "caught": "catch", "brought": "bring", "killed": "kill",
    "came": "come", "saw": "see", "seen": "see", "got": "get", "struck": "strike", "stole": "steal",
    "stolen": "steal", "wounded": "wound", "fired": "fire", "rose": "rise", "risen": "rise",
    "dozens": "dozen", "hundreds": "hundred", "thousands": "thousand", "news": "news",
    "protesters": "protester", "demonstrators": "demonstrator", "rallies": "rally",
}
_VOWELS = set("aeiouy")


def english_lemma(w: str) -> str:
    """Rule lemmatiser for news English: plural nouns, past and -ing verbs.

    Good enough for matching lexicon lemmas; the lexicons list their lemmas in this same form."""
    if w in _EN_IRREGULAR:
        return _EN_IRREGULAR[w]
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        return w[:-1]
    for suf in ("ied",):
        if w.endswith(suf):
            return w[:-3] + "y"
    for suf in ("ed", "ing"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                return stem[:-1]  # stopped -> stop
            if stem[-1] not in _VOWELS and stem[-2] in _VOWELS and stem[-3] not in _VOWELS \
                    and stem[-1] not in "wxy" and len(stem) <= 5:
                return stem + "e"  # used -> use, rated -> rate
            if stem.endswith(("at", "iz", "ur", "ov", "rg", "ng", "ac", "ls", "rs", "rc")) \
                    and suf == "ed":
                return stem + "e"  # demonstrated -> demonstrate, seized -> seize
            return stem
    return w
