"""Who gave a figure: the attribution of its own clause (ctx.attributions, from the sources stage).

- An attribution named in the figure's clause wins ("а правозахисники повідомляють про 2600
  затриманих", "police said 40 were held"); the nearest one when there are several.
- Else the innermost attribution whose claim scope covers the figure ("По данным МВД, ...",
  "..., повідомили в ДСНС", "..., police said"), unless a contrast word stands between the figure
  and the name ("по данным властей, погибли 40, однако очевидцы говорят ..."): the name
  across "однако/але/but" speaks for the other claim.
- Else an attribution named in the one or two sentences before, in the same paragraph, that the
  figure's sentence continues ("Губернатор сообщил об атаке. Ранены два человека."); a sentence
  that names another attribution, or has a speech cue of its own (`[cues]` of sources.toml: "said",
  "по данным": a source the sources stage did not resolve), ends that report.
Clauses come from text/clauses.py; contrast words from `[contrast]` in lexicons/<lang>/counts.toml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...resources import lexicon_lang, load_lexicon
from ...text.clauses import clause_of
from ..context import Context
from ..mentions import Attribution

_CARRY = 2   # sentences a report named before the figure still carries it


@lru_cache(maxsize=8)
def contrast_words(lang: str) -> frozenset[str]:
    raw = load_lexicon(lexicon_lang(lang), "counts").get("contrast", {})
    return frozenset(w.lower() for w in raw.get("words", []))


@lru_cache(maxsize=8)
def speech_cues(lang: str) -> tuple[frozenset[str], re.Pattern[str] | None]:
    """Speech verbs (lemmas) and the phrases before a source ("по данным") of sources.toml."""
    raw = load_lexicon(lexicon_lang(lang), "sources").get("cues", {})
    verbs = frozenset(v.lower() for v in raw.get("verbs", []))
    before = list(raw.get("before", {}))
    pat = re.compile("|".join(f"(?:{b})" for b in before), re.I) if before else None
    return verbs, pat


def _has_cue(ctx: Context, si: int) -> bool:
    doc = ctx.doc
    verbs, before = speech_cues(doc.lang)
    if any(t.an.lemma in verbs or t.lower in verbs for t in doc.sent_toks(si)):
        return True
    return before is not None and before.search(doc.sent_text(si)) is not None


def _contrast_between(ctx: Context, a: int, b: int) -> bool:
    """Is a contrast word among the tokens between character offsets a and b?"""
    doc = ctx.doc
    words = contrast_words(doc.lang)
    lo, hi = doc.token_at(min(a, b)), doc.token_at(max(a, b))
    return any(doc.tokens[i].lower in words for i in range(lo + 1, hi))


def _paragraph_break(text: str, a: int, b: int) -> bool:
    return "\n" in text[a:b]


def figure_source(ctx: Context, start: int) -> str | None:
    """The name of the source that gave the figure starting at `start`, or None."""
    doc = ctx.doc
    if not ctx.attributions or not doc.tokens:
        return None
    ti = doc.token_at(start)
    si = doc.tokens[ti].sent
    cl = clause_of(doc, ti)
    if cl is not None:
        own = [x for x in ctx.attributions if cl.start <= x.start < cl.end]
        if own:
            return min(own, key=lambda x: abs(x.start - start)).name
    cover = [x for x in ctx.attributions if x.scope_start <= start < x.scope_end
             and not (doc.sentence_of(x.start) == si and _contrast_between(ctx, start, x.start))]
    if cover:
        return min(cover, key=lambda x: x.scope_end - x.scope_start).name
    return _carried(ctx, si)


def _carried(ctx: Context, si: int) -> str | None:
    """An attribution named in the sentences just before, in the same paragraph and with no
    other attribution in between: its report goes on."""
    doc = ctx.doc
    s = doc.sentences[si]
    if any(doc.sentence_of(x.start) == si for x in ctx.attributions) or _has_cue(ctx, si):
        return None   # the sentence names its own source (for another claim, or one unresolved)
    for back in range(1, _CARRY + 1):
        pj = si - back
        if pj < 0 or _paragraph_break(doc.text, doc.sentences[pj].end, s.start):
            return None
        named: list[Attribution] = [x for x in ctx.attributions if doc.sentence_of(x.start) == pj]
        if named:
            return max(named, key=lambda x: x.start).name
    return None
