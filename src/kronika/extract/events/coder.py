"""Stage 'events': ACLED events from clauses — trigger, modality, actors, place, date, evidence.

How a sentence becomes an event (docs/events.md has the full rules):
1. lemma triggers from `lexicons/<lang>/events.toml` are found in the sentence;
2. triggers reported as planned, denied, hypothetical, called-for, questioned or historical drop out
   (`modality.py`); in an article about a labour strike the abstract "protest action" words drop out
   too (a strike without a gathering is not an event);
3. the surviving trigger classes and the actors (`actors.py`) decide the ACLED sub-event type;
4. one candidate per place named in the sentence (a city list gives one event per city), dated by
   the dates stage; candidates with the same date, place and type family merge (a protest that
   turns violent the same day is one Riots event; arrests of protesters belong to the protest).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from ...model import SUB_TO_TYPE, Event, Span
from ...text.doc import Doc, analyse
from .. import dates as _dates
from ..context import Context
from ..mentions import PlaceMention
from ..places import recognise as _places
from .actors import ACLED_KIND, ARMED, ActorMention, actors_in
from .modality import blocked, historic_year, modality_cues
from .triggers import Hit, matcher

# trigger classes (events.toml) by role
DEMO_CORE = frozenset({"demo", "march", "street", "protest", "protest_act", "action", "gather", "riot", "disperse"})   # a gathering is reported
CROWD_VIOLENCE = frozenset({"riot", "clash", "storm", "seize", "arson", "vandal", "throw", "loot"})
INTERVENTION = frozenset({"disperse", "detain", "force"})
ACTIONS = CROWD_VIOLENCE | INTERVENTION | frozenset({"beat", "lethal", "block", "injured"})
BACKDROP = frozenset({"demo", "march", "street", "protest", "protest_act", "action", "riot", "clash", "gather"})  # what "amid …" can block
ABSTRACT = frozenset({"protest", "action", "protester", "strike", "injured", "city_ref"})  # need a place of their own
REMOTE = (  # checked in this order: the most specific weapon wins
    ("suicide", "Suicide bomb"), ("chemical", "Chemical weapon"), ("air", "Air/drone strike"), ("drone", "Air/drone strike"),
    ("shell", "Shelling/artillery/missile attack"), ("missile", "Shelling/artillery/missile attack"), ("explosive", "Remote explosive/landmine/IED"),
    ("grenade", "Grenade"),
)
# who uses a weapon when the text does not say: air power, drones and artillery/missiles are the
# arms of states; bombs, suicide attacks and grenades are those of ACLED's unidentified armed groups
WEAPON_USER = {"Air/drone strike": "State forces", "Shelling/artillery/missile attack": "State forces",
               "Chemical weapon": "State forces"}
SEVERITY = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2,
            "Violent demonstration": 3, "Mob violence": 3}
DEMO_MEMORY = 2               # sentences a reported gathering stays the context of later ones
HISTORIC_DAYS = 400           # an event dated this long before publication is history recalled
EMIT_COUNTRY_LEVEL = True     # country-only events: coded only when nothing finer of the kind is known
PLACE_PRECISION = {"city": 1, "district": 2, "admin1": 3, "country": 3}


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

    @property
    def event_type(self) -> str:
        return SUB_TO_TYPE[self.sub]

    @property
    def family(self) -> str:
        # Protests and Riots of one day and place are one demonstration event (ACLED)
        return "demo" if self.event_type in ("Protests", "Riots") else self.event_type


@dataclass(slots=True)
class Candidate:
    coded: Coded
    sent: int
    place: PlaceMention
    geo_precision: int
    day: date | None
    time_precision: int
    evidence: list[tuple[int, int]]


# ---------------------------------------------------------------- reading one sentence

def sentence_hits(doc: Doc, si: int, strike_article: bool) -> tuple[list[Hit], list[Hit]]:
    """(live hits, all hits) of a sentence: live ones survive modality and the strike rule."""
    a, b = doc.sent_tokens[si]
    hits = [_participle_is_actor(doc, h) for h in matcher(doc.lang, "events").find(doc, a, b) if _hit_ok(doc, h)]
    if not hits:
        return [], []
    cues = modality_cues(doc, a, b)
    live = []
    for h in hits:
        if h.cls in ("protester", "strike"):
            live.append(h)
            continue
        why = blocked(doc, a, b, h, cues)
        if why == "background" and (h.cls in _REMOTE_CLASSES or h.cls not in BACKDROP
                                    and doc.tokens[h.first].an.pos != "NOUN"):
            why = None  # "внаслідок обстрілу загинули": the shelling itself; "after police fired": an act
        if why == "historic" or why is None and historic_year(
                doc, doc.tokens[a].start, doc.tokens[min(h.last + 3, b - 1)].end, doc.published):
            doc.memo.setdefault("historic_sents", set()).add(si)
            continue
        if why:
            continue   # a backdrop word blocks gatherings (and attacks) named as a cause
        if strike_article and h.cls in ("protest", "action", "protest_act"):
            continue  # "протестна акція" in a strike story is the strike itself
        live.append(h)
    return live, hits


def _hit_ok(doc: Doc, h: Hit) -> bool:
    """'вийшли на вулиці' is a crowd, 'вийшла на вулицю' one person; 'в городе' points at the story's
    town, 'в крупных городах' does not."""
    if h.cls == "street":
        return "plur" in doc.tokens[h.first].an.tags
    return h.cls != "city_ref" or doc.tokens[h.last].an.number != "plur" and not doc.tokens[h.last].lower.endswith("ies")


def _participle_is_actor(doc: Doc, h: Hit) -> Hit:
    """'протестующие', 'митингующих' are participles of protest verbs: the people, not the act;
    'нападавший', 'задержанный' name a person ('the attacker', 'the detainee'), not a new act."""
    if h.first != h.last:
        return h
    pos = doc.tokens[h.first].an.pos
    if h.cls in ("demo", "protest") and pos in ("PRTF", "PRTS"):
        return Hit("protester", h.first, h.last, h.start, h.end, h.entry)
    if h.cls in ("beat", "lethal", "detain") and pos == "PRTF" and not _noun_follows(doc, h.last):
        return Hit("person", h.first, h.last, h.start, h.end, h.entry)
    return h


def _noun_follows(doc: Doc, i: int) -> bool:
    """'задержанных протестующих' (a participle qualifying a noun) vs 'задержанный подал иск'."""
    return i + 1 < len(doc.tokens) and doc.tokens[i + 1].an.pos in ("NOUN", "PRTF", "ADJF")


def code_sentence(doc: Doc, si: int, live: list[Hit], demo_before: bool,
                  political_before: bool = False, demo_story: bool = False) -> Coded | None:
    """ACLED sub-event type and actors for a sentence's live triggers (None: no event)."""
    if not live:
        return None
    a, b = doc.sent_tokens[si]
    classes = {h.cls for h in live}
    actors = actors_in(doc, a, b)
    kinds = {m.kind for m in actors}
    armed = [m for m in actors if m.kind in ARMED]
    state = [m for m in actors if m.kind == "state"]
    by_cls = {h.cls: h for h in live}

    if "sport" in classes and not classes & (CROWD_VIOLENCE | {"protest", "protest_act"}):
        return None   # a match, a forward ("нападающий"), a fans' march: sport, not unrest
    if "commemoration" in classes and not classes & ({"demo", "protest", "protest_act"} | CROWD_VIOLENCE):
        return None   # a wreath-laying or memorial march, not a protest
    crime = "crime" in classes   # robbery, theft, fraud: criminal, not political, violence
    protesters = "protester" in classes or "protester" in kinds or (
        "political" in kinds and bool(state) and bool(classes & CROWD_VIOLENCE))   # supporters fighting police
    if "block" in classes and (any(m.first < by_cls["block"].first for m in state)
                               or not (protesters or kinds & {"political", "mob"} or demo_before
                                       or _crowd(doc, a, by_cls["block"].first))):
        classes.discard("block")    # the police, or a building site, blocking a road is not a protest
    demo_here = bool(classes & (DEMO_CORE | {"block"})) or protesters
    if "grenade" in classes and (demo_here or demo_before):
        classes.discard("grenade")  # at a protest, a "grenade" is the police's stun grenade
        classes.add("force")
    if "explosive" in classes and "found" in classes:
        return Coded("Disrupted weapons use", "State forces", None, state[0].name if state else None, None,
                     live, 0.5)
    if "disrupted" in classes and not crime:
        return Coded("Disrupted weapons use", "State forces", None, state[0].name if state else None, None,
                     live, 0.55)
    if not crime:
        for cls, sub in REMOTE:
            if cls in classes:
                return _remote(doc, sub, live, actors, armed)

    if "detain" in classes and "press" in kinds and not protesters:
        # journalists taken before or at a protest: an arrest event of its own (ACLED)
        victim = next(m for m in actors if m.kind == "press")
        return Coded("Arrests", "State forces", "Civilians", state[0].name if state else None, victim.name,
                     live, 0.6)
    if demo_before and not demo_here and classes & ACTIONS == {"detain"} and not _several(doc, a, b):
        demo_before = False  # "задержан директор завода" after a protest story: one person, not the crowd
    irregular = [m for m in armed if m.kind != "state"]
    if irregular and not protesters and classes & CROWD_VIOLENCE and not classes & DEMO_CORE - {"riot"}:
        demo_story = demo_before = False   # separatists or militants clashing: a battle, not a riot
    if state and classes & {"storm", "seize"} and not protesters and not classes & DEMO_CORE and any(
            _state_agent(doc, h, actors) for h in live if h.cls in ("storm", "seize")):
        classes -= {"storm", "seize"}   # soldiers storming a hotel, the police seizing an office: no crowd
    if demo_story and classes & CROWD_VIOLENCE and not crime:
        demo_before = True   # in a story of protests, cars burnt and buildings stormed are the riot
    if "abduct" in classes and not crime and not classes & CROWD_VIOLENCE and (
            armed or kinds & {"political", "press", "mob", "protester"} or "protester" in classes):
        # marchers taken hostage, activists kidnapped: an abduction of its own, not the protest (ACLED)
        return _one_sided(doc, "Abduction/forced disappearance", live, actors, armed)
    if "lynch" in classes and not classes & (DEMO_CORE - {"riot"}):
        return Coded("Mob violence", "Rioters", "Civilians", None, None, live, 0.55)   # a lynch mob is no protest
    if classes & (DEMO_CORE | {"block"}) or ((demo_here or demo_before and not crime) and classes & ACTIONS):
        coded = _demo(doc, live, classes, actors, state)
        if coded.sub == "Peaceful protest" and not demo_here:
            return None   # an act of unknown doers after a protest story: nothing new is reported
        return coded
    if crime:
        return None

    for cls, sub in (("hq", "Headquarters or base established"), ("transfer", "Non-violent transfer of territory"),
                     ("change", "Change to group/activity")):
        if cls in classes and armed:
            return Coded(sub, ACLED_KIND[armed[0].kind], None, armed[0].name, None, live, 0.45)
    if "lynch" in classes:
        return Coded("Mob violence", "Rioters", "Civilians", None, None, live, 0.55)
    if "regain" in classes and state:
        return Coded("Government regains territory", "State forces", None, state[0].name, None, live, 0.55)
    if "overtake" in classes and irregular:
        m = irregular[0]
        return Coded("Non-state actor overtakes territory", ACLED_KIND[m.kind], None, m.name, None, live, 0.55)
    if ("battle" in classes and armed or "clash" in classes and irregular) and "civilian" not in kinds:
        sides = _two_sides(doc, armed)
        return Coded("Armed clash", ACLED_KIND[sides[0].kind],
                     ACLED_KIND[sides[1].kind] if len(sides) > 1 else None,
                     sides[0].name, sides[1].name if len(sides) > 1 else None, live, 0.6)
    if "detain" in classes and ("political" in kinds or political_before):
        victim = next((m for m in actors if m.kind == "political"), None)
        return Coded("Arrests", "State forces", "Civilians", state[0].name if state else None,
                     victim.name if victim else None, live, 0.6)
    if "abduct" in classes and (armed or kinds & {"political", "press", "mob"}):
        return _one_sided(doc, "Abduction/forced disappearance", live, actors, armed)
    if "sexual" in classes and armed:
        return _one_sided(doc, "Sexual violence", live, actors, armed)
    if classes & {"lethal", "beat"} and (irregular or state and kinds & {"civilian", "political", "press"}):
        coded = _one_sided(doc, "Attack", live, actors, irregular or armed)
        victims = kinds & {"civilian", "political", "press", "protester"}
        if not irregular and coded.actor1 != "State forces":
            return None   # the police among the victims ("погиб полицейский"), no doer named
        if irregular and state and not victims and coded.actor1 != "State forces":
            # insurgents attacking soldiers or the police: a fight between armed groups (ACLED)
            return Coded("Armed clash", coded.actor1, "State forces", coded.actor1_name, None, live, 0.5)
        return coded
    mobs = [m for m in actors if m.kind == "mob"]
    if classes & {"clash", "throw", "arson", "vandal"} and mobs and state and not irregular:
        # youths or a mob fighting the police: a riot (ACLED: rioters vs state forces)
        return Coded("Violent demonstration", "Rioters", "State forces", mobs[0].name, state[0].name, live, 0.55)
    beaters = [_agent(doc, h, actors) for h in live if h.cls == "beat"]
    if "clash" in classes and kinds & {"political", "mob"} or any(
            m is not None and m.kind in ("political", "mob") for m in beaters):
        # party factions or a mob fighting, no armed group or gathering named: mob violence (a beating
        # needs the mob as its doer: "по словам правозащитников, он был избит" names no mob)
        return Coded("Mob violence", "Rioters", "Rioters" if "clash" in classes else "Civilians", None, None,
                     live, 0.5)
    if classes & {"loot", "vandal", "arson"} and (irregular or mobs):
        return _one_sided(doc, "Looting/property destruction", live, actors, irregular or mobs)
    if "agreement" in classes:
        return Coded("Agreement", ACLED_KIND[armed[0].kind] if armed else "State forces", None, None, None,
                     live, 0.5)
    return None


