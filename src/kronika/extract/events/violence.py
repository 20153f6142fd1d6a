"""ACLED's lines between violent sub-event types, read from one sentence: were firearms or explosives
used (armed clash or mob violence), were people hurt (excessive force or an intervention), was the
act aimed at a gathering, is a crowd of civilians the doer (a mob), is a mention only a casualty
tally or an arrest only a protest's grievance. Word lists are `lexicons/<lang>/events.toml`,
`actors.toml` and `clauses.toml`."""

from __future__ import annotations

from functools import cache

from ...resources import lexicon_lang, load_lexicon
from ...text.doc import Doc, Token
from ...text.morph import analyzer, morph_for
from .actors import ARMED, ActorMention, actors_in
from .agents import agent_of, doer_before, grammar, passive_between, same_clause, state_agent
from .triggers import Hit, is_in, matcher, words

OBJECT_REACH = 8      # "attacked a Green Youth Front (GYF) procession": the gathering ends the object
MODIFIERS = 1         # "attacked a peaceful march": one plain word before the gathering noun (named doers)
GRIEVANCE_REACH = 3   # "protesting the arrest of", "demanding the release of detained"
HELD_REACH = 4        # "rounded up 40 young men": a figure and a word or two before the people taken
PARTY_REACH = 2       # "ruling party cadres", "militiamen loyal to the governor": the link word this close
AIR_VERB_REACH = 3    # "air force helicopters pounded": the aircraft, then its verb
CHARGED_ACTS = frozenset({"detain", "beat", "lethal", "lynch"})   # what is done to one suspected of a crime
CHARGE_REACH = 4      # "on suspicion of smuggling drugs": the charge word, then the crime word this close
OF_PHRASE = 3         # "jets of the Nigerian Air Force": an owner's of-phrase between the aircraft and its verb
HELD_KINDS = frozenset({"civilian", "political", "press"})   # people, not fighters, towns or a crowd at a protest
TAKE_CLASSES = frozenset({"detain", "take", "seize", "overtake"})   # "seized two teachers": people as the object


def aimed_at_gathering(doc: Doc, h: Hit, live: list[Hit], modifiers: int = 0) -> bool:
    """'attack on the rally', 'напад на мітинг', 'attacked a procession': the act's object is the
    gathering itself (after a preposition, or as the direct object where a language has no case); up to
    `modifiers` plain words may qualify the gathering noun ("a peaceful march")."""
    k = h.last + 1
    if k >= len(doc.tokens):
        return False
    if doc.tokens[k].lower not in grammar(doc, "against_preps"):
        # the object's noun phrase: a determiner, names and their abbreviation ("a JSD (JSD) procession")
        dets = grammar(doc, "determiners")
        return doc.tokens[k].an.case is None and any(
            g.cls in ("demo", "march", "protest", "action") and 0 < g.first - h.last <= OBJECT_REACH
            and all(t.lower in dets or t.is_title or t.text.isupper() or t.text in "()" or _modifier(doc, t)
                    for t in doc.tokens[k:g.first])
            and sum(t.lower not in dets and not t.is_title and _modifier(doc, t)
                    for t in doc.tokens[k:g.first]) <= modifiers
            for g in live)
    return any(g.cls in ("demo", "protest", "action", "protester") and 0 < g.first - k <= 3 for g in live)


def _modifier(doc: Doc, t: Token) -> bool:
    """'a peaceful march', 'an opposition rally': a word that can qualify the gathering noun, in a
    language with no adjective tags here: no preposition, conjunction, or finite verb form."""
    if not t.is_word or t.lower in grammar(doc, "object_preps") or t.lower in grammar(doc, "coordinators"):
        return False
    return t.an.pos in (None, "ADJF", "PRTF") and not any(
        t.lower.endswith(sfx) for sfx in grammar(doc, "finite_suffixes"))


def serious_harm(doc: Doc, si: int) -> bool:
    """'seriously injured', 'hospitalised': harm beyond a dispersal's (ACLED's line to excessive force)."""
    a, b = doc.sent_tokens[si]
    harm = words(doc.lang, "events", "serious_harm")
    return any(is_in(t, harm) for t in doc.tokens[a:b])


