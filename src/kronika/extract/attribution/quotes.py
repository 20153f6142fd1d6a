"""Stage 'quotes': direct speech with its speaker, the speaker's role and the relaying outlet.

A quoted passage («…», „…“, “…”, "…") is direct speech when a verb of saying is attached to it:
`"…", – заявив X` / `"…," X said` after it, or `X заявив: «…»` before it. The speaker and the
outlet come from the attributions the sources stage found around the passage; names in quotes
(«Комора», "Газовий майдан") have no such verb and stay out.
"""

from __future__ import annotations

import re

from ...model import Quote, Span
from ...text.doc import Doc
from ..context import Context
from ..mentions import Attribution
from .coref import role_after, role_before
from .cues import speech_cue_near
from .lexicon import fold, known_names, words

# opening mark -> closing marks
_PAIRS = {"«": "»", "„": "“”\"", "“": "”", "\"": "\"", "‘": "’"}
_MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")
_RELAY_KINDS = ("outlet", "news_agency", "telegram", "social_media")


_MARKS = re.compile("[«»„“”\"‘’\n]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Inner ranges [start, end) of quoted passages, outermost only, not crossing paragraphs.
    Only the quote marks are visited (a regex over the text), not every character."""
    marks = [(m.start(), m.group(0)) for m in _MARKS.finditer(text)]
    out: list[tuple[int, int]] = []
    i, n = 0, len(marks)
    while i < n:
        pos, ch = marks[i]
        closers = _PAIRS.get(ch)
        # a straight quote opens only at a word start: after space, dash or line start
        if closers is None or (ch == '"' and pos > 0 and not (text[pos - 1].isspace() or text[pos - 1] in "(–—-:")):
            i += 1
            continue
        depth, j, end = 0, i + 1, -1
        while j < n and marks[j][1] != "\n":
            c = marks[j][1]
            if c == ch and ch in "«„“" and c not in closers:
                depth += 1
            elif c in closers:
                if depth == 0:
                    end = j
                    break
                depth -= 1
            j += 1
        if end >= 0 and marks[end][0] > pos + 1:
            out.append((pos + 1, marks[end][0]))
            i = end + 1
        else:
            i += 1
    return out


_AFTER = re.compile(r"^\s*[,.!?…]?\s*[,]?\s*[–—-]?\s*", re.U)


def run(ctx: Context) -> None:
    """Fill ctx.quotes from quoted passages that a speech verb attaches to a speaker."""
    doc = ctx.doc
    text = doc.text
    for a, b in quoted_spans(text):
        if ctx.skipped(a, b):
            continue
        inner = text[a:b].strip()
        if sum(1 for w in inner.split() if _WORD.search(w)) < _MIN_WORDS:   # "Вакцина-М-2" is a name
            continue
        side = speech_cue_near(doc, a - 1, b + 1)
        if side is None:
            continue
        speaker, via = _speaker_and_via(ctx, a, b, side)
        sa = a + (len(text[a:b]) - len(text[a:b].lstrip()))
        sb = sa + len(inner)
        qtext = inner.rstrip(",")
        sb = sa + len(qtext)
        ev = [Span.of(text, sa, sb)]
        role = None
        if speaker is not None:
            ev.append(Span.of(text, speaker.start, speaker.end))
            role = role_before(doc, speaker.start) or role_after(doc, speaker.end)
        via_name = via.name if via else _told_agency(doc, a, b)
        ctx.quotes.append(Quote(text=qtext, speaker=speaker.name if speaker else None,
                                speaker_role=role, via=via_name, evidence=ev))




def _told_agency(doc: Doc, a: int, b: int) -> str | None:
    """'"…," a protester told Reuters': the agency spoken to relays the quote (a known outlet only)."""
    s = doc.sentences[doc.sentence_of(b)]
    m = words().told.search(doc.text, b, s.end)
    if m is None:
        return None
    name = m.group(1).rstrip(".-")
    return name if known_names().get(fold(name)) in _RELAY_KINDS else None


def _speaker_and_via(ctx: Context, a: int, b: int, side: str) -> tuple[Attribution | None, Attribution | None]:
    """The nearest person-like attribution on the cue's side of the quote, and an outlet that relays it."""
    doc = ctx.doc
    if side == "after":
        si = doc.sentence_of(b)
        lo, hi = b, doc.sentences[si].end
    else:
        si = doc.sentence_of(a)
        lo, hi = doc.sentences[si].start, a
    near = sorted((x for x in ctx.attributions if lo <= x.start < hi), key=lambda x: abs(x.start - (b if side == "after" else a)))
    # outlets relay speech; they are the speaker only when named as the writer ("пише газета …")
    speaker = next((x for x in near if x.kind not in _RELAY_KINDS), None)
    if speaker is None and _has_pronoun(doc.text[lo:hi][:60]):
        # '"…", – додав він': the person who spoke last before the quote
        before = [x for x in ctx.attributions if x.end <= a and x.kind not in _RELAY_KINDS
                  and x.name[:1].isupper() and not x.name.isupper()]
        speaker = before[-1] if before else None
    si2 = doc.sentence_of(b)
    s = doc.sentences[si2]
    via = next((x for x in ctx.attributions
                if s.start <= x.start < s.end and x.kind in _RELAY_KINDS and x is not speaker
                and not (a <= x.start < b)), None)
    return speaker, via


def _has_pronoun(text: str) -> bool:
    """A personal pronoun ("вона", "he") as a word of the text."""
    return any(w in words().pronouns for w in re.findall(r"\w+", text.lower()))