def _demo(doc: Doc, live: list[Hit], classes: set[str], actors: list[ActorMention],
          state: list[ActorMention]) -> Coded:
    # the police as the news source ("police said", "по данным полиции") are not at the scene
    state = [m for m in state if not _source_only(doc, m)]
    state_name = next((m.name for m in state if m.name), None)
    group = next((m.name for m in actors if m.kind in ("political", "protester") and m.name), None)
    violent_act = [h for h in live if h.cls in ("beat", "lethal")]
    agents = [_agent(doc, h, actors) for h in violent_act]
    mob = next((m for m in agents if m is not None and m.kind == "mob"), None)
    if mob is not None and ("protester" in {m.kind for m in actors} or any(
            _aimed_at_gathering(doc, h, live) for h in violent_act)):
        return Coded("Mob violence", "Rioters", "Protesters", mob.name, group, live, 0.6)
    if mob is not None and not state:
        # a mob beating someone, no police in sight: mob violence; rioters fighting the police riot
        return Coded("Mob violence", "Rioters", "Civilians", mob.name, None, live, 0.55)
    on_gathering = [i for i, h in enumerate(violent_act) if _aimed_at_gathering(doc, h, live)]
    if on_gathering and all(agents[i] is None or agents[i].kind != "state" for i in on_gathering) and not state:
        # "напад на проукраїнський мітинг": an attack on a gathering by others than the police
        return Coded("Mob violence", "Rioters", "Protesters", None, group, live, 0.55)
    crowd_hits = any(m is not None and m.kind == "protester" for m in agents) or _police_hurt(live, state)
    state_hits = any(m is not None and m.kind == "state" for m in agents)
    if classes & CROWD_VIOLENCE or crowd_hits:
        actor2 = "State forces" if state or classes & INTERVENTION else None
        return Coded("Violent demonstration", "Rioters", actor2, group, state_name, live, 0.7)
    lethal = any(h.cls == "lethal" for h in live)
    if lethal and state and (state_hits or not agents or agents[0] is None):
        return Coded("Excessive force against protesters", "Protesters", "State forces", group, state_name,
                     live, 0.55)
    if classes & INTERVENTION or state_hits:
        return Coded("Protest with intervention", "Protesters", "State forces", group, state_name, live, 0.7)
    return Coded("Peaceful protest", "Protesters", None, group, None, live, 0.65)


