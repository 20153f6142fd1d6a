"""Stage 'sources': who the article attributes its claims to, and which claims each one carries.

Three kinds of cue, all from `resources/lexicons/<lang>/sources.toml`:
- a fixed phrase followed by the source ("за даними поліції", "со ссылкой на ТАСС", "according to X");
- a verb of saying with its subject on either side ("пише Telegram-канал snob", "Мартін Лохер заявив",
  "police said");
- a subjectless plural verb with a place-like source ("у поліції повідомили", "в МВД сообщили").
The phrase after the cue is cut into a noun phrase, the name is taken from it (a person's name after
their role, an outlet's name after its kind word) and put in the nominative with pymorphy3; the kind
comes from the words of the phrase and a table of well-known names. Photo credits and "read also"
links are skipped (boilerplate ranges), and the article's own outlet (its url host) is no source.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import urlsplit

from ...model import Source, Span
from ...resources import LEXICON_LANGS, lexicon_lang, load_lexicon
from ...text.doc import Doc, Token
from ...text.morph import analyzer
from ...text.normalise import translit
from ..context import Context
from ..mentions import Attribution
from .quotes import quoted_spans

KIND_ORDER = ("telegram", "news_agency", "police", "government", "outlet", "social_media", "ngo",
              "witness", "official", "other")
# kinds a person takes from their role words, strongest first
PERSON_ORDER = ("police", "official", "ngo", "witness", "news_agency", "outlet", "government", "other")
_QUOTES = set("«»\"“”„‘’")
_DASHES = set("–—-")
_BARRIERS = set(":;()[]!?…") | _QUOTES
_PREPS = {"про", "о", "об", "about", "у", "в"}   # prepositions pymorphy3 sometimes reads otherwise
_COORD = {"і", "й", "та", "и", "and", ","}
_NAME_TAGS = {"Name", "Surn", "Patr"}
_TIME_WORDS = {
    # weekdays, day parts and time adverbs that sit between a verb and its subject
    "понеділок", "вівторок", "середа", "четвер", "п'ятниця", "субота", "неділя", "понедельник",
    "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "ранок", "вечір", "ніч", "день",
    "утро", "вечер", "ночь", "сьогодні", "вчора", "учора", "уранці", "увечері", "вранці", "ввечері", "сегодня", "вчера", "раніше", "ранее", "також", "также",
    "тоді", "тогда", "так", "теж", "тоже", "зокрема", "частности", "вже", "уже", "ще", "еще", "лише", "только", "згодом",
    "позже", "пізніше", "today", "yesterday", "earlier", "later", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "also", "late", "last", "week", "tonight",
    "січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень",
    "жовтень", "листопад", "грудень", "январь", "февраль", "март", "апрель", "май", "июнь", "июль",
    "август", "сентябрь", "октябрь", "ноябрь", "декабрь", "рік", "год", "частність",
}
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:ru|ua|kz|by|kg|uz|com|org|net|info|media|news|today|am|ge|az|md|lt|lv|ee|pl|de|uk|рф|укр)\b",
                     re.I)
_KIND_WORDS_RE = re.compile(r"(telegram|телеграм|телеграмм)[-\s]*(канал|channel)?|канал|channel|агентство|agency|издание|видання|газета|сайт|портал")


@lru_cache(maxsize=100_000)
def fold(name: str) -> str:
    """Script-, case- and punctuation-insensitive key of a name: uk/ru/en spellings fold alike."""
    s = unicodedata.normalize("NFKC", name).casefold()
    s = _KIND_WORDS_RE.sub(" ", s)
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
    spokes: frozenset[str]              # "представник міністерства": kept whole, a source by itself
    vague: frozenset[str]               # genitive tails that add nothing ("республики", "країни")
    places: tuple[tuple[re.Pattern[str], str, str], ...] = ()   # "в соцсетях" -> (name, kind)
    content: re.Pattern[str] | None = None   # what a medium carries ("видео", "кадры"): needed with places
    light_verbs: frozenset[str] = frozenset()   # "сделал заявление", "виступив із заявою"
    statements: frozenset[str] = frozenset()


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
        guard = "" if any(f is None for f in firsts) else \
            "(?=[" + re.escape("".join(sorted(set().union(*firsts)))) + "])"
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
    )


@lru_cache(maxsize=1)
def known_names() -> dict[str, str]:
    """Folded well-known name -> kind, merged over all languages' files."""
    out: dict[str, str] = {}
    for lang in LEXICON_LANGS:
        for name, kind in load_lexicon(lang, "sources").get("names", {}).items():
            out.setdefault(fold(name), kind)
    return out


# ---------------------------------------------------------------------------------------------
# token predicates


def _tagset(p: object) -> frozenset[str]:
    """A pymorphy3 parse's grammemes as plain strings (its tag objects raise on unknown names)."""
    return frozenset(str(p.tag).replace(" ", ",").split(","))  # type: ignore[attr-defined]


def _pos(t: Token) -> str | None:
    # pymorphy3's grammeme objects refuse comparison with unknown names: compare plain strings
    return str(t.an.pos) if t.an.pos else None


def _case(t: Token) -> str | None:
    return str(t.an.case) if t.an.case else None


def _latin(t: Token) -> bool:
    return t.text[:1].isascii() and t.text[:1].isalpha()


def _cap(t: Token) -> bool:
    return t.text[:1].isupper()


def _is_verb(t: Token) -> bool:
    return _pos(t) in ("VERB", "INFN", "GRND", "PRTS")


def _glued(a: Token, b: Token) -> bool:
    return a.end == b.start


def _lemmas(t: Token) -> tuple[str, ...]:
    return t.an.lemmas or (t.lower,)


def _kind_of_token(t: Token, lex: SourceLexicon) -> str | None:
    for lem in _lemmas(t):
        k = lex.kinds.get(lem)
        if k:
            return k
    return lex.kinds.get(t.lower)


def _is_strip(t: Token, lex: SourceLexicon) -> bool:
    return t.lower in lex.strip or any(lem in lex.strip for lem in _lemmas(t))


def _is_stop(t: Token, lex: SourceLexicon) -> bool:
    return t.lower in lex.stop or t.an.lemma in lex.stop or _pos(t) in ("NPRO", "CONJ", "PRCL")


def _time_like(t: Token) -> bool:
    return (t.text[:1].isdigit() or _pos(t) in ("ADVB", "PRCL") or t.lower in _TIME_WORDS
            or t.an.lemma in _TIME_WORDS)


class _DocState(threading.local):
    """Per-thread facts about the document being read (the API may extract in threads)."""

    def __init__(self) -> None:
        self.first: frozenset[int] = frozenset()   # token indices that open a sentence
        self.lang = "ru"                            # which dictionary to ask about words


_STATE = _DocState()
# dative/instrumental/locative plural endings: "рассказал Викиновостям" names an addressee
_OBLIQUE_PLURAL = re.compile(r"[а-яіїєґё](?:ам|ям|ами|ями|ах|ях)$")
# surname endings: "Токаев" at a sentence start is a name, though pymorphy3 reads "токай"
_SURNAME = re.compile(r"[а-яіїєґё](?:ов|ев|ёв|ин|ын|енко|ко|ук|юк|чук|ова|ева|ина)$")

_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"}


def _is_place(t: Token) -> bool:
    return "Geox" in t.an.tags or (not t.text[:1].isascii() and _place_reading(_mlang(t), t.text.lower()))


@lru_cache(maxsize=20000)
def _place_reading(lang: str, word: str) -> bool:
    parses = analyzer(lang).parse(word)[:3]
    tags = [_tagset(p) for p in parses]
    return any("Geox" in t for t in tags) and not any(_NAME_TAGS & t for t in tags)


@lru_cache(maxsize=20000)
def _person_reading(lang: str, word: str) -> bool:
    return any(_NAME_TAGS & _tagset(p) for p in analyzer(lang).parse(word))


def _maybe_name(t: Token) -> bool:
    return not t.text[:1].isascii() and _name_reading(_mlang(t), t.text.lower())


@lru_cache(maxsize=20000)
def _name_reading(lang: str, word: str) -> bool:
    return any(_PROPER & _tagset(p) for p in analyzer(lang).parse(word))


def _known(t: Token) -> bool:
    return _word_known(_mlang(t), t.text.lower())


@lru_cache(maxsize=20000)
def _word_known(lang: str, word: str) -> bool:
    return bool(analyzer(lang).word_is_known(word))   # token indices that open a sentence (set per document)


def _name_like(t: Token, lex: SourceLexicon, cyrillic_doc: bool) -> bool:
    """Could start or continue a proper name: capitalised noun-ish word, or Latin in Cyrillic text.
    Inside a sentence a capital letter decides (pymorphy3 reads "Чаудри" as a verb); at a
    sentence start the word must also parse as a noun or adjective."""
    if not t.text[:1].isalpha() or _is_stop(t, lex):
        return False
    if cyrillic_doc and _latin(t):
        return True
    if not _cap(t) or t.lower in _TIME_WORDS:
        return False
    if t.i not in _STATE.first and _pos(t) not in ("PREP", "CONJ", "PRCL", "NPRO", "INTJ"):
        return True
    if cyrillic_doc and not (_PROPER & t.an.tags) and _known(t) and not _maybe_name(t) \
            and not _SURNAME.search(t.text):
        return False   # "Протестующие заявили": a common word capitalised by the sentence start
    return _pos(t) in (None, "NOUN", "ADJF", "UNKN", "LATN", "PRTF", "NUMR") or "UNKN" in t.an.tags