def harmed(doc: Doc, si: int, live: list[Hit]) -> bool:
    """People hurt or killed by the act: in its sentence, or told by the next one ("10 were injured")."""
    if any(h.cls in ("injured", "lethal") for h in live) or serious_harm(doc, si):
        return True
    if si + 1 >= len(doc.sentences):
        return False
    a, b = doc.sent_tokens[si + 1]
    return any(h.cls in ("injured", "lethal") for h in matcher(doc.lang, "events").find(doc, a, b))


def weapons_used(doc: Doc, a: int, b: int) -> bool:
    """Firearms or explosives used among tokens [a, b), not negated ("did not mention weapons")."""
    arms = words(doc.lang, "events", "weapon_words")
    neg = words(doc.lang, "events", "weapon_negation")
    return any(is_in(doc.tokens[k], arms) and not any(t.lower in neg for t in doc.tokens[max(k - 3, a):k])
               for k in range(a, b))


def in_tally(doc: Doc, m: ActorMention) -> bool:
    """'injuring 50, including 6 police': the mention counts victims of the act before it."""
    tally = words(doc.lang, "events", "tally_words")
    return any(t.lower in tally for t in doc.tokens[max(m.first - 3, 0):m.first])


def grievance(doc: Doc, h: Hit, live: list[Hit]) -> bool:
    """An arrest that is what a gathering protests ('to protest the arrest of their leader'), not one
    made at it: a grievance word or a protest trigger right before the detention word."""
    if h.cls != "detain":
        return False
    if attributive(doc, h):
        return True   # "relatives of detained activists": people held before, named by what they protest
    grief = words(doc.lang, "events", "grievance_words")
    before = range(max(h.first - GRIEVANCE_REACH, 0), h.first)
    # "protest the arrest of", not "held a rally and arrested four": a conjunction makes the arrest a new act
    conj = grammar(doc, "coordinators")
    return any(is_in(doc.tokens[k], grief) for k in before) or any(
        g.cls in ("protest", "demo", "march") and h.first - GRIEVANCE_REACH <= g.last < h.first
        and not any(t.lower in conj or t.text in ",;" for t in doc.tokens[g.last + 1:h.first]) for g in live)


def attributive(doc: Doc, h: Hit) -> bool:
    """'of detained activists', 'their arrested leader': a one-word participle between a determiner or
    'of' and the noun it qualifies describes people, it reports no act."""
    if h.first != h.last or h.first == 0 or h.last + 1 >= len(doc.tokens):
        return False
    prev, nxt = doc.tokens[h.first - 1], doc.tokens[h.last + 1]
    links = grammar(doc, "determiners") | words(doc.lang, "actors", "of_words")
    return prev.lower in links and nxt.is_word and nxt.lower not in grammar(doc, "object_preps") \
        and nxt.lower not in words(doc.lang, "actors", "agent_preps")


HOME_REACH = 12  # "arrested the union's two organisers of the strike at their homes"


def held_at_home(doc: Doc, h: Hit) -> bool:
    """A detention at or from the detainees' own home ("at their homes", "from his house": lexicon
    `home_nouns` after a preposition and a possessive, `home_owners`), in the act's clause: the arrest
    was not made at a gathering ("outside the governor's house" may be one)."""
    homes = words(doc.lang, "events", "home_nouns")
    owners = words(doc.lang, "events", "home_owners")
    preps = grammar(doc, "object_preps") | grammar(doc, "in_preps") | grammar(doc, "origin_preps")
    sent_end = doc.sent_tokens[doc.tokens[h.first].sent][1]
    for k in range(h.last + 1, min(h.last + 1 + HOME_REACH, sent_end)):
        t = doc.tokens[k]
        if t.text in ",;" or t.lower in grammar(doc, "coordinators"):
            return False
        if is_in(t, homes) and k - 2 > h.last and doc.tokens[k - 1].lower in owners \
                and doc.tokens[k - 2].lower in preps:
            return True
    return False


