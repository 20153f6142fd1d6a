"""A recollection told on in the past perfect: "A court convicted two officers of killing a protester
during demonstrations in 2017. The officers had shot the man during clashes in Kisumu." The undated
act in the past perfect right after a sentence that names an earlier year belongs to that year."""

from __future__ import annotations

from ..context import Context
from .attach import NON_TRIGGER, own_past_date
from .modality import _noun_like, historic_year
from .perfect import pluperfect
from .triggers import Hit


def recalled(ctx: Context, si: int, live: list[Hit]) -> bool:
    """Are all the acts of sentence si in the past perfect, undated, after a sentence naming a year
    well before publication?"""
    doc = ctx.doc
    if si == 0:
        return False
    a = doc.sent_tokens[si][0]
    acts = [h for h in live if h.cls not in NON_TRIGGER]
    told = [h for h in acts if pluperfect(doc, a, h)]
    # the verb in the past perfect, the other acts nouns after it ("had shot the man during clashes")
    if not told or own_past_date(ctx, si) or any(
            h not in told and (h.first < told[0].first or not _noun_like(doc.tokens[h.first])) for h in acts):
        return False
    prev = doc.sentences[si - 1]
    return historic_year(doc, prev.start, prev.end, doc.published)
