"""Reading one sentence: which triggers are live, and the ACLED sub-event type and actors they make.

`sentence_hits` finds the lemma triggers of `lexicons/<lang>/events.toml` and drops those reported
as planned, denied, hypothetical or historical (`modality.py`); `code_sentence` turns the surviving
trigger classes and the sentence's actors (`actors.py`, `agents.py`) into a `Coded` reading, drawing
ACLED's lines between the violent sub-event types with `violence.py`.
"""

from __future__ import annotations

from ...text.clauses import predicate_between, sentence_clauses
from ...text.doc import Doc
from .actors import ACLED_KIND, ARMED, ActorMention, actors_in
from .agents import (
    agent_of,
    communal_sides,
    doer_before,
    force_present,
    grammar,
    lone_agent,
    passive_between,
    same_clause,
    source_only,
    state_agent,
    two_sides,
)
from .armed import (
    REMOTE,
    REMOTE_CLASSES,
    deal_party,
    fighters_disabled,
    one_sided,
    people_hurt,
    remote,
    weapon_did_it,
)
from .cause import is_grievance
from .coded import Coded
from .modality import blocked, clause_end, historic_year, historic_years, modality_cues
from .public import public_hunger, public_shooting
from .suspicion import armed_suspicion
from .triggers import Hit, is_in, matcher, verb_form, words
from .violence import (
    MODIFIERS,
    aimed_at_gathering,
    aircraft_struck,
    blast_is_attack,
    charges,
    civilians_fought,
    crowd_doer,
    crowd_named,
    grievance,
    group_member,
    harmed,
    held_at_home,
    in_tally,
    killed_by_unknown,
    lone_doer,
    party_men,
    person_taken,
    police_hurt,
    serious_harm,
    several_held,
    several_people,
    subject_after,
    unknown_killer,
    unnamed_sides,
    weapons_used,
)

DEMO_CORE = frozenset({"demo", "march", "street", "protest", "protest_act", "action", "gather", "riot", "disperse",
                       "occupation"})   # a gathering is reported
CROWD_VIOLENCE = frozenset({"riot", "clash", "storm", "seize", "arson", "vandal", "throw", "loot"})
INTERVENTION = frozenset({"disperse", "detain", "force"})
ACTIONS = CROWD_VIOLENCE | INTERVENTION | frozenset({"beat", "lethal", "block", "injured"})
BACKDROP = frozenset({"demo", "march", "street", "protest", "protest_act", "action", "riot", "clash", "gather"})  # what "amid …" can block
ABSTRACT = frozenset({"protest", "action", "protester", "strike", "injured", "city_ref"})  # need a place of their own
# weapons of war no robber uses: a crime word beside them ("a village suspected of hosting rebels")
# does not make their use a crime story
WAR_WEAPONS = frozenset({"shell", "missile", "air", "chemical", "suicide"})
WEAPONS = frozenset(cls for cls, _sub in REMOTE) - {"explosion"}   # classes naming the weapon itself
# words that name a gathering or its dispersal only beside protest words ("марш", "розгін"):
# in a story already about a gathering they need no such words of their own
CONTEXTUAL = frozenset({"disperse", "march", "gather", "regain", "overtake"})
TERRITORIAL = frozenset({"regain", "overtake"})   # weak: taken only with a town as their object (coder)
# violence a deal ends ("a truce ending the clashes", "a peace deal to end the raids")
DEAL_ENDS = frozenset({"battle", "clash", "loot", "lethal", "beat", "shell", "air", "drone", "abduct", "arson",
                       "overtake"})
MOB_ACTS = frozenset({"beat", "lethal", "vandal", "arson", "storm", "throw", "loot"})
# ACLED's non-state armed groups: a deal they make is news of the conflict by itself
ARMED_GROUPS = frozenset({"Rebel group", "Political militia", "Identity militia"})
DEMO_MEMORY = 2               # sentences a reported gathering stays the context of later ones


# ---------------------------------------------------------------- reading one sentence