def _crowd(doc: Doc, a: int, b: int) -> bool:
    """'сотни человек перекрыли улицы', 'residents blocked the road': people, not a landslide or the police."""
    return any(t.an.lemma in _CROWD or t.lower in _CROWD for t in doc.tokens[a:b])


_CROWD = frozenset({"человек", "людина", "люди", "people", "житель", "мешканець", "резидент", "residents", "resident",
                    "villagers", "farmers", "фермер", "фермери", "фермеры", "водители", "водій", "водитель", "drivers"})


def _state_agent(doc: Doc, h: Hit, actors: list[ActorMention]) -> bool:
    """Did the state's forces do it? Not 'extremist forces' (a qualifier of another kind before it)."""
    m = _agent(doc, h, actors)
    if m is None or m.kind != "state":
        return False
    return not any(o.kind != "state" and o.first == m.first - 1 for o in actors)


_SAY = frozenset({"say", "said", "says", "report", "reported", "tell", "told", "сообщить", "заявить", "сказать",
                  "сообщать", "повідомити", "заявити", "сказати", "повідомляти", "according", "данные", "дані",
                  "слово", "словам", "сообщение", "повідомлення", "пресс-служба", "пресслужба"})


def _source_only(doc: Doc, m: ActorMention) -> bool:
    """'…, police said', 'по данным полиции', 'повідомили в поліції': the mention is a source of the news."""
    toks = doc.tokens
    k = doc.token_at(m.end - 1) if m.end > m.start else m.first
    near = [t for t in toks[max(m.first - 3, 0):m.first] + toks[k + 1:k + 3] if t.is_word]
    return any(t.lower in _SAY or t.an.lemma in _SAY for t in near)


def _several(doc: Doc, a: int, b: int) -> bool:
    """A figure or a word for people in the sentence: detentions of a crowd, not of one person."""
    for t in doc.tokens[a:b]:
        if t.text[:1].isdigit() or t.an.pos == "NUMR" or t.lower in _PEOPLE or t.an.lemma in _PEOPLE:
            return True
    return False


_PEOPLE = frozenset({"человек", "людина", "люди", "people", "person", "persons", "dozens", "hundreds", "десятки",
                     "сотни", "сотні", "несколько", "кілька", "several", "many", "многие", "багато"})


def _aimed_at_gathering(doc: Doc, h: Hit, live: list[Hit]) -> bool:
    """'attack on the rally', 'напад на мітинг': the act's object is the gathering itself."""
    k = h.last + 1
    if k >= len(doc.tokens) or doc.tokens[k].lower not in ("на", "on", "against", "проти", "против"):
        return False
    return any(g.cls in ("demo", "protest", "action", "protester") and 0 < g.first - k <= 3 for g in live)


def _police_hurt(live: list[Hit], state: list[ActorMention]) -> bool:
    """'14 police officers were injured': violence by the demonstrators is implied."""
    for h in live:
        if h.cls != "injured":
            continue
        for m in state:
            if 0 < h.first - m.first <= 4 or (0 < m.first - h.last <= 3 and m.case in ("nomn", "gent")):
                return True
    return False


def _agent(doc: Doc, h: Hit, actors: list[ActorMention]) -> ActorMention | None:
    """Who did it: the agent of a passive after the verb (instrumental case, 'by'), else the closest
    actor before it."""
    after = [m for m in actors if m.first > h.last]
    for m in after[:2]:
        if _agent_ablt(doc, m) or m.kind == "state" and m.first - h.last <= 2 and m.case is None:
            return m
    before = [m for m in actors if m.first < h.first and m.kind != "civilian" and _subject_like(doc, m)]
    if before:
        return before[-1]
    # verb before its subject, common in uk/ru: "мітинг побили проросійські молодики"
    return next((m for m in after if m.case == "nomn" and m.first - h.last <= 4), None)


def _agent_ablt(doc: Doc, m: ActorMention) -> bool:
    """The instrumental of a passive's agent ('обстреляны военными'), not one governed by a
    preposition ('конвой с румынскими солдатами', 'между ВСУ и армией')."""
    if m.case != "ablt":
        return False
    for k in range(m.first - 1, max(m.first - 4, -1), -1):
        t = doc.tokens[k]
        if t.an.pos == "PREP" or t.lower in _OBJECT_PREPS or t.lower in _BETWEEN:
            return False
        if t.an.pos not in ("ADJF", "PRTF", "CONJ") and not t.is_title:
            break
    return True


