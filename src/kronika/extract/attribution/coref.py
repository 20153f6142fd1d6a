"""Light coreference: later mentions of a person or a body point back at its full name.

A surname or first name alone is completed from the "Ім'я Прізвище" pairs of the text; a role
written before or after a name anywhere in the text gives the person's kind; a bare common noun
after an organisation's full name ("the ministry") is that organisation again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...model import Source
from ...resources import lexicon_lang, load_lexicon
from ...text.doc import Doc, Token
from ...text.morph import analyzer
from .lexicon import _DOMAIN, PERSON_ORDER, SourceLexicon, fold, reader, words
from .names import (
    _can_be_nomn,
    _cap,
    _case,
    _has_case,
    _is_stop,
    _is_verb,
    _is_verb_en,
    _kind_of_token,
    _known,
    _lemmas,
    _mlang,
    _name_like,
    _person_reading,
    _pos,
    _to_nominative,
)
from .phrases import Resolved


def _dedupe_key(name: str) -> str:
    return fold(re.sub(r"^(?:the|a)\s+", "", name, flags=re.I))


def _back_reference(k: str, src: Source, key: str, r: Resolved) -> bool:
    """A bare common noun after the full name of the same body ("Міністерство аграрної політики" …
    "Міністерство повідомило", "поліція Полтави" … "поліція") is that body again; so is the head
    noun from inside the name ("Державна служба надзвичайних ситуацій" … "у службі", "the Health
    Ministry" … "the ministry"), compared word by word."""
    if " " in r.name or r.kind != src.kind or len(key) < 4 or len(k) <= len(key):
        return False
    # inside the name only for bodies: a person's first name may begin another's patronymic
    return k.startswith(key[:-2]) or r.kind in ("police", "government", "ngo") and any(
        len(w) >= 4 and w.startswith(key[:-2]) for w in (fold(x) for x in src.name.split()[1:]))


def _personal(name: str, kind: str) -> bool:
    """A person's name (capitalised words, not an organisation's kind)."""
    return kind in ("official", "other", "police", "witness", "ngo") and name[:1].isupper() and not name.isupper()


_INITIAL = re.compile(r"^(?:[A-ZА-ЯІЇЄҐЁ]\.\s?)+")


def _single_name(name: str) -> bool:
    bare = _INITIAL.sub("", name)
    return " " not in bare and bare[:1].isupper() and not bare.isupper() and not _DOMAIN.match(bare)


@dataclass(frozen=True, slots=True)
class NamePair:
    """An "Ім'я Прізвище" mention: where it is, the name in the nominative, the first name's gender."""

    start: int
    end: int
    full: str
    first: str      # folded
    last: str       # folded
    gender: str | None


def name_pairs(doc: Doc) -> list[NamePair]:
    """Every first-name-and-surname pair of the text, in order (computed once per article)."""
    got = doc.memo.get("name_pairs")
    if isinstance(got, list):
        return got
    lex = reader(doc)
    cyr = lex.lang != "en"
    out: list[NamePair] = []
    toks = doc.tokens
    for a, b in zip(toks, toks[1:], strict=False):
        if a.sent != b.sent or not _cap(a) or not _cap(b) or b.start - a.end != 1:
            continue
        if cyr and not (("Name" in a.an.tags or (_name_gender(_mlang(a, lex.lang), a.text.lower()) is not None and (
                "Surn" in b.an.tags or _surname_like(b, lex))) or _foreign_pair(doc, a, b, lex))
                        and _name_like(b, lex, cyr)):
            continue
        if not cyr and (_kind_of_token(b, lex) or _kind_of_token(a, lex)
                        or (a.i in lex.first and not (_recurs(doc, b, lex) or role_after(doc, b.end)))):
            # a sentence's first word is capitalised anyway: a name there when its surname recurs
            # or a role follows it ("Mary Doyle, a nurse, …")
            continue
        if cyr and "Surn" not in b.an.tags and _name_reading_in(_mlang(b, lex.lang), b.text.lower(), None, "Patr"):
            continue   # "Ганна Петрівна": a first name and a patronymic, the surname comes after
        # the surname decides the case: "Богдана Мельника" is genitive (no nominative "мельника"),
        # "Ганна Мороз" nominative, whatever the first name's best reading says
        if not cyr:
            case = None
        elif _name_reading_in(_mlang(a, lex.lang), a.text.lower(), "nomn") and _can_be_nomn(b, lex.lang):
            case = None   # "Павло Гриценко" (a vocative "Павло" of "Павла" is the likelier reading)
        elif "Name" in a.an.tags and _name_reading_in(_mlang(a, lex.lang), a.text.lower(), "nomn") \
                and words().surname.search(b.text.lower()):
            case = None   # "Ербол Нурманов": a surname's ending, not a rarer plural reading of the word
        elif "Name" in a.an.tags:   # an indeclinable first name ("Джо") leaves the case to the surname
            case = _case(a) if _case(a) != "nomn" else (None if _can_be_nomn(b, lex.lang) else _case(b))
        else:
            case = _case(b) if not _can_be_nomn(b, lex.lang) else (None if _can_be_nomn(a, lex.lang) else _case(a))
        foreign = cyr and "Name" not in a.an.tags and _name_gender(_mlang(a, lex.lang), a.text.lower()) is None
        # a first name no dictionary knows is written as it is; its surname still declines
        first = a.text if foreign else _to_nominative(a.text, doc.lang, case, True)
        last = _to_nominative(b.text, doc.lang, _case(b) if foreign else case, True, surname=True)
        gender = _name_gender(_mlang(a, lex.lang), a.text.lower()) if cyr else None
        out.append(NamePair(a.start, b.end, f"{first} {last}", fold(first), fold(last), gender))
    doc.memo["name_pairs"] = out
    return out


def _foreign_pair(doc: Doc, a: Token, b: Token, lex: SourceLexicon) -> bool:
    """A first name no dictionary knows, then a surname, right after a role ("слідчий Ербол
    Нурманов"): the surname has a surname reading or ending, and the first name no other reading."""
    if (a.an.pos is not None and a.an.pos != "NOUN") or (
            _known(a, lex.lang) and not ({"Name", "Surn"} & a.an.tags) and "Surn" not in b.an.tags):
        return False
    if a.i in lex.first or not role_before(doc, a.start):
        # no role before it: a name when the surname recurs ("Угур Шахін, …" … "Шахін розповів")
        return _recurs(doc, b, lex) and not _known(b, lex.lang)
    return "Surn" in b.an.tags or bool(words().surname.search(b.text.lower()))


def _recurs(doc: Doc, t: Token, lex: SourceLexicon) -> bool:
    """The capitalised word appears again elsewhere in the text, not as a sentence's first word."""
    return any(o.text == t.text and o.i != t.i and o.i not in lex.first for o in doc.tokens)


def _surname_like(t: Token, lex: SourceLexicon) -> bool:
    """A capitalised word that can be a surname: a surname reading, a surname ending, or unknown;
    never a patronymic ("Петрівна" follows a first name but is no surname)."""
    low = t.text.lower()
    lang = _mlang(t, lex.lang)
    if _name_reading_in(lang, low, None, "Patr"):
        return False
    return _person_reading(lang, low) or bool(words().surname.search(low)) or not _known(t, lex.lang)


@lru_cache(maxsize=20000)
def _name_reading_in(lang: str, word: str, case: str | None, tag: str = "Name") -> bool:
    """Some reading of the word carries `tag` (in `case`, when given)."""
    for p in analyzer(lang).parse(word):
        tags = str(p.tag).replace(" ", ",").split(",")
        if tag in tags and (case is None or case in tags):
            return True
    return False


@lru_cache(maxsize=20000)
def _name_gender(lang: str, word: str) -> str | None:
    """The gender of a first-name reading of the word ("Ганна": femn), if any."""
    parses = [str(p.tag) for p in analyzer(lang).parse(word) if "Name" in str(p.tag)]
    for tags in sorted(parses, key=lambda tags: "nomn" not in tags):   # a nominative reading first
        return "femn" if "femn" in tags else ("masc" if "masc" in tags else None)
    return None


def _full_names(doc: Doc) -> list[tuple[str, str, str]]:
    """(full name, folded first name, folded surname) of every "Ім'я Прізвище" pair in the text,
    in the nominative: later mentions by surname or first name alone point back at them."""
    return [(p.full, p.first, p.last) for p in name_pairs(doc)]


def _roles_of(doc: Doc) -> dict[str, str]:
    """Folded name (full, and the surname alone) -> kind from a role written before it anywhere in
    the text ("Президент Чили Хуан Перес", "канцлер Мюллер" … "сказал Перес": official)."""
    lex = reader(doc)
    out: dict[str, str] = {}
    toks = doc.tokens
    for t in toks:
        if t.i == 0 or not _cap(t) or t.i in lex.first or not toks[t.i - 1].text[:1].isalpha():
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



def role_before(doc: Doc, name_start: int) -> str | None:
    """The role words right before a person's name ("заступник мера Ірпеня" Олег Коваль)."""
    lex = reader(doc)
    cyr = lex.lang != "en"
    k = doc.token_at(name_start)
    toks = doc.tokens
    if k <= 0 or toks[k].start != name_start:
        return None
    if not cyr and k >= 2 and toks[k - 1].text == "," and toks[k - 2].text[:1].islower() and _role_word(toks[k - 2], lex):
        # "according to the mayor, Helen Park, …": the role set off by a comma before the name
        m = k - 2
        while m - 1 >= 0 and toks[m - 1].sent == toks[k].sent and toks[m - 1].text[:1].isalpha() \
                and toks[m - 1].lower not in ("a", "an", "the", "to", "by", "from", "with") and m > k - 5:
            m -= 1
        return doc.text[toks[m].start:toks[k - 2].end]
    j = k - 1
    first = None
    named_nomn = cyr and _case(toks[k]) == "nomn"
    while j >= 0 and toks[j].sent == toks[k].sent:
        t = toks[j]
        if first is not None and named_nomn and _case(t) in ("datv", "ablt", "loct") and _role_word(t, lex):
            break   # "розповіла журналістам мешканка X": the addressee is no part of the role
        if _relay_word(t, lex):
            break   # "написал в Telegram-канале глава региона X": the medium is no part of the role
        if _role_word(t, lex) or (cyr and t.text[:1].isalpha() and not _is_stop(t, lex) and not _is_verb(t)
                                      and _pos(t) in ("NOUN", "ADJF", "PRTF")
                                      and (_case(t) in ("gent", "nomn") or _has_case(t, "gent", lex.lang))) \
                or (t.text[:1].isupper() and not _is_verb(t) and not _is_stop(t, lex)):
            if _role_word(t, lex):
                first = j
            j -= 1
            continue
        break
    if first is None:
        return None
    while cyr and first - 1 > j and _pos(toks[first - 1]) in ("ADJF", "PRTF") and not _cap(toks[first - 1]):
        first -= 1   # "старший науковий співробітник": the role's own adjectives
    if lex.lang == "en" and j + 1 < first and all(_cap(toks[m]) for m in range(j + 1, first)):
        first = j + 1   # "Interior Minister", "Kenyan President": the title's capitalised qualifiers
    return doc.text[toks[first].start:toks[k - 1].end]


def role_after(doc: Doc, name_end: int) -> str | None:
    """An apposition after a person's name: '… said Tom Baker, executive director of Miners Aid.',
    '— сказав Іван Петренко, голова профспілки.' (with a role word, up to the clause end or up to a
    verb of saying: '"…," Tom Baker, director of Netwatch told …')."""
    lex = reader(doc)
    k = doc.token_at(max(name_end - 1, 0)) + 1
    toks = doc.tokens
    if k >= len(toks) or toks[k].text != "," or toks[k].sent != toks[k - 1].sent:
        return None
    m = k + 1
    while m < len(toks) and toks[m].lower in ("a", "an", "the"):
        m += 1
    start, has_role = m, False
    while m < len(toks) and m < start + 16 and toks[m].sent == toks[k].sent and toks[m].text not in ",.;:!?()«»\"“”":
        if _is_verb(toks[m]) or (lex.lang == "en" and _is_verb_en(toks[m], lex)):
            if has_role and lex.lang == "en" and any(lem in lex.verbs or lem in lex.addressed
                                                     for lem in _lemmas(toks[m])):
                return doc.text[toks[start].start:toks[m - 1].end]
            return None   # "…, who said …", "…, заявив …": a clause, not a role
        has_role = has_role or _role_word(toks[m], lex)
        m += 1
    if not has_role or m == start or (m < len(toks) and toks[m].sent == toks[k].sent
                                      and toks[m].text not in ",.;!?"):
        return None
    return doc.text[toks[start].start:toks[m - 1].end]


def role_predicate(doc: Doc, name_end: int) -> str | None:
    """A role said of a person after the name: "Ганна Коваль — лікарка районної лікарні", "Іван
    Петренко, який народився у Львові, є головою профспілки", "Tom Baker is the director of X":
    a dash or a copula (roles.toml `copulas`), then words up to the clause end that hold a role
    word; a role in the instrumental ("є головою") is given in the nominative."""
    lex = reader(doc)
    toks = doc.tokens
    k = doc.token_at(max(name_end - 1, 0)) + 1
    if k >= len(toks) or toks[k].sent != toks[k - 1].sent:
        return None
    if toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].lower in words().relative:
        m = k + 2   # ", який народився у Львові," : the relative clause is skipped up to its comma
        while m < len(toks) and m < k + 16 and toks[m].text != "," and toks[m].sent == toks[k].sent:
            m += 1
        if m >= len(toks) or toks[m].text != ",":
            return None
        k = m + 1
    if k >= len(toks):
        return None
    copulas = copula_words(doc.lang)
    if toks[k].text in ("—", "–") and toks[k].start - toks[k - 1].end <= 1:
        k += 1
    elif toks[k].lower in copulas or any(lem in copulas for lem in _lemmas(toks[k])):
        k += 1
    else:
        return None
    while k < len(toks) and toks[k].lower in ("a", "an", "the"):
        k += 1
    start, m, head = k, k, None
    while m < len(toks) and m < start + 12 and toks[m].sent == toks[start].sent and toks[m].text not in ",.;:!?()":
        if _is_verb(toks[m]) or (lex.lang == "en" and _is_verb_en(toks[m], lex)):
            break
        if head is None and _role_word(toks[m], lex):
            head = m
        m += 1
    if head is None or m == start:
        return None
    pieces: list[str] = []
    for j in range(start, m):   # "головою профспілки" -> "голова профспілки", spacing as written
        w = doc.text[toks[j].start:toks[j].end]
        if j <= head and _case(toks[j]) == "ablt":
            w = _to_nominative(w, doc.lang, "ablt", False)
        pieces.append(w + doc.text[toks[j].end:toks[j + 1].start] if j + 1 < m else w)
    return "".join(pieces)