def group_member(doc: Doc, a: int, b: int) -> bool:
    """'members of a banned party': people held for belonging to a political group."""
    groups = words(doc.lang, "actors", "group_nouns")
    return any(is_in(t, groups) for t in doc.tokens[a:b])


def crowd_doer(doc: Doc, h: Hit, actors: list[ActorMention]) -> ActorMention | None:
    """'a group of villagers attacked', 'angry residents assaulted': a crowd of civilians as the subject
    of a violent act is a mob (ACLED's rioters). The crowd's mention, as a mob, or None."""
    crowd = words(doc.lang, "actors", "crowd_nouns")
    coll = words(doc.lang, "actors", "collective_nouns")
    before = [m for m in actors if m.first < h.first and m.kind == "civilian" and (
        doer_before(doc, m, h.first) or m.first >= 2 and doc.tokens[m.first - 1].lower in words(doc.lang, "actors", "of_words")
        and is_in(doc.tokens[m.first - 2], coll) and not passive_between(doc, m.first, h.first))]
    if not before or not is_in(doc.tokens[before[-1].first], crowd):
        return None
    t = doc.tokens[before[-1].first]
    if t.an.number != "plur" and t.lower == t.an.lemma and t.lower not in words(doc.lang, "actors", "people_words"):
        return None   # "a resident attacked": one person, no mob
    m = before[-1]
    return ActorMention("mob", m.first, m.start, m.end, m.text, m.case, m.name)


def blast_is_attack(doc: Doc, si: int, live: list[Hit]) -> bool:
    """'прогремел взрыв, ранены двое': an explosion with no weapon named is a bombing (ACLED: remote
    explosive) only when people were hurt by it and nothing in the sentence makes it a mishap or work
    (a gas cylinder, a boiler, a mine shaft)."""
    a, b = doc.sent_tokens[si]
    mishap = words(doc.lang, "events", "mishap_words")
    return harmed(doc, si, live) and not any(is_in(t, mishap) for t in doc.tokens[a:b])


def unknown_killer(doc: Doc, h: Hit, actors: list[ActorMention],
                   classes: frozenset[str] = frozenset({"lethal"})) -> ActorMention | None:
    """'неизвестные застрелили главу поселения': a killing (or, with `classes`, a beating) whose doer
    is named only as unknown people (ACLED: an attack by an unidentified armed group). The doer's
    mention, or None."""
    if h.cls not in classes:
        return None
    unknown = words(doc.lang, "actors", "unknown_doers")
    m = next((m for m in reversed(actors) if m.first < h.first and doer_before(doc, m, h.first)), None)
    return m if m is not None and m.kind == "mob" and is_in(doc.tokens[m.first], unknown) else None


def civilians_fought(doc: Doc, h: Hit, actors: list[ActorMention]) -> ActorMention | None:
    """'жители двух сёл подрались': a fight whose doers are a crowd of civilians (ACLED: mob violence)."""
    if h.cls != "clash":
        return None
    return crowd_doer(doc, h, actors)


def killed_by_unknown(doc: Doc, h: Hit, a: int, b: int) -> Hit:
    """'неизвестные застрелили главу поселения': a killing verb with its doer named as unknown people
    needs none of the victim words of [near.lethal] (the doers make it an act, not a tally)."""
    if h.weak and unknown_killer(doc, h, actors_in(doc, a, b)) is not None:
        return Hit(h.cls, h.first, h.last, h.start, h.end, h.entry)
    return h


def unnamed_sides(doc: Doc) -> str:
    """Fighting with no side named is between the state forces of the war the story names, else
    between unidentified armed groups (ACLED)."""
    return "State forces" if any(m.kind == "state" for m in actors_in(doc, 0, len(doc.tokens))) \
        else "Political militia"