_OBJECT_PREPS = frozenset({"on", "at", "against", "upon", "to", "with", "outside", "near", "of", "into", "for", "на", "по", "в", "против", "проти", "у",
                           "с", "з", "із", "за"})


def _subject_like(doc: Doc, m: ActorMention) -> bool:
    """Could this mention be the doer? Not when it is governed by a preposition ("fired on protesters",
    "напали на протестующих") or, in uk/ru, when its case is not nominative."""
    if m.case is not None and m.case != "nomn":
        return False
    for k in range(m.first - 1, max(m.first - 3, -1), -1):
        t = doc.tokens[k]
        if t.lower in _OBJECT_PREPS:
            return False
        if not (t.an.pos in ("ADJF", "PRTF") or (t.an.pos is None and t.is_word
                                                   and (t.lower.endswith("ful") or t.lower in ("a", "an", "the")))):
            break
    return True


_REMOTE_CLASSES = frozenset(cls for cls, _sub in REMOTE)


def _remote(doc: Doc, sub: str, live: list[Hit], actors: list[ActorMention], armed: list[ActorMention]) -> Coded:
    # the perpetrator is a subject-like armed actor; an unnamed one is coded as ACLED's unidentified
    # armed group (a political militia); an armed actor only as the target ("a bomb outside a police
    # station") is actor2
    first = min((h.first for h in live if h.cls in _REMOTE_CLASSES), default=0)
    doers = [m for m in armed if (m.first < first and _subject_like(doc, m)) or _agent_ablt(doc, m)
             or (m.first > 0 and doc.tokens[m.first - 1].lower in ("by", "від", "со", "стороны", "сторони"))]
    targets = [m for m in armed if m not in doers]
    a1 = doers[0] if doers else None
    civ = any(m.kind == "civilian" for m in actors) or _people_hurt(doc, live)
    actor2 = "Civilians" if civ else (ACLED_KIND[targets[0].kind] if targets else None)
    if a1 is None:
        # unnamed: the weapon's usual user (run() prefers a perpetrator the story names elsewhere)
        return Coded(sub, WEAPON_USER.get(sub, "Political militia"), actor2, None, None, live, 0.6, guessed=True)
    return Coded(sub, ACLED_KIND[a1.kind], actor2, a1.name, None, live, 0.65)


_VICTIMS = frozenset({"людина", "люди", "человек", "people", "person", "persons"})


def _people_hurt(doc: Doc, live: list[Hit]) -> bool:
    """'поранено трьох людей', 'пострадали два человека': people (not soldiers) hurt by a strike."""
    hurt = [h for h in live if h.cls in ("injured", "lethal")]
    if not hurt:
        return False
    si = doc.sentence_of(hurt[0].start)
    a, b = doc.sent_tokens[si]
    return any(t.an.lemma in _VICTIMS or t.lower in _VICTIMS for t in doc.tokens[a:b])


_ONE_SIDED_ACTS = frozenset({"abduct", "sexual", "lethal", "beat", "loot", "vandal", "arson"})


def _one_sided(doc: Doc, sub: str, live: list[Hit], actors: list[ActorMention],
               armed: list[ActorMention]) -> Coded:
    """The perpetrator is the doer of the act (the subject before it, the agent of a passive), not
    an actor named elsewhere in the sentence ("..., повідомили в поліції"). Unidentified doers
    ("невідомі", "unknown assailants") are ACLED's unidentified armed group: a political militia;
    for looting, an unknown crowd stays rioters."""
    first = min((h.first for h in live if h.cls in _ONE_SIDED_ACTS), default=0)
    doers = [m for m in actors if m.kind in ARMED | {"mob"} and (
        (m.first < first and _subject_like(doc, m)) or _agent_ablt(doc, m)
        or (m.first > 0 and doc.tokens[m.first - 1].lower in ("by", "від", "стороны", "сторони")))]
    a1 = doers[-1] if doers else next((m for m in armed if m.first < first and _subject_like(doc, m)), None)
    if a1 is None or a1.kind == "mob" and not sub.startswith("Looting"):
        kind = "Political militia"
    else:
        kind = ACLED_KIND[a1.kind]
    return Coded(sub, kind, "Civilians", a1.name if a1 else None, None, live, 0.55)


def _two_sides(doc: Doc, armed: list[ActorMention]) -> list[ActorMention]:
    sides: list[ActorMention] = []
    for m in armed:
        if all(m.kind != s.kind or (m.name and m.name != s.name) for s in sides):
            sides.append(m)
    if len(sides) == 1:
        # two armies: "between Ukrainian forces and Russian troops", "ВСУ и российскими войсками"
        other = next((m for m in armed if m.first > sides[0].first and (
            _joined(doc, sides[0], m) or _object_of_verb(doc, sides[0], m))), None)
        if other is not None:
            sides.append(other)
    return sides[:2]


def _object_of_verb(doc: Doc, a: ActorMention, b: ActorMention) -> bool:
    """uk/ru: 'Збройні сили Азербайджану атакували позиції вірменської армії': a nominative side,
    a verb, then another army in an oblique case is the other side."""
    if a.case != "nomn" or b.case not in ("gent", "accs", "datv") or b.kind != a.kind:
        return False
    between = doc.tokens[a.first + 1:b.first]
    return any(t.an.pos == "VERB" for t in between) and not any(t.text in ".;" for t in between)


_SIDE_LINKS = frozenset({"and", "with", "against", "и", "і", "й", "та", "с", "со", "з", "із", "зі", "против",
                         "проти", "vs"})
_AND = frozenset({"and", "и", "і", "й", "та"})


def _joined(doc: Doc, a: ActorMention, b: ActorMention) -> bool:
    """Two actor phrases linked as the two sides of a fight: only a conjunction or 'with' (and the
    words of b's own noun phrase) lie between them."""
    k = doc.token_at(a.end - 1) + 1 if a.end > a.start else a.first + 1
    # "police and soldiers fought rebels" is one side: "and" joins two sides only after "between"
    between = any(t.lower in _BETWEEN for t in doc.tokens[max(a.first - 3, 0):a.first])
    link = False
    for t in doc.tokens[k:b.first]:
        if t.lower in _SIDE_LINKS and not link and (between or t.lower not in _AND):
            link = True
        elif not link or t.an.pos not in ("ADJF", "PRTF") and not (t.an.pos is None and t.is_title):
            return False
    return link


# ---------------------------------------------------------------- the stage