def sentence_hits(doc: Doc, si: int, strike_article: bool) -> tuple[list[Hit], list[Hit]]:
    """(live hits, all hits) of a sentence: live ones survive modality and the strike rule. Weak hits
    (a context word missing) of the classes in CONTEXTUAL are kept, marked: the story decides."""
    a, b = doc.sent_tokens[si]
    found = [killed_by_unknown(doc, h, a, b) for h in matcher(doc.lang, "events").find(doc, a, b, weak=True)]
    hits = [public_hunger(doc, _people_protested(doc, _participle_is_actor(doc, h), a), b)
            for h in found if _hit_ok(doc, h) and (not h.weak or h.cls in CONTEXTUAL)]
    hits = sorted(hits + _protesters_marched(doc, hits, b), key=lambda h: h.first)
    if not hits:
        return [], []
    cues = modality_cues(doc, a, b)
    live = []
    for h in hits:
        if h.cls in ("protester", "strike"):
            live.append(h)
            continue
        why = blocked(doc, a, b, h, cues)
        if why == "background" and (h.cls in REMOTE_CLASSES or h.cls not in BACKDROP
                                    and not _nominal(doc, h.first)):
            why = None  # "внаслідок обстрілу загинули": the shelling itself; "after police fired": an act
        # a year up to the end of the trigger's own clause dates it ("who was arrested in Dakar in 2021")
        reach = min(max(h.last + 3, clause_end(doc, b, h.last) - 1), b - 1)
        if why == "historic" or why is None and ((historic_year(
                doc, doc.tokens[a].start, doc.tokens[reach].end, doc.published)
                and not told_now(doc, doc.tokens[a].start, doc.tokens[reach].end, h))
                or _dated_by_next(doc, si)):
            if _main_clause(doc, si, h.first):
                # the sentence as a whole recalls the past ("In 2013, thousands gathered"); history in a
                # subordinate clause ("..., where in 2023 five died") does not carry on to the next one
                doc.memo.setdefault("historic_sents", set()).add(si)
            continue
        if why:
            continue   # a backdrop word blocks gatherings (and attacks) named as a cause
        if strike_article and h.cls in ("protest", "action", "protest_act"):
            continue  # "протестна акція" in a strike story is the strike itself
        live.append(h)
    charged = charges(doc, live)   # "held on suspicion of smuggling": the arrest is the news, the crime its charge
    return [h for h in live if h not in charged], hits


def told_now(doc: Doc, start: int, end: int, h: Hit) -> bool:
    """A weekday or "yesterday" of the story in text[start:end] (the dates stage's `current_days`) that
    dates the act: "Как и в 2019 году, жители во вторник вышли на митинг" recalls 2019 but tells of
    this Tuesday. A day that belongs to another verb ("a court on Monday jailed an officer for killing a
    student during protests in 2016": the jailing) leaves the act to the year in its own phrase."""
    def apart(offset: int) -> bool:   # a finite verb between the time word and the act
        k = doc.token_at(offset)
        return predicate_between(doc, k, h.first) if k < h.first else predicate_between(doc, h.last, k)

    days = [k for k in doc.memo.get("current_days", ()) if start <= k < end]
    if not days:
        return False
    years = historic_years(doc, start, end, doc.published)
    return any(not apart(k) for k in days) or all(apart(y) for y in years)


MARCH_REACH = 4   # "мітингарі в Києві пройшли від Майдану": the verb this close after the protesters


def _protesters_marched(doc: Doc, hits: list[Hit], b: int) -> list[Hit]:
    """'мітингарі пройшли від Майдану до Кабміну': protesters (not a bare crowd) as the subject of a
    plural verb of moving along (`march_verbs`) march; the verb is a gathering hit of its own."""
    verbs = words(doc.lang, "events", "march_verbs")
    crowds = words(doc.lang, "events", "mob_crowds")
    if not verbs or any(h.cls in DEMO_CORE for h in hits):
        return []
    for h in hits:
        if h.cls != "protester" or h.entry in crowds:
            continue
        for k in range(h.last + 1, min(b, h.last + 1 + MARCH_REACH)):
            t = doc.tokens[k]
            if t.an.pos == "VERB" and "plur" in t.an.tags and is_in(t, verbs):
                return [Hit("demo", k, k, t.start, t.end, t.an.lemma)]
    return []


TIME_TAIL_WORDS = 8   # "It was 1968.", "Це було в 1991 році.": a sentence that only dates the one before


def _dated_by_next(doc: Doc, si: int) -> bool:
    """Does a short sentence right after this one give it a year long past ("That day soldiers
    fired on the crowd. It was 1968.")? Such a sentence has no act of its own, only the time."""
    if si + 1 >= len(doc.sentences):
        return False
    a, b = doc.sent_tokens[si + 1]
    if sum(t.is_word for t in doc.tokens[a:b]) > TIME_TAIL_WORDS or matcher(doc.lang, "events").find(doc, a, b):
        return False   # long, or an act of its own ("A similar rally was held in Ryazan in 2019.")
    nxt = doc.sentences[si + 1]
    return historic_year(doc, nxt.start, nxt.end, doc.published)


def _nominal(doc: Doc, i: int) -> bool:
    """A noun by its tag; untagged (English), by the determiner before it ('following these attacks')."""
    t = doc.tokens[i]
    if t.an.pos is not None:
        return t.an.pos == "NOUN"
    return i > 0 and is_in(doc.tokens[i - 1], grammar(doc, "determiners"))


