"""Stage 'boilerplate': character ranges that are not article content.

Photo captions and credits ("Мітинг у Полтаві / фото REUTERS", "Photo: Jane Roe via Reuters"),
"read also" links, share and subscribe lines. Later stages ignore anything inside these ranges
(`Context.skipped`), so a credited agency never becomes a source and a linked headline never
becomes an event. Patterns live in `resources/lexicons/<lang>/boilerplate.toml`; the files of all
languages are merged because reprints mix languages and the patterns never match ordinary prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import LEXICON_LANGS, load_lexicon
from .context import Context

MAX_CAPTION_LINE = 180  # a whole line is only dropped when it is short: captions, link headings
# where a run-on "read also" headline stops: a letter or closing mark glued to a capital letter
# ("…(фото, відео)За даними example.ru") — a new sentence that lost its line break
_GLUED = re.compile(r"(?<=[a-zа-яіїєґёʼ'’)»”\"!?.])(?=[A-ZА-ЯІЇЄҐЁ])")


@dataclass(slots=True, frozen=True)
class _Patterns:
    lines: re.Pattern[str] | None
    tails: re.Pattern[str] | None
    runon: re.Pattern[str] | None
    inline: re.Pattern[str] | None


def _join(parts: list[str]) -> re.Pattern[str] | None:
    # multiline: "^" and "$" are line bounds, so one pass over the whole text replaces a loop over lines
    return re.compile("|".join(f"(?:{p})" for p in parts), re.I | re.M) if parts else None


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    merged: dict[str, list[str]] = {"lines": [], "tails": [], "runon": [], "inline": []}
    for lang in LEXICON_LANGS:
        lex = load_lexicon(lang, "boilerplate")
        for key, bucket in merged.items():
            bucket.extend(p for p in lex.get(key, ()) if p not in bucket)
    return _Patterns(*(_join(merged[k]) for k in ("lines", "tails", "runon", "inline")))


def _line(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


def find_ranges(text: str) -> list[tuple[int, int]]:
    """Boilerplate ranges [start, end) of a text, merged and sorted."""
    pat = patterns()
    out: list[tuple[int, int]] = []
    whole: set[int] = set()   # starts of lines dropped whole
    if pat.lines:
        for m in pat.lines.finditer(text):
            a, b = _line(text, m.start())
            if a not in whole and len(text[a:b].strip()) <= MAX_CAPTION_LINE:
                whole.add(a)
                out.append((a, b))
    if pat.runon:
        for r in pat.runon.finditer(text):
            a, b = _line(text, r.start())
            if a in whole:
                continue
            # the headline's own first letter may touch the cue ('також"Нічний')
            first = next((i for i in range(r.end(), b) if text[i].isalnum()), b)
            g = _GLUED.search(text, first + 1, b)
            out.append((r.start(), g.start() if g else b))
    if pat.tails:
        for t in pat.tails.finditer(text):
            a, b = _line(text, t.start())
            if a not in whole:
                out.append((t.start(), b))
    if pat.inline:
        out.extend((i.start(), i.end()) for i in pat.inline.finditer(text))
    return _merge(out)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def run(ctx: Context) -> None:
    """Fill ctx.skip with the article's boilerplate ranges."""
    ctx.skip = _merge(ctx.skip + find_ranges(ctx.doc.text))