def run(ctx: Context) -> None:
    """Fill ctx.events."""
    doc = ctx.doc
    if not doc.tokens:
        return
    strike_article = _strike_article(doc)
    read: list[tuple[int, Coded | None, list[Hit]]] = []
    last_demo = last_political = -10
    kept = [si for si, s in enumerate(doc.sentences) if not (ctx.skip and ctx.skipped(s.start, s.end))]
    lives = {si: sentence_hits(doc, si, strike_article)[0] for si in kept}
    # a story of protests anywhere (a headline may come before the protesters are named)
    demo_story = any(h.cls in DEMO_CORE or h.cls == "protester" for live in lives.values() for h in live)
    past = doc.memo.get("historic_sents", set())
    for si in kept:
        live = lives[si]
        if (si - 1 in past or si - 2 in past) and not _own_past_date(ctx, si) and si not in past:
            # "In November 2013, thousands gathered… Riot police dispersed them": the recollection goes on
            live = []
        coded = code_sentence(doc, si, live, si - last_demo <= DEMO_MEMORY, si - last_political <= 1,
                              demo_story)
        if any(h.cls in DEMO_CORE or h.cls == "protester" for h in live):
            last_demo = si
        if live:
            a, b = doc.sent_tokens[si]
            if any(m.kind == "political" for m in actors_in(doc, a, b)):
                last_political = si
        read.append((si, coded, live))
    if _criminal_story(read):
        return  # a robbery, a drunk's rampage, a fraud arrest: crime, not political violence
    _story_perpetrator(read)
    _victims_next(doc, read)
    triggered = {si for si, _c, live in read if live}
    doc.memo["event_coded"] = {si for si, c, _live in read if c is not None}
    cands: list[Candidate] = []
    story: tuple[int, date | None, int] | None = None  # the last trigger sentence that gave its own date
    for si, coded, live in read:
        if coded is not None:
            cands.extend(_locate(ctx, si, coded, triggered, cands, story))
        if live and _own_date(ctx, si):
            story = (si, *_event_date(ctx, doc.sentences[si].start, doc.sentences[si].end))
    towns = {c.coded.family for c in cands if c.place.kind in ("city", "district")}
    finer = {c.coded.family for c in cands if c.place.kind != "country"}
    # a region named beside towns summarises them ("protests spread across the region"); a country
    # stands for an event only when nothing finer is known of that kind
    cands = [c for c in cands if (c.place.kind != "admin1" or c.coded.family not in towns)
             and (c.place.kind != "country" or (EMIT_COUNTRY_LEVEL and c.coded.family not in finer))]
    if not any(c.coded.sub not in ("Agreement", "Other") for c in cands):
        cands = []  # talks and deals count only in a story of unrest or fighting
    ctx.events = _merge(ctx, cands)


def _story_perpetrator(read: list[tuple[int, Coded | None, list[Hit]]]) -> None:
    """An unnamed strike in a story whose other strikes name their perpetrator ("Russian forces
    attacked Odesa with drones. ... the drone hit a house") is theirs."""
    named = next((c for _si, c, _l in read if c is not None and c.event_type == "Explosions/Remote violence"
                  and not c.guessed and c.sub != "Disrupted weapons use"), None)
    if named is None:
        return
    for _si, c, _l in read:
        if c is not None and c.guessed:
            c.actor1, c.actor1_name, c.guessed = named.actor1, named.actor1_name, False


def _victims_next(doc: Doc, read: list[tuple[int, Coded | None, list[Hit]]]) -> None:
    """'Росіяни обстріляли Нікополь. Поранено двох цивільних.': the next sentence's hurt civilians
    are the strike's victims."""
    by_si = {si: (c, live) for si, c, live in read}
    for si, c, _live in read:
        if c is None or c.actor2 is not None or c.event_type != "Explosions/Remote violence" \
                or c.sub == "Disrupted weapons use" or si + 1 not in by_si:
            continue
        nc, nlive = by_si[si + 1]
        if nc is not None:
            continue   # a report of its own, with its own victims
        a, b = doc.sent_tokens[si + 1]
        civ = any(m.kind == "civilian" for m in actors_in(doc, a, b))
        if any(h.cls in ("injured", "lethal") for h in nlive) and (civ or _people_hurt(doc, nlive)):
            c.actor2 = "Civilians"


def _criminal_story(read: list[tuple[int, Coded | None, list[Hit]]]) -> bool:
    """Crime (or sport) words in the lead or twice in the story, and no gathering of protesters anywhere."""
    crime = [si for si, _c, live in read if any(h.cls in ("crime", "sport") for h in live)]
    gathering = any(h.cls in ("demo", "protest", "action", "protester", "disperse") for _si, _c, live in read
                    for h in live)
    if crime and not any(h.cls == "crime" for _si, _c, live in read for h in live):
        # fans fighting the police after a match: a sport story, but a riot (ACLED)
        gathering = gathering or any(c is not None and c.sub == "Violent demonstration" for _si, c, _l in read)
    return bool(crime) and (len(crime) >= 2 or crime[0] <= 2) and not gathering


def _strike_article(doc: Doc) -> bool:
    """A labour-strike story: its 'protest action' words name the strike, not a gathering."""
    m = matcher(doc.lang, "events")
    for si in range(len(doc.sentences)):
        a, b = doc.sent_tokens[si]
        if any(h.cls == "strike" for h in m.find(doc, a, b)):
            return True
    return False


NON_TRIGGER = frozenset({"protester", "strike", "city_ref", "crime", "sport", "campaign", "commemoration", "idiom",
                         "person", "found", "injured"})


def _concrete(coded: Coded) -> bool:
    """Does the sentence name the act itself (not only 'protests' or the protesters)? Only such a
    sentence may borrow a place from its neighbours or stand at country level."""
    if coded.family == "demo":
        return any(h.cls in (DEMO_CORE | ACTIONS) - ABSTRACT for h in coded.hits)
    return any(h.cls not in ABSTRACT | NON_TRIGGER for h in coded.hits)


def _own_past_date(ctx: Context, si: int) -> bool:
    """A date of the sentence's own that is not after publication ('on November 30' told on 21
    November is a recollection's date, not a new day)."""
    s = ctx.doc.sentences[si]
    pub = ctx.doc.published
    return any(s.start <= d.start < s.end and d.value is not None and (pub is None or d.value <= pub)
               for d in ctx.dates)


def _own_date(ctx: Context, si: int) -> bool:
    s = ctx.doc.sentences[si]
    return any(s.start <= d.start < s.end and d.value is not None for d in ctx.dates)