def crowd_named(doc: Doc, a: int, b: int, actors: list[ActorMention] | None = None) -> bool:
    """'сотни человек перекрыли улицы', 'residents blocked the road': people, not a landslide or the police,
    nor the people of an unidentified doer ("unknown people set fire to ...": a mob or armed men's act)."""
    crowd = words(doc.lang, "actors", "crowd_nouns")
    doers = {k for m in actors or [] if m.kind in ("mob", "militia")
             for k in range(m.first + 1, doc.token_at(m.end - 1) + 1 if m.end > m.start else m.first + 1)}
    # a person in an object's case is the act's patient, no doer ("поранено жінку, згорів кіоск")
    return any(is_in(t, crowd) and k not in doers and (t.an.case not in OBJECT_CASES or _nominative(doc, t))
               for k in range(a, b) for t in (doc.tokens[k],))


OBJECT_CASES = frozenset({"accs", "datv", "ablt", "loct"})


SUBJECT_AFTER = 5   # "трассу перекрыли фермеры на тракторах": the subject this close after its verb


def subject_after(doc: Doc, h: Hit, b: int, actors: list[ActorMention]) -> str | None:
    """Who did the act when the sentence names them after the verb ("дорогу перегородили местные
    жители", "дорогу перекрыли сотрудники ГИБДД"): "crowd" for people of the crowd nouns, "state" for
    the forces, in the nominative; None when no such subject follows."""
    for k in range(h.last + 1, min(b, h.last + 1 + SUBJECT_AFTER)):
        t = doc.tokens[k]
        if t.text in ",;:.!?":
            return None
        if not _nominative(doc, t):
            continue
        if any(m.kind == "state" and m.first == k for m in actors):
            return "state"
        if is_in(t, words(doc.lang, "actors", "crowd_nouns")) and t.an.number != "sing":
            return "crowd"
    return None


def _nominative(doc: Doc, t: Token) -> bool:
    """Can the word be a subject? Its best parse, or another ("мешканці": locative singular first,
    nominative plural too)."""
    if t.an.case == "nomn":
        return True
    if t.an.pos is None or not t.is_word:
        return False
    return any(p.tag.case == "nomn" and p.tag.number == "plur"
               for p in analyzer(morph_for(doc.lang).lang).parse(t.lower)[:4])


def lone_doer(doc: Doc, m: ActorMention) -> bool:
    """'неизвестный напал': one person, singular by morphology and no collective noun ('толпа', 'a mob'),
    whose beating and robbing is a crime, not a mob's justice."""
    t = doc.tokens[m.first]
    return t.an.number == "sing" and not is_in(t, words(doc.lang, "actors", "collective_nouns"))


def several_people(doc: Doc, a: int, b: int) -> bool:
    """A figure or a word for people in the sentence: detentions of a crowd, not of one person."""
    people = words(doc.lang, "actors", "people_words")
    for t in doc.tokens[a:b]:
        if t.text[:1].isdigit() or t.an.pos == "NUMR" or is_in(t, people):
            return True
    return False


def police_hurt(live: list[Hit], state: list[ActorMention]) -> bool:
    """'14 police officers were injured': violence by the demonstrators is implied."""
    for h in live:
        if h.cls != "injured":
            continue
        for m in state:
            # "soldiers beat and injured traders": the forces did the hurting, they were not hurt
            doers = any(g.cls in ("beat", "lethal") and m.first < g.first < h.first for g in live)
            if 0 < h.first - m.first <= 4 and not doers or (0 < m.first - h.last <= 3 and m.case in ("nomn", "gent")):
                return True
    return False


def person_taken(doc: Doc, live: list[Hit],
                 actors: list[ActorMention]) -> tuple[Hit, ActorMention, ActorMention] | None:
    """'police rounded up 40 men', 'agents picked up an activist', 'gunmen seized two teachers': a taking
    verb whose object is people (not a town, a building or a cache) and whose doer is armed. The verb,
    its doer and the people taken, or None. The doer's kind says which: the state's forces arrest, others
    abduct."""
    for h in live:
        if h.cls not in TAKE_CLASSES:
            continue
        # after the verb, or inside a split one ("took three men into custody")
        held = next((m for m in actors if m.kind in HELD_KINDS and m.first > h.first and m.first - h.last <= HELD_REACH
                     and same_clause(doc, h.first, m.first)), None)
        if held is None:
            continue
        doer = agent_of(doc, h, actors)
        if doer is not None and doer is not held and doer.kind in ARMED and doer.first < h.first:
            return h, doer, held
    return None


