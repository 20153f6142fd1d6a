"""The role a place plays in the clause of an event: where it happens, or only something said about it.

A sentence often names several places while its event happens at one ("В Самаре прошел пикет в
поддержку арестованного в Казани журналиста", "Police in Lahore dispersed traders protesting
against a tax imposed by Islamabad"). A place is *dependent* - it qualifies something else - when
it follows an origin or agent preposition ("из Москвы", "from Karaganda", "by Islamabad"), when a
participle or a participial phrase governs it ("арестованного в Казани", ", недовольные решением
властей Москвы,"), or when it sits in a phrase opened by a topic or time word ("в поддержку",
"на підтримку", "against", "після наради в Києві", "after talks in Geneva"). The words are the
lexicon's (`origin_preps`, `agent_preps`, `phrase_openers` of places.toml), the parts of speech
pymorphy3's. An adjective place qualifying a crowd or actor noun ("харьковские активисты",
"львівські поліцейські") names where that crowd is from (`actor_adjective`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...resources import lexicon_lang, load_lexicon
from ...text.doc import Doc, Token
from ...text.normalise import norm

_BREAK = frozenset({",", ";", ":", "(", ")", "—", "–", "-", "«", "»", '"'})
_PARTICIPLE = frozenset({"pssv", "actv"})
_WINDOW = 8      # tokens back from the place within which a governing word counts


@dataclass(frozen=True, slots=True)
class Roles:
    origin_preps: frozenset[str]
    agent_preps: frozenset[str]
    openers: tuple[tuple[str, ...], ...]   # each a word sequence, matched on surface or lemma
    actor_nouns: frozenset[str]
    locative_preps: frozenset[str] = frozenset()
    follower_nouns: frozenset[str] = frozenset()


@lru_cache(maxsize=8)
def roles(lang: str) -> Roles:
    lang = lexicon_lang(lang)
    lx = load_lexicon(lang, "places")
    ax = load_lexicon(lang, "actors")
    nouns: set[str] = {norm(w) for w in ax.get("crowd_nouns") or ()}
    for ws in (ax.get("kinds") or {}).values():
        nouns.update(norm(w) for w in ws if " " not in w)
    openers = tuple(sorted({tuple(norm(w).split()) for w in lx.get("phrase_openers") or ()}, key=len, reverse=True))
    return Roles(frozenset(norm(w) for w in lx.get("origin_preps") or ()),
                 frozenset(norm(w) for w in lx.get("agent_preps") or ()), openers, frozenset(nouns),
                 frozenset(norm(w) for w in lx.get("locative_preps") or ()),
                 frozenset(norm(w) for w in lx.get("follower_nouns") or ()))


def _is(t: Token, w: str) -> bool:
    return t.lower == w or norm(t.text) == w or t.an.lemma == w


def _opener_ends_at(doc: Doc, r: Roles, k: int, lo: int) -> bool:
    """Does a phrase opener end at token k (its first word not before token lo)?"""
    toks = doc.tokens
    for op in r.openers:
        a = k - len(op) + 1
        if a >= lo and all(_is(toks[a + j], w) for j, w in enumerate(op)):
            return True
    return False


def _participle(t: Token) -> bool:
    return t.an.pos == "PRTF" or (t.an.pos == "ADJF" and bool(t.an.tags & _PARTICIPLE))


def _phrase_head(doc: Doc, k: int) -> bool:
    """Token k opens a participial phrase after a comma (", арестованного в Казани", ", недовольные
    решением ..."): a participle, or a qualitative adjective governing a noun in another case."""
    toks = doc.tokens
    t = toks[k]
    if t.text[:1].isupper():
        return False   # ", Новому Саді": the next name of a list, not a phrase about the one before
    if _participle(t):
        return True
    if t.an.pos != "ADJF" or "Qual" not in t.an.tags or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return nxt.an.pos == "NOUN" and nxt.an.case is not None and nxt.an.case != t.an.case


def dependent(doc: Doc, start: int) -> bool:
    """Is the place at character `start` only something the clause says about another thing (an
    origin, an agent, the topic of a protest, the place of an earlier event), not where it happens?"""
    toks = doc.tokens
    ti = doc.token_at(start)
    sent = toks[ti].sent
    lo = doc.sent_tokens[sent][0]
    r = roles(doc.lang)
    if ti > lo and (toks[ti - 1].lower in r.origin_preps or toks[ti - 1].lower in r.agent_preps):
        return True
    # "приехавшие в Москву": where they went, not a qualifier ("у Донецьку" read as an adjective is no accusative)
    direction = toks[ti].an.case == "accs" and toks[ti].an.pos == "NOUN"
    for k in range(ti - 1, max(lo, ti - _WINDOW) - 1, -1):
        t = toks[k]
        if t.text in _BREAK:
            return t.text == "," and k + 1 < ti and _phrase_head(doc, k + 1) and not direction
        if _opener_ends_at(doc, r, k, lo):
            return True
        if _participle(t) and not direction:
            return True
        if t.an.pos in ("VERB", "INFN", "GRND", "CONJ") or (t.an.case == "nomn" and t.an.pos in ("NOUN", "NPRO")) \
                or norm(t.text) in r.actor_nouns or t.an.lemma in r.actor_nouns:
            return False   # the place belongs to this predicate's clause, or a subject starts here
    return False


def actor_adjective(doc: Doc, start: int) -> bool:
    """'харьковские активисты', 'львівські поліцейські': a town adjective right before a crowd or
    actor noun, naming where the people of the event are from."""
    toks = doc.tokens
    ti = doc.token_at(start)
    if ti + 1 >= len(toks) or toks[ti + 1].sent != toks[ti].sent:
        return False
    nxt = toks[ti + 1]
    nouns = roles(doc.lang).actor_nouns
    return norm(nxt.text) in nouns or nxt.an.lemma in nouns


def locative(doc: Doc, start: int) -> bool:
    """'в Москве', 'у Львові', 'in Kyiv': a preposition of place right before the place."""
    toks = doc.tokens
    ti = doc.token_at(start)
    return ti > 0 and toks[ti - 1].sent == toks[ti].sent and toks[ti - 1].lower in roles(doc.lang).locative_preps


def modifier(doc: Doc, start: int) -> bool:
    """'жители Твери', 'мешканці Рівного', 'residents of Tver': a place qualifying a crowd or actor noun
    (a genitive after it, or English 'of'), which tells whose people act, not where ('на улицах
    Москвы', 'the streets of Paris' are places of the event and stay)."""
    toks = doc.tokens
    ti = doc.token_at(start)
    if ti == 0 or toks[ti - 1].sent != toks[ti].sent:
        return False
    nouns = roles(doc.lang).actor_nouns
    if doc.lang == "en":
        k = ti - 2 if toks[ti - 1].lower == "the" else ti - 1
        return k >= 1 and toks[k].lower == "of" and (toks[k - 1].lower in nouns or toks[k - 1].an.lemma in nouns)
    prv = toks[ti - 1]
    return toks[ti].an.case == "gent" and (prv.lower in nouns or prv.an.lemma in nouns)


def after_follower(doc: Doc, ti: int) -> bool:
    """'сторонники Мурси', 'прихильники Санду', 'supporters of Ruto': the name after a word for
    followers or opponents is a person's (or a party's), not a place."""
    toks = doc.tokens
    k = ti - 1
    if doc.lang == "en" and k >= 0 and toks[k].lower == "of":
        k -= 1
    if k < 0 or toks[k].sent != toks[ti].sent:
        return False
    nouns = roles(doc.lang).follower_nouns
    return toks[k].lower in nouns or toks[k].an.lemma in nouns
