"""Where and when a coded sentence happened: one candidate event per place of its own, else the place
and date the story gives it (a dated report just before it, the story's main town, the country).

The places and dates stages find and resolve the mentions; this module decides which of them an
event takes, and drops history (an event dated long before publication) and the future.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ...text.clauses import clause_of, sentence_clauses
from ...text.doc import Doc
from .. import date_binding as _binding
from .. import dates as _dates
from ..context import Context
from ..mentions import PlaceMention
from ..places import recognise as _places
from ..places import roles as _roles
from ..places.forms import ADJ_SCORE
from . import story_places as sp
from .agents import grammar
from .classify import ABSTRACT, ACTIONS, DEMO_CORE
from .coded import Coded
from .modality import modality_cues
from .triggers import Hit, is_in, words

HISTORIC_DAYS = 400           # an event dated this long before publication is history recalled
EMIT_COUNTRY_LEVEL = True     # country-only events: coded only when nothing finer of the kind is known
PLACE_PRECISION = {"city": 1, "district": 2, "admin1": 3, "country": 3}
# the place of an event whose text names none: location, coordinates and geo_precision stay null
NOWHERE = PlaceMention(0, 0, "", "", None, None, None, None, None, "none", 0, 0.0)


@dataclass(slots=True)
class Candidate:
    coded: Coded
    sent: int
    place: PlaceMention
    geo_precision: int | None
    day: date | None
    time_precision: int
    evidence: list[tuple[int, int]]
    dated: bool = True   # the date is the sentence's own (or its story's), not the publication's by default



NON_TRIGGER = frozenset({"protester", "strike", "city_ref", "crime", "accident", "sport", "campaign", "commemoration", "idiom",
                         "person", "found", "injured"})


def is_concrete(coded: Coded) -> bool:
    """Does the sentence name the act itself (not only 'protests' or the protesters)? Only such a
    sentence may borrow a place from its neighbours or stand at country level."""
    if coded.family == "demo":
        return any(h.cls in (DEMO_CORE | ACTIONS | {"lynch"}) - ABSTRACT for h in coded.hits)
    return any(h.cls not in ABSTRACT | NON_TRIGGER for h in coded.hits)


def own_past_date(ctx: Context, si: int) -> bool:
    """A date of the sentence's own that is not after publication ('on November 30' told on 21
    November is a recollection's date, not a new day)."""
    s = ctx.doc.sentences[si]
    pub = ctx.doc.published
    return any(s.start <= d.start < s.end and d.value is not None and (pub is None or d.value <= pub)
               for d in ctx.dates)


def event_span(doc: Doc, si: int, coded: Coded) -> tuple[int, int]:
    """Character span of the clauses of sentence si that hold the reading's triggers: where its own
    date and place are looked for first."""
    s = doc.sentences[si]
    firsts = [h.first for h in coded.hits if h.cls not in NON_TRIGGER] or [h.first for h in coded.hits]
    mine = [c for c in sentence_clauses(doc, si) if any(c.first <= i < c.last for i in firsts)]
    if not mine:
        return s.start, s.end
    first, last = mine[0], mine[-1]
    a = doc.tokens[first.first].start
    b = doc.tokens[last.last - 1].end
    return a, b


