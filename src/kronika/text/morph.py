"""Lemmas and grammatical features of words, per language, through the backend its data names.

`morph_for(lang)` gives the language's `Morph`: the backend that `lexicons/<lang>/language.toml`
names (pymorphy3 for uk/ru, lemminflect for en, ...) behind a cache of analyses by lower-cased
form. Analysers are created once per process and every word form is analysed once: news
repeats its vocabulary, so the cache turns ~40k words/s into millions.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from ..resources import language_profile
from .backends import Analysis, Backend, Pymorphy3, analyzer, make_backend

__all__ = ["Analysis", "Morph", "analyzer", "morph_for"]

_CACHE_MAX = 500_000  # bounded: long runs must not grow without end


class Morph:
    """A language's analyser with a cache of analyses by lower-cased surface form."""

    def __init__(self, lang: str, backend: Backend | None = None) -> None:
        self.lang = lang
        self.backend: Backend = backend if backend is not None else \
            make_backend(language_profile(lang).morphology)
        self._cache: dict[str, Analysis] = {}
        # the pymorphy3 analyser itself, for callers that inflect or read raw parses; None elsewhere
        self._an: Any = self.backend.an if isinstance(self.backend, Pymorphy3) else None

    def analyse(self, word: str) -> Analysis:
        key = word.lower()
        a = self._cache.get(key)
        if a is None:
            a = self.backend.analyse(key)
            if len(self._cache) < _CACHE_MAX:
                self._cache[key] = a
        return a

    def prepare(self, words: Iterable[str]) -> None:
        """Analyse the new words among `words` in one batch (one call for backends that pay per call)."""
        new = {w.lower() for w in words} - self._cache.keys()
        if new and len(self._cache) < _CACHE_MAX:
            self._cache.update(self.backend.analyse_many(new))

    def lemma(self, word: str) -> str:
        return self.analyse(word).lemma

    def __repr__(self) -> str:
        return f"Morph({self.lang!r}, {type(self.backend).__name__})"


@cache
def morph_for(lang: str) -> Morph:
    """The shared analyser of a language (of the language whose data it borrows, if it has none)."""
    profile = language_profile(lang)
    if profile.code != lang:
        return morph_for(profile.code)
    return Morph(lang)
