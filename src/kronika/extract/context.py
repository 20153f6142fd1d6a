"""The state one article's extraction builds up, stage by stage (no globals, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Count, Event, Quote, Source
from ..text.doc import Doc
from .mentions import Attribution, DateMention, NumberMention, PlaceMention


@dataclass(slots=True)
class Context:
    doc: Doc
    skip: list[tuple[int, int]] = field(default_factory=list)   # boilerplate ranges (captions, read-also)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    url: str | None = None   # the article's address: its host is the outlet itself, not a source
    title: str | None = None  # the headline (not in doc.text): a day it names dates an undated story

    def skipped(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside a boilerplate range."""
        return any(a <= start and end <= b for a, b in self.skip)
