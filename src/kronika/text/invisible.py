"""Invisible characters out of the way of matching, with every offset kept on the original text.

Soft hyphens, zero-width spaces and joiners, byte-order marks and other format characters (Unicode
category Cf) split words for the tokenizer and the lexicons ("про\u00adтест" is one word to a
reader); combining accents (a stress mark on a Cyrillic vowel, an "e" plus U+0301) do the same.
`normalise` gives the text to match on: format characters removed, NFC, accents on Cyrillic letters
removed unless they spell a letter (й ё ї ў), combining marks that NFC could not join removed. `Mapped.span` turns a [start, end) on that text back into
the original's, so every span the extractors find points at the text the user gave.

The map is built per grapheme-like cluster (a starter with the marks and format characters after
it): each output character knows the original cluster it came from. Text without any such
character is returned as it is, with no map (the common case costs one scan).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# what may need work: format characters, combining marks, and anything NFC would change
_SUSPECT = re.compile(r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                      r"\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff"
                      r"\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


# precomposed Cyrillic letters carrying a stress accent (ѐ ѝ ќ ѓ and capitals)
_ACCENTED_CYRILLIC = re.compile(r"[\u0400\u0403\u040c\u040d\u0450\u0453\u045c\u045d]")


@dataclass(slots=True)
class Mapped:
    """The normalised text and, when it differs, where each of its characters came from."""
    text: str
    starts: list[int] | None = None  # per character of `text`: start of its source in the original
    ends: list[int] | None = None    # per character of `text`: end of its source in the original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) on the normalised text as [start, end) on the original."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


# marks that spell a letter of the Cyrillic alphabets read here (й ў: breve; ё ї: diaeresis); any
# other mark on a Cyrillic letter is a stress or a typing accident, not spelling ("за́мок", "ѐ")
_CYRILLIC_SPELLING_MARKS = {"\u0306", "\u0308"}


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u052f" or "\u1c80" <= ch <= "\u1c8f" or "\ua640" <= ch <= "\ua69f"


def _cluster(chars: str) -> str:
    """One cluster without its format characters, NFC, Cyrillic stress marks removed."""
    base = unicodedata.normalize("NFD", "".join(ch for ch in chars if unicodedata.category(ch) != "Cf"))
    if base and _is_cyrillic(base[0]):
        base = base[0] + "".join(ch for ch in base[1:] if ch in _CYRILLIC_SPELLING_MARKS)
    return unicodedata.normalize("NFC", base)


def _drop(ch: str) -> bool:
    cat = unicodedata.category(ch)
    # format characters; combining marks left over after NFC (a stress mark has no composed letter)
    return cat == "Cf" or cat in ("Mn", "Me") or ch in "\u115f\u1160\u3164\uffa0"


def normalise(text: str) -> Mapped:
    """The text to match on (see the module's docstring) with its offset map."""
    if not _SUSPECT.search(text) and unicodedata.is_normalized("NFC", text) and not _ACCENTED_CYRILLIC.search(text):
        return Mapped(text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        # a cluster: one character, then the marks and format characters that follow it
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or unicodedata.category(text[j]) in ("Cf", "Mn", "Me")):
            j += 1
        cluster = text[i:j]
        kept = "".join(ch for ch in _cluster(cluster) if not _drop(ch))
        for ch in kept:
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return Mapped("".join(out), starts, ends)
