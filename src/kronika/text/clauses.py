"""Clauses of a sentence: the unit a date, a place, a negation or a source binds to.

A light, deterministic splitter over the analysed tokens (no parser: a dependency model costs more
than the whole extraction here). Boundaries, in order of strength:
- punctuation that always ends a clause: ; : brackets, quotes, dashes;
- a comma, when the words after it up to the next boundary hold a predicate of their own (a finite
  verb or a short participle: "..., затримали 20 людей") or start with a subordinator ("..., which");
  a verbless comma segment is a list item or an apposition and stays in its clause
  ("у Львові, Одесі та Харкові"), and so does a verbless phrase before the first predicate;
- a subordinator ("що", "который", "when") anywhere, unless it is a preposition ("после митинга") or
  part of a fixed phrase ("as well as");
- a coordinator ("і", "и", "and") only between two predicates ("зібралися і рушили").
Where the language has no verb tags (English here), its lexicon names the finite forms ("was",
"said") and the past ending ("-ed", not after a determiner) that count as predicates.
Words come from `lexicons/<lang>/clauses.toml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..resources import load_lexicon
from .doc import Doc, Token

HARD_BREAKS = frozenset({";", ":", "(", ")", "[", "]", "—", "–", "«", "»", '"', "“", "”", "„"})
PREDICATE_POS = frozenset({"VERB", "PRTS"})


@dataclass(frozen=True, slots=True)
class Clause:
    sent: int      # sentence index
    first: int     # first token index
    last: int      # one past the last token index
    start: int     # character offsets of the clause's words in Doc.text
    end: int


@dataclass(frozen=True, slots=True)
class _Words:
    subordinators: frozenset[str]
    coordinators: frozenset[str]
    fixed: tuple[tuple[str, ...], ...]   # phrases that start with a subordinator but open no clause
    finite: frozenset[str]               # untagged languages: forms that are always finite verbs
    suffixes: tuple[str, ...]            # ... and endings of past forms ("-ed"), unless after a determiner
    determiners: frozenset[str]


@cache
def _words(lang: str) -> _Words:
    lex = load_lexicon(lang, "clauses")
    fixed = tuple(tuple(p.lower().split()) for p in lex.get("not_opening", ()))
    return _Words(frozenset(lex.get("subordinators", ())), frozenset(lex.get("coordinators", ())), fixed,
                  frozenset(lex.get("finite_verbs", ())), tuple(lex.get("finite_suffixes", ())),
                  frozenset(lex.get("determiners", ())))


def _opens(toks: list[Token], k: int, words: _Words) -> bool:
    """Does the subordinator at k open a clause? Not as a preposition ("после митинга", "after the
    rally" reads as one where the language tags it) nor inside a fixed phrase ("as well as")."""
    if toks[k].an.pos == "PREP":
        return False
    for ph in words.fixed:
        for j, w in enumerate(ph):   # the subordinator may be any word of the phrase
            if w == toks[k].lower and k - j >= 0 and tuple(t.lower for t in toks[k - j:k - j + len(ph)]) == ph:
                return False
    return True


def _is(tok: Token, words: frozenset[str]) -> bool:
    return tok.lower in words or tok.an.lemma in words


def _predicate(toks: list[Token], k: int, words: _Words) -> bool:
    t = toks[k]
    if t.an.pos is not None:
        return t.an.pos in PREDICATE_POS
    # an untagged language (English): its lexicon's finite forms, or a past form not after a determiner
    if t.lower in words.finite:
        return True
    return bool(words.suffixes) and len(t.lower) > 4 and t.lower.endswith(words.suffixes) and t.is_word \
        and not (k and toks[k - 1].lower in words.determiners)


def predicate_between(doc: Doc, i: int, j: int) -> bool:
    """Does a finite verb stand strictly between tokens i and j (in either order)?"""
    words = _words(doc.lang)
    lo, hi = sorted((i, j))
    return any(_predicate(doc.tokens, k, words) for k in range(lo + 1, hi))


def _cuts(toks: list[Token], words: _Words, tagged: bool) -> list[int]:
    """Positions (indices into toks) where a new clause starts."""
    cuts: list[int] = []
    n = len(toks)
    seg_has_pred = False
    for k, t in enumerate(toks):
        if t.text in HARD_BREAKS:
            cuts.append(k)
            seg_has_pred = False
            continue
        if t.text == "," and k + 1 < n:
            nxt = toks[k + 1]
            # a predicate after the comma splits only when the clause so far has its own: a fronted
            # verbless phrase ("Вчера в Минске, ...", "По данным МВД, ...") belongs to what follows
            if _is(nxt, words.subordinators) and _opens(toks, k + 1, words) or (
                    tagged and seg_has_pred and _segment_has_predicate(toks, k + 1, words)):
                cuts.append(k)
                seg_has_pred = False
            continue
        if k and _is(t, words.subordinators) and toks[k - 1].text != "," and _opens(toks, k, words):
            cuts.append(k)
            seg_has_pred = False
            continue
        if tagged and k and _is(t, words.coordinators) and seg_has_pred \
                and _segment_has_predicate(toks, k + 1, words):
            cuts.append(k)
            seg_has_pred = False
            continue
        if _predicate(toks, k, words):
            seg_has_pred = True
    return cuts


def _segment_has_predicate(toks: list[Token], k: int, words: _Words) -> bool:
    """Does a predicate follow from k before the next comma, hard break or coordinator?"""
    for j in range(k, len(toks)):
        if toks[j].text == "," or toks[j].text in HARD_BREAKS:
            return False
        if _predicate(toks, j, words):
            return True
    return False


def sentence_clauses(doc: Doc, si: int) -> list[Clause]:
    """The clauses of sentence si in order (computed once per sentence and document)."""
    memo: dict[int, list[Clause]] | None = doc.memo.get("sentence_clauses")
    if memo is None:
        memo = doc.memo["sentence_clauses"] = {}
    got = memo.get(si)
    if got is None:
        got = memo[si] = _split(doc, si)
    return got


def _split(doc: Doc, si: int) -> list[Clause]:
    """The clauses of sentence si; punctuation tokens at a cut open the next clause."""
    a, b = doc.sent_tokens[si]
    toks = doc.tokens[a:b]
    if not toks:
        return []
    lex = _words(doc.lang)
    tagged = any(t.an.pos is not None for t in toks) or bool(lex.finite)
    cuts = [0, *(_cuts(toks, lex, tagged)), len(toks)]
    out: list[Clause] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        if hi <= lo:
            continue
        words = [t for t in toks[lo:hi] if t.is_word or t.text[:1].isdigit()]
        if not words:   # a lone bracket or quote: give it to the clause before
            if out:
                prev = out[-1]
                out[-1] = Clause(si, prev.first, a + hi, prev.start, prev.end)
            continue
        out.append(Clause(si, a + lo, a + hi, words[0].start, words[-1].end))
    return out


def clauses(doc: Doc) -> list[Clause]:
    """Every clause of the document, computed once per document."""
    got = doc.memo.get("clauses")
    if got is None:
        got = [c for si in range(len(doc.sentences)) for c in sentence_clauses(doc, si)]
        doc.memo["clauses"] = got
    return got


def clause_of(doc: Doc, i: int) -> Clause | None:
    """The clause holding token i (None for a token outside every clause)."""
    for c in sentence_clauses(doc, doc.tokens[i].sent):
        if c.first <= i < c.last:
            return c
    return None
