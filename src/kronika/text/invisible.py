"""Invisible characters out of the way of matching, with every offset kept on the original text.

Soft hyphens, zero-width spaces and joiners, byte-order marks and other format characters (Unicode
category Cf) split words for the tokenizer and the lexicons ("про\u00adтест" is one word to a
reader); combining accents (a stress mark on a Cyrillic vowel, an "e" plus U+0301) do the same.
`normalise` gives the text to match on: format characters removed, NFC, accents on Cyrillic letters
removed unless they spell a letter (й ё ї ў), combining marks that NFC could not join removed. `Mapped.span` turns a [start, end) on that text back into
the original's, so every span the extractors find points at the text the user gave.

The map is built per grapheme-like cluster (a starter with the marks and format characters after
it): each output character knows the original cluster it came from. Only the clusters holding an
invisible character or an accent change; text without any is returned as it is, with no map (the
common case costs one scan).
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


_TRIGGER = re.compile(f"{_SUSPECT.pattern}|{_ACCENTED_CYRILLIC.pattern}")


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


def _attached(ch: str) -> bool:
    """Belongs to the cluster of the character before it: a combining mark or a format character."""
    return bool(unicodedata.combining(ch)) or unicodedata.category(ch) in ("Cf", "Mn", "Me")


def _cluster_end(text: str, i: int) -> int:
    j, n = i + 1, len(text)
    while j < n and _attached(text[j]):
        j += 1
    return j


def normalise(text: str) -> Mapped:
    """The text to match on (see the module's docstring) with its offset map."""
    nfc = unicodedata.is_normalized("NFC", text)
    if nfc and not _TRIGGER.search(text):
        return Mapped(text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def copy(a: int, b: int) -> None:  # characters that stay as they are
        out.append(text[a:b])
        starts.extend(range(a, b))
        ends.extend(range(a + 1, b + 1))

    def rework(a: int, b: int) -> None:  # one cluster, normalised
        kept = "".join(ch for ch in _cluster(text[a:b]) if not _drop(ch))
        out.append(kept)
        starts.extend([a] * len(kept))
        ends.extend([b] * len(kept))

    i, n = 0, len(text)
    if not nfc:  # rare: every cluster goes through NFC
        while i < n:
            j = _cluster_end(text, i)
            rework(i, j)
            i = j
        return Mapped("".join(out), starts, ends)
    # NFC already: only the clusters holding an invisible character or a stressed letter change,
    # the stretches between them are copied (a stretch of NFC text split at cluster bounds stays NFC)
    for m in _TRIGGER.finditer(text):
        k = m.start()
        if k < i:
            continue  # inside the cluster just reworked
        start = k
        if _attached(text[k]):
            while start > i and _attached(text[start - 1]):
                start -= 1
            if start > i:
                start -= 1  # the letter the marks belong to
        copy(i, start)
        i = _cluster_end(text, start)
        rework(start, i)
    copy(i, n)
    return Mapped("".join(out), starts, ends)
