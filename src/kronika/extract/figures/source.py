"""Who gave a figure: the attribution of its own clause (ctx.attributions, from the sources stage).

- An attribution named in the figure's clause wins ("а правозахисники повідомляють про 2600
  затриманих", "police said 40 were held"); the nearest one when there are several.
- Else the innermost attribution whose claim scope covers the figure ("По данным МВД, ...",
  "..., повідомили в ДСНС", "..., police said"), unless a contrast word stands between the figure
  and the name ("по данным властей, погибли 40, однако очевидцы говорят ..."): the name
  across "однако/але/but" speaks for the other claim.
- Else, when the figure's sentence names no source but its speaker is an anaphor by a speech verb
  or a frame noun ("По его словам, ...", "Они сообщили, что ...", "The ministry stated ...",
  "Комендант добавил, что ..."), the attribution it points back to within a few sentences: for
  a singular pronoun the last person named, for a plural one the last source, for a common noun
  the last source whose name or the words before it share the noun's lemma
  (`[source_anaphora]` of lexicons/<lang>/counts.toml).
- Else an attribution named (or pointed back to, as above) in the one or two sentences before, in the same paragraph, that the
  figure's sentence continues ("Губернатор сообщил об атаке. Ранены два человека."); a sentence
  that names another attribution, or has a speech cue of its own (`[cues]` of sources.toml: "said",
  "по данным": a source the sources stage did not resolve), ends that report.
- Else an outlet that signs the next sentence of the paragraph ("..., пишет Nur.kz.") when the
  figure's sentence has no source or speech cue of its own.
Clauses come from text/clauses.py; contrast words from `[contrast]` in lexicons/<lang>/counts.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...resources import lexicon_lang, load_lexicon
from ...text.clauses import clause_of
from ...text.doc import Doc, Token
from ..attribution.coref import name_pairs
from ..context import Context
from ..mentions import Attribution

_CARRY = 2   # sentences a report named before the figure still carries it
_BACK = 4    # sentences an anaphor ("he said", "the ministry stated") reaches back
_NEAR = 3    # tokens between an anaphor and its speech verb or frame noun
_ROLE = 6    # tokens before a name read as its role ("Комендант города ... Иван Петров")
_OUTLET_KINDS = frozenset({"outlet", "news_agency", "telegram", "social_media"})
_SURNAME_KINDS = frozenset({"official", "witness", "other"})
_PERSON_KINDS = frozenset({"official", "witness", "other", "police", "ngo"})


@dataclass(frozen=True, slots=True)
class Anaphora:
    gender: dict[str, str]     # singular pronoun (surface form) -> masc | femn: a person named before
    plural: frozenset[str]     # plural pronouns: any source named before
    frames: frozenset[str]     # "по его словам", "according to him"


@lru_cache(maxsize=8)
def anaphora(lang: str) -> Anaphora:
    raw = load_lexicon(lexicon_lang(lang), "counts").get("source_anaphora", {})

    def low(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in raw.get(key, []))

    gender = {w: g for g in ("masc", "femn") for w in low(g)}
    return Anaphora(gender=gender, plural=low("plural"), frames=low("frames"))


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
    if not any(doc.sentence_of(x.start) == si for x in ctx.attributions):
        back = _anaphoric(ctx, si)
        if back is not None:
            return back
    cover = [x for x in ctx.attributions if x.scope_start <= start < x.scope_end
             and not (doc.sentence_of(x.start) == si and _contrast_between(ctx, start, x.start))]
    if cover:
        return min(cover, key=lambda x: x.scope_end - x.scope_start).name
    return _carried(ctx, si) or _ahead(ctx, si)


def _ahead(ctx: Context, si: int) -> str | None:
    """An outlet that signs the next sentence of the paragraph ("В Казахстане вышли тысячи
    протестующих. Полиция применила силу, пишет Nur.kz."): its report takes in the paragraph's
    sentences before it, when the figure's sentence has no source or speech cue of its own."""
    doc = ctx.doc
    nxt = si + 1
    if nxt >= len(doc.sentences) or _paragraph_break(doc.text, doc.sentences[si].end, doc.sentences[nxt].start):
        return None
    if any(doc.sentence_of(x.start) == si for x in ctx.attributions) or _has_cue(ctx, si):
        return None
    signed = [x for x in ctx.attributions if doc.sentence_of(x.start) == nxt and x.kind in _OUTLET_KINDS
              and x.scope_end >= doc.sentences[nxt].end - 1]
    return signed[-1].name if signed else None


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
        told = _anaphoric(ctx, pj)
        if told is not None:
            return told   # "Комендант добавил, что ... . Разгромлены 120 магазинов."
    return None


def _person(x: Attribution) -> bool:
    """A person's name: two or more capitalised words of a person's kind ("Иван Петров"), or one
    such word of an official, witness or other source (a surname the sources stage kept alone)."""
    words = x.name.split()
    if x.kind not in _PERSON_KINDS or not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    return len(words) >= 2 or x.kind in _SURNAME_KINDS and words[0].isalpha()


def _anaphoric(ctx: Context, si: int) -> str | None:
    """The source an anaphoric speaker of sentence si points back to (see the module doc), or None."""
    doc = ctx.doc
    ana = anaphora(doc.lang)
    verbs, _ = speech_cues(doc.lang)
    toks = list(doc.sent_toks(si))
    if not toks:
        return None
    anchors = [t.i for t in toks if t.an.lemma in verbs or t.lower in verbs
               or t.lower in ana.frames or t.an.lemma.lower() in ana.frames]
    if not anchors:
        return None
    s0 = doc.sentences[si].start
    prior = [x for x in ctx.attributions if x.end <= s0 and doc.sentence_of(x.start) >= si - _BACK]
    if not prior:
        return None
    prior.sort(key=lambda x: x.start)
    for t in sorted(toks, key=lambda t: min(abs(t.i - c) for c in anchors)):
        if t.i in anchors:
            continue
        if min(abs(t.i - c) for c in anchors) > _NEAR:
            break
        if t.lower in ana.plural:
            return prior[-1].name
        if t.lower in ana.gender:
            want = ana.gender[t.lower]
            fits = [x for x in prior if _person(x) and _gender(doc, x) in (want, None)]
            return fits[-1].name if fits else None
        if _back_noun(doc, t, ana.frames):
            key = t.an.lemma.lower() or t.lower
            fits = [x for x in prior if key in _context_lemmas(ctx, x)]
            if fits:
                return fits[-1].name
    return None


def _gender(doc: Doc, x: Attribution) -> str | None:
    """The gender of a person source's first name, when the text's name pairs show it."""
    for p in name_pairs(doc):
        if p.start < x.end and x.start < p.end:
            return p.gender
    return None


def _back_noun(doc: Doc, t: Token, frames: frozenset[str]) -> bool:
    """A common noun that may name a source again: the subject ("Комендант добавил", "the ministry
    said") or the genitive after a frame noun ("по данным ведомства"); not a genitive after another
    noun ("Речник поліції пояснив": the spokesman spoke, not the police)."""
    if not t.is_word or len(t.text) < 4:
        return False
    if doc.lang == "en":
        return t.text.islower() and t.i > 0 and doc.tokens[t.i - 1].lower in ("the", "this")
    if t.an.pos != "NOUN":
        return False
    prev = doc.tokens[t.i - 1] if t.i > 0 else None
    after_frame = prev is not None and (prev.lower in frames or prev.an.lemma.lower() in frames)
    return t.an.case in ("nomn", None) or after_frame


def _context_lemmas(ctx: Context, x: Attribution) -> set[str]:
    """Lemmas of a source's name and of the words right before it in its sentence (its role)."""
    doc = ctx.doc
    first, last = doc.token_at(x.start), doc.token_at(max(x.end - 1, x.start))
    sent = doc.tokens[first].sent
    lo = first
    while lo > 0 and first - lo < _ROLE and doc.tokens[lo - 1].sent == sent and doc.tokens[lo - 1].is_word:
        lo -= 1
    return {(t.an.lemma or t.lower).lower() for t in doc.tokens[lo:last + 1] if t.is_word}
