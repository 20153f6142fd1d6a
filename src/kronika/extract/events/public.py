"""Acts in a public place that ACLED codes for what they are there: a hunger strike held on a square,
in a tent or outside a building is a protest (a gathering, not a private fast), and a gunman opening
fire at passers-by or in a shopping centre attacks civilians (an attack, whoever he is). Word lists
are `public_places`, `public_victims` and `shooting_words` of `lexicons/<lang>/events.toml`, matched
on lemmas (or as written)."""

from __future__ import annotations

from ...text.doc import Doc
from .triggers import Hit, is_in, words

PUBLIC_REACH = 5   # "объявил голодовку на центральной площади", "відкрив вогонь з автомата по людях"
SETTING_REACH = 8  # "в торговом центре в Умани мужчина открыл огонь": the place told before the act


def _public_after(doc: Doc, first: int, b: int, keys: tuple[str, ...], before: int | None = None) -> bool:
    """Is one of the word lists' words within PUBLIC_REACH tokens after token `first` (in the sentence
    ending at b), or, given the act's first token `before`, within SETTING_REACH tokens before it?"""
    ws = frozenset().union(*(words(doc.lang, "events", k) for k in keys))
    near = doc.tokens[first + 1:min(b, first + 1 + PUBLIC_REACH)]
    if before is not None:
        a = doc.sent_tokens[doc.tokens[before].sent][0]
        near = doc.tokens[max(a, before - SETTING_REACH):before] + near
    return any(is_in(t, ws) for t in near)


def public_hunger(doc: Doc, h: Hit, b: int) -> Hit:
    """'объявил голодовку на площади', 'голодують у наметі біля ОДА': a hunger strike in a public
    place is a gathering (class demo); elsewhere ("голодовка в СИЗО") it stays a hunger strike."""
    if h.cls != "hunger" or not _public_after(doc, h.last, b, ("public_places",)):
        return h
    return Hit("demo", h.first, h.last, h.start, h.end, h.entry)


def public_shooting(doc: Doc, live: list[Hit], b: int) -> bool:
    """'открыл стрельбу в торговом центре', 'стріляв по перехожих': a firearm used (a lethal trigger
    with a word of shooting) at random people or in a public place."""
    shooting = words(doc.lang, "events", "shooting_words")
    return any(h.cls == "lethal" and any(is_in(t, shooting) for t in doc.tokens[h.first:h.last + 1])
               and _public_after(doc, h.last, b, ("public_places", "public_victims"), h.first) for h in live)