def _np_word(t: Token, lex: SourceLexicon, cyrillic_doc: bool, have_head: bool) -> bool:
    """Lower-case word that may belong to a source phrase: a kind word, an adjective before the
    head, or a genitive dependent after it ("пресслужба поліції столиці")."""
    if not t.text[:1].isalpha() or _is_stop(t, lex):
        return False
    if _kind_of_token(t, lex) or _is_strip(t, lex):
        return True
    if lex.lang == "en":
        return False
    if have_head and ("’" in t.text or "ʼ" in t.text):
        # "охорони здоров’я": pymorphy3 knows the word with a straight apostrophe only
        return _apostrophe_gent(lex.lang, t.text.replace("’", "'").replace("ʼ", "'"))
    pos = _pos(t)
    if not have_head:
        return pos in ("ADJF", "PRTF") and t.lower not in _TIME_WORDS
    return pos in ("NOUN", "ADJF", "PRTF") and (_case(t) == "gent" or _has_case(t, "gent"))


# ---------------------------------------------------------------------------------------------
# noun phrases


@dataclass(slots=True)
class Phrase:
    toks: list[Token]
    case: str | None        # grammatical case the cue imposes (None: subject, nominative)

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end


def _phrase_right(toks: list[Token], j: int, lex: SourceLexicon, cyr: bool) -> tuple[list[Token], int]:
    """The source phrase starting at toks[j]: adjectives, kind words, a name, genitive dependents,
    a quoted name, glued pieces (Informburo.kz, Хабар-24). Returns the tokens and the next index."""
    out: list[Token] = []
    have_head = False
    k = j
    n = len(toks)
    while k < n:
        t = toks[k]
        if t.text in _QUOTES and (not out or _is_strip(out[-1], lex) or have_head):
            # a quoted name: «Осторожно, новости», "Апостроф"
            close = next((m for m in range(k + 1, min(n, k + 8)) if toks[m].text in _QUOTES), None)
            if close is None or close == k + 1:
                break
            inner = toks[k + 1:close]
            if not (_name_like(inner[0], lex, cyr) or _cap(inner[0])) or any(q.text.isdigit() for q in inner) \
                    or any(_is_verb(q) and not _cap(q) for q in inner):
                break   # '"Ще 22 червня "Газпром…': the quote marks of a sentence, not of a name
            out.extend(toks[k:close + 1])
            have_head = True
            k = close + 1
            continue
        if out and _cap(out[-1]) and len(t.text) == 1 and t.text.isupper() and k + 2 < n \
                and toks[k + 1].text == "." and _glued(t, toks[k + 1]) and _cap(toks[k + 2]):
            out.extend(toks[k:k + 3])   # an initial: "Christopher A. Wray"
            k += 3
            continue
        if out and t.text in ".-'’" and k + 1 < n and _glued(out[-1], t) and _glued(t, toks[k + 1]) \
                and toks[k + 1].text[:1].isalnum():
            out.extend((t, toks[k + 1]))
            k += 2
            continue
        if cyr and out and _latin(out[-1]) and t.text[:1].isalpha() and not _latin(t) and _cap(t) \
                and all(_latin(q) or not q.text[:1].isalpha() for q in out):
            break   # "в интервью Bloomberg Шкрели": the outlet, then another name
        if _name_like(t, lex, cyr) or (not out and _domain_at(toks, k)):
            out.append(t)
            have_head = True
            k += 1
            continue
        if out and lex.lang != "en" and (t.text in ",(" or _pos(t) == "PREP") \
                and not any(_name_like(x, lex, cyr) for x in out):
            # a role continued by a prepositional phrase, a parenthesis or an apposition, then the name
            nxt = _name_after_role(toks, k, lex, cyr)
            if nxt is not None:
                out.extend(toks[k:nxt])
                k = nxt
                continue
        if lex.lang == "en" and not any(_cap(q) for q in out) and t.text[:1].islower() and t.text.isalpha() \
                and t.lower not in lex.stop and len(out) < 5 and not _is_verb_en(t, lex):
            nxt = next((m for m in range(k + 1, min(n, k + 6)) if not toks[m].text[:1].islower()), None)
            if nxt is not None and _name_like(toks[nxt], lex, cyr):
                out.append(t)   # "the network monitoring company Kentik"
                k += 1
                continue
        if lex.lang == "en" and out and _en_link(toks, k):
            out.append(t)
            k += 1
            continue
        if lex.lang == "en" and t.text[:1].islower() and t.text.isalpha() and (_kind_of_token(t, lex) or _is_strip(t, lex)):
            out.append(t)
            have_head = True
            k += 1
            continue
        if lex.lang != "en" and out and (_name_like(out[-1], lex, cyr) and _pos(out[-1]) != "ADJF" or out[-1].text in _QUOTES) \
                and t.text[:1].islower() and (_kind_of_token(t, lex) or _is_strip(t, lex)) and _case(t) == "nomn":
            break   # "цитує Лук'янченка агенція …": a new phrase (the subject) starts here
        if lex.lang != "en" and out and (_latin(out[-1]) or (out[-1].text.isupper() and len(out[-1].text) > 1)) \
                and not _kind_of_token(out[-1], lex) and t.text[:1].islower() \
                and not (_kind_of_token(t, lex) or _is_strip(t, lex)):
            break   # "цитирует РБК режиссера": a lower-case word after an acronym or Latin name is not in it
        if lex.lang != "en" and _np_word(t, lex, cyr, have_head):
            out.append(t)
            if _kind_of_token(t, lex) or _pos(t) == "NOUN":
                have_head = True
            k += 1
            continue
        if lex.lang != "en" and not t.text[:1].isalpha() and not t.text[:1].isdigit() and t.text not in _QUOTES:
            break
        if t.text[:1].isdigit() and out and _glued(out[-1], t):
            out.append(t)
            k += 1
            continue
        break
    # trailing adjectives or prepositions are not a phrase's end
    while out and (_pos(out[-1]) in ("ADJF", "PREP") or out[-1].lower in ("of", "for", "on", "to", "and", "the")) \
            and not _cap(out[-1]) and not _kind_of_token(out[-1], lex):
        out.pop()
    return out, j + len(out) if out else j


def _apostrophe_gent(lang: str, word: str) -> bool:
    """A noun that can be a genitive dependent (or does not inflect): "здоров'я", "об'єднання"."""
    return any(p.tag.POS == "NOUN" and (p.tag.case == "gent" or "Fixd" in _tagset(p))
               for p in analyzer("uk" if lang == "uk" else "ru").parse(word.lower()))


def _domain_at(toks: list[Token], k: int) -> bool:
    """A lower-case site name: "стопкоронавирус.рф", "tass.ru" (word, dot, short zone, glued)."""
    return k + 2 < len(toks) and toks[k].text[:1].isalpha() and toks[k + 1].text == "." \
        and _glued(toks[k], toks[k + 1]) and _glued(toks[k + 1], toks[k + 2]) \
        and toks[k + 2].text.isalpha() and 2 <= len(toks[k + 2].text) <= 4 and toks[k + 2].text.islower()


def _name_after_role(toks: list[Token], k: int, lex: SourceLexicon, cyr: bool) -> int | None:
    """Index of a person's name within four words after a role's continuation at toks[k], when
    only lower-case role words, a preposition or a parenthesis lie between; else None."""
    n = len(toks)
    m = k
    depth = 0
    while m < n and m < k + 8:
        t = toks[m]
        if depth == 0 and m != k and (_pos(t) == "PREP" or t.lower in _PREPS):
            return None   # ", у Києві …": a place phrase, not the rest of a role
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth == 0 and _name_like(t, lex, cyr) and m > k:
            # a person's name (not a place): a first name or surname reading, or a foreign pair
            named = any(_NAME_TAGS & x.an.tags for x in toks[m:m + 3]) or (
                m + 1 < n and _name_like(toks[m + 1], lex, cyr) and not _is_place(t) and not _is_place(toks[m + 1]))
            return m if named else None
        elif depth == 0 and not (t.text == "," and m == k) and not (
                t.text[:1].isalpha() and not _is_verb(t) and not _is_stop(t, lex) and t.text[:1].islower()):
            if _pos(t) != "PREP" or m != k:
                return None
        m += 1
    return None


_EN_LINKS = {"of", "for", "on", "to"}
_EN_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
_EN_NOT_MODIFIERS = {"by", "from", "with", "of", "for", "to", "at", "statement", "report", "according", "said"}
_EN_SPOKES = {"spokesman", "spokeswoman", "spokesperson"}


def _en_link(toks: list[Token], k: int) -> bool:
    """An English name continues through a small word between capitalised ones: "Commission on
    Human Rights", "Committee to Protect Journalists", "Office of the High Commissioner",
    "Ministry of Labour and Social Policy" ("and" only after such a link: "Amnesty International
    and Human Rights Watch" are two names)."""
    if k <= 0 or k + 1 >= len(toks):
        return False
    w, prev, nxt = toks[k].lower, toks[k - 1], toks[k + 1]
    if w in _EN_LINKS:
        return _cap(prev) and (_cap(nxt) or (nxt.lower == "the" and k + 2 < len(toks) and _cap(toks[k + 2])))
    if w == "the":
        return prev.lower in _EN_LINKS and _cap(nxt) and k >= 2 and _cap(toks[k - 2])
    if w == "and" and _cap(prev) and _cap(nxt):
        m = k - 1
        while m > 0 and _cap(toks[m]) and m > k - 5:
            m -= 1
        return toks[m].lower in _EN_LINKS and m > 0 and _cap(toks[m - 1])
    return False