def _place_spans(doc: Doc, si: int, coded: Coded) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Clauses whose places an event of sentence si takes: first those holding its triggers and those
    with no predicate of their own (verbless continuations, fronted phrases); failing them, the main
    clauses (not opened by a subordinator: "…, який возив із A до B" only describes a route). Untagged
    text (English) only knows clauses opened by subordinators: those are left out of the first tier
    unless they hold a trigger."""
    firsts = [h.first for h in coded.hits if h.cls not in NON_TRIGGER] or [h.first for h in coded.hits]
    subs = words(doc.lang, "clauses", "subordinators")
    out: list[tuple[int, int]] = []
    mains: list[tuple[int, int]] = []
    for c in sentence_clauses(doc, si):
        toks = doc.tokens[c.first:c.last]
        mine = any(c.first <= i < c.last for i in firsts)
        tagged = any(t.an.pos is not None for t in toks)
        head = next((t for t in toks if t.is_word), None)
        opened = head is not None and (head.lower in subs or head.an.lemma in subs)
        if mine or (tagged and not any(t.an.pos in ("VERB", "PRTS") for t in toks)) or (not tagged and not opened):
            out.append((c.start, c.end))
        if not opened:
            mains.append((c.start, c.end))
    return out, mains


def own_town(ctx: Context, si: int) -> bool:
    """Does the sentence name a town of its own (a new report, not a recollection going on)?"""
    s = ctx.doc.sentences[si]
    return any(s.start <= p.start < s.end and p.kind in ("city", "district") and p.score > 0.5
               and _plausible(ctx, p) for p in ctx.places)


def own_date(ctx: Context, si: int) -> bool:
    s = ctx.doc.sentences[si]
    return any(s.start <= d.start < s.end and d.value is not None for d in ctx.dates)


def locate(ctx: Context, si: int, coded: Coded, triggered: set[int],
           before: list[Candidate], story: tuple[int, date | None, int] | None) -> list[Candidate]:
    """One candidate per place of the sentence; else the place the places stage gives the clause."""
    doc = ctx.doc
    s = doc.sentences[si]
    cs, ce = event_span(doc, si, coded)
    # the places of the event's own clauses and of the verbless ones that continue them (a list of
    # towns after a parenthesis); not those of another predicate's clause ("..., the governor of B
    # said"), unless the sentence has no other
    spans, mains = _place_spans(doc, si, coded)
    every = _places_in(ctx, s.start, s.end, coded.hits)
    found: list[tuple[PlaceMention, int | None]] = [
        (p, prec) for p, prec in every if any(a <= p.start < b for a, b in spans)] or [
        (p, prec) for p, prec in every if any(a <= p.start < b for a, b in mains)] or list(every)
    if len(found) > 1:
        # "в Самаре прошел пикет в поддержку арестованного в Казани": a place that only qualifies
        # something else (an origin, an agent, the protest's topic) yields to the event's own
        found = [(p, prec) for p, prec in found if not _roles.dependent(doc, p.start)] or found
        if any(_roles.locative(doc, p.start) for p, _ in found):
            # "жители Твери провели пикет в Москве": whose people act yields to where they acted
            found = [(p, prec) for p, prec in found if not _roles.modifier(doc, p.start)] or found
    towns = _article_towns(ctx)
    if not found and any(h.cls == "city_ref" for h in coded.hits) and towns and towns[0][0] is not None:
        found.append((towns[0][1], 1))   # "в городе", "in the city": the story's town
    back = si + 1 < len(doc.sentences) and _names_the_incident(doc, si + 1)
    if not found and si + 1 < len(doc.sentences) and (si + 1 not in triggered or back):
        # "...attacks on local administrations. This happened in Almaty, Shymkent and Taraz."; "Two
        # were hurt in the incident in Sokoto": the next sentence places the act it refers back to
        nxt = doc.sentences[si + 1]
        if doc.sent_tokens[si + 1][1] - doc.sent_tokens[si + 1][0] <= 15 or back:
            # places named as such ("в Алматы"), not a capital speaking for its state ("Баку заявил")
            found = [(p, prec) for p, prec in _places_in(ctx, nxt.start, nxt.end, [])
                     if _after_prep(doc, p) and not sp.other_incident(doc, p)]
    concrete = is_concrete(coded)
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
        # not a country named as an origin or a partner ("кордон з Україною", "imports from Ukraine")
        origin = grammar(doc, "origin_preps")
        own = [p for p in ctx.places if s.start <= p.start < s.end and p.kind == "country" and p.score > 0.5
               and not (doc.token_at(p.start) > 0 and doc.tokens[doc.token_at(p.start) - 1].lower in origin)]
        first = min((h.first for h in coded.hits), default=0)
        acting = [p for p in own if doc.token_at(p.start) < first and _country_subject(doc, p)]
        found = [(p, 3) for p in [*(p for p in own if p not in acting), *own][:1]]
    if not found and concrete and not any(p.score > 0.5 and _plausible(ctx, p) for p in ctx.places):
        # a report that names no place at all (a wire snippet, a note): the event stands without one
        found = [(NOWHERE, None)]
    if not found:
        return []
    day, tp = event_date(ctx, cs, ce)
    dated = True
    if not own_date(ctx, si) and si > 0 and own_date(ctx, si - 1) and _points_back(doc, coded):
        # "На тот пикет пришли сотни": the gathering of the sentence before, on its day
        prev = doc.sentences[si - 1]
        day, tp = event_date(ctx, prev.start, prev.end)
    elif not own_date(ctx, si):
        # no date of its own: the story goes on from the last dated report just before it, else from
        # the last event told at the same place
        keys = {place_key(p) for p, _ in found}
        prior = [c for c in before if place_key(c.place) in keys and c.coded.family == coded.family]
        if story is not None and si - story[0] <= 3 and (not prior or prior[-1].sent < story[0]):
            day, tp = story[1], story[2]
        elif prior:
            day, tp = prior[-1].day, prior[-1].time_precision
        elif day is not None and day == doc.published:
            day, tp = _retrospective_date(ctx, day, tp, triggered)
            dated = day != doc.published
    if day is not None and doc.published is not None:
        age = (doc.published - day).days
        if age > HISTORIC_DAYS or day > doc.published + timedelta(days=1) or (tp >= 2 and age > 60) \
                or (tp >= 3 and age > 31):
            return []   # history, the future, or an earlier month's background ("protests began in May")
    acts = [(h.start, h.end) for h in coded.hits if h.cls not in ("protester", "strike")]
    own = [p for p, _ in found if s.start <= p.start < s.end]
    if len(own) < 2:
        ev = [(s.start, s.end)] + acts
        return [Candidate(coded, si, p, prec, *_clause_date(ctx, si, p, day, tp), ev + [(p.start, p.end)], dated)
                for p, prec in found]
    # a round-up ("акції пройшли у Львові, Одесі та Харкові", "в Казани задержали 20, в Уфе — 35"):
    # one event per town, each with its own stretch of the sentence as evidence
    segs = _segments(doc, si, own)
    return [Candidate(coded, si, p, prec, *_clause_date(ctx, si, p, day, tp),
                      [segs.get(p.start, (p.start, p.end)), *acts, (p.start, p.end)], dated) for p, prec in found]


def _clause_date(ctx: Context, si: int, p: PlaceMention, day: date | None, tp: int) -> tuple[date | None, int]:
    """A town named in the event's sentence may be dated by its own clause ("…on Monday, while in
    Zaria on Sunday…"): a date there wins over the event's. A town borrowed from elsewhere may not."""
    doc = ctx.doc
    s = doc.sentences[si]
    if not p.text or not s.start <= p.start < s.end:
        return day, tp
    c = clause_of(doc, doc.token_at(p.start))
    if c is None or not any(c.start <= d.start < c.end and d.value is not None and d.kind != "historic"
                            for d in ctx.dates):
        return day, tp
    own = event_date(ctx, c.start, c.end)
    if len({d.value for d in ctx.dates if c.start <= d.start < c.end and d.kind in _binding.DAY_KINDS}) > 1:
        # ", а 12 березня - у Тернополі"; a day before the event's is more likely a backdrop's
        got = _binding.stretch_date(ctx, p.start)
        own = got if got is not None and (day is None or got[0] is None or got[0] >= day) else own
    pub = doc.published
    return own if own[0] is not None and (pub is None or own[0] <= pub + timedelta(days=1)) else (day, tp)


