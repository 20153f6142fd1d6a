"""Stage 'events': ACLED events from sentences — trigger, modality, actors, place, date, evidence.

How an article becomes events (docs/events.md has the full rules):
1. lemma triggers from `lexicons/<lang>/events.toml` are found per sentence; those reported as
   planned, denied, hypothetical, called-for, questioned or historical drop out (`modality.py`);
   in an article about a labour strike the abstract "protest action" words drop out too (a strike
   without a gathering is not an event) — `classify.sentence_hits`;
2. the surviving trigger classes and the actors decide the ACLED sub-event type (`classify.py`,
   `agents.py` for who did what to whom);
3. story-level rules here: a criminal story codes nothing, an unnamed strike takes the story's
   named perpetrator, the next sentence's hurt civilians are a strike's victims;
4. one candidate per place of the sentence (a city list gives one event per city), dated by the
   dates stage (`attach.py`);
5. candidates with the same date, place and type family merge (`evidence.py`): a protest that
   turns violent the same day is one Riots event; arrests of protesters belong to the protest.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from ...text.doc import Doc
from ..context import Context
from .actors import actors_in
from .armed import people_hurt, weapons_next
from .attach import (
    EMIT_COUNTRY_LEVEL,
    Candidate,
    date_summaries,
    event_date,
    locate,
    own_date,
    own_past_date,
    own_town,
    place_key,
)
from .classify import (
    DEMO_CORE,
    DEMO_MEMORY,
    TERRITORIAL,
    WAR_WEAPONS,
    WEAPONS,
    code_sentence,
    names_gathering,
    sentence_hits,
)
from .coded import Coded
from .evidence import merge
from .outcomes import fold_detentions, riot_property
from .recall import recalled
from .suspicion import suspicion_cleared
from .triggers import Hit, is_in, matcher, words


def run(ctx: Context) -> None:
    """Fill ctx.events."""
    doc = ctx.doc
    if not doc.tokens:
        return
    strike = strike_article(doc)
    read: list[tuple[int, Coded | None, list[Hit]]] = []
    last_demo = last_political = -10
    kept = [si for si, s in enumerate(doc.sentences) if not (ctx.skip and ctx.skipped(s.start, s.end))]
    lives = {si: sentence_hits(doc, si, strike)[0] for si in kept}
    # a story of protests anywhere (a headline may come before the protesters are named)
    demo_story = any(names_gathering(doc, h) for live in lives.values() for h in live if not h.weak)
    lives = {si: [h for h in live if not h.weak or (_town_taken(ctx, h) if h.cls in TERRITORIAL
                                                    else demo_story or _crowd_with_cause(doc, si, h, live))]
             for si, live in lives.items()}
    if any(h.cls in WEAPONS for live in lives.values() for h in live):
        # "drones struck the city … explosions were heard": the blasts are the named strike's, no bombing
        lives = {si: [h for h in live if h.cls != "explosion"] for si, live in lives.items()}
    past = doc.memo.get("historic_sents", set())
    for si in kept:
        live = lives[si]
        if (si - 1 in past or si - 2 in past) and not own_past_date(ctx, si) and si not in past \
                and (not own_town(ctx, si) or _recalls_then(doc, si)):
            # "In November 2013, thousands gathered… Riot police dispersed them": the recollection goes on
            live = []
        if live and recalled(ctx, si, live):
            live = []   # "... in 2017. The officers had shot the man during clashes": recalled (recall.py)
        coded = code_sentence(doc, si, live, si - last_demo <= DEMO_MEMORY, si - last_political <= 1,
                              demo_story)
        if any(h.cls in DEMO_CORE or h.cls == "protester" for h in live) or coded is not None \
                and coded.family == "demo" and any(h.cls == "block" for h in coded.hits):
            last_demo = si   # a gathering reported (a road blocked by a crowd too): the next detentions are its
        if live:
            a, b = doc.sent_tokens[si]
            if any(m.kind == "political" for m in actors_in(doc, a, b)):
                last_political = si
        read.append((si, coded, live))
    if _criminal_story([(si, c, suspicion_cleared(doc, si, live)) for si, c, live in read]):
        return  # a robbery, a drunk's rampage, a fraud arrest: crime, not political violence
    weapons_next(doc, read)
    read = _story_attackers(read)
    _mob_riots(doc, read)
    _story_perpetrator(read)
    _victims_next(doc, read)
    triggered = {si for si, _c, live in read if live}
    doc.memo["event_coded"] = {si for si, c, _live in read if c is not None}
    cands: list[Candidate] = []
    story: tuple[int, date | None, int] | None = None  # the last trigger sentence that gave its own date
    for si, coded, live in read:
        if coded is not None:
            cands.extend(locate(ctx, si, coded, triggered, cands, story))
        if live and own_date(ctx, si):
            story = (si, *event_date(ctx, doc.sentences[si].start, doc.sentences[si].end))
    cands = _harm_towns_next(ctx, cands, read)
    towns = {c.coded.family for c in cands if c.place.kind in ("city", "district")}
    finer = {c.coded.family for c in cands if c.place.kind != "country"}
    # a region named beside towns summarises them ("protests spread across the region"); a country
    # stands for an event only when nothing finer is known of that kind
    cands = [c for c in cands if (c.place.kind != "admin1" or c.coded.family not in towns)
             and (c.place.kind != "country" or (EMIT_COUNTRY_LEVEL and c.coded.family not in finer))]
    if not any(c.coded.sub not in ("Agreement", "Other") or c.coded.standalone for c in cands):
        cands = []  # talks and deals count only in a story of unrest or fighting, or made by armed groups
    date_summaries(cands)
    _perfect_summaries(doc, cands)
    fold_detentions(cands)
    riot_property(cands, read)
    if any(not _stale(doc.published, c) for c in cands):
        cands = [c for c in cands if not _stale(doc.published, c)]
    ctx.events = merge(ctx, cands)


THEN_REACH = 2   # "Тогда в Архангельске ...", "І тоді ж ...": the back-reference at the sentence's head


def _recalls_then(doc: Doc, si: int) -> bool:
    """Does the sentence open with a word carrying the recalled time on ("Тогда", "Того дня")?"""
    a, b = doc.sent_tokens[si]
    return any(h.cls == "then" and h.first < a + THEN_REACH for h in matcher(doc.lang, "modality").find(doc, a, b))


PERFECT_REACH = 3   # "have been killed", "has left dead": the auxiliary this close before the act


def _perfect_summaries(doc: Doc, cands: list[Candidate]) -> None:
    """'At least six people have died during the riots in Quito', undated, over a story that
    dates its incidents: the perfect sums up what the story tells, up to its latest dated day."""
    aux = words(doc.lang, "modality", "perfect_aux")
    if not aux:
        return
    for c in cands:
        if c.dated or not c.coded.hits:
            continue
        h0 = min(h.first for h in c.coded.hits)
        if not any(is_in(t, aux) for t in doc.tokens[max(h0 - PERFECT_REACH, 0):h0]):
            continue
        days = [o for o in cands if o.dated and o.day is not None and o.coded.family == c.coded.family
                and place_key(o.place) == place_key(c.place)]
        if days:
            last = max(days, key=lambda o: o.day or date.min)
            c.day, c.time_precision = last.day, last.time_precision


STALE_DAYS = 31   # news reports the last weeks; an act dated further back beside them is the backdrop


def _stale(published: date | None, c: Candidate) -> bool:
    """'The protests began after the arrest on 7 December' in a January report: an act the sentence
    dates more than a month before publication is recalled, not reported, when the story has acts of
    the last month (a report of an older day alone is still its news)."""
    return published is not None and c.dated and c.day is not None and (published - c.day).days > STALE_DAYS


def _story_attackers(read: list[tuple[int, Coded | None, list[Hit]]]) -> list[tuple[int, Coded | None, list[Hit]]]:
    """An attack on the forces with no doer named ("two policemen were killed in another attack") is by
    the attackers the story names for another such fight; in a story that names none it is not coded."""
    named = next((c for _si, c, _l in read if c is not None and c.sub == "Armed clash" and not c.guessed
                  and c.actor1 != "State forces"), None)
    out: list[tuple[int, Coded | None, list[Hit]]] = []
    for si, c, live in read:
        if c is not None and c.guessed and c.sub == "Armed clash":
            if named is None:
                c = None
            else:
                c.actor1, c.actor1_name, c.guessed = named.actor1, named.actor1_name, False
        out.append((si, c, live))
    return out


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
        if any(h.cls in ("injured", "lethal") for h in nlive) and (civ or people_hurt(doc, nlive)):
            c.actor2 = "Civilians"


HARM = frozenset({"injured", "lethal", "vandal", "arson"})


def _harm_towns_next(ctx: Context, cands: list[Candidate],
                     read: list[tuple[int, Coded | None, list[Hit]]]) -> list[Candidate]:
    """'Дроны атаковали Брянскую область. В Клинцах пострадали два человека': a strike placed only at
    a region or a country happened where the next sentence, with no event of its own, tells its harm
    in towns of that region (ACLED codes the town)."""
    doc = ctx.doc
    by_si = {si: (c, live) for si, c, live in read}
    out: list[Candidate] = []
    for c in cands:
        nxt = by_si.get(c.sent + 1)
        if c.coded.event_type != "Explosions/Remote violence" or c.coded.sub == "Disrupted weapons use" \
                or c.place.kind not in ("admin1", "country") or nxt is None or nxt[0] is not None \
                or not any(h.cls in HARM for h in nxt[1]):
            out.append(c)
            continue
        s = doc.sentences[c.sent + 1]
        towns = [p for p in ctx.places if s.start <= p.start < s.end and p.kind in ("city", "district")
                 and p.score > 0.5 and p.country == c.place.country
                 and (c.place.kind == "country" or p.admin1 == c.place.admin1)]
        if not towns:
            out.append(c)
            continue
        kept = [e for e in c.evidence if e != (c.place.start, c.place.end)]   # the region's span
        out.extend(dataclasses.replace(c, place=p, geo_precision=1,
                                       evidence=[*kept, (s.start, s.end), (p.start, p.end)])
                   for p in {p.name: p for p in towns}.values())
    return out


PROTEST_NAMED = (DEMO_CORE - {"riot"}) | {"protester", "protest_act"}


def _mob_riots(doc: Doc, read: list[tuple[int, Coded | None, list[Hit]]]) -> None:
    """'A brawl outside a cafe grew into riots; a crowd smashed windows': rioting that grows out of a
    brawl, in a story that names no protest, demand or protester, is ACLED's mob violence, not a
    violent demonstration (crowd violence with no brawl, such as farmers spilling grain, stays one)."""
    riots = [(si, c) for si, c, _l in read if c is not None and c.sub == "Violent demonstration"]
    if not riots:
        return
    brawl = words(doc.lang, "events", "brawl_words")
    demand = words(doc.lang, "events", "demand_words")
    crowds = words(doc.lang, "events", "mob_crowds")
    coded_sents = [si for si, c, _l in read if c is not None]
    if any(h.cls in PROTEST_NAMED and names_gathering(doc, h) and h.entry not in crowds
           for _si, _c, live in read for h in live) \
            or any(is_in(t, demand) for si in coded_sents for t in doc.tokens[slice(*doc.sent_tokens[si])]):
        return
    if not any(is_in(t, brawl) for t in doc.tokens):
        return
    for _si, c in riots:
        c.sub, c.actor1, c.actor1_name = "Mob violence", "Rioters", None
        c.actor2 = c.actor2 or "Civilians"


def _criminal_story(read: list[tuple[int, Coded | None, list[Hit]]]) -> bool:
    """Crime, accident (or sport) words in the lead or twice in the story, and no gathering of protesters anywhere."""
    crime = [si for si, _c, live in read if any(h.cls in ("crime", "sport", "accident") for h in live)]
    gathering = any(h.cls in ("demo", "protest", "action", "protester", "disperse") for _si, _c, live in read
                    for h in live)
    if crime and not any(h.cls in ("crime", "accident") for _si, _c, live in read for h in live):
        # fans fighting the police after a match: a sport story, but a riot (ACLED)
        gathering = gathering or any(c is not None and c.sub == "Violent demonstration" for _si, c, _l in read)
    # a lynching is mob violence whatever its victims were suspected of
    lynching = any(h.cls == "lynch" for _si, c, live in read if c is not None for h in live) or any(
        c is not None and c.sub == "Mob violence" and c.actor2 == "Civilians" for _si, c, _l in read)
    # artillery, air strikes, chemical weapons, suicide bombs: war, whatever the targets were suspected of
    war = any(h.cls in WAR_WEAPONS for _si, c, live in read if c is not None for h in live)
    return bool(crime) and (len(crime) >= 2 or crime[0] <= 2) and not gathering and not lynching and not war


TOWN_OBJECT_REACH = 2   # "звільнили Борову", "вошли в Угледар": the town this close after the verb


def _town_taken(ctx: Context, h: Hit) -> bool:
    """A verb of taking or freeing ground with no word for a village near is one when its object is a
    town ("звільнили Борову"), not a person or a hostage ("освободили заложника")."""
    doc = ctx.doc
    k = doc.tokens[h.last].end
    limit = doc.tokens[min(h.last + TOWN_OBJECT_REACH, len(doc.tokens) - 1)].end
    return any(k < p.start <= limit and p.kind in ("city", "district") and p.score > 0.5 for p in ctx.places)


def _crowd_with_cause(doc: Doc, si: int, h: Hit, live: list[Hit]) -> bool:
    """'Шахтёры бастуют и собираются у управления', 'пенсіонери зібралися, вимагаючи ...': a gathering
    verb with no gathering word near is one when a crowd (a crowd noun, not singular) gathers with a demand or
    during a strike or a hunger strike; people gathering in a shelter or a hall name neither."""
    if h.cls not in ("gather", "march"):
        return False
    a, b = doc.sent_tokens[si]
    crowd = words(doc.lang, "actors", "crowd_nouns")
    if doc.tokens[h.first].an.number == "sing" or not any(
            is_in(t, crowd) and t.an.number != "sing" for t in doc.tokens[a:b]):
        return False   # one man gathering his things, or no crowd at all
    demand = words(doc.lang, "events", "demand_words")
    return any(o.cls in ("strike", "hunger") for o in live) or any(is_in(t, demand) for t in doc.tokens[a:b])


def strike_article(doc: Doc) -> bool:
    """A labour-strike story: its 'protest action' words name the strike, not a gathering."""
    m = matcher(doc.lang, "events")
    for si in range(len(doc.sentences)):
        a, b = doc.sent_tokens[si]
        if any(h.cls == "strike" for h in m.find(doc, a, b)):
            return True
    return False
