"""A perfect over a span of time is a summary, not a report: "rebels have besieged the town for two
weeks", "the city has been under siege for more than a month", "gangs have abducted hundreds of
people this year". The act is the backdrop of the story, with no day of its own to code.

The words are the language's (`modality.toml`: `span_aux`, `span_preps`, `span_nouns`, `span_this`,
`span_this_nouns`);
a language that lists none is not read this way.
"""

from __future__ import annotations

from ...text.doc import Doc
from .triggers import Hit, is_in, words

AUX_REACH = 3    # "have besieged", "has been under siege": the auxiliary this close before the act
SPAN_REACH = 4   # "for more than a month": the span noun this close after its preposition


def perfect_span(doc: Doc, clause_first: int, clause_last: int, hit: Hit) -> bool:
    """Is the trigger a perfect (an auxiliary just before it in its clause [clause_first,
    clause_last)) whose clause spans a stretch of time after it: a preposition of duration before a
    noun of weeks, months or years ("for two decades"), or a long span of the present ("this year";
not "this week", which dates a recent act)?"""
    aux = words(doc.lang, "modality", "span_aux")
    if not aux:
        return False
    toks = doc.tokens
    lo = max(hit.first - AUX_REACH, clause_first)
    if not any(is_in(t, aux) for t in toks[lo:hit.first]):
        return False
    preps, nouns = words(doc.lang, "modality", "span_preps"), words(doc.lang, "modality", "span_nouns")
    this, long = words(doc.lang, "modality", "span_this"), words(doc.lang, "modality", "span_this_nouns")
    for k in range(hit.last + 1, clause_last):
        t = toks[k]
        if is_in(t, preps) and any(is_in(u, nouns) for u in toks[k + 1:min(k + 1 + SPAN_REACH, clause_last)]):
            return True
        if is_in(t, this) and any(is_in(u, long) for u in toks[k + 1:min(k + SPAN_REACH, clause_last)]):
            return True
    return False


def pluperfect(doc: Doc, sent_first: int, hit: Hit) -> bool:
    """'The officers had shot the man during clashes': the past perfect ("had", as written: its
    lemma is every form of "have") within AUX_REACH before the trigger, in its sentence."""
    aux = words(doc.lang, "modality", "pluperfect_aux")
    toks = doc.tokens
    return bool(aux) and any(toks[k].lower in aux for k in range(max(hit.first - AUX_REACH, sent_first), hit.first))