def _is_verb_en(t: Token, lex: SourceLexicon) -> bool:
    return any(lem in lex.verbs for lem in _lemmas(t)) or t.lower in ("is", "was", "were", "are", "has", "have")


def _phrase_left(toks: list[Token], j: int, lex: SourceLexicon, cyr: bool,
                 used: set[int] | None = None) -> list[Token]:
    """The source phrase ending at toks[j] (a verb's subject before it); it never takes in words
    another cue already claimed ("В интервью Bloomberg Шкрели заявил")."""
    k = j
    while k >= 0:
        t = toks[k]
        if used and t.i in used:
            break
        if t.text in _QUOTES and k == j:   # 'сайту «Остров» свідчить': take the quoted name whole
            o = next((m for m in range(k - 1, max(-1, k - 8), -1) if toks[m].text in _QUOTES), None)
            if o is None or o == k - 1:
                break
            k = o - 1
            continue
        ok = (_name_like(t, lex, cyr) or _kind_of_token(t, lex) is not None or _is_strip(t, lex)
              or (lex.lang != "en" and t.text[:1].isalpha() and not _is_stop(t, lex)
                  and _pos(t) in ("ADJF", "PRTF", "NOUN") and (_case(t) in ("gent", "nomn") or _has_case(t, "gent")))
              or (lex.lang == "en" and k < j and _en_link(toks, k))
              or (lex.lang == "en" and j - 3 <= k < j and t.text.isalpha() and t.text.islower()
                  and t.lower not in lex.stop and t.lower not in _EN_NOT_MODIFIERS and not _is_verb_en(t, lex)
                  and _kind_of_token(toks[j], lex) in ("government", "police"))   # "Russia's defence ministry"
              or (k > 0 and toks[k - 1].text == "." and _glued(toks[k - 1], t) and t.text.isalpha())
              or (t.text in ".-" and k > 0 and k < j and _glued(toks[k - 1], t) and _glued(t, toks[k + 1]))
              or (t.text == "." and k > 0 and k < j and _glued(toks[k - 1], t) and len(toks[k - 1].text) == 1
                  and toks[k - 1].text.isupper())   # an initial: "Christopher A. Wray"
              or (len(t.text) == 1 and t.text.isupper() and k < j and toks[k + 1].text == "."
                  and _glued(t, toks[k + 1])))
        if not ok:
            break
        k -= 1
    out = toks[k + 1:j + 1]
    while out and (out[0].lower in ("of", "for", "on", "to", "and", "the") or out[0].text in ".-"):
        out = out[1:]
    if lex.lang != "en":
        # the subject's head is its first kind word, proxy or name: drop what precedes it except
        # adjectives ("рабочей недели компания" -> "компания")
        first = next((m for m, t in enumerate(out) if _kind_of_token(t, lex) or _is_strip(t, lex)
                      or any(lem in lex.proxies for lem in _lemmas(t)) or _name_like(t, lex, cyr)), None)
        if first is None:
            return []
        cut = first
        while cut > 0 and _pos(out[cut - 1]) in ("ADJF", "PRTF"):
            cut -= 1
        out = out[cut:]
    if out and not _is_stop(out[0], lex) and _pos(out[0]) not in ("PREP",):
        return out
    return []


# ---------------------------------------------------------------------------------------------
# names in the nominative


def _match_case(orig: str, word: str) -> str:
    if orig.isupper() and len(orig) > 1:
        return word.upper()
    if orig[:1].isupper():
        # keep inner capitals of the original (Нацполіція, МакКейн) where the stem is unchanged
        common = 0
        while common < min(len(orig), len(word)) and orig[common].lower() == word[common]:
            common += 1
        return orig[:common] + word[common:]
    return word


@lru_cache(maxsize=50000)
def _to_nominative(word: str, lang: str, case: str | None, name: bool, gender: str | None = None,
                   surname: bool = False) -> str:
    """A word of a source phrase in the nominative; unchanged when it is not in `case`."""
    if case in (None, "nomn") or lang not in ("uk", "ru", "be", "kk", "ky") or not word[:1].isalpha() \
            or word[:1].isascii():
        return word
    parses = analyzer("uk" if lang == "uk" else "ru").parse(word.lower())
    cands = [p for p in parses if p.tag.case == case]
    if name:
        cands = [p for p in cands if _NAME_TAGS & _tagset(p)] or cands
        if surname:
            cands = [p for p in cands if "Surn" in _tagset(p)] or cands
    if gender:
        cands = [p for p in cands if (str(p.tag.gender) if p.tag.gender else None) in (gender, None)] or cands
    if not cands:
        return word
    p = cands[0]
    if "Fixd" in _tagset(p):
        return word
    form = p.inflect({"nomn"})
    return _match_case(word, form.word) if form else word


@dataclass(slots=True)
class Resolved:
    name: str
    kind: str
    start: int
    end: int
    role_end: int | None = None   # where a person's role words end (their name starts)


def resolve(ph: Phrase, lex: SourceLexicon, doc: Doc) -> Resolved | None:
    """Name, kind and span of a source phrase; None when it names nobody."""
    toks = [t for t in ph.toks]
    while toks and (_is_stop(toks[0], lex) or toks[0].lower in ("the", "a", "an")):
        toks = toks[1:]
    if lex.lang == "en":
        toks = _english_phrase(toks, lex)
    if not toks:
        return None
    dm = _DOMAIN.match(doc.text, toks[0].start)
    if dm and dm.end() >= toks[-1].end and not toks[0].text[:1].isupper():
        return Resolved(dm.group(0), known_names().get(fold(dm.group(0)), "outlet"), dm.start(), dm.end())
    text = doc.text
    cyr = lex.lang != "en"
    # the trailing run of name tokens (a quoted name counts as one)
    i = len(toks)
    in_quotes = False
    while i > 0:
        t = toks[i - 1]
        if in_quotes and t.text not in _QUOTES:
            i -= 1   # «Новості Донбасса», «Осторожно, новости»: everything inside the quotes
            continue
        if _name_like(t, lex, cyr) or t.text in _QUOTES or (t.text in ".-'’" and 0 < i - 1) \
                or (lex.lang == "en" and i < len(toks) and _en_link(toks, i - 1)) \
                or (len(t.text) == 1 and t.text.isupper() and i < len(toks) and toks[i].text == ".") \
                or (t.text[:1].isdigit() and i > 1 and _glued(toks[i - 2], t)):
            if i < len(toks) and not in_quotes and t.text not in _QUOTES and (
                    _is_strip(t, lex) or (lex.lang == "en" and _cap(t) and _kind_of_token(t, lex) == "official"
                                          and not _en_link(toks, i))):
                break   # "Telegram-канал Baza", "FBI Director Christopher Wray": kind or role ends the run
            if t.text in _QUOTES:
                in_quotes = not in_quotes   # scanning backwards: a closing mark opens the quoted stretch
            i -= 1
            continue
        break
    run, head = toks[i:], toks[:i]
    if lex.lang == "en" and run and _kind_of_token(run[0], lex) == "official":
        # "Minister of Defence Oleksii Reznikov": a title through a link, then the person's name
        links = [m for m in range(len(run)) if run[m].lower in _EN_LINKS]
        if links and len(run) - links[-1] - 1 >= 3 and all(_cap(t) for t in run[links[-1] + 1:]):
            head, run = head + run[:-2], run[-2:]
    # kind words count even where the English tail was cut ("the Zakon.kz news portal")
    kinds = [k for k in (_kind_of_token(t, lex) for t in (ph.toks if lex.lang == "en" else toks)) if k]
    if run and all(_kind_of_token(t, lex) and not _is_strip(t, lex) for t in run) and len(run) == 1 \
            and all(_pos(t) in ("ADJF", "PRTF") for t in head):
        head, run = toks, []   # "местные СМИ", "Донецької ОДА": a common noun written in capitals
    if run and cyr and not (len(run) > 2 and run[0].text in _QUOTES and run[-1].text in _QUOTES):
        # places before a person's name belong to the role ("заступник акіма Алмати Єржан …")
        name_at = next((m for m, t in enumerate(run) if _NAME_TAGS & t.an.tags), None)
        # a first name pymorphy3 read otherwise ("Ярослав Тракало": a town) still belongs to the name
        while name_at and _cap(run[name_at - 1]) and not _latin(run[name_at - 1]) \
                and _person_reading(_mlang(run[name_at - 1]), run[name_at - 1].text.lower()) \
                and not _kind_of_token(run[name_at - 1], lex):
            name_at -= 1
        if name_at is not None and name_at > 0:
            head, run = head + run[:name_at], run[name_at:]
        if head and not _is_strip(head[-1], lex) and (_org_head(head, lex) or not any(_NAME_TAGS & t.an.tags for t in run) and all(("Abbr" in t.an.tags or "Geox" in t.an.tags or t.text.isupper())
                                            for t in run if t.text[:1].isalpha())):
            # "канцелярія прем'єр-міністра …", "Полиция Капитолия", "чиновники РДА": the name run
            # depends on an organisation or a role, the whole phrase is the source
            head, run = toks, []
        elif head and run and all("Geox" in t.an.tags or "Orgn" in t.an.tags for t in run if t.text[:1].isalpha()) \
                and not _is_strip(head[-1], lex):
            head, run = toks, []
        elif len(run) > 1 and head and _latin(run[0]) and not _latin(run[-1]):
            # "Керівник Vereinigung Cockpit Мартін Лохер": the organisation, then the person
            cut = next(m for m in range(len(run)) if not _latin(run[m]) and run[m].text[:1].isalpha())
            head, run = head + run[:cut], run[cut:]
    if cyr and run and run[0].text not in _QUOTES:
        # "Премьер-министр Японии Синдзо Абэ": an oblique place/word before the name is the role's
        while len(run) > 2 and _case(run[0]) in ("gent", "loct", "datv", "ablt") and _known(run[0]) \
                and not (_NAME_TAGS & run[0].an.tags) and not _latin(run[0]):
            head, run = head + run[:1], run[1:]
    while run and run[0].text in ".-'’":
        run = run[1:]
    while run and run[-1].text in ".-'’":
        run = run[:-1]
    if run:
        if run[0].text in _QUOTES and run[-1].text in _QUOTES and len(run) > 2:
            a, b = run[1].start, run[-2].end
        else:
            a, b = run[0].start, run[-1].end
        quoted = run[0].text in _QUOTES or run[-1].text in _QUOTES   # «Остров» is a title, not a person
        person = not quoted and any(_NAME_TAGS & t.an.tags for t in run) or not quoted and (
            bool(head) and any(_kind_of_token(t, lex) in ("official", "police", "witness", "other") for t in head)
            and not any(_is_strip(t, lex) for t in head))
        after_kind_word = bool(head) and _is_strip(head[-1], lex)
        name = _name_text(text, run, a, b, lex.lang, None if after_kind_word else ph.case, person)
        m = _DOMAIN.match(text, a)
        if m and m.end() >= b:
            name, b = m.group(0), m.end()
        kind = _kind_for(name, kinds, person, head, lex, bool(m and m.end() >= b))
        return Resolved(name, kind, a, b, a if head else None)
    if not run and not kinds and _name_like(toks[0], lex, cyr):
        name = _name_text(text, toks, toks[0].start, toks[-1].end, lex.lang, ph.case, False)
        return Resolved(name, _kind_for(name, [], False, [], lex, False), toks[0].start, toks[-1].end)
    # no proper name: a phrase headed by a source noun ("поліції", "местные СМИ")
    if not kinds or all(_is_strip(t, lex) for t in toks if t.text[:1].isalpha()):
        return None
    if _pos(toks[0]) in ("PREP", "CONJ"):
        return None
    head_i = next((m for m, t in enumerate(toks) if _pos(t) == "NOUN" or _kind_of_token(t, lex)), 0)
    head_tok = toks[head_i]
    spoke = any(lem in lex.spokes for lem in _lemmas(head_tok)) and head_i + 1 < len(toks) \
        and any(_kind_of_token(t, lex) and not _is_strip(t, lex) for t in toks[head_i + 1:])
    plural_spoke = spoke and "plur" in head_tok.an.tags   # "представители профсоюзов": the unions
    if (plural_spoke or any(lem in lex.proxies for lem in _lemmas(head_tok))) and head_i + 1 < len(toks):
        # "представник міністерства …", "сотрудники профсоюза пилотов": the body they speak for
        rest = toks[head_i + 1:]
        if any(_kind_of_token(t, lex) for t in rest):
            body = resolve(Phrase(rest, "gent"), lex, doc)
            if body is None and _pos(rest[0]) == "NOUN":
                name = _common_text(text, rest, lex.lang, "gent")
                body = Resolved(name, _kind_for(name, kinds, False, rest, lex, False), rest[0].start, rest[-1].end)
            return body
        return None
    if _kind_of_token(head_tok, lex) in ("official", "other") and lex.lang != "en" and not spoke \
            and "anim" in head_tok.an.tags and "plur" not in head_tok.an.tags:
        return None   # a bare role ("міністр", "лидер партии") names nobody the reader can check
    while len(toks) > 1 and any(lem in lex.vague for lem in _lemmas(toks[-1])):
        toks = toks[:-1]   # "МВД республики", "міністерства … країни": the country is implied
    if all(_is_strip(t, lex) or _pos(t) in ("ADJF", "PRTF") for t in toks if t.text[:1].isalpha()):
        return None   # "информационные агентства": which ones?
    name = _common_text(text, toks, lex.lang, ph.case)
    kind = _kind_for(name, kinds, False, toks, lex, False)
    return Resolved(name, kind, toks[0].start, toks[-1].end)


