"""Who did what to whom in a sentence: the doer of an act, the two sides of a fight, and actors that
are only the news source ("police said"). Grammar words come from `lexicons/<lang>/clauses.toml`
(prepositions, conjunctions) and `actors.toml` (source cue words)."""

from __future__ import annotations

from ...text.clauses import sentence_clauses
from ...text.doc import Doc, Token
from .actors import ActorMention
from .triggers import Hit, is_in, words


def grammar(doc: Doc, key: str) -> frozenset[str]:
    """A grammar word list of the document's language (clauses.toml)."""
    return words(doc.lang, "clauses", key)


def state_agent(doc: Doc, h: Hit, actors: list[ActorMention]) -> bool:
    """Did the state's forces do it? Not 'extremist forces' (a qualifier of another kind before it)."""
    m = agent_of(doc, h, actors)
    if m is None or m.kind != "state":
        return False
    return not any(o.kind != "state" and o.first == m.first - 1 for o in actors)


def source_only(doc: Doc, m: ActorMention) -> bool:
    """'…, police said', 'по данным полиции', 'повідомили в поліції': the mention is a source of the news."""
    toks = doc.tokens
    k = doc.token_at(m.end - 1) if m.end > m.start else m.first
    near = [t for t in toks[max(m.first - 3, 0):m.first] + toks[k + 1:k + 3] if t.is_word]
    return any(is_in(t, words(doc.lang, "actors", "say_words")) for t in near)


def agent_of(doc: Doc, h: Hit, actors: list[ActorMention]) -> ActorMention | None:
    """Who did it: the agent of a passive after the verb (instrumental case, 'by'), else the closest
    actor before it."""
    after = [m for m in actors if m.first > h.last]
    before = [m for m in actors if m.first < h.first and m.kind != "civilian" and doer_before(doc, m, h.first)]
    for m in after[:2]:
        if agent_ablt(doc, m) or by_agent(doc, h, m):
            return m
        if m.kind == "state" and m.first - h.last <= 2 and m.case is None and not before:
            return m   # "… were dispersed, police …"; with a subject before ("protesters attacked police") an object

    if before:
        return _clause_subject(doc, h, before)
    # verb before its subject, common in uk/ru: "мітинг побили проросійські молодики"
    return next((m for m in after if m.case == "nomn" and m.first - h.last <= 4), None)


def _clause_subject(doc: Doc, h: Hit, before: list[ActorMention]) -> ActorMention:
    """The doer among the actors before the act: one in the act's own clause; for an act in a clause
    of its own whose subject is a pronoun ("soldiers killed three marchers when they fired on the
    march"), the sentence's first doer; after a relative word ("protesters who threw stones"), the
    actor right before it."""
    relatives = grammar(doc, "relatives")
    cl = _clause_of(doc, h.first)
    same = [m for m in before if _clause_of(doc, m.first) == cl]
    if same or cl <= 0 or not relatives:   # a language without the word list: the closest actor
        return (same or before)[-1]
    clause = sentence_clauses(doc, doc.tokens[h.first].sent)[cl]
    opener = next((t for t in doc.tokens[clause.first:clause.last] if t.is_word), None)
    if opener is None or opener.lower in relatives:
        return before[-1]
    return before[0]


BY_REACH = 3   # "by gunmen", "by a gunman", "by suspected armed bandits": the agent preposition this close


def by_agent(doc: Doc, h: Hit, m: ActorMention) -> bool:
    """A passive's agent named with a preposition ("shot by a gunman"), where a language has no case
    for it: the preposition a few words before the mention, in the act's own clause ("hurt while they
    cleared tents put up by strikers" names who put them up, not who hurt them)."""
    preps = words(doc.lang, "actors", "agent_preps")
    for k in range(m.first - 1, max(m.first - 1 - BY_REACH, -1), -1):
        t = doc.tokens[k]
        if t.lower in preps:
            return _clause_of(doc, k) == _clause_of(doc, h.first)
        if not t.is_word:
            return False
    return False


def same_clause(doc: Doc, i: int, j: int) -> bool:
    """Are tokens i and j in one clause of their sentence?"""
    return _clause_of(doc, i) == _clause_of(doc, j)


def _clause_of(doc: Doc, i: int) -> int:
    cl = sentence_clauses(doc, doc.tokens[i].sent)
    return next((n for n, c in enumerate(cl) if c.first <= i < c.last), -1)