def _points_back(doc: Doc, coded: Coded) -> bool:
    """A trigger noun after a distal demonstrative ("том митинге", "that rally") names an event told
    before."""
    distal = words(doc.lang, "clauses", "distal_words")
    return any(h.first > 0 and (doc.tokens[h.first - 1].lower in distal or doc.tokens[h.first - 1].an.lemma in distal)
               for h in coded.hits)


def _names_the_incident(doc: Doc, si: int) -> bool:
    """Does sentence si refer back to the act told before it ("in the incident", "during the attack"):
    a definite word, then a noun for an incident (lexicon `incident_refs`, `incident_nouns`)?"""
    nouns = words(doc.lang, "events", "incident_nouns")
    back = words(doc.lang, "events", "incident_refs")
    a, b = doc.sent_tokens[si]
    toks = doc.tokens
    return bool(nouns) and any(is_in(toks[k], nouns) and k > a and toks[k - 1].lower in back
                               for k in range(a, b))


def date_summaries(cands: list[Candidate]) -> None:
    """A summary without a date of its own ("a dozen shops have been looted in the unrest in Tartu")
    belongs to the one dated report of the same place and kind the story gives: it takes its date."""
    for c in cands:
        if c.dated:
            continue
        days = {(o.day, o.time_precision) for o in cands if o.dated and o.day is not None
                and place_key(o.place) == place_key(c.place) and o.coded.family == c.coded.family}
        if len(days) == 1:
            c.day, c.time_precision = days.pop()


