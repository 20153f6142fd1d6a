"""Arrests that are part of a gathering belong to it (ACLED codes one event): "A mob attacked a shop
in X on Tuesday. Police said 40 people were arrested overnight." The detentions told after the
gathering, at its place, take its day, so the merge folds them into it, whatever their own loose
time word ("overnight", "later") would date them to."""

from __future__ import annotations

from .attach import Candidate, place_key

DETENTION_ACTS = frozenset({"detain"})
REACH = 3   # sentences after the gathering that its detentions are told in


def _detentions_only(c: Candidate) -> bool:
    acts = {h.cls for h in c.coded.hits if not h.weak}
    return c.coded.family == "demo" and bool(acts) and acts <= DETENTION_ACTS | {"protester", "city_ref"} \
        and bool(acts & DETENTION_ACTS)


def fold_detentions(cands: list[Candidate]) -> None:
    """Give a detentions-only demonstration candidate the day of the gathering told just before it at
    the same place (in place)."""
    for c in cands:
        if not _detentions_only(c):
            continue
        prior = [o for o in cands if o.coded.family == "demo" and o.sent < c.sent <= o.sent + REACH
                 and place_key(o.place) == place_key(c.place) and not _detentions_only(o)]
        if prior and prior[-1].day != c.day:
            c.day, c.time_precision = prior[-1].day, prior[-1].time_precision