def aircraft_struck(doc: Doc, live: list[Hit]) -> bool:
    """'military aircraft destroyed a depot', 'the air force targeted positions': aircraft as the subject
    of a strike verb right after them (not 'a missile destroyed two aircraft')."""
    verbs = words(doc.lang, "events", "air_strike_verbs")
    for h in live:
        if h.cls != "air_doer":
            continue
        start = h.last + 1
        if start < len(doc.tokens) and doc.tokens[start].lower in words(doc.lang, "actors", "of_words"):
            start += OF_PHRASE     # "helicopters of the air force pounded": the owner, then the verb
        end = min(start + AIR_VERB_REACH, len(doc.tokens))
        if any(is_in(t, verbs) for t in doc.tokens[h.last + 1:end]
               if t.sent == doc.tokens[h.last].sent):
            return True
    return False


def charges(doc: Doc, live: list[Hit]) -> list[Hit]:
    """The crime words that only say what someone the sentence's act befell is accused of, the act told
    before them: 'beat to death a man suspected of theft' (a mob's act, whatever the accusation);
    'took three men into custody on suspicion of smuggling' (an arrest where the charge is one of
    `arrest_charges`: smuggling, treason; 'arrested two men suspected of stealing cattle', or police
    shooting a robbery suspect, stays a crime story)."""
    charge = words(doc.lang, "events", "charge_words")
    news = words(doc.lang, "events", "arrest_charges")
    acts = [h for h in live if h.cls in CHARGED_ACTS]
    out: list[Hit] = []
    for h in live:
        if h.cls != "crime" or not charge:
            continue
        sent = doc.tokens[h.first].sent
        cue = next((k for k in range(h.first, max(h.first - 1 - CHARGE_REACH, -1), -1)   # "suspected of" itself
                    if doc.tokens[k].sent == sent and is_in(doc.tokens[k], charge)), None)
        if cue is None:
            continue
        before = [d for d in acts if d.last < cue and doc.tokens[d.first].sent == sent]
        phrase = [t for t in doc.tokens[cue:cue + CHARGE_REACH + 2] if t.sent == sent]
        if not before:
            continue
        a, b = doc.sent_tokens[sent]
        actors = actors_in(doc, a, b)
        # the police shooting or beating a robbery suspect is the crime story's own end; a mob's or
        # gunmen's act is news whatever the accusation, and so is any act on a charge of `arrest_charges`
        if any(d.cls != "detain" and not state_agent(doc, d, actors) for d in before) \
                or any(is_in(t, news) for t in phrase):
            out.append(h)
    return out


def party_men(doc: Doc, m: ActorMention) -> bool:
    """'ruling party cadres', 'militiamen loyal to the governor': armed men of a party or an official."""
    party = words(doc.lang, "actors", "party_words")
    k = doc.token_at(m.end - 1) if m.end > m.start else m.first
    near = doc.tokens[max(m.first - PARTY_REACH, 0):m.first] + doc.tokens[k + 1:k + 1 + PARTY_REACH]
    return any(is_in(t, party) for t in near)


def several_held(doc: Doc, m: ActorMention) -> bool:
    """'40 men', 'dozens of traders', 'villagers': people in the plural, by a figure or by morphology (an
    unknown number is no plural: one resident held is a crime story's suspect)."""
    t = doc.tokens[m.first]
    before = doc.tokens[max(m.first - HELD_REACH, 0):m.first]
    people = words(doc.lang, "actors", "people_words")
    return t.an.number == "plur" or any(u.text[:1].isdigit() or u.an.pos == "NUMR" or is_in(u, people)
                                        or _number_word(doc.lang, u.lower) >= 2 for u in before)


@cache
def _numbers(lang: str) -> dict[str, float]:
    return {k.lower(): float(v) for k, v in load_lexicon(lexicon_lang(lang), "numbers").get("values", {}).items()}


def _number_word(lang: str, w: str) -> float:
    """'three' -> 3 (lexicons/<lang>/numbers.toml values), 0 for any other word."""
    return _numbers(lang).get(w, 0.0)
