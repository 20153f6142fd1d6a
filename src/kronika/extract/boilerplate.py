"""Stage 'boilerplate': character ranges that are not article content.

Photo captions and credits ("Протести у Казахстані / фото REUTERS", "Photo: BelaPAN via Reuters"),
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
_LINE = re.compile(r"[^\n]+")
# where a run-on "read also" headline stops: a letter or closing mark glued to a capital letter
# ("…(фото, відео)За даними tass.ru") — a new sentence that lost its line break
_GLUED = re.compile(r"(?<=[a-zа-яіїєґёʼ'’)»”\"!?.])(?=[A-ZА-ЯІЇЄҐЁ])")


@dataclass(slots=True, frozen=True)
class _Patterns:
    lines: re.Pattern[str] | None
    tails: re.Pattern[str] | None
    runon: re.Pattern[str] | None
    inline: re.Pattern[str] | None


def _join(parts: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.I) if parts else None


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    merged: dict[str, list[str]] = {"lines": [], "tails": [], "runon": [], "inline": []}
    for lang in LEXICON_LANGS:
        lex = load_lexicon(lang, "boilerplate")
        for key, bucket in merged.items():
            bucket.extend(p for p in lex.get(key, ()) if p not in bucket)
    return _Patterns(*(_join(merged[k]) for k in ("lines", "tails", "runon", "inline")))


def find_ranges(text: str) -> list[tuple[int, int]]:
    """Boilerplate ranges [start, end) of a text, merged and sorted."""
    pat = patterns()
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        a, b = m.start(), m.end()
        line = m.group(0)
        if pat.lines and len(line.strip()) <= MAX_CAPTION_LINE and pat.lines.search(line):
            out.append((a, b))
            continue
        if pat.runon:
            r = pat.runon.search(line)
            if r:
                # the headline's own first letter may touch the cue ('також"Газовий')
                first = next((i for i in range(r.end(), len(line)) if line[i].isalnum()), len(line))
                g = _GLUED.search(line, first + 1)
                out.append((a + r.start(), a + (g.start() if g else len(line))))
        if pat.tails:
            t = pat.tails.search(line)
            if t:
                out.append((a + t.start(), b))
        if pat.inline:
            out.extend((a + i.start(), a + i.end()) for i in pat.inline.finditer(line))
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
