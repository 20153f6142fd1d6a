"""Intermediate mentions passed between extractors (not part of the output contract)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    name: str                 # canonical (English GeoNames) name: "Almaty"
    geonameid: int | None
    country: str | None       # ISO 3166-1 alpha-2
    admin1: str | None        # English admin1 name where known
    latitude: float | None
    longitude: float | None
    kind: str                 # "city" | "admin1" | "country" | "district"
    population: int = 0
    score: float = 1.0        # resolution confidence 0..1


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: date | None        # None when the year (or the day) is unknowable
    precision: int            # ACLED time_precision: 1 day, 2 week, 3 month
    value_end: date | None = None  # for ranges "з 2 по 5 січня"
    kind: str = "date"        # "date" | "relative" | "weekday" | "time" | "range" | "historic"


@dataclass(slots=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: float
    qualifier: str            # exact | more_than | at_least | about | up_to | less_than | range
    value_max: float | None = None
    vague: bool = False       # "десятки", "hundreds"


@dataclass(slots=True)
class Attribution:
    """A source named in the text and the stretch of text whose claims it carries."""

    name: str                 # nominative, without the kind word: "Baza", "поліція"
    kind: str                 # SCHEMA.md source kind
    start: int                # the name's span
    end: int
    scope_start: int          # the claim(s) attributed to it
    scope_end: int