def _segments(doc: Doc, si: int, places: list[PlaceMention]) -> dict[int, tuple[int, int]]:
    """Each listed town's stretch of the sentence: from its preposition (the sentence start for the
    first) to the comma or conjunction before the next town's, without trailing punctuation."""
    a, b = doc.sent_tokens[si]
    toks = doc.tokens
    conj = grammar(doc, "and_words")
    preps = grammar(doc, "in_preps") | grammar(doc, "place_preps")
    ordered = sorted(places, key=lambda m: m.start)
    starts: list[int] = []
    for p in ordered:
        k = doc.token_at(p.start)
        while k - 1 >= a and (toks[k - 1].an.pos == "PREP" or toks[k - 1].lower in preps):
            k -= 1
        starts.append(k)
    out: dict[int, tuple[int, int]] = {}
    for n, p in enumerate(ordered):
        lo = a if n == 0 else starts[n]
        hi = starts[n + 1] if n + 1 < len(ordered) else b
        while hi - 1 > lo and (not toks[hi - 1].is_word and not toks[hi - 1].text[:1].isdigit()
                               or toks[hi - 1].lower in conj):
            hi -= 1
        lo = min(lo, doc.token_at(p.start))
        out[p.start] = (toks[lo].start, max(toks[hi - 1].end, p.end))
    return out


def _after_prep(doc: Doc, p: PlaceMention) -> bool:
    """'в Алматы', 'in Taraz', 'под Харьковом': a place named as such."""
    k = doc.token_at(p.start) - 1
    # skip qualifiers and the earlier items of a list ("в Гродно, Лиде и Слониме")
    while k >= 0 and (doc.tokens[k].an.pos in ("ADJF", "PRTF", "CONJ") or doc.tokens[k].text == ","
                      or doc.tokens[k].lower in grammar(doc, "and_words") or doc.tokens[k].is_title and k > 0):
        k -= 1
    return k >= 0 and (doc.tokens[k].an.pos == "PREP" or doc.tokens[k].lower in grammar(doc, "object_preps")
                       or doc.tokens[k].lower in grammar(doc, "place_preps")
                       or doc.tokens[k].lower in grammar(doc, "in_preps"))   # English has no POS: "in Taraz"


def _country_subject(doc: Doc, p: PlaceMention) -> bool:
    """A country named as the doer: nominative (uk/ru), or not after a preposition (en)."""
    ti = doc.token_at(p.start)
    case = doc.tokens[ti].an.case
    if case is not None:
        return case == "nomn"
    return ti == 0 or doc.tokens[ti - 1].lower not in grammar(doc, "object_preps")


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


def place_key(p: PlaceMention) -> object:
    return p.geonameid or p.name.lower()


def _places_in(ctx: Context, start: int, end: int, hits: list[Hit]) -> list[tuple[PlaceMention, int]]:
    """Towns (else regions) named in [start, end), one per place, in text order."""
    here = [p for p in ctx.places if start <= p.start < end and p.kind != "country"
            and _plausible(ctx, p, hits) and not sp.not_own(ctx, p, hits)]
    here = sp.outside_quotes(ctx, sp.without_dateline(ctx, _first_of_between(ctx.doc, here)), hits)
    here = _drop_locators(ctx.doc, here)
    ends = [p for p in here if _road_end(ctx.doc, p)]
    if ends and len(ends) < len(here):
        here = [p for p in here if p not in ends]   # "перекрили дорогу на Київ" in Irpin: Kyiv is where it leads
    if any(p.kind in ("city", "district") for p in here):
        here = [p for p in here if p.kind in ("city", "district")]
    found: list[tuple[PlaceMention, int]] = []
    seen: set[object] = set()
    for p in here:
        if place_key(p) not in seen:
            seen.add(place_key(p))
            prec = PLACE_PRECISION.get(p.kind, 1)
            found.append((p, 2 if prec == 1 and _near_cue(ctx.doc, p) else prec))
    return found


