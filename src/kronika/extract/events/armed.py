"""Coding armed violence: who used a weapon (or the weapon's usual user where nobody is named), who
did a one-sided act to civilians, the party of a deal, fighters disabled rather than weapons, and a
fight whose weapons the next sentence names."""

from __future__ import annotations

from ...text.doc import Doc
from .actors import ACLED_KIND, ARMED, ActorMention, actors_in
from .agents import agent_ablt, doer_before, passive_between, source_only
from .coded import Coded
from .triggers import Hit, is_in, words
from .violence import weapons_used

REMOTE = (  # checked in this order: the most specific weapon wins ("a grenade exploded": a grenade)
    ("suicide", "Suicide bomb"), ("chemical", "Chemical weapon"), ("air", "Air/drone strike"), ("drone", "Air/drone strike"),
    ("air_doer", "Air/drone strike"),   # aircraft as the subject of a strike verb (violence.aircraft_struck)
    ("shell", "Shelling/artillery/missile attack"), ("missile", "Shelling/artillery/missile attack"), ("grenade", "Grenade"),
    ("explosive", "Remote explosive/landmine/IED"), ("blast", "Remote explosive/landmine/IED"),
    ("explosion", "Remote explosive/landmine/IED"),   # a blast with no weapon named (violence.blast_is_attack)
)
REMOTE_CLASSES = frozenset(cls for cls, _sub in REMOTE)
# who uses a weapon when the text does not say: air power, drones and artillery/missiles are the
# arms of states; bombs, suicide attacks and grenades are those of ACLED's unidentified armed groups
WEAPON_USER = {"Air/drone strike": "State forces", "Shelling/artillery/missile attack": "State forces",
               "Chemical weapon": "State forces"}


PATIENT_REACH = 3   # "40 militants were neutralised", "neutralised 40 militants": the fighters this close
WEAPON_DOER_REACH = 3   # "a missile hit and destroyed": the weapon, then the verb this close


def fighters_disabled(doc: Doc, live: list[Hit], actors: list[ActorMention]) -> ActorMention | None:
    """'About 20 insurgents were neutralised': fighters, not weapons, are what the act disabled: a fight's
    toll, not a disrupted weapon. The fighters, or None."""
    weapons = [h.first for h in live if h.cls in REMOTE_CLASSES]
    # "shot down a Russian cruise missile": a mention right before a weapon qualifies the weapon
    fighters = [m for m in actors if m.kind in ARMED and not any(0 < w - m.first <= 2 for w in weapons)]
    for h in live:
        if h.cls != "disrupted":
            continue
        for m in fighters:
            if 0 < h.first - m.first <= PATIENT_REACH + 1 and passive_between(doc, m.first, h.first) \
                    or 0 < m.first - h.last <= PATIENT_REACH:
                return m
    return None


def weapon_did_it(doc: Doc, live: list[Hit]) -> bool:
    """'a missile destroyed a helicopter', 'a drone hit and destroyed a depot': the weapon is the subject
    of every disabling verb (no passive, no agent after it), so it struck something: an attack with that
    weapon, not a weapon intercepted or defused ('the drone was shot down', 'drones destroyed by air
    defence' stay disrupted)."""
    agent_preps = words(doc.lang, "actors", "agent_preps")
    weapons = [h for h in live if h.cls in REMOTE_CLASSES]
    acts = [h for h in live if h.cls == "disrupted"]
    if not weapons or not acts:
        return False
    for h in acts:
        nxt = doc.tokens[h.last + 1] if h.last + 1 < len(doc.tokens) else None
        if nxt is not None and nxt.lower in agent_preps:
            return False
        if not any(w.last < h.first and h.first - w.last <= WEAPON_DOER_REACH + 1
                   and doc.tokens[w.last].sent == doc.tokens[h.first].sent
                   and all(t.is_word for t in doc.tokens[w.last + 1:h.first])
                   and not passive_between(doc, w.last, h.first) for w in weapons):
            return False
    return True