def _locate(ctx: Context, si: int, coded: Coded, triggered: set[int],
            before: list[Candidate], story: tuple[int, date | None, int] | None) -> list[Candidate]:
    """One candidate per place of the sentence; else the place the places stage gives the clause."""
    doc = ctx.doc
    s = doc.sentences[si]
    found = _places_in(ctx, s.start, s.end, coded.hits)
    towns = _article_towns(ctx)
    if not found and any(h.cls == "city_ref" for h in coded.hits) and towns and towns[0][0] is not None:
        found.append((towns[0][1], 1))   # "в городе", "in the city": the story's town
    if not found and si + 1 < len(doc.sentences) and si + 1 not in triggered:
        # "...attacks on local administrations. This happened in Almaty, Shymkent and Taraz."
        nxt = doc.sentences[si + 1]
        if doc.sent_tokens[si + 1][1] - doc.sent_tokens[si + 1][0] <= 15:
            # places named as such ("в Алматы"), not a capital speaking for its state ("Баку заявил")
            found = [(p, prec) for p, prec in _places_in(ctx, nxt.start, nxt.end, [])
                     if _after_prep(doc, p)]
    concrete = _concrete(coded)
    if not found and concrete:
        # a strike-wave summary ("ворог випустив 88 ракет") is not at a town reported only after it
        wave = coded.event_type == "Explosions/Remote violence" or coded.sub == "Disrupted weapons use"
        got = _event_place(ctx, s.start, s.end, coded.hits, wave)
        if got is not None and got[0].kind == "country" and _country_subject(doc, got[0]) \
                and doc.sentence_of(got[0].start) != si:
            # "Росія атакувала Україну. ППО знищили 37 ракет": not in the attacking country
            other = [p for p in ctx.places if p.kind == "country" and p.score > 0.5 and p.country != got[0].country
                     and not _country_subject(doc, p)]
            got = (other[0], 3) if other else None
        if got is not None and got[0].kind == "country" and s.start <= got[0].start < s.end:
            got = None   # the sentence's own country: chosen below, the attacker's country set aside
        if got is not None:
            found.append(got)
    if not found and concrete:
        # known only at country level: kept aside, coded only when nothing finer exists (ACLED);
        # "Россия атаковала Украину": the country acting (a subject before the act) is not the place
        own = [p for p in ctx.places if s.start <= p.start < s.end and p.kind == "country" and p.score > 0.5]
        first = min((h.first for h in coded.hits), default=0)
        acting = [p for p in own if doc.token_at(p.start) < first and _country_subject(doc, p)]
        found = [(p, 3) for p in own if p not in acting][:1] or [(p, 3) for p in own][:1]
    if not found:
        return []
    day, tp = _event_date(ctx, s.start, s.end)
    if not _own_date(ctx, si):
        # no date of its own: the story goes on from the last dated report just before it, else from
        # the last event told at the same place
        keys = {_place_key(p) for p, _ in found}
        prior = [c for c in before if _place_key(c.place) in keys and c.coded.family == coded.family]
        if story is not None and si - story[0] <= 3 and (not prior or prior[-1].sent < story[0]):
            day, tp = story[1], story[2]
        elif prior:
            day, tp = prior[-1].day, prior[-1].time_precision
        elif day is not None and day == doc.published:
            day, tp = _retrospective_date(ctx, day, tp, triggered)
    if day is not None and doc.published is not None:
        age = (doc.published - day).days
        if age > HISTORIC_DAYS or day > doc.published + timedelta(days=1) or (tp >= 2 and age > 60):
            return []   # history, the future, or a months-old background mention ("In May, ...")
    ev = [(s.start, s.end)] + [(h.start, h.end) for h in coded.hits if h.cls not in ("protester", "strike")]
    return [Candidate(coded, si, p, prec, day, tp, ev + [(p.start, p.end)]) for p, prec in found]


def _after_prep(doc: Doc, p: PlaceMention) -> bool:
    """'в Алматы', 'in Taraz', 'под Харьковом': a place named as such."""
    k = doc.token_at(p.start) - 1
    # skip qualifiers and the earlier items of a list ("в Алматы, Шымкенте и Таразе")
    while k >= 0 and (doc.tokens[k].an.pos in ("ADJF", "PRTF", "CONJ") or doc.tokens[k].text == ","
                      or doc.tokens[k].lower in _AND or doc.tokens[k].is_title and k > 0):
        k -= 1
    return k >= 0 and (doc.tokens[k].an.pos == "PREP" or doc.tokens[k].lower in _OBJECT_PREPS
                       or doc.tokens[k].lower in _PLACE_PREPS)


def _country_subject(doc: Doc, p: PlaceMention) -> bool:
    """A country named as the doer: nominative (uk/ru), or not after a preposition (en)."""
    ti = doc.token_at(p.start)
    case = doc.tokens[ti].an.case
    if case is not None:
        return case == "nomn"
    return ti == 0 or doc.tokens[ti - 1].lower not in _OBJECT_PREPS


def _retrospective_date(ctx: Context, day: date, tp: int, triggered: set[int]) -> tuple[date, int]:
    """A story looking back at one earlier day or span ("4-6 January", told on 26 January) in a
    sentence that reports unrest: its undated sentences belong to that span, not to the publication day."""
    pub = ctx.doc.published
    days = {d.value for d in ctx.dates if d.kind in ("date", "range") and d.value is not None
            and pub is not None and 2 <= (pub - d.value).days <= 45}
    told = {d.value for d in ctx.dates if d.value in days and not _historic_sentence(ctx, d.start)}
    if len(days) == 1 and told and not any(d.kind in ("relative", "weekday") for d in ctx.dates):
        return days.pop(), 2
    return day, tp


def _historic_sentence(ctx: Context, offset: int) -> bool:
    si = ctx.doc.sentence_of(offset)
    a, b = ctx.doc.sent_tokens[si]
    return any(c.cls == "historic" for c in modality_cues(ctx.doc, a, b))


def _place_key(p: PlaceMention) -> object:
    return p.geonameid or p.name.lower()


def _places_in(ctx: Context, start: int, end: int, hits: list[Hit]) -> list[tuple[PlaceMention, int]]:
    """Towns (else regions) named in [start, end), one per place, in text order."""
    here = [p for p in ctx.places if start <= p.start < end and p.kind != "country"
            and _plausible(ctx, p, hits)]
    here = _first_of_between(ctx.doc, here)
    here = _drop_locators(ctx.doc, here)
    if any(p.kind in ("city", "district") for p in here):
        here = [p for p in here if p.kind in ("city", "district")]
    found: list[tuple[PlaceMention, int]] = []
    seen: set[object] = set()
    for p in here:
        if _place_key(p) not in seen:
            seen.add(_place_key(p))
            prec = PLACE_PRECISION.get(p.kind, 1)
            found.append((p, 2 if prec == 1 and _near_cue(ctx.doc, p) else prec))
    return found


def _near_cue(doc: Doc, p: PlaceMention) -> bool:
    """'под Харьковом', 'near Minsk': the event is near the town, not in it (geo_precision 2)."""
    lex = getattr(_places, "lexicon", None)
    cues = getattr(lex(doc.lang), "near_cues", frozenset()) if lex else frozenset()
    k = doc.token_at(p.start) - 1
    for _ in range(2):
        if k < 0:
            return False
        t = doc.tokens[k]
        if t.lower in cues or t.an.lemma in cues:
            return True
        if t.an.pos != "PREP" and t.lower not in ("of", "the"):
            return False
        k -= 1
    return False


