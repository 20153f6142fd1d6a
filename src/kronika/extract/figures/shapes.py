"""Shapes of figures: an implied one ("погиб полицейский", "a protester was killed") and the items
of a list tally ("задержанных: в Москве — 40, в Казани — 7").

A singular noun for people that is the victim of a casualty or arrest verb in its clause counts 1;
coordinated ones count each ("a guard and a driver were killed" is 2). Who the victim is comes
from the verb's voice, not from word order alone:
- the subject of an intransitive or passive verb ("погиб полицейский", "ранен журналист",
  "a protester was killed", "a policeman died"): a nominative noun;
- the object of a transitive or impersonal one ("задержали активиста", "поранено журналіста",
  "police arrested a student"): an accusative (= genitive for animates) noun after the verb.
Voice comes from pymorphy3's tags (PRTS, intr/tran, Impe) and `[implied]` in
lexicons/<lang>/counts.toml (verbs whose subject is the victim, English auxiliaries).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from ...resources import lexicon_lang, load_lexicon
from ...text.clauses import clause_of
from ...text.doc import Doc, Token
from ..context import Context
from .count_lexicon import CountLexicon
from .nouns import is_person

_KINDS = frozenset({"killed", "injured"})   # a single arrest is rarely reported as a figure
_REACH = 3   # words between the verb and its victim
_ARTICLES = frozenset({"a", "an", "one"})


class _Scanner(Protocol):
    ctx: Context
    doc: Doc
    lang: str
    toks: list[Token]

    @property
    def lex(self) -> CountLexicon: ...

    def cue_of(self, i: int, table: dict[str, str]) -> str | None: ...

    def cls_of(self, i: int) -> str | None: ...


@dataclass(frozen=True, slots=True)
class ImpliedWords:
    subject_verbs: frozenset[str]   # the victim is the subject even when the tags say nothing
    auxiliaries: frozenset[str]     # en passive: "was killed", "has been arrested"
    negation: frozenset[str]        # "не пострадал", "was not hurt"


@lru_cache(maxsize=8)
def implied_words(lang: str) -> ImpliedWords:
    raw = load_lexicon(lexicon_lang(lang), "counts").get("implied", {})
    return ImpliedWords(frozenset(raw.get("subject_verbs", [])), frozenset(raw.get("auxiliaries", [])),
                        frozenset(raw.get("negation", [])))


@dataclass(frozen=True, slots=True)
class Implied:
    kind: str
    value: int
    first: int     # the first victim noun's token
    last: int      # the last victim noun's token
    cue: int       # the verb's token


def _singular(t: Token) -> bool:
    return t.an.number == "sing" or (t.an.number is None and "plur" not in t.an.tags)


def _person(sc: _Scanner, i: int) -> bool:
    return is_person(sc.toks[i], sc.lang) or sc.cls_of(i) in ("people", "protesters", "military")


def implied_in(sc: _Scanner, a: int, b: int, numbered: set[int], cues: dict[str, str]) -> list[Implied]:
    """Implied figures of the sentence tokens [a, b); `numbered` holds the tokens of its figures."""
    out: list[Implied] = []
    words = implied_words(sc.lang)
    for j in range(a, b):
        kind = sc.cue_of(j, cues)
        if kind is None or kind not in _KINDS or any(sc.toks[m].lower in words.negation for m in range(max(a, j - 2), j)):
            continue
        cl = clause_of(sc.doc, j)
        lo, hi = (cl.first, cl.last) if cl else (a, b)
        got = (_english(sc, j, lo, hi, words) if sc.lang == "en" else _slavic(sc, j, lo, hi, words))
        if got is None:
            continue
        first, last, n = got
        if any(m in numbered for m in range(max(a, first - 2), last + 1)):
            continue   # "двое полицейских погибли": the number tells it
        out.append(Implied(kind, n, first, last, j))
    return out


def _slavic(sc: _Scanner, j: int, lo: int, hi: int, words: ImpliedWords) -> tuple[int, int, int] | None:
    t = sc.toks[j]
    lemma = t.an.lemma
    want: tuple[str, ...]
    if t.an.pos == "PRTS" or lemma in words.subject_verbs or (t.an.pos == "VERB" and "intr" in t.an.tags):
        want, span = ("nomn",), list(range(max(lo, j - _REACH), j)) + list(range(j + 1, min(hi, j + 1 + _REACH)))
    elif t.an.pos == "VERB":
        want, span = ("accs", "gent"), list(range(j + 1, min(hi, j + 1 + _REACH)))
    else:
        return None
    for i in span:
        n = sc.toks[i]
        if n.an.case in want and _singular(n) and _person(sc, i) and n.an.pos in ("NOUN", "ADJF", "PRTF"):
            if i + 1 < hi and sc.toks[i + 1].an.pos == "NOUN" and sc.toks[i + 1].an.case == n.an.case:
                continue   # an adjective of another noun ("военный объект")
            return _conjoined(sc, i, lo, hi, want)
    return None


def _conjoined(sc: _Scanner, i: int, lo: int, hi: int, want: tuple[str, ...]) -> tuple[int, int, int]:
    """"полицейский и журналист": each singular person joined by a conjunction counts."""
    first = last = i
    while first - 1 >= lo and sc.toks[first - 1].an.pos == "ADJF" and sc.toks[first - 1].an.case in want:
        first -= 1   # "мирний житель"
    n = 1
    k = i + 1
    while k + 1 < hi and sc.toks[k].lower in sc.lex.conjunctions:
        m = k + 1
        t = sc.toks[m]
        if t.an.case in want and _singular(t) and _person(sc, m):
            n, last, k = n + 1, m, m + 1
        else:
            break
    return first, last, n


def _english(sc: _Scanner, j: int, lo: int, hi: int, words: ImpliedWords) -> tuple[int, int, int] | None:
    toks = sc.toks
    # "a protester was killed", "a policeman died": the noun phrase ends right before the verb group
    k = j - 1
    while k >= lo and toks[k].lower in words.auxiliaries:
        k -= 1
    passive = k < j - 1 or toks[j].an.lemma in words.subject_verbs or toks[j].lower in words.subject_verbs
    if passive and k >= lo and _person(sc, k) and not toks[k].lower.endswith("s"):
        start = _np_start(sc, k, lo)
        if start is not None:
            n, first = 1, start
            while first - 2 >= lo and toks[first - 1].lower == "and":
                prev = first - 2
                if not (_person(sc, prev) and not toks[prev].lower.endswith("s")):
                    break
                s2 = _np_start(sc, prev, lo)
                if s2 is None:
                    break
                n, first = n + 1, s2
            return first, k, n
    # "police arrested a student", "killing a protester"
    if not passive and j + 1 < hi and toks[j + 1].lower in ("a", "an"):
        for m in range(j + 2, min(hi, j + 2 + _REACH)):
            if _person(sc, m) and not toks[m].lower.endswith("s"):
                return m, m, 1
    return None


def _np_start(sc: _Scanner, k: int, lo: int) -> int | None:
    """The article opening the singular noun phrase that ends at k ("a young Kenyan protester")."""
    for m in range(k - 1, max(lo, k - 4) - 1, -1):
        if sc.toks[m].lower in _ARTICLES:
            return m
    return None


DASHES = frozenset({"-", "–", "—"})


def list_item(sc: _Scanner, ti: int, a: int) -> bool:
    """Is the figure at token ti an item of a place tally ("в Одессе - 12", "in Lviv — 7")?"""
    if ti - 2 < a or sc.toks[ti - 1].text not in DASHES:
        return False
    end = sc.toks[ti - 2].end
    return any(p.end == end for p in sc.ctx.places)


def list_kind(sc: _Scanner, ti: int, a: int, cues: dict[str, str]) -> tuple[str, int] | None:
    """The kind a tally states before its items ("Больше всего задержанных в Москве — 40"): the
    nearest cue word to the left in the sentence, over the commas and colons of the list."""
    for j in range(ti - 1, a - 1, -1):
        kind = sc.cue_of(j, cues)
        if kind and (kind != "participants" or sc.toks[j].an.pos in ("NOUN", None)):
            return kind, j
    return None
