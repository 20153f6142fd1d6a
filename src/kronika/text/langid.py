"""Language identification for the languages kronika reads.

Written by hand because the candidates are few and their scripts tell them apart well: letters
unique to one Cyrillic orthography (і/ї/є/ґ, ў, қ/ә/ғ, ө/ү/ң without қ) decide first, then
frequent function words. A library model (lingua) costs ~1 GB of RAM for the same answers here.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# letters that occur in one orthography among the candidates and not in the others
_MARKERS = {
    "uk": set("ґєії"),
    "be": set("ў"),
    "kk": set("әғқһұ"),
    "ky": set("ңөү"),  # shared with kk; kk is decided first by its own letters
}
_RU_ONLY = set("ыэъё")
_STOP = {
    "ru": {"и", "в", "не", "на", "что", "с", "по", "как", "это", "из", "его", "за", "от", "был", "были",
           "который", "также", "или", "для", "при", "после", "сообщили", "года"},
    "uk": {"і", "й", "та", "у", "в", "не", "на", "що", "з", "із", "як", "це", "від", "був", "були",
           "який", "також", "або", "для", "після", "року", "його"},
    "be": {"і", "ў", "не", "на", "што", "з", "як", "гэта", "ад", "быў", "былі", "які", "таксама", "для"},
    "kk": {"және", "бұл", "мен", "үшін", "деп", "да", "де", "бойынша", "жылы"},
    "ky": {"жана", "бул", "менен", "үчүн", "деп", "да", "боюнча", "жылы"},
    "en": {"the", "and", "of", "to", "in", "a", "is", "was", "that", "for", "on", "with", "by", "as",
           "were", "said", "have", "has", "from"},
}
SUPPORTED = ("uk", "ru", "en", "be", "kk", "ky")


def detect_language(text: str, max_chars: int = 4000) -> str:
    """Return an ISO 639-1 code among SUPPORTED, or 'und' when there is no usable text."""
    sample = text[:max_chars].lower()
    words = _WORD.findall(sample)
    if not words:
        return "und"
    cyr = sum(1 for ch in sample if "\u0400" <= ch <= "\u04ff")
    lat = sum(1 for ch in sample if "a" <= ch <= "z")
    if lat > cyr:
        return "en"
    letters = set(sample)
    scores: dict[str, float] = {lang: 0.0 for lang in ("ru", "uk", "be", "kk", "ky")}
    for w in words:
        for lang in scores:
            if w in _STOP[lang]:
                scores[lang] += 1.0
    counts = {ch: sample.count(ch) for ch in letters if "\u0400" <= ch <= "\u04ff"}
    marker = {lang: sum(counts.get(ch, 0) for ch in chars) for lang, chars in _MARKERS.items()}
    ru_only = sum(counts.get(ch, 0) for ch in _RU_ONLY)
    # a marker letter weighs like several function words; quoted Russian inside a Ukrainian
    # article (or the reverse) leaves a few stray letters, hence the comparison, not presence
    scores["uk"] += 3.0 * marker["uk"] - 1.0 * counts.get("ы", 0)
    scores["be"] += 6.0 * marker["be"]
    scores["kk"] += 4.0 * marker["kk"]
    scores["ky"] += 3.0 * marker["ky"] - 4.0 * marker["kk"]
    scores["ru"] += 2.0 * ru_only
    if marker["be"] and counts.get("і", 0) and not counts.get("и", 0):
        scores["be"] += 10
    return max(scores, key=lambda k: scores[k])