def _english_phrase(toks: list[Token], lex: SourceLexicon) -> list[Token]:
    """English: "the SSU announcement" -> SSU, "the Zakon.kz news portal" -> Zakon.kz, but
    "Bydgoszcz police department" stays whole; a phrase of lower-case words alone must be a
    group that speaks as one ("police", "officials", "witnesses")."""
    caps = [m for m, t in enumerate(toks) if _cap(t)]
    if not caps:
        head = toks[-1] if toks else None
        if head is not None and head.an.lemma in _EN_SPOKES and len(toks) > 1 and toks[-2].an.lemma == "police":
            return toks[-2:-1]   # "a police spokesman": the police speak
        if head is not None and len(toks) > 1 and _kind_of_token(head, lex) in ("government", "police") \
                and head.an.lemma != "official" and not any(_kind_of_token(t, lex) for t in toks[:-1]):
            return toks   # "the interior ministry", "the state emergency service" (a bare "ministry" is no one)
        if head is None or head.an.lemma not in ("police", "official", "witness", "resident", "eyewitness", "source"):
            return []
        return toks
    last = caps[-1]
    tail = toks[last + 1:]
    if tail and not any(_kind_of_token(t, lex) and not _is_strip(t, lex) for t in tail):
        # drop a lower-case tail that only says what the name is ("announcement", "news portal")
        while toks and toks[-1].text[:1].islower() and not (
                len(toks) > 1 and toks[-2].text == "." and _glued(toks[-2], toks[-1])):
            toks = toks[:-1]
    return toks


def _org_head(head: list[Token], lex: SourceLexicon) -> bool:
    """The phrase's first noun is an organisation (inanimate kind word: канцелярія, поліція)."""
    for t in head:
        if _pos(t) == "NOUN" or _kind_of_token(t, lex):
            kind = _kind_of_token(t, lex)
            return kind not in (None, "official", "other", "witness") and "inan" in t.an.tags and not _is_strip(t, lex)
    return False


def _name_text(text: str, run: list[Token], a: int, b: int, lang: str, case: str | None, person: bool) -> str:
    if case in (None, "nomn") or any(t.text in _QUOTES for t in run):
        return text[a:b]
    gender = None
    parts: list[str] = []
    pos = a
    words = [t for t in run if a <= t.start and t.end <= b]
    # an organisation's leading adjectives and its head noun inflect ("Повітряних сил" -> "Повітряні сили")
    lead = 0
    while not person and lead < len(words) - 1 and _pos(words[lead]) in ("ADJF", "PRTF"):
        lead += 1
    for m, t in enumerate(words):
        parts.append(text[pos:t.start])
        # the last word of a person's name is the surname: prefer surname readings for it
        # an organisation's name inflects its head only ("МИД Турции" keeps "Турции")
        w = _to_nominative(t.text, lang, case, person, gender, person and m == len(words) - 1 and m > 0) \
            if person or m <= lead else t.text
        if person and gender is None and w != t.text:
            p = analyzer("uk" if lang == "uk" else "ru").parse(w.lower())
            gender = next((str(x.tag.gender) for x in p if _NAME_TAGS & _tagset(x) and x.tag.gender), None)
        parts.append(w)
        pos = t.end
    return "".join(parts)


def _common_text(text: str, toks: list[Token], lang: str, case: str | None) -> str:
    """A common-noun phrase in the nominative: the head and its adjectives inflected, genitive
    dependents kept ("пресслужби поліції столиці" -> "пресслужба поліції столиці")."""
    if case in (None, "nomn"):
        return text[toks[0].start:toks[-1].end]
    head_i = next((m for m, t in enumerate(toks) if _pos(t) == "NOUN"), 0)
    head = toks[head_i]
    head_nom = _to_nominative(head.text, lang, case, False)
    gender = None
    hp = analyzer("uk" if lang == "uk" else "ru").parse(head_nom.lower()) if lang != "en" else []
    if hp and hp[0].tag.gender:
        gender = str(hp[0].tag.gender)
    parts: list[str] = []
    pos = toks[0].start
    for m, t in enumerate(toks):
        parts.append(text[pos:t.start])
        if m < head_i:
            parts.append(_to_nominative(t.text, lang, case, False, gender))
        elif m == head_i:
            parts.append(head_nom)
        else:
            parts.append(t.text)
        pos = t.end
    return "".join(parts)


def _kind_for(name: str, kinds: list[str], person: bool, role: list[Token], lex: SourceLexicon,
              domain: bool) -> str:
    f = fold(name)
    known = known_names().get(f) or next(
        (k for n, k in known_names().items() if len(n) >= 5 and (f.startswith(n) or f.endswith(n))), None)
    if known:
        return known   # "Франс Пресс" looks like a person's name; "Deutsche Welle Asia" is Deutsche Welle
    if person:
        for k in PERSON_ORDER:
            if k in kinds:
                return "official" if k in ("government",) else ("other" if k in ("outlet", "news_agency") else k)
        return "other"
    if domain:
        return "outlet"
    for k in KIND_ORDER:
        if k in kinds:
            return k
    words = name_words()
    for w in re.findall(r"[^\W\d_]+", name.casefold()):
        if w in words:
            return words[w]   # "USA Today", "Нью-Йорк таймс", "Daily Mail": a newspaper's name
    return "other"


@lru_cache(maxsize=1)
def name_words() -> dict[str, str]:
    """Words that make a name an outlet's (or another kind's), merged over all languages."""
    out: dict[str, str] = {}
    for lang in LEXICON_LANGS:
        for word, kind in load_lexicon(lang, "sources").get("name_words", {}).items():
            out.setdefault(word.casefold(), kind)
    return out