def _drop_locators(doc: Doc, places: list[PlaceMention]) -> list[PlaceMention]:
    """'in Nanterre, near Paris', 'в Бучі під Києвом': the second town only locates the first."""
    out: list[PlaceMention] = []
    for p in places:
        if out and _near_cue(doc, p) and doc.token_at(p.start) - doc.token_at(out[-1].end - 1) <= 3:
            continue
        out.append(p)
    return out


_BETWEEN = frozenset({"между", "між", "between"})


def _first_of_between(doc: Doc, places: list[PlaceMention]) -> list[PlaceMention]:
    """'дорога между Исламабадом и Равалпинди': one event, at the first town."""
    out: list[PlaceMention] = []
    skip_next = False
    for p in places:
        if skip_next:
            skip_next = False
            continue
        k = doc.token_at(p.start)
        if k > 0 and doc.tokens[k - 1].lower in _BETWEEN:
            skip_next = True
            if out:
                continue   # "село Миколаївка ... між Артемівськом і Горлівкою": both only locate it
        out.append(p)
    return out


def _plausible(ctx: Context, p: PlaceMention, hits: list[Hit] | tuple[Hit, ...] = ()) -> bool:
    """Guards against gazetteer false hits where an event's place is at stake: a person's name read
    as a town ("Биби" -> Beebe), a word of a trigger phrase ("коктейль Молотова"), a place known
    only from an adjective, or a lone small town of a country the article otherwise never mentions."""
    doc = ctx.doc
    ti = doc.token_at(p.start)
    if p.score < 0.5 or p.score == 0.5 and not (p.kind == "city" and _after_place_prep(doc, ti)):
        return False   # a doubtful reading, unless a preposition of place governs it ("под Донецком")
    if any(h.start <= p.start < h.end for h in hits):
        return False
    tags = doc.tokens[ti].an.tags
    small = p.population < 150_000
    if tags & _PERSON_TAGS and "Geox" not in tags and small and not _after_place_prep(doc, ti):
        return False
    nxt_t = doc.tokens[ti + 1] if ti + 1 < len(doc.tokens) else None
    if doc.tokens[ti].an.pos == "ADJF" and nxt_t is not None and nxt_t.an.lemma in _STREET_NOUNS:
        return False   # "в Киевском районе" (of Donetsk), "на Харьковском шоссе": a district or street
    if p.kind == "city" and p.text.isupper() and len(p.text) <= 3 and "Geox" not in tags:
        return False   # an abbreviation ("ВР", "МВД") read as a town
    nxt = doc.token_at(p.end)
    if small and p.end < len(doc.text) and nxt > ti and doc.tokens[nxt].start >= p.end \
            and doc.tokens[nxt].is_title and doc.text[p.end:doc.tokens[nxt].start] == " " \
            and not any(m.start == doc.tokens[nxt].start for m in ctx.places):
        return False   # "Ariel Falcón": a first name before a surname
    countries = _article_countries(ctx)
    if p.country and countries and countries.get(p.country, 0) <= 1 and max(countries.values()) >= 2:
        return False
    return True


_PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
_STREET_NOUNS = frozenset({"район", "улица", "проспект", "шоссе", "переулок", "бульвар", "вокзал", "рынок",
                           "вулиця", "провулок", "шосе", "ринок", "мікрорайон", "микрорайон", "трасса", "траса"})
# prepositions that take places, not people: "под Бахмутом", "біля Авдіївки", "near Kharkiv"
_PLACE_PREPS = frozenset({"под", "під", "возле", "около", "біля", "поблизу", "неподалік", "неподалеку", "near",
                          "outside", "околиці", "окрестностях"})


def _after_place_prep(doc: Doc, ti: int) -> bool:
    """A name after a preposition of place ('под Бахмутом'), or in the locative after в/у ('в Иванове'),
    is a place, whatever else the word may be."""
    if ti == 0:
        return False
    prev = doc.tokens[ti - 1].lower
    if prev in _PLACE_PREPS:
        return True
    if prev not in ("в", "у", "во"):
        return False
    t = doc.tokens[ti]
    if t.an.case == "loct":
        return True
    # "У Мінську силовики…": read as an adjective ("мінську") that agrees with no noun after it
    nxt = doc.tokens[ti + 1] if ti + 1 < len(doc.tokens) else None
    return t.is_title and t.an.pos == "ADJF" and not (
        nxt is not None and nxt.an.pos == "NOUN" and nxt.an.case == t.an.case and nxt.an.number == t.an.number)


def _article_countries(ctx: Context) -> dict[str, int]:
    """Confident place mentions per country (computed once per article: places are final here)."""
    out: dict[str, int] | None = ctx.doc.memo.get("event_countries")
    if out is None:
        out = {}
        for m in ctx.places:
            if m.country and m.score > 0.5:
                out[m.country] = out.get(m.country, 0) + 1
        ctx.doc.memo["event_countries"] = out
    return out


def _event_place(ctx: Context, start: int, end: int, hits: list[Hit],
                 wave: bool = False) -> tuple[PlaceMention, int] | None:
    """Where a sentence without a town of its own happened.

    The places stage's resolver is trusted for what lies close (the same sentence, the three before,
    the dateline) and for the article's main town; a town met only far away in the story is not
    taken. When it has nothing better than a country, a story that names one town only is about it."""
    doc = ctx.doc
    si = doc.sentence_of(start)
    near_start = doc.sentences[max(si - 3, 0)].start
    towns = _article_towns(ctx)
    fn = getattr(_places, "event_place", None)
    country: tuple[PlaceMention, int] | None = None
    if fn is not None:
        got = fn(ctx, start, end)
        if got is not None and got[0].kind == "country" and EMIT_COUNTRY_LEVEL:
            country = got   # kept for last: the story's country when no town can be told
        elif got is not None and got[0].kind != "country" and _plausible(ctx, got[0], hits) \
                and not (wave and got[0].start >= end):
            p = got[0]
            if p.start >= start and p.start < end:
                return got
            if _list_sentence(ctx, p):
                return None
            if p.start >= near_start or p.start < 80 or p.kind == "admin1" or (towns and _place_key(p) == towns[0][0]):
                return got
    prior = [p for p in ctx.places if near_start <= p.start < start and p.kind in ("city", "district")
             and _plausible(ctx, p)]
    if prior:
        if _list_sentence(ctx, prior[-1]):
            return None   # "protests in A, B, C and D. Clashes were reported.": which town is unknown
        return prior[-1], 2
    if towns and towns[0][0] is not None and not any(start <= p.start < end for p in ctx.places) \
            and not (wave and towns[0][1].start >= end):
        return towns[0][1], 2   # the story's main town; a sentence naming a country stays country-level
    return country


def _list_sentence(ctx: Context, p: PlaceMention) -> bool:
    """Is p one town of a list in its sentence (two or more distinct towns)?"""
    s = ctx.doc.sentences[ctx.doc.sentence_of(p.start)]
    keys = {_place_key(m) for m in ctx.places if s.start <= m.start < s.end and m.kind in ("city", "district")}
    return len(keys) >= 2


