"""Figures across articles: which event a figure belongs to, and one reconciled figure per kind.

Per kind, every report is kept with who gave it (the article and the source the text names).
Within one article the largest figure of a kind is that article's figure for the event (smaller
ones are usually parts or earlier tallies of it); across articles and sources the reconciled
figure follows ACLED's lowest-figure rule (the lowest reported figure), next to the min and max.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import ArticleResult

NEAR_CHARS = 400  # a figure this close to an event's evidence is about that event
NOT_EVENTS = {("Strategic developments", "Other")}


@dataclass(slots=True)
class Report:
    kind: str
    value: float
    value_max: float | None
    qualifier: str | None
    source: str | None
    article: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": _num(self.value), "value_max": _num(self.value_max), "qualifier": self.qualifier,
                "source": self.source, "article": self.article}


def _num(v: float | None) -> float | int | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def _stem(s: str) -> str:
    return s.casefold()[:5]


def attribute_counts(result: ArticleResult) -> list[int | None]:
    """For each count of the article, the index of the event it reports on, or None.

    One event in the article takes every figure; otherwise a figure goes to the event whose place it
    names, else to the event whose evidence is nearest (within NEAR_CHARS), else to none."""
    cands = [i for i, e in enumerate(result.events) if (e.event_type, e.sub_event_type) not in NOT_EVENTS]
    if not cands:
        return [None] * len(result.counts)
    out: list[int | None] = []
    for c in result.counts:
        chosen: int | None = None
        if c.scope == "national":
            # a countrywide figure belongs only to a country-level event (extract/figures/extent.py)
            national = [i for i in cands if result.events[i].geo_precision == 3 and not result.events[i].location]
            out.append(national[0] if len(national) == 1 else None)
            continue
        if len(cands) == 1:
            out.append(cands[0])
            continue
        if c.location:
            stem = _stem(c.location)
            named = [i for i in cands if any(stem and stem in _stem(x) for x in
                                             (result.events[i].location or "", result.events[i].admin1 or ""))
                     or any(c.location.casefold() in s.text.casefold() for s in result.events[i].evidence)]
            if len(named) == 1:
                chosen = named[0]
        if chosen is None and c.evidence:
            pos = c.evidence[0].start
            best: tuple[int, int] | None = None
            for i in cands:
                for s in result.events[i].evidence:
                    d = 0 if s.start <= pos < s.end else min(abs(pos - s.start), abs(pos - s.end))
                    if best is None or d < best[0]:
                        best = (d, i)
            if best is not None and best[0] <= NEAR_CHARS:
                chosen = best[1]
        out.append(chosen)
    return out


def reconcile(reports: Iterable[Report], event_fatalities: Sequence[tuple[int, str]] = ()) -> dict[str, Any]:
    """Reconciled figures per kind.

    `event_fatalities` are (fatalities, article) of member events, counted as 'killed' reports when
    an article gave no killed figure of its own. Returns {kind: {"lowest", "min", "max", "reports":
    [...], "by_source": [{"source", "article", "value"}]}}."""
    by_kind: dict[str, list[Report]] = {}
    for r in reports:
        by_kind.setdefault(r.kind, []).append(r)
    killed_articles = {r.article for r in by_kind.get("killed", [])}
    for fat, art in event_fatalities:
        if fat is not None and art not in killed_articles:
            by_kind.setdefault("killed", []).append(Report("killed", float(fat), None, "exact", None, art))
            killed_articles.add(art)
    out: dict[str, Any] = {}
    for kind, reps in sorted(by_kind.items()):
        per_source: dict[tuple[str, str | None], Report] = {}
        for r in reps:
            key = (r.article, r.source)
            if key not in per_source or r.value > per_source[key].value:
                per_source[key] = r
        figures = list(per_source.values())
        out[kind] = {
            "lowest": _num(min(r.value for r in figures)),
            "min": _num(min(r.value for r in reps)),
            "max": _num(max(r.value_max if r.value_max is not None else r.value for r in reps)),
            "by_source": [{"source": r.source, "article": r.article, "value": _num(r.value),
                           "qualifier": r.qualifier} for r in figures],
            "reports": [r.to_dict() for r in reps],
        }
    return out