# ---------------------------------------------------------------------------------------------
# cues


def _skip_right(toks: list[Token], j: int, lex: SourceLexicon) -> int:
    """Skip time phrases, adverbs and commas between a verb and a subject after it
    ("повідомив у ніч на суботу, 24 листопада, міністр …")."""
    n = len(toks)
    k = j
    steps = 0
    while k < n and steps < 10:
        t = toks[k]
        if t.text == "," or _time_like(t):
            k += 1
        elif _pos(t) == "PREP" and k + 1 < n and (_time_like(toks[k + 1]) or _pos(toks[k + 1]) in ("NUMR", "NPRO")):
            k += 1
        elif _pos(t) == "NPRO" and k > j and (_pos(toks[k - 1]) == "PREP" or toks[k - 1].lower in _PREPS):
            k += 1
        elif t.lower in _PREPS and k + 1 < n and _pos(toks[k + 1]) == "NPRO":
            k += 1
        elif lex.lang == "en" and t.lower in ("on", "in", "late", "early") and k + 1 < n and _time_like(toks[k + 1]):
            k += 1
        elif (_pos(t) == "PREP" or t.lower in _PREPS) and k + 1 < n and _medium_at(toks, k + 1, lex) > k + 1:
            k = _medium_at(toks, k + 1, lex)   # "повідомив у Telegram голова ОВА …": where, not who
        elif k > j and _medium_at(toks, k, lex) > k and toks[k - 1].an.lemma in ("свій", "свой"):
            k = _medium_at(toks, k, lex)   # "у своєму Telegram-каналі" after the skipped "у своєму"
        else:
            break
        steps += 1
    return k


_MEDIA = ("telegram", "телеграм", "facebook", "фейсбук", "twitter", "твіттер", "твиттер", "instagram",
          "інстаграм", "инстаграм", "youtube", "ютуб", "tiktok", "viber", "вайбер", "x")


def _medium_at(toks: list[Token], k: int, lex: SourceLexicon) -> int:
    """The end of a medium's name at toks[k] ("Telegram", "своєму Telegram-каналі", "соцмережах");
    k when there is none."""
    m = k
    if m < len(toks) and toks[m].an.lemma in ("свій", "свой", "власний", "собственный", "his", "her", "its"):
        m += 1
    if m >= len(toks):
        return k
    t = toks[m]
    low = t.lower
    if low.startswith(_MEDIA) and (low in _MEDIA or "-" in low or not _latin(t)) \
            or _kind_of_token(t, lex) in ("social_media", "telegram") and not _cap(t):
        while m + 2 < len(toks) and toks[m + 1].text == "-" and _glued(toks[m], toks[m + 1]):
            m += 2   # "Telegram - каналі" split by the tokenizer
        return m + 1
    return k


def _skip_left(toks: list[Token], j: int) -> int:
    k = j
    steps = 0
    while k >= 0 and steps < 6:
        t = toks[k]
        if t.text == ")":   # "Ашик Масих (Ashiq Masih) утверждает"
            o = next((m for m in range(k - 1, max(-1, k - 8), -1) if toks[m].text == "("), None)
            if o is None:
                break
            k = o - 1
            steps += 1
            continue
        if _time_like(t) or (_pos(t) == "PREP" and k + 1 < len(toks) and _time_like(toks[k + 1])):
            k -= 1
            steps += 1
        else:
            break
    return k


def _nominative_ok(ph: list[Token]) -> bool:
    """A verb's subject must be able to be nominative (not "розповів Фактам ICTV", "закликав Путіна"):
    the first noun of the phrase decides, or a capitalised name."""
    if any(_cap(t) and (_SURNAME.search(t.text) or not _known(t)) and not _OBLIQUE_PLURAL.search(t.text)
           for t in ph[:1]):
        return True   # a surname, or a foreign name pymorphy3 only guesses at ("Сайфул Малукл")
    if any(_cap(t) and _SURNAME.search(t.text) and (_NAME_TAGS & t.an.tags or not _known(t)) for t in ph[1:]):
        return True   # "Канат Таймерденов": a surname form, whatever case pymorphy3 guesses
    named = [t for t in ph if _NAME_TAGS & t.an.tags and _cap(t)]
    if named and len(named) < len(ph):
        return _case(named[0]) == "nomn" or _can_be_nomn(named[0])   # the person decides, not the role
    for t in ph:
        if not t.text[:1].isalpha() or t.text[:1].isascii():
            if t.text[:1].isascii() and t.text[:1].isalpha():
                return True
            continue
        if _cap(t) and (_NAME_TAGS & t.an.tags or _pos(t) not in ("NOUN", "ADJF", "PRTF")):
            return _can_be_nomn(t)
        if _pos(t) == "NOUN" or (_pos(t) in ("ADJF", "PRTF") and _cap(t)):
            return _case(t) == "nomn" or _can_be_nomn(t)
        if _pos(t) in ("ADJF", "PRTF") and _case(t) != "nomn" and not _can_be_nomn(t):
            return False   # "призвала переболевших COVID-19": an oblique adjective opens an object
    return False


@lru_cache(maxsize=20000)
def _nomn_forms(lang: str, word: str, names_only: bool = False) -> bool:
    parses = analyzer(lang).parse(word)
    if names_only:
        named = [p for p in parses if _NAME_TAGS & _tagset(p)]
        parses = named or parses
    # a reading without case (the uk dictionary leaves some nouns so) does not rule nominative out
    return any(p.tag.case is None or p.tag.case == "nomn" or "Fixd" in _tagset(p) for p in parses)


@lru_cache(maxsize=20000)
def _case_forms(lang: str, word: str) -> frozenset[str]:
    return frozenset(str(p.tag.case) for p in analyzer(lang).parse(word) if p.tag.case) | (
        frozenset({"gent", "nomn"}) if any("Fixd" in _tagset(p) for p in analyzer(lang).parse(word)) else frozenset())


def _mlang(t: Token) -> str:
    """The dictionary to ask: the document's (quoted Russian in Ukrainian text shows its letters)."""
    if _STATE.lang == "uk" or any(c in "іїєґ" for c in t.text.lower()):
        return "uk"
    return "ru"


def _has_case(t: Token, case: str) -> bool:
    if not t.text[:1].isalpha() or t.text[:1].isascii():
        return False
    return case in _case_forms(_mlang(t), t.text.lower())


def _can_be_nomn(t: Token) -> bool:
    """Some reading of the word is nominative (for a capitalised word: some reading as a name)."""
    if t.text[:1].isascii():
        return True
    names = _cap(t)
    lang = _mlang(t)
    w = t.text.lower()
    # a Russian reading only for words the Ukrainian dictionary does not know (quoted Russian)
    return _nomn_forms(lang, w, names) or (lang == "uk" and not _word_known("uk", w) and _nomn_forms("ru", w, names))


def _coordinated(toks: list[Token], k: int, lex: SourceLexicon, cyr: bool) -> list[tuple[list[Token], int]]:
    """Further names joined by "і/та/and/," to a phrase ending before toks[k]."""
    out: list[tuple[list[Token], int]] = []
    n = len(toks)
    while k + 1 < n and toks[k].lower in _COORD:
        j = k + 1
        if toks[j].lower in _COORD:   # ", and"
            j += 1
        if j >= n or not _name_like(toks[j], lex, cyr):
            break
        ph, nk = _phrase_right(toks, j, lex, cyr)
        if not ph or any(_kind_of_token(q, lex) and not _is_strip(q, lex) for q in ph):
            break
        if toks[k].text == "," and not (nk < n and toks[nk].lower in _COORD):
            break   # "said X, Europol's Deputy Director": an apposition, not a list of names
        out.append((ph, nk))
        k = nk
    return out


@dataclass(slots=True)
class Mention:
    res: Resolved
    cue_start: int
    cue_end: int
    sent: int


