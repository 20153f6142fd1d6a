"""Places of a sentence that are not where its event happened, whatever the language:

- the dateline of a wire story ("ABUJA, Nigeria (Reuters) -", "KYIV —") is where the story was
  filed: the place of an event only when the event's own sentence names no other place;
- a place inside quoted speech ("'Paris does not listen,' said a farmer who joined the blockade")
  is the speaker's, not the place of an act the narrator reports outside the quote.
"""

from __future__ import annotations

from ..context import Context
from ..mentions import PlaceMention
from ..places.locate import _dateline
from .triggers import Hit


def without_dateline(ctx: Context, places: list[PlaceMention]) -> list[PlaceMention]:
    """`places` (of one sentence) less the story's dateline when another place is among them:
    "ABUJA (Reuters) - Gunmen kidnapped 20 villagers near Gusau" is one event, near Gusau."""
    dl = _dateline(ctx)
    if dl is None or not any(p is dl for p in places):
        return places
    rest = [p for p in places if p is not dl]
    return rest if rest else places


def outside_quotes(ctx: Context, places: list[PlaceMention], hits: list[Hit] | tuple[Hit, ...]) -> list[PlaceMention]:
    """`places` less those inside a quotation that holds none of the event's trigger words."""
    if not hits or not ctx.quotes:
        return places
    spans = [(q.evidence[0].start, q.evidence[0].end) for q in ctx.quotes if q.evidence]
    own = [(a, b) for a, b in spans if any(a <= h.start < b for h in hits)]
    return [p for p in places if not any(a <= p.start < b for a, b in spans if (a, b) not in own)]
