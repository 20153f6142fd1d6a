"""Response shapes of the API, for its OpenAPI schema.

Every model allows extra fields: the query layers may add keys (the store's additive fields) and
they pass through; the fields named here are the ones a client can rely on.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Span(_Open):
    start: int
    end: int
    text: str


class Event(_Open):
    id: int
    article: str
    incident: str | None = None
    event_type: str
    sub_event_type: str
    disorder_type: str | None = None
    date: str | None = None
    time_precision: int | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    actor1_name: str | None = None
    actor2_name: str | None = None
    fatalities: int | None = None
    confidence: float | None = None
    notes: str | None = None
    evidence: list[Span] | None = None


class Figure(_Open):
    kind: str
    value: int | float
    value_max: int | float | None = None
    qualifier: str | None = None
    subject: str | None = None
    location: str | None = None
    source: str | None = None
    article: str | None = None
    event_id: int | None = None
    evidence: list[Span] = []


class EventDetail(Event):
    evidence: list[Span] = []
    figures: list[Figure] = []


class Incident(_Open):
    id: str
    event_type: str
    sub_event_type: str
    date: str | None = None
    country: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int | None = None
    n_events: int
    n_articles: int
    figures: dict[str, Any] = {}
    members_cut: bool | None = None  # with members: true when some articles, events or sources were left out


class ArticleSummary(_Open):
    id: str
    lang: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    relevant: bool
    chars: int
    n_events: int


class ArticleDetail(_Open):
    id: str
    lang: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    text: str
    relevant: bool
    events: list[dict[str, Any]]
    counts: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    quotes: list[dict[str, Any]]


class SourceRow(_Open):
    name: str
    kind: str | None = None
    articles: int


class Stats(_Open):
    events: int  # matching the filters
    articles: int  # that the matching events come from
    incidents: int  # that the matching events belong to
    stored: dict[str, int]  # the whole store: articles, events, incidents
    by_day: list[dict[str, Any]]
    by_day_type: list[dict[str, Any]]
    by_type: list[dict[str, Any]]
    by_country: list[dict[str, Any]]


class Page(BaseModel, Generic[T]):
    total: int
    limit: int
    offset: int
    items: list[T]


class IngestResult(_Open):
    ingested: list[dict[str, Any]]
