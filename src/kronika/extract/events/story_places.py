"""Places of a sentence that are not where its event happened, whatever the language:

- the dateline of a wire story ("ABUJA, Nigeria (Reuters) -", "KYIV —") is where the story was
  filed: the place of an event only when the event's own sentence names no other place;
- a place inside quoted speech ("'Paris does not listen,' said a farmer who joined the blockade")
  is the speaker's, not the place of an act the narrator reports outside the quote;
- a place of another incident ("The killing came a week after a similar attack in Gusau") does not
  place the act the sentence refers back to;
- a capital speaking for its state ("Washington condemned the attack") is no place at all.
"""

from __future__ import annotations

from ...text.doc import Doc
from ..context import Context
from ..mentions import PlaceMention
from ..places.locate import _dateline
from .cause import in_grievance
from .triggers import Hit, is_in, words

OTHER_REACH = 5   # "a similar attack in Gusau": the word of another incident this close before the place


def without_dateline(ctx: Context, places: list[PlaceMention]) -> list[PlaceMention]:
    """`places` (of one sentence) less the story's dateline when another place is among them:
    "ABUJA (Reuters) - Gunmen kidnapped 20 villagers near Gusau" is one event, near Gusau."""
    dl = _dateline(ctx)
    if dl is None or not any(p is dl for p in places):
        return places
    rest = [p for p in places if p is not dl]
    return rest if rest else places


def list_sentence(ctx: Context, p: PlaceMention) -> bool:
    """Is p one town of a list in its sentence (two or more distinct towns; a dateline is none)?"""
    s = ctx.doc.sentences[ctx.doc.sentence_of(p.start)]
    keys = {m.geonameid or m.name.lower() for m in without_dateline(
        ctx, [m for m in ctx.places if s.start <= m.start < s.end]) if m.kind in ("city", "district")}
    return len(keys) >= 2


def outside_quotes(ctx: Context, places: list[PlaceMention], hits: list[Hit] | tuple[Hit, ...]) -> list[PlaceMention]:
    """`places` less those inside a quotation that holds none of the event's trigger words."""
    if not hits or not ctx.quotes:
        return places
    spans = [(q.evidence[0].start, q.evidence[0].end) for q in ctx.quotes if q.evidence]
    own = [(a, b) for a, b in spans if any(a <= h.start < b for h in hits)]
    return [p for p in places if not any(a <= p.start < b for a, b in spans if (a, b) not in own)]


def other_incident(doc: Doc, p: PlaceMention) -> bool:
    """Is the place that of another incident: a word like "similar", "another", "previous"
    (`modality.toml: other_incident`) up to OTHER_REACH words before it, in its sentence?"""
    other = words(doc.lang, "modality", "other_incident")
    k = doc.token_at(p.start)
    si = doc.tokens[k].sent
    return bool(other) and any(is_in(t, other) for t in doc.tokens[max(k - OTHER_REACH, 0):k] if t.sent == si)


def metonym(doc: Doc, p: PlaceMention) -> bool:
    """Is the town the subject of a verb of speech or reaction right after it ("Washington condemned",
    "Moscow denied": `modality.toml: metonym_verbs`)?"""
    verbs = words(doc.lang, "modality", "metonym_verbs")
    k = doc.token_at(max(p.end - 1, p.start)) + 1
    return bool(verbs) and k < len(doc.tokens) and doc.tokens[k].sent == doc.tokens[k - 1].sent \
        and is_in(doc.tokens[k], verbs)


def not_borrowed(ctx: Context, p: PlaceMention, hits: list[Hit] | tuple[Hit, ...], end: int) -> bool:
    """May an event whose sentence (ending at `end`) names no place of its own not take p from the
    story? Not a place in a quote's speech, a capital speaking for its state, nor another incident's
    place named after the event."""
    return not outside_quotes(ctx, [p], hits) or metonym(ctx.doc, p) or (p.start >= end and other_incident(ctx.doc, p))


def not_own(ctx: Context, p: PlaceMention, hits: list[Hit] | tuple[Hit, ...]) -> bool:
    """Is p, named in the event's own sentence, still not its place: a town of what the gathering
    protests ("against the killing of a student in X") or a capital speaking ("..., Moscow said")?"""
    return in_grievance(ctx.doc, p.start, hits) or metonym(ctx.doc, p)
