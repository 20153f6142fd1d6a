"""Source phrases: the noun phrase a cue points at, and the name and kind it resolves to.

`_phrase_right` reads a phrase after a cue or an inverted verb ("пише Telegram-канал X"),
`_phrase_left` a subject before its verb; `resolve` takes the name out of the phrase (a person's name
after their role, an outlet's name after its kind word), puts it in the nominative and gives it a
kind from the phrase's words and the table of well-known names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.doc import Doc, Token
from .lexicon import (
    _DOMAIN,
    _NAME_TAGS,
    _QUOTES,
    KIND_ORDER,
    PERSON_ORDER,
    SourceLexicon,
    fold,
    known_names,
    name_words,
    words,
)
from .names import (
    _EN_LINKS,
    _EN_NOT_MODIFIERS,
    _EN_SPOKES,
    _can_be_nomn,
    _cap,
    _case,
    _common_text,
    _domain_at,
    _en_link,
    _glued,
    _has_case,
    _is_place,
    _is_prep,
    _is_stop,
    _is_strip,
    _is_verb,
    _is_verb_en,
    _kind_of_token,
    _known,
    _latin,
    _lemmas,
    _mlang,
    _name_like,
    _name_text,
    _np_word,
    _person_reading,
    _pos,
)

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


def _circle_end(toks: list[Token], m: int, limit: int, lex: SourceLexicon) -> int:
    """End of the words that place an unnamed source ("в силовых структурах", "близкие к мэрии"):
    up to `limit`, stopping at a verb, a coordinator or punctuation."""
    while m < len(toks) and m < limit and toks[m].text[:1].isalnum() and not _is_verb(toks[m]) \
            and not (lex.lang == "en" and _is_verb_en(toks[m], lex)) and toks[m].lower not in words().coord:
        m += 1
    return m


def _phrase_right(toks: list[Token], j: int, lex: SourceLexicon, cyr: bool) -> tuple[list[Token], int]:
    """The source phrase starting at toks[j]: adjectives, kind words, a name, genitive dependents,
    a quoted name, glued pieces (Informburo.kz, Хабар-24). Returns the tokens and the next index."""
    out: list[Token] = []
    have_head = False
    k = j
    n = len(toks)
    while k < n:
        t = toks[k]
        if out and _anonymous(out[-1], lex) and _is_prep(t):
            # "источник в силовых структурах", "a source close to the cabinet": the unnamed source's place
            m = _circle_end(toks, k + 1, k + 7, lex)
            if m > k + 1:
                out.extend(toks[k:m])
                have_head = True
                k = m
                continue
        if out and _anonymous(out[-1], lex) and t.text == "," and k + 2 < n and _pos(toks[k + 1]) in ("ADJF", "PRTF") \
                and _is_prep(toks[k + 2]):
            # "источники, близкие к оппозиции": the unnamed source's circle, set off by commas
            m = _circle_end(toks, k + 3, k + 8, lex)
            if m > k + 3:
                out.extend(toks[k:m])
                have_head = True
                k = m
                continue
        if t.text in _QUOTES and (not out or _is_strip(out[-1], lex) or have_head):
            # a quoted name: «Вести, утро», "Маяк"
            close = next((m for m in range(k + 1, min(n, k + 8)) if toks[m].text in _QUOTES), None)
            if close is None or close == k + 1:
                break
            inner = toks[k + 1:close]
            # a number belongs to a name when every word of it is capitalised ("Россия 24"), not to a
            # sentence's quote marks ("Ще 3 травня")
            if not (_name_like(inner[0], lex, cyr) or _cap(inner[0])) \
                    or (any(q.text.isdigit() for q in inner) and not all(
                        _cap(q) for q in inner if q.text[:1].isalpha())) \
                    or any(_is_verb(q) and not _cap(q) for q in inner):
                break   # '"Ще 3 травня "Нафтогаз…': the quote marks of a sentence, not of a name
            out.extend(toks[k:close + 1])
            have_head = True
            k = close + 1
            continue
        if out and _cap(out[-1]) and len(t.text) == 1 and t.text.isupper() and k + 2 < n \
                and toks[k + 1].text == "." and _glued(t, toks[k + 1]) and _cap(toks[k + 2]):
            out.extend(toks[k:k + 3])   # an initial: "Mary J. Doyle"
            k += 3
            continue
        if out and _cap(out[-1]) and t.lower in lex.name_particles:
            m = k
            while m < min(n, k + 3) and toks[m].lower in lex.name_particles:
                m += 1
            if m < n and _cap(toks[m]) and toks[m].text[:1].isalpha():
                out.extend(toks[k:m])   # "Maria dela Cruz", "Урсула фон дер Ляйен": the particles belong to the name
                k = m
                continue
        if out and t.text in ".-'’" and k + 1 < n and _glued(out[-1], t) and _glued(t, toks[k + 1]) \
                and toks[k + 1].text[:1].isalnum():
            out.extend((t, toks[k + 1]))
            k += 2
            continue
        if cyr and out and _latin(out[-1]) and t.text[:1].isalpha() and not _latin(t) and _cap(t) \
                and all(_latin(q) or not q.text[:1].isalpha() for q in out):
            break   # "в интервью Bloomberg Мартинес": the outlet, then another name
        if _name_like(t, lex, cyr) or (not out and _domain_at(toks, k)) or (
                out and _is_strip(out[-1], lex) and (_domain_at(toks, k) or (
                    t.text[:1].isdigit() and k + 1 < n and _glued(t, toks[k + 1]) and toks[k + 1].text[:1].isalpha()))):
            # a name after its kind word may start with a digit: "портал 24.kg", "издание 7x7"
            out.append(t)
            # a capitalised adjective ("Полтавській міській раді") is no head: the noun is still to come
            have_head = have_head or not (cyr and _pos(t) == "ADJF" and not _NAME_TAGS & t.an.tags)
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
            if nxt is not None and (_name_like(toks[nxt], lex, cyr) or any(
                    any(lem in lex.groups for lem in _lemmas(toks[m])) for m in range(k + 1, nxt))):
                # "according to provincial officials": modifiers of a group that speaks as one
                out.append(t)   # "the traffic analysis firm Netwatch"
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
            break   # "цитує Коваленка агенція …": a new phrase (the subject) starts here
        if lex.lang != "en" and out and (_latin(out[-1]) or (out[-1].text.isupper() and len(out[-1].text) > 1)) \
                and not _kind_of_token(out[-1], lex) and t.text[:1].islower() \
                and not (_kind_of_token(t, lex) or _is_strip(t, lex)):
            break   # "цитирует ТВЦ актера": a lower-case word after an acronym or Latin name is not in it
        if cyr and not have_head and t.text[:1].islower() and _pos(t) == "NOUN" and "anim" in t.an.tags \
                and k + 1 < n and _cap(toks[k + 1]) and {"Name", "Surn"} & toks[k + 1].an.tags \
                and all(_pos(q) in ("ADJF", "PRTF") for q in out):
            # a person noun no role list holds, right before a first name: "блогера Ивана Петрова"
            out.append(t)
            k += 1
            continue
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



def _name_after_role(toks: list[Token], k: int, lex: SourceLexicon, cyr: bool) -> int | None:
    """Index of a person's name within four words after a role's continuation at toks[k], when
    only lower-case role words, a preposition or a parenthesis lie between; else None."""
    n = len(toks)
    m = k
    depth = 0
    while m < n and m < k + 8:
        t = toks[m]
        if depth == 0 and m != k and (_pos(t) == "PREP" or t.lower in words().preps):
            return None   # ", у Києві …": a place phrase, not the rest of a role
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth == 0 and _name_like(t, lex, cyr) and m > k:
            # a person's name (not a place): a first name or surname reading, or a foreign pair
            named = any(_NAME_TAGS & x.an.tags for x in toks[m:m + 3]) or (
                m + 1 < n and _name_like(toks[m + 1], lex, cyr) and not _is_place(t, lex.lang) and not _is_place(toks[m + 1], lex.lang))
            return m if named else None
        elif depth == 0 and not (t.text == "," and m == k) and not (
                t.text[:1].isalpha() and not _is_verb(t) and not _is_stop(t, lex) and t.text[:1].islower()):
            if _pos(t) != "PREP" or m != k:
                return None
        m += 1
    return None



def _phrase_left(toks: list[Token], j: int, lex: SourceLexicon, cyr: bool,
                 used: set[int] | None = None) -> list[Token]:
    """The source phrase ending at toks[j] (a verb's subject before it); it never takes in words
    another cue already claimed ("В интервью Bloomberg Мартинес заявил")."""
    for a in range(j - 1, max(-1, j - 8), -1):
        # "Источник в силовых структурах сообщил": an unnamed informant, then its place
        t = toks[a]
        if (used and t.i in used) or not t.text[:1].isalnum() or (a < j and _is_verb(t)):
            break
        if _anonymous(t, lex) and _is_prep(toks[a + 1]):
            s = a
            while s > 0 and _pos(toks[s - 1]) in ("ADJF", "PRTF") and not (used and toks[s - 1].i in used):
                s -= 1
            if s > 0 and toks[s - 1].lower in ("a", "an", "the"):
                s -= 1
            return toks[s:j + 1]
    if lex.lang == "en" and _anonymous(toks[j], lex):
        # "security sources said", "a diplomatic source said": the unnamed informants with their kind
        s = j
        while s > 0 and j - s < 2 and toks[s - 1].text.isalpha() and toks[s - 1].text.islower() \
                and toks[s - 1].lower not in lex.stop and not _is_verb_en(toks[s - 1], lex) \
                and not (used and toks[s - 1].i in used):
            s -= 1
        if s < j:
            return toks[s:j + 1]
    k = j
    while k >= 0:
        t = toks[k]
        if used and t.i in used:
            break
        if t.text in _QUOTES and (k == j or (lex.lang == "en" and k == j - 1 and _is_strip(toks[j], lex))):
            # 'сайту «Остров» свідчить', "'The Delta Herald' newspaper said": take the quoted name whole
            o = next((m for m in range(k - 1, max(-1, k - 8), -1) if toks[m].text in _QUOTES), None)
            if o is None or o == k - 1:
                break
            k = o - 1
            continue
        ok = (_name_like(t, lex, cyr) or _kind_of_token(t, lex) is not None or _is_strip(t, lex)
              or (lex.lang != "en" and t.text[:1].isalpha() and not _is_stop(t, lex)
                  and _pos(t) in ("ADJF", "PRTF", "NOUN") and (_case(t) in ("gent", "nomn") or _has_case(t, "gent", lex.lang)))
              or (lex.lang == "en" and k < j and _en_link(toks, k))
              or (lex.lang == "en" and j - 3 <= k < j and t.text.isalpha() and t.text.islower()
                  and t.lower not in lex.stop and t.lower not in _EN_NOT_MODIFIERS and not _is_verb_en(t, lex)
                  and (_kind_of_token(toks[j], lex) in ("government", "police")
                       or any(lem in lex.groups or lem in _EN_SPOKES for lem in _lemmas(toks[j]))))
              # "Chile's health ministry", "local medics", "the police press spokesperson"
              or (k > 0 and toks[k - 1].text == "." and _glued(toks[k - 1], t) and t.text.isalpha())
              or (t.text in ".-" and k > 0 and k < j and _glued(toks[k - 1], t) and _glued(t, toks[k + 1]))
              or (t.text == "." and k > 0 and k < j and _glued(toks[k - 1], t) and len(toks[k - 1].text) == 1
                  and toks[k - 1].text.isupper())   # an initial: "Mary J. Doyle"
              or (len(t.text) == 1 and t.text.isupper() and k < j and toks[k + 1].text == "."
                  and _glued(t, toks[k + 1]))   # "Maria dela Cruz": a particle between parts of a name
              or (0 < k < j and t.lower in lex.name_particles and t.text[:1].islower()
                  and (_cap(toks[k + 1]) or toks[k + 1].lower in lex.name_particles)
                  and (_cap(toks[k - 1]) or toks[k - 1].lower in lex.name_particles)))
        if not ok:
            break
        k -= 1
    out = toks[k + 1:j + 1]
    while out and (out[0].lower in ("of", "for", "on", "to", "and", "the") or out[0].text in ".-"):
        out = out[1:]
    if lex.lang != "en":
        # the subject's head is its first kind word, proxy or name: drop what precedes it except
        # adjectives ("прошлого месяца компания" -> "компания")
        first = next((m for m, t in enumerate(out) if _kind_of_token(t, lex) or _is_strip(t, lex)
                      or any(lem in lex.proxies for lem in _lemmas(t)) or _name_like(t, lex, cyr)), None)
        if first is None:
            return []
        # dependents follow their head: an oblique word first ("после отставки министра французские
        # СМИ") belongs to the phrase before the subject
        while first < len(out) - 1 and not _can_be_nomn(out[first], lex.lang) and any(
                (_kind_of_token(t, lex) or _is_strip(t, lex)) and _can_be_nomn(t, lex.lang) for t in out[first + 1:]):
            first = next(m for m in range(first + 1, len(out)) if _kind_of_token(out[m], lex) or _is_strip(out[m], lex)
                         or _name_like(out[m], lex, cyr) or any(lem in lex.proxies for lem in _lemmas(out[m])))
        cut = first
        while cut > 0 and (_pos(out[cut - 1]) in ("ADJF", "PRTF") or any(lem in lex.quantities for lem in _lemmas(out[cut - 1]))):
            cut -= 1
        out = out[cut:]
    if out and not _is_stop(out[0], lex) and _pos(out[0]) not in ("PREP",):
        return out
    return []



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
    if toks and doc.text[toks[-1].end:toks[-1].end + 1] == "/":
        return None   # "t.me/канал": an address, read as a signature by the stage
    while toks and (_is_stop(toks[0], lex) or toks[0].lower in ("the", "a", "an")):
        toks = toks[1:]
    if toks and lex.content is not None and lex.content.fullmatch(toks[0].lower) and not _kind_of_token(toks[0], lex) \
            and _pos(toks[0]) not in ("ADJF", "PRTF") \
            and not any(lem in lex.roles for lem in _lemmas(toks[0])):
        return None   # "Footage posted online": what was shown, not who says so
    anon = next((m for m, t in enumerate(toks) if _anonymous(t, lex)), None)
    if anon is not None and anon + 2 < len(toks) and (_is_prep(toks[anon + 1]) or toks[anon + 1].text == ","):
        # an unnamed source with its place counts as written: "источник в силовых структурах" (other)
        name = _common_text(doc.text, toks, lex.lang, ph.case)
        return Resolved(name, "other", toks[0].start, toks[-1].end)
    if lex.lang == "en":
        toks = _english_phrase(toks, lex)
    if not toks:
        return None
    for m, t in enumerate(toks):
        # a site's address at the phrase's end, after kind words only ("портала 24.kg", "tass.ru")
        dm = _DOMAIN.match(doc.text, t.start)
        if dm and dm.end() >= toks[-1].end and not t.text[:1].isupper() \
                and all(_kind_of_token(q, lex) or _is_strip(q, lex) for q in toks[:m]):
            return Resolved(dm.group(0), known_names().get(fold(dm.group(0)), "outlet"), dm.start(), dm.end())
        if not (_kind_of_token(t, lex) or _is_strip(t, lex)):
            break
    text = doc.text
    cyr = lex.lang != "en"
    # the trailing run of name tokens (a quoted name counts as one)
    i = len(toks)
    in_quotes = False
    while i > 0:
        t = toks[i - 1]
        if in_quotes and t.text not in _QUOTES:
            i -= 1   # «Вісті Полісся», «Осторожно, новости»: everything inside the quotes
            continue
        if _name_like(t, lex, cyr) or t.text in _QUOTES or (t.text in ".-'’" and 0 < i - 1) \
                or (lex.lang == "en" and i < len(toks) and _en_link(toks, i - 1)) \
                or (1 < i < len(toks) and t.lower in lex.name_particles and t.text[:1].islower()
                    and (_cap(toks[i - 2]) or toks[i - 2].lower in lex.name_particles)
                    and (_cap(toks[i]) or toks[i].lower in lex.name_particles)) \
                or (len(t.text) == 1 and t.text.isupper() and i < len(toks) and toks[i].text == ".") \
                or (t.text[:1].isdigit() and i > 1 and _glued(toks[i - 2], t)) \
                or (t.text[:1].isdigit() and i < len(toks) and _glued(t, toks[i])):
            if i < len(toks) and not in_quotes and t.text not in _QUOTES and (
                    _is_strip(t, lex) or (lex.lang == "en" and _cap(t) and (
                        _kind_of_token(t, lex) == "official" or (t.lower in lex.roles and i == 1))
                                          and not _en_link(toks, i))):
                break   # "Telegram-канал Vesti", "Port Director Mary Doyle": kind or role ends the run
            if t.text in _QUOTES:
                in_quotes = not in_quotes   # scanning backwards: a closing mark opens the quoted stretch
            i -= 1
            continue
        break
    run, head = toks[i:], toks[:i]
    if lex.lang == "en" and run and _kind_of_token(run[0], lex) == "official":
        # "Minister of Transport Ana Ruiz": a title through a link, then the person's name
        links = [m for m in range(len(run)) if run[m].lower in _EN_LINKS]
        if links and len(run) - links[-1] - 1 >= 3 and all(_cap(t) for t in run[links[-1] + 1:]):
            head, run = head + run[:-2], run[-2:]
    # kind words count even where the English tail was cut ("the Vesti.kz news portal")
    kinds = [k for k in (_kind_of_token(t, lex) for t in (ph.toks if lex.lang == "en" else toks)) if k]
    if run and all(_kind_of_token(t, lex) and not _is_strip(t, lex) for t in run) and len(run) == 1 \
            and all(_pos(t) in ("ADJF", "PRTF") for t in head):
        head, run = toks, []   # "региональные СМИ", "Полтавської ОДА": a common noun written in capitals
    if run and head and any(lem in lex.quantities for lem in _lemmas(head[-1])) \
            and all(_is_strip(t, lex) or _kind_of_token(t, lex) for t in run if t.text[:1].isalpha()):
        head, run = toks, []   # "ряда Telegram-каналов": a kind word in Latin letters, no name
    if run and cyr and not (len(run) > 2 and run[0].text in _QUOTES and run[-1].text in _QUOTES):
        # places before a person's name belong to the role ("заступник мера Ірпеня Олег …")
        name_at = next((m for m, t in enumerate(run) if _NAME_TAGS & t.an.tags), None)
        # a first name pymorphy3 read otherwise ("Богдан Мельник": a town) still belongs to the name
        while name_at and _cap(run[name_at - 1]) and not _latin(run[name_at - 1]) \
                and _person_reading(_mlang(run[name_at - 1], lex.lang), run[name_at - 1].text.lower()) \
                and not _kind_of_token(run[name_at - 1], lex):
            name_at -= 1
        if name_at is not None and name_at > 0:
            head, run = head + run[:name_at], run[name_at:]
        if head and not _is_strip(head[-1], lex) and (_org_head(head, lex) or not any(_NAME_TAGS & t.an.tags for t in run) and all(("Abbr" in t.an.tags or "Geox" in t.an.tags or t.text.isupper())
                                            for t in run if t.text[:1].isalpha())):
            # "канцелярія прем'єр-міністра …", "Полиция Берлина", "чиновники ОДА": the name run
            # depends on an organisation or a role, the whole phrase is the source
            head, run = toks, []
        elif head and run and all("Geox" in t.an.tags or "Orgn" in t.an.tags for t in run if t.text[:1].isalpha()) \
                and not _is_strip(head[-1], lex):
            head, run = toks, []
        elif len(run) > 1 and head and _latin(run[0]) and not _latin(run[-1]):
            # "Голова Unia Kolejarzy Петро Бойко": the organisation, then the person
            cut = next(m for m in range(len(run)) if not _latin(run[m]) and run[m].text[:1].isalpha())
            head, run = head + run[:cut], run[cut:]
    if cyr and run and run[0].text not in _QUOTES:
        # "Премьер-министр Чили Хуан Перес": an oblique place/word before the name is the role's
        while len(run) > 2 and _case(run[0]) in ("gent", "loct", "datv", "ablt") and _known(run[0], lex.lang) \
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
            and not any(_is_strip(t, lex) for t in head)) or not quoted and _name_pair(run, lex)
        after_kind_word = bool(head) and _is_strip(head[-1], lex)
        case = None if after_kind_word else ph.case
        if head and cyr and any(lem in lex.proxies for lem in _lemmas(head[-1])) and _has_case(run[0], "gent", lex.lang):
            case, person = "gent", False   # "кореспондент Маяка": staff speak for the body in the genitive
        name = _name_text(text, run, a, b, lex.lang, case, person)
        site = _DOMAIN.match(text, a)
        if site and site.end() >= b:
            name, b = site.group(0), site.end()
        kind = _kind_for(name, kinds, person, head, lex, bool(site and site.end() >= b))
        return Resolved(name, kind, a, b, a if head else None)
    if not run and not kinds and _name_like(toks[0], lex, cyr):
        name = _name_text(text, toks, toks[0].start, toks[-1].end, lex.lang, ph.case, False)
        return Resolved(name, _kind_for(name, [], False, [], lex, False), toks[0].start, toks[-1].end)
    # no proper name: a phrase headed by a source noun ("поліції", "региональные СМИ")
    if not kinds or all(_is_strip(t, lex) for t in toks if t.text[:1].isalpha()):
        return None
    if _pos(toks[0]) in ("PREP", "CONJ"):
        return None
    head_i = next((m for m, t in enumerate(toks) if _pos(t) == "NOUN" or _kind_of_token(t, lex)), 0)
    head_tok = toks[head_i]
    spoke = any(lem in lex.spokes for lem in _lemmas(head_tok)) and head_i + 1 < len(toks) \
        and any(_kind_of_token(t, lex) and not _is_strip(t, lex) for t in toks[head_i + 1:])
    plural_spoke = spoke and "plur" in head_tok.an.tags   # "представители фермерских союзов": the unions
    if (plural_spoke or any(lem in lex.proxies for lem in _lemmas(head_tok))) and head_i + 1 < len(toks):
        # "представниця відомства …", "сотрудники профсоюза": the body they speak for
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
        return None   # a bare role ("міністр", "глава фракции") names nobody the reader can check
    while len(toks) > 1 and any(lem in lex.vague for lem in _lemmas(toks[-1])):
        toks = toks[:-1]   # "МВД страны", "міністерства … держави": the country is implied
    if all(_is_strip(t, lex) or _pos(t) in ("ADJF", "PRTF") for t in toks if t.text[:1].isalpha()) and not (
            any(_pos(t) == "ADJF" and "plur" in t.an.tags and "Supr" not in t.an.tags and not _is_strip(t, lex)
                for t in toks)):
        # a bare kind word names nobody; plural media of a described origin or type do ("зарубежные
        # агентства", "моніторингові канали"), a ranking ("крупнейшие издания") does not
        return None
    name = _common_text(text, toks, lex.lang, ph.case)
    kind = _kind_for(name, kinds, False, toks, lex, False)
    return Resolved(name, kind, toks[0].start, toks[-1].end)


def _english_phrase(toks: list[Token], lex: SourceLexicon) -> list[Token]:
    """English: "the NABU announcement" -> NABU, "the Vesti.kz news portal" -> Vesti.kz, but
    "Gdansk police department" stays whole; a phrase of lower-case words alone must be a
    group that speaks as one ("police", "officials", "witnesses")."""
    caps = [m for m, t in enumerate(toks) if _cap(t)]
    if not caps:
        head = toks[-1] if toks else None
        if head is not None and head.an.lemma in _EN_SPOKES:
            # "a police spokesman", "the army media spokesperson": the body speaks
            body = next((t for t in reversed(toks[:-1]) if _lemmas(t)[0] in lex.groups), None)
            return [body] if body is not None else []
        if head is not None and len(toks) > 1 and _kind_of_token(head, lex) in ("government", "police") \
                and head.an.lemma != "official" and not any(_kind_of_token(t, lex) for t in toks[:-1]):
            return toks   # "the interior ministry", "the state border service" (a bare "ministry" is no one)
        if head is None or not any(lem in lex.groups for lem in _lemmas(head)):
            return []
        if _kind_of_token(head, lex) in ("official", "witness") and head.lower == head.an.lemma:
            return []   # "an official says": one unnamed person names nobody ("officials" speak as a body)
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



def _kind_for(name: str, kinds: list[str], person: bool, role: list[Token], lex: SourceLexicon,
              domain: bool) -> str:
    f = fold(name)
    known = known_names().get(f) or next(
        (k for n, k in known_names().items() if len(n) >= 5 and (f.startswith(n) or f.endswith(n))), None)
    if known:
        return known   # "Франс Пресс" (a wire's name) reads like a person's; "Radio Liberty Asia" is Radio Liberty
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
            return words[w]   # "Ohio Today", "Бостон таймс", "Evening Mail": a newspaper's name
    return "other"


def _anonymous(t: Token, lex: SourceLexicon) -> bool:
    """A word for an unnamed informant ("джерело", "источник", "source")."""
    return any(lem in lex.anonymous for lem in _lemmas(t))


def _name_pair(run: list[Token], lex: SourceLexicon) -> bool:
    """ "Богдана Мельника": a first name, then a surname the dictionary also reads as a common noun;
    some reading of each says so, though neither best reading does."""
    words = [t for t in run if t.text[:1].isalpha()]
    if lex.lang == "en" or not 2 <= len(words) <= 3 or not all(_cap(t) and not _latin(t) for t in words):
        return False
    first, last = words[0], words[-1]
    return _person_reading(_mlang(first, lex.lang), first.lower) and (
        _person_reading(_mlang(last, lex.lang), last.lower) or not _known(last, lex.lang))
