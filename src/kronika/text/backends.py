"""Morphology adapters: one class per analyser library, chosen per language by data.

A language's `lexicons/<lang>/language.toml` names its backend and that backend's settings
(`[morphology] backend = "pymorphy3", dictionary = "uk"`); `BACKENDS` maps the name to a class.
No code here knows any language: adding one is adding a folder with a `language.toml`.

Every backend answers `analyse(word)` for a lower-cased word with an `Analysis`; those that
pay per call (a subprocess) also answer `analyse_many(words)` so a document costs one call.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)


@dataclass(slots=True, frozen=True)
class Analysis:
    lemma: str                 # best lemma, lower case
    lemmas: tuple[str, ...]    # every distinct lemma among the parses (ambiguity kept for matching)
    pos: str | None            # NOUN, VERB, ADJF, NUMR, PRTF, ... (OpenCorpora tags), None if untagged
    case: str | None           # nomn, gent, datv, accs, ablt, loct, ...
    number: str | None         # sing, plur
    tags: frozenset[str]       # grammemes of the best parse (Name, Surn, Geox, Abbr, ...)


def surface(word: str) -> Analysis:
    """The analysis of a word no analyser knows: its own form is its lemma."""
    return Analysis(word, (word,), None, None, None, frozenset())


class Backend(Protocol):
    def analyse(self, word: str) -> Analysis: ...

    def analyse_many(self, words: Iterable[str]) -> dict[str, Analysis]: ...


class BackendUnavailable(RuntimeError):
    """The library or data a language's morphology names is not installed."""


class _OneByOne:
    def analyse(self, word: str) -> Analysis:
        raise NotImplementedError

    def analyse_many(self, words: Iterable[str]) -> dict[str, Analysis]:
        return {w: self.analyse(w) for w in words}


PARSE_CACHE = 30_000   # words whose parses are kept: places, names and sources ask again for a token's


class _SharedParses:
    """A MorphAnalyzer whose `parse` remembers recent words: the tokens' analysis and the stages that
    parse the same word again (names, places, sources) share one parse instead of three. Parses come
    back as tuples, so that no caller can change what the next one gets."""

    def __init__(self, an: Any) -> None:
        self._an = an
        self.parse = lru_cache(maxsize=PARSE_CACHE)(self._parse)

    def _parse(self, word: str) -> tuple[Any, ...]:
        return tuple(self._an.parse(word))

    def __getattr__(self, name: str) -> Any:   # everything else as pymorphy3 has it
        if name == "_an":   # not set yet (a copy being built): no recursion
            raise AttributeError(name)
        return getattr(self._an, name)


@lru_cache(maxsize=4)
def analyzer(dictionary: str) -> Any:
    """The pymorphy3 MorphAnalyzer of a dictionary ("uk", "ru"), one per process, its parses shared."""
    import pymorphy3  # imported lazily: languages on other backends need no dictionaries

    return _SharedParses(pymorphy3.MorphAnalyzer(lang=dictionary))


class Pymorphy3(_OneByOne):
    """OpenCorpora-style analyses (lemmas, POS, case, number, grammemes) from pymorphy3."""

    def __init__(self, dictionary: str, max_parses: int = 6) -> None:
        try:
            self.an = analyzer(dictionary)
        except (ImportError, ValueError) as e:  # pymorphy3 raises ValueError for a missing dictionary
            raise BackendUnavailable(f"pymorphy3 dictionary {dictionary!r}: {e}") from e
        self.max_parses = max_parses

    def analyse(self, word: str) -> Analysis:
        try:
            parses = self.an.parse(word)
        except ValueError:  # pymorphy3 rejects letters outside its alphabets (e.g. Tangut)
            parses = []
        if not parses:
            return surface(word)
        lemmas: list[str] = []
        for p in parses[: self.max_parses]:
            nf = p.normal_form.replace("ё", "е")
            if nf not in lemmas:
                lemmas.append(nf)
        tag = parses[0].tag
        grammemes = frozenset(str(tag).replace(" ", ",").split(","))
        return Analysis(lemmas[0], tuple(lemmas), tag.POS, tag.case, tag.number, grammemes)


class Lemminflect(_OneByOne):
    """Dictionary lemmas of English words (lemminflect), every part of speech's reading kept.

    Readings are ordered by `pos_order` (verbs first: news triggers are mostly verbs); the surface
    form stays among the lemmas so that a lexicon may name a form ("wounded") as well as a lemma.
    A word outside the dictionary gets lemminflect's rule-based noun and verb lemmas as readings:
    first when it has one of the `guess_endings` (a plural: "oblasts" -> "oblast") and none of the
    `keep_endings` ("Minneapolis", "Davis"), after its own form otherwise (names: "australia" stays
    itself first, not "australium")."""

    def __init__(self, pos_order: list[str] | None = None, guess_endings: list[str] | None = None,
                 keep_endings: list[str] | None = None) -> None:
        try:
            import lemminflect
        except ImportError as e:
            raise BackendUnavailable(f"lemminflect: {e}") from e
        self._all: Callable[..., dict[str, tuple[str, ...]]] = lemminflect.getAllLemmas
        self._oov: Callable[..., dict[str, tuple[str, ...]]] = lemminflect.getAllLemmasOOV
        self.pos_order = tuple(pos_order or ("VERB", "NOUN", "ADJ", "ADV", "AUX", "PROPN"))
        self.guess_endings = tuple(guess_endings or ())
        self.keep_endings = tuple(keep_endings or ())

    def analyse(self, word: str) -> Analysis:
        found = self._all(word)
        readings: list[str] = []
        for pos in self.pos_order:
            for lem in found.get(pos, ()):
                lem = lem.lower()
                if lem not in readings:
                    readings.append(lem)
        if not readings:
            if word.isalpha():
                for pos in ("NOUN", "VERB"):
                    for lem in self._oov(word, pos).get(pos, ()):
                        if lem.lower() not in readings:
                            readings.append(lem.lower())
            readings = [r for r in readings if r != word]
            plural = word.endswith(self.guess_endings) and not word.endswith(self.keep_endings)
            readings.insert(len(readings) if readings and plural else 0, word)
        elif word not in readings:
            readings.append(word)
        return Analysis(readings[0], tuple(readings), None, None, None, frozenset())