def _main_clause(doc: Doc, si: int, i: int) -> bool:
    """Is token i in the first clause of its sentence?"""
    cl = sentence_clauses(doc, si)
    # leading pieces with no verb ("Десять років тому, у травні 2014 року, мешканці вийшли") are the
    # main clause's adverbials, not clauses of their own
    first = next((c for c in cl if any(doc.tokens[k].an.pos == "VERB" for k in range(c.first, c.last))),
                 cl[0] if cl else None)
    return first is None or i < first.last


def _hit_ok(doc: Doc, h: Hit) -> bool:
    """'вийшли на вулиці' is a crowd, 'вийшла на вулицю' one person; 'в городе' points at the story's
    town, 'в крупных городах' does not."""
    if h.cls == "street":
        # the verb's number, wherever the phrase puts it ("вышли на улицы", "на улицы вышли")
        verb = next((t for t in doc.tokens[h.first:h.last + 1] if t.an.pos == "VERB"), doc.tokens[h.first])
        return "plur" in verb.an.tags
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
    if h.cls in ("beat", "lethal", "detain", "injured") and h.first > 0 and is_in(
            doc.tokens[h.first - 1], words(doc.lang, "events", "person_determiners")):
        # "a vigil for those killed", "those detained": the people, not an act
        return Hit("person", h.first, h.last, h.start, h.end, h.entry)
    return h


SUBJECT_REACH = 8   # "traders closed their shops and protested": the crowd this close before


def _people_protested(doc: Doc, h: Hit, a: int) -> Hit:
    """'villagers protested in Odi': the verb with a crowd as its subject reports a gathering, as
    concrete as "rallied" (the noun "protests" stays abstract: it needs a place of its own)."""
    if h.cls != "protest" or h.first != h.last or not verb_form(doc.tokens[h.first]):
        return h
    crowd = words(doc.lang, "actors", "crowd_nouns")
    if any(is_in(t, crowd) for t in doc.tokens[max(a, h.first - SUBJECT_REACH):h.first]):
        return Hit("demo", h.first, h.last, h.start, h.end, h.entry)
    return h


def names_gathering(doc: Doc, h: Hit) -> bool:
    """Does the hit name a gathering or its people (not only "a crowd", which may be a mob)?"""
    return h.cls in DEMO_CORE | {"block", "protester"} and h.entry not in words(doc.lang, "events", "bare_crowds")


def lone_crowd(doc: Doc, live: list[Hit], actors: list[ActorMention]) -> bool:
    """Is a bare crowd ("a crowd", "crowds") the only sign of people gathered: no protest word, no
    protester named? Such a crowd turning violent is a mob, not a demonstration."""
    bare = words(doc.lang, "events", "bare_crowds")
    signs = [h for h in live if h.cls in DEMO_CORE | {"block", "protest_act", "protester"}]
    return bool(signs) and all(h.entry in bare for h in signs) and not any(m.kind == "protester" for m in actors)


def _noun_follows(doc: Doc, i: int) -> bool:
    """'задержанных протестующих' (a participle qualifying a noun) vs 'задержанный подал иск'."""
    return i + 1 < len(doc.tokens) and doc.tokens[i + 1].an.pos in ("NOUN", "PRTF", "ADJF")