def _road_end(doc: Doc, p: PlaceMention) -> bool:
    """'дорога на Київ', 'трасса до Харькова', 'шоссе Москва - ...': a town a road leads to or from."""
    roads = words(doc.lang, "events", "road_nouns")
    k = doc.token_at(p.start) - 1
    if k >= 1 and doc.tokens[k].text in ("-", "–", "—") and doc.tokens[k - 1].is_title:
        k -= 2   # "траса Київ – Житомир": the second end of the road
    if k >= 0 and doc.tokens[k].lower in grammar(doc, "road_preps"):
        k -= 1
    return k >= 0 and is_in(doc.tokens[k], roads)


def _near_cue(doc: Doc, p: PlaceMention) -> bool:
    """'под Харьковом', 'near Minsk': the event is near the town, not in it (geo_precision 2)."""
    cues: frozenset[str] = _places.lexicon(doc.lang).near_cues
    k = doc.token_at(p.start) - 1
    for _ in range(2):
        if k < 0:
            return False
        t = doc.tokens[k]
        if t.lower in cues or t.an.lemma in cues:
            return True
        if t.an.pos != "PREP" and t.lower not in grammar(doc, "skip_words"):
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



def _first_of_between(doc: Doc, places: list[PlaceMention]) -> list[PlaceMention]:
    """'дорога между Исламабадом и Равалпинди': one event, at the first town."""
    out: list[PlaceMention] = []
    skip_next = False
    for p in places:
        if skip_next:
            skip_next = False
            continue
        k = doc.token_at(p.start)
        if k > 0 and doc.tokens[k - 1].lower in grammar(doc, "between"):
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
    if _time_zone(doc, ti):
        return False   # "17:00 по Москве", "Kyiv time": a clock, not a place
    if any(a <= p.start < b for a, b in _quoted_names(doc)):
        return False   # a name in quotes after a noun: ТЦ «Україна», движение «Тавуш …», channel "Moscow 24"
    tags = doc.tokens[ti].an.tags
    small = p.population < 150_000
    if tags & _PERSON_TAGS and "Geox" not in tags and small and not _after_place_prep(doc, ti) \
            and not _listed_after_prep(ctx, ti):
        return False
    nxt_t = doc.tokens[ti + 1] if ti + 1 < len(doc.tokens) else None
    if doc.tokens[ti].an.pos == "ADJF" and nxt_t is not None and nxt_t.an.lemma in words(doc.lang, "events", "street_nouns"):
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
    if p.kind == "city" and small and _inside_longer_name(ctx, p, ti):
        return False   # "Dhaka University", "Rue de Rivoli": a word of a longer name, not the town
    return True


def _inside_longer_name(ctx: Context, p: PlaceMention, ti: int) -> bool:
    """A small town's name read inside a longer proper name: right after another place's name with
    no punctuation between ("Dhaka University"), or before a name particle and a capitalised word
    ("Rue de Rivoli", "Université du Québec")."""
    doc = ctx.doc
    toks = doc.tokens
    prev = toks[ti - 1] if ti > doc.sent_tokens[toks[ti].sent][0] else None
    if prev is not None and prev.is_title and prev.end == p.start - 1 and (
            any(m.end == prev.end and m is not p for m in ctx.places)
            or prev.an.pos is None and toks[ti].an.pos is None and not any(
                prev.lower in grammar(doc, k) for k in ("object_preps", "place_preps", "in_preps"))):
        return True   # untagged word order: a name before a head noun ("Dhaka University")
    j = doc.token_at(max(p.end - 1, p.start)) + 1
    particles = grammar(doc, "name_particles")
    return j + 1 < len(toks) and toks[j].lower in particles and toks[j + 1].is_title and toks[j].start == p.end + 1


_QUOTED = re.compile(r'«[^«»\n]{1,60}»|“[^“”\n]{1,60}”|„[^„“\n]{1,60}“|"[^"\n]{1,60}"')


def _quoted_names(doc: Doc) -> list[tuple[int, int]]:
    """Spans of short quoted names that follow a word (a shop, a party, a channel named by its
    kind noun), not quoted speech (after a colon or dash, or opening a sentence)."""
    got: list[tuple[int, int]] | None = doc.memo.get("quoted_names")
    if got is None:
        got = []
        for m in _QUOTED.finditer(doc.text):
            if len(m.group(0).split()) > 6:
                continue
            before = doc.text[max(m.start() - 3, 0):m.start()].rstrip()
            if before and before[-1].isalpha():
                got.append((m.start(), m.end()))
        doc.memo["quoted_names"] = got
    return got


_PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})


