"""Light coreference: later mentions of a person or a body point back at its full name.

A surname or first name alone is completed from the "Ім'я Прізвище" pairs of the text; a role
written before or after a name anywhere in the text gives the person's kind; a bare common noun
after an organisation's full name ("the ministry") is that organisation again.
"""

from __future__ import annotations

import re

from ...model import Source
from ...text.doc import Doc, Token
from .lexicon import _DOMAIN, PERSON_ORDER, SourceLexicon, fold, reader
from .names import (
    _cap,
    _case,
    _has_case,
    _is_stop,
    _is_verb,
    _is_verb_en,
    _kind_of_token,
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
    "Міністерство повідомило", "поліція Полтави" … "поліція") is that body again."""
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
    lex = reader(doc)
    cyr = lex.lang != "en"
    out: list[tuple[str, str, str]] = []
    toks = doc.tokens
    for a, b in zip(toks, toks[1:], strict=False):
        if a.sent != b.sent or not _cap(a) or not _cap(b) or b.start - a.end != 1:
            continue
        if cyr and not (("Name" in a.an.tags or (_person_reading(_mlang(a, lex.lang), a.text.lower()) and "Surn" in b.an.tags))
                        and _name_like(b, lex, cyr)):
            continue
        if not cyr and (a.i in lex.first or _kind_of_token(b, lex) or _kind_of_token(a, lex)):
            continue
        first = _to_nominative(a.text, doc.lang, _case(a) if cyr else None, True)
        # an indeclinable first name ("Джо") says nothing of the case: the surname's own reading does
        last = _to_nominative(b.text, doc.lang, (_case(a) if _case(a) != "nomn" else _case(b)) if cyr else None, True,
                              surname=True)
        out.append((f"{first} {last}", fold(first), fold(last)))
    return out


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
    j = k - 1
    first = None
    while j >= 0 and toks[j].sent == toks[k].sent:
        t = toks[j]
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
    """An apposition after a person's name: '… said Irungu Houghton, executive director of Amnesty
    Kenya.', '— сказав Іван Петренко, голова профспілки.' (with a role word, up to the clause end)."""
    lex = reader(doc)
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
        has_role = has_role or _role_word(toks[m], lex)
        m += 1
    if not has_role or m == start or (m < len(toks) and toks[m].sent == toks[k].sent
                                      and toks[m].text not in ",.;!?"):
        return None
    return doc.text[toks[start].start:toks[m - 1].end]


def _role_word(t: Token, lex: SourceLexicon) -> bool:
    """A word that says what a person is: a source kind word or a role noun ("тренер", "nurse")."""
    return _kind_of_token(t, lex) is not None or any(lem in lex.roles for lem in _lemmas(t))