def code_sentence(doc: Doc, si: int, live: list[Hit], demo_before: bool,
                  political_before: bool = False, demo_story: bool = False) -> Coded | None:
    """ACLED sub-event type and actors for a sentence's live triggers (None: no event)."""
    if not live:
        return None
    a, b = doc.sent_tokens[si]
    live = [h for h in live if not grievance(doc, h, live) and not is_grievance(doc, h, live)]
    if not live:
        return None
    classes = {h.cls for h in live}
    # "injuring 50, including 6 police": people in a casualty tally are victims, not a side
    actors = [m for m in actors_in(doc, a, b) if not in_tally(doc, m)]
    kinds = {m.kind for m in actors}
    armed = [m for m in actors if m.kind in ARMED]
    state = [m for m in actors if m.kind == "state"]
    by_cls = {h.cls: h for h in live}

    if "sport" in classes and not classes & (CROWD_VIOLENCE | {"protest", "protest_act"}):
        return None   # a match, a forward ("нападающий"), a fans' march: sport, not unrest
    if "commemoration" in classes and not classes & ({"demo", "protest", "protest_act"} | CROWD_VIOLENCE):
        return None   # a wreath-laying or memorial march, not a protest
    crime = bool(classes & {"crime", "accident"})   # robbery, fraud, a bus crash: not political violence
    if "crime" in classes and classes & MOB_ACTS and any(
            m is not None and m.kind == "mob" and not lone_doer(doc, m) for h in live if h.cls in MOB_ACTS
            for m in (agent_of(doc, h, actors),)):
        crime = False   # a mob beating a suspected thief: mob justice, not a crime story (ACLED: mob violence)
    crime = crime and not armed_suspicion(doc, live, actors)   # "suspected of aiding jihadists" (suspicion.py)
    protesters = "protester" in classes or "protester" in kinds or (
        "political" in kinds and bool(state) and bool(classes & CROWD_VIOLENCE)) or (   # supporters fighting police
        not armed and not kinds & {"political", "militia"}
        and any(h.cls in CROWD_VIOLENCE - {"clash"} and crowd_named(doc, a, h.first, actors) for h in live))
    # farmers spilling grain, residents storming a building: a crowd's own violence (party factions or
    # militias fighting are ACLED's clash or mob violence, decided below)
    blocker = subject_after(doc, by_cls["block"], b, actors) if "block" in classes else None
    if "block" in classes and (any(m.first < by_cls["block"].first for m in state) or blocker == "state"
                               or not (protesters or kinds & {"political", "mob"} or demo_before
                                       or crowd_named(doc, a, by_cls["block"].first) or blocker == "crowd")):
        classes.discard("block")    # the police, or a building site, blocking a road is not a protest
    demo_here = bool(classes & (DEMO_CORE | {"block"})) or protesters
    if "force" in classes and (demo_here or demo_before):
        # a stun grenade going off at a rally, tear gas: the police's means of force, not a bomb or a
        # chemical weapon
        classes -= {"explosive", "chemical", "grenade", "explosion"}
    if "grenade" in classes and (demo_here or demo_before):
        classes.discard("grenade")  # at a protest, a "grenade" is the police's stun grenade
        classes.add("force")
    if classes & {"explosive", "blast"} and "found" in classes and not people_hurt(doc, live):
        # a device found and defused or blown up by the forces: disrupted, not a bombing
        return Coded("Disrupted weapons use", "State forces", None, state[0].name if state else None, None,
                     live, 0.5)
    if "air_doer" in classes:
        # jets that destroyed a depot struck it; aircraft that were hit or only flew are no strike
        classes -= {"disrupted"} if aircraft_struck(doc, live) else {"air_doer"}
    if "disrupted" in classes and weapon_did_it(doc, live):
        classes.discard("disrupted")    # "a missile destroyed an aircraft": the missile struck (armed.weapon_did_it)
    disabled = fighters_disabled(doc, live, actors) if "disrupted" in classes and not crime else None
    if disabled is not None and disabled.kind != "state":
        # "some 30 militants were neutralised": the forces fought and killed them (ACLED: a battle)
        return Coded("Armed clash", "State forces", ACLED_KIND[disabled.kind], state[0].name if state else None,
                     disabled.name, live, 0.5)
    if "disrupted" in classes and not crime and disabled is None:
        return Coded("Disrupted weapons use", "State forces", None, state[0].name if state else None, None,
                     live, 0.55)
    if "clash" in classes and not crime and not protesters and not state and kinds & {"political", "mob", "militia"} \
            and not classes & DEMO_CORE and weapons_used(doc, a, b):
        # factions fighting with bombs and guns: ACLED's armed clash between two political militias
        return Coded("Armed clash", "Political militia", "Political militia", None, None, live, 0.5)
    fight = next((h for h in live if h.cls in ("clash", "battle")), None)
    if fight is not None and not crime and not state and not protesters and not classes & DEMO_CORE \
            and communal_sides(doc, fight, actors):
        # farmers and herders, two villages: a communal fight is an armed clash between identity
        # militias when arms are used or people die, a mob's violence otherwise (ACLED)
        if "lethal" in classes or weapons_used(doc, a, b):
            return Coded("Armed clash", "Identity militia", "Identity militia", None, None, live, 0.5)
        return Coded("Mob violence", "Rioters", "Rioters", None, None, live, 0.5)
    if "explosion" in classes and (demo_here or demo_before or not blast_is_attack(doc, si, live)):
        # a gas cylinder bursting, a blast nobody was hurt by, bangs at a rally (the police's grenades)
        classes.discard("explosion")
    if not crime or classes & WAR_WEAPONS:
        for cls, sub in REMOTE:
            if cls in classes:
                return remote(doc, sub, live, actors, armed)

    # people held and then beaten or killed: the harm is the event (an attack), not the taking
    taken = None if crime or demo_here or demo_before or classes & {"lethal", "beat", "sexual"} \
        else person_taken(doc, live, actors)
    if taken is not None and taken[1].kind != "state" and taken[0].cls != "detain":
        # "snatched a trader", "seized two teachers": people taken by armed men, not a town (ACLED: abduction);
        # a group that "detains" people speaks as an authority, coded as before
        return one_sided(doc, "Abduction/forced disappearance", live, actors, armed)
    if classes & ACTIONS == {"detain"} and not classes & {"demo", "march", "gather", "disperse", "occupation"} \
            and held_at_home(doc, by_cls["detain"]):
        # "detained two organisers of the protest at their homes": taken away from any gathering (ACLED: arrests)
        return Coded("Arrests", "State forces", "Civilians", state[0].name if state else None, None, live, 0.55)
    if "detain" in classes and "press" in kinds and not protesters:
        # journalists taken before or at a protest: an arrest event of its own (ACLED)
        victim = next(m for m in actors if m.kind == "press")
        return Coded("Arrests", "State forces", "Civilians", state[0].name if state else None, victim.name,
                     live, 0.6)
    # "по данным правозащитников, задержали 14 участников": activists as the news source are not the held
    held_political = any(m.kind == "political" and not source_only(doc, m) for m in actors)
    if demo_before and not demo_here and classes & ACTIONS == {"detain"} and held_political \
            and "protester" not in kinds and not classes & {"protester"}:
        demo_before = False  # "суд арестовал политика" after a protest story: an arrest of its own
    if demo_before and not demo_here and classes & ACTIONS == {"detain"} and not several_people(doc, a, b):
        demo_before = False  # "задержан директор завода" after a protest story: one person, not the crowd
    irregular = [m for m in armed if m.kind != "state"]
    if irregular and not protesters and classes & CROWD_VIOLENCE and not classes & DEMO_CORE - {"riot"}:
        demo_story = demo_before = False   # separatists or militants clashing: a battle, not a riot
    if irregular and "seize" in classes and not protesters and not classes & DEMO_CORE and any(
            (m := agent_of(doc, h, actors)) is not None and m.kind in ARMED - {"state"} for h in live if h.cls == "seize"):
        classes = (classes - {"seize"}) | {"overtake"}   # rebels seizing an airport take it (ACLED), no crowd
    if state and classes & {"storm", "seize"} and not protesters and not classes & DEMO_CORE and any(
            state_agent(doc, h, actors) for h in live if h.cls in ("storm", "seize")):
        classes -= {"storm", "seize"}   # soldiers storming a hotel, the police seizing an office: no crowd
    if demo_story and classes & CROWD_VIOLENCE and not crime:
        demo_before = True   # in a story of protests, cars burnt and buildings stormed are the riot
    if demo_story and "lethal" in classes and state and not irregular and not crime and not classes & REMOTE_CLASSES:
        demo_before = True   # security forces shooting people in a story of protests: force against them
    # gunmen storming a school to take pupils: a raid by armed men, not a crowd's violence
    raid = not classes & DEMO_CORE and any(
        (m := agent_of(doc, h, actors)) is not None and m.kind in ARMED - {"state"} for h in live
        if h.cls in CROWD_VIOLENCE)
    if "abduct" in classes and not crime and (raid or not classes & CROWD_VIOLENCE) and "lethal" not in classes and (
            armed or kinds & {"political", "press", "mob", "protester"} or "protester" in classes):
        # marchers taken hostage, activists kidnapped: an abduction of its own, not the protest (ACLED)
        return one_sided(doc, "Abduction/forced disappearance", live, actors, armed)
    if lone_crowd(doc, live, actors) and not (demo_before or demo_story or crime) and classes & MOB_ACTS:
        # "a crowd attacked a police station", no protest named: rioters without a demonstration (ACLED)
        return Coded("Mob violence", "Rioters", "State forces" if state else "Civilians", None, None, live, 0.5)
    if "lynch" in classes and not classes & (DEMO_CORE - {"riot"}):
        return Coded("Mob violence", "Rioters", "Civilians", None, None, live, 0.55)   # a lynch mob is no protest
    if classes & (DEMO_CORE | {"block"}) or ((demo_here or demo_before and not crime) and classes & ACTIONS):
        coded = _demo(doc, live, classes, actors, state)
        if coded.sub == "Peaceful protest" and not demo_here:
            return None   # an act of unknown doers after a protest story: nothing new is reported
        return coded
    if crime:
        return None

    if "agreement" in classes and classes & DEAL_ENDS and by_cls["agreement"].first < min(
            h.first for h in live if h.cls in DEAL_ENDS):
        # "signed a deal ending the fighting", "a peace deal to end the cattle raids": the deal is the
        # news, and news of the conflict by itself
        return Coded("Agreement", deal_party(armed), None, None, None, live, 0.5, standalone=True)
    if "unopposed" in classes and classes & {"overtake", "regain"} and armed:
        m = armed[0]
        return Coded("Non-violent transfer of territory", ACLED_KIND[m.kind], None, m.name, None, live, 0.45)
    for cls, sub in (("hq", "Headquarters or base established"), ("transfer", "Non-violent transfer of territory"),
                     ("change", "Change to group/activity")):
        if cls in classes and armed:
            return Coded(sub, ACLED_KIND[armed[0].kind], None, armed[0].name, None, live, 0.45)
    if "lynch" in classes:
        return Coded("Mob violence", "Rioters", "Civilians", None, None, live, 0.55)
    if "regain" in classes and (state or irregular and all(m.first > by_cls["regain"].last for m in irregular)):
        # retaken from rebels ("recaptured the town from the rebels"): the government's forces, named or not
        return Coded("Government regains territory", "State forces", None, state[0].name if state else None, None,
                     live, 0.55)
    if "overtake" in classes and (irregular or state and not protesters and not classes & DEMO_CORE):
        act = next(h for h in live if h.cls in ("overtake", "seize"))   # "seize" read as taking territory above
        if state_agent(doc, act, actors):
            # the army taking an area from militants or a rival state's forces: the government regains it (ACLED)
            return Coded("Government regains territory", "State forces", None, state[0].name, None, live, 0.5)
        if irregular:
            m = irregular[0]
            return Coded("Non-state actor overtakes territory", ACLED_KIND[m.kind], None, m.name, None, live, 0.55)
    if "fighting" in classes and not armed:
        side = unnamed_sides(doc)   # "идут ожесточённые бои": no side named
        return Coded("Armed clash", side, side, None, None, live, 0.45)
    if ("battle" in classes and armed or "fighting" in classes or "clash" in classes and irregular) \
            and "civilian" not in kinds:
        sides = two_sides(doc, armed)
        return Coded("Armed clash", ACLED_KIND[sides[0].kind],
                     ACLED_KIND[sides[1].kind] if len(sides) > 1 else None,
                     sides[0].name, sides[1].name if len(sides) > 1 else None, live, 0.6)
    held_armed = [m for m in irregular if m.first > by_cls["detain"].last] if "detain" in classes else []
    if "detain" in classes and (held_political or political_before or group_member(doc, a, b) or held_armed):
        # activists, party members, or suspected militants taken by the forces (ACLED: arrests)
        held = next((m for m in actors if m.kind == "political"), None)
        return Coded("Arrests", "State forces", "Civilians", state[0].name if state else None,
                     held.name if held else None, live, 0.6)
    if taken is not None and taken[0].cls != "overtake" and (taken[2].kind != "civilian" or several_held(doc, taken[2])):
        # "rounded up 40 men", "picked up an activist": people taken by the state's forces (ACLED: arrests);
        # one resident detained is a crime story's suspect, not a political arrest
        return Coded("Arrests", "State forces", "Civilians", taken[1].name, None, live, 0.55)
    if "abduct" in classes and "lethal" not in classes and (armed or kinds & {"political", "press", "mob"}):
        # killing and abducting in one raid: the attack is the graver (ACLED codes it as an attack)
        return one_sided(doc, "Abduction/forced disappearance", live, actors, armed)
    if "sexual" in classes and armed:
        return one_sided(doc, "Sexual violence", live, actors, armed)
    # the police as the news source ("police said the suspect shot his wife") are not the doers
    acting = [m for m in state if not source_only(doc, m)]
    sides = two_sides(doc, armed)
    if classes & {"clash", "battle"} and not crime and not protesters and irregular and len(sides) >= 2 \
            and not classes & DEMO_CORE:
        # "ELN guerrillas and FARC dissidents fought each other; 23 people were killed": the dead are the
        # fight's toll, the fight between armed groups the event (ACLED: armed clash)
        return Coded("Armed clash", ACLED_KIND[sides[0].kind], ACLED_KIND[sides[1].kind], sides[0].name,
                     sides[1].name, live, 0.55)
    if classes & {"lethal", "beat"} and (irregular or acting and kinds & {"civilian", "political", "press"}):
        coded = one_sided(doc, "Attack", live, actors, irregular or armed)
        victims = kinds & {"civilian", "political", "press", "protester"}
        if not irregular and coded.actor1 != "State forces":
            return None   # the police among the victims ("погиб полицейский"), no doer named
        act = next(h for h in live if h.cls in ("lethal", "beat"))
        if irregular and not victims and all(m.first < act.first and passive_between(doc, m.first, act.first)
                                              for m in irregular):
            # "4 fighters were killed": armed men as the only dead, no doer named: a fight's toll
            return Coded("Armed clash", coded.actor1, None, None, None, live, 0.4, guessed=True)
        # forces hit in the act's own clause ("police found a man who had been shot": not the police)
        hit_forces = [m for m in acting if m.first < act.first and passive_between(doc, m.first, act.first)
                      and same_clause(doc, m.first, act.first)]
        if irregular and coded.actor1 == "State forces" and not victims:
            # the forces killing militants ("an operation against militants, killing five"): a fight
            m = irregular[0]
            return Coded("Armed clash", "State forces", ACLED_KIND[m.kind], coded.actor1_name, m.name, live, 0.5)
        if irregular and acting and not victims and coded.actor1 != "State forces" and "battle" not in classes \
                and all(lone_agent(doc, m) for m in acting) and not force_present(doc, a, b) \
                and not crowd_named(doc, a, b, actors):
            # gunmen killing a lone or off-duty policeman, no patrol or post that fought, no civilians
            # among the dead (with them, the forces guarded a place: a fight): an attack (ACLED)
            return Coded("Attack", coded.actor1, "State forces", coded.actor1_name, None, live, 0.5)
        if irregular and state and (not victims or hit_forces) and coded.actor1 != "State forces":
            # insurgents attacking soldiers or the police, also with civilians ("a soldier and a civilian
            # were killed"): armed men among the targets make it a fight between armed groups (ACLED)
            return Coded("Armed clash", coded.actor1, "State forces", coded.actor1_name, None, live, 0.5)
        rivals = [m for m in actors if (m.kind in ARMED - {"state"} or m.kind == "external")
                  and ACLED_KIND[m.kind] != coded.actor1]
        if rivals and not victims and coded.actor1 != "State forces":
            # militants attacking a militia's post: armed men of another kind as the only targets (ACLED: a fight)
            m = rivals[0]
            return Coded("Armed clash", coded.actor1, ACLED_KIND[m.kind], coded.actor1_name, m.name, live, 0.5)
        return coded
    if classes & {"lethal", "beat"} and "beat" in classes and acting and not irregular and not kinds - {"state"} \
            and not any(doer_before(doc, m, h.first) for m in acting for h in live if h.cls in ("lethal", "beat")):
        # "two policemen were killed in another attack on a checkpoint": the doers go unnamed; the story's
        # named attackers of the forces are theirs, else nothing is coded (coder._story_attackers)
        return Coded("Armed clash", "Political militia", "State forces", None, None, live, 0.4, guessed=True)
    killers = [m for h in live for m in (unknown_killer(doc, h, actors),) if m is not None]
    if killers and not irregular:
        # "неизвестные застрелили главу поселения": unknown killers are ACLED's unidentified armed group
        return Coded("Attack", "Political militia", "Civilians", killers[0].name, None, live, 0.5)
    beaters_unknown = [m for h in live for m in (unknown_killer(doc, h, actors, frozenset({"beat"})),) if m is not None]
    if beaters_unknown and not irregular and not acting and "mob" not in {m.kind for m in actors} - {
            m.kind for m in beaters_unknown} and kinds & {"political", "press"}:
        # "неизвестные избили активиста": an activist or a journalist beaten by unknown men is an attack
        # on a civilian (ACLED), not a mob's violence
        return Coded("Attack", "Political militia", "Civilians", beaters_unknown[0].name, None, live, 0.5)
    if not irregular and not acting and public_shooting(doc, live, b):
        # a man opening fire in a shopping centre or at passers-by: an attack on civilians by an
        # unidentified gunman (ACLED), not a brawl or a private quarrel
        return Coded("Attack", "Political militia", "Civilians", None, None, live, 0.5)
    mobs = [m for m in actors if m.kind == "mob"]
    shooters = [m for h in live if h.cls == "lethal" for m in (agent_of(doc, h, actors),) if m is not None and m.kind == "mob"]
    if shooters and weapons_used(doc, a, b):
        # "shot dead by unidentified assailants": killing with firearms by unknown men is an attack by
        # ACLED's unidentified armed group, not a mob's violence
        return Coded("Attack", "Political militia", "Civilians", shooters[0].name, None, live, 0.5)
    if classes & {"clash", "throw", "arson", "vandal"} and mobs and state and not irregular:
        # youths or a mob fighting the police: a riot (ACLED: rioters vs state forces)
        return Coded("Violent demonstration", "Rioters", "State forces", mobs[0].name, state[0].name, live, 0.55)
    beaters = [agent_of(doc, h, actors) or crowd_doer(doc, h, actors) for h in live if h.cls == "beat"]
    # "residents beat to death a man suspected of theft": a crowd of civilians killing is a mob (ACLED)
    beaters += [crowd_doer(doc, h, actors) for h in live if h.cls == "lethal" and not armed]
    # villagers brawling with each other, no police in sight: the crowd fights as a mob (ACLED)
    beaters += [civilians_fought(doc, h, actors) for h in live if h.cls == "clash" and not state]
    if "clash" in classes and kinds & {"political", "mob"} or any(
            m is not None and m.kind in ("political", "mob") for m in beaters):
        # party factions or a mob fighting, no armed group or gathering named: mob violence (a beating
        # needs the mob as its doer: "по словам правозащитников, он был избит" names no mob)
        return Coded("Mob violence", "Rioters", "Rioters" if "clash" in classes else "Civilians", None, None,
                     live, 0.5)
    wreckers = [h for h in live if h.cls in ("loot", "vandal", "arson")]
    if wreckers and (irregular or mobs):
        return one_sided(doc, "Looting/property destruction", live, actors, irregular or mobs)
    if wreckers and acting and not classes & {"protest", "protester", "protest_act", "detain"} and any(
            state_agent(doc, h, actors) for h in wreckers):
        # soldiers looting homes, police burning a market: the forces destroying property (ACLED); not
        # the police reporting or detaining a looter
        return one_sided(doc, "Looting/property destruction", live, actors, state)
    if "agreement" in classes:
        party = deal_party(armed)
        return Coded("Agreement", party, None, None, None, live, 0.5, standalone=party in ARMED_GROUPS)
    return None