@lru_cache(maxsize=16)
def copula_words(lang: str) -> frozenset[str]:
    """Words that link a name to what the person is ("є", "является", "is")."""
    return _role_list(lang, "copulas")


@lru_cache(maxsize=16)
def person_words(lang: str) -> frozenset[str]:
    """Nouns for a person by sex or age alone ("жінка", "woman"): who, not what they are."""
    return _role_list(lang, "persons")


def _role_list(lang: str, key: str) -> frozenset[str]:
    got = load_lexicon(lexicon_lang(lang), "roles").get(key, [])
    if not isinstance(got, list) or not all(isinstance(w, str) for w in got):
        raise ValueError(f"lexicons/{lang}/roles.toml: {key} must be a list of strings")
    return frozenset(w.lower() for w in got)


def _relay_word(t: Token, lex: SourceLexicon) -> bool:
    """A kind word of an outlet or a medium ("Telegram-каналі", "газета")."""
    return _kind_of_token(t, lex) in ("outlet", "news_agency", "telegram", "social_media")


def _role_word(t: Token, lex: SourceLexicon) -> bool:
    """A word that says what a person is: a source kind word or a role noun ("тренер", "nurse");
    never a function word whose rarer reading is a role ("после" is no form of "посол" here)."""
    if t.an.pos in ("PREP", "CONJ", "PRCL", "NPRO"):
        return False
    return _kind_of_token(t, lex) is not None or any(lem in lex.roles for lem in _lemmas(t))