def _sentence_mentions(doc: Doc, si: int, lex: SourceLexicon, cyr: bool,
                       cues: list[re.Match[str]]) -> list[Mention]:
    toks = doc.sent_toks(si)
    used: set[int] = set()
    found: list[Mention] = []
    starts = [t.start for t in toks]

    def add(ph: list[Token], case: str | None, cs: int, ce: int) -> None:
        if not ph:
            return
        r = resolve(Phrase(ph, case), lex, doc)
        used.update(t.i for t in ph)
        if r is not None:
            found.append(Mention(r, cs, ce, si))

    # 1. fixed phrases: the source follows
    if cues:
        for m in cues:
            g = m.lastindex or 1
            case = lex.before_cases[g - 1]
            j = bisect_left(starts, m.end())
            if j >= len(toks):
                continue
            used.update(t.i for t in toks[bisect_left(starts, m.start()):j])
            ph, nk = _phrase_right(toks, j, lex, cyr)
            if case == "datv" and not any(_name_like(q, lex, cyr) or q.text in _QUOTES for q in ph):
                continue   # "в интервью журналистам": an unnamed audience
            add(ph, case, m.start(), m.end())
            for ph2, _nk in _coordinated(toks, nk, lex, cyr):
                add(ph2, case, m.start(), m.end())
    # 2. verbs of saying
    for x, t in enumerate(toks):
        if t.i in used or not t.text[:1].isalpha():
            continue
        if not _is_cue_verb(t, lex) and not _light_statement(toks, x, lex):
            continue
        if lex.lang == "en" and x > 0 and (_cap(t) or toks[x - 1].lower in _EN_DETERMINERS
                                           or toks[x - 1].lower.endswith(("'s", "’s"))):
            # "The State Emergency Service", "Iran's state news agency", "a report": names and nouns
            continue
        if cyr and x >= 2 and (_pos(t) == "PRTF" or toks[x - 1].an.lemma in _RELATIVE) and \
                (toks[x - 1].text == "," or toks[x - 2].text == ","):
            # "Главный судья Сахиб Нисар, сообщивший …" / "X, який заявив …": the phrase before the comma
            comma = x - 1 if toks[x - 1].text == "," else x - 2
            jc = _skip_left(toks, comma - 1) if comma > 0 else -1   # "«Нью-Йорк таймс» (NYT), которая …"
            ph = _phrase_left(toks, jc, lex, cyr, used) if jc >= 0 else []
            if ph and _nominative_ok(ph):
                add(ph, None, t.start, t.end)
            continue
        if cyr and (not _is_verb(t) or _infinitive(t, lex.lang) or "1per" in t.an.tags or "2per" in t.an.tags):
            continue   # "Нагадаємо, …": the outlet itself speaking
        if cyr and _is_own_past(toks, x, t):
            continue   # "як повідомляв УНІАН": the outlet citing its own earlier report
        if lex.lang == "en" and x + 1 < len(toks) and toks[x + 1].lower == "to" and t.lower != "according":
            continue  # "called to", "said to be": not a report of speech... keep it simple
        got = _verb_subject(toks, x, lex, cyr, used)
        if got is not None:
            ph, case = got
            add(ph, case, t.start, t.end)
            start_i = ph[0].i - toks[0].i
            if ph[0].i < t.i:
                # "Both Netblocks and Cloudflare reported", "Reuters і AP повідомили": the first conjunct
                if start_i >= 2 and toks[start_i - 1].lower in _COORD - {","} \
                        and (_name_like(toks[start_i - 2], lex, cyr) or _kind_of_token(toks[start_i - 2], lex)):
                    add(_phrase_left(toks, start_i - 2, lex, cyr, used), case, t.start, t.end)
            else:
                end_i = ph[-1].i - toks[0].i + 1
                for ph2, _nk in _coordinated(toks, end_i, lex, cyr):
                    add(ph2, case, t.start, t.end)
            continue
        # 3. "у поліції повідомили": a plural verb without a subject, a place-like source near it
        if cyr and "plur" in t.an.tags:
            for y in list(range(x - 1, max(-1, x - 5), -1)) + list(range(x + 1, min(len(toks), x + 5))):
                p = toks[y]
                if p.lower in lex.located_preps and y + 1 < len(toks) and toks[y + 1].i not in used:
                    ph, _nk = _phrase_right(toks, y + 1, lex, cyr)
                    if any(q.i == t.i for q in ph):
                        ph = ph[: [q.i for q in ph].index(t.i)]
                    if ph and not all(_is_place(q) or _NAME_TAGS & q.an.tags for q in ph if q.text[:1].isalpha()) \
                            and any(_kind_of_token(q, lex) or _latin(q) or (q.text.isupper() and len(q.text) > 1)
                                    for q in ph):
                        # a body ("у поліції", "в МВД", "в Ryanair"), not a town ("у Севастополі назвали")
                        add(ph, "loct", p.start, t.end)
                        break
    return found


_RELATIVE = {"який", "который", "who"}


def _light_statement(toks: list[Token], x: int, lex: SourceLexicon) -> bool:
    """ "Имран Хан сделал специальное заявление", "перевізник виступив із заявою": a light verb
    with a statement noun reports speech like a verb of saying."""
    t = toks[x]
    if t.an.lemma not in lex.light_verbs:
        return False
    for q in toks[x + 1:x + 4]:
        if q.an.lemma in lex.statements:
            return True
        if _pos(q) not in ("ADJF", "PREP") and q.lower not in ("з", "із", "с", "a", "an", "with"):
            return False
    return False


def _infinitive(t: Token, lang: str) -> bool:
    """Infinitives report nothing ("попросила … пояснити"); the uk dictionary tags some 3rd-person
    forms as infinitives ("свідчить"), so the ending decides."""
    if _pos(t) != "INFN" and "infn" not in t.an.tags:
        return False
    ends = ("ти", "тися", "тись") if lang == "uk" else ("ть", "ться", "ти", "чь", "тись")
    return t.lower.endswith(ends)


_OWN_PAST = {"повідомляти", "писати", "інформувати", "сообщать", "писать", "информировать"}


def _is_own_past(toks: list[Token], x: int, t: Token) -> bool:
    """ "Як повідомляв УНІАН" / "Как сообщал «Апостроф»": a past imperfective report after "як" is
    the outlet pointing at its own earlier news (its name is often the only cue)."""
    if "past" not in t.an.tags or "impf" not in t.an.tags or not any(lem in _OWN_PAST for lem in _lemmas(t)):
        return False
    prev = [q.lower for q in toks[max(0, x - 3):x]]
    return any(w in ("як", "как") for w in prev)


def _pp_start(toks: list[Token], k: int, verb: int) -> int | None:
    """Index of the preposition opening a short prepositional phrase that ends before the verb and
    contains toks[k] (no comma, quote or other verb inside), else None."""
    m = min(k, verb - 1)
    while m >= 0 and verb - m <= 9:
        t = toks[m]
        if t.text in "," or t.text in _QUOTES or (_is_verb(t) and m != verb):
            return None
        if _is_prep(t):
            return m
        m -= 1
    return None


_EN_PREPS = {"in", "at", "from", "on", "near", "outside", "inside", "across", "around", "throughout"}


def _is_prep(t: Token) -> bool:
    """A preposition: pymorphy3's reading, or one of the few it misreads, or an English one."""
    return _pos(t) == "PREP" or t.lower in _PREPS or (t.an.pos is None and t.lower in _EN_PREPS)


def _agrees(ph: list[Token], verb: Token) -> bool:
    """A singular past verb agrees in gender with a personal name ("закликав Путіна" is no subject:
    the feminine nominative reading of "Путіна" does not fit "закликав")."""
    tags = verb.an.tags
    gender = next((g for g in ("masc", "femn", "neut") if g in tags), None)
    if gender is None or "plur" in tags:
        return True
    names = [q for q in ph if _NAME_TAGS & q.an.tags]
    if not names or any(_SURNAME.search(q.text) and not _known(q) for q in names):
        return True   # an unknown surname form ("Таймерденов") carries no reliable gender or case
    return any(_gender_reading(_mlang(q), q.text.lower(), gender) or not _oblique_reading(_mlang(q), q.text.lower())
               for q in names)


@lru_cache(maxsize=20000)
def _oblique_reading(lang: str, word: str) -> bool:
    return any(p.tag.case and str(p.tag.case) != "nomn" for p in analyzer(lang).parse(word))


@lru_cache(maxsize=20000)
def _gender_reading(lang: str, word: str, gender: str) -> bool:
    for p in analyzer(lang).parse(word):
        g = str(p.tag.gender) if p.tag.gender else None   # pymorphy3 rejects comparing unknown grammemes
        if "Fixd" in _tagset(p) or (str(p.tag.case) == "nomn" and g in (gender, None, "ms-f")):
            return True
    return False


def _verb_subject(toks: list[Token], x: int, lex: SourceLexicon, cyr: bool,
                  used: set[int]) -> tuple[list[Token], str | None] | None:
    """The subject phrase of the speech verb toks[x], after it (inverted) or before it."""
    n = len(toks)
    t = toks[x]
    if lex.lang == "en" and x > 2 and toks[x - 1].text == ",":
        # "Oleg Nikolenlo, spokesperson for Ukraine's Foreign Ministry, said": skip the apposition
        c = next((m for m in range(x - 2, max(0, x - 14), -1) if toks[m].text == ","), None)
        if c is not None and c > 0 and (toks[c + 1].text[:1].islower() or toks[c + 1].lower in ("a", "an", "the")) \
                and _name_like(toks[c - 1], lex, cyr):
            ph = _phrase_left(toks, c - 1, lex, cyr, used)
            if ph and any(_cap(q) for q in ph):
                return ph, None
    left_first = lex.lang == "en" and not (x > 0 and (toks[x - 1].text in "," or toks[x - 1].text in _QUOTES))
    if cyr and x > 0:
        # subject-verb order when a name or a body stands right before the verb
        # ("Ненси Пелоси назвала Трампа …"); inverted order follows quotes, "як", "про це"
        jl = _skip_left(toks, x - 1)
        if jl >= 0 and toks[jl].i not in used and (_name_like(toks[jl], lex, cyr) or _kind_of_token(toks[jl], lex)) \
                and (_can_be_nomn(toks[jl]) or _latin(toks[jl])):
            left_first = True
    tries = ("left", "right") if left_first else ("right", "left")
    for side in tries:
        if side == "right":
            j = _skip_right(toks, x + 1, lex)
            if j >= n or toks[j].i in used or (toks[j].text in _BARRIERS and toks[j].text not in _QUOTES) \
                    or _is_verb(toks[j]):
                continue
            if toks[j].lower in ("що", "что", "that", "як", "как", "чтобы"):
                continue
            if lex.lang == "en" and t.lower in ("told", "tell", "tells"):
                continue   # "told The Record": the addressee
            ph, nk = _phrase_right(toks, j, lex, cyr)
            if ph and cyr and not _nominative_ok(ph) and nk < n and toks[nk].i not in used \
                    and toks[nk].text not in _QUOTES:
                # "цитує Лук'янченка агенція «УРА-Інформ Донбас»": object first, subject after it
                ph, nk = _phrase_right(toks, nk, lex, cyr)
            if not ph or (cyr and (not _nominative_ok(ph) or not _agrees(ph, t))):
                continue
            if all(_is_place(q) for q in ph if q.text[:1].isalpha()):
                continue
            return ph, None
        else:
            j = x - 1
            while j >= 0 and toks[j].i in used:   # "Tut.by з посиланням на очевидців передає"
                j -= 1
            j = _skip_left(toks, j)
            if j < 0 or toks[j].i in used or (toks[j].text in _BARRIERS and toks[j].text not in "»”\"") \
                    or toks[j].text in ",":
                continue
            for _hop in range(3):
                ph = _phrase_left(toks, j, lex, cyr, used) if j >= 0 and toks[j].i not in used else []
                start = ph[0].i - toks[0].i if ph else j
                prep = _pp_start(toks, start, x)
                if ph and start > 0 and _is_prep(toks[start - 1]) and len(ph) > 1 \
                        and _name_like(ph[1], lex, cyr) and not (_NAME_TAGS & ph[0].an.tags):
                    ph, start = ph[1:], start + 1   # "в Twitter Болтон сообщил": the PP object is one word
                if ph and not cyr and _hop > 0 and start > 1 and toks[start - 1].text == "," \
                        and _name_like(toks[start - 2], lex, cyr):
                    # "Natalia Krapiva, Tech Legal Counsel at … Access Now said": the name before the apposition
                    ph = _phrase_left(toks, start - 2, lex, cyr, used) or ph
                    start = ph[0].i - toks[0].i
                if ph and (start == 0 or not _is_prep(toks[start - 1])) and (not cyr or _nominative_ok(ph)) \
                        and not all(_is_place(q) for q in ph if q.text[:1].isalpha()):
                    if not _agrees(ph, t):
                        break
                    return ph, None
                if prep is None:
                    break
                j = _skip_left(toks, prep - 1)   # the phrase was a prepositional object: look before it
            continue
    return None