def _demo(doc: Doc, live: list[Hit], classes: set[str], actors: list[ActorMention],
          state: list[ActorMention]) -> Coded:
    # the police as the news source ("police said", "по данным полиции") are not at the scene
    state = [m for m in state if not source_only(doc, m)]
    state_name = next((m.name for m in state if m.name), None)
    group = next((m.name for m in actors if m.kind in ("political", "protester") and m.name), None)
    violent_act = [h for h in live if h.cls in ("beat", "lethal")]
    agents = [agent_of(doc, h, actors) or crowd_doer(doc, h, actors) for h in violent_act]
    mob = next((m for m in agents if m is not None and m.kind == "mob"), None)
    if mob is not None and ("protester" in {m.kind for m in actors} or any(
            aimed_at_gathering(doc, h, live) for h in violent_act)):
        return Coded("Mob violence", "Rioters", "Protesters", mob.name, group, live, 0.6)
    crowds = words(doc.lang, "events", "mob_crowds")
    signs = [h for h in live if h.cls in DEMO_CORE | {"block", "protest_act", "protester"}]
    if violent_act and signs and all(h.entry in crowds for h in signs) and all(m is None for m in agents) \
            and not any(m.kind == "protester" for m in actors):
        # "толпа избила мужчину", "натовп побив активіста": a crowd beating people, no protest named, is a
        # mob (ACLED: mob violence), not a peaceful gathering
        return Coded("Mob violence", "Rioters", "State forces" if state else "Civilians", None, None, live, 0.55)
    gunmen = next((m for m in agents if m is not None and m.kind in ARMED - {"state"}), None)
    if gunmen is not None and any(h.cls == "lethal" for h in violent_act) and not (
            party_men(doc, gunmen) and any(aimed_at_gathering(doc, h, live, MODIFIERS) for h in violent_act)):
        # militants or gunmen firing on a gathering: violence against civilians, the demonstrators
        # its victims (ACLED), not a riot
        return Coded("Attack", ACLED_KIND[gunmen.kind], "Protesters", gunmen.name, group, live, 0.6)
    si = doc.tokens[live[0].first].sent
    organised = [m for i, m in enumerate(agents) if m is not None and m.kind in ARMED - {"state"} | {"political"}
                 and aimed_at_gathering(doc, violent_act[i], live, MODIFIERS)]
    if organised:
        # party cadres or a militia breaking up a peaceful procession: force against the protest, not a
        # riot of its own; hurting people makes it excessive force (ACLED), else an intervention
        sub = "Excessive force against protesters" if harmed(doc, si, live) else "Protest with intervention"
        return Coded(sub, "Protesters", ACLED_KIND[organised[0].kind], group, organised[0].name, live, 0.55)
    if mob is not None and not state:
        # a mob beating someone, no police in sight: mob violence; rioters fighting the police riot
        return Coded("Mob violence", "Rioters", "Civilians", mob.name, None, live, 0.55)
    on_gathering = [i for i, h in enumerate(violent_act) if aimed_at_gathering(doc, h, live)]
    if on_gathering and all(getattr(agents[i], "kind", None) != "state" for i in on_gathering) and not state:
        # "напад на студентський пікет": an attack on a gathering by others than the police
        return Coded("Mob violence", "Rioters", "Protesters", None, group, live, 0.55)
    crowd_hits = any(m is not None and m.kind == "protester" for m in agents) or police_hurt(live, state)
    state_hits = any(m is not None and m.kind == "state" for m in agents)
    if classes & CROWD_VIOLENCE or crowd_hits:
        actor2 = "State forces" if state or classes & INTERVENTION else None
        return Coded("Violent demonstration", "Rioters", actor2, group, state_name, live, 0.7)
    lethal = any(h.cls == "lethal" for h in live) or state_hits and serious_harm(doc, si)
    if lethal and state and (state_hits or not agents or agents[0] is None):
        return Coded("Excessive force against protesters", "Protesters", "State forces", group, state_name,
                     live, 0.55)
    if classes & INTERVENTION or state_hits:
        return Coded("Protest with intervention", "Protesters", "State forces", group, state_name, live, 0.7)
    return Coded("Peaceful protest", "Protesters", None, group, None, live, 0.65)

