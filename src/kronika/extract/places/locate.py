"""Where an event happened: the place of an event's clause, else the story's (`event_place`)."""

from __future__ import annotations

import re
from collections import Counter

from ...resources.gazetteer import ADMIN1, CITY, COUNTRY
from ...text.doc import Doc
from ...text.normalise import norm
from ..context import Context
from ..mentions import PlaceMention
from .forms import ADJ_SCORE, Lexicon, lexicon

# ---------------------------------------------------------------------------------------------
# event location

_PARA = re.compile(r"\n\s*\n|\n")
_SPECIFIC = {CITY: 0, "district": 0, ADMIN1: 1, COUNTRY: 2}


def _paragraph_start(text: str, offset: int) -> int:
    k = text.rfind("\n", 0, offset)
    return k + 1 if k >= 0 else 0


def _near(doc: Doc, lx: Lexicon, m: PlaceMention) -> bool:
    """'под Харьковом', 'near Minsk', 'в районі Києва', 'near the town of Bakhmut', 'близ села X':
    the event is near the place. Up to four words back, over prepositions and settlement nouns."""
    k = doc.token_at(m.start) - 1
    sent = doc.tokens[k + 1].sent
    for _ in range(4):
        if k < 0 or doc.tokens[k].sent != sent:
            return False
        t = doc.tokens[k]
        w = norm(t.text)
        if w in lx.near_cues or t.an.lemma in lx.near_cues:
            # "в Шевченківському районі Києва", "in Kyiv's Podilskyi district": a district of the
            # town is in it; "в районі Бахмута" (the area of) is near it
            return not (t.an.lemma in lx.district_nouns and k > 0 and doc.tokens[k - 1].an.pos == "ADJF")
        if t.an.pos != "PREP" and w not in lx.near_skip and t.an.lemma not in lx.near_skip:
            return False
        k -= 1
    return False


def _locative(doc: Doc, lx: Lexicon, m: PlaceMention) -> bool:
    """'в Афганистане', 'під Харковом': a locative preposition right before the place."""
    k = doc.token_at(m.start) - 1
    return k >= 0 and doc.tokens[k].sent == doc.tokens[k + 1].sent and doc.tokens[k].lower in lx.locative_preps


def _genitive_modifier(doc: Doc, m: PlaceMention) -> bool:
    """'одне з міст Казахстану', 'cities of Kazakhstan': the country qualifies another noun."""
    t = doc.tokens[doc.token_at(m.start)]
    if doc.lang == "en":
        k = t.i - 1
        return k >= 0 and doc.tokens[k].text.lower() == "of"
    if t.an.case != "gent":
        return False
    k = t.i - 1
    return k >= 0 and doc.tokens[k].an.pos in ("NOUN",) and doc.tokens[k].sent == t.sent


def _line_start(text: str, offset: int) -> int:
    k = offset
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k if k == 0 or text[k - 1] == "\n" else -1


def _dateline(ctx: Context) -> PlaceMention | None:
    """'MINSK (Reuters) -', 'КИЇВ, 5 січня -', 'Minsk (AP) -': a town opening a line near the top,
    in capitals or followed by a bracket, comma or dash."""
    for m in ctx.places:
        if m.start > 80:
            return None
        if m.kind == CITY and (m.text.isupper() or (m.start == _line_start(ctx.doc.text, m.start)
                                                    and ctx.doc.text[m.end:m.end + 3].lstrip()[:1] in ("(", ",", "—", "-", "–"))):
            return m
    return None


def event_place(ctx: Context, start: int, end: int) -> tuple[PlaceMention, int] | None:
    """Where an event happened and its ACLED geo_precision, for the event whose clause is text[start:end].

    Call it from the events stage after `run` has filled ctx.places, with the span of the clause
    (or sentence) that reports the event:

        found = places.event_place(ctx, clause_start, clause_end)
        if found:
            pm, precision = found   # Event(location=pm.name, geonameid=pm.geonameid, country=pm.country,
                                    #       admin1=pm.admin1, latitude=pm.latitude, longitude=pm.longitude,
                                    #       geo_precision=precision)

    The order of evidence: (1) the most specific place inside the clause - a town (precision 1, or 2
    when the text says "near"/"під"/"под"), a region (3, at its centre) or a country (3, at its capital);
    a country that only qualifies a noun ("одне з міст Казахстану") yields to a town of that country
    named just before; (2) the last town named before the clause in the same paragraph (1), else
    earlier in the article (2); (3) the dateline ("MINSK (Reuters)", 2); (4) a region or country
    named before the clause or anywhere in the article (3). None when the article names no place.
    Places read only from adjectives ("київська поліція") count only when nothing else is there (2).
    """
    doc = ctx.doc
    lx = lexicon(doc.lang)
    places = [m for m in ctx.places if not ctx.skipped(m.start, m.end)]
    inside = [m for m in places if start <= m.start and m.end <= end and m.score > ADJ_SCORE]
    before = [m for m in places if m.end <= start and m.score > ADJ_SCORE]
    para = _paragraph_start(doc.text, start)
    if inside:
        # of equally specific places, one the clause puts the event in ("взрыв в Афганистане") before
        # one that only qualifies a noun ("военнослужащий США")
        best = min(inside, key=lambda m: (_SPECIFIC.get(m.kind, 2), not _locative(doc, lx, m), m.start))
        if best.kind in (CITY, "district"):   # a district is the area around its centre town
            return best, 2 if best.kind == "district" or _near(doc, lx, best) else 1
        if best.kind == COUNTRY and _genitive_modifier(doc, best):
            prev = [m for m in before if m.kind == CITY and m.country == best.country
                    and m.start >= _paragraph_start(doc.text, max(para - 1, 0))]
            if prev:
                return prev[-1], 1
        return best, 3
    dl = _dateline(ctx)
    towns = [m for m in before if m.kind in (CITY, "district") and m is not dl]
    if towns:
        same_para = [m for m in towns if m.start >= para]
        if same_para:
            return same_para[-1], 2 if same_para[-1].kind == "district" else 1
        return towns[-1], 2
    adj = [m for m in places if start <= m.start and m.end <= end and m.score <= ADJ_SCORE and m.kind == CITY]
    if adj:
        return adj[0], 2
    if dl is not None:
        return dl, 2
    wide = [m for m in before if m.kind in (ADMIN1, COUNTRY)]
    if wide:
        return min(wide[-3:], key=lambda m: _SPECIFIC[m.kind]), 3
    countries = Counter(m.country for m in places if m.country)
    if countries:
        cc = countries.most_common(1)[0][0]
        cm = next((m for m in places if m.country == cc and m.kind == COUNTRY), None)
        if cm is not None:
            return cm, 3
        any_m = next(m for m in places if m.country == cc)
        return any_m, 3 if any_m.kind != CITY else 2
    return None