def _after_place_prep(doc: Doc, ti: int) -> bool:
    """A name after a preposition of place ('под Бахмутом'), or in the locative after в/у ('в Иванове'),
    is a place, whatever else the word may be."""
    if ti == 0:
        return False
    prev = doc.tokens[ti - 1].lower
    if prev in grammar(doc, "place_preps"):
        return True
    if prev not in grammar(doc, "in_preps"):
        return False
    t = doc.tokens[ti]
    if t.an.case == "loct":
        return True
    # "У Мінську силовики…": read as an adjective ("мінську") that agrees with no noun after it
    nxt = doc.tokens[ti + 1] if ti + 1 < len(doc.tokens) else None
    return t.is_title and t.an.pos == "ADJF" and not (
        nxt is not None and nxt.an.pos == "NOUN" and nxt.an.case == t.an.case and nxt.an.number == t.an.number)


def _time_zone(doc: Doc, ti: int) -> bool:
    """A town naming a time zone: after a clock time and a preposition ("17:00 по Москве") or before a
    word for time ("Kyiv time")."""
    toks = doc.tokens
    if ti >= 3 and toks[ti - 1].lower in grammar(doc, "time_zone_preps") and toks[ti - 2].text.isdigit() \
            and toks[ti - 3].text in (":", "."):
        return True
    nxt = toks[ti + 1] if ti + 1 < len(toks) else None
    return nxt is not None and (nxt.lower in grammar(doc, "time_words") or nxt.an.lemma in grammar(doc, "time_words"))


def _listed_after_prep(ctx: Context, ti: int) -> bool:
    """A later item of a list of towns governed by a preposition of place ("в Нантере, Сюрене и
    Женвилье"): the name is a place like the first, even where it also reads as a surname."""
    doc = ctx.doc
    starts: set[int] | None = doc.memo.get("event_place_tokens")
    if starts is None:
        starts = doc.memo["event_place_tokens"] = {
            k for m in ctx.places for k in range(doc.token_at(m.start), doc.token_at(max(m.end - 1, m.start)) + 1)}
    conj = grammar(doc, "and_words")
    k = ti - 1
    listed = False
    while k >= 0 and (doc.tokens[k].text == "," or doc.tokens[k].lower in conj or k in starts):
        listed = listed or k in starts
        k -= 1
    return listed and k >= 0 and _after_place_prep(doc, k + 1)


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
    country: tuple[PlaceMention, int] | None = None
    got = _places.event_place(ctx, start, end)
    got = None if got is not None and sp.not_borrowed(ctx, got[0], hits, end) else got
    if got is not None and got[0].kind == "country" and EMIT_COUNTRY_LEVEL:
        country = got   # kept for last: the story's country when no town can be told
    elif got is not None and got[0].kind != "country" and (_plausible(ctx, got[0], hits) or (
            got[0].score == ADJ_SCORE and got[0].kind == "city" and start <= got[0].start < end
            and _roles.actor_adjective(doc, got[0].start))) \
            and not (wave and got[0].start >= end):
        p = got[0]
        if p.start >= start and p.start < end:
            return got
        if sp.list_sentence(ctx, p):
            return None
        if p.start >= near_start or p.start < 80 or p.kind == "admin1" or (towns and place_key(p) == towns[0][0]):
            return got
    prior = [p for p in ctx.places if near_start <= p.start < start and p.kind in ("city", "district")
             and _plausible(ctx, p)]
    if prior:
        if sp.list_sentence(ctx, prior[-1]):
            return None   # "protests in A, B, C and D. Clashes were reported.": which town is unknown
        return prior[-1], 2
    if towns and towns[0][0] is not None and not any(start <= p.start < end for p in ctx.places) \
            and not sp.not_borrowed(ctx, towns[0][1], hits, end) \
            and not (wave and towns[0][1].start >= end):
        return towns[0][1], 2   # the story's main town; a sentence naming a country stays country-level
    return country


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
            k = place_key(p)
            count[k] = count.get(k, 0) + 1
            first.setdefault(k, p)
    ranked = sorted(count, key=lambda k: -count[k])
    out: list[tuple[object, PlaceMention]] = [(k, first[k]) for k in ranked]
    if len(ranked) > 1 and count[ranked[0]] == count[ranked[1]]:
        out[0] = (None, out[0][1])
    return out


def event_date(ctx: Context, start: int, end: int) -> tuple[date | None, int]:
    return _dates.event_date(ctx, start, end)