# ---------------------------------------------------------------------------------------------
# scope of the claims


# "Про це повідомляє X" / "Об этом сообщает X": the claims are in the sentence before
_BACKREF = re.compile(r"^\s*(?:про це|об этом|this was|це|это)\b", re.I)


def _scope(doc: Doc, men: Mention, quotes: list[tuple[int, int]],
           skip: list[tuple[int, int]]) -> tuple[int, int]:
    s = doc.sentences[men.sent]
    a, b = s.start, s.end
    for qa, qb in quotes:
        if qa - 1 <= men.cue_start < qb + 1:             # the cue inside a quoted passage
            a, b = min(a, qa), max(b, qb)
        elif a <= qb + 1 <= men.cue_start and qb + 1 <= b:  # '"…", – заявив X': the quote before the cue
            a = min(a, qa)
    if _BACKREF.match(doc.text[s.start:s.end]) and men.sent > 0:
        a = min(a, doc.sentences[men.sent - 1].start)
    for sa, sb in skip:   # a scope never starts inside boilerplate (a run-on "read also" link)
        if sa <= a < sb <= men.cue_start:
            a = sb
    return a, b


# ---------------------------------------------------------------------------------------------
# the stage


def _own_outlet_keys(url: str | None) -> list[str]:
    if not url:
        return []
    host = urlsplit(url.strip()).hostname or ""
    labels = [x for x in host.lower().split(".") if x not in ("www", "amp", "m", "ru", "ua", "uk", "en")]
    keys = [fold(x) for x in labels[:-1] if len(x) >= 2] if len(labels) > 1 else [fold(x) for x in labels]
    return [k for k in keys if k]


def _is_own(name: str, own: list[str]) -> bool:
    f = fold(name)
    return any(f == k or (len(f) >= 5 and len(k) >= 5 and _ratio(f, k) >= 0.8)
               or (len(k) >= 6 and len(f) > len(k) and _ratio(f[:len(k)], k) >= 0.85) for k in own)


def _prepare(doc: Doc) -> None:
    """Note the document's sentence starts and language for this thread's readers (`_name_like`)."""
    _STATE.first = frozenset(a for a, _b in doc.sent_tokens)
    _STATE.lang = "uk" if doc.lang == "uk" else "ru"


_VERB_CACHE: dict[tuple[str, tuple[str, ...]], bool] = {}


def _is_cue_verb(t: Token, lex: SourceLexicon) -> bool:
    """Some lemma of the word is a verb of saying (memoised per lemma set: news repeats words)."""
    key = (lex.lang, t.an.lemmas)
    hit = _VERB_CACHE.get(key)
    if hit is None:
        hit = any(lem in lex.verbs for lem in t.an.lemmas) or t.lower in lex.verbs
        if len(_VERB_CACHE) < 200_000:
            _VERB_CACHE[key] = hit
    return hit


def find_mentions(doc: Doc, skip: list[tuple[int, int]] | None = None) -> list[Mention]:
    _prepare(doc)
    lex = lexicon(doc.lang)
    cyr = lex.lang != "en"
    out: list[Mention] = []
    for rx, name, kind in lex.places:   # "в соцсетях появилось видео": the medium is the source
        for m in rx.finditer(doc.text):
            if skip and any(a <= m.start() and m.end() <= b for a, b in skip):
                continue
            si = max(bisect_right([x.start for x in doc.sentences], m.start()) - 1, 0)
            # only when something is shown there ("в соцсетях появилось видео"), not "допис у соцмережі"
            if lex.content is not None and lex.content.search(doc.sent_text(si)):
                out.append(Mention(Resolved(name, kind, m.start(), m.end()), m.start(), m.end(), si))
    # only sentences with a cue phrase or a verb of saying are read closely
    cues: dict[int, list[re.Match[str]]] = {}
    if lex.before is not None:
        sent_starts = [x.start for x in doc.sentences]
        for m in lex.before.finditer(doc.text):
            cues.setdefault(max(bisect_right(sent_starts, m.start()) - 1, 0), []).append(m)
    todo = set(cues) | {t.sent for t in doc.tokens
                        if t.text[:1].isalpha() and (_is_cue_verb(t, lex) or t.an.lemma in lex.light_verbs)}
    for si in sorted(todo):
        for m in _sentence_mentions(doc, si, lex, cyr, cues.get(si, [])):
            if skip and any(a <= m.res.start and m.res.end <= b for a, b in skip):
                continue
            out.append(m)
    return out


def run(ctx: Context) -> None:
    """Fill ctx.attributions (every mention with the claims it carries) and ctx.sources (one per
    distinct source, with the evidence of each mention)."""
    doc = ctx.doc
    own = _own_outlet_keys(ctx.url)
    quotes = quoted_spans(doc.text)
    by_key: list[tuple[str, Source]] = []
    people: list[tuple[str, str, str]] | None = None
    roles: dict[str, str] = {}
    linked: list[tuple[Attribution, Source]] = []
    mentions = find_mentions(doc, ctx.skip)
    dl = _dateline_agency(doc.text)
    if dl is not None and not _is_own(dl.name, own):
        # "MINSK (Reuters) –": the wire agency that filed the story (no claim scope of its own)
        by_key.append((_dedupe_key(dl.name), Source(dl.name, dl.kind, [Span.of(doc.text, dl.start, dl.end)])))
    # "передає УНН з посиланням на DW": the cited source carries the claim before the relay
    chain_end: dict[int, int] = {}
    for men in mentions:
        if _CITING.match(doc.text, men.cue_start, men.cue_end):
            relays = [o.cue_start for o in mentions if o is not men and o.sent == men.sent and o.cue_start < men.cue_start]
            if relays:
                chain_end[id(men)] = min(relays)
    for men in mentions:
        r = men.res
        r.name = _clean(r.name)
        if len(fold(r.name)) < 2 or _is_own(r.name, own):
            continue
        if r.kind not in ("outlet", "news_agency", "telegram", "social_media", "government") and (
                _single_name(r.name) or r.kind == "other"):
            if people is None:
                people = _full_names(doc)
                roles = _roles_of(doc)
            if _single_name(r.name):
                r.name = _complete(r.name, people)
            if r.kind == "other" and r.name[:1].isupper():
                r.kind = roles.get(fold(r.name)) or roles.get(fold(r.name.split()[-1])) or r.kind
        sa, sb = _scope(doc, men, quotes, ctx.skip)
        if id(men) in chain_end and sa < chain_end[id(men)]:
            sb = chain_end[id(men)]
        att = Attribution(r.name, r.kind, r.start, r.end, sa, sb)
        ctx.attributions.append(att)
        key = _dedupe_key(r.name)
        ev_a, ev_b = min(r.start, men.cue_start), max(r.end, men.cue_end)
        span = Span.of(doc.text, ev_a, ev_b)
        hit = next((src for k, src in by_key if k == key or (
            same_name(k, key) and _personal(src.name, src.kind) and _personal(r.name, r.kind))
            or _back_reference(k, src, key, r)), None)
        if hit is None:
            hit = Source(r.name, r.kind, [span])
            by_key.append((key, hit))
        else:
            if len(key) > len(fold(hit.name)) and r.kind == hit.kind:
                hit.name = r.name   # keep the fullest form ("Мартін Лохер" over "Лохер")
            if span not in hit.evidence:
                hit.evidence.append(span)
        linked.append((att, hit))
    # every attribution names its SOURCE exactly as emitted (the counts stage copies the name)
    for att, src in linked:
        att.name, att.kind = src.name, src.kind
    ctx.sources.extend(src for _k, src in by_key)


