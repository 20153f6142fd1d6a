"""Sentence and token segmentation with character offsets into the original text.

Hand-written: offsets must index the untouched text exactly, and the abbreviation and quote
conventions of uk/ru news ("м.", "ул.", "т.д.", «…») are not handled by the usual English splitters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..resources import language_codes, language_data

# a word may contain apostrophes (uk: об'єкт, п’ятсот) and hyphens (Алма-Ата, Telegram-канал)
TOKEN_RE = re.compile(
    r"\d+(?:[.,]\d+)*(?:[-–]\d+)?"          # numbers: 1,5  4.000  2-3
    r"|[^\W\d_](?:[\w]|['’ʼ`][^\W\d_]|-(?=\w))*"  # words
    r"|\S",
    re.UNICODE,
)
# words a dot after which ends no sentence: the union of every language folder's
# `[segment] abbreviations` (a text's language is not known yet when it is split)
_ABBREV = frozenset(w for code in language_codes()
                    for w in language_data(code).get("segment", {}).get("abbreviations", ()))
_SENT_END = re.compile(r"[.!?…]+[»\"”’)]*|\n\s*\n|\n")


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    """Split into sentences; every sentence is text[start:end] stripped of outer whitespace."""
    out: list[Sentence] = []
    start = 0
    n = len(text)
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group(0)[0] in ".!?…":
            # continue when the next visible character is lower-case (abbreviation), a digit right
            # after the dot (decimal) or the word before the dot is a known abbreviation / an initial;
            # a digit after a space opens a sentence ("...пройшов пікет. 5 березня мітинг...") unless a
            # short lower-case word stands before the dot ("ч. 2 ст. 212")
            j = end
            while j < n and text[j] in " \t":
                j += 1
            if j < n and (text[j].islower() or (text[j].isdigit() and (j == end or _short_word(text, m.start())))
                          or text[j] in ",;:"):
                continue
            if m.group(0) == ".":
                k = m.start()
                w = k
                while w > 0 and (text[w - 1].isalpha()):
                    w -= 1
                word = text[w:k].lower()
                if word in _ABBREV or (len(word) == 1 and text[w:k].isupper()):
                    continue
        _push(text, start, end, out)
        start = end
    _push(text, start, n, out)
    return out


SHORT_ABBREV = 3   # "ч. 2 ст. 212", "p. 5", "vol. 3": a short lower-case word before a number


def _short_word(text: str, dot: int) -> bool:
    """Is the word before the dot at `dot` a short lower-case one (an abbreviation before a number)?"""
    w = dot
    while w > 0 and text[w - 1].isalpha():
        w -= 1
    return 0 < dot - w <= SHORT_ABBREV and text[w:dot].islower()


def _push(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end))


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Tokens of text[start:end] as (surface, start, end) with absolute offsets."""
    end = len(text) if end is None else end
    return [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, end)]
