"""Actor mentions in a sentence: ACLED actor kinds from lemma lexicons, plus named groups.

`lexicons/<lang>/actors.toml`: `[kinds]` maps a kind to nouns ("силовик", "протестувальник",
"troops"); `[named]` lists names that are themselves actors ("ОМОН" = "state");
`[group_nouns]` lists the nouns after which a quoted name is a group's name
(партия «...», movement "...").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...resources import load_lexicon
from ...text.doc import Doc
from .triggers import matcher, words

# lexicon kind -> ACLED actor kind
ACLED_KIND = {
    "state": "State forces",
    "rebel": "Rebel group",
    "militia": "Political militia",
    "identity": "Identity militia",
    "mob": "Rioters",
    "protester": "Protesters",
    "civilian": "Civilians",
    "political": "Civilians",   # activists, party members: civilians when arrested
    "press": "Civilians",       # journalists
    "external": "External/Other",
}
ARMED = frozenset({"state", "rebel", "militia", "identity"})
QUOTES = {"«": "»", '"': '"', "“": "”", "„": "“"}


@dataclass(slots=True, frozen=True)
class ActorMention:
    kind: str          # lexicon kind (see ACLED_KIND)
    first: int         # token index
    start: int
    end: int
    text: str
    case: str | None   # grammatical case of the head word (uk/ru): 'ablt' marks the agent of a passive
    name: str | None = None


@cache
def _named(lang: str) -> dict[str, str]:
    return {k.lower(): v for k, v in load_lexicon(lang, "actors").get("named", {}).items()}


@cache
def _group_nouns(lang: str) -> frozenset[str]:
    return frozenset(load_lexicon(lang, "actors").get("group_nouns", []))


def _case(doc: Doc, i: int) -> str | None:
    """The head word's case; a locative with no preposition before it is a misread form ("Мешканці
    побилися" read as "at a resident"): the locative never stands alone, so the case is left unknown."""
    case = doc.tokens[i].an.case
    if case != "loct":
        return case
    preps = words(doc.lang, "places", "locative_preps")
    for k in range(i - 1, -1, -1):
        t = doc.tokens[k]
        if t.an.pos in ("ADJF", "PRTF", "NUMR", "ADJS") and t.is_word:
            continue   # "у двох сусідніх селах": the preposition before the noun's qualifiers
        return case if t.an.pos == "PREP" or t.lower in preps else None
    return None


def actors_in(doc: Doc, a: int, b: int) -> list[ActorMention]:
    """Actor mentions among tokens [a, b), in text order."""
    out: list[ActorMention] = []
    toks = doc.tokens
    named = _named(doc.lang)
    for h in matcher(doc.lang, "actors").find(doc, a, b):
        t = toks[h.first]
        out.append(ActorMention(h.cls, h.first, h.start, h.end, doc.text[h.start:h.end], _case(doc, h.first)))
    seen = {m.first for m in out}
    for i in range(a, b):
        t = toks[i]
        kind = named.get(t.lower)
        if kind and i not in seen:
            out.append(ActorMention(kind, i, t.start, t.end, t.text, _case(doc, i), name=t.text))
        elif kind:
            out = [_with_name(m, t.text) if m.first == i else m for m in out]
    groups = _group_nouns(doc.lang)
    for i in range(a, b - 2):
        t = toks[i]
        if groups.intersection(t.an.lemmas) and toks[i + 1].text in QUOTES:
            close = QUOTES[toks[i + 1].text]
            for j in range(i + 2, min(b, i + 12)):
                if toks[j].text == close:
                    name = doc.text[toks[i + 2].start:toks[j - 1].end]
                    out = [m if m.first != i else _with_name(m, name) for m in out]
                    if all(m.first != i for m in out):
                        out.append(ActorMention("political", i, t.start, toks[j].end, name, t.an.case, name))
                    break
    out = _qualified(doc, _owned(doc, out))
    heads = _org_heads(doc.lang)
    # "the student wing", "a youth front": a crowd noun naming an organisation, not a crowd there
    out = [m for m in out if m.kind != "protester" or not (
        (k := doc.token_at(m.end - 1) + 1) < b and heads.intersection(toks[k].an.lemmas))]
    out.sort(key=lambda m: m.first)
    return out


OWNER_REACH = 5   # "forces of the private military group": the owner's mention this close after "of"


def _owned(doc: Doc, out: list[ActorMention]) -> list[ActorMention]:
    """'forces of a private military group', 'fighters of the M23': a generic word for armed men takes
    the kind (and name) of the group named after "of", so the State is not read into 'forces'."""
    lex = load_lexicon(doc.lang, "actors")
    generic = frozenset(lex.get("generic_forces", []))
    of = frozenset(lex.get("of_words", []))
    toks = doc.tokens
    res = []
    for m in out:
        k = doc.token_at(m.end - 1) + 1 if m.end > m.start else m.first + 1
        owner = next((o for o in out if k < len(toks) and toks[k].lower in of and 0 < o.first - k <= OWNER_REACH
                      and o.kind != m.kind), None)
        if owner is not None and generic.intersection(toks[m.first].an.lemmas + (toks[m.first].lower,)):
            m = ActorMention(owner.kind, m.first, m.start, m.end, m.text, m.case, owner.name)
        res.append(m)
    return res


def _qualified(doc: Doc, out: list[ActorMention]) -> list[ActorMention]:
    """'opposition fighters', 'SDF forces': a word right before an armed noun qualifies it. A civilian or
    political word there is no actor of its own; a named armed group gives a generic word for armed
    men its kind and name ("forces" of the SDF are not the State's)."""
    generic = frozenset(load_lexicon(doc.lang, "actors").get("generic_forces", []))
    toks = doc.tokens
    by_first = {m.first: m for m in out}
    res: list[ActorMention] = []
    for m in out:
        last = doc.token_at(m.end - 1) if m.end > m.start else m.first
        nxt = by_first.get(last + 1)
        if nxt is not None and nxt.kind in ARMED and m.kind in ("political", "protester", "civilian"):
            continue
        prv = next((p for p in out if p.name and p.kind in ARMED | {"external"}
                    and (doc.token_at(p.end - 1) if p.end > p.start else p.first) == m.first - 1), None)
        if prv is not None and m.kind != prv.kind and (
                generic.intersection(toks[m.first].an.lemmas + (toks[m.first].lower,))
                or m.kind in ("political", "protester", "civilian")):
            # "SDF forces", "FARC dissidents": the named group's men
            m = ActorMention(prv.kind, m.first, m.start, m.end, m.text, m.case, prv.name)
        res.append(m)
    return res


@cache
def _org_heads(lang: str) -> frozenset[str]:
    return frozenset(load_lexicon(lang, "actors").get("org_heads", []))


def _with_name(m: ActorMention, name: str) -> ActorMention:
    return ActorMention(m.kind, m.first, m.start, m.end, m.text, m.case, name)
