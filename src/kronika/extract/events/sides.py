"""Whose side each actor of an event is on: the actor's country from the text, not from the place.

Russian strikes on a Ukrainian city are carried out by Russia's forces against Ukraine's civilians:
the attacker's country is said by the words next to the actor noun ("російські війська", "войска РФ",
"Russian forces"), or, when the coder inferred the attacker from the weapon, by a foreign country
named in the sentence ("російська ракета"). Crowds, civilians and a country's police act where the
event is, so their country is the event's. A state actor whose country the text does not give is
left without one (never the event's country by default: that is the error this module exists for).

Also the branch of the state forces (police or military), for ACLED's actor names
("Police Forces of Kazakhstan (2019-)"). Data: `lexicons/<lang>/sides.toml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...model import Event
from ...resources import lexicon_lang, load_lexicon
from ...text.doc import Doc
from ...text.morph import morph_for
from ..context import Context
from .actors import ACLED_KIND, ActorMention, actors_in
from .triggers import Hit, Matcher

NEAR_BEFORE = 2   # "російські окупаційні війська": adjectives right before the noun
NEAR_AFTER = 3    # "війська РФ", "forces of Russia": a genitive or "of" phrase right after
# where a state actor's country may default to the event's: a state policing its own streets
DOMESTIC_TYPES = frozenset({"Protests", "Riots"})
DOMESTIC_SUBS = frozenset({"Arrests"})
HOME_KINDS = frozenset({"Protesters", "Rioters", "Civilians"})


@dataclass(slots=True, frozen=True)
class Side:
    country: str | None   # ISO 3166-1 alpha-2
    force: str | None     # "police" | "military" for state forces


@cache
def _matcher(lang: str, section: str) -> Matcher:
    return Matcher(lexicon_lang(lang), [("sides", section)])


@cache
def _single_words(lang: str, section: str) -> dict[str, str]:
    """One-word entries by lemma: the phrase matcher drops a capitalised word next to a number as a
    month ("Збройні сили України 9 квітня"), which a country name here never is."""
    morph = morph_for(lexicon_lang(lang))
    out: dict[str, str] = {}
    for cls, items in load_lexicon(lexicon_lang(lang), "sides").get(section, {}).items():
        for item in items:
            if len(item.split()) == 1:
                for lem in (item.lower(), *morph.analyse(item.lower()).lemmas):
                    out.setdefault(lem, cls)
    return out


def _hits(doc: Doc, section: str, a: int, b: int) -> list[Hit]:
    hits = _matcher(doc.lang, section).find(doc, a, b)
    covered = {i for h in hits for i in range(h.first, h.last + 1)}
    single = _single_words(doc.lang, section)
    for i in range(a, b):
        t = doc.tokens[i]
        if i in covered or not t.is_word or not (t.is_title and (i > a and doc.tokens[i - 1].text[:1].isdigit()
                                                                 or i + 1 < b and doc.tokens[i + 1].text[:1].isdigit())):
            continue
        cls = next((single[lem] for lem in t.an.lemmas if lem in single), None)
        if cls is not None:
            hits.append(Hit(cls, i, i, t.start, t.end, t.text))
    hits.sort(key=lambda h: h.first)
    return hits


def _near(m: ActorMention, hits: list[Hit], doc: Doc) -> Hit | None:
    """The hit inside the actor mention or right next to it (nearest first)."""
    last = doc.token_at(m.end - 1) if m.end > m.start else m.first
    best: tuple[int, Hit] | None = None
    for h in hits:
        if h.last < m.first - NEAR_BEFORE or h.first > last + NEAR_AFTER:
            continue
        dist = 0 if m.first <= h.first <= last else min(abs(h.first - m.first), abs(h.first - last))
        if best is None or dist < best[0]:
            best = (dist, h)
    return best[1] if best else None


def _sentences(doc: Doc, ev: Event) -> list[tuple[int, int]]:
    seen: dict[int, None] = {}
    for s in ev.evidence:
        seen[doc.sentence_of(s.start)] = None
    return [doc.sent_tokens[i] for i in seen if i < len(doc.sent_tokens)]


def _state_default(ev: Event, force: str | None) -> str | None:
    if force == "police" or ev.event_type in DOMESTIC_TYPES or ev.sub_event_type in DOMESTIC_SUBS:
        return ev.country
    return None


def _default_force(ev: Event) -> str:
    return "police" if ev.event_type in DOMESTIC_TYPES or ev.sub_event_type in DOMESTIC_SUBS else "military"


def sides_of(doc: Doc, ev: Event) -> tuple[Side | None, Side | None]:
    """The sides of actor1 and actor2 (None where the event has no such actor)."""
    mentions: list[ActorMention] = []
    countries: list[Hit] = []
    forces: list[Hit] = []
    home: list[Hit] = []
    for a, b in _sentences(doc, ev):
        mentions += actors_in(doc, a, b)
        countries += _hits(doc, "countries", a, b)
        forces += _hits(doc, "forces", a, b)
        home += _hits(doc, "home", a, b)
    used: set[int] = set()
    out: list[Side | None] = []
    for role, kind in enumerate((ev.actor1, ev.actor2)):
        if not kind:
            out.append(None)
            continue
        m = next((x for x in mentions if ACLED_KIND.get(x.kind) == kind and x.first not in used), None)
        country: str | None = None
        force: str | None = None
        if m is not None:
            used.add(m.first)
            c = _near(m, countries, doc)
            country = c.cls if c else None
            f = _near(m, forces, doc)
            force = f.cls if f else None
            if country is None and _near(m, home, doc) is not None:
                country = ev.country
        if kind == "State forces":
            force = force or _default_force(ev)
            if country is None and m is None and role == 0:
                # attacker inferred from the weapon: a foreign country the sentence names
                country = next((h.cls for h in countries if h.cls != ev.country), None)
            if country is None:
                country = _state_default(ev, force)
        elif country is None and kind in HOME_KINDS:
            country = ev.country
        out.append(Side(country, force if kind == "State forces" else None))
    return out[0], out[1]


def assign(doc: Doc, events: list[Event]) -> None:
    """Fill each event's actor countries and state-force branches from its evidence sentences."""
    for ev in events:
        s1, s2 = sides_of(doc, ev)
        ev.actor1_country, ev.actor1_force = (s1.country, s1.force) if s1 else (None, None)
        ev.actor2_country, ev.actor2_force = (s2.country, s2.force) if s2 else (None, None)


def run(ctx: Context) -> None:
    """Pipeline stage (after the event coder)."""
    assign(ctx.doc, ctx.events)
