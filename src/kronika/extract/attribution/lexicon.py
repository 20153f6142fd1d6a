"""The source readers' language data: `lexicons/<lang>/sources.toml` loaded and checked once.

`SourceLexicon` is one language's cue verbs, cue phrases, kind words and reading words; `for_doc`
copies it with one article's sentence starts, so every reader gets the article's facts as an
argument (no module state). `words()` merges the word lists every language's text may need (a
Russian quote inside a Ukrainian article still reads with Russian words); `fold` and `same_name`
compare names across scripts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from ...resources import LEXICON_LANGS, lexicon_lang, load_lexicon
from ...text.doc import Doc
from ...text.normalise import translit

KIND_ORDER = ("telegram", "news_agency", "police", "government", "outlet", "social_media", "ngo",
              "witness", "official", "other")
# kinds a person takes from their role words, strongest first
PERSON_ORDER = ("police", "official", "ngo", "witness", "news_agency", "outlet", "government", "other")
_QUOTES = set("«»\"“”„‘’")
_DASHES = set("–—-")
_BARRIERS = set(":;()[]!?…") | _QUOTES
_NAME_TAGS = {"Name", "Surn", "Patr"}

_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:ru|ua|kz|by|kg|uz|com|org|net|info|media|news|today|am|ge|az|md|lt|lv|ee|pl|de|uk|рф|укр)\b",
                     re.I)

@lru_cache(maxsize=100_000)
def fold(name: str) -> str:
    """Script-, case- and punctuation-insensitive key of a name: uk/ru/en spellings fold alike."""
    s = unicodedata.normalize("NFKC", name).casefold()
    s = words().fold.sub(" ", s)
    s = translit(s, g="g")
    s = re.sub(r"\.(ru|ua|kz|com|org|net|by|kg|info|today)\b", " ", s)
    return re.sub(r"[^a-z0-9]+", "", s)


def same_name(a: str, b: str) -> bool:
    """Two folded names denote one source: equal, one inside the other (surname alone), or close."""
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a)):
        return True
    return min(len(a), len(b)) >= 5 and _ratio(a, b) >= 0.8


@lru_cache(maxsize=20000)
def _ratio(a: str, b: str) -> float:
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
        prev = cur
    return 1 - prev[len(b)] / max(len(a), len(b))


# ---------------------------------------------------------------------------------------------
# lexicons


@dataclass(slots=True, frozen=True)
class SourceLexicon:
    lang: str
    verbs: frozenset[str]
    located_preps: frozenset[str]
    before: re.Pattern[str] | None
    before_cases: tuple[str, ...]       # grammatical case of the source after each phrase
    kinds: dict[str, str]               # lemma -> kind
    strip: frozenset[str]               # kind words dropped before a proper name
    stop: frozenset[str]
    proxies: frozenset[str]             # "сотрудники профсоюза": the body named after it speaks
    spokes: frozenset[str]              # "представниця відомства": kept whole, a source by itself
    vague: frozenset[str]               # genitive tails that add nothing ("республики", "країни")
    places: tuple[tuple[re.Pattern[str], str, str], ...] = ()   # "в соцсетях" -> (name, kind)
    content: re.Pattern[str] | None = None   # what a medium carries ("видео", "кадры"): needed with places
    light_verbs: frozenset[str] = frozenset()   # "сделал заявление", "виступив із заявою"
    statements: frozenset[str] = frozenset()
    infinitive_endings: tuple[str, ...] = ()
    roles: frozenset[str] = frozenset()     # position, profession, relation nouns (roles.toml)
    anonymous: frozenset[str] = frozenset()  # "джерело", "source": an unnamed informant
    commentators: frozenset[str] = frozenset()   # "політолог", "analyst": a role of views, not of facts
    name_particles: frozenset[str] = frozenset()  # "dela", "фон дер": small words inside a person's name
    eyewitnesses: frozenset[str] = frozenset()  # "очевидці", "witnesses": an unnamed crowd that saw it
    addressed: frozenset[str] = frozenset()  # "told": verbs whose object is the one spoken to
    groups: frozenset[str] = frozenset()     # "authorities", "the army": common nouns that speak as one
    noun_forms: frozenset[str] = frozenset()  # "state", "report": verbs of saying that are also nouns
    quantities: frozenset[str] = frozenset()  # "ряд СМИ", "низка каналів": a quantity of a plural source
    # per article (set by `for_doc`): token indices that open a sentence, where a capital says little
    first: frozenset[int] = frozenset()

    def for_doc(self, doc: Doc) -> SourceLexicon:
        """This lexicon with the article's sentence starts (computed once per article)."""
        got = doc.memo.get("source_reader")
        if not isinstance(got, SourceLexicon) or got.lang != self.lang:
            got = replace(self, first=frozenset(a for a, _b in doc.sent_tokens))
            doc.memo["source_reader"] = got
        return got


