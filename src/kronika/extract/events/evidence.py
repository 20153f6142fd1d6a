"""ACLED's unit of an event: candidates of one date, place and type family merge into one record
whose evidence is every supporting span; the most severe reading names the event."""

from __future__ import annotations

from ...model import Event, Span
from ...resources.gazetteer import haversine_km
from ..context import Context
from ..figures.counts import recount
from .attach import Candidate, place_key
from .coded import SEVERITY
from .triggers import is_in, words


def merge(ctx: Context, cands: list[Candidate]) -> list[Event]:
    """ACLED's unit: one date x place x type (demonstrations: Protests and Riots together)."""
    groups: dict[tuple[object, ...], list[Candidate]] = {}
    _fold_quarters(cands)
    _fold_into_areas(cands)
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
            country=p.country, admin1=p.admin1, location=p.name or None, geonameid=p.geonameid,
            latitude=p.latitude, longitude=p.longitude, geo_precision=best.geo_precision,
            actor1=co.actor1, actor2=actor2,
            actor1_name=co.actor1_name or next((c.coded.actor1_name for c in group if c.coded.actor1_name), None),
            actor2_name=co.actor2_name if actor2 == co.actor2 else None,
            fatalities=_fatalities(ctx, group) if co.sub != "Peaceful protest" else None,
            evidence=spans, confidence=round(conf, 2),
        ))
    events.sort(key=lambda e: e.evidence[0].start if e.evidence else 0)
    return events


QUARTER_KM = 5.0   # a named place this close to a bigger one of the same day's event is its quarter


def _fold_quarters(cands: list[Candidate]) -> None:
    """'petrol bombs at a station in Tsim Sha Tsui' beside 'clashes in Kowloon' the same day: a quarter
    of the town is the town's event (ACLED codes one event per location and day)."""
    for c in cands:
        p = c.place
        if p.latitude is None or p.longitude is None:
            continue
        towns = [o for o in cands if o.day == c.day and o.coded.family == c.coded.family
                 and place_key(o.place) != place_key(p) and o.place.population > p.population
                 and o.place.kind in ("city", "district") and o.place.latitude is not None
                 and o.place.longitude is not None
                 and haversine_km(p.latitude, p.longitude, o.place.latitude, o.place.longitude) <= QUARTER_KM]
        if towns:
            big = max(towns, key=lambda o: o.place.population)
            c.place, c.geo_precision = big.place, big.geo_precision


AREA_KM = 50.0   # a place this close to an area's seat named for the same day's event lies in that area


def _fold_into_areas(cands: list[Candidate]) -> None:
    """'in Hays district (Al Hudaydah), forces shelled Hays town and the nearby village of Al Jarrahi':
    a place inside an area the same day's event of the same kind is told at (a district, an upazila:
    places of kind "district") is that event's, not another one. Round-ups of towns name no area."""
    areas = [c for c in cands if c.place.kind == "district" and c.place.latitude is not None
             and c.place.longitude is not None]
    if not areas:
        return
    for c in cands:
        p = c.place
        if p.kind != "city" or p.latitude is None or p.longitude is None:
            continue
        home = [o for o in areas if o.day == c.day and o.coded.family == c.coded.family
                and place_key(o.place) != place_key(p) and o.place.latitude is not None
                and o.place.longitude is not None
                and haversine_km(p.latitude, p.longitude, o.place.latitude, o.place.longitude) <= AREA_KM]
        if home:
            c.place, c.geo_precision = home[0].place, home[0].geo_precision



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
    # a national toll is no city's own (extract/figures/extent.py)
    local = group[0].place.kind != "country"
    # an article the counts stage's unrest words missed ("militiamen killed 32 people") has its figures
    # counted only after this stage (figures/scope.py): count the event's own sentences here
    counts = ctx.counts or recount(ctx, sents)
    vals = [c.value for c in counts if c.kind == "killed" and c.evidence
            and ctx.doc.sentence_of(c.evidence[0].start) in sents and not (local and c.scope == "national")]
    label, denied, one = _stated_toll(ctx, sents)
    if label is not None:
        return label
    if vals:
        return int(min(vals))
    return 0 if denied else 1 if one else None


NOBODY_REACH = 4   # "no one was reportedly hurt": the verb of harm this close after the pronoun


def _stated_toll(ctx: Context, sents: set[int]) -> tuple[int | None, bool, bool]:
    """A toll the text states outright in the event's sentences (lexicons/<lang>/tolls.toml): the
    figure after a label ("Fatalities: 2"), whether a toll is denied ("No fatalities were
    reported", "no one was hurt") and whether one person is killed with no figure ("killing a
    civilian")."""
    doc = ctx.doc
    labels = words(doc.lang, "tolls", "label_nouns")
    if not labels:
        return None, False, False
    kill = words(doc.lang, "tolls", "kill_verbs")
    one_words = words(doc.lang, "tolls", "one_words")
    quantity = words(doc.lang, "tolls", "quantity_nouns")
    one = False
    none_words = words(doc.lang, "tolls", "none_words")
    nouns = words(doc.lang, "tolls", "toll_nouns")
    nobody = [tuple(w.split()) for w in words(doc.lang, "tolls", "nobody_words")]
    harm = words(doc.lang, "tolls", "harm_verbs")
    numbers = {n.start: n for n in ctx.numbers}
    toks = doc.tokens
    label: int | None = None
    denied = False
    for si in sorted(sents):
        if si >= len(doc.sentences):
            continue
        a, b = doc.sent_tokens[si]
        for k in range(a, b):
            t = toks[k]
            if is_in(t, labels) and k + 2 < b and toks[k + 1].text == ":":
                n = numbers.get(toks[k + 2].start)
                v = int(n.value) if n is not None and n.value == int(n.value) and not n.vague \
                    else int(toks[k + 2].text) if toks[k + 2].text.isdigit() else None   # "0" is no figure
                if v is not None:
                    label = v if label is None else min(label, v)
            if is_in(t, nouns) and k > a and is_in(toks[k - 1], none_words):
                denied = True
            if is_in(t, kill) and k + 2 < b and toks[k + 1].lower in one_words and toks[k + 2].is_word \
                    and not is_in(toks[k + 2], quantity):
                one = True
            for phrase in nobody:
                if t.lower != phrase[0]:
                    continue   # most tokens open no phrase: skip building the tuple
                if tuple(x.lower for x in toks[k:k + len(phrase)]) == phrase \
                        and any(is_in(x, harm) for x in toks[k + len(phrase):min(b, k + len(phrase) + NOBODY_REACH)]):
                    denied = True
    return label, denied, one
