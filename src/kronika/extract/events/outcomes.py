"""What a gathering's story tells around it belongs to it (ACLED codes one event per place and day):

- arrests: "A mob attacked a shop in X on Tuesday. Police said 40 people were arrested overnight."
  The detentions told after the gathering, at its place, take its day, so the merge folds them into
  it, whatever their own loose time word ("overnight", "later") would date them to;
- a crowd's property destruction: "Youths set fire to cars and looted shops in X. Police fired tear
  gas to disperse them." Rioters burning and looting where the police break up a crowd the same day
  are a violent demonstration, not looting of its own.
"""

from __future__ import annotations

from dataclasses import replace

from .attach import Candidate, place_key
from .coded import Coded
from .triggers import Hit

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


PROPERTY = "Looting/property destruction"
CROWD_CONTROL = frozenset({"force"})   # tear gas, water cannon, rubber bullets: the police facing a crowd
CONTROL_REACH = 2   # sentences after the destruction that the police's crowd control is told in


def riot_property(cands: list[Candidate], read: list[tuple[int, Coded | None, list[Hit]]]) -> None:
    """Recode rioters' looting or arson as a violent demonstration where the story has a
    demonstration event at the same place and day, or tells the police's crowd control (tear gas,
    water cannon) right after it (in place)."""
    control = {si for si, _c, live in read if any(h.cls in CROWD_CONTROL for h in live)}
    for c in cands:
        if c.coded.sub != PROPERTY or c.coded.actor1 != "Rioters":
            continue
        demo = [o for o in cands if o.coded.family == "demo" and o.day == c.day
                and place_key(o.place) == place_key(c.place)]
        controlled = any(c.sent <= si <= c.sent + CONTROL_REACH for si in control)
        if demo or controlled:
            police = controlled or any("State forces" in (o.coded.actor1, o.coded.actor2) for o in demo)
            c.coded = replace(c.coded, sub="Violent demonstration",
                              actor2="State forces" if police else c.coded.actor2)