class Apertium:
    """Lemmas and grammatical tags from an Apertium morphological transducer (`lt-proc`).

    One `lt-proc` run per batch of words (a document's vocabulary): the stream format is
    `^form/lemma<tag><tag>/lemma<tag>$`. `tags` maps Apertium tags to the OpenCorpora grammemes
    the extractors read (case, number, part of speech)."""

    def __init__(self, analyser: str, tags: Mapping[str, str] | None = None,
                 program: str = "lt-proc") -> None:
        exe = shutil.which(program)
        if exe is None or not Path(analyser).is_file():
            raise BackendUnavailable(f"apertium: needs {program} and {analyser} "
                                     "(Debian packages apertium and the language's apertium data)")
        self.cmd = [exe, analyser]
        self.tags = dict(tags or {})

    def analyse(self, word: str) -> Analysis:
        return self.analyse_many([word]).get(word) or surface(word)

    def analyse_many(self, words: Iterable[str]) -> dict[str, Analysis]:
        todo = [w for w in dict.fromkeys(words) if w and "\n" not in w]
        if not todo:
            return {}
        result = self._run(todo, todo)
        # proper nouns are in the transducer capitalised only ("мінску" is unknown, "Мінску" known)
        unknown = [w for w in todo if not result[w].tags and w[:1].islower()]
        if unknown:
            again = self._run([w[:1].upper() + w[1:] for w in unknown], unknown)
            result.update({w: a for w, a in again.items() if a.tags})
        return result

    def _run(self, lines_in: list[str], keys: list[str]) -> dict[str, Analysis]:
        # one word a line, analysed without context; newlines pass through as blanks, so line i
        # answers word i; a word the transducer splits in several units ("fpv-дрон") keeps its form
        try:
            text = "\n".join(lines_in).translate(_STREAM_ESCAPES) + "\n"
            out = subprocess.run(self.cmd, input=text, capture_output=True,
                                 text=True, check=True, timeout=60).stdout
        except (OSError, subprocess.SubprocessError, UnicodeError) as e:
            # one document read without lemmas rather than an extraction that fails
            log.warning("apertium: %s; words read as their own lemmas", e)
            return {w: surface(w) for w in keys}
        lines = out.split("\n")
        result: dict[str, Analysis] = {}
        for i, w in enumerate(keys):
            units = lines[i].split("^")[1:] if i < len(lines) else []
            result[w] = self._parse(w, units[0].split("$", 1)[0]) if len(units) == 1 else surface(w)
        return result

    def _parse(self, word: str, unit: str) -> Analysis:
        readings = unit.split("/")[1:]
        if not readings or readings[0].startswith("*"):
            return surface(word)
        lemmas: list[str] = []
        for r in readings:
            # "прыкладны¹": a superscript numbers homonyms in the dictionary, no part of the lemma
            lem = r.split("<", 1)[0].lower().rstrip(_HOMONYM_MARKS)
            if lem and lem not in lemmas:
                lemmas.append(lem)
        first = [t.rstrip(">") for t in readings[0].split("<")[1:]]
        grammemes = frozenset(self.tags.get(t, t) for t in first)
        pos = next((self.tags[t] for t in first[:1] if t in self.tags), None)
        case = next((self.tags[t] for t in first if self.tags.get(t, "") in _CASES), None)
        number = next((self.tags[t] for t in first if self.tags.get(t) in ("sing", "plur")), None)
        return Analysis(lemmas[0] if lemmas else word, tuple(lemmas) or (word,), pos, case, number,
                        grammemes)


# characters with a meaning in Apertium's stream format are escaped with a backslash
_STREAM_ESCAPES = str.maketrans({ch: "\\" + ch for ch in "^$/<>@*\\[]{}"})
_HOMONYM_MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})


class Surface(_OneByOne):
    """No analyser: every word is its own lemma (the fallback when a backend is missing)."""

    def analyse(self, word: str) -> Analysis:
        return surface(word)


BACKENDS: dict[str, Callable[..., Backend]] = {
    "pymorphy3": Pymorphy3,
    "lemminflect": Lemminflect,
    "apertium": Apertium,
    "surface": Surface,
}


def make_backend(settings: Mapping[str, Any]) -> Backend:
    """The backend a language's `[morphology]` table names, with that table's other keys as
    arguments; a backend whose library or data is absent degrades to `Surface` with a warning
    (the article is still read; its lexicon matches fall back on word forms)."""
    opts = dict(settings)
    name = opts.pop("backend")
    try:
        return BACKENDS[name](**opts)
    except BackendUnavailable as e:
        log.warning("morphology backend %s unavailable, using word forms as lemmas: %s", name, e)
        return Surface()