def weapons_next(doc: Doc, read: list[tuple[int, Coded | None, list[Hit]]]) -> None:
    """'Two factions clashed. Crude bombs went off and shots were fired.': the next sentence's weapons,
    used by no one it names, are the fight's; the fight is an armed clash (ACLED) and the blasts no
    event of their own."""
    for n, (si, coded, _live) in enumerate(read[:-1]):
        nsi, nxt, nlive = read[n + 1]
        if coded is None or coded.sub != "Mob violence" or nsi != si + 1 or not any(
                h.cls == "clash" for h in coded.hits):
            continue
        a, b = doc.sent_tokens[nsi]
        if not weapons_used(doc, a, b) or any(m.kind not in ("political", "mob") for m in actors_in(doc, a, b)
                                              if m.kind != "state" or not source_only(doc, m)):
            continue
        coded.sub, coded.actor1, coded.actor2 = "Armed clash", "Political militia", "Political militia"
        if nxt is not None and (nxt.guessed or nxt.event_type == "Explosions/Remote violence"):
            read[n + 1] = (nsi, None, nlive)


def remote(doc: Doc, sub: str, live: list[Hit], actors: list[ActorMention], armed: list[ActorMention]) -> Coded:
    # the perpetrator is a subject-like armed actor; an unnamed one is coded as ACLED's unidentified
    # armed group (a political militia); an armed actor only as the target ("a bomb outside a police
    # station") is actor2
    first = min((h.first for h in live if h.cls in REMOTE_CLASSES), default=0)
    agent_preps = words(doc.lang, "actors", "agent_preps")
    doers = [m for m in armed if doer_before(doc, m, first) or agent_ablt(doc, m)
             or (m.first > 0 and doc.tokens[m.first - 1].lower in agent_preps)]
    targets = [m for m in armed if m not in doers]
    a1 = doers[0] if doers else None
    civ = any(m.kind == "civilian" for m in actors) or people_hurt(doc, live)
    actor2 = "Civilians" if civ else (ACLED_KIND[targets[0].kind] if targets else None)
    if a1 is None:
        # unnamed: the weapon's usual user (run() prefers a perpetrator the story names elsewhere)
        return Coded(sub, WEAPON_USER.get(sub, "Political militia"), actor2, None, None, live, 0.6, guessed=True)
    return Coded(sub, ACLED_KIND[a1.kind], actor2, a1.name, None, live, 0.65)


def people_hurt(doc: Doc, live: list[Hit]) -> bool:
    """'поранено трьох людей', 'пострадали два человека': people (not soldiers) hurt by a strike."""
    hurt = [h for h in live if h.cls in ("injured", "lethal")]
    if not hurt:
        return False
    si = doc.sentence_of(hurt[0].start)
    a, b = doc.sent_tokens[si]
    victims = words(doc.lang, "actors", "victim_nouns")
    return any(is_in(t, victims) for t in doc.tokens[a:b])


ONE_SIDED_ACTS = frozenset({"abduct", "sexual", "lethal", "beat", "loot", "vandal", "arson"})


def deal_party(armed: list[ActorMention]) -> str:
    """The party of a deal ACLED names first: the non-state armed group where one signs."""
    party = next((m for m in armed if m.kind != "state"), armed[0] if armed else None)
    return ACLED_KIND[party.kind] if party is not None else "State forces"


def one_sided(doc: Doc, sub: str, live: list[Hit], actors: list[ActorMention],
               armed: list[ActorMention]) -> Coded:
    """The perpetrator is the doer of the act (the subject before it, the agent of a passive), not
    an actor named elsewhere in the sentence ("..., повідомили в поліції"). Unidentified doers
    ("невідомі", "unknown assailants") are ACLED's unidentified armed group: a political militia;
    for looting, an unknown crowd stays rioters."""
    first = min((h.first for h in live if h.cls in ONE_SIDED_ACTS), default=0)
    agent_preps = words(doc.lang, "actors", "agent_preps")
    doers = [m for m in actors if m.kind in ARMED | {"mob"} and (
        doer_before(doc, m, first) or agent_ablt(doc, m)
        or (m.first > 0 and doc.tokens[m.first - 1].lower in agent_preps))]
    a1 = doers[-1] if doers else next((m for m in armed if doer_before(doc, m, first)), None)
    if a1 is None or a1.kind == "mob" and not sub.startswith("Looting"):
        kind = "Political militia"
    else:
        kind = ACLED_KIND[a1.kind]
    return Coded(sub, kind, "Civilians", a1.name if a1 else None, None, live, 0.55)