def reader(doc: Doc) -> SourceLexicon:
    """The source lexicon of the article's language, with the article's sentence starts."""
    return lexicon(doc.lang).for_doc(doc)


def _first_chars(pattern: str) -> set[str] | None:
    """Letters a regex can start with (both cases), or None when that is not plain to see."""
    if not pattern:
        return None
    if pattern[0].isalpha():
        return {pattern[0].lower(), pattern[0].upper()}
    if pattern.startswith("(?:"):
        depth, alts, cur = 0, [], ""
        for i, ch in enumerate(pattern[3:], 3):
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    alts.append(cur)
                    rest = pattern[i + 1:]
                    out: set[str] = set()
                    for a in alts:
                        f = _first_chars(a) if a else (_first_chars(rest.lstrip("?")) if rest[:1] == "?" else None)
                        if f is None:
                            return None
                        out |= f
                    return out
                depth -= 1
            elif ch == "|" and depth == 0:
                alts.append(cur)
                cur = ""
                continue
            cur += ch
    return None


@cache
def lexicon(lang: str) -> SourceLexicon:
    lang = lexicon_lang(lang)
    lex = load_lexicon(lang, "sources")
    cues = lex.get("cues", {})
    before = cues.get("before", {})
    pats = list(before)
    rx = None
    if pats:
        # one look-behind and a first-letter guard: the engine tries the alternatives only at
        # word starts with a possible first letter (3-6x faster than a bare alternation)
        firsts = [_first_chars(p) for p in pats]
        known = [f for f in firsts if f is not None]
        guard = "" if len(known) < len(firsts) else \
            "(?=[" + re.escape("".join(sorted(set().union(*known)))) + "])"
        rx = re.compile(f"(?<!\\w){guard}(?:" + "|".join(f"({p})" for p in pats) + ")", re.I)
    words = lex.get("words", {})
    return SourceLexicon(
        lang=lang,
        verbs=frozenset(cues.get("verbs", ())),
        located_preps=frozenset(cues.get("located_preps", ())),
        before=rx,
        before_cases=tuple(before[p] for p in pats),
        kinds={k.lower(): v for k, v in lex.get("kinds", {}).items()},
        strip=frozenset(w.lower() for w in words.get("strip", ())),
        stop=frozenset(w.lower() for w in words.get("stop", ())),
        proxies=frozenset(w.lower() for w in words.get("proxies", ())),
        spokes=frozenset(w.lower() for w in words.get("spokes", ())),
        vague=frozenset(w.lower() for w in words.get("vague", ())),
        places=tuple((re.compile(f"(?<!\\w)(?:{p})(?!\\w)", re.I), v[0], v[1])
                     for p, v in cues.get("places", {}).items()),
        content=re.compile(cues["content"], re.I) if cues.get("content") else None,
        light_verbs=frozenset(cues.get("light_verbs", ())),
        statements=frozenset(cues.get("statements", ())),
        infinitive_endings=tuple(_strings(lex.get("morphology", {}), "infinitive_endings", lang)),
        addressed=frozenset(cues.get("addressed", ())),
        noun_forms=frozenset(cues.get("noun_forms", ())),
        anonymous=frozenset(w.lower() for w in words.get("anonymous", ())),
        eyewitnesses=frozenset(w.lower() for w in words.get("eyewitnesses", ())),
        name_particles=frozenset(w.lower() for w in words.get("name_particles", ())),
        commentators=frozenset(w.lower() for w in words.get("commentators", ())),
        groups=frozenset(w.lower() for w in words.get("groups", ())),
        quantities=frozenset(w.lower() for w in words.get("quantities", ())),
        roles=frozenset(w.lower() for w in _strings(load_lexicon(lang, "roles"), "roles", lang)),
    )


def _strings(section: dict[str, Any], key: str, where: str) -> list[str]:
    """A list of strings from a lexicon section; a wrong type is an error at load, not a silent miss."""
    got = section.get(key, [])
    if not isinstance(got, list) or not all(isinstance(x, str) for x in got):
        raise ValueError(f"lexicons/{where}/sources.toml: {key} must be a list of strings")
    return got


