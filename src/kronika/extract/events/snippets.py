"""The ACLED sub-event type of a short report (a wire snippet, an ACLED note, a test sentence), read
by the same `pipeline.extract` a whole article goes through: no second copy of the coding loop."""

from __future__ import annotations

from ...model import Article, Event
from .coded import SEVERITY

# a snippet that reports several events is typed by the gravest of them
_TYPE_RANK = {"Strategic developments": 0, "Protests": 1, "Riots": 2, "Violence against civilians": 3,
              "Battles": 3, "Explosions/Remote violence": 4}


def _rank(e: Event) -> tuple[int, int]:
    return _TYPE_RANK.get(e.event_type, 0), SEVERITY.get(e.sub_event_type, 0)


def snippet_events(text: str, lang: str = "en", published: str | None = None) -> list[Event]:
    """Every event `extract` codes in the text, read as a one-article input."""
    from ...pipeline import extract  # the pipeline imports this package's stage: import on use

    return extract(Article(text=text, lang=lang, published=published)).events


def snippet_type(text: str, lang: str = "en", published: str | None = None) -> str | None:
    """The sub-event type of the gravest event the text reports, or None when it reports none."""
    events = snippet_events(text, lang, published)
    return max(events, key=_rank).sub_event_type if events else None
