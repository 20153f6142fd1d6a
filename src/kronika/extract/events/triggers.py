"""Lexicon matching on lemmas: event triggers, cues, actor nouns and modality words.

A lexicon file maps a *class* to words and phrases written as a person would write them; on load
every word is run through the language's own lemmatiser, so an entry matches every inflected
form (and the lexicon author need not guess pymorphy3's normal form). Matching walks the tokens
once and looks each lemma up in a dict: no loop over the lexicon per token.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...resources import lexicon_lang, load_lexicon
from ...text.doc import Doc, Token
from ...text.morph import Morph, morph_for

MAX_GAP = 2  # tokens allowed between the words of a phrase ("took to the streets")


@dataclass(slots=True, frozen=True)
class Entry:
    cls: str
    words: tuple[frozenset[str], ...]  # lemma alternatives per word of the phrase
    text: str                          # the entry as written, for notes and debugging
    near: tuple[frozenset[str], ...] = ()  # at least one of these lemmas must be near (± window)
    window: int = 4


@dataclass(slots=True, frozen=True)
class Hit:
    cls: str
    first: int    # token index of the first word
    last: int     # token index of the last word
    start: int    # character offsets
    end: int
    entry: str
    weak: bool = False   # its [near] context was missing: a trigger only where the story supplies it


class Matcher:
    """All entries of some lexicon sections of one language, indexed by the lemmas of their first word."""

    def __init__(self, lang: str, sections: list[tuple[str, str]]) -> None:
        self.lang = lang
        self._index: dict[str, list[Entry]] = {}
        self._not_title: set[str] = set()
        self._nouns: set[str] = set()   # classes whose words are nouns: not matched by a verb form
        morph = morph_for(lang)
        # a phrase ending in a preposition ("march on", "rally outside") points at that preposition's
        # object: its last word follows the one before with no gap, or it would swallow the place
        # ("marched in Lagos on Monday" is no "march on")
        self._preps: frozenset[str] = frozenset().union(
            *(_word_list(lang, "clauses", k) for k in ("object_preps", "place_preps", "in_preps"))) \
            if ("events", "words") in sections else frozenset()
        for file, section in sections:
            lex = load_lexicon(lang, file)
            self._not_title.update(w.lower() for w in lex.get("not_capitalised", []))
            self._nouns.update(lex.get("noun_classes", []))
            table = lex.get(section, {})
            near = lex.get("near", {}) if section == "words" else {}
            for cls, items in table.items():
                near_spec = near.get(cls)
                near_sets: tuple[frozenset[str], ...] = ()
                window = 4
                if isinstance(near_spec, dict):
                    near_sets = tuple(_lemmas(morph, w) for w in near_spec.get("words", []))
                    # people of the actor lexicon's kinds ("a local elder", "two aid workers") as the
                    # context: the act's victims or doers, the head noun of each actor phrase
                    near_sets += tuple(_lemmas(morph, w.split()[-1]) for k in lex.get("near_actors", {}).get(cls, [])
                                       for w in _actor_words(lang, k))
                    window = int(near_spec.get("window", 4))
                    # any one of the words will do: one set to intersect, not one per word
                    near_sets = (frozenset().union(*near_sets),) if near_sets else ()
                for item in items:
                    words = tuple(_lemmas(morph, w) for w in item.split())
                    if not words:
                        continue
                    e = Entry(cls, words, item, near_sets, window)
                    for lem in words[0]:
                        self._index.setdefault(lem, []).append(e)

    def find(self, doc: Doc, a: int, b: int, weak: bool = False) -> list[Hit]:
        """Hits among tokens [a, b) (one sentence, usually); longest phrase wins at a position.
        With `weak`, an entry whose [near] words are missing is still reported, marked weak
        ("операції з розгону" names a dispersal only in a story about a gathering)."""
        toks = doc.tokens
        hits: list[Hit] = []
        covered = a - 1  # tokens inside a phrase already matched are not matched again
        for i in range(a, b):
            t = toks[i]
            if not t.is_word or i <= covered:
                continue
            if t.is_title and i > a and t.lower in self._not_title:
                continue   # "since March", "in May": a month inside a sentence
            best: Hit | None = None
            for lem in t.an.lemmas:
                for e in self._index.get(lem, ()):
                    if e.cls in self._nouns and len(e.words) == 1 and verb_form(t):
                        continue   # "a crowded bus" is no crowd
                    last = _match_rest(toks, i, b, e.words)
                    if last is None or len(e.words) > 1 and toks[last].lower in self._preps \
                            and not _at(toks[last - 1], e.words[-2]):
                        continue
                    out = bool(e.near) and not _near(toks, max(a, i - e.window), min(b, last + 1 + e.window), e.near)
                    if out and not weak:
                        continue
                    if best is None or (best.weak and not out) or (best.weak == out and last > best.last):
                        best = Hit(e.cls, i, last, t.start, toks[last].end, e.text, out)
            if best is not None and best.first == best.last and _date_word(toks, i, a, b):
                best = None   # "17 March", "May 5": a month, not a march
            if best is not None:
                hits.append(best)
                covered = best.last
        return hits


def _actor_words(lang: str, key: str) -> list[str]:
    """The nouns of an actor kind (`[kinds]` of actors.toml) or of a word list there ("crowd_nouns")."""
    actors = load_lexicon(lang, "actors")
    got = actors.get("kinds", {}).get(key)
    return list(got if got is not None else actors.get(key, []))


def verb_form(t: Token) -> bool:
    """A past or -ing form where the language has no tagger (the lemma alone cannot tell)."""
    if t.an.pos is not None:
        return t.an.pos in ("VERB", "INFN")
    return t.lower.endswith(("ed", "ing"))


def _date_word(toks: list[Token], i: int, a: int, b: int) -> bool:
    """A capitalised word right next to a number (a month name in a date)."""
    if not toks[i].is_title:
        return False
    return any(a <= k < b and toks[k].text[:1].isdigit() for k in (i - 1, i + 1))


def _lemmas(morph: Morph, phrase_word: str) -> frozenset[str]:
    w = phrase_word.strip().lower().replace("ё", "е")
    if not w:
        return frozenset()
    an = morph.analyse(w)
    return frozenset((w,) + tuple(an.lemmas))


def _match_rest(toks: list[Token], i: int, b: int, words: tuple[frozenset[str], ...]) -> int | None:
    last = i
    for w in words[1:]:
        j, found = last + 1, None
        while j < b and j <= last + 1 + MAX_GAP:
            if toks[j].is_word and (w & set(toks[j].an.lemmas) or toks[j].lower in w):
                found = j
                break
            if toks[j].text in ".;:!?," or toks[j].lower in _GAP_BREAKS:
                break   # a phrase does not run across clauses or a conjunction ("on motorcycles and fired")
            j += 1
        if found is None:
            return None
        last = found
    return last


_GAP_BREAKS = frozenset({"and", "or", "but", "и", "или", "но", "а", "і", "й", "та", "або", "але"})


def _at(t: Token, w: frozenset[str]) -> bool:
    return t.is_word and bool(w & set(t.an.lemmas) or t.lower in w)


def _near(toks: list[Token], a: int, b: int, sets: tuple[frozenset[str], ...]) -> bool:
    for k in range(a, b):
        lem = toks[k].an.lemmas
        if any(s.intersection(lem) for s in sets):
            return True
    return False


@cache
def matcher(lang: str, name: str) -> Matcher:
    """One matcher per (language, lexicon set), built once per process."""
    lang = lexicon_lang(lang)
    sections = {
        "events": [("events", "words")],
        "actors": [("actors", "kinds")],
        "modality": [("modality", "cues")],
    }[name]
    return Matcher(lang, sections)


@cache
def words(lang: str, file: str, key: str) -> frozenset[str]:
    """A plain word list of a lexicon file (`key = [...]`), lower-cased, for surface-or-lemma tests."""
    return frozenset(w.lower().replace("ё", "е") for w in load_lexicon(lexicon_lang(lang), file).get(key, []))


_word_list = words


def is_in(tok: Token, ws: frozenset[str]) -> bool:
    """Is the token, as written or by its lemma, one of the words?"""
    return tok.lower in ws or tok.an.lemma in ws