def agent_ablt(doc: Doc, m: ActorMention) -> bool:
    """The instrumental of a passive's agent ('обстреляны военными'), not one governed by a
    preposition ('конвой с румынскими солдатами', 'между ВСУ и армией')."""
    if m.case != "ablt":
        return False
    for k in range(m.first - 1, max(m.first - 4, -1), -1):
        t = doc.tokens[k]
        if t.an.pos == "PREP" or t.lower in grammar(doc, "object_preps") or t.lower in grammar(doc, "between"):
            return False
        if t.an.pos not in ("ADJF", "PRTF", "CONJ") and not t.is_title:
            break
    return True


def doer_before(doc: Doc, m: ActorMention, i: int) -> bool:
    """An actor before the act at token i that did it: a subject, not a passive's patient ("a soldier
    was killed", "двоє військових були вбиті") nor the one who died ("загинув поліцейський")."""
    return m.first < i and subject_like(doc, m) and not passive_between(doc, m.first, i)


def passive_between(doc: Doc, a: int, i: int) -> bool:
    """Is the verb at token i passive or intransitive with respect to a subject at token a: a passive
    auxiliary between them (lexicon `passive_aux`: "was", "were", "been"), a short passive participle
    ("убиты", "поранені"), or a verb of dying (lexicon `patient_verbs`)?"""
    aux = grammar(doc, "passive_aux")
    if any(t.lower in aux for t in doc.tokens[a + 1:i]):
        return True
    t = doc.tokens[i]
    return t.an.pos == "PRTS" or t.lower in grammar(doc, "patient_verbs") or t.an.lemma in grammar(doc, "patient_verbs")


def subject_like(doc: Doc, m: ActorMention) -> bool:
    """Could this mention be the doer? Not when it is governed by a preposition ("fired on protesters",
    "напали на протестующих") or, in uk/ru, when its case is not nominative."""
    if m.case is not None and m.case != "nomn":
        return False
    for k in range(m.first - 1, max(m.first - 3, -1), -1):
        t = doc.tokens[k]
        if t.lower in grammar(doc, "object_preps"):
            # "a group of youths": the people after a collective noun's "of" are its subject
            return k > 0 and t.lower in words(doc.lang, "actors", "of_words") and is_in(
                doc.tokens[k - 1], words(doc.lang, "actors", "collective_nouns"))
        if not (t.an.pos in ("ADJF", "PRTF") or (t.an.pos is None and t.is_word and _untagged_modifier(t))):
            break
    return True


# untagged (English) words that may stand between a preposition and its noun: "fired on anti-coup
# protesters", "on unarmed protesters", "on 18 protesters", "on Burmese students"
_ADJ_ENDINGS = ("ful", "al", "ian", "ic", "ous", "ive", "ese", "ist", "ed")


def _untagged_modifier(t: Token) -> bool:
    w = t.lower
    return w in ("a", "an", "the") or w.isdigit() or ("-" in w and w[:1].isalpha() and not t.is_title) \
        or w.endswith(_ADJ_ENDINGS)


SAME_PHRASE = 4   # tokens within which two mentions of one kind are one noun phrase


def two_sides(doc: Doc, armed: list[ActorMention]) -> list[ActorMention]:
    sides: list[ActorMention] = []
    for m in armed:
        same = next((n for n, s in enumerate(sides) if s.kind == m.kind and not s.name
                     and m.first - s.first <= SAME_PHRASE and _of_phrase(doc, s, m)), None)
        if same is not None:
            # "fighters of the M23 rebel group": one side, named by the later words of its phrase
            sides[same] = m if m.name else sides[same]
        elif all(m.kind != s.kind or (m.name and m.name != s.name) for s in sides):
            sides.append(m)
    if len(sides) == 1:
        # two armies: "between Ukrainian forces and Russian troops", "ВСУ и российскими войсками"
        other = next((m for m in armed if m.first > sides[0].first and (
            joined(doc, sides[0], m) or object_of_verb(doc, sides[0], m))), None)
        if other is not None:
            sides.append(other)
    return sides[:2]


def _of_phrase(doc: Doc, a: ActorMention, b: ActorMention) -> bool:
    """'fighters of the M23 group': only a determiner and 'of' between two mentions of one side."""
    of = words(doc.lang, "actors", "of_words")
    link = grammar(doc, "determiners") | of
    k = doc.token_at(a.end - 1) + 1 if a.end > a.start else a.first + 1
    return any(t.lower in of for t in doc.tokens[k:b.first]) and all(t.lower in link for t in doc.tokens[k:b.first])


