"""Where a figure applies: one place, or a whole country.

"Across the country 225 people were killed" or "in Kazakhstan, 225 died" is a national toll; it is
not the fatalities of the one city the article is about, and its location is the country, not that
city. A figure is national when its sentence says so in words (`lexicons/<lang>/extent.toml`,
`national`) or names a country after a locative preposition and no more precise place. Runs after
the counts stage and before the events: the coder and the incident figures read `Count.scope`.
"""

from __future__ import annotations

from functools import cache

from ...model import Count
from ...resources import lexicon_lang, load_lexicon
from ...text.doc import Doc
from ..context import Context
from ..events.triggers import Matcher
from ..mentions import PlaceMention

NATIONAL = "national"
PRECISE_KINDS = frozenset({"city", "district", "admin1"})


@cache
def _matcher(lang: str) -> Matcher:
    return Matcher(lexicon_lang(lang), [("extent", "phrases")])


@cache
def _prepositions(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_lexicon(lang, "extent").get("country_prepositions", []))


def _country_scope(doc: Doc, places: list[PlaceMention], a: int, b: int) -> PlaceMention | None:
    """The country the sentence [a, b) (token range) gives as the scope, when it names no finer place."""
    lo, hi = doc.tokens[a].start, doc.tokens[b - 1].end
    here = [p for p in places if lo <= p.start < hi]
    if not here or any(p.kind in PRECISE_KINDS for p in here):
        return None
    preps = _prepositions(doc.lang)
    for p in here:
        if p.kind != "country":
            continue
        i = doc.token_at(p.start)
        if i > a and doc.tokens[i - 1].lower in preps:
            return p
    return None


def scope_of(ctx: Context, count: Count) -> tuple[str | None, str | None]:
    """(scope, location) of a figure: ("national", country name or None) or (None, its location)."""
    if not count.evidence:
        return None, count.location
    doc = ctx.doc
    si = doc.sentence_of(count.evidence[0].start)
    a, b = doc.sent_tokens[si]
    if a >= b:
        return None, count.location
    if _matcher(doc.lang).find(doc, a, b):
        country = _country_scope(doc, ctx.places, a, b)
        return NATIONAL, country.name if country else None
    country = _country_scope(doc, ctx.places, a, b)
    if country is not None:
        return NATIONAL, country.name
    return None, count.location


def run(ctx: Context) -> None:
    for c in ctx.counts:
        scope, location = scope_of(ctx, c)
        if scope is not None:
            c.scope, c.location = scope, location