# "MINSK (Reuters) –", "KYIV, Ukraine, March 3 (AP) —": a capitalised dateline, then the agency in brackets
_DATELINE = re.compile(r"\A\s*[A-ZА-ЯІЇЄҐ][\w'’.-]*(?:[ ,]+[\w'’.-]+){0,5}?\s*\(([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})\)\s*[-–—]")


def _dateline_agency(text: str) -> Resolved | None:
    m = _DATELINE.match(text[:160])
    if m is None:
        return None
    kind = known_names().get(fold(m.group(1)))
    if kind not in ("news_agency", "outlet"):
        return None
    return Resolved(m.group(1), kind, m.start(1), m.end(1))


_CITING = re.compile(r"(?:з посиланням на|посилаючись на|со ссылкой на|ссылаясь на|citing)", re.I)
_OPEN_Q, _CLOSE_Q = "«„“\"", "»“”\""


def _clean(name: str) -> str:
    """Drop quote marks left unpaired at a name's ends ('Билайн»') and stray punctuation."""
    name = name.strip(" ,.;:-–—")
    if name[:1] in _OPEN_Q and not any(c in _CLOSE_Q for c in name[1:]):
        name = name[1:]
    if name[-1:] in _CLOSE_Q and not any(c in _OPEN_Q for c in name[:-1]):
        name = name[:-1]
    return name.strip()


def _dedupe_key(name: str) -> str:
    return fold(re.sub(r"^(?:the|a)\s+", "", name, flags=re.I))


def _back_reference(k: str, src: Source, key: str, r: Resolved) -> bool:
    """A bare common noun after the full name of the same body ("Міністерство охорони здоров'я" …
    "Міністерство повідомило", "поліція Києва" … "поліція") is that body again."""
    return " " not in r.name and r.kind == src.kind and len(key) >= 4 and k.startswith(key[:-2]) \
        and len(k) > len(key)


def _personal(name: str, kind: str) -> bool:
    """A person's name (capitalised words, not an organisation's kind)."""
    return kind in ("official", "other", "police", "witness", "ngo") and name[:1].isupper() and not name.isupper()


_INITIAL = re.compile(r"^(?:[A-ZА-ЯІЇЄҐЁ]\.\s?)+")


def _single_name(name: str) -> bool:
    bare = _INITIAL.sub("", name)
    return " " not in bare and bare[:1].isupper() and not bare.isupper() and not _DOMAIN.match(bare)


def _full_names(doc: Doc) -> list[tuple[str, str, str]]:
    """(full name, folded first name, folded surname) of every "Ім'я Прізвище" pair in the text,
    in the nominative: later mentions by surname or first name alone point back at them."""
    _prepare(doc)
    lex = lexicon(doc.lang)
    cyr = lex.lang != "en"
    out: list[tuple[str, str, str]] = []
    toks = doc.tokens
    for a, b in zip(toks, toks[1:], strict=False):
        if a.sent != b.sent or not _cap(a) or not _cap(b) or b.start - a.end != 1:
            continue
        if cyr and not (("Name" in a.an.tags or (_person_reading(_mlang(a), a.text.lower()) and "Surn" in b.an.tags))
                        and _name_like(b, lex, cyr)):
            continue
        if not cyr and (a.i in _STATE.first or _kind_of_token(b, lex) or _kind_of_token(a, lex)):
            continue
        first = _to_nominative(a.text, doc.lang, _case(a) if cyr else None, True)
        # an indeclinable first name ("Джо") says nothing of the case: the surname's own reading does
        last = _to_nominative(b.text, doc.lang, (_case(a) if _case(a) != "nomn" else _case(b)) if cyr else None, True,
                              surname=True)
        out.append((f"{first} {last}", fold(first), fold(last)))
    return out


def _roles_of(doc: Doc) -> dict[str, str]:
    """Folded name (full, and the surname alone) -> kind from a role written before it anywhere in
    the text ("Президент США Дональд Трамп", "канцлер Меркель" … "сказал Трамп": official)."""
    lex = lexicon(doc.lang)
    out: dict[str, str] = {}
    toks = doc.tokens
    for t in toks:
        if t.i == 0 or not _cap(t) or t.i in _STATE.first or not toks[t.i - 1].text[:1].isalpha():
            continue
        role = role_before(doc, t.start)
        if not role:
            continue
        k0 = t.i
        while k0 > 0 and toks[k0 - 1].start >= t.start - len(role) - 1:
            k0 -= 1
        kinds = [k for k in (_kind_of_token(q, lex) for q in toks[k0:t.i]) if k]
        kind = next((("official" if k == "government" else k) for k in PERSON_ORDER if k in kinds), None)
        if not kind or kind in ("outlet", "news_agency", "other"):
            continue
        first = fold(_to_nominative(t.text, doc.lang, _case(t), True))
        out.setdefault(first, kind)
        nxt = toks[t.i + 1] if t.i + 1 < len(toks) else None
        if nxt is not None and _cap(nxt) and nxt.start - t.end == 1:
            last = fold(_to_nominative(nxt.text, doc.lang, _case(t) if _case(t) != "nomn" else _case(nxt), True, None, True))
            out.setdefault(first + last, kind)
            out.setdefault(last, kind)
    return out


def _complete(name: str, people: list[tuple[str, str, str]]) -> str:
    key = fold(_INITIAL.sub("", name))
    if len(key) < 3:
        return name
    for full, _first, last in people:
        # the surname in any case form: its stem without the ending
        if last and (key == last or (len(key) >= 4 and last[:-2] and key.startswith(last[: max(3, len(last) - 2)]))):
            return full
    for full, first, _last in people:
        if key == first:
            return full
    return name


# ---------------------------------------------------------------------------------------------
# helpers the quotes stage shares


def speech_cue_near(doc: Doc, before: int, after: int) -> str | None:
    """'after' when a verb of saying follows a quote closing at `after` (`"…", – заявив X`),
    'before' when one precedes a quote opening at `before` (`X заявив: «…»`), else None."""
    lex = lexicon(doc.lang)
    _prepare(doc)
    text = doc.text
    # after the quote: optional punctuation and a dash, then within three words a cue verb
    k = doc.token_at(after)
    toks = doc.tokens
    while k < len(toks) and toks[k].start < after:
        k += 1
    seen = 0
    for t in toks[k:k + 6]:
        if t.text[:1].isalpha():
            seen += 1
            if any(lem in lex.verbs for lem in _lemmas(t)) and (lex.lang == "en" or _is_verb(t)):
                return "after"
            if seen >= 6:   # '," Interior Minister Yuri Karayev told …'
                break
        elif t.text[:1] in ".!?…\n" and seen == 0:
            break   # '«…». Авиакомпании считают': the quote ended its sentence
    # before the quote: "… заявив: «…»" / "… said: "…""
    j = before - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and text[j] in ":,":
        k = doc.token_at(j)
        for t in reversed(toks[max(0, k - 8):k + 1]):
            if t.end > j + 1:
                continue
            if any(lem in lex.verbs for lem in _lemmas(t)) and (lex.lang == "en" or _is_verb(t)):
                return "before"
            if t.text in ".!?\n":
                break
    return None


def role_before(doc: Doc, name_start: int) -> str | None:
    """The role words right before a person's name ("заступник акіма Алмати" Єржан Бабакумаров)."""
    lex = lexicon(doc.lang)
    _prepare(doc)
    cyr = lex.lang != "en"
    k = doc.token_at(name_start)
    toks = doc.tokens
    if k <= 0 or toks[k].start != name_start:
        return None
    j = k - 1
    first = None
    while j >= 0 and toks[j].sent == toks[k].sent:
        t = toks[j]
        if _kind_of_token(t, lex) or (cyr and t.text[:1].isalpha() and not _is_stop(t, lex) and not _is_verb(t)
                                      and _pos(t) in ("NOUN", "ADJF", "PRTF") and _case(t) in ("gent", "nomn")) \
                or (t.text[:1].isupper() and not _is_verb(t) and not _is_stop(t, lex)):
            if _kind_of_token(t, lex):
                first = j
            j -= 1
            continue
        break
    if first is None:
        return None
    if lex.lang == "en" and j + 1 < first and all(_cap(toks[m]) for m in range(j + 1, first)):
        first = j + 1   # "Interior Minister", "Kenyan President": the title's capitalised qualifiers
    return doc.text[toks[first].start:toks[k - 1].end]


def role_after(doc: Doc, name_end: int) -> str | None:
    """An apposition after a person's name: '… said Irungu Houghton, executive director of Amnesty
    Kenya.', '— сказав Іван Петренко, голова профспілки.' (with a role word, up to the clause end)."""
    lex = lexicon(doc.lang)
    _prepare(doc)
    k = doc.token_at(max(name_end - 1, 0)) + 1
    toks = doc.tokens
    if k >= len(toks) or toks[k].text != "," or toks[k].sent != toks[k - 1].sent:
        return None
    m = k + 1
    while m < len(toks) and toks[m].lower in ("a", "an", "the"):
        m += 1
    start, has_role = m, False
    while m < len(toks) and m < start + 10 and toks[m].sent == toks[k].sent and toks[m].text not in ",.;:!?()«»\"“”":
        if _is_verb(toks[m]) or (lex.lang == "en" and _is_verb_en(toks[m], lex)):
            return None   # "…, who said …", "…, заявив …": a clause, not a role
        has_role = has_role or _kind_of_token(toks[m], lex) is not None
        m += 1
    if not has_role or m == start or (m < len(toks) and toks[m].sent == toks[k].sent
                                      and toks[m].text not in ",.;!?"):
        return None
    return doc.text[toks[start].start:toks[m - 1].end]