def object_of_verb(doc: Doc, a: ActorMention, b: ActorMention) -> bool:
    """uk/ru: 'Збройні сили Азербайджану атакували позиції вірменської армії': a nominative side,
    a verb, then another army in an oblique case is the other side."""
    if a.case != "nomn" or b.case not in ("gent", "accs", "datv") or b.kind != a.kind:
        return False
    between = doc.tokens[a.first + 1:b.first]
    return any(t.an.pos == "VERB" for t in between) and not any(t.text in ".;" for t in between)


def joined(doc: Doc, a: ActorMention, b: ActorMention) -> bool:
    """Two actor phrases linked as the two sides of a fight: only a conjunction or 'with' (and the
    words of b's own noun phrase) lie between them."""
    k = doc.token_at(a.end - 1) + 1 if a.end > a.start else a.first + 1
    # "police and soldiers fought rebels" is one side: "and" joins two sides only after "between"
    between = any(t.lower in grammar(doc, "between") for t in doc.tokens[max(a.first - 3, 0):a.first])
    links, conj = grammar(doc, "side_links"), grammar(doc, "and_words")
    link = False
    for t in doc.tokens[k:b.first]:
        if t.lower in links and not link and (between or t.lower not in conj):
            link = True
        elif not link or t.an.pos not in ("ADJF", "PRTF") and not (t.an.pos is None and t.is_title):
            return False
    return link


def lone_agent(doc: Doc, m: ActorMention) -> bool:
    """'a policeman', 'an off-duty soldier', 'one gendarme': a single (or off-duty, unarmed) agent of the
    state, not the police, a patrol or troops. Killed by gunmen, such a person is ACLED's attack target;
    a force that can fight back makes it a clash. The words before the mention's noun phrase
    (lexicon `lone_words`) say so: English marks no number on a collective ("police", "army")."""
    lone = words(doc.lang, "actors", "lone_words")
    for k in range(m.first - 1, max(m.first - 4, -1), -1):
        t = doc.tokens[k]
        if is_in(t, lone):
            return True
        if not t.is_word or t.lower not in grammar(doc, "determiners"):
            return False
    return False


def force_present(doc: Doc, a: int, b: int) -> bool:
    """'an army patrol', 'a police post', 'the convoy': a unit or position that fights (lexicon `unit_nouns`)."""
    units = words(doc.lang, "actors", "unit_nouns")
    return any(is_in(t, units) for t in doc.tokens[a:b])


def communal_sides(doc: Doc, h: Hit, actors: list[ActorMention]) -> bool:
    """'farmers clashed with herders', 'clashes between villagers and herdsmen': both sides of a fight
    are communities (civilians or identity groups), neither armed forces nor protesters. The first
    side is the subject before the act; the other is joined to it or follows the act with a link word."""
    kinds = ("civilian", "identity")
    if any(m.kind not in kinds for m in actors):
        return False   # forces, armed groups, a mob or protesters in the sentence: not a communal fight
    before = [m for m in actors if m.first < h.first and m.kind in kinds
              and (doer_before(doc, m, h.first) or any(t.lower in grammar(doc, "between")
                                                        for t in doc.tokens[max(m.first - 3, 0):m.first]))]
    if not before:
        return False
    first = before[0]
    links = grammar(doc, "side_links")
    # a reciprocal act ("X and Y clashed") makes "and" join its two sides
    pair = len(before) > 1 and _linked(doc, before[0], before[1], grammar(doc, "and_words") | grammar(doc, "determiners"))
    if any(t.lower in grammar(doc, "rival_words") for t in doc.tokens[max(first.first - 1, 0):first.first + 1]):
        return True     # "rival communities clashed": the one subject is both sides
    after = [m for m in actors if m.kind in kinds and m.first > first.first and (
        joined(doc, first, m) or pair or m.first > h.last and any(
            t.lower in links for t in doc.tokens[h.last + 1:m.first]) and m.first - h.last <= SAME_PHRASE)]
    return bool(after)


def _linked(doc: Doc, a: ActorMention, b: ActorMention, link: frozenset[str]) -> bool:
    """Only link words (and at least one) between mentions a and b."""
    k = doc.token_at(a.end - 1) + 1 if a.end > a.start else a.first + 1
    between = doc.tokens[k:b.first]
    return bool(between) and all(t.lower in link for t in between)
