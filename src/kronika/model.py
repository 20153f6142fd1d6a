"""The record contract of SCHEMA.md as dataclasses.

Every extracted record carries evidence spans into the article text; `to_dict` gives exactly the
SCHEMA.md fields (plus a few additive ones), which is what the scorer, the store and the exports read.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED",
        "Grenade", "Suicide bomb", "Chemical weapon",
    ),
    "Strategic developments": (
        "Arrests", "Looting/property destruction", "Agreement", "Change to group/activity",
        "Headquarters or base established", "Non-violent transfer of territory",
        "Disrupted weapons use", "Other",
    ),
}
SUB_TO_TYPE: dict[str, str] = {s: t for t, subs in EVENT_TYPES.items() for s in subs}
ACTOR_KINDS = (
    "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
    "Civilians", "External/Other",
)
COUNT_KINDS = (
    "killed", "injured", "detained", "participants", "hospitalized", "criminal_cases",
    "vehicles_damaged", "buildings_damaged", "other",
)
QUALIFIERS = ("exact", "more_than", "at_least", "about", "up_to", "less_than", "range")
SOURCE_KINDS = (
    "news_agency", "outlet", "telegram", "social_media", "police", "government", "official", "ngo",
    "witness", "other",
)


def disorder_type(event_type: str, sub_event_type: str | None = None) -> str:
    """ACLED's derivation: demonstrations, political violence, strategic developments.

    Excessive force against protesters and Mob violence stay Demonstrations/Political violence
    as ACLED files them ("Political violence; Demonstrations" for excessive force is collapsed to
    Political violence, its primary disorder)."""
    if event_type == "Strategic developments":
        return "Strategic developments"
    if event_type in ("Protests", "Riots"):
        if sub_event_type in ("Excessive force against protesters", "Mob violence"):
            return "Political violence"
        return "Demonstrations"
    return "Political violence"


@dataclass(slots=True, frozen=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(slots=True)
class Article:
    text: str
    id: str = ""
    lang: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    origin: str | None = None  # which input it came from (file path, line), for error messages
    # who published it when the input says so (a Telegram channel, a feed's title), and the
    # channel or outlet a forwarded message came from: metadata, not found in the text
    outlet: str | None = None
    forwarded_from: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = "sha1-" + hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]

    @classmethod
    def from_dict(cls, d: dict[str, Any], origin: str | None = None) -> Article:
        text = d.get("text")
        if not isinstance(text, str):
            raise ValueError("field 'text' is missing or not a string")
        pub = d.get("published")
        return cls(
            text=text,
            id=str(d.get("id") or ""),
            lang=d.get("lang") or None,
            url=d.get("url") or None,
            published=str(pub) if pub else None,
            title=d.get("title") or None,
            origin=origin,
            outlet=d.get("outlet") or None,
            forwarded_from=d.get("forwarded_from") or None,
        )

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "lang": self.lang, "url": self.url,
                             "published": self.published, "title": self.title, "text": self.text}
        if self.outlet:
            d["outlet"] = self.outlet
        if self.forwarded_from:
            d["forwarded_from"] = self.forwarded_from
        return d


def _spans(spans: list[Span]) -> list[dict[str, Any]]:
    return [s.to_dict() for s in spans]


@dataclass(slots=True)
class Event:
    event_type: str
    sub_event_type: str
    date: str | None
    time_precision: int
    country: str | None
    admin1: str | None
    location: str | None
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    actor1: str
    actor2: str | None = None
    actor1_name: str | None = None
    actor2_name: str | None = None
    fatalities: int | None = None
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    notes: str | None = None
    # additive to SCHEMA.md: each actor's country (ISO alpha-2) as the text gives it, and for state
    # forces their branch ("police" | "military"); extract/events/sides.py fills them
    actor1_country: str | None = None
    actor2_country: str | None = None
    actor1_force: str | None = None
    actor2_force: str | None = None

    @property
    def disorder_type(self) -> str:
        return disorder_type(self.event_type, self.sub_event_type)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["disorder_type"] = self.disorder_type
        d["evidence"] = _spans(self.evidence)
        return d


@dataclass(slots=True)
class Count:
    kind: str
    value: float
    qualifier: str
    subject: str | None
    location: str | None
    source: str | None
    evidence: list[Span] = field(default_factory=list)
    value_max: float | None = None
    # additive to SCHEMA.md: "national" for a countrywide figure (extract/figures/extent.py), which no
    # city's event takes as its own
    scope: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"kind": self.kind, "value": _int_if_whole(self.value), "qualifier": self.qualifier,
             "subject": self.subject, "location": self.location, "source": self.source,
             "evidence": _spans(self.evidence)}
        if self.value_max is not None:
            d["value_max"] = _int_if_whole(self.value_max)
        if self.scope is not None:
            d["scope"] = self.scope
        return d


def _int_if_whole(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


@dataclass(slots=True)
class Source:
    name: str
    kind: str
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "evidence": _spans(self.evidence)}


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None
    speaker_role: str | None
    via: str | None
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "speaker": self.speaker, "speaker_role": self.speaker_role,
                "via": self.via, "evidence": _spans(self.evidence)}


@dataclass(slots=True)
class ArticleResult:
    id: str
    lang: str
    relevant: bool
    events: list[Event] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    published: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None           # the article's metadata, as Article (additive fields)
    forwarded_from: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id, "lang": self.lang, "relevant": self.relevant,
            "published": self.published, "title": self.title, "url": self.url,
            "events": [e.to_dict() for e in self.events],
            "counts": [c.to_dict() for c in self.counts],
            "sources": [s.to_dict() for s in self.sources],
            "quotes": [q.to_dict() for q in self.quotes],
        }
        if self.outlet:
            d["outlet"] = self.outlet
        if self.forwarded_from:
            d["forwarded_from"] = self.forwarded_from
        return d
