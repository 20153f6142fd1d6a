"""A suspicion of links to an armed group is no crime story: "Soldiers executed six men suspected of
collaborating with jihadists" is political violence (ACLED), though "suspected of" is a crime word
("a man suspected of theft"). The suspicion phrases are the language's (`events.toml`:
`suspicion_words`)."""

from __future__ import annotations

from ...text.doc import Doc
from .actors import ActorMention, actors_in
from .triggers import Hit, words

ARMED_REACH = 6   # "suspected of collaborating with jihadists": the armed group this close after


def armed_suspicion(doc: Doc, live: list[Hit], actors: list[ActorMention]) -> bool:
    """Is every crime word of the sentence a suspicion of links to a non-state armed group named
    right after it?"""
    phrases = words(doc.lang, "events", "suspicion_words")
    crime = [h for h in live if h.cls == "crime"]
    if not phrases or not crime:
        return False
    return all(h.entry.lower() in phrases and any(
        m.kind in ("rebel", "militia", "identity") and 0 < m.first - h.last <= ARMED_REACH for m in actors)
        for h in crime)


def suspicion_cleared(doc: Doc, si: int, live: list[Hit]) -> list[Hit]:
    """The live hits of sentence si less its crime words when they are all suspicions of armed links:
    the story is no crime story for them."""
    if not any(h.cls == "crime" for h in live):
        return live
    a, b = doc.sent_tokens[si]
    if not armed_suspicion(doc, live, actors_in(doc, a, b)):
        return live
    return [h for h in live if h.cls != "crime"]
