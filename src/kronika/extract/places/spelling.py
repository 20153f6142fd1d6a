"""A town the gazetteer spells otherwise: "Bogura (Bogura, Rajshahi)" is GeoNames' Bogra, "Miranshah
(North Waziristan, ...)" its Miran Shah, "Mekelle (Tigray)" its Mek'ele.

Read only where the name is not in the gazetteer at all and its parenthesis of units has said which
country (and roughly where) the place is: among that country's towns, the one whose folded spelling is
close (difflib ratio) and clearly closer than any other town far from it, lying inside the unit."""

from __future__ import annotations

from collections.abc import Callable
from difflib import SequenceMatcher
from functools import cache

from ...resources.gazetteer import CITY, Entry, entry_km, gazetteer
from ...text.normalise import fold

RATIO = 0.85        # "bogura" ~ "bogra" (0.91), "hpakant" ~ "hpakan" (0.92); not "kalay" ~ "kalaw" (0.80)
RIVAL_RATIO = 0.05  # another town this nearly as close makes the spelling ambiguous ...
RIVAL_KM = 50.0     # ... unless it lies this close (the same town listed twice)
MIN_LETTERS = 4     # short names are too many namesakes apart by a letter
LENGTH_SLACK = 3    # letters a spelling may add or drop ("Maidan Shahr" ~ "Maidanshahr")


def _squeeze(name: str) -> str:
    return "".join(ch for ch in fold(name) if ch.isalpha())


@cache
def _towns(cc: str) -> tuple[tuple[str, int], ...]:
    """(squeezed folded name, entry id) of every placed town of country cc."""
    g = gazetteer()
    return tuple((_squeeze(e.name), i) for i, e in enumerate(g.entries)
                 if e.kind == CITY and e.country == cc and e.latitude is not None)



def respelled(name: str, cc: str, fits: list[Entry], inside: Callable[[Entry, Entry], bool]) -> Entry | None:
    """The town of country cc that `name` spells otherwise, inside one of the units `fits` (any, where
    the units are unknown); None where no town is close enough or two far apart are."""
    key = _squeeze(name)
    if len(key) < MIN_LETTERS:
        return None
    g = gazetteer()
    close: list[tuple[float, Entry]] = []
    for k, i in _towns(cc):
        if k[:1] != key[:1] or abs(len(k) - len(key)) > LENGTH_SLACK:
            continue
        r = SequenceMatcher(None, key, k).ratio()
        if r >= RATIO - RIVAL_RATIO:
            close.append((r, g.entries[i]))
    if not close:
        return None
    close.sort(key=lambda x: (-x[0], -x[1].population))
    best_r, best = close[0]
    if best_r < RATIO or any(r >= best_r - RIVAL_RATIO and entry_km(e, best) > RIVAL_KM for r, e in close[1:]):
        return None
    if fits and not any(inside(best, u) for u in fits):
        return None
    return best

