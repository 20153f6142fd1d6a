"""Language identification for the languages kronika has folders for.

Written by hand because the candidates are few and their scripts tell them apart well: letters
unique to one Cyrillic orthography (і/ї/є/ґ, ў, қ/ә/ғ, ө/ү/ң without қ) decide first, then
frequent function words. A library model (lingua) costs ~1 GB of RAM for the same answers here.
What each language contributes (its script, letters, function words, weights) is the
`[identify]` table of its `lexicons/<lang>/language.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import language_codes, language_data

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class _Cue:
    lang: str
    script: str
    order: int
    letters: frozenset[str]
    letter_weight: float
    stop: frozenset[str]
    penalties: tuple[tuple[frozenset[str], float], ...]
    bonus: tuple[float, str, str] | None     # weight, a letter that must occur, one that must not


@cache
def _cues() -> tuple[_Cue, ...]:
    out = []
    for code in language_codes():
        idf = language_data(code).get("identify")
        if not idf:
            continue
        b = idf.get("bonus")
        out.append(_Cue(code, idf["script"], int(idf.get("order", 100)), frozenset(idf.get("letters", "")),
                        float(idf.get("letter_weight", 0.0)), frozenset(idf.get("stop", ())),
                        tuple((frozenset(p["letters"]), float(p["weight"])) for p in idf.get("penalties", ())),
                        (float(b["weight"]), b["with"], b["without"]) if b else None))
    return tuple(sorted(out, key=lambda c: (c.script, c.order, c.lang)))


def supported() -> tuple[str, ...]:
    """The codes detect_language can answer (besides 'und')."""
    return tuple(c.lang for c in _cues())


def detect_language(text: str, max_chars: int = 4000) -> str:
    """Return the code of the best-scoring language with a folder, or 'und' when there is no usable text."""
    sample = text[:max_chars].lower()
    words = _WORD.findall(sample)
    if not words:
        return "und"
    cyr = sum(1 for ch in sample if "\u0400" <= ch <= "\u04ff")
    lat = sum(1 for ch in sample if "a" <= ch <= "z")
    script = "latin" if lat > cyr else "cyrillic"
    cands = [c for c in _cues() if c.script == script]
    if len(cands) == 1:
        return cands[0].lang
    counts = {ch: sample.count(ch) for ch in set(sample) if "\u0400" <= ch <= "\u04ff"}

    def count(letters: frozenset[str] | str) -> int:
        return sum(counts.get(ch, 0) for ch in letters)

    best, best_score = "und", float("-inf")
    for c in cands:   # in `order`: the first of equal scores wins
        score = float(sum(1 for w in words if w in c.stop))
        own = count(c.letters)
        # a marker letter weighs like several function words; letters of a neighbour count against
        score += c.letter_weight * own - sum(w * count(letters) for letters, w in c.penalties)
        if c.bonus and own and counts.get(c.bonus[1], 0) and not counts.get(c.bonus[2], 0):
            score += c.bonus[0]
        if score > best_score:
            best, best_score = c.lang, score
    return best
