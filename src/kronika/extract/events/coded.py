"""A sentence's reading (`Coded`): the sub-event type and actors the events stage gives it, and the
severity order that decides between the readings of one demonstration."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import SUB_TO_TYPE
from .triggers import Hit

SEVERITY = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2,
            "Violent demonstration": 3, "Mob violence": 3}


@dataclass(slots=True)
class Coded:
    """A sentence's reading: the sub-event type and who did what to whom."""

    sub: str
    actor1: str
    actor2: str | None = None
    actor1_name: str | None = None
    actor2_name: str | None = None
    hits: list[Hit] = field(default_factory=list)
    confidence: float = 0.6
    guessed: bool = False   # actor1 inferred from the weapon, not named in the sentence
    standalone: bool = False   # a deal that is news of a conflict by itself, in a story with no other unrest

    @property
    def event_type(self) -> str:
        return SUB_TO_TYPE[self.sub]

    @property
    def family(self) -> str:
        # Protests and Riots of one day and place are one demonstration event (ACLED)
        return "demo" if self.event_type in ("Protests", "Riots") else self.event_type