def _article_towns(ctx: Context) -> list[tuple[object, PlaceMention]]:
    """The article's plausible towns as [(key, first mention)], most mentioned first; on a tie for
    the first place the first key is None (no main town)."""
    cached: list[tuple[object, PlaceMention]] | None = ctx.doc.memo.get("article_towns")
    if cached is None:
        cached = ctx.doc.memo["article_towns"] = _rank_towns(ctx)
    return cached


def _rank_towns(ctx: Context) -> list[tuple[object, PlaceMention]]:
    count: dict[object, int] = {}
    first: dict[object, PlaceMention] = {}
    for p in ctx.places:
        if p.kind in ("city", "district") and _plausible(ctx, p):
            k = _place_key(p)
            count[k] = count.get(k, 0) + 1
            first.setdefault(k, p)
    ranked = sorted(count, key=lambda k: -count[k])
    out: list[tuple[object, PlaceMention]] = [(k, first[k]) for k in ranked]
    if len(ranked) > 1 and count[ranked[0]] == count[ranked[1]]:
        out[0] = (None, out[0][1])
    return out


def _event_date(ctx: Context, start: int, end: int) -> tuple[date | None, int]:
    fn = getattr(_dates, "event_date", None)
    if fn is not None:
        return fn(ctx, start, end)
    for d in ctx.dates:
        if start <= d.start < end and d.value is not None and d.kind != "historic":
            return d.value, d.precision
    return ctx.doc.published, 1


def _merge(ctx: Context, cands: list[Candidate]) -> list[Event]:
    """ACLED's unit: one date x place x type (demonstrations: Protests and Riots together)."""
    groups: dict[tuple[object, ...], list[Candidate]] = {}
    for c in cands:
        key = (c.day, c.place.geonameid or c.place.name.lower(), c.coded.family)
        groups.setdefault(key, []).append(c)
    text = ctx.doc.text
    events: list[Event] = []
    for group in groups.values():
        best = max(group, key=_severity)
        co = best.coded
        actor2 = co.actor2
        if co.sub == "Violent demonstration" and any(c.coded.actor2 == "State forces" for c in group):
            actor2 = "State forces"
        if actor2 is None and co.family != "demo":
            # another report of the same event may name the victims ("…two civilians were killed")
            actor2 = next((c.coded.actor2 for c in group if c.coded.actor2), None)
        spans: list[Span] = []
        seen: set[tuple[int, int]] = set()
        for c in sorted(group, key=lambda c: c.sent):
            for a, b in c.evidence:
                if (a, b) not in seen and a < b:
                    seen.add((a, b))
                    spans.append(Span.of(text, a, b))
        p = best.place
        conf = min(0.95, co.confidence + 0.05 * (len(group) - 1) + (0.1 if best.geo_precision == 1 else 0))
        events.append(Event(
            event_type=co.event_type, sub_event_type=co.sub,
            date=best.day.isoformat() if best.day else None, time_precision=best.time_precision,
            country=p.country, admin1=p.admin1, location=p.name, geonameid=p.geonameid,
            latitude=p.latitude, longitude=p.longitude, geo_precision=best.geo_precision,
            actor1=co.actor1, actor2=actor2,
            actor1_name=co.actor1_name or next((c.coded.actor1_name for c in group if c.coded.actor1_name), None),
            actor2_name=co.actor2_name if actor2 == co.actor2 else None,
            fatalities=_fatalities(ctx, group) if co.sub != "Peaceful protest" else None,
            evidence=spans, confidence=round(conf, 2),
        ))
    events.sort(key=lambda e: e.evidence[0].start if e.evidence else 0)
    return events


def _severity(c: Candidate) -> tuple[float, float]:
    """The reading a merged event takes: the most severe; a mob's attack on a gathering names who
    started the violence, so it outranks the crowd's own violence told elsewhere in the story."""
    sev = float(SEVERITY.get(c.coded.sub, 0))
    if c.coded.sub == "Mob violence" and c.coded.actor2 == "Protesters":
        sev += 0.5
    return sev, c.coded.confidence


def _same_scene(ctx: Context, si: int, group: list[Candidate]) -> bool:
    """Sentence `si` names no date and no place other than the event's own."""
    if si >= len(ctx.doc.sentences):
        return False
    s = ctx.doc.sentences[si]
    if any(s.start <= d.start < s.end for d in ctx.dates):
        return False
    own = {c.place.geonameid or c.place.name for c in group} | {c.place.country for c in group}
    return all((p.geonameid or p.name) in own or p.country in own and p.kind == "country"
               for p in ctx.places if s.start <= p.start < s.end)


def _fatalities(ctx: Context, group: list[Candidate]) -> int | None:
    """The lowest 'killed' figure reported in the event's own sentences (ACLED's rule)."""
    sents = {c.sent for c in group}
    coded = ctx.doc.memo.get("event_coded", set())
    # "Ворог вдарив по ТЦ. Загинули 19 людей.": the next sentence, when it reports nothing of its own.
    # A crowd story's next sentence often recalls another incident or gives the whole unrest's toll;
    # there only the lede's next sentence counts (news states the lede's toll right after it), and only
    # when it names no other day and no other place
    demo = group[0].coded.family == "demo"
    lede = min(coded) if coded else -1
    sents |= {si + 1 for si in sents if si + 1 not in coded
              and (not demo or si == lede and _same_scene(ctx, si + 1, group))}
    # a national toll is no city's own (extract/figures/scope.py)
    local = group[0].place.kind != "country"
    vals = [c.value for c in ctx.counts if c.kind == "killed" and c.evidence
            and ctx.doc.sentence_of(c.evidence[0].start) in sents and not (local and c.scope == "national")]
    return int(min(vals)) if vals else None


# ---------------------------------------------------------------- typing a snippet

@lru_cache(maxsize=1024)
def classify_sentence(text: str, lang: str = "en") -> str | None:
    """The ACLED sub-event type a short report (one or a few sentences) describes, or None.

    Places and dates are ignored; the sentence with the most severe reading wins."""
    doc = analyse(text, lang)
    strike = _strike_article(doc)
    best: Coded | None = None
    last_demo = -10
    for si in range(len(doc.sentences)):
        live, _ = sentence_hits(doc, si, strike)
        coded = code_sentence(doc, si, live, si - last_demo <= DEMO_MEMORY)
        if any(h.cls in DEMO_CORE or h.cls == "protester" for h in live):
            last_demo = si
        if coded is not None and (best is None or _rank(coded) > _rank(best)):
            best = coded
    return best.sub if best else None


def _rank(c: Coded) -> tuple[int, float]:
    order = {"Protests": 1, "Strategic developments": 0, "Riots": 2, "Violence against civilians": 3,
             "Battles": 3, "Explosions/Remote violence": 4}
    return (order.get(c.event_type, 0), SEVERITY.get(c.sub, 0))