@dataclass(slots=True, frozen=True)
class Words:
    """Reading words merged over every language's file (text mixes languages: quotes, reprints)."""

    time: frozenset[str]            # days, day parts and adverbs between a verb and its subject
    preps: frozenset[str]           # prepositions the dictionary sometimes reads otherwise
    coord: frozenset[str]           # "і", "and", ",": join names of one cue
    relative: frozenset[str]        # "X, який заявив"
    own_past: frozenset[str]        # "як повідомляв X": the outlet's own earlier report
    as_words: frozenset[str]
    complementizers: frozenset[str]
    possessive: frozenset[str]
    statement_links: frozenset[str]
    media: tuple[str, ...]          # prefixes of a medium's name ("Telegram-каналі")
    pronouns: frozenset[str]        # "he", "вона": the speaker named before
    passive_aux: frozenset[str]     # "was (quoted) by X": the agent of a passive of saying
    auxiliaries: frozenset[str]     # "X had said": words between a subject and its verb
    citing: re.Pattern[str]         # "з посиланням на", "citing"
    backref: re.Pattern[str]        # "Про це повідомляє X": the sentence before carries the claim
    told: re.Pattern[str]           # "told Reuters": a verb, then the outlet spoken to
    fold: re.Pattern[str]           # kind words left out of a name's comparison key
    surname: re.Pattern[str]        # surname endings
    oblique_plural: re.Pattern[str]  # "рассказал Новостям": an addressee, not a subject
    # genitive ending -> nominative ending of surnames no dictionary knows, by the first name's gender
    surname_gent: dict[str, tuple[tuple[str, str], ...]]


def _alternation(parts: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in parts) or "(?!)"


@cache
def words() -> Words:
    merged: dict[str, list[str]] = {}
    for lang in LEXICON_LANGS:
        lex = load_lexicon(lang, "sources")
        for section in ("reading", "morphology"):
            sec = lex.get(section, {})
            for key in sec:
                bucket = merged.setdefault(key, [])
                bucket.extend(w for w in _strings(sec, key, lang) if w not in bucket)

    def s(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in merged.get(key, ()))

    def endings(key: str) -> re.Pattern[str]:
        return re.compile(f"[а-яіїєґё](?:{_alternation(merged.get(key, []))})$")

    return Words(
        time=s("time"), preps=s("preps"), coord=s("coord") | {","}, relative=s("relative"),
        own_past=s("own_past"), as_words=s("as"), complementizers=s("complementizers"),
        possessive=s("possessive"), statement_links=s("statement_links"), media=tuple(s("media")),
        pronouns=s("pronouns"), passive_aux=s("passive_aux"), auxiliaries=s("auxiliaries"),
        citing=re.compile(_alternation(merged.get("citing", [])), re.I),
        backref=re.compile(rf"^\s*(?:{_alternation(merged.get('backref', []))})\b", re.I),
        told=re.compile(rf"\b(?:{_alternation(merged.get('told', []))})\s+(?:the\s+)?"
                        r"([A-ZА-ЯІЇЄҐ][\w.-]*(?:\s+[A-ZА-ЯІЇЄҐ][\w.-]*){0,2})"),
        fold=re.compile(_alternation(merged.get("fold", []))),
        surname=endings("surname_endings"), oblique_plural=endings("oblique_plural_endings"),
        surname_gent={g: _pairs(merged.get(f"surname_gent_{g}", [])) for g in ("masc", "femn")},
    )


def _pairs(rules: list[str]) -> tuple[tuple[str, str], ...]:
    """ "ова>ов" rules as (ending, replacement), the longest ending first."""
    got = [tuple(r.split(">", 1)) for r in rules if ">" in r]
    return tuple(sorted(((a, b) for a, b in got), key=lambda x: -len(x[0])))


@lru_cache(maxsize=1)
def known_names() -> dict[str, str]:
    """Folded well-known name -> kind, merged over all languages' files."""
    out: dict[str, str] = {}
    for lang in LEXICON_LANGS:
        for name, kind in load_lexicon(lang, "sources").get("names", {}).items():
            out.setdefault(fold(name), kind)
    return out



@lru_cache(maxsize=1)
def name_words() -> dict[str, str]:
    """Words that make a name an outlet's (or another kind's), merged over all languages."""
    out: dict[str, str] = {}
    for lang in LEXICON_LANGS:
        for word, kind in load_lexicon(lang, "sources").get("name_words", {}).items():
            out.setdefault(word.casefold(), kind)
    return out


@cache
def own_letters(lang: str) -> frozenset[str]:
    """Letters only this language writes ("ї" is Ukrainian): a word with one is read in it."""
    return frozenset(_strings(load_lexicon(lang, "sources").get("morphology", {}), "own_letters", lang))
